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


def guides(pages) -> list:
    """Information pages in the order editors gave them, then by title."""
    return sorted(pages, key=lambda p: (p.checked.get("order", 10**6), p.title.casefold()))


class SitePagesGenerator(Generator):
    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        schools = [e for e in catalogue.entries if e.is_school]
        for template, save_as, url in PAGES:
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=url,
                schools=schools,
                guides=guides(self.context.get("pages", [])),
            )
