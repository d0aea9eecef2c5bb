"""The build engine's workers: every job's work, pages and problems reach the build, wherever it ran."""

from __future__ import annotations

import logging
import subprocess
import sys
import time

from build_engine import Build
from pelican import signals

from tests.conftest import ROOT, Site


def engine(tmp_path, workers=2) -> Build:
    return Build({"OUTPUT_PATH": str(tmp_path), "PLUGIN_PATHS": [], "THEME": str(tmp_path)}, tmp_path, workers=workers)


def test_work_spread_over_workers_comes_back_whole_and_in_order(tmp_path):
    build = engine(tmp_path, workers=3)
    try:
        assert build.map(lambda n: n * n, list(range(50))) == [n * n for n in range(50)]
    finally:
        build.close()


def test_a_warning_logged_in_a_job_is_counted_by_the_build_wherever_it_ran(tmp_path):
    """Issue 16, finding 3: the same warning must fail a build wherever the job runs."""
    build = engine(tmp_path)
    try:
        build.run(lambda: logging.getLogger("test").warning("found in the build's process"))
        build.start(None, lambda n: logging.getLogger("test").error("page %d", n) if n == 3 else None, list(range(6)))
        build.map(lambda n: logging.getLogger("test").warning("file %d", n) if n == 1 else n, [0, 1, 2])
        build.finish()
        assert build.problems.count == 3
    finally:
        build.close()


def test_a_worker_that_crashes_is_a_problem_and_the_others_finish(tmp_path):
    build = engine(tmp_path)

    def render(number):
        if number == 5:
            raise ValueError("page 5 broke its worker")
        (tmp_path / f"{number}.html").write_text(str(number))

    try:
        build.start(None, render, list(range(12)))
        build.finish()
        assert build.problems.count == 1
        # The worker with the even numbers never met page 5.
        assert {0, 2, 4, 6, 8, 10} <= {int(p.stem) for p in tmp_path.glob("*.html")}
    finally:
        build.close()


def test_pages_written_in_workers_are_announced_in_the_build(tmp_path):
    build = engine(tmp_path)
    heard = []

    def listen(path, context):
        heard.append((path, context["who"]))

    signals.content_written.connect(listen)
    try:
        build.start(type("Generator", (), {"context": {"who": "entries"}}), lambda n: f"page-{n}.html", list(range(4)))
        build.start(type("Generator", (), {"context": {"who": "search"}}), lambda name: name, ["a.html", "b.html"], split=False)
        build.finish()
    finally:
        signals.content_written.disconnect(listen)
        build.close()
    assert sorted(heard) == sorted(
        [(str(tmp_path / f"page-{n}.html"), "entries") for n in range(4)]
        + [(str(tmp_path / name), "search") for name in ("a.html", "b.html")]
    )


def test_work_a_job_hands_on_is_part_of_that_job(tmp_path):
    build = engine(tmp_path)

    def write_files(_):
        build.start(None, lambda _: (tmp_path / "cache.pickle").write_text("saved") and None, [None])
        (tmp_path / "services.json").write_text("written")
        return "open-data/index.html"

    try:
        build.start(type("Generator", (), {"context": {}}), write_files, [None])
        jobs = build.workers.wait()
        assert [job.pages for job in jobs] == [["open-data/index.html"]]
        assert (tmp_path / "services.json").read_text() == "written"
        assert (tmp_path / "cache.pickle").read_text() == "saved"
    finally:
        build.close()


def test_a_cache_made_in_a_job_is_saved_by_that_job(tmp_path):
    build = engine(tmp_path)
    build.cache = tmp_path / "cache"
    try:
        build.start(None, lambda _: build.data_cache("made-in-a-worker", "v1").put("key", "value"), [None])
        build.run(lambda: build.data_cache("made-here", "v1").put("key", "value"))
        # Saved as the job returned, and so no longer kept by the build.
        assert build.data_cache("made-here", "v1").get("key") == "value"
        build.finish()
        assert build.data_cache("made-in-a-worker", "v1").get("key") == "value"
    finally:
        build.close()


def test_work_run_alone_starts_once_every_worker_has_ended_and_their_pages_are_announced(tmp_path):
    """Search needs the most memory of any output, so it runs alone: never beside the workers' memory."""
    build = engine(tmp_path)
    heard = []

    def listen(path, context):
        heard.append(path)

    def render(number):
        time.sleep(0.2)  # still rendering when the build reaches the work that must run alone
        (tmp_path / f"{number}.html").write_text(str(number))
        return f"{number}.html"

    signals.content_written.connect(listen)
    try:
        build.start(type("Generator", (), {"context": {}}), render, list(range(4)))
        found = build.run(lambda: (sorted(p.name for p in tmp_path.glob("*.html")), len(heard)), alone=True)
        build.finish()
    finally:
        signals.content_written.disconnect(listen)
        build.close()
    assert found == (sorted(f"{n}.html" for n in range(4)), 4)
    assert len(heard) == 4  # each announced once


class Record:
    """An item with what it shares with the rest of the build (a vocabulary term, say)."""

    def __init__(self, value, term):
        self.value = value
        self.term = term


def test_a_worker_gets_copies_of_its_items_with_what_they_share_being_its_own(tmp_path):
    """A worker reads a copy of each item, so it never touches the build's; shared objects stay shared."""
    term, marker = Record("autism", None), object()
    records = [Record(number, term) for number in range(4)]
    build = engine(tmp_path)
    try:
        seen = build.map(
            lambda item: (item[0] is records[item[0].value], item[0].value, item[0].term is term, item[1] is marker),
            [(record, marker) for record in records],
        )
    finally:
        build.close()
    assert seen == [(False, number, True, True) for number in range(4)]


def settings_file(folder, *lines: str, theme=ROOT / "theme") -> str:
    """A settings file in ``folder`` (whose lock files the build then reads): pelicanconf.py with ``lines`` after it."""
    path = folder / "settings.py"
    path.write_text(
        "\n".join([
            "from pelicanconf import *",
            f"THEME = {str(theme)!r}",
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]",
            *lines,
        ]) + "\n",
        encoding="utf-8",
    )
    return str(path)


def test_a_warning_in_a_worker_fails_a_real_build_and_publishes_nothing(site, tmp_path):
    site.build_ok()
    site.settings = settings_file(
        tmp_path,
        f"PLUGIN_PATHS.append({str(ROOT / 'tests' / 'fixtures' / 'plugins')!r})",
        "PLUGINS = PLUGINS + ['warns_in_worker']",
    )
    site.write("services/advice-line.yaml", (site.content / "services" / "advice-line.yaml").read_text().replace("Advice Line", "Advice Point"))
    result = site.build()
    assert result.returncode == 1
    assert "A problem found by a job in a worker process" in result.stdout + result.stderr
    assert "Nothing was published" in result.stderr
    assert site.page("/services/advice-line/").select_one("h1").get_text(strip=True) == "Advice Line"


def test_a_plain_pelican_run_builds_the_whole_site(site, tmp_path):
    output = tmp_path / "plain"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(site.content), "-o", str(output), "-s", "pelicanconf.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    plain = Site(tmp_path)
    plain.output = output
    assert plain.page("/services/advice-line/").select_one("h1").get_text(strip=True) == "Advice Line"
    assert "/services/advice-line/" in plain.file("/sitemap.xml").read_text(encoding="utf-8")
    assert plain.file("/search/manifest.json").is_file()


def test_the_content_model_does_not_use_the_build_engine():
    """Only the plugin's Pelican glue (register and generator) calls the engine; what content means stands alone."""
    glue = {"__init__.py", "generator.py"}
    model = [path for path in (ROOT / "plugins" / "local_offer").glob("*.py") if path.name not in glue]
    assert model and not [path.name for path in model if "build_engine" in path.read_text(encoding="utf-8")]
