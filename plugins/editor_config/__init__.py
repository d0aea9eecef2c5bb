"""Tools for the council officers who keep the Local Offer up to date.

JSON Schemas for editors' YAML tools, the Decap CMS web editor at /admin/
(which opens a pull request for every change) and review-date warnings,
all generated from the content model in ``local_offer.schema``.
"""

from pelican import signals

from .generator import EditorGenerator


def add_generator(pelican):
    return EditorGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {"admin": "the web editor", "schemas": "the editors' JSON Schemas"}


def register():
    """Publish the editors' tools with the site.

    Adds the generator that writes ``schemas/`` and ``admin/`` and warns,
    without failing the build, about entries overdue for review.
    """
    signals.get_generators.connect(add_generator)
