"""Every page of Exampleshire's site (a made-up council) in Chromium, as the real site's:
no problem axe-core can find, nothing blocked under the site's CSP, and no
sideways scrolling on a 320 pixel screen."""

from __future__ import annotations

import pytest

from tests.browser.checks import axe_violations, describe_axe, page_urls, serving, too_wide
from tests.browser.conftest import Tab
from tests.conftest import second_council_for

pytestmark = pytest.mark.browser


def pytest_generate_tests(metafunc):
    if "exampleshire_url" in metafunc.fixturenames:
        urls = page_urls(second_council_for(metafunc.config).output)
        metafunc.parametrize("exampleshire_url", urls, ids=urls)


@pytest.fixture(scope="module")
def exampleshire(second_council):
    with serving(second_council.output) as url:
        yield url


def test_axe_core_finds_no_accessibility_problems(exampleshire_url, exampleshire, axe_context):
    violations = axe_violations(axe_context, exampleshire + exampleshire_url)
    assert not violations, describe_axe(exampleshire_url, violations)


def test_page_loads_without_errors_and_fits_a_320_pixel_screen(exampleshire_url, exampleshire, context):
    tab = Tab(context)
    try:
        tab.page.set_viewport_size({"width": 320, "height": 640})
        tab.page.goto(exampleshire + exampleshire_url)
        width, wide = too_wide(tab.page)
    finally:
        tab.page.close()
    assert not tab.problems, f"{exampleshire_url} reported problems while loading:\n  " + "\n  ".join(tab.problems)
    assert width <= 320, f"{exampleshire_url} is {width}px wide on a 320px screen; too wide:\n  " + "\n  ".join(wide)
