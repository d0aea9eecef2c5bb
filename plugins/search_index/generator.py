"""Writes the search index, the search page and the My list page."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from local_offer.generator import report
from local_offer.loading import display_path
from local_offer.yaml_source import ContentErrors
from pelican.generators import Generator

from . import index_writer
from .documents import PAGE_KIND, documents
from .settings import search_settings
from .synonyms import load as load_synonyms

logger = logging.getLogger(__name__)

LUNR_FILE = "lunr.min.js"


def read_synonyms(content_path: Path, settings: dict, vocabularies):
    path = content_path / search_settings(settings)["SYNONYMS"]
    return load_synonyms(path, display_path(path, content_path), vocabularies)


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
    """The service to phone when search finds nothing: the configured one, else the first."""
    entry = catalogue.by_slug.get(options["IAS_SLUG"])
    if entry is not None and entry.kind.id == "ias":
        return entry
    return next(iter(catalogue.of_kind("ias")), None)


class SearchGenerator(Generator):
    def generate_context(self):
        # Read here, not in generate_output, so a bad synonyms file stops the
        # build before any page is written.
        try:
            self.synonyms = read_synonyms(Path(self.path), self.settings, self.context["vocabularies"])
        except ContentErrors as exc:
            report(exc.errors)
            raise
        options = search_settings(self.settings)
        search_url = options["SEARCH_URL"]
        # Shared so that entry and browse pages can offer "Save to my list";
        # "version" is added once the search files are written.
        self.context["search"] = {
            "url": search_url,
            "my_list_url": options["MY_LIST_URL"],
            "lunr": search_url + LUNR_FILE,
            "page_size": options["RESULTS_PER_PAGE"],
        }

    def generate_output(self, writer):
        options = search_settings(self.settings)
        catalogue = self.context["catalogue"]
        lunr_js = Path(options["LUNR_JS"])
        if not lunr_js.is_file():
            logger.error("%s is missing: run `make setup` (npm ci) to install lunr", lunr_js)
            return
        started = time.perf_counter()
        pages = self.context.get("pages", [])
        fields = index_writer.indexed_fields(options, len(catalogue.entries) + len(pages))
        groups = filters(catalogue.vocabularies, options)
        files = index_writer.search_files(
            documents(catalogue, pages, self.synonyms, "description" in fields),
            fields,
            display_labels(catalogue.vocabularies, options),
            self.synonyms.expansions(),
            groups,
            options,
        )
        files[LUNR_FILE] = lunr_js.read_bytes()
        search = self.context["search"]
        search["version"] = index_writer.version(files)
        index_writer.write(Path(self.output_path) / search["url"], files)
        logger.debug("Search: %d files in %.2f s", len(files), time.perf_counter() - started)
        values = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "filters": groups,
            "ias": ias_entry(catalogue, options),
        }
        for url, template in ((search["url"], "search"), (search["my_list_url"], "my-list")):
            writer.write_file(url + "index.html", self.get_template(template), self.context, url=url, **values)
