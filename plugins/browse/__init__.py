"""Browse pages: the directory by type of help, need, age and kind, without JavaScript."""

from pathlib import Path

from pelican import signals

from local_offer.sections import first_folder
from local_offer.yaml_source import SourceError

from .generator import BrowseGenerator, options, setting_problem


def add_generator(pelican):
    return BrowseGenerator


def sections(settings: dict) -> dict:
    """The folders it writes, which no page may take as its address (local_offer.sections)."""
    return {first_folder(options(settings)["BROWSE_URL"]): "the browse pages"}


def check(content_path, settings: dict, shared: dict):
    """Return (problems, counts): a page size that is not a whole number of entries, named in the settings file."""
    problem = setting_problem(options(settings))
    if problem is None:
        return [], {}
    path = Path(shared.get("settings_file", "pelicanconf.py"))
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    line = next((n for n, words in enumerate(text.splitlines(), 1) if "BROWSE_PER_PAGE" in words), 1)
    return [SourceError(str(path), line, "", problem)], {}


def register():
    """Add the generator that writes /browse/ and a page for every term of every facet."""
    signals.get_generators.connect(add_generator)
