"""The content model: every field of every kind of content, defined once.

Validation, the published JSON Schema, the Decap CMS configuration, the
editors' field reference and ``make new`` scaffolding are all generated from
the definitions in this module. Field names follow Open Referral UK 3.0
where a field maps, so the open-data export is a mapping, not a translation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from .fieldtypes import (
    Boolean,
    Date,
    Decimal,
    Email,
    FieldType,
    Group,
    Integer,
    List,
    Month,
    Phone,
    Postcode,
    Slug,
    Term,
    Text,
    Time,
    Url,
    Uuid,
)

SCHOOL_KINDS = frozenset({"special_school", "arp"})
SERVICE_KINDS = frozenset({"service", "ias"})


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    label: str
    help: str
    required: bool = False
    # For entries, the kinds a field is required for, or allowed on at all.
    required_for: frozenset = frozenset()
    only_for: frozenset = frozenset()

    def allowed(self, kind: str | None) -> bool:
        return not self.only_for or kind in self.only_for

    def is_required(self, kind: str | None) -> bool:
        return self.required or kind in self.required_for


@dataclasses.dataclass(frozen=True)
class Rule:
    """A check across fields of one item; ``check`` returns (field, message) pairs."""

    description: str
    check: Callable[[dict], Iterable[tuple[str, str]]]


@dataclasses.dataclass(frozen=True)
class ContentType:
    name: str
    label: str
    folder: str
    fields: tuple
    rules: tuple = ()
    by_name: dict = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


def _age_range(data):
    low, high = data.get("minimum_age"), data.get("maximum_age")
    if low is not None and high is not None and low > high:
        yield "maximum_age", f"{high} is lower than the minimum age ({low}); swap them or correct one"


def _closed_needs_note(data):
    status = data.get("status")
    if status is not None and status.id != "active" and not data.get("alert"):
        yield "alert", "a closed service needs a note for families saying why and until when; add an 'alert'"


def _fees_or_free(data):
    if data.get("free") is True and data.get("fees"):
        yield "fees", "the entry says it is free and also describes fees; remove one"


def _cant_needs_reason(data):
    status = data.get("status")
    if status is not None and status.id == "we-cant" and not data.get("reason"):
        yield "reason", "when the status is we-cant, say why in 'reason'"
    if status is not None and status.id != "we-cant" and data.get("reason"):
        yield "reason", "only give a reason when the status is we-cant; remove it"


def _response_after_comments(data):
    received, responded = data.get("received"), data.get("response_date")
    if received and responded and responded < received:
        yield "response_date", f"{responded.isoformat()} is before the comments were received ({received:%B %Y})"


PHONE = Group(
    Field("number", Phone, "Number", "The phone number with its area code, in quotes.", required=True),
    Field("description", Text(max_length=80), "What the number is for", "For example 'Helpline' or 'Text only'."),
)

LOCATION = Group(
    Field("name", Text(max_length=120), "Place name", "The name of the building, if it has one."),
    Field("address_1", Text(max_length=200), "Street address", "The building number and street.", required=True),
    Field("city", Text(max_length=80), "Town", "The town, for example St Helens or Newton-le-Willows.", required=True),
    Field("postal_code", Postcode, "Postcode", "The full postcode, such as WA10 1AB.", required=True),
    Field("latitude", Decimal(49.0, 61.0, "53.4534"), "Latitude", "Only if known exactly; used for the map link."),
    Field("longitude", Decimal(-8.7, 2.0, "-2.7384"), "Longitude", "Only if known exactly; used for the map link."),
    Field(
        "accessibility",
        Text(multiline=True),
        "Venue accessibility",
        "Step-free access, accessible toilets, parking, hearing loops, quiet spaces.",
    ),
)

SCHEDULE = Group(
    Field("days", List(Term("days"), min_items=1), "Days", "The days it is open.", required=True),
    Field("opens_at", Time, "Opens at", "On the 24-hour clock, in quotes, such as '09:00'."),
    Field("closes_at", Time, "Closes at", "On the 24-hour clock, in quotes, such as '17:00'."),
    Field("description", Text(max_length=120), "Note", "For example 'Term time only'."),
)

COST_OPTION = Group(
    Field("option", Text(max_length=120), "What it is for", "For example 'Per session'.", required=True),
    Field("amount", Decimal(0, 100000, "5.50"), "Amount in pounds", "A number, without the £ sign."),
    Field("amount_description", Text(max_length=200), "More about the cost", "For example 'Free for families on benefits'."),
)

ADMISSIONS = Group(
    Field(
        "ehc_plan_required",
        Boolean(),
        "Needs an EHC plan",
        "true if a place can only be offered through an education, health and care plan.",
        required=True,
    ),
    Field(
        "admitting_authority",
        Text(max_length=120),
        "Who decides on places",
        "The admitting authority, usually the council.",
        required=True,
    ),
    Field("details", Text(markdown=True), "How admission works", "Anything else families should know about getting a place."),
)

ENTRY = ContentType(
    name="entry",
    label="Directory entry",
    folder="services",
    fields=(
        Field("kind", Term("kinds"), "Kind of entry", "service, special_school, arp or ias.", required=True),
        Field("name", Text(max_length=120), "Name", "The name families know it by.", required=True),
        Field("slug", Slug, "Web address name", "The last part of the page address. Leave it out to use the file name."),
        Field("id", Uuid(), "Id", "A permanent id for open data. Leave it out to have one made from the slug."),
        Field(
            "summary",
            Text(max_length=200),
            "One-line summary",
            "One plain sentence saying what it is and who it is for. Shown in search results.",
            required=True,
        ),
        Field("description", Text(markdown=True), "Description", "What it offers, in plain English. Markdown.", required=True),
        Field("organization", Text(max_length=120), "Run by", "The organisation that runs it."),
        Field("status", Term("statuses"), "Status", "active, temporarily_closed or inactive. Leave it out if it is open."),
        Field(
            "alert",
            Text(max_length=300),
            "Notice for families",
            "Shown at the top of the page, for example why it is closed and until when.",
        ),
        Field("url", Url(), "Website", "Its own website, starting https://."),
        Field("email", Email, "Email", "A team mailbox, never a member of staff's own address."),
        Field("phones", List(PHONE), "Phone numbers", "Numbers families can call."),
        Field(
            "minimum_age",
            Integer(0, 25),
            "Youngest age",
            "The youngest age it is for, from 0 to 25.",
            required_for=SCHOOL_KINDS,
        ),
        Field(
            "maximum_age",
            Integer(0, 25),
            "Oldest age",
            "The oldest age it is for, from 0 to 25.",
            required_for=SCHOOL_KINDS,
        ),
        Field(
            "categories",
            List(Term("categories"), min_items=1),
            "Types of help",
            "Which parts of the Local Offer it belongs to.",
            required=True,
        ),
        Field(
            "needs",
            List(Term("needs")),
            "Needs",
            "The needs it is for. Leave it out if it is for all needs.",
            only_for=SERVICE_KINDS,
        ),
        Field(
            "designated_needs",
            List(Term("needs"), min_items=1),
            "Designated needs",
            "The needs the school or base is designated for.",
            required_for=SCHOOL_KINDS,
            only_for=SCHOOL_KINDS,
        ),
        Field(
            "phases",
            List(Term("phases"), min_items=1),
            "Phases",
            "early-years, primary, secondary or post-16.",
            required_for=SCHOOL_KINDS,
            only_for=SCHOOL_KINDS,
        ),
        Field("places", Integer(1), "Number of places", "Only if known.", only_for=SCHOOL_KINDS),
        Field(
            "admissions",
            ADMISSIONS,
            "Admissions",
            "How a child gets a place.",
            required_for=SCHOOL_KINDS,
            only_for=SCHOOL_KINDS,
        ),
        Field("free", Boolean(), "Free", "true if it is free to use, false if there is a charge. Leave it out if unsure."),
        Field("fees", Text(max_length=300), "Costs", "What it costs, in words, when it is not free."),
        Field("cost_options", List(COST_OPTION), "Prices", "Each price, if there are set charges."),
        Field(
            "eligibility_description",
            Text(markdown=True),
            "Who can use it",
            "Who it is for and anything they need, such as living in St Helens.",
        ),
        Field(
            "access_routes",
            List(Term("access_routes")),
            "How to get it",
            "For example self-referral, professional-referral or drop-in.",
        ),
        Field("application_process", Text(markdown=True), "How to ask for it", "The steps to get this help. Markdown."),
        Field("locations", List(LOCATION), "Where it is", "Addresses where it happens."),
        Field("schedules", List(SCHEDULE), "Opening times", "When it is open."),
        Field("keywords", List(Text(max_length=60)), "Other words", "Extra words families might search for."),
        Field(
            "assured_date",
            Date(),
            "Last checked",
            "The date someone last checked every detail was right, such as 2026-03-31.",
            required=True,
        ),
    ),
    rules=(
        Rule("The youngest age is not above the oldest age.", _age_range),
        Rule("A closed service carries a notice for families.", _closed_needs_note),
        Rule("An entry is either free or has fees, not both.", _fees_or_free),
    ),
)

FEEDBACK = ContentType(
    name="feedback",
    label="You said, we did item",
    folder="feedback",
    fields=(
        Field("received", Month(), "When comments were received", "Month and year, such as 2025-03.", required=True),
        Field("source", Term("feedback_sources"), "Where the comments came from", "A feedback source term.", required=True),
        Field("topic", Term("feedback_topics"), "Topic", "Which part of the Local Offer it is about.", required=True),
        Field("categories", List(Term("categories")), "Types of help", "The categories it concerns."),
        Field("needs", List(Term("needs")), "Needs", "The needs it concerns."),
        Field(
            "you_said",
            Text(multiline=True),
            "You said",
            "A summary of what people told us. Never include names, emails, phone numbers or postcodes.",
            required=True,
        ),
        Field("response", Text(multiline=True), "Our response", "What we did, are doing or will do.", required=True),
        Field("status", Term("feedback_statuses"), "Status", "we-did, we-are-doing, we-will or we-cant.", required=True),
        Field("reason", Text(multiline=True), "Why we can't", "Only when the status is we-cant."),
        Field("response_date", Date(), "Date of our response", "Such as 2025-06-15.", required=True),
        Field("related", List(Slug), "Related pages", "Slugs of directory entries or information pages it is about."),
    ),
    rules=(
        Rule("A we-can't item gives its reason, and only then.", _cant_needs_reason),
        Rule("The response comes after the comments.", _response_after_comments),
    ),
)

PAGE = ContentType(
    name="page",
    label="Information page",
    folder="pages",
    fields=(
        Field("title", Text(max_length=120), "Title", "The page heading.", required=True),
        Field("slug", Slug, "Web address name", "The page address, such as ehc-plans.", required=True),
        Field("summary", Text(max_length=250), "Summary", "One or two sentences saying what the page covers.", required=True),
        Field("related", List(Slug), "Related entries", "Slugs of directory entries to list beside the page."),
        Field("topics", List(Term("categories")), "Types of help", "Categories the page belongs to."),
        Field("order", Integer(0), "Order", "Where it comes in the list of guides; lower comes first."),
    ),
)

# Best bets: what families type, mapped to what answers it, as GOV.UK's
# search does. One file (content/data/best-bets.yaml) holds a list of them;
# plugins/search_index/best_bets.py reads it.
BEST_BET = ContentType(
    name="best_bet",
    label="Best bet",
    folder="data/best-bets.yaml",
    fields=(
        Field(
            "searches",
            List(Text(max_length=100), min_items=1),
            "Searches",
            "What families type, in their own words, such as ehcp or how long does an assessment take. "
            "It matches when someone types the same words, in any order, ignoring words like how, my and son.",
            required=True,
        ),
        Field(
            "answers",
            List(Slug, min_items=1),
            "Answers",
            "The slugs of the directory entries or information pages that answer it, best first.",
            required=True,
        ),
    ),
)

CONTENT_TYPES = {t.name: t for t in (ENTRY, FEEDBACK, PAGE)}


def object_schema(fields: Iterable[Field], vocabularies, kind: str | None = None) -> dict:
    """The JSON Schema of a set of fields, as seen for one entry kind."""
    fields = [f for f in fields if f.allowed(kind)]
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }
    for field in fields:
        prop = field.type.json_schema(vocabularies)
        if isinstance(field.type, List):
            prop["items"] = field.type.item.json_schema(vocabularies)
        prop = {"title": field.label, "description": field.help, **prop}
        schema["properties"][field.name] = prop
    required = [f.name for f in fields if f.is_required(kind)]
    if required:
        schema["required"] = required
    return schema
