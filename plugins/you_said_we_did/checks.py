"""``make check`` for feedback items: the build's validation and privacy guard, without Pelican."""

from __future__ import annotations

from pathlib import Path

from .feedback import load_items


def check(content_path: Path, settings: dict, shared: dict):
    """Return (problems, counts), using the catalogue and page slugs local_offer's check left in ``shared``."""
    catalogue = shared["catalogue"]
    known = set(catalogue.by_slug) | shared.get("page_slugs", set())
    items, problems = load_items(Path(content_path), settings, catalogue.vocabularies, known, catalogue.sources)
    return problems, {"feedback items": len(items)}
