"""Keep what a build worked out from each input, for the next build to reuse.

Reading and validating ten thousand entry files, or turning each into search
terms, gives the same answer for the same bytes. A ``DataCache`` keeps those
answers between builds, keyed by a digest of the input, so a rebuild after
one entry changed works out one entry again. Everything else a result
depends on (the code, the vocabularies, the settings) goes into the cache's
fingerprint: when that changes, the whole cache is ignored.

``tools/build.py`` says where caches live (``settings["BUILD_CACHE"]["data"]``);
without it (a plain ``pelican`` run) nothing is kept. A cache holds only
what the latest build used, so it never grows with deleted files.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from . import parallel

logger = logging.getLogger(__name__)

MISSING = object()


def cache_folder(settings: dict) -> Path | None:
    folder = (settings.get("BUILD_CACHE") or {}).get("data")
    return Path(folder) if folder else None


def keep_compiled_templates(generator) -> None:
    """Pelican signal handler (generator_init): keep compiled templates between builds.

    Pelican gives each generator a Jinja environment of its own, and each
    compiles every template it uses; Jinja's bytecode cache (checked against
    each template's source) lets a rebuild skip that.
    """
    folder = cache_folder(generator.settings)
    if folder is not None:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder / "templates"))


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
    """Add every file under ``root`` (but those under ``skip``), names and bytes, to ``hashed``."""
    skip = os.path.abspath(skip) if skip is not None else None
    for folder, folders, names in os.walk(root):
        # Pruned rather than filtered: skip may hold ten thousand entry files.
        folders[:] = sorted(
            name for name in folders if name != "__pycache__" and os.path.abspath(os.path.join(folder, name)) != skip
        )
        for name in sorted(names):
            path = os.path.join(folder, name)
            hashed.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as file:
                hashed.update(file.read())


def code_fingerprint(*extra: bytes | str) -> str:
    """A fingerprint of this package's code and ``extra``, for caches of what it computes."""
    hashed = hashlib.blake2b(digest_size=20)
    digest_files(hashed, Path(__file__).parent)
    hashed.update(digest(*extra).encode())
    return hashed.hexdigest()


class DataCache:
    def __init__(self, settings: dict, name: str, fingerprint: str):
        folder = cache_folder(settings)
        self.path = folder / f"{name}.pickle" if folder else None
        self.fingerprint = fingerprint
        self.known: dict = {}
        self.used: dict = {}
        if self.path is not None and self.path.is_file():
            try:
                with self.path.open("rb") as file:
                    stored = pickle.load(file)
            except Exception as exc:  # noqa: BLE001 - a damaged cache only costs time
                logger.info("Ignoring the build cache %s: %s", self.path, exc)
            else:
                if stored.get("fingerprint") == fingerprint:
                    self.known = stored["items"]

    def get(self, key: str):
        """The value kept for ``key``, or ``MISSING``."""
        value = self.known.get(key, MISSING)
        if value is not MISSING:
            self.used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self.used[key] = value

    def save(self) -> None:
        """Write what this build used, in a worker process: pickling thousands of records takes a while."""
        if self.path is None or self.used.keys() == self.known.keys():
            return
        parallel.in_background(self._write)

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        with partial.open("wb") as file:
            pickle.dump({"fingerprint": self.fingerprint, "items": self.used}, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
