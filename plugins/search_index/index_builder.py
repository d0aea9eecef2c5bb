"""Score every term of every document the way lunr does, quickly.

lunr's builder runs its whole token pipeline (trimmer, stop words, stemmer)
on every word of every document and keeps per-token metadata, which takes
seconds at county scale. Here each distinct piece of text goes through
lunr.js's own pipeline once (``Analyser``, by way of ``terms.mjs``, the same
code the browser runs on a query), each document's terms are kept between
builds (search_index.documents), and the BM25 weights are worked out with
the same constants, rounding and idf as lunr's ``Builder``, so lunr.js
scores a query exactly as it would against lunr's own index
(tests/test_search_shards.py compares the two).

lunr.js rather than lunr.py makes the terms because their Porter stemmers
differ: lunr.py turns "play", "holiday" and "pay" into "plai", "holidai" and
"pai", which no query typed in the browser would ever match.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from build_engine import MISSING
from lunr import get_default_builder

# lunr.js's tokenizer splits the text on these characters (lunr.tokenizer.separator).
SEPARATORS = re.compile(r"[\s\-]+")
TERMS_SCRIPT = Path(__file__).with_name("terms.mjs")
# BM25 constants, as lunr's Builder sets them.
K1 = 1.2
B = 0.75


class LunrMissing(RuntimeError):
    """Node.js or lunr.js is not installed."""


@dataclasses.dataclass(frozen=True)
class Postings:
    """Each indexed term's position in lunr's vectors, and per field the documents holding it and their weights."""

    terms: dict  # term -> (term index, [ascending document numbers per field], [their weights per field])


def start_lunr(lunr_js) -> subprocess.Popen | None:
    """lunr.js in Node, started and waiting for ``Analyser.learn`` to send it pieces of text; None without either."""
    node = shutil.which("node")
    if node is None or not Path(lunr_js).is_file():
        return None
    return subprocess.Popen(
        [node, str(TERMS_SCRIPT), str(Path(lunr_js).resolve())],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


class Analyser:
    """The index terms of a text, and how often each occurs, from lunr.js's pipeline.

    Each distinct piece of text (a word, as lunr's tokenizer splits text)
    is sent to lunr.js once; ``learn`` sends every new piece of many texts
    in one go. Worked out once per distinct text too: the labels and
    families' words of entries with the same needs are the same text, and
    then the same tuple, which the build cache stores once.
    """

    def __init__(self, lunr_js, keep_whole: Iterable[str] = (), known=None, started=None):
        self.lunr_js = str(Path(lunr_js).resolve())
        self.keep_whole = sorted(keep_whole)
        self.pieces: dict[str, list[str]] = {}
        self.texts: dict[str, tuple] = {}
        # A DataCache of texts' terms from earlier builds, so that a build
        # with no new text (the guides are read every build) needs no lunr.js.
        self.known = known
        # lunr.js started ahead of need (start_lunr), for the first call that needs it.
        self.started = started

    def _known(self, text: str):
        if text not in self.texts and self.known is not None:
            found = self.known.get(text)
            if found is not MISSING:
                self.texts[text] = found
        return self.texts.get(text)

    def learn(self, texts: Iterable[str]) -> None:
        """Ask lunr.js, in one call, for the terms of every piece of these texts not yet known."""
        texts = [text for text in texts if self._known(text) is None]
        pieces = {piece for text in texts for piece in SEPARATORS.split(text) if piece}
        new = sorted(pieces - self.pieces.keys())
        if not new:
            return
        lunr, self.started = self.started or start_lunr(self.lunr_js), None
        if lunr is None:
            raise LunrMissing("Node.js and lunr.js are needed to build the search index: run `make setup`")
        # One line (terms.mjs).
        output, errors = lunr.communicate(json.dumps({"keep_whole": self.keep_whole, "texts": new}) + "\n")
        if lunr.returncode != 0:
            raise LunrMissing(f"lunr.js could not read the text: {errors.strip()}")
        self.pieces.update(zip(new, json.loads(output)))

    def close(self) -> None:
        """End lunr.js if it was started ahead of need and not needed after all."""
        if self.started is not None:
            self.started.kill()
            self.started.communicate()
            self.started = None

    def __call__(self, text: str) -> tuple[tuple[str, int], ...]:
        """((term, frequency), ...) in the order the terms first occur, which is how lunr numbers new terms."""
        found = self._known(text)
        if found is None:
            self.learn([text])
            pieces = (self.pieces[piece] for piece in SEPARATORS.split(text) if piece)
            counts = Counter(term for terms in pieces for term in terms)
            found = self.texts[text] = tuple(counts.items())
            # Only what is new: what the cache gave is kept already.
            if self.known is not None:
                self.known.put(text, found)
        return found


def search_pipeline() -> list:
    """The pipeline lunr.js runs on a query, as lunr.py serialises it."""
    return get_default_builder().search_pipeline.serialize()


def _idf(documents_with_term: int, count: int) -> float:
    # lunr.idf.idf, from the count it works out of a posting.
    return math.log(1 + abs((count - documents_with_term + 0.5) / (documents_with_term + 0.5)))


def build(documents: list[tuple], boosts: dict) -> Postings:
    """``documents`` hold, for each field of ``boosts``, what ``Analyser`` made of its text.

    A document's number is its place in the list, the order in which
    lunr.py's builder would add them.
    """
    fields = tuple(boosts)
    postings: dict[str, tuple[int, list, list]] = {}
    # Per field, the length of each distinct text's terms (and below, their weights):
    # documents with the same needs share the same labels.
    lengths: list[dict] = [{} for _ in fields]
    total_length = [0] * len(fields)
    for number, by_field in enumerate(documents):
        for position, terms in enumerate(by_field):
            length = lengths[position].get(terms)
            if length is None:
                length = lengths[position][terms] = sum(tf for _, tf in terms)
            total_length[position] += length
            for term, _ in terms:
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = (len(postings), [[] for _ in fields], [[] for _ in fields])
                posting[1][position].append(number)
    count = len(documents)
    average = [total / count for total in total_length] if count else []
    idfs = {term: _idf(sum(map(len, docs)), count) for term, (_, docs, _) in postings.items()}
    weighed: list[dict] = [{} for _ in fields]
    # A word that occurs as often in texts of the same length weighs the same in each.
    scores: dict[tuple, float] = {}
    for by_field in documents:
        for position, terms in enumerate(by_field):
            weights = weighed[position].get(terms)
            if weights is None:
                length = lengths[position][terms]
                weights = weighed[position][terms] = []
                for term, tf in terms:
                    score = scores.get((position, length, term, tf))
                    if score is None:
                        norm = K1 * (1 - B + B * (length / average[position]))
                        score = round(idfs[term] * ((K1 + 1) * tf) / (norm + tf) * boosts[fields[position]], 3)
                        scores[position, length, term, tf] = score
                    weights.append((postings[term][2][position], score))
            for target, weight in weights:
                target.append(weight)
    return Postings(postings)
