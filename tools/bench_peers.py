"""The two peers every benchmark figure is compared with, prepared from the same content.

Stock Pelican: one Markdown article per directory entry (its name as the
title, its description as the body), built with the configuration
``pelican-quickstart`` writes and Pelican's default theme, by the same
Pelican in the same virtualenv. Pagefind: the npm package's own binary,
indexing a copy of our built site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import ROOT

PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"

# What `pelican-quickstart` writes, answering every question with its default.
STOCK_SETTINGS = """AUTHOR = "Benchmark"
SITENAME = "Stock Pelican"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LINKS = (("Pelican", "https://getpelican.com/"),)
SOCIAL = (("You can add links in your config file", "#"),)
DEFAULT_PAGINATION = 10
"""


def article(entry) -> str:
    """An entry as a stock Pelican article: the same words, in Pelican's own metadata."""
    needs = ", ".join(term.label.replace(",", "") for term in entry.all_needs)
    lines = [
        f"Title: {entry.name}",
        f"Date: {entry.assured_date.isoformat()}",
        f"Category: {entry.categories[0].label.replace(',', '')}",
        f"Slug: {entry.slug}",
        f"Summary: {entry.summary}",
    ]
    if needs:
        lines.append(f"Tags: {needs}")
    return "\n".join(lines) + "\n\n" + entry.description + "\n"


def write_stock_site(catalogue, folder: Path) -> tuple[Path, list[str]]:
    """A fresh stock Pelican project in ``folder``; returns its settings file and article pages."""
    shutil.rmtree(folder, ignore_errors=True)
    content = folder / "content"
    content.mkdir(parents=True)
    for entry in catalogue.entries:
        (content / f"{entry.slug}.md").write_text(article(entry), encoding="utf-8")
    settings = folder / "pelicanconf.py"
    settings.write_text(STOCK_SETTINGS, encoding="utf-8")
    return settings, [f"{entry.slug}.html" for entry in catalogue.entries]


def stock_build_command(settings: Path, output: Path) -> list[str]:
    pelican = Path(sys.executable).with_name("pelican")
    return [str(pelican), str(settings.parent / "content"), "-s", str(settings), "-o", str(output), "-q"]


def change_article(folder: Path, run: int) -> None:
    """Change the summary of one article, as an editor would change one entry."""
    path = min((folder / "content").glob("*.md"))
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [
        f"Summary: A summary changed by the benchmark, run {run}." if line.startswith("Summary: ") else line
        for line in lines
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def pagefind_copy(site: Path, copy: Path) -> float:
    """Index a hard-linked copy of a built site with Pagefind; returns the seconds it took."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, copy_function=os.link)
    started = time.perf_counter()
    subprocess.run(
        [str(PAGEFIND), "--site", str(copy), "--output-subdir", "pagefind", "--silent"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started
