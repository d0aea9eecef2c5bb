"""The Decap CMS configuration, generated from the content model.

One collection per kind of entry (so each shows only the fields that kind
uses), one for information pages and one for "You said, we did" items.
``publish_mode: editorial_workflow`` makes every save a pull request, so
the same checks run on web edits as on any other change. ``make edit``
serves the same configuration with ``local_backend`` added (see
``local_backend``), so Decap saves to the files on the editor's computer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from local_offer.fieldtypes import Decimal, Group, Integer, List, Pattern, Term
from local_offer.schema import ENTRY, FEEDBACK, PAGE

# Information pages are Pelican Markdown with a "Key: value" header, which
# no built-in Decap format writes; admin/pelican-page.mjs registers this one.
PAGE_FORMAT = "pelican-page"
# Decap's own YAML format rewrites the whole file (dropping the quotes around
# phone numbers and times, moving keys, rewrapping text) whatever changed;
# admin/yaml-format.mjs registers one that changes only the edited fields.
YAML_FORMAT = "yaml-in-place"


def _options(term: Term, vocabularies) -> list:
    return [{"label": t.label, "value": t.id} for t in vocabularies[term.vocabulary]]


def _widget(kind, vocabularies) -> dict:
    """The Decap widget settings for one type of value."""
    if isinstance(kind, Term):
        return {"widget": "select", "options": _options(kind, vocabularies)}
    if isinstance(kind, Group):
        return {"widget": "object", "fields": [field_config(f, vocabularies) for f in kind.fields.values()]}
    if isinstance(kind, List):
        if isinstance(kind.item, Term):
            # A select that takes several terms saves a YAML list of term ids.
            widget = {"widget": "select", "multiple": True, "options": _options(kind.item, vocabularies)}
            return {**widget, "min": kind.min_items} if kind.min_items else widget
        if isinstance(kind.item, Group):
            return {"widget": "list", "fields": [field_config(f, vocabularies) for f in kind.item.fields.values()]}
        return {"widget": "list", "field": {"name": "item", "label": "Item", **_widget(kind.item, vocabularies)}}
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


def field_config(field, vocabularies, kind: str | None = None) -> dict:
    """One schema field as a Decap field; Decap treats fields as required unless told."""
    return {
        "name": field.name,
        "label": field.label,
        "hint": field.help,
        "required": field.is_required(kind),
        **_widget(field.type, vocabularies),
    }


def entry_collection(kind: str, folder: str, path: str, vocabularies) -> dict:
    term = vocabularies["kinds"].terms[kind]
    fields = []
    for field in ENTRY.fields:
        if not field.allowed(kind):
            continue
        if field.name == "kind":
            # The collection decides the kind; editors never pick it.
            fields.append({"name": "kind", "label": field.label, "widget": "hidden", "default": kind})
        else:
            fields.append(field_config(field, vocabularies, kind))
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


def config(options: dict, vocabularies, site_url: str = "") -> dict:
    """The whole ``admin/config.yml`` as a dict."""
    content = options["REPOSITORY_CONTENT"].rstrip("/")
    entries = [
        entry_collection(kind, folder, f"{content}/{ENTRY.folder}/{folder}", vocabularies)
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
            *(field_config(f, vocabularies) for f in PAGE.fields),
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
        "slug": "{{year}}-{{month}}-{{slug}}",
        "identifier_field": "you_said",
        "summary": "{{received}}: {{topic}} ({{status}})",
        "fields": [field_config(f, vocabularies) for f in FEEDBACK.fields],
    }
    result = {
        "backend": dict(options["BACKEND"]),
        "publish_mode": "editorial_workflow",
        "media_folder": f"{content}/{options['MEDIA_FOLDER']}",
        "public_folder": f"/{options['MEDIA_FOLDER']}",
        "locale": "en",
        "collections": [*entries, pages, feedback],
    }
    if site_url:
        result["site_url"] = site_url
    return result


def collection_names(config: dict) -> dict:
    """Which collections hold entries, feedback and pages, for the admin app's previews."""
    names = [collection["name"] for collection in config["collections"]]
    return {"entries": [name for name in names if name.startswith("entries-")], "feedback": "feedback", "pages": "pages"}


def local_backend(config: dict, api_url: str) -> dict:
    """The configuration ``make edit`` serves: saves go to decap-server at ``api_url``.

    decap-server writes each save straight to the content files, so there
    is no pull request to wait for: the editorial workflow is left out.
    Decap only uses a local backend on localhost or a host listed here.
    """
    local = {key: value for key, value in config.items() if key != "publish_mode"}
    local["local_backend"] = {"url": api_url, "allowed_hosts": [urlsplit(api_url).hostname]}
    return local
