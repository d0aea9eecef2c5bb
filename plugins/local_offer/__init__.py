"""Local Offer directory: the content model and the pages built from it."""

from build_engine import keep_compiled_templates
from pelican import signals

from .checks import check  # noqa: F401 - run by make check
from .content_files import copy_only_ordinary_files, refuse_links
from .council import use_council
from .generator import DirectoryGenerator, use_page_reader
from .sections import sections  # noqa: F401 - the folders it writes, for make check and the build


def add_generator(pelican):
    return DirectoryGenerator


def register():
    """Publish directory entries and read information pages safely.

    Refuses a content folder holding links before anything is read, and
    copies no static file through one. Reads the council file (templates and
    plugins find it in the settings as ``COUNCIL``), adds the generator that
    validates and writes the directory, reads every Markdown page with the
    same renderer and sanitiser as entries, and keeps compiled templates
    (build_engine) for the next build.
    """
    signals.initialized.connect(refuse_links)
    signals.initialized.connect(use_council)
    signals.static_generator_finalized.connect(copy_only_ordinary_files)
    signals.get_generators.connect(add_generator)
    signals.readers_init.connect(use_page_reader)
    signals.generator_init.connect(keep_compiled_templates)
