"""Browse pages: every entry reachable by links, by type of help, need, age and kind."""

from __future__ import annotations

import shutil
from collections import deque
from pathlib import Path

import pytest

from browse.pagination import paginate
from tests.conftest import Site, fixture_site
from tests.test_build_engine import settings_file


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    return fixture_site(tmp_path_factory.mktemp("browse")).build_ok()


def names(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".app-result__title a")]


def test_browse_home_links_to_each_way_of_browsing_and_the_a_to_z(built):
    links = {a["href"]: a.get_text(strip=True) for a in built.page("/browse/").select("main a")}
    assert links["/browse/category/"] == "By type of help"
    assert links["/browse/need/"] == "By need"
    assert links["/browse/age/"] == "By age"
    assert links["/browse/kind/"] == "By kind of support"
    assert links["/services/"] == "Everything from A to Z"


def group(page, group_id: str) -> list[str]:
    """The names listed in one group of a term page: 'chosen', 'open-to-all' or 'ages-not-known'."""
    listed = page.select_one(f'.app-results[data-group="{group_id}"]')
    return [a.get_text(strip=True) for a in listed.select(".app-result__title a")] if listed else []


def test_a_need_lists_the_entries_for_it_with_what_families_need_to_choose(built):
    page = built.page("/browse/need/asd/")
    assert page.select_one("h1").get_text(strip=True) == "Autism (ASD)"
    assert group(page, "chosen") == ["Sensory Play Group"]
    result = page.select_one(".app-result")
    assert result.select_one(".govuk-tag").get_text(strip=True) == "Service"
    assert "weekly play session" in result.select_one(".app-result__summary").get_text()
    facts = result.select_one(".app-result__facts").get_text(" ", strip=True)
    assert "Ages 0 to 5" in facts
    assert "For Autism (ASD), Sensory and physical needs" in facts
    assert "Phone 01632 960904" in facts


def test_an_entry_open_to_all_needs_is_listed_under_every_need_in_its_own_group(built):
    # Advice Line lists no needs: it is for any need, so no need page may hide it.
    for term in ("asd", "vi", "semh", "communication-and-interaction"):
        page = built.page(f"/browse/need/{term}/")
        assert group(page, "open-to-all") == ["Advice Line"], term
        heading = page.select_one("#open-to-all").get_text(strip=True)
        assert heading == "Open to all children and young people with SEND"
    # A school is only for the needs it is designated for.
    assert "Oak Tree School" not in names(built.page("/browse/need/asd/"))
    need_page = built.page("/browse/need/")
    assert "also lists 1 entry" in need_page.select_one(".app-browse-everywhere").get_text()


def test_an_age_band_lists_every_entry_serving_any_age_in_it(built):
    early = built.page("/browse/age/early-years/")
    assert group(early, "chosen") == ["Sensory Play Group"]
    assert group(early, "open-to-all") == ["Advice Line"]
    assert group(built.page("/browse/age/primary/"), "chosen") == ["Oak Tree School", "Sensory Play Group"]
    assert group(built.page("/browse/age/post-16/"), "chosen") == ["Oak Tree School"]


def test_ages_meet_at_a_birthday_without_overlapping_and_unknown_ages_are_labelled(site):
    site.write("services/teen-club.yaml", """\
        kind: service
        name: Teen Club
        summary: A club for young people aged 11 to 16.
        description: Games and talk.
        categories: [leisure]
        email: club@example.org
        minimum_age: 11
        maximum_age: 16
        sources: [example-directory-check]
        assured_date: 2026-01-10
        """)
    site.write("services/mystery-group.yaml", """\
        kind: service
        name: Mystery Group
        summary: A group whose ages no source gives.
        description: Ask them.
        categories: [leisure]
        ask: advice-line
        ages: not-known
        sources: [example-directory-check]
        assured_date: 2026-01-10
        """)
    site.build_ok()
    # "Aged 11 to 16" runs until the 16th birthday: secondary, not 16 to 25.
    assert "Teen Club" in names(site.page("/browse/age/secondary/"))
    assert "Teen Club" not in names(site.page("/browse/age/post-16/"))
    assert "Teen Club" not in names(site.page("/browse/age/primary/"))
    # No source gives its ages: listed under every age, in a group that says so.
    for band in ("early-years", "primary", "secondary", "post-16"):
        page = site.page(f"/browse/age/{band}/")
        assert group(page, "ages-not-known") == ["Mystery Group"], band
        assert "Mystery Group" not in group(page, "chosen")
    explanation = site.page("/browse/age/").select_one(".app-browse-explanation").get_text()
    assert "from a child's 11th birthday until their 16th birthday" in explanation


def test_a_kind_and_a_type_of_help_list_their_entries(built):
    special = built.page("/browse/kind/special_school/")
    assert special.select_one("h1").get_text(strip=True) == "Special schools"
    assert names(special) == ["Oak Tree School"]
    assert names(built.page("/browse/category/disagreements/")) == ["Advice Line"]


def test_a_type_of_help_lists_its_guides_too(built):
    page = built.page("/browse/category/education/")
    assert names(page) == ["Oak Tree School"]
    guides = page.find("h2", string="Guides about education").find_next("ul")
    assert [a["href"] for a in guides.select("a")] == ["/ehc-plans/"]


def test_each_way_of_browsing_shows_how_many_entries_each_term_has(built):
    page = built.page("/browse/need/")
    item = page.select_one('a[href="/browse/need/asd/"]').find_parent("li")
    assert "(1)" in item.get_text()
    assert "Autistic spectrum disorder" in item.get_text()


def test_a_term_with_nothing_in_it_says_so(built):
    page = built.page("/browse/category/travel/")
    assert not page.select(".app-result")
    assert "Nothing is listed here yet" in page.select_one("main").get_text()


def test_results_offer_save_to_my_list_only_through_javascript(built):
    page = built.page("/browse/need/asd/")
    holder = page.select_one("[data-app-save-to-list]")
    assert holder["data-app-save-to-list"] == "sensory-play-group" and not holder.contents
    assert "/theme/js/my-list.mjs" in [s.get("src") for s in page.select("script")]


def entries_reached_through_browse_pages(site: Site) -> set[str]:
    """Follow only the home page and browse pages, as a family without
    JavaScript would to find something by need, age or type of help."""
    seen, queue, reached = set(), deque(["/"]), set()
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        for link in site.page(url).select("main a[href^='/']"):
            href = link["href"].split("#")[0]
            if href.startswith("/services/") and href != "/services/":
                reached.add(href)
            elif href.startswith("/browse/"):
                queue.append(href)
    return reached


EVERY_ENTRY = {"/services/advice-line/", "/services/oak-tree-school/", "/services/sensory-play-group/"}


def test_every_entry_is_reachable_from_the_home_page_through_browse_pages(built):
    assert entries_reached_through_browse_pages(built) == EVERY_ENTRY


def page_inode(site: Site, url: str) -> int:
    return site.file(url + "index.html").stat().st_ino


def test_a_rebuild_shows_a_changed_entry_and_reuses_pages_without_it(site, tmp_path):
    site.build_ok()
    # Neither Advice Line nor Oak Tree School (which names Advice Line to ask) is on these.
    untouched = {url: page_inode(site, url) for url in ("/browse/category/leisure/", "/browse/kind/service/", "/browse/")}
    path = site.content / "services" / "advice-line.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Free, impartial advice", "Confidential, impartial advice"), encoding="utf-8")
    site.build_ok()

    for url in ("/browse/category/disagreements/", "/browse/kind/ias/", "/browse/age/post-16/"):
        summaries = [p.get_text() for p in site.page(url).select(".app-result__summary")]
        assert any(s.startswith("Confidential, impartial advice") for s in summaries), url
        assert not any(s.startswith("Free") for s in summaries), url
    # Pages without the entry are the last build's files, and still in the sitemap.
    assert {url: page_inode(site, url) for url in untouched} == untouched
    sitemap = site.file("/sitemap.xml").read_text(encoding="utf-8")
    assert "/browse/category/leisure/" in sitemap and "/browse/kind/ias/" in sitemap
    fresh = Site(tmp_path / "fresh")
    shutil.copytree(site.content, fresh.content)
    fresh.build_ok()
    for page in sorted(site.file("/browse").rglob("index.html")):
        relative = page.relative_to(site.output)
        assert page.read_bytes() == (fresh.output / relative).read_bytes(), relative


def with_browse_pages_of(root: Path, per_page) -> Site:
    """The fixture content, not yet built, with browse lists split into pages of ``per_page`` entries."""
    site = fixture_site(root)
    site.settings = settings_file(root, f'SEARCH = {{**SEARCH, "BROWSE_PER_PAGE": {per_page!r}}}')
    return site


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Site:
    """A county's long lists in miniature: one entry per browse page."""
    return with_browse_pages_of(tmp_path_factory.mktemp("paged"), 1).build_ok()


def pagination_links(page) -> dict:
    nav = page.select_one("nav.govuk-pagination")
    return {
        "previous": [a["href"] for a in nav.select(".govuk-pagination__prev a")],
        "next": [a["href"] for a in nav.select(".govuk-pagination__next a")],
        "pages": [a["href"] for a in nav.select(".govuk-pagination__item a")],
        "current": nav.select_one("[aria-current=page]").get_text(strip=True),
    }


def test_a_long_list_is_split_into_pages_that_link_to_each_other(paged):
    # Primary age lists two entries chosen for it, then one open to all ages.
    first = paged.page("/browse/age/primary/")
    assert first.select_one("title").get_text().startswith("Primary school age, 4 to 11 (page 1 of 3) - ")
    count = first.select_one(".app-browse-count").get_text(" ", strip=True)
    assert count == "3 services, schools and sources of support: this is page 1 of 3, showing number 1"
    assert names(first) == ["Oak Tree School"]
    # The list has two groups, so its first page names the one it shows.
    assert first.select_one("#chosen").get_text(strip=True) == "Specifically for Primary school age, 4 to 11"
    assert pagination_links(first) == {
        "previous": [],
        "next": ["/browse/age/primary/page/2/"],
        "pages": ["/browse/age/primary/", "/browse/age/primary/page/2/", "/browse/age/primary/page/3/"],
        "current": "1",
    }
    assert names(paged.page("/browse/age/primary/page/2/")) == ["Sensory Play Group"]
    last = paged.page("/browse/age/primary/page/3/")
    assert group(last, "open-to-all") == ["Advice Line"]
    assert last.select_one("#open-to-all").get_text(strip=True) == "For all ages, 0 to 25"
    links = pagination_links(last)
    assert links["previous"] == ["/browse/age/primary/page/2/"] and links["next"] == [] and links["current"] == "3"
    assert not paged.file("/browse/age/primary/page/4/index.html").exists()
    # Every page is in the sitemap, and every entry is still reachable by following links.
    assert "/browse/age/primary/page/3/" in paged.file("/sitemap.xml").read_text(encoding="utf-8")
    assert entries_reached_through_browse_pages(paged) == EVERY_ENTRY


def test_a_short_list_is_one_page_without_page_links(built):
    page = built.page("/browse/age/primary/")
    assert "page" not in page.select_one("title").get_text()
    assert page.select_one(".app-browse-count").get_text(strip=True) == "3 services, schools and sources of support"
    assert not page.select("nav.govuk-pagination")
    assert not built.file("/browse/age/primary/page/2/index.html").exists()


def test_page_links_show_the_first_last_and_nearby_pages_with_gaps_marked():
    fifth = paginate(list(range(100)), 10, "browse/need/asd/")[4]
    shown = [item.get("number", "…") for item in fifth.links()["items"]]
    assert shown == [1, "…", 4, 5, 6, "…", 10]
    assert (fifth.first, fifth.last) == (41, 50)
    # A gap of one page shows the page rather than an ellipsis.
    third = paginate(list(range(100)), 10, "browse/need/asd/")[2]
    assert [item.get("number", "…") for item in third.links()["items"]] == [1, 2, 3, 4, "…", 10]
    assert third.links()["previous"] == "browse/need/asd/page/2/"


def test_a_rebuild_renders_only_the_pages_of_a_list_a_changed_entry_is_on(tmp_path):
    site = with_browse_pages_of(tmp_path / "site", 1).build_ok()
    # Sensory Play Group does not name Advice Line, so its page does not change.
    untouched = page_inode(site, "/browse/age/primary/page/2/")
    path = site.content / "services" / "advice-line.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Free, impartial advice", "Confidential, impartial advice"), encoding="utf-8")
    site.build_ok()
    summary = site.page("/browse/age/primary/page/3/").select_one(".app-result__summary").get_text()
    assert summary.startswith("Confidential, impartial advice")
    assert page_inode(site, "/browse/age/primary/page/2/") == untouched
    fresh = with_browse_pages_of(tmp_path / "fresh", 1)
    shutil.rmtree(fresh.content)
    shutil.copytree(site.content, fresh.content)
    fresh.build_ok()
    for page in sorted(site.file("/browse").rglob("index.html")):
        relative = page.relative_to(site.output)
        assert page.read_bytes() == (fresh.output / relative).read_bytes(), relative


@pytest.mark.parametrize("per_page", [0, "50"])
def test_a_page_size_that_is_not_a_whole_number_of_entries_stops_the_build(tmp_path, per_page):
    result = with_browse_pages_of(tmp_path, per_page).build()
    assert result.returncode != 0
    assert "SEARCH['BROWSE_PER_PAGE'] must be a whole number of entries, 1 or more" in result.stdout + result.stderr


def test_make_check_names_the_settings_line_of_a_page_size_that_is_not_a_whole_number(tmp_path):
    site = with_browse_pages_of(tmp_path, 0)
    result = site.check()
    lines = Path(site.settings).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "BROWSE_PER_PAGE" in text)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"{site.settings}:{line}: SEARCH['BROWSE_PER_PAGE'] must be a whole number of entries, 1 or more, not 0" in result.stdout
