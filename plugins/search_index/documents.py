"""What search knows about each entry and information page.

Each item becomes two things: the text fields lunr indexes (``fields``) and
the small record the browser shows and filters on (``record``). Both come
from the validated catalogue and pages, with families' words added for each
need, type of help and kind, so "autism" finds entries tagged ``asd``.
"""

from __future__ import annotations

import dataclasses

from govuk_theme.filters import ages
from markupsafe import Markup

PAGE_KIND = "page"


@dataclasses.dataclass(frozen=True)
class Document:
    ref: str
    fields: dict
    record: dict


def age_bands(vocabularies) -> list:
    """(term, youngest, oldest) for each age band, in vocabulary order."""
    return [(t, int(t.get("minimum_age")), int(t.get("maximum_age"))) for t in vocabularies["age_bands"]]


def _needs_with_areas(needs, vocabularies) -> list:
    """The needs, each followed by the specific needs within it when it is a broad area.

    An entry for "sensory and physical needs" serves deaf children, so it is
    found by the words for hearing impairment as well as its own.
    """
    found = []
    for need in needs:
        found.append(need)
        found += [t for t in vocabularies["needs"] if t.get("area") == need.id]
    return found


def _labels(terms, vocabularies) -> str:
    labels = []
    for term in terms:
        labels.append(term.label)
        area = term.get("area")
        if area:
            labels.append(vocabularies["needs"].terms[area].label)
    return " ".join(dict.fromkeys(labels))


def _synonyms(terms, synonyms) -> str:
    return " ".join(dict.fromkeys(word for term in terms for word in synonyms.words_for(term)))


def entry_document(entry, vocabularies, synonyms, bands) -> Document:
    needs = list(entry.all_needs)
    terms = [entry.kind, *entry.categories, *needs]
    fields = {
        "name": entry.name,
        "labels": _labels(terms, vocabularies),
        "synonyms": _synonyms([entry.kind, *entry.categories, *_needs_with_areas(needs, vocabularies)], synonyms),
        "summary": entry.summary,
        "keywords": " ".join(entry.keywords or ()),
        "description": entry.html("description").striptags(),
    }
    phone = (entry.phones or [{}])[0].get("number")
    record = {
        "slug": entry.slug,
        "title": entry.name,
        "url": entry.url,
        "kind": entry.kind.id,
        "summary": entry.summary,
        "ages": ages(entry),
        "bands": [term.id for term, low, high in bands if entry.serves_ages(low, high)],
        "needs": [term.id for term in needs],
        "categories": [term.id for term in entry.categories],
        "phone": phone,
    }
    return Document(entry.url, fields, record)


def page_document(page, vocabularies, synonyms, bands) -> Document:
    topics = page.checked.get("topics", [])
    fields = {
        "name": page.title,
        "labels": _labels(topics, vocabularies),
        "synonyms": _synonyms(topics, synonyms),
        "summary": page.summary,
        "keywords": "",
        "description": Markup(page.content).striptags(),
    }
    record = {
        "title": page.title,
        "url": page.url,
        "kind": PAGE_KIND,
        "summary": page.summary,
        # Guides are for every family, whatever their child's age.
        "bands": [term.id for term, _, _ in bands],
        "needs": [],
        "categories": [term.id for term in topics],
    }
    return Document(page.url, fields, record)


def documents(catalogue, pages, synonyms) -> list:
    """Every entry (A to Z), then every information page (by address)."""
    vocabularies = catalogue.vocabularies
    bands = age_bands(vocabularies)
    found = [entry_document(e, vocabularies, synonyms, bands) for e in catalogue.entries]
    found += [page_document(p, vocabularies, synonyms, bands) for p in sorted(pages, key=lambda p: p.url)]
    return found
