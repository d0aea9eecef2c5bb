"""Read glossary terms from the glossary page's HTML and mark up their use elsewhere.

The HTML here has been through the sanitiser, so tags are well formed and
attributes quoted: splitting on tags is enough to find text nodes, and no
parser is needed to leave links, headings and code exactly as they were.
"""

from __future__ import annotations

import dataclasses
import html
import re

HEADING = re.compile(r'<h3 id="([^"]+)">(.*?)</h3>', re.S)
TERM = re.compile(r"(?P<expansion>.+?)\s*\((?P<abbreviations>[^()]+)\)")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Never inside these: a link in a link is invalid, and headings and code
# must read exactly as written.
SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


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
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(html.escape(n)) for n in names) + r")(?![\w-])")
            if names
            else None
        )
        self.by_name = {html.escape(a): t for t in terms for a in t.abbreviations}

    def expand(self, fragment: str) -> str:
        """Wrap the first use of each term's abbreviation in a linked ``<abbr>``."""
        # A third of descriptions name no term; one search spares them the walk through their tags.
        if self.pattern is None or not self.pattern.search(fragment):
            return fragment
        used = set()

        def mark(match):
            term = self.by_name[match.group(1)]
            if term in used:
                return match.group(0)
            used.add(term)
            title = html.escape(term.expansion)
            return f'<a class="govuk-link" href="{html.escape(term.href)}"><abbr title="{title}">{match.group(1)}</abbr></a>'

        parts, depth = TAG.split(fragment), 0
        for index, part in enumerate(parts):
            if index % 2:
                name = TAG_NAME.match(part)
                if name and name.group(2).lower() in SKIP:
                    depth += -1 if name.group(1) else 1
            elif depth == 0 and part:
                parts[index] = self.pattern.sub(mark, part)
        return "".join(parts)
