"""Rebuilds reuse unchanged entry pages and validated entry files, and only while nothing they depend on changed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil

import pytest

from build_engine.fingerprint import LOCK_FILES
from tests.conftest import PAGE_REQUIRED, ROOT, Site
from tests.test_build_engine import settings_file
from tests.test_validation import BUILDABLE as VALID

NEW_GUIDE = "Title: New guide\nSlug: new-guide\nSummary: A new guide.\n" + PAGE_REQUIRED + "\nText.\n"


def written(site) -> tuple[int, int]:
    site.build_ok()
    match = re.search(r"Entry pages: rendering (\d+), reusing (\d+) unchanged", site.result.stdout + site.result.stderr)
    assert match, site.result.stdout
    return int(match.group(1)), int(match.group(2))


def verbose(site):
    # The counts are logged at INFO level, which --quiet hides.
    site.build = lambda: _build(site)
    return site


def _build(site):
    site.result = site._run(
        "tools.build", "--settings", site.settings, "--content", str(site.content), "--output", str(site.output)
    )
    return site.result


def test_only_the_changed_entry_is_rendered_again(site):
    verbose(site)
    assert written(site) == (3, 0)
    assert written(site) == (0, 3)
    path = site.content / "services" / "sensory-play-group.yaml"
    path.write_text(path.read_text().replace("Sensory Play Group", "Sensory Play Sessions"), encoding="utf-8")
    assert written(site) == (1, 2)
    assert site.page("/services/sensory-play-group/").select_one("h1").get_text(strip=True) == "Sensory Play Sessions"
    assert site.page("/services/oak-tree-school/").select_one("h1").get_text(strip=True) == "Oak Tree School"


def test_an_entry_that_names_another_to_ask_is_rendered_again_when_that_one_changes(site):
    verbose(site)
    written(site)
    path = site.content / "services" / "advice-line.yaml"
    text = path.read_text().replace("Advice Line", "Advice and Support Line").replace("01632 960900", "01632 960000")
    path.write_text(text, encoding="utf-8")
    # Oak Tree School names Advice Line to ask, and shows its name and number.
    assert written(site) == (2, 1)
    ask = site.page("/services/oak-tree-school/").select_one(".app-entry__ask").find_parent("dd").get_text(" ", strip=True)
    assert "Advice and Support Line" in ask and "01632 960000" in ask


def validated(site) -> tuple[int, int]:
    site.build_ok()
    match = re.search(r"Entry files: validating (\d+), reusing (\d+) unchanged", site.result.stdout + site.result.stderr)
    assert match, site.result.stdout
    return int(match.group(1)), int(match.group(2))


def test_only_the_changed_entry_file_is_validated_again(site):
    verbose(site)
    assert validated(site) == (3, 0)
    assert validated(site) == (0, 3)
    path = site.content / "services" / "advice-line.yaml"
    path.write_text(path.read_text().replace("Advice Line", "Advice and Support Line"), encoding="utf-8")
    assert validated(site) == (1, 2)
    assert site.page("/services/advice-line/").select_one("h1").get_text(strip=True) == "Advice and Support Line"


def test_a_mistake_in_an_unchanged_file_is_still_reported_after_a_vocabulary_change(site):
    """Cached entries are only trusted with the vocabularies they were checked against."""
    verbose(site)
    validated(site)
    vocabularies = site.content / "data" / "vocabularies.yaml"
    text = vocabularies.read_text(encoding="utf-8")
    used = next(line for line in (site.content / "services" / "advice-line.yaml").read_text().splitlines() if line.startswith("kind:"))
    kind = used.split(":", 1)[1].strip()
    vocabularies.write_text(text.replace(f"\n  {kind}:\n", f"\n  {kind}-renamed:\n", 1), encoding="utf-8")
    result = site.build()
    assert result.returncode == 1
    assert "advice-line.yaml" in result.stdout + result.stderr


def test_a_change_to_the_rest_of_the_site_renders_every_entry_again(site):
    verbose(site)
    written(site)
    site.write("pages/new-guide.md", NEW_GUIDE)
    assert written(site) == (3, 0)


def test_a_failed_build_does_not_poison_the_cache(site):
    verbose(site)
    written(site)
    site.write("services/broken.yaml", "kind: service\n")
    assert site.build().returncode == 1
    site.remove("services/broken.yaml")
    assert written(site) == (0, 3)


def test_a_county_sized_build_renders_every_entry_page_in_the_background(tmp_path):
    """Enough entries for worker processes: every page is written and in the sitemap."""
    site = Site(tmp_path)
    made = site._run("tools.bench_content", "--n", "450", "--seed", "3", "--out", str(site.content))
    assert made.returncode == 0, made.stderr
    verbose(site)
    assert written(site) == (450, 0)
    entry_files = list((site.content / "services").rglob("*.yaml"))
    pages = [p for p in (site.output / "services").glob("*/index.html")]
    assert len(pages) == len(entry_files) == 450
    assert all(page.stat().st_size > 0 for page in pages)
    sitemap = site.file("/sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("/services/") >= 450


def test_a_cache_adds_new_values_and_drops_values_no_longer_used(tmp_path):
    from build_engine.data_cache import MISSING, DataCache

    path = tmp_path / "test.pickle"
    first = DataCache(path, "code v1")
    for number in range(10):
        first.put(f"entry {number}", number)
    first.save()

    second = DataCache(path, "code v1")
    assert [second.get(f"entry {n}") for n in range(10)] == list(range(10))
    second.put("entry 10", 10)
    second.save()
    size = path.stat().st_size

    third = DataCache(path, "code v1")
    assert third.get("entry 10") == 10 and third.get("entry 0") == 0
    assert DataCache(path, "code v2").get("entry 0") is MISSING

    # A build that uses one value of eleven: the file is rewritten with just that one.
    fourth = DataCache(path, "code v1")
    fourth.get("entry 10")
    fourth.save()
    assert path.stat().st_size < size
    fifth = DataCache(path, "code v1")
    assert fifth.get("entry 10") == 10 and fifth.get("entry 0") is MISSING


def test_rebuilds_with_nothing_changed_do_not_grow_the_build_cache(site):
    # An editor rebuilds hundreds of times a day with make serve: the cache
    # must hold each value once, not once more per build.
    site.build_ok()
    site.build_ok()
    cache = site.output.with_name(".output.cache")
    sizes = {path.name: path.stat().st_size for path in cache.glob("*.pickle")}
    assert "entries.pickle" in sizes and "search-terms.pickle" in sizes
    for _ in range(3):
        site.build_ok()
    assert {path.name: path.stat().st_size for path in cache.glob("*.pickle")} == sizes


def snapshot(folder) -> dict:
    """Every file's digest and every folder (empty ones too) under ``folder``."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in sorted(folder.rglob("*"))
    }


def test_a_rebuild_after_each_kind_of_change_is_byte_for_byte_a_cold_build(site, tmp_path):
    """Issue 16, item 4: whatever changed, reusing the last build's work never leaves a stale file."""
    project = tmp_path / "project"
    project.mkdir()
    # A theme and pinned packages of the test's own, to change like the rest.
    shutil.copytree(ROOT / "theme", project / "theme")
    for name in LOCK_FILES:
        shutil.copy(ROOT / name, project / name)

    def write_settings(*lines):
        return settings_file(project, *lines, theme=project / "theme")

    def edit(path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    services = site.content / "services"
    vocabularies = site.content / "data" / "vocabularies.yaml"
    label = next(line for line in vocabularies.read_text(encoding="utf-8").splitlines() if "label: " in line)
    changes = {
        "an entry renamed": lambda: (services / "sensory-play-group.yaml").rename(services / "sensory-play-sessions.yaml"),
        "another deleted": lambda: site.remove("services/holiday-club.yaml"),
        "a vocabulary label": lambda: edit(vocabularies, label, label + " (changed)"),
        "a template": lambda: edit(project / "theme" / "templates" / "entry.html", "{% block content %}", "{% block content %}<p>Template changed</p>"),
        "a page": lambda: edit(site.content / "pages" / "ehc-plans.md", "\n\n", "\n\nPage changed.\n\n"),
        "a setting": lambda: write_settings('SITENAME = "Setting changed"'),
        "a package version": lambda: edit(project / "constraints.txt", "==", "==0.0.0+changed-"),
    }
    site.settings = write_settings()
    site.write("services/holiday-club.yaml", VALID)
    site.build_ok()
    for number, (change, make) in enumerate(changes.items()):
        make()
        rendered, _ = written(verbose(site))
        cold = Site(tmp_path / f"cold-{number}")
        cold.content, cold.settings = site.content, site.settings
        assert snapshot(site.output) == snapshot(cold.build_ok().output), change
        if change == "a package version":
            assert rendered == 3, "a package change must render every page again"
    text = site.page("/services/advice-line/").get_text()
    assert "Template changed" in text and "Setting changed" in text
    assert site.file("/services/sensory-play-sessions/index.html").exists()
    assert not site.file("/services/sensory-play-group/index.html").exists()
    assert not site.file("/services/holiday-club/index.html").exists()


def test_one_entry_changed_rewrites_only_its_page_of_the_open_referral_lists(site, tmp_path):
    # One service a page, so the fixture's list of services has pages to reuse.
    site.settings = settings_file(tmp_path, 'OPEN_DATA = {**OPEN_DATA, "PAGE_SIZE": 1}')
    site.build_ok()
    pages = site.output / "openreferral" / "services"
    before = {path.name: path.stat().st_ino for path in pages.glob("page-*.json")}
    assert sorted(before) == ["page-1.json", "page-2.json", "page-3.json"]
    # The services are listed A to Z: Sensory Play Group is on page 3.
    path = site.content / "services" / "sensory-play-group.yaml"
    path.write_text(path.read_text().replace("name: Sensory Play Group", "name: Sensory Play Mornings"), encoding="utf-8")
    site.build_ok()
    after = {path.name: path.stat().st_ino for path in pages.glob("page-*.json")}
    assert after["page-2.json"] == before["page-2.json"], "a page of the list with nothing changed on it is reused"
    assert after["page-3.json"] != before["page-3.json"]
    assert "Sensory Play Mornings" in (pages / "page-3.json").read_text(encoding="utf-8")
    cold = Site(tmp_path / "cold")
    cold.content, cold.settings = site.content, site.settings
    assert snapshot(site.output) == snapshot(cold.build_ok().output)


def test_a_file_edited_by_hand_in_the_output_is_made_again(site):
    site.build_ok()
    before = snapshot(site.output)
    for url in ("/services/advice-line/index.html", "/browse/index.html", "/search/manifest.json", "/admin/config.yml"):
        path = site.file(url)
        # In place, as an editor's tool might (the same file, a new size and time).
        with open(path, "a", encoding="utf-8") as file:
            file.write("edited by hand")
    site.build_ok()
    assert snapshot(site.output) == before


def test_settings_that_cannot_be_compared_between_builds_change_the_fingerprint_every_time():
    from build_engine.fingerprint import Uncomparable, canonical, settings_digest

    assert settings_digest({"A": [1, "x"], "B": {"c": None}}) == settings_digest({"B": {"c": None}, "A": [1, "x"]})
    assert settings_digest({"A": (1, 2)}) != settings_digest({"A": [1, 2]})
    assert canonical(re.compile("a+", re.I)) != canonical(re.compile("a+"))
    with pytest.raises(Uncomparable):
        canonical(lambda: None)
    changing = {"SLUGIFY": lambda text: text}
    assert settings_digest(changing) != settings_digest(changing)


def test_a_rebuild_in_the_folder_of_the_build_before_leaves_nothing_of_it_behind(site, tmp_path):
    site.write("pages/new-guide.md", NEW_GUIDE)
    site.build_ok()
    site.build_ok()
    # The build before the published one, which the next build starts from, meddled with.
    before = site.output.parent / ".output.builds" / "1" / "site"
    (before / "services" / "advice-line" / "stray.html").write_text("left by hand", encoding="utf-8")
    (before / "stray" / "inside").mkdir(parents=True)
    (before / "stray" / "inside" / "file.txt").write_text("left by hand", encoding="utf-8")
    page = before / "services" / "oak-tree-school" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.unlink()  # its own copy now, no longer the published page's
    page.write_text(text.replace("Oak Tree School", "Edited by hand"), encoding="utf-8")
    site.remove("services/sensory-play-group.yaml")
    site.remove("pages/new-guide.md")

    site.build_ok()

    assert sorted(p.name for p in (site.output.parent / ".output.builds").iterdir()) == ["2", "3"]
    cold = Site(tmp_path / "cold")
    cold.content = site.content
    assert snapshot(site.output) == snapshot(cold.build_ok().output)


def test_a_file_in_the_build_before_replaced_by_one_of_the_same_size_and_time_is_made_again(site, tmp_path):
    """The tidying trusts a file in the recycled folder only when it is the published file itself (its inode)."""
    site.build_ok()
    site.build_ok()
    before = site.output.parent / ".output.builds" / "1" / "site"
    page = before / "services" / "oak-tree-school" / "index.html"
    found = page.stat()
    assert found.st_ino == site.file("/services/oak-tree-school/index.html").stat().st_ino
    text = page.read_text(encoding="utf-8")
    page.unlink()  # a file of its own now, with the same size and time as the published page
    page.write_text(text.replace("Oak Tree School", "Oak Tree Schoo!"), encoding="utf-8")
    os.utime(page, ns=(found.st_atime_ns, found.st_mtime_ns))
    assert page.stat().st_size == found.st_size

    site.build_ok()

    assert "Oak Tree Schoo!" not in site.file("/services/oak-tree-school/index.html").read_text(encoding="utf-8")
    cold = Site(tmp_path / "cold")
    cold.content = site.content
    assert snapshot(site.output) == snapshot(cold.build_ok().output)


def test_feedback_found_clean_before_is_checked_again_when_the_privacy_patterns_change(site, tmp_path):
    """A rebuild remembers which feedback files hold nothing identifying, but only under the same settings."""
    from tests.test_you_said_we_did import said

    site.write("feedback/2025-04-page-hard-to-read.yaml", said("The form asked for a case code like ZX-1234."))
    site.settings = settings_file(tmp_path)
    site.build_ok()
    site.build_ok()
    settings_file(tmp_path, "YOU_SAID_WE_DID = {**YOU_SAID_WE_DID, 'EXTRA_PATTERNS': {'a case code': r'ZX-\\d{4}'}}")
    result = site.build()
    assert result.returncode == 1
    assert "2025-04-page-hard-to-read.yaml:6: you_said: contains a case code ('ZX-1234')" in result.stdout + result.stderr


def test_a_page_read_before_shows_the_council_details_as_they_are_now(site, tmp_path):
    """What a page's Markdown made is kept between builds, but not past a change to the council file it quotes."""
    site.write("pages/getting-help.md", (
        "Title: Getting help\nSlug: getting-help\nSummary: Where to get help.\n" + PAGE_REQUIRED
        + "\nPhone the {{ send_team.name }} on {{ send_team.phones }}.\n"
    ))
    site.build_ok()
    site.build_ok()
    council = site.content / "council.yaml"
    council.write_text(council.read_text(encoding="utf-8").replace("name: Additional Needs Team", "name: SEND Team", 1), encoding="utf-8")
    site.build_ok()
    assert "Phone the SEND Team on" in site.page("/getting-help/").select_one(".app-prose").get_text(" ", strip=True)
    cold = Site(tmp_path / "cold")
    cold.content = site.content
    assert snapshot(site.output) == snapshot(cold.build_ok().output)


def test_a_word_new_in_a_rebuild_is_in_the_search_index(site):
    """A rebuild starts lunr.js before it knows the new words (search_index.index_builder.start_lunr)."""
    site.build_ok()
    path = site.content / "services" / "sensory-play-group.yaml"
    path.write_text(path.read_text().replace("sensory needs", "sensory needs, with zebrafish", 1), encoding="utf-8")
    site.build_ok()
    assert "zebrafish" in json.loads(site.file("/search/index/z.json").read_text(encoding="utf-8"))
