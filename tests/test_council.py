"""The council in one place: content/council.yaml, and the placeholders pages use to show it.

The code knows no council: the theme, the plugins and the settings hold no
St Helens detail, the site takes its name, brand and contacts from the
council file, and information pages name council details as placeholders
that the build fills in and checks.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import PAGE_REQUIRED, ROOT

# What would show that a St Helens detail leaked into code or another council's site.
ST_HELENS = re.compile(
    r"st\.? ?helens|sthelens|helens|01744|merseyside|newton-le-willows|haydock|rainford|prescot"
    r"|\bWA(?:9|10|11|12) ?\d[A-Z]{2}\b|listen 4 change|additional needs team|atlas house|ellamsbridge"
    r"|penkford|lansbury bridge|mill green|your family matters|shiass",
    re.IGNORECASE,
)

# Where a council's details must never be: the generator, not the content.
CODE = ["theme", "plugins", "pelicanconf.py", "publishconf.py"]


def code_files():
    for name in CODE:
        path = ROOT / name
        yield from (sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path])


def test_no_st_helens_detail_lives_in_the_theme_plugins_or_settings():
    found = []
    for path in code_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = ST_HELENS.search(line)
            if match:
                found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r}")
    assert not found, "St Helens details belong in content/council.yaml, not in code:\n  " + "\n  ".join(found)


COUNCIL = """
    name: Northtown Council
    area: Northtown
    website: https://www.northtown.example.org/
    brand:
      colour: "#4c2c92"
      logo_text: Northtown
    send_team:
      name: SEND Service
      phones: ["01632 960001", "01632 960002"]
      email: send@northtown.example.org
    iass:
      name: Northtown SENDIASS
      phones: ["01632 960003"]
      website: https://sendiass.northtown.example.org/
      opening_hours: 9am to 4pm
    parent_carer_forum:
      name: Northtown Parent Carer Forum
    local_names:
      iass: SENDIASS
      arp: resource base
"""


@pytest.fixture
def northtown(site):
    """The fixture content, for another council."""
    site.write("council.yaml", COUNCIL)
    return site


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_the_site_takes_its_name_brand_and_contacts_from_the_council_file(northtown):
    northtown.build_ok()
    home = northtown.page("/")
    assert home.title.get_text() == "Northtown SEND Local Offer"
    assert text(home.select_one(".app-header__logotype")) == "Northtown"
    assert home.select_one(".govuk-generic-header__homepage-link")["href"] == "https://www.northtown.example.org/"
    footer = home.select_one("footer")
    assert "Run by Northtown Council" in text(footer)
    assert footer.select_one("a[href='tel:01632960001']") and footer.select_one("a[href='mailto:send@northtown.example.org']")
    assert "#4c2c92" in northtown.file("/theme/icon.svg").read_text(encoding="utf-8")
    schools = northtown.page("/schools/")
    assert schools.h1.get_text() == "Special schools and resource bases"
    assert "Schools and resource bases" in [text(a) for a in schools.select(".govuk-service-navigation__list a")]
    assert '"name": "Northtown Council"' in home.select_one("script[type='application/ld+json']").get_text()
    place = northtown.file("/open-data/directory.json").read_text(encoding="utf-8")
    assert "Sensory Play Group" in place
    services = "".join(p.read_text(encoding="utf-8") for p in northtown.file("/openreferral/services").glob("*.json"))
    assert '"state_province":"Northtown"' in services and "Merseyside" not in services


def test_with_no_feedback_address_families_are_told_who_to_ask(northtown):
    northtown.build_ok()
    page = northtown.page("/ehc-plans/")
    report = page.select_one(".app-report-problem")
    assert text(report) == "Is something wrong on this page? Tell the SEND Service on 01632 960001 or 01632 960002 or by email at send@northtown.example.org ."
    assert "Tell us what you think" not in text(page.select_one("footer"))


def test_a_missing_council_file_stops_check_and_build_naming_it(site):
    site.remove("council.yaml")
    check = site.check()
    assert check.returncode == 1
    assert "content/council.yaml:1: is missing; the content needs this file" in check.stdout
    result = site.build()
    assert result.returncode != 0 and "content/council.yaml:1: is missing" in result.stdout + result.stderr


def test_each_mistake_in_the_council_file_names_its_line_and_field(northtown):
    northtown.write("council.yaml", COUNCIL.replace('"01632 960002"', '"12345"').replace("      email: send@northtown.example.org\n", "") + "    colour: blue\n")
    lines = northtown.check().stdout.splitlines()
    assert "content/council.yaml:9: send_team.phones[1]: '12345' is not a UK phone number; write it with its area code, such as '01632 960123'" in lines
    assert any(line.startswith("content/council.yaml:20: colour: is not a field we know; known fields are: name, area") for line in lines)


def test_the_sen_team_must_be_reachable(northtown):
    northtown.write("council.yaml", COUNCIL.replace('      phones: ["01632 960001", "01632 960002"]\n      email: send@northtown.example.org\n', ""))
    assert "content/council.yaml:7: send_team: families need a way to reach the SEND team" in northtown.check().stdout


# Placeholders ---------------------------------------------------------------

PAGE = """
    Title: Getting help in {{ area }}
    Slug: getting-help
    Summary: Where to get free advice in {{ area }}.
    Sources: example-send-guide
    Modified: 2026-06-02

    The {{ send_team.name }} answers questions about EHC plans. Phone {{ send_team.phones }}.

    ## {{ iass.name }}

    {{ iass }}

    ## The parent carer forum

    {{ parent_carer_forum }}

    Read [the {{ local_names.iass }} website]({{ iass.website }}).
"""


def test_placeholders_show_the_council_details_with_links(northtown):
    northtown.write("pages/getting-help.md", PAGE)
    northtown.build_ok()
    page = northtown.page("/getting-help/")
    assert page.h1.get_text() == "Getting help in Northtown"
    assert page.select_one("meta[name=description]")["content"] == "Where to get free advice in Northtown."
    prose = page.select_one(".app-prose")
    first = prose.select_one("p")
    assert text(first) == "The SEND Service answers questions about EHC plans. Phone 01632 960001 or 01632 960002 ."
    assert [a["href"] for a in first.select("a")] == ["tel:01632960001", "tel:01632960002"]
    iass = prose.select("ul")[0]
    assert [text(li) for li in iass.select("li")] == [
        "Phone: 01632 960003", "Website: https://sendiass.northtown.example.org/", "Opening hours: 9am to 4pm",
    ]
    assert iass.select_one("a[href='tel:01632960003']")
    # The forum has no contact details in the council file: families are sent to the SEND team.
    forum = [p for p in prose.select("p") if "Parent Carer Forum" in text(p)][0]
    assert text(forum).startswith("We do not have contact details for Northtown Parent Carer Forum yet. Ask the SEND Service: phone 01632 960001")
    link = prose.select("a[href='https://sendiass.northtown.example.org/']")
    assert [text(a) for a in link] == ["https://sendiass.northtown.example.org/", "the SENDIASS website"]


@pytest.mark.parametrize("placeholder, line, message", [
    ("{{ sendteam.phones }}", 5, "{{ sendteam.phones }}: is not a detail the council file has; did you mean {{ send_team.phones }}?"),
    ("{{ iass.email }}", 5, "{{ iass.email }}: content/council.yaml does not give 'iass.email'; add it there if a published source confirms it"),
    ("{{ mediation.name }}", 5, "{{ mediation.name }}: content/council.yaml does not give 'mediation.name'"),
    ("Call {{ iass }} today.", 5, "{{ iass }}: a whole contact is a list: put it on a line of its own"),
    ("{{ brand.colour }}", 5, "{{ brand.colour }}: is not a detail the council file has"),
])
def test_a_placeholder_that_cannot_be_filled_stops_check_and_build_at_its_line(northtown, placeholder, line, message):
    northtown.write("pages/getting-help.md", f"Title: Help\nSlug: getting-help\nSummary: Help.\n\n{placeholder}\n")
    check = northtown.check()
    assert check.returncode == 1
    assert f"content/pages/getting-help.md:{line}: {message}" in check.stdout
    build = northtown.build()
    assert build.returncode != 0
    assert f"content/pages/getting-help.md:{line}: {message}" in " ".join((build.stdout + build.stderr).split())


def test_a_placeholder_in_the_header_is_checked_too(northtown):
    northtown.write("pages/getting-help.md", "Title: Help\nSlug: getting-help\nSummary: Help in {{ town }}.\n\nText.\n")
    assert "content/pages/getting-help.md:3: {{ town }}: is not a detail the council file has" in northtown.check().stdout


def test_text_from_the_council_file_cannot_become_markdown(northtown):
    northtown.write("council.yaml", COUNCIL.replace("name: SEND Service", "name: SEND *Service* <b>team</b>"))
    northtown.write("pages/getting-help.md", "Title: Help\nSlug: getting-help\nSummary: Help.\n" + PAGE_REQUIRED + "\nAsk the {{ send_team.name }}.\n")
    northtown.build_ok()
    prose = northtown.page("/getting-help/").select_one(".app-prose")
    assert text(prose) == "Ask the SEND *Service* <b>team</b>."
    assert not prose.select("em, b")
