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
"""


def problems(site, name="holiday-club.yaml", text=VALID):
    site.write(f"services/{name}", text)
    found, _ = run_checks(site.content, "pelicanconf.py")
    return [str(p) for p in found]


def with_lines(*extra):
    return VALID + "".join(line + "\n" for line in extra)


CASES = {
    "unknown field with a suggestion": (
        with_lines("sumary: x"),
        "content/services/holiday-club.yaml:7: sumary: is not a field we know; did you mean 'summary'?",
    ),
    "NO is not a yes/no": (
        with_lines("free: NO"),
        "content/services/holiday-club.yaml:7: free: 'NO' must be true or false (write true or false, not yes, no, on or off)",
    ),
    "minimum age above maximum": (
        with_lines("minimum_age: 12", "maximum_age: 5"),
        "content/services/holiday-club.yaml:8: maximum_age: 5 is lower than the minimum age (12); swap them or correct one",
    ),
    "age out of range": (
        with_lines("maximum_age: 26"),
        "content/services/holiday-club.yaml:7: maximum_age: 26 is out of range; it must be a whole number from 0 to 25",
    ),
    "age not a number": (
        with_lines("minimum_age: five"),
        "content/services/holiday-club.yaml:7: minimum_age: 'five' must be a whole number from 0 to 25",
    ),
    "postcode shape": (
        with_lines("locations:", "  - address_1: 1 High Street", "    city: St Helens", "    postal_code: WA1"),
        "content/services/holiday-club.yaml:10: locations[0].postal_code: 'WA1' is not a UK postcode, such as 'AB1 2CD'",
    ),
    "email shape": (
        with_lines("email: team.sthelens.gov.uk"),
        "content/services/holiday-club.yaml:7: email: 'team.sthelens.gov.uk' is not an email address, "
        "such as 'sendteam@example.org'",
    ),
    "javascript: URL": (
        with_lines("url: javascript:alert(1)"),
        "content/services/holiday-club.yaml:7: url: 'javascript:alert(1)' is not a web address; write it in full, "
        "starting https://, such as 'https://www.example.org/'",
    ),
    "phone number shape": (
        with_lines("phones:", '  - number: "12345"'),
        "content/services/holiday-club.yaml:8: phones[0].number: '12345' is not a UK phone number; "
        "write it with its area code, such as '01632 960123'",
    ),
    "impossible date": (
        VALID.replace("2026-01-10", "2026-02-30"),
        "content/services/holiday-club.yaml:6: assured_date: '2026-02-30' is not a date; "
        "write it as year-month-day, such as 2026-03-31",
    ),
    "time out of range": (
        with_lines("schedules:", "  - days: [monday]", '    opens_at: "25:00"'),
        "content/services/holiday-club.yaml:9: schedules[0].opens_at: '25:00' is not a time on the 24-hour clock; "
        "put it in quotes, such as '09:30'",
    ),
    "unknown vocabulary term, matched by label": (
        with_lines("needs: [autism]"),
        "content/services/holiday-club.yaml:7: needs[0]: 'autism' is not a known term; did you mean 'asd'? use one of: "
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
        "content/services/holiday-club.yaml:7: designated_needs: is only used for special schools and "
        "additionally resourced provisions (ARPs); remove it",
    ),
    "duplicate key": (
        with_lines("name: Holiday Club Two"),
        "content/services/holiday-club.yaml:7: name: is given twice (first on line 2); keep one",
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
        "content/services/holiday-club.yaml:7: '!!int' changes how YAML reads the value, which is not allowed; remove it",
    ),
    "broken indentation": (
        VALID.replace("summary:", "  summary:"),
        "content/services/holiday-club.yaml:3: cannot be read: mapping values are not allowed in this context "
        "(check the indentation and that text containing ': ' or '#' is in quotes)",
    ),
    "a list where text belongs": (
        with_lines("email:", "  - a@b.org"),
        "content/services/holiday-club.yaml:8: email: must be a single value, not a list",
    ),
    "closed without a notice": (
        with_lines("status: temporarily_closed"),
        "content/services/holiday-club.yaml:1: alert: a closed service needs a note for families saying why and "
        "until when; add an 'alert'",
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
        "categories: [education]\nassured_date: 2026-01-10\n",
    )
    fields = [line.split(": ")[1] for line in found if line.startswith("content/services/new-school.yaml:1:")]
    assert sorted(fields) == ["admissions", "designated_needs", "maximum_age", "minimum_age", "phases"]
    assert "content/services/new-school.yaml:1: phases: is required for special schools: early-years, primary, " \
        "secondary or post-16." in found


def test_unique_slugs_and_ids(site):
    site.write("services/other/holiday-club.yaml", VALID)
    entry_id = "3f7b145d-84af-42d7-8fae-eaca714b02b2"
    site.write("services/a.yaml", with_lines(f"id: {entry_id}"))
    found = problems(site, "b.yaml", with_lines(f"id: {entry_id}"))
    assert (
        "content/services/other/holiday-club.yaml:1: slug: the web address name 'holiday-club' is already used by "
        "content/services/holiday-club.yaml; each must be different"
    ) in problems(site)
    assert (
        f"content/services/b.yaml:7: id: the id '{entry_id}' is already used by content/services/a.yaml; "
        "each must be different"
    ) in found


def test_file_name_must_make_a_web_address(site):
    found = problems(site, "Holiday Club.yaml")
    assert found == [
        "content/services/Holiday Club.yaml:1: slug: the file name 'Holiday Club' cannot be a web address; rename "
        "the file using lower-case letters, numbers and hyphens, or add a 'slug' line"
    ]


def test_page_header_is_checked(site):
    site.write("pages/broken.md", "Title: Broken\nSlug: broken\nRelated: no-such-entry\nColour: red\n\nText.\n")
    found, _ = run_checks(site.content, "pelicanconf.py")
    assert [str(p) for p in found] == [
        "content/pages/broken.md:1: summary: is required: One or two sentences saying what the page covers.",
        "content/pages/broken.md:3: related[0]: 'no-such-entry' is not the slug of any directory entry",
        "content/pages/broken.md:4: colour: is not a field we know; known fields are: title, slug, summary, related, "
        "topics, order",
    ]


@pytest.mark.parametrize(
    "written, kept",
    [
        ("01744671104", "01744671104"),
        ("01744 671104", "01744 671104"),
        ("+44 1744 671104", "+44 1744 671104"),
    ],
)
def test_unquoted_phone_numbers_stay_as_written(site, written, kept):
    site.write("services/holiday-club.yaml", with_lines("phones:", f"  - number: {written}"))
    page = site.build_ok().page("/services/holiday-club/")
    assert kept in page.get_text()


def test_unquoted_time_and_no_stay_text(site):
    site.write(
        "services/holiday-club.yaml",
        VALID.replace("name: Holiday Club", "name: NO") + "schedules:\n  - days: [monday]\n    opens_at: 09:00\n",
    )
    page = site.build_ok().page("/services/holiday-club/")
    assert page.select_one("h1").get_text(strip=True) == "NO"
    # YAML 1.1 would have read 09:00 as 540 (minutes); the page shows the time.
    assert "9am" in page.select_one("main").get_text()
    assert "540" not in page.select_one("main").get_text()


def test_make_check_reports_every_error_in_every_file_and_fails(site):
    site.write("services/one.yaml", with_lines("free: NO", "sumary: x"))
    site.write("services/two.yaml", with_lines("email: nope"))
    result = site.check()
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("content/")]
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines] == [
        "content/services/one.yaml:7: free",
        "content/services/one.yaml:8: sumary",
        "content/services/two.yaml:7: email",
    ]
    assert "3 problem(s) found" in result.stderr


def test_make_check_passes_on_valid_content(site):
    result = site.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All content is valid" in result.stdout
