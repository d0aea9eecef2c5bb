"""Writes the editors' tools into the site and warns about overdue reviews.

``schemas/*.json`` for editors' YAML tools, and ``admin/``: Decap CMS and
the ``yaml`` library (copied from node_modules at build time, never
committed), the admin app's own modules from ``admin/`` and a configuration
generated from the content model.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
from pathlib import Path

import build_engine
import yaml
from pelican.generators import Generator

from local_offer.dates import today
from local_offer.fieldtypes import List
from local_offer.loading import settings_for as local_offer_settings
from local_offer.schema import PAGE

from . import decap, review
from .schemas import all_schemas
from .settings import settings_for

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
ADMIN = Path(__file__).with_name("admin")
# The yaml package's browser build (ES modules), which admin/yaml-format.mjs uses.
YAML_DIST = ROOT / "node_modules" / "yaml" / "browser" / "dist"


def decap_files(dist: Path) -> list[Path]:
    """The Decap bundle and the chunks and WebAssembly it loads on demand, without source maps."""
    return [dist / "decap-cms.js", *sorted(dist.glob("*.decap-cms.js")), *sorted(dist.glob("*.wasm"))]


class EditorGenerator(Generator):
    def generate_output(self, writer):
        options = settings_for(self.settings)
        catalogue = self.context["catalogue"]
        self.warn_overdue(catalogue.entries, options["REVIEW_AFTER_MONTHS"])
        output = Path(self.output_path)
        # Made from the content model, the vocabularies, the sources, the
        # council file, the settings and Decap, which the site's fingerprint
        # covers, and from the entries families can ask, which it leaves out:
        # a rebuild that changes none of them takes them from the previous output.
        named = decap.references(catalogue)
        fingerprint = build_engine.digest(self.context["site_fingerprint"], json.dumps(list(named.values())))
        files = build_engine.of(self.settings).output_cache("editor", fingerprint)
        if files.reuse_all():
            return
        for folder in ("schemas", "admin"):
            # Whatever was linked from the previous output must not be written through.
            shutil.rmtree(output / folder, ignore_errors=True)
        site_url = self.settings.get("SITEURL", "")
        self.write_schemas(output / "schemas", catalogue.vocabularies, f"{site_url}/schemas/")
        self.write_admin(output / "admin", options, catalogue.vocabularies, site_url, named)
        for path in sorted(output.glob("schemas/*")) + sorted(output.glob("admin/**/*")):
            if path.is_file():
                files.record(path.relative_to(output).as_posix())

    def warn_overdue(self, entries, months: int) -> None:
        for entry in review.overdue(entries, today(), months):
            # Advisory: shown in the build log without stopping publication.
            logger.warning("%s", review.describe(entry, months), extra={"advisory": True})

    def write_schemas(self, folder: Path, vocabularies, base_url: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, schema in all_schemas(vocabularies, base_url).items():
            (folder / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def write_admin(self, folder: Path, options: dict, vocabularies, site_url: str, named: dict) -> None:
        dist = ROOT / options["DECAP_DIST"]
        if not (dist / "decap-cms.js").is_file():
            logger.error("%s/decap-cms.js is missing; run make setup to install Decap CMS from npm", options["DECAP_DIST"])
            return
        if not (YAML_DIST / "index.js").is_file():
            logger.error("node_modules/yaml is missing; run make setup to install it from npm")
            return
        folder.mkdir(parents=True, exist_ok=True)
        for path in decap_files(dist):
            shutil.copyfile(path, folder / path.name)
        # The admin app's own modules, and the yaml library they import.
        for path in ADMIN.glob("*.mjs"):
            shutil.copyfile(path, folder / path.name)
        shutil.copytree(YAML_DIST, folder / "yaml")
        shutil.copyfile(YAML_DIST.parents[1] / "LICENSE", folder / "yaml" / "LICENSE")
        council_file = local_offer_settings(self.settings)["COUNCIL"]
        settings = decap.config(options, vocabularies, site_url, named, council_file)
        css = self.context.get("theme_assets", {}).get("css", "")
        values = {
            "list_fields": ",".join(f.name for f in PAGE.fields if isinstance(f.type, List)),
            "preview_style": f"{site_url}/{css}" if css else "",
            "collections": json.dumps(decap.preview_settings(settings, vocabularies, self.settings["COUNCIL"]["area"])),
            "site_name": self.settings["SITENAME"],
        }
        page = (ADMIN / "index.html").read_text(encoding="utf-8")
        for name, value in values.items():
            page = page.replace("{" + name + "}", html.escape(value))
        (folder / "index.html").write_text(page, encoding="utf-8")
        # libyaml's emitter: the same text as yaml.safe_dump, several times faster.
        text = "# Made by the build from the content model; do not edit.\n" + yaml.dump(
            settings, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=120
        )
        (folder / "config.yml").write_text(text, encoding="utf-8")
