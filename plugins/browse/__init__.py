"""Browse pages: the directory by type of help, need, age and kind, without JavaScript."""

from pelican import signals

from local_offer.sections import first_folder

from .generator import BrowseGenerator, options


def add_generator(pelican):
    return BrowseGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {first_folder(options(settings)["BROWSE_URL"]): "the browse pages"}


def register():
    """Add the generator that writes /browse/ and a page for every term of every facet."""
    signals.get_generators.connect(add_generator)
