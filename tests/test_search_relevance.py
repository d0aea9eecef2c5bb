"""The relevance suite over the built real site: do families' questions find their answers first?

tests/relevance/questions.yaml holds the questions, typed as families type
them, with the entries and guides that answer each. Our ranking
(theme/static/js/search-query.mjs, the same module the search page runs)
is run in Node over the real build's search files.
"""

from __future__ import annotations

import pytest

from tools import bench_relevance

# Issue 15's targets.
SUCCESS_AT_3 = 0.9
SUCCESS_AT_1 = 0.75
MEDIAN_LONG = 10
MINIMUM_QUESTIONS = 60


@pytest.fixture(scope="module")
def catalogue():
    from local_offer.loading import load_catalogue
    from pelican.settings import read_settings

    from tests.conftest import ROOT

    return load_catalogue(ROOT / "content", read_settings(str(ROOT / "pelicanconf.py")))


@pytest.fixture(scope="module")
def questions(catalogue):
    return bench_relevance.load_questions(catalogue)


@pytest.fixture(scope="module")
def found(real_site, questions):
    return bench_relevance.ours_in_node(real_site.file("/search"), questions)


def test_the_suite_has_enough_questions_and_every_answer_is_published(real_site, questions):
    assert len(questions) >= MINIMUM_QUESTIONS
    assert len({q.text.casefold() for q in questions}) == len(questions), "a question is asked twice"
    for question in questions:
        for url in question.answers:
            assert real_site.file(url + "index.html").is_file(), f"{question.text!r}: {url} is not published"


def test_families_questions_find_their_answers_first(questions, found):
    shown = {text: bench_relevance.shown_by_ours(result) for text, result in found.items()}
    figures = bench_relevance.figures(questions, shown)
    report = bench_relevance.describe(figures) + "\n  " + "\n  ".join(figures["misses"])
    print(f"\nRelevance suite, {figures['questions']} questions: {report}")
    assert figures["success_at_3"] >= SUCCESS_AT_3, report
    assert figures["success_at_1"] >= SUCCESS_AT_1, report
    assert figures["median_long"] <= MEDIAN_LONG, report


def test_long_questions_list_only_the_good_matches(questions, found):
    # A question of several words no longer brings back most of the site.
    long = [q for q in questions if q.long]
    counts = sorted(len(found[q.text]["good"]) for q in long)
    assert counts[len(counts) // 2] <= MEDIAN_LONG, counts
