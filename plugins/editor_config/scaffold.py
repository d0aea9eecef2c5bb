"""A new content file with every field written out, for ``make new``.

Each field is there with an empty value and a comment saying what it is
for and whether it is required, so an officer fills in a form rather than
remembering field names. Empty required fields fail ``make check`` with a
message naming each one.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata

from local_offer.fieldtypes import Group, List, Term
from local_offer.schema import kind_words


def slugify(name: str) -> str:
    """'Children's Sensory Play (Northtown)' -> 'childrens-sensory-play-northtown'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _need(field, kind) -> str:
    if not field.is_required(kind):
        return "Optional"
    return "REQUIRED" + (f" for {kind_words(kind)}" if not field.required else "")


def _about(field, kind, vocabularies) -> str:
    text = f"{_need(field, kind)}. {field.label}: {field.help}"
    many = isinstance(field.type, List)
    item = field.type.item if many else field.type
    how = "Write them in [square brackets], separated by commas" if many else "Write one"
    if isinstance(item, Term):
        text += f" {how} from: {', '.join(vocabularies[item.vocabulary].terms)}."
    elif many and not isinstance(item, Group):
        text += f" {how}."
    return text


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, 96, initial_indent=indent + "# ", subsequent_indent=indent + "#   ", break_on_hyphens=False
    )


def _example_item(group: Group, vocabularies, indent: str) -> list[str]:
    """One list item as comment lines; removing the first '#' of each makes it YAML."""
    lines = []
    for index, field in enumerate(group.fields.values()):
        lead = "- " if index == 0 else "  "
        lines.append(f"{indent}#  {lead}{field.name}:  # {_about(field, None, vocabularies)}")
    return lines


def _fields(fields, kind, vocabularies, values: dict, indent: str = "") -> list[str]:
    lines = []
    for field in fields:
        if not field.allowed(kind):
            continue
        about = _about(field, kind, vocabularies)
        value = values.get(field.name)
        if isinstance(field.type, Group):
            lines += _comment(about, indent) + [f"{indent}{field.name}:"]
            lines += _fields(field.type.fields.values(), None, vocabularies, {}, indent + "  ")
        elif isinstance(field.type, List) and isinstance(field.type.item, Group):
            about += " For each one, copy the lines under it and remove the first '#' of each."
            lines += _comment(about, indent) + [f"{indent}{field.name}:"]
            lines += _example_item(field.type.item, vocabularies, indent)
        else:
            lines += _comment(about, indent)
            lines.append(f"{indent}{field.name}: {value}" if value is not None else f"{indent}{field.name}:")
    return lines


def new_file(content_type, vocabularies, kind: str | None = None, values: dict | None = None) -> str:
    """The text of a new file; ``values`` fills some fields (already written as YAML)."""
    heading = [
        f"# A new {content_type.label.lower()}. Fill in every field marked REQUIRED, and any others that apply.",
        "# Leave a line empty if it does not apply. Then run: make check",
    ]
    term = vocabularies["kinds"].terms[kind] if kind else None
    return "\n".join(heading + [""] + _fields(content_type.fields, term, vocabularies, values or {})) + "\n"


def quoted(text: str) -> str:
    """Text as a YAML value that is read exactly as written."""
    return json.dumps(text, ensure_ascii=False)
