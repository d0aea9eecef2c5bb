"""Browse pages: the directory by type of help, need, age and kind, without JavaScript."""

from pelican import signals

from local_offer.sections import first_folder

from .generator import DEFAULTS, BrowseGenerator


def add_generator(pelican):
    return BrowseGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    url = {**DEFAULTS, **settings.get("SEARCH", {})}["BROWSE_URL"]
    return {first_folder(url): "the browse pages"}


def register():
    """Add the generator that writes /browse/ and a page for every term of every facet."""
    signals.get_generators.connect(add_generator)
