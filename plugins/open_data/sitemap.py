"""sitemap.xml and robots.txt, listing every HTML page the build wrote.

Pages are collected as Pelican announces them (whichever plugin, or worker
process, wrote them), so the sitemap never misses a page type. An entry's
page is dated by its last-checked date; other pages carry no date rather
than the build time.
"""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path
from xml.sax.saxutils import escape

from .settings import options as open_data_options

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Where, in the context every generator shares, this build's sitemap collects its pages.
PAGES = "sitemap_pages"


def remember_page(path, context) -> None:
    """Pelican signal handler (content_written): note an HTML page as it is written."""
    path = str(path)
    pages = context.get(PAGES)
    if pages is None or not path.endswith(".html"):
        return
    output = os.path.join(context["OUTPUT_PATH"], "")
    # Ten thousand entry pages are announced at county scale; most paths
    # start with the output folder, which is quicker to cut off than relpath.
    inside = path[len(output) :] if path.startswith(output) else os.path.relpath(path, output)
    pages.add(inside.replace(os.sep, "/"))


def page_url(relative: str) -> str:
    if relative == "index.html" or relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def sitemap_xml(pages: dict, siteurl: str, exclude: list) -> bytes:
    """The sitemap as ElementTree would write it, indented; made as text because a county's has ten thousand pages.

    ``pages`` maps each page's path in the output to its last-modified date, or None.
    """
    excluded = re.compile("|".join(fnmatch.translate(pattern) for pattern in exclude)) if exclude else None
    lines = []
    for relative in sorted(pages, key=page_url):
        if excluded is not None and excluded.match(relative):
            continue
        lines.append(f"  <url>\n    <loc>{escape(siteurl + page_url(relative))}</loc>\n")
        if pages[relative] is not None:
            lines.append(f"    <lastmod>{pages[relative].isoformat()}</lastmod>\n")
        lines.append("  </url>\n")
    head = f"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"{SITEMAP}\""
    text = head + (">\n" + "".join(lines) + "</urlset>" if lines else " />")
    return (text + "\n").encode("utf-8")


def robots_txt(siteurl: str) -> str:
    lines = ["User-agent: *", "Allow: /", ""]
    if siteurl:
        lines.append(f"Sitemap: {siteurl}/sitemap.xml")
    else:
        # Robots files may only name a sitemap by its full address, which a
        # local build does not know; make publish sets SITEURL.
        lines.append("# Sitemap: /sitemap.xml (named here when the site is built with SITEURL set)")
    return "\n".join(lines) + "\n"


def write_sitemap(context: dict, settings: dict, output_path: str) -> None:
    """Write sitemap.xml and robots.txt, once every page has been written (build_engine's when_done)."""
    siteurl = settings.get("SITEURL", "")
    output = Path(output_path)
    exclude = open_data_options(settings)["SITEMAP_EXCLUDE"]
    checked = {entry.save_as: entry.assured_date for entry in context["entries"]}
    pages = {relative: checked.get(relative) for relative in context[PAGES]}
    (output / "sitemap.xml").write_bytes(sitemap_xml(pages, siteurl, exclude))
    (output / "robots.txt").write_text(robots_txt(siteurl), encoding="utf-8")
