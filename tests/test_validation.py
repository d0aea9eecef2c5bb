"""Every validation rule gives an editor the file, line, field and a fix.

Each case writes one broken entry into a fixture site and runs the same
checks as ``make check``; the expected text is exactly what an editor sees.
"""

from __future__ import annotations

import pytest

from tools.check import run_checks

VALID = """\
kind: service
name: Holiday Club
summary: Play sessions in the school holidays.
description: Fun activities.
categories: [leisure]
assured_date: 2026-01-10
email: club@example.org
sources: [example-directory-check]
"""
# VALID says nothing about ages, so each case can; a file to build says "all".
BUILDABLE = VALID + "ages: all\n"


def problems(site, name="holiday-club.yaml", text=None):
    text = BUILDABLE if text is None else text
    site.write(f"services/{name}", text)
    found, _ = run_checks(site.content, "pelicanconf.py")
    return [str(p) for p in found]


def with_lines(*extra):
    return VALID + "".join(line + "\n" for line in extra)


CASES = {
    "unknown field with a suggestion": (
        with_lines("sumary: x"),
        "content/services/holiday-club.yaml:9: sumary: is not a field we know; did you mean 'summary'?",
    ),
    "NO is not a yes/no": (
        with_lines("free: NO"),
        "content/services/holiday-club.yaml:9: free: 'NO' must be true or false (write true or false, not yes, no, on or off)",
    ),
    "minimum age above maximum": (
        with_lines("minimum_age: 12", "maximum_age: 5"),
        "content/services/holiday-club.yaml:10: maximum_age: 5 is not above the minimum age (12); ages run from one "
        "birthday up to a later one, so 'aged 11 to 16' is minimum_age 11 and maximum_age 16",
    ),
    "age out of range": (
        with_lines("maximum_age: 26"),
        "content/services/holiday-club.yaml:9: maximum_age: 26 is out of range; it must be a whole number from 1 to 25",
    ),
    "age not a number": (
        with_lines("minimum_age: five"),
        "content/services/holiday-club.yaml:9: minimum_age: 'five' must be a whole number from 0 to 24",
    ),
    "postcode shape": (
        with_lines("locations:", "  - address_1: 1 High Street", "    city: St Helens", "    postal_code: WA1"),
        "content/services/holiday-club.yaml:12: locations[0].postal_code: 'WA1' is not a UK postcode, such as 'AB1 2CD'",
    ),
    "email shape": (
        VALID.replace("email: club@example.org", "email: team.sthelens.gov.uk"),
        "content/services/holiday-club.yaml:7: email: 'team.sthelens.gov.uk' is not an email address, "
        "such as 'sendteam@example.org'",
    ),
    "javascript: URL": (
        with_lines("url: javascript:alert(1)"),
        "content/services/holiday-club.yaml:9: url: 'javascript:alert(1)' is not a web address; write it in full, "
        "starting https://, such as 'https://www.example.org/'",
    ),
    "phone number shape": (
        with_lines("phones:", '  - number: "12345"'),
        "content/services/holiday-club.yaml:10: phones[0].number: '12345' is not a UK phone number; "
        "write it with its area code, such as '01632 960123'",
    ),
    "impossible date": (
        VALID.replace("2026-01-10", "2026-02-30"),
        "content/services/holiday-club.yaml:6: assured_date: '2026-02-30' is not a date: that day does not exist",
    ),
    "time out of range": (
        with_lines("schedules:", "  - days: [monday]", '    opens_at: "25:00"'),
        "content/services/holiday-club.yaml:11: schedules[0].opens_at: '25:00' is not a time on the 24-hour clock; "
        "put it in quotes, such as '09:30'",
    ),
    "unknown vocabulary term, matched by label": (
        with_lines("needs: [autism]"),
        "content/services/holiday-club.yaml:9: needs[0]: 'autism' is not a known term; did you mean 'asd'? use one of: "
        "communication-and-interaction, cognition-and-learning, semh, sensory-and-physical, asd, adhd, slcn, mld, "
        "sld, pmld, spld, hi, vi, msi, pd",
    ),
    "term listed twice": (
        VALID.replace("[leisure]", "[leisure, leisure]"),
        "content/services/holiday-club.yaml:5: categories[1]: 'leisure' is listed twice; remove one",
    ),
    "required field missing": (
        VALID.replace("summary: Play sessions in the school holidays.\n", ""),
        "content/services/holiday-club.yaml:1: summary: is required: One plain sentence saying what it is and who "
        "it is for. Shown in search results.",
    ),
    "school-only field on a service": (
        with_lines("designated_needs: [asd]"),
        "content/services/holiday-club.yaml:9: designated_needs: is only used for special schools and "
        "additionally resourced provisions (ARPs); remove it",
    ),
    "duplicate key": (
        with_lines("name: Holiday Club Two"),
        "content/services/holiday-club.yaml:9: name: is given twice (first on line 2); keep one",
    ),
    "anchor": (
        VALID.replace("name: Holiday Club", "name: &n Holiday Club"),
        "content/services/holiday-club.yaml:2: '&n' marks text for reuse, which is not allowed; remove it",
    ),
    "alias": (
        VALID.replace("name: Holiday Club", "name: &n Holiday Club").replace("description: Fun activities.", "description: *n"),
        "content/services/holiday-club.yaml:4: '*n' repeats another part of the file; write the value out in full",
    ),
    "explicit tag": (
        with_lines("minimum_age: !!int 5"),
        "content/services/holiday-club.yaml:9: '!!int' changes how YAML reads the value, which is not allowed; remove it",
    ),
    "broken indentation": (
        VALID.replace("summary:", "  summary:"),
        "content/services/holiday-club.yaml:3: cannot be read: mapping values are not allowed in this context "
        "(check the indentation and that text containing ': ' or '#' is in quotes)",
    ),
    "a list where text belongs": (
        with_lines("organization:", "  - A charity"),
        "content/services/holiday-club.yaml:10: organization: must be a single value, not a list",
    ),
    "closed without a notice": (
        with_lines("status: temporarily_closed"),
        "content/services/holiday-club.yaml:1: alert: a closed service needs a note for families saying why and "
        "until when; add an 'alert'",
    ),
    "no ages and no word on them": (
        VALID,
        "content/services/holiday-club.yaml:1: ages: say which ages it is for: give minimum_age and maximum_age from "
        "a source, or write 'ages: all' if it is for every age from 0 to 25, or 'ages: not-known' if no source says",
    ),
    "one age without the other": (
        with_lines("minimum_age: 5"),
        "content/services/holiday-club.yaml:1: maximum_age: give both minimum_age and maximum_age, as the source "
        "gives them, or neither",
    ),
    "ages both given and said to be all": (
        with_lines("ages: all", "minimum_age: 5", "maximum_age: 11"),
        "content/services/holiday-club.yaml:9: ages: 'all' is only for when no source gives the ages; remove it or "
        "the minimum and maximum ages",
    ),
    "ages in words": (
        with_lines("ages: everyone"),
        "content/services/holiday-club.yaml:9: ages: 'everyone' must be 'all' or 'not-known', such as 'all'",
    ),
    "no contact and no one to ask": (
        VALID.replace("email: club@example.org\n", "") + "ages: all\n",
        "content/services/holiday-club.yaml:1: ask: gives families no way to reach a person: add a phone number, "
        "email or website from a source, or name the entry to ask instead, such as 'ask: additional-needs-team'",
    ),
    "no sources": (
        VALID.replace("sources: [example-directory-check]\n", ""),
        "content/services/holiday-club.yaml:1: sources: is required: Where its facts come from: the ids of sources "
        "listed in content/data/sources.yaml, such as send-strategy-2024.",
    ),
    "an unknown source": (
        BUILDABLE.replace("[example-directory-check]", "[example-directory-check, a-rumour]"),
        "content/services/holiday-club.yaml:8: sources[1]: 'a-rumour' is not in content/data/sources.yaml; add the "
        "source there first, or use one of its ids",
    ),
    "checked later than its sources": (
        BUILDABLE.replace("2026-01-10", "2026-06-02"),
        "content/services/holiday-club.yaml:6: assured_date: 2026-06-02 is later than its newest source, "
        "'example-directory-check' (2026-06-01); a date here is the date of the source that confirms it: use that "
        "date, or cite a newer source",
    ),
    "a year more exact than its source": (
        BUILDABLE.replace("2026-01-10", "2026").replace("[example-directory-check]", "[example-send-guide]"),
        "content/services/holiday-club.yaml:6: assured_date: 2026 is later than its newest source, "
        "'example-send-guide' (2025-01); a date here is the date of the source that confirms it: use that date, "
        "or cite a newer source",
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_each_rule_names_file_line_and_field(site, text, expected):
    assert expected in problems(site, text=text)


def test_school_needs_its_school_fields(site):
    found = problems(
        site,
        "new-school.yaml",
        "kind: special_school\nname: New School\nsummary: A school.\ndescription: Text.\n"
        "categories: [education]\nassured_date: 2026-01-10\nask: advice-line\nsources: [example-directory-check]\n",
    )
    fields = [line.split(": ")[1] for line in found if line.startswith("content/services/new-school.yaml:1:")]
    # Ages are not required of a school: when no source gives them, it says so (ages: not-known).
    assert sorted(fields) == ["admissions", "ages", "designated_needs"]
    assert "content/services/new-school.yaml:1: designated_needs: is required for special schools: The needs the " \
        "school or base is designated for." in found


def test_a_school_known_by_its_phases_needs_no_ages(site):
    school = (
        "kind: arp\nname: New Base\nsummary: A base.\ndescription: Text.\ncategories: [education]\n"
        "assured_date: 2026-01-10\nask: advice-line\nsources: [example-directory-check]\ndesignated_needs: [asd]\n"
        "phases: [primary]\nadmissions:\n  admitting_authority: St Helens Borough Council\n"
    )
    assert not [line for line in problems(site, "new-base.yaml", school) if "new-base.yaml" in line]


DATES_IN_THE_FUTURE = {
    "assured_date": ("services/holiday-club.yaml", VALID.replace("2026-01-10", "2099-01-01"), 6),
    "page modified": ("pages/ehc-plans.md", None, 8),
    "feedback received": ("feedback/2026-club.yaml", "received: 2099-03\n", 1),
    "feedback response_date": ("feedback/2026-club.yaml", "response_date: 2099\n", 1),
    "source date": ("data/sources.yaml", None, 14),
}

FEEDBACK_ITEM = """\
source: survey
topic: provision
you_said: Families asked for more holiday clubs.
response: We will ask providers about more sessions.
status: we-will
sources: [example-directory-check]
"""


@pytest.mark.parametrize("case", DATES_IN_THE_FUTURE, ids=DATES_IN_THE_FUTURE.keys())
def test_a_date_in_the_future_is_refused_with_its_line(site, case):
    relative, text, line = DATES_IN_THE_FUTURE[case]
    path = site.content / relative
    if case == "page modified":
        text = path.read_text(encoding="utf-8").replace("Modified: 2026-06-02", "Modified: 2099-01-01")
    elif case == "source date":
        text = path.read_text(encoding="utf-8").replace("date: 2025-01", "date: 2099-01")
    elif case.startswith("feedback"):
        text += FEEDBACK_ITEM + ("response_date: 2026-01-10\n" if "received" in case else "")
    site.write(relative, text)
    # Today is pinned, so the test means the same on any day.
    site.env["LOCAL_OFFER_TODAY"] = "2026-12-06"
    result = site.check()
    assert result.returncode == 1
    field = {"page modified": "modified", "source date": "example-send-guide.date", "feedback received": "received",
             "feedback response_date": "response_date"}.get(case, case)
    where = f"content/{relative}:{line}: {field}: "
    found = [line for line in result.stdout.splitlines() if line.startswith(where)]
    assert found and "is in the future (today is 6 December 2026)" in found[0], result.stdout


def test_today_can_be_pinned_so_a_date_counts_as_past_or_future(site):
    # The fixture's newest date is its page's "last updated", 2 June 2026.
    site.write("services/holiday-club.yaml", BUILDABLE.replace("2026-01-10", "2026-06-01"))
    site.env["LOCAL_OFFER_TODAY"] = "2026-06-01"
    assert "is in the future (today is 1 June 2026)" in site.check().stdout
    site.env["LOCAL_OFFER_TODAY"] = "2026-06-02"
    assert site.check().returncode == 0


@pytest.mark.parametrize(
    "ask, why",
    [
        ("no-such-entry", "is not the web address name of any entry"),
        ("holiday-club", "is this entry itself; name another entry families can ask"),
        ("oak-tree-school", "has no phone number, email or website of its own to give families; name an entry that does"),
    ],
)
def test_the_entry_to_ask_must_exist_and_have_its_own_contact(site, ask, why):
    text = VALID.replace("email: club@example.org\n", f"ask: {ask}\n") + "ages: all\n"
    assert f"content/services/holiday-club.yaml:7: ask: '{ask}' {why}" in problems(site, text=text)


def test_unique_slugs_and_ids(site):
    site.write("services/other/holiday-club.yaml", BUILDABLE)
    entry_id = "3f7b145d-84af-42d7-8fae-eaca714b02b2"
    site.write("services/a.yaml", BUILDABLE + f"id: {entry_id}\n")
    found = problems(site, "b.yaml", BUILDABLE + f"id: {entry_id}\n")
    assert (
        "content/services/other/holiday-club.yaml:1: slug: the web address name 'holiday-club' is already used by "
        "content/services/holiday-club.yaml; each must be different"
    ) in problems(site)
    assert (
        f"content/services/b.yaml:10: id: the id '{entry_id}' is already used by content/services/a.yaml; "
        "each must be different"
    ) in found


def test_file_name_must_make_a_web_address(site):
    found = problems(site, "Holiday Club.yaml")
    assert found == [
        "content/services/Holiday Club.yaml:1: slug: the file name 'Holiday Club' cannot be a web address; rename "
        "the file using lower-case letters, numbers and hyphens, or add a 'slug' line"
    ]


def test_page_header_is_checked(site):
    site.write(
        "pages/broken.md",
        "Title: Broken\nSlug: broken\nRelated: no-such-entry\nColour: red\nSources: hearsay\nModified: 2026-01-10\n\nText.\n",
    )
    found, _ = run_checks(site.content, "pelicanconf.py")
    assert [str(p) for p in found] == [
        "content/pages/broken.md:1: summary: is required: One or two sentences saying what the page covers.",
        "content/pages/broken.md:3: related[0]: 'no-such-entry' is not the slug of any directory entry",
        "content/pages/broken.md:4: colour: is not a field we know; known fields are: title, slug, summary, related, "
        "topics, order, sources, modified",
        "content/pages/broken.md:5: sources[0]: 'hearsay' is not in content/data/sources.yaml; add the source there "
        "first, or use one of its ids",
    ]


def test_a_page_needs_its_sources_and_last_updated_date(site):
    site.write("pages/bare.md", "Title: Bare\nSlug: bare\nSummary: A page.\n\nText.\n")
    found, _ = run_checks(site.content, "pelicanconf.py")
    assert [str(p) for p in found] == [
        "content/pages/bare.md:1: modified: is required: The day the page was last changed, such as 2026-12-06.",
        "content/pages/bare.md:1: sources: is required: Where the page's facts come from: the ids of sources listed "
        "in content/data/sources.yaml, such as send-strategy-2024.",
    ]


@pytest.mark.parametrize(
    "written, kept",
    [
        ("01632960904", "01632960904"),
        ("01632 960904", "01632 960904"),
        ("+44 1744 671104", "+44 1744 671104"),
    ],
)
def test_unquoted_phone_numbers_stay_as_written(site, written, kept):
    site.write("services/holiday-club.yaml", BUILDABLE + f"phones:\n  - number: {written}\n")
    page = site.build_ok().page("/services/holiday-club/")
    assert kept in page.get_text()


def test_unquoted_time_and_no_stay_text(site):
    site.write(
        "services/holiday-club.yaml",
        BUILDABLE.replace("name: Holiday Club", "name: NO") + "schedules:\n  - days: [monday]\n    opens_at: 09:00\n",
    )
    page = site.build_ok().page("/services/holiday-club/")
    assert page.select_one("h1").get_text(strip=True) == "NO"
    # YAML 1.1 would have read 09:00 as 540 (minutes); the page shows the time.
    assert "9am" in page.select_one("main").get_text()
    assert "540" not in page.select_one("main").get_text()


def test_make_check_reports_every_error_in_every_file_and_fails(site):
    site.write("services/one.yaml", BUILDABLE + "free: NO\nsumary: x\n")
    site.write("services/two.yaml", BUILDABLE + 'phones:\n  - number: "12345"\n')
    result = site.check()
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("content/")]
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines] == [
        "content/services/one.yaml:10: free",
        "content/services/one.yaml:11: sumary",
        "content/services/two.yaml:11: phones[0].number",
    ]
    assert "3 problem(s) found" in result.stderr


def test_make_check_passes_on_valid_content(site):
    result = site.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All content is valid" in result.stdout
