"""Pelican settings for the SEND Local Offer generator.

They hold no council's details: everything that makes the site one
council's (its name, brand, contacts and local names) is in
``content/council.yaml``, and the site is named after it. Each plugin
merges its settings dict below over its own defaults.
"""

import os
import sys

# Plugins import each other and the build engine (plugins/build_engine) by
# name. Pelican finds plugins in PLUGIN_PATHS without putting that folder on
# the import path, so a plain `pelican` run needs this (tools/ adds it too).
_plugins = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
if _plugins not in sys.path:
    sys.path.insert(0, _plugins)

SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE = "fs"

PLUGIN_PATHS = ["plugins"]
# Plugins make their outputs in this order. local_offer first: the build
# engine's workers render its entry pages while the others work. open_data
# next (it checks the catalogue before anything else is written). search_index
# late: it needs more memory than any other plugin, so it waits for the
# workers to end, and the plugins before it keep the build busy meanwhile.
PLUGINS = ["local_offer", "open_data", "govuk_theme", "hosting", "glossary", "browse", "search_index", "you_said_we_did", "editor_config"]

# Response headers for static hosts that read a _headers file (Netlify,
# Cloudflare Pages); docs/hosting.md says how to set them elsewhere.
HOSTING = {
    "HEADERS": {
        "/*": {
            "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
        },
        # Open data may be read by other councils' and national directories' websites.
        "/openreferral/*": {"Access-Control-Allow-Origin": "*"},
        "/open-data/*": {"Access-Control-Allow-Origin": "*"},
        # The Decap CMS editor is an app, not a page for families: it talks to
        # GitHub's API, compiles its config schema (eval), runs WebAssembly and
        # injects its own styles. This replaces the policy above for /admin/
        # only, because a later rule's header replaces an earlier one.
        "/admin/*": {
            "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; connect-src 'self' https://api.github.com; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            "X-Robots-Tag": "noindex",
        },
    },
}

LOCAL_OFFER = {
    "ENTRY_URL": "services/{slug}/",
}

# Search, My list and the browse pages; families' words are in
# content/data/synonyms.yaml.
SEARCH = {
    "SEARCH_URL": "search/",
    "MY_LIST_URL": "my-list/",
    "BROWSE_URL": "browse/",
    "IAS_SLUG": "iass",
    "INDEX_DESCRIPTION": "auto",
}

# Editors' tools: review dates. The web editor at /admin/ saves to the
# repository the council file names (every change opens a pull request).
EDITOR = {
    "REVIEW_AFTER_MONTHS": 12,
}

# Open data: Open Referral UK files, downloads, feed and sitemap. The
# publisher's name, website and contacts, and the county of every address,
# come from the council file unless set here.
OPEN_DATA = {
    "LICENCE_NAME": "Open Government Licence v3.0",
    "LICENCE_URL": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "PAGE_SIZE": 50,
}

# "You said, we did": the build refuses feedback containing an email address,
# a UK phone number, a postcode or a title and name; add more patterns here.
# Each key completes the message "contains ... ('what was found')".
YOU_SAID_WE_DID = {
    "EXTRA_PATTERNS": {
        "an NHS number": r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b",
    },
}

# Information pages live at /<slug>/; the directory has its own generator.
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_PATHS = ["articles"]
STATIC_PATHS = ["images"]
READERS = {"html": None}
FORMATTED_FIELDS = []
SLUGIFY_SOURCE = "basename"

# Nothing here is a blog: no article, tag, category, author or archive pages.
DIRECT_TEMPLATES = ["index"]
INDEX_SAVE_AS = "index.html"
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None


# A build renders each template thousands of times and never edits one
# mid-build, so Jinja need not check the template files again on every use.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}
