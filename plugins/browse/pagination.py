"""A long list split into pages, and the links between them.

A term can list thousands of entries at county scale; as one page that is
megabytes of HTML for a phone to download. Each page of a list holds at
most ``per_page`` items; the first keeps the list's own address, so links
to a term never change, and the rest follow it as ``page/2/``, ``page/3/``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, where they start in the list and how to reach the others."""

    number: int  # from 1
    count: int  # how many pages the list has
    items: list
    first: int  # the place in the list of the first item shown, from 1
    total: int  # how many items the whole list has
    urls: tuple  # the address of every page of the list, first to last

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1

    def links(self) -> dict | None:
        """What ``appPagination`` shows: previous, next and the page numbers around this one; None for a list of one page."""
        if self.count == 1:
            return None
        items = []
        for number in numbers_shown(self.number, self.count):
            if items and number > items[-1].get("number", 0) + 1:
                items.append({"ellipsis": True})
            items.append({"number": number, "url": self.urls[number - 1], "current": number == self.number})
        return {
            "previous": self.urls[self.number - 2] if self.number > 1 else None,
            "next": self.urls[self.number] if self.number < self.count else None,
            "items": items,
        }


def numbers_shown(current: int, count: int) -> list[int]:
    """The first and last pages, this one and its neighbours, as GOV.UK's pagination pattern advises.

    A gap of a single page shows that page's number rather than an
    ellipsis standing for one number.
    """
    shown = {1, count, current - 1, current, current + 1}
    shown |= {n + 1 for n in shown if n + 2 in shown}
    return sorted(n for n in shown if 1 <= n <= count)


def paginate(items: list, per_page: int, url: str) -> list[Page]:
    """``items`` as pages of at most ``per_page``; a list with no items is one empty page."""
    runs = [items[start:start + per_page] for start in range(0, len(items), per_page)] or [[]]
    urls = tuple(url if number == 1 else f"{url}page/{number}/" for number in range(1, len(runs) + 1))
    return [
        Page(number, len(runs), run, (number - 1) * per_page + 1, len(items), urls)
        for number, run in enumerate(runs, 1)
    ]
