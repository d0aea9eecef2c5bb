"""Write docs/fields.md, the editors' field reference, from the content model: ``make docs``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pelican.settings import read_settings

from . import ROOT
from editor_config.reference import field_reference  # noqa: E402 - tools/__init__ sets the path
from local_offer.loading import load_vocabularies

OUTPUT = ROOT / "docs" / "fields.md"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args(argv)
    vocabularies = load_vocabularies(Path(args.content), read_settings(args.settings))
    OUTPUT.write_text(field_reference(vocabularies), encoding="utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
