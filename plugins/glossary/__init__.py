"""Abbreviations explained where families meet them.

The glossary page (``content/pages/glossary.md``) has one ``### Term (ABBR)``
heading per term. On every other information page, and in entry
descriptions through the ``abbreviations`` template filter, the first use of
each abbreviation becomes ``<abbr title="...">`` linked to its heading.
The glossary itself gets a letter heading before each letter's terms.
"""

from __future__ import annotations

import logging

from markupsafe import Markup
from pelican import signals

from .terms import Glossary, letter_headings, read_glossary

logger = logging.getLogger(__name__)

DEFAULTS = {"SLUG": "glossary"}


def settings_for(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("GLOSSARY", {})}


def link_pages(generator) -> None:
    """Pelican signal handler (page_generator_finalized): read the glossary, expand the other pages."""
    slug = settings_for(generator.settings)["SLUG"]
    pages = generator.pages + generator.hidden_pages
    glossary = next((p for p in pages if p.slug == slug), None)
    if glossary is None:
        generator.context["glossary"] = Glossary([])
        return
    url = f"{generator.settings['SITEURL']}/{glossary.url}"
    terms = generator.context["glossary"] = Glossary(read_glossary(glossary._content, url))
    glossary._content = letter_headings(glossary._content)
    for page in pages:
        if page is not glossary and page._content:
            page._content = terms.expand(page._content)


def add_filter(generator) -> None:
    """Pelican signal handler (generator_init): the ``abbreviations`` filter for entry text."""
    context = generator.context
    no_terms = Glossary([])
    generator.env.filters["abbreviations"] = lambda html: Markup(context.get("glossary", no_terms).expand(str(html)))


def register():
    """Expand abbreviations on information pages and give templates the filter for entries."""
    signals.page_generator_finalized.connect(link_pages)
    signals.generator_init.connect(add_filter)
