"""``make check`` for open data: every status can be published as Open Referral UK."""

from __future__ import annotations

from .oruk import status_problems
from .settings import options


def check(content_path, settings: dict, shared: dict):
    """Return (problems, counts) for the catalogue ``local_offer`` loaded."""
    catalogue = shared.get("catalogue")
    return (status_problems(catalogue, options(settings)) if catalogue else []), {}
