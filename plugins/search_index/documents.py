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
from local_offer.filing import filed_under
from lunr.stop_word_filter import WORDS as STOP_WORDS
from markupsafe import Markup

from .shards import fnv1a

PAGE_KIND = "page"
# Words offered as "did you mean" suggestions: letters only, three or more.
SUGGESTIBLE = re.compile(r"\b[a-z]{3,}\b")


# Entry fields search neither indexes nor shows in a result, and why;
# tests/test_field_coverage.py checks it uses every other.
_ON_THE_PAGE = "shown on the entry page a result links to, not in the short result"
LEFT_OUT = {
    "id": "results are found by the page's address",
    "organization": _ON_THE_PAGE,
    "status": _ON_THE_PAGE,
    "alert": _ON_THE_PAGE,
    "phones.description": "a result offers the first number to call; what each number is for is on the entry page",
    "phases": "searched through the kind and types of help; the phases are in the schools table",
    "places": _ON_THE_PAGE,
    "admissions": _ON_THE_PAGE,
    "free": "no cost filter yet; the cost is on the entry page",
    "fees": _ON_THE_PAGE,
    "cost_options": _ON_THE_PAGE,
    "eligibility_description": "who it is for is searched through ages and needs; the detail is on the entry page",
    "access_routes": _ON_THE_PAGE,
    "application_process": _ON_THE_PAGE,
    "locations": "no search by place yet; addresses are on the entry page",
    "schedules": _ON_THE_PAGE,
    "assured_date": _ON_THE_PAGE,
    "sources": _ON_THE_PAGE,
    "outside_area": _ON_THE_PAGE,
    "imported_from": "where make import copied it from; the entry page says so",
}

@dataclasses.dataclass(frozen=True)
class Document:
    ref: str
    fields: dict
    record: dict
    facets: dict


def contact(entry) -> dict:
    """How to reach a person about an entry, for My list: its own phone, email and website, or those of the entry it names to ask."""
    reach = entry.contact
    return {
        "ask": None if reach is entry else {"title": reach.name, "url": reach.url},
        "phone": (reach.phones or [{}])[0].get("number"),
        "email": reach.email,
        "website": reach.website,
    }


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
        self.bands = [term.id for term in vocabularies["age_bands"]]
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
            "contact": contact(entry),
        }
        # The filters keep what browse pages list: the same rules, in local_offer.filing.
        return Document(entry.url, fields, record, {k: list(v) for k, v in filed_under(entry, self.vocabularies).items()})

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
            "age": list(self.bands),
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
