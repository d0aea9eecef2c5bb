"""schema.org data for search engines, built from the validated entries.

Templates emit it inside a ``<script type="application/ld+json">`` data
block: browsers never run it, so it is allowed under the site's
Content-Security-Policy. Search engines expect a missing value to be
absent, so each object leaves out its empty fields as it is made
(``compact``).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .json_text import compact

# As Jinja's tojson writes it, made once: an entry page needs it every time.
_encode = json.JSONEncoder(sort_keys=True).encode
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})

CONTEXT = "https://schema.org"


# Entry fields the schema.org data leaves out, and why;
# tests/test_field_coverage.py checks it uses every other.
_NO_PROPERTY = "schema.org has no property search engines use for it"
LEFT_OUT = {
    "id": "schema.org identifies the entry by its page address",
    "description": "the one-line summary is the description search engines show; the page has the rest",
    "status": _NO_PROPERTY,
    "alert": _NO_PROPERTY,
    "needs": _NO_PROPERTY,
    "designated_needs": _NO_PROPERTY,
    "phases": _NO_PROPERTY,
    "places": _NO_PROPERTY,
    "admissions": _NO_PROPERTY,
    "free": "schema.org has no cost property for a Service or a School",
    "fees": "schema.org has no cost property for a Service or a School",
    "cost_options": "schema.org has no cost property for a Service or a School",
    "eligibility_description": _NO_PROPERTY,
    "access_routes": _NO_PROPERTY,
    "application_process": _NO_PROPERTY,
    "locations.accessibility": _NO_PROPERTY,
    "keywords": "search engines ignore keywords",
    "ask": "search engines link to the entry's page, which names who to ask",
    "assured_date": _NO_PROPERTY,
    "sources": _NO_PROPERTY,
    "outside_area": _NO_PROPERTY,
    "imported_from": "the page says where the details were copied from; search engines find the original directory themselves",
}

def page_url(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}"


def postal_address(place: dict, options: dict) -> dict:
    return compact({
        "@type": "PostalAddress",
        "streetAddress": place["address_1"],
        "addressLocality": place["city"],
        "addressRegion": options["STATE_PROVINCE"],
        "postalCode": place["postal_code"],
        "addressCountry": options["COUNTRY"],
    })


def opening_hours(entry) -> list[dict]:
    specs = []
    for schedule in entry.schedules or []:
        specs.append(compact({
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"{CONTEXT}/{day.id.capitalize()}" for day in schedule["days"]],
            "opens": schedule.get("opens_at"),
            "closes": schedule.get("closes_at"),
            "description": schedule.get("description"),
        }))
    return specs


def audience(entry) -> dict | None:
    """The ages it is for, when a source gives them (or it is for all ages); nothing is guessed."""
    if entry.age_range is None:
        return None
    low, high = entry.age_range
    return {"@type": "PeopleAudience", "suggestedMinAge": low, "suggestedMaxAge": high}


def place(location: dict, entry, options: dict) -> dict:
    found = compact({"@type": "Place", "name": location.get("name"), "address": postal_address(location, options)})
    if location.get("latitude") is not None and location.get("longitude") is not None:
        found["geo"] = {"@type": "GeoCoordinates", "latitude": location["latitude"], "longitude": location["longitude"]}
    if entry.schedules:
        found["openingHoursSpecification"] = opening_hours(entry)
    return found


def provider(entry, options: dict) -> dict | None:
    if not entry.organization:
        return None
    council = options["PUBLISHER"]["name"]
    kind = "GovernmentOrganization" if council in entry.organization else "Organization"
    return {"@type": kind, "name": entry.organization}


def entry_data(entry, options: dict, siteurl: str) -> dict:
    """The schema.org description of one entry: a School, a GovernmentService or a Service.

    A service counts as a government service when the organisation that runs
    it names the council, so "NHS and Exampleshire Council" is one.
    """
    phones = entry.phones or []
    locations = entry.locations or []
    common = compact({
        "@context": CONTEXT,
        "@id": page_url(siteurl, entry.url) + "#entry",
        "name": entry.name,
        "description": entry.summary,
        "url": page_url(siteurl, entry.url),
        "sameAs": entry.website,
        "audience": audience(entry),
    })
    if entry.is_school:
        data = compact({
            **common,
            "@type": "School",
            "email": entry.email,
            "telephone": phones[0]["number"] if phones else None,
            "address": postal_address(locations[0], options) if locations else None,
            "openingHoursSpecification": opening_hours(entry),
            "parentOrganization": provider(entry, options),
        })
    else:
        run_by = provider(entry, options)
        government = run_by is not None and run_by["@type"] == "GovernmentOrganization"
        data = compact({
            **common,
            "@type": "GovernmentService" if government else "Service",
            "serviceType": entry.kind.label,
            "category": [term.label for term in entry.categories or []],
            "provider": run_by,
            "hoursAvailable": opening_hours(entry),
        })
        channel = compact({
            "serviceUrl": entry.website,
            "servicePhone": [
                compact({"@type": "ContactPoint", "telephone": p["number"], "contactType": p.get("description")})
                for p in phones
            ],
            "serviceLocation": [place(location, entry, options) for location in locations],
        })
        if channel:
            data["availableChannel"] = {"@type": "ServiceChannel", **channel}
    return data


def site_data(options: dict, settings: dict) -> dict:
    """The council and the website, for every page."""
    siteurl = settings.get("SITEURL", "")
    publisher = options["PUBLISHER"]
    organisation_id = (publisher.get("website") or f"{siteurl}/") + "#organisation"
    return {
        "@context": CONTEXT,
        "@graph": [
            compact({
                "@type": "GovernmentOrganization",
                "@id": organisation_id,
                "name": publisher["name"],
                "url": publisher.get("website"),
                "email": publisher.get("email"),
                "telephone": publisher.get("telephone"),
            }),
            compact({
                "@type": "WebSite",
                "@id": f"{siteurl}/#website",
                "name": settings.get("SITENAME"),
                "url": f"{siteurl}/",
                "inLanguage": settings.get("DEFAULT_LANG", "en"),
                "publisher": {"@id": organisation_id},
            }),
        ],
    }


def script_json(data) -> Markup:
    """``data`` as JSON to put in a script element, escaped as Jinja's ``tojson`` does so no text in it can end the element."""
    return Markup(_encode(data).translate(_SCRIPT_SAFE))
