"""A build either completes or leaves the previous site exactly as it was, however many run at once."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from build_engine.output import OutputFolder
from tests.conftest import PAGE_REQUIRED, ROOT, Site
from tests.test_validation import BUILDABLE as VALID, CASES


def snapshot(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def builds(site) -> list[str]:
    """What is in the folder that holds each build of the site's output, by name."""
    return sorted(p.name for p in (site.output.parent / f".{site.output.name}.builds").iterdir())


def disk_bytes(folder) -> int:
    """Bytes of every file under ``folder``, counting a file linked from several places once."""
    seen = {}
    for root, _, names in os.walk(folder):
        for name in names:
            found = os.lstat(os.path.join(root, name))
            seen[(found.st_dev, found.st_ino)] = found.st_size
    return sum(seen.values())


BAD_INPUTS = {
    **{name: text for name, (text, _) in CASES.items()},
    "page with an unknown field": None,
    "vocabulary file broken": None,
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_fails_the_build_and_leaves_output_unchanged(site, case):
    site.build_ok()
    before = snapshot(site.output)
    assert before, "the first build wrote nothing"
    kept = builds(site)
    if case == "page with an unknown field":
        site.write("pages/bad.md", "Title: Bad\nSlug: bad\nSummary: x\nColour: red\n\nText.\n")
        expected = "content/pages/bad.md:4: colour: is not a field we know"
    elif case == "vocabulary file broken":
        site.write("data/vocabularies.yaml", "kinds:\n  service:\n    label: Service\n")
        expected = "content/data/vocabularies.yaml:2: kinds.service: needs a description"
    else:
        site.write("services/holiday-club.yaml", BAD_INPUTS[case])
        expected = CASES[case][1].split(": ", 1)[0]

    result = site.build()

    assert result.returncode == 1
    assert expected in result.stdout + result.stderr
    assert "Nothing was published" in result.stderr
    assert snapshot(site.output) == before
    # The failed build's own folder is gone.
    assert builds(site) == kept


def test_a_good_change_replaces_the_output(site):
    site.build_ok()
    site.write("services/holiday-club.yaml", VALID)
    site.build_ok()
    assert site.page("/services/holiday-club/").select_one("h1").get_text(strip=True) == "Holiday Club"


def test_two_builds_are_byte_identical(site, tmp_path):
    site.build_ok()
    first = snapshot(site.output)
    site.output = tmp_path / "second"
    site.build_ok()
    assert snapshot(site.output) == first


def test_the_output_is_a_link_to_a_folder_holding_the_whole_site(site):
    site.build_ok()
    assert site.output.is_symlink()
    assert os.readlink(site.output) == ".output.builds/1/site"
    site.build_ok()
    assert os.readlink(site.output) == ".output.builds/2/site"
    assert site.page("/services/advice-line/").select_one("h1")


def test_an_output_folder_from_before_links_is_replaced_by_the_first_build(site):
    site.output.mkdir()
    (site.output / "index.html").write_text("an old site", encoding="utf-8")
    site.build_ok()
    assert site.output.is_symlink() and "an old site" not in site.file("/index.html").read_text()
    site.build_ok()
    assert builds(site) == ["1", "2"]


def test_at_most_one_previous_build_is_kept_and_disk_use_stays_within_twice_the_site(site):
    entry = site.content / "services" / "advice-line.yaml"
    original = entry.read_text(encoding="utf-8")
    changes = [
        lambda n: entry.write_text(original.replace("Advice Line", f"Advice Line {n}"), encoding="utf-8"),
        # A new information page changes every entry page (their menus), so nothing can be linked.
        lambda n: site.write(f"pages/guide-{n}.md", f"Title: Guide {n}\nSlug: guide-{n}\nSummary: A guide.\n{PAGE_REQUIRED}\nText.\n"),
    ]
    site.build_ok()
    for number in range(6):
        changes[number % 2](number)
        site.build_ok()
        assert builds(site) == [str(number + 1), str(number + 2)]
        # The published build: its site and the manifests of what each file was made from.
        build_bytes = disk_bytes(site.output.resolve().parent)
        assert disk_bytes(site.output.parent / ".output.builds") <= 2 * build_bytes
    assert site.page("/services/advice-line/").select_one("h1").get_text(strip=True) == "Advice Line 4"


def test_five_builds_at_once_publish_one_after_another_and_never_a_partial_site(site, tmp_path):
    reference = Site(tmp_path / "reference")
    reference.content = site.content
    reference.build_ok()
    expected = set(snapshot(reference.output))

    partial, stop = [], threading.Event()

    def watch():
        """Keep checking that, from the first site on, ``output`` names a folder with every file of the site."""
        seen = False
        while not stop.is_set():
            if seen and not site.output.is_symlink():
                partial.append("no output")
            if site.output.is_symlink():
                seen = True
                folder = site.output.resolve()
                try:
                    found = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
                except FileNotFoundError:
                    continue  # deleted while being listed: two builds old by then, so it proves nothing
                if folder.is_dir() and found != expected:
                    partial.append(sorted(expected - found)[:5])
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    command = [sys.executable, "-m", "tools.build", "--quiet", "--content", str(site.content), "--output", str(site.output)]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(5)]
    results = [(run.wait(), *run.communicate()) for run in runs]
    stop.set()
    watcher.join()

    assert [code for code, _, _ in results] == [0] * 5, results
    assert partial == []
    assert sum("is running" in err and "waiting for it to finish" in err for _, _, err in results) >= 1
    assert snapshot(site.output) == snapshot(reference.output)
    assert builds(site) == ["4", "5"]


def test_a_build_killed_at_any_point_leaves_a_whole_site(site, tmp_path):
    site.build_ok()
    before = snapshot(site.output)
    site.write("services/holiday-club.yaml", VALID)
    after = Site(tmp_path / "after")
    after.content = site.content
    after_snapshot = snapshot(after.build_ok().output)
    command = [sys.executable, "-m", "tools.build", "--quiet", "--content", str(site.content), "--output", str(site.output)]
    # From Python starting up, through Pelican's run and the workers, to publishing.
    for delay in (0.1, 0.4, 0.7, 1.0, 1.4, 1.8, 2.4):
        build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait()
        assert snapshot(site.output) in (before, after_snapshot), f"killed after {delay} s"
    site.build_ok()
    assert snapshot(site.output) == after_snapshot
    assert len(builds(site)) == 2


def test_a_swap_that_fails_leaves_the_published_site_and_its_link(tmp_path, monkeypatch):
    folder = OutputFolder(tmp_path / "output")
    with folder.locked():
        first, _ = folder.stage()
        (first.site / "index.html").write_text("first", encoding="utf-8")
        folder.publish(first)
        second, _ = folder.stage()
        (second.site / "index.html").write_text("second", encoding="utf-8")

        def fail(*args):
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError):
            folder.publish(second)
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "first"
    assert folder.current() == first.folder


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    folder = OutputFolder(tmp_path / "output")
    said = []
    with folder.locked():
        waiting = subprocess.Popen(
            [sys.executable, "-c", (
                "import sys; sys.path.insert(0, 'plugins')\n"
                "from build_engine.output import OutputFolder\n"
                f"with OutputFolder({str(tmp_path / 'output')!r}).locked(waiting=lambda pid: print('waiting for', pid, flush=True)):\n"
                "    print('got it', flush=True)\n"
            )],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )
        said.append(waiting.stdout.readline().strip())
    said.append(waiting.stdout.readline().strip())
    waiting.wait()
    assert said == [f"waiting for {os.getpid()}", "got it"]
