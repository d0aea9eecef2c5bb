"""The ``GOVUK_THEME`` settings, merged over these defaults.

The theme's own choices: the links in the header and the footer. What
makes it look like one council (its name, colour and logo) comes from the
council file (``local_offer.council``), never from here.
"""

from __future__ import annotations

DEFAULTS = {
    # Header and footer links. A link with "plugin" shows only when that
    # plugin is in PLUGINS, and one with "page" only when that information
    # page exists, so the site never links to a page nobody writes. The
    # text may name the council's local names, as {arps}.
    "NAVIGATION": [
        {"text": "Home", "href": "/"},
        {"text": "Find support", "href": "/search/", "plugin": "search_index"},
        {"text": "Guides", "href": "/guides/"},
        {"text": "Schools and {arps}", "href": "/schools/"},
        {"text": "My list", "href": "/my-list/", "plugin": "search_index"},
    ],
    "FOOTER_LINKS": [
        {"text": "About this Local Offer", "href": "/about/", "page": "about"},
        {"text": "Accessibility statement", "href": "/accessibility-statement/", "page": "accessibility-statement"},
        {"text": "Glossary", "href": "/glossary/", "page": "glossary"},
        {"text": "You said, we did", "href": "/you-said-we-did/", "plugin": "you_said_we_did"},
        {"text": "Open data", "href": "/open-data/", "plugin": "open_data"},
    ],
}


def merged(settings: dict, local_names: dict) -> dict:
    """GOVUK_THEME over the defaults, with the council's local names in the links' text."""
    options = {**DEFAULTS, **settings.get("GOVUK_THEME", {})}
    for key in ("NAVIGATION", "FOOTER_LINKS"):
        options[key] = [{**link, "text": link["text"].format_map(local_names)} for link in options[key]]
    return options
