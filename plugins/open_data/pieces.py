"""What each entry adds to the files that list every entry, kept between builds.

The lists of services and places, the organisations' files, the CSV and
JSON downloads and the feed each hold a piece of every entry. A piece
depends on its entry alone (and on the rest of the site, which is the
cache's fingerprint), so a rebuild after one entry changed makes that
entry's pieces and joins the others' from a ``DataCache``, keyed by the
entry's digest.
"""

from __future__ import annotations

from typing import NamedTuple


class Pieces(NamedTuple):
    """One entry's share of the files that list every entry, as text.

    ``summary`` is the service's one-to-one fields with a hole for its
    organisation's summary, which depends on the organisation's other
    services; ``places`` is (id, text with a hole for the service) for each
    service at a location as listed (see ``json_text.holed``).
    """

    summary: tuple[str, str]
    places: list[tuple[str, tuple[str, str]]]
    csv_row: str
    json_record: str
    feed_item: str
