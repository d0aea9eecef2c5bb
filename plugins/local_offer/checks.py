"""``make check`` for the directory: the council file, entries, vocabularies, sources and pages.

The same loading and validation code as the build, without Pelican, so an
editor gets every problem in every file in a second or two. Links out of the
content folder are looked for first, before any file is read.
"""

from __future__ import annotations

from pathlib import Path

from .content_files import not_ordinary
from .council import load_council
from .loading import display_path, load_catalogue
from .pages import check_page, council_file, read_page, slug_line
from .sections import slug_problems
from .yaml_source import ContentErrors


def page_files(content_path: Path, settings: dict) -> list[Path]:
    files = []
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        files += sorted((content_path / folder).rglob("*.md"))
    return files


def check(content_path: Path, settings: dict, shared: dict):
    """Return (problems, counts); leave the council and the catalogue in ``shared`` for later checks."""
    links = not_ordinary(content_path)
    if links:
        return links, {}
    problems, council = [], None
    try:
        council = shared["council"] = load_council(content_path, settings)
    except ContentErrors as exc:
        problems += exc.errors
    try:
        catalogue = load_catalogue(content_path, settings)
    except ContentErrors as exc:
        return problems + exc.errors, {}
    shared["catalogue"] = catalogue
    slugs = []
    for path in page_files(content_path, settings):
        shown = display_path(path, content_path)
        header, _, errors = read_page(path, shown, council, council_file(content_path, settings))
        problems += errors
        if errors:
            continue
        data, errors = check_page(header, shown, catalogue)
        problems += errors
        if "slug" in data:
            slugs.append((shown, slug_line(header), data["slug"]))
    problems += slug_problems(slugs, catalogue.entries, settings)
    shared["page_slugs"] = {slug for _, _, slug in slugs}
    return problems, {"entries": len(catalogue.entries), "pages": len(slugs), "sources": len(catalogue.sources)}
