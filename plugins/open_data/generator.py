"""The Pelican generator that publishes the directory as open data.

Everything is built from the validated catalogue the ``local_offer``
generator shares in the context, and written with sorted keys and no
timestamps, so two builds of the same content are byte-identical.

A rebuild after an editor changes one entry redoes that entry's share: what
each entry adds to the files that list every entry (``Pieces``) is kept
between builds by the entry's digest, and each per-id file is linked from
the previous output while everything it was made from is unchanged.
"""

from __future__ import annotations

import logging
import math
import tempfile
from pathlib import Path

import build_engine
from build_engine import MISSING, digest, write_new
from pelican.generators import Generator

from local_offer.generator import catalogue_of
from local_offer.yaml_source import ContentErrors

from .downloads import Spreadsheet, json_record
from .feeds import FeedItems, entries_feed, newest_first
from .json_text import array, encode, filled, holed, joined
from .oruk import OpenReferral, pages, service, status_problems
from .pieces import Pieces
from .settings import options as open_data_options
from .sitemap import PAGES, write_sitemap
from .structured_data import entry_data, script_json, site_data

logger = logging.getLogger(__name__)

# What the root document of the API says about the standard it follows.
ROOT_DOCUMENT = {
    "version": "3.0",
    "profile": "https://github.com/openreferral/uk-profile",
    "openapi_url": "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json",
}


def endpoints(base: str) -> list[dict]:
    """The Open Referral UK API paths and the static file each one is published as.

    Static hosts cannot read query strings or route paths, so each request
    the API would answer becomes a file; ``link`` marks the ones with no
    placeholder in them, which the Open data page can link to.
    """
    listed = [
        {"api": "/", "file": f"{base}/index.json", "what": "Which version of the standard this is"},
        {"api": "/services", "file": f"{base}/services.json", "what": "The first page of the list of services"},
        {"api": "/services?page=N", "file": f"{base}/services/page-N.json", "what": "Page N of the list of services (the other lists work the same way)"},
        {"api": "/services/{id}", "file": f"{base}/services/{{id}}.json", "what": "Everything about one service"},
        {"api": "/service_at_locations", "file": f"{base}/service_at_locations.json", "what": "Where each service happens"},
        {"api": "/service_at_locations/{id}", "file": f"{base}/service_at_locations/{{id}}.json", "what": "One service at one place"},
        {"api": "/organizations", "file": f"{base}/organizations.json", "what": "The organisations that run the services"},
        {"api": "/organizations/{id}", "file": f"{base}/organizations/{{id}}.json", "what": "One organisation and its services"},
        {"api": "/taxonomies", "file": f"{base}/taxonomies.json", "what": "Our lists of needs, types of help and other terms"},
        {"api": "/taxonomies/{id}", "file": f"{base}/taxonomies/{{id}}.json", "what": "One list, with all its terms"},
        {"api": "/taxonomy_terms", "file": f"{base}/taxonomy_terms.json", "what": "Every term in every list"},
        {"api": "/taxonomy_terms/{id}", "file": f"{base}/taxonomy_terms/{{id}}.json", "what": "One term"},
    ]
    return [{**e, "link": "{" not in e["file"] and "page-N" not in e["file"]} for e in listed]


class OpenDataGenerator(Generator):
    def generate_context(self):
        self.options = open_data_options(self.settings)
        siteurl = self.settings.get("SITEURL", "")
        # Templates call these to emit JSON-LD data blocks.
        self.context["entry_structured_data"] = lambda entry: script_json(entry_data(entry, self.options, siteurl))
        self.context["site_structured_data"] = site_data(self.options, self.settings)
        self.context["entries_feed_url"] = f"{siteurl}/{self.options['FEED_PATH']}"
        # The sitemap lists every page announced from here on, once the last is written.
        self.context[PAGES] = set()
        build_engine.of(self.settings).when_done(
            lambda: write_sitemap(self.context, self.settings, self.output_path)
        )

    def generate_output(self, writer):
        catalogue = catalogue_of(self.context)
        problems = status_problems(catalogue, self.options)
        if problems:
            for problem in problems:
                logger.error("%s", problem)
            raise ContentErrors(problems)
        # These files read the whole catalogue, so the engine runs this in the build's own process
        # while the workers render entry pages (build_engine/build.py, run).
        build_engine.of(self.settings).run(self.write_files, writer, catalogue)

    def write_files(self, writer, catalogue) -> str:
        """The Open Referral API, the downloads, the feed and the Open data page (which it returns)."""
        engine = build_engine.of(self.settings)
        output = Path(self.output_path)
        siteurl = self.settings.get("SITEURL", "")
        base = self.options["OPENREFERRAL_PATH"]
        downloads = self.options["DOWNLOADS_PATH"]
        fingerprint = self.context["site_fingerprint"]
        oruk = OpenReferral(catalogue, self.options)
        spreadsheet = Spreadsheet(catalogue.vocabularies, siteurl)
        schemes = {name: f"{siteurl}/{base}/taxonomies/{v.uuid}.json" for name, v in catalogue.vocabularies.items()}
        feed_items = FeedItems(schemes, siteurl)

        cache = engine.data_cache("open-data", fingerprint, kind=Pieces)
        files = engine.output_cache("open-data", fingerprint)
        folder = output / base
        for name in ("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        organizations = {name: oruk.organization_summary(name) for name in oruk.organization_names()}
        summaries = {name: joined(fields) for name, fields in organizations.items()}
        services = ServiceFiles(folder, base, files, summaries)
        # Each entry's files, and its share of the downloads, are written as it
        # comes. Only what the files written after every entry need is kept:
        # its summary, for its organisation's file and the lists, and its feed
        # item, which waits in a temporary file until the feed (every entry,
        # newest first) is written.
        kept, feed_items_at = {}, {}
        (output / downloads).mkdir(parents=True, exist_ok=True)
        feed = output / self.options["FEED_PATH"]
        feed.parent.mkdir(parents=True, exist_ok=True)
        with open(output / downloads / "directory.csv", "w", encoding="utf-8-sig", newline="") as table, \
                open(output / downloads / "directory.json", "w", encoding="utf-8") as listing, \
                tempfile.TemporaryFile() as waiting_items:
            table.write(spreadsheet.heading())
            listing.write("[")
            for number, entry in enumerate(catalogue.entries):
                found, parts = cache.get(entry.digest), None
                if found is MISSING:
                    parts = oruk.service_parts(entry)
                    found = Pieces(
                        holed(parts.summary, "organization"),
                        [(p.id, holed({**p.fields, "location": p.listed_location}, "service")) for p in parts.places],
                        spreadsheet.row(entry),
                        json_record(entry, siteurl),
                        feed_items.item(entry),
                    )
                    cache.put(entry.digest, found)
                kept[entry] = found.summary
                feed_items_at[entry] = waiting_items.tell(), waiting_items.write(found.feed_item.encode())
                table.write(found.csv_row)
                listing.write(("," if number else "") + found.json_record)
                services.add(entry, found, parts or (lambda entry=entry: oruk.service_parts(entry)))
            listing.write("]\n")
            newest = newest_first(catalogue.entries)
            with open(feed, "w", encoding="utf-8", newline="") as file:
                items = (read_back(waiting_items, *feed_items_at[e]) for e in newest)
                file.writelines(entries_feed(items, newest, self.settings, self.options))
        self.write_list(folder, "services", services.summaries, (files, services.summary_keys))
        self.write_list(folder, "service_at_locations", services.listed_places, (files, services.place_keys))
        self.write_open_referral(output, base, oruk, kept, files, organizations, summaries, services)

        page = f"{downloads}/index.html"
        writer.write_file(
            page,
            self.get_template("open-data"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=f"{downloads}/",
            open_data=self.options,
            endpoints=endpoints(f"{siteurl}/{base}"),
            api_url=f"{siteurl}/{base}/",
            downloads_url=f"{siteurl}/{downloads}",
        )
        return page

    def write_open_referral(self, output, base, oruk, kept, files, organizations, summaries, services) -> None:
        """The rest of the API: organisations (whose files are reused while their inputs are unchanged) and taxonomies."""
        folder = output / base
        write_new(folder / "index.json", encode(ROOT_DOCUMENT) + "\n")
        written, reused = services.written, services.reused
        self.write_list(folder, "organizations", list(summaries.values()))
        for name, fields in organizations.items():
            run = oruk.runs[name]
            save_as = f"{base}/organizations/{oruk.organization_id(name)}.json"
            if files.reuse(save_as, digest(summaries[name], *(e.digest for e in run))):
                reused += 1
            else:
                # Summaries, not full services: the council's own file would otherwise
                # repeat most of the directory (each full service is at /services/{id}).
                listed = array(filled(kept[e], None) for e in run)
                write_new(output / save_as, joined({**fields, "services": listed}) + "\n")
                written += 1
        logger.info("Open Referral files: writing %d, reusing %d unchanged", written, reused)

        self.write_list(folder, "taxonomies", [oruk.taxonomy(n, with_terms=False) for n in oruk.taxonomy_names])
        for taxonomy_id, text in oruk.taxonomies():
            write_new(folder / "taxonomies" / f"{taxonomy_id}.json", text + "\n")
        terms = oruk.taxonomy_terms()
        self.write_list(folder, "taxonomy_terms", [text for _, text in terms])
        for term_id, text in terms:
            write_new(folder / "taxonomy_terms" / f"{term_id}.json", text + "\n")

    def write_list(self, folder: Path, name: str, items, reuse=None) -> None:
        """Page 1 at <name>.json (the API path without a query) and every page at <name>/page-N.json.

        With ``reuse`` (the output cache, and each item's inputs' digest), a
        page after the first is taken from the previous output while its
        items' inputs and the list's length are unchanged: the lists of
        services and places run to tens of megabytes, and an editor's change
        to one entry changes one page of each.
        """
        size = self.options["PAGE_SIZE"]
        reused = set()
        if reuse is not None:
            files, keys = reuse
            for number in range(2, math.ceil(len(items) / size) + 1):
                key = digest(str(len(items)), *keys[(number - 1) * size : number * size])
                if files.reuse(f"{self.options['OPENREFERRAL_PATH']}/{name}/page-{number}.json", key):
                    reused.add(number)
        for number, text in enumerate(pages(items, size, skip=reused), start=1):
            if number == 1:
                write_new(folder / f"{name}.json", text + "\n")
            if text is not None:
                write_new(folder / name / f"page-{number}.json", text + "\n")


def read_back(file, offset: int, size: int) -> str:
    """The text written to ``file`` at ``offset``."""
    file.seek(offset)
    return file.read(size).decode()


class Filled:
    """A list's items, each filled in (``json_text.filled``) only when a page of the list is made.

    So the lists of ten thousand services and their places, which repeat
    each service's summary, are never held whole. ``items`` are (text with
    holes, summary with a hole, organisation); a service's own item has no
    text with holes of its own (None).
    """

    def __init__(self, items: list):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, run: slice) -> list[str]:
        found = []
        for text, summary, organization in self.items[run]:
            service_summary = filled(summary, organization)
            found.append(service_summary if text is None else filled(text, service_summary))
        return found


class ServiceFiles:
    """Each service's own files and those of its places, written entry by entry; the lists' items, kept."""

    def __init__(self, folder: Path, base: str, files, organizations: dict):
        # A plain string: at county scale, joining twenty thousand paths with pathlib is a noticeable share of open data.
        self.folder, self.base, self.files, self.organizations = str(folder), base, files, organizations
        self.summaries, self.listed_places = Filled([]), Filled([])
        # What each item of those lists is made from, for reusing their pages.
        self.summary_keys, self.place_keys = [], []
        self.written = self.reused = 0

    def add(self, entry, piece: Pieces, parts) -> None:
        """``parts`` is the entry's ``ServiceParts``, or a function that makes them (only called if a file must be written)."""
        organization = self.organizations.get(entry.organization)
        self.summaries.items.append((None, piece.summary, organization))
        self.listed_places.items.extend((listed, piece.summary, organization) for _, listed in piece.places)
        # The summary of its organisation names its other services, so it is an input too.
        key = digest(entry.digest, organization or "")
        self.summary_keys.append(key)
        self.place_keys.extend(key for _ in piece.places)
        names = [f"services/{entry.id}.json", *(f"service_at_locations/{place[0]}.json" for place in piece.places)]
        missing = {name for name in names if not self.files.reuse(f"{self.base}/{name}", key)}
        self.written, self.reused = self.written + len(missing), self.reused + len(names) - len(missing)
        if not missing:
            return
        parts = parts() if callable(parts) else parts
        summary = filled(piece.summary, organization)
        if names[0] in missing:
            write_new(f"{self.folder}/{names[0]}", service(parts, organization) + "\n")
        for name, place in zip(names[1:], parts.places):
            if name in missing:
                text = joined({**place.fields, "location": place.location, "service": summary})
                write_new(f"{self.folder}/{name}", text + "\n")
