"""Start a new content file with every field ready to fill in: ``make new``.

    python -m tools.new_entry service "Sensory play group"
    python -m tools.new_entry feedback "More short breaks in the holidays"

The kind is one of the entry kinds in content/data/vocabularies.yaml (an
entry goes in that kind's folder under content/services/) or ``feedback``
for a "You said, we did" item. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import uuid
from pathlib import Path

from pelican.settings import read_settings

from . import ROOT
from editor_config.scaffold import new_file, quoted, slugify  # noqa: E402 - tools/__init__ sets the path
from editor_config.settings import settings_for
from local_offer.loading import load_vocabularies, settings_for as local_offer_settings
from local_offer.schema import ENTRY, FEEDBACK
from local_offer.yaml_source import ContentErrors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", help="service, special_school, arp, ias or feedback")
    parser.add_argument("name", help="the name families know it by, in quotes")
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date to record as last checked, as YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    content = Path(args.content)
    settings = read_settings(args.settings)
    folders = settings_for(settings)["KIND_FOLDERS"]
    slug = slugify(args.name)
    if not slug:
        print(f"'{args.name}' has no letters or numbers to make a file name from; choose another name.", file=sys.stderr)
        return 1
    try:
        vocabularies = load_vocabularies(content, settings)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        return 1

    if args.kind == "feedback":
        path = content / FEEDBACK.folder / f"{args.today:%Y-%m}-{slug}.yaml"
        existing = [path] if path.exists() else []
        text = new_file(FEEDBACK, vocabularies)
    elif args.kind in folders and args.kind in vocabularies["kinds"]:
        entries = content / local_offer_settings(settings)["ENTRIES"]
        path = entries / folders[args.kind] / f"{slug}.yaml"
        # A file of the same name in another kind's folder would give two
        # entries the same web address.
        existing = sorted(entries.rglob(f"{slug}.y*ml"))
        values = {
            "kind": args.kind,
            "name": quoted(args.name.strip()),
            "slug": slug,
            "id": str(uuid.uuid4()),
            "assured_date": args.today.isoformat(),
        }
        text = new_file(ENTRY, vocabularies, args.kind, values)
    else:
        print(f"'{args.kind}' is not a kind of content; use one of: {', '.join(folders)}, feedback", file=sys.stderr)
        return 1

    if existing:
        print(f"{existing[0]} already exists, so nothing was written. Choose another name, "
              "or edit that file instead.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {path}\nFill in every field marked REQUIRED, then run: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
