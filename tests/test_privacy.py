"""The privacy guard holds against disguises (regulation 56: no individual identifiable).

One case for each kind of evasion, checked through ``make check``'s own
code with the exact message an editor sees; then the everyday text and the
organisations' names that must still pass; then the file name, which is the
item's address and feed id, and the web editor, which must never name a file
after what families said.
"""

from __future__ import annotations

import re

import pytest

from editor_config.decap import config
from local_offer.loading import load_vocabularies
from tests.conftest import PAGE_REQUIRED
from tests.test_you_said_we_did import BLOCK, ROOT, WHERE, problems, said
from tools.check import run_checks
from you_said_we_did.privacy import compile_patterns, personal_data

FOUND = "; remove it — feedback must not identify anyone"
FINDERS = compile_patterns({})

EVASIONS = {
    # Titles, in any case, with or without a dot, and the less usual ones.
    "lower-case title": ("mrs smith came to the meeting.", "a personal title and a name", "mrs smith"),
    "capital title": ("MRS SMITH came to the meeting.", "a personal title and a name", "MRS SMITH"),
    "title with a dot, name in lower case": ("We spoke to Dr. jones.", "a personal title and a name", "Dr. jones"),
    "Mister": ("Mister Brown rang.", "a personal title and a name", "Mister Brown"),
    "Sir": ("Sir Alan visited.", "a personal title and a name", "Sir Alan"),
    "Lady": ("Lady Jane visited.", "a personal title and a name", "Lady Jane"),
    "Lord": ("Lord Smith visited.", "a personal title and a name", "Lord Smith"),
    "Dame": ("Dame Edna visited.", "a personal title and a name", "Dame Edna"),
    "Rev": ("Rev Green spoke.", "a personal title and a name", "Rev Green"),
    "Revd": ("Revd. Green spoke.", "a personal title and a name", "Revd. Green"),
    "Reverend": ("The Reverend Green spoke.", "a personal title and a name", "Reverend Green"),
    "Prof": ("Prof Plum wrote.", "a personal title and a name", "Prof Plum"),
    "Professor": ("professor plum wrote.", "a personal title and a name", "professor plum"),
    "Mx": ("Mx Taylor wrote.", "a personal title and a name", "Mx Taylor"),
    # Names in other alphabets, and invisible characters inside a name or title.
    "non-ASCII name": ("Mrs Żółkiewska asked.", "a personal title and a name", "Mrs Żółkiewska"),
    "accented name": ("Ms Ó Súilleabháin asked.", "a personal title and a name", "Ms Ó"),
    "zero-width space in a name": ("Mrs Sm\u200bith asked.", "a personal title and a name", "Mrs Smith"),
    "zero-width joiner in a title": ("M\u200drs Smith asked.", "a personal title and a name", "Mrs Smith"),
    "word joiner between title and name": ("Ask Mr\u2060Smith.", "a personal title and a name", "Mr Smith"),
    "soft hyphen in a name": ("Mr Jo\u00adnes asked.", "a personal title and a name", "Mr Jones"),
    "no-break space after a title": ("Mrs\u00a0Smith asked.", "a personal title and a name", "Mrs Smith"),
    "full-width letters": ("Ｍｒｓ Ｓｍｉｔｈ asked.", "a personal title and a name", "Mrs Smith"),
    # Family members named.
    "my son and a full name": ("My son Oliver Patel waited a year.", "a family member's name", "My son Oliver"),
    "our daughter, then a name": ("Our daughter, Amy, waited.", "a family member's name", "Our daughter, Amy"),
    "my husband and a name": ("my husband Raj asked.", "a family member's name", "my husband Raj"),
    # Disguised emails.
    "spelt-out email": ("Write to john dot smith at gmail dot com.", "an email address", "john dot smith at gmail dot com"),
    "(at) email": ("Write to john.smith (at) gmail.com.", "an email address", "john.smith (at) gmail.com"),
    "[at] and [dot] email": ("Write to john[at]gmail[dot]com.", "an email address", "john[at]gmail[dot]com"),
    "full-width @": ("Write to jo\uff20example.org.", "an email address", "jo@example.org"),
    "spaces around @": ("Write to jo @ example.org.", "an email address", "jo @ example.org"),
    # International and separated phone numbers, and full-width digits.
    "0044 prefix": ("Ring 0044 1744 123456.", "a phone number", "0044 1744 123456"),
    "44 prefix": ("Ring 44 7700 900123.", "a phone number", "44 7700 900123"),
    "00 44 prefix": ("Ring 00 44 7700 900123.", "a phone number", "00 44 7700 900123"),
    "+44 prefix": ("Ring +44 1744 123456.", "a phone number", "+44 1744 123456"),
    "dots": ("Ring 01744.123.456 today.", "a phone number", "01744.123.456"),
    "slash": ("Ring 01744/123456 today.", "a phone number", "01744/123456"),
    "hyphens": ("Ring 0-1-7-4-4-1-2-3-4-5-6 today.", "a phone number", "0-1-7-4-4-1-2-3-4-5-6"),
    "full-width digits": ("Ring ０１７４４ １２３４５６ today.", "a phone number", "01744 123456"),
    # Postcodes in any spacing.
    "postcode with two spaces": ("She lives at WA10  1AB.", "a postcode", "WA10  1AB"),
    "postcode with a hyphen": ("She lives at WA10-1AB.", "a postcode", "WA10-1AB"),
    "postcode with a no-break space": ("She lives at WA10\u00a01AB.", "a postcode", "WA10 1AB"),
    "postcode with no space": ("She lives at WA101AB.", "a postcode", "WA101AB"),
    "lower-case postcode": ("She lives at wa10 1ab.", "a postcode", "wa10 1ab"),
}


@pytest.mark.parametrize("text, label, found", EVASIONS.values(), ids=EVASIONS.keys())
def test_each_disguise_is_caught(text, label, found):
    assert (label, found) in personal_data(text, FINDERS)


def test_a_disguise_fails_make_check_with_the_file_line_and_what_was_found(site):
    assert problems(site, said("A parent, mrs smith, said it was hard.", "Ring 0044 1744 123456 or john dot smith at gmail dot com.")) == [
        f"{WHERE}:6: you_said: contains a personal title and a name ('mrs smith'){FOUND}",
        f"{WHERE}:7: you_said: contains an email address ('john dot smith at gmail dot com'){FOUND}",
        f"{WHERE}:7: you_said: contains a phone number ('0044 1744 123456'){FOUND}",
    ]


def test_the_line_is_found_through_invisible_characters(site):
    assert problems(site, said("It was too long.", "Ask Mrs Sm\u200bith.")) == [
        f"{WHERE}:7: you_said: contains a personal title and a name ('Mrs Smith'){FOUND}",
    ]


EVERYDAY = [
    "We miss Saturdays, and a lady at the desk helped.",
    "The dr said to wait; my son has autism and my daughter and I went.",
    "Children with MS can get help.",
    "In KS2 3rd year pupils, 1 in 4 parents, 2025-26, £10,000, ages 0 to 25, 20 weeks.",
    "Call the helpline on a weekday; we met at St Helens library at 10.30am.",
    "Our son, who is 7, waited 18 months. Sir, thank you.",
    "Year 6 moves to Year 7 in September.",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_words_are_not_taken_for_personal_data(text):
    assert personal_data(text, FINDERS) == []


def test_the_real_feedback_passes(real_site):
    """Every real item still publishes: the guard refuses what identifies, not what families say."""
    assert len(real_site.page("/you-said-we-did/").select("[id]")) > 0


def test_organisations_named_like_people_pass_when_the_council_lists_them(site, tmp_path):
    text = said("Dr Barnardo's and Sir Thomas Boteler school helped; Dr Jones did not.")
    assert [p for p in problems(site, text) if "Barnardo" in p or "Sir Thomas" in p]
    settings_file = tmp_path / "settings.py"
    settings_file.write_text(
        "from pelicanconf import *\n"
        "YOU_SAID_WE_DID = {**YOU_SAID_WE_DID, 'ALLOWED_NAMES': [\"Dr Barnardo's\", 'Sir Thomas Boteler']}\n",
        encoding="utf-8",
    )
    found, _ = run_checks(site.content, str(settings_file))
    assert [str(p) for p in found] == [f"{WHERE}:6: you_said: contains a personal title and a name ('Dr Jones'){FOUND}"]


@pytest.mark.parametrize(
    "name, found",
    [
        ("2025-04-mrs-smith", "contains a personal title and a name ('mrs smith')"),
        ("2025-04-ring-07700-900123", "contains a phone number ('07700 900123')"),
        ("2025-04-lives-at-wa10-1ab", "contains a postcode ('wa10 1ab')"),
        ("2025-04-john-at-gmail-dot-com", "contains an email address ('john at gmail dot com')"),
    ],
    ids=["title and name", "phone number", "postcode", "spelt-out email"],
)
def test_the_file_name_is_checked_too(site, name, found):
    text = BLOCK.format(lines="  It was too long.")
    assert problems(site, text, name=name) == [
        f"content/feedback/{name}.yaml:1: the file name '{name}' {found}; rename the file — feedback must not identify anyone"
    ]


def test_a_related_slug_is_checked_too(site):
    site.write("pages/mrs-smith.md", "Title: A page\nSlug: mrs-smith\nSummary: A page.\n" + PAGE_REQUIRED + "\nText.\n")
    assert problems(site, said("It was too long.") + "related: [mrs-smith]\n") == [
        f"{WHERE}:11: related[0]: contains a personal title and a name ('mrs smith'){FOUND}",
    ]


def test_the_web_editor_never_names_a_feedback_file_after_its_text():
    options = {
        "REPOSITORY_CONTENT": "content",
        "KIND_FOLDERS": {"service": "services"},
        "BACKEND": {"name": "test-repo"},
        "MEDIA_FOLDER": "images",
    }
    feedback = next(c for c in config(options, load_vocabularies(ROOT / "content", {}))["collections"] if c["name"] == "feedback")
    placeholders = set(re.findall(r"{{\s*([^}|\s]+)", feedback["slug"]))
    # Decap's date placeholders (its stringTemplate dateParsers) and a term id chosen from a list.
    assert placeholders <= {"year", "month", "day", "hour", "minute", "second", "fields.topic"}
    assert "slug" not in placeholders
