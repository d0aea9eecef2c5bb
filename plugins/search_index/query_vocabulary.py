"""How the browser reads a family's question: the ``query`` part of the search manifest.

theme/static/js/search-query.mjs reads it: the words to ignore and to keep
whole, each family word or phrase with the Local Offer's words it stands
for, the best bets (each search with the numbers of its answers) and the
age bands, so "7 year old" keeps what is for that age.
"""

from __future__ import annotations

from local_offer.filing import band_bounds


def _answers(catalogue, pages) -> dict:
    found = {page.slug: page for page in pages}
    found.update(catalogue.by_slug)
    return found


def best_bet_urls(bets, catalogue, pages) -> list[tuple[list, list]]:
    """Each best bet's searches and the addresses of its answers, best first."""
    answers = _answers(catalogue, pages)
    return [(list(bet.searches), [answers[slug].url for slug in bet.answers]) for bet in bets]


def common_answers(bets, catalogue, pages) -> list[dict]:
    """Every best bet's answers, once each in the order first named: what the search page lists without JavaScript."""
    answers = _answers(catalogue, pages)
    slugs = dict.fromkeys(slug for bet in bets for slug in bet.answers)
    found = (answers[slug] for slug in slugs)
    return [{"title": getattr(answer, "name", None) or answer.title, "url": answer.url} for answer in found]


def query_vocabulary(synonyms, vocabularies, best_bets: list) -> dict:
    """The manifest's ``query``; ``best_bets`` are (searches, answer addresses) from ``best_bet_urls``."""
    return {
        "ignore": list(synonyms.ignore),
        "keep_whole": list(synonyms.keep_whole),
        "phrases": synonyms.expansions(vocabularies),
        "best_bets": best_bets,
        "age_bands": [[term.id, *band_bounds(term)] for term in vocabularies["age_bands"]],
    }


def with_numbers(query: dict, records: list[dict]) -> dict:
    """``query`` with each best bet's answers as document numbers (an answer not indexed is left out)."""
    numbers = {record["url"]: number for number, record in enumerate(records)}
    bets = [[searches, [numbers[url] for url in urls if url in numbers]] for searches, urls in query["best_bets"]]
    return {**query, "best_bets": bets}
