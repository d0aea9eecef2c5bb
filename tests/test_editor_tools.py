"""Editors' tools: make new, review dates, make stale, the web editor, schemas and docs."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import jsonschema
import pytest
import yaml

from editor_config.reference import field_reference
from local_offer.fieldtypes import Choice, EntrySlug, Group, List, SourceId, Term
from local_offer.loading import load_vocabularies
from local_offer.schema import ENTRY, FEEDBACK, PAGE
from tests.conftest import FIXTURE_CONTENT, fixture_site

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = load_vocabularies(ROOT / "content", {})
KIND_FOLDERS = {"service": "services", "special_school": "schools", "arp": "arps", "ias": "ias"}


def run(*args) -> subprocess.CompletedProcess:
    """A tool the Makefile runs, with the project's Python, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}
    )


@pytest.fixture(scope="module")
def built(request, tmp_path_factory):
    """The fixture site, plus one entry not checked for years, built once."""
    root = tmp_path_factory.mktemp("editor")
    site = fixture_site(root)
    old = (FIXTURE_CONTENT / "services" / "advice-line.yaml").read_text(encoding="utf-8")
    site.write("services/old-advice-line.yaml", old.replace("Advice Line", "Old Advice Line").replace("2026-06-01", "2019-05-01"))
    site.build()
    assert site.result.returncode == 0, site.result.stdout + site.result.stderr
    return site


# --- make new -------------------------------------------------------------


def new(site, kind: str, name: str, today: str = "2026-03-31") -> subprocess.CompletedProcess:
    return run("tools.new_entry", kind, name, "--content", str(site.content), "--today", today)


def test_new_service_is_written_in_its_kind_folder_with_a_fresh_id_and_todays_date(site):
    result = new(site, "service", "Children's Sensory Play (Haydock)")
    assert result.returncode == 0, result.stderr
    path = site.content / "services" / "services" / "childrens-sensory-play-haydock.yaml"
    text = path.read_text(encoding="utf-8")
    assert "name: \"Children's Sensory Play (Haydock)\"" in text
    assert "slug: childrens-sensory-play-haydock" in text
    assert "assured_date: 2026-03-31" in text
    assert uuid.UUID(re.search(r"^id: (\S+)$", text, re.M).group(1)).version == 4
    assert "kind: service" in text


def test_new_entry_has_every_field_of_its_kind_with_a_comment_saying_if_required(site):
    for kind, folder in KIND_FOLDERS.items():
        assert new(site, kind, f"New {kind}").returncode == 0
        text = (site.content / "services" / folder / f"new-{kind.replace('_', '-')}.yaml").read_text(encoding="utf-8")
        keys = re.findall(r"^([a-z_0-9]+):", text, re.M)
        term = VOCABULARIES["kinds"].terms[kind]
        assert keys == [f.name for f in ENTRY.fields if f.allowed(term)]
        for field in ENTRY.fields:
            if not field.allowed(term):
                continue
            comment = re.search(rf"^(# (?:REQUIRED|Optional).*\n(?:#   .*\n)*){field.name}:", text, re.M).group(1)
            assert ("REQUIRED" in comment) == field.is_required(term), (kind, field.name)
            assert field.label in comment


def test_new_entry_fails_make_check_naming_each_required_field_until_filled_in(site):
    new(site, "special_school", "Willow Bank School")
    path = site.content / "services" / "schools" / "willow-bank-school.yaml"
    result = site.check()
    assert result.returncode == 1
    named = set(re.findall(r"willow-bank-school\.yaml:\d+: ([a-z_.]+): is required", result.stdout))
    assert named == {
        "summary", "description", "categories", "designated_needs", "admissions.admitting_authority", "sources",
    }
    # Rules across fields name the line to fill in too: which ages, and a way to a person.
    assert re.search(r"willow-bank-school\.yaml:\d+: ages: say which ages it is for", result.stdout)
    assert re.search(r"willow-bank-school\.yaml:\d+: ask: gives families no way to reach a person", result.stdout)

    text = path.read_text(encoding="utf-8")
    for field, value in {
        "summary": "A special school for pupils aged 11 to 19 with autism.",
        "description": "Small classes.",
        "categories": "[education]",
        "minimum_age": "11",
        "maximum_age": "19",
        "designated_needs": "[asd]",
        "phases": "[secondary, post-16]",
        "  ehc_plan_required": "true",
        "  admitting_authority": "St Helens Borough Council",
        "ask": "advice-line",
        "sources": "[example-directory-check]",
    }.items():
        text = re.sub(rf"^{field}:$", f"{field}: {value}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    result = site.check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_commented_list_example_becomes_valid_once_uncommented(site):
    new(site, "service", "Toy Library")
    path = site.content / "services" / "services" / "toy-library.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary:\n", "summary: Toys to borrow.\n").replace("description:\n", "description: Toys.\n")
    text = text.replace("categories:\n", "categories: [leisure]\n").replace("ages:\n", "ages: all\n")
    text = text.replace("sources:\n", "sources: [example-directory-check]\n")
    # What the guide tells an editor to do: remove the first '#' of each line.
    text = text.replace("#  - number:", '  - number: "01632 960904"', 1).replace("#    description:", "    description: Bookings", 1)
    path.write_text(text, encoding="utf-8")
    result = site.check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_new_refuses_to_overwrite_an_existing_file(site):
    path = site.content / "services" / "sensory-play-group.yaml"
    before = path.read_text(encoding="utf-8")
    result = new(site, "service", "Sensory Play Group")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "sensory-play-group.yaml" in result.stderr
    assert path.read_text(encoding="utf-8") == before
    assert not (site.content / "services" / "services" / "sensory-play-group.yaml").exists()


def test_new_rejects_an_unknown_kind(site):
    result = new(site, "club", "Chess club")
    assert result.returncode == 1
    assert "service, special_school, arp, ias, feedback" in result.stderr


def test_new_feedback_item_lists_its_fields_and_fails_check_until_filled(site):
    result = new(site, "feedback", "More short breaks", today="2026-04-02")
    assert result.returncode == 0, result.stderr
    text = (site.content / "feedback" / "2026-04-more-short-breaks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^([a-z_]+):", text, re.M) == [f.name for f in FEEDBACK.fields]


# --- review dates -----------------------------------------------------------


def test_entry_page_says_when_it_was_last_checked(built):
    page = built.page("/services/sensory-play-group/")
    rows = {
        row.select_one(".govuk-summary-list__key").get_text(strip=True): row.select_one(".govuk-summary-list__value").get_text(strip=True)
        for row in page.select(".govuk-summary-list__row")
    }
    assert rows.get("Last checked") == "March 2026"


def test_build_warns_about_an_entry_not_checked_for_a_year_but_still_publishes(built):
    log = built.result.stdout + built.result.stderr
    assert "old-advice-line.yaml" in log and "last checked 1 May 2019, more than 12 months ago" in log
    assert "advice-line.yaml: assured_date" not in log.replace("old-advice-line.yaml", "")
    assert built.file("/services/old-advice-line/index.html").exists()


def stale(site, *args) -> subprocess.CompletedProcess:
    return run("tools.stale", "--content", str(site.content), *args)


def test_make_stale_lists_overdue_entries_oldest_first_with_who_to_chase(site):
    site.write("services/older.yaml", (site.content / "services" / "advice-line.yaml").read_text().replace("Advice Line", "Older Line").replace("2026-06-01", "2020-01-01"))
    result = stale(site, "--today", "2027-03-10")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("3 entries were last checked more than 12 months ago (before 10 March 2026)")
    names = [re.split(r"\s{2,}", line)[1] for line in lines if re.match(r"\d{4}-\d\d-\d\d ", line)]
    assert names == ["Older Line", "Oak Tree School", "Sensory Play Group"]
    assert "01632 960900" in result.stdout and "playgroup@example.org" in result.stdout
    assert "services/older.yaml" in result.stdout
    # Which source to check again: one source brings all its entries up to date.
    sources = result.stdout.split("Sources to check again", 1)[1]
    assert "example-directory-check: Example check of every directory entry, Example Council, 1 June 2026 (3 entries)" in sources


def test_make_stale_chases_the_entry_to_ask_when_an_entry_has_no_contact_of_its_own(site):
    result = stale(site, "--today", "2027-03-10", "--format", "csv")
    school = next(r for r in csv.DictReader(io.StringIO(result.stdout)) if r["name"] == "Oak Tree School")
    assert school["phone"] == "01632 960900"  # Advice Line's, the entry it names to ask


def test_make_stale_csv_opens_as_a_spreadsheet(site):
    result = stale(site, "--today", "2027-03-10", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["name"] for r in rows] == ["Oak Tree School", "Sensory Play Group"]
    assert rows[1] == {
        "last_checked": "2026-03-02",
        "name": "Sensory Play Group",
        "email": "playgroup@example.org",
        "phone": "01632 960904",
        "organization": "St Helens Borough Council",
        "file": rows[1]["file"],
        "sources": "example-directory-check",
    }
    assert rows[1]["file"].endswith("services/sensory-play-group.yaml")


def test_make_stale_review_period_can_be_changed(site):
    result = stale(site, "--today", "2026-06-10", "--months", "3")
    assert "2 entries were last checked more than 3 months ago (before 10 March 2026)" in result.stdout


def test_make_stale_says_so_when_nothing_is_overdue(site):
    result = stale(site, "--today", "2025-02-01")
    assert result.stdout.startswith("No entries are overdue")


# --- the web editor -----------------------------------------------------------


@pytest.fixture(scope="module")
def decap(built) -> dict:
    return yaml.safe_load(built.file("/admin/config.yml").read_text(encoding="utf-8"))


def picked(kind) -> bool:
    """A value chosen from a list: a vocabulary's term, a fixed word, a source or an entry to ask."""
    return isinstance(kind, Term | Choice) or kind in (SourceId, EntrySlug)


def expected_widget(kind) -> str:
    """A value picked from a list is a select (a list of them, a multiple select); otherwise the type's own widget."""
    if picked(kind) or (isinstance(kind, List) and picked(kind.item)):
        return "select"
    return kind.widget


def assert_fields_match(config_fields, schema_fields, kind=None, where=""):
    term = VOCABULARIES["kinds"].terms[kind] if kind else None
    by_name = {f["name"]: f for f in config_fields}
    for field in schema_fields:
        if not field.allowed(term):
            assert field.name not in by_name, f"{where}{field.name} is not used for {kind}"
            continue
        got = by_name.get(field.name)
        assert got is not None, f"{where}{field.name} is missing"
        if field.name == "kind":
            assert got == {"name": "kind", "label": field.label, "widget": "hidden", "default": kind}
            continue
        assert got["widget"] == expected_widget(field.type), f"{where}{field.name}"
        assert got["required"] is field.is_required(term), f"{where}{field.name}"
        item = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(item, Term):
            assert [o["value"] for o in got["options"]] == list(VOCABULARIES[item.vocabulary].terms)
        if picked(item):
            assert got.get("multiple", False) is isinstance(field.type, List)
        if isinstance(item, Group):
            assert_fields_match(got["fields"], item.fields.values(), None, f"{where}{field.name}.")


def test_every_schema_field_is_in_the_editor_with_its_widget_and_required_flag(decap):
    collections = {c["name"]: c for c in decap["collections"]}
    for kind, folder in KIND_FOLDERS.items():
        collection = collections[f"entries-{folder}"]
        assert collection["folder"] == f"content/services/{folder}"
        assert_fields_match(collection["fields"], ENTRY.fields, kind, f"{kind}: ")
    assert_fields_match(collections["feedback"]["fields"], FEEDBACK.fields)
    assert collections["feedback"]["folder"] == "content/feedback"
    assert_fields_match(collections["pages"]["fields"], PAGE.fields)
    assert collections["pages"]["fields"][-1] == {"name": "body", "label": "Page text", "widget": "markdown", "hint": "What the page says. Use ## for headings."}


def test_editors_pick_sources_the_entry_to_ask_and_ages_from_lists(decap):
    services = next(c for c in decap["collections"] if c["name"] == "entries-services")
    fields = {f["name"]: f for f in services["fields"]}
    # Each source of the register, by its citation.
    assert {"label": "Example check of every directory entry, Example Council, 1 June 2026", "value": "example-directory-check"} in fields["sources"]["options"]
    # Only an entry with a contact of its own can be asked: Oak Tree School asks the Advice Line.
    assert [o["value"] for o in fields["ask"]["options"]] == ["advice-line", "old-advice-line", "sensory-play-group"]
    assert fields["ages"]["options"] == [
        {"label": "All ages, 0 to 25", "value": "all"}, {"label": "Not known: no source says which ages", "value": "not-known"},
    ]


def test_editor_saves_through_pull_requests_on_github(decap):
    assert decap["publish_mode"] == "editorial_workflow"
    assert decap["backend"]["name"] == "github"
    assert decap["backend"]["repo"] and decap["backend"]["branch"] == "main"


def test_admin_page_loads_decap_from_the_site_itself(built):
    page = built.page("/admin/")
    scripts = page.select("script")
    assert [s.get("src") for s in scripts] == ["decap-cms.js", "admin.mjs"]
    assert all(not s.string for s in scripts)
    # The admin app's modules and the yaml library they import, from npm at build time.
    for module in ("admin.mjs", "yaml-format.mjs", "pelican-page.mjs", "previews.mjs", "yaml/index.js", "yaml/LICENSE"):
        assert built.file(f"/admin/{module}").is_file()
    stylesheet = page.select_one('meta[name="app-preview-style"]')["content"]
    assert stylesheet == "/" + next(built.output.glob("theme/css/app.*.css")).relative_to(built.output).as_posix()
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert built.file("/admin/decap-cms.js").stat().st_size > 1_000_000
    assert not list(built.output.joinpath("admin").glob("*.map"))
    assert page.select_one('meta[name="robots"]')["content"].startswith("noindex")


def test_admin_has_its_own_content_security_policy(built):
    from tools.serve import read_headers

    rules = dict(read_headers(built.output))
    site_policy = dict(rules["/*"])["Content-Security-Policy"]
    admin_policy = dict(rules["/admin/*"])["Content-Security-Policy"]
    assert "unsafe-eval" not in site_policy
    assert "'unsafe-eval'" in admin_policy and "https://api.github.com" in admin_policy
    assert list(rules).index("/admin/*") > list(rules).index("/*")


def test_local_server_gives_admin_its_policy_instead_of_the_sites(built):
    import threading
    import urllib.request

    from tools.serve import make_server

    server = make_server(built.output, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/") as response:
            policies = response.headers.get_all("Content-Security-Policy")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            home = response.headers.get_all("Content-Security-Policy")
    finally:
        server.shutdown()
    assert len(policies) == 1 and "'unsafe-eval'" in policies[0]
    assert len(home) == 1 and "unsafe-eval" not in home[0]


# --- schemas -------------------------------------------------------------------


def test_published_schemas_are_valid_and_accept_the_fixture_entries(built):
    entry = json.loads(built.file("/schemas/entry.schema.json").read_text(encoding="utf-8"))
    feedback = json.loads(built.file("/schemas/feedback.schema.json").read_text(encoding="utf-8"))
    for schema in (entry, feedback):
        jsonschema.Draft202012Validator.check_schema(schema)
    assert entry["$id"] == "/schemas/entry.schema.json"
    kinds = entry["properties"]["kind"]["enum"]
    assert kinds == list(VOCABULARIES["kinds"].terms)


def test_make_schemas_writes_the_files_vscode_is_pointed_at(tmp_path):
    result = run("tools.schemas", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema_path, globs in settings["yaml.schemas"].items():
        assert (tmp_path / Path(schema_path).name).is_file()
        assert globs
    assert ".schemas/" in (ROOT / ".gitignore").read_text(encoding="utf-8")


# --- docs and the workflow -------------------------------------------------------


def test_field_reference_is_up_to_date():
    written = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    assert written == field_reference(VOCABULARIES), "docs/fields.md is out of date: run make docs"


def test_hosting_guide_quotes_the_current_policies():
    from pelicanconf import HOSTING

    guide = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    for path in ("/*", "/admin/*"):
        assert HOSTING["HEADERS"][path]["Content-Security-Policy"] in guide, f"docs/hosting.md: update the {path} policy"


def test_pull_requests_run_check_test_and_build_and_keep_a_preview():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "checks.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["checks"]["steps"]
    commands = [s.get("run") for s in steps]
    assert commands.index("make check") < commands.index("make test") < commands.index("make html")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    # output/ is a link; the preview is the folder it names (docs/hosting.md).
    assert upload["with"]["path"] == "${{ env.SITE }}"
    assert "SITE=$(readlink -f output)" in commands[steps.index(upload) - 1]
    deploy = workflow["jobs"]["deploy"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
    assert workflow["jobs"]["publish"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
