"""An Atom feed of directory entries, newest last-checked date first.

Dates come from each entry's last-checked date, never the build time, so the
feed only changes when the content does. Each entry's item is made on its
own (``FeedItems``), so a rebuild keeps the items of unchanged entries; the
text is what ElementTree would write for the whole feed, indented.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Iterator

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAMESPACE = uuid.UUID("3b0f2d4e-8a61-4f0c-b7c5-2e9d6a1f8c37")
# What ElementTree escapes in text, and in attribute values.
TEXT_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
ATTRIBUTE_ENTITIES = (*TEXT_ENTITIES, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def timestamp(day) -> str:
    # Atom needs a whole date: one known only to the month or year is given as its first day.
    return f"{datetime.date.isoformat(day)}T00:00:00Z"


def escape(text: str, entities: tuple) -> str:
    for character, entity in entities:
        if character in text:
            text = text.replace(character, entity)
    return text


def element(indent: str, tag: str, text: str | None = None, **attributes) -> str:
    """One line of the feed: an element with no children."""
    attrs = "".join(f' {name}="{escape(value, ATTRIBUTE_ENTITIES)}"' for name, value in attributes.items())
    if not text:
        return f"{indent}<{tag}{attrs} />\n"
    return f"{indent}<{tag}{attrs}>{escape(text, TEXT_ENTITIES)}</{tag}>\n"


def newest_first(entries) -> list:
    return sorted(entries, key=lambda e: (-e.assured_date.toordinal(), e.title.casefold()))


class FeedItems:
    """Each entry's item; ``schemes`` gives the address of each vocabulary, the scheme of its categories."""

    def __init__(self, schemes: dict, siteurl: str):
        self.schemes = schemes
        self.siteurl = siteurl
        self.categories = {}

    def category(self, term) -> str:
        # Thousands of items share each term.
        if term not in self.categories:
            self.categories[term] = element(
                "    ", "category", term=term.id, scheme=self.schemes[term.vocabulary], label=term.label
            )
        return self.categories[term]

    def item(self, entry) -> str:
        inner = "    "
        lines = [
            "  <entry>\n",
            element(inner, "title", entry.name),
            element(inner, "id", f"urn:uuid:{entry.id}"),
            element(inner, "updated", timestamp(entry.assured_date)),
            element(inner, "link", rel="alternate", type="text/html", href=f"{self.siteurl}/{entry.url}"),
            element(inner, "summary", entry.summary),
        ]
        lines += [self.category(term) for term in [entry.kind, *(entry.categories or []), *entry.all_needs]]
        lines.append("  </entry>\n")
        return "".join(lines)


def entries_feed(items: Iterable[str], newest, settings: dict, options: dict) -> Iterator[str]:
    """The feed in parts to write one after another, from the entries newest first and their items (read as they are written)."""
    siteurl = settings.get("SITEURL", "")
    head = [
        "<?xml version='1.0' encoding='utf-8'?>\n",
        f'<feed xmlns="{ATOM}">\n',
        element("  ", "title", f"{settings['SITENAME']}: new and updated entries"),
        element("  ", "subtitle", "Services, schools and support in the directory, most recently checked first."),
        element("  ", "id", f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, options['FEED_PATH'])}"),
        element("  ", "updated", timestamp(newest[0].assured_date) if newest else "1970-01-01T00:00:00Z"),
        element("  ", "link", rel="self", type="application/atom+xml", href=f"{siteurl}/{options['FEED_PATH']}"),
        element("  ", "link", rel="alternate", type="text/html", href=f"{siteurl}/"),
        "  <author>\n",
        element("    ", "name", options["PUBLISHER"]["name"]),
        "  </author>\n",
        element("  ", "rights", f"{options['LICENCE_NAME']}: {options['LICENCE_URL']}"),
    ]
    yield from head
    yield from items
    yield "</feed>\n"
