"""The relevance suite: family questions, the pages that answer them, and how well a search ranks them.

The questions are ``tests/relevance/questions.yaml``. Each search engine is
asked every question and gives the addresses it shows, best first; the
figures are success@1 and success@3 (the share of questions with an answer
first, or in the first three), the mean reciprocal rank (1 for an answer
first, 1/2 second, and so on; 0 for none shown) and the median number of
results shown for questions of three words or more.

tests/test_search_relevance.py runs our search in Node over the built real
index (``ours_in_node``); ``make bench`` runs our search page and Pagefind
in Chromium over the same built site (``ours_in_browser``,
``pagefind_in_browser``) and records both in bench/results.md.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import yaml

from . import ROOT

QUESTIONS = ROOT / "tests" / "relevance" / "questions.yaml"
RANKER = ROOT / "tests" / "relevance" / "rank.mjs"
LONG = 3  # words in a question that counts as long
MEASURES = ("success_at_1", "success_at_3", "mrr", "median_long")
NAMES = {
    "success_at_1": "success@1",
    "success_at_3": "success@3",
    "mrr": "mean reciprocal rank",
    "median_long": "median results, questions of 3+ words",
}
# Our page shows its good matches, then says how many; the first page of them is enough to rank.
OUR_STATUS = "[data-search-status]"
OUR_RESULTS = "[data-search-results] .app-result__title a"
TIMEOUT_MS = 60_000


@dataclasses.dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[str, ...]  # site addresses such as /services/iass/

    @property
    def long(self) -> bool:
        return len(self.text.split()) >= LONG


def load_questions(catalogue) -> list[Question]:
    """Every question, its answers' slugs turned into addresses (an entry's, else an information page's)."""
    found = []
    for item in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")):
        urls = []
        for slug in item["answers"]:
            entry = catalogue.by_slug.get(slug)
            urls.append(f"/{entry.url}" if entry else f"/{slug}/")
        found.append(Question(str(item["question"]), tuple(urls)))
    return found


def figures(questions: list[Question], shown: dict[str, list[str]]) -> dict:
    """The suite's figures from what a search showed for each question, best first."""
    ranks, misses = [], []
    for question in questions:
        results = shown[question.text]
        place = next((i for i, url in enumerate(results, start=1) if url in question.answers), None)
        ranks.append(place)
        if place is None or place > 3:
            misses.append(f"{question.text!r}: answer {'not shown' if place is None else f'at {place}'}; "
                          f"shown first: {results[:3]}")
    count = len(questions)
    long = [len(shown[q.text]) for q in questions if q.long]
    return {
        "questions": count,
        "success_at_1": sum(1 for r in ranks if r == 1) / count,
        "success_at_3": sum(1 for r in ranks if r and r <= 3) / count,
        "mrr": sum(1 / r for r in ranks if r) / count,
        "median_long": statistics.median(long) if long else 0,
        "misses": misses,
    }


def describe(figures_: dict) -> str:
    return ", ".join(
        f"{NAMES[m]} {figures_[m]:.2f}" if m != "median_long" else f"{NAMES[m]} {figures_[m]:g}" for m in MEASURES
    )


def ours_in_node(search_folder: Path, questions: list[Question]) -> dict[str, dict]:
    """{question: {"good": [...], "loose": [...], "unknown": [...]}} from our ranking run in Node."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump([q.text for q in questions], handle)
    try:
        result = subprocess.run(
            ["node", str(RANKER), str(search_folder), handle.name], capture_output=True, text=True, check=True
        )
    finally:
        Path(handle.name).unlink()
    return {text: {key: ["/" + url for url in urls] if key != "unknown" else urls for key, urls in found.items()}
            for text, found in json.loads(result.stdout).items()}


def shown_by_ours(found: dict) -> list[str]:
    """What our page shows first: the good matches, or the loosely related ones when there are none."""
    return found["good"] or found["loose"]


def ours_in_browser(chromium, base_url: str, questions: list[Question]) -> dict[str, list[str]]:
    """What our search page shows for each question, in Chromium."""
    context = chromium.new_context()
    shown = {}
    try:
        page = context.new_page()
        for question in questions:
            page.goto(f"{base_url}/search/?q={quote(question.text)}", timeout=TIMEOUT_MS)
            page.wait_for_function(
                f"() => document.querySelector({json.dumps(OUR_STATUS)}).textContent !== ''", timeout=TIMEOUT_MS
            )
            shown[question.text] = page.locator(OUR_RESULTS).evaluate_all(
                "links => links.filter(l => l.offsetParent).map(l => new URL(l.href).pathname)"
            )
    finally:
        context.close()
    return shown


PAGEFIND_SEARCH = """
async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.map((result) => result.data()));
  return data.map((item) => new URL(item.url, location.href).pathname);
}
"""


def pagefind_in_browser(chromium, base_url: str, questions: list[Question], documents: set[str]) -> dict[str, list[str]]:
    """What Pagefind's own search (its JavaScript API) ranks for each question, over a copy of the built site.

    Only entries and guides (``documents``, what our search indexes) are
    kept, as a site would set Pagefind up to index, so neither search is
    marked down for listing browse pages or the A to Z.
    """
    context = chromium.new_context()
    shown = {}
    try:
        page = context.new_page()
        page.goto(f"{base_url}/pagefind-search/", timeout=TIMEOUT_MS)
        for question in questions:
            urls = page.evaluate(PAGEFIND_SEARCH, question.text)
            shown[question.text] = [url for url in urls if url in documents]
    finally:
        context.close()
    return shown
