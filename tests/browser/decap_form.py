"""Filling in Decap CMS's form with Playwright, from the generated admin/config.yml.

Fields are found by the labels in the configuration, and values are typed
through Decap's own widgets (text boxes, lists, drop-down selects, dates,
the Markdown editor), as an editor would. ``fill_required`` fills in any
other required field with an example of its kind, so the tests keep working
when the content model gains a required field.
"""

from __future__ import annotations

import re

# A required field the test did not give is filled with an example of its
# kind; example data never appears on the real site (see the brief).
EXAMPLE_TEXT = "Example text from the web editor test."
EXAMPLE_DATE = "2026-11-30"


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields: list, name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def example(spec: dict):
    """A value that passes the field's own checks in Decap (and in make check)."""
    widget = spec.get("widget", "string")
    if widget == "select":
        first = spec["options"][0]["value"]
        return [first] if spec.get("multiple") else first
    if widget == "list":
        if "fields" in spec:
            return [{f["name"]: example(f) for f in spec["fields"] if f.get("required", True)}]
        return [example(spec["field"])]
    if widget == "object":
        return {f["name"]: example(f) for f in spec["fields"] if f.get("required", True)}
    if widget == "datetime":
        return EXAMPLE_DATE
    if widget == "number":
        return max(spec.get("min", 1), 1)
    if widget == "boolean":
        return True
    if "pattern" in spec:
        # The pattern's message ends "such as <an example that matches>".
        return re.search(r"such as (\S.*?)\.?$", spec["pattern"][1])[1].strip("'\"")
    return EXAMPLE_TEXT


class DecapForm:
    """One entry's form in Decap's editor, with the collection's field settings."""

    def __init__(self, page, fields: list):
        self.page = page
        self.fields = fields

    def label(self, text: str, within=None):
        # Decap adds "(optional)" to fields that are not required. In a list,
        # the last matching label is the item just added.
        pattern = re.compile(rf"^\s*{re.escape(text)}( \(optional\))?\s*$", re.I)
        return (within or self.page).locator("label").filter(has_text=pattern).last

    def control(self, text: str, within=None):
        return self.page.locator(f"[id='{self.label(text, within).get_attribute('for')}']")

    def fill(self, name: str, value, fields: list | None = None, within=None) -> None:
        spec = field(fields or self.fields, name)
        widget, label = spec.get("widget", "string"), spec["label"]
        if widget == "markdown":
            # The Markdown editor has no element the label points at: its
            # editable area is in the same field box. Enter starts a paragraph.
            box = self.label(label, within).locator("xpath=ancestor::div[.//*[@contenteditable='true']][1]")
            box.locator("[contenteditable='true']").first.click()
            for index, paragraph in enumerate(value.split("\n\n")):
                if index:
                    self.page.keyboard.press("Enter")
                self.page.keyboard.type(paragraph)
        elif widget == "select":
            options = {option["value"]: option["label"] for option in spec["options"]}
            for chosen in value if isinstance(value, list) else [value]:
                self.control(label, within).click()
                self.page.keyboard.type(options[chosen])
                self.page.get_by_role("option", name=options[chosen], exact=True).click()
        elif widget == "boolean":
            toggle = self.control(label, within)
            if (toggle.get_attribute("aria-checked") == "true") != bool(value):
                toggle.click()
        elif widget == "list":
            box = self.control(label, within)
            for item in value:
                box.get_by_role("button", name=re.compile(r"^Add\b")).click()
                if "fields" in spec:
                    for key, inner in item.items():
                        self.fill(key, inner, spec["fields"], box)
                else:
                    self.fill(spec["field"]["name"], item, [spec["field"]], box)
        elif widget == "object":
            box = self.control(label, within)
            for key, inner in value.items():
                self.fill(key, inner, spec["fields"], box)
        else:  # string, text, number and datetime are plain inputs
            self.control(label, within).fill(str(value))

    def fill_required(self, given) -> None:
        """Fill every required field not in ``given`` with an example of its kind."""
        for spec in self.fields:
            if spec["name"] in given or spec.get("widget") == "hidden" or not spec.get("required", True):
                continue
            self.fill(spec["name"], example(spec))

    def publish(self) -> None:
        """Save: with the local backend, Decap writes the file at once."""
        self.page.get_by_role("button", name="Publish").first.click()
        self.page.get_by_text("Publish now").click()
        self.page.get_by_text(re.compile(r"^Changes saved$", re.I)).wait_for()
