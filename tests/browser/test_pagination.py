"""A browse list split into pages, in Chromium: GOV.UK's pagination passes
axe-core, fits a 320 pixel screen and takes a family from page to page
with JavaScript off."""

from __future__ import annotations

import pytest

from tests.browser.checks import axe_violations, describe_axe, serving, too_wide
from tests.browser.conftest import Tab
from tests.test_browse import with_browse_pages_of

pytestmark = pytest.mark.browser

MIDDLE = "/browse/age/primary/page/2/"


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    """The fixture content with one entry per browse page, served with its _headers."""
    site = with_browse_pages_of(tmp_path_factory.mktemp("paged"), 1).build_ok()
    with serving(site.output) as url:
        yield url


def test_a_page_of_a_list_passes_axe_core(paged, axe_context):
    violations = axe_violations(axe_context, paged + MIDDLE)
    assert not violations, describe_axe(MIDDLE, violations)


def test_a_page_of_a_list_fits_a_320_pixel_screen(paged, context):
    tab = Tab(context)
    try:
        tab.page.set_viewport_size({"width": 320, "height": 640})
        tab.page.goto(paged + MIDDLE)
        width, wide = too_wide(tab.page)
        assert tab.page.get_by_role("navigation", name="Pages of Primary school age, 4 to 11").is_visible()
    finally:
        tab.page.close()
    assert not tab.problems, "\n".join(tab.problems)
    assert width <= 320, f"{MIDDLE} is {width}px wide on a 320px screen; too wide:\n  " + "\n  ".join(wide)


def test_next_and_previous_move_through_the_list_without_javascript(paged, no_js_context):
    page = no_js_context.new_page()
    try:
        page.goto(paged + "/browse/age/primary/")
        seen = [page.locator(".app-result__title").inner_text()]
        for _ in range(2):
            page.get_by_role("link", name="Next page").click()
            seen.append(page.locator(".app-result__title").inner_text())
        assert seen == ["Oak Tree School", "Sensory Play Group", "Advice Line"]
        assert page.get_by_role("link", name="Next page").count() == 0
        page.get_by_role("link", name="Previous page").click()
        assert page.url.endswith(MIDDLE)
        assert page.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    finally:
        page.close()
