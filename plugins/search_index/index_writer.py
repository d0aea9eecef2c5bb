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
from pathlib import Path

import brotli

from . import shards
from .index_builder import build, search_pipeline

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


def search_files(documents: list, fields: tuple, labels: dict, expansions: dict, filters: list, options: dict) -> dict:
    """{path inside the search folder: bytes} for everything the search page and My list fetch.

    ``documents`` are ``documents.Prepared``, A to Z; a document's number is its place in that order.
    """
    postings = build([d.terms for d in documents], {field: options["BOOSTS"].get(field, 1) for field in fields})
    records = [d.record for d in documents]
    slugs = shards.slug_files(documents)
    files = {
        MANIFEST: _json({
            "fields": list(fields),
            "pipeline": search_pipeline(),
            "documents": {"count": len(records), "per_file": options["DOCS_PER_SHARD"], "slug_files": len(slugs)},
            "labels": labels,
            "expansions": expansions,
        }),
    }
    for key, terms in shards.term_shards(postings).items():
        files[f"index/{key}.json"] = _json(terms)
    for number, shard in enumerate(shards.document_shards(records, options["DOCS_PER_SHARD"])):
        files[f"documents/{number}.json"] = _json(shard)
    for number, shard in enumerate(slugs):
        files[f"keys/{number}.json"] = _json(shard)
    for (name, value), kept in shards.facet_lists(documents, filters).items():
        files[f"facets/{name}/{value}.json"] = _json(kept)
    return files


def digests(files: dict[str, bytes]) -> dict[str, bytes]:
    """Each file's SHA-256."""
    return {path: hashlib.sha256(data).digest() for path, data in files.items()}


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


def write(folder: Path, files: dict[str, bytes], digests: dict[str, bytes], reuse=_never) -> int:
    """Each file, and its gzip and brotli copies; returns how many of those were written rather than reused.

    ``reuse(path, digest)`` takes a file (or copy) from the previous build
    when it was made from the same bytes, as ``OutputCache.reuse`` does, so
    a rebuild compresses only the files that changed.
    """
    written = 0
    for path, data in files.items():
        digest = digests[path].hex()
        for suffix in ("", ".gz", ".br"):
            if not reuse(path + suffix, digest):
                target = folder / (path + suffix)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_copy(data, suffix))
                written += 1
    return written
