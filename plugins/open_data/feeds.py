"""An Atom feed of directory entries, newest last-checked date first.

Dates come from each entry's last-checked date, never the build time, so the
feed only changes when the content does.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAMESPACE = uuid.UUID("3b0f2d4e-8a61-4f0c-b7c5-2e9d6a1f8c37")


def timestamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def entries_feed(catalogue, taxonomy_url, settings: dict, options: dict) -> bytes:
    """The feed as bytes; ``taxonomy_url(vocabulary)`` is the scheme of each category."""
    siteurl = settings.get("SITEURL", "")
    entries = sorted(catalogue.entries, key=lambda e: (-e.assured_date.toordinal(), e.title.casefold()))
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "title", f"{settings['SITENAME']}: new and updated entries")
    add(feed, "subtitle", "Services, schools and support in the directory, most recently checked first.")
    add(feed, "id", f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, options['FEED_PATH'])}")
    add(feed, "updated", timestamp(entries[0].assured_date) if entries else "1970-01-01T00:00:00Z")
    add(feed, "link", rel="self", type="application/atom+xml", href=f"{siteurl}/{options['FEED_PATH']}")
    add(feed, "link", rel="alternate", type="text/html", href=f"{siteurl}/")
    add(add(feed, "author"), "name", options["PUBLISHER"]["name"])
    add(feed, "rights", f"{options['LICENCE_NAME']}: {options['LICENCE_URL']}")
    for entry in entries:
        item = add(feed, "entry")
        add(item, "title", entry.name)
        add(item, "id", f"urn:uuid:{entry.id}")
        add(item, "updated", timestamp(entry.assured_date))
        add(item, "link", rel="alternate", type="text/html", href=f"{siteurl}/{entry.url}")
        add(item, "summary", entry.summary)
        for term in [entry.kind, *(entry.categories or []), *entry.all_needs]:
            add(item, "category", term=term.id, scheme=taxonomy_url(term.vocabulary), label=term.label)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
