"""JSON Schemas for editors' tools, generated from the content model.

VS Code's YAML extension (and any other JSON Schema aware editor) reads
these to offer completion and flag mistakes while an officer types. They
say what ``local_offer.validation`` checks for one file; rules across
fields or files (an age range the right way round, a slug used once) are
only checked by ``make check``.
"""

from __future__ import annotations

from local_offer.schema import ENTRY, FEEDBACK, object_schema

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {"entry": "entry.schema.json", "feedback": "feedback.schema.json"}


def _allow_empty(schema: dict) -> dict:
    """Let optional fields be left empty, as the validator does.

    ``make new`` writes every field with an empty value, and the validator
    reads an empty value as "not given"; without this, an editor would see
    an error on every optional line of a new file.
    """
    for name, prop in schema.get("properties", {}).items():
        _allow_empty(prop)
        _allow_empty(prop.get("items", {}))
        if name in schema.get("required", ()):
            continue
        if "enum" in prop:
            prop["enum"] = [*prop["enum"], None]
        elif "type" in prop:
            prop["type"] = [*prop["type"], "null"] if isinstance(prop["type"], list) else [prop["type"], "null"]
    return schema


def entry_schema(vocabularies, schema_id: str = "") -> dict:
    """One schema for every kind; ``kind`` decides which fields apply."""
    variants = {kind.id: _allow_empty(object_schema(ENTRY.fields, vocabularies, kind)) for kind in vocabularies["kinds"]}
    # Every field of every kind at the top level, so completion works before
    # the kind is filled in; the per-kind schemas below do the checking.
    union = {}
    for variant in variants.values():
        union.update(variant["properties"])
    return {
        "$schema": DRAFT,
        **({"$id": schema_id} if schema_id else {}),
        "title": ENTRY.label,
        "description": "One entry in the SEND Local Offer directory. Checked in full by make check.",
        "type": "object",
        "required": ["kind"],
        "properties": union,
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": variant,
            }
            for kind, variant in variants.items()
        ],
    }


def feedback_schema(vocabularies, schema_id: str = "") -> dict:
    return {
        "$schema": DRAFT,
        **({"$id": schema_id} if schema_id else {}),
        "title": FEEDBACK.label,
        "description": "One 'You said, we did' item. Checked in full by make check.",
        **_allow_empty(object_schema(FEEDBACK.fields, vocabularies)),
    }


def all_schemas(vocabularies, base_url: str = "") -> dict:
    """File name -> schema; ``base_url`` (the site's schemas/ address) sets each $id."""
    ids = {name: f"{base_url}{file}" if base_url else "" for name, file in FILES.items()}
    return {
        FILES["entry"]: entry_schema(vocabularies, ids["entry"]),
        FILES["feedback"]: feedback_schema(vocabularies, ids["feedback"]),
    }
