"""What search knows about each entry and information page.

Each item becomes three things: the text fields lunr indexes (``fields``),
the small record the browser shows as a result (``record``) and the values
the search filters match (``facets``, keyed by the filter's name in the
address). All come from the validated catalogue and pages, with families'
words added for each need, type of help and kind, so "autism" finds entries
tagged ``asd``.

``prepare`` turns a document into what the search files are made of (its
terms, counted, in place of its text); the generator keeps that for each
entry between builds, by the entry's digest.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from govuk_theme.filters import ages
from lunr.stop_word_filter import WORDS as STOP_WORDS
from markupsafe import Markup

from .shards import fnv1a

PAGE_KIND = "page"
# Words offered as "did you mean" suggestions: letters only, three or more.
SUGGESTIBLE = re.compile(r"\b[a-z]{3,}\b")


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


class Describer:
    """Makes one build's documents, working out each set of terms' labels and families' words once.

    Thousands of entries share the same kind, types of help and needs.
    """

    def __init__(self, vocabularies, synonyms, with_description: bool):
        self.vocabularies = vocabularies
        self.synonyms = synonyms
        # Rendering every description is slow, so only when it is indexed.
        self.with_description = with_description
        self.bands = age_bands(vocabularies)
        self._labels: dict[tuple, str] = {}
        self._words: dict[tuple, str] = {}

    def labels(self, terms: tuple) -> str:
        """The terms' labels, each specific need's followed by its broad area's."""
        found = self._labels.get(terms)
        if found is None:
            labels = []
            for term in terms:
                labels.append(term.label)
                area = term.get("area")
                if area:
                    labels.append(self.vocabularies["needs"].terms[area].label)
            found = self._labels[terms] = " ".join(dict.fromkeys(labels))
        return found

    def words(self, terms: tuple, needs: tuple = ()) -> str:
        """Families' words for the terms and needs, and for the specific needs within a broad area."""
        found = self._words.get((terms, needs))
        if found is None:
            every = (*terms, *_needs_with_areas(needs, self.vocabularies))
            words = (word for term in every for word in self.synonyms.words_for(term))
            found = self._words[terms, needs] = " ".join(dict.fromkeys(words))
        return found

    def entry(self, entry) -> Document:
        needs = tuple(entry.all_needs)
        terms = (entry.kind, *entry.categories, *needs)
        fields = {
            "name": entry.name,
            "labels": self.labels(terms),
            "synonyms": self.words((entry.kind, *entry.categories), needs),
            "summary": entry.summary,
            "keywords": " ".join(entry.keywords or ()),
            "description": entry.html("description").striptags() if self.with_description else "",
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
            "categories": [term.id for term in entry.categories],
            "phone": phone,
        }
        # For My list's printout: how to get in touch, besides the phone.
        record.update((key, value) for key, value in (("email", entry.email), ("website", entry.website)) if value)
        facets = {
            "age": [term.id for term, low, high in self.bands if entry.serves_ages(low, high)],
            "need": [term.id for term in needs],
            "category": [term.id for term in entry.categories],
            "kind": [entry.kind.id],
        }
        return Document(entry.url, fields, record, facets)

    def page(self, page) -> Document:
        topics = tuple(page.checked.get("topics", []))
        fields = {
            "name": page.title,
            "labels": self.labels(topics),
            "synonyms": self.words(topics),
            "summary": page.summary,
            "keywords": "",
            "description": Markup(page.content).striptags() if self.with_description else "",
        }
        record = {
            "title": page.title,
            "url": page.url,
            "kind": PAGE_KIND,
            "summary": page.summary,
            "needs": [],
            "categories": [term.id for term in topics],
        }
        facets = {
            # Guides are for every family, whatever their child's age.
            "age": [term.id for term, _, _ in self.bands],
            "need": [],
            "category": [term.id for term in topics],
            "kind": [PAGE_KIND],
        }
        return Document(page.url, fields, record, facets)


def order(document: Document) -> tuple:
    """Documents are numbered A to Z by title (then address, for the same title)."""
    return document.record["title"].casefold(), document.ref


class Prepared(NamedTuple):
    """A document as the search files need it: kept between builds for each unchanged entry."""

    order: tuple
    terms: tuple  # for each indexed field, what index_builder.Analyser made of its text
    record: dict
    facets: dict
    slug_hash: int | None  # shards.fnv1a of an entry's slug, for My list's files
    words: tuple  # the words of its indexed text that search may suggest


def texts(document: Document, fields: tuple) -> list[str]:
    return [str(document.fields.get(field) or "") for field in fields]


def prepare(document: Document, fields: tuple, analyse) -> Prepared:
    slug = document.record.get("slug")
    indexed = texts(document, fields)
    words = {word for text in indexed for word in SUGGESTIBLE.findall(text.lower()) if word not in STOP_WORDS}
    return Prepared(
        order(document),
        tuple(analyse(text) for text in indexed),
        document.record,
        document.facets,
        fnv1a(slug) if slug else None,
        tuple(sorted(words)),
    )
