"""The privacy guard: published feedback must not identify anyone.

Regulation 56 of the SEND Regulations 2014 asks for comments to be published
"in a form that does not enable any individual to be identified". Editors
summarise what people said, but a pasted email, phone number, postcode,
"Mrs Smith" or "my son Oliver" is an easy slip, so the build refuses any item
that contains one, in any of its text or in its file name (which becomes the
item's address and feed id).

Text is normalised before it is matched, so a disguise does not get
through: compatibility forms become plain ones (NFKC: full-width digits and
"@", ligatures, no-break spaces), invisible characters are removed
(zero-width spaces and joiners, soft hyphens, direction marks), and every
dash is a hyphen. Matching ignores case except where case is what tells a
name from a word ("we miss Saturdays" is not "Miss Saturdays").

A council can add its own patterns (an NHS number, a pupil number) and the
names of organisations that start with a title ("Dr Barnardo's") in the
YOU_SAID_WE_DID settings.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from local_offer.fieldtypes import DayMonthOrYear, List, Pattern, Text
from local_offer.schema import FEEDBACK
from local_offer.yaml_source import SourceError

# Characters that show as nothing, so they can hide inside a name or a number.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e\u200f"
             "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0")
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")


def normalise(text: str, invisible: str | None = None) -> str:
    """The text as it reads, whatever characters it is written in; ``invisible`` replaces invisible characters."""
    table = _INVISIBLE if invisible is None else dict.fromkeys(_INVISIBLE, invisible)
    return unicodedata.normalize("NFKC", text).translate(table).translate(_DASHES)


# --- what is looked for ------------------------------------------------------

_WORD = r"[\w%+'-]+"
# "@" with or without spaces; "(at)", "[at]", "{at}", "<at>"; " at " as a word.
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
# Spelt-out addresses need a real ending, so "we met at school dot" is not one.
_ENDINGS = r"(?:com|org|net|uk|gov|nhs|ac|sch|co|edu|info|me|io|biz|email|mail|live|online)"

# Each phone number digit may be followed by one separator (space, dot,
# slash or hyphen) and a bracket, as people write them.
_SEPARATOR = r"[\s./-]?\)?[\s./-]?"
_PHONE = (
    r"(?<![\d+])"
    r"(?:(?:\+|00)\s?44[\s./-]?(?:\(0\)[\s./-]?)?|44[\s./-]?(?:\(0\)[\s./-]?)?|\(?0[\s./-]?)"
    rf"\d(?:{_SEPARATOR}\d){{8,9}}(?!\d)"
)
_POSTCODE = r"\b[a-z]{1,2}[0-9][a-z0-9]?(?:\s{0,3}|-)[0-9][a-z]{2}\b"

# Titles that go before a name. Some are everyday words too ("we miss
# Saturdays", "a lady at the desk"): those count only when both they and the
# name start with a capital letter.
TITLES = ("mr", "mrs", "ms", "mx", "dr", "mister", "rev", "revd", "reverend", "prof", "professor", "mstr", "cllr")
TITLES_THAT_ARE_WORDS = ("miss", "sir", "lady", "lord", "dame", "master", "madam", "councillor")
_NAME = r"(?P<name>[^\W\d_][\w'’-]*)"
_TITLE = rf"\b(?P<title>{'|'.join(TITLES + TITLES_THAT_ARE_WORDS)})\b\.?\s+{_NAME}"

RELATIVES = (
    "son", "daughter", "child", "kid", "boy", "girl", "baby", "brother", "sister", "twin", "nephew", "niece",
    "stepson", "stepdaughter", "stepchild", "grandson", "granddaughter", "grandchild", "godson", "goddaughter",
    "husband", "wife", "partner", "mum", "mother", "dad", "father", "carer", "friend", "neighbour",
)
_RELATIVE = rf"\b(?:my|our|his|her|their)\s+(?:{'|'.join(RELATIVES)})s?\s*,?\s+{_NAME}"

# Words that follow a title or "my son" without being a name.
NOT_NAMES = frozenset(
    """a an the and or but nor so yet if then than that this these those who whom whose which what when where why how
    i me we us you he him she her it they them my our your his its their mine ours yours theirs
    is am are was were be been being has have had do does did will would shall should can could may might must
    not no yes too also just only even still again always never often sometimes
    at in on of to for from with by about into onto over under after before since until during without within
    said says told tells asked asks rang phoned called emailed wrote came went got gets saw sees met meets
    who's isn't wasn't didn't doesn't can't couldn't won't wouldn't hasn't hadn't
    year years month months week weeks day days school class nursery college
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december""".split()
)


@dataclasses.dataclass(frozen=True)
class Finder:
    """One kind of personal data: ``found(match)`` is what to report, or None when the match is not one."""

    label: str
    pattern: re.Pattern
    found: Callable[[re.Match], str | None] = lambda match: match.group(0).strip()


def _looks_like_name(word: str, capital_needed: bool) -> bool:
    if word.casefold() in NOT_NAMES:
        return False
    return word[0].isupper() or not capital_needed


def _title_and_name(match: re.Match) -> str | None:
    title, name = match.group("title"), match.group("name")
    is_word = title.casefold() in TITLES_THAT_ARE_WORDS
    if is_word and not title[0].isupper():
        return None
    return match.group(0) if _looks_like_name(name, capital_needed=is_word) else None


def _relative_and_name(match: re.Match) -> str | None:
    return match.group(0) if _looks_like_name(match.group("name"), capital_needed=True) else None


def _postcode(match: re.Match) -> str | None:
    # "Key stage 2 3rd year": a lower-case ordinal is not an inward code.
    inward = match.group(0)[-3:]
    return None if re.fullmatch(r"[0-9](?:st|nd|rd|th)", inward) else match.group(0)


_I = re.IGNORECASE
BUILT_IN = (
    # Each starts only where a word does, so a long word is scanned once, not once per letter.
    Finder("an email address", re.compile(rf"(?<![\w.%+'-])[\w.%+'-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*\.[a-z]{{2,}}\b", _I)),
    Finder("an email address", re.compile(rf"(?<![\w.%+'-]){_WORD}(?:{_DOT}{_WORD})*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_ENDINGS}\b", _I)),
    Finder("a phone number", re.compile(_PHONE)),
    Finder("a postcode", re.compile(_POSTCODE, _I), _postcode),
    Finder("a personal title and a name", re.compile(_TITLE, _I), _title_and_name),
    Finder("a family member's name", re.compile(_RELATIVE, _I), _relative_and_name),
)


def compile_patterns(extra: dict) -> list[Finder]:
    """The built-in finders plus a council's own patterns, compiled once per build."""
    finders = list(BUILT_IN)
    for label, regex in extra.items():
        try:
            finders.append(Finder(label, re.compile(regex)))
        except re.error as exc:
            setting = f"YOU_SAID_WE_DID['EXTRA_PATTERNS']['{label}']"
            raise ValueError(f"{setting} is not a valid regular expression: {exc}") from None
    return finders


def allowed_names(names) -> re.Pattern | None:
    """One pattern for the organisations whose names look like a person's ("Dr Barnardo's")."""
    if not names:
        return None
    return re.compile("|".join(r"\b" + re.escape(normalise(name)) + r"(?!\w)" for name in names), _I)


def personal_data(text: str, finders, allowed: re.Pattern | None = None) -> list[tuple[str, str]]:
    """(label, what was found) for everything in ``text`` that could identify someone.

    An invisible character can join two words ("Mr<word joiner>Smith") as
    well as split one ("Sm<zero-width space>ith"), so the text is read with
    them removed and, for what that reading does not find, as spaces.
    """
    found = []
    for read in dict.fromkeys((normalise(text), normalise(text, " "))):
        if allowed is not None:
            # Blanked rather than removed, so the words either side stay apart.
            read = allowed.sub(lambda match: " " * len(match.group(0)), read)
        labels = {label for label, _ in found}
        for finder in finders:
            if finder.label in labels:
                continue
            for match in finder.pattern.finditer(read):
                what = finder.found(match)
                if what:
                    found.append((finder.label, what.strip()))
    # Both email patterns can find the same address.
    return list(dict.fromkeys(found))


# --- where it is looked for ---------------------------------------------------


def _checked_fields():
    """(field name, is a slug) for every field of an item that holds words (a date is a pattern, not words)."""
    found = []
    for field in FEEDBACK.fields:
        kind = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(kind, Text | Pattern) and not isinstance(kind, DayMonthOrYear):
            found.append((field.name, isinstance(kind, Pattern)))
    return tuple(found)


# Every field that holds words is checked, whatever the schema adds later.
CHECKED_FIELDS = _checked_fields()


def as_words(slug: str) -> str:
    """A file name or slug as the words it spells: "mrs-smith-ab1-2cd" reads "mrs smith ab1 2cd"."""
    return re.sub(r"[-_.]+", " ", slug)


def line_of_text(source: Path, first_line: int, found: str) -> int:
    """The line where ``found`` appears, searching from the field's own line.

    A block of text (``you_said: |``) starts on the line after its key, so the
    key's line alone would send an editor hunting; the file is only read again
    here, when there is something to report.
    """
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return first_line
    for number in range(first_line, len(lines) + 1):
        if found in normalise(lines[number - 1]):
            return number
    return first_line


def find_personal_data(record, finders, content_path: Path, allowed: re.Pattern | None = None) -> list[SourceError]:
    """An error for everything in an item's text, or its file name, that could identify someone."""
    errors = []
    source = Path(content_path).resolve().parent / record.source_path
    stem = Path(record.source_path).stem
    for label, found in personal_data(as_words(stem), finders, allowed):
        errors.append(
            SourceError(
                record.source_path,
                1,
                "",
                f"the file name '{stem}' contains {label} ('{found}'); rename the file — feedback must not identify anyone",
            )
        )
    for field, is_slug in CHECKED_FIELDS:
        value = record.data.get(field)
        for index, text in enumerate(value if isinstance(value, list) else [value] if value else []):
            path = f"{field}[{index}]" if isinstance(value, list) else field
            for label, found in personal_data(as_words(text) if is_slug else text, finders, allowed):
                errors.append(
                    SourceError(
                        record.source_path,
                        line_of_text(source, record.line_of(path), found),
                        path,
                        f"contains {label} ('{found}'); remove it — feedback must not identify anyone",
                    )
                )
    return errors
