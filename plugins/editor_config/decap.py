"""The Decap CMS configuration, generated from the content model.

One collection per kind of entry (so each shows only the fields that kind
uses), one for information pages, one for "You said, we did" items and one
for the council's details.
Editors pick what a field names from elsewhere from a list: terms of the
vocabularies, sources from the register, the entry to ask.
``publish_mode: editorial_workflow`` makes every save a pull request, so
the same checks run on web edits as on any other change. ``make edit``
serves the same configuration with ``local_backend`` added (see
``local_backend``), so Decap saves to the files on the editor's computer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from local_offer.fieldtypes import Choice, Decimal, EntrySlug, Group, Integer, List, Pattern, SourceId, Term
from local_offer.schema import COUNCIL, ENTRY, FEEDBACK, PAGE

# Information pages are Pelican Markdown with a "Key: value" header, which
# no built-in Decap format writes; admin/pelican-page.mjs registers this one.
PAGE_FORMAT = "pelican-page"
# Decap's own YAML format rewrites the whole file (dropping the quotes around
# phone numbers and times, moving keys, rewrapping text) whatever changed;
# admin/yaml-format.mjs registers one that changes only the edited fields.
YAML_FORMAT = "yaml-in-place"


def references(catalogue) -> dict:
    """What fields name from other files, as the options of a select: sources, and the entries families can ask.

    Each list is one object, so config.yml writes it once (a YAML anchor)
    however many collections use it.
    """
    return {
        SourceId: [{"label": source.citation, "value": source.id} for source in catalogue.sources.values()],
        # Only an entry with a phone, email or website of its own can be asked (make check).
        EntrySlug: [{"label": entry.name, "value": entry.slug} for entry in catalogue.entries if entry.has_own_contact],
    }


def _options(kind, vocabularies, named: dict) -> list | None:
    """The options of a value picked from a list, or None for a value that is typed."""
    if isinstance(kind, Term):
        return [{"label": t.label, "value": t.id} for t in vocabularies[kind.vocabulary]]
    if isinstance(kind, Choice):
        return [{"label": label, "value": word} for word, label in kind.choices.items()]
    return named.get(kind)


def _widget(kind, vocabularies, named: dict) -> dict:
    """The Decap widget settings for one type of value; ``named`` is from ``references``."""
    options = _options(kind, vocabularies, named)
    if options is not None:
        return {"widget": "select", "options": options}
    if isinstance(kind, Group):
        return {"widget": "object", "fields": [field_config(f, vocabularies, named) for f in kind.fields.values()]}
    if isinstance(kind, List):
        options = _options(kind.item, vocabularies, named)
        if options is not None:
            # A select that takes several values saves a YAML list of them.
            widget = {"widget": "select", "multiple": True, "options": options}
            return {**widget, "min": kind.min_items} if kind.min_items else widget
        if isinstance(kind.item, Group):
            return {"widget": "list", "fields": [field_config(f, vocabularies, named) for f in kind.item.fields.values()]}
        return {"widget": "list", "field": {"name": "item", "label": "Item", **_widget(kind.item, vocabularies, named)}}
    widget = {"widget": kind.widget}
    if isinstance(kind, Integer | Decimal):
        widget["value_type"] = "int" if isinstance(kind, Integer) else "float"
        widget["min"] = kind.minimum
        if kind.maximum is not None:
            widget["max"] = kind.maximum
    elif isinstance(kind, Pattern):
        widget["pattern"] = ["^(?:" + kind.regex + ")$", f"This {kind.wrong}, such as {kind.example}"]
    elif kind.widget == "datetime":
        widget.update({"format": "YYYY-MM-DD", "date_format": "D MMMM YYYY", "time_format": False, "picker_utc": True})
    return widget


def field_config(field, vocabularies, named: dict, kind=None) -> dict:
    """One schema field as a Decap field; Decap treats fields as required unless told."""
    required = field.is_required(kind)
    widget = _widget(field.type, vocabularies, named)
    if isinstance(field.type, Group) and not required:
        # Decap asks for an optional group's required fields even when the
        # group is left out; make check still asks for them when it is given.
        widget["fields"] = [{**inner, "required": False} for inner in widget["fields"]]
    return {"name": field.name, "label": field.label, "hint": field.help, "required": required, **widget}


def entry_collection(kind: str, folder: str, path: str, vocabularies, named: dict) -> dict:
    term = vocabularies["kinds"].terms[kind]
    fields = []
    for field in ENTRY.fields:
        if not field.allowed(term):
            continue
        if field.name == "kind":
            # The collection decides the kind; editors never pick it.
            fields.append({"name": "kind", "label": field.label, "widget": "hidden", "default": kind})
        else:
            fields.append(field_config(field, vocabularies, named, term))
    return {
        "name": f"entries-{folder}",
        "label": term.get("plural", term.label),
        "label_singular": term.label,
        "description": term.description,
        "folder": path,
        "create": True,
        "extension": "yaml",
        "format": YAML_FORMAT,
        "slug": "{{slug}}",
        "identifier_field": "name",
        "summary": "{{name}}",
        "fields": fields,
    }


def config(options: dict, vocabularies, site_url: str = "", named: dict | None = None, council_file: str = "council.yaml") -> dict:
    """The whole ``admin/config.yml`` as a dict; ``named`` is from ``references`` (without it, those fields are typed)."""
    named = named or {}
    content = options["REPOSITORY_CONTENT"].rstrip("/")
    entries = [
        entry_collection(kind, folder, f"{content}/{ENTRY.folder}/{folder}", vocabularies, named)
        for kind, folder in options["KIND_FOLDERS"].items()
    ]
    pages = {
        "name": "pages",
        "label": PAGE.label + "s",
        "label_singular": PAGE.label,
        "folder": f"{content}/{PAGE.folder}",
        "create": True,
        "extension": "md",
        "format": PAGE_FORMAT,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "fields": [
            *(field_config(f, vocabularies, named) for f in PAGE.fields),
            {"name": "body", "label": "Page text", "widget": "markdown", "hint": "What the page says. Use ## for headings."},
        ],
    }
    feedback = {
        "name": "feedback",
        "label": "You said, we did",
        "label_singular": FEEDBACK.label,
        "folder": f"{content}/{FEEDBACK.folder}",
        "create": True,
        "extension": "yaml",
        "format": YAML_FORMAT,
        # The file name becomes the item's address and feed id, so it must
        # never carry what families said: only the time it was created (in
        # UTC; Decap makes it unique if two share a second) and the topic id.
        # Decap fills in {{slug}} from the identifier field, so it is not used.
        "slug": "{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}{{second}}-{{fields.topic}}",
        "identifier_field": "you_said",
        "summary": "{{received}}: {{topic}} ({{status}})",
        "fields": [field_config(f, vocabularies, named) for f in FEEDBACK.fields],
    }
    council = {
        "name": "council",
        "label": COUNCIL.label,
        "format": YAML_FORMAT,
        "files": [{
            "name": "council",
            "label": COUNCIL.label,
            "file": f"{content}/{council_file}",
            "fields": [field_config(f, vocabularies, named) for f in COUNCIL.fields],
        }],
    }
    result = {
        "backend": dict(options["BACKEND"]),
        "publish_mode": "editorial_workflow",
        "media_folder": f"{content}/{options['MEDIA_FOLDER']}",
        "public_folder": f"/{options['MEDIA_FOLDER']}",
        "locale": "en",
        "collections": [*entries, pages, feedback, council],
    }
    if site_url:
        result["site_url"] = site_url
    return result


def preview_settings(config: dict, vocabularies, area: str) -> dict:
    """What the admin app's previews need besides the config: which collection is which, what its kind is called
    and whether it is a school, what each way to get help means, and the council's area."""
    entries = {}
    for collection in config["collections"]:
        kind = next((f.get("default") for f in collection.get("fields", ()) if f["name"] == "kind"), None)
        if kind is not None:
            term = vocabularies["kinds"].terms[kind]
            entries[collection["name"]] = {"noun": term.get("noun"), "school": bool(term.get("school"))}
    routes = {term.id: term.description for term in vocabularies["access_routes"]}
    return {"entries": entries, "feedback": "feedback", "pages": "pages", "access_routes": routes, "area": area}


def local_backend(config: dict, api_url: str) -> dict:
    """The configuration ``make edit`` serves: saves go to decap-server at ``api_url``.

    decap-server writes each save straight to the content files, so there
    is no pull request to wait for: the editorial workflow is left out.
    Decap only uses a local backend on localhost or a host listed here.
    """
    local = {key: value for key, value in config.items() if key != "publish_mode"}
    local["local_backend"] = {"url": api_url, "allowed_hosts": [urlsplit(api_url).hostname]}
    return local
