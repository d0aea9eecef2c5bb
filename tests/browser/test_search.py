"""Search, browse and My list in headless Chromium, against the real St Helens build.

The query suite is what parents and young people type, in their own words
and spelling; each query names what must be in the top three results.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.browser


# (what a family types, addresses that must be among the first three results)
QUERIES = [
    ("autism", ["/services/autism-in-schools/"]),
    ("autistic", ["/services/autism-in-schools/"]),
    ("autisim", ["/services/autism-in-schools/"]),
    ("aspergers", ["/services/autism-in-schools/"]),
    ("adhd", ["/services/neurodevelopment-pathway/"]),
    ("diagnosis", ["/services/neurodevelopment-pathway/"]),
    ("dyslexia", ["/what-is-send/"]),
    ("dislexia", ["/what-is-send/"]),
    ("speech therapy", ["/services/early-years-speech-and-language/"]),
    ("speach therapy", ["/services/early-years-speech-and-language/"]),
    ("talking", ["/services/early-years-speech-and-language/"]),
    ("respite", ["/services/short-breaks/"]),
    ("holiday club", ["/services/short-breaks/"]),
    ("appeal", ["/services/send-tribunal/", "/disagreements/"]),
    ("tribunal", ["/services/send-tribunal/"]),
    ("mediation", ["/services/your-family-matters/", "/disagreements/"]),
    ("complaint", ["/disagreements/"]),
    ("EHCP", ["/ehc-plans/"]),
    ("ehc plan", ["/ehc-plans/"]),
    ("statement", ["/ehc-plans/"]),
    ("statutory assessment", ["/ehc-needs-assessment/"]),
    ("college", ["/preparing-for-adulthood/"]),
    # No source says which special school has a sixth form; the guide explains the choices after 16.
    ("sixth form", ["/preparing-for-adulthood/"]),
    ("job", ["/services/supported-internships/"]),
    ("work", ["/services/supported-internships/"]),
    ("apprenticeship", ["/services/supported-internships/"]),
    ("wheelchair", ["/what-is-send/"]),
    ("deaf", ["/glossary/", "/what-is-send/"]),
    ("blind", ["/glossary/", "/what-is-send/"]),
    ("anxiety", ["/services/thrive/", "/services/penkford-school/"]),
    ("mental health", ["/services/thrive/"]),
    ("behaviour", ["/services/penkford-school/"]),
    ("transport to school", ["/travel-and-transport/", "/services/independent-travel-training/"]),
    ("bus pass", ["/services/independent-travel-training/"]),
    ("special school", ["/services/lansbury-bridge-school/"]),
    ("personal budget", ["/personal-budgets/", "/services/ehc-personal-budgets/"]),
    ("direct payments", ["/services/ehc-personal-budgets/"]),
    ("free childcare", ["/services/free-early-education/"]),
    ("parents group", ["/services/listen-4-change/"]),
    ("SENDIASS", ["/services/iass/"]),
    ("learning disability", ["/services/annual-health-checks/"]),
    ("library", ["/services/send-friendly-libraries/"]),
]


def status_of(page) -> str:
    status = page.locator("[data-search-status]")
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
    return status.text_content()


def results(page) -> list[str]:
    return page.locator("[data-search-results] .app-result__title a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


def open_search(open_tab, address: str):
    tab = open_tab(address)
    status_of(tab.page)
    return tab


def open_filter(page, legend: str) -> None:
    details = page.locator("details", has=page.locator("summary", has_text=legend))
    if details.get_attribute("open") is None:
        details.locator("summary").click()


@pytest.mark.parametrize("query, wanted", QUERIES, ids=[q for q, _ in QUERIES])
def test_a_familys_query_finds_the_right_help_in_the_top_three(open_tab, query, wanted):
    tab = open_search(open_tab, "/search/?q=" + quote(query))
    top = results(tab.page)[:3]
    missing = [url for url in wanted if url not in top]
    assert not missing, f"{query!r}: top three were {top}"
    assert not tab.problems


def test_there_are_at_least_thirty_queries_in_the_suite():
    assert len(QUERIES) >= 30


def test_typing_shows_results_and_announces_how_many(open_tab):
    tab = open_tab("/search/")
    page = tab.page
    assert page.locator("[data-search-status]").get_attribute("aria-live") == "polite"
    page.get_by_label("Search for services, schools and guides").fill("autism")
    page.wait_for_function("() => /for autism$/.test(document.querySelector('[data-search-status]').textContent)")
    count = page.locator("[data-search-results] > li").count()
    assert count > 1
    assert status_of(page) == f"{count} results for autism"
    assert page.url.endswith("/search/?q=autism")
    first = page.locator("[data-search-results] > li").first
    assert first.locator(".govuk-tag").text_content() == "Service"
    assert first.locator(".app-result__summary").text_content()
    assert "For Autism (ASD)" in first.locator(".app-result__facts").inner_text()
    assert not tab.problems


def test_filters_narrow_the_results_and_are_kept_in_the_address(open_tab):
    page = open_search(open_tab, "/search/?q=autism").page
    everything = results(page)
    open_filter(page, "Kind of support")
    page.get_by_label("Special schools").check()
    page.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length < n", arg=len(everything))
    narrowed = results(page)
    assert narrowed == ["/services/lansbury-bridge-school/"]
    assert status_of(page) == "1 result for autism"
    assert page.url.endswith("/search/?q=autism&kind=special_school")
    page.get_by_label("Special schools").uncheck()
    page.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length === n", arg=len(everything))
    assert page.url.endswith("/search/?q=autism")


def test_an_age_filter_keeps_entries_for_that_age_and_labels_those_whose_ages_are_not_known(open_tab):
    page = open_search(open_tab, "/search/?q=school&age=early-years").page
    found = results(page)
    assert "/services/free-early-education/" in found  # ages 2 to 5
    assert "/services/de-la-salle-school/" not in found  # secondary
    # No source gives Mill Green's ages: the filter does not hide it, and the result says so.
    assert "/services/mill-green-school/" in found
    card = page.locator("[data-search-results] > li", has=page.locator("a[href='/services/mill-green-school/']"))
    assert "Ages not known" in card.inner_text()


def test_opening_a_shared_address_shows_the_same_results(open_tab):
    address = "/search/?q=autism&age=primary&need=asd&category=education"
    page = open_search(open_tab, address).page
    assert page.get_by_label("Search for services, schools and guides").input_value() == "autism"
    for label in ("Primary school age, 4 to 11", "Autism (ASD)", "Education"):
        assert page.get_by_label(label, exact=True).is_checked(), label
    shared = results(page)
    assert "/services/autism-in-schools/" in shared
    assert "/services/mill-green-school/" not in shared  # designated for SLD and PMLD, not autism
    assert "/services/neurodevelopment-pathway/" not in shared  # health, not education

    again = open_search(open_tab, "/search/?q=autism").page
    for legend, label in (("Age", "Primary school age, 4 to 11"), ("Need", "Autism (ASD)"), ("Type of help", "Education")):
        open_filter(again, legend)
        again.get_by_label(label, exact=True).check()
    again.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length === n", arg=len(shared))
    assert results(again) == shared
    assert again.url.endswith(address)


def test_filters_alone_list_everything_that_matches(open_tab):
    page = open_search(open_tab, "/search/?kind=special_school").page
    assert status_of(page) == "3 results"
    assert sorted(results(page)) == [
        "/services/lansbury-bridge-school/", "/services/mill-green-school/", "/services/penkford-school/",
    ]


def test_no_results_suggests_browsing_and_the_advice_services_phone(open_tab):
    page = open_search(open_tab, "/search/?q=xylophone").page
    assert status_of(page) == "No results for xylophone"
    help_ = page.locator("[data-search-empty]")
    assert help_.is_visible()
    assert help_.get_by_role("link", name="By need").is_visible()
    assert help_.get_by_role("link", name="01744 673428").get_attribute("href") == "tel:01744673428"


def search_files(requested: list[str]) -> list[str]:
    """The search files among requested addresses, without their version."""
    paths = [urlsplit(url).path for url in requested]
    return [path for path in paths if path.startswith("/search/") and path != "/search/"]


def test_the_index_is_only_downloaded_when_search_is_used(context, base_url):
    requested = []
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    try:
        for address in ("/", "/services/iass/", "/browse/need/asd/", "/search/"):
            page.goto(base_url + address)
            page.wait_for_load_state("networkidle")
            assert not search_files(requested), address
        page.get_by_label("Search for services, schools and guides").fill("respite")
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
        assert {"/search/manifest.json", "/search/lunr.min.js", "/search/index/r.json"} <= set(search_files(requested))
    finally:
        page.close()


def test_a_search_downloads_only_the_shards_its_words_need(context, base_url, real_site):
    requested = []
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(base_url + "/search/?q=autism")
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
        page.wait_for_load_state("networkidle")
        shown = results(page)
    finally:
        page.close()
    per_file = json.loads(real_site.file("/search/manifest.json").read_text(encoding="utf-8"))["documents"]["per_file"]
    numbers = {
        number
        for path in real_site.file("/search/documents").glob("*.json")
        for number, doc in json.loads(path.read_text(encoding="utf-8")).items()
        if "/" + doc["url"] in shown
    }
    fetched = search_files(requested)
    assert sorted(fetched) == sorted(
        ["/search/manifest.json", "/search/lunr.min.js", "/search/index/a.json"]
        + [f"/search/documents/{n}.json" for n in sorted({int(number) // per_file for number in numbers})]
    )
    assert all("?v=" in url for url in requested if urlsplit(url).path in fetched)


def test_show_more_adds_the_next_results_and_moves_focus_to_them(open_tab):
    # Every document is listed when a filter keeps them all.
    tab = open_search(open_tab, "/search/?age=early-years&age=primary&age=secondary&age=post-16")
    page = tab.page
    total = int(status_of(page).split()[0])
    page_size = int(page.locator("[data-search-form]").get_attribute("data-page-size"))
    assert total > page_size, "the real content should have more than one page of results"
    assert len(results(page)) == page_size
    page.get_by_role("button", name="Show more results").click()
    page.wait_for_function("n => document.querySelectorAll('[data-search-results] > li').length > n", arg=page_size)
    assert len(results(page)) == min(total, 2 * page_size)
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == results(page)[page_size]
    assert page.get_by_role("button", name="Show more results").is_visible() == (total > 2 * page_size)
    assert not tab.problems


# --- without JavaScript -----------------------------------------------------


def test_without_javascript_search_says_so_and_links_to_browse_pages(no_js_context, base_url):
    page = no_js_context.new_page()
    try:
        page.goto(base_url + "/search/")
        notice = page.locator("[data-search-no-js]")
        assert notice.is_visible()
        assert "Search needs JavaScript" in notice.inner_text()
        for name in ("By type of help", "By need", "By age", "By kind of support", "Everything from A to Z"):
            assert notice.get_by_role("link", name=name).is_visible()
    finally:
        page.close()


def test_without_javascript_every_entry_is_reachable_from_home_through_browse_pages(no_js_context, base_url, real_site):
    entries = {
        "/" + doc["url"]
        for path in real_site.file("/search/documents").glob("*.json")
        for doc in json.loads(path.read_text(encoding="utf-8")).values()
        if doc.get("slug")
    }
    page = no_js_context.new_page()
    seen, queue, reached = set(), ["/"], set()
    try:
        while queue:
            address = queue.pop()
            if address in seen:
                continue
            seen.add(address)
            page.goto(base_url + address)
            for href in page.locator("main a[href^='/']").evaluate_all("links => links.map(l => l.getAttribute('href'))"):
                href = href.split("#")[0]
                if href in entries:
                    reached.add(href)
                elif href.startswith("/browse/"):
                    queue.append(href)
    finally:
        page.close()
    assert reached == entries


# --- My list ----------------------------------------------------------------


@pytest.fixture
def fresh(browser, base_url):
    """A browser with nothing saved; new_page(address) opens a tab in it."""
    context = browser.new_context()

    def new_page(address: str):
        page = context.new_page()
        page.goto(base_url + address)
        return page

    yield new_page
    context.close()


def test_saving_entries_lists_them_on_my_list_with_a_share_address(fresh, base_url):
    page = fresh("/services/iass/")
    page.get_by_role("button", name="Save to my list").click()
    assert page.get_by_role("button", name="Remove from my list").is_visible()
    assert page.get_by_role("status").filter(has_text="Saved.").get_by_role("link", name="View my list").is_visible()
    page.goto(base_url + "/services/short-breaks/")
    page.get_by_role("button", name="Save to my list").click()

    page.goto(base_url + "/my-list/")
    items = page.locator("[data-my-list-items] .app-result__title a")
    items.first.wait_for()
    assert items.all_text_contents() == [
        "St Helens Information, Advice and Support Service (IASS)",
        "Short breaks for disabled children and young people",
    ]
    assert page.locator("[data-my-list-share]").input_value() == base_url + "/my-list/?items=iass,short-breaks"
    assert not page.locator("[data-search-no-js]").is_visible()


def test_saving_from_search_results_and_removing_on_my_list(fresh, base_url):
    page = fresh("/search/?q=respite")
    status_of(page)
    page.locator("[data-search-results] > li").first.get_by_role("button", name="Save to my list").click()
    page.goto(base_url + "/my-list/")
    items = page.locator("[data-my-list-items] > li")
    items.first.wait_for()
    assert items.count() == 1
    items.first.get_by_role("button", name="Remove from my list").click()
    assert items.count() == 0
    assert page.locator("[data-my-list-empty]").is_visible()


def test_my_list_prints_only_the_entries(fresh, base_url):
    page = fresh("/services/iass/")
    page.get_by_role("button", name="Save to my list").click()
    page.goto(base_url + "/my-list/")
    page.locator("[data-my-list-items] > li").first.wait_for()
    page.emulate_media(media="print")
    item = page.locator("[data-my-list-items] > li").first
    assert item.is_visible()
    assert "Phone 01744 673428" in item.inner_text()
    for hidden in ("[data-my-list-print]", "[data-my-list-share]", "[data-my-list-intro]", ".app-save-button"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.locator(".govuk-service-navigation").is_visible()


def test_a_shared_my_list_address_shows_those_entries_to_someone_else(fresh, base_url):
    page = fresh("/my-list/?items=penkford-school,iass,not-an-entry")
    items = page.locator("[data-my-list-items] .app-result__title a")
    items.first.wait_for()
    assert items.all_text_contents() == [
        "Penkford School", "St Helens Information, Advice and Support Service (IASS)",
    ]
    assert page.get_by_role("heading", level=1).text_content() == "A shared list"
    page.get_by_role("button", name="Save these to my list").click()
    page.goto(base_url + "/my-list/")
    page.locator("[data-my-list-items] > li").first.wait_for()
    assert page.locator("[data-my-list-share]").input_value().endswith("/my-list/?items=penkford-school,iass")


# --- accessibility once results are showing ----------------------------------


@pytest.mark.parametrize("address", ["/search/?q=autism&age=primary", "/search/?q=xylophone", "/my-list/?items=iass,penkford-school"])
def test_axe_finds_no_problems_with_results_and_filters_showing(axe_context, base_url, address):
    from tests.browser.checks import AXE, AXE_OPTIONS, describe_axe

    page = axe_context.new_page()
    try:
        page.goto(base_url + address)
        page.wait_for_function(
            "() => document.querySelector('[data-search-status]')?.textContent"
            " || document.querySelector('[data-my-list-items] > li')"
        )
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true })")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]
    finally:
        page.close()
    assert not violations, describe_axe(address, violations)
