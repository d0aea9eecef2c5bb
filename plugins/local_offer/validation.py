"""Check a file's node tree against the content model.

Every problem is collected rather than stopping at the first, so ``make
check`` can list all of them in one go. Each is reported at the line of the
value at fault, with the field's path (``phones[0].number``), and says how to
put it right.
"""

from __future__ import annotations

import difflib

from .fieldtypes import Group, Invalid, List, quoted
from .schema import ContentType, Field, kind_words
from .yaml_source import Mapping, Scalar, Sequence, SourceError

_EMPTY = {"", "~", "null", "Null", "NULL"}


def _is_empty(node) -> bool:
    if isinstance(node, Scalar):
        return not node.quoted and node.text.strip() in _EMPTY
    if isinstance(node, Sequence):
        return not node.items
    return not node.items


class Validator:
    """Validates one file; ``errors`` collects what is wrong with it."""

    def __init__(self, path: str, vocabularies):
        self.path = path
        self.vocabularies = vocabularies
        self.errors: list[SourceError] = []
        # field path -> line, so later cross-file checks can point at a line
        self.lines: dict[str, int] = {}

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(SourceError(self.path, line, field, message))

    def content(self, root, content_type: ContentType) -> dict:
        if not isinstance(root, Mapping):
            self.fail(getattr(root, "line", 1), "", "the file must be a list of 'field: value' lines")
            return {}
        kind = None
        if "kind" in content_type.by_name and "kind" in root.items:
            line, node = root.items["kind"]
            try:
                kind = content_type.by_name["kind"].type.parse(node, self.vocabularies)
            except Invalid:
                pass  # reported when the field itself is validated
        data = self.fields(root, content_type.fields, "", kind)
        # Rules see only the values that passed, so they can run alongside field errors.
        for rule in content_type.rules:
            for field, message in rule.check(data):
                self.fail(self.lines.get(field, root.line), field, message)
        return data

    def fields(self, node: Mapping, fields, prefix: str, kind) -> dict:
        """The valid values of a mapping's fields; ``kind`` is the entry's kind term (None for other content)."""
        known = {f.name: f for f in fields}
        data, present = {}, set()
        for name, (line, value) in node.items.items():
            field = known.get(name)
            # A field name is shown in every message about it: never a huge one.
            path = prefix + (name if field is not None else quoted(name).strip("'"))
            self.lines[path] = line
            if field is None:
                close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields are: {', '.join(known)}"
                self.fail(line, path, f"is not a field we know; {hint}")
                continue
            if not field.allowed(kind):
                self.fail(line, path, f"is only used for {field.only_for.words(self.vocabularies)}; remove it")
                continue
            if _is_empty(value):
                continue
            present.add(name)
            parsed = self.value(value, field, path)
            if parsed is not None:
                data[name] = parsed
        for field in fields:
            if field.is_required(kind) and field.name not in present:
                for_kind = f" for {kind_words(kind)}" if not field.required else ""
                # An empty line for the field (as `make new` writes) is where to fill it in.
                line = self.lines.get(prefix + field.name, node.line)
                self.fail(line, prefix + field.name, f"is required{for_kind}: {field.help}")
        return data

    def value(self, node, field: Field, path: str):
        kind = field.type
        if isinstance(kind, Group):
            if not isinstance(node, Mapping):
                self.fail(node.line, path, "must be a set of 'field: value' lines, indented under it")
                return None
            return self.fields(node, kind.fields.values(), path + ".", None)
        if isinstance(kind, List):
            if not isinstance(node, Sequence):
                self.fail(node.line, path, "must be a list, with each item on its own line starting '- '")
                return None
            if kind.max_items is not None and len(node.items) > kind.max_items:
                self.fail(node.line, path, f"has {len(node.items)} items; the most it may have is {kind.max_items}, so remove some")
                return None
            items, seen = [], set()
            for index, item in enumerate(node.items):
                item_path = f"{path}[{index}]"
                self.lines[item_path] = item.line
                if isinstance(kind.item, Group):
                    parsed = self.value(item, Field(field.name, kind.item, field.label, field.help), item_path)
                else:
                    parsed = self.scalar(item, kind.item, item_path)
                if parsed is None:
                    continue
                if isinstance(parsed, dict):
                    items.append(parsed)
                elif parsed in seen:
                    self.fail(item.line, item_path, f"'{parsed}' is listed twice; remove one")
                else:
                    seen.add(parsed)
                    items.append(parsed)
            if len(items) < kind.min_items and len(node.items) >= kind.min_items:
                self.fail(node.line, path, f"needs at least {kind.min_items} item")
            return items
        return self.scalar(node, kind, path)

    def scalar(self, node, kind, path: str):
        try:
            return kind.parse(node, self.vocabularies)
        except Invalid as exc:
            self.fail(node.line, path, str(exc))
            return None


def validate(root, content_type: ContentType, path: str, vocabularies):
    """Return (data, field lines, errors) for one parsed file."""
    validator = Validator(path, vocabularies)
    data = validator.content(root, content_type)
    return data, validator.lines, validator.errors
