"""Write the lunr index and the document store the search page loads.

Kept to this one module so that changing how the index is split up (for
example into shards for a very large directory) stays a local change.
Files are written with sorted keys and no timestamps, so building the same
content twice gives byte-identical files and a static host can cache them.
"""

from __future__ import annotations

import json
from pathlib import Path

from lunr import get_default_builder

INDEX_FILE = "index.json"
STORE_FILE = "documents.json"
FIELDS = ("name", "labels", "synonyms", "summary", "keywords", "description")


def build_index(documents, options: dict) -> dict:
    """The serialised lunr index (what lunr.Index.load reads in the browser)."""
    fields = [f for f in FIELDS if f != "description" or options["INCLUDE_DESCRIPTION"]]
    builder = get_default_builder()
    builder.ref("ref")
    for field in fields:
        builder.field(field, boost=options["BOOSTS"].get(field, 1))
    for document in documents:
        builder.add({"ref": document.ref, **{f: document.fields[f] for f in fields}})
    return builder.build().serialize()


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write(folder: Path, documents, labels: dict, expansions: dict, options: dict) -> None:
    """Write the index and the store (records by ref, display labels, query expansions)."""
    folder.mkdir(parents=True, exist_ok=True)
    _dump(folder / INDEX_FILE, build_index(documents, options))
    store = {
        "documents": {d.ref: d.record for d in documents},
        "labels": labels,
        "expansions": expansions,
    }
    _dump(folder / STORE_FILE, store)
