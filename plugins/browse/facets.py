"""The ways to browse the directory: by type of help, need, age and kind.

Each facet pairs a vocabulary with the rule for which of its terms an entry
is listed under, the same rules as the catalogue's lookups and the search
filters, so browse pages list exactly what search filters find.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Facet:
    slug: str
    vocabulary: str
    title: str
    description: str
    filed_under: Callable  # (entry, the vocabulary) -> the ids of the terms it is listed under
    topic: bool = False  # whether information pages are filed under its terms


@functools.cache
def _bounds(band) -> tuple[int, int]:
    return int(band.get("minimum_age")), int(band.get("maximum_age"))


def _age_bands(entry, bands) -> list:
    return [band.id for band in bands if entry.serves_ages(*_bounds(band))]


FACETS = (
    Facet(
        "category", "categories", "Type of help",
        "Education, health, social care, short breaks, activities and more.",
        lambda entry, _: [term.id for term in entry.categories or ()],
        topic=True,
    ),
    Facet(
        "need", "needs", "Need",
        "Autism, ADHD, speech and language, learning, hearing, sight, physical and mental health needs.",
        lambda entry, _: [term.id for term in entry.all_needs],
    ),
    Facet(
        "age", "age_bands", "Age",
        "From babies and toddlers to young people up to 25.",
        _age_bands,
    ),
    Facet(
        "kind", "kinds", "Kind of support",
        "Services, special schools, resourced bases in mainstream schools, and advice.",
        lambda entry, _: [entry.kind.id],
    ),
)


def filing(entry, vocabularies) -> dict[str, tuple]:
    """{facet slug: the ids of the terms ``entry`` is listed under}."""
    return {f.slug: tuple(dict.fromkeys(f.filed_under(entry, vocabularies[f.vocabulary]))) for f in FACETS}
