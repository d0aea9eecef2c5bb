"""make import: Open Referral UK 3.0 data from other directories becomes entries that pass make check.

The standard's own examples import; this site's own export imports back
into entries equivalent to the originals (from a folder and from a web
address, page by page); and a broken or hostile feed writes nothing and
reports each problem. No test uses the network: web addresses are a local
folder served on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from tests.browser.checks import serving
from tests.conftest import EXAMPLESHIRE, ROOT, Site

EXAMPLES = ROOT / "tests" / "data" / "openreferral-uk" / "examples"
TODAY = "2026-12-06"


def run_import(site: Site, source, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.import_oruk", str(source), "--content", str(site.content),
         "--settings", site.settings, "--today", TODAY, *options],
        cwd=ROOT, capture_output=True, text=True,
    )


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def text_of(site: Site, relative: str) -> str:
    return (site.content / relative).read_text(encoding="utf-8")


# The standard's own examples ---------------------------------------------------


@pytest.mark.parametrize("source", ["service_full.json", "service_list.json", "."], ids=["a service", "a page of a list", "the folder"])
def test_the_standards_examples_import_and_pass_make_check(site, source):
    result = run_import(site, EXAMPLES / source)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content/services/services/community-counselling.yaml  Community Counselling" in result.stdout
    check = site.check()
    assert check.returncode == 0, check.stdout + check.stderr
    written = text_of(site, "services/services/community-counselling.yaml")
    assert "id: ac148810-d857-441c-9679-408f346de14b" in written
    assert "imported_from:\n  source: " in written and f"  date: {TODAY}" in written
    assert "Ann Persona" not in written and "Reception Manager" not in written
    # The import is the entries' source until someone checks them: it is in the register, dated today.
    [source_id] = re.findall(r"^sources: \[(import-[a-z0-9-]+-2026-12-06)\]$", written, re.MULTILINE)
    assert f"\n{source_id}:\n  title: Open Referral UK data from " in text_of(site, "data/sources.yaml")
    if source != "service_list.json":
        # The full service: what the Local Offer cannot hold is reported, not guessed.
        for notice in ("maximum_age: 100 is above 25", "'ABC 1234' is not a UK postcode", "their term 'name' (taxonomy) has no line",
                       "categories: no term says what type of help it is", "people's names and job titles are not published"):
            assert notice in result.stdout, result.stdout
        assert '  - days: [thursday, friday]\n    opens_at: "10:00"\n    closes_at: "18:00"' in written
    site.build_ok()
    page = site.page("/services/community-counselling/")
    assert page.h1.get_text() == "Community Counselling"
    assert "These details come from open data published by another directory, copied here on 6 December 2026." in page.get_text(" ")


def test_a_term_is_filed_through_the_mapping_file(site):
    service = json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    service["attributes"][0]["taxonomy_term"].update({"name": "Mental Health", "term": "mh"})
    (site.content.parent / "feed.json").write_text(json.dumps(service), encoding="utf-8")
    result = run_import(site, site.content.parent / "feed.json")
    assert result.returncode == 0, result.stderr
    written = text_of(site, "services/services/community-counselling.yaml")
    assert "categories: [health]" in written and "needs: [semh]" in written


def test_a_mistake_in_the_mapping_file_names_its_line(site):
    mapping = site.content / "data" / "oruk-mapping.yaml"
    mapping.write_text(mapping.read_text(encoding="utf-8") + "  - match: [Autism]\n    needs: [autism]\n", encoding="utf-8")
    lines = site.check().stdout
    assert "content/data/oruk-mapping.yaml:" in lines and "terms[23].needs[0]: 'autism' is not a known term; did you mean 'asd'?" in lines
    assert "terms[23].match: 'Autism' is already matched by terms[0]" in lines
    result = run_import(site, EXAMPLES / "service_full.json")
    assert result.returncode == 1 and "oruk-mapping.yaml" in result.stderr


# Our own export, imported back ------------------------------------------------


# Every field Open Referral UK carries comes back as it was. Not carried, so
# not compared: slug (made from the name), summary (the description's first
# sentence), keywords, eligibility_description, application_process; for
# special schools and ARPs also admissions, places and phases, and they
# come back as services with their designated needs as needs.
SAME = ["name", "description", "organization", "url", "email", "phones", "minimum_age", "maximum_age", "status", "alert",
        "fees", "cost_options", "categories", "access_routes", "locations", "schedules", "assured_date"]


def catalogue_of(content: Path):
    from local_offer.loading import load_catalogue

    return load_catalogue(content, read_settings(str(EXAMPLESHIRE / "siteconf.py")))


def empty_exampleshire(tmp_path: Path) -> Site:
    """Exampleshire's content with no entries (its pages name none), ready to import into."""
    site = Site(tmp_path, settings=str(EXAMPLESHIRE / "siteconf.py"))
    shutil.copytree(EXAMPLESHIRE / "content", site.content)
    shutil.copy(ROOT / "content" / "data" / "oruk-mapping.yaml", site.content / "data")
    shutil.rmtree(site.content / "services")
    for page in (site.content / "pages").glob("*.md"):
        page.write_text("\n".join(l for l in page.read_text(encoding="utf-8").splitlines() if not l.startswith("Related:")) + "\n")
    for item in (site.content / "feedback").glob("*.yaml"):
        item.write_text("\n".join(l for l in item.read_text(encoding="utf-8").splitlines() if not l.startswith("related:")) + "\n")
    return site


def assert_equivalent(imported, original) -> None:
    by_id = {entry.id: entry for entry in imported.entries}
    assert set(by_id) == {entry.id for entry in original.entries}
    for entry in original.entries:
        back = by_id[entry.id]
        for field in SAME:
            assert back.data.get(field) == entry.data.get(field), f"{entry.name}: {field}"
        assert back.free == (entry.free or None), f"{entry.name}: free"
        if entry.is_school:
            assert back.kind.id == "service" and back.needs == entry.designated_needs
        else:
            assert back.kind == entry.kind and back.needs == entry.needs
        assert back.imported_from["id"] == entry.id
        # An entry with no contact of its own sends families to the same entry.
        assert back.contact.name == entry.contact.name, f"{entry.name}: who to ask"


def test_our_own_export_imports_back_into_equivalent_entries(second_council, tmp_path):
    site = empty_exampleshire(tmp_path)
    result = run_import(site, second_council.output / "openreferral")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Imported 6 of 6 services" in result.stdout
    assert "Special school entries need admissions details Open Referral UK cannot carry" in result.stdout
    check = site.check()
    assert check.returncode == 0, check.stdout + check.stderr
    assert_equivalent(catalogue_of(site.content), catalogue_of(second_council.content))


def test_a_web_address_is_followed_page_by_page(second_council, tmp_path):
    # Exampleshire's open data as a list of 3 pages of 2, served on localhost.
    served = tmp_path / "served" / "openreferral"
    shutil.copytree(second_council.output / "openreferral", served)
    listed = json.loads((served / "services.json").read_text(encoding="utf-8"))["contents"]
    for number in (1, 2, 3):
        page = {"total_items": 6, "total_pages": 3, "page_number": number, "size": 2, "first_page": number == 1,
                "last_page": number == 3, "empty": False, "contents": listed[2 * number - 2 : 2 * number]}
        target = served / ("services.json" if number == 1 else f"services/page-{number}.json")
        target.write_text(json.dumps(page), encoding="utf-8")
    site = empty_exampleshire(tmp_path / "site")
    with serving(served.parent) as base:
        capped = run_import(site, f"{base}/openreferral/services.json", "--max-pages", "2")
        before = snapshot(site.content)
        result = run_import(site, f"{base}/openreferral/services.json")
    assert capped.returncode == 1 and "has more than 2 pages" in capped.stderr and "Nothing was imported" in capped.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    assert before == snapshot(empty_exampleshire(tmp_path / "again").content)
    assert "Imported 6 of 6 services" in result.stdout
    assert site.check().returncode == 0
    assert_equivalent(catalogue_of(site.content), catalogue_of(second_council.content))
    entry = next(e for e in catalogue_of(site.content).entries if e.name == "Short breaks")
    assert entry.imported_from["source"] == f"{base}/openreferral/services/{entry.id}.json"


# Importing again, and neighbours' entries -----------------------------------------


def test_a_neighbours_feed_goes_in_its_own_folder_marked_outside_the_area(second_council, site):
    source = second_council.output / "openreferral"
    result = run_import(site, source, "--into", "neighbours/exampleshire", "--outside-area")
    assert result.returncode == 0, result.stderr
    folder = site.content / "services" / "neighbours" / "exampleshire"
    assert len(list(folder.glob("*.yaml"))) == 6
    assert all("outside_area: true" in p.read_text(encoding="utf-8") for p in folder.glob("*.yaml"))
    site.build_ok()
    notice = site.page("/services/riverside-autism-group/").select_one(".app-entry__outside-area")
    assert notice.get_text(" ", strip=True) == "This is outside St Helens. It is in the Local Offer because families from St Helens use it."

    # Importing again replaces the folder: a service gone from the feed is removed.
    trimmed = site.content.parent / "trimmed"
    trimmed.mkdir()
    for path in sorted(source.glob("services/*-*-*.json"))[1:]:
        shutil.copy(path, trimmed)
    again = run_import(site, trimmed, "--into", "neighbours/exampleshire", "--outside-area")
    assert again.returncode == 0, again.stderr
    assert "removed content/services/neighbours/exampleshire/" in again.stdout
    assert len(list(folder.glob("*.yaml"))) == 5


def test_an_import_never_replaces_an_entry_someone_wrote(site):
    service = json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    service["id"] = "2a9d3fd5-4d42-5d1f-9a40-2f5d37b2f0f1"
    site.write("services/advice-line.yaml", text_of(site, "services/advice-line.yaml") + f"id: {service['id']}\n")
    (site.content.parent / "feed.json").write_text(json.dumps(service), encoding="utf-8")
    before = snapshot(site.content)
    result = run_import(site, site.content.parent / "feed.json")
    assert result.returncode == 1
    assert "Community Counselling: has the id of content/services/advice-line.yaml, which was not imported" in result.stderr
    assert snapshot(site.content) == before
    into = run_import(site, EXAMPLES / "service_full.json", "--into", ".")
    assert into.returncode == 1 and "content/services/advice-line.yaml: was not imported, and --into . would replace it" in into.stderr
    assert snapshot(site.content) == before


# Broken and hostile feeds ----------------------------------------------------------


def hostile(**changes) -> dict:
    service = json.loads((EXAMPLES / "service_full.json").read_text(encoding="utf-8"))
    service.update(changes)
    return service


@pytest.mark.parametrize("feed, problems", [
    ("{not json", ["feed.json: is not valid JSON"]),
    ('{"name": "No status"}', ["feed.json: holds no Open Referral UK services"]),
    (hostile(name=5, schedules="mondays", minimum_age="five", organization=["x"]), [
        "name: must be text, not a number", "schedules: must be a list, not text",
        "minimum_age: must be a number, not text", "organization: must be a set of fields, not a list",
    ]),
    (hostile(description="x" * 5_000_000), ["description: is 5,000,000 characters long; no real service detail is that long"]),
    (hostile(url="javascript:alert(document.cookie)"), ["url: contains a script, an event handler or a javascript: link; refused"]),
    (hostile(url="ftp://example.org/file"), ["url: 'ftp://example.org/file' is not a web address starting http:// or https://; refused"]),
    (hostile(description="<p>Hello</p><script>steal()</script>"), ["description: contains a script, an event handler or a javascript: link; refused"]),
    (hostile(alert='<img src=x onerror="steal()">'), ["alert: contains a script, an event handler or a javascript: link; refused"]),
    (hostile(description="&lt;script&gt;steal()&lt;/script&gt;<b>bold</b>"), ["description: contains a script"]),
    (hostile(assured_date="2027-01-01"), ["assured_date: 2027-01-01 is in the future"]),
    ([hostile(), hostile(id="5b0c8e0e-1d2f-4a8b-9c3d-1e2f3a4b5c6d", name="Second", email={"a": 1})], ["email: must be text, not a set of fields"]),
], ids=["not JSON", "no services", "wrong types", "a 5 MB string", "javascript: URL", "ftp URL", "a script", "an event handler",
        "a script in entities", "a future date", "one bad service of two"])
def test_a_broken_or_hostile_feed_writes_nothing_and_reports_each_problem(site, feed, problems):
    path = site.content.parent / "feed.json"
    path.write_text(feed if isinstance(feed, str) else json.dumps(feed), encoding="utf-8")
    before = snapshot(site.content)
    result = run_import(site, path)
    assert result.returncode == 1
    for problem in problems:
        assert problem in result.stderr, result.stderr
    assert "Nothing was imported: the content is unchanged." in result.stderr
    assert snapshot(site.content) == before


def test_html_in_text_becomes_plain_text(site):
    service = hostile(description="<p>Counselling for <b>young people</b> &amp; families.</p><ul><li>Online</li><li>In person</li></ul>",
                      alert="Closed <em>on</em> bank holidays.")
    path = site.content.parent / "feed.json"
    path.write_text(json.dumps(service), encoding="utf-8")
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    assert "description: was HTML; it is now plain text" in result.stdout
    written = text_of(site, "services/services/community-counselling.yaml")
    assert "description: |\n  Counselling for young people & families.\n\n  - Online\n  - In person\n" in written
    assert "alert: Closed on bank holidays." in written and "<" not in written


def test_a_web_address_that_fails_writes_nothing(site, tmp_path):
    (tmp_path / "served").mkdir()
    with serving(tmp_path / "served") as base:
        result = run_import(site, f"{base}/openreferral/services.json")
    assert result.returncode == 1
    assert "openreferral/services.json: the server answered 404" in result.stderr
