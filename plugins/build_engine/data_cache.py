"""Keep what a build worked out from each input, for the next build to reuse.

Reading and validating ten thousand entry files, or turning each into search
terms, gives the same answer for the same bytes. A ``DataCache`` keeps those
answers between builds, keyed by a digest of the input, so a rebuild after
one entry changed works out one entry again. Everything else a result
depends on (the software, the code, the vocabularies, the settings) goes
into the cache's fingerprint: when that changes, the whole cache is ignored.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

MISSING = object()


class DataCache:
    """Values worked out from inputs, by a key made from each input, kept between builds.

    The file is a header (the fingerprint) followed by frames of items. A
    rebuild that worked out a few new values appends them as one small
    frame, so it need not write ten thousand values again; when more than
    half of what the file holds is no longer used, the whole file is
    rewritten with only what this build used, so it does not grow without
    end as files change or go. Without a ``path`` (a build with no cache
    folder) nothing is kept.

    Values of a ``kind`` (a NamedTuple class) are kept as plain tuples,
    which pickle reads back several times faster.
    """

    def __init__(self, path: Path | None, fingerprint: str, kind=None):
        self.kind = kind
        self.path = path
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

    def get(self, key: str, default=MISSING):
        """The value kept for ``key``, or ``default``."""
        value = self.stored.get(key, MISSING)
        if value is MISSING:
            return default
        self.used[key] = value
        return self.kind._make(value) if self.kind else value

    def put(self, key: str, value) -> None:
        self.used[key] = tuple(value) if self.kind else value

    def save(self) -> None:
        """Keep what this build worked out for the next one (the build engine calls this)."""
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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
            with partial.open("wb") as file:
                pickle.dump({"fingerprint": self.fingerprint}, file, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(self.used, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
            self.stored = dict(self.used)
