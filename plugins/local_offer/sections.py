"""The folders the site writes itself, which no page or entry may take as its address.

Each plugin that writes a folder at the top of the site says so with a
module-level ``sections(settings) -> {folder: what it holds}``, worked out
from its own settings (so ``SEARCH["SEARCH_URL"] = "find/"`` reserves
``find``, not ``search``). ``make check`` and the build both ask every
plugin in ``PLUGINS``; a test builds a site and fails if it writes a folder
no plugin declared.
"""

from __future__ import annotations

import importlib

from .loading import settings_for
from .yaml_source import SourceError


def first_folder(path: str) -> str:
    """``search`` for ``search/``, ``/search/index.html`` or ``search``."""
    return path.strip("/").split("/")[0]


def sections(settings: dict) -> dict:
    """The folders local_offer and Pelican write: entry pages, static files and the theme's files."""
    found = {}
    entries = first_folder(settings_for(settings)["ENTRY_URL"])
    if "{" not in entries:
        found[entries] = "the directory's entry pages"
    for path in settings.get("STATIC_PATHS", []):
        found[first_folder(path)] = "images and other files copied as they are"
    found[first_folder(settings.get("THEME_STATIC_DIR", "theme"))] = "the theme's styles and scripts"
    return found


def reserved(settings: dict) -> dict:
    """Every folder any plugin in ``PLUGINS`` writes, with what it holds."""
    found = {}
    for name in settings.get("PLUGINS", []):
        declared = getattr(importlib.import_module(name), "sections", None)
        if declared is not None:
            found.update(declared(settings))
    return found


def slug_problems(pages, entries, settings: dict) -> list[SourceError]:
    """Page and entry slugs that repeat another's or take a folder the site writes.

    ``pages`` is (shown path, line of the slug, slug) for each information
    page; ``entries`` the catalogue's entries. An entry can clash only when
    ``ENTRY_URL`` puts entries at the top of the site.
    """
    taken = reserved(settings)
    errors, seen = [], {}
    items = [(shown, line, slug, settings.get("PAGE_SAVE_AS", "{slug}/index.html")) for shown, line, slug in pages]
    entry_url = settings_for(settings)["ENTRY_URL"]
    if entry_url.startswith("{slug}"):
        items += [(e.source_path, e.line_of("slug"), e.slug, entry_url) for e in entries]
    for shown, line, slug, pattern in items:
        folder = first_folder(pattern.replace("{slug}", slug))
        if folder in taken:
            errors.append(
                SourceError(
                    shown,
                    line,
                    "slug",
                    f"'{slug}' would put this page at /{folder}/, where the site publishes {taken[folder]}; "
                    "choose another slug",
                )
            )
        elif folder in seen:
            errors.append(SourceError(shown, line, "slug", f"'{slug}' is already used by {seen[folder]}; choose another slug"))
        else:
            seen[folder] = shown
    return errors
