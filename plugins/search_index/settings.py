"""The ``SEARCH`` settings dict, merged over these defaults."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    "SEARCH_URL": "search/",
    "MY_LIST_URL": "my-list/",
    # Relative to the content folder, beside vocabularies.yaml.
    "SYNONYMS": "data/synonyms.yaml",
    # What answers families' commonest searches, chosen by editors; optional.
    "BEST_BETS": "data/best-bets.yaml",
    # Full descriptions double the index and take about a second per
    # thousand entries to render and index. "auto" indexes them while there
    # are at most DESCRIPTION_LIMIT entries and guides; True or False decides
    # for any size.
    "INDEX_DESCRIPTION": "auto",
    "DESCRIPTION_LIMIT": 500,
    # Results' records are fetched in files of about this many, so the first
    # page of results downloads little more than the records it shows.
    "DOCS_PER_SHARD": 10,
    # Results shown at first and each time "Show more results" is chosen.
    "RESULTS_PER_PAGE": 20,
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
