"""The council the site is for: one file, ``content/council.yaml``.

Everything that makes the site one council's rather than another's (its
name and area, its brand, the SEND team and the other services the
information pages name, where feedback goes, what things are called
locally) is read from that file, validated against ``schema.COUNCIL`` like
any other content. The theme, the plugins and the settings hold no
council's details; a council that forks the site changes this file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG

from . import yaml_source
from .loading import display_path, settings_for
from .schema import COUNCIL
from .validation import validate
from .yaml_source import ContentErrors

logger = logging.getLogger(__name__)

# What the file may leave out, and what is said instead.
SERVICE_NAME = "SEND Local Offer"
LOCAL_NAMES = {"iass": "IASS", "arp": "ARP"}


def with_defaults(data: dict) -> dict:
    """The validated council with every optional name filled in, so templates need no fallbacks."""
    names = {**LOCAL_NAMES, **data.get("local_names", {})}
    names.setdefault("arps", names["arp"] + "s")
    return {
        **data,
        "county": data.get("county", data["area"]),
        "service_name": data.get("service_name", SERVICE_NAME),
        "local_names": names,
    }


def load_council(content_path: Path, settings: dict) -> dict:
    """Read and validate the council file; raise ``ContentErrors`` naming every problem."""
    path = Path(content_path) / settings_for(settings)["COUNCIL"]
    shown = display_path(path, content_path)
    root, errors = yaml_source.read(path, shown)
    if root is None or errors:
        raise ContentErrors(errors)
    data, _, errors = validate(root, COUNCIL, shown, vocabularies={})
    if errors:
        raise ContentErrors(errors)
    return with_defaults(data)


def council_of(settings: dict) -> dict:
    """The council, read once per build and kept in the settings as ``COUNCIL``, where every template sees it."""
    if "COUNCIL" not in settings:
        try:
            settings["COUNCIL"] = load_council(Path(settings["PATH"]), settings)
        except ContentErrors as exc:
            for error in exc.errors:
                logger.error("%s", error)
            raise
    return settings["COUNCIL"]


def use_council(pelican) -> None:
    """Pelican signal handler (initialized): read the council, and name the site after it unless the settings do."""
    council = council_of(pelican.settings)
    if pelican.settings.get("SITENAME") == DEFAULT_CONFIG["SITENAME"]:
        pelican.settings["SITENAME"] = f"{council['area']} {council['service_name']}"
