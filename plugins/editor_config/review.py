"""Review dates: which entries are overdue for checking, oldest first.

Out-of-date information is the most common failing of a Local Offer, so
every entry carries ``assured_date``, the day someone last checked it.
"""

from __future__ import annotations

import calendar
import datetime


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
    """Who to ask to check an entry: its own email and first phone number."""
    phones = entry.phones or []
    return {
        "email": entry.email or "",
        "phone": phones[0]["number"] if phones else "",
        "organization": entry.organization or "",
    }


def describe(entry, months: int) -> str:
    """A warning an editor can act on, naming the file and the line."""
    return (
        f"{entry.source_path}:{entry.line_of('assured_date')}: assured_date: last checked "
        f"{entry.assured_date:%-d %B %Y}, more than {months} months ago; check every detail "
        "with the provider, then change the date to the day you checked"
    )
