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
COUNTS = ("median_long", "nothing_shown")  # measures that count results or questions, where fewer is better
MEASURES = ("success_at_1", "success_at_3", "mrr", "median_long", "nothing_shown")
NAMES = {
    "success_at_1": "success@1",
    "success_at_3": "success@3",
    "mrr": "mean reciprocal rank",
    "median_long": "median results, questions of 3+ words",
    "nothing_shown": "questions with no result at all",
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
        "nothing_shown": sum(1 for q in questions if not shown[q.text]),
        "misses": misses,
    }


def describe(figures_: dict) -> str:
    return ", ".join(f"{NAMES[m]} {_shown(m, figures_[m])}" for m in MEASURES)


def _shown(measure_: str, value) -> str:
    return f"{value:g}" if measure_ in COUNTS else f"{value:.2f}"


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


def pagefind_in_browser(chromium, base_url: str, questions: list[Question], documents: set) -> dict[str, list[str]]:
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


# The benchmark: both searches over the same built site -----------------------------

SECTION = "## Relevance: family questions beside Pagefind"


def measure(output: Path, pagefind_site: Path, chromium, catalogue) -> dict:
    """{"ours": figures, "pagefind": figures} for the built site ``output`` and its Pagefind-indexed copy."""
    from .bench_server import serving

    questions = load_questions(catalogue)
    # Every entry and guide: the records of our search index.
    documents = {
        "/" + record["url"]
        for path in (output / "search" / "documents").glob("*.json")
        for record in json.loads(path.read_text(encoding="utf-8")).values()
    }
    with serving(output) as server:
        ours = ours_in_browser(chromium, server.url, questions)
    with serving(pagefind_site) as server:
        theirs = pagefind_in_browser(chromium, server.url, questions, documents)
    return {"ours": figures(questions, ours), "pagefind": figures(questions, theirs)}


def section(result: dict) -> str:
    """The relevance section of bench/results.md."""
    ours, theirs = result["ours"], result["pagefind"]
    rows = ["| Measure | This site | Pagefind | Target | Met |", "|---|---|---|---|---|"]
    targets = {"success_at_1": ("≥ 0.75 and ≥ Pagefind", 0.75), "success_at_3": ("≥ 0.9 and ≥ Pagefind", 0.9),
               "mrr": ("≥ Pagefind", 0), "median_long": ("≤ 10", 10), "nothing_shown": ("≤ Pagefind", None)}
    for measure_ in MEASURES:
        text, limit = targets[measure_]
        if measure_ == "median_long":
            met = ours[measure_] <= limit
        elif measure_ == "nothing_shown":
            met = ours[measure_] <= theirs[measure_]
        else:
            met = ours[measure_] >= limit and ours[measure_] >= theirs[measure_]
        rows.append(
            f"| {NAMES[measure_]} | {_shown(measure_, ours[measure_])} | {_shown(measure_, theirs[measure_])} "
            f"| {text} | {'**met**' if met else '**not met**'} |"
        )
    lines = [
        SECTION,
        "",
        f"The {ours['questions']} questions of `tests/relevance/questions.yaml`, typed as families type them, asked of "
        "our search page and of Pagefind's own search (its JavaScript API) over the same built real site, in Chromium. "
        "Pagefind's results are cut to entries and guides, what our search indexes. A question succeeds at 3 when an "
        "answer is among the first three results shown; our page shows its good matches, or its loosely related "
        "results when it has no good match. Fewer results for long questions is only better while the answer is "
        "among them: a search that shows nothing also has a low median.",
        "",
        *rows,
    ]
    for name, found in (("Our search", ours), ("Pagefind", theirs)):
        if found["misses"]:
            lines += ["", f"{name} missed (answer not in the first three):", ""]
            lines += [f"- {miss}" for miss in found["misses"]]
    return "\n".join(lines) + "\n"


def replace_section(text: str, new: str) -> str:
    """``text`` (bench/results.md) with its relevance section replaced by ``new``, or ``new`` added at the end."""
    start = text.find(SECTION)
    if start < 0:
        return text.rstrip("\n") + "\n\n" + new
    end = text.find("\n## ", start + len(SECTION))
    return text[:start] + new + (text[end + 1:] if end >= 0 else "")


def main(argv=None) -> int:
    """Build the real content, index a copy with Pagefind, run the suite on both, update bench/results.md."""
    import argparse
    import shutil
    import sys

    from local_offer.loading import load_catalogue
    from pelican.settings import read_settings

    from . import bench_peers, bench_search

    parser = argparse.ArgumentParser(description="Run the relevance suite beside Pagefind over the real site.")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.md"))
    args = parser.parse_args(argv)
    work = ROOT / "bench" / "work" / "relevance"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    built = work / "output"
    subprocess.run([sys.executable, "-m", "tools.build", "--quiet", "--output", str(built)], cwd=ROOT, check=True)
    copy = work / "pagefind-site"
    bench_peers.pagefind_copy(built, copy)
    bench_search.add_pagefind_page(copy)
    catalogue = load_catalogue(ROOT / "content", read_settings(str(ROOT / "pelicanconf.py")))
    with bench_search.browser() as chromium:
        result = measure(built, copy, chromium, catalogue)
    text = section(result)
    results = Path(args.output)
    before = results.read_text(encoding="utf-8") if results.exists() else ""
    results.write_text(replace_section(before, text), encoding="utf-8")
    print(text)
    ok = "**not met**" not in text
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
