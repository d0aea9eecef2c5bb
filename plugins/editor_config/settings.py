"""The ``EDITOR`` settings, merged over these defaults."""

from __future__ import annotations

DEFAULTS = {
    # An entry not checked for this long is listed by `make stale` and
    # named in a warning by the build (a warning that does not stop it).
    "REVIEW_AFTER_MONTHS": 12,
    # Where Decap CMS saves: a GitHub repository, through pull requests.
    "BACKEND": {"name": "github", "repo": "example-council/send-local-offer", "branch": "main"},
    # The content folder as a path inside the repository, for Decap.
    "REPOSITORY_CONTENT": "content",
    # The folder under content/services/ that holds each kind of entry.
    "KIND_FOLDERS": {"service": "services", "special_school": "schools", "arp": "arps", "ias": "ias"},
    "MEDIA_FOLDER": "images",
    "DECAP_DIST": "node_modules/decap-cms/dist",
}


def settings_for(settings: dict) -> dict:
    """EDITOR over the defaults; the repository is the council file's unless EDITOR names one."""
    options = {**DEFAULTS, **settings.get("EDITOR", {})}
    repository = settings.get("COUNCIL", {}).get("repository")
    if repository and "BACKEND" not in settings.get("EDITOR", {}):
        options["BACKEND"] = {**options["BACKEND"], "repo": repository}
    return options
