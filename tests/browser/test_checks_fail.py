"""The checks catch real mistakes: a page with missing alt text, a skipped
heading level and low-contrast text fails, and the message names the page
and the rules."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from tests.browser.checks import axe_violations, describe_axe, describe_vnu, file_of, serving, vnu_errors

BROKEN_URL = "/broken/"
BROKEN_CONTENT = """
<h1>A page with mistakes</h1>
<h3>A heading that skips a level</h3>
<p class="faint">Light grey text on white that is hard to read.</p>
<img src="/broken/photo.png" width="40" height="40">
"""


@pytest.fixture
def broken_site(real_site, tmp_path):
    """A served copy of the real site with one broken page, made from the home page."""
    output = tmp_path / "site"
    shutil.copytree(real_site.output, output)
    soup = BeautifulSoup(file_of(output, "/").read_text(encoding="utf-8"), "html.parser")
    soup.main.clear()
    soup.main.append(BeautifulSoup(BROKEN_CONTENT, "html.parser"))
    # A stylesheet, not a style attribute, so the CSP lets the faint text show.
    soup.head.append(soup.new_tag("link", rel="stylesheet", href="/broken/faint.css"))
    page = file_of(output, BROKEN_URL)
    page.parent.mkdir()
    page.write_text(str(soup), encoding="utf-8")
    (page.parent / "faint.css").write_text(".faint { color: #d8d8d8; background: #fff; }\n", encoding="utf-8")
    return output


@pytest.mark.browser
def test_axe_check_names_the_page_and_each_broken_rule(broken_site, axe_context):
    with serving(broken_site) as base_url:
        violations = axe_violations(axe_context, base_url + BROKEN_URL)
    message = describe_axe(BROKEN_URL, violations)
    assert BROKEN_URL in message
    for rule in ("image-alt", "heading-order", "color-contrast"):
        assert f"  {rule} (" in message, f"axe missed {rule}:\n{message}"


def test_html_check_names_the_page_and_the_error(broken_site):
    page = file_of(broken_site, BROKEN_URL)
    errors = vnu_errors([page])[page.resolve()]
    message = describe_vnu(BROKEN_URL, errors)
    assert BROKEN_URL in message and "alt" in message, message
