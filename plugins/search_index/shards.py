"""Split the search data into small files, so a search downloads only what it needs.

Documents are numbered A to Z by title. Neighbours in that order tend to be
alike (the same kind of school, the same service in several towns), so the
lists of numbers and weights below compress about twice as well as in any
other order, and filters without words list results A to Z by number alone.

- Term shards (``index/<key>.json``): every term starting with the same
  letter (``_`` for digits and anything else), with its lunr term index and,
  per field, the numbers of the documents holding it and their weights.
  theme/static/js/search-index.mjs rebuilds a lunr index from the shards a
  query's words need; lunr scores a document by the dot product of the
  query vector with its field vectors (over the query's magnitude), so only
  the query's terms count and the scores match the whole index's.
- Document shards (``documents/<n>.json``): the records results show, a
  run of numbers each, so a result's number names its file.
- Keys (``keys/<n>.json``): each entry's number by its slug, spread by a
  hash of the slug, for My list, which knows only slugs.
- Facets (``facets/<filter>/<value>.json``): for each filter checkbox, the
  numbers of the documents it keeps.
- Words (``words/<key>.json``): every word of the indexed text, as written,
  with how many documents use it, by first letter; fetched only to suggest
  a word ("did you mean") for one the index has never seen.

Lists of document numbers are stored as gaps from the previous number, which
compress far better than the numbers themselves.
"""

from __future__ import annotations

import math
import sys
from array import array

from .index_builder import Postings

OTHER_KEY = "_"
KEYS = (*"abcdefghijklmnopqrstuvwxyz", OTHER_KEY)
# My list looks up a few slugs at a time; a file of this many stays small.
SLUGS_PER_FILE = 250
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
# So that an array of 16-bit numbers reads the code units.
NATIVE_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def term_key(term: str) -> str:
    """The shard a term belongs to (theme/static/js/search-index.mjs has the same rule)."""
    first = term[:1]
    return first if "a" <= first <= "z" else OTHER_KEY


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as JavaScript's charCodeAt sees the text."""
    value = FNV_OFFSET
    for unit in array("H", text.encode(NATIVE_UTF16)):
        value = (value ^ unit) * FNV_PRIME & 0xFFFFFFFF
    return value


def gaps(numbers) -> list[int]:
    ordered = sorted(numbers)
    return [b - a for a, b in zip([0, *ordered], ordered)]


def term_shards(postings: Postings) -> dict[str, dict]:
    """{key: {term: [term index, [gaps, weights] per field]}}, a shard for every key, empty or not."""
    shards = {key: {} for key in KEYS}
    for term, (index, docs, weights) in postings.terms.items():
        # Documents were added in number order, so the weights follow the sorted numbers.
        by_field = ([gaps(found), weighed] if found else [] for found, weighed in zip(docs, weights))
        shards[term_key(term)][term] = [index, *by_field]
    return shards


def document_shards(records: list[dict], size: int) -> list[dict]:
    """Records by number (as text, as JSON keys are), ``size`` to a file."""
    return [
        {str(number): records[number] for number in range(start, min(start + size, len(records)))}
        for start in range(0, max(len(records), 1), size)
    ]


def slug_files(documents) -> list[dict]:
    """{slug: number} for every entry, in files chosen by the slug's hash (``fnv1a``, kept with the document)."""
    count = max(1, math.ceil(len(documents) / SLUGS_PER_FILE))
    files = [{} for _ in range(count)]
    for number, document in enumerate(documents):
        if document.slug_hash is not None:
            files[document.slug_hash % count][document.record["slug"]] = number
    return files


def facet_lists(documents, filters: list[dict]) -> dict[tuple[str, str], list[int]]:
    """{(filter, value): gaps} for every checkbox the search page offers, even one that keeps nothing."""
    found = {(group["name"], item["value"]): [] for group in filters for item in group["items"]}
    for number, document in enumerate(documents):
        for name, values in document.facets.items():
            for value in values:
                if (name, value) in found:
                    found[name, value].append(number)
    return {key: gaps(kept) for key, kept in found.items()}


def word_files(documents) -> dict[str, dict[str, int]]:
    """{key: {word: how many documents use it}}, by the word's first letter, sorted."""
    counts: dict[str, int] = {}
    for document in documents:
        for word in document.words:
            counts[word] = counts.get(word, 0) + 1
    files: dict[str, dict[str, int]] = {key: {} for key in KEYS}
    for word in sorted(counts):
        files[term_key(word)][word] = counts[word]
    return files
