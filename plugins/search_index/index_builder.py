"""Score every term of every document the way lunr does, quickly.

lunr.py's builder runs its whole token pipeline (trimmer, stop words,
stemmer) on every word of every document and keeps per-token metadata,
which takes seconds at county scale. Here each distinct word goes through
lunr.py's own pipeline once, and the BM25 weights are worked out with the
same constants, rounding and idf as lunr.py's ``Builder``, so lunr.js
scores a query exactly as it would against lunr.py's index
(tests/test_search_shards.py compares the two).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict

from lunr import get_default_builder
from lunr.idf import idf
from lunr.token import Token

# lunr.py's tokenizer splits the lower-cased text on these characters.
SEPARATORS = re.compile(r"[ \t\n\r\f\v\xa0-]+")
# BM25 constants, as lunr's Builder sets them.
K1 = 1.2
B = 0.75


@dataclasses.dataclass(frozen=True)
class Postings:
    """For each indexed term: its position in lunr's vectors, and per field {document number: weight}."""

    fields: tuple
    terms: dict  # term -> (term index, {field: {doc: weight}})
    pipeline: list  # the search pipeline lunr.js runs on a query


class _Terms:
    """How often each index term occurs in a text, from lunr.py's default pipeline.

    Worked out once per distinct word and once per distinct text: the labels
    and families' words of entries with the same needs are the same text.
    """

    def __init__(self):
        builder = get_default_builder()
        self.pipeline = builder.pipeline
        self.search_pipeline = builder.search_pipeline.serialize()
        self.words: dict[str, list[str]] = {}
        self.texts: dict[str, Counter] = {}

    def terms(self, word: str) -> list[str]:
        found = self.words.get(word)
        if found is None:
            found = self.words[word] = [str(token) for token in self.pipeline.run([Token(word, {})])]
        return found

    def __call__(self, text: str) -> Counter:
        found = self.texts.get(text)
        if found is None:
            words = SEPARATORS.split(text.lower())
            # Counter keeps first-seen order, which is how lunr numbers new terms.
            found = self.texts[text] = Counter(term for word in words if word for term in self.terms(word))
        return found


def build(documents: list[tuple[int, dict]], boosts: dict) -> Postings:
    """``documents`` are (number, {field: text}) in the order lunr.py's builder would add them."""
    fields = tuple(boosts)
    terms_of = _Terms()
    frequencies = []  # (doc, field, text, length)
    postings: dict[str, tuple[int, dict]] = {}
    total_length = defaultdict(int)
    for number, texts in documents:
        for field in fields:
            text = str(texts.get(field) or "")
            counts = terms_of(text)
            length = counts.total()
            for term in counts:
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = (len(postings), {f: {} for f in fields})
                posting[1][field][number] = None
            frequencies.append((number, field, text, length))
            total_length[field] += length
    count = len(documents)
    average = {field: total_length[field] / count for field in fields} if count else {}
    idfs = {term: idf(posting, count) for term, (_, posting) in postings.items()}
    # Documents with the same text in a field (the same needs, say) get the same weights.
    weighed: dict[tuple[str, str], list] = {}
    for number, field, text, length in frequencies:
        weights = weighed.get((field, text))
        if weights is None:
            norm = K1 * (1 - B + B * (length / average[field])) if length else 0
            weights = weighed[field, text] = [
                (term, round(idfs[term] * ((K1 + 1) * tf) / (norm + tf) * boosts[field], 3))
                for term, tf in terms_of(text).items()
            ]
        for term, weight in weights:
            postings[term][1][field][number] = weight
    return Postings(fields, postings, terms_of.search_pipeline)
