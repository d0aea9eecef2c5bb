"""Every HTML page of the real build, in Chromium: no accessibility problem axe-core
can find, nothing blocked or broken while it loads under the site's CSP, and
nothing scrolling sideways on a 320 pixel screen (WCAG 1.4.10, reflow)."""

from __future__ import annotations

import pytest

from tests.browser.checks import axe_violations, describe_axe, too_wide

pytestmark = pytest.mark.browser


def test_axe_core_finds_no_accessibility_problems(page_url, axe_context, base_url):
    violations = axe_violations(axe_context, base_url + page_url)
    assert not violations, describe_axe(page_url, violations)


def test_page_loads_without_errors_under_the_content_security_policy(page_url, open_tab):
    # Chromium reports a CSP violation (an inline script or style, a third-party
    # request) as a console error, so this also proves the policy holds.
    tab = open_tab(page_url)
    assert not tab.problems, f"{page_url} reported problems while loading:\n  " + "\n  ".join(tab.problems)


def test_nothing_scrolls_sideways_at_320_pixels_wide(page_url, open_tab):
    width, wide = too_wide(open_tab(page_url, width=320).page)
    assert width <= 320, f"{page_url} is {width}px wide on a 320px screen; too wide:\n  " + "\n  ".join(wide)
