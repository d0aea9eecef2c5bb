"""You said, we did: the regulation 56 publication of families' comments.

Validation and the privacy guard are checked with the same code as ``make
check`` and the exact words an editor sees; the pages, panels and feed are
checked on a fixture site built once for this module with four items, one
for each action status.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import fixture_site
from tools.check import run_checks

ROOT = Path(__file__).resolve().parents[1]

ATOM = "{http://www.w3.org/2005/Atom}"

ITEMS = {
    "2025-03-holiday-short-breaks": """\
        received: 2025-03
        source: parent-carer-forum
        topic: provision
        categories: [short-breaks]
        needs: [asd]
        you_said: |
          Parents told us there are not enough short breaks in the school holidays for children in Year 6.

          They said it is hard to find out what is on between 2025 and 2026.
        response: We added more holiday sessions and now list them on the Local Offer.
        status: we-did
        response_date: 2025-06-15
        related: [sensory-play-group, ehc-plans]
        sources: [example-directory-check]
        """,
    "2025-07-too-much-jargon": """\
        received: 2025-07
        source: website-feedback
        topic: accessibility
        you_said: Parents said the pages about EHC plans use too much jargon.
        response: We are rewriting every guide in plain English and adding a glossary.
        status: we-are-doing
        response_date: 2025-08-01
        related: [ehc-plans]
        sources: [example-directory-check]
        """,
    "2024-10-help-us-write-it": """\
        received: 2024-10
        source: young-peoples-event
        topic: development
        you_said: Young people asked to help decide what goes on the Local Offer.
        response: We will hold a workshop with young people before the next review.
        status: we-will
        response_date: 2024-12-02
        sources: [example-directory-check]
        """,
    "2024-05-free-transport-for-all": """\
        received: 2024-05
        source: survey
        topic: provision
        categories: [travel]
        you_said: Some families asked for free transport to school for every child with SEND.
        response: We explain who can get free travel and how to ask, and offer travel training.
        status: we-cant
        reason: The law sets who can get free travel to school, and we must spend the money fairly.
        response_date: 2024-07-20
        related: [advice-line]
        sources: [example-directory-check]
        """,
}


def write_items(site):
    for slug, text in ITEMS.items():
        site.write(f"feedback/{slug}.yaml", text)
    return site


@pytest.fixture(scope="module")
def built(request, tmp_path_factory):
    """The fixture site with the four items, built once for the tests that only read it."""
    root = tmp_path_factory.mktemp("feedback")
    return write_items(fixture_site(root)).build_ok()


# --- validation and the privacy guard -------------------------------------

BLOCK = """\
received: 2025-04
source: website-feedback
topic: accessibility
you_said: |
  A parent said the page was hard to read.
{lines}
response: We rewrote the page.
status: we-did
response_date: 2025-05-01
sources: [example-directory-check]
"""


def problems(site, text: str, name: str = "2025-04-page-hard-to-read") -> list[str]:
    site.write(f"feedback/{name}.yaml", text)
    found, _ = run_checks(site.content, str(ROOT / "pelicanconf.py"))
    return [str(p) for p in found]


def said(*lines: str) -> str:
    return BLOCK.format(lines="\n".join("  " + line for line in lines))


FOUND = "; remove it — feedback must not identify anyone"
WHERE = "content/feedback/2025-04-page-hard-to-read.yaml"


def test_the_privacy_guard_names_the_line_inside_the_text_and_what_it_found(site):
    text = said(
        "She asked us to email jo.bloggs@example.com,",
        "or ring 01744 123456, 07700-900123, (01744) 123 456,",
        "+44 7700 900123 or +44 (0)1744 123456.",
        "She lives near WA10 1AB and wa9 5ff.",
        "Mrs Smith and Dr. Jones were at the meeting, with Mr O'Neill.",
    )
    assert problems(site, text) == [
        f"{WHERE}:6: you_said: contains an email address ('jo.bloggs@example.com'){FOUND}",
        f"{WHERE}:7: you_said: contains a phone number ('01744 123456'){FOUND}",
        f"{WHERE}:7: you_said: contains a phone number ('07700-900123'){FOUND}",
        f"{WHERE}:7: you_said: contains a phone number ('(01744) 123 456'){FOUND}",
        f"{WHERE}:8: you_said: contains a phone number ('+44 7700 900123'){FOUND}",
        f"{WHERE}:8: you_said: contains a phone number ('+44 (0)1744 123456'){FOUND}",
        f"{WHERE}:9: you_said: contains a postcode ('WA10 1AB'){FOUND}",
        f"{WHERE}:9: you_said: contains a postcode ('wa9 5ff'){FOUND}",
        f"{WHERE}:10: you_said: contains a personal title and a name ('Mrs Smith'){FOUND}",
        f"{WHERE}:10: you_said: contains a personal title and a name ('Dr. Jones'){FOUND}",
        f"{WHERE}:10: you_said: contains a personal title and a name ('Mr O'Neill'){FOUND}",
    ]


def test_the_response_and_reason_are_guarded_too(site):
    text = said("It was too long.").replace("We rewrote the page.", "Dr Jones rang the family.")
    assert problems(site, text) == [
        f"{WHERE}:7: response: contains a personal title and a name ('Dr Jones'){FOUND}",
    ]


def test_a_council_can_add_its_own_patterns(site):
    # pelicanconf.py adds NHS numbers to the built-in patterns.
    assert problems(site, said("Her NHS number is 485 777 3456.")) == [
        f"{WHERE}:6: you_said: contains an NHS number ('485 777 3456'){FOUND}",
    ]


def test_everyday_numbers_and_words_are_not_mistaken_for_personal_data(site):
    text = said(
        "Children in Year 6 and ages 0 to 25 wait 20 weeks; we miss Saturdays.",
        "Call the helpline, 1 in 4 parents said. In 2025-26 we spent £10,000.",
    )
    assert problems(site, text) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda text: text + "related: [oak-tree-school, no-such-page]\n",
            f"{WHERE}:11: related[1]: 'no-such-page' is not the slug of any directory entry or information page",
        ),
        (
            lambda text: text.replace("status: we-did", "status: we-cant"),
            f"{WHERE}:1: reason: when the status is we-cant, say why in 'reason'",
        ),
        (
            lambda text: text.replace("status: we-did", "status: we-dud"),
            f"{WHERE}:8: status: 'we-dud' is not a known term; did you mean 'we-did'? "
            "use one of: we-did, we-are-doing, we-will, we-cant",
        ),
        (
            lambda text: text.replace("received: 2025-04", "received: April 2025"),
            f"{WHERE}:1: received: 'April 2025' is not a date; write year-month-day, year-month or just the year, "
            "such as '2024-03-31'",
        ),
        (
            lambda text: text.replace("sources: [example-directory-check]\n", ""),
            f"{WHERE}:1: sources: is required: Where the comments and our response come from: the ids of sources "
            "listed in content/data/sources.yaml, such as send-strategy-2024.",
        ),
        (
            lambda text: text.replace("[example-directory-check]", "[something-we-heard]"),
            f"{WHERE}:10: sources[0]: 'something-we-heard' is not in content/data/sources.yaml; add the source there "
            "first, or use one of its ids",
        ),
        (
            lambda text: text.replace("response_date: 2025-05-01", "response_date: 2026-07"),
            f"{WHERE}:9: response_date: 2026-07 is later than its newest source, 'example-directory-check' "
            "(2026-06-01); a date here is the date of the source that confirms it: use that date, or cite a newer source",
        ),
        (
            lambda text: text.replace("received: 2025-04", "received: 2099"),
            f"{WHERE}:1: received: '2099' is in the future (today is 6 December 2026); give the date it happened, "
            "not a date to come",
        ),
    ],
    ids=["unknown related slug", "we-cant without a reason", "unknown status", "received not a date",
         "no source", "an unknown source", "responded later than the source", "received in the future"],
)
def test_validation_messages(site, change, expected):
    site.env["LOCAL_OFFER_TODAY"] = "2026-12-06"
    assert problems(site, change(said("It was too long."))) == [expected]


def test_an_item_with_a_phone_number_fails_make_check_and_the_build(site):
    site.write("feedback/2025-04-page-hard-to-read.yaml", said("Ring me on 01744 123456."))
    expected = f"{WHERE}:6: you_said: contains a phone number ('01744 123456'){FOUND}"

    checked = site.check()
    assert checked.returncode != 0
    assert expected in checked.stdout

    built = site.build()
    assert built.returncode != 0
    assert expected in built.stdout + built.stderr
    assert not site.output.exists()


def test_make_check_counts_the_feedback_items(site):
    write_items(site)
    checked = site.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "4 feedback items" in checked.stdout


def test_the_build_reminds_editors_when_nothing_was_published_for_a_year(site):
    site.write("feedback/2020-01-old-comments.yaml", ITEMS["2024-10-help-us-write-it"].replace("2024-", "2020-"))
    result = site.build_ok().result
    log = " ".join((result.stdout + result.stderr).split())
    assert (
        "You said, we did: the latest response is from 2 December 2020. Regulation 56 asks for families' "
        "comments and our response to be published at least once a year" in log
    )


# --- the section's pages ---------------------------------------------------


def words(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split()).replace(" ,", ",")


def card_titles(soup) -> list[str]:
    return [words(h) for h in soup.select(".app-feedback-item .govuk-summary-card__title")]


def rows(card) -> dict[str, str]:
    return {row.dt.get_text(strip=True): words(row.dd) for row in card.select(".govuk-summary-list__row")}


def counts(table) -> dict[str, str]:
    return {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in table.select("tbody tr")}


def test_the_section_lists_the_latest_year_first_and_the_latest_item_first(built):
    soup = built.page("/you-said-we-did/")
    assert soup.h1.get_text(strip=True) == "You said, we did"
    assert [h.get_text(strip=True) for h in soup.select(".app-feedback-year > h2")] == ["2025", "2024"]
    assert card_titles(soup) == [
        "Website feedback, July 2025 We are doing",
        "Parent carer forum, March 2025 We did",
        "Young people's event, October 2024 We will",
        "Survey, May 2024 We can't",
    ]


def test_the_section_counts_items_by_action_and_topic_linking_to_their_pages(built):
    soup = built.page("/you-said-we-did/")
    by_status, by_topic = soup.select("table.app-feedback-counts")
    assert counts(by_status) == {"We did": "1", "We are doing": "1", "We will": "1", "We can't": "1"}
    assert counts(by_topic) == {
        "Content and quality of provision": "2",
        "Accessibility of the information": "1",
        "How the Local Offer was developed": "1",
    }
    assert by_status.select_one("a")["href"] == "/you-said-we-did/status/we-did/"
    assert by_topic.select_one("a")["href"] == "/you-said-we-did/topic/provision/"


def test_each_item_reads_you_said_then_what_we_did(built):
    soup = built.page("/you-said-we-did/")
    done = rows(soup.select_one("[id='2025-03-holiday-short-breaks']"))
    assert list(done)[:2] == ["You said", "We did"]
    assert done["We did"] == "We added more holiday sessions and now list them on the Local Offer."
    assert done["Date of our response"] == "15 June 2025"
    assert done["About"] == "Content and quality of provision, Short breaks, Autism (ASD)"
    assert done["Pages it concerns"] == "Sensory Play Group EHC plans"
    # Paragraphs an editor separates with a blank line stay paragraphs.
    assert len(soup.select("[id='2025-03-holiday-short-breaks'] dd")[0].select("p")) == 2

    cant = rows(soup.select_one("[id='2024-05-free-transport-for-all']"))
    assert list(cant)[:3] == ["You said", "We can't, because", "Our response"]
    assert cant["We can't, because"].startswith("The law sets who can get free travel")
    assert "We will" in rows(soup.select_one("[id='2024-10-help-us-write-it']"))
    assert "We are doing" in rows(soup.select_one("[id='2025-07-too-much-jargon']"))


def test_the_section_filters_in_the_page_from_an_external_module_without_inline_script(built):
    soup = built.page("/you-said-we-did/")
    template = soup.select_one("template#app-feedback-filter")
    statuses = [o["value"] for o in template.select("select[name=status] option")]
    assert statuses == ["", "we-did", "we-are-doing", "we-will", "we-cant"]
    topics = {card["data-topic"] for card in soup.select(".app-feedback-item")}
    assert topics == {"provision", "accessibility", "development"}
    scripts = soup.select("script")
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    filter_script = [s for s in scripts if s.get("src", "").endswith("/theme/js/feedback-filter.mjs")]
    assert filter_script and filter_script[0]["type"] == "module"
    assert (built.output / "theme" / "js" / "feedback-filter.mjs").exists()


def test_a_year_page_is_that_years_annual_review(built):
    soup = built.page("/you-said-we-did/2025/")
    assert soup.h1.get_text(strip=True) == "Local Offer annual review 2025"
    assert [p.get_text(strip=True) for p in soup.select(".app-feedback-review__summary")] == [
        "In 2025, we responded to 2 things that families, children and young people told us about the Local Offer "
        "and the support in it.",
        "How they reached us: parent carer forum (1) and website feedback (1).",
        "What they were about: content and quality of provision (1) and accessibility of the information (1).",
        "Where things stand: 1 done and 1 in progress.",
    ]
    by_status, by_topic, by_source = soup.select("table.app-feedback-counts")
    assert counts(by_source) == {"Parent carer forum": "1", "Website feedback": "1"}
    assert counts(by_status)["We did"] == "1"
    # A year's numbers do not link to pages that count every year.
    assert not soup.select("table.app-feedback-counts a")
    # Items are grouped under their topic.
    assert [h.get_text(strip=True) for h in soup.select("main h2[id^=topic-]")] == [
        "Content and quality of provision",
        "Accessibility of the information",
    ]
    assert card_titles(soup) == ["Parent carer forum, March 2025 We did", "Website feedback, July 2025 We are doing"]
    assert soup.select_one("a[href='/you-said-we-did/2024/']")

    older = built.page("/you-said-we-did/2024/")
    assert older.select(".app-feedback-review__summary")[-1].get_text(strip=True) == (
        "Where things stand: 1 planned and 1 we can't do (we say why)."
    )


@pytest.mark.parametrize(
    "url, heading, titles",
    [
        ("/you-said-we-did/topic/provision/", "Content and quality of provision",
         ["Parent carer forum, March 2025 We did", "Survey, May 2024 We can't"]),
        ("/you-said-we-did/topic/development/", "How the Local Offer was developed",
         ["Young people's event, October 2024 We will"]),
        ("/you-said-we-did/status/we-cant/", "We can't", ["Survey, May 2024 We can't"]),
        ("/you-said-we-did/status/we-are-doing/", "We are doing", ["Website feedback, July 2025 We are doing"]),
    ],
)
def test_each_topic_and_action_has_its_own_page(built, url, heading, titles):
    soup = built.page(url)
    assert soup.h1.get_text(strip=True) == heading
    assert card_titles(soup) == titles


def test_entries_and_pages_show_what_families_told_us_about_them(built):
    entry = built.page("/services/sensory-play-group/").select_one(".app-feedback-panel")
    assert entry.h2.get_text(strip=True) == "What families told us"
    assert [a["href"] for a in entry.select(".app-feedback-panel__item a")] == [
        "/you-said-we-did/2025/#2025-03-holiday-short-breaks"
    ]
    assert "not enough short breaks" in entry.get_text()

    page = built.page("/ehc-plans/").select_one(".app-feedback-panel")
    assert [a["href"] for a in page.select(".app-feedback-panel__item a")] == [
        "/you-said-we-did/2025/#2025-07-too-much-jargon",
        "/you-said-we-did/2025/#2025-03-holiday-short-breaks",
    ]
    # The link lands on the item in its year's review.
    assert built.page("/you-said-we-did/2025/").select_one("[id='2025-07-too-much-jargon']")
    assert built.page("/services/oak-tree-school/").select_one(".app-feedback-panel") is None


def test_the_feed_is_atom_with_one_entry_per_item_and_stable_ids(built, site):
    root = ET.parse(built.file("/you-said-we-did/feed.xml")).getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        "/you-said-we-did/2025/#2025-07-too-much-jargon",
        "/you-said-we-did/2025/#2025-03-holiday-short-breaks",
        "/you-said-we-did/2024/#2024-10-help-us-write-it",
        "/you-said-we-did/2024/#2024-05-free-transport-for-all",
    ]
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == 4 and all(i.startswith("urn:uuid:") for i in ids)
    assert root.find(f"{ATOM}updated").text == "2025-08-01T00:00:00+00:00"
    assert root.find(f"{ATOM}author/{ATOM}name").text == "St Helens Borough Council"
    assert "You said: Parents said the pages about EHC plans" in entries[0].find(f"{ATOM}summary").text
    head = built.page("/you-said-we-did/").select_one("link[type='application/atom+xml'][title='You said, we did']")
    assert head["href"] == "/you-said-we-did/feed.xml"

    # The same content built again gives the same feed, byte for byte.
    again = write_items(site).build_ok()
    assert again.file("/you-said-we-did/feed.xml").read_bytes() == built.file("/you-said-we-did/feed.xml").read_bytes()


def test_every_page_links_to_you_said_we_did_and_tell_us_what_you_think(built):
    for url in ("/", "/services/oak-tree-school/", "/you-said-we-did/2024/"):
        footer = built.page(url).select_one("footer")
        texts = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        assert texts["You said, we did"] == "/you-said-we-did/"
        # The Local Offer's current address, from the SEND strategy 2024 to 2027 (not 2014's /localoffer).
        assert texts["Tell us what you think"].startswith("https://www.sthelens.gov.uk/send")


# --- the real St Helens content --------------------------------------------


def test_the_real_section_is_a_regulation_56_publication(real_site):
    soup = real_site.page("/you-said-we-did/")
    cards = soup.select(".app-feedback-item")
    assert len(cards) >= 8
    for card in cards:
        fields = rows(card)
        assert fields["You said"] and fields["Date of our response"]
        assert set(fields) & {"We did", "We are doing", "We will", "We can't, because"}
    years = [h.get_text(strip=True) for h in soup.select(".app-feedback-year > h2")]
    assert years == sorted(years, reverse=True)
    for year in years:
        review = real_site.page(f"/you-said-we-did/{year}/")
        assert review.h1.get_text(strip=True) == f"Local Offer annual review {year}"
    assert real_site.file("/you-said-we-did/feed.xml").exists()
    for url in ("/you-said-we-did/topic/provision/", "/you-said-we-did/status/we-will/", "/you-said-we-did/status/we-did/"):
        assert real_site.page(url).select(".app-feedback-item"), url


def test_every_real_item_comes_from_a_source_and_invents_no_date(real_site):
    # The SEND strategy 2024 to 2027 records what was said, but not when: so no
    # item says when the comments were received, and each is dated by the strategy.
    for card in real_site.page("/you-said-we-did/").select(".app-feedback-item"):
        fields = rows(card)
        assert "St Helens Borough Council" in fields["Source"], fields
        assert fields["When we heard it"] == "Not recorded"
        assert fields["Date of our response"] == "2024"


def test_a_real_plan_is_never_shown_as_done(real_site):
    # Commitments in the strategy are "We will"; "We did" only for what it records as already done.
    for card in real_site.page("/you-said-we-did/status/we-did/").select(".app-feedback-item"):
        assert "records what the partners had already done" in rows(card)["We did"]


def test_an_item_dated_only_by_its_year_is_published_under_that_year_with_its_source(site):
    site.write("feedback/2025-strategy-comments.yaml", """\
        source: consultation
        topic: development
        you_said: Young people said they want a say in decisions.
        response: We said we will hold regular workshops.
        status: we-will
        response_date: 2025
        sources: [example-send-guide]
        """)
    site.build_ok()
    card = site.page("/you-said-we-did/2025/").select_one("[id='2025-strategy-comments']")
    fields = rows(card)
    assert card_titles(site.page("/you-said-we-did/2025/")) == ["Consultation We will"]
    assert fields["When we heard it"] == "Not recorded"
    assert fields["Date of our response"] == "2025"
    assert fields["Source"] == "Example guide to SEND, Example Council, January 2025"
    # Atom needs a whole date: a year is given as its first day.
    root = ET.parse(site.file("/you-said-we-did/feed.xml")).getroot()
    assert root.find(f"{ATOM}entry/{ATOM}updated").text == "2025-01-01T00:00:00+00:00"
