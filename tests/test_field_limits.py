"""Every length limit in the schema holds at its edge: the longest value is
published, one character or one item more is refused with file, line and a fix.

The cases come from the schema itself, so a field added with a limit is
tested without anyone writing a case for it.
"""

from __future__ import annotations

import pytest

from local_offer.fieldtypes import List, Text
from local_offer.schema import ENTRY, NOT_SCHOOLS
from tools.check import run_checks

BASE = {
    "kind": "service",
    "name": "Holiday Club",
    "summary": "Play sessions in the school holidays.",
    "description": "Fun activities.",
    "categories": "[leisure]",
    "assured_date": "2026-01-10",
    "email": "club@example.org",
    "sources": "[example-directory-check]",
    "ages": "all",
}
# The fields a service may have (the base entry is a service).
FOR_SERVICES = [f for f in ENTRY.fields if f.only_for in (None, NOT_SCHOOLS)]
SERVICE_TEXT = [f for f in FOR_SERVICES if isinstance(f.type, Text)]
LISTS_OF_TEXT = [f for f in FOR_SERVICES if isinstance(f.type, List) and isinstance(f.type.item, Text)]


def entry(**fields) -> tuple[str, int]:
    """An entry's YAML with ``fields`` over the base, and the line the last of them is on."""
    values = {**BASE, **fields}
    lines = []
    for name, value in values.items():
        if isinstance(value, list):
            lines.append(f"{name}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{name}: {value}")
    line = list(values).index(list(fields)[-1]) + 1
    return "\n".join(lines) + "\n", line


def problems(site, text: str) -> list[str]:
    site.write("services/holiday-club.yaml", text)
    found, _ = run_checks(site.content, "pelicanconf.py")
    return [str(p) for p in found]


def test_every_text_field_of_a_service_is_tested():
    # A guard on the cases below: if the schema's field types change, this says so.
    assert {"name", "summary", "description", "alert", "fees"} <= {f.name for f in SERVICE_TEXT}
    assert "keywords" in {f.name for f in LISTS_OF_TEXT}


@pytest.mark.parametrize("field", SERVICE_TEXT, ids=lambda f: f.name)
def test_a_text_at_its_limit_is_accepted_and_one_character_more_is_refused(site, field):
    limit = field.type.max_length
    at_limit, _ = entry(**{field.name: "a" * limit})
    assert problems(site, at_limit) == []

    over, line = entry(**{field.name: "a" * (limit + 1)})
    assert problems(site, over) == [
        f"content/services/holiday-club.yaml:{line}: {field.name}: is {limit + 1:,} characters long; "
        f"the most it may be is {limit:,}, so shorten it"
    ]


@pytest.mark.parametrize("field", LISTS_OF_TEXT, ids=lambda f: f.name)
def test_a_list_at_its_most_items_is_accepted_and_one_more_is_refused(site, field):
    most = field.type.max_items
    words = [f"word{number}" for number in range(most + 1)]
    at_most, _ = entry(**{field.name: words[:most]})
    assert problems(site, at_most) == []

    over, line = entry(**{field.name: words})
    assert problems(site, over) == [
        f"content/services/holiday-club.yaml:{line + 1}: {field.name}: has {most + 1} items; "
        f"the most it may have is {most}, so remove some"
    ]
