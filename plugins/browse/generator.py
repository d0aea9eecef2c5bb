"""Writes the browse pages: one list of entries for every term of every facet.

They are plain HTML, so every entry can be reached by following links from
the home page, with or without JavaScript.
"""

from __future__ import annotations

from pelican.generators import Generator

from .facets import FACETS

DEFAULTS = {"BROWSE_URL": "browse/"}


def guides_about(pages, term) -> list:
    return sorted((p for p in pages if term in p.checked.get("topics", [])), key=lambda p: p.title.casefold())


class BrowseGenerator(Generator):
    def generate_context(self):
        # Shared so that other pages (search, home) can link to every facet.
        url = {**DEFAULTS, **self.settings.get("SEARCH", {})}["BROWSE_URL"]
        self.context["browse"] = {"url": url, "facets": FACETS}

    def generate_output(self, writer):
        base = self.context["browse"]["url"]
        catalogue = self.context["catalogue"]
        pages = self.context.get("pages", [])
        relative = self.settings["RELATIVE_URLS"]

        # Each entry is listed on several browse pages; render its result once.
        # (With relative URLs its links differ from page to page, so not then.)
        results = None
        if not relative:
            result = self.env.get_template("components/result.html").module.entryResult
            siteurl, search = self.settings.get("SITEURL", ""), self.context.get("search")
            results = {entry.slug: result(entry, siteurl, search) for entry in catalogue.entries}

        def write(url, template, **values):
            writer.write_file(url + "index.html", self.get_template(template), self.context,
                              relative_urls=relative, url=url, rendered_results=results, **values)

        write(base, "browse")
        for facet in FACETS:
            facet_url = f"{base}{facet.slug}/"
            terms = []
            for term in catalogue.vocabularies[facet.vocabulary]:
                term_url = f"{facet_url}{term.id}/"
                entries = facet.entries(catalogue, term)
                guides = guides_about(pages, term) if facet.topic else []
                terms.append({"term": term, "url": term_url, "count": len(entries)})
                write(term_url, "browse-term", facet=facet, facet_url=facet_url, term=term, entries=entries, guides=guides)
            write(facet_url, "browse-facet", facet=facet, terms=terms)
