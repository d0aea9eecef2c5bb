"""Feedback items: read with the directory's own machinery, then checked for
unknown related pages, sources that do not confirm them, and anything that
could identify a person."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from local_offer.dates import label
from local_offer.fieldtypes import Slug
from local_offer.loading import read_records, unique
from local_offer.model import Record
from local_offer.schema import FEEDBACK
from local_offer.yaml_source import SourceError

from .privacy import allowed_names, compile_patterns, find_personal_data

DEFAULTS = {
    # {"an NHS number": r"..."}: the key completes "contains ... ('found')".
    "EXTRA_PATTERNS": {},
    # Organisations whose names start like a person's, such as "Dr Barnardo's":
    # the privacy guard lets these through wherever they appear.
    "ALLOWED_NAMES": [],
}

SECTION_URL = "you-said-we-did/"

# Fixed namespace so an item keeps its feed id for as long as its file name.
FEEDBACK_NAMESPACE = uuid.UUID("5c0e8f7a-2b1d-4f0e-9c3a-6d4b1e8a7f20")


def settings_for(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("YOU_SAID_WE_DID", {})}


@dataclasses.dataclass(frozen=True)
class Link:
    """A page an item concerns, as the templates show it."""

    title: str
    url: str


class FeedbackItem(Record):
    """One "you said, we did" item. Schema fields read as attributes (None when absent)."""

    def __init__(self, record: Record, cited_sources: list):
        super().__init__(record.data, record.source_path, record.lines)
        self.slug = Path(record.source_path).stem
        self.id = str(uuid.uuid5(FEEDBACK_NAMESPACE, self.slug))
        # Filed by the year of our response: when comments were received is
        # often not recorded, and the yearly review reports what we answered.
        self.year = self.response_date.year
        self.url = f"{SECTION_URL}{self.year}/#{self.slug}"
        self.links: list[Link] = []
        self.cited_sources = cited_sources

    def __getattr__(self, name):
        if name in FEEDBACK.by_name:
            return self.data.get(name)
        raise AttributeError(name)

    @property
    def title(self) -> str:
        """How (and when, if a source says) the comments reached us: items have no headline of their own."""
        return f"{self.source.label}, {label(self.received)}" if self.received else self.source.label

    @property
    def sort_key(self):
        return (self.response_date, self.received or self.response_date, self.slug)


def load_items(content_path: Path, settings: dict, vocabularies, known_slugs, sources, clean=None) -> tuple[list, list]:
    """Every valid item, latest first, and every problem with any of them.

    ``sources`` is the register (``local_offer.sources.Sources``): an item's
    dates cannot be later than the newest source that records it. ``clean``
    (``get(digest, default)`` and ``put(digest, value)``, as the build
    engine's DataCache has) remembers the files found to hold nothing that
    could identify someone, so a rebuild looks only at new or changed ones.
    """
    options = settings_for(settings)
    patterns = compile_patterns(options["EXTRA_PATTERNS"])
    allowed = allowed_names(options["ALLOWED_NAMES"])
    records, errors = read_records(content_path / FEEDBACK.folder, FEEDBACK, vocabularies, content_path)
    items = []
    for record in records:
        if clean is not None and clean.get(record.digest, False):
            problems = []
        else:
            problems = find_personal_data(record, patterns, content_path, allowed)
            if clean is not None and not problems:
                clean.put(record.digest, True)
        stem = Path(record.source_path).stem
        if not Slug._compiled.fullmatch(stem):
            problems.append(
                SourceError(
                    record.source_path,
                    1,
                    "",
                    f"the file name '{stem}' cannot be a web address; rename the file using lower-case "
                    "letters, numbers and hyphens",
                )
            )
        problems += sources.problems(record, dated_fields=("received", "response_date"))
        for index, slug in enumerate(record.data.get("related", [])):
            if slug not in known_slugs:
                field = f"related[{index}]"
                problems.append(
                    SourceError(
                        record.source_path,
                        record.line_of(field),
                        field,
                        f"'{slug}' is not the slug of any directory entry or information page",
                    )
                )
        errors += problems
        if not problems:
            items.append(FeedbackItem(record, sources.cited_by(record)))
    errors += unique(items, lambda item: item.slug, "the file name", "")
    items.sort(key=lambda item: item.sort_key, reverse=True)
    return items, errors
