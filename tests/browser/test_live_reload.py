"""make serve in Chromium: an open page follows the editor's changes by itself.

Under the site's own Content-Security-Policy, a saved change reloads the
page with the new text; a change that breaks the build puts its file:line
message on the page, which still shows the last good site; fixing it
clears the message.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, eventually, fixture_site
from tests.test_live_server import BROKEN
from tools.serve import live_site

pytestmark = pytest.mark.browser


@pytest.fixture
def served(tmp_path):
    site = fixture_site(tmp_path)
    with live_site(site.output, str(ROOT / "pelicanconf.py"), site.content) as server:
        eventually(lambda: server.rebuilds.count, "the first build")
        yield site, server


def test_open_page_reloads_after_an_edit_and_shows_a_failed_rebuild(served, context):
    site, server = served
    path = site.content / "services" / "advice-line.yaml"
    text = path.read_text(encoding="utf-8")
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/services/advice-line/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Advice Line"

    # A mark on the page that a reload clears.
    page.evaluate("window.notReloaded = true")
    path.write_text(text.replace("name: Advice Line", "name: Advice and Help Line"), encoding="utf-8")
    page.wait_for_function("() => !window.notReloaded", timeout=90_000)
    heading.filter(has_text="Advice and Help Line").wait_for()

    path.write_text(text.replace("name: Advice Line", "name: Advice and Help Line").replace(*BROKEN), encoding="utf-8")
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=90_000)
    assert "The site could not be rebuilt" in alert.inner_text()
    assert "content/services/advice-line.yaml:9: free: 'yes' must be true or false" in alert.inner_text()
    assert heading.inner_text() == "Advice and Help Line"  # the last good site

    path.write_text(text, encoding="utf-8")
    heading.filter(has_text="Advice Line").wait_for(timeout=90_000)
    eventually(lambda: page.get_by_role("alert").count() == 0, "the message to go")
    assert problems == []
