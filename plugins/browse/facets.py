"""The ways to browse the directory: by type of help, need, age and kind.

Each facet pairs a vocabulary with the rule for which entries belong under
one of its terms, using the catalogue's own lookups so browse pages list
exactly what search filters find.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Facet:
    slug: str
    vocabulary: str
    title: str
    description: str
    entries: Callable  # (catalogue, term) -> entries under that term
    topic: bool = False  # whether information pages are filed under its terms


def _serving_ages(catalogue, term):
    low, high = int(term.get("minimum_age")), int(term.get("maximum_age"))
    return [e for e in catalogue.entries if e.serves_ages(low, high)]


FACETS = (
    Facet(
        "category", "categories", "Type of help",
        "Education, health, social care, short breaks, activities and more.",
        lambda catalogue, term: catalogue.with_term("categories", term.id),
        topic=True,
    ),
    Facet(
        "need", "needs", "Need",
        "Autism, ADHD, speech and language, learning, hearing, sight, physical and mental health needs.",
        lambda catalogue, term: catalogue.with_term("needs", term.id),
    ),
    Facet(
        "age", "age_bands", "Age",
        "From babies and toddlers to young people up to 25.",
        _serving_ages,
    ),
    Facet(
        "kind", "kinds", "Kind of support",
        "Services, special schools, resourced bases in mainstream schools, and advice.",
        lambda catalogue, term: catalogue.of_kind(term.id),
    ),
)
