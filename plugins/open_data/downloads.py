"""The whole directory as a spreadsheet (CSV) and as JSON.

The spreadsheet has a column for each entry field in the content model, in
its order, headed by the label editors see, so a new field reaches it
without code and the spreadsheet and the editing screens use the same
words. The JSON holds every field as validated.
"""

from __future__ import annotations

import csv
import datetime
import json

from local_offer.fieldtypes import Boolean, Group, List
from local_offer.filing import OPEN_TO_ALL, need_filing
from local_offer.schema import ENTRY
from local_offer.vocabularies import Term

# Entry fields the spreadsheet has no column for, and why;
# tests/test_field_coverage.py checks every other has one.
LEFT_OUT = {
    "locations.latitude": "a map position, not something to read; it is in directory.json",
    "locations.longitude": "a map position, not something to read; it is in directory.json",
}


def joined(values) -> str:
    return "; ".join([v for v in values if v])


def labels(terms) -> str:
    return joined(t.label for t in terms or [])


def status_label(entry, vocabularies) -> str:
    return (entry.status or vocabularies["statuses"].terms["active"]).label


def cell(value, kind) -> str:
    """A validated value as text for one cell: several values (list items, a group's fields) separated by '; '."""
    if value is None:
        return ""
    if isinstance(kind, List):
        separator = " / " if isinstance(kind.item, Group) else "; "
        return separator.join(cell(item, kind.item) for item in value)
    if isinstance(kind, Group):
        return "; ".join(
            f"{field.label}: {cell(value[name], field.type)}"
            for name, field in kind.fields.items()
            if value.get(name) is not None
        )
    if isinstance(kind, Boolean):
        return "Yes" if value else "No"
    if isinstance(value, Term):
        return value.label
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def columns(vocabularies, siteurl: str) -> list:
    """(heading, value of an entry) for each column of the spreadsheet, one per field of the content model.

    A few fields read better their own way: phone numbers with what each is
    for, addresses and postcodes in columns of their own, all the needs an
    entry serves in one column, and the status an entry has when none is given.
    """
    own_way = {
        "status": [(ENTRY.by_name["status"].label, lambda e: status_label(e, vocabularies))],
        "phones": [(ENTRY.by_name["phones"].label, lambda e: joined(
            p["number"] + (f" ({p['description']})" if p.get("description") else "") for p in e.phones or []
        ))],
        "needs": [(ENTRY.by_name["needs"].label, lambda e: "All needs" if need_filing(e).group == OPEN_TO_ALL else labels(e.all_needs))],
        "designated_needs": [],  # in the Needs column
        "locations": [
            ("Address", lambda e: joined(
                ", ".join(p for p in (place.get("name"), place["address_1"], place["city"]) if p) for place in e.locations or []
            )),
            ("Postcode", lambda e: joined(place["postal_code"] for place in e.locations or [])),
            ("Venue accessibility", lambda e: joined(place.get("accessibility") for place in e.locations or [])),
        ],
        "sources": [(ENTRY.by_name["sources"].label, lambda e: joined(source.citation for source in e.cited_sources))],
        "id": [(ENTRY.by_name["id"].label, lambda e: e.id)],
        "slug": [(ENTRY.by_name["slug"].label, lambda e: e.slug)],
    }
    found = []
    for field in ENTRY.fields:
        if field.name in LEFT_OUT:
            continue
        if field.name in own_way:
            found += own_way[field.name]
        else:
            found.append((field.label, lambda e, f=field: cell(e.data.get(f.name), f.type)))
    return [*found, ("Page on this website", lambda e: f"{siteurl}/{e.url}")]


def spreadsheet_safe(value) -> str:
    """The cell as text a spreadsheet shows rather than runs.

    Excel and LibreOffice treat a cell starting =, +, - or @ as a formula
    (OWASP's "CSV injection"); a leading apostrophe makes it plain text, and
    spreadsheets hide the apostrophe.
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


class _Echo:
    """A file whose ``write`` hands back the text, so ``csv.writer.writerow`` returns the row it wrote."""

    @staticmethod
    def write(text: str) -> str:
        return text


class Spreadsheet:
    """The directory as CSV, one row per entry, made a row at a time so a rebuild can keep unchanged rows.

    Written as UTF-8 with a byte order mark so Excel reads £ and accents correctly.
    """

    def __init__(self, vocabularies, siteurl: str):
        self.table = columns(vocabularies, siteurl)
        self.writer = csv.writer(_Echo())

    def heading(self) -> str:
        return self.writer.writerow(heading for heading, _ in self.table)

    def row(self, entry) -> str:
        return self.writer.writerow([spreadsheet_safe(cell(entry)) for _, cell in self.table])


def plain(value):
    """A validated value JSON cannot encode itself: terms keep their id and label, dates become ISO dates."""
    if isinstance(value, Term):
        return {"id": value.id, "label": value.label}
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a validated value")


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=plain).encode


def json_record(entry, siteurl: str) -> str:
    """The entry as an item of directory.json."""
    return _encode({**entry.data, "id": entry.id, "slug": entry.slug, "page": f"{siteurl}/{entry.url}"})

