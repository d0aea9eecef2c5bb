"""Every HTML page of the real build, in Chromium: no accessibility problem axe-core
can find, and nothing blocked or broken while it loads under the site's CSP."""

from __future__ import annotations

import pytest

from tests.browser.checks import axe_violations, describe_axe

pytestmark = pytest.mark.browser


def test_axe_core_finds_no_accessibility_problems(page_url, axe_context, base_url):
    violations = axe_violations(axe_context, base_url + page_url)
    assert not violations, describe_axe(page_url, violations)


def test_page_loads_without_errors_under_the_content_security_policy(page_url, open_tab):
    # Chromium reports a CSP violation (an inline script or style, a third-party
    # request) as a console error, so this also proves the policy holds.
    tab = open_tab(page_url)
    assert not tab.problems, f"{page_url} reported problems while loading:\n  " + "\n  ".join(tab.problems)
