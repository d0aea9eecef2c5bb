"""Every HTML page of the real build is valid HTML, in English, with no broken internal link.

These read the built files and need no browser, so `make test-fast` runs them too.
"""

from __future__ import annotations

import pytest

from tests.browser.checks import LinkChecker, describe_vnu, file_of, page_urls, vnu_errors


@pytest.fixture(scope="session")
def vnu_report(real_site):
    """The Nu HTML Checker run once over every page; each test reports one page."""
    return vnu_errors([file_of(real_site.output, url) for url in page_urls(real_site.output)])


@pytest.fixture(scope="session")
def links(real_site):
    return LinkChecker(real_site.output)


def test_nu_html_checker_finds_no_errors(page_url, real_site, vnu_report):
    errors = vnu_report[file_of(real_site.output, page_url).resolve()]
    assert not errors, describe_vnu(page_url, errors)


def test_every_internal_link_and_fragment_resolves(page_url, links):
    broken = links.broken(page_url)
    assert not broken, f"{page_url} has {len(broken)} broken link(s):\n  " + "\n  ".join(broken)


def test_page_is_marked_as_english(page_url, links):
    html = links.soup(page_url).find("html")
    assert html is not None and html.get("lang") == "en", f'{page_url}: <html> needs lang="en" for screen readers'
