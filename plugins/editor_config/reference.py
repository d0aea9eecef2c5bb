"""The editors' field reference (docs/fields.md), written from the content model."""

from __future__ import annotations

from local_offer.fieldtypes import Boolean, Group, Integer, List, Term, Text
from local_offer.schema import BEST_BET, ENTRY, FEEDBACK, PAGE
from local_offer.validation import KIND_NAMES

HEADER = """\
# Field reference

This page is made by `make docs` from the content model
(`plugins/local_offer/schema.py`) and the word lists in
`content/data/vocabularies.yaml`. Do not edit it by hand: a test fails if
it is out of date.

See [the editor's guide](editing.md) for how to add and change content.
"""


def _type_words(kind) -> str:
    if isinstance(kind, Term):
        return f"one word from [{kind.vocabulary}](#{kind.vocabulary})"
    if isinstance(kind, List):
        if isinstance(kind.item, Group):
            return "a list of items, each with the fields below"
        return f"a list: {_type_words(kind.item)}"
    if isinstance(kind, Group):
        return "a group of the fields below"
    if isinstance(kind, Text):
        words = "text (Markdown)" if kind.markdown else "text"
        return f"{words}, up to {kind.max_length} characters" if kind.max_length else words
    if isinstance(kind, Boolean):
        return "`true` or `false`"
    if isinstance(kind, Integer):
        top = f" to {kind.maximum}" if kind.maximum is not None else " or more"
        return f"a whole number, {kind.minimum}{top}"
    return f"such as `{kind.example}`"


def _required_words(field) -> str:
    if field.required:
        return "yes"
    if field.required_for:
        return "for " + " and ".join(KIND_NAMES[k] for k in sorted(field.required_for))
    return "no"


def _table(fields, prefix: str = "") -> list[str]:
    lines = ["| Field | What it is | Required | What to write |", "| --- | --- | --- | --- |"]
    groups = []
    for field in fields:
        only = ""
        if field.only_for:
            only = " Only for " + " and ".join(KIND_NAMES[k] for k in sorted(field.only_for)) + "."
        lines.append(
            f"| `{prefix}{field.name}` | {field.label}: {field.help}{only} | {_required_words(field)} "
            f"| {_type_words(field.type)} |"
        )
        inner = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(inner, Group):
            groups.append((field, inner))
    for field, group in groups:
        lines += ["", f"Each item of `{prefix}{field.name}`:", ""]
        lines += _table(group.fields.values(), f"{prefix}{field.name}.")
    return lines


def field_reference(vocabularies) -> str:
    used = []
    for content_type in (ENTRY, FEEDBACK, PAGE):
        for field in content_type.fields:
            kind = field.type.item if isinstance(field.type, List) else field.type
            if isinstance(kind, Term) and kind.vocabulary not in used:
                used.append(kind.vocabulary)
    sections = [HEADER]
    for title, content_type, where in (
        ("Directory entries", ENTRY, "`content/services/<kind folder>/<name>.yaml`"),
        ("You said, we did items", FEEDBACK, "`content/feedback/<year>-<month>-<name>.yaml`"),
        ("Information pages", PAGE, "the header lines at the top of `content/pages/<name>.md`"),
        ("Best bets", BEST_BET, "`content/data/best-bets.yaml`, a list: each best bet starts `- searches:`"),
    ):
        sections.append(f"## {title}\n\nIn {where}.\n\n" + "\n".join(_table(content_type.fields)) + "\n")
    sections.append("## Word lists\n\nFields marked \"one word from\" a list take one of these words (on the left).\n")
    for name in used:
        rows = "\n".join(f"| `{t.id}` | {t.label} |" for t in vocabularies[name])
        sections.append(f"### {name}\n\n| Word | Shown as |\n| --- | --- |\n{rows}\n")
    return "\n".join(sections)
