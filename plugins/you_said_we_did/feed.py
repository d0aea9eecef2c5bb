"""The Atom feed of feedback items, for anyone who wants to follow changes.

Dates come from the items (the date of our response), never the clock, so
building the same content twice gives the same file.
"""

from __future__ import annotations

import datetime
import uuid

from feedgenerator import Atom1Feed
from markupsafe import escape

from .feedback import FEEDBACK_NAMESPACE, SECTION_URL

FEED_URL = f"{SECTION_URL}feed.xml"


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.timezone.utc)


def _paragraphs(*parts: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for text in parts for part in text.split("\n\n"))


def _summary(item) -> str:
    """The item as the site shows it: you said, then what we did (or why we can't)."""
    said = _paragraphs(f"You said: {item.you_said}")
    if item.status.id == "we-cant":
        return said + _paragraphs(f"{item.status.label}, because: {item.reason}", f"Our response: {item.response}")
    return said + _paragraphs(f"{item.status.label}: {item.response}")


def build_feed(items, settings) -> Atom1Feed:
    site_url = settings["SITEURL"]
    feed = Atom1Feed(
        title=f"You said, we did - {settings['SITENAME']}",
        link=f"{site_url}/{SECTION_URL}",
        feed_url=f"{site_url}/{FEED_URL}",
        description="What families, children and young people told us about the Local Offer, and what we did about it.",
        language="en",
        author_name=settings["COUNCIL"]["name"],
        feed_guid=f"urn:uuid:{uuid.uuid5(FEEDBACK_NAMESPACE, SECTION_URL)}",
    )
    for item in items:
        feed.add_item(
            title=f"{item.title} - {item.status.label}",
            link=f"{site_url}/{item.url}",
            description=_summary(item),
            unique_id=f"urn:uuid:{item.id}",
            pubdate=_midnight(item.response_date),
            updateddate=_midnight(item.response_date),
            categories=[item.topic.label, item.status.label],
        )
    return feed
