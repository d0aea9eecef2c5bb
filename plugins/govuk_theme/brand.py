"""The council's brand: BRAND from the settings, merged over these defaults.

Everything a template needs to look like the council comes from here, so a
council changes one dict in ``pelicanconf.py`` rather than any template.
"""

from __future__ import annotations

import re
from pathlib import Path

from local_offer.yaml_source import SourceError

DEFAULTS = {
    "council_name": "The council",
    "service_name": "SEND Local Offer",
    "logo_text": "Council",
    "brand_colour": "#1d70b8",
    "homepage_url": "/",
    "contact_email": "",
    "contact_phone": "",
    "feedback_url": "",
    # Header and footer links. A link with "plugin" shows only when that
    # plugin is in PLUGINS, so the site never links to a page nobody writes.
    "navigation": [
        {"text": "Home", "href": "/"},
        {"text": "Find support", "href": "/search/", "plugin": "search_index"},
        {"text": "Guides", "href": "/guides/"},
        {"text": "Schools and ARPs", "href": "/schools/"},
        {"text": "My list", "href": "/my-list/", "plugin": "search_index"},
    ],
    "footer_links": [
        {"text": "About this Local Offer", "href": "/about/", "page": "about"},
        {"text": "Accessibility statement", "href": "/accessibility-statement/", "page": "accessibility-statement"},
        {"text": "Glossary", "href": "/glossary/", "page": "glossary"},
        {"text": "You said, we did", "href": "/you-said-we-did/", "plugin": "you_said_we_did"},
        {"text": "Open data", "href": "/open-data/", "plugin": "open_data"},
    ],
}

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def merged(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("BRAND", {})}


def _luminance(hex_colour: str) -> float:
    channels = []
    for i in (1, 3, 5):
        c = int(hex_colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def _line_of(path: Path, key: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if f'"{key}"' in line), 1)


def problems(brand: dict, settings_path: Path) -> list[SourceError]:
    """The header puts white text on the brand colour, so it must pass WCAG AA."""
    colour = brand["brand_colour"]
    shown, line = settings_path.name, _line_of(settings_path, "brand_colour")
    if not _HEX.fullmatch(colour):
        return [SourceError(shown, line, "BRAND.brand_colour", f"'{colour}' is not a colour; write it as # and six hex digits, such as '#00607a'")]
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        return [
            SourceError(
                shown, line, "BRAND.brand_colour",
                f"white text on {colour} has a contrast of {ratio:.1f}:1, below the 4.5:1 WCAG AA needs; choose a darker colour",
            )
        ]
    return []
