"""Small formatting helpers the templates use, so templates hold no logic.

Each turns a validated value from the content model into the words or link
a family sees: "Ages 5 to 16", a ``tel:`` link, an OpenStreetMap address.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from local_offer import dates
from local_offer.fieldtypes import AGES_ALL
from local_offer.rendering import tel_href

H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


def ages(entry) -> str:
    """Who it is for by age, as exact as its source: "Ages 14 to 25", "All ages", "Secondary", "Ages not known"."""
    low, high = entry.minimum_age, entry.maximum_age
    if low is not None and high is not None:
        return f"Ages {low} to {high}"
    if entry.ages == AGES_ALL:
        return "All ages, 0 to 25"
    if entry.phases:
        return "Phases: " + ", ".join(term.label for term in entry.phases)
    return "Ages not known"


def map_url(location: dict) -> str:
    """A link to the place on OpenStreetMap: exact when we know where, else by postcode."""
    lat, lon = location.get("latitude"), location.get("longitude")
    if lat is not None and lon is not None:
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?query=" + quote(location["postal_code"])


def clock(time: str) -> str:
    """'09:30' as GOV.UK style writes times: '9:30am', '10am', 'midday'."""
    hours, minutes = (int(part) for part in time.split(":"))
    if (hours, minutes) == (12, 0):
        return "midday"
    if (hours, minutes) == (0, 0):
        return "midnight"
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}{suffix}" if minutes == 0 else f"{shown}:{minutes:02d}{suffix}"


def contents(page_html: str) -> list[dict]:
    """The page's h2 headings as contents-list items (Markdown's toc extension gives them ids)."""
    return [
        {"href": f"#{anchor}", "text": html.unescape(re.sub(r"<[^>]+>", "", text)).strip()}
        for anchor, text in H2.findall(str(page_html))
    ]


def available(links, plugins, pages) -> list[dict]:
    """The links whose page will exist: its plugin is on, or its information page is there."""
    slugs = _slugs(tuple(pages))
    return [
        link for link in links
        if ("plugin" not in link or link["plugin"] in plugins) and ("page" not in link or link["page"] in slugs)
    ]


@functools.lru_cache(maxsize=2)
def _slugs(pages: tuple) -> frozenset:
    # Every page asks, about the same pages.
    return frozenset(page.slug for page in pages)


def in_order(pages) -> list:
    """Information pages in the order editors gave them, then by title.

    ``Order`` has been validated as a whole number by the time pages are written.
    """
    return sorted(pages, key=lambda p: (int(p.metadata.get("order", 10**6)), p.title.casefold()))


def by_letter(entries) -> list[tuple[str, list]]:
    """Entries grouped under the first letter of their name (or '0-9'), in order."""
    groups: dict[str, list] = {}
    for entry in entries:
        first = entry.name[:1].upper()
        groups.setdefault(first if first.isalpha() else "0-9", []).append(entry)
    return sorted(groups.items(), key=lambda item: (item[0] != "0-9", item[0]))


def month_year(date) -> str:
    """'December 2026', or '2024' when only the year is known."""
    return dates.month_and_year(date)


def day_month_year(date) -> str:
    """GOV.UK style: '6 December 2026'."""
    return f"{date.day} {date:%B %Y}"


def pounds(amount: float) -> str:
    return f"£{amount:,.2f}".replace(".00", "")


@functools.lru_cache(maxsize=4)
def _split(url: str):
    return urlsplit(url), tuple(parse_qsl(urlsplit(url).query))


def feedback_address(council: dict) -> str:
    """Where families send comments on the Local Offer: the council's form, else its mailbox, else '' (ask the SEND team)."""
    feedback = council.get("feedback") or {}
    if feedback.get("url"):
        return feedback["url"]
    return "mailto:" + feedback["email"] if feedback.get("email") else ""


def feedback_href(feedback_url: str, page_name: str, page_url: str = "") -> str:
    """The feedback link with the page named, so the council knows what is wrong where."""
    # Every page has one, to the same address: it is taken apart once.
    parts, given = _split(feedback_url)
    query = dict(given)
    if parts.scheme == "mailto":
        query["subject"] = f"Local Offer: {page_name}"
        if page_url:
            query["body"] = f"About the page {page_url}\n\n"
        encoded = urlencode(query, quote_via=quote)
    else:
        query["page"] = page_url or page_name
        encoded = urlencode(query)
    return urlunsplit(parts._replace(query=encoded))


FILTERS = {
    "tel_href": tel_href,
    "ages": ages,
    "map_url": map_url,
    "month_year": month_year,
    "day_month_year": day_month_year,
    "date_words": dates.label,
    "clock": clock,
    "contents": contents,
    "in_order": in_order,
    "by_letter": by_letter,
    "pounds": pounds,
}
GLOBALS = {"feedback_href": feedback_href, "feedback_address": feedback_address, "available": available}
