"""The import itself as a source in the register, so every imported entry says where its facts come from.

Each import from a place on a day is one source, ``import-<place>-<day>``:
the data as it was that day. It stays in the register while entries cite
it. An editor who checks an entry with its service adds that check as a
newer source and cites it instead.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urlsplit

from editor_config.scaffold import slugify
from local_offer.dates import label
from local_offer.schema import SOURCE

from .write import register_item

# Characters of the place kept in a source's id and title.
PLACE_IN_ID, PLACE_IN_TITLE = 60, 150


def import_source(where: str, today: datetime.date) -> tuple[str, dict]:
    """The id and fields of the source for data read from ``where`` (a web address, file or folder) on ``today``."""
    address = urlsplit(where)
    if address.scheme in ("http", "https"):
        place, shown, publisher = address.netloc + address.path, where, address.hostname
    else:
        place = shown = Path(where).resolve().name
        publisher = "Not known"  # a file does not say; the report asks the editor
    fields = {
        "title": f"Open Referral UK data from {shown[:PLACE_IN_TITLE]}",
        "publisher": publisher,
        "kind": "document",
        "date": today,
        "url": where if address.scheme in ("http", "https") else None,
        "about": (
            f"The services in this open data as they were on {label(today)}, copied into the Local Offer by make import. "
            "Check each entry with the service that runs it, then cite that check instead."
        ),
    }
    source_id = f"import-{slugify(place)[:PLACE_IN_ID].strip('-')}-{today.isoformat()}"
    return source_id, {name: value for name, value in fields.items() if value is not None}


def with_source(register: str, source_id: str, fields: dict) -> str:
    """The register's text with the source added at the end, every other byte kept."""
    return register.rstrip("\n") + "\n\n" + register_item(source_id, fields, SOURCE)
