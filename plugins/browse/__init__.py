"""Browse pages: the directory by type of help, need, age and kind, without JavaScript."""

from pelican import signals

from .generator import BrowseGenerator


def add_generator(pelican):
    return BrowseGenerator


def register():
    """Add the generator that writes /browse/ and a page for every term of every facet."""
    signals.get_generators.connect(add_generator)
