"""Information pages: a 'Key: value' header, then Markdown.

Pages are read with the same renderer and sanitiser as entry descriptions,
and their headers are checked against the PAGE content type with errors
naming the file and the line, to the same standard as directory entries.
"""

from __future__ import annotations

import re

from pelican.readers import BaseReader

from .fieldtypes import List
from .loading import display_path
from .model import Record
from .rendering import Renderer
from .schema import PAGE
from .validation import validate
from .yaml_source import Mapping, Scalar, Sequence, SourceError


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
        with open(source_path, encoding="utf-8") as handle:
            header, body = split_header(handle.read())
        metadata = {key: self.process_metadata(key, value) for _, key, value in header}
        # Kept with their line numbers so the header is validated without
        # reading the file again (local_offer.generator).
        metadata["header_lines"] = header
        return str(self.render(body)), metadata


def use_page_reader(readers) -> None:
    """Pelican signal handler: read .md files with PageReader."""
    readers.reader_classes["md"] = PageReader
