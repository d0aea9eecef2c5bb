"""Shared fixtures: tiny fixture sites built into tmp_path, and the real site.

A fixture site starts as a copy of ``tests/fixtures/content`` (a few valid
entries and pages, with their own sources and the real vocabularies); a test writes or breaks files
in it, builds it with the same command as ``make html`` and asserts on the
output by CSS selector.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"

# What every test entry and page needs besides its own fields: a way to a
# person, its ages and its sources (from the fixture's data/sources.yaml),
# and a page's last-updated date. Add to a test's YAML or page header.
ENTRY_REQUIRED = "email: team@example.org\nages: all\nsources: [example-directory-check]\n"
PAGE_REQUIRED = "Sources: example-send-guide\nModified: 2026-06-02\n"
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))


class Site:
    """A content folder and an output folder in tmp_path, built on demand."""

    def __init__(self, root: Path, settings: str = "pelicanconf.py"):
        self.content = root / "content"
        self.output = root / "output"
        self.settings = settings
        self.env: dict[str, str] = {}
        self.result: subprocess.CompletedProcess | None = None

    def write(self, relative: str, text: str) -> Path:
        """Write a content file (dedented), e.g. write('services/x.yaml', ...)."""
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def remove(self, relative: str) -> None:
        (self.content / relative).unlink()

    def _run(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "400", "TERM": "dumb", **self.env},
        )

    def build(self) -> subprocess.CompletedProcess:
        self.result = self._run(
            "tools.build", "--quiet", "--settings", self.settings,
            "--content", str(self.content), "--output", str(self.output),
        )
        return self.result

    def build_ok(self) -> "Site":
        result = self.build()
        assert result.returncode == 0, result.stdout + result.stderr
        return self

    def check(self) -> subprocess.CompletedProcess:
        return self._run("tools.check", "--settings", self.settings, "--content", str(self.content))

    def page(self, url: str) -> BeautifulSoup:
        """The built page at a site URL such as '/services/x/'."""
        path = self.output / url.lstrip("/")
        if url.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def file(self, url: str) -> Path:
        return self.output / url.lstrip("/")


def fixture_site(root: Path) -> Site:
    """A fresh copy of the fixture content (with the real data files) in ``root``, not yet built."""
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    (root / "content" / "data").mkdir(exist_ok=True)
    for extra in (ROOT / "content" / "data").glob("*.yaml"):
        # A data file of the fixture's own (its sources, best bets naming fixture entries) wins over the real one.
        if not (root / "content" / "data" / extra.name).exists():
            shutil.copy(extra, root / "content" / "data" / extra.name)
    return Site(root)


@pytest.fixture
def site(tmp_path) -> Site:
    """A fresh copy of the fixture content, not yet built."""
    return fixture_site(tmp_path)


REAL_SITE = pytest.StashKey[Site]()


def real_site_for(config: pytest.Config) -> Site:
    """The real St Helens content, built once per test session.

    A function as well as a fixture because the browser tests list the built
    pages while collecting (one test per page), before fixtures exist.
    """
    if REAL_SITE not in config.stash:
        root = config._tmp_path_factory.mktemp("real")  # what the tmp_path_factory fixture returns
        shutil.copytree(ROOT / "content", root / "content")
        config.stash[REAL_SITE] = Site(root).build_ok()
    return config.stash[REAL_SITE]


@pytest.fixture(scope="session")
def real_site(request) -> Site:
    """The real St Helens content, built once per test session."""
    return real_site_for(request.config)


EXAMPLESHIRE = ROOT / "tests" / "fixtures" / "exampleshire"
SECOND_COUNCIL = pytest.StashKey[Site]()


def second_council_for(config: pytest.Config) -> Site:
    """Exampleshire, a made-up council, built from its own content and settings once per test session."""
    if SECOND_COUNCIL not in config.stash:
        root = config._tmp_path_factory.mktemp("exampleshire")
        shutil.copytree(EXAMPLESHIRE / "content", root / "content")
        config.stash[SECOND_COUNCIL] = Site(root, settings=str(EXAMPLESHIRE / "siteconf.py")).build_ok()
    return config.stash[SECOND_COUNCIL]


@pytest.fixture(scope="session")
def second_council(request) -> Site:
    """Exampleshire's site, built once per test session."""
    return second_council_for(request.config)


def eventually(check, what: str, limit: float = 90):
    """Wait for ``check()`` to give something true (a rebuild, a file written) and return it.

    For what happens in the background, such as make serve's rebuilds. The
    limit only stops a test that would otherwise wait for ever: it is not a
    measure of speed (that is make bench's job).
    """
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"Gave up waiting for {what}")
