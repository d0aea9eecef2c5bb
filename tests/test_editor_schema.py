"""The published JSON Schema and the build's validator agree on single files.

Editors' tools (VS Code's YAML extension) read a file with YAML 1.2's core
schema: an unquoted ``4`` is a number, ``true`` a boolean, ``~`` or nothing
null, and everything else - including ``2026-03-31`` and ``09:00`` - text.
The build never resolves types: it reads every value as text and lets the
field decide. To compare the two honestly, each file is read once with the
project's own reader (so anchors, tags and duplicate keys are refused the
same way) and its nodes are turned into JSON values by YAML 1.2's core rules
(``as_json``), which is what the editor's tool sees. Converting by each
field's type instead would hide the real differences in typing, which are
listed below as exceptions, with the cross-field rules JSON Schema cannot
express. Cross-file rules (a slug or id used twice, a related slug that
does not exist) are outside a single-file schema and are left to make check.
"""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from editor_config.schemas import entry_schema, feedback_schema
from local_offer import yaml_source
from local_offer.loading import load_vocabularies
from local_offer.schema import ENTRY, FEEDBACK
from local_offer.validation import validate
from local_offer.yaml_source import Mapping, Sequence

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "content" / "services"
VOCABULARIES = load_vocabularies(ROOT / "content", {})
SCHEMAS = {"entry": entry_schema(VOCABULARIES), "feedback": feedback_schema(VOCABULARIES)}
TYPES = {"entry": ENTRY, "feedback": FEEDBACK}

_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INTEGER = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def as_json(node):
    """A node tree as YAML 1.2 core-schema JSON values (what editors' tools see)."""
    if isinstance(node, Mapping):
        return {key: as_json(value) for key, (_, value) in node.items.items()}
    if isinstance(node, Sequence):
        return [as_json(item) for item in node.items]
    text = node.text
    if node.quoted:
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if _INTEGER.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def verdicts(tmp_path, kind: str, text: str) -> tuple[bool, bool]:
    """(accepted by the build's validator, accepted by the JSON Schema) for one file."""
    path = tmp_path / "item.yaml"
    path.write_text(text, encoding="utf-8")
    root, problems = yaml_source.read(path)
    assert root is not None and not problems, problems
    _, _, errors = validate(root, TYPES[kind], "item.yaml", VOCABULARIES)
    checker = jsonschema.Draft202012Validator(SCHEMAS[kind], format_checker=jsonschema.FormatChecker())
    return not errors, checker.is_valid(as_json(root))


SERVICE = (FIXTURES / "sensory-play-group.yaml").read_text(encoding="utf-8")
SCHOOL = (FIXTURES / "oak-tree-school.yaml").read_text(encoding="utf-8")
IAS = (FIXTURES / "advice-line.yaml").read_text(encoding="utf-8")
FEEDBACK_ITEM = """\
received: 2025-03
source: parent-carer-forum
topic: provision
categories: [health]
you_said: |
  Waits for an autism assessment are too long.
response: |
  We have added key workers to the pathway.
status: we-are-doing
response_date: 2025-06-27
related: [sensory-play-group]
sources: [example-directory-check]
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


GOOD = {
    "a service": ("entry", SERVICE),
    "a special school": ("entry", SCHOOL),
    "an information, advice and support entry": ("entry", IAS),
    "a feedback item": ("feedback", FEEDBACK_ITEM),
    "optional fields left empty": ("entry", IAS + "organization:\nurl: ~\nalert: null\nkeywords:\n"),
    "an empty list of needs": ("entry", edit(SERVICE, "needs: [asd, sensory-and-physical]", "needs: []")),
    "a time without quotes": ("entry", edit(SERVICE, 'opens_at: "10:00"', "opens_at: 10:00")),
    "a lower-case postcode": ("entry", edit(SERVICE, "WA10 1HJ", "wa10 1hj")),
    "an international phone number": ("entry", edit(SERVICE, '"01632 960904"', '"+44 1744 671104"')),
    "a whole-number latitude": ("entry", edit(SERVICE, "    accessibility:", "    latitude: 53\n    accessibility:")),
    "a school with a place count": ("entry", edit(SCHOOL, "places: 120", "places: 1")),
    # A school's phases and ages are given only when a source gives them.
    "a school without phases": ("entry", edit(SCHOOL, "phases: [primary, secondary, post-16]\n", "")),
    "a school whose ages are not known": ("entry", edit(SCHOOL, "minimum_age: 4\nmaximum_age: 19\n", "ages: not-known\n")),
    "a date known only to the year": ("entry", edit(SERVICE, "assured_date: 2026-03-02", "assured_date: 2026")),
    "a date known only to the month": ("entry", edit(SERVICE, "assured_date: 2026-03-02", "assured_date: 2026-03")),
    "a feedback item whose comments' date is not recorded": ("feedback", edit(FEEDBACK_ITEM, "received: 2025-03\n", "")),
}

BAD = {
    "a required field missing": ("entry", edit(SERVICE, "summary: A weekly", "sumary: A weekly")),
    "a required field left empty": ("entry", edit(SERVICE, "summary: A weekly play session for young children with sensory needs and their parents.", "summary:")),
    "a required field blank in quotes": ("entry", edit(SERVICE, "summary: A weekly play session for young children with sensory needs and their parents.", 'summary: "  "')),
    "an unknown field": ("entry", SERVICE + "colour: blue\n"),
    "an unknown kind": ("entry", edit(SERVICE, "kind: service", "kind: club")),
    "an unknown category": ("entry", edit(SERVICE, "categories: [childcare-early-years, leisure]", "categories: [childcare, leisure]")),
    "a category listed twice": ("entry", edit(SERVICE, "categories: [childcare-early-years, leisure]", "categories: [leisure, leisure]")),
    "a keyword listed twice": ("entry", SERVICE + "keywords: [sensory, sensory]\n"),
    "one category instead of a list": ("entry", edit(SERVICE, "categories: [childcare-early-years, leisure]", "categories: leisure")),
    "no categories": ("entry", edit(SERVICE, "categories: [childcare-early-years, leisure]", "categories: []")),
    "a name too long": ("entry", edit(SERVICE, "name: Sensory Play Group", "name: " + "A" * 121)),
    "an email address without a domain": ("entry", edit(SERVICE, "playgroup@example.org", "playgroup")),
    "a phone number too short": ("entry", edit(SERVICE, '"01632 960904"', '"671104"')),
    "a partial postcode": ("entry", edit(SERVICE, "WA10 1HJ", "WA10")),
    "a web address without https": ("entry", SERVICE + "url: www.example.org\n"),
    "an id that is not a UUID": ("entry", SERVICE + "id: 1234\n"),
    "a slug with capitals": ("entry", SERVICE + "slug: Sensory-Play\n"),
    "a time past midnight": ("entry", edit(SERVICE, '"11:30"', '"24:30"')),
    "a date in day/month/year order": ("entry", edit(SERVICE, "assured_date: 2026-03-02", "assured_date: 02/03/2026")),
    "a date that is not a date": ("entry", edit(SERVICE, "assured_date: 2026-03-02", "assured_date: March 2026")),
    "ages in words": ("entry", SERVICE.replace("minimum_age: 0\nmaximum_age: 5\n", "ages: everyone\n")),
    "feedback without sources": ("feedback", edit(FEEDBACK_ITEM, "sources: [example-directory-check]\n", "")),
    "an age out of range": ("entry", edit(SERVICE, "maximum_age: 5", "maximum_age: 30")),
    "an age in words": ("entry", edit(SERVICE, "maximum_age: 5", "maximum_age: five")),
    "a negative age": ("entry", edit(SERVICE, "minimum_age: 0", "minimum_age: -1")),
    "no places": ("entry", edit(SCHOOL, "places: 120", "places: 0")),
    "yes instead of true": ("entry", edit(SERVICE, "free: true", "free: yes")),
    "a latitude outside the UK": ("entry", edit(SERVICE, "    accessibility:", "    latitude: 12.5\n    accessibility:")),
    "a phone without its number": ("entry", edit(SERVICE, '  - number: "01632 960904"\n    description', "  - description")),
    "a location without a postcode": ("entry", edit(SERVICE, "    postal_code: WA10 1HJ\n", "")),
    "opening times without days": ("entry", edit(SERVICE, "days: [tuesday]", "days: []")),
    "a location given as text": ("entry", SERVICE.split("locations:")[0] + "locations: Central Family Hub\n"),
    "needs on a school": ("entry", SCHOOL + "needs: [asd]\n"),
    "designated needs on a service": ("entry", SERVICE + "designated_needs: [asd]\n"),
    "a school without designated needs": ("entry", edit(SCHOOL, "designated_needs: [sld, pmld]\n", "")),
    "admissions without who decides": ("entry", edit(SCHOOL, "  admitting_authority: St Helens Borough Council\n", "")),
    "admissions with maybe": ("entry", edit(SCHOOL, "ehc_plan_required: true", "ehc_plan_required: maybe")),
    "a feedback month that does not exist": ("feedback", edit(FEEDBACK_ITEM, "received: 2025-03", "received: 2025-13")),
    "an unknown feedback status": ("feedback", edit(FEEDBACK_ITEM, "status: we-are-doing", "status: doing")),
    "feedback without a response": ("feedback", edit(FEEDBACK_ITEM, "response: |\n  We have added key workers to the pathway.\n", "")),
    "a related page that is not a slug": ("feedback", edit(FEEDBACK_ITEM, "[sensory-play-group]", "[Sensory Play Group]")),
    "an unknown feedback field": ("feedback", FEEDBACK_ITEM + "name: Jo Bloggs\n"),
}

# Where the two differ, and why. Each is checked, so a change that closes a
# gap shows up here and the case can move to GOOD or BAD.
VALIDATOR_ONLY = {
    # Rules across fields of one file: JSON Schema cannot compare two values,
    # and the others are kept in one place (schema.py) as Python rules.
    "Ages run from a lower birthday to a higher one, and both are given.": ("entry", edit(SCHOOL, "maximum_age: 19", "maximum_age: 3")),
    "Ages come from a source, from phases, or are said to be all or not known.": (
        "entry", edit(SERVICE, "minimum_age: 0\nmaximum_age: 5\n", ""),
    ),
    "An entry has a phone number, email or website, or names the entry to ask.": (
        "entry", edit(IAS, '  - number: "01632 960900"\n', "").replace("phones:\n", ""),
    ),
    # JSON Schema checks a date's shape (a year, a month or a day); make check that the day exists.
    "a date that does not exist": ("entry", edit(SERVICE, "assured_date: 2026-03-02", "assured_date: 2026-02-30")),
    "A closed service carries a notice for families.": ("entry", SERVICE + "status: temporarily_closed\n"),
    "An entry is either free or has fees, not both.": ("entry", SERVICE + "fees: £2 a session\n"),
    "A we-can't item gives its reason, and only then.": ("feedback", edit(FEEDBACK_ITEM, "status: we-are-doing", "status: we-cant")),
    "The response comes after the comments.": ("feedback", edit(FEEDBACK_ITEM, "response_date: 2025-06-27", "response_date: 2025-01-27")),
    # YAML 1.2 reads True and FALSE as booleans; the build asks for lower case.
    "true in capitals": ("entry", edit(SERVICE, "free: true", "free: True")),
}
SCHEMA_ONLY_REJECTS = {
    # Editors' tools see a quoted value as text, and an unquoted run of digits
    # as a number; the build reads both by the field's type. The schema's
    # warning is the safer advice (the field help says when to use quotes).
    "a number in quotes": ("entry", edit(SERVICE, "maximum_age: 5", 'maximum_age: "5"')),
    "true in quotes": ("entry", edit(SERVICE, "free: true", 'free: "true"')),
    "a phone number without quotes": ("entry", edit(SERVICE, '"01632 960904"', "01632960904")),
}


@pytest.mark.parametrize("name", GOOD)
def test_both_accept_a_correct_file(tmp_path, name):
    assert verdicts(tmp_path, *GOOD[name]) == (True, True)


@pytest.mark.parametrize("name", BAD)
def test_both_reject_a_wrong_file(tmp_path, name):
    assert verdicts(tmp_path, *BAD[name]) == (False, False)


@pytest.mark.parametrize("name", VALIDATOR_ONLY)
def test_only_make_check_catches(tmp_path, name):
    assert verdicts(tmp_path, *VALIDATOR_ONLY[name]) == (False, True)


@pytest.mark.parametrize("name", SCHEMA_ONLY_REJECTS)
def test_only_the_schema_warns(tmp_path, name):
    assert verdicts(tmp_path, *SCHEMA_ONLY_REJECTS[name]) == (True, False)


def test_every_cross_field_rule_is_listed_as_an_exception():
    rules = {rule.description for rule in ENTRY.rules + FEEDBACK.rules}
    assert rules <= set(VALIDATOR_ONLY)


def real_files():
    content = ROOT / "content"
    return [("entry", p) for p in sorted((content / "services").rglob("*.yaml"))] + [
        ("feedback", p) for p in sorted((content / "feedback").glob("*.yaml"))
    ]


@pytest.mark.parametrize("kind,path", real_files(), ids=lambda v: getattr(v, "name", v))
def test_agree_on_the_real_content(tmp_path, kind, path):
    accepted, schema_accepts = verdicts(tmp_path, kind, path.read_text(encoding="utf-8"))
    assert schema_accepts == accepted
