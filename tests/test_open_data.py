"""Open data: Open Referral UK files, schema.org data, sitemap, feed and downloads.

Every Open Referral UK file is validated against the standard's own compiled
JSON Schemas, kept in the repository as test data in
``tests/data/openreferral-uk`` (source and licence in its README; set
OPENREFERRAL_UK_SCHEMAS to use another copy).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import ROOT, Site, fixture_site

ORUK = Path(os.environ.get("OPENREFERRAL_UK_SCHEMAS", ROOT / "tests" / "data" / "openreferral-uk"))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PUBLIC = "https://localoffer.example.org"
PAGE_FIELDS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]

# A closed service with prices, map coordinates and two places, so every
# Open Referral UK object the export can make appears in the fixture site.
HOLIDAY_CLUB = """
    kind: service
    name: Holiday Club
    summary: Play and activities in the school holidays for disabled children aged 5 to 11.
    description: |
      Games, crafts and trips, with staff trained to support children with SEND.
    organization: Rainbow Play CIC
    status: temporarily_closed
    alert: Closed until the summer holidays, when it opens again.
    url: https://rainbowplay.example.org/
    phones:
      - number: "01744 222333"
        description: Bookings
      - number: "07700 900123"
    minimum_age: 5
    maximum_age: 11
    categories: [short-breaks, leisure]
    needs: [asd, adhd]
    cost_options:
      - option: Per day
        amount: "12.50"
        amount_description: Free for families on benefits
    access_routes: [self-referral]
    locations:
      - name: Rainbow Centre
        address_1: 2 Park Road
        city: Newton-le-Willows
        postal_code: wa12 9aa
        latitude: "53.4534"
        longitude: "-2.6384"
      - address_1: 5 Church Street
        city: St Helens
        postal_code: WA10 1AB
    schedules:
      - days: [monday, wednesday, friday]
        opens_at: "09:00"
        closes_at: "15:00"
    sources: [example-directory-check]
    assured_date: 2026-05-20
"""


# Schemas --------------------------------------------------------------------


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def compiled(name: str) -> dict:
    return load(ORUK / "compiled" / f"{name}.json")


DEFINITIONS = compiled("service_with_definitions")["definitions"]
OPENAPI = load(ORUK / "openapi.json")


def definition(name: str) -> dict:
    """A schema the compiled files only give as a definition (taxonomy, taxonomy_term, phone)."""
    return {"$ref": f"#/definitions/{name}", "definitions": DEFINITIONS}


def page_of(item: dict) -> dict:
    return {
        "definitions": DEFINITIONS,
        "allOf": [OPENAPI["components"]["schemas"]["Page"]],
        "required": PAGE_FIELDS,
        "properties": {"contents": {"type": "array", "items": {k: v for k, v in item.items() if k != "definitions"}}},
    }


# For each list: the schema of an item in a page, and of one item by id.
LISTS = {
    "services": (compiled("service_list"), compiled("service")),
    "organizations": (compiled("organization_list"), compiled("organization")),
    "service_at_locations": (compiled("service_at_location_list"), compiled("service_at_location")),
    "taxonomies": (definition("taxonomy"), definition("taxonomy")),
    "taxonomy_terms": (definition("taxonomy_term"), definition("taxonomy_term")),
}
ROOT_SCHEMA = OPENAPI["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def schema_for(relative: str) -> dict:
    """The Open Referral UK schema a file under /openreferral/ must match."""
    if relative == "index.json":
        return {**ROOT_SCHEMA, "required": ["version", "profile", "openapi_url"]}
    parts = relative.removesuffix(".json").split("/")
    item, full = LISTS[parts[0]]
    if len(parts) == 1 or parts[1].startswith("page-"):
        return page_of(item)
    return full


def schema_errors(instance, schema) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def oruk_files(site: Site) -> dict[str, object]:
    folder = site.file("/openreferral/")
    return {p.relative_to(folder).as_posix(): load(p) for p in sorted(folder.rglob("*.json"))}


def phones_of(service: dict) -> list:
    return [phone for contact in service.get("contacts", []) for phone in contact.get("phones", [])]


# Sites ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Site:
    """The fixture content plus a closed holiday club, built as if published, with small pages."""
    root = tmp_path_factory.mktemp("open-data")
    fixture_site(root)
    (root / "content" / "services" / "holiday-club.yaml").write_text(textwrap.dedent(HOLIDAY_CLUB).lstrip(), encoding="utf-8")
    settings = root / "publishconf.py"
    settings.write_text(
        textwrap.dedent(f"""
            import sys
            sys.path.insert(0, {str(ROOT)!r})
            from pelicanconf import *
            THEME = {str(ROOT / "theme")!r}
            PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
            SITEURL = {PUBLIC!r}
            OPEN_DATA = {{**OPEN_DATA, "PAGE_SIZE": 3, "LICENCE_NAME": "Creative Commons Attribution 4.0",
                          "LICENCE_URL": "https://creativecommons.org/licenses/by/4.0/"}}
        """),
        encoding="utf-8",
    )
    return Site(root, settings=str(settings)).build_ok()


@pytest.fixture(scope="module", params=["fixture", "real"])
def any_site(request, published):
    return published if request.param == "fixture" else request.getfixturevalue("real_site")


def entries(site: Site) -> list[dict]:
    """Every entry, as the JSON download gives them."""
    return load(site.file("/open-data/directory.json"))


# Open Referral UK -----------------------------------------------------------


def test_every_open_referral_file_validates_against_the_uk_schemas(any_site):
    files = oruk_files(any_site)
    assert len(files) > 20
    problems = [f"{name}: {error}" for name, data in files.items() for error in schema_errors(data, schema_for(name))]
    phone = definition("phone")
    for name, data in files.items():
        if name.startswith("services/") and not name.startswith("services/page-"):
            problems += [f"{name}: phone {error}" for p in phones_of(data) for error in schema_errors(p, phone)]
    assert problems == []


def test_every_entry_is_a_service_with_its_needs_and_categories(any_site):
    files = oruk_files(any_site)
    listed = [s["id"] for name, page in files.items() if name.startswith("services/page-") for s in page["contents"]]
    everything = entries(any_site)
    assert sorted(listed) == sorted(e["id"] for e in everything)
    for entry in everything:
        service = files[f"services/{entry['id']}.json"]
        assert service["name"] == entry["name"]
        attached = {(a["link_type"], a["taxonomy_term"]["name"]) for a in service["attributes"]}
        for field in ("categories", "needs", "designated_needs"):
            for term in entry.get(field, []):
                assert (field, term["label"]) in attached, (entry["name"], field, term)


def test_lists_are_paged_consistently(published):
    files = oruk_files(published)
    assert files["services.json"] == files["services/page-1.json"]
    pages = [files[f"services/page-{n}.json"] for n in (1, 2)]
    assert [p["page_number"] for p in pages] == [1, 2]
    assert [(p["first_page"], p["last_page"]) for p in pages] == [(True, False), (False, True)]
    assert [p["size"] for p in pages] == [3, 1]
    assert {(p["total_items"], p["total_pages"], p["empty"]) for p in pages} == {(4, 2, False)}
    assert "services/page-3.json" not in files
    for name in ("organizations", "service_at_locations", "taxonomies", "taxonomy_terms"):
        first = files[f"{name}.json"]
        assert first["total_pages"] == max(1, math.ceil(first["total_items"] / 3))
        assert f"{name}/page-{first['total_pages']}.json" in files


def test_no_field_is_null_or_empty(any_site):
    def empties(value, path):
        if value in (None, "", [], {}):
            yield path
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from empties(item, f"{path}/{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from empties(item, f"{path}/{index}")

    found = [path for name, data in oruk_files(any_site).items() for path in empties(data, name)]
    # An empty page of a list is the one place the standard wants an empty array.
    assert [p for p in found if not p.endswith("/contents")] == []


def test_a_service_carries_its_places_times_prices_and_phone_numbers(published):
    club = next(e for e in entries(published) if e["slug"] == "holiday-club")
    service = load(published.file(f"/openreferral/services/{club['id']}.json"))
    assert service["status"] == "temporarily closed"
    assert service["alert"].startswith("Closed until")
    assert service["organization"]["name"] == "Rainbow Play CIC"
    assert service["schedules"][0]["byday"] == "MO,WE,FR"
    assert (service["schedules"][0]["opens_at"], service["schedules"][0]["closes_at"]) == ("09:00", "15:00")
    assert service["cost_options"][0]["amount"] == 12.5
    assert [p["number"] for p in phones_of(service)] == ["01744 222333", "07700 900123"]
    first, second = (sal["location"] for sal in service["service_at_locations"])
    assert first["name"] == "Rainbow Centre" and first["latitude"] == 53.4534
    assert first["addresses"][0] | {"id": None, "location_id": None} == {
        "id": None, "location_id": None, "address_1": "2 Park Road", "city": "Newton-le-Willows",
        "state_province": "Merseyside", "postal_code": "WA12 9AA", "country": "GB", "address_type": "physical",
    }
    assert second["addresses"][0]["postal_code"] == "WA10 1AB"
    at_location = load(published.file(f"/openreferral/service_at_locations/{service['service_at_locations'][1]['id']}.json"))
    assert at_location["service"]["name"] == "Holiday Club"


def test_needs_taxonomy_lists_every_need_under_its_broad_area(real_site):
    files = oruk_files(real_site)
    taxonomies = {t["name"]: t for t in files["taxonomies/page-1.json"]["contents"]}
    needs = files[f"taxonomies/{taxonomies['Special educational needs and disabilities']['id']}.json"]
    terms = {t["term"]: t for t in needs["taxonomy_terms"]}
    assert terms["asd"]["name"] == "Autism (ASD)"
    assert terms["asd"]["parent_id"] == terms["communication-and-interaction"]["id"]
    assert files[f"taxonomy_terms/{terms['asd']['id']}.json"] == terms["asd"]


def test_the_root_document_names_the_standard(any_site):
    root = load(any_site.file("/openreferral/index.json"))
    assert root["version"] == "3.0"


def test_two_builds_publish_identical_open_data(published, tmp_path):
    again = Site(published.content.parent, settings=published.settings)
    again.output = tmp_path / "again"
    again.build_ok()

    def digests(output: Path) -> dict:
        return {
            p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("openreferral", "open-data", "feeds")
            for p in sorted((output / folder).rglob("*")) if p.is_file()
        } | {name: hashlib.sha256((output / name).read_bytes()).hexdigest() for name in ("sitemap.xml", "robots.txt")}

    assert digests(again.output) == digests(published.output)


def open_data_files(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for folder in ("openreferral", "open-data", "feeds")
        for p in sorted((output / folder).rglob("*")) if p.is_file() and p.suffix != ".html"
    }


def rebuilt(site: Site) -> tuple[int, int]:
    """Build at INFO level (which --quiet hides); return how many Open Referral files were (written, reused)."""
    site.result = site._run(
        "tools.build", "--settings", site.settings, "--content", str(site.content), "--output", str(site.output)
    )
    assert site.result.returncode == 0, site.result.stdout + site.result.stderr
    logged = site.result.stdout + site.result.stderr
    match = re.search(r"Open Referral files: writing (\d+), reusing (\d+) unchanged", logged)
    assert match, logged
    return int(match.group(1)), int(match.group(2))


def service_by_slug(site: Site, slug: str) -> dict:
    entry = next(e for e in entries(site) if e["slug"] == slug)
    return load(site.file(f"/openreferral/services/{entry['id']}.json"))


def test_a_rebuild_after_one_change_rewrites_that_service_and_the_lists_only(site, tmp_path):
    site.write("services/holiday-club.yaml", HOLIDAY_CLUB)
    per_id, reused = rebuilt(site)
    assert reused == 0 and per_id > 4
    assert rebuilt(site) == (0, per_id)
    club = site.file(f"/openreferral/services/{service_by_slug(site, 'holiday-club')['id']}.json")
    untouched = club.read_bytes()

    # No entry names Sensory Play Group to ask (an entry that does shows its contact, so changes with it).
    path = site.content / "services" / "sensory-play-group.yaml"
    renamed = path.read_text(encoding="utf-8").replace("Sensory Play Group", "Sensory Play Sessions")
    path.write_text(renamed, encoding="utf-8")
    # The service, and each of its places as a location and a service at a location.
    changed = 1 + 2 * len(service_by_slug(site, "sensory-play-group")["service_at_locations"])
    assert rebuilt(site) == (changed, per_id - changed)
    assert service_by_slug(site, "sensory-play-group")["name"] == "Sensory Play Sessions"
    listed = [s["name"] for s in load(site.file("/openreferral/services.json"))["contents"]]
    assert "Sensory Play Sessions" in listed and "Sensory Play Group" not in listed
    text = site.file("/open-data/directory.csv").read_bytes().decode("utf-8-sig")
    assert "Sensory Play Sessions" in [r["Name"] for r in csv.DictReader(io.StringIO(text, newline=""))]
    assert club.read_bytes() == untouched

    # Everything is as a build with no previous output would make it.
    cold = Site(site.content.parent, settings=site.settings)
    cold.output = tmp_path / "cold"
    cold.build_ok()
    assert open_data_files(cold.output) == open_data_files(site.output)


def test_a_new_service_updates_its_organisation_in_the_services_it_already_had(site):
    site.write("services/holiday-club.yaml", HOLIDAY_CLUB)
    rebuilt(site)
    assert service_by_slug(site, "holiday-club")["organization"]["description"] == "Provider of Holiday Club."
    site.write("services/rainbow-sports.yaml", """
        kind: service
        name: Rainbow Sports
        summary: Sports sessions for disabled children.
        description: |
          Football, swimming and climbing.
        organization: Rainbow Play CIC
        categories: [leisure]
        email: sports@rainbowplay.example.org
        ages: not-known
        sources: [example-directory-check]
        assured_date: 2026-05-20
    """)
    rebuilt(site)
    club = service_by_slug(site, "holiday-club")
    assert club["organization"]["description"] == "Provider of Holiday Club and Rainbow Sports."
    organization = load(site.file(f"/openreferral/organizations/{club['organization_id']}.json"))
    assert [s["name"] for s in organization["services"]] == ["Holiday Club", "Rainbow Sports"]
    place = load(site.file(f"/openreferral/service_at_locations/{club['service_at_locations'][0]['id']}.json"))
    assert place["service"]["organization"]["description"] == "Provider of Holiday Club and Rainbow Sports."


def test_unknown_status_stops_the_build_naming_the_file(published, tmp_path):
    site = Site(tmp_path)
    shutil.copytree(published.content, site.content)
    vocabularies = site.content / "data" / "vocabularies.yaml"
    vocabularies.write_text(
        vocabularies.read_text(encoding="utf-8").replace(
            "statuses:\n", "statuses:\n  paused:\n    label: Paused\n    description: Paused for now.\n"
        ),
        encoding="utf-8",
    )
    club = site.content / "services" / "holiday-club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("temporarily_closed", "paused"), encoding="utf-8")
    message = "holiday-club.yaml:7: status: 'paused' has no Open Referral UK status"
    result = site.build()
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not site.output.exists()
    checked = site.check()
    assert checked.returncode != 0
    assert message in checked.stdout


# schema.org -----------------------------------------------------------------


def json_ld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]


def test_entry_pages_describe_schools_and_services_for_search_engines(real_site):
    for entry in entries(real_site):
        data = described(real_site, entry["slug"])
        assert data["name"] == entry["name"]
        if entry["kind"]["id"] in ("special_school", "arp"):
            assert data["@type"] == "School"
        else:
            assert data["@type"] in ("GovernmentService", "Service")
        if "minimum_age" in entry:
            assert data["audience"]["suggestedMinAge"] == entry["minimum_age"]


def described(site: Site, slug: str) -> dict:
    """The entry's own schema.org data (not the site-wide graph)."""
    (data,) = [d for d in json_ld(site.page(f"/services/{slug}/")) if "@graph" not in d]
    return data


def test_a_school_gives_its_address_phone_and_ages(published, real_site):
    school = described(published, "oak-tree-school")
    assert school["@type"] == "School"
    assert school["address"] == {
        "@type": "PostalAddress", "streetAddress": "1 Oak Lane", "addressLocality": "St Helens",
        "addressRegion": "Merseyside", "postalCode": "WA9 1AA", "addressCountry": "GB",
    }
    assert school["audience"] == {"@type": "PeopleAudience", "suggestedMinAge": 4, "suggestedMaxAge": 19}
    # No source gives the real special schools' phone numbers or ages: none is made up for search engines.
    real = next(e for e in entries(real_site) if e["kind"]["id"] == "special_school")
    assert real["ages"] == "not-known" and not real.get("phones")
    assert "telephone" not in described(real_site, real["slug"]) and "audience" not in described(real_site, real["slug"])


def test_a_service_gives_its_opening_hours_phone_and_place(published):
    club = described(published, "holiday-club")
    assert club["@type"] == "Service"
    assert club["url"] == f"{PUBLIC}/services/holiday-club/"
    assert club["provider"] == {"@type": "Organization", "name": "Rainbow Play CIC"}
    hours = club["hoursAvailable"][0]
    assert hours["dayOfWeek"] == ["https://schema.org/Monday", "https://schema.org/Wednesday", "https://schema.org/Friday"]
    assert (hours["opens"], hours["closes"]) == ("09:00", "15:00")
    channel = club["availableChannel"]
    assert channel["servicePhone"][0] == {"@type": "ContactPoint", "telephone": "01744 222333", "contactType": "Bookings"}
    assert channel["serviceLocation"][0]["address"]["postalCode"] == "WA12 9AA"
    assert described(published, "sensory-play-group")["@type"] == "GovernmentService"


def test_every_page_names_the_council_and_the_website(published):
    for url in ("/", "/services/", "/open-data/", "/services/oak-tree-school/"):
        (site_data,) = [d for d in json_ld(published.page(url)) if "@graph" in d]
        types = {node["@type"]: node for node in site_data["@graph"]}
        assert types["GovernmentOrganization"]["name"] == "St Helens Borough Council"
        assert types["WebSite"]["url"] == f"{PUBLIC}/"


def test_structured_data_is_a_data_block_not_a_script_that_runs(published):
    for url in ("/services/holiday-club/", "/open-data/"):
        for script in published.page(url).select("script"):
            assert script.get("src") or script.get("type") == "application/ld+json"
            assert "<" not in (script.string or "")


# Sitemap, robots.txt and the feed --------------------------------------------


def sitemap(site: Site) -> dict[str, str | None]:
    urls = ET.parse(site.file("/sitemap.xml")).getroot().findall(f"{SITEMAP}url")
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urls}


def test_sitemap_lists_every_page_with_entries_dated_by_last_checked(published):
    listed = sitemap(published)
    pages = {
        PUBLIC + "/" + p.relative_to(published.output).as_posix().removesuffix("index.html")
        for p in published.output.rglob("*.html")
        if not p.relative_to(published.output).as_posix().startswith("admin/") and p.name != "404.html"
    }
    assert set(listed) == pages
    for entry in entries(published):
        assert listed[f"{PUBLIC}/services/{entry['slug']}/"] == entry["assured_date"]
    assert listed[f"{PUBLIC}/open-data/"] is None


def test_robots_txt_points_to_the_sitemap_when_published(published, real_site):
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in published.file("/robots.txt").read_text(encoding="utf-8").splitlines()
    # Built locally there is no public address, and robots.txt may only name a full one.
    local = real_site.file("/robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in local
    assert all(line.startswith(("User-agent:", "Allow:", "#")) or not line for line in local)


def first_day(date: str) -> str:
    """'2024' or '2024-03' as the first day it could be; a whole date as it is."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def test_feed_has_every_entry_newest_first_with_its_needs_and_categories(any_site):
    feed = ET.parse(any_site.file("/feeds/entries.atom.xml")).getroot()
    items = {i.findtext(f"{ATOM}id").removeprefix("urn:uuid:"): i for i in feed.findall(f"{ATOM}entry")}
    everything = entries(any_site)
    assert set(items) == {e["id"] for e in everything}
    for entry in everything:
        item = items[entry["id"]]
        assert item.findtext(f"{ATOM}title") == entry["name"]
        # Atom needs a whole date: one known only to the year or month is given as its first day.
        assert item.findtext(f"{ATOM}updated") == f"{first_day(entry['assured_date'])}T00:00:00Z"
        labels = {c.get("label") for c in item.findall(f"{ATOM}category")}
        for field in ("categories", "needs", "designated_needs"):
            assert {t["label"] for t in entry.get(field, [])} <= labels
    home_feed = any_site.page("/").select_one('head link[rel="alternate"][type="application/atom+xml"][href$="/feeds/entries.atom.xml"]')
    assert home_feed is not None
    dates = [i.findtext(f"{ATOM}updated") for i in feed.findall(f"{ATOM}entry")]
    assert dates == sorted(dates, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == dates[0]


# Downloads and the Open data page --------------------------------------------


def test_csv_opens_with_one_row_per_entry(any_site):
    raw = any_site.file("/open-data/directory.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    everything = entries(any_site)
    assert [r["Name"] for r in rows] == [e["name"] for e in everything]
    assert [r["Id"] for r in rows] == [e["id"] for e in everything]
    for row, entry in zip(rows, everything):
        assert row["Last checked"] == entry["assured_date"]
        assert row["Types of help"] == "; ".join(t["label"] for t in entry["categories"])


def test_csv_keeps_commas_and_several_values_in_one_cell(published):
    text = published.file("/open-data/directory.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(text, newline="")) if r["Name"] == "Holiday Club")
    assert row["Address"] == "Rainbow Centre, 2 Park Road, Newton-le-Willows; 5 Church Street, St Helens"
    assert row["Phone numbers"] == "01744 222333 (Bookings); 07700 900123"
    assert row["Needs"] == "Autism (ASD); ADHD"
    assert (row["Youngest age"], row["Up to age"]) == ("5", "11")
    assert row["Status"] == "Temporarily closed"
    assert row["Page on this website"] == f"{PUBLIC}/services/holiday-club/"


def test_open_data_page_explains_the_licence_and_links_every_download(real_site, published):
    page = real_site.page("/open-data/")
    assert page.select_one("h1").get_text(strip=True) == "Open data"
    licence = page.select_one('a[rel="license"]')
    assert licence.get_text(strip=True) == "Open Government Licence v3.0"
    links = {a["href"] for a in page.select("a[href]")}
    for href in ("/open-data/directory.csv", "/open-data/directory.json", "/openreferral/index.json",
                 "/openreferral/services.json", "/feeds/entries.atom.xml", "/sitemap.xml"):
        assert href in links
        assert real_site.file(href).exists()
    assert "services/page-N.json" in page.select_one(".app-open-data__endpoints").get_text()
    assert real_site.page("/").select_one('footer a[href="/open-data/"]').get_text(strip=True) == "Open data"
    assert published.page("/open-data/").select_one('a[rel="license"]').get_text(strip=True) == "Creative Commons Attribution 4.0"


def test_other_websites_may_read_the_open_data(published):
    headers = published.file("/_headers").read_text(encoding="utf-8")
    for path in ("/openreferral/*", "/open-data/*"):
        block = headers.split(f"\n{path}\n", 1)[1].split("\n\n", 1)[0]
        assert "Access-Control-Allow-Origin: *" in block


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    from open_data.downloads import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://evil.example")') == '\'=HYPERLINK("http://evil.example")'
    assert spreadsheet_safe("+44 1744 671104") == "'+44 1744 671104"
    assert spreadsheet_safe("@SUM(1)") == "'@SUM(1)"
    assert spreadsheet_safe("01632 960904") == "01632 960904"
    assert spreadsheet_safe(None) == ""
