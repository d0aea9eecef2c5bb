"""The Pelican generator that publishes the directory.

It loads and validates the catalogue once, shares it with every other
plugin through the generator context, and writes one page per entry (the
theme writes the A to Z list of every entry).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import build_engine
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from . import loading
from .dates import today
from .loading import display_path, load_catalogue
from .pages import PageReader, check_page, slug_line
from .sections import slug_problems
from .source_text import read_bytes
from .yaml_source import ContentErrors

logger = logging.getLogger(__name__)

# Below this many pages to render, one worker links and renders them all,
# leaving the other cores to the rest of the build.
FEW_PAGES = 200


def catalogue_of(context):
    """The validated catalogue, for other plugins' generators."""
    return context["catalogue"]


def report(errors) -> None:
    for error in errors:
        logger.error("%s", error)


# Entry fields the entry page (theme/templates/entry.html) does not show,
# and why; tests/test_field_coverage.py checks the page shows every other.
LEFT_OUT = {
    "id": "a permanent id for open data; families find the page by its address",
    "keywords": "extra words for search to find, not text for families to read",
    "imported_from.id": "the other directory's own id, kept so that importing again replaces the entry",
    "imported_from.source": "shown as a link only when it is a web address; a file on the importing computer means nothing to families",
}


class DirectoryGenerator(Generator):
    def generate_context(self):
        engine = build_engine.of(self.settings)
        content_path = Path(self.path)
        vocabularies = content_path / loading.settings_for(self.settings)["VOCABULARIES"]
        # What a validated entry depends on besides its file: the software, the
        # code, the settings, the vocabularies and today (a date may not be in the future).
        fingerprint = engine.code_fingerprint(vocabularies.read_bytes(), today().isoformat())
        validated = engine.data_cache("entries", fingerprint)
        try:
            catalogue = load_catalogue(content_path, self.settings, validated, engine.map)
        except ContentErrors as exc:
            report(exc.errors)
            raise
        errors, slugs = [], []
        for page in self.context.get("pages", []) + self.context.get("hidden_pages", []):
            shown = display_path(page.source_path, self.path)
            data, problems = check_page(page.header_lines, shown, catalogue)
            errors += problems
            if "slug" in data:
                slugs.append((shown, slug_line(page.header_lines), data["slug"]))
            # The validated header (topics as Terms) for plugins that file pages by topic.
            page.checked = data
            page.related_entries = [catalogue.by_slug[slug] for slug in data["related"]]
        # As make check does: a page may not take an address the site writes itself.
        errors += slug_problems(slugs, catalogue.entries, self.settings)
        if errors:
            report(errors)
            raise ContentErrors(errors)
        self.context["catalogue"] = catalogue
        self.context["vocabularies"] = catalogue.vocabularies
        self.context["entries"] = catalogue.entries
        # What every page depends on besides the entries: outputs made from
        # one entry can be reused while this and the entry stay the same.
        self.context["site_fingerprint"] = engine.site_fingerprint(
            content_path, content_path / catalogue.settings["ENTRIES"]
        )

    def generate_output(self, writer):
        engine = build_engine.of(self.settings)
        catalogue = self.context["catalogue"]
        cache = engine.output_cache("entries", self.context["site_fingerprint"])
        # An unchanged entry's page is linked, so its worker is sent only the
        # page's path and the entry's place (to render it if the link fails).
        jobs = [
            (entry.save_as, number) if cache.unchanged(entry.save_as, entry.digest) else entry
            for number, entry in enumerate(catalogue.entries)
        ]
        template = self.get_template("entry")

        def write(job):
            entry = job
            if isinstance(job, tuple):
                save_as, number = job
                if cache.link(save_as):
                    return save_as
                entry = catalogue.entries[number]
            writer_context = page_context(self.context, entry.save_as, self.settings["RELATIVE_URLS"])
            path = os.path.join(self.output_path, entry.save_as)
            try:
                os.mkdir(os.path.dirname(path))  # an entry's own folder, in the usual case
            except OSError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
            build_engine.write_new(path, template.render(writer_context, entry=entry))
            return entry.save_as

        # Worker processes render changed pages and link unchanged ones (ten
        # thousand folders to make, at county scale) while the other plugins
        # build the rest of the site. Linking is quick, so a rebuild that
        # renders few pages gives them all to one worker.
        rendered = sum(not isinstance(job, tuple) for job in jobs)
        engine.start(self, write, jobs, split=rendered >= FEW_PAGES)
        logger.info("Entry pages: rendering %d, reusing %d unchanged", rendered, len(jobs) - rendered)


class KeptPageReader(PageReader):
    """``PageReader``, keeping what it made of each page between builds.

    A page's HTML and header depend on nothing but its file and the
    settings (the council's details among them), the code and the software,
    which the cache's fingerprint covers: a rebuild after an entry changed
    renders none of the information pages' Markdown again. A page with a
    problem is not kept, so its problem is reported every build.
    """

    kept = None

    def read(self, source_path):
        if self.kept is None:
            engine = build_engine.of(self.settings)
            self.kept = engine.data_cache("pages", engine.code_fingerprint())
        key = build_engine.digest(source_path, read_bytes(source_path))
        found = self.kept.get(key)
        if found is build_engine.MISSING:
            found = super().read(source_path)
            self.kept.put(key, found)
        return found


def use_page_reader(readers) -> None:
    """Pelican signal handler (readers_init): read .md files with KeptPageReader."""
    readers.reader_classes["md"] = KeptPageReader


def page_context(context: dict, save_as: str, relative_urls: bool) -> dict:
    """What Pelican's writer gives a template for the page at ``save_as``."""
    local = {**context, "output_file": save_as, "localsiteurl": context.get("localsiteurl")}
    if relative_urls:
        local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(save_as))
    return local
