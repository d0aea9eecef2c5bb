"""Search: a lunr index built with the site, the search page and My list."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from local_offer.sections import first_folder
from local_offer.yaml_source import ContentErrors

from .generator import SearchGenerator, read_best_bets, read_synonyms
from .settings import search_settings


def add_generator(pelican):
    return SearchGenerator


def check(content_path: Path, settings: dict, shared: dict):
    """``make check``: the synonyms and best bets files, against what local_offer loaded."""
    catalogue = shared["catalogue"]
    try:
        synonyms = read_synonyms(Path(content_path), settings, catalogue.vocabularies)
    except ContentErrors as exc:
        return exc.errors, {}
    slugs = {entry.slug for entry in catalogue.entries} | set(shared.get("page_slugs", ()))
    try:
        bets = read_best_bets(Path(content_path), settings, catalogue.vocabularies, slugs, synonyms)
    except ContentErrors as exc:
        return exc.errors, {}
    return [], {"synonyms": len(synonyms.terms) + len(synonyms.phrases), "best bets": len(bets)}


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    options = search_settings(settings)
    return {
        first_folder(options["SEARCH_URL"]): "the search page",
        first_folder(options["MY_LIST_URL"]): "My list",
    }


def register():
    """Add the generator that writes the search index, /search/ and /my-list/."""
    signals.get_generators.connect(add_generator)
