"""The Pelican generator that publishes the directory.

It loads and validates the catalogue once, shares it with every other
plugin through the generator context, and writes one page per entry (the
theme writes the A to Z list of every entry).
"""

from __future__ import annotations

import logging
import os
from collections import ChainMap
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from . import parallel
from .loading import display_path, load_catalogue
from .output_cache import OutputCache, site_fingerprint, write_new
from .pages import check_page, slug_line
from .sections import slug_problems
from .yaml_source import ContentErrors

logger = logging.getLogger(__name__)

# Caches of entry pages still being written; saved when the workers are done.
_caches: list = []


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
        try:
            catalogue = load_catalogue(Path(self.path), self.settings)
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
        content_path = Path(self.path)
        self.context["site_fingerprint"] = site_fingerprint(
            self.settings, content_path, content_path / catalogue.settings["ENTRIES"]
        )

    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        cache = OutputCache(self.settings, self.context["site_fingerprint"])
        jobs = [(entry, cache.unchanged(entry.save_as, entry.digest)) for entry in catalogue.entries]
        template = self.get_template("entry")

        def write(job):
            entry, unchanged = job
            if unchanged and cache.link(entry.save_as):
                return
            writer_context = page_context(self.context, entry.save_as, self.settings["RELATIVE_URLS"])
            path = os.path.join(self.output_path, entry.save_as)
            try:
                os.mkdir(os.path.dirname(path))  # an entry's own folder, in the usual case
            except OSError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
            write_new(path, template.render(writer_context, entry=entry))

        # At county scale, worker processes render changed pages and link
        # unchanged ones (ten thousand folders to make) while the other
        # plugins build the rest of the site; finish_entry_pages collects them.
        # Linking unchanged pages is quick, so a rebuild that renders few
        # leaves the other cores to the plugins' workers.
        rendered = sum(not unchanged for _, unchanged in jobs)
        few = rendered < parallel.MIN_PAGES_PER_WORKER
        if not parallel.start(jobs, write, 1 if few else catalogue.settings["WORKERS"], light=few):
            for job in jobs:
                write(job)
        for entry in catalogue.entries:
            # Pages written in worker processes, or reused, are announced here,
            # where other plugins (the sitemap) listen.
            signals.content_written.send(
                str(Path(self.output_path) / entry.save_as), context=ChainMap({"entry": entry}, self.context)
            )
        _caches.append(cache)
        logger.info("Entry pages: rendering %d, reusing %d unchanged", rendered, len(jobs) - rendered)


def finish_entry_pages(pelican) -> None:
    """Pelican signal handler (finalized): wait for the entry-page workers, then record the cache."""
    problems = parallel.wait_all()
    if problems:
        logger.error("%d problem(s) were logged while writing entry pages; see above", problems)
    for cache in _caches:
        cache.save()
    _caches.clear()


def page_context(context: dict, save_as: str, relative_urls: bool) -> dict:
    """What Pelican's writer gives a template for the page at ``save_as``."""
    local = {**context, "output_file": save_as, "localsiteurl": context.get("localsiteurl")}
    if relative_urls:
        local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(save_as))
    return local
