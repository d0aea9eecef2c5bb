"""Read a YAML file into a tree of nodes that remember their line numbers.

YAML 1.1 (what PyYAML implements) silently turns ``01632960123`` into a
number, ``09:00`` into 540 and ``NO`` into ``False``. Editors cannot be
expected to know that, so this reader never resolves types: every scalar
keeps the exact text the editor wrote, and the schema decides later whether
a field wants text, a whole number, a yes/no or a date. Anchors, aliases,
explicit tags and duplicate keys are refused because they make a file mean
something other than what it looks like. Nesting deeper than any content
file needs is refused too, before it can exhaust the parser's stack.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml
from yaml import events

Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The deepest a content file needs is four levels (an entry, its list of
# places, a place, its postcode); this leaves room for any later field.
MAX_DEPTH = 12


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


@dataclasses.dataclass(frozen=True)
class SourceError:
    """One problem in one place of one file, worded for a council editor."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentErrors(Exception):
    """Raised with every problem found, so an editor can fix them in one go."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.field))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclasses.dataclass
class Scalar:
    text: str
    line: int
    quoted: bool


@dataclasses.dataclass
class Sequence:
    items: list
    line: int


@dataclasses.dataclass
class Mapping:
    # key text -> (line of the key, value node); insertion order is file order
    items: dict
    line: int


Node = Scalar | Sequence | Mapping


class _Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.events = yaml.parse(text, Loader=Parser)
        self.errors: list[SourceError] = []

    def fail(self, line: int, message: str, field: str = "") -> None:
        self.errors.append(SourceError(self.path, line, field, message))

    def document(self) -> Node | None:
        root = None
        for event in self.events:
            if isinstance(event, events.DocumentStartEvent):
                if root is not None:
                    self.fail(event.start_mark.line + 1, "a file holds one entry; remove the extra '---' document")
                    break
                root = self.node(next(self.events), 1)
        return root

    def node(self, event, depth: int) -> Node:
        line = event.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _TooDeep(line)
        if isinstance(event, events.AliasEvent):
            self.fail(line, f"'*{event.anchor}' repeats another part of the file; write the value out in full")
            return Scalar("", line, False)
        if getattr(event, "anchor", None):
            self.fail(line, f"'&{event.anchor}' marks text for reuse, which is not allowed; remove it")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(line, f"'{tag}' changes how YAML reads the value, which is not allowed; remove it")
        if isinstance(event, events.ScalarEvent):
            return Scalar(event.value, line, event.style in ("'", '"', "|", ">"))
        if isinstance(event, events.SequenceStartEvent):
            items = []
            for child in self.events:
                if isinstance(child, events.SequenceEndEvent):
                    break
                items.append(self.node(child, depth + 1))
            return Sequence(items, line)
        items = {}
        for key_event in self.events:
            if isinstance(key_event, events.MappingEndEvent):
                break
            key = self.node(key_event, depth + 1)
            value = self.node(next(self.events), depth + 1)
            if not isinstance(key, Scalar):
                self.fail(key.line, "a field name must be plain text")
                continue
            if key.text in items:
                first = items[key.text][0]
                self.fail(key.line, f"is given twice (first on line {first}); keep one", key.text)
                continue
            items[key.text] = (key.line, value)
        return Mapping(items, line)


def read(
    path: Path | str, display_path: str | None = None, raw: bytes | None = None
) -> tuple[Node | None, list[SourceError]]:
    """Parse one file (or its bytes, already read); return its root node and any problems with its YAML.

    Never raises for what the file holds: too large, not UTF-8, invisible
    characters, bad YAML and deep nesting are each a problem naming the line.
    """
    # Imported here: source_text reports with this module's SourceError.
    from .source_text import decode, read_bytes

    shown = display_path or str(path)
    try:
        raw = read_bytes(path) if raw is None else raw
    except FileNotFoundError:
        return None, [SourceError(shown, 1, "", "is missing; the content needs this file")]
    text, errors = decode(raw, shown)
    if text is None:
        return None, errors
    reader = _Reader(shown, text)
    try:
        root = reader.document()
    except _TooDeep as exc:
        message = f"is nested more than {MAX_DEPTH} levels deep, which no content file needs; check the indentation and brackets"
        return None, [SourceError(shown, exc.line, "", message)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or "the YAML is not valid"
        hint = " (check the indentation and that text containing ': ' or '#' is in quotes)"
        return None, [SourceError(shown, line, "", f"cannot be read: {problem}{hint}")]
    if root is None:
        reader.fail(1, "the file is empty")
    return root, reader.errors
