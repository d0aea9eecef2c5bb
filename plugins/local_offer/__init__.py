"""Local Offer directory: the content model and the pages built from it."""

from build_engine import keep_compiled_templates
from pelican import signals

from .checks import check  # noqa: F401 - run by make check
from .generator import DirectoryGenerator
from .pages import use_page_reader


def add_generator(pelican):
    return DirectoryGenerator


def register():
    """Publish directory entries and read information pages safely.

    Adds the generator that validates and writes the directory, reads
    every Markdown page with the same renderer and sanitiser as entries,
    and keeps compiled templates for the next build.
    """
    signals.get_generators.connect(add_generator)
    signals.readers_init.connect(use_page_reader)
    signals.generator_init.connect(keep_compiled_templates)
