"""Give every template environment the GOV.UK Frontend macros and our helpers."""

from __future__ import annotations

from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from jinja2.filters import do_indent
from markupsafe import Markup

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
        # repr, not JSON: keys are built the same way on every page, and this runs on every page.
        name = repr(key)
        if name not in rendered:
            rendered[name] = caller()
        return rendered[name]

    return memoized


# What a template's ``x.name`` finds on a plain dict before its keys.
DICT_ATTRIBUTES = frozenset(dir(dict))


def dict_first_getattr(env):
    """``env.getattr`` answering ``params.rows`` on a plain dict without raising an exception first.

    GOV.UK macros read every option as ``params.name``; Jinja tries the
    attribute, catches the AttributeError and then takes the key, which at
    county scale is a large share of an entry page's rendering. A plain
    dict's only attributes are its type's, so looking those up first keeps
    Jinja's answer exactly.
    """
    undefined, generic = env.undefined, type(env).getattr

    def getattr(obj, attribute):
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return undefined(obj=obj, name=attribute)
        return generic(env, obj, attribute)

    return getattr


def indent(s, width=4, first=False, blank=False):
    """Jinja's ``indent`` filter, giving the same text without a Markup object for every line.

    GOV.UK macros indent the HTML of every summary-list row; on safe HTML
    Jinja makes, escapes and joins each line as Markup, which at county
    scale is a noticeable share of an entry page. Indenting safe HTML with
    spaces keeps it safe, so the plain text is indented and marked safe once.
    """
    if isinstance(s, Markup):
        return Markup(do_indent(str(s), str(width) if isinstance(width, str) else width, first, blank))
    return do_indent(s, width, first, blank)


def add_govuk_templates(generator) -> None:
    """Pelican signal handler (generator_init)."""
    env = generator.env
    env.getattr = dict_first_getattr(env)
    env.filters["indent"] = indent
    # Every build makes its environments afresh, so a template cannot change
    # under one; without this each page's imports and includes stat their files.
    env.auto_reload = False
    env.loader = ChoiceLoader([env.loader, GOVUK_LOADER])
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    env.globals["memoized"] = memoizer()
