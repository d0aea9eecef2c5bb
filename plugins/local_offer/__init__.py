"""Local Offer directory: the content model and the pages built from it."""

from pelican import signals

from .checks import check  # noqa: F401 - run by make check
from .generator import DirectoryGenerator
from .pages import sanitise_content


def add_generator(pelican):
    return DirectoryGenerator


def register():
    """Publish directory entries and keep information pages safe.

    Adds the generator that validates and writes the directory, and sanitises
    the HTML of every information page as Pelican creates it.
    """
    signals.get_generators.connect(add_generator)
    signals.content_object_init.connect(sanitise_content)
