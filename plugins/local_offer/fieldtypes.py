"""The kinds of value a content field can hold.

Each type knows three things about itself, so they cannot drift apart: how to
read the text an editor wrote (``parse``), how to describe itself to editors'
tools (``json_schema``) and which Decap CMS widget edits it (``widget``).
``parse`` returns the value or raises ``Invalid`` with a message that says
what to write instead.

Every value has a limit on its size (text a maximum length, a list of
free-form items a maximum count), so a mistake or a hostile pull request
cannot publish megabytes of text on a page and in every open-data file.
"""

from __future__ import annotations

import datetime
import re
import uuid
from urllib.parse import urlsplit

from .dates import PartialDate, today
from .yaml_source import Mapping, Sequence


class Invalid(ValueError):
    """A value an editor must correct; the message says how."""


def quoted(text: str, most: int = 40) -> str:
    """An editor's value as a message repeats it: cut short if long, so a huge value gives a short message."""
    return f"'{text[:most]}…'" if len(text) > most else f"'{text}'"


def _scalar(node) -> str:
    if isinstance(node, Mapping):
        raise Invalid("must be a single value, not a list of fields")
    if isinstance(node, Sequence):
        raise Invalid("must be a single value, not a list")
    return node.text.strip()


class FieldType:
    widget = "string"
    example = "Some text"

    def parse(self, node, vocabularies):
        raise NotImplementedError

    def json_schema(self, vocabularies) -> dict:
        raise NotImplementedError


def _too_long(text: str, limit: int) -> None:
    if len(text) > limit:
        raise Invalid(f"is {len(text):,} characters long; the most it may be is {limit:,}, so shorten it")


class Text(FieldType):
    """Text of at most ``max_length`` characters: every text field says how long it may be."""

    def __init__(self, max_length: int, markdown: bool = False, multiline: bool | None = None):
        self.max_length = max_length
        self.markdown = markdown
        self.widget = "markdown" if markdown else ("text" if multiline else "string")

    def parse(self, node, vocabularies):
        text = _scalar(node)
        if not text:
            raise Invalid("is blank; write it in, or remove the line if the field is optional")
        _too_long(text, self.max_length)
        return text

    def json_schema(self, vocabularies):
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": r"\S"}


class Pattern(FieldType):
    """Text of a fixed shape; ``normalise`` turns the accepted text into its stored form."""

    def __init__(self, regex: str, wrong: str, example: str, normalise=str, max_length: int = 100):
        self.regex = regex
        self.max_length = max_length
        self._compiled = re.compile(regex)
        self.wrong = wrong
        self.example = example
        self.normalise = normalise

    def parse(self, node, vocabularies):
        text = _scalar(node)
        _too_long(text, self.max_length)
        if not self._compiled.fullmatch(text):
            raise Invalid(f"{quoted(text)} {self.wrong}, such as '{self.example}'")
        return self.normalise(text)

    def json_schema(self, vocabularies):
        return {"type": "string", "maxLength": self.max_length, "pattern": "^(?:" + self.regex + ")$"}


class Choice(Pattern):
    """One of a few fixed words, each with what it means (editors' tools offer them as a list)."""

    def __init__(self, choices: dict[str, str]):
        words = list(choices)
        super().__init__("|".join(words), "must be " + " or ".join(f"'{word}'" for word in words), words[0])
        self.choices = choices


def _postcode(text: str) -> str:
    compact = text.replace(" ", "").upper()
    return compact[:-3] + " " + compact[-3:]


Phone = Pattern(
    r"(?:\+44 ?|0)[0-9](?: ?[0-9]){8,9}",
    "is not a UK phone number; write it with its area code",
    "01632 960123",
)
Postcode = Pattern(
    r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}",
    "is not a UK postcode",
    "AB1 2CD",
    _postcode,
)
Email = Pattern(
    r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    "is not an email address",
    "sendteam@example.org",
    max_length=254,  # the longest an address can be (RFC 5321)
)
Slug = Pattern(
    r"[a-z0-9]+(?:-[a-z0-9]+)*",
    "can only use lower-case letters, numbers and single hyphens",
    "sensory-play-group",
    max_length=120,  # as long as a name or title it may be made from
)
# The id of a source in content/data/sources.yaml (checked against it by make check).
SourceId = Pattern(Slug.regex, "is not a source id; copy the id of a source in content/data/sources.yaml", "send-strategy-2024")
# The slug of another entry, such as the one to ask (checked against the entries by make check).
EntrySlug = Pattern(Slug.regex, Slug.wrong, "additional-needs-team", max_length=Slug.max_length)
Time = Pattern(
    r"(?:[01][0-9]|2[0-3]):[0-5][0-9]",
    "is not a time on the 24-hour clock; put it in quotes",
    "09:30",
)
# When no source gives an entry's ages: "all" (every age from 0 to 25) or "not-known".
AGES_ALL, AGES_NOT_KNOWN = "all", "not-known"
Ages = Choice({AGES_ALL: "All ages, 0 to 25", AGES_NOT_KNOWN: "Not known: no source says which ages"})


class Url(FieldType):
    example = "https://www.example.org/"
    # Browsers and search engines handle addresses up to about this long.
    max_length = 2000

    def parse(self, node, vocabularies):
        text = _scalar(node)
        _too_long(text, self.max_length)
        try:
            parts = urlsplit(text)
        except ValueError:  # such as an unclosed '[' in the host
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
            raise Invalid(f"{quoted(text)} is not a web address; write it in full, starting https://, such as '{self.example}'")
        return text

    def json_schema(self, vocabularies):
        return {"type": "string", "maxLength": self.max_length, "pattern": r"^https?://[^\s/]+[^\s]*$"}


def _luminance(hex_colour: str) -> float:
    """WCAG's relative luminance of '#rrggbb'."""
    channels = []
    for i in (1, 3, 5):
        c = int(hex_colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


class Colour(FieldType):
    """A colour as '#rrggbb' that white text can be read on (the header puts the logo in white on it)."""

    widget = "color"
    example = "#1d70b8"
    regex = r"#[0-9a-fA-F]{6}"

    def __init__(self, minimum_contrast: float = 4.5):
        self.minimum_contrast = minimum_contrast

    def parse(self, node, vocabularies):
        text = _scalar(node)
        if not re.fullmatch(self.regex, text):
            raise Invalid(f"'{text}' is not a colour; write it as # and six hex digits, in quotes, such as '{self.example}'")
        ratio = contrast_with_white(text)
        if ratio < self.minimum_contrast:
            raise Invalid(
                f"white text on {text} has a contrast of {ratio:.1f}:1, below the {self.minimum_contrast}:1 "
                "WCAG AA needs; choose a darker colour"
            )
        return text.lower()

    def json_schema(self, vocabularies):
        return {"type": "string", "pattern": "^" + self.regex + "$"}


class Uuid(FieldType):
    example = "3f7b145d-84af-42d7-8fae-eaca714b02b2"

    def parse(self, node, vocabularies):
        text = _scalar(node)
        try:
            return str(uuid.UUID(text))
        except ValueError:
            raise Invalid(f"{quoted(text)} is not an id in UUID form, such as '{self.example}'; or remove the line and one is made for you") from None

    def json_schema(self, vocabularies):
        return {"type": "string", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"}


class Integer(FieldType):
    widget = "number"

    def __init__(self, minimum: int, maximum: int | None = None):
        self.minimum, self.maximum = minimum, maximum
        self.example = str(minimum)

    def parse(self, node, vocabularies):
        text = _scalar(node)
        bounds = f"from {self.minimum} to {self.maximum}" if self.maximum is not None else f"of {self.minimum} or more"
        # At most nine digits: Python refuses to read numbers thousands of digits long.
        if not re.fullmatch(r"-?[0-9]{1,9}", text):
            raise Invalid(f"{quoted(text)} must be a whole number {bounds}")
        value = int(text)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            raise Invalid(f"{value} is out of range; it must be a whole number {bounds}")
        return value

    def json_schema(self, vocabularies):
        schema = {"type": "integer", "minimum": self.minimum}
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class Decimal(FieldType):
    widget = "number"

    def __init__(self, minimum: float, maximum: float, example: str):
        self.minimum, self.maximum, self.example = minimum, maximum, example

    def parse(self, node, vocabularies):
        text = _scalar(node)
        if not re.fullmatch(r"-?[0-9]{1,9}(?:\.[0-9]{1,12})?", text):
            raise Invalid(f"{quoted(text)} must be a number, such as {self.example}")
        value = float(text)
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"{text} is out of range; it must be from {self.minimum:g} to {self.maximum:g}")
        return value

    def json_schema(self, vocabularies):
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


class Boolean(FieldType):
    widget = "boolean"
    example = "true"

    def parse(self, node, vocabularies):
        text = _scalar(node)
        if text not in ("true", "false"):
            raise Invalid(f"{quoted(text)} must be true or false (write true or false, not yes, no, on or off)")
        return text == "true"

    def json_schema(self, vocabularies):
        return {"type": "boolean"}


def _not_in_future(text: str, value: datetime.date) -> datetime.date:
    # A date on the site is when something happened or was written down.
    now = today()
    if value > now:
        raise Invalid(f"'{text}' is in the future (today is {now:%-d %B %Y}); give the date it happened, not a date to come")
    return value


class Date(FieldType):
    """A day, such as 2026-03-31, never in the future."""

    widget = "datetime"
    example = "2026-03-31"

    def parse(self, node, vocabularies):
        text = _scalar(node)
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                raise ValueError
            value = datetime.date.fromisoformat(text)
        except ValueError:
            raise Invalid(f"{quoted(text)} is not a date; write it as year-month-day, such as {self.example}") from None
        return _not_in_future(text, value)

    def json_schema(self, vocabularies):
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class DayMonthOrYear(Pattern):
    """A date as exact as its source gives it: 2024-03-31, 2024-03 or 2024, never in the future.

    Read as a ``PartialDate``. A year alone is a whole number to editors'
    tools (YAML 1.2), so the JSON Schema takes it as text or as a number.
    """

    def __init__(self):
        super().__init__(
            r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-[0-9]{2})?)?",
            "is not a date; write year-month-day, year-month or just the year",
            "2024-03-31",
        )

    def parse(self, node, vocabularies):
        text = super().parse(node, vocabularies)
        try:
            value = PartialDate(*(int(part) for part in text.split("-")))
        except ValueError:
            raise Invalid(f"{quoted(text)} is not a date: that day does not exist") from None
        return _not_in_future(text, value)

    def json_schema(self, vocabularies):
        return {**super().json_schema(vocabularies), "type": ["string", "integer"], "minimum": 1000, "maximum": 9999}


class Term(FieldType):
    """One term from a controlled vocabulary in ``content/data/vocabularies.yaml``."""

    widget = "select"

    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary

    @property
    def example(self):
        return f"<a term from {self.vocabulary}>"

    def parse(self, node, vocabularies):
        text = _scalar(node)
        return vocabularies.term(self.vocabulary, text)

    def json_schema(self, vocabularies):
        return {"enum": list(vocabularies[self.vocabulary].terms)}


class List(FieldType):
    """A list. Terms cannot repeat, so a list of terms is as long as its vocabulary at most;
    any other list says how many items it may hold."""

    widget = "list"

    def __init__(self, item: FieldType, min_items: int = 0, max_items: int | None = None):
        if max_items is None and not isinstance(item, Term):
            raise TypeError("a list of anything but terms needs max_items")
        self.item = item
        self.min_items = min_items
        self.max_items = max_items

    def json_schema(self, vocabularies):
        schema = {"type": "array", "items": self.item.json_schema(vocabularies)}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items:
            schema["maxItems"] = self.max_items
        # The validator refuses a repeated value in any list of single values.
        if not isinstance(self.item, Group):
            schema["uniqueItems"] = True
        return schema


class Group(FieldType):
    """A set of named fields, such as one address or one phone number."""

    widget = "object"

    def __init__(self, *fields):
        self.fields = {f.name: f for f in fields}

    def json_schema(self, vocabularies):
        from .schema import object_schema

        return object_schema(self.fields.values(), vocabularies)
