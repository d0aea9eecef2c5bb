"""The council-branded GOV.UK Frontend theme: macros, assets and site-wide pages."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from . import brand
from .assets import ThemeAssetsGenerator
from .site_pages import PAGES, SitePagesGenerator
from .templating import add_govuk_templates

logger = logging.getLogger(__name__)


SETTINGS_FILE = Path(__file__).resolve().parents[2] / "pelicanconf.py"


def merge_brand(pelican) -> None:
    """Fill in BRAND's defaults before any template sees it, and refuse an unreadable brand colour."""
    pelican.settings["BRAND"] = merged = brand.merged(pelican.settings)
    for problem in brand.problems(merged, SETTINGS_FILE):
        logger.error("%s", problem)


def add_generators(pelican):
    return [ThemeAssetsGenerator, SitePagesGenerator]


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {save_as.split("/")[0]: f"the {template} page" for template, save_as, _ in PAGES if "/" in save_as}


def register():
    """Brand the theme, load govuk-frontend-jinja macros, compile the assets.

    Merges BRAND over its defaults, gives every generator's Jinja environment
    the GOV.UK macros and the theme's filters, compiles the stylesheet and
    copies the scripts, and writes the schools, guides and 404 pages.
    """
    signals.initialized.connect(merge_brand)
    signals.generator_init.connect(add_govuk_templates)
    signals.get_generators.connect(add_generators)
