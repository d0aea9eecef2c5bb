"""Markdown to safe HTML: one renderer for entries and information pages, then sanitised.

Content comes from many editors through pull requests, so nothing in it is
trusted: nh3 keeps only the tags and attributes that plain-English guidance
needs and drops scripts, event handlers, iframes and javascript:/data: links.
"""

from __future__ import annotations

import re

import nh3
from markdown_it_pyrs import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "dl", "dt", "em",
    "h2", "h3", "h4", "hr", "li", "ol", "p", "pre", "strong", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# A UK phone number in running text, as the content model's Phone field
# takes them ("01632 960123", "0161 496 0000", "+44 1632 960123").
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:\+44 ?|0)[0-9](?: ?[0-9]){8,9}(?![\w])")
# Sanitised HTML split into tags and the text between them.
TAG = re.compile(r"(<[^>]*>)")

# markdown-it's heading_anchors plugin gives every heading a GitHub-style
# link with an icon; pages need only the id, and only on h2 and h3 (what a
# contents list and the glossary link to).
HEADING_ANCHOR = re.compile(r'<h([1-6])><a aria-hidden="true" class="anchor" id="([^"]*)" href="#[^"]*">.*?</a>', re.S)


def _heading_id(match: re.Match) -> str:
    level, anchor = match.groups()
    return f'<h{level} id="{anchor}">' if level in "23" else f"<h{level}>"


def sanitiser(site_url: str = "") -> nh3.Cleaner:
    """A cleaner that keeps only safe HTML and points root-relative links (/ehc-plans/) at the site's address.

    Editors link pages as /slug/; a site published below a path (such as a
    GitHub Pages project site) needs SITEURL in front of them. Made once per
    renderer: setting up the rules costs more than cleaning a description.
    """

    def rebase(tag, attribute, value):
        if attribute == "href" and value.startswith("/") and not value.startswith("//"):
            return site_url + value
        return value

    # rel is added to every kept link: it matters for external ones, and is
    # harmless on our own, which saves telling the two apart here.
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
        attribute_filter=rebase if site_url else None,
    )


def tel_href(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def link_phone_numbers(html: str) -> str:
    """Make every phone number in the text of sanitised HTML a ``tel:`` link, so it can be tapped.

    Run on nh3's output, whose text never holds a raw "<", so splitting on
    tags is exact; numbers already inside a link are left alone. What it
    adds is made only of the digits and spaces it matched.
    """
    if not PHONE_IN_TEXT.search(html):
        return html
    parts, in_link = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            if part.startswith("<a ") or part == "<a>":
                in_link += 1
            elif part == "</a>":
                in_link = max(0, in_link - 1)
            parts.append(part)
        elif in_link:
            parts.append(part)
        else:
            parts.append(PHONE_IN_TEXT.sub(lambda m: f'<a href="{tel_href(m.group())}">{m.group()}</a>', part))
    return "".join(parts)


class Renderer:
    """Renders Markdown (CommonMark with tables) with one reusable parser.

    markdown-it-pyrs (markdown-it in Rust) is used because Markdown is a
    large part of the build time of a county directory: it is about ten
    times faster than markdown-it-py and thirty times faster than
    Python-Markdown. h2 and h3 headings get ids so pages can have a contents
    list and the glossary can be linked to, and phone numbers become links.
    """

    def __init__(self, site_url: str = ""):
        self._markdown = MarkdownIt("commonmark").enable("table").enable("heading_anchors")
        self._sanitiser = sanitiser(site_url)

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        html = HEADING_ANCHOR.sub(_heading_id, self._markdown.render(text))
        return Markup(link_phone_numbers(self._sanitiser.clean(html)))
