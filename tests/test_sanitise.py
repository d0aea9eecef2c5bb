"""Markdown from editors is rendered, then sanitised: nothing in it can run."""

from __future__ import annotations

from tests.conftest import ENTRY_REQUIRED, PAGE_REQUIRED

HOSTILE = """\
Hello <script>alert("entry")</script> there.

<img src="x.png" onerror="alert(1)"> <iframe src="https://example.org/"></iframe>

[Click me](javascript:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="https://example.org/" onclick="alert(3)">Example</a>
"""


def hostile_entry(site):
    site.write(
        "services/hostile.yaml",
        "kind: service\nname: Hostile\nsummary: Test.\ncategories: [leisure]\nassured_date: 2026-01-10\n" + ENTRY_REQUIRED
        + "description: |\n" + "".join(f"  {line}\n" for line in HOSTILE.splitlines()),
    )
    site.write("pages/hostile.md", "Title: Hostile\nSlug: hostile\nSummary: Test.\n" + PAGE_REQUIRED + "\n" + HOSTILE)


def assert_inert(main):
    assert main.select("script, iframe, img[onerror]") == []
    assert not [tag for tag in main.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    hrefs = [a.get("href", "") for a in main.select("a")]
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    external = main.select_one('a[href="https://example.org/"]')
    assert external is not None and "noopener" in external["rel"]
    assert "Click me" in main.get_text()


def test_entry_description_is_sanitised(site):
    hostile_entry(site)
    site.build_ok()
    assert_inert(site.page("/services/hostile/").select_one("main"))


def test_information_page_is_sanitised(site):
    hostile_entry(site)
    site.build_ok()
    assert_inert(site.page("/hostile/").select_one("main"))


def test_template_output_is_escaped(site):
    site.write(
        "services/angle.yaml",
        "kind: service\nname: <b>Bold</b> & co\nsummary: Test.\ndescription: Text.\ncategories: [leisure]\n"
        "assured_date: 2026-01-10\n" + ENTRY_REQUIRED,
    )
    site.build_ok()
    heading = site.page("/services/angle/").select_one("h1")
    assert heading.get_text(strip=True) == "<b>Bold</b> & co"
    assert heading.select("b") == []


def test_links_between_pages_follow_the_published_address(site):
    site.write(
        "services/linked.yaml",
        "kind: service\nname: Linked\nsummary: Test.\ncategories: [leisure]\nassured_date: 2026-01-10\n" + ENTRY_REQUIRED
        + "description: Read about [EHC plans](/ehc-plans/).\n",
    )
    site.settings = "publishconf.py"
    site.env["SITEURL"] = "https://example.org/local-offer"
    site.build_ok()
    link = site.page("/services/linked/").select_one("main a[href$='/ehc-plans/']")
    assert link["href"] == "https://example.org/local-offer/ehc-plans/"
