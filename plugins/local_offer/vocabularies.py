"""Controlled vocabularies: the terms content may use, with plain-English labels.

They live in one data file (``content/data/vocabularies.yaml``) so that a
council can reword a label, or add a term, without touching code. Terms of
the kinds vocabulary also say what their kind of entry is (``school: true``),
checked against ``schema.TERM_FIELDS``, and the code asks the term rather
than naming kinds.
"""

from __future__ import annotations

import dataclasses
import difflib
import uuid
from pathlib import Path

from . import yaml_source
from .fieldtypes import Invalid, quoted
from .schema import TERM_FIELDS
from .validation import Validator
from .yaml_source import ContentErrors, Mapping, Scalar, SourceError

# Fixed namespace so every build derives the same UUIDs for the same terms.
TERM_NAMESPACE = uuid.UUID("7d1c3c9e-4f55-4d8e-9a47-8b8f0c1c5e21")


@dataclasses.dataclass(frozen=True)
class Term:
    vocabulary: str
    id: str
    label: str
    description: str
    extra: tuple = ()

    def __str__(self) -> str:
        return self.id

    def __hash__(self) -> int:
        # A vocabulary's ids are unique, so these two say which term it is;
        # hashing the description too would cost every dict and set of terms.
        return hash((self.vocabulary, self.id))

    @property
    def uuid(self) -> str:
        return str(uuid.uuid5(TERM_NAMESPACE, f"{self.vocabulary}/{self.id}"))

    def get(self, key, default=None):
        return dict(self.extra).get(key, default)


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: dict

    def __iter__(self):
        return iter(self.terms.values())

    def __contains__(self, term_id):
        return term_id in self.terms

    @property
    def uuid(self) -> str:
        return str(uuid.uuid5(TERM_NAMESPACE, self.name))


class Vocabularies(dict):
    """All vocabularies by name, read from one or more data files."""

    def term(self, vocabulary: str, term_id: str) -> Term:
        if vocabulary not in self:
            # A fork's vocabularies file may lack a word list the content model needs.
            raise Invalid(f"needs the word list '{vocabulary}', which content/data/vocabularies.yaml does not have; add it")
        terms = self[vocabulary].terms
        if term_id in terms:
            return terms[term_id]
        wanted = term_id.casefold()
        # Editors often type the label ("autism") rather than the id ("asd").
        by_label = [t.id for t in terms.values() if wanted and wanted in t.label.casefold()]
        close = by_label or difflib.get_close_matches(wanted, list(terms), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise Invalid(f"{quoted(term_id)} is not a known term; {hint}use one of: {', '.join(terms)}")


def load(path: Path, shown: str) -> Vocabularies:
    """Read the vocabulary file; raise ``ContentErrors`` naming every problem."""
    vocabularies = Vocabularies()
    errors: list[SourceError] = []
    root, problems = yaml_source.read(path, shown)
    errors += problems
    if isinstance(root, Mapping):
        for name, (line, node) in root.items.items():
            if not isinstance(node, Mapping):
                errors.append(SourceError(shown, line, name, "must list terms, each with a label and a description"))
                continue
            terms = {}
            for term_id, (term_line, term_node) in node.items.items():
                fields = term_node.items if isinstance(term_node, Mapping) else {}
                values = {k: v.text for k, (_, v) in fields.items() if isinstance(v, Scalar)}
                missing = [k for k in ("label", "description") if not values.get(k)]
                if missing:
                    errors.append(SourceError(shown, term_line, f"{name}.{term_id}", f"needs a {' and a '.join(missing)}"))
                    continue
                if name in TERM_FIELDS:
                    validator = Validator(shown, None)
                    values = validator.fields(term_node, TERM_FIELDS[name].fields.values(), f"{name}.{term_id}.", None)
                    errors += validator.errors
                extra = tuple(sorted((k, v) for k, v in values.items() if k not in ("label", "description")))
                terms[term_id] = Term(name, term_id, values["label"], values["description"], extra)
            vocabularies[name] = Vocabulary(name, terms)
    if errors:
        raise ContentErrors(errors)
    return vocabularies
