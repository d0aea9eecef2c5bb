"""The search index, the families' words that feed it, and the search and My list pages.

Queries are run as the search page runs them, by the page's own modules in
Node (tests/relevance/rank.mjs); how shards are split and joined is in
tests/test_search_shards.py and how the page uses them in
tests/browser/test_search.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from lunr.index import Index

from tests.conftest import ROOT, Site, fixture_site
from tools.check import run_checks

SYNONYMS = "content/data/synonyms.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    return fixture_site(tmp_path_factory.mktemp("search")).build_ok()


def read(site: Site, url: str):
    return json.loads(site.file(url).read_text(encoding="utf-8"))


def index_of(site: Site) -> Index:
    """Every shard joined into the lunr index the browser would assemble from all of them."""
    manifest = read(site, "/search/manifest.json")
    vectors, inverted = {}, []
    for path in sorted(site.file("/search/index").glob("*.json")):
        for term, (index, *by_field) in json.loads(path.read_text(encoding="utf-8")).items():
            posting = {"_index": index}
            for field, found in zip(manifest["fields"], by_field):
                gaps, weights = found or ([], [])
                docs = [sum(gaps[: i + 1]) for i in range(len(gaps))]
                posting[field] = {str(doc): {} for doc in docs}
                for doc, weight in zip(docs, weights):
                    vectors.setdefault(f"{field}/{doc}", []).append((index, weight))
            inverted.append([term, posting])
    return Index.load({
        "version": "2.3.9",
        "fields": manifest["fields"],
        "fieldVectors": [[ref, [v for pair in sorted(pairs) for v in pair]] for ref, pairs in vectors.items()],
        "invertedIndex": sorted(inverted),
        "pipeline": manifest["pipeline"],
    })


def records_of(site: Site) -> dict[str, dict]:
    """Every record by its number."""
    found = {}
    for path in site.file("/search/documents").glob("*.json"):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def refs(site: Site, query: str) -> list[str]:
    """The addresses search finds for a query, best first: the good matches, then the loosely related."""
    queries = site.output.parent / "queries.json"
    queries.write_text(json.dumps([query]), encoding="utf-8")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "relevance" / "rank.mjs"), str(site.file("/search")), str(queries)],
        capture_output=True, text=True, check=True,
    )
    found = json.loads(result.stdout)[query]
    return found["good"] + found["loose"]


def kept_by(site: Site, name: str, value: str) -> set[str]:
    """The addresses a filter checkbox keeps."""
    records, number, kept = records_of(site), 0, set()
    for gap in read(site, f"/search/facets/{name}/{value}.json"):
        number += gap
        kept.add(records[str(number)]["url"])
    return kept


# --- the index --------------------------------------------------------------


def test_every_entry_and_guide_can_be_found(built):
    records = records_of(built)
    # Numbered A to Z, so filters without words list results in that order.
    assert [records[str(n)]["title"] for n in range(len(records))] == [
        "Advice Line", "EHC plans", "Oak Tree School", "Sensory Play Group",
    ]
    assert refs(built, "Oak Tree")[0] == "services/oak-tree-school/"
    assert refs(built, "annual reviews")[0] == "ehc-plans/"


def test_a_familys_words_find_entries_tagged_with_the_councils_terms(built):
    # Sensory Play Group is tagged asd; no text on it says "autistic" or "respite".
    assert refs(built, "autistic") == ["services/sensory-play-group/"]
    assert "services/oak-tree-school/" in refs(built, "learning disability")
    # Advice Line is filed under disagreements, which families call appeals.
    assert refs(built, "appeal") == ["services/advice-line/"]


def test_the_name_counts_most(built):
    # "play" is in the Sensory Play Group's name and in Oak Tree's nothing.
    assert refs(built, "play")[0] == "services/sensory-play-group/"


def test_a_result_carries_what_the_family_sees(built):
    group = next(r for r in records_of(built).values() if r["url"] == "services/sensory-play-group/")
    assert group == {
        "slug": "sensory-play-group",
        "title": "Sensory Play Group",
        "url": "services/sensory-play-group/",
        "kind": "service",
        "summary": "A weekly play session for young children with sensory needs and their parents.",
        "ages": "Ages 0 to 5",
        "needs": ["asd", "sensory-and-physical"],
        "categories": ["childcare-early-years", "leisure"],
        "phone": "01632 960904",
        "contact": {"ask": None, "phone": "01632 960904", "email": "playgroup@example.org", "website": None},
    }
    # An entry with no contact of its own carries the one it names to ask, for My list to print.
    school = next(r for r in records_of(built).values() if r["url"] == "services/oak-tree-school/")
    assert school["phone"] is None
    assert school["contact"] == {
        "ask": {"title": "Advice Line", "url": "services/advice-line/"},
        "phone": "01632 960900", "email": None, "website": None,
    }
    manifest = read(built, "/search/manifest.json")
    assert manifest["labels"]["needs"]["asd"] == "Autism (ASD)"
    assert manifest["labels"]["kinds"]["page"] == "Guide"
    assert manifest["query"]["phrases"]["ehcp"] == ["ehc plan"]


def test_each_filter_keeps_the_entries_and_guides_it_should(built):
    assert kept_by(built, "age", "primary") == {"services/sensory-play-group/", "services/oak-tree-school/",
                                                "services/advice-line/", "ehc-plans/"}
    # Ages run up to a birthday: 0 to 5 is not in 16 to 25, nor is anything for under-16s.
    assert kept_by(built, "age", "post-16") == {"services/oak-tree-school/", "services/advice-line/", "ehc-plans/"}
    # Advice Line is open to every need, so no need filter hides it.
    assert kept_by(built, "need", "asd") == {"services/sensory-play-group/", "services/advice-line/"}
    assert kept_by(built, "need", "vi") == {"services/advice-line/"}
    assert kept_by(built, "category", "education") == {"services/oak-tree-school/", "ehc-plans/"}
    assert kept_by(built, "kind", "page") == {"ehc-plans/"}
    # A checkbox that keeps nothing still has its (empty) list, so ticking it is not an error.
    assert kept_by(built, "kind", "arp") == set()


def test_lunr_js_is_copied_from_npm_into_the_site(built):
    shipped = built.file("/search/lunr.min.js").read_bytes()
    assert shipped == (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()


def search_folder(site: Site) -> dict[str, bytes]:
    folder = site.file("/search")
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_write_byte_identical_search_files(built, tmp_path):
    again = search_folder(fixture_site(tmp_path).build_ok())
    first = search_folder(built)
    assert {"manifest.json", "manifest.json.gz", "manifest.json.br", "index/a.json", "documents/0.json"} <= set(first)
    assert again == first


def test_the_search_page_names_this_builds_files(built):
    form = built.page("/search/").select_one("[data-search-form]")
    assert form["data-search"] == "/search/"
    assert len(form["data-version"]) == 12
    assert form["data-lunr"] == f"/search/lunr.min.js?v={form['data-version']}"
    assert built.page("/my-list/").select_one("[data-my-list-page]")["data-version"] == form["data-version"]


def change_entry(site: Site, slug: str, old: str, new: str) -> None:
    path = site.content / "services" / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def files_of(site: Site) -> dict[str, int]:
    """Each search file by its inode: a file taken from the previous build keeps its inode."""
    folder = site.file("/search")
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def built_from_scratch(site: Site, root) -> Site:
    """The same content built into a fresh folder, with no earlier build to reuse."""
    fresh = Site(root)
    shutil.copytree(site.content, fresh.content)
    return fresh.build_ok()


def test_a_rebuild_finds_a_changed_entry_by_its_new_words_and_reuses_the_rest(site, tmp_path):
    site.build_ok()
    assert refs(site, "free") == ["services/advice-line/"]
    before = files_of(site)
    change_entry(site, "advice-line", "Free, impartial advice", "Confidential, impartial advice")
    site.build_ok()

    assert refs(site, "confidential") == ["services/advice-line/"]
    assert refs(site, "free") == []
    record = next(r for r in records_of(site).values() if r["url"] == "services/advice-line/")
    assert record["summary"].startswith("Confidential, impartial advice")
    after = files_of(site)
    rewritten = {path for path, inode in after.items() if before.get(path) != inode}
    # The record and the words that came and went are written again, with their compressed copies ...
    changed = ("documents/0.json", "index/c.json", "index/f.json")
    assert {f"{path}{suffix}" for path in changed for suffix in ("", ".gz", ".br")} <= rewritten
    # ... and files they do not touch are the last build's.
    assert not {"facets/kind/ias.json", "facets/kind/ias.json.br", "keys/0.json.gz", "lunr.min.js.br"} & rewritten
    assert search_folder(site) == search_folder(built_from_scratch(site, tmp_path / "fresh"))


def test_a_renamed_entry_moves_in_the_index_as_a_fresh_build_would(site, tmp_path):
    site.build_ok()
    change_entry(site, "advice-line", "name: Advice Line", "name: Zebra Advice Line")
    site.build_ok()
    assert refs(site, "zebra") == ["services/advice-line/"]
    assert records_of(site)["3"]["title"] == "Zebra Advice Line"
    assert search_folder(site) == search_folder(built_from_scratch(site, tmp_path / "fresh"))


def build_with(tmp_path, search: str) -> Site:
    site = fixture_site(tmp_path)
    settings = tmp_path / "settings.py"
    settings.write_text(
        "from pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"SEARCH = {{**SEARCH, {search}}}\n",
        encoding="utf-8",
    )
    site.settings = str(settings)
    return site.build_ok()


def test_a_small_directory_indexes_full_descriptions(built):
    # "textures" is only in the Sensory Play Group's description.
    assert refs(built, "textures") == ["services/sensory-play-group/"]


@pytest.mark.parametrize("search", ["'INDEX_DESCRIPTION': False", "'DESCRIPTION_LIMIT': 3"])
def test_the_description_is_left_out_when_asked_or_the_directory_is_large(tmp_path, search):
    site = build_with(tmp_path, search)
    assert refs(site, "textures") == []
    assert "description" not in index_of(site).fields
    assert refs(site, "play")[0] == "services/sensory-play-group/"


# --- the synonyms file --------------------------------------------------------


def edit(site: Site, old: str, new: str) -> None:
    """Replace the first line starting with ``old`` (the header comments hold examples)."""
    path = site.content / "data" / "synonyms.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n" + old in text
    path.write_text(text.replace("\n" + old, "\n" + new, 1), encoding="utf-8")


def problems(site: Site) -> list[str]:
    found, _ = run_checks(site.content, str(ROOT / "pelicanconf.py"))
    return [str(p) for p in found]


def line_of(site: Site, text: str) -> int:
    lines = (site.content / "data" / "synonyms.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line and not line.startswith("#"))


def test_a_word_for_an_unknown_need_is_refused_with_its_line(site):
    edit(site, "  asd: [autism,", "  autism: [autistic,")
    assert problems(site) == [
        f"{SYNONYMS}:{line_of(site, 'autism: [autistic')}: needs.autism: 'autism' is not a known term; "
        "did you mean 'asd'? use one of: " + ", ".join(known_needs(site)),
    ]


def known_needs(site: Site) -> list[str]:
    from local_offer.loading import load_vocabularies

    return list(load_vocabularies(site.content, {})["needs"].terms)


def test_an_unknown_type_of_help_and_a_bad_list_are_both_reported(site):
    edit(site, "  short-breaks: [respite,", "  holidays: [respite,")
    edit(site, "  leisure: [clubs, club, activities, things to do, play, sport, holidays, fun, swimming, days out]", "  leisure: clubs")
    found = problems(site)
    assert len(found) == 2
    assert found[0].startswith(f"{SYNONYMS}:{line_of(site, 'holidays: [respite')}: categories.holidays: 'holidays' is not a known term")
    assert found[1] == (
        f"{SYNONYMS}:{line_of(site, 'leisure: clubs')}: categories.leisure: "
        "must be a list of words in square brackets, such as [autism, autistic]"
    )


def test_an_unknown_section_is_refused(site):
    edit(site, "phrases:", "wording:")
    assert problems(site) == [
        f"{SYNONYMS}:{line_of(site, 'wording:')}: wording: is not a section we know; "
        "use needs, categories, kinds, phrases, ignore or keep_whole"
    ]


def test_a_bad_synonyms_file_fails_the_build_and_publishes_nothing(site):
    edit(site, "  asd: [autism,", "  autism: [autistic,")
    result = site.build()
    assert result.returncode != 0
    assert f"{SYNONYMS}:{line_of(site, 'autism: [autistic')}: needs.autism:" in result.stdout + result.stderr
    assert not site.output.exists()


# --- the pages ---------------------------------------------------------------


def test_without_javascript_the_search_page_says_so_and_links_to_browse_pages(built):
    page = built.page("/search/")
    notice = page.select_one("[data-search-no-js]")
    assert "Search needs JavaScript" in notice.get_text()
    links = {a["href"] for a in notice.select("a")}
    assert {"/browse/category/", "/browse/need/", "/browse/age/", "/browse/kind/", "/services/"} <= links


def test_the_search_page_offers_every_filter(built):
    page = built.page("/search/")
    values = lambda name: [box["value"] for box in page.select(f"input[type=checkbox][name={name}]")]  # noqa: E731
    assert values("age") == ["early-years", "primary", "secondary", "post-16"]
    assert "asd" in values("need") and "short-breaks" in values("category")
    assert values("kind") == ["service", "special_school", "arp", "ias", "page"]
    assert page.select_one("[data-search-status]")["aria-live"] == "polite"


def test_no_results_offers_the_advice_services_phone_number(built):
    empty = built.page("/search/").select_one("[data-search-empty]")
    assert "Advice Line" in empty.get_text() and "01632 960900" in empty.get_text()
    assert empty.select_one('a[href="tel:01632960900"]')


def test_search_loads_only_external_module_scripts(built):
    for url in ("/search/", "/my-list/"):
        for script in built.page(url).select("script"):
            assert script.get("type") in ("module", "application/ld+json"), url
            assert script.get("src") or script["type"] == "application/ld+json", url


def test_entry_pages_offer_save_but_never_load_the_index(built):
    page = built.page("/services/sensory-play-group/")
    holder = page.select_one("[data-app-save-to-list]")
    assert holder["data-app-save-to-list"] == "sensory-play-group"
    assert not holder.contents, "the button is added by JavaScript only"
    sources = [s.get("src", "") for s in page.select("script")]
    assert "/theme/js/my-list.mjs" in sources
    assert not any("search" in src or "lunr" in src for src in sources)


def test_my_list_page_has_print_and_share_controls(built):
    page = built.page("/my-list/")
    assert page.select_one("h1").get_text() == "My list"
    assert page.select_one("[data-my-list-print]").get_text(strip=True) == "Print this list"
    assert page.select_one("input[data-my-list-share][readonly]")
    assert "My list needs JavaScript" in page.select_one("[data-search-no-js]").get_text()


# --- best bets and the query words ----------------------------------------------

BEST_BETS = "content/data/best-bets.yaml"


def test_a_best_bets_answer_comes_first(built):
    # "someone to talk to" is a best bet for the Advice Line, whose words it does not use.
    assert refs(built, "someone to talk to")[0] == "services/advice-line/"
    assert refs(built, "Someone to TALK to, please?")[0] == "services/advice-line/"


def test_without_javascript_the_search_page_lists_the_answers_to_common_questions(built):
    notice = built.page("/search/").select_one("[data-search-no-js]")
    links = [(a.get_text(strip=True), a["href"]) for a in notice.select("a")]
    assert ("EHC plans", "/ehc-plans/") in links
    assert ("Advice Line", "/services/advice-line/") in links


def write_best_bets(site: Site, text: str) -> None:
    site.write("data/best-bets.yaml", text)


def test_a_best_bet_naming_an_unknown_page_is_refused_with_its_line(site):
    write_best_bets(site, """
        - searches: [ehcp]
          answers: [ehc-plans, no-such-page]
    """)
    assert problems(site) == [
        f"{BEST_BETS}:2: [0].answers[1]: 'no-such-page' is not the slug of any directory entry or information page"
    ]
    result = site.build()
    assert result.returncode != 0 and not site.output.exists()


def test_a_best_bet_with_a_missing_field_an_empty_search_and_a_repeat_is_refused(site):
    write_best_bets(site, """
        - searches: [how do I]
          answers: [ehc-plans]
        - searches: [ehcp, EHCP]
          answers: [advice-line]
        - searches: [statement]
    """)
    assert problems(site) == [
        f"{BEST_BETS}:1: [0].searches[0]: 'how do I' has only words search ignores; add the words that matter",
        f"{BEST_BETS}:3: [1].searches[1]: 'EHCP' is already a search of the best bet on line 3",
        f"{BEST_BETS}:5: [2].answers: is required: " + (
            "The slugs of the directory entries or information pages that answer it, best first."
        ),
    ]


def test_best_bets_must_be_a_list(site):
    write_best_bets(site, "searches: [ehcp]\n")
    assert problems(site) == [f"{BEST_BETS}:1: must be a list of best bets, each starting '- searches:'"]


def test_a_site_without_best_bets_builds(site):
    site.remove("data/best-bets.yaml")
    site.build_ok()
    assert read(site, "/search/manifest.json")["query"]["best_bets"] == []


def test_filler_words_count_for_nothing_and_words_kept_whole_stay_whole(site):
    site.write("services/calm-club.yaml", """
        kind: service
        name: Calm Club
        summary: A club that helps children calm down after school.
        description: Children practise how to calm down.
        categories: [leisure]
        assured_date: 2026-01-10
        email: club@example.org
        ages: all
        sources: [example-directory-check]
    """)
    site.build_ok()
    # "downs" is kept whole, so Down's syndrome is not found by "calm down".
    assert "downs" in read(site, "/search/manifest.json")["query"]["keep_whole"]
    assert "services/calm-club/" not in refs(site, "downs")
    assert refs(site, "calm down")[0] == "services/calm-club/"
    # "my", "son" and "please" say nothing about what is needed.
    assert refs(site, "a calm club for my son please")[0] == "services/calm-club/"


def test_the_words_files_offer_the_sites_own_words(built):
    words = read(built, "/search/words/t.json")
    assert words["textures"] == 1
    assert all(word.startswith("t") and word.isalpha() for word in words)


def test_ignore_and_keep_whole_take_single_words(site):
    edit(site, "keep_whole: [downs]", "keep_whole: [downs, calm down]")
    assert problems(site) == [
        f"{SYNONYMS}:{line_of(site, 'keep_whole:')}: keep_whole[1]: must be one word, without spaces"
    ]


def test_lunr_js_started_ahead_answers_while_another_process_holds_its_input_open():
    """Worker processes forked after a rebuild starts lunr.js share its input, which then never ends: the request's line does."""
    code = "\n".join([
        "import os, sys",
        "sys.path.insert(0, 'plugins')",
        "from search_index.index_builder import Analyser, start_lunr",
        "lunr = start_lunr('node_modules/lunr/lunr.js')",
        "held = os.dup(lunr.stdin.fileno())  # as a forked worker holds it",
        "print(Analyser('node_modules/lunr/lunr.js', started=lunr)('zebrafish swimming'))",
    ])
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "(('zebrafish', 1), ('swim', 1))", result.stderr
