"""Review dates: which entries are overdue for checking, oldest first.

Out-of-date information is the most common failing of a Local Offer, so
every entry carries ``assured_date``, the date of the newest source that
confirms it. A date known only to the month or year counts from its start.
"""

from __future__ import annotations

import calendar
import datetime

from local_offer.dates import label


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier (31 March - 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def overdue(entries, today: datetime.date, months: int) -> list:
    """Entries last checked before ``months`` months ago, oldest first."""
    cutoff = months_before(today, months)
    late = [e for e in entries if e.assured_date < cutoff]
    return sorted(late, key=lambda e: (e.assured_date, e.title.casefold()))


def contact(entry) -> dict:
    """Who to ask to check an entry: its own email and first phone number, or those of the entry it names to ask."""
    reach = entry.contact
    phones = reach.phones or []
    return {
        "email": reach.email or "",
        "phone": phones[0]["number"] if phones else "",
        "organization": entry.organization or "",
    }


def sources_to_recheck(entries) -> list[tuple]:
    """(source, the entries that rely on it), for the sources ``entries`` cite, most entries first.

    Checking a source again (finding a newer edition, or confirming its facts
    with the provider) can bring every entry that relies on it up to date.
    """
    relying = {}
    for entry in entries:
        for source in entry.cited_sources:
            relying.setdefault(source.id, (source, []))[1].append(entry)
    return sorted(relying.values(), key=lambda pair: (-len(pair[1]), pair[0].date, pair[0].id))


def describe(entry, months: int) -> str:
    """A warning an editor can act on, naming the file and the line."""
    return (
        f"{entry.source_path}:{entry.line_of('assured_date')}: assured_date: last checked "
        f"{label(entry.assured_date)}, more than {months} months ago; check every detail "
        "with the provider, add what confirmed it to content/data/sources.yaml and 'sources', then give its date here"
    )
