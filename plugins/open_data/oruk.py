"""The directory as Open Referral UK 3.0 objects, written as JSON text.

Field names in the content model already follow Open Referral UK, so this
is a mapping of validated entries, not a translation. Every object that has
no id of its own in the content (a location, an address, a schedule...) gets
a UUID derived from its entry's id and its position, so two builds of the
same content publish the same ids.

A service is made in parts (see ``ServiceParts``) because its summary is
repeated in list pages, in its organisation's file and at each of its
places: each part is encoded once (``json_text``) and joined where needed.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections import defaultdict
from typing import NamedTuple

from local_offer.dates import full_date
from local_offer.fieldtypes import List, Term
from local_offer.filing import needs_served
from local_offer.schema import ENTRY
from local_offer.vocabularies import TERM_NAMESPACE
from local_offer.yaml_source import SourceError

from .json_text import array, compact, encode, encoded, joined

ORGANIZATION_NAMESPACE = uuid.UUID("c5a0a7a1-2f0e-4d8b-9d1e-5b7a3c1e4f20")


# Entry fields Open Referral UK 3.0 has no place for, and why;
# tests/test_field_coverage.py checks every other reaches the service.
_NO_ORUK_FIELD = "the UK profile's service has no field for it; directory.json carries it"
LEFT_OUT = {
    "slug": "the address of our own page; services are identified by id (made from the slug when none is given)",
    "summary": "the UK profile's service has one description, and the full one is given",
    "eligibility_description": _NO_ORUK_FIELD,
    "application_process": _NO_ORUK_FIELD,
    "places": _NO_ORUK_FIELD,
    "admissions": _NO_ORUK_FIELD,
    "keywords": "words for our own search; the service's taxonomy terms say what it is",
    "outside_area": "a service's locations say where it is; whether that is outside our area is our own view of it",
    "imported_from": "the other directory publishes it itself; this only records where we copied it from",
    "ages": "the UK profile gives ages only as a minimum and a maximum, so a service for all ages, or whose ages "
    "no source gives, has neither; directory.json says which",
    "sources": _NO_ORUK_FIELD,
}


def uuid5(namespace: bytes, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))`` without making UUID objects: a county directory needs 100,000."""
    raw = bytearray(hashlib.sha1(namespace + name.encode()).digest()[:16])
    raw[6] = raw[6] & 0x0F | 0x50  # version 5
    raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def organization_id(name: str) -> str:
    return uuid5(ORGANIZATION_NAMESPACE.bytes, name)


def term_uuid(term) -> str:
    """``term.uuid``, faster."""
    return uuid5(TERM_NAMESPACE.bytes, f"{term.vocabulary}/{term.id}")


def term_fields(vocabularies: set) -> list:
    """Entry fields holding terms from the given vocabularies, as (field name, vocabulary)."""
    found = []
    for field in ENTRY.fields:
        kind = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(kind, Term) and kind.vocabulary in vocabularies:
            found.append((field.name, kind.vocabulary))
    return found


def status_problems(catalogue, options) -> list[SourceError]:
    """Entries whose status has no Open Referral UK equivalent in OPEN_DATA["STATUSES"]."""
    allowed = options["STATUSES"]
    return [
        SourceError(
            entry.source_path,
            entry.line_of("status"),
            "status",
            f"'{entry.status.id}' has no Open Referral UK status; add it to OPEN_DATA[\"STATUSES\"] in pelicanconf.py",
        )
        for entry in catalogue.entries
        if entry.status is not None and entry.status.id not in allowed
    ]


def pages(items, size: int, skip=frozenset()):
    """Each page of a list of items already encoded, as the Open Referral UK page object, one after another.

    ``items`` need only a length and slices: a page's items are asked for as
    it is made. A page whose number is in ``skip`` is None instead.
    """
    total_pages = max(1, math.ceil(len(items) / size))
    for number in range(1, total_pages + 1):
        if number in skip:
            yield None
            continue
        contents = items[(number - 1) * size : number * size]
        yield joined({
            "total_items": str(len(items)),
            "total_pages": str(total_pages),
            "page_number": str(number),
            "size": str(len(contents)),
            "first_page": encode(number == 1),
            "last_page": encode(number == total_pages),
            "empty": encode(not items),
            "contents": array(contents),
        })


class Place(NamedTuple):
    """One service at one location, as JSON text.

    ``fields`` are its own fields by name; ``location`` is the place in
    full, ``listed_location`` the place as lists give it.
    """

    id: str
    fields: dict
    location: str
    listed_location: str


class ServiceParts(NamedTuple):
    """A service as JSON text, in the parts other files repeat.

    ``summary`` is the one-to-one fields but the organisation (which
    depends on the organisation's other services), ``details`` the nested
    lists but places; both are dicts of field name to JSON text.
    """

    summary: dict
    details: dict
    places: list


class OpenReferral:
    """Every Open Referral UK object for one catalogue."""

    def __init__(self, catalogue, options):
        self.vocabularies = catalogue.vocabularies
        self.options = options
        self.taxonomy_names = [name for name in options["TAXONOMIES"] if name in self.vocabularies]
        self.attribute_fields = term_fields(set(self.taxonomy_names))
        self.runs = defaultdict(list)
        for entry in catalogue.entries:
            if entry.organization:
                self.runs[entry.organization].append(entry)
        self._terms = {}
        self._organization_ids = {}

    # Taxonomies -------------------------------------------------------

    def term(self, term) -> tuple[str, str]:
        """The term's id and its JSON text; every service repeats its terms."""
        key = (term.vocabulary, term.id)
        if key not in self._terms:
            parent = self.vocabularies[term.vocabulary].terms.get(term.get("area") or "")
            term_id = term_uuid(term)
            self._terms[key] = term_id, encode(compact({
                "id": term_id,
                "name": term.label,
                "description": term.description,
                "parent_id": term_uuid(parent) if parent else None,
                "taxonomy": term.vocabulary,
                "taxonomy_id": self.vocabularies[term.vocabulary].uuid,
                "term": term.id,
            }))
        return self._terms[key]

    def taxonomy(self, name: str, with_terms: bool = True) -> str:
        vocabulary = self.vocabularies[name]
        about = self.options["TAXONOMIES"][name]
        fields = encoded({"id": vocabulary.uuid, "name": about["name"], "description": about["description"]})
        if with_terms and vocabulary.terms:
            fields["taxonomy_terms"] = array(self.term(t)[1] for t in vocabulary)
        return joined(fields)

    def taxonomies(self) -> list[tuple[str, str]]:
        """(id, JSON text) of each taxonomy with its terms."""
        return [(self.vocabularies[name].uuid, self.taxonomy(name)) for name in self.taxonomy_names]

    def taxonomy_terms(self) -> list[tuple[str, str]]:
        """(id, JSON text) of every term of every taxonomy."""
        return [self.term(t) for name in self.taxonomy_names for t in self.vocabularies[name]]

    # Organisations ----------------------------------------------------

    def organization_id(self, name: str) -> str:
        if name not in self._organization_ids:
            self._organization_ids[name] = organization_id(name)
        return self._organization_ids[name]

    def organization_summary(self, name: str) -> dict:
        """The organisation's fields as JSON text, as repeated in each of its services."""
        publisher = self.options["PUBLISHER"]
        if name == publisher["name"]:
            details = {k: publisher.get(k) for k in ("description", "email", "website")}
        else:
            # Named when there are a few; a large provider's summary is
            # repeated in every one of its services, so it stays short.
            runs = [e.name for e in self.runs[name]]
            if len(runs) > 3:
                listed = f"{len(runs)} services in this directory"
            else:
                listed = ", ".join(runs[:-1]) + " and " + runs[-1] if len(runs) > 1 else runs[0]
            details = {"description": f"Provider of {listed}."}
        return encoded({"id": self.organization_id(name), "name": name, **details})

    def organization_names(self) -> list[str]:
        return sorted(self.runs, key=str.casefold)

    # Services ---------------------------------------------------------

    def service_parts(self, entry) -> ServiceParts:
        ids = Ids(entry.id)
        return ServiceParts(self.summary(entry), self.details(entry, ids), self.places(entry, ids))

    def summary(self, entry) -> dict:
        fees = entry.fees or ("Free" if entry.free else None)
        return encoded({
            "id": entry.id,
            "organization_id": self.organization_id(entry.organization) if entry.organization else None,
            "name": entry.name,
            "description": entry.description,
            "url": entry.website,
            "email": entry.email,
            "status": self.options["STATUSES"][entry.status.id] if entry.status else "active",
            "fees": fees,
            "minimum_age": entry.minimum_age,
            "maximum_age": entry.maximum_age,
            # Open Referral needs a whole date; one known only to the month or year is left out, not made up.
            "assured_date": full_date(entry.assured_date),
            "alert": entry.alert,
        })

    def details(self, entry, ids: Ids) -> dict:
        service_id = encode(entry.id)
        found = {}
        schedules = [
            encode(compact({
                "id": ids.child(f"schedule/{index}"),
                "service_id": entry.id,
                "freq": "WEEKLY",
                "byday": ",".join(day.id[:2].upper() for day in schedule["days"]),
                "opens_at": schedule.get("opens_at"),
                "closes_at": schedule.get("closes_at"),
                "description": schedule.get("description"),
            }))
            for index, schedule in enumerate(entry.schedules or [])
        ]
        if schedules:
            found["schedules"] = array(schedules)
        cost_options = [
            encode(compact({"id": ids.child(f"cost_option/{i}"), "service_id": entry.id, **option}))
            for i, option in enumerate(entry.cost_options or [])
        ]
        if cost_options:
            found["cost_options"] = array(cost_options)
        contact_id = ids.child("contact")
        if entry.phones:
            # One contact holding the phone numbers: the UK profile has no service-level phones.
            phones = [
                compact({"id": ids.child(f"phone/{i}"), "contact_id": contact_id, **phone})
                for i, phone in enumerate(entry.phones)
            ]
            found["contacts"] = encode([{"id": contact_id, "service_id": entry.id, "phones": phones}])
        elif entry.contact is not entry:
            # No contact of its own: the contact is the entry to ask, a service of this same directory.
            found["contacts"] = encode([{"id": contact_id, "service_id": entry.id, "name": entry.contact.name}])
        attributes = []
        for field, _ in self.attribute_fields:
            # A service open to every need is listed with every need, as browse pages and search filters do.
            value = needs_served(entry, self.vocabularies) if field == "needs" and not entry.is_school else entry.data.get(field)
            for term in value if isinstance(value, list) else [value] if value else []:
                term_id, text = self.term(term)
                attributes.append(
                    f'{{"id":"{ids.child(f"attribute/{field}/{term.id}")}","link_id":{service_id},'
                    f'"link_type":"{field}","taxonomy_term":{text},"taxonomy_term_id":"{term_id}"}}'
                )
        if attributes:
            found["attributes"] = array(attributes)
        return found

    def places(self, entry, ids: Ids) -> list[Place]:
        found = []
        for index, place in enumerate(entry.locations or []):
            location_id = ids.child(f"location/{index}")
            listed = {"id": location_id, "location_type": "physical", "name": place.get("name"),
                      "latitude": place.get("latitude"), "longitude": place.get("longitude")}
            location = {
                **listed,
                "addresses": [compact({
                    "id": ids.child(f"address/{index}"),
                    "location_id": location_id,
                    "address_1": place["address_1"],
                    "city": place["city"],
                    "state_province": self.options["STATE_PROVINCE"],
                    "postal_code": place["postal_code"],
                    "country": self.options["COUNTRY"],
                    "address_type": "physical",
                })],
            }
            if place.get("accessibility"):
                location["accessibility"] = [{
                    "id": ids.child(f"accessibility/{index}"),
                    "location_id": location_id,
                    "description": place["accessibility"],
                }]
            place_id = ids.child(f"service_at_location/{index}")
            fields = encoded({"id": place_id, "service_id": entry.id, "location_id": location_id})
            found.append(Place(place_id, fields, encode(compact(location)), encode(compact(listed))))
        return found


class Ids:
    """The ids of the objects inside one entry, derived from the entry's id."""

    def __init__(self, entry_id: str):
        self.namespace = uuid.UUID(entry_id).bytes

    def child(self, path: str) -> str:
        return uuid5(self.namespace, path)


def service(parts: ServiceParts, organization: str | None) -> str:
    """The fully nested service, as served at /services/{id}; ``organization`` is its summary as JSON text."""
    fields = {**parts.summary, **parts.details}
    if organization:
        fields["organization"] = organization
    if parts.places:
        fields["service_at_locations"] = array(joined({**p.fields, "location": p.location}) for p in parts.places)
    return joined(fields)
