"""What a kind of entry is comes from the kinds vocabulary, not from code.

A council can add a kind of school, or of service, by adding a term with
its attributes to ``content/data/vocabularies.yaml``: the fields it needs,
its page, the schools page and search follow.
"""

from __future__ import annotations

from local_offer.schema import KIND
from tools.check import run_checks
from tests.conftest import ROOT

NURSERY = """\
  special_nursery:
    label: Special nursery
    plural: Special nurseries
    noun: nursery
    school: true
    description: A nursery for young children whose needs are best met outside a mainstream setting.
"""

NEW_NURSERY = """\
kind: special_nursery
name: Little Acorns
summary: A special nursery for children aged 2 to 5.
description: Small groups with a lot of staff.
minimum_age: 2
maximum_age: 5
categories: [childcare-early-years]
designated_needs: [pmld]
phases: [early-years]
admissions:
  ehc_plan_required: true
  admitting_authority: St Helens Borough Council
assured_date: 2026-01-10
email: acorns@example.org
sources: [example-directory-check]
"""


def add_kind(site, text: str) -> None:
    path = site.content / "data" / "vocabularies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kinds:\n", "kinds:\n" + text, 1), encoding="utf-8")


def problems(site) -> list[str]:
    found, _ = run_checks(site.content, str(ROOT / "pelicanconf.py"))
    return [str(p) for p in found]


def test_every_kind_says_what_it_is_and_the_vocabulary_is_checked(site):
    add_kind(site, NURSERY.replace("    school: true\n", "    school: maybe\n").replace("    noun: nursery\n", ""))
    lines = (site.content / "data" / "vocabularies.yaml").read_text(encoding="utf-8").splitlines()
    term = lines.index("  special_nursery:") + 1
    assert problems(site) == [
        f"content/data/vocabularies.yaml:{term + 1}: kinds.special_nursery.noun: is required: " + KIND.fields["noun"].help,
        f"content/data/vocabularies.yaml:{term + 3}: kinds.special_nursery.school: 'maybe' must be true or false "
        "(write true or false, not yes, no, on or off)",
    ]


def test_a_new_kind_of_school_needs_a_schools_fields_and_is_shown_as_one(site):
    add_kind(site, NURSERY)
    site.write("services/little-acorns.yaml", NEW_NURSERY.replace("designated_needs: [pmld]\n", ""))
    assert problems(site) == [
        "content/services/little-acorns.yaml:1: designated_needs: is required for special nurseries: "
        "The needs the school or base is designated for."
    ]
    site.write("services/little-acorns.yaml", NEW_NURSERY + "needs: [asd]\n")
    assert problems(site) == [
        "content/services/little-acorns.yaml:16: needs: is only used for services and information, advice and support; remove it"
    ]

    site.write("services/little-acorns.yaml", NEW_NURSERY)
    site.build_ok()
    page = site.page("/services/little-acorns/")
    assert page.select_one(".govuk-caption-l").get_text(strip=True) == "Special nursery"
    assert "About this nursery" in [h.get_text(strip=True) for h in page.select("h2")]
    assert "Places and admissions" in [h.get_text(strip=True) for h in page.select("h2")]
    assert page.select(".govuk-breadcrumbs a")[-1].get_text(strip=True) == "Schools and ARPs"
    assert any('"@type": "School"' in s.string for s in page.select('script[type="application/ld+json"]'))

    schools = site.page("/schools/")
    headings = [h.get_text(strip=True) for h in schools.select("h2.govuk-heading-l")]
    assert headings[:2] == ["Special nurseries", "Special schools"]
    table = schools.select_one("#special-nursery").find_next("table")
    assert [a.get_text(strip=True) for a in table.select("a")] == ["Little Acorns"]


def test_the_noun_on_a_page_comes_from_the_kind(site):
    site.build_ok()
    headings = {
        url: [h.get_text(strip=True) for h in site.page(url).select("h2") if h.get_text(strip=True).startswith("About this")]
        for url in ("/services/oak-tree-school/", "/services/sensory-play-group/")
    }
    assert headings == {"/services/oak-tree-school/": ["About this school"], "/services/sensory-play-group/": ["About this service"]}


def test_search_offers_a_kind_that_gives_advice_when_it_finds_nothing(site):
    # The fixture's advice line is an "ias" entry, the kind with advice: true.
    site.build_ok()
    offer = site.page("/search/").select_one("[data-search-empty]").get_text(" ", strip=True)
    assert "Ask someone The Advice Line gives free, impartial help finding support. Phone 01632 960900" in offer
