"""Measure search as a visitor meets it, in headless Chromium: bytes and time to the first result.

The page is opened in a fresh browser context (an empty cache, like a first
visit). A script Playwright adds before the page's own (not part of the
site, so the Content-Security-Policy does not apply to it) watches the DOM;
the moment the first result link appears it notes the time since navigation
started and asks the benchmark server which responses it had finished
sending by then. Counting at the server, not in the page, includes what a
Web Worker fetches (Pagefind loads its index in one).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
]
# The search engineer's page (theme/templates/search.html) fills this list.
OUR_RESULT = "[data-search-results] a[href]"
PAGEFIND_RESULT = ".pagefind-ui__result-link"
TIMEOUT_MS = 180_000

WATCHER = """
(() => {
  const selector = %s;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    window.__benchFirstResult = performance.now();
    window.benchMark();
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""

# Pagefind's own UI on a page of its own, started by an external module so the
# page has no inline script (the Pagefind copy is served without the site's
# CSP headers because Pagefind needs WebAssembly, which that policy blocks).
PAGEFIND_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search with Pagefind</title>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js"></script>
<script type="module" src="/pagefind-search/start.mjs"></script>
</head>
<body><main><h1>Search</h1><div id="search"></div></main></body>
</html>
"""
PAGEFIND_START = """const ui = new PagefindUI({ element: "#search", showImages: false });
ui.triggerSearch(new URLSearchParams(location.search).get("q") || "");
"""
PAGEFIND_URL = "/pagefind-search/?q={query}"


def add_pagefind_page(site: Path) -> None:
    """Put Pagefind's search page into a site Pagefind has indexed; drop the CSP it cannot run under."""
    folder = site / "pagefind-search"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    (folder / "start.mjs").write_text(PAGEFIND_START, encoding="utf-8")
    with contextlib.suppress(FileNotFoundError):
        (site / "_headers").unlink()


@contextlib.contextmanager
def browser():
    """Debian's Chromium, headless, driven by Playwright; never a downloaded browser."""
    if not shutil.which(CHROMIUM):
        raise SystemExit(f"{CHROMIUM} is missing: run `make browser` to install Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def first_result(chromium, server, path: str, selector: str) -> dict | None:
    """{'ms', 'bytes', 'files'} at the first result, or None if none appeared in time.

    ``bytes`` is the compressed body size of every response the server had
    finished sending when the result appeared; ``files`` lists them.
    """
    time.sleep(0.5)  # let the previous visit's connections close
    server.reset()
    marks = []
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.expose_function("benchMark", lambda: marks.append(server.finished()))
        page.add_init_script(WATCHER % json.dumps(selector))
        page.goto(server.url + path, wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.__benchFirstResult", timeout=TIMEOUT_MS, polling=100)
        ms = page.evaluate("() => window.__benchFirstResult")
        page.wait_for_function("() => true")  # let the mark arrive
    except PlaywrightError:
        return None
    finally:
        context.close()
    files = marks[0] if marks else server.finished()
    return {"ms": ms, "bytes": sum(size for _, size in files), "files": files}


def requests_made(chromium, url: str) -> list[str]:
    """Every path a page fetched by the time the network went quiet."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        paths = []
        page.on("request", lambda request: paths.append(request.url))
        page.goto(url, wait_until="networkidle", timeout=TIMEOUT_MS)
        return paths
    finally:
        context.close()
