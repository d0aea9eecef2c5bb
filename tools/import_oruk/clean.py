"""Values from another directory, made safe to publish or refused.

Nothing in a feed is trusted. Each value is checked for its JSON type and
its size; text with a script, an event handler or a ``javascript:`` link is
refused; other HTML becomes plain text (nh3 removes the tags, keeping the
words, lists and paragraphs). A refusal is an error, and an import with any
error writes nothing. What is made safe, or left out because the Local
Offer cannot hold it, is a notice in the report.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import nh3

# Characters: no description of a real service is longer.
HUGE = 100_000
# Items in one list, such as a service's phone numbers or places.
MANY = 1000

HOSTILE = re.compile(
    r"<\s*/?\s*(?:script|iframe|object|embed|style|link|meta|form|svg|math|base)\b"
    r"|\bon[a-z]+\s*=|\b(?:javascript|vbscript)\s*:|\bdata\s*:\s*[a-z]+/",
    re.IGNORECASE,
)
TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--")
BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
BLOCK_END = re.compile(r"<\s*/\s*(?:p|div|h[1-6]|ul|ol|table|tr|blockquote)\s*>", re.IGNORECASE)
ITEM = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def json_type(value) -> str:
    return {dict: "a set of fields", list: "a list", str: "text", bool: "true or false", type(None): "null"}.get(
        type(value), "a number"
    )


def html_to_text(value: str) -> str:
    """HTML as plain text: paragraphs and line breaks kept, list items as '- ', every tag removed by nh3."""
    text = ITEM.sub("\n- ", value)
    text = BREAK.sub("\n", text)
    text = BLOCK_END.sub("\n\n", text)
    return html.unescape(nh3.clean(text, tags=set()))


def tidy(text: str, multiline: bool) -> str:
    text = CONTROL.sub("", text)
    if not multiline:
        return " ".join(text.split())
    # Markdown's indentation (a list inside a list) is kept; spaces at line ends are not.
    lines = [line.rstrip().replace("\t", "    ") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class Cleaner:
    """Checks the values of one service, collecting errors (the import stops) and notices (reported)."""

    def __init__(self):
        self.errors: list[str] = []
        self.notices: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def notice(self, path: str, message: str) -> None:
        self.notices.append(f"{path}: {message}")

    def typed(self, value, path: str, kinds: tuple, wanted: str):
        if value is None:
            return None
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            self.error(path, f"must be {wanted}, not {json_type(value)}")
            return None
        return value

    def fields(self, value, path: str) -> dict:
        return self.typed(value, path, (dict,), "a set of fields") or {}

    def items(self, value, path: str) -> list:
        found = self.typed(value, path, (list,), "a list") or []
        if len(found) > MANY:
            self.error(path, f"has {len(found):,} items; no real service has that many")
            return []
        return found

    def number(self, value, path: str):
        return self.typed(value, path, (int, float), "a number")

    def text(self, value, path: str, multiline: bool = False) -> str | None:
        value = self.typed(value, path, (str,), "text")
        if value is None:
            return None
        if len(value) > HUGE:
            self.error(path, f"is {len(value):,} characters long; no real service detail is that long")
            return None
        hostile = "contains a script, an event handler or a javascript: link; refused"
        if HOSTILE.search(value):
            self.error(path, hostile)
            return None
        if TAG.search(value):
            value = html_to_text(value)
            # Entities such as &lt;script&gt; become markup once decoded.
            if HOSTILE.search(value):
                self.error(path, hostile)
                return None
            self.notice(path, "was HTML; it is now plain text")
        return tidy(value, multiline) or None

    def url(self, value, path: str) -> str | None:
        text = self.text(value, path)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
            self.error(path, f"'{text[:80]}' is not a web address starting http:// or https://; refused")
            return None
        return text

    def limited(self, text: str | None, path: str, limit: int) -> str | None:
        """Text for a field that holds at most ``limit`` characters; a longer one is left out, with a notice."""
        if text is not None and len(text) > limit:
            self.notice(path, f"is {len(text)} characters, more than the {limit} the Local Offer allows; left out")
            return None
        return text
