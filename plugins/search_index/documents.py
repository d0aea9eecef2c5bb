"""What search knows about each entry and information page.

Each item becomes three things: the text fields lunr indexes (``fields``),
the small record the browser shows as a result (``record``) and the values
the search filters match (``facets``, keyed by the filter's name in the
address). All come from the validated catalogue and pages, with families'
words added for each need, type of help and kind, so "autism" finds entries
tagged ``asd``.
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
    facets: dict


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


def entry_document(entry, vocabularies, synonyms, bands, with_description: bool) -> Document:
    needs = list(entry.all_needs)
    terms = [entry.kind, *entry.categories, *needs]
    fields = {
        "name": entry.name,
        "labels": _labels(terms, vocabularies),
        "synonyms": _synonyms([entry.kind, *entry.categories, *_needs_with_areas(needs, vocabularies)], synonyms),
        "summary": entry.summary,
        "keywords": " ".join(entry.keywords or ()),
        # Rendering every description is slow, so only when it is indexed.
        "description": entry.html("description").striptags() if with_description else "",
    }
    phone = (entry.phones or [{}])[0].get("number")
    record = {
        "slug": entry.slug,
        "title": entry.name,
        "url": entry.url,
        "kind": entry.kind.id,
        "summary": entry.summary,
        "ages": ages(entry),
        "needs": [term.id for term in needs],
        "phone": phone,
    }
    facets = {
        "age": [term.id for term, low, high in bands if entry.serves_ages(low, high)],
        "need": [term.id for term in needs],
        "category": [term.id for term in entry.categories],
        "kind": [entry.kind.id],
    }
    return Document(entry.url, fields, record, facets)


def page_document(page, vocabularies, synonyms, bands, with_description: bool) -> Document:
    topics = page.checked.get("topics", [])
    fields = {
        "name": page.title,
        "labels": _labels(topics, vocabularies),
        "synonyms": _synonyms(topics, synonyms),
        "summary": page.summary,
        "keywords": "",
        "description": Markup(page.content).striptags() if with_description else "",
    }
    record = {
        "title": page.title,
        "url": page.url,
        "kind": PAGE_KIND,
        "summary": page.summary,
        "needs": [],
    }
    facets = {
        # Guides are for every family, whatever their child's age.
        "age": [term.id for term, _, _ in bands],
        "need": [],
        "category": [term.id for term in topics],
        "kind": [PAGE_KIND],
    }
    return Document(page.url, fields, record, facets)


def documents(catalogue, pages, synonyms, with_description: bool) -> list:
    """Every entry and information page, A to Z by title (then address, for the same title)."""
    vocabularies = catalogue.vocabularies
    bands = age_bands(vocabularies)
    found = [entry_document(e, vocabularies, synonyms, bands, with_description) for e in catalogue.entries]
    found += [page_document(p, vocabularies, synonyms, bands, with_description) for p in pages]
    return sorted(found, key=lambda d: (d.record["title"].casefold(), d.ref))
