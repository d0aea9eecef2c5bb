"""Small formatting helpers the templates use, so templates hold no logic.

Each turns a validated value from the content model into the words or link
a family sees: "Ages 5 to 16", a ``tel:`` link, an OpenStreetMap address.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit


def tel_href(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def ages(entry) -> str:
    low, high = entry.minimum_age, entry.maximum_age
    if low is None and high is None:
        return ""
    if low is None:
        return f"Up to age {high}"
    if high is None:
        return f"Age {low} and over"
    if low == high:
        return f"Age {low}"
    return f"Ages {low} to {high}"


def map_url(location: dict) -> str:
    """A link to the place on OpenStreetMap: exact when we know where, else by postcode."""
    lat, lon = location.get("latitude"), location.get("longitude")
    if lat is not None and lon is not None:
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?query=" + quote(location["postal_code"])


def month_year(date) -> str:
    return f"{date:%B %Y}"


def pounds(amount: float) -> str:
    return f"£{amount:,.2f}".replace(".00", "")


def feedback_href(feedback_url: str, page_name: str, page_url: str = "") -> str:
    """The feedback link with the page named, so the council knows what is wrong where."""
    parts = urlsplit(feedback_url)
    query = dict(parse_qsl(parts.query))
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
    "pounds": pounds,
}
GLOBALS = {"feedback_href": feedback_href}
