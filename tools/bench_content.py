"""Write synthetic content at county scale for the benchmark: ``make bench-content``.

N directory entries of all four kinds, with proportionate information pages
and feedback items, into a scratch content folder that passes ``make check``.
The same seed always writes the same files, so every benchmark run measures
the same content. Descriptions are drawn from ``bench/words.txt`` (words of
the St Helens seed documents, weighted by how often they occur), so the
search index sees a realistic spread of common and rare words.

    python -m tools.bench_content [--n 10000] [--seed 1] [--out bench/work/content-10000]
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

from local_offer.vocabularies import load as load_vocabularies

from . import ROOT

WORDS_FILE = ROOT / "bench" / "words.txt"
# Left in the folder so that a second run may replace it, and nothing else is ever deleted.
MARKER = ".bench-content"
# Fixed, not today's date: the same seed must give the same files on any day.
CHECKED_BY = datetime.date(2026, 11, 20)
# Every synthetic fact comes from one made-up check, dated CHECKED_BY.
SOURCE_ID = "bench-directory-check"
SOURCES_YAML = f"""\
{SOURCE_ID}:
  title: Synthetic check of every directory entry
  publisher: Benchmark generator
  kind: survey
  date: {CHECKED_BY.isoformat()}
  about: A made-up source for benchmark content, never published.
"""

# Share of entries of each kind in a county directory: mostly services, with a
# special school, resourced base or advice service among every few dozen.
KIND_SHARES = {"service": 0.88, "special_school": 0.04, "arp": 0.05, "ias": 0.03}
KIND_FOLDERS = {"service": "services", "special_school": "schools", "arp": "arps", "ias": "ias"}

# Town, postcode districts, latitude, longitude: Merseyside, Cheshire and Lancashire.
TOWNS = (
    ("St Helens", ("WA9", "WA10"), 53.4534, -2.7370),
    ("Newton-le-Willows", ("WA12",), 53.4530, -2.6330),
    ("Haydock", ("WA11",), 53.4670, -2.6830),
    ("Rainford", ("WA11",), 53.5010, -2.7890),
    ("Prescot", ("L34", "L35"), 53.4290, -2.8040),
    ("Huyton", ("L36",), 53.4110, -2.8390),
    ("Kirkby", ("L32", "L33"), 53.4820, -2.8920),
    ("Bootle", ("L20",), 53.4460, -2.9890),
    ("Liverpool", ("L1", "L4", "L8", "L15", "L18"), 53.4080, -2.9790),
    ("Birkenhead", ("CH41", "CH42", "CH43"), 53.3930, -3.0140),
    ("Wallasey", ("CH44", "CH45"), 53.4230, -3.0650),
    ("Southport", ("PR8", "PR9"), 53.6450, -3.0100),
    ("Ormskirk", ("L39",), 53.5670, -2.8850),
    ("Skelmersdale", ("WN8",), 53.5500, -2.7760),
    ("Widnes", ("WA8",), 53.3620, -2.7340),
    ("Runcorn", ("WA7",), 53.3420, -2.7290),
    ("Warrington", ("WA1", "WA2", "WA4", "WA5"), 53.3900, -2.5970),
    ("Wigan", ("WN1", "WN3", "WN5", "WN6"), 53.5450, -2.6320),
    ("Leigh", ("WN7",), 53.4970, -2.5150),
    ("Chorley", ("PR6", "PR7"), 53.6530, -2.6320),
    ("Leyland", ("PR25", "PR26"), 53.6970, -2.6880),
    ("Preston", ("PR1", "PR2"), 53.7630, -2.7030),
    ("Chester", ("CH1", "CH2", "CH3"), 53.1930, -2.8930),
    ("Ellesmere Port", ("CH65", "CH66"), 53.2790, -2.9010),
    ("Northwich", ("CW8", "CW9"), 53.2590, -2.5180),
    ("Crewe", ("CW1", "CW2"), 53.0990, -2.4400),
)
STREETS = (
    "Church Street",
    "Victoria Road",
    "Park Lane",
    "Station Road",
    "Market Street",
    "Mill Lane",
    "School Lane",
    "Chapel Street",
    "Green Lane",
    "Queens Road",
    "Albert Road",
    "Moss Lane",
    "Hall Street",
    "Bridge Street",
    "Westfield Street",
    "Duke Street",
    "King Street",
    "Birch Avenue",
)
VENUES = (
    "Family Hub",
    "Community Centre",
    "Library",
    "Leisure Centre",
    "Children's Centre",
    "Youth Centre",
    "Health Centre",
    "Town Hall",
    "Sports Centre",
    "Methodist Church Hall",
    "Park Pavilion",
    "Adventure Playground",
)
# Inward codes never use C, I, K, M, O or V.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# What a service is: name, categories, needs (empty: all needs), ages, how to get it, other words.
SERVICES = (
    (
        "Sensory play sessions",
        ("childcare-early-years", "leisure"),
        ("sensory-and-physical", "asd"),
        (0, 5),
        ("drop-in",),
        ("sensory room", "messy play"),
    ),
    (
        "Autism parent support group",
        ("information-advice", "social-care"),
        ("asd",),
        (0, 18),
        ("self-referral",),
        ("autism", "parents group"),
    ),
    (
        "Speech and language drop-in",
        ("health", "childcare-early-years"),
        ("slcn",),
        (0, 7),
        ("drop-in",),
        ("speech therapy", "talking"),
    ),
    ("Short breaks club", ("short-breaks", "leisure"), (), (5, 18), ("assessment",), ("respite", "after school club")),
    ("Inclusive youth club", ("leisure",), (), (11, 19), ("self-referral",), ("youth club", "friends")),
    (
        "Holiday play scheme",
        ("short-breaks", "leisure"),
        (),
        (5, 16),
        ("self-referral", "professional-referral"),
        ("holiday club", "summer"),
    ),
    ("Children's physiotherapy", ("health",), ("pd",), (0, 18), ("professional-referral",), ("physio", "mobility")),
    (
        "Children's occupational therapy",
        ("health",),
        ("pd", "sensory-and-physical"),
        (0, 18),
        ("professional-referral",),
        ("OT", "sensory"),
    ),
    (
        "Dyslexia support service",
        ("education",),
        ("spld",),
        (5, 16),
        ("professional-referral",),
        ("dyslexia", "reading"),
    ),
    (
        "ADHD parent workshops",
        ("information-advice", "health"),
        ("adhd",),
        (4, 18),
        ("self-referral",),
        ("ADHD", "behaviour"),
    ),
    (
        "Emotional wellbeing service",
        ("health",),
        ("semh",),
        (5, 18),
        ("self-referral", "professional-referral"),
        ("mental health", "anxiety"),
    ),
    (
        "Portage home visiting",
        ("childcare-early-years", "education"),
        ("cognition-and-learning",),
        (0, 5),
        ("professional-referral",),
        ("portage", "home learning"),
    ),
    (
        "Hearing support team",
        ("education", "health"),
        ("hi",),
        (0, 25),
        ("professional-referral",),
        ("deaf", "hearing aids"),
    ),
    ("Vision support team", ("education", "health"), ("vi",), (0, 25), ("professional-referral",), ("blind", "sight")),
    (
        "Supported internship programme",
        ("employment", "post-16", "preparing-for-adulthood"),
        ("mld", "sld"),
        (16, 25),
        ("ehc-plan",),
        ("internship", "job coach"),
    ),
    (
        "College transition support",
        ("post-16", "preparing-for-adulthood"),
        (),
        (14, 25),
        ("self-referral",),
        ("college", "moving on"),
    ),
    (
        "Independent travel training",
        ("travel", "preparing-for-adulthood"),
        ("mld", "asd"),
        (11, 25),
        ("professional-referral",),
        ("bus", "travel training"),
    ),
    ("Sleep support service", ("health", "social-care"), (), (0, 18), ("professional-referral",), ("sleep", "bedtime")),
    ("Wheelchair service", ("health",), ("pd",), (0, 25), ("professional-referral",), ("wheelchair", "mobility")),
    ("Inclusive swimming sessions", ("leisure",), (), (4, 25), ("drop-in",), ("swimming", "pool")),
    ("Stay and play group", ("childcare-early-years", "leisure"), (), (0, 5), ("drop-in",), ("toddler group", "play")),
    ("Young carers project", ("social-care",), (), (8, 18), ("self-referral",), ("young carers", "carer")),
    (
        "Disabled children's social work team",
        ("social-care",),
        (),
        (0, 18),
        ("professional-referral", "assessment"),
        ("social worker", "carers assessment"),
    ),
    (
        "Learning disability nursing team",
        ("health",),
        ("sld", "pmld"),
        (0, 25),
        ("professional-referral",),
        ("nurse", "learning disability"),
    ),
    (
        "Specialist teaching outreach",
        ("education",),
        ("cognition-and-learning", "communication-and-interaction"),
        (4, 16),
        ("professional-referral",),
        ("outreach", "SENCO"),
    ),
    ("Inclusive football sessions", ("leisure",), (), (6, 18), ("drop-in",), ("football", "sport")),
    (
        "Parent carer wellbeing café",
        ("information-advice", "social-care"),
        (),
        (0, 25),
        ("drop-in",),
        ("coffee morning", "carers"),
    ),
    ("Stammering support", ("health",), ("slcn",), (3, 18), ("self-referral",), ("stammer", "stutter")),
    (
        "Behaviour support service",
        ("education",),
        ("semh", "adhd"),
        (4, 16),
        ("professional-referral",),
        ("behaviour", "exclusion"),
    ),
    (
        "Supported employment service",
        ("employment", "preparing-for-adulthood"),
        (),
        (16, 25),
        ("self-referral",),
        ("jobs", "work"),
    ),
)
IAS_SERVICES = (
    ("Parent carer forum", ("parent voice", "co-production")),
    ("Independent mediation service", ("mediation", "disagreement")),
    ("Advocacy service for young people", ("advocacy", "young people")),
    ("Disability benefits advice line", ("benefits", "DLA")),
    ("Independent support for EHC plans", ("EHC plan", "independent support")),
)
SCHOOL_STEMS = (
    "Oak",
    "Willow",
    "Beech",
    "Hawthorn",
    "Rowan",
    "Ash",
    "Elm",
    "Cedar",
    "Hazel",
    "Birch",
    "Meadow",
    "Brook",
    "Lark",
    "Heather",
    "Moss",
    "Heath",
    "Fern",
    "Holly",
    "Maple",
    "Thorn",
)
SCHOOL_ENDINGS = ("field", "wood", "side", "lands", "view", "bank", "brook", "hill", "dale", "gate")
# Phase, youngest and oldest age of pupils in it.
PHASES = {"early-years": (2, 4), "primary": (4, 11), "secondary": (11, 16), "post-16": (16, 19)}
SCHOOL_NEEDS = (
    ("mld", "sld", "pmld"),
    ("asd", "slcn"),
    ("semh", "adhd"),
    ("hi", "vi", "msi", "pd"),
    ("asd", "mld"),
    ("sld", "pmld"),
)
SCHEDULE_NOTES = ("Term time only", "School holidays only", "Booking needed", "Except bank holidays", None, None)
SECTIONS = ("What it offers", "Who it is for", "What it costs", "How to get it", "What to expect", "Who to contact")

ITEMS_PER_PAGE = 50  # one information page and one feedback item for every 50 entries
REAL_DATA = ("vocabularies.yaml", "synonyms.yaml")


class Writer:
    """Draws one synthetic content folder from a seeded random generator."""

    def __init__(self, seed: int, vocabularies: dict):
        self.rng = random.Random(seed)
        words, counts = [], []
        for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, count = line.split()
                words.append(word)
                counts.append(int(count))
        self.words = words
        self.cumulative = list(itertools.accumulate(counts))
        self.needs = vocabularies["needs"]
        self.categories = vocabularies["categories"]
        self.used_slugs: set[str] = set()

    # Text -------------------------------------------------------------

    def sentence(self, low=8, high=20) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(low, high))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def paragraph(self, sentences=None) -> str:
        return " ".join(self.sentence() for _ in range(sentences or self.rng.randint(2, 5)))

    def markdown(self, opening: str, words: int) -> str:
        """An opening sentence, then headed sections of drawn text, stopping once about ``words`` long.

        It stops at the first sentence that reaches ``words``, so it runs over by at most one sentence.
        """
        parts, count = [opening], sum(1 for word in opening.split() if not word.isdigit())
        sections = iter(self.rng.sample(SECTIONS, len(SECTIONS)))
        while count < words:
            heading = next(sections, None)
            if heading:
                parts.append(f"## {heading}")
                count += len(heading.split())
            bullets = self.rng.random() < 0.25
            block = []
            for _ in range(self.rng.randint(3, 5) if bullets else self.rng.randint(2, 5)):
                sentence = self.sentence(4, 10) if bullets else self.sentence()
                block.append(sentence)
                count += len(sentence.split())
                if count >= words:
                    break
            parts.append("\n".join(f"- {s}" for s in block) if bullets else " ".join(block))
        return "\n\n".join(parts)

    def slug(self, name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_name.replace("'", "")).strip("-")
        slug, number = base, 2
        while slug in self.used_slugs:
            slug, number = f"{base}-{number}", number + 1
        self.used_slugs.add(slug)
        return slug

    # Parts of an entry --------------------------------------------------

    def town(self):
        return self.rng.choice(TOWNS)

    def location(self, town, name=None) -> dict:
        city, districts, lat, lon = town
        location = {}
        if name:
            location["name"] = name
        location["address_1"] = f"{self.rng.randint(1, 240)} {self.rng.choice(STREETS)}"
        location["city"] = city
        inward = "".join(self.rng.choices(INWARD_LETTERS, k=2))
        location["postal_code"] = f"{self.rng.choice(districts)} {self.rng.randint(1, 9)}{inward}"
        if self.rng.random() < 0.7:
            location["latitude"] = f"{lat + self.rng.uniform(-0.03, 0.03):.4f}"
            location["longitude"] = f"{lon + self.rng.uniform(-0.03, 0.03):.4f}"
        if self.rng.random() < 0.4:
            location["accessibility"] = "Step-free access, an accessible toilet and a quiet room."
        return location

    def phones(self) -> list:
        # Ofcom's ranges kept for drama, so no real person's number is ever written.
        def number():
            return self.rng.choice(
                (
                    f"0151 496 0{self.rng.randint(0, 999):03d}",
                    f"0161 496 0{self.rng.randint(0, 999):03d}",
                    f"01632 960{self.rng.randint(0, 999):03d}",
                    f"07700 900{self.rng.randint(0, 999):03d}",
                )
            )

        phones = [{"number": number(), "description": "Main number"}]
        if self.rng.random() < 0.2:
            phones.append({"number": number(), "description": "Text only"})
        return phones

    def schedules(self) -> list:
        days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        schedules = []
        for _ in range(self.rng.randint(1, 2)):
            picked = sorted(self.rng.sample(range(7), self.rng.randint(1, 5)))
            opens = self.rng.randint(8, 15)
            schedule = {
                "days": [days[d] for d in picked],
                "opens_at": f"{opens:02d}:{self.rng.choice(('00', '30'))}",
                "closes_at": f"{opens + self.rng.randint(1, 6):02d}:00",
            }
            note = self.rng.choice(SCHEDULE_NOTES)
            if note:
                schedule["description"] = note
            schedules.append(schedule)
        return schedules

    def needs_label(self, needs) -> str:
        if not needs:
            return "special educational needs and disabilities (SEND)"
        # "autism (ASD)", not "autism (asd)" or "Autism (ASD)" mid-sentence.
        labels = [
            label if label[:2].isupper() else label[0].lower() + label[1:] for label in (self.needs[n] for n in needs)
        ]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]

    def assured(self) -> str:
        # Never later than the one source every entry cites.
        return (CHECKED_BY - datetime.timedelta(days=self.rng.randint(0, 300))).isoformat()

    # Entries ------------------------------------------------------------

    def common(self, entry: dict, opening: str, slug: str) -> dict:
        # Up to 380, as the text may run one sentence (20 words) over.
        entry["description"] = self.markdown(opening, self.rng.randint(150, 380))
        if self.rng.random() < 0.5:
            entry["url"] = f"https://www.example.org.uk/{slug}/"
        if self.rng.random() < 0.5:
            entry["email"] = f"{slug[:30].strip('-')}@example.org.uk"
        if self.rng.random() < 0.85:
            entry["phones"] = self.phones()
        if not any(key in entry for key in ("url", "email", "phones")):
            # The first advice service always has a phone (see ias).
            entry["ask"] = "iass"
        return entry

    def service(self) -> tuple[str, dict]:
        name, categories, needs, ages, routes, keywords = self.rng.choice(SERVICES)
        town = self.town()
        venue = self.rng.choice(VENUES)
        title = f"{name} at {town[0]} {venue}"
        slug = self.slug(title)
        lo, hi = ages
        lo = min(hi - 1, lo + self.rng.randint(0, 2))
        needs = list(needs)
        if self.rng.random() < 0.3:
            needs = []
        elif self.rng.random() < 0.4:
            extra = self.rng.choice(list(self.needs))
            needs += [extra] if extra not in needs else []
        who = self.needs_label(needs)
        entry = {
            "kind": "service",
            "name": title,
            "summary": f"{name} for children and young people aged {lo} to {hi} with {who} in {town[0]}."[:200],
        }
        opening = f"{name} in {town[0]} for children and young people aged {lo} to {hi} with {who}, and their families."
        self.common(entry, opening, slug)
        entry["organization"] = self.rng.choice(
            (f"{town[0]} Council", "NHS community health services", f"{town[0]} Family Hubs", "A local charity")
        )
        roll = self.rng.random()
        if roll < 0.02:
            entry["status"] = "temporarily_closed"
            entry["alert"] = "Closed while the building is repaired. Sessions start again next term."
        elif roll < 0.03:
            entry["status"] = "inactive"
            entry["alert"] = "This service has stopped. Ask your Family Hub about other help nearby."
        if self.rng.random() < 0.8:
            entry["minimum_age"], entry["maximum_age"] = str(lo), str(hi)
        else:
            entry["ages"] = "not-known"
        entry["categories"] = list(categories)
        if needs:
            entry["needs"] = needs
        cost = self.rng.random()
        if cost < 0.65:
            entry["free"] = "true"
        elif cost < 0.85:
            entry["free"] = "false"
            entry["fees"] = "There is a charge for each session. Ask about help with costs."
            entry["cost_options"] = [{"option": "Per session", "amount": f"{self.rng.choice((2, 3, 4, 5, 7, 10))}.50"}]
        entry["eligibility_description"] = (
            f"Children and young people aged {lo} to {hi} with {who} who live in or near {town[0]}."
        )
        entry["access_routes"] = list(routes)
        entry["application_process"] = self.paragraph(2)
        if self.rng.random() < 0.9:
            entry["locations"] = [self.location(town, f"{town[0]} {venue}")]
        if self.rng.random() < 0.6:
            entry["schedules"] = self.schedules()
        entry["keywords"] = list(keywords)
        entry["sources"] = [SOURCE_ID]
        entry["assured_date"] = self.assured()
        return slug, entry

    def school(self, kind: str) -> tuple[str, dict]:
        town = self.town()
        stem = self.rng.choice(SCHOOL_STEMS) + self.rng.choice(SCHOOL_ENDINGS)
        needs = list(self.rng.choice(SCHOOL_NEEDS))
        if kind == "arp":
            phases = [self.rng.choice(("primary", "secondary"))]
            needs = needs[: self.rng.randint(1, 2)]
            school = f"{stem} {'Primary' if phases == ['primary'] else 'High'} School"
            title = f"{school}, {town[0]}, additionally resourced provision"
            summary = f"A specialist base in a mainstream {phases[0]} school for pupils with {self.needs_label(needs)} who have an EHC plan."
            places = self.rng.randint(8, 20)
        else:
            start = self.rng.choice(("early-years", "primary", "secondary"))
            order = list(PHASES)
            phases = order[order.index(start) : order.index(start) + self.rng.randint(2, 3)]
            school = title = f"{stem} School, {town[0]}"
            summary = (
                f"A special school for children and young people with {self.needs_label(needs)} who have an EHC plan."
            )
            places = self.rng.randint(60, 220)
        slug = self.slug(title)
        lo, hi = PHASES[phases[0]][0], PHASES[phases[-1]][1]
        entry = {"kind": kind, "name": title, "summary": summary[:200]}
        opening = f"{title} is for pupils aged {lo} to {hi} with {self.needs_label(needs)}."
        self.common(entry, opening, slug)
        entry["organization"] = school
        entry["minimum_age"], entry["maximum_age"] = str(lo), str(hi)
        entry["categories"] = ["education"] + (["post-16"] if "post-16" in phases else [])
        entry["designated_needs"] = needs
        entry["phases"] = phases
        entry["places"] = str(places)
        entry["admissions"] = {
            "ehc_plan_required": "true",
            "admitting_authority": f"{town[0]} Council",
            "details": self.paragraph(3),
        }
        entry["free"] = "true"
        entry["eligibility_description"] = (
            f"Children and young people with an EHC plan whose main needs are {self.needs_label(needs)}."
        )
        entry["access_routes"] = ["ehc-plan"]
        entry["application_process"] = self.paragraph(2)
        entry["locations"] = [self.location(town, school)]
        entry["keywords"] = ["special school" if kind == "special_school" else "resourced base", "EHC plan"]
        entry["sources"] = [SOURCE_ID]
        entry["assured_date"] = self.assured()
        return slug, entry

    def ias(self, number: int) -> tuple[str, dict]:
        town = self.town()
        if number == 0:
            # Search offers the service with this slug when nothing is found.
            name, keywords = "Information, Advice and Support Service (IASS)", ("SENDIASS", "advice")
            title, slug = name, "iass"
            self.used_slugs.add(slug)
        else:
            name, keywords = self.rng.choice(IAS_SERVICES)
            title = f"{town[0]} {name[0].lower()}{name[1:]}"
            slug = self.slug(title)
        entry = {
            "kind": "ias",
            "name": title,
            "summary": f"Free, impartial help for families of children and young people with SEND in and around {town[0]}.",
        }
        opening = f"{title} gives free, impartial information, advice and support to families in {town[0]}."
        self.common(entry, opening, slug)
        if number == 0:
            # Entries without a contact of their own name this one to ask.
            entry.pop("ask", None)
            entry.setdefault("phones", self.phones())
        entry["organization"] = "An independent charity"
        entry["minimum_age"], entry["maximum_age"] = "0", "25"
        entry["categories"] = self.rng.choice((["information-advice"], ["information-advice", "disagreements"]))
        entry["free"] = "true"
        entry["access_routes"] = ["self-referral"]
        entry["application_process"] = self.paragraph(2)
        entry["locations"] = [self.location(town)]
        entry["keywords"] = list(keywords)
        entry["sources"] = [SOURCE_ID]
        entry["assured_date"] = self.assured()
        return slug, entry

    def entries(self, n: int):
        """(kind, slug, fields) for n entries; the first three make sure every kind is there."""
        kinds = ["ias", "special_school", "arp"][:n]
        kinds += self.rng.choices(list(KIND_SHARES), weights=list(KIND_SHARES.values()), k=n - len(kinds))
        advice_services = 0
        for kind in kinds:
            if kind == "service":
                slug, entry = self.service()
            elif kind == "ias":
                slug, entry = self.ias(advice_services)
                advice_services += 1
            else:
                slug, entry = self.school(kind)
            yield kind, slug, entry

    # Pages and feedback -------------------------------------------------

    def glossary(self, abbreviations) -> str:
        """A glossary page like the real one, so abbreviations are linked on every page."""
        terms = "\n\n".join(f"### {term}\n\n{self.paragraph(2)}" for term in abbreviations)
        return (
            "Title: Glossary of words and abbreviations\nSlug: glossary\n"
            "Summary: Plain-English meanings of the words and abbreviations you may hear about SEND.\n"
            f"Topics: information-advice\nOrder: 0\nSources: {SOURCE_ID}\nModified: {CHECKED_BY.isoformat()}\n\n"
            f"{self.paragraph()}\n\n{terms}\n"
        )

    def page(self, number: int, slugs: list) -> tuple[str, str]:
        category = self.rng.choice(list(self.categories))
        town = self.town()[0]
        title = f"{self.categories[category]} in {town}: a guide for families"
        slug = self.slug(title)
        related = ", ".join(self.rng.sample(slugs, min(len(slugs), self.rng.randint(2, 5))))
        header = (
            f"Title: {title}\nSlug: {slug}\n"
            f"Summary: What {self.categories[category].lower()} families in {town} can get, and how to ask for it.\n"
            f"Related: {related}\nTopics: {category}\nOrder: {number + 1}\n"
            f"Sources: {SOURCE_ID}\nModified: {CHECKED_BY.isoformat()}\n\n"
        )
        return slug, header + self.markdown(self.paragraph(), self.rng.randint(300, 900)) + "\n"

    def feedback(self, number: int, slugs: list) -> tuple[str, dict]:
        year, month = self.rng.randint(2023, 2026), self.rng.randint(1, 8)
        words = [w for w in self.rng.sample(self.words[100:1000], 3) if w.isalpha()] or ["comments"]
        stem = f"{year}-{month:02d}-{'-'.join(words)}-{number + 1}"
        status = self.rng.choice(("we-did", "we-are-doing", "we-will", "we-cant"))
        # No digits anywhere: the privacy guard would take them for a phone number or postcode.
        item = {
            "received": f"{year}-{month:02d}",
            "source": self.rng.choice(
                ("survey", "parent-carer-forum", "young-peoples-event", "website-feedback", "complaints-compliments")
            ),
            "topic": self.rng.choice(("provision", "accessibility", "development")),
            "categories": [self.rng.choice(list(self.categories))],
            "needs": self.rng.sample(list(self.needs), self.rng.randint(0, 2)),
            "you_said": self.paragraph(),
            "response": self.paragraph(),
            "status": status,
        }
        if status == "we-cant":
            item["reason"] = self.paragraph(2)
        # Never later than the source that records it.
        responded = datetime.date(year, month + self.rng.randint(1, 4), self.rng.randint(1, 28))
        item["response_date"] = min(responded, CHECKED_BY).isoformat()
        item["related"] = self.rng.sample(slugs, min(len(slugs), self.rng.randint(0, 2)))
        item["sources"] = [SOURCE_ID]
        return stem, {k: v for k, v in item.items() if v}


# YAML ------------------------------------------------------------------------

PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.'()/&-]*")


def scalar(text: str) -> str:
    return text if PLAIN.fullmatch(text) and not text.endswith(" ") else json.dumps(text, ensure_ascii=False)


def to_yaml(data: dict, indent: str = "") -> str:
    """YAML as an editor writes it: block text for Markdown, lists of terms on one line."""
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(to_yaml(value, indent + "  "))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{indent}{key}:")
            for item in value:
                body = to_yaml(item, indent + "    ")
                lines.append(f"{indent}  - " + body[len(indent) + 4 :])
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{', '.join(scalar(v) for v in value)}]")
        elif "\n" in value or len(value) > 200:
            block = "\n".join(f"{indent}  {line}" if line else "" for line in value.splitlines())
            lines.append(f"{indent}{key}: |\n{block}")
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return "\n".join(lines)


def load_labels(data_folder: Path) -> dict:
    """Term ids and labels of the vocabularies the generator draws from."""
    path = data_folder / "vocabularies.yaml"
    vocabularies = load_vocabularies(path, shown=str(path))
    return {name: {t.id: t.label for t in vocabularies[name]} for name in ("needs", "categories")}


def prepare(out: Path) -> None:
    """Empty ``out`` for a fresh set, refusing any folder this tool did not write."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not written by bench_content; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def write(n: int, seed: int, out: Path, source: Path) -> dict:
    """Write the synthetic content folder; return how many of each thing it holds."""
    prepare(out)
    (out / MARKER).write_text(json.dumps({"n": n, "seed": seed}) + "\n", encoding="utf-8")
    (out / "data").mkdir()
    for name in REAL_DATA:
        if (source / "data" / name).exists():
            shutil.copyfile(source / "data" / name, out / "data" / name)
    # The council the synthetic directory belongs to: the real one's.
    shutil.copyfile(source / "council.yaml", out / "council.yaml")
    (out / "data" / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    labels = load_labels(out / "data")
    writer = Writer(seed, labels)

    counts = dict.fromkeys(KIND_SHARES, 0)
    entry_slugs = []
    for kind, slug, entry in writer.entries(n):
        folder = out / "services" / KIND_FOLDERS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.yaml").write_text(to_yaml(entry) + "\n", encoding="utf-8")
        counts[kind] += 1
        entry_slugs.append(slug)

    pages = out / "pages"
    pages.mkdir()
    abbreviations = [label for label in labels["needs"].values() if label.endswith(")")]
    (pages / "glossary.md").write_text(writer.glossary(abbreviations), encoding="utf-8")
    page_count = max(2, n // ITEMS_PER_PAGE)
    slugs = list(entry_slugs)
    for number in range(page_count - 1):
        slug, text = writer.page(number, entry_slugs)
        (pages / f"{slug}.md").write_text(text, encoding="utf-8")
        slugs.append(slug)

    feedback = out / "feedback"
    feedback.mkdir()
    feedback_count = max(2, n // ITEMS_PER_PAGE)
    for number in range(feedback_count):
        stem, item = writer.feedback(number, slugs)
        (feedback / f"{stem}.yaml").write_text(to_yaml(item) + "\n", encoding="utf-8")
    return {**counts, "pages": page_count, "feedback": feedback_count}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000, help="number of directory entries (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="content folder to write (default bench/work/content-N)")
    parser.add_argument("--source", default=str(ROOT / "content"), help="real content folder whose data/ is copied")
    args = parser.parse_args(argv)
    if args.n < 3:
        parser.error("--n must be at least 3, one entry of each kind that needs one")
    out = Path(args.out or ROOT / "bench" / "work" / f"content-{args.n}")
    counts = write(args.n, args.seed, out, Path(args.source))
    print(f"Wrote {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
