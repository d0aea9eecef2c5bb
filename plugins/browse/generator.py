"""Writes the browse pages: one list of entries for every term of every facet.

They are plain HTML, so every entry can be reached by following links from
the home page, with or without JavaScript.

At county scale the pages hold every entry several times over, so a build
keeps each entry's rendered result and the terms it is filed under by the
entry's digest, takes a page from the previous build when the entries on it
(and the rest of the site) are the same as then, and renders the others. A
term's list is split into pages of ``BROWSE_PER_PAGE`` entries, so a phone
never downloads thousands of results at once.
"""

from __future__ import annotations

import build_engine
from build_engine import MISSING
from local_offer.filing import Filed, filing
from pelican.generators import Generator

from .facets import FACETS
from .pagination import paginate

# Merged under the SEARCH settings, which the browse pages share with search.
DEFAULTS = {"BROWSE_URL": "browse/", "BROWSE_PER_PAGE": 50}


def options(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("SEARCH", {})}


def setting_problem(merged: dict) -> str | None:
    """What is wrong with the merged settings, for the build and make check to say; None if nothing."""
    per_page = merged["BROWSE_PER_PAGE"]
    if type(per_page) is not int or per_page < 1:
        return f"SEARCH['BROWSE_PER_PAGE'] must be a whole number of entries, 1 or more, not {per_page!r}"
    return None


def guides_about(pages, term) -> list:
    return sorted((p for p in pages if term in p.checked.get("topics", [])), key=lambda p: p.title.casefold())


class BrowseGenerator(Generator):
    def generate_context(self):
        # Shared so that other pages (search, home) can link to every facet.
        self.options = options(self.settings)
        problem = setting_problem(self.options)
        if problem:
            raise ValueError(problem)
        self.context["browse"] = {"url": self.options["BROWSE_URL"], "facets": FACETS}

    def entries_filed(self) -> tuple[dict, dict, dict | None]:
        """{facet slug: {term id: [(entry, group)]}}, {facet slug: {group: how many entries}},
        and each entry's result HTML by slug (None with relative URLs).

        ``group`` is None for an entry chosen for the term, else the group
        (open to all, ages not known) it is listed under every term in.

        With relative URLs a result's links differ from page to page, so the
        template renders it on each page instead.
        """
        catalogue = self.context["catalogue"]
        relative = self.settings["RELATIVE_URLS"]
        cache = build_engine.of(self.settings).data_cache("browse", self.context["site_fingerprint"])
        known = {entry.digest: cache.get(entry.digest) for entry in catalogue.entries}
        missing = [entry for entry in catalogue.entries if known[entry.digest] is MISSING]
        if missing:
            result = self.env.get_template("components/result.html").module.entryResult
            siteurl, search = self.settings.get("SITEURL", ""), self.context.get("search")
            for entry in missing:
                html = None if relative else str(result(entry, siteurl, search))
                # Kept as plain tuples, which the next build reads back several times faster.
                filed = tuple((facet, *where) for facet, where in filing(entry, catalogue.vocabularies).items())
                known[entry.digest] = (html, filed)
                cache.put(entry.digest, known[entry.digest])
        filed = {f.slug: {term.id: [] for term in catalogue.vocabularies[f.vocabulary]} for f in FACETS}
        everywhere = {f.slug: dict.fromkeys((group_id for group_id, _ in f.groups), 0) for f in FACETS}
        results = {}
        for entry in catalogue.entries:
            results[entry.slug], filed_in = known[entry.digest]
            by_facet = {facet: Filed(terms, group) for facet, terms, group in filed_in}
            for facet in FACETS:
                where = by_facet[facet.slug]
                if where.group is not None:
                    everywhere[facet.slug][where.group] += 1
                for term_id in where.under(catalogue.vocabularies[facet.vocabulary]):
                    filed[facet.slug][term_id].append((entry, where.group_for(term_id)))
        return filed, everywhere, None if relative else results

    def generate_output(self, writer):
        # Every page lists entries from the whole catalogue, so the engine runs this in the build's own
        # process while the workers render entry pages (build_engine/build.py, run).
        build_engine.of(self.settings).run(self.write_pages, writer)

    def write_pages(self, writer) -> list[str]:
        """Every browse page, rendered or reused; returns them all."""
        base = self.context["browse"]["url"]
        catalogue = self.context["catalogue"]
        pages_of_site = self.context.get("pages", [])
        filed, everywhere, results = self.entries_filed()
        pages = []  # (save_as, template, values, inputs) of every page

        def add(url, inputs: str, template, **values):
            pages.append((url + "index.html", template, {"url": url, **values}, inputs))

        # Terms, guides and facets' wording are part of the rest of the site,
        # which the cache's fingerprint covers; what else a page shows is its inputs here.
        add(base, "", "browse")
        for facet in FACETS:
            facet_url = f"{base}{facet.slug}/"
            terms = []
            for term in catalogue.vocabularies[facet.vocabulary]:
                term_url = f"{facet_url}{term.id}/"
                listed = in_page_order(facet, filed[facet.slug][term.id])
                chosen = sum(group is None for _, group in listed)
                # Every page of a list in several groups names each group it shows, the first one too.
                several_groups = len({group for _, group in listed}) > 1
                terms.append({"term": term, "url": term_url, "count": chosen})
                for page in paginate(listed, self.options["BROWSE_PER_PAGE"], term_url):
                    # Each page shows where it is in the list and links to the others.
                    inputs = f"{page.number} {page.count} {page.total} {several_groups}\n" + "\n".join(
                        f"{group}:{entry.digest}" for entry, group in page.items
                    )
                    add(page.url, inputs, "browse-term", facet=facet, facet_url=facet_url, term=term,
                        groups=grouped(facet, page.items, results), count=page.total, list_page=page,
                        several_groups=several_groups,
                        guides=guides_about(pages_of_site, term) if facet.topic and page.number == 1 else [])
            # The facet page says how many entries every term also lists, by group.
            also = [(facet.group(group_id), n) for group_id, n in everywhere[facet.slug].items() if n]
            add(facet_url, " ".join(str(t["count"]) for t in terms + [{"count": n} for _, n in also]), "browse-facet",
                facet=facet, terms=terms, everywhere=also)
        return build_engine.of(self.settings).write_changed(self, writer, "browse", pages)


def in_page_order(facet, listed: list) -> list:
    """A term's ``(entry, group)`` pairs in the order its pages show them: those chosen for it, then each group's."""
    order = {group_id: place for place, (group_id, _) in enumerate(((None, None), *facet.groups))}
    return sorted(listed, key=lambda pair: order[pair[1]])


def grouped(facet, listed: list, results: dict | None) -> list[dict]:
    """One page's entries (in page order) under the heading of each group they are in."""
    groups = []
    for group_id, group in ((None, None), *facet.groups):
        entries = [entry for entry, filed_in in listed if filed_in == group_id]
        if entries:
            groups.append({
                "id": group_id,
                "heading": group.heading if group else None,
                "text": group.text if group else None,
                "entries": entries,
                "results": None if results is None else JoinedResults(results, entries),
            })
    return groups


class JoinedResults:
    """A term page's results, joined from each entry's result rendered before.

    Joined only when the page is rendered, so a page taken from the last build costs nothing.
    """

    def __init__(self, results: dict, entries: list):
        self.results = results
        self.entries = entries

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __html__(self) -> str:
        return "\n".join([self.results[entry.slug] for entry in self.entries])
