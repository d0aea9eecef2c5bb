"""Writes the search index, the search page and the My list page."""

from __future__ import annotations

import logging
import time
from operator import attrgetter
from pathlib import Path

import build_engine
from build_engine import MISSING, digest
from local_offer.generator import report
from local_offer.loading import display_path
from local_offer.yaml_source import ContentErrors
from pelican.generators import Generator

from . import index_writer
from .best_bets import load as load_best_bets
from .documents import PAGE_KIND, Describer, Prepared, prepare, texts
from .index_builder import Analyser, start_lunr
from .query_vocabulary import best_bet_urls, common_answers, query_vocabulary
from .settings import search_settings
from .synonyms import load as load_synonyms

logger = logging.getLogger(__name__)

LUNR_FILE = "lunr.min.js"


def read_synonyms(content_path: Path, settings: dict, vocabularies):
    path = content_path / search_settings(settings)["SYNONYMS"]
    return load_synonyms(path, display_path(path, content_path), vocabularies)


def read_best_bets(content_path: Path, settings: dict, vocabularies, slugs: set, synonyms):
    path = content_path / search_settings(settings)["BEST_BETS"]
    return load_best_bets(path, display_path(path, content_path), vocabularies, slugs, synonyms.ignore)


def display_labels(vocabularies, options: dict) -> dict:
    """Plain-English names the browser shows for each id in a result."""
    labels = {name: {t.id: t.label for t in vocabularies[name]} for name in ("needs", "categories", "age_bands")}
    labels["kinds"] = {t.id: t.label for t in vocabularies["kinds"]}
    labels["kinds"][PAGE_KIND] = options["PAGE_LABEL"]
    return labels


def filters(vocabularies, options: dict) -> list:
    """The search page's checkbox groups: URL parameter, legend and one item per term."""
    def items(vocabulary):
        return [{"value": t.id, "text": t.get("plural") or t.label} for t in vocabularies[vocabulary]]

    return [
        {"name": "age", "legend": "Age", "items": items("age_bands")},
        {"name": "need", "legend": "Need", "items": items("needs")},
        {"name": "category", "legend": "Type of help", "items": items("categories")},
        {"name": "kind", "legend": "Kind of support", "items": [*items("kinds"), {"value": PAGE_KIND, "text": options["PAGE_PLURAL"]}]},
    ]


def ias_entry(catalogue, options: dict):
    """The service to phone when search finds nothing: the configured one, else the first of a kind that gives advice."""
    entry = catalogue.by_slug.get(options["IAS_SLUG"])
    if entry is not None and entry.kind.get("advice"):
        return entry
    return next((e for e in catalogue.entries if e.kind.get("advice")), None)


class SearchGenerator(Generator):
    def generate_context(self):
        # Read here, not in generate_output, so a bad synonyms file stops the
        # build before any page is written.
        try:
            self.synonyms = read_synonyms(Path(self.path), self.settings, self.context["vocabularies"])
            catalogue, pages = self.context["catalogue"], self.context.get("pages", [])
            slugs = {entry.slug for entry in catalogue.entries} | {page.slug for page in pages}
            bets = read_best_bets(Path(self.path), self.settings, self.context["vocabularies"], slugs, self.synonyms)
            self.best_bets = best_bet_urls(bets, catalogue, pages)
            self.answers = common_answers(bets, catalogue, pages)
        except ContentErrors as exc:
            report(exc.errors)
            raise
        options = search_settings(self.settings)
        # A rebuild has few new words, and lunr.js's own start is most of the
        # time it takes over them: started now, it is ready by the time they
        # are known. A first build starts it then, so as not to hold its
        # memory meanwhile.
        self.lunr = start_lunr(options["LUNR_JS"]) if build_engine.of(self.settings).previous else None
        search_url = options["SEARCH_URL"]
        # Shared so that entry and browse pages can offer "Save to my list";
        # "version" is added (by write_files, below) once the search files are made.
        self.context["search"] = {
            "url": search_url,
            "my_list_url": options["MY_LIST_URL"],
            "lunr": search_url + LUNR_FILE,
            "page_size": options["RESULTS_PER_PAGE"],
        }

    def prepared(self, fields: tuple) -> list:
        """Every entry and information page as the search files need it, A to Z.

        An entry's terms, record and facets depend on nothing but its own
        file and the rest of the site (the vocabularies, the synonyms, this
        code), so they are kept between builds by the entry's digest.
        """
        catalogue = self.context["catalogue"]
        describe = Describer(catalogue.vocabularies, self.synonyms, "description" in fields)
        engine = build_engine.of(self.settings)
        texts_cache = engine.data_cache("search-terms", self.context["site_fingerprint"])
        analyse = Analyser(search_settings(self.settings)["LUNR_JS"], self.synonyms.keep_whole, texts_cache, self.lunr)
        self.lunr = None
        try:
            cache = engine.data_cache("search", digest(self.context["site_fingerprint"], *fields), kind=Prepared)
            known = {entry.digest: cache.get(entry.digest) for entry in catalogue.entries}
            new = [describe.entry(entry) for entry in catalogue.entries if known[entry.digest] is MISSING]
            new += [describe.page(page) for page in self.context.get("pages", [])]
            # Every new word goes to lunr.js in one call.
            analyse.learn(text for document in new for text in texts(document, fields))
        finally:
            analyse.close()
        made = iter(prepare(document, fields, analyse) for document in new)
        found = []
        for entry in catalogue.entries:
            item = known[entry.digest]
            if item is MISSING:
                item = next(made)
                cache.put(entry.digest, item)
            found.append(item)
        found += list(made)
        return sorted(found, key=attrgetter("order"))

    def generate_output(self, writer):
        options = search_settings(self.settings)
        catalogue = self.context["catalogue"]
        lunr_js = Path(options["LUNR_JS"])
        if not lunr_js.is_file():
            logger.error("%s is missing: run `make setup` (npm ci) to install lunr", lunr_js)
            return
        fields = index_writer.indexed_fields(options, len(catalogue.entries) + len(self.context.get("pages", [])))
        # Preparing, scoring, encoding and compressing the index reads the
        # whole catalogue, so the engine runs it in the build's own process
        # (build_engine/build.py, run); it needs more memory than any other
        # output, so only once the workers rendering entry pages have ended.
        # It also writes the two pages that name the files' version.
        build_engine.of(self.settings).run(self.write_files, writer, fields, options, alone=True)

    def write_files(self, writer, fields: tuple, options: dict) -> list:
        """The search files, then the search and My list pages that name their version (which it returns)."""
        engine = build_engine.of(self.settings)
        started = time.perf_counter()
        prepared = self.prepared(fields)
        catalogue = self.context["catalogue"]
        groups = filters(catalogue.vocabularies, options)
        data = index_writer.search_data(
            prepared,
            fields,
            display_labels(catalogue.vocabularies, options),
            query_vocabulary(self.synonyms, catalogue.vocabularies, self.best_bets),
            groups,
            options,
        )
        data[LUNR_FILE] = Path(options["LUNR_JS"]).read_bytes()
        known = engine.data_cache("search-files", self.context["site_fingerprint"])
        files = index_writer.SearchFiles(data, known)
        search = self.context["search"]
        search["version"] = index_writer.version(files.digests)
        # Files made from the same bytes as last time, with their costly
        # compressed copies, are taken from the previous build.
        cache = engine.output_cache("search", self.context["site_fingerprint"])
        written = index_writer.write(
            Path(self.output_path) / search["url"], files, lambda path, hashed: cache.reuse(search["url"] + path, hashed)
        )
        logger.info(
            "Search: %d files and copies written, %d reused, in %.2f s",
            written, 3 * len(files.digests) - written, time.perf_counter() - started,
        )
        values = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "filters": groups,
            "ias": ias_entry(catalogue, options),
            "answers": self.answers,
        }
        pages = []
        for url, template in ((search["url"], "search"), (search["my_list_url"], "my-list")):
            writer.write_file(url + "index.html", self.get_template(template), self.context, url=url, **values)
            pages.append(url + "index.html")
        return pages
