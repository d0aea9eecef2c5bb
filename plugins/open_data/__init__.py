"""Open data: Open Referral UK 3.0 files, downloads, feeds, sitemap and schema.org data."""

from pelican import signals

from local_offer.sections import first_folder

from .checks import check  # noqa: F401 - run by make check
from .generator import OpenDataGenerator
from .settings import options
from .sitemap import remember_page


def add_generator(pelican):
    return OpenDataGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    found = options(settings)
    return {
        first_folder(found["OPENREFERRAL_PATH"]): "the Open Referral UK files",
        first_folder(found["DOWNLOADS_PATH"]): "the open data downloads",
        first_folder(found["FEED_PATH"]): "the Atom feed of entries",
    }


def register():
    """Publish the directory as open data.

    Adds the generator that writes the Open Referral UK files, downloads,
    Atom feed, Open data page and sitemap, and collects every HTML page as
    it is written so the sitemap can list them once the build has finished.
    """
    signals.get_generators.connect(add_generator)
    signals.content_written.connect(remember_page)
