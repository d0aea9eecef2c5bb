"""List entries overdue for review, oldest first, with who to ask and which sources to check again: ``make stale``.

    python -m tools.stale [--format text|csv] [--months 12] [--today YYYY-MM-DD]

An entry is overdue when its ``assured_date`` (the date of the newest source
that confirms it) is more than ``EDITOR["REVIEW_AFTER_MONTHS"]`` months ago.
The text ends with the sources those entries rely on, most entries first:
checking one source again brings all of its entries up to date. CSV goes to
standard output, so ``make stale FORMAT=csv > stale.csv`` makes a spreadsheet.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings

from . import ROOT
from editor_config import review  # noqa: E402 - tools/__init__ sets the path
from editor_config.settings import settings_for
from local_offer.dates import label, today
from local_offer.loading import load_catalogue
from local_offer.yaml_source import ContentErrors

COLUMNS = ["last_checked", "name", "email", "phone", "organization", "file", "sources"]


def rows(entries) -> list[dict]:
    return [
        {
            "last_checked": e.assured_date.isoformat(),
            "name": e.title,
            **review.contact(e),
            "file": e.source_path,
            "sources": " ".join(source.id for source in e.cited_sources),
        }
        for e in entries
    ]


def write_text(entries, cutoff: datetime.date, months: int, out) -> None:
    if not entries:
        print(f"No entries are overdue: every entry was checked in the last {months} months.", file=out)
        return
    print(f"{len(entries)} entries were last checked more than {months} months ago "
          f"(before {cutoff:%-d %B %Y}). Oldest first:\n", file=out)
    table = [["Last checked", "Entry", "Contact to chase", "File"]]
    for row in rows(entries):
        chase = " / ".join(v for v in (row["email"], row["phone"]) if v) or f"no email or phone ({row['organization'] or 'no organisation'})"
        table.append([row["last_checked"], row["name"], chase, row["file"]])
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for index, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)
    print("\nSources to check again, with how many of these entries rely on each, most first:\n", file=out)
    for source, relying in review.sources_to_recheck(entries):
        count = f"{len(relying)} {'entry' if len(relying) == 1 else 'entries'}"
        print(f"  {source.id}: {source.title}, {source.publisher}, {label(source.date)} ({count})", file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("text", "csv"), default="text")
    parser.add_argument("--months", type=int, help="overdue after this many months (default: EDITOR setting)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=today(),
                        help="count from this date, as YYYY-MM-DD (default: today)")
    parser.add_argument("--content", default="content", help="content folder (default: content)")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args(argv)
    settings = read_settings(args.settings)
    months = args.months or settings_for(settings)["REVIEW_AFTER_MONTHS"]
    try:
        catalogue = load_catalogue(Path(args.content), settings)
    except ContentErrors as exc:
        print(f"{exc}\n\nFix these problems first (make check lists them).", file=sys.stderr)
        return 1
    late = review.overdue(catalogue.entries, args.today, months)
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(late))
    else:
        write_text(late, review.months_before(args.today, months), months, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
