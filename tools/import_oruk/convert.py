"""One Open Referral UK service as a Local Offer entry.

Field names in the content model follow Open Referral UK, so most fields
map across. The rest:

- ``summary``, which the standard lacks, is the description's first sentence.
- Terms (``attributes``) from a taxonomy named like one of our word lists
  (another Local Offer made with this generator) keep their ids; other
  directories' terms go through ``content/data/oruk-mapping.yaml``.
- Special schools and resourced provisions need admissions details the
  standard cannot carry, so they come in as services, for an editor to
  complete.
- Contacts' own names and titles are never imported: the Local Offer
  publishes team contacts, not people. A service with no phone, email or
  website of its own names who to ask as its contact (as this site's own
  export does): that name becomes ``ask`` when it is an entry's.
- Every entry cites the import itself as its source (``sources``), until an
  editor checks it with the service.

Anything the Local Offer cannot hold is left out and reported.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import uuid

from local_offer.fieldtypes import AGES_NOT_KNOWN, Email, Phone, Postcode
from local_offer.schema import ENTRY

from .clean import Cleaner

DAYS = {"MO": "monday", "TU": "tuesday", "WE": "wednesday", "TH": "thursday", "FR": "friday", "SA": "saturday", "SU": "sunday"}
TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?")
DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T.*)?")
STATUSES = {"active": None, "temporarily closed": "temporarily_closed", "temporarily_closed": "temporarily_closed",
            "inactive": "inactive", "defunct": "inactive"}
CLOSED_NOTE = {
    "temporarily_closed": "The organisation's open data says this is closed for now.",
    "inactive": "The organisation's open data says this is no longer running.",
}
# Which entry field a word list fills, when a term's link_type does not say.
VOCABULARY_FIELDS = {"kinds": "kind", "categories": "categories", "needs": "needs", "phases": "phases", "access_routes": "access_routes"}
# Fields of a service the Local Offer has no place for.
NOT_KEPT = ("accreditations", "assurer_email", "service_areas", "languages", "funding", "program_id", "alternate_name",
            "interpretation_services", "licenses", "wait_time")
LIMITS = {name: field.type.max_length for name, field in ENTRY.by_name.items() if getattr(field.type, "max_length", None)}


@dataclasses.dataclass
class Converted:
    where: str
    name: str
    entry: dict | None  # None when it is not imported
    errors: list
    notices: list
    skipped: str = ""  # why it was not imported, when that is not an error
    ask: str | None = None  # the name of who to ask, for a service with no contact of its own


def summary_of(description: str) -> str:
    """The first sentence of the first paragraph of plain text, no more than 200 characters."""
    for paragraph in description.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph or paragraph.startswith(("#", "-", "*", "|", ">")) or re.match(r"\d+\.", paragraph):
            continue
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(paragraph.split()))
        plain = re.sub(r"[*_`]", "", plain)
        first = re.split(r"(?<=[.!?])\s+", plain, maxsplit=1)[0]
        if len(first) <= 200:
            return first
        return first[:199].rsplit(" ", 1)[0] + "…"
    return ""


class Converter:
    """Turns services into entry fields; ``mapping`` is ``open_data.import_mapping.ImportMapping``."""

    def __init__(self, mapping, vocabularies, today: datetime.date, outside_area: bool, source_id: str):
        self.mapping = mapping
        self.vocabularies = vocabularies
        self.today = today
        self.outside_area = outside_area
        self.source_id = source_id

    def convert(self, found) -> Converted:
        service, clean = found.service, Cleaner()
        name = clean.text(service.get("name"), "name") or ""
        result = Converted(found.where, name or str(service.get("id", "?")), None, clean.errors, clean.notices)
        if not name:
            clean.error("name", "is missing; every entry needs a name")
        elif len(name) > LIMITS["name"]:
            clean.error("name", f"is {len(name)} characters; the Local Offer allows {LIMITS['name']}")
        ages = self.ages(service, clean)
        if ages is None:
            result.skipped = "it is not for children or young people aged 0 to 25"
            return result
        entry = {"kind": None, "name": name, "id": self.id(service, clean)}
        description = clean.text(service.get("description"), "description", multiline=True)
        if not description:
            clean.error("description", "is missing; every entry needs a description families can read")
        else:
            entry["summary"] = summary_of(description)
            entry["description"] = description
        organization = clean.fields(service.get("organization"), "organization")
        entry["organization"] = clean.limited(clean.text(organization.get("name"), "organization.name"), "organization.name", LIMITS["organization"])
        entry.update(self.status(service, clean))
        entry["url"] = clean.url(service.get("url"), "url")
        entry["email"] = self.email(service.get("email"), "email", clean)
        entry["phones"] = self.phones(service, clean)
        entry.update(ages)
        entry.update(self.costs(service, clean))
        entry["locations"] = self.locations(service, clean)
        entry["schedules"] = self.schedules(service, clean)
        entry.update(self.terms(service, clean))
        entry["assured_date"] = self.assured_date(service, clean)
        entry["sources"] = [self.source_id]
        entry["outside_area"] = True if self.outside_area else None
        entry["imported_from"] = {"source": found.source, "id": str(service.get("id", "")), "date": self.today}
        for field in NOT_KEPT:
            if service.get(field) not in (None, "", [], {}):
                clean.notice(field, "the Local Offer has no place for this; left out")
        contacts = self.contacts(service, clean)
        if not (entry["url"] or entry["email"] or entry["phones"]):
            result.ask = next((clean.text(c["name"], f"contacts[{i}].name") for i, c in enumerate(contacts) if c.get("name")), None)
        elif any(contact.get("name") or contact.get("title") for contact in contacts):
            clean.notice("contacts", "people's names and job titles are not published, only team contacts; left out")
        result.entry = {key: value for key, value in entry.items() if value not in (None, [], {})}
        return result

    # Who it is for -------------------------------------------------------

    def ages(self, service: dict, clean: Cleaner) -> dict | None:
        """minimum_age and maximum_age within 0 to 25, or ages not known; None when the service is for older people only.

        Open Referral UK leaves out an end of the range that has no limit, so
        the Local Offer's own end (0 or 25) stands for it.
        """
        found = {}
        for field in ("minimum_age", "maximum_age"):
            value = clean.number(service.get(field), field)
            if value is None:
                continue
            if value != int(value) or value < 0:
                clean.error(field, f"{value} is not an age in whole years")
                continue
            found[field] = int(value)
        if found.get("minimum_age", 0) >= 25:
            return None
        if not found:
            clean.notice("ages", f"none are given; written as 'ages: {AGES_NOT_KNOWN}' until a source says which ages it is for")
            return {"ages": AGES_NOT_KNOWN}
        if found.get("maximum_age", 0) > 25:
            clean.notice("maximum_age", f"{found.pop('maximum_age')} is above 25, the oldest the Local Offer covers; 25 is used")
        return {"minimum_age": 0, "maximum_age": 25, **found}

    def id(self, service: dict, clean: Cleaner) -> str | None:
        value = service.get("id")
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            clean.notice("id", f"'{str(value)[:60]}' is not a UUID; the entry gets its own id")
            return None

    def status(self, service: dict, clean: Cleaner) -> dict:
        status = clean.text(service.get("status"), "status")
        alert = clean.limited(clean.text(service.get("alert"), "alert"), "alert", LIMITS["alert"])
        if status is not None and status.casefold() not in STATUSES:
            clean.notice("status", f"'{status}' is not an Open Referral UK status; taken as active")
        ours = STATUSES.get((status or "active").casefold())
        if ours and not alert:
            alert = CLOSED_NOTE[ours]
        return {"status": ours, "alert": alert}

    # How to reach it -------------------------------------------------------

    def email(self, value, path: str, clean: Cleaner) -> str | None:
        text = clean.text(value, path)
        if text is not None and not Email._compiled.fullmatch(text):
            clean.notice(path, f"'{text[:80]}' is not an email address; left out")
            return None
        return text

    def contacts(self, service: dict, clean: Cleaner) -> list[dict]:
        return [clean.fields(c, f"contacts[{i}]") for i, c in enumerate(clean.items(service.get("contacts"), "contacts"))]

    def phones(self, service: dict, clean: Cleaner) -> list[dict]:
        found, seen = [], set()
        listed = [("phones", clean.items(service.get("phones"), "phones"))]
        listed += [(f"contacts[{i}].phones", clean.items(c.get("phones"), f"contacts[{i}].phones")) for i, c in enumerate(self.contacts(service, clean))]
        for path, phones in listed:
            for index, phone in enumerate(phones):
                where = f"{path}[{index}]"
                phone = clean.fields(phone, where)
                number = clean.text(phone.get("number"), f"{where}.number")
                if number is None:
                    continue
                if not Phone._compiled.fullmatch(number):
                    clean.notice(f"{where}.number", f"'{number[:40]}' is not a UK phone number; left out")
                    continue
                if number in seen:
                    continue
                seen.add(number)
                about = clean.limited(clean.text(phone.get("description"), f"{where}.description"), f"{where}.description", 80)
                found.append({"number": number, **({"description": about} if about else {})})
        return found

    # Cost ------------------------------------------------------------------

    def costs(self, service: dict, clean: Cleaner) -> dict:
        fees = clean.text(service.get("fees"), "fees")
        found = {}
        if fees and fees.casefold() == "free":
            found["free"] = True
        else:
            found["fees"] = clean.limited(fees, "fees", LIMITS["fees"])
        options = []
        for index, option in enumerate(clean.items(service.get("cost_options"), "cost_options")):
            where = f"cost_options[{index}]"
            option = clean.fields(option, where)
            what = clean.limited(clean.text(option.get("option"), f"{where}.option"), f"{where}.option", 120)
            if not what:
                clean.notice(where, "does not say what the price is for; left out")
                continue
            amount = clean.number(option.get("amount"), f"{where}.amount")
            if amount is not None and not 0 <= amount <= 100000:
                clean.notice(f"{where}.amount", f"{amount} is not a price in pounds; left out")
                amount = None
            about = clean.limited(clean.text(option.get("amount_description"), f"{where}.amount_description"), f"{where}.amount_description", 200)
            options.append({"option": what, "amount": amount, "amount_description": about})
        found["cost_options"] = [{k: v for k, v in o.items() if v is not None} for o in options]
        return found

    # Where and when ----------------------------------------------------------

    def locations(self, service: dict, clean: Cleaner) -> list[dict]:
        found = []
        for index, at in enumerate(clean.items(service.get("service_at_locations"), "service_at_locations")):
            where = f"service_at_locations[{index}].location"
            location = clean.fields(clean.fields(at, f"service_at_locations[{index}]").get("location"), where)
            if not location:
                continue
            addresses = [clean.fields(a, f"{where}.addresses[{i}]") for i, a in enumerate(clean.items(location.get("addresses"), f"{where}.addresses"))]
            physical = [a for a in addresses if a.get("address_type") == "physical"] or addresses
            if not physical:
                clean.notice(where, "has no address; left out")
                continue
            address = physical[0]
            place = {
                "name": clean.limited(clean.text(location.get("name"), f"{where}.name"), f"{where}.name", 120),
                "address_1": clean.limited(clean.text(address.get("address_1"), f"{where}.address_1"), f"{where}.address_1", 200),
                "city": clean.limited(clean.text(address.get("city"), f"{where}.city"), f"{where}.city", 80),
            }
            postcode = clean.text(address.get("postal_code"), f"{where}.postal_code")
            if not (place["address_1"] and place["city"] and postcode):
                clean.notice(where, "has no street, town or postcode; left out")
                continue
            if not Postcode._compiled.fullmatch(postcode):
                clean.notice(where, f"'{postcode[:20]}' is not a UK postcode; the place is left out")
                continue
            place["postal_code"] = Postcode.normalise(postcode)
            latitude, longitude = clean.number(location.get("latitude"), f"{where}.latitude"), clean.number(location.get("longitude"), f"{where}.longitude")
            if latitude is not None and longitude is not None:
                if 49 <= latitude <= 61 and -8.7 <= longitude <= 2:
                    place["latitude"], place["longitude"] = latitude, longitude
                else:
                    clean.notice(where, f"{latitude}, {longitude} is not a place in the UK; the map uses the postcode")
            access = [clean.fields(a, f"{where}.accessibility[{i}]") for i, a in enumerate(clean.items(location.get("accessibility"), f"{where}.accessibility"))]
            words = [clean.text(a.get("description"), f"{where}.accessibility.description", multiline=True) for a in access]
            place["accessibility"] = "\n\n".join(w for w in words if w) or None
            found.append({k: v for k, v in place.items() if v is not None})
        return found

    def schedules(self, service: dict, clean: Cleaner) -> list[dict]:
        found = []
        for index, schedule in enumerate(clean.items(service.get("schedules"), "schedules")):
            where = f"schedules[{index}]"
            schedule = clean.fields(schedule, where)
            byday = clean.text(schedule.get("byday"), f"{where}.byday") or ""
            days = [DAYS.get(day.strip().upper()[-2:]) for day in byday.split(",") if day.strip()]
            if schedule.get("freq", "WEEKLY") != "WEEKLY" or not days or None in days:
                clean.notice(where, "is not a weekly pattern of days; left out (say when it is open in the description)")
                continue
            times = {}
            for field in ("opens_at", "closes_at"):
                text = clean.text(schedule.get(field), f"{where}.{field}")
                match = TIME.fullmatch(text) if text else None
                if text and not match:
                    clean.notice(f"{where}.{field}", f"'{text[:20]}' is not a time of day; left out")
                if match:
                    times[field] = f"{match.group(1)}:{match.group(2)}"
            note = clean.limited(clean.text(schedule.get("description"), f"{where}.description"), f"{where}.description", 120)
            found.append({"days": list(dict.fromkeys(days)), **times, **({"description": note} if note else {})})
        return found

    # Terms and dates -----------------------------------------------------------

    def terms(self, service: dict, clean: Cleaner) -> dict:
        found: dict = {}

        def add(field, terms):
            for term in terms if isinstance(terms, list) else [terms]:
                term_id = getattr(term, "id", term)
                if field == "kind":
                    found.setdefault("kind", term_id)
                elif term_id not in found.setdefault(field, []):
                    found[field].append(term_id)

        for index, attribute in enumerate(clean.items(service.get("attributes"), "attributes")):
            where = f"attributes[{index}]"
            attribute = clean.fields(attribute, where)
            term = clean.fields(attribute.get("taxonomy_term"), f"{where}.taxonomy_term")
            taxonomy = clean.text(term.get("taxonomy"), f"{where}.taxonomy_term.taxonomy")
            code = clean.text(term.get("term"), f"{where}.taxonomy_term.term")
            name = clean.text(term.get("name"), f"{where}.taxonomy_term.name")
            link = clean.text(attribute.get("link_type"), f"{where}.link_type")
            if taxonomy in VOCABULARY_FIELDS and taxonomy in self.vocabularies and code in self.vocabularies[taxonomy]:
                field = VOCABULARY_FIELDS[taxonomy]
                if link in ENTRY.by_name and getattr(getattr(ENTRY.by_name[link].type, "item", ENTRY.by_name[link].type), "vocabulary", None) == taxonomy:
                    field = link
                add(field, code)
                continue
            gives = self.mapping.terms_for(code, name)
            if gives is None:
                clean.notice(where, f"their term '{name or code}' ({taxonomy or 'no taxonomy'}) has no line in content/data/oruk-mapping.yaml; left out")
                continue
            for field, terms in gives.items():
                add(field, terms)
        found.setdefault("kind", self.mapping.kind.id)
        kind = self.vocabularies["kinds"].terms[found["kind"]]
        if kind.get("school"):
            clean.notice("kind", f"{kind.label} entries need admissions details Open Referral UK cannot carry, so it comes in as a service; "
                                 "add them and change the kind")
            found["kind"] = self.mapping.kind.id
        if found.get("designated_needs"):
            found["needs"] = list(dict.fromkeys(found.get("needs", []) + found.pop("designated_needs")))
        if set(found.get("needs", ())) >= {term.id for term in self.vocabularies["needs"]}:
            # Listed with every need, as open data lists a service open to all: it names none.
            del found["needs"]
        if found.pop("phases", None):
            clean.notice("phases", "only schools have phases; left out")
        if not found.get("categories"):
            found["categories"] = [term.id for term in self.mapping.categories]
            clean.notice("categories", f"no term says what type of help it is; filed under {', '.join(found['categories'])} to check")
        return found

    def assured_date(self, service: dict, clean: Cleaner) -> datetime.date | None:
        for field in ("assured_date", "last_modified"):
            text = clean.text(service.get(field), field)
            if not text:
                continue
            match = DATE.fullmatch(text)
            try:
                checked = datetime.date.fromisoformat(match.group(1)) if match else None
            except ValueError:
                checked = None
            if checked is None:
                clean.error(field, f"'{text[:30]}' is not a date")
                return None
            if checked > self.today:
                clean.error(field, f"{checked.isoformat()} is in the future")
                return None
            if field == "last_modified":
                clean.notice("assured_date", "is missing; the date it was last changed is used as the date it was last checked")
            return checked
        clean.error("assured_date", "is missing, and so is last_modified: nothing says when the details were last checked")
        return None
