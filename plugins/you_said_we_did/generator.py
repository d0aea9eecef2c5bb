"""The Pelican generator for the "You said, we did" section."""

from __future__ import annotations

import datetime
import logging
import os
from collections import defaultdict
from pathlib import Path

import build_engine
from pelican.generators import Generator

from local_offer.dates import label, today
from local_offer.yaml_source import ContentErrors

from .feed import FEED_URL, build_feed
from .feedback import SECTION_URL, Link, load_items
from .summary import counts, reviews

logger = logging.getLogger(__name__)


def yearly_reminder(items, now: datetime.date) -> str | None:
    """A reminder when nothing has been published for a year, which regulation 56 asks for."""
    latest = max((item.response_date for item in items), default=None)
    if latest is not None and (now - latest).days <= 366:
        return None
    if latest is None:
        when = "there are no items in content/feedback/ yet"
    else:
        when = f"the latest response is from {label(latest)}"
    return (
        f"You said, we did: {when}. Regulation 56 asks for families' comments and our response "
        "to be published at least once a year; add this year's comments to content/feedback/"
    )


class FeedbackGenerator(Generator):
    def generate_context(self):
        """Load the items and share them, with the panel data, before anything is written.

        Entry and information pages are written by other generators, so the
        items that concern each page must be in the shared context by the
        time any generator writes output.
        """
        catalogue = self.context["catalogue"]
        pages = {page.slug: page for page in self.context.get("pages", []) + self.context.get("hidden_pages", [])}
        known = set(catalogue.by_slug) | set(pages)
        engine = build_engine.of(self.settings)
        # Whether a file could identify someone depends on its bytes, the settings' patterns and the code.
        clean = engine.data_cache("feedback-privacy", engine.code_fingerprint())
        items, errors = load_items(Path(self.path), self.settings, catalogue.vocabularies, known, catalogue.sources, clean)
        if errors:
            for error in errors:
                logger.error("%s", error)
            raise ContentErrors(errors)
        by_url = defaultdict(list)
        for item in items:
            for slug in item.related or []:
                # An entry wins if a page shares its slug: entries are what families look up.
                target = catalogue.by_slug.get(slug) or pages[slug]
                item.links.append(Link(target.title, target.url))
                by_url[target.url].append(item)
        self.context["feedback"] = items
        self.context["feedback_reviews"] = reviews(items, catalogue.vocabularies)
        self.context["feedback_by_url"] = dict(by_url)
        self.context["feedback_feed_url"] = FEED_URL if items else None

    def generate_output(self, writer):
        items = self.context["feedback"]
        reminder = yearly_reminder(items, today())
        if reminder:
            # Advisory: shown in the build log without stopping publication.
            logger.warning("%s", reminder, extra={"advisory": True})
        vocabularies = self.context["vocabularies"]
        by_status = counts(items, "status", vocabularies["feedback_statuses"])
        by_topic = counts(items, "topic", vocabularies["feedback_topics"])

        # Besides the rest of the site, the pages show the names of the entries items are about.
        catalogue = self.context["catalogue"]
        linked = "\n".join(sorted({catalogue.by_slug[s].digest for i in items for s in i.related or [] if s in catalogue.by_slug}))

        def page(url, template, **values):
            return url + "index.html", template, {"url": url, **values}, linked

        pages = [page(SECTION_URL, "you-said-we-did", by_status=by_status, by_topic=by_topic)]
        pages += [page(review.url, "you-said-we-did-year", review=review) for review in self.context["feedback_reviews"]]
        for field, tally in (("topic", by_topic), ("status", by_status)):
            for count in tally:
                chosen = [item for item in items if getattr(item, field) == count.term]
                pages.append(page(count.url, "you-said-we-did-filter", filter_field=field, filter_term=count.term, filtered=chosen))
        build_engine.of(self.settings).write_changed(self, writer, "you-said-we-did", pages)
        if items:
            path = os.path.join(self.output_path, FEED_URL)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                build_feed(items, self.settings).write(handle, "utf-8")
