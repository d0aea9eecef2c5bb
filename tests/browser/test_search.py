"""Search, browse and My list in headless Chromium, against the real St Helens build.

The query suite is what parents and young people type, in their own words
and spelling; each query names what must be in the top three results.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

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
    every = page.locator("[data-search-filters]")
    if every.get_attribute("open") is None:
        every.locator("summary").first.click()
    details = page.locator("details.app-search__filter", has=page.locator("summary", has_text=legend))
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
    page.get_by_label("Find support").fill("autism")
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
    page = open_search(open_tab, "/search/?q=education&age=early-years").page
    found = results(page)
    assert "/services/free-early-education/" in found  # ages 2 to 5
    assert "/services/de-la-salle-school/" not in found  # secondary
    # No source gives Mill Green's ages: the filter does not hide it, and the result says so.
    assert "/services/mill-green-school/" in found
    card = page.locator("[data-search-results] > li", has=page.locator("a[href='/services/mill-green-school/']"))
    assert "Ages not known" in card.inner_text()


def test_a_question_naming_an_age_keeps_what_is_for_that_age_birthdays_as_the_filters_read_them(open_tab):
    # Only an age: everything for it. Primary school age is until the 11th birthday, so an 11-year-old is secondary.
    found = results(open_search(open_tab, "/search/?q=" + quote("my son is 11")).page)
    assert "/services/haydock-high-school/" in found  # secondary
    assert "/services/rectory-primary-school/" not in found  # primary
    assert "/services/free-early-education/" not in found  # ages 2 to 5


def test_opening_a_shared_address_shows_the_same_results(open_tab):
    address = "/search/?q=autism&age=primary&need=asd&category=education"
    page = open_search(open_tab, address).page
    assert page.get_by_label("Find support").input_value() == "autism"
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
        page.get_by_label("Find support").fill("respite")
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
    printed = item.inner_text()
    assert f"Web address: {base_url}/services/iass/" in printed
    assert "Phone: 01744 673428" in printed
    for hidden in ("[data-my-list-print]", "[data-my-list-share]", "[data-my-list-intro]", ".app-save-button"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert not page.locator(".govuk-service-navigation").is_visible()


def test_my_list_names_who_to_ask_for_an_entry_with_no_contact_of_its_own(fresh, base_url):
    # Early help gives no phone, email or website of its own; it names the IASS to ask.
    page = fresh("/my-list/?items=early-help")
    item = page.locator("[data-my-list-items] > li").first
    item.wait_for()
    iass = "St Helens Information, Advice and Support Service (IASS)"
    expect(item.get_by_role("link", name=iass)).to_have_attribute("href", f"{base_url}/services/iass/")
    expect(item.get_by_role("link", name="01744 673428")).to_have_attribute("href", "tel:01744673428")
    page.emulate_media(media="print")
    printed = item.inner_text()
    assert f"Ask {iass}\nPhone: 01744 673428\nWebsite: http://www.iassnetwork.org.uk/" in printed, printed


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


@pytest.mark.parametrize(
    "address",
    ["/search/?q=autism&age=primary", "/search/?q=xylophone", "/search/?q=councelling", "/my-list/?items=iass,penkford-school"],
)
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


# --- on a phone -----------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("query", ["autism", "speech therapy", "how do i get an ehcp for my son", "downs syndrome"])
def test_on_a_phone_the_count_and_the_first_result_are_on_the_first_screen(open_tab, tmp_path, query):
    tab = open_tab("/search/?q=" + quote(query), **PHONE)
    page = tab.page
    status_of(page)
    page.screenshot(path=str(tmp_path / f"search-{query.replace(' ', '-')}-390x844.png"))
    status = page.locator("[data-search-status]").bounding_box()
    first = page.locator("[data-search-results] > li").first
    title = first.locator(".app-result__title").bounding_box()
    summary = first.locator(".app-result__summary").bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert status["y"] >= 0 and status["y"] + status["height"] <= PHONE["height"], status
    assert title["y"] > status["y"] and summary["y"] + summary["height"] <= PHONE["height"], (title, summary)
    assert not tab.problems


# --- results that match only some words, and nothing found ---------------------------


def test_loosely_related_results_are_offered_after_the_good_ones(open_tab):
    tab = open_search(open_tab, "/search/?q=speech%20therapy")
    page = tab.page
    assert status_of(page) == "1 result for speech therapy"
    assert results(page) == ["/services/early-years-speech-and-language/"]
    button = page.get_by_role("button", name=re.compile(r"^Show \d+ loosely related results$"))
    count = int(button.text_content().split()[1])
    button.click()
    heading = page.get_by_role("heading", name="Loosely related")
    expect(heading).to_be_focused()
    expect(page.locator("[data-search-loose-results] > li")).to_have_count(count)
    assert not button.is_visible()
    assert not tab.problems


def test_a_long_question_lists_only_what_matches_most_of_its_words(open_tab):
    page = open_search(open_tab, "/search/?q=" + quote("my son is not talking yet")).page
    assert results(page)[0] == "/services/early-years-speech-and-language/"
    assert len(results(page)) <= 3


def test_a_misspelt_word_is_answered_and_the_sites_word_suggested(open_tab):
    page = open_search(open_tab, "/search/?q=councelling").page
    assert results(page)[0] == "/services/thrive/"
    suggestion = page.locator("[data-search-suggestion]")
    expect(suggestion).to_have_text("Did you mean counselling?")
    suggestion.get_by_role("link", name="counselling").click()
    page.wait_for_url("**/search/?q=counselling")
    page.wait_for_function("() => /for counselling$/.test(document.querySelector('[data-search-status]').textContent)")
    assert results(page)[0] == "/services/thrive/"


def test_nothing_found_keeps_the_words_and_offers_browse_pages_and_a_person(open_tab):
    page = open_search(open_tab, "/search/?q=xylophone%20lessons").page
    assert page.get_by_label("Find support").input_value() == "xylophone lessons"
    empty = page.locator("[data-search-empty]")
    expect(empty).to_be_visible()
    expect(empty.get_by_role("link", name="Everything from A to Z")).to_be_visible()
    iass = empty.get_by_role("link", name="St Helens Information, Advice and Support Service (IASS)")
    assert iass.get_attribute("href") == "/services/iass/"


def test_weak_matches_offer_the_browse_pages_they_are_filed_under(open_tab):
    # No result matches both words, so the loosely related ones are shown, with where to browse.
    page = open_search(open_tab, "/search/?q=" + quote("swimming lessons")).page
    assert status_of(page).startswith("No close matches for swimming lessons.")
    fits = page.locator("[data-search-fits] a")
    expect(fits.first).to_be_visible()
    assert "/browse/category/leisure/" in fits.evaluate_all("links => links.map(l => l.getAttribute('href'))")


# --- without JavaScript -------------------------------------------------------------


def test_without_javascript_the_home_search_leads_to_answers_browse_pages_and_a_person(no_js_context, base_url):
    page = no_js_context.new_page()
    try:
        page.goto(base_url + "/")
        page.get_by_label("Search the Local Offer").fill("respite")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?q=respite")
        notice = page.locator("[data-search-no-js]")
        expect(notice).to_be_visible()
        expect(notice.get_by_role("link", name="Short breaks for disabled children and young people")).to_be_visible()
        expect(notice.get_by_role("link", name="By type of help")).to_be_visible()
        expect(notice.get_by_role("link", name="01744 673428")).to_be_visible()
    finally:
        page.close()


# --- My list: copy and share ---------------------------------------------------------


def test_my_list_copies_its_link(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(base_url + "/my-list/?items=iass,short-breaks")
        page.locator("[data-my-list-items] > li").first.wait_for()
        page.get_by_role("button", name="Copy link").click()
        expect(page.locator("[data-my-list-status]")).to_have_text("Link copied. You can paste it into a message or email.")
        assert page.evaluate("navigator.clipboard.readText()") == base_url + "/my-list/?items=iass,short-breaks"
    finally:
        context.close()


def test_my_list_offers_the_phones_share_sheet_where_the_browser_has_one(browser, base_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "/my-list/?items=iass")
        page.locator("[data-my-list-items] > li").first.wait_for()
        # Desktop Chromium on Linux has no share sheet: no button that cannot work.
        assert not page.evaluate("'share' in navigator")
        expect(page.get_by_role("button", name="Share", exact=True)).to_be_hidden()
        # A phone's browser has one.
        page.add_init_script("navigator.share = async (data) => { window.__shared = data; };")
        page.reload()
        page.locator("[data-my-list-items] > li").first.wait_for()
        page.get_by_role("button", name="Share", exact=True).click()
        page.wait_for_function("() => window.__shared")
        assert page.evaluate("window.__shared.url") == base_url + "/my-list/?items=iass"
    finally:
        context.close()


def test_my_list_shows_how_to_get_in_touch_with_each_entry(fresh, base_url):
    page = fresh("/my-list/?items=iass")
    item = page.locator("[data-my-list-items] > li").first
    item.wait_for()
    expect(item.get_by_role("link", name="01744 673428")).to_have_attribute("href", "tel:01744673428")
    # The web address is for paper; on screen the name is the link.
    expect(item.get_by_text("Web address:")).to_be_hidden()


# --- the schools table on a phone ---------------------------------------------------


def test_the_schools_table_says_it_scrolls_and_scrolls_with_the_keyboard_at_320_pixels(open_tab):
    page = open_tab("/schools/", width=320).page
    box = page.locator(".app-table-scroll").first
    expect(page.locator(".app-table-scroll__cue").first).to_be_visible()
    assert box.evaluate("el => el.scrollWidth > el.clientWidth"), "the table should be wider than the screen"
    assert box.get_attribute("tabindex") == "0"
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320


def test_my_list_of_every_entry_and_search_results_fit_a_320_pixel_screen(open_tab, real_site):
    slugs = sorted(path.stem for path in (real_site.content / "services").rglob("*.yaml"))
    page = open_tab("/my-list/?items=" + ",".join(slugs), width=320).page
    expect(page.locator("[data-my-list-items] > li")).to_have_count(len(slugs))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    for query in ("speech therapy", "swimming lessons"):
        page.goto(page.url.split("/my-list/")[0] + "/search/?q=" + quote(query))
        status_of(page)
        loose = page.locator("[data-search-loose] button")
        if loose.is_visible():
            loose.click()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320, query
