"""You said, we did: what families told us about the Local Offer and what we did.

Publishes the comments and responses regulation 56 of the SEND Regulations
2014 asks for, refusing any item that could identify a person.
"""

from pelican import signals

from local_offer.sections import first_folder

from .checks import check  # noqa: F401 - run by make check
from .generator import FeedbackGenerator
from .feedback import SECTION_URL


def add_generator(pelican):
    return FeedbackGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {first_folder(SECTION_URL): "\"You said, we did\""}


def register():
    """Publish the "You said, we did" section.

    Adds the generator that validates feedback items (privacy guard included),
    shares them for the panels on entry and information pages, and writes the
    section's pages and its Atom feed.
    """
    signals.get_generators.connect(add_generator)
