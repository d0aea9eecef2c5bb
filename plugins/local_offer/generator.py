"""The Pelican generator that publishes the directory.

It loads and validates the catalogue once, shares it with every other
plugin through the generator context, and writes one page per entry plus
the A to Z list of every entry.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from .loading import load_catalogue
from .pages import check_page
from .yaml_source import ContentErrors

logger = logging.getLogger(__name__)


def catalogue_of(context):
    """The validated catalogue, for other plugins' generators."""
    return context["catalogue"]


def report(errors) -> None:
    for error in errors:
        logger.error("%s", error)


class DirectoryGenerator(Generator):
    def generate_context(self):
        try:
            catalogue = load_catalogue(Path(self.path), self.settings)
        except ContentErrors as exc:
            report(exc.errors)
            raise
        errors = []
        for page in self.context.get("pages", []) + self.context.get("hidden_pages", []):
            data, problems = check_page(page.source_path, self.path, catalogue)
            errors += problems
            # The validated header (topics as Terms) for plugins that file pages by topic.
            page.checked = data
            page.related_entries = [catalogue.by_slug[slug] for slug in data["related"]]
        if errors:
            report(errors)
            raise ContentErrors(errors)
        self.context["catalogue"] = catalogue
        self.context["vocabularies"] = catalogue.vocabularies
        self.context["entries"] = catalogue.entries

    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("entry")
        for entry in catalogue.entries:
            writer.write_file(entry.save_as, template, self.context, relative_urls=relative, entry=entry, url=entry.url)
        index_url = catalogue.settings["ENTRY_URL"].split("{")[0]
        writer.write_file(
            index_url + "index.html",
            self.get_template("entries"),
            self.context,
            relative_urls=relative,
            url=index_url,
        )
