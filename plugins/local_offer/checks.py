"""``make check`` for the directory: the council file, entries, vocabularies and pages.

The same loading and validation code as the build, without Pelican, so an
editor gets every problem in every file in a second or two.
"""

from __future__ import annotations

from pathlib import Path

from .council import load_council
from .loading import display_path, load_catalogue
from .pages import check_page, council_file, read_page
from .yaml_source import ContentErrors, SourceError


def page_files(content_path: Path, settings: dict) -> list[Path]:
    files = []
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        files += sorted((content_path / folder).rglob("*.md"))
    return files


def check(content_path: Path, settings: dict, shared: dict):
    """Return (problems, counts); leave the council and the catalogue in ``shared`` for later checks."""
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
    slugs = {}
    for path in page_files(content_path, settings):
        shown = display_path(path, content_path)
        header, _, errors = read_page(path.read_text(encoding="utf-8"), shown, council, council_file(content_path, settings))
        problems += errors
        data, errors = check_page(header, shown, catalogue)
        problems += errors
        if "slug" in data:
            if data["slug"] in slugs:
                problems.append(SourceError(shown, 1, "slug", f"'{data['slug']}' is already used by {slugs[data['slug']]}"))
            slugs[data["slug"]] = shown
    shared["page_slugs"] = set(slugs)
    return problems, {"entries": len(catalogue.entries), "pages": len(slugs)}
