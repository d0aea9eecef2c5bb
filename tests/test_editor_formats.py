"""The web editor's file formats keep every byte an editor did not change.

Decap CMS reads and writes content files through the formats in
plugins/editor_config/admin/ (yaml-format.mjs for entries and feedback,
pelican-page.mjs for information pages). Run here in Node on every real
content file, as Decap runs them in the browser; the browser tests in
tests/browser/test_admin.py drive them through Decap itself.
"""

from __future__ import annotations

import difflib
import json
import subprocess

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tests" / "js" / "formats.mjs"
ENTRIES = sorted((ROOT / "content" / "services").rglob("*.yaml"))
FEEDBACK = sorted((ROOT / "content" / "feedback").glob("*.yaml"))
PAGES = sorted((ROOT / "content" / "pages").glob("*.md"))
ORDER = ["kind", "name", "slug", "id", "summary", "description", "organization", "url", "email", "phones",
         "minimum_age", "maximum_age", "categories", "needs", "free", "access_routes", "locations", "schedules",
         "keywords", "assured_date"]


def run(requests: list[dict]) -> list[dict]:
    result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(requests), capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


@pytest.mark.parametrize("format_, files", [("yaml", ENTRIES + FEEDBACK), ("page", PAGES)], ids=["yaml", "pages"])
def test_every_real_file_is_written_back_unchanged_when_nothing_changed(format_, files):
    texts = [path.read_text(encoding="utf-8") for path in files]
    answers = run([{"format": format_, "source": text, "change": {}} for text in texts])
    unchanged = [str(path.relative_to(ROOT)) for path, text, answer in zip(files, texts, answers) if answer["text"] != text]
    assert unchanged == []


@pytest.mark.parametrize("format_, files, key", [
    ("yaml", ENTRIES, "summary"), ("yaml", FEEDBACK, "response"), ("page", PAGES, "summary"),
], ids=["entries", "feedback", "pages"])
def test_changing_one_field_changes_only_its_own_lines(format_, files, key):
    texts = [path.read_text(encoding="utf-8") for path in files]
    new = "Changed by an editor: with a colon, which YAML needs quoted."
    answers = run([{"format": format_, "source": text, "change": {key: new}} for text in texts])
    for path, text, answer in zip(files, texts, answers):
        lines = changed_lines(text, answer["text"])
        added = [line for line in lines if line.startswith("+")]
        assert len(added) == 1 and new in added[0], (path, lines)
        # Removed: the field's own line and, for a | block, the lines under it.
        assert all(key in line.lower() or line.startswith("-   ") for line in lines if line.startswith("-")), (path, lines)


def test_quoted_and_unquoted_numbers_stay_text_as_the_site_reads_them():
    source = 'phones:\n  - number: 01632960904\n  - number: "01632 960904"\nopens_at: 09:30\nminimum_age: 0\nfree: true\n'
    [answer] = run([{"format": "yaml", "source": source, "change": {}}])
    assert answer["data"] == {
        "phones": [{"number": "01632960904"}, {"number": "01632 960904"}],
        "opens_at": "09:30",
        "minimum_age": 0,
        "free": True,
    }


def test_edits_inside_lists_keep_the_items_and_fields_around_them(site):
    path = site.content / "services" / "sensory-play-group.yaml"
    text = path.read_text(encoding="utf-8")
    [answer] = run([{
        "format": "yaml",
        "source": text,
        "fieldOrder": ORDER,
        "change": {
            "phones": [{"number": "01632 960904", "description": "Booking line"}, {"number": "01632 960123"}],
            "schedules": [{"days": ["tuesday", "thursday"], "opens_at": "10:00", "closes_at": "11:30",
                           "description": "Term time only"}],
            "url": "https://example.org/play",
            "organization": None,
        },
    }])
    assert changed_lines(text, answer["text"]) == [
        "- organization: St Helens Borough Council",
        "+ url: https://example.org/play",
        '+   - number: "01632 960123"',
        "-   - days: [tuesday]",
        "+   - days: [tuesday, thursday]",
    ]
    path.write_text(answer["text"], encoding="utf-8")
    check = site.check()
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_new_entry_is_written_in_the_house_style():
    values = {
        "kind": "service",
        "name": "Garden Club",
        "summary": "Outdoor play for children with sensory needs.",
        "description": "A quiet garden.\n\nParents stay with their child.",
        "phones": [{"number": "01632 960123", "description": ""}],
        "categories": ["leisure"],
        "needs": [],
        "schedules": [{"days": ["saturday"], "opens_at": "09:30"}],
        "free": True,
        "minimum_age": 0,
        "assured_date": "2026-11-30",
        "alert": "",
    }
    [answer] = run([{"format": "yaml", "source": None, "change": dict(reversed(values.items())), "fieldOrder": ORDER}])
    assert answer["text"] == (
        "kind: service\n"
        "name: Garden Club\n"
        "summary: Outdoor play for children with sensory needs.\n"
        "description: |\n  A quiet garden.\n\n  Parents stay with their child.\n"
        'phones:\n  - number: "01632 960123"\n'
        "minimum_age: 0\n"
        "categories: [leisure]\n"
        "free: true\n"
        'schedules:\n  - days: [saturday]\n    opens_at: "09:30"\n'
        "assured_date: 2026-11-30\n"
    )


def test_a_new_file_written_from_an_entrys_values_passes_make_check(site):
    # Every value of a valid entry, as Decap holds them, written as a new file.
    path = site.content / "services" / "sensory-play-group.yaml"
    [read] = run([{"format": "yaml", "source": path.read_text(encoding="utf-8"), "change": {}}])
    [answer] = run([{"format": "yaml", "source": None, "change": read["data"], "fieldOrder": ORDER}])
    path.write_text(answer["text"], encoding="utf-8")
    check = site.check()
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_page_keeps_its_header_lines_and_text_when_one_line_changes():
    source = "Title: EHC plans\nSlug: ehc-plans\nSummary: Old.\nRelated: iass,  send-tribunal\n\nText  \n\n## Part\n"
    [unchanged, changed, added] = run([
        {"format": "page", "source": source, "change": {}},
        {"format": "page", "source": source, "change": {"related": ["iass"], "summary": "New."}},
        {"format": "page", "source": source, "change": {"order": 3}},
    ])
    assert unchanged["text"] == source
    assert changed["text"] == source.replace("Summary: Old.", "Summary: New.").replace("iass,  send-tribunal", "iass")
    assert added["text"] == source.replace("\n\nText", "\nOrder: 3\n\nText")
