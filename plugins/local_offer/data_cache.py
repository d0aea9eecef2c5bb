"""Keep what a build worked out from each input, for the next build to reuse.

Reading and validating ten thousand entry files, or turning each into search
terms, gives the same answer for the same bytes. A ``DataCache`` keeps those
answers between builds, keyed by a digest of the input, so a rebuild after
one entry changed works out one entry again. Everything else a result
depends on (the code, the vocabularies, the settings) goes into the cache's
fingerprint: when that changes, the whole cache is ignored.

``tools/build.py`` says where caches live (``settings["BUILD_CACHE"]["data"]``);
without it (a plain ``pelican`` run) nothing is kept. A cache is rewritten
with only what the latest build used once most of it is out of date, so it
does not grow without end as files change or go.
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
    """Values worked out from inputs, by a key made from each input, kept between builds.

    The file is a header (the fingerprint) followed by frames of items. A
    rebuild that worked out a few new values appends them as one small
    frame, so it need not write ten thousand values again; when more than
    half of what the file holds is no longer used, the whole file is
    rewritten, in a worker process, with only what this build used.

    Values of a ``kind`` (a NamedTuple class) are kept as plain tuples,
    which pickle reads back several times faster.
    """

    def __init__(self, settings: dict, name: str, fingerprint: str, kind=None):
        self.kind = kind
        folder = cache_folder(settings)
        self.path = folder / f"{name}.pickle" if folder else None
        self.fingerprint = fingerprint
        self.stored: dict = {}
        self.used: dict = {}
        if self.path is not None and self.path.is_file():
            self._read()

    def _read(self) -> None:
        try:
            with self.path.open("rb") as file:
                if pickle.load(file).get("fingerprint") != self.fingerprint:
                    return
                while True:
                    self.stored.update(pickle.load(file))
        except EOFError:
            pass
        except Exception as exc:  # noqa: BLE001 - a damaged cache only costs time
            logger.info("Using what could be read of the build cache %s: %s", self.path, exc)

    def get(self, key: str):
        """The value kept for ``key``, or ``MISSING``."""
        value = self.stored.get(key, MISSING)
        if value is MISSING:
            return value
        self.used[key] = value
        return self.kind._make(value) if self.kind else value

    def put(self, key: str, value) -> None:
        self.used[key] = tuple(value) if self.kind else value

    def save(self) -> None:
        """Keep what this build worked out for the next one."""
        if self.path is None:
            return
        new = {key: value for key, value in self.used.items() if key not in self.stored}
        unused = len(self.stored) - (len(self.used) - len(new))
        if self.stored and unused <= len(self.used):
            if new:
                with self.path.open("ab") as file:
                    pickle.dump(new, file, protocol=pickle.HIGHEST_PROTOCOL)
                self.stored.update(new)
        elif self.used:
            # Pickling thousands of values takes a while: a worker does it.
            parallel.in_background(self._write, dict(self.used))
            self.stored = dict(self.used)

    def _write(self, items: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        with partial.open("wb") as file:
            pickle.dump({"fingerprint": self.fingerprint}, file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(items, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
