"""Which terms an entry is filed under: the one rule browse pages, search filters and open data share.

Filters must never hide help. An entry open to every need is filed under
every need, and an entry whose ages no source gives is filed under every
age band: each in a group of its own (``OPEN_TO_ALL``, ``AGES_NOT_KNOWN``),
so a page or a result can say why it is there instead of pretending it was
chosen for that need or age.

Ages run from one birthday up to another: "aged 11 to 16" (minimum_age 11,
maximum_age 16) is from the 11th birthday until the 16th, so it meets the
band for 11 to 16 and not the band for 16 to 25. Age bands are read the
same way, so bands that meet at 16 do not overlap. A school whose phases a
source gives, but not its ages, is filed under the bands of those phases.
"""

from __future__ import annotations

from typing import NamedTuple

# Groups an entry is filed in besides the terms chosen for it.
OPEN_TO_ALL = "open-to-all"
AGES_UNKNOWN = "ages-not-known"

# The facets, by the name search filters and browse addresses use, and their vocabularies.
FACETS = {"category": "categories", "need": "needs", "age": "age_bands", "kind": "kinds"}


class Filed(NamedTuple):
    """Where an entry is filed in one facet.

    ``terms``: the ids of the terms chosen for it. ``group``: None, or
    ``OPEN_TO_ALL`` / ``AGES_UNKNOWN`` when it is also filed under every
    other term of the facet, in that group. A tuple, because every build
    files ten thousand entries four times and keeps them between builds.
    """

    terms: tuple = ()
    group: str | None = None

    def under(self, vocabulary) -> tuple:
        """Every term id it is filed under, chosen ones first."""
        if self.group is None:
            return self.terms
        return (*self.terms, *(t.id for t in vocabulary if t.id not in self.terms))

    def group_for(self, term_id: str) -> str | None:
        """How it is filed under a term: None if chosen for it, else its group."""
        return None if term_id in self.terms else self.group


def band_bounds(band) -> tuple[int, int]:
    """An age band's birthdays: from ``minimum_age`` up to ``maximum_age``."""
    return int(band.get("minimum_age")), int(band.get("maximum_age"))


def age_filing(entry, bands) -> Filed:
    ages = entry.age_range
    if ages is not None:
        low, high = ages
        if (low, high) == (0, 25):
            return Filed((), OPEN_TO_ALL)
        chosen = []
        for band in bands:
            band_low, band_high = band_bounds(band)
            if low < band_high and band_low < high:
                chosen.append(band.id)
        return Filed(tuple(chosen))
    phases = {term.id for term in entry.phases or ()}
    if phases:
        return Filed(tuple(band.id for band in bands if band.get("phase") in phases))
    return Filed((), AGES_UNKNOWN)


def need_filing(entry) -> Filed:
    needs = tuple(dict.fromkeys(term.id for term in entry.all_needs))
    # A school is only for its designated needs; a service with none listed is for every need.
    return Filed(needs, None if needs or entry.is_school else OPEN_TO_ALL)


def needs_served(entry, vocabularies) -> list:
    """The need terms an entry is for: every need when it is open to all."""
    filed = need_filing(entry)
    return list(vocabularies["needs"]) if filed.group == OPEN_TO_ALL else list(entry.all_needs)


def filing(entry, vocabularies) -> dict[str, Filed]:
    """{facet: Filed} for one entry."""
    return {
        "category": Filed(tuple(dict.fromkeys(term.id for term in entry.categories or ()))),
        "need": need_filing(entry),
        "age": age_filing(entry, vocabularies["age_bands"]),
        "kind": Filed((entry.kind.id,)),
    }


def filed_under(entry, vocabularies) -> dict[str, tuple]:
    """{facet: every term id the entry is filed under}, groups included: what a filter keeps."""
    return {facet: filed.under(vocabularies[FACETS[facet]]) for facet, filed in filing(entry, vocabularies).items()}
