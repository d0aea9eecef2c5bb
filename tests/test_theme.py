"""The theme: what each page type shows a family, and what every page shares.

Most tests read one fixture site built once for this module (the fixture
content plus a closed service, a service with map coordinates and a glossary);
the tests that change settings build their own.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from tests.conftest import FIXTURE_CONTENT, PAGE_REQUIRED, ROOT, Site, fixture_site

PAGE_URLS = ["/", "/services/", "/services/sensory-play-group/", "/services/oak-tree-school/", "/ehc-plans/", "/schools/", "/guides/", "/404.html"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = fixture_site(tmp_path_factory.mktemp("theme"))
    site.write(
        "services/holiday-club.yaml",
        """
        kind: service
        name: Holiday Club
        summary: Play sessions in the school holidays for disabled children.
        description: Games, crafts and trips with trained staff.
        status: temporarily_closed
        alert: Closed while the hall is repaired. We expect to reopen in September 2026.
        categories: [short-breaks]
        fees: £10 a day
        url: https://example.org/holiday-club
        locations:
          - name: Town Hall
            address_1: Victoria Square
            city: St Helens
            postal_code: WA10 1HP
            latitude: 53.4534
            longitude: -2.7369
        ages: all
        sources: [example-directory-check]
        assured_date: 2026-01-10
        """,
    )
    site.write(
        "pages/glossary.md",
        """
        Title: Glossary
        Slug: glossary
        Summary: What the words mean.
        Order: 9
        Sources: example-send-guide
        Modified: 2026-06-02

        Words you may hear.

        ### Annual review

        A yearly meeting about the plan.

        ### Education, health and care plan (EHC plan, EHCP)

        A legal document describing a child's needs.
        """,
    )
    site.write(
        "pages/ehc-plans.md",
        (FIXTURE_CONTENT / "pages" / "ehc-plans.md").read_text(encoding="utf-8")
        + "\nYour EHC plan names the school. Keep your EHC plan safe. An EHCP is the same thing.\n",
    )
    return site.build_ok()


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def facts(soup) -> dict[str, str]:
    return {
        text(row.select_one(".govuk-summary-list__key")): text(row.select_one(".govuk-summary-list__value"))
        for row in soup.select(".app-entry__facts .govuk-summary-list__row")
    }


# Every page


@pytest.mark.parametrize("url", PAGE_URLS)
def test_every_page_has_the_skip_link_landmarks_and_one_heading(built, url):
    soup = built.page(url)
    assert soup.html["lang"] == "en"
    first_link = soup.body.find("a")
    assert "govuk-skip-link" in first_link["class"] and first_link["href"] == "#main-content"
    main = soup.select_one("main#main-content")
    assert main["tabindex"] == "-1"
    assert soup.select_one("header") and soup.select_one("footer") and soup.select_one("nav")
    assert len(soup.select("h1")) == 1


@pytest.mark.parametrize("url", PAGE_URLS)
def test_no_inline_script_or_event_handler_so_the_csp_holds(built, url):
    soup = built.page(url)
    for script in soup.select("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", script
        if script.get("src"):
            assert script.get("type") == "module", "scripts must not block rendering"
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element.name
    assert not soup.select("[style]")


def test_header_shows_the_council_not_the_crown(built):
    soup = built.page("/")
    header = soup.select_one("header")
    assert text(header.select_one(".app-header__logotype")) == "St Helens"
    assert header.select_one(".govuk-generic-header__homepage-link")["href"] == "https://www.sthelens.gov.uk/"
    assert not soup.select("svg.govuk-logo, .govuk-header__logotype, .govuk-footer__crown, .govuk-footer__copyright-logo")


def test_service_navigation_marks_the_current_section(built):
    soup = built.page("/schools/")
    current = soup.select_one(".govuk-service-navigation__link[aria-current='page']")
    assert text(current) == "Schools and ARPs"
    labels = [text(a) for a in soup.select(".govuk-service-navigation__list a")]
    assert labels[:1] == ["Home"] and "Guides" in labels


def test_footer_links_only_to_pages_that_exist_and_names_the_council(built):
    soup = built.page("/")
    footer = soup.select_one("footer")
    for link in footer.select("a[href^='/']"):
        target = built.file(link["href"]) / "index.html" if link["href"].endswith("/") else built.file(link["href"])
        assert target.exists(), link["href"]
    assert "Glossary" in [text(a) for a in footer.select("a")]
    assert "About this Local Offer" not in text(footer), "the fixture has no about page, so no link to it"
    # The Local Offer's current address, from the SEND strategy 2024 to 2027.
    assert footer.select_one("a[href^='https://www.sthelens.gov.uk/send']")
    assert "St Helens Borough Council" in text(footer)


def test_styles_are_compiled_in_the_brand_colour_with_system_fonts(built):
    soup = built.page("/")
    css = built.file(soup.select_one("link[rel=stylesheet]")["href"]).read_text(encoding="utf-8")
    assert "#00607a" in css
    assert "GDS Transport" not in css and "@font-face" not in css
    assert "system-ui" in css
    assert "@media print" in css


# Entry pages


def test_entry_page_gives_the_facts_first(built):
    soup = built.page("/services/sensory-play-group/")
    assert text(soup.select_one("h1")) == "Sensory Play Group"
    shown = facts(soup)
    assert list(shown)[:1] == ["Who it is for"]
    assert "Ages 0 to 5" in shown["Who it is for"] and "Autism (ASD)" in shown["Who it is for"]
    assert shown["Cost"] == "Free"
    assert "Drop in" in shown["How to get it"]
    assert "Tuesday: 10am to 11:30am (Term time only)" in shown["Opening times"]
    assert "Step-free entrance" in shown["Venue accessibility"]
    assert shown["Last checked"] == "March 2026"
    # the facts come before the description
    assert soup.select_one(".app-entry__facts").find_next("div", class_="app-prose")


def test_entry_contact_links_call_email_and_map(built):
    soup = built.page("/services/sensory-play-group/")
    assert soup.select_one("a[href='tel:01632960904']").get_text() == "01632 960904"
    assert soup.select_one("a[href='mailto:playgroup@example.org']")
    osm = soup.select_one("a[href^='https://www.openstreetmap.org/']")
    assert osm["href"] == "https://www.openstreetmap.org/search?query=WA10%201HJ"
    assert not soup.select("iframe, img[src*='tile']"), "no embedded map"


def test_map_link_uses_coordinates_when_known(built):
    soup = built.page("/services/holiday-club/")
    osm = soup.select_one("a[href^='https://www.openstreetmap.org/']")
    assert osm["href"] == "https://www.openstreetmap.org/?mlat=53.4534&mlon=-2.7369#map=17/53.4534/-2.7369"


def test_closed_entry_warns_families_at_the_top(built):
    soup = built.page("/services/holiday-club/")
    banner = soup.select_one(".govuk-notification-banner")
    assert "Temporarily closed" in text(banner) and "reopen in September 2026" in text(banner)
    assert facts(soup)["Cost"] == "£10 a day"
    assert built.page("/services/sensory-play-group/").select_one(".govuk-notification-banner") is None


def test_tell_us_link_names_the_page(built):
    soup = built.page("/services/sensory-play-group/")
    link = soup.select_one(".app-report-problem a")
    assert text(soup.select_one(".app-report-problem")).startswith("Is something wrong on this page? Tell us")
    parts = urlsplit(link["href"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.sthelens.gov.uk", "/send")
    assert parse_qs(parts.query)["page"] == ["/services/sensory-play-group/"]


def test_an_email_feedback_route_names_the_page_in_the_subject():
    from govuk_theme.filters import feedback_href

    parts = urlsplit(feedback_href("mailto:localoffer@example.org", "Sensory Play Group", "/services/sensory-play-group/"))
    assert parts.scheme == "mailto" and parts.path == "localoffer@example.org"
    assert parse_qs(parts.query)["subject"] == ["Local Offer: Sensory Play Group"]


@pytest.mark.parametrize("options", [{}, {"width": 6}, {"width": "  ", "first": True}, {"blank": True}])
def test_our_indent_filter_writes_exactly_what_jinjas_does(options):
    """Summary-list rows go through it: code and line breaks in a description must come out unchanged."""
    from govuk_theme.templating import indent
    from jinja2.filters import do_indent
    from markupsafe import Markup

    html = Markup("<p>One &amp; two</p>\n\n<pre><code>a &lt; b\n  c</code></pre>\n<ul>\n<li>x</li>\n</ul>")
    for value in (html, str(html), "plain <b> text\nnext"):
        ours, jinjas = indent(value, **options), do_indent(value, **options)
        assert ours == jinjas and type(ours) is type(jinjas)


def test_school_entry_shows_places_and_admissions(built):
    soup = built.page("/services/oak-tree-school/")
    assert "Special school" in text(soup.select_one(".govuk-caption-l"))
    assert [text(a) for a in soup.select(".govuk-breadcrumbs a")] == ["Home", "Schools and ARPs"]
    page = text(soup)
    assert "Primary, Secondary, Post-16" in page
    assert "120" in page and "St Helens Borough Council" in page
    assert "names the school in your child's EHC plan" in page


# Schools, A to Z, guides, 404


def test_schools_page_compares_schools_in_a_table(built):
    soup = built.page("/schools/")
    table = soup.select_one("table")
    assert text(table.select_one("caption")).startswith("Special schools")
    assert [text(th) for th in table.select("thead th[scope=col]")] == ["Name", "Phases", "Designated needs", "Ages", "Places"]
    row = table.select_one("tbody tr")
    assert text(row.select_one("th[scope=row]")) == "Oak Tree School"
    cells = [text(td) for td in row.select("td")]
    assert cells == [
        "Primary, Secondary, Post-16",
        "Severe learning difficulties (SLD), Profound and multiple learning difficulties (PMLD)",
        "Ages 4 to 19",
        "120",
    ]
    assert "EHC" in text(soup.select_one("#admissions").find_next("ol"))


def test_a_to_z_groups_entries_by_letter(built):
    soup = built.page("/services/")
    assert [text(h) for h in soup.select("main h2")] == ["A", "H", "O", "S"]
    assert soup.select_one(".app-letter-index a[href='#letter-s']")
    assert soup.select_one(".app-letter-index a[href='#letter-b']") is None


def test_guides_and_home_list_information_pages_in_order(built):
    guides = [text(a) for a in built.page("/guides/").select("main li > a")]
    assert guides == ["EHC plans", "Glossary"]
    home = built.page("/")
    assert [text(a) for a in home.select("main .app-related__list a")] == guides
    tasks = [text(a) for a in home.select(".app-task-list__link")]
    assert "Find special schools and ARPs" in tasks


def test_404_page_offers_a_way_on(built):
    soup = built.page("/404.html")
    assert text(soup.select_one("h1")) == "Page not found"
    hrefs = [a["href"] for a in soup.select("main a")]
    assert "/" in hrefs and "/guides/" in hrefs


# Information pages and the glossary


def test_information_page_has_breadcrumbs_contents_and_related_entries(built):
    soup = built.page("/ehc-plans/")
    assert [text(a) for a in soup.select(".govuk-breadcrumbs a")] == ["Home", "Guides"]
    contents = soup.select(".app-contents-list a")
    assert [text(a) for a in contents] == ["What an EHC plan is", "Annual reviews"]
    for link in contents:
        assert soup.select_one(link["href"]), link["href"]
    assert soup.select_one(".app-prose p"), "page HTML is rendered, not escaped"
    related = [text(a) for a in soup.select(".app-related a")]
    assert related == ["Oak Tree School", "Advice Line"]


def test_first_use_of_an_abbreviation_links_to_the_glossary(built):
    soup = built.page("/ehc-plans/")
    abbrs = soup.select(".app-prose abbr")
    assert [(a.get_text(), a["title"]) for a in abbrs] == [("EHC plan", "Education, health and care plan")]
    link = abbrs[0].parent
    assert link.name == "a" and link["href"].startswith("/glossary/#")
    anchor = link["href"].split("#")[1]
    assert built.page("/glossary/").select_one(f"h3#{anchor}")
    assert not soup.select("h1 abbr, h2 abbr")


def test_glossary_groups_terms_under_letters(built):
    soup = built.page("/glossary/")
    headings = [(h.name, text(h)) for h in soup.select(".app-prose h2, .app-prose h3")]
    assert headings[:2] == [("h2", "A"), ("h3", "Annual review")]
    assert ("h2", "E") in headings
    assert soup.select_one(".app-letter-index a[href='#letter-e']")


# Hosting, weight, brand


def test_headers_file_sets_the_content_security_policy(built):
    headers = built.file("/_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert "  Content-Security-Policy: default-src 'self'" in headers


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def test_an_entry_page_transfers_under_60_kb(built):
    url = "/services/sensory-play-group/"
    soup = built.page(url)
    files = [built.file(url) / "index.html", built.file(soup.select_one("link[rel=stylesheet]")["href"])]
    for script in soup.select("script[src]"):
        path = built.file(script["src"])
        files.append(path)
        # and every module it imports
        for imported in re.findall(r'from\s+"(\.[^"]+)"', path.read_text(encoding="utf-8")):
            files.append((path.parent / imported).resolve())
    total = sum(_gzipped(path) for path in files)
    print(f"entry page weight: {total / 1024:.1f} KB gzip over {len(files)} files")
    assert total < 60 * 1024


def test_the_stylesheet_is_reused_when_nothing_in_it_changed(site):
    css = site.build_ok().page("/").select_one("link[rel=stylesheet]")["href"]
    cached = ROOT / "build" / "theme" / Path(css).name
    before = cached.stat().st_mtime_ns
    site.write("pages/extra.md", "Title: Extra\nSlug: extra\nSummary: A content-only change.\n" + PAGE_REQUIRED + "\nText.\n")
    assert site.build_ok().page("/").select_one("link[rel=stylesheet]")["href"] == css
    assert cached.stat().st_mtime_ns == before


def test_a_brand_colour_too_light_for_white_text_stops_the_build(site):
    council = site.content / "council.yaml"
    council.write_text(council.read_text(encoding="utf-8").replace('"#00607a"', '"#7fb3d5"'), encoding="utf-8")
    result = site.build()
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "council.yaml:8: brand.colour: white text on #7fb3d5 has a contrast of 2.3:1" in message, message
    assert "4.5:1" in message
