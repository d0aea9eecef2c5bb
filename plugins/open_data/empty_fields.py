"""Leaving out empty optional fields.

Open Referral UK and schema.org consumers both expect a missing value to be
absent rather than null, an empty string or an empty list.
"""

from __future__ import annotations

EMPTY = (None, "", [], {})


def drop_empty(value):
    """The value with every empty field left out, at any depth."""
    if isinstance(value, dict):
        pairs = ((k, drop_empty(v)) for k, v in value.items())
        return {k: v for k, v in pairs if v not in EMPTY}
    if isinstance(value, list):
        return [v for v in (drop_empty(v) for v in value) if v not in EMPTY]
    return value
