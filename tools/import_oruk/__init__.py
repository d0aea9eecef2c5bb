"""Import Open Referral UK 3.0 data as directory entries: ``make import SOURCE=...``.

    python -m tools.import_oruk SOURCE [--content content] [--into FOLDER] [--outside-area]

SOURCE is a JSON file, a folder of them, or a web address (a list is
followed page by page). Councils on Outpost, LocalGov Drupal, Open Place and
other Local Offers made with this generator publish this standard, so this
is their way in; a neighbour's feed brings in the provision outside the area
that local children use (``--outside-area`` marks each entry so).

Each service becomes one YAML file in ``content/services/`` (its kind's
folder, or ``--into`` a folder of its own that each import replaces) that
passes ``make check``, with ``imported_from`` saying where it came from
and the import itself as its source in ``content/data/sources.yaml``.
Terms go through ``content/data/oruk-mapping.yaml``. The report lists what
could not be mapped. A feed with any error (not JSON, a wrong type, a huge
string, a script or a ``javascript:`` link) writes nothing.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings

from editor_config.scaffold import slugify
from editor_config.settings import settings_for as editor_settings
from local_offer import yaml_source
from local_offer.loading import display_path, load_sources, load_vocabularies, settings_for, yaml_files
from local_offer.schema import ENTRY
from local_offer.validation import validate
from local_offer.yaml_source import ContentErrors, Mapping, Scalar
from open_data.import_mapping import load_mapping

from .. import ROOT
from . import feed
from .convert import Converter
from .provenance import import_source, with_source
from .write import entry_yaml, write_all


def _text(node, *path) -> str | None:
    for key in path:
        if not isinstance(node, Mapping) or key not in node.items:
            return None
        node = node.items[key][1]
    return node.text.strip() if isinstance(node, Scalar) else None


class Plan:
    """Where each entry goes, given the entries already in the content."""

    def __init__(self, content: Path, settings: dict, into: str | None):
        self.content = content
        self.root = content / settings_for(settings)["ENTRIES"]
        self.kind_folders = editor_settings(settings)["KIND_FOLDERS"]
        self.into = (self.root / into).resolve() if into else None
        self.errors: list[str] = []
        self.by_id: dict[str, tuple[Path, bool]] = {}
        self.stems: set[str] = set()
        self.slug_by_name: dict[str, str] = {}  # entries that stay, for an imported entry to ask
        self.replaced: list[Path] = []
        if self.into and not self.into.is_relative_to(self.root.resolve()):
            self.errors.append(f"--into {into}: must be a folder inside {display_path(self.root, content)}")
            return
        for inside in yaml_files(self.root) if self.root.exists() else []:
            path = (self.root / inside).resolve()
            root, _ = yaml_source.read(path)
            imported = _text(root, "imported_from", "source") is not None
            if self.into and path.is_relative_to(self.into):
                if not imported:
                    self.errors.append(f"{display_path(path, content)}: was not imported, and --into {into} would replace it; "
                                       "import into a folder of imported entries only")
                self.replaced.append(path)
                continue
            self.stems.add(path.stem)
            self.slug_by_name[_text(root, "name")] = _text(root, "slug") or path.stem
            if _text(root, "id"):
                self.by_id[_text(root, "id")] = (path, imported)

    def path_for(self, entry: dict, name: str) -> Path | None:
        known = self.by_id.get(entry.get("id", ""))
        if known:
            path, imported = known
            if not imported:
                self.errors.append(f"{name}: has the id of {display_path(path, self.content)}, which was not imported, "
                                   "so it is not replaced; remove one of them")
                return None
            return path
        folder = self.into or (self.root / self.kind_folders.get(entry["kind"], entry["kind"])).resolve()
        stem = base = slugify(name) or "service"
        number = 1
        while stem in self.stems:
            number += 1
            stem = f"{base}-{number}"
        self.stems.add(stem)
        return folder / f"{stem}.yaml"


def run(args) -> int:
    content = Path(args.content)
    settings = read_settings(args.settings)
    try:
        vocabularies = load_vocabularies(content, settings)
        mapping = load_mapping(content, vocabularies)
        sources = load_sources(content, settings, vocabularies)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        found = feed.read(args.source, args.max_pages)
    except feed.FeedError as exc:
        print(f"{exc}\n\nNothing was imported: the content is unchanged.", file=sys.stderr)
        return 1

    source_id, source = import_source(args.source, args.today)
    converter = Converter(mapping, vocabularies, args.today, args.outside_area, source_id)
    results = [converter.convert(item) for item in found]
    plan = Plan(content, settings, args.into)
    planned = [(plan.path_for(r.entry, r.name), r) for r in results if r.entry is not None and not r.errors]
    planned = [(path, result) for path, result in planned if path is not None]
    slug_by_name = {**plan.slug_by_name, **{result.name: path.stem for path, result in planned}}
    files = {}
    for path, result in planned:
        if slug_by_name.get(result.ask) not in (None, path.stem):
            result.entry["ask"] = slug_by_name[result.ask]
        text = entry_yaml(result.entry, ENTRY)
        shown = display_path(path, content)
        root, problems = yaml_source.read(path, shown, text.encode())
        if root is not None and not problems:
            _, _, problems = validate(root, ENTRY, shown, vocabularies)
        result.errors += [f"{p.field}: {p.message}" for p in problems]
        files[path] = (text, result)

    errors = [(r, r.errors) for r in results if r.errors]
    if errors or plan.errors:
        for result, problems in errors:
            print(f"{result.where} ({result.name}):", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
        for problem in plan.errors:
            print(problem, file=sys.stderr)
        count = sum(len(p) for _, p in errors) + len(plan.errors)
        print(f"\n{count} problem(s) found. Nothing was imported: the content is unchanged.", file=sys.stderr)
        return 1

    removed = [path for path in plan.replaced if path not in files]
    written = {path: text for path, (text, _) in files.items()}
    register = content / settings_for(settings)["SOURCES"]
    if files and source_id not in sources:
        written[register] = with_source(register.read_text(encoding="utf-8"), source_id, source)
    write_all(written, removed)
    report(args.source, content, files, results, removed)
    if register in written:
        print(f"\nEach entry names its source, {source_id}, added to {display_path(register, content)}: "
              "check who published the data there.")
    return 0


def report(source: str, content: Path, files: dict, results: list, removed: list) -> None:
    print(f"Imported {len(files)} of {len(results)} services from {source}:")
    for path, (_, result) in sorted(files.items()):
        print(f"  {display_path(path, content)}  {result.name}")
    for path in removed:
        print(f"  removed {display_path(path, content)}: no longer in the feed")
    for result in results:
        if result.skipped:
            print(f"  not imported: {result.name}: {result.skipped}")
    noticed = [(path, result) for path, (_, result) in sorted(files.items()) if result.notices]
    if noticed:
        print("\nWhat could not be mapped or was changed (check these entries):")
        for path, result in noticed:
            print(f"  {display_path(path, content)} ({result.name}):")
            for notice in result.notices:
                print(f"    - {notice}")
    print("\nRun make check, then read each entry before you publish it.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="an Open Referral UK JSON file, a folder of them, or a web address")
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--into", help="a folder under content/services/ for these entries alone; each import replaces it")
    parser.add_argument("--outside-area", action="store_true", help="mark every entry as outside the council's area")
    parser.add_argument("--max-pages", type=int, default=feed.MAX_PAGES, help=f"pages of a list to follow at most (default {feed.MAX_PAGES})")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date to record as imported, as YYYY-MM-DD (default: today)")
    return run(parser.parse_args(argv))
