"""How long ``make serve`` takes to show an edit: from saving a file to the open page showing it.

Serves a copy of the content as ``make serve`` does (``tools.serve.live_site``),
opens an entry page in headless Chromium, then several times changes that
entry's one-line summary on disk and times until the page, reloaded by
itself, shows the new words. ``make bench`` reports it for the real content;
on its own:

    python -m tools.bench_reload [--runs 5] [--content content]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from . import ROOT, bench_search
from .serve import live_site

SETTINGS = str(ROOT / "pelicanconf.py")
# Generous: a reload that never comes is reported, not waited for forever.
GIVE_UP_MS = 60_000


def wait_until(check, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit("make serve's first build did not finish")
        time.sleep(0.1)


def measure(chromium, content: Path, runs: int) -> list[float]:
    """Seconds from saving an edit to the open page showing it, once per run, on a copy of ``content``."""
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as work:
        copy = Path(work) / "content"
        shutil.copytree(content, copy)
        entry = next(p for p in sorted((copy / "services").rglob("*.yaml")) if re.search(r"(?m)^summary: ", p.read_text()))
        with live_site(Path(work) / "output", SETTINGS, copy) as server:
            wait_until(lambda: server.rebuilds.count)
            page = chromium.new_page()
            try:
                page.goto(f"{server.url}/services/{entry.stem}/")
                times = []
                for run in range(runs):
                    summary = f"A summary changed by the reload benchmark, run {run + 1}."
                    text = re.sub(r"(?m)^summary: .*$", f"summary: {summary}", entry.read_text(encoding="utf-8"), count=1)
                    started = time.perf_counter()
                    entry.write_text(text, encoding="utf-8")
                    page.locator(".app-entry__summary", has_text=summary).wait_for(timeout=GIVE_UP_MS)
                    times.append(time.perf_counter() - started)
                    # The next edit comes once this rebuild has settled, as an editor's would.
                    time.sleep(1)
            finally:
                page.close()
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--content", default=str(ROOT / "content"))
    args = parser.parse_args(argv)
    with bench_search.browser() as chromium:
        times = measure(chromium, Path(args.content), args.runs)
    print("Edit to reload: " + ", ".join(f"{t:.2f}s" for t in times) + f"; median {statistics.median(times):.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
