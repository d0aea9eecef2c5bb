"""Every field of an entry reaches every output, or the output says why not.

The fields come from ``schema.ENTRY`` (groups' fields included), so a new
field is covered the day it is added. Three entries fill every field their
kind allows, with values made from each field's type: a school, a
service, and a service with no contact of its own that names the entry to
ask (its own contacts would hide that route). For each field, a copy of each entry with only that field changed
(or, when it has no other value, left out) is made; an output *uses* the
field when the copy's output differs from the entry's. Each output keeps the
fields it deliberately leaves out, with the reason, in ``LEFT_OUT`` beside
its code. The test fails when a field is neither used nor left out, and when
a field listed as left out is used after all (the list is out of date).
"""

from __future__ import annotations

import copy
import json
import re
import uuid

import pytest
import yaml
from pelican.settings import read_settings

import local_offer.generator as entry_page
import open_data.downloads as downloads
import open_data.oruk as oruk
import open_data.structured_data as structured_data
import search_index.documents as documents
from local_offer.fieldtypes import (
    Ages, Boolean, Date, DayMonthOrYear, Decimal, Email, EntrySlug, Group, Integer, List, Phone, Postcode, Slug, SourceId,
    Term, Text, Time, Url, Uuid,
)
from local_offer.loading import load_catalogue
from local_offer.model import Entry, Record
from local_offer.rendering import Renderer
from local_offer.schema import ENTRY, NOT_SCHOOLS, SCHOOLS
from local_offer.validation import validate
from local_offer.yaml_source import read
from open_data.json_text import joined
from open_data.settings import options as open_data_options
from search_index.generator import read_synonyms
from tests.conftest import ROOT, fixture_site

SITEURL = "https://example.org"


def field_paths(fields, prefix=""):
    """(dotted path, field) for every field, groups' and list items' fields included."""
    for field in fields:
        yield prefix + field.name, field
        inner = field.type.item if isinstance(field.type, List) else field.type
        if isinstance(inner, Group):
            yield from field_paths(inner.fields.values(), f"{prefix}{field.name}.")


PATHS = dict(field_paths(ENTRY.fields))

# Two valid values of each fixed-shape type.
EXAMPLES = {
    Phone: ("01632 960001", "01632 960002"),
    Postcode: ("WA10 1AA", "WA10 1AB"),
    Email: ("team@example.org", "office@example.org"),
    Slug: ("full-entry", "other-entry"),
    EntrySlug: ("advice-line", "sensory-play-group"),  # fixture entries with contacts of their own, to ask
    Time: ("09:00", "10:30"),
    SourceId: ("example-directory-check", "example-send-guide"),  # in the fixture's sources register
    Ages: ("all", "not-known"),
}
# An age range as a source gives it: either end can change and it stays a range.
AGE_RANGE = {"minimum_age": (5, 11), "maximum_age": (16, 19)}


def example(kind, which: int, path: str, vocabularies):
    """A valid value of a field type: the entry's (which=0) or its changed copy's (which=1); None if none."""
    if path in AGE_RANGE:
        return AGE_RANGE[path][which]
    if isinstance(kind, Text):
        return f"{'Other words' if which else 'Words'} for {path}."
    if kind in EXAMPLES:
        return EXAMPLES[kind][which]
    if isinstance(kind, Url):
        return f"https://example.org/{path}/{which}"
    if isinstance(kind, Uuid):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{path}/{which}"))
    if isinstance(kind, Integer):
        middle = kind.minimum + 1 if kind.maximum is None else (kind.minimum + kind.maximum) // 2
        return middle + which
    if isinstance(kind, Decimal):
        return round((kind.minimum + kind.maximum) / 2 + which * (kind.maximum - kind.minimum) / 10, 4)
    if isinstance(kind, Boolean):
        return not which
    if isinstance(kind, DayMonthOrYear):
        return f"2024-0{1 + which}-10"  # not later than the sources it cites
    if isinstance(kind, Date):
        return f"2026-0{1 + which}-10"  # another month: pages show the month
    if isinstance(kind, Term):
        terms = list(vocabularies[kind.vocabulary].terms)
        return terms[which] if which < len(terms) else None
    if isinstance(kind, List):
        item = example(kind.item, which, path, vocabularies)
        return None if item is None else [item]
    if isinstance(kind, Group):
        return {f.name: example(f.type, 0, f"{path}.{f.name}", vocabularies) for f in kind.fields.values()}
    raise AssertionError(f"no example value for {path} ({type(kind).__name__}): add one to this test")


def full_entry(kind, vocabularies) -> dict:
    """Every field the kind allows, filled in."""
    data = {}
    for field in ENTRY.fields:
        if field.allowed(kind):
            data[field.name] = example(field.type, 0, field.name, vocabularies)
    data["kind"] = kind.id
    # An entry is either free or describes its fees (a rule): the school
    # describes fees, the service is free.
    data.pop("free" if kind in SCHOOLS else "fees")
    # Its ages are a range; only an entry without one says 'all' or 'not known' (a rule).
    data.pop("ages")
    return data


def asking_entry(full: dict) -> dict:
    """A full entry with no contact of its own and no age range: it names the entry to ask, and says its ages."""
    data = {name: value for name, value in full.items() if name not in ("url", "email", "phones", "minimum_age", "maximum_age")}
    data["ages"] = EXAMPLES[Ages][0]
    return data


def changes(data: dict, path: str, kind, vocabularies) -> list[dict]:
    """The entry with only the field at ``path`` changed, then with it left out (where it may be)."""
    *parents, name = path.split(".")
    holder_path, fields = [], ENTRY.by_name
    for part in parents:
        holder_path.append(part)
        inner = fields[part].type.item if isinstance(fields[part].type, List) else fields[part].type
        fields = inner.fields
    field = fields[name]
    if path == "kind":
        values = [k.id for k in vocabularies["kinds"] if k.id != kind.id and (k in SCHOOLS) == (kind in SCHOOLS)]
    else:
        values = [example(field.type, 1, path, vocabularies)]
    found = []
    for value in [*values, REMOVE]:
        result = copy.deepcopy(data)
        holder = result
        for part in holder_path:
            if part not in holder:
                return []
            holder = holder[part][0] if isinstance(holder[part], list) else holder[part]
        if name not in holder or value is None or value == holder[name]:
            continue
        if value is REMOVE:
            del holder[name]
        else:
            holder[name] = value
        found.append(result)
    return found


REMOVE = object()


def group_paths():
    """Each group or list of groups, with the paths of its own fields: it is used if any of them is."""
    return {
        path: [p for p in PATHS if p.startswith(path + ".")]
        for path, field in PATHS.items()
        if isinstance(field.type.item if isinstance(field.type, List) else field.type, Group)
    }


def is_valid(text: str, vocabularies) -> bool:
    root, problems = read("copy.yaml", raw=text.encode())
    return not problems and not validate(root, ENTRY, "copy.yaml", vocabularies)[2]


def render(entry) -> dict:
    """Each output's text for one entry, made by the outputs' own code."""
    catalogue = STATE["catalogue"]
    options = STATE["open_data"]
    describer = documents.Describer(catalogue.vocabularies, STATE["synonyms"], with_description=True)
    document = describer.entry(entry)
    referral = oruk.OpenReferral(type(catalogue)(catalogue.vocabularies, [entry], catalogue.settings), options)
    parts = referral.service_parts(entry)
    organisation = joined(referral.organization_summary(entry.organization)) if entry.organization else None
    return {
        "search record": json.dumps([document.fields, document.record, document.facets], sort_keys=True, default=str),
        "Open Referral UK": oruk.service(parts, organisation),
        "CSV": downloads.Spreadsheet(catalogue.vocabularies, SITEURL).row(entry),
        "JSON-LD": json.dumps(structured_data.entry_data(entry, options, SITEURL), sort_keys=True),
    }


LEFT_OUT = {
    "entry page": entry_page.LEFT_OUT,
    "search record": documents.LEFT_OUT,
    "Open Referral UK": oruk.LEFT_OUT,
    "CSV": downloads.LEFT_OUT,
    "JSON-LD": structured_data.LEFT_OUT,
}

STATE: dict = {}


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    """For each output, the field paths it uses; and the paths no changed copy could be made for."""
    site = fixture_site(tmp_path_factory.mktemp("coverage"))
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(site.content)})
    vocabularies = load_catalogue(site.content, settings).vocabularies
    school = next(k for k in vocabularies["kinds"] if k in SCHOOLS)
    service = next(k for k in vocabularies["kinds"] if k in NOT_SCHOOLS)
    bases = {
        "full-school": (school, full_entry(school, vocabularies)),
        "full-service": (service, full_entry(service, vocabularies)),
        "asking-service": (service, asking_entry(full_entry(service, vocabularies))),
    }
    copies = {}  # slug of a changed copy -> (slug of its entry, path)
    untested = set(PATHS)
    for base_slug, (kind, base) in bases.items():
        base["slug"] = base_slug
        base["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, base_slug))
        site.write(f"services/{base_slug}.yaml", yaml.safe_dump(base, sort_keys=False))
        for number, path in enumerate(PATHS):
            for data in changes(base, path, kind, vocabularies):
                slug = f"{base_slug}-copy-{number}"
                # Each copy has its own address and id (so the build takes it);
                # a changed slug or id is the copy's own.
                data["slug"] = slug
                data["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, slug))
                text = yaml.safe_dump(data, sort_keys=False)
                if is_valid(text, vocabularies):
                    site.write(f"services/{slug}.yaml", text)
                    copies[slug] = (base_slug, path)
                    untested.discard(path)
                    break
    # The entry pages come from a real build; the other outputs from their code.
    site.build_ok()
    catalogue = load_catalogue(site.content, settings)
    STATE.update(
        catalogue=catalogue,
        open_data=open_data_options(settings),
        synonyms=read_synonyms(site.content, settings, catalogue.vocabularies),
    )
    render_ = Renderer(SITEURL)
    used = {output: set() for output in LEFT_OUT}
    for slug, (base_slug, path) in copies.items():
        base_entry, entry = catalogue.by_slug[base_slug], catalogue.by_slug[slug]
        # The copy as if it were the entry itself, so only the changed field differs.
        data = {**entry.data, "slug": entry.data["slug"] if path == "slug" else base_slug}
        if path != "id":
            data["id"] = base_entry.id
        as_base = Entry(Record(data, base_entry.source_path, base_entry.lines), base_slug, "services/{slug}/", render_)
        as_base.route, as_base.cited_sources = entry.route, entry.cited_sources  # set by the catalogue
        before, after = render(base_entry), render(as_base)
        used.update({output: used[output] | ({path} if before[output] != after[output] else set()) for output in before})
        page = site.page(f"/services/{slug}/") if path != "slug" else None
        if page is not None:
            text = str(page).replace(slug, base_slug).replace(entry.id, base_entry.id)
            if text != str(site.page(f"/services/{base_slug}/")):
                used["entry page"].add(path)
    for output in used.values():
        output.update(group for group, inside in group_paths().items() if output & set(inside))
    untested -= {group for group, inside in group_paths().items() if not set(inside) & untested}
    # An entry page is found at its slug. Copies' ids are made to differ, so
    # whether a page shows its id is seen on the page itself.
    used["entry page"].add("slug")
    for entry in catalogue.entries:
        if entry.id in str(site.page(f"/{entry.url}")):
            used["entry page"].add("id")
    return used, untested


def test_every_field_can_be_changed_on_some_entry(coverage):
    _, untested = coverage
    assert not untested, f"no valid changed copy could be made for {sorted(untested)}; give the test a value for them"


def left_out(output: str) -> set:
    """The paths an output leaves out: a group listed there leaves out all its fields."""
    listed = set(LEFT_OUT[output])
    return listed | {inside for group, fields in group_paths().items() if group in listed for inside in fields}


@pytest.mark.parametrize("output", LEFT_OUT)
def test_every_field_reaches_the_output_or_is_listed_as_left_out(coverage, output):
    used, _ = coverage
    missing = sorted(set(PATHS) - used[output] - left_out(output))
    assert not missing, f"the {output} neither uses nor lists as left out (LEFT_OUT, with the reason): {missing}"


@pytest.mark.parametrize("output", LEFT_OUT)
def test_what_is_listed_as_left_out_is_really_left_out(coverage, output):
    used, _ = coverage
    stale = sorted(left_out(output) & used[output])
    assert not stale, f"the {output} uses {stale}, which its LEFT_OUT says it leaves out; remove them from the list"
    unknown = sorted(set(LEFT_OUT[output]) - set(PATHS))
    assert not unknown, f"the {output}'s LEFT_OUT names fields the schema does not have: {unknown}"


def test_each_left_out_field_says_why():
    for output, left_out in LEFT_OUT.items():
        for path, why in left_out.items():
            assert re.search(r"\w{3,} \w+", why), f"{output}: say why {path} is left out"
