"""The whole directory as a spreadsheet (CSV) and as JSON.

Column headings are the field labels editors see, taken from the content
model, so the spreadsheet and the editing screens use the same words.
"""

from __future__ import annotations

import csv
import datetime
import json

from local_offer.filing import OPEN_TO_ALL, need_filing
from local_offer.schema import ENTRY
from local_offer.vocabularies import Term


def joined(values) -> str:
    return "; ".join([v for v in values if v])


def labels(terms) -> str:
    return joined(t.label for t in terms or [])


def status_label(entry, vocabularies) -> str:
    return (entry.status or vocabularies["statuses"].terms["active"]).label


def columns(vocabularies, siteurl: str) -> list:
    """(heading, value of an entry) for each column of the spreadsheet."""
    label = {name: field.label for name, field in ENTRY.by_name.items()}
    return [
        (label["id"], lambda e: e.id),
        (label["slug"], lambda e: e.slug),
        (label["name"], lambda e: e.name),
        (label["kind"], lambda e: e.kind.label),
        (label["summary"], lambda e: e.summary),
        (label["organization"], lambda e: e.organization),
        (label["url"], lambda e: e.data.get("url")),
        (label["email"], lambda e: e.email),
        (label["phones"], lambda e: joined(
            p["number"] + (f" ({p['description']})" if p.get("description") else "") for p in e.phones or []
        )),
        (label["minimum_age"], lambda e: e.minimum_age),
        (label["maximum_age"], lambda e: e.maximum_age),
        (label["needs"], lambda e: "All needs" if need_filing(e).group == OPEN_TO_ALL else labels(e.all_needs)),
        (label["categories"], lambda e: labels(e.categories)),
        ("Address", lambda e: joined(
            ", ".join(p for p in (place.get("name"), place["address_1"], place["city"]) if p) for place in e.locations or []
        )),
        ("Postcode", lambda e: joined(place["postal_code"] for place in e.locations or [])),
        (label["status"], lambda e: status_label(e, vocabularies)),
        (label["assured_date"], lambda e: e.assured_date.isoformat()),
        (label["sources"], lambda e: joined(source.citation for source in e.cited_sources)),
        ("Page on this website", lambda e: f"{siteurl}/{e.url}"),
    ]


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


def directory_json(records: list[str]):
    """directory.json, a list of every entry, in parts to write one after another."""
    yield "["
    for index, record in enumerate(records):
        yield "," + record if index else record
    yield "]\n"
