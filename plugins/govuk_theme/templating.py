"""Give every template environment the GOV.UK Frontend macros and our helpers."""

from __future__ import annotations

import json

from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from .filters import FILTERS, GLOBALS

# govuk-frontend-jinja's own templates import each other by this prefix.
GOVUK_LOADER = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")})


def memoizer():
    """A ``{% call memoized(key...) %}…{% endcall %}`` helper that renders its body once per key.

    Every page has the same header and footer but for which menu item is
    current; at county scale rendering them once per build, not once per
    page, saves seconds. The key must name everything the body depends on.
    """
    rendered = {}

    def memoized(*key, caller):
        name = json.dumps(key, sort_keys=True, default=str)
        if name not in rendered:
            rendered[name] = caller()
        return rendered[name]

    return memoized


def add_govuk_templates(generator) -> None:
    """Pelican signal handler (generator_init)."""
    env = generator.env
    env.loader = ChoiceLoader([env.loader, GOVUK_LOADER])
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    env.globals["memoized"] = memoizer()
