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
from .yaml_source import Mapping, Scalar, Sequence, SourceError

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


def check_page(path, content_path, catalogue):
    """Validate a page's header against PAGE and its related slugs against the catalogue.

    Returns (data, errors); ``data["related"]`` keeps only slugs that exist.
    """
    shown = display_path(path, content_path)
    with open(path, encoding="utf-8") as handle:
        root = header_node(handle.read())
    data, lines, errors = validate(root, PAGE, shown, catalogue.vocabularies)
    for index, slug in enumerate(data.get("related", [])):
        if slug not in catalogue.by_slug:
            errors.append(
                SourceError(shown, lines.get("related", 1), f"related[{index}]", f"'{slug}' is not the slug of any directory entry")
            )
    data["related"] = [slug for slug in data.get("related", []) if slug in catalogue.by_slug]
    return data, errors


def sanitise_content(instance) -> None:
    """Pelican signal handler: strip anything unsafe from a page's HTML."""
    if isinstance(instance, Page) and instance._content:
        instance._content = sanitise(instance._content, instance.settings.get("SITEURL", ""))
