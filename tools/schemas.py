"""Write the JSON Schemas for editors' tools into .schemas/: ``make schemas``.

.vscode/settings.json points VS Code's YAML extension at these files, so it
completes field names and shows mistakes while you type. They are made
from the content model and the vocabularies, so run this again after
either changes. The folder is not committed; the built site publishes the
same files at /schemas/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pelican.settings import read_settings

from . import ROOT
from editor_config.schemas import all_schemas  # noqa: E402 - tools/__init__ sets the path
from local_offer.loading import load_vocabularies
from local_offer.yaml_source import ContentErrors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--output", default=str(ROOT / ".schemas"), help="folder to write (default: .schemas)")
    args = parser.parse_args(argv)
    try:
        vocabularies = load_vocabularies(Path(args.content), read_settings(args.settings))
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in all_schemas(vocabularies).items():
        (folder / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
