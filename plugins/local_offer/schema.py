"""The content model: every field of every kind of content, defined once.

Validation, the published JSON Schema, the Decap CMS configuration, the
editors' field reference and ``make new`` scaffolding are all generated from
the definitions in this module. Field names follow Open Referral UK 3.0
where a field maps, so the open-data export is a mapping, not a translation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from .dates import last_day
from .fieldtypes import (
    AGES_ALL,
    AGES_NOT_KNOWN,
    Ages,
    Boolean,
    Colour,
    Date,
    DayMonthOrYear,
    Decimal,
    Email,
    EntrySlug,
    FieldType,
    Group,
    Integer,
    List,
    Pattern,
    Phone,
    Postcode,
    Slug,
    SourceId,
    Term,
    Text,
    Time,
    Url,
    Uuid,
)

@dataclasses.dataclass(frozen=True)
class KindsWhere:
    """The kinds of entry whose term in the kinds vocabulary has ``attribute`` set to ``value``.

    What a kind is (a school, or not) is said in ``vocabularies.yaml`` (see
    ``KIND``), so a council can add a kind of entry without changing code.
    """

    attribute: str
    value: bool = True

    def __contains__(self, kind) -> bool:
        """``kind`` is a term of the kinds vocabulary, or None when the entry has no valid kind."""
        return kind is not None and kind.get(self.attribute, False) == self.value

    def words(self, vocabularies) -> str:
        """These kinds as a message names them: "special schools and additionally resourced provisions (ARPs)"."""
        names = [kind_words(kind) for kind in vocabularies["kinds"] if kind in self]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def kind_words(kind) -> str:
    """One kind as a message names it: its plural, lower case as in a sentence."""
    plural = kind.get("plural") or kind.label
    return plural[:1].lower() + plural[1:]


SCHOOLS = KindsWhere("school")
NOT_SCHOOLS = KindsWhere("school", False)


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    label: str
    help: str
    required: bool = False
    # For entries, the kinds a field is required for, or allowed on at all
    # (None: every kind). ``kind`` below is a term of the kinds vocabulary.
    required_for: KindsWhere | None = None
    only_for: KindsWhere | None = None

    def allowed(self, kind) -> bool:
        return self.only_for is None or kind in self.only_for

    def is_required(self, kind) -> bool:
        return self.required or (self.required_for is not None and kind in self.required_for)


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
    if low is not None and high is not None and low >= high:
        yield "maximum_age", (
            f"{high} is not above the minimum age ({low}); ages run from one birthday up to a later one, "
            "so 'aged 11 to 16' is minimum_age 11 and maximum_age 16"
        )
    elif (low is None) != (high is None):
        missing = "maximum_age" if high is None else "minimum_age"
        yield missing, "give both minimum_age and maximum_age, as the source gives them, or neither"


def _ages_given(data):
    """Ages come from a source, from a school's phases, or are said to be all or not known; never guessed."""
    ranged = data.get("minimum_age") is not None or data.get("maximum_age") is not None
    if data.get("ages") is not None and ranged:
        yield "ages", f"'{data['ages']}' is only for when no source gives the ages; remove it or the minimum and maximum ages"
    elif data.get("ages") is None and not ranged and not data.get("phases"):
        yield "ages", (
            "say which ages it is for: give minimum_age and maximum_age from a source, or write "
            f"'ages: {AGES_ALL}' if it is for every age from 0 to 25, or 'ages: {AGES_NOT_KNOWN}' if no source says"
        )


def has_own_contact(data) -> bool:
    """Whether an entry gives families a phone number, email or website of its own."""
    return bool(data.get("phones") or data.get("email") or data.get("url"))


def _contact_or_route(data):
    if not has_own_contact(data) and not data.get("ask"):
        yield "ask", (
            "gives families no way to reach a person: add a phone number, email or website from a source, "
            "or name the entry to ask instead, such as 'ask: additional-needs-team'"
        )


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
    if received and responded and last_day(responded) < received:
        yield "response_date", f"{responded.isoformat()} is before the comments were received ({received.isoformat()})"


def sources_field(what: str) -> Field:
    """The ``sources`` field of a kind of content: where its facts come from."""
    return Field(
        "sources",
        List(SourceId, min_items=1, max_items=20),
        "Sources",
        f"Where {what} come from: the ids of sources listed in content/data/sources.yaml, such as send-strategy-2024.",
        required=True,
    )


PHONE = Group(
    Field("number", Phone, "Number", "The phone number with its area code, in quotes.", required=True),
    Field("description", Text(max_length=80), "What the number is for", "For example 'Helpline' or 'Text only'."),
)

LOCATION = Group(
    Field("name", Text(max_length=120), "Place name", "The name of the building, if it has one."),
    Field("address_1", Text(max_length=200), "Street address", "The building number and street.", required=True),
    Field("city", Text(max_length=80), "Town", "The town, as the postal address gives it.", required=True),
    Field("postal_code", Postcode, "Postcode", "The full postcode, such as AB1 2CD.", required=True),
    Field("latitude", Decimal(49.0, 61.0, "52.4862"), "Latitude", "Only if known exactly; used for the map link."),
    Field("longitude", Decimal(-8.7, 2.0, "-1.8904"), "Longitude", "Only if known exactly; used for the map link."),
    Field(
        "accessibility",
        Text(max_length=1000, multiline=True),
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
        "true if a place can only be offered through an education, health and care plan, false if not. "
        "Leave it out if no source says.",
    ),
    Field(
        "admitting_authority",
        Text(max_length=120),
        "Who decides on places",
        "The admitting authority, usually the council.",
        required=True,
    ),
    Field("details", Text(max_length=10_000, markdown=True), "How admission works", "Anything else families should know about getting a place."),
)

# What each term of the kinds vocabulary says about its kind of entry,
# checked when the vocabularies are read.
KIND = Group(
    Field("label", Text(max_length=80), "Label", "What one is called, such as 'Special school'.", required=True),
    Field("plural", Text(max_length=80), "Plural", "What several are called, such as 'Special schools'.", required=True),
    Field("description", Text(max_length=400), "Description", "One or two sentences for families.", required=True),
    Field("noun", Text(max_length=40), "Noun", "What its page calls it: 'About this school'.", required=True),
    Field(
        "school",
        Boolean(),
        "Is a school",
        "true for a school or a base in one: it has phases, designated needs and admissions, and is listed "
        "on the schools page; false for a service.",
        required=True,
    ),
    Field(
        "advice",
        Boolean(),
        "Gives advice",
        "true for information, advice and support: search offers it when it finds nothing.",
    ),
)

# Written by `make import`, never by hand, so nothing in it is required of
# an editor (or of Decap's form for a new entry).
IMPORTED_FROM = Group(
    Field("source", Text(max_length=500), "Source", "The web address, or the file name, of the Open Referral UK data."),
    Field("id", Text(max_length=100), "Id there", "The service's id in that data."),
    Field("date", Date(), "Date imported", "When it was imported, such as 2026-03-31."),
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
        Field("description", Text(max_length=20_000, markdown=True), "Description", "What it offers, in plain English. Markdown.", required=True),
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
        Field("phones", List(PHONE, max_items=10), "Phone numbers", "Numbers families can call."),
        Field(
            "ask",
            EntrySlug,
            "Who to ask",
            "The entry families should ask, by its web address name, such as additional-needs-team. "
            "Needed when it has no phone, email or website of its own; its page shows that entry's contact.",
        ),
        Field(
            "ages",
            Ages,
            "Ages, when no source gives them",
            f"Leave it out when minimum_age and maximum_age are given. Write {AGES_ALL} if it is for every age "
            f"from 0 to 25, or {AGES_NOT_KNOWN} if no source says which ages it is for.",
        ),
        Field(
            "minimum_age",
            Integer(0, 24),
            "Youngest age",
            "The age it is for from, as its source gives it: 11 means from the 11th birthday.",
        ),
        Field(
            "maximum_age",
            Integer(1, 25),
            "Up to age",
            "The birthday it is for until, as its source gives it: 16 means until the 16th birthday, so "
            "'aged 11 to 16' is 11 and 16, and 'up to 25' is 25.",
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
            only_for=NOT_SCHOOLS,
        ),
        Field(
            "designated_needs",
            List(Term("needs"), min_items=1),
            "Designated needs",
            "The needs the school or base is designated for.",
            required_for=SCHOOLS,
            only_for=SCHOOLS,
        ),
        Field(
            "phases",
            List(Term("phases"), min_items=1),
            "Phases",
            "early-years, primary, secondary or post-16, if a source says. They also say which ages it is for.",
        ),
        Field("places", Integer(1), "Number of places", "Only if known.", only_for=SCHOOLS),
        Field(
            "admissions",
            ADMISSIONS,
            "Admissions",
            "How a child gets a place.",
            required_for=SCHOOLS,
            only_for=SCHOOLS,
        ),
        Field("free", Boolean(), "Free", "true if it is free to use, false if there is a charge. Leave it out if unsure."),
        Field("fees", Text(max_length=300), "Costs", "What it costs, in words, when it is not free."),
        Field("cost_options", List(COST_OPTION, max_items=20), "Prices", "Each price, if there are set charges."),
        Field(
            "eligibility_description",
            Text(max_length=5000, markdown=True),
            "Who can use it",
            "Who it is for and anything they need, such as living in the council's area.",
        ),
        Field(
            "access_routes",
            List(Term("access_routes")),
            "How to get it",
            "For example self-referral, professional-referral or drop-in.",
        ),
        Field("application_process", Text(max_length=10_000, markdown=True), "How to ask for it", "The steps to get this help. Markdown."),
        Field("locations", List(LOCATION, max_items=50), "Where it is", "Addresses where it happens."),
        Field("schedules", List(SCHEDULE, max_items=30), "Opening times", "When it is open."),
        Field("keywords", List(Text(max_length=60), max_items=30), "Other words", "Extra words families might search for."),
        sources_field("its facts"),
        Field(
            "assured_date",
            DayMonthOrYear(),
            "Last checked",
            "The date of the newest source that confirms every detail: a day, a month or a year, as the "
            "source gives it, such as 2026-03-31 or 2024. Never later than its sources, never in the future.",
            required=True,
        ),
        Field(
            "outside_area",
            Boolean(),
            "Outside the area",
            "true if it is outside the council's area but families here use it, such as a school in a neighbouring area.",
        ),
        Field(
            "imported_from",
            IMPORTED_FROM,
            "Imported from",
            "Where make import found it. Written by make import: an entry imported again from the same place is replaced.",
        ),
    ),
    rules=(
        Rule("Ages run from a lower birthday to a higher one, and both are given.", _age_range),
        Rule("Ages come from a source, from phases, or are said to be all or not known.", _ages_given),
        Rule("An entry has a phone number, email or website, or names the entry to ask.", _contact_or_route),
        Rule("A closed service carries a notice for families.", _closed_needs_note),
        Rule("An entry is either free or has fees, not both.", _fees_or_free),
    ),
)

FEEDBACK = ContentType(
    name="feedback",
    label="You said, we did item",
    folder="feedback",
    fields=(
        Field(
            "received",
            DayMonthOrYear(),
            "When comments were received",
            "A day, month or year, such as 2025-03. Leave it out if no source says when.",
        ),
        Field(
            "source",
            Term("feedback_sources"),
            "How the comments reached us",
            "Such as survey or consultation; only what a source says.",
            required=True,
        ),
        Field("topic", Term("feedback_topics"), "Topic", "Which part of the Local Offer it is about.", required=True),
        Field("categories", List(Term("categories")), "Types of help", "The categories it concerns."),
        Field("needs", List(Term("needs")), "Needs", "The needs it concerns."),
        Field(
            "you_said",
            Text(max_length=2000, multiline=True),
            "You said",
            "A summary of what people told us. Never include names, emails, phone numbers or postcodes.",
            required=True,
        ),
        Field("response", Text(max_length=4000, multiline=True), "Our response", "What we did, are doing or will do.", required=True),
        Field("status", Term("feedback_statuses"), "Status", "we-did, we-are-doing, we-will or we-cant.", required=True),
        Field("reason", Text(max_length=2000, multiline=True), "Why we can't", "Only when the status is we-cant."),
        Field(
            "response_date",
            DayMonthOrYear(),
            "Date of our response",
            "The date of the source that records it: a day, month or year, such as 2025-06-15 or 2024.",
            required=True,
        ),
        Field("related", List(Slug, max_items=20), "Related pages", "Slugs of directory entries or information pages it is about."),
        sources_field("the comments and our response"),
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
        Field("related", List(Slug, max_items=20), "Related entries", "Slugs of directory entries to list beside the page."),
        Field("topics", List(Term("categories")), "Types of help", "Categories the page belongs to."),
        Field("order", Integer(0), "Order", "Where it comes in the list of guides; lower comes first."),
        sources_field("the page's facts"),
        Field("modified", Date(), "Last updated", "The day the page was last changed, such as 2026-12-06.", required=True),
    ),
)


def _send_team_reachable(data):
    team = data.get("send_team")
    if team is not None and not any(team.get(way) for way in ("phones", "email", "website")):
        yield "send_team", "families need a way to reach the SEND team; give its phones, email or website"


# One way to reach a team or service the information pages name. Only what a
# published source confirms: leave out what is not known, and pages point
# families to the SEND team instead.
CONTACT = Group(
    Field("name", Text(max_length=120), "Name", "What families know it as, such as 'SEND team'.", required=True),
    Field("phones", List(Phone, min_items=1, max_items=10), "Phone numbers", "Numbers families can call, in quotes, the main one first."),
    Field("email", Email, "Email", "A team mailbox, never a member of staff's own address."),
    Field("website", Url(), "Website", "Its own web page, starting https://."),
    Field("address", Text(max_length=200), "Address", "Where to write to or visit, on one line, ending with the postcode."),
    Field("opening_hours", Text(max_length=120), "Opening hours", "When families can call or visit, such as '9am to 5pm, Monday to Friday'."),
)

BRAND = Group(
    Field(
        "colour",
        Colour(),
        "Brand colour",
        "The header's colour, as # and six hex digits in quotes, dark enough for white text on it.",
        required=True,
    ),
    Field("logo_text", Text(max_length=40), "Logo text", "The words shown as the logo in the header, such as the council's short name.", required=True),
)

FEEDBACK_ADDRESS = Group(
    Field("url", Url(), "Feedback form", "The web page where families tell the council what they think of the Local Offer."),
    Field("email", Email, "Feedback email", "The mailbox for comments on the Local Offer, if there is no form."),
)

LOCAL_NAMES = Group(
    Field("iass", Text(max_length=40), "Information, advice and support service", "What families here call it, such as 'SENDIASS'. Leave it out to say 'IASS'."),
    Field("arp", Text(max_length=60), "Specialist base in a mainstream school", "What families here call an additionally resourced provision, such as 'resource base'. Leave it out to say 'ARP'."),
    Field("arps", Text(max_length=60), "More than one of those", "The plural, such as 'resource bases'. Leave it out to add an 's'."),
)

COUNCIL = ContentType(
    name="council",
    label="Council details",
    folder="",
    fields=(
        Field("name", Text(max_length=120), "Council", "The council's full name, such as 'Exampleshire Council'.", required=True),
        Field("area", Text(max_length=60), "Area", "The place the Local Offer covers, as families say it, such as 'Exampleshire'.", required=True),
        Field("county", Text(max_length=60), "County", "The county for postal addresses in open data. Leave it out to use the area."),
        Field("website", Url(), "Council website", "The council's home page, starting https://.", required=True),
        Field("service_name", Text(max_length=60), "Website name", "The name of this website after the area. Leave it out to say 'SEND Local Offer'."),
        Field("brand", BRAND, "Brand", "How the header looks.", required=True),
        Field("send_team", CONTACT, "SEND team", "The council team that handles EHC needs assessments and plans: the person families can always ask.", required=True),
        Field("iass", CONTACT, "Information, advice and support service (IASS)", "The free, impartial SEND advice service for the area."),
        Field("mediation", CONTACT, "Mediation", "The independent mediation service for disagreements about EHC needs assessments and plans."),
        Field(
            "disagreement_resolution",
            CONTACT,
            "Disagreement resolution",
            "The independent disagreement resolution service, if it is not the mediation service.",
        ),
        Field("parent_carer_forum", CONTACT, "Parent carer forum", "The area's parent carer forum."),
        Field("feedback", FEEDBACK_ADDRESS, "Feedback", "Where families send comments on the Local Offer. Leave it out to point them to the SEND team."),
        Field("local_names", LOCAL_NAMES, "Local names", "What families here call things that have other names elsewhere."),
        Field(
            "repository",
            Pattern(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", "is not a GitHub repository written as owner/name", "example-council/send-local-offer"),
            "Repository",
            "The GitHub repository, as owner/name, that holds this website: the web editor saves changes there.",
        ),
    ),
    rules=(Rule("Families can reach the SEND team.", _send_team_reachable),),
)

# How `make import` files Open Referral UK services under our words
# (content/data/oruk-mapping.yaml).
TERM_MAPPING = Group(
    Field(
        "match",
        List(Text(max_length=120), min_items=1, max_items=100),
        "Their words",
        "The names or codes of the other directory's terms this line is for, such as 'Autism'. Capitals do not matter.",
        required=True,
    ),
    Field("kind", Term("kinds"), "Kind of entry", "service or ias."),
    Field("categories", List(Term("categories")), "Types of help", "Our types of help for services with one of those terms."),
    Field("needs", List(Term("needs")), "Needs", "Our needs for services with one of those terms."),
    Field("access_routes", List(Term("access_routes")), "How to get it", "Our ways to get help for services with one of those terms."),
)

ORUK_MAPPING = ContentType(
    name="oruk_mapping",
    label="Open Referral UK import mapping",
    folder="data",
    fields=(
        Field("kind", Term("kinds"), "Kind of entry", "What an imported entry is when none of its terms says: service or ias.", required=True),
        Field(
            "categories",
            List(Term("categories"), min_items=1),
            "Types of help",
            "Where an entry is filed when none of its terms maps to a type of help. The import report lists each one to check.",
            required=True,
        ),
        Field("terms", List(TERM_MAPPING, max_items=1000), "Their terms", "Each item files services with some of the other directory's terms under our words."),
    ),
)

SOURCE = ContentType(
    name="source",
    label="Source",
    folder="data",
    fields=(
        Field("title", Text(max_length=200), "Title", "What the source is called, such as its title.", required=True),
        Field("publisher", Text(max_length=120), "Published by", "Who wrote it, held it or ran it.", required=True),
        Field("kind", Term("source_kinds"), "Kind of source", "document, meeting or survey.", required=True),
        Field(
            "date",
            DayMonthOrYear(),
            "Date",
            "When it was published or held: a day, month or year, only as exact as you know it.",
            required=True,
        ),
        Field("url", Url(), "Web address", "Where to read it, starting https://, if it is published."),
        Field("about", Text(max_length=1000, multiline=True), "What it is", "One or two sentences: what it covers and who it is for.", required=True),
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
            List(Text(max_length=100), min_items=1, max_items=30),
            "Searches",
            "What families type, in their own words, such as ehcp or how long does an assessment take. "
            "It matches when someone types the same words, in any order, ignoring words like how, my and son.",
            required=True,
        ),
        Field(
            "answers",
            List(Slug, min_items=1, max_items=5),
            "Answers",
            "The slugs of the directory entries or information pages that answer it, best first.",
            required=True,
        ),
    ),
)

CONTENT_TYPES = {t.name: t for t in (ENTRY, FEEDBACK, PAGE, SOURCE, COUNCIL, ORUK_MAPPING, BEST_BET)}

# The vocabularies whose terms carry attributes the code acts on, checked
# against these fields when the vocabularies are read.
TERM_FIELDS = {"kinds": KIND}


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
