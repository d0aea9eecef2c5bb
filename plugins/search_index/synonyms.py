"""Families' words for what the Local Offer calls needs, types of help and kinds.

Read from ``content/data/synonyms.yaml`` with the same safe loader as every
other content file, so a mistake is reported at its file and line and a
term that is not in ``vocabularies.yaml`` is refused rather than silently
matching nothing.
"""

from __future__ import annotations

import dataclasses

from local_offer import yaml_source
from local_offer.fieldtypes import Invalid
from local_offer.yaml_source import ContentErrors, Mapping, Scalar, Sequence, SourceError

VOCABULARY_SECTIONS = ("needs", "categories", "kinds")
PHRASES = "phrases"
LIST_HINT = "must be a list of words in square brackets, such as [autism, autistic]"


@dataclasses.dataclass(frozen=True)
class Synonyms:
    # (vocabulary, term id) -> families' words for that term
    terms: dict
    # words the Local Offer uses -> families' words for them
    phrases: dict

    def words_for(self, term) -> tuple:
        return self.terms.get((term.vocabulary, term.id), ())

    def expansions(self) -> dict:
        """Each family word (lower case) -> the Local Offer's words to search for as well."""
        found = {}
        for phrase, words in sorted(self.phrases.items()):
            for word in words:
                found.setdefault(word.casefold(), []).append(phrase.casefold())
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


def load(path, shown: str, vocabularies) -> Synonyms:
    """Read and check the synonyms file; raise ``ContentErrors`` naming every problem."""
    root, errors = yaml_source.read(path, shown)
    terms, phrases = {}, {}
    if root is not None and not isinstance(root, Mapping):
        errors.append(SourceError(shown, root.line, "", f"must have the sections {', '.join(VOCABULARY_SECTIONS)} and {PHRASES}"))
    for section, (line, node) in (root.items.items() if isinstance(root, Mapping) else ()):
        if section not in (*VOCABULARY_SECTIONS, PHRASES):
            errors.append(
                SourceError(shown, line, section, f"is not a section we know; use {', '.join(VOCABULARY_SECTIONS)} or {PHRASES}")
            )
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
    return Synonyms(terms, phrases)
