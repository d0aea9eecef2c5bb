"""The register of sources: the documents, meetings and surveys the site's facts come from.

Every entry, information page and feedback item names its sources by id
(``sources: [send-strategy-2024]``), and ``content/data/sources.yaml`` says
what each one is and when it is dated. Checking a citation here, rather
than trusting it, is what makes a date honest: an entry cannot say it was
checked later than the newest source that confirms it.
"""

from __future__ import annotations

import dataclasses
import datetime

from . import yaml_source
from .dates import label
from .fieldtypes import Slug
from .schema import SOURCE
from .validation import validate
from .yaml_source import ContentErrors, Mapping, SourceError


@dataclasses.dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    kind: object  # a Term from source_kinds
    date: datetime.date  # a PartialDate
    about: str
    url: str | None = None

    @property
    def citation(self) -> str:
        """As families see it: 'Title, Publisher, 2024'."""
        return f"{self.title}, {self.publisher}, {label(self.date)}"


class Sources(dict):
    """Sources by id."""

    def problems(self, record, dated_fields: tuple = ()) -> list[SourceError]:
        """What is wrong with a record's citations: unknown ids, and dates later than every source cited.

        ``dated_fields`` are the record's dates that its sources must
        confirm, so none may be later than the newest source it cites.
        """
        found, cited = [], []
        for index, source_id in enumerate(record.data.get("sources", [])):
            if source_id in self:
                cited.append(self[source_id])
                continue
            field = f"sources[{index}]"
            found.append(
                SourceError(
                    record.source_path, record.line_of(field), field,
                    f"'{source_id}' is not in content/data/sources.yaml; add the source there first, or use one of its ids",
                )
            )
        if not cited:
            return found
        newest = max(cited, key=lambda source: source.date)
        for field in dated_fields:
            day = record.data.get(field)
            if day is not None and day > newest.date:
                found.append(
                    SourceError(
                        record.source_path, record.line_of(field), field,
                        f"{day.isoformat()} is later than its newest source, '{newest.id}' ({newest.date.isoformat()}); "
                        "a date here is the date of the source that confirms it: use that date, or cite a newer source",
                    )
                )
        return found

    def cited_by(self, record) -> list[Source]:
        """The sources a valid record cites, newest first."""
        cited = [self[source_id] for source_id in record.data.get("sources", []) if source_id in self]
        return sorted(cited, key=lambda source: source.date, reverse=True)


def load(path, shown: str, vocabularies) -> Sources:
    """Read and check the register; raise ``ContentErrors`` naming every problem."""
    sources, errors = Sources(), []
    root, problems = yaml_source.read(path, shown)
    errors += problems
    if root is not None and not problems:
        if not isinstance(root, Mapping):
            errors.append(SourceError(shown, root.line, "", "must list sources, each under its id"))
            root = Mapping({}, 1)
        for source_id, (line, node) in root.items.items():
            if not Slug._compiled.fullmatch(source_id):
                errors.append(SourceError(shown, line, source_id, "an id can only use lower-case letters, numbers and single hyphens"))
                continue
            if not isinstance(node, Mapping):
                errors.append(SourceError(shown, line, source_id, "must be a set of 'field: value' lines, indented under its id"))
                continue
            data, _, problems = validate(node, SOURCE, shown, vocabularies)
            # Fields are named from the id down, so a message points at one source.
            errors += [dataclasses.replace(p, field=f"{source_id}.{p.field}") for p in problems]
            if not problems:
                sources[source_id] = Source(source_id, data["title"], data["publisher"], data["kind"], data["date"],
                                            data["about"], data.get("url"))
    if errors:
        raise ContentErrors(errors)
    return sources
