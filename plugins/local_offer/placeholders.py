"""Council details in information pages, written as placeholders: ``{{ send_team.phones }}``.

Information pages explain the national law once. Whatever differs between
councils (a team's name, its phone numbers, what the IASS is called) is
written as a placeholder naming a field of the council file, which the build
fills in. Double curly brackets and lower-case names survive Decap CMS's
Markdown editor unchanged (it escapes square brackets and emphasis, not
these), and read as "put the SEND team's phone numbers here".

- ``{{ area }}``, ``{{ iass.name }}``: that detail. Phone numbers become
  links that call them, email addresses and websites links too.
- ``{{ iass }}``, on a line of its own: a list of every way to reach the
  IASS that the council file gives, or, when it gives none, who to ask.
- ``[their website]({{ iass.website }})``: the bare address, as a link's target.

A placeholder the council file has no field for, or one whose detail the
file leaves out, is an error naming the page and the line, so a page never
shows a gap or a guess.
"""

from __future__ import annotations

import difflib
import re

from .fieldtypes import Email, Group, List, Url
from .schema import CONTACT, COUNCIL
from .yaml_source import SourceError

PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
NAME = re.compile(r"[a-z_]+(?:\.[a-z_]+)?")
# Characters Markdown would read as formatting in a council's text.
MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What a contact's list calls each way to reach it, in the order shown.
CONTACT_LINES = {"phones": "Phone", "email": "Email", "website": "Website", "address": "Address", "opening_hours": "Opening hours"}


# Settings for the website, not details a page would show.
NOT_FOR_PAGES = {"brand", "repository"}


def _known() -> dict:
    """Every placeholder name and the field it stands for."""
    names = {}
    for field in COUNCIL.fields:
        if field.name in NOT_FOR_PAGES:
            continue
        if isinstance(field.type, Group):
            if field.type is CONTACT:
                names[field.name] = field
            for member in field.type.fields.values():
                names[f"{field.name}.{member.name}"] = member
        else:
            names[field.name] = field
    return names


KNOWN = _known()


def _phone_link(number: str) -> str:
    return f"[{number}](tel:{number.replace(' ', '')})"


def as_markdown(value, field) -> str:
    """One detail as Markdown: numbers to call, addresses to email and websites as links."""
    if isinstance(field.type, List):
        return " or ".join(_phone_link(number) for number in value)
    if field.type is Email:
        return f"[{value}](mailto:{value})"
    if isinstance(field.type, Url):
        return f"<{value}>"
    return MARKDOWN.sub(r"\\\1", str(value))


def as_text(value, field) -> str:
    return " or ".join(value) if isinstance(field.type, List) else str(value)


def reach(contact: dict) -> str:
    """How to reach a contact, in one phrase of Markdown, such as 'phone [0…](tel:0…) or email […](mailto:…)'."""
    ways = []
    if contact.get("phones"):
        ways.append("phone " + as_markdown(contact["phones"], CONTACT.fields["phones"]))
    if contact.get("email"):
        ways.append("email " + as_markdown(contact["email"], CONTACT.fields["email"]))
    if contact.get("website"):
        ways.append("see " + as_markdown(contact["website"], CONTACT.fields["website"]))
    return " or ".join(ways)


def contact_block(contact: dict, council: dict) -> str:
    """A contact's details as a Markdown list, or who to ask when the council file gives none."""
    lines = [
        f"- {label}: {as_markdown(contact[name], CONTACT.fields[name])}"
        for name, label in CONTACT_LINES.items()
        if contact.get(name)
    ]
    if any(contact.get(name) for name in ("phones", "email", "website", "address")):
        return "\n".join(lines)
    team = council["send_team"]
    ask = f"We do not have contact details for {as_markdown(contact['name'], CONTACT.fields['name'])} yet. "
    ask += f"Ask the {as_markdown(team['name'], CONTACT.fields['name'])}: {reach(team)}."
    return "\n".join([ask, *([""] + lines if lines else [])])


class Filler:
    """Fills the placeholders of one page, collecting a SourceError for each one it cannot fill.

    ``council`` is None when the council file itself has errors: placeholders
    are then only checked against the fields the council file can have.
    """

    def __init__(self, shown: str, council: dict | None, council_file: str):
        self.shown = shown
        self.council = council
        self.council_file = council_file
        self.errors: list[SourceError] = []

    def fail(self, line: int, placeholder: str, message: str) -> str:
        self.errors.append(SourceError(self.shown, line, placeholder, message))
        return placeholder

    def field(self, line: int, placeholder: str, inside: str):
        """The field a placeholder names and its value, or (None, None) after recording why not."""
        name = inside.strip()
        if not NAME.fullmatch(name) or name not in KNOWN:
            close = difflib.get_close_matches(name, list(KNOWN), n=1, cutoff=0.6)
            hint = f"did you mean {{{{ {close[0]} }}}}? " if close else ""
            self.fail(line, placeholder, f"is not a detail the council file has; {hint}the placeholders are listed in docs/start-a-local-offer.md")
            return None, None
        if self.council is None:
            return KNOWN[name], None
        value = self.council
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            self.fail(
                line, placeholder,
                f"{self.council_file} does not give '{name}'; add it there if a published source confirms it, "
                "or write the page without it",
            )
            return None, None
        return KNOWN[name], value

    def line(self, text: str, number: int, markdown: bool) -> str:
        def fill(match: re.Match) -> str:
            placeholder = match.group(0)
            field, value = self.field(number, placeholder, match.group(1))
            if value is None:
                return placeholder
            if field.type is CONTACT:
                if not markdown or text.strip() != placeholder:
                    return self.fail(number, placeholder, "a whole contact is a list: put it on a line of its own, or name one detail, such as {{ iass.phones }}")
                return contact_block(value, self.council)
            if not markdown:
                return as_text(value, field)
            if text[: match.start()].endswith("]("):
                if isinstance(field.type, List):
                    return self.fail(number, placeholder, "is a list of numbers, so it cannot be a link's address")
                return str(value)
            return as_markdown(value, field)

        return PLACEHOLDER.sub(fill, text)

    def text(self, text: str, first_line: int) -> str:
        """Markdown with its placeholders filled; ``first_line`` is its first line's number in the file."""
        if "{{" not in text:
            return text
        lines = text.split("\n")
        return "\n".join(self.line(line, first_line + index, True) for index, line in enumerate(lines))


def fill_page(header: list, body: str, shown: str, council: dict | None, council_file: str):
    """A page's header lines and Markdown body with council details filled in, and the errors found.

    Header values (title, summary) get plain text; the body gets Markdown.
    """
    filler = Filler(shown, council, council_file)
    header = [(number, key, filler.line(value, number, False)) for number, key, value in header]
    body = filler.text(body, len(header) + 1)
    return header, body, filler.errors
