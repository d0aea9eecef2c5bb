"""Give every template environment the GOV.UK Frontend macros and our helpers."""

from __future__ import annotations

from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from .filters import FILTERS, GLOBALS

# govuk-frontend-jinja's own templates import each other by this prefix.
GOVUK_LOADER = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")})


def add_govuk_templates(generator) -> None:
    """Pelican signal handler (generator_init)."""
    env = generator.env
    env.loader = ChoiceLoader([env.loader, GOVUK_LOADER])
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
