"""The web editor at /admin/ starts under its own Content-Security-Policy.

Decap CMS checks its whole configuration before showing the login button,
so reaching the button proves the generated config.yml is one Decap
accepts, and that the admin policy lets it run.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_web_editor_accepts_its_config_and_offers_github_login(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: "Refused to" in message.text and problems.append(message.text))
    try:
        page.goto(f"{base_url}/admin/")
        page.get_by_role("button", name="Login with GitHub").wait_for()
        assert not page.get_by_text("Error loading the CMS configuration").count()
    finally:
        context.close()
    assert problems == []
