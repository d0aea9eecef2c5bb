"""Best bets: the answer editors choose for what families search for, as GOV.UK's search has.

``content/data/best-bets.yaml`` is a list of best bets, each with the fields
``BEST_BET`` defines in local_offer/schema.py. It is read with the same safe
loader as every other content file and checked against that definition, so
a mistake is reported at its file and line; an answer must be the slug of
a directory entry or an information page, and a search must hold a word
that search does not ignore. Search puts a best bet's answers first when
someone types the same meaningful words as one of its searches
(theme/static/js/search-query.mjs).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from local_offer import yaml_source
from local_offer.schema import BEST_BET
from local_offer.validation import validate
from local_offer.yaml_source import ContentErrors, Sequence, SourceError
from lunr.stop_word_filter import WORDS as STOP_WORDS

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@dataclasses.dataclass(frozen=True)
class BestBet:
    searches: tuple[str, ...]
    answers: tuple[str, ...]  # slugs, best first


def _plain(search: str) -> str:
    return " ".join(search.casefold().split())


def meaningful_words(search: str, ignore) -> list[str]:
    """The words of a search that search does not ignore (lunr's stop words and the synonyms file's ignore list)."""
    return [word for word in WORD.findall(search.casefold()) if word not in STOP_WORDS and word not in ignore]


def load(path: Path, shown: str, vocabularies, slugs: set[str], ignore=()) -> tuple[BestBet, ...]:
    """Read and check the best bets; raise ``ContentErrors`` naming every problem.

    ``slugs`` are those of every entry and information page. A site without
    the file has no best bets.
    """
    if not Path(path).is_file():
        return ()
    root, errors = yaml_source.read(path, shown)
    if root is not None and not isinstance(root, Sequence):
        errors.append(SourceError(shown, root.line, "", "must be a list of best bets, each starting '- searches:'"))
        root = None
    bets, first_seen = [], {}
    for index, node in enumerate(root.items if root is not None else ()):
        data, lines, problems = validate(node, BEST_BET, shown, vocabularies)
        errors += [dataclasses.replace(p, field=f"[{index}].{p.field}" if p.field else f"[{index}]") for p in problems]
        for number, search in enumerate(data.get("searches", [])):
            where = lines.get(f"searches[{number}]", node.line)
            field = f"[{index}].searches[{number}]"
            if not meaningful_words(search, ignore):
                message = f"'{search}' has only words search ignores; add the words that matter"
                errors.append(SourceError(shown, where, field, message))
            elif _plain(search) in first_seen:
                message = f"'{search}' is already a search of the best bet on line {first_seen[_plain(search)]}"
                errors.append(SourceError(shown, where, field, message))
            else:
                first_seen[_plain(search)] = node.line
        for number, slug in enumerate(data.get("answers", [])):
            if slug not in slugs:
                errors.append(
                    SourceError(
                        shown, lines.get(f"answers[{number}]", node.line), f"[{index}].answers[{number}]",
                        f"'{slug}' is not the slug of any directory entry or information page",
                    )
                )
        bets.append(BestBet(tuple(data.get("searches", ())), tuple(data.get("answers", ()))))
    if errors:
        raise ContentErrors(errors)
    return tuple(bets)
