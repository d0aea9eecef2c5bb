"""Without JavaScript, every directory entry can be reached from the home page by following links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.checks import page_urls

pytestmark = pytest.mark.browser

ENTRY = re.compile(r"^/services/[^/]+/$")


def test_every_entry_is_reachable_from_home_without_javascript(no_js_context, base_url, real_site):
    page = no_js_context.new_page()
    origin = urlsplit(base_url).netloc
    reached, queue = set(), ["/"]
    try:
        while queue:
            url = queue.pop()
            if url in reached:
                continue
            reached.add(url)
            response = page.goto(base_url + url)
            if not response.ok or "text/html" not in response.headers.get("content-type", ""):
                continue
            for href in page.locator("a[href]").evaluate_all("links => links.map(a => a.href)"):
                target = urlsplit(href)
                if target.netloc == origin and (target.path.endswith("/") or target.path.endswith(".html")):
                    queue.append(target.path)
    finally:
        page.close()
    entries = {url for url in page_urls(real_site.output) if ENTRY.match(url)}
    missing = sorted(entries - reached)
    assert entries, "the build has no entry pages"
    assert not missing, "With JavaScript off, no links lead from the home page to:\n  " + "\n  ".join(missing)
