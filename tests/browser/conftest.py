"""The real site served on localhost, and one Debian Chromium driven by Playwright.

Tests that take ``page_url`` run once per HTML page of the real build (the
test id is the page's URL, so a failure names the page); tests that take
``page_type`` run once on a representative page of each kind. Both lists
come from the build itself, made while collecting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.checks import page_urls, serving
from tests.conftest import ROOT, real_site_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Where each kind of page lives; the first that exists in the build is used.
INFORMATION_PAGES = ("/ehc-needs-assessment/", "/what-is-send/", "/sen-support/")
BROWSE_PAGES = ("/browse/need/asd/", "/browse/need/", "/browse/")


def representative_pages(site) -> dict[str, str | None]:
    """One URL for each kind of page, or None when the build has none of that kind yet."""
    from local_offer.loading import load_catalogue  # plugins/ is on sys.path from tests/conftest.py
    from pelican.settings import read_settings

    catalogue = load_catalogue(site.content, read_settings(str(ROOT / "pelicanconf.py")))
    urls = set(page_urls(site.output))

    def first(candidates):
        return next((url for url in candidates if url in urls), None)

    return {
        "home": first(["/"]),
        "entry": first(f"/{e.url}" for e in catalogue.entries if not e.is_school),
        "special-school": first(f"/{e.url}" for e in catalogue.entries if e.kind.id == "special_school"),
        "information-page": first(INFORMATION_PAGES),
        "search": first(["/search/"]),
        "a-to-z": first(["/services/"]),
        "browse": first(BROWSE_PAGES),
        "schools-and-arps": first(["/schools/"]),
        "you-said-we-did": first(["/you-said-we-did/"]),
        "404": first(["/404.html"]),
    }


def pytest_generate_tests(metafunc):
    if "page_url" in metafunc.fixturenames:
        urls = page_urls(real_site_for(metafunc.config).output)
        metafunc.parametrize("page_url", urls, ids=urls)
    if "page_type" in metafunc.fixturenames:
        pages = representative_pages(real_site_for(metafunc.config))
        metafunc.parametrize(
            "page_type",
            [
                pytest.param(
                    (kind, url),
                    id=kind,
                    marks=[] if url else pytest.mark.skip(reason=f"the build has no {kind} page yet"),
                )
                for kind, url in pages.items()
            ],
        )


@pytest.fixture(scope="session")
def base_url(real_site):
    """The real build served with its _headers, so pages run under the real Content-Security-Policy."""
    with serving(real_site.output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Each launch() gets a fresh temporary profile (user data dir) that
        # Playwright deletes on close; nothing is shared between runs.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def context(browser):
    """Pages as a family sees them: JavaScript on, the site's CSP enforced."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="session")
def axe_context(browser):
    """Only axe-core needs the CSP bypassed, to inject its script."""
    context = browser.new_context(bypass_csp=True)
    yield context
    context.close()


@pytest.fixture(scope="session")
def no_js_context(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


class Tab:
    """A page that records what went wrong while loading: console errors
    (CSP violations among them), uncaught exceptions and failed requests."""

    def __init__(self, context):
        self.page = context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.problems.append(f"console: {msg.text}"))
        self.page.on("pageerror", lambda exc: self.problems.append(f"uncaught: {exc}"))
        self.page.on("requestfailed", lambda req: self.problems.append(f"request failed: {req.url} {req.failure}"))
        self.page.on(
            "response", lambda res: res.status >= 400 and self.problems.append(f"HTTP {res.status}: {res.url}")
        )


@pytest.fixture
def open_tab(context, base_url):
    """open_tab(url, **viewport) -> Tab, loaded; closed after the test."""
    tabs = []

    def open_(url: str, width: int = 1024, height: int = 768) -> Tab:
        tab = Tab(context)
        tabs.append(tab)
        tab.page.set_viewport_size({"width": width, "height": height})
        tab.page.goto(base_url + url)
        return tab

    yield open_
    for tab in tabs:
        tab.page.close()
