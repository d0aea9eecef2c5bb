"""Reuse files the last build wrote whose inputs have not changed.

An entry page depends on its own file and on the rest of the site (theme,
plugins, settings, information pages, feedback, vocabularies, software),
never on other entries. So a page can be taken from the previous output
when its entry file is byte-for-byte the same and the site's fingerprint is
too. A council editing one entry then rebuilds one page, not thousands.

Each build records, in a manifest beside its output, the digest of each
file's inputs and the file's size and modification time as written. A file
is reused (hard-linked, so it costs no disk) only when its inputs' digest
is the recorded one and the file is still as it was written: a file edited
by hand in the output is made again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path


def write_new(path, text: str) -> None:
    """Write a new file (never one linked from the previous output: that would change it too).

    os.open rather than Path.write_text: for tens of thousands of small
    files, Python's file objects cost more than the writing.
    """
    view = memoryview(text.encode())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


class OutputCache:
    """Files of the previous output that can be linked into the new one.

    Each user (entry pages, open data files) has its own ``name``, and so
    its own manifest and its own fingerprint of what else its files depend
    on. ``previous`` is the last build's folder (its ``site`` and its
    ``manifest``) or None; ``output`` is where this build writes.
    """

    def __init__(self, name: str, fingerprint: str, output: str, previous: Path | None, manifest: Path | None):
        self.output = output
        self.fingerprint = fingerprint
        self.previous = str(previous / "site") if previous else None
        self.manifest_path = manifest / f"{name}.json" if manifest else None
        # save_as: [inputs' digest, size, modification time in ns] as the last build wrote it.
        self.known: dict[str, list] = {}
        old = previous / "manifest" / f"{name}.json" if previous else None
        if old is not None and old.is_file():
            recorded = json.loads(old.read_text(encoding="utf-8"))
            if recorded.get("fingerprint") == fingerprint:
                self.known = recorded["files"]
        # The same for this build; a file just written has only its digest until save().
        self.files: dict[str, list] = {}
        self.folders: set = set()

    def unchanged(self, save_as: str, digest: str) -> bool:
        """Note the digest of ``save_as``'s inputs; say whether the previous output has it, as written, from the same inputs."""
        known = self.known.get(save_as)
        if known is not None and known[0] == digest:
            try:
                found = os.stat(os.path.join(self.previous, save_as))
            except FileNotFoundError:
                found = None
            if found is not None and found.st_size == known[1] and found.st_mtime_ns == known[2]:
                # A hard link is the same file: the same size and time.
                self.files[save_as] = known
                return True
        self.files[save_as] = [digest]
        return False

    def link(self, save_as: str) -> bool:
        """Put the previous output's ``save_as`` into the new output; False if it is not there."""
        # Called for tens of thousands of files: plain strings, and each
        # folder made once.
        target = os.path.join(self.output, save_as)
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            _link(os.path.join(self.previous, save_as), target)
        except FileNotFoundError:  # the previous output has lost it since
            self.files[save_as] = self.files[save_as][:1]
            return False
        return True

    def reuse(self, save_as: str, digest: str) -> bool:
        """Take ``save_as`` from the previous output if it was built from the same inputs and is as written."""
        return self.unchanged(save_as, digest) and self.link(save_as)

    def reuse_all(self) -> bool:
        """Take every file the last build recorded, when every one is there as written (a file made from nothing that changes with entries)."""
        return bool(self.known) and all([self.reuse(save_as, known[0]) for save_as, known in self.known.items()])

    def save(self) -> None:
        """Record each file as this build wrote it, once every file is written (the build engine calls this)."""
        if self.manifest_path is None:
            return
        files = {}
        for save_as, recorded in self.files.items():
            if len(recorded) == 1:
                try:
                    found = os.stat(os.path.join(self.output, save_as))
                except FileNotFoundError:
                    continue  # asked about but not written
                recorded = [recorded[0], found.st_size, found.st_mtime_ns]
            files[save_as] = recorded
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        manifest = {"fingerprint": self.fingerprint, "files": files}
        self.manifest_path.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
