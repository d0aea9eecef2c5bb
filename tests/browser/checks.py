"""The checks the browser suite runs on a built site, usable on any output folder.

Each check returns what it found wrong and a describe_* function turns that
into a failure message naming the page, so the suite over the real site and
the tests that prove the checks can fail share one implementation.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from tools.serve import make_server

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# WCAG 2.2 A and AA, plus best-practice rules that catch what families trip
# over most: content outside landmarks, skipped heading levels, no h1, a
# broken skip link, and controls too small to tap.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {
        rule: {"enabled": True}
        for rule in ("region", "heading-order", "landmark-one-main", "page-has-heading-one", "skip-link", "target-size")
    },
    "resultTypes": ["violations"],
}

# What a keyboard user can reach; checked for a visible focus indicator.
FOCUSABLE = (
    "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, "
    "iframe, [tabindex]:not([tabindex='-1']), [contenteditable='true']"
)


def page_urls(output: Path) -> list[str]:
    """The site URL of every HTML page in a built site, e.g. '/', '/services/x/', '/404.html'."""
    urls = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        # admin/ is the Decap CMS editing app for council staff, not a page of
        # the site: it is a third-party single-page app we do not write.
        if relative.startswith("admin/"):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        urls.append("/" + relative)
    return urls


def file_of(output: Path, url: str) -> Path:
    """The file a static host serves for a site URL path."""
    path = output / unquote(url).lstrip("/")
    return path / "index.html" if url.endswith("/") else path


@contextlib.contextmanager
def serving(output: Path):
    """Serve a built folder (with its _headers) on a free localhost port; yields the base URL."""
    server = make_server(output, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- axe-core ---------------------------------------------------------------

def axe_violations(context, url: str) -> list[dict]:
    """Run axe-core on one page in a fresh tab of a context created with bypass_csp=True."""
    page = context.new_page()
    try:
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    finally:
        page.close()
    return results["violations"]


def describe_axe(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility problem(s) on {url}:"]
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            summary = " ".join(node.get("failureSummary", "").split())
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


# -- small screens -------------------------------------------------------------

WIDE = """
width => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 0.5 && el.children.length === 0)
  .slice(0, 10).map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)}px`)
"""


def too_wide(page, width: int = 320) -> tuple[int, list[str]]:
    """How wide a page loaded in a ``width``-pixel viewport is, and the elements that stick out (none if it fits)."""
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    return scroll_width, (page.evaluate(WIDE, width) if scroll_width > width else [])


# -- Nu HTML Checker --------------------------------------------------------

def vnu_errors(files: list[Path]) -> dict[Path, list[dict]]:
    """Run the Nu HTML Checker once over many files; its errors grouped by file."""
    found: dict[Path, list[dict]] = {path.resolve(): [] for path in files}
    if not files:
        return found
    try:
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
            capture_output=True,
            text=True,
        )
    except FileNotFoundError as exc:
        raise RuntimeError("The Nu HTML Checker needs Java: apt-get install default-jre-headless") from exc
    # vnu writes its JSON report to stderr and exits 1 when it finds errors.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as exc:
        raise RuntimeError(f"The Nu HTML Checker did not report: {result.stderr or result.stdout}") from exc
    for message in messages:
        path = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        found.setdefault(path, []).append(message)
    return found


def describe_vnu(url: str, errors: list[dict]) -> str:
    lines = [f"The Nu HTML Checker found {len(errors)} error(s) in {url}:"]
    for error in errors:
        lines.append(f"  line {error.get('lastLine', '?')}: {error['message']}")
        if error.get("extract"):
            lines.append(f"    {error['extract'].strip()}")
    return "\n".join(lines)


# -- links and fragments ----------------------------------------------------

class LinkChecker:
    """Resolves a site's internal links and #fragments against its output folder."""

    ATTRIBUTES = (("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                  ("source", "src"), ("form", "action"), ("iframe", "src"))

    def __init__(self, output: Path):
        self.output = output
        self._ids: dict[Path, set[str]] = {}

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(file_of(self.output, url).read_text(encoding="utf-8"), "html.parser")

    def ids(self, path: Path) -> set[str]:
        if path not in self._ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            self._ids[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
                tag["name"] for tag in soup.find_all("a", attrs={"name": True})
            }
        return self._ids[path]

    @staticmethod
    def internal(target) -> bool:
        # Built with SITEURL "", so internal links carry no scheme or host.
        return not target.scheme and not target.netloc

    def broken(self, url: str) -> list[str]:
        """Every internal link on the page at ``url`` whose target or #fragment does not exist."""
        problems, soup = [], self.soup(url)
        for tag_name, attribute in self.ATTRIBUTES:
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                href = tag[attribute].strip()
                target = urlsplit(urljoin(url, href))
                if not self.internal(target):
                    continue
                path = target.path or "/"
                file = file_of(self.output, path)
                if not file.is_file():
                    problems.append(f"<{tag_name} {attribute}=\"{href}\">: nothing is published at {path}")
                elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in self.ids(file):
                    problems.append(f"<{tag_name} {attribute}=\"{href}\">: {path} has no element with id "
                                    f"\"{unquote(target.fragment)}\"")
        return problems
