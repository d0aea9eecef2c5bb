"""How ``make import`` files other directories' services under our words.

``content/data/oruk-mapping.yaml`` is validated against ``schema.ORUK_MAPPING``
like any other content, with file:line errors, by ``make check`` and by
``make import`` before it reads anything.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from local_offer import yaml_source
from local_offer.loading import display_path
from local_offer.schema import ORUK_MAPPING, TERM_MAPPING
from local_offer.validation import validate
from local_offer.yaml_source import ContentErrors, SourceError

MAPPING_FILE = "data/oruk-mapping.yaml"
# What a line under `terms` can give an entry.
FIELDS = [name for name in TERM_MAPPING.fields if name != "match"]


@dataclasses.dataclass(frozen=True)
class ImportMapping:
    kind: object
    categories: list
    # A word of theirs (casefolded) -> {field: [our terms]}
    words: dict

    def terms_for(self, *words: str | None) -> dict | None:
        """What the first of ``words`` (a term's code or name) that has a line gives, or None."""
        for word in words:
            if word and word.strip().casefold() in self.words:
                return self.words[word.strip().casefold()]
        return None


def load_mapping(content_path: Path, vocabularies) -> ImportMapping:
    """Read and validate the mapping; raise ``ContentErrors`` naming every problem."""
    path = Path(content_path) / MAPPING_FILE
    shown = display_path(path, content_path)
    root, errors = yaml_source.read(path, shown)
    if root is None or errors:
        raise ContentErrors(errors)
    data, lines, errors = validate(root, ORUK_MAPPING, shown, vocabularies)
    words, first = {}, {}
    for index, item in enumerate(data.get("terms", [])):
        gives = {field: item[field] for field in FIELDS if field in item}
        for word in item["match"]:
            key = word.casefold()
            if key in words:
                errors.append(SourceError(shown, lines.get(f"terms[{index}]", 1), f"terms[{index}].match",
                                          f"'{word}' is already matched by terms[{first[key]}]; keep it in one place"))
                continue
            words[key], first[key] = gives, index
    if errors:
        raise ContentErrors(errors)
    return ImportMapping(data["kind"], data["categories"], words)


def check(content_path: Path, vocabularies) -> list[SourceError]:
    """The mapping's problems for ``make check``; none when there is no mapping file."""
    if not (Path(content_path) / MAPPING_FILE).exists():
        return []
    try:
        load_mapping(content_path, vocabularies)
    except ContentErrors as exc:
        return exc.errors
    return []
