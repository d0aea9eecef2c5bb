"""A second council proves the generator serves any council.

Exampleshire (tests/fixtures/exampleshire) is a made-up council with its own
council file, settings, entries, pages and feedback, on example.org and
Ofcom's drama numbers. Its site builds from those alone, passes make check,
shows no St Helens detail anywhere, and every page passes the same checks as
the real site's: these need no browser; tests/browser/test_second_council.py
runs axe-core and the small-screen check.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.browser.checks import LinkChecker, describe_vnu, file_of, page_urls, vnu_errors
from tests.conftest import EXAMPLESHIRE, ROOT
from tests.test_council import ST_HELENS

# Copies of files checked in their own form (compressed search files, fonts).
BINARY = {".gz", ".br", ".wasm", ".woff", ".woff2", ".png", ".ico"}


def test_it_passes_make_check_with_its_own_settings():
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", "--settings", str(EXAMPLESHIRE / "siteconf.py"), "--content", str(EXAMPLESHIRE / "content")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked 6 entries, 5 pages" in result.stdout


def test_no_st_helens_detail_appears_anywhere_in_its_output(second_council):
    found = []
    for path in sorted(second_council.output.rglob("*")):
        if path.is_file() and path.suffix not in BINARY:
            for match in ST_HELENS.finditer(path.read_text(encoding="utf-8", errors="replace")):
                found.append(f"{path.relative_to(second_council.output)}: {match.group(0)!r}")
    assert not found, "St Helens details in Exampleshire's site:\n  " + "\n  ".join(found[:40])


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_it_shows_its_own_council_everywhere(second_council):
    home = second_council.page("/")
    assert home.title.get_text() == "Exampleshire SEND Local Offer"
    assert text(home.select_one(".app-header__logotype")) == "Exampleshire"
    footer = home.select_one("footer")
    assert "Run by Exampleshire Council" in text(footer)
    assert footer.select_one("a[href^='mailto:localoffer@example.org']").get_text() == "Tell us what you think"
    advice = second_council.page("/information-advice-support/").select_one(".app-prose")
    assert advice.select_one("a[href='tel:01632960200']") and advice.select_one("a[href='https://sendiass.example.org/']")
    assert "You may hear it called the SENDIASS." in text(advice)
    assert second_council.page("/schools/").h1.get_text() == "Special schools and resource bases"
    feed = second_council.file("/you-said-we-did/feed.xml").read_text(encoding="utf-8")
    assert "<name>Exampleshire Council</name>" in feed
    admin = second_council.file("/admin/config.yml").read_text(encoding="utf-8")
    assert "repo: example-council/exampleshire-local-offer" in admin


@pytest.fixture(scope="module")
def vnu_report(second_council):
    return vnu_errors([file_of(second_council.output, url) for url in page_urls(second_council.output)])


def test_every_page_is_valid_html_with_no_broken_internal_link(second_council, vnu_report):
    links = LinkChecker(second_council.output)
    problems = []
    for url in page_urls(second_council.output):
        errors = vnu_report[file_of(second_council.output, url).resolve()]
        if errors:
            problems.append(describe_vnu(url, errors))
        broken = links.broken(url)
        if broken:
            problems.append(f"{url} has {len(broken)} broken link(s):\n  " + "\n  ".join(broken))
        if links.soup(url).find("html").get("lang") != "en":
            problems.append(f'{url}: <html> needs lang="en"')
    assert len(page_urls(second_council.output)) > 30
    assert not problems, "\n".join(problems)
