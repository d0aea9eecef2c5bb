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
import shutil
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

MISSING = object()

# New values are written out this many at a time, so a cache never holds ten
# thousand of them (the open data pieces of a county are tens of megabytes).
SPILL = 500


class DataCache:
    """Values worked out from inputs, by a key made from each input, kept between builds.

    The file is a header (the fingerprint) followed by frames of items. A
    rebuild that worked out a few new values appends them as one small
    frame, so it need not write ten thousand values again; when more than
    half of what the file holds is no longer used, the whole file is
    rewritten with only what this build used, so it does not grow without
    end as files change or go. Without a ``path`` (a build with no cache
    folder) nothing is kept.

    A value put is written to a temporary file soon after, not kept: ``get``
    finds only what the last build kept. Values of a ``kind`` (a NamedTuple
    class) are kept as plain tuples, which pickle reads back several times
    faster.
    """

    def __init__(self, path: Path | None, fingerprint: str, kind=None):
        self.kind = kind
        self.path = path
        self.fingerprint = fingerprint
        self.stored: dict = {}
        self.used: dict = {}
        self.new: dict = {}
        self.spilled = None  # the temporary file of new values written out
        self.count = 0  # how many new values are in it
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
        """The value the last build kept for ``key``, or ``default``."""
        value = self.stored.get(key, MISSING)
        if value is MISSING:
            return default
        self.used[key] = value
        return self.kind._make(value) if self.kind else value

    def put(self, key: str, value) -> None:
        if self.path is None:
            return
        self.new[key] = tuple(value) if self.kind else value
        if len(self.new) >= SPILL:
            self._spill()

    def _spill(self) -> None:
        """Write the new values out as a frame of their own, and let them go."""
        if not self.new:
            return
        if self.spilled is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.spilled = tempfile.TemporaryFile(dir=self.path.parent)
        pickle.dump(self.new, self.spilled, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(self.new)
        self.new = {}

    def save(self) -> None:
        """Keep what this build worked out for the next one, once, as the build or job ends (the build engine calls this)."""
        if self.path is None:
            return
        self._spill()
        unused = len(self.stored) - len(self.used)
        if self.stored and unused <= len(self.used) + self.count:
            if self.count:
                with self.path.open("ab") as file:
                    self._copy_spilled(file)
        elif self.used or self.count:
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
            with partial.open("wb") as file:
                pickle.dump({"fingerprint": self.fingerprint}, file, protocol=pickle.HIGHEST_PROTOCOL)
                if self.used:
                    pickle.dump(self.used, file, protocol=pickle.HIGHEST_PROTOCOL)
                self._copy_spilled(file)
            os.replace(partial, self.path)
        if self.spilled is not None:
            self.spilled.close()
        self.stored, self.used, self.spilled, self.count = {}, {}, None, 0

    def _copy_spilled(self, file) -> None:
        if self.spilled is not None:
            self.spilled.seek(0)
            shutil.copyfileobj(self.spilled, file)
