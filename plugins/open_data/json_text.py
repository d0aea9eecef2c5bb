"""JSON written a piece at a time, byte-identical to one ``json.dumps`` of the whole.

A county directory repeats the same pieces thousands of times: a taxonomy
term in every service that uses it, a service's summary in its list page,
its organisation's file and each of its places. Encoding each piece once and
joining the text is much cheaper than encoding every file from objects,
and lets a rebuild reuse the text of entries that have not changed.

Objects are written as ``json.dumps(..., sort_keys=True, separators=(",",
":"), ensure_ascii=False)`` would write them: compact (machines read these)
and with sorted keys, so two builds of the same content are byte-identical.
Open Referral UK and schema.org consumers expect a missing value to be
absent rather than null, an empty string or an empty list, so empty values
are left out as each object is made.
"""

from __future__ import annotations

import json

EMPTY = (None, "", [], {})
# Marks where a value goes in text with a hole; JSON escapes control characters, so it is never in encoded text.
HOLE = "\0"

encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True, check_circular=False).encode
# Encoded as ``encode`` would, without its detour through the general encoder:
# a service has a dozen of these. type(True) is bool, so booleans still take the detour.
_SCALARS = {str: json.encoder.encode_basestring, int: int.__repr__}


def compact(fields: dict) -> dict:
    """The fields that have a value."""
    return {k: v for k, v in fields.items() if v not in EMPTY}


def encoded(fields: dict) -> dict:
    """Each field that has a value, as JSON text: the makings of ``joined``."""
    return {k: _SCALARS.get(type(v), encode)(v) for k, v in fields.items() if v not in EMPTY}


def joined(fields: dict) -> str:
    """An object from fields already encoded as JSON text, keys sorted.

    Keys are the standard's plain field names, so they need no escaping.
    """
    return "{" + ",".join([f'"{k}":{fields[k]}' for k in sorted(fields)]) + "}"


def array(items) -> str:
    """A list from items already encoded as JSON text."""
    return "[" + ",".join(items) + "]"


def holed(fields: dict, name: str) -> tuple[str, str]:
    """An object's text either side of the value of field ``name``, which ``filled`` puts in later."""
    head, tail = joined({**fields, name: HOLE}).split(HOLE)
    return head, tail


def filled(text: tuple[str, str], value: str | None) -> str:
    """The object with the field's value, or without the field when ``value`` is None."""
    head, tail = text
    if value is not None:
        return head + value + tail
    head = head[: head.rindex('"', 0, -2)]  # head ends '"name":'; cut from the name's opening quote
    head = head[:-1] if head.endswith(",") else head
    return head + tail[1:] if head == "{" and tail.startswith(",") else head + tail
