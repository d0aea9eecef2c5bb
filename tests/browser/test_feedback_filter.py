"""You said, we did: the in-page filter, on the real site under its real CSP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_cards(page):
    return page.locator(".app-feedback-item:visible")


def test_the_comments_filter_by_topic_and_action_in_the_page(open_tab):
    tab = open_tab("/you-said-we-did/")
    page = tab.page
    everything = page.locator(".app-feedback-item").count()
    assert everything >= 8

    page.get_by_label("Topic").select_option("accessibility")
    page.get_by_role("button", name="Show comments").click()
    shown = visible_cards(page)
    topics = {shown.nth(i).get_attribute("data-topic") for i in range(shown.count())}
    assert topics == {"accessibility"}
    assert page.get_by_role("status").inner_text() == f"Showing {shown.count()} of {everything} comments"
    # A year left with nothing to show is hidden with its heading.
    for year in page.locator(".app-feedback-year").all():
        assert year.is_visible() == (year.locator(".app-feedback-item:visible").count() > 0)

    page.get_by_label("Topic").select_option("")
    # The real items are the SEND strategy's: commitments ("We will") and what it records as done.
    page.get_by_label("What we did").select_option("we-did")
    page.get_by_role("button", name="Show comments").click()
    shown = visible_cards(page)
    assert {shown.nth(i).get_attribute("data-status") for i in range(shown.count())} == {"we-did"}
    assert shown.first.get_by_text("We did", exact=True).first.is_visible()

    page.get_by_label("What we did").select_option("")
    page.get_by_role("button", name="Show comments").click()
    assert visible_cards(page).count() == everything
    assert page.get_by_role("status").inner_text() == f"Showing all {everything} comments"
    assert tab.problems == []


def test_a_panel_link_lands_on_the_item_in_its_years_review(open_tab):
    tab = open_tab("/services/thrive/")
    panel = tab.page.locator(".app-feedback-panel")
    panel.get_by_role("link", name="read our response").first.click()
    tab.page.wait_for_load_state()
    fragment = tab.page.url.split("#", 1)[1]
    assert tab.page.url.split("#", 1)[0].endswith("/you-said-we-did/2024/")
    assert tab.page.locator(f"[id='{fragment}']").is_visible()
    assert tab.problems == []
