"""Turn a content folder into validated objects, or a full list of what is wrong.

This is the only place content files are read. The build, ``make check`` and
every plugin work from what it returns, so a file is never parsed twice and
no output can disagree with another about what the content says.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections import defaultdict
from pathlib import Path

from . import sources as source_data
from . import vocabularies as vocabulary_data
from . import yaml_source
from .model import Entry, Record
from .rendering import Renderer
from .source_text import read_bytes
from .fieldtypes import Slug
from .schema import ENTRY, ContentType
from .validation import validate
from .yaml_source import ContentErrors, SourceError

logger = logging.getLogger(__name__)

SLUG = Slug._compiled
# Stands for a file a cache has not seen.
MISSING = object()

DEFAULTS = {
    "VOCABULARIES": "data/vocabularies.yaml",
    # The council's details (local_offer.council), inside the content folder.
    "COUNCIL": "council.yaml",
    "SOURCES": "data/sources.yaml",
    "ENTRIES": "services",
    "ENTRY_URL": "services/{slug}/",
}


def display_path(path, content_path) -> str:
    """The path as an editor sees it in the repository, e.g. content/services/x.yaml."""
    base = Path(content_path).resolve().parent
    return os.path.relpath(Path(path).resolve(), base)


def yaml_files(folder: Path) -> list[str]:
    """Paths of the YAML files in ``folder`` and below, relative to it, in order."""
    found = []
    for root, _, names in os.walk(folder):
        inside = os.path.relpath(root, folder)
        found += [os.path.normpath(os.path.join(inside, n)) for n in names if n.endswith((".yaml", ".yml"))]
    return sorted(found)


def file_digest(*parts: str | bytes) -> str:
    """What identifies a content file: its path as shown and its bytes (``Record.digest``), and any other ``parts``."""
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        part = part.encode() if isinstance(part, str) else part
        # The length first, so ("ab", "c") and ("a", "bc") differ.
        hashed.update(len(part).to_bytes(8, "little"))
        hashed.update(part)
    return hashed.hexdigest()


def read_records(
    folder: Path, content_type: ContentType, vocabularies, content_path: Path, cache=None, spread=None
) -> tuple[list[Record], list[SourceError]]:
    """Read and validate every YAML file in a folder, collecting every error.

    With a ``cache`` (``get(digest, default)`` and ``put(digest, fields)``,
    as the build engine's DataCache has), a file whose path and bytes a build validated before
    is not parsed again. ``spread(function, items)`` may do the work for
    the other files in parallel; by default it is done here, in order.
    """
    found = []
    shown_folder = display_path(folder, content_path)
    for inside in yaml_files(folder):
        path = os.path.join(folder, inside)
        shown = os.path.join(shown_folder, inside)
        raw = read_bytes(path)  # never more than a content file may hold
        key = file_digest(shown, raw)
        found.append((path, shown, raw, key, cache.get(key, MISSING) if cache else MISSING))

    def read(item):
        path, shown, raw, key, _ = item
        root, problems = yaml_source.read(path, shown, raw)
        if root is not None and not problems:
            data, lines, problems = validate(root, content_type, shown, vocabularies)
            if not problems:
                # Checks across files point at a field or a list's item
                # (``sources[1]``), never inside one: a nested field's line
                # served this file's own checks, so it is not kept.
                lines = {path: line for path, line in lines.items() if "." not in path}
                # A Record's fields, not a Record: they come back from a worker,
                # and go into the cache, as a pickle, which reads tuples faster.
                return (data, shown, lines, key), []
        return None, problems

    unread = [item for item in found if item[4] is MISSING]
    if cache:
        logger.info("Entry files: validating %d, reusing %d unchanged", len(unread), len(found) - len(unread))
    fresh = iter(spread(read, unread) if spread and unread else [read(item) for item in unread])
    records, errors = [], []
    for item in found:
        if item[4] is not MISSING:
            fields, problems = item[4], []
        else:
            fields, problems = next(fresh)
            if fields is not None and cache:
                cache.put(item[3], fields)
        if fields is not None:
            records.append(Record(*fields))
        errors += problems
    return records, errors


def unique(records, key, label, field) -> list[SourceError]:
    """Errors for every record whose ``key`` repeats an earlier record's."""
    seen = defaultdict(list)
    for record in records:
        seen[key(record)].append(record)
    errors = []
    for value, holders in seen.items():
        for record in holders[1:]:
            errors.append(
                SourceError(
                    record.source_path,
                    record.line_of(field),
                    field,
                    f"{label} '{value}' is already used by {holders[0].source_path}; each must be different",
                )
            )
    return errors


@dataclasses.dataclass
class Catalogue:
    """Everything the directory holds, validated."""

    vocabularies: dict
    entries: list
    settings: dict
    sources: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        self.entries.sort(key=lambda e: (e.title.casefold(), e.slug))
        self.by_slug = {e.slug: e for e in self.entries}
        self._by_kind = defaultdict(list)
        for entry in self.entries:
            self._by_kind[entry.kind.id].append(entry)

    def of_kind(self, kind: str) -> list:
        return list(self._by_kind.get(kind, ()))


def settings_for(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("LOCAL_OFFER", {})}


def load_vocabularies(content_path: Path, settings: dict):
    path = content_path / settings_for(settings)["VOCABULARIES"]
    return vocabulary_data.load(path, shown=display_path(path, content_path))


def load_sources(content_path: Path, settings: dict, vocabularies) -> source_data.Sources:
    path = content_path / settings_for(settings)["SOURCES"]
    return source_data.load(path, display_path(path, content_path), vocabularies)


def route_problems(entries: list, by_slug: dict) -> list[SourceError]:
    """Entries whose ``ask`` names no entry, itself, or an entry with no contact of its own; sets ``entry.route``."""
    errors = []
    for entry in entries:
        if not entry.ask:
            continue
        target = by_slug.get(entry.ask)
        if target is None or target is entry or not target.has_own_contact:
            if target is None:
                why = "is not the web address name of any entry"
            elif target is entry:
                why = "is this entry itself; name another entry families can ask"
            else:
                why = "has no phone number, email or website of its own to give families; name an entry that does"
            errors.append(SourceError(entry.source_path, entry.line_of("ask"), "ask", f"'{entry.ask}' {why}"))
            continue
        entry.route = target
    return errors


def load_catalogue(content_path: Path, settings: dict, cache=None, spread=None) -> Catalogue:
    """Read, validate and cross-check every entry; raise ``ContentErrors`` if any is wrong.

    ``cache`` and ``spread`` are as for ``read_records``; a cache's values
    must be made with the same code and vocabularies, on the same day
    (whether a date is in the future depends on it).
    """
    options = settings_for(settings)
    vocabularies = load_vocabularies(content_path, settings)
    sources = load_sources(content_path, settings, vocabularies)
    records, errors = read_records(content_path / options["ENTRIES"], ENTRY, vocabularies, content_path, cache, spread)
    render = Renderer(settings.get("SITEURL", ""))
    entries = []
    for record in records:
        stem = os.path.splitext(os.path.basename(record.source_path))[0]
        if "slug" not in record.data and not SLUG.fullmatch(stem):
            errors.append(
                SourceError(
                    record.source_path,
                    1,
                    "slug",
                    f"the file name '{stem}' cannot be a web address; rename the file using lower-case "
                    "letters, numbers and hyphens, or add a 'slug' line",
                )
            )
            continue
        entries.append(Entry(record, stem, options["ENTRY_URL"], render))
    errors += unique(entries, lambda e: e.slug, "the web address name", "slug")
    errors += unique(entries, lambda e: e.id, "the id", "id")
    errors += route_problems(entries, {e.slug: e for e in entries})
    own_digests = {e.slug: e.digest for e in entries}
    for entry in entries:
        errors += sources.problems(entry, dated_fields=("assured_date",))
        entry.cited_sources = sources.cited_by(entry)
        if entry.route is not None:
            # Its page shows the other entry's contact, so it changes when that entry's file does.
            entry.digest = file_digest(entry.digest, own_digests[entry.route.slug])
    if errors:
        raise ContentErrors(errors)
    return Catalogue(vocabularies, entries, options, sources)
