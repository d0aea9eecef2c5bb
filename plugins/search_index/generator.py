"""Writes the search index, the search page and the My list page."""

from __future__ import annotations

import logging
import shutil
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
        # Shared so that entry and browse pages can offer "Save to my list".
        self.context["search"] = {
            "url": search_url,
            "my_list_url": options["MY_LIST_URL"],
            "index": search_url + index_writer.INDEX_FILE,
            "documents": search_url + index_writer.STORE_FILE,
            "lunr": search_url + LUNR_FILE,
        }

    def generate_output(self, writer):
        options = search_settings(self.settings)
        catalogue = self.context["catalogue"]
        lunr_js = Path(options["LUNR_JS"])
        if not lunr_js.is_file():
            logger.error("%s is missing: run `make setup` (npm ci) to install lunr", lunr_js)
            return
        folder = Path(self.output_path) / self.context["search"]["url"]
        index_writer.write(
            folder,
            documents(catalogue, self.context.get("pages", []), self.synonyms),
            display_labels(catalogue.vocabularies, options),
            self.synonyms.expansions(),
            options,
        )
        shutil.copyfile(lunr_js, folder / LUNR_FILE)
        search = self.context["search"]
        values = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "filters": filters(catalogue.vocabularies, options),
            "ias": ias_entry(catalogue, options),
        }
        for url, template in ((search["url"], "search"), (search["my_list_url"], "my-list")):
            writer.write_file(url + "index.html", self.get_template(template), self.context, url=url, **values)
