"""Pages built from the whole directory rather than one file: the A to Z
of services, the schools comparison, the list of guides and the
page-not-found page."""

from __future__ import annotations

import build_engine
from pelican.generators import Generator

PAGES = (
    # (template, save_as, url)
    ("schools", "schools/index.html", "schools/"),
    ("guides", "guides/index.html", "guides/"),
    ("404", "404.html", "404.html"),
)


class SitePagesGenerator(Generator):
    def generate_output(self, writer):
        # The A to Z lists every entry; the engine runs this in the build's own process, as a worker
        # would copy most of the catalogue's memory (build_engine/build.py, run).
        build_engine.of(self.settings).run(self.write_pages, writer)

    def write_pages(self, writer) -> list[str]:
        """Every page here, rendered or reused; returns them all."""
        catalogue = self.context["catalogue"]
        # Besides the rest of the site (which the cache's fingerprint covers),
        # the A to Z shows every entry and the schools page the schools and ARPs.
        shown = {
            "entries": "\n".join(e.digest for e in catalogue.entries),
            "schools": "\n".join(e.digest for e in catalogue.entries if e.is_school),
        }
        index_url = catalogue.settings["ENTRY_URL"].split("{")[0]
        pages = [(index_url + "index.html", "entries", {"url": index_url}, shown["entries"])]
        pages += [(save_as, template, {"url": url}, shown.get(template, "")) for template, save_as, url in PAGES]
        return build_engine.of(self.settings).write_changed(self, writer, "site-pages", pages)
