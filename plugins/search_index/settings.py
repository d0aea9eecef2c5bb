"""The ``SEARCH`` settings dict, merged over these defaults."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    "SEARCH_URL": "search/",
    "MY_LIST_URL": "my-list/",
    # Relative to the content folder, beside vocabularies.yaml.
    "SYNONYMS": "data/synonyms.yaml",
    # The full description makes the index several times larger; a very big
    # directory can leave it out and rely on name, summary and keywords.
    "INCLUDE_DESCRIPTION": True,
    "BOOSTS": {"name": 10, "labels": 4, "synonyms": 3, "keywords": 3, "summary": 2, "description": 1},
    # The information, advice and support service offered when nothing is found.
    "IAS_SLUG": "iass",
    # What results and filters call an information page.
    "PAGE_LABEL": "Guide",
    "PAGE_PLURAL": "Guides",
    # lunr.js is copied from npm at build time, never committed.
    "LUNR_JS": str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),
}


def search_settings(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("SEARCH", {})}
