"""The privacy guard: published feedback must not identify anyone.

Regulation 56 of the SEND Regulations 2014 asks for comments to be published
"in a form that does not enable any individual to be identified". Editors
summarise what people said, but a pasted email, phone number, postcode or
"Mrs Smith" is an easy slip, so the build refuses any item that contains one.
A council can add its own patterns (an NHS number, a pupil number) in the
YOU_SAID_WE_DID settings.
"""

from __future__ import annotations

import re
from pathlib import Path

from local_offer.fieldtypes import Email, Postcode, Text
from local_offer.schema import FEEDBACK
from local_offer.yaml_source import SourceError

# Each key is how the message names what was found: "contains <key> (...)".
BUILT_IN = {
    # The content model's own address and postcode shapes, found inside text.
    "an email address": Email.regex,
    # Landlines and mobiles as people write them: 01632 960123, 07700-900123,
    # (01632) 960 123, +44 7700 900123, +44 (0)1632 960123.
    "a phone number": r"(?<![\d+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s-]?\)?[\s-]?\d){8,9}(?!\d)",
    "a postcode": rf"\b{Postcode.regex}\b",
    "a personal title and a name": r"\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\b\.?\s+[A-Z](?:[A-Za-z'’-]*[A-Za-z])?",
}

# Every free-text field of an item is checked, whatever the schema adds later.
TEXT_FIELDS = tuple(f.name for f in FEEDBACK.fields if isinstance(f.type, Text))


def compile_patterns(extra: dict) -> dict:
    """The built-in patterns plus a council's own, compiled once per build."""
    patterns = {}
    for label, regex in {**BUILT_IN, **extra}.items():
        try:
            patterns[label] = re.compile(regex)
        except re.error as exc:
            setting = f"YOU_SAID_WE_DID['EXTRA_PATTERNS']['{label}']"
            raise ValueError(f"{setting} is not a valid regular expression: {exc}") from None
    return patterns


def line_of_text(source: Path, first_line: int, found: str) -> int:
    """The line where ``found`` appears, searching from the field's own line.

    A block of text (``you_said: |``) starts on the line after its key, so the
    key's line alone would send an editor hunting; the file is only read again
    here, when there is something to report.
    """
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return first_line
    for number in range(first_line, len(lines) + 1):
        if found in lines[number - 1]:
            return number
    return first_line


def find_personal_data(record, patterns: dict, content_path: Path) -> list[SourceError]:
    """An error for everything in an item's text that could identify someone."""
    errors = []
    source = Path(content_path).resolve().parent / record.source_path
    for field in TEXT_FIELDS:
        text = record.data.get(field)
        if not text:
            continue
        for label, pattern in patterns.items():
            for match in pattern.finditer(text):
                found = match.group(0).strip()
                errors.append(
                    SourceError(
                        record.source_path,
                        line_of_text(source, record.line_of(field), found),
                        field,
                        f"contains {label} ('{found}'); remove it — feedback must not identify anyone",
                    )
                )
    return errors
