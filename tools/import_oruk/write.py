"""Entries as YAML files in the house style, written all or nothing.

Fields come in the content model's order; Markdown as a ``|`` block; lists
of words in square brackets; phone numbers, times and anything YAML could
read as something other than text in double quotes. Every file is written
beside its final name first and only renamed into place when all of them
have been written, so a failure part-way leaves the content as it was.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path

from local_offer.fieldtypes import Group, List, Pattern, Text

# Text YAML reads back as the same text without quotes.
PLAIN = re.compile(r"[A-Za-z(][^\n]*")
NOT_PLAIN = re.compile(r": |\s#|:$|\s$|^(?:yes|no|on|off|true|false|null|y|n)$", re.IGNORECASE)


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else repr(value)
    text = str(value)
    if PLAIN.fullmatch(text) and not NOT_PLAIN.search(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def quoted(kind) -> bool:
    """Phone numbers and times: quoted, as editors are told to write them (their examples start with a digit)."""
    return isinstance(kind, Pattern) and kind.example[:1].isdigit()


def block(text: str, indent: str) -> list[str]:
    """Markdown as a literal block, each line indented (blank lines left blank)."""
    return [f"{indent}{line}" if line else "" for line in text.split("\n")]


def fields_yaml(data: dict, fields, indent: str = "", first: str | None = None) -> list[str]:
    """``data``'s fields in the order of ``fields``; ``first`` replaces the indent of the first line (a list item's '- ')."""
    lines = []
    for field in fields:
        if field.name not in data:
            continue
        value, kind = data[field.name], field.type
        lead = first if first is not None and not lines else indent
        if isinstance(kind, Group):
            lines.append(f"{lead}{field.name}:")
            lines += fields_yaml(value, kind.fields.values(), indent + "  ")
        elif isinstance(kind, List) and isinstance(kind.item, Group):
            lines.append(f"{lead}{field.name}:")
            for item in value:
                lines += fields_yaml(item, kind.item.fields.values(), indent + "    ", first=indent + "  - ")
        elif isinstance(kind, List):
            words = [json.dumps(v, ensure_ascii=False) if quoted(kind.item) else scalar(v) for v in value]
            if any(set(w) & set(",[]{}") for w in words):
                words = [json.dumps(v, ensure_ascii=False) for v in value]
            lines.append(f"{lead}{field.name}: [{', '.join(words)}]")
        elif isinstance(kind, Text) and (kind.markdown or kind.widget == "text"):
            lines.append(f"{lead}{field.name}: |")
            lines += block(value, indent + "  ")
        elif quoted(kind) and isinstance(value, str):  # a date is written as it is
            lines.append(f"{lead}{field.name}: {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{lead}{field.name}: {scalar(value)}")
    return lines


def entry_yaml(data: dict, content_type) -> str:
    return "\n".join(fields_yaml(data, content_type.fields)) + "\n"


def register_item(key: str, data: dict, content_type) -> str:
    """One item of a file that lists items under their keys, such as the sources register."""
    return "\n".join([f"{key}:", *fields_yaml(data, content_type.fields, indent="  ")]) + "\n"


def write_all(files: dict[Path, str], remove: list[Path]) -> None:
    """Write every file, then remove ``remove``; on any failure, change nothing."""
    staged = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.importing")
            temporary.write_text(text, encoding="utf-8")
            staged.append((temporary, path))
    except OSError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in staged:
        os.replace(temporary, path)
    for path in remove:
        path.unlink(missing_ok=True)
