"""The council-branded GOV.UK Frontend theme: macros, assets and site-wide pages."""

from __future__ import annotations

from pelican import signals

from local_offer.council import council_of

from . import settings
from .assets import ThemeAssetsGenerator
from .site_pages import PAGES, SitePagesGenerator
from .templating import add_govuk_templates

def merge_settings(pelican) -> None:
    """Fill in GOVUK_THEME's defaults, in the council's words, before any template sees it."""
    local_names = council_of(pelican.settings)["local_names"]
    pelican.settings["GOVUK_THEME"] = settings.merged(pelican.settings, local_names)


def add_generators(pelican):
    return [ThemeAssetsGenerator, SitePagesGenerator]


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {save_as.split("/")[0]: f"the {template} page" for template, save_as, _ in PAGES if "/" in save_as}


def register():
    """Brand the theme, load govuk-frontend-jinja macros, compile the assets.

    Merges GOVUK_THEME over its defaults, gives every generator's Jinja
    environment the GOV.UK macros and the theme's filters, compiles the
    stylesheet in the council's colour and copies the scripts, and writes
    the schools, guides and 404 pages.
    """
    signals.initialized.connect(merge_settings)
    signals.generator_init.connect(add_govuk_templates)
    signals.get_generators.connect(add_generators)
