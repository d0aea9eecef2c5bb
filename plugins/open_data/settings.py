"""The ``OPEN_DATA`` settings, merged over these defaults.

The publishing organisation and the county of every address default to
the council file's (``local_offer.council``), so a council publishes open
data under its own name without repeating itself.
"""

from __future__ import annotations

DEFAULTS = {
    "LICENCE_NAME": "Open Government Licence v3.0",
    "LICENCE_URL": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    # Merged over the council's details from the council file.
    "PUBLISHER": {},
    # Entries per page of every Open Referral UK list.
    "PAGE_SIZE": 50,
    # Open Referral UK addresses must name a county and a country; the
    # county is the council file's unless set here.
    "STATE_PROVINCE": None,
    "COUNTRY": "GB",
    # Our status terms as Open Referral UK statuses, which are a fixed list.
    "STATUSES": {"active": "active", "temporarily_closed": "temporarily closed", "inactive": "inactive"},
    # The vocabularies published as Open Referral UK taxonomies.
    "TAXONOMIES": {
        "kinds": {"name": "Kinds of entry", "description": "Whether an entry is a service, a special school, a specialist base in a mainstream school or information, advice and support."},
        "categories": {"name": "Types of help", "description": "The parts of the SEND Local Offer a service belongs to, such as education, health or short breaks."},
        "needs": {"name": "Special educational needs and disabilities", "description": "The four broad areas of need in the SEND Code of Practice and the needs within them."},
        "phases": {"name": "School phases", "description": "The stages of education a school or specialist base teaches."},
        "access_routes": {"name": "How to get help", "description": "How a family can start using a service, such as contacting it themselves or being referred."},
    },
    "OPENREFERRAL_PATH": "openreferral",
    "DOWNLOADS_PATH": "open-data",
    "FEED_PATH": "feeds/entries.atom.xml",
    # Built pages that search engines should not be sent to.
    "SITEMAP_EXCLUDE": ["404.html", "admin/*"],
}


def options(settings: dict) -> dict:
    """OPEN_DATA merged over the defaults, with the publisher and county filled in from the council file."""
    merged = {**DEFAULTS, **settings.get("OPEN_DATA", {})}
    council = settings.get("COUNCIL", {})
    team = council.get("send_team", {})
    name = council.get("name", settings.get("SITENAME", ""))
    merged["PUBLISHER"] = {
        "name": name,
        "website": council.get("website"),
        "email": team.get("email"),
        "telephone": (team.get("phones") or [None])[0],
        "description": f"{name} publishes the {settings.get('SITENAME', 'Local Offer')}.",
        **merged["PUBLISHER"],
    }
    merged["STATE_PROVINCE"] = merged["STATE_PROVINCE"] or council.get("county")
    return merged
