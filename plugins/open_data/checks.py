"""``make check`` for open data: every status can be published as Open Referral UK,
and the mapping ``make import`` uses is valid."""

from __future__ import annotations

from . import import_mapping
from .oruk import status_problems
from .settings import options


def check(content_path, settings: dict, shared: dict):
    """Return (problems, counts) for the catalogue ``local_offer`` loaded."""
    catalogue = shared.get("catalogue")
    if not catalogue:
        return [], {}
    problems = status_problems(catalogue, options(settings))
    return problems + import_mapping.check(content_path, catalogue.vocabularies), {}
