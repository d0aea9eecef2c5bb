"""The editors' field reference (docs/fields.md), written from the content model."""

from __future__ import annotations

from local_offer.fieldtypes import Boolean, Group, Integer, List, Term, Text
from local_offer.placeholders import KNOWN as PLACEHOLDERS
from local_offer.schema import BEST_BET, CONTACT, COUNCIL, ENTRY, FEEDBACK, PAGE, SOURCE

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
        most = f" (at most {kind.max_items})" if kind.max_items else ""
        if isinstance(kind.item, Group):
            return f"a list of items{most}, each with the fields below"
        return f"a list{most}: {_type_words(kind.item)}"
    if isinstance(kind, Group):
        return "a group of the fields below"
    if isinstance(kind, Text):
        words = "text (Markdown)" if kind.markdown else "text"
        return f"{words}, up to {kind.max_length:,} characters"
    if isinstance(kind, Boolean):
        return "`true` or `false`"
    if isinstance(kind, Integer):
        top = f" to {kind.maximum}" if kind.maximum is not None else " or more"
        return f"a whole number, {kind.minimum}{top}"
    return f"such as `{kind.example}`"


def _required_words(field, vocabularies) -> str:
    if field.required:
        return "yes"
    if field.required_for is not None:
        return "for " + field.required_for.words(vocabularies)
    return "no"


def _table(fields, vocabularies, prefix: str = "") -> list[str]:
    lines = ["| Field | What it is | Required | What to write |", "| --- | --- | --- | --- |"]
    groups = []
    for field in fields:
        only = ""
        if field.only_for is not None:
            only = " Only for " + field.only_for.words(vocabularies) + "."
        lines.append(
            f"| `{prefix}{field.name}` | {field.label}: {field.help}{only} | {_required_words(field, vocabularies)} "
            f"| {_type_words(field.type)} |"
        )
        inner = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(inner, Group):
            groups.append((field, inner))
    for field, group in groups:
        each = "Each item of" if isinstance(field.type, List) else "The fields of"
        lines += ["", f"{each} `{prefix}{field.name}`:", ""]
        lines += _table(group.fields.values(), vocabularies, f"{prefix}{field.name}.")
    return lines


def _shows(name: str, field) -> str:
    group, _, member = name.partition(".")
    if not member:
        whole = field.type is CONTACT
        return field.label + (": every way to reach it that the council file gives, as a list, on a line of its own" if whole else "")
    return f"{COUNCIL.by_name[group].label}: {field.label[:1].lower() + field.label[1:]}"


def _placeholders() -> str:
    rows = "\n".join(f"| `{{{{ {name} }}}}` | {_shows(name, field)} |" for name, field in PLACEHOLDERS.items())
    return (
        "### Placeholders in information pages\n\n"
        "An information page shows a detail from the council file where it says `{{ name }}`. "
        "Phone numbers, email addresses and websites become links.\n\n"
        f"| Placeholder | What it shows |\n| --- | --- |\n{rows}\n"
    )


def field_reference(vocabularies) -> str:
    used = []
    for content_type in (ENTRY, FEEDBACK, PAGE, SOURCE):
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
        ("Sources", SOURCE, "`content/data/sources.yaml`, each source under its id"),
        # Last: the placeholders that show its details in pages follow it.
        ("The council", COUNCIL, "`content/council.yaml`, one file for the whole site"),
    ):
        section = f"## {title}\n\nIn {where}.\n\n" + "\n".join(_table(content_type.fields, vocabularies)) + "\n"
        if content_type.rules:
            section += "\n`make check` also checks that:\n\n" + "".join(f"- {rule.description}\n" for rule in content_type.rules)
        sections.append(section)
    sections.append(_placeholders())
    sections.append("## Word lists\n\nFields marked \"one word from\" a list take one of these words (on the left).\n")
    for name in used:
        rows = "\n".join(f"| `{t.id}` | {t.label} |" for t in vocabularies[name])
        sections.append(f"### {name}\n\n| Word | Shown as |\n| --- | --- |\n{rows}\n")
    return "\n".join(sections)
