"""The sharded search index: built fast, split cleanly, and ranking exactly as the whole index would.

The reference is lunr.py's own builder over the real St Helens entries: the
fast builder must give the same weights, and lunr.js must rank a query the
same from the shards its words need (assembled by the site's
search-index.mjs, run in Node) as from lunr.py's whole index.
"""

from __future__ import annotations

import gzip
import json
import subprocess

import brotli
import pytest
from lunr import get_default_builder
from pelican.settings import read_settings

from tests.conftest import ROOT

QUERIES = [
    "autism", "speech therapy", "short breaks", "school", "special school", "ehc plan",
    "travel training", "hearing", "college", "parent carer forum", "aut*", "respit~1",
]


@pytest.fixture(scope="module")
def entries():
    """The search documents of the real entries, A to Z, as the search plugin makes them."""
    from local_offer.loading import load_catalogue
    from search_index.documents import Describer, order
    from search_index.generator import read_synonyms

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    catalogue = load_catalogue(ROOT / "content", settings)
    synonyms = read_synonyms(ROOT / "content", settings, catalogue.vocabularies)
    describe = Describer(catalogue.vocabularies, synonyms, True)
    return catalogue, sorted((describe.entry(entry) for entry in catalogue.entries), key=order)


@pytest.fixture(scope="module")
def written(entries, tmp_path_factory):
    """The search files for those documents, written to a folder."""
    from search_index import index_writer
    from search_index.documents import prepare
    from search_index.generator import display_labels, filters
    from search_index.index_builder import Analyser
    from search_index.settings import DEFAULTS

    catalogue, docs = entries
    analyse = Analyser()
    data = index_writer.search_data(
        [prepare(doc, index_writer.FIELDS, analyse) for doc in docs], index_writer.FIELDS,
        display_labels(catalogue.vocabularies, DEFAULTS), {}, filters(catalogue.vocabularies, DEFAULTS), DEFAULTS,
    )
    folder = tmp_path_factory.mktemp("search")
    index_writer.write(folder, index_writer.SearchFiles(data))
    return folder


def lunr_py_index(docs) -> dict:
    """lunr.py's whole serialised index, each document's ref being its number."""
    from search_index.index_writer import FIELDS
    from search_index.settings import DEFAULTS

    builder = get_default_builder()
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field, boost=DEFAULTS["BOOSTS"][field])
    for number, doc in enumerate(docs):
        builder.add({"ref": str(number), **doc.fields})
    return builder.build().serialize()


def shards_of(folder) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (folder / "index").glob("*.json")}


def test_every_term_is_in_exactly_the_shard_its_first_letter_names(entries, written):
    shards = shards_of(written)
    assert sorted(shards) == sorted([*"abcdefghijklmnopqrstuvwxyz", "_"])
    terms = [term for shard in shards.values() for term in shard]
    assert len(terms) == len(set(terms))
    assert set(terms) == {term for term, _ in lunr_py_index(entries[1])["invertedIndex"]}
    for key, shard in shards.items():
        for term in shard:
            assert term[0] == key if "a" <= term[0] <= "z" else key == "_", term


def test_the_fast_builder_weighs_every_term_as_lunr_py_does(entries, written):
    from search_index.index_writer import FIELDS

    reference = lunr_py_index(entries[1])
    vectors = {ref: dict(zip(values[::2], values[1::2])) for ref, values in reference["fieldVectors"]}
    ours = {term: encoded for shard in shards_of(written).values() for term, encoded in shard.items()}
    for term, posting in reference["invertedIndex"]:
        index, *by_field = ours[term]
        assert index == posting["_index"], term
        for field, found in zip(FIELDS, by_field):
            expected = {int(ref): vectors[f"{field}/{ref}"][index] for ref in posting[field]}
            docs = []
            for gap in found[0] if found else []:
                docs.append(gap + (docs[-1] if docs else 0))
            assert dict(zip(docs, found[1] if found else [])) == expected, (term, field)


def test_a_query_ranks_the_same_from_its_shards_as_from_the_whole_index(entries, written, tmp_path):
    full = tmp_path / "full.json"
    full.write_text(json.dumps(lunr_py_index(entries[1])), encoding="utf-8")
    queries = tmp_path / "queries.json"
    queries.write_text(json.dumps(QUERIES), encoding="utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "rank.mjs"), str(full), str(written), str(queries)],
        capture_output=True, text=True, check=True,
    )
    answers = json.loads(result.stdout)
    assert len(answers["school"]["full"]) > 5
    for query in QUERIES:
        assert answers[query]["full"], f"{query!r} should find something in the real entries"
        assert answers[query]["partial"] == answers[query]["full"], query


def test_the_records_and_my_lists_slugs_lead_to_the_right_entries(entries, written):
    from search_index.shards import fnv1a

    _, docs = entries
    manifest = json.loads((written / "manifest.json").read_text(encoding="utf-8"))
    per_file, slug_files = manifest["documents"]["per_file"], manifest["documents"]["slug_files"]
    for number, doc in enumerate(docs):
        shard = json.loads((written / "documents" / f"{number // per_file}.json").read_text(encoding="utf-8"))
        assert shard[str(number)] == doc.record
        slug = doc.record["slug"]
        keys = json.loads((written / "keys" / f"{fnv1a(slug) % slug_files}.json").read_text(encoding="utf-8"))
        assert keys[slug] == number


def test_the_browser_hashes_slugs_as_the_build_does():
    from search_index.shards import fnv1a

    slugs = ["iass", "penkford-school", "short-breaks", "café-ümlaut", "a"]
    script = (
        "import { fnv1a } from './theme/static/js/search-files.mjs';"
        f"console.log(JSON.stringify({json.dumps(slugs)}.map(fnv1a)));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [fnv1a(slug) for slug in slugs]


def test_each_file_has_gzip_and_brotli_copies_of_the_same_bytes(written):
    for path in written.rglob("*.json"):
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
