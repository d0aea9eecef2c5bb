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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from . import shards
from .index_builder import build

MANIFEST = "manifest.json"
# Brotli's best (11) takes seconds per megabyte; 7 is already smaller than gzip's best.
BROTLI_QUALITY = 7
FIELDS = ("name", "labels", "synonyms", "summary", "keywords", "description")


def indexed_fields(options: dict, count: int) -> tuple:
    """The full description only when asked for, or ("auto") while the directory is small."""
    wanted = options["INDEX_DESCRIPTION"]
    if wanted == "auto":
        wanted = count <= options["DESCRIPTION_LIMIT"]
    return tuple(f for f in FIELDS if f != "description" or wanted)


def _json(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def search_files(documents, fields: tuple, labels: dict, expansions: dict, filters: list, options: dict) -> dict:
    """{path inside the search folder: bytes} for everything the search page and My list fetch.

    ``documents`` are A to Z; a document's number is its place in that order.
    """
    postings = build(
        [(number, d.fields) for number, d in enumerate(documents)],
        {field: options["BOOSTS"].get(field, 1) for field in fields},
    )
    records = [d.record for d in documents]
    slugs = shards.slug_files(records)
    files = {
        MANIFEST: _json({
            "fields": list(fields),
            "pipeline": postings.pipeline,
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


def version(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(files[path]).digest())
    return digest.hexdigest()[:12]


def _write_one(target: Path, data: bytes) -> None:
    target.write_bytes(data)
    # mtime=0 keeps the gzip header the same from one build to the next.
    target.with_name(target.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    target.with_name(target.name + ".br").write_bytes(brotli.compress(data, quality=BROTLI_QUALITY))


def write(folder: Path, files: dict[str, bytes]) -> None:
    """Each file, and its gzip and brotli copies."""
    targets = {folder / path: data for path, data in files.items()}
    for parent in {target.parent for target in targets}:
        parent.mkdir(parents=True, exist_ok=True)
    # zlib, brotli and file writes release the GIL, so threads compress on every core.
    with ThreadPoolExecutor() as pool:
        for done in [pool.submit(_write_one, target, data) for target, data in targets.items()]:
            done.result()
