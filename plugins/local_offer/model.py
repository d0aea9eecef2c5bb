"""Validated content as objects the templates and every output read from."""

from __future__ import annotations

import dataclasses
import uuid
from functools import cached_property

from .fieldtypes import AGES_ALL
from .schema import ENTRY, has_own_contact

# Fixed namespace so an entry keeps the same id in every build (and in open
# data) for as long as its slug stays the same.
ENTRY_NAMESPACE = uuid.UUID("0b6f3c52-55d6-4a0b-8a8e-3c1f7a0e9d64")


@dataclasses.dataclass(eq=False)
class Record:
    """One validated file: its data, where it came from and where each field was.

    ``digest`` identifies the file's path and bytes (for an entry, and the
    entry it names to ask): outputs made from this record alone can be
    reused while it stays the same.
    """

    data: dict
    source_path: str
    lines: dict
    digest: str = ""

    def line_of(self, field: str) -> int:
        return self.lines.get(field, 1)


# Schema fields read as attributes of an entry; ``url`` is the page address (see Entry).
FIELD_ATTRIBUTES = [name for name in ENTRY.by_name if name not in ("url", "id", "slug")]
FIELD_SET = frozenset(FIELD_ATTRIBUTES)


class Entry(Record):
    """A directory entry. Schema fields read as attributes (None when absent).

    The one exception is the ``url`` field (Open Referral's name for the
    service's own website): ``entry.url`` is the entry's page address, as for
    every Pelican content object, so the field reads as ``entry.website``.
    """

    def __init__(self, record: Record, slug, url_pattern, render):
        super().__init__(record.data, record.source_path, record.lines, record.digest)
        data = record.data
        # Every field it has as a plain attribute: templates read them tens
        # of thousands of times a build. A field it lacks is None from the
        # class (below), as quick to look up and not held ten thousand times.
        self.__dict__.update({name: value for name, value in data.items() if name in FIELD_SET})
        self._render = render
        self.slug = data.get("slug") or slug
        self.id = data.get("id") or str(uuid.uuid5(ENTRY_NAMESPACE, self.slug))
        self.url = url_pattern.format(slug=self.slug)
        self.save_as = self.url + "index.html" if self.url.endswith("/") else self.url
        # Set by the catalogue once every entry is read: the entry named in
        # ``ask`` and the sources cited, newest first.
        self.route = None
        self.cited_sources = []

    @property
    def website(self) -> str | None:
        return self.data.get("url")

    @property
    def title(self) -> str:
        return self.data["name"]

    @property
    def is_school(self) -> bool:
        """A school or a base in one (``school: true`` on its kind in the kinds vocabulary)."""
        return self.kind.get("school", False)

    @property
    def all_needs(self) -> list:
        """The needs it serves: designated needs for schools and ARPs."""
        return self.data.get("designated_needs") or self.data.get("needs") or []

    @property
    def is_open(self) -> bool:
        status = self.data.get("status")
        return status is None or status.id == "active"

    @property
    def has_own_contact(self) -> bool:
        """Whether it gives a phone number, email or website of its own."""
        return has_own_contact(self.data)

    @property
    def contact(self) -> "Entry":
        """The entry whose phone, email or website families use: itself, or the one it names to ask."""
        return self if self.has_own_contact or self.route is None else self.route

    @cached_property
    def age_range(self) -> tuple[int, int] | None:
        """The ages it is for, from one birthday up to (not including) another; None when not known.

        "All ages" is 0 to 25. A school known only by its phases has no range of its own.
        """
        low, high = self.data.get("minimum_age"), self.data.get("maximum_age")
        if low is not None and high is not None:
            return low, high
        return (0, 25) if self.data.get("ages") == AGES_ALL else None

    def html(self, field: str):
        """A Markdown field (``description`` or ``admissions.details``) as safe HTML, rendered once."""
        cache = self.__dict__.setdefault("_html", {})
        if field not in cache:
            value = self.data
            for part in field.split("."):
                value = (value or {}).get(part)
            cache[field] = self._render(value)
        return cache[field]


# A field an entry lacks reads as None. A field named like a property or
# method of Entry would hide it, or be hidden, so the schema may not have one.
if FIELD_SET & set(vars(Entry)):
    raise TypeError(f"schema fields named like Entry's own attributes: {sorted(FIELD_SET & set(vars(Entry)))}")
for _name in FIELD_ATTRIBUTES:
    setattr(Entry, _name, None)
