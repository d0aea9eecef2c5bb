"""The directory as Open Referral UK 3.0 objects.

Field names in the content model already follow Open Referral UK, so this
is a mapping of validated entries, not a translation. Every object that has
no id of its own in the content (a location, an address, a schedule...) gets
a UUID derived from its entry's id and its position, so two builds of the
same content publish the same ids.
"""

from __future__ import annotations

import functools
import math
import uuid
from collections import defaultdict

from local_offer.fieldtypes import List, Term
from local_offer.schema import ENTRY
from local_offer.yaml_source import SourceError

from .empty_fields import drop_empty

ORGANIZATION_NAMESPACE = uuid.UUID("c5a0a7a1-2f0e-4d8b-9d1e-5b7a3c1e4f20")


def child_id(parent_id: str, *parts) -> str:
    return str(uuid.uuid5(uuid.UUID(parent_id), "/".join(str(p) for p in parts)))


def organization_id(name: str) -> str:
    return str(uuid.uuid5(ORGANIZATION_NAMESPACE, name))


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


def page(items: list, number: int, size: int) -> dict:
    """One page of a list, as the Open Referral UK page object."""
    total_pages = max(1, math.ceil(len(items) / size))
    contents = items[(number - 1) * size : number * size]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == total_pages,
        "empty": not items,
        "contents": contents,
    }


def pages(items: list, size: int) -> list[dict]:
    return [page(items, n, size) for n in range(1, max(1, math.ceil(len(items) / size)) + 1)]


class OpenReferral:
    """Every Open Referral UK object for one catalogue."""

    def __init__(self, catalogue, options):
        self.catalogue = catalogue
        self.vocabularies = catalogue.vocabularies
        self.options = options
        self.taxonomy_names = [name for name in options["TAXONOMIES"] if name in self.vocabularies]
        self.attribute_fields = term_fields(set(self.taxonomy_names))
        # Grouped once: every service repeats its organisation's summary.
        self.runs = defaultdict(list)
        for entry in catalogue.entries:
            if entry.organization:
                self.runs[entry.organization].append(entry)
        self._organization_summaries = {}

    # Taxonomies -------------------------------------------------------

    @functools.cache  # noqa: B019 - one OpenReferral per build; every service repeats its terms
    def taxonomy_term(self, term) -> dict:
        parent = self.vocabularies[term.vocabulary].terms.get(term.get("area") or "")
        return drop_empty({
            "id": term.uuid,
            "name": term.label,
            "description": term.description,
            "parent_id": parent.uuid if parent else None,
            "taxonomy": term.vocabulary,
            "taxonomy_id": self.vocabularies[term.vocabulary].uuid,
            "term": term.id,
        })

    def taxonomy(self, name: str, with_terms: bool = True) -> dict:
        vocabulary = self.vocabularies[name]
        about = self.options["TAXONOMIES"][name]
        return drop_empty({
            "id": vocabulary.uuid,
            "name": about["name"],
            "description": about["description"],
            "taxonomy_terms": [self.taxonomy_term(t) for t in vocabulary] if with_terms else None,
        })

    def taxonomies(self) -> list[dict]:
        return [self.taxonomy(name) for name in self.taxonomy_names]

    def taxonomy_terms(self) -> list[dict]:
        return [self.taxonomy_term(t) for name in self.taxonomy_names for t in self.vocabularies[name]]

    # Organisations ----------------------------------------------------

    def organization_summary(self, name: str) -> dict:
        if name not in self._organization_summaries:
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
            self._organization_summaries[name] = drop_empty({"id": organization_id(name), "name": name, **details})
        return self._organization_summaries[name]

    def organization_names(self) -> list[str]:
        return sorted(self.runs, key=str.casefold)

    def organization(self, name: str) -> dict:
        # Summaries, not full services: the council's own file would otherwise
        # repeat most of the directory (each full service is at /services/{id}).
        services = [{k: v for k, v in self.service_summary(e).items() if k != "organization"} for e in self.runs[name]]
        return {**self.organization_summary(name), "services": services}

    # Services ---------------------------------------------------------

    @functools.cache  # noqa: B019 - lists, locations and organisations all repeat it
    def service_summary(self, entry) -> dict:
        """The one-to-one fields of a service, as in a list of services."""
        fees = entry.fees or ("Free" if entry.free else None)
        return drop_empty({
            "id": entry.id,
            "organization_id": organization_id(entry.organization) if entry.organization else None,
            "name": entry.name,
            "description": entry.description,
            "url": entry.website,
            "email": entry.email,
            "status": self.options["STATUSES"][entry.status.id] if entry.status else "active",
            "fees": fees,
            "minimum_age": entry.minimum_age,
            "maximum_age": entry.maximum_age,
            "assured_date": entry.assured_date.isoformat(),
            "alert": entry.alert,
            "organization": self.organization_summary(entry.organization) if entry.organization else None,
        })

    def attributes(self, entry) -> list[dict]:
        found = []
        for field, _ in self.attribute_fields:
            value = entry.data.get(field)
            for term in value if isinstance(value, list) else [value] if value else []:
                found.append({
                    "id": child_id(entry.id, "attribute", field, term.id),
                    "link_id": entry.id,
                    "link_type": field,
                    "taxonomy_term_id": term.uuid,
                    "taxonomy_term": self.taxonomy_term(term),
                })
        return found

    def schedules(self, entry) -> list[dict]:
        return [
            {
                "id": child_id(entry.id, "schedule", index),
                "service_id": entry.id,
                "freq": "WEEKLY",
                "byday": ",".join(day.id[:2].upper() for day in schedule["days"]),
                "opens_at": schedule.get("opens_at"),
                "closes_at": schedule.get("closes_at"),
                "description": schedule.get("description"),
            }
            for index, schedule in enumerate(entry.schedules or [])
        ]

    def contacts(self, entry) -> list[dict]:
        """The entry's phone numbers, on one contact: the UK profile has no service-level phones."""
        if not entry.phones:
            return []
        contact_id = child_id(entry.id, "contact")
        phones = [
            {"id": child_id(entry.id, "phone", i), "contact_id": contact_id, **phone}
            for i, phone in enumerate(entry.phones)
        ]
        return [{"id": contact_id, "service_id": entry.id, "phones": phones}]

    def cost_options(self, entry) -> list[dict]:
        return [
            {"id": child_id(entry.id, "cost_option", i), "service_id": entry.id, **option}
            for i, option in enumerate(entry.cost_options or [])
        ]

    def location(self, entry, index: int, full: bool = True) -> dict:
        place = entry.locations[index]
        location_id = child_id(entry.id, "location", index)
        location = {
            "id": location_id,
            "location_type": "physical",
            "name": place.get("name"),
            "latitude": place.get("latitude"),
            "longitude": place.get("longitude"),
        }
        if full:
            location["addresses"] = [{
                "id": child_id(entry.id, "address", index),
                "location_id": location_id,
                "address_1": place["address_1"],
                "city": place["city"],
                "state_province": self.options["STATE_PROVINCE"],
                "postal_code": place["postal_code"],
                "country": self.options["COUNTRY"],
                "address_type": "physical",
            }]
            if place.get("accessibility"):
                location["accessibility"] = [{
                    "id": child_id(entry.id, "accessibility", index),
                    "location_id": location_id,
                    "description": place["accessibility"],
                }]
        return location

    def service_at_location(self, entry, index: int, full: bool = True) -> dict:
        return drop_empty({
            "id": child_id(entry.id, "service_at_location", index),
            "service_id": entry.id,
            "location_id": child_id(entry.id, "location", index),
            "location": self.location(entry, index, full),
        })

    def service(self, entry) -> dict:
        """The fully nested service, as served at /services/{id}."""
        return drop_empty({
            **self.service_summary(entry),
            "schedules": self.schedules(entry),
            "service_at_locations": [self.service_at_location(entry, i) for i in range(len(entry.locations or []))],
            "cost_options": self.cost_options(entry),
            "contacts": self.contacts(entry),
            "attributes": self.attributes(entry),
        })

    def services_at_locations(self) -> list[dict]:
        """Each service at each place, as listed: the place without its address.

        The service is always the summary: the full service, with all its
        places, is one request away at /services/{id}.
        """
        found = []
        for entry in self.catalogue.entries:
            service = self.service_summary(entry)
            for index in range(len(entry.locations or [])):
                found.append({**self.service_at_location(entry, index, full=False), "service": service})
        return found
