"""The web editor at /admin/, driven in Chromium as a council editor would use it.

The published editor must accept its configuration and offer GitHub's
login. ``make edit``'s editor (the watching server with decap-server, here
on a copy of the fixture content) must save what an editor types through
Decap's own widgets as files that pass ``make check`` and appear on the
rebuilt site, must leave every field an editor did not touch exactly as it
was, and must preview each entry in the theme's own markup and styles.

Fields are found by the labels of the generated config.yml (see
decap_form.py), so the tests follow the content model.
"""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from editor_config.settings import settings_for
from pelican.settings import read_settings

from tests.browser.decap_form import DecapForm, collection
from tests.conftest import ROOT, eventually, fixture_site
from tools.serve import live_site

pytestmark = pytest.mark.browser

# Parts of the built page that the preview leaves out on purpose: they are
# made from other content (feedback about the entry) or work only on the site.
NOT_PREVIEWED = (".app-feedback-panel", ".app-report-problem", ".app-save-to-list", ".app-prose")


def test_web_editor_accepts_its_config_and_offers_github_login(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: "Refused to" in message.text and problems.append(message.text))
    try:
        page.goto(f"{base_url}/admin/")
        page.get_by_role("button", name="Login with GitHub").wait_for()
        assert not page.get_by_text("Error loading the CMS configuration").count()
    finally:
        context.close()
    assert problems == []


class Editing:
    """``make edit`` on a copy of the fixture content: the site, its server and Decap's config."""

    def __init__(self, site, server):
        self.site, self.server = site, server
        self.config = yaml.safe_load((site.output / "admin" / "config.yml").read_text(encoding="utf-8"))

    def open(self, context, route: str):
        """Decap at ``#/<route>``, logged in to the local backend; returns (page, problems)."""
        page = context.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda message: "Refused to" in message.text and problems.append(message.text))
        page.goto(f"{self.server.url}/admin/")
        page.get_by_role("button", name="Login").click()
        page.get_by_text("Collections").first.wait_for()
        page.goto(f"{self.server.url}/admin/#/{route}")
        return page, problems

    def new_entry(self, context, name: str, typed: dict):
        """Decap's form for a new entry in collection ``name``, with ``typed`` and every other required field filled in.

        Returns (page, problems, save): ``save()`` publishes it, checks that the file Decap wrote passes
        make check, and returns it.
        """
        spec = collection(self.config, name)
        # Decap's folders are paths in the repository, which holds the content folder.
        folder = self.site.content.parent / spec["folder"]
        before = set(folder.glob(f"*.{spec['extension']}"))
        page, problems = self.open(context, f"collections/{name}/new")
        form = DecapForm(page, spec["fields"])
        for field_name, value in typed.items():
            form.fill(field_name, value)
        form.fill_required(typed)

        def written():
            added = set(folder.glob(f"*.{spec['extension']}")) - before
            return added and added.pop()

        def save():
            form.publish()
            path = eventually(written, f"Decap to write a file in {folder}")
            check = self.site.check()
            assert check.returncode == 0, check.stdout + check.stderr
            return path

        return page, problems, save

    def rebuilt_page(self, url: str, text: str) -> BeautifulSoup:
        """The page at ``url`` once a rebuild has put ``text`` on it."""
        def built():
            path = self.site.output / url.lstrip("/") / "index.html"
            return path.exists() and text in path.read_text(encoding="utf-8") and self.site.page(url)
        return eventually(built, f"the rebuilt site to show {text!r} at {url}")


@pytest.fixture
def editing(tmp_path):
    site = fixture_site(tmp_path)
    # As in the real content, each kind of entry has its own folder, which
    # is one of Decap's collections.
    folders = settings_for(read_settings(str(ROOT / "pelicanconf.py")))["KIND_FOLDERS"]
    for path in (site.content / "services").glob("*.yaml"):
        folder = site.content / "services" / folders[yaml.safe_load(path.read_text(encoding="utf-8"))["kind"]]
        folder.mkdir(exist_ok=True)
        path.rename(folder / path.name)
    with live_site(site.output, str(ROOT / "pelicanconf.py"), site.content, edit=True) as server:
        eventually(lambda: server.rebuilds.outcome.status == "ok" and server.rebuilds.count, "the first build")
        yield Editing(site, server)


@pytest.fixture
def editor_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


def theme_classes(element) -> set[str]:
    """The govuk- and app- classes used in an element, leaving out the parts the preview does not show."""
    for skipped in element.select(", ".join(NOT_PREVIEWED)):
        skipped.decompose()
    return {c for tag in element.find_all(class_=True) for c in tag["class"] if c.startswith(("govuk-", "app-"))}


def preview(page) -> BeautifulSoup:
    """The preview pane's document as it is now."""
    frame = page.frame_locator("#preview-pane")
    frame.locator("main").wait_for()
    return BeautifulSoup(frame.locator("html").evaluate("element => element.outerHTML"), "html.parser")


def assert_preview_matches(page, built: BeautifulSoup, selector: str):
    """The preview shows ``selector`` with the classes of the built page, in the site's own stylesheet."""
    shown = preview(page)
    missing = theme_classes(built.select_one(selector)) - theme_classes(shown.select_one(selector))
    assert not missing, f"The preview lacks classes the built page uses: {sorted(missing)}"
    sheet = shown.select_one("link[rel=stylesheet]")["href"]
    assert sheet == built.select_one("link[rel=stylesheet]")["href"]
    # The stylesheet applies: the heading is in the theme's font weight.
    weight = page.frame_locator("#preview-pane").locator("h1, h3").first.evaluate(
        "element => getComputedStyle(element).fontWeight"
    )
    assert weight == "700"


def test_new_service_saved_through_decap_passes_check_and_is_published(editing, editor_context):
    typed = {
        "name": "Garden Club for Sensory Play",
        "summary": "Outdoor play for children with sensory needs: every Saturday morning.",
        "description": "A quiet garden with things to touch, smell and hear.\n\nParents and carers stay with their child.",
        "status": "temporarily_closed",
        "alert": "Closed until March 2027 while the paths are rebuilt.",
        "phones": [{"number": "01632 960123", "description": "Bookings"}],
        "needs": ["asd", "sensory-and-physical"],
        "schedules": [{"days": ["saturday"], "opens_at": "09:30", "closes_at": "12:00"}],
        "keywords": ["garden"],
        "ages": "all",
        "sources": ["example-directory-check"],
        "assured_date": "2026-06-01",
    }
    page, problems, save = editing.new_entry(editor_context, "entries-services", typed)
    shown = preview(page)
    assert shown.select_one("h1").get_text() == typed["name"]
    assert shown.select_one(".app-entry__summary").get_text() == typed["summary"]
    assert "Bookings: 01632 960123" in shown.get_text()

    written = save()
    text = written.read_text(encoding="utf-8")
    # The house style: phone numbers and times in quotes, lists of words in brackets.
    assert '"01632 960123"' in text and '"09:30"' in text and "needs: [asd, sensory-and-physical]" in text
    assert "ages: all" in text and "sources: [example-directory-check]" in text
    built = editing.rebuilt_page(f"/services/{written.stem}/", typed["name"])
    assert built.select_one("h1").get_text() == typed["name"]
    assert built.select_one(".app-entry__summary").get_text() == typed["summary"]
    banner = built.select_one(".govuk-notification-banner").get_text(" ", strip=True)
    assert "Temporarily closed" in banner and typed["alert"] in banner
    facts = built.select_one(".app-entry__facts").get_text(" ", strip=True)
    for words in ("All ages, 0 to 25", "Bookings: 01632 960123", "Autism", "Saturday: 9:30am to midday",
                  "From Example check of every directory entry , Example Council, 1 June 2026", "Last checked June 2026"):
        assert words in facts
    prose = [p.get_text() for p in built.select(".app-prose p")]
    assert prose[-2:] == typed["description"].split("\n\n")

    assert_preview_matches(page, built, ".govuk-grid-column-two-thirds")
    assert problems == []


def test_new_service_with_no_contact_of_its_own_names_the_entry_to_ask(editing, editor_context):
    typed = {
        "name": "Holiday Play Scheme",
        "summary": "Play sessions in the school holidays.",
        "description": "Games, crafts and trips.",
        "ask": "advice-line",
        "ages": "not-known",
        "sources": ["example-directory-check"],
        "assured_date": "2026-06-01",
    }
    page, problems, save = editing.new_entry(editor_context, "entries-services", typed)
    # The preview finds the entry to ask in its own collection, with its phone number.
    page.frame_locator("#preview-pane").get_by_text("01632 960900").wait_for()

    written = save()
    text = written.read_text(encoding="utf-8")
    assert "ask: advice-line" in text and "ages: not-known" in text
    built = editing.rebuilt_page(f"/services/{written.stem}/", typed["name"])
    facts = built.select_one(".app-entry__facts").get_text(" ", strip=True)
    assert "Ages not known: our sources do not say which ages it is for. Ask Advice Line which ages it is for." in facts
    assert "Ask Advice Line : Phone: 01632 960900" in facts
    assert_preview_matches(page, built, ".govuk-grid-column-two-thirds")
    assert problems == []


def test_new_feedback_item_saved_through_decap_passes_check_and_is_published(editing, editor_context):
    typed = {
        "received": "2026-04",
        "source": "survey",
        "topic": "accessibility",
        "you_said": "The opening times of groups were hard to find.\n\nSome times were out of date.",
        "response": "We added opening times to every group's page and check them each term.",
        "status": "we-did",
        "response_date": "2026-05-20",
        "sources": ["example-directory-check"],
    }
    page, problems, save = editing.new_entry(editor_context, "feedback", typed)
    card = preview(page).select_one(".app-feedback-item")
    assert "The opening times of groups were hard to find." in card.get_text()
    assert "20 May 2026" in card.get_text()

    written = save()
    assert "The opening times of groups were hard to find." in written.read_text(encoding="utf-8")

    built = editing.rebuilt_page("/you-said-we-did/", "The opening times of groups were hard to find.")
    item = built.select_one(".app-feedback-item")
    assert item.select_one(".govuk-summary-card__title").get_text(" ", strip=True).startswith("Survey, April 2026 ")
    values = [dd.get_text(" ", strip=True) for dd in item.select(".govuk-summary-list__value")]
    assert values[:5] == [
        "The opening times of groups were hard to find. Some times were out of date.",
        typed["response"],
        "April 2026",
        "20 May 2026",
        "Example check of every directory entry , Example Council, 1 June 2026",
    ]
    assert_preview_matches(page, built, ".app-feedback-item")
    assert problems == []


def test_changing_one_field_through_decap_leaves_every_other_byte_of_the_file(editing, editor_context):
    path = editing.site.content / "services" / "services" / "sensory-play-group.yaml"
    # Formatting Decap's own YAML writer would change: a comment, a quoted
    # name, quoted phone numbers and times, lists of words in brackets, a
    # Markdown block.
    original = "# Checked with the provider by phone.\n" + path.read_text(encoding="utf-8").replace(
        "organization: St Helens Borough Council", "organization: 'St Helens Borough Council'"
    )
    path.write_text(original, encoding="utf-8")
    assert '"01632 960904"' in original and '"10:00"' in original and "[asd, sensory-and-physical]" in original
    old_summary = re.search(r"^summary: .*$", original, re.M)[0]
    new_summary = "Play with lights, sounds and textures for young children and their parents."
    editing.rebuilt_page("/services/sensory-play-group/", "St Helens Borough Council")

    page, problems = editing.open(editor_context, "collections/entries-services/entries/sensory-play-group")
    form = DecapForm(page, collection(editing.config, "entries-services")["fields"])
    form.fill("summary", new_summary)
    form.publish()

    eventually(lambda: new_summary in path.read_text(encoding="utf-8"), "Decap to save the file")
    assert path.read_text(encoding="utf-8") == original.replace(old_summary, f"summary: {new_summary}")
    built = editing.rebuilt_page("/services/sensory-play-group/", new_summary)
    assert built.select_one(".app-entry__summary").get_text() == new_summary
    assert problems == []


def test_information_page_preview_and_a_change_that_keeps_the_rest_of_the_page(editing, editor_context):
    path = editing.site.content / "pages" / "ehc-plans.md"
    original = path.read_text(encoding="utf-8")
    built = editing.rebuilt_page("/ehc-plans/", "EHC plans")
    page, problems = editing.open(editor_context, "collections/pages/entries/ehc-plans")
    shown = preview(page)
    assert shown.select_one("h1").get_text() == "EHC plans"
    assert "What an EHC plan is" in shown.select_one(".app-prose").get_text()
    # Related entries by their names, looked up in the other collections.
    page.frame_locator("#preview-pane").get_by_text("Oak Tree School").wait_for()
    assert_preview_matches(page, built, ".govuk-grid-column-two-thirds")

    form = DecapForm(page, collection(editing.config, "pages")["fields"])
    form.fill("summary", "What an EHC plan is, and who it is for.")
    form.fill("modified", "2026-12-01")
    form.publish()
    eventually(lambda: "who it is for" in path.read_text(encoding="utf-8"), "Decap to save the page")
    changed = original.replace(re.search(r"^Summary: .*$", original, re.M)[0], "Summary: What an EHC plan is, and who it is for.")
    assert path.read_text(encoding="utf-8") == changed.replace("Modified: 2026-06-02", "Modified: 2026-12-01")
    built = editing.rebuilt_page("/ehc-plans/", "who it is for")
    assert built.select_one(".app-page-updated").get_text() == "Last updated 1 December 2026"
    assert problems == []


def test_school_preview_shows_places_and_admissions_as_the_built_page_does(editing, editor_context):
    built = editing.rebuilt_page("/services/oak-tree-school/", "Oak Tree School")
    page, problems = editing.open(editor_context, "collections/entries-schools/entries/oak-tree-school")
    shown = preview(page)
    assert shown.select_one(".govuk-caption-l").get_text() == built.select_one(".govuk-caption-l").get_text()
    keys = [[dt.get_text(strip=True) for dt in soup.select(".govuk-summary-list__key")] for soup in (shown, built)]
    assert keys[0] == keys[1]
    assert_preview_matches(page, built, ".govuk-grid-column-two-thirds")
    assert problems == []


def test_the_council_details_changed_through_decap_keep_the_rest_of_the_file(editing, editor_context):
    path = editing.site.content / "council.yaml"
    original = path.read_text(encoding="utf-8")
    editing.rebuilt_page("/", "Additional Needs Team")
    page, problems = editing.open(editor_context, "collections/council/entries/council")
    form = DecapForm(page, collection(editing.config, "council")["files"][0]["fields"])
    form.fill("send_team", {"name": "SEND Team"})
    form.publish()
    eventually(lambda: "SEND Team" in path.read_text(encoding="utf-8"), "Decap to save the council file")
    assert path.read_text(encoding="utf-8") == original.replace("  name: Additional Needs Team\n", "  name: SEND Team\n")
    check = editing.site.check()
    assert check.returncode == 0, check.stdout + check.stderr
    footer = editing.rebuilt_page("/", "SEND Team").select_one("footer").get_text(" ", strip=True)
    assert "For help with SEND, contact the SEND Team on 01744 671104" in footer
    assert problems == []
