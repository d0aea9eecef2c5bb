"""Information pages: metadata checked against the content model, HTML sanitised.

Pelican reads the Markdown; this module holds pages to the same standard as
directory entries, with errors naming the file and the line of the header.
"""

from __future__ import annotations

import logging
import re

from pelican.contents import Page

from .fieldtypes import List
from .loading import display_path
from .rendering import sanitise
from .schema import PAGE
from .validation import validate
from .yaml_source import Mapping, Scalar, Sequence

logger = logging.getLogger(__name__)

_HEADER_LINE = re.compile(r"([A-Za-z_]+):\s*(.*)")


def header_node(text: str) -> Mapping:
    """The 'Key: value' header of a Markdown page as a node tree with lines."""
    items = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER_LINE.fullmatch(line.rstrip())
        if not match:
            break
        key, value = match.group(1).lower(), match.group(2).strip()
        field = PAGE.by_name.get(key)
        if field is not None and isinstance(field.type, List):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            node = Sequence([Scalar(p, number, False) for p in parts], number)
        else:
            node = Scalar(value, number, False)
        items[key] = (number, node)
    return Mapping(items, 1)


def check_metadata(page: Page, vocabularies) -> list:
    """Validate a page's header; return its errors and store the parsed values."""
    shown = display_path(page.source_path)
    with open(page.source_path, encoding="utf-8") as handle:
        root = header_node(handle.read())
    data, lines, errors = validate(root, PAGE, shown, vocabularies)
    page.checked = data
    page.lines = lines
    return errors


def sanitise_content(instance) -> None:
    """Pelican signal handler: strip anything unsafe from a page's HTML."""
    if isinstance(instance, Page) and instance._content:
        instance._content = sanitise(instance._content)
