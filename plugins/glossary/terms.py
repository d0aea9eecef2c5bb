"""Read glossary terms from the glossary page's HTML and mark up their use elsewhere.

The HTML here has been through the sanitiser, so tags are well formed and
attributes quoted: finding tags and the elements to leave alone is enough,
and no parser is needed to leave links, headings and code exactly as they were.
"""

from __future__ import annotations

import dataclasses
import html
import re

HEADING = re.compile(r'<h3 id="([^"]+)">(.*?)</h3>', re.S)
TERM = re.compile(r"(?P<expansion>.+?)\s*\((?P<abbreviations>[^()]+)\)")
# Never inside these: a link in a link is invalid, and headings and code
# must read exactly as written. Sanitised HTML never nests one in itself,
# so each runs from its start tag to the first end tag of its name.
SKIP = ("a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
SKIPPED_ELEMENT = re.compile(r"<(" + "|".join(SKIP) + r")\b[^>]*>.*?</\1\s*>", re.S | re.I)


@dataclasses.dataclass(frozen=True)
class Term:
    expansion: str
    abbreviations: tuple
    href: str


def read_glossary(page_html: str, url: str) -> list[Term]:
    """Every ``Term (ABBR, OTHER)`` heading; terms without an abbreviation are left out."""
    terms = []
    for anchor, text in HEADING.findall(page_html):
        match = TERM.fullmatch(html.unescape(re.sub(r"<[^>]+>", "", text)).strip())
        if match:
            abbreviations = tuple(a.strip() for a in match["abbreviations"].split(",") if a.strip())
            terms.append(Term(match["expansion"], abbreviations, f"{url}#{anchor}"))
    return terms


def letter_headings(page_html: str) -> str:
    """Put an h2 letter before each letter's first term, so the terms' h3s follow an h2
    (no skipped heading level) and the page can offer an A to Z."""
    seen = set()

    def heading(match):
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        letter = text[:1].upper()
        if not letter.isalpha() or letter in seen:
            return match.group(0)
        seen.add(letter)
        return f'<h2 id="letter-{letter.lower()}">{letter}</h2>\n{match.group(0)}'

    return HEADING.sub(heading, page_html)


class Glossary:
    """The glossary's terms, with one pattern that finds any of their abbreviations.

    Made once per build: entry pages at county scale expand tens of
    thousands of fragments against the same terms.
    """

    def __init__(self, terms: list[Term]):
        names = sorted({a for t in terms for a in t.abbreviations}, key=len, reverse=True)
        # No look-behind at the front: a pattern that starts with the names
        # lets the regex engine skip ahead to where one could begin, several
        # times faster over a long description. ``_starts_a_word`` checks the
        # character before instead.
        self.pattern = (
            re.compile("(" + "|".join(re.escape(html.escape(n)) for n in names) + r")(?![\w-])") if names else None
        )
        self.by_name = {html.escape(a): t for t in terms for a in t.abbreviations}

    def expand(self, fragment: str) -> str:
        """Wrap the first use of each term's abbreviation in a linked ``<abbr>``, outside tags and SKIP elements."""
        if self.pattern is None:
            return fragment
        # A third of descriptions name no term; most of the rest name one or two.
        matches = [m for m in self.pattern.finditer(fragment) if _starts_a_word(fragment, m.start())]
        if not matches:
            return fragment
        skipped = [m.span() for m in SKIPPED_ELEMENT.finditer(fragment)]
        parts, done, used = [], 0, set()
        for match in matches:
            start = match.start()
            inside_tag = fragment.rfind("<", 0, start) > fragment.rfind(">", 0, start)
            term = self.by_name[match.group(1)]
            if inside_tag or term in used or any(a <= start < b for a, b in skipped):
                continue
            used.add(term)
            title = html.escape(term.expansion)
            parts += [fragment[done:start], f'<a class="govuk-link" href="{html.escape(term.href)}"><abbr title="{title}">{match.group(1)}</abbr></a>']
            done = match.end()
        return "".join(parts) + fragment[done:]


def _starts_a_word(text: str, start: int) -> bool:
    """Whether nothing joins on before ``start``, as the look-behind ``(?<![\\w-])`` would check."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "_-")
