"""Response headers for static hosts, written as a ``_headers`` file.

Netlify and Cloudflare Pages read ``_headers`` from the published folder;
``tools.serve`` reads it too, so the local site runs under the same
Content-Security-Policy as the published one. docs/hosting.md says how to
set the same headers on hosts that do not read the file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)

DEFAULTS = {"HEADERS": {}, "HEADERS_FILE": "_headers"}


def settings_for(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("HOSTING", {})}


def headers_file(headers: dict) -> str:
    """The Netlify/Cloudflare ``_headers`` format: a path, then indented 'Name: value' lines."""
    blocks = []
    for path, values in headers.items():
        lines = [path] + [f"  {name}: {value}" for name, value in values.items()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


class HeadersGenerator(Generator):
    def generate_output(self, writer):
        options = settings_for(self.settings)
        text = headers_file(options["HEADERS"])
        if text:
            Path(self.output_path, options["HEADERS_FILE"]).write_text(text, encoding="utf-8")


def add_generator(pelican):
    return HeadersGenerator


def register():
    """Write the HOSTING headers into the output folder as ``_headers``."""
    signals.get_generators.connect(add_generator)
