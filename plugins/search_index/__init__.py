"""Search: a lunr index built with the site, the search page and My list."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from local_offer.yaml_source import ContentErrors

from .generator import SearchGenerator, read_synonyms


def add_generator(pelican):
    return SearchGenerator


def check(content_path: Path, settings: dict, shared: dict):
    """``make check``: the synonyms file, against the vocabularies local_offer loaded."""
    try:
        synonyms = read_synonyms(Path(content_path), settings, shared["catalogue"].vocabularies)
    except ContentErrors as exc:
        return exc.errors, {}
    return [], {"synonyms": len(synonyms.terms) + len(synonyms.phrases)}


def register():
    """Add the generator that writes the search index, /search/ and /my-list/."""
    signals.get_generators.connect(add_generator)
