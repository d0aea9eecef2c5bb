"""Information pages: a 'Key: value' header, then Markdown.

Pages are read with the same renderer and sanitiser as entry descriptions,
and their headers are checked against the PAGE content type with errors
naming the file and the line, to the same standard as directory entries.
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
from .placeholders import fill_page
from .rendering import Renderer
from .schema import PAGE
from .validation import validate
from .yaml_source import Mapping, Scalar, Sequence, SourceError


logger = logging.getLogger(__name__)

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


def council_file(content_path, settings: dict) -> str:
    """The council file as editors see it, such as content/council.yaml."""
    return display_path(Path(content_path) / settings_for(settings)["COUNCIL"], content_path)


def read_page(text: str, shown: str, council: dict | None, council_name: str):
    """A page's header lines and Markdown body, council details filled in, and the placeholders' errors."""
    header, body = split_header(text)
    return fill_page(header, body, shown, council, council_name)


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
    """Validate a page's header lines against PAGE and its related slugs against the catalogue.

    ``shown`` is the page's path as editors see it. Returns (data, errors);
    ``data["related"]`` keeps only slugs that exist.
    """
    data, lines, errors = validate(header_node(header), PAGE, shown, catalogue.vocabularies)
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
            text = handle.read()
        shown = display_path(source_path, self.settings["PATH"])
        header, body, problems = read_page(text, shown, council_of(self.settings), council_file(self.settings["PATH"], self.settings))
        # Logged errors fail the build (tools.build counts them); Pelican
        # goes on reading, so every page's mistakes are listed at once.
        for problem in problems:
            logger.error("%s", problem)
        metadata = {key: self.process_metadata(key, value) for _, key, value in header}
        # Kept with their line numbers so the header is validated without
        # reading the file again (local_offer.generator).
        metadata["header_lines"] = header
        return str(self.render(body)), metadata


def use_page_reader(readers) -> None:
    """Pelican signal handler: read .md files with PageReader."""
    readers.reader_classes["md"] = PageReader
