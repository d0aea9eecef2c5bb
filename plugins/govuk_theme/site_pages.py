"""Pages built from the whole directory rather than one file: the schools
comparison, the list of guides and the page-not-found page."""

from __future__ import annotations

from pelican.generators import Generator

from local_offer.background_pages import write_in_background

PAGES = (
    # (template, save_as, url)
    ("schools", "schools/index.html", "schools/"),
    ("guides", "guides/index.html", "guides/"),
    ("404", "404.html", "404.html"),
)


class SitePagesGenerator(Generator):
    def generate_output(self, writer):
        write_in_background(self, writer, [(save_as, template, {"url": url}) for template, save_as, url in PAGES])
