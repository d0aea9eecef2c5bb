"""Pages built from the whole directory rather than one file: the schools
comparison, the list of guides and the page-not-found page."""

from __future__ import annotations

from pelican.generators import Generator

PAGES = (
    # (template, save_as, url)
    ("schools", "schools/index.html", "schools/"),
    ("guides", "guides/index.html", "guides/"),
    ("404", "404.html", "404.html"),
)


class SitePagesGenerator(Generator):
    def generate_output(self, writer):
        for template, save_as, url in PAGES:
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
            )
