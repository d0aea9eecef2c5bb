"""The real St Helens content is valid, and every entry and page is published."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ENTRY_FILES = sorted((ROOT / "content" / "services").rglob("*.yaml"))
PAGE_FILES = sorted((ROOT / "content" / "pages").glob("*.md"))


def header(path: Path, key: str) -> str:
    match = re.search(rf"^{key}:\s*(.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1).strip()


def test_make_check_passes_on_the_real_content():
    result = subprocess.run([sys.executable, "-m", "tools.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_directory_has_at_least_25_entries_of_every_kind():
    kinds = [header(p, "kind") for p in ENTRY_FILES]
    assert len(kinds) >= 25
    assert set(kinds) == {"service", "special_school", "arp", "ias"}


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.stem)
def test_every_entry_is_published_at_its_url(real_site, path):
    page = real_site.page(f"/services/{path.stem}/")
    assert page.select_one("h1").get_text(strip=True) == header(path, "name")


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_every_information_page_is_published_at_its_url(real_site, path):
    page = real_site.page(f"/{header(path, 'Slug')}/")
    assert page.select_one("h1").get_text(strip=True) == header(path, "Title")


def test_no_personal_email_addresses_are_published():
    # Team mailboxes only: a dot-separated first.last@ address is a person's.
    personal = re.compile(r"\b[a-z]+\.[a-z]+@[a-z.-]+\b", re.IGNORECASE)
    for path in ENTRY_FILES + PAGE_FILES:
        assert not personal.findall(path.read_text(encoding="utf-8")), path
