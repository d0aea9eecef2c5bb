"""The sharded search index: built fast, split cleanly, and ranking exactly as the whole index would.

The reference is lunr.py's own builder over the real St Helens entries,
given the terms lunr.js makes of each word (as the build does): the fast
builder must give the same weights, lunr.js must rank a query the same from
the shards its words need (assembled by the site's search-index.mjs, run in
Node) as from lunr.py's whole index, and lunr.py and lunr.js must score
the same query on that index alike. The terms come from lunr.js because
lunr.py's stemmer differs from it (``test_lunr_pys_stemmer_differs...``):
a term made by lunr.py could never be matched by a word typed in the browser.
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
    "holiday play", "pathway key worker", "money pay",
]
# Family questions, ranked by the site's own search-query.mjs from the whole index and from shards.
QUESTIONS = [
    "how do i get an ehcp for my son", "the council said no to an assessment", "downs syndrome",
    "autism 7 year old", "councelling", "someone to come to meetings with me", "holiday clubs for disabled kids",
]
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.js"


@pytest.fixture(scope="module")
def synonyms():
    from local_offer.loading import load_catalogue
    from search_index.generator import read_synonyms

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    catalogue = load_catalogue(ROOT / "content", settings)
    return catalogue, read_synonyms(ROOT / "content", settings, catalogue.vocabularies)


@pytest.fixture(scope="module")
def entries(synonyms):
    """The search documents of the real entries, A to Z, as the search plugin makes them."""
    from search_index.documents import Describer, order

    catalogue, words = synonyms
    describe = Describer(catalogue.vocabularies, words, True)
    return catalogue, sorted((describe.entry(entry) for entry in catalogue.entries), key=order)


@pytest.fixture(scope="module")
def analyser(synonyms):
    from search_index.index_builder import Analyser

    return Analyser(LUNR_JS, synonyms[1].keep_whole)


@pytest.fixture(scope="module")
def written(entries, synonyms, analyser, tmp_path_factory):
    """The search files for those documents, written to a folder."""
    from search_index import index_writer
    from search_index.documents import prepare
    from search_index.generator import display_labels, filters
    from search_index.query_vocabulary import query_vocabulary
    from search_index.settings import DEFAULTS

    catalogue, docs = entries
    data = index_writer.search_data(
        [prepare(doc, index_writer.FIELDS, analyser) for doc in docs], index_writer.FIELDS,
        display_labels(catalogue.vocabularies, DEFAULTS), query_vocabulary(synonyms[1], catalogue.vocabularies, []),
        filters(catalogue.vocabularies, DEFAULTS), DEFAULTS,
    )
    folder = tmp_path_factory.mktemp("search")
    index_writer.write(folder, index_writer.SearchFiles(data))
    return folder


def lunr_py_index(docs, analyser) -> dict:
    """lunr.py's whole serialised index, each document's ref being its number.

    Its pipeline gives each token the terms lunr.js made of it (``analyser``),
    so that lunr.py's Builder, its BM25 and its vectors, is the reference.
    """
    from lunr.pipeline import Pipeline
    from lunr.token import Token
    from search_index.index_builder import SEPARATORS
    from search_index.index_writer import FIELDS
    from search_index.settings import DEFAULTS

    texts = [str(text or "") for doc in docs for text in doc.fields.values()]
    tokens = {piece.lower() for text in texts for piece in SEPARATORS.split(text)}
    analyser.learn(tokens)

    def lunr_js_terms(token, i=None, tokens=None):
        return [Token(term, token.metadata) for term in analyser.pieces[str(token)]]

    Pipeline.register_function(lunr_js_terms, "lunrJsTerms")
    builder = get_default_builder()
    builder.pipeline.reset()
    builder.pipeline.add(lunr_js_terms)
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field, boost=DEFAULTS["BOOSTS"][field])
    for number, doc in enumerate(docs):
        builder.add({"ref": str(number), **doc.fields})
    return builder.build().serialize()


def shards_of(folder) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (folder / "index").glob("*.json")}


def test_every_term_is_in_exactly_the_shard_its_first_letter_names(entries, written, analyser):
    shards = shards_of(written)
    assert sorted(shards) == sorted([*"abcdefghijklmnopqrstuvwxyz", "_"])
    terms = [term for shard in shards.values() for term in shard]
    assert len(terms) == len(set(terms))
    assert set(terms) == {term for term, _ in lunr_py_index(entries[1], analyser)["invertedIndex"]}
    for key, shard in shards.items():
        for term in shard:
            assert term[0] == key if "a" <= term[0] <= "z" else key == "_", term


def test_the_fast_builder_weighs_every_term_as_lunr_py_does(entries, written, analyser):
    from search_index.index_writer import FIELDS

    reference = lunr_py_index(entries[1], analyser)
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


@pytest.fixture(scope="module")
def ranked(entries, written, analyser, tmp_path_factory) -> tuple[dict, dict]:
    """lunr.js's answers (tests/js/rank.mjs) from the whole lunr.py index and from shards, and the index."""
    folder = tmp_path_factory.mktemp("ranked")
    index = lunr_py_index(entries[1], analyser)
    (folder / "full.json").write_text(json.dumps(index), encoding="utf-8")
    (folder / "queries.json").write_text(json.dumps({"lunr": QUERIES, "site": QUESTIONS}), encoding="utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "rank.mjs"), str(folder / "full.json"), str(written),
         str(folder / "queries.json")],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout), index


def test_a_query_ranks_the_same_from_its_shards_as_from_the_whole_index(ranked):
    answers, _ = ranked
    assert len(answers["lunr"]["school"]["full"]) > 5
    for query in QUERIES:
        assert answers["lunr"][query]["full"], f"{query!r} should find something in the real entries"
        assert answers["lunr"][query]["partial"] == answers["lunr"][query]["full"], query


def test_a_family_question_ranks_the_same_from_its_shards_as_from_the_whole_index(ranked):
    answers, _ = ranked
    for question in QUESTIONS:
        assert answers["site"][question]["full"]["good"], f"{question!r} should find a good match"
        assert answers["site"][question]["partial"] == answers["site"][question]["full"], question


def test_lunr_py_scores_a_query_as_lunr_js_does(ranked):
    # The same terms looked up in the same index give the same documents and scores in both libraries.
    from lunr.index import Index

    answers, serialised = ranked
    index = Index.load(serialised)
    for query in QUERIES:
        if "*" in query or "~" in query:
            continue
        terms = answers["lunr"][query]["terms"]
        assert terms, query
        query_ = index.create_query()
        for term in terms:
            query_.term(term, use_pipeline=False)
        found = index.query(query_)
        ours = [[result["ref"], round(result["score"], 9)] for result in found]
        theirs = [[ref, round(score, 9)] for ref, score in answers["lunr"][query]["full"]]
        assert ours == theirs, query


def test_lunr_pys_stemmer_differs_from_lunr_jss_so_lunr_js_makes_the_terms(analyser, written):
    from lunr.pipeline import Pipeline

    pipeline = Pipeline.load(["stemmer"])
    assert pipeline.run_string("play") == ["plai"]
    analyser.learn(["play", "holidays", "Pathway", "downs"])
    words = ("play", "holidays", "Pathway", "downs")
    assert [analyser.pieces[w] for w in words] == [["play"], ["holiday"], ["pathway"], ["downs"]]
    shards = shards_of(written)
    assert "pathway" in shards["p"] and "pathwai" not in shards["p"]


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


def test_lunr_py_and_lunr_js_leave_out_the_same_stop_words():
    # Best bets are checked at build time with lunr.py's list; the browser uses lunr.js's.
    from lunr.stop_word_filter import WORDS

    words = sorted(WORDS) + ["autism", "school", "respite", "said", "no"]
    script = (
        "const lunr = require('./node_modules/lunr/lunr.js');"
        f"const words = {json.dumps(words)};"
        "console.log(JSON.stringify(words.filter((w) => !lunr.stopWordFilter(new lunr.Token(w)))));"
    )
    result = subprocess.run(["node", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert set(json.loads(result.stdout)) == set(WORDS) | {"said", "no"}
