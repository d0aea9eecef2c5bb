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

Lists of document numbers are stored as gaps from the previous number, which
compress far better than the numbers themselves.
"""

from __future__ import annotations

import math

from .index_builder import Postings

OTHER_KEY = "_"
KEYS = (*"abcdefghijklmnopqrstuvwxyz", OTHER_KEY)
# My list looks up a few slugs at a time; a file of this many stays small.
SLUGS_PER_FILE = 250
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def term_key(term: str) -> str:
    """The shard a term belongs to (theme/static/js/search-index.mjs has the same rule)."""
    first = term[:1]
    return first if "a" <= first <= "z" else OTHER_KEY


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as JavaScript's charCodeAt sees the text."""
    value = FNV_OFFSET
    data = text.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = value * FNV_PRIME & 0xFFFFFFFF
    return value


def gaps(numbers) -> list[int]:
    ordered = sorted(numbers)
    return [b - a for a, b in zip([0, *ordered], ordered)]


def term_shards(postings: Postings) -> dict[str, dict]:
    """{key: {term: [term index, [gaps, weights] per field]}}, a shard for every key, empty or not."""
    shards = {key: {} for key in KEYS}
    for term, (index, by_field) in postings.terms.items():
        encoded = [index]
        for field in postings.fields:
            docs = sorted(by_field[field])
            encoded.append([gaps(docs), [by_field[field][doc] for doc in docs]] if docs else [])
        shards[term_key(term)][term] = encoded
    return shards


def document_shards(records: list[dict], size: int) -> list[dict]:
    """Records by number (as text, as JSON keys are), ``size`` to a file."""
    return [
        {str(number): records[number] for number in range(start, min(start + size, len(records)))}
        for start in range(0, max(len(records), 1), size)
    ]


def slug_files(records: list[dict]) -> list[dict]:
    """{slug: number} for every entry, in files chosen by the slug's hash."""
    count = max(1, math.ceil(len(records) / SLUGS_PER_FILE))
    files = [{} for _ in range(count)]
    for number, record in enumerate(records):
        if record.get("slug"):
            files[fnv1a(record["slug"]) % count][record["slug"]] = number
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
