"""Write the search files: a small manifest, term shards, document shards and facets.

How they are split up is in shards.py. Every file is compact JSON with
sorted keys and no timestamps, so building the same content twice gives
byte-identical files, and each gets ``.gz`` and ``.br`` copies for hosts
that serve precompressed files (docs/hosting.md). The version, a hash of
every file, goes into the search page, which adds it to each address it
fetches, so a browser never mixes cached files from an older build.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
from pathlib import Path

import brotli
from build_engine import MISSING

from . import shards
from .index_builder import build, search_pipeline
from .query_vocabulary import with_numbers

MANIFEST = "manifest.json"
# gzip is for the few browsers without brotli; beyond 7 it takes three times
# as long over the term shards for files under 1% smaller.
GZIP_LEVEL = 7
# Brotli's best (11) takes seconds per megabyte; 5 is already smaller than
# gzip at 7 (and within 2% of brotli at 7) in half the time.
BROTLI_QUALITY = 5
FIELDS = ("name", "labels", "synonyms", "summary", "keywords", "description")


def indexed_fields(options: dict, count: int) -> tuple:
    """The full description only when asked for, or ("auto") while the directory is small."""
    wanted = options["INDEX_DESCRIPTION"]
    if wanted == "auto":
        wanted = count <= options["DESCRIPTION_LIMIT"]
    return tuple(f for f in FIELDS if f != "description" or wanted)


def _json(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_data(documents: list, fields: tuple, labels: dict, query: dict, filters: list, options: dict) -> dict:
    """{path inside the search folder: what it holds} for everything the search page and My list fetch.

    ``documents`` are ``documents.Prepared``, A to Z; a document's number is
    its place in that order. ``query`` is query_vocabulary.query_vocabulary's.
    """
    postings = build([d.terms for d in documents], {field: options["BOOSTS"].get(field, 1) for field in fields})
    records = [d.record for d in documents]
    slugs = shards.slug_files(documents)
    files = {
        MANIFEST: {
            "fields": list(fields),
            "pipeline": search_pipeline(),
            "documents": {"count": len(records), "per_file": options["DOCS_PER_SHARD"], "slug_files": len(slugs)},
            "labels": labels,
            "query": with_numbers(query, records),
        },
    }
    for key, terms in shards.term_shards(postings).items():
        files[f"index/{key}.json"] = terms
    for number, shard in enumerate(shards.document_shards(records, options["DOCS_PER_SHARD"])):
        files[f"documents/{number}.json"] = shard
    for number, shard in enumerate(slugs):
        files[f"keys/{number}.json"] = shard
    for key, words in shards.word_files(documents).items():
        files[f"words/{key}.json"] = words
    for (name, value), kept in shards.facet_lists(documents, filters).items():
        files[f"facets/{name}/{value}.json"] = kept
    return files


class SearchFiles:
    """The search files' bytes (JSON, or bytes as given) and their SHA-256 digests.

    With ``known`` (a DataCache), a file's digest is remembered by a digest
    of its data pickled, which is several times quicker to make than its
    JSON, whose floats are written out one by one: a rebuild after one entry
    changed encodes the few files that changed, not a thousand.
    """

    def __init__(self, data: dict, known=None):
        self.data = data
        self._bytes: dict[str, bytes] = {}
        self.digests: dict[str, bytes] = {}
        for path, value in data.items():
            key = hashlib.blake2b(pickle.dumps(value, protocol=5)).hexdigest() if known is not None else None
            digest = known.get(key) if known is not None else MISSING
            if digest is MISSING:
                digest = hashlib.sha256(self.bytes(path)).digest()
                if known is not None:
                    known.put(key, digest)
            self.digests[path] = digest

    def bytes(self, path: str) -> bytes:
        if path not in self._bytes:
            value = self.data[path]
            self._bytes[path] = value if isinstance(value, bytes) else _json(value)
        return self._bytes[path]


def version(digests: dict[str, bytes]) -> str:
    """A hash of every file, from ``digests(files)``."""
    digest = hashlib.sha256()
    for path in sorted(digests):
        digest.update(path.encode("utf-8") + b"\0" + digests[path])
    return digest.hexdigest()[:12]


def _copy(data: bytes, suffix: str) -> bytes:
    if suffix == ".gz":
        # mtime=0 keeps the gzip header the same from one build to the next.
        return gzip.compress(data, GZIP_LEVEL, mtime=0)
    if suffix == ".br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    return data


def _never(path: str, digest: str) -> bool:
    return False


def write(folder: Path, files: SearchFiles, reuse=_never) -> int:
    """Each file, and its gzip and brotli copies; returns how many of those were written rather than reused.

    ``reuse(path, digest)`` takes a file (or copy) from the previous build
    when it was made from the same bytes, as ``OutputCache.reuse`` does, so
    a rebuild encodes and compresses only the files that changed.
    """
    written = 0
    for path, digest in files.digests.items():
        for suffix in ("", ".gz", ".br"):
            if not reuse(path + suffix, digest.hex()):
                target = folder / (path + suffix)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_copy(files.bytes(path), suffix))
                written += 1
    return written
