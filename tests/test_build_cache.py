"""Rebuilds reuse unchanged entry pages and validated entry files, and only while nothing they depend on changed."""

from __future__ import annotations

import re


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
    path = site.content / "services" / "advice-line.yaml"
    path.write_text(path.read_text().replace("Advice Line", "Advice and Support Line"), encoding="utf-8")
    assert written(site) == (1, 2)
    assert site.page("/services/advice-line/").select_one("h1").get_text(strip=True) == "Advice and Support Line"
    assert site.page("/services/oak-tree-school/").select_one("h1").get_text(strip=True) == "Oak Tree School"


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
    site.write("pages/new-guide.md", "Title: New guide\nSlug: new-guide\nSummary: A new guide.\n\nText.\n")
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
    from tests.conftest import Site

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
