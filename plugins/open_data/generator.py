"""The Pelican generator that publishes the directory as open data.

Everything is built from the validated catalogue the ``local_offer``
generator shares in the context, and written with sorted keys and no
timestamps, so two builds of the same content are byte-identical.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pelican.generators import Generator

from local_offer import parallel
from local_offer.generator import catalogue_of
from local_offer.yaml_source import ContentErrors

from .downloads import directory_csv, directory_json
from .feeds import entries_feed
from .oruk import OpenReferral, pages, status_problems
from .settings import options as open_data_options
from .structured_data import entry_data, site_data

logger = logging.getLogger(__name__)

# What the root document of the API says about the standard it follows.
ROOT_DOCUMENT = {
    "version": "3.0",
    "profile": "https://github.com/openreferral/uk-profile",
    "openapi_url": "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json",
}


def write_json(path: Path, data) -> None:
    # Compact: machines read these, and without indent json uses its C encoder,
    # which matters when a county directory writes tens of thousands of files.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


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
        self.context["entry_structured_data"] = lambda entry: entry_data(entry, self.options, siteurl)
        self.context["site_structured_data"] = site_data(self.options, self.settings)
        self.context["entries_feed_url"] = f"{siteurl}/{self.options['FEED_PATH']}"

    def generate_output(self, writer):
        catalogue = catalogue_of(self.context)
        problems = status_problems(catalogue, self.options)
        if problems:
            for problem in problems:
                logger.error("%s", problem)
            raise ContentErrors(problems)
        output = Path(self.output_path)
        siteurl = self.settings.get("SITEURL", "")
        oruk = OpenReferral(catalogue, self.options)
        base = self.options["OPENREFERRAL_PATH"]
        self.write_open_referral(output / base, oruk, catalogue)

        downloads = self.options["DOWNLOADS_PATH"]
        (output / downloads).mkdir(parents=True, exist_ok=True)
        (output / downloads / "directory.csv").write_text(directory_csv(catalogue, siteurl), encoding="utf-8-sig", newline="")
        write_json(output / downloads / "directory.json", directory_json(catalogue, siteurl))

        feed = output / self.options["FEED_PATH"]
        feed.parent.mkdir(parents=True, exist_ok=True)
        feed.write_bytes(entries_feed(
            catalogue,
            lambda vocabulary: f"{siteurl}/{base}/taxonomies/{catalogue.vocabularies[vocabulary].uuid}.json",
            self.settings,
            self.options,
        ))

        writer.write_file(
            f"{downloads}/index.html",
            self.get_template("open-data"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=f"{downloads}/",
            open_data=self.options,
            endpoints=endpoints(f"{siteurl}/{base}"),
            api_url=f"{siteurl}/{base}/",
            downloads_url=f"{siteurl}/{downloads}",
        )

    def write_open_referral(self, folder: Path, oruk: OpenReferral, catalogue) -> None:
        write_json(folder / "index.json", ROOT_DOCUMENT)
        self.write_list(folder, "services", [oruk.service_summary(e) for e in catalogue.entries])

        def write_service(entry):
            write_json(folder / "services" / f"{entry.id}.json", oruk.service(entry))
            for index in range(len(entry.locations or [])):
                item = {**oruk.service_at_location(entry, index), "service": oruk.service_summary(entry)}
                write_json(folder / "service_at_locations" / f"{item['id']}.json", item)

        (folder / "services").mkdir(parents=True, exist_ok=True)
        (folder / "service_at_locations").mkdir(parents=True, exist_ok=True)
        if parallel.run(catalogue.entries, write_service):
            logger.error("problems were logged while writing Open Referral services; see above")

        names = oruk.organization_names()
        self.write_list(folder, "organizations", [oruk.organization_summary(n) for n in names])
        for name in names:
            organization = oruk.organization(name)
            write_json(folder / "organizations" / f"{organization['id']}.json", organization)

        self.write_list(folder, "service_at_locations", oruk.services_at_locations())

        self.write_list(folder, "taxonomies", [oruk.taxonomy(n, with_terms=False) for n in oruk.taxonomy_names])
        for taxonomy in oruk.taxonomies():
            write_json(folder / "taxonomies" / f"{taxonomy['id']}.json", taxonomy)

        terms = oruk.taxonomy_terms()
        self.write_list(folder, "taxonomy_terms", terms)
        for term in terms:
            write_json(folder / "taxonomy_terms" / f"{term['id']}.json", term)

    def write_list(self, folder: Path, name: str, items: list) -> None:
        """Page 1 at <name>.json (the API path without a query) and every page at <name>/page-N.json."""
        numbered = pages(items, self.options["PAGE_SIZE"])
        write_json(folder / f"{name}.json", numbered[0])
        for page in numbered:
            write_json(folder / name / f"page-{page['page_number']}.json", page)
