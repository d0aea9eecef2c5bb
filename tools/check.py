"""Validate all content without building: ``make check``.

Runs the ``check`` function of every plugin in ``PLUGINS`` (in order, so a
later one can use what an earlier one loaded) and prints every problem as
``file:line: field: message``. Exits non-zero if there is any.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from pelican.settings import read_settings

from . import ROOT


def run_checks(content: Path, settings_file: str):
    settings = read_settings(settings_file, override={"PATH": str(content.resolve())})
    # The settings file, for a check that names a problem in it.
    problems, counts, shared = [], {}, {"settings_file": settings_file}
    for name in settings["PLUGINS"]:
        check = getattr(importlib.import_module(name), "check", None)
        if check is None:
            continue
        found, counted = check(content, settings, shared)
        problems += found
        counts.update(counted)
        if found and "catalogue" not in shared:
            break  # later checks need the catalogue; fix these first
    return sorted(problems, key=lambda p: (p.path, p.line, p.field)), counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args(argv)
    problems, counts = run_checks(Path(args.content), args.settings)
    for problem in problems:
        print(problem)
    summary = ", ".join(f"{n} {label}" for label, n in counts.items())
    if problems:
        print(f"\n{len(problems)} problem(s) found. Fix each one and run make check again.", file=sys.stderr)
        return 1
    print(f"All content is valid: checked {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
