"""Fingerprints: digests of everything a build's output can depend on.

A reused page or cached value is only as trustworthy as the fingerprint
that guards it, so each takes in everything that can change what the build
writes: the installed packages and the files that pin them, the settings,
the theme, the plugins and the content. When in doubt a fingerprint changes
(a setting it cannot compare makes it change every build), which costs a
slower build and never a stale page.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import importlib.metadata
import json
import logging
import os
import platform
import re
import sys
from pathlib import Path, PurePath

logger = logging.getLogger(__name__)

# The files that pin the project's packages, in the folder of the settings file.
LOCK_FILES = ("requirements.txt", "constraints.txt", "package.json", "package-lock.json")
# What npm installed (its own record of node_modules, versions included).
NPM_INSTALLED = Path("node_modules") / ".package-lock.json"
# Where a build runs and writes, not what it makes: the content is digested
# file by file, and the output's place never shows in a page.
RUN_SETTINGS = frozenset({"PATH", "OUTPUT_PATH", "BUILD_ENGINE"})


def digest(*parts: bytes | str) -> str:
    """A key for ``parts`` together (text is encoded as UTF-8)."""
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        # The length first, so ("ab", "c") and ("a", "bc") differ.
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def digest_files(hashed, root: Path, skip: Path | None = None) -> None:
    skip = os.path.abspath(skip) if skip is not None else None
    for folder, folders, names in os.walk(root):
        # Pruned rather than filtered: skip may hold ten thousand entry files.
        folders[:] = sorted(
            name for name in folders if name != "__pycache__" and os.path.abspath(os.path.join(folder, name)) != skip
        )
        for name in sorted(names):
            path = os.path.join(folder, name)
            hashed.update(os.path.relpath(path, root).encode() + b"\0")
            with open(path, "rb") as file:
                hashed.update(digest(file.read()).encode())


def installed_packages() -> list[str]:
    """``name==version`` of every Python distribution installed where the build imports from."""
    found = {f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()}
    return sorted(found)


def environment(project: Path) -> str:
    """A digest of the software the build runs with: Python, its packages, npm's packages and the lock files."""
    hashed = hashlib.blake2b(digest_size=20)
    hashed.update(f"{sys.version}\0{platform.platform()}\0".encode())
    hashed.update("\n".join(installed_packages()).encode())
    for name in (*LOCK_FILES, NPM_INSTALLED):
        path = project / name
        hashed.update(f"\0{name}\0".encode())
        if path.is_file():
            hashed.update(path.read_bytes())
    return hashed.hexdigest()


class Uncomparable(Exception):
    """A setting whose value cannot be written the same way in every run."""


def canonical(value) -> str:
    """Text that is the same for equal values in every run, or ``Uncomparable``.

    JSON for plain values; the type's name and its parts for others, so that
    two different values never read the same.
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        kind = type(value)
        name = {list: "", tuple: "tuple"}.get(kind) or f"{kind.__module__}.{kind.__qualname__}"
        return f"{name}[{','.join(canonical(item) for item in value)}]"
    if isinstance(value, dict):
        items = sorted((canonical(key), canonical(item)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    if isinstance(value, (set, frozenset)):
        return "set[" + ",".join(sorted(canonical(item) for item in value)) + "]"
    if isinstance(value, re.Pattern):
        return f"re({canonical(value.pattern)},{value.flags})"
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta, decimal.Decimal, PurePath)):
        return repr(value)
    raise Uncomparable(f"{type(value).__module__}.{type(value).__qualname__}")


def settings_digest(settings: dict) -> str:
    """A digest of the settings that shape the output; a new one every run if any cannot be compared."""
    parts = []
    for name in sorted(settings):
        if name in RUN_SETTINGS:
            continue
        try:
            parts.append(f"{name}={canonical(settings[name])}")
        except Uncomparable as exc:
            logger.info(
                "The setting %s holds a value (%s) that cannot be compared between builds, "
                "so nothing from an earlier build is reused",
                name, exc,
            )
            return os.urandom(20).hex()
    return digest("\n".join(parts))


def folder_digest(folder: Path, skip: Path | None = None) -> str:
    """A digest of every file under ``folder`` (but those under ``skip``), names and bytes."""
    hashed = hashlib.blake2b(digest_size=20)
    digest_files(hashed, folder, skip)
    return hashed.hexdigest()
