"""The ways to browse the directory: by type of help, need, age and kind.

Which terms an entry is listed under is decided by one function,
``local_offer.filing``, which search filters and open data use too, so
browse pages list exactly what search filters find. This module says how
each facet is presented: its words, and the heading of each group an entry
can be filed in besides the terms chosen for it (open to all needs, all
ages, ages not known).
"""

from __future__ import annotations

import dataclasses

from local_offer.filing import AGES_UNKNOWN, FACETS as VOCABULARIES, OPEN_TO_ALL


@dataclasses.dataclass(frozen=True)
class Group:
    heading: str
    text: str


@dataclasses.dataclass(frozen=True)
class Facet:
    slug: str
    title: str
    description: str
    topic: bool = False  # whether information pages are filed under its terms
    explanation: str = ""  # shown on the facet's pages: how to read what they list
    groups: tuple = ()  # (group id, Group): how entries filed in a group are introduced

    @property
    def vocabulary(self) -> str:
        return VOCABULARIES[self.slug]

    def group(self, group_id: str) -> Group:
        return dict(self.groups)[group_id]


AGE_MEANING = (
    "Ages run from one birthday up to another: \"aged 11 to 16\" means from a child's 11th birthday until "
    "their 16th birthday. So the age groups follow school phases and do not overlap: a 16-year-old is in "
    "16 to 25. A school known only by its phase is listed under that phase."
)

FACETS = (
    Facet(
        "category", "Type of help",
        "Education, health, social care, short breaks, activities and more.",
        topic=True,
    ),
    Facet(
        "need", "Need",
        "Autism, ADHD, speech and language, learning, hearing, sight, physical and mental health needs.",
        groups=((OPEN_TO_ALL, Group(
            "Open to all children and young people with SEND",
            "These are for any special educational need or disability, so they are listed under every need.",
        )),),
    ),
    Facet(
        "age", "Age",
        "From babies and toddlers to young people up to 25, by school phase.",
        explanation=AGE_MEANING,
        groups=(
            (OPEN_TO_ALL, Group("For all ages, 0 to 25", "These are for children and young people of every age.")),
            (AGES_UNKNOWN, Group(
                "Ages not known",
                "Our sources do not say which ages these are for, so they are listed under every age. "
                "Each one says who to ask.",
            )),
        ),
    ),
    Facet(
        "kind", "Kind of support",
        "Services, special schools, resourced bases in mainstream schools, and advice.",
    ),
)
