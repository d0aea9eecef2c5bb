"""Information pages: a 'Key: value' header, then Markdown.

Pages are read with the same renderer and sanitiser as entry descriptions,
and their headers are checked against the PAGE content type with errors
naming the file and the line, to the same standard as directory entries.
The build and ``make check`` read a page's file the same way
(``read_page``), so both give the same message for a file that is not
text or is too long.
The council's details are filled in from placeholders (``placeholders.py``)
before the Markdown is rendered.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pelican.readers import BaseReader

from .council import council_of
from .fieldtypes import List
from .loading import display_path, settings_for
from .model import Record
from .placeholders import fill_page
from .rendering import Renderer
from .schema import PAGE
from .source_text import decode, read_bytes
from .validation import validate
from .yaml_source import ContentErrors, Mapping, Scalar, Sequence, SourceError

logger = logging.getLogger(__name__)

# The longest a page's text may be, in characters: about 15,000 words, three
# times the longest guide. A page longer than that needs splitting for
# families to read it, and anything far longer is a mistake or an attack.
MAX_BODY = 100_000

_HEADER_LINE = re.compile(r"([A-Za-z_]+):\s*(.*)")


def split_header(text: str) -> tuple[list[tuple[int, str, str]], str]:
    """The header lines as (line number, key, value), and the Markdown body after them."""
    header, lines = [], text.splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        match = _HEADER_LINE.fullmatch(line.rstrip())
        if not match:
            return header, "".join(lines[number - 1 :])
        header.append((number, match.group(1).lower(), match.group(2).strip()))
    return header, ""


def read_page(path, shown: str, council: dict | None, council_name: str) -> tuple[list, str, list[SourceError]]:
    """A page file's header lines and Markdown body, council details filled in, and what is wrong with the file."""
    text, errors = decode(read_bytes(path), shown)
    if text is None:
        return [], "", errors
    header, body = split_header(text)
    if len(body) > MAX_BODY:
        line = (header[-1][0] + 1) if header else 1
        errors.append(
            SourceError(
                shown,
                line,
                "",
                f"the page text is {len(body):,} characters long; the most is {MAX_BODY:,}, so split it into shorter pages",
            )
        )
        return header, body, errors
    header, body, problems = fill_page(header, body, shown, council, council_name)
    return header, body, errors + problems


def slug_line(header: list[tuple[int, str, str]]) -> int:
    """The line of a page's Slug header (1 if it has none)."""
    return next((number for number, key, _ in header if key == "slug"), 1)


def council_file(content_path, settings: dict) -> str:
    """The council file as editors see it, such as content/council.yaml."""
    return display_path(Path(content_path) / settings_for(settings)["COUNCIL"], content_path)


def header_node(header: list[tuple[int, str, str]]) -> Mapping:
    """A page's header lines (from split_header) as a node tree with lines, for validation."""
    items = {}
    for number, key, value in header:
        field = PAGE.by_name.get(key)
        if field is not None and isinstance(field.type, List):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            node = Sequence([Scalar(p, number, False) for p in parts], number)
        else:
            node = Scalar(value, number, False)
        items[key] = (number, node)
    return Mapping(items, 1)


def check_page(header, shown: str, catalogue):
    """Validate a page's header lines against PAGE, its sources against the register and its related slugs against the catalogue.

    ``shown`` is the page's path as editors see it. Returns (data, errors);
    ``data["related"]`` keeps only slugs that exist, and ``data["cited"]``
    holds the sources it cites, newest first.
    """
    data, lines, errors = validate(header_node(header), PAGE, shown, catalogue.vocabularies)
    first = {}
    for number, key, _ in header:
        if key in first:
            errors.append(SourceError(shown, number, key, f"is given twice (first on line {first[key]}); keep one"))
        first.setdefault(key, number)
    record = Record(data, shown, lines)
    errors += catalogue.sources.problems(record)
    data["cited"] = catalogue.sources.cited_by(record)
    for index, slug in enumerate(data.get("related", [])):
        if slug not in catalogue.by_slug:
            errors.append(
                SourceError(shown, lines.get("related", 1), f"related[{index}]", f"'{slug}' is not the slug of any directory entry")
            )
    data["related"] = [slug for slug in data.get("related", []) if slug in catalogue.by_slug]
    return data, errors


class PageReader(BaseReader):
    """Reads an information page: its header as metadata, its body as safe HTML."""

    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self.render = Renderer(settings.get("SITEURL", ""))

    def read(self, source_path):
        shown = display_path(source_path, self.settings["PATH"])
        council = council_file(self.settings["PATH"], self.settings)
        header, body, errors = read_page(source_path, shown, council_of(self.settings), council)
        if errors:
            # Logged here in make check's words: Pelican reports only that it
            # "could not process" the file.
            for error in errors:
                logger.error("%s", error)
            raise ContentErrors(errors)
        # Only the page's own fields: anything else (Pelican's save_as,
        # template or status) is refused when the header is checked, and must
        # not act meanwhile.
        metadata = {key: self.process_metadata(key, value) for _, key, value in header if key in PAGE.by_name}
        # Kept with their line numbers so the header is validated without
        # reading the file again (local_offer.generator).
        metadata["header_lines"] = header
        return str(self.render(body)), metadata
