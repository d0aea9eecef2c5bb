"""``make check`` for the directory: entries, vocabularies, sources and page headers.

The same loading and validation code as the build, without Pelican, so an
editor gets every problem in every file in a second or two.
"""

from __future__ import annotations

from pathlib import Path

from .loading import display_path, load_catalogue
from .pages import check_page, split_header
from .yaml_source import ContentErrors, SourceError


def page_files(content_path: Path, settings: dict) -> list[Path]:
    files = []
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        files += sorted((content_path / folder).rglob("*.md"))
    return files


def check(content_path: Path, settings: dict, shared: dict):
    """Return (problems, counts); leave the catalogue in ``shared`` for later checks."""
    try:
        catalogue = load_catalogue(content_path, settings)
    except ContentErrors as exc:
        return exc.errors, {}
    shared["catalogue"] = catalogue
    problems, slugs = [], {}
    for path in page_files(content_path, settings):
        shown = display_path(path, content_path)
        header, _ = split_header(path.read_text(encoding="utf-8"))
        data, errors = check_page(header, shown, catalogue)
        problems += errors
        if "slug" in data:
            if data["slug"] in slugs:
                problems.append(SourceError(shown, 1, "slug", f"'{data['slug']}' is already used by {slugs[data['slug']]}"))
            slugs[data["slug"]] = shown
    shared["page_slugs"] = set(slugs)
    return problems, {"entries": len(catalogue.entries), "pages": len(slugs), "sources": len(catalogue.sources)}
