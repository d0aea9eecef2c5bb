"""Pages built from the whole directory rather than one file: the schools
comparison, the list of guides and the page-not-found page."""

from __future__ import annotations

from pelican.generators import Generator

from local_offer.background_pages import write_changed

PAGES = (
    # (template, save_as, url)
    ("schools", "schools/index.html", "schools/"),
    ("guides", "guides/index.html", "guides/"),
    ("404", "404.html", "404.html"),
)


class SitePagesGenerator(Generator):
    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        # Besides the rest of the site, the schools page shows the schools and ARPs.
        shown = {"schools": "\n".join(e.digest for e in catalogue.of_kind("special_school") + catalogue.of_kind("arp"))}
        pages = [(save_as, template, {"url": url}, shown.get(template, "")) for template, save_as, url in PAGES]
        write_changed(self, writer, "site-pages", pages)
