"""Counts and groupings of feedback items, and the year's summary in words.

Everything here is worked out from the items themselves, so the published
numbers can never disagree with the items listed under them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from .feedback import SECTION_URL

# How each action status reads in the sentence "Where things stand: ...".
STATUS_PHRASES = {
    "we-did": "{n} done",
    "we-are-doing": "{n} in progress",
    "we-will": "{n} planned",
    "we-cant": "{n} we can't do (we say why)",
}


@dataclasses.dataclass(frozen=True)
class Count:
    term: object
    count: int
    url: str


def counts(items, field: str, vocabulary, with_pages: bool = True) -> list[Count]:
    """How many items have each term, in the vocabulary's order.

    Topics and statuses have a page each, so every term is listed (a zero is
    worth publishing too); sources have none, so only those used are listed.
    """
    tally = Counter(getattr(item, field).id for item in items)
    return [
        Count(term, tally[term.id], f"{SECTION_URL}{field}/{term.id}/" if with_pages else "")
        for term in vocabulary
        if with_pages or tally[term.id]
    ]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclasses.dataclass
class Review:
    """A year of feedback: the annual review of the Local Offer."""

    year: int
    items: list
    vocabularies: dict

    @property
    def url(self) -> str:
        return f"{SECTION_URL}{self.year}/"

    @property
    def by_status(self):
        return counts(self.items, "status", self.vocabularies["feedback_statuses"])

    @property
    def by_topic(self):
        return counts(self.items, "topic", self.vocabularies["feedback_topics"])

    @property
    def by_source(self):
        return counts(self.items, "source", self.vocabularies["feedback_sources"], with_pages=False)

    def items_about(self, topic) -> list:
        return [item for item in self.items if item.topic == topic]

    @property
    def summary(self) -> list[str]:
        """The year in a few plain sentences, for the top of the review."""
        total = len(self.items)
        statuses = [STATUS_PHRASES[c.term.id].format(n=c.count) for c in self.by_status if c.count]
        topics = [f"{_lower_first(c.term.label)} ({c.count})" for c in self.by_topic if c.count]
        sources = [f"{_lower_first(c.term.label)} ({c.count})" for c in self.by_source]
        return [
            f"In {self.year}, we responded to {_plural(total, 'thing', 'things')} that families, children and "
            "young people told us about the Local Offer and the support in it.",
            f"How they reached us: {_join(sources)}.",
            f"What they were about: {_join(topics)}.",
            f"Where things stand: {_join(statuses)}.",
        ]


def reviews(items, vocabularies) -> list[Review]:
    """One review per year of our responses, latest first."""
    years = sorted({item.year for item in items}, reverse=True)
    return [Review(year, [item for item in items if item.year == year], vocabularies) for year in years]
