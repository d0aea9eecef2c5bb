"""Today, and dates known only to the month or the year.

A date on the site is the date of the source that confirms a fact, so it
can never be in the future, and it is only as exact as its source: a
strategy dated 2024 gives "2024", not 1 January 2024. ``PartialDate`` keeps
how exact a date is, and works anywhere a ``datetime.date`` does (as the
first day it could be), so sorting and comparing need no special cases.
"""

from __future__ import annotations

import calendar
import datetime
import os

# Set to a date such as 2026-12-06 to build or check as if it were that day
# (tests pin it; nothing else should need to).
TODAY_VARIABLE = "LOCAL_OFFER_TODAY"


def today() -> datetime.date:
    """The day dates are checked against: the ``LOCAL_OFFER_TODAY`` variable if set, else the clock's."""
    pinned = os.environ.get(TODAY_VARIABLE)
    return datetime.date.fromisoformat(pinned) if pinned else datetime.date.today()


class PartialDate(datetime.date):
    """A day, a month or a year: ``precision`` says which.

    As a ``datetime.date`` it is the first day it could be, so "2024" sorts
    before "2024-03" and counts as older than any day in 2024. ``isoformat``
    (and so ``str``) gives it back as written: ``2024``, ``2024-03`` or
    ``2024-03-31``; ``label`` gives it in words.
    """

    precision: str

    def __new__(cls, year: int, month: int | None = None, day: int | None = None):
        self = super().__new__(cls, year, month or 1, day or 1)
        self.precision = "day" if day else "month" if month else "year"
        return self

    def __reduce__(self):
        # date pickles itself as bytes, which this constructor does not take.
        return (PartialDate, self.parts)

    @property
    def parts(self) -> tuple:
        """(year,), (year, month) or (year, month, day): as exact as it is known."""
        return (self.year, self.month, self.day)[: ("year", "month", "day").index(self.precision) + 1]

    def isoformat(self) -> str:
        return "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(self.parts))

    def __repr__(self) -> str:
        return f"PartialDate({', '.join(map(str, self.parts))})"

    @property
    def label(self) -> str:
        """In words: '2024', 'March 2024' or '31 March 2024'."""
        if self.precision == "year":
            return str(self.year)
        return self.strftime("%B %Y" if self.precision == "month" else "%-d %B %Y")

    @property
    def last(self) -> datetime.date:
        """The last day it could be."""
        if self.precision == "year":
            return datetime.date(self.year, 12, 31)
        if self.precision == "month":
            return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return datetime.date(self.year, self.month, self.day)


def label(day: datetime.date) -> str:
    """Any date in words, as exact as it is known: '6 December 2026', 'March 2024' or '2024'."""
    return day.label if isinstance(day, PartialDate) else f"{day:%-d %B %Y}"


def month_and_year(day: datetime.date) -> str:
    """A date as entry pages show it: 'December 2026', or '2024' when only the year is known."""
    if isinstance(day, PartialDate) and day.precision == "year":
        return str(day.year)
    return f"{day:%B %Y}"


def full_date(day: datetime.date) -> str | None:
    """The date as YYYY-MM-DD for formats that need a whole date, or None when only its month or year is known."""
    if isinstance(day, PartialDate) and day.precision != "day":
        return None
    return datetime.date.isoformat(day)


def last_day(day: datetime.date) -> datetime.date:
    """The last day a date could be: itself, or the end of its month or year."""
    return day.last if isinstance(day, PartialDate) else day
