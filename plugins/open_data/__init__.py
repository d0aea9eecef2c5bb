"""Open data: Open Referral UK 3.0 files, downloads, feeds, sitemap and schema.org data."""

from pelican import signals

from .checks import check  # noqa: F401 - run by make check
from .generator import OpenDataGenerator
from .sitemap import remember_page


def add_generator(pelican):
    return OpenDataGenerator


def register():
    """Publish the directory as open data.

    Adds the generator that writes the Open Referral UK files, downloads,
    Atom feed, Open data page and sitemap, and collects every HTML page as
    it is written so the sitemap can list them once the build has finished.
    """
    signals.get_generators.connect(add_generator)
    signals.content_written.connect(remember_page)
