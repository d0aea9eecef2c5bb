"""Families' words for what the Local Offer calls needs, types of help and kinds.

Read from ``content/data/synonyms.yaml`` with the same safe loader as every
other content file, so a mistake is reported at its file and line and a
term that is not in ``vocabularies.yaml`` is refused rather than silently
matching nothing.

Besides families' words for terms and phrases, the file lists the words
search ignores in a question (``ignore``: "son", "year", "please") and the
words it keeps whole rather than shortening them to their stem
(``keep_whole``: "downs", so that Down's syndrome is not found by "calm
down"). The build and the browser read both from the search manifest.
"""

from __future__ import annotations

import dataclasses

from local_offer import yaml_source
from local_offer.fieldtypes import Invalid
from local_offer.yaml_source import ContentErrors, Mapping, Scalar, Sequence, SourceError

VOCABULARY_SECTIONS = ("needs", "categories", "kinds")
PHRASES = "phrases"
WORD_LISTS = ("ignore", "keep_whole")
SECTIONS = (*VOCABULARY_SECTIONS, PHRASES, *WORD_LISTS)
LIST_HINT = "must be a list of words in square brackets, such as [autism, autistic]"


@dataclasses.dataclass(frozen=True)
class Synonyms:
    # (vocabulary, term id) -> families' words for that term
    terms: dict
    # words the Local Offer uses -> families' words for them
    phrases: dict
    # words that say nothing about what a family needs, in lower case
    ignore: tuple = ()
    # words never shortened to their stem, in lower case
    keep_whole: tuple = ()

    def words_for(self, term) -> tuple:
        return self.terms.get((term.vocabulary, term.id), ())

    def expansions(self, vocabularies) -> dict:
        """Each family word or phrase (lower case) -> the Local Offer's words to search for as well.

        From the phrases section, and every family phrase of more than one
        word for a need, type of help or kind, which stands for that term's
        label: "said no" finds what is filed under "Resolving
        disagreements" even though "said" and "no" are words search
        otherwise ignores.
        """
        found = {}
        for phrase, words in sorted(self.phrases.items()):
            for word in words:
                found.setdefault(word.casefold(), []).append(phrase.casefold())
        for (vocabulary, term_id), words in sorted(self.terms.items()):
            label = vocabularies[vocabulary].terms[term_id].label.casefold()
            for word in words:
                if len(word.split()) > 1 and label not in found.get(word.casefold(), []):
                    found.setdefault(word.casefold(), []).append(label)
        return found


def _words(node, shown: str, field: str, errors: list) -> tuple:
    if not isinstance(node, Sequence) or not node.items:
        errors.append(SourceError(shown, node.line, field, LIST_HINT))
        return ()
    words = []
    for index, item in enumerate(node.items):
        if not isinstance(item, Scalar) or not item.text.strip():
            errors.append(SourceError(shown, item.line, f"{field}[{index}]", "must be a word or a few words"))
        else:
            words.append(item.text.strip())
    return tuple(words)


def _known_sections() -> str:
    return f"{', '.join(SECTIONS[:-1])} or {SECTIONS[-1]}"


def load(path, shown: str, vocabularies) -> Synonyms:
    """Read and check the synonyms file; raise ``ContentErrors`` naming every problem."""
    root, errors = yaml_source.read(path, shown)
    terms, phrases, lists = {}, {}, {name: () for name in WORD_LISTS}
    if root is not None and not isinstance(root, Mapping):
        errors.append(SourceError(shown, root.line, "", f"must have the sections {_known_sections()}"))
    for section, (line, node) in (root.items.items() if isinstance(root, Mapping) else ()):
        if section not in SECTIONS:
            errors.append(SourceError(shown, line, section, f"is not a section we know; use {_known_sections()}"))
            continue
        if section in WORD_LISTS:
            words = _words(node, shown, section, errors)
            for index, word in enumerate(words):
                if len(word.split()) > 1:
                    field = f"{section}[{index}]"
                    errors.append(SourceError(shown, node.line, field, "must be one word, without spaces"))
            lists[section] = tuple(dict.fromkeys(word.casefold() for word in words))
            continue
        if not isinstance(node, Mapping):
            errors.append(SourceError(shown, line, section, "must list terms, each followed by a list of words"))
            continue
        for key, (key_line, words_node) in node.items.items():
            field = f"{section}.{key}"
            words = _words(words_node, shown, field, errors)
            if section == PHRASES:
                phrases[key] = words
                continue
            try:
                term = vocabularies.term(section, key)
            except Invalid as exc:
                errors.append(SourceError(shown, key_line, field, str(exc)))
                continue
            terms[(section, term.id)] = words
    if errors:
        raise ContentErrors(errors)
    return Synonyms(terms, phrases, lists["ignore"], lists["keep_whole"])
