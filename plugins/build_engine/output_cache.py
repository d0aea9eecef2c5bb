"""Reuse files the last build wrote whose inputs have not changed.

An entry page depends on its own file and on the rest of the site (theme,
plugins, settings, information pages, feedback, vocabularies, software),
never on other entries. So a page can be taken from the previous output
when its entry file is byte-for-byte the same and the site's fingerprint is
too. A council editing one entry then rebuilds one page, not thousands.

Each build records, in a manifest beside its output, the digest of each
file's inputs and the file's size, modification time and inode as written. A file
is reused (hard-linked, so it costs no disk) only when its inputs' digest
is the recorded one and the file is still as it was written: a file edited
by hand in the output is made again.

When this build's folder is a recycled one (output.py), a file it may reuse
is often there already, as the same file as the published one; it is left
in place. Any other file there is deleted before this build writes the path.
The tidying of that folder finds which files are the published ones as
written (the recorded inode, size and time), so each is looked at once.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from pathlib import Path

# A manifest is a pickle: at county scale it records tens of thousands of
# files, which pickle reads and writes in half the time JSON takes.
MANIFEST_SUFFIX = ".pickle"


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


def read_manifest(path: Path) -> dict:
    """A build's record of one user's files: {"fingerprint": ..., "files": {save_as: [digest, size, mtime_ns, inode]}}."""
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - a missing or damaged manifest only means its files are made again
        return {"fingerprint": None, "files": {}}


def remove_file(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def remove_empty_folders(folders, root: str) -> None:
    """Remove each folder, and then its parents up to ``root``, while it is empty."""
    for folder in sorted(set(folders), key=len, reverse=True):
        while folder != root and folder.startswith(root):
            try:
                os.rmdir(folder)
            except OSError:  # not empty, or gone
                break
            folder = os.path.dirname(folder)


class OutputCache:
    """Files of the previous output that can be linked into the new one.

    Each user (entry pages, open data files) has its own ``name``, and so
    its own manifest and its own fingerprint of what else its files depend
    on. ``previous`` is the last build's folder (its ``site`` and its
    ``manifest``) or None, and ``recorded`` its manifest for ``name``
    (read_manifest); ``output`` is where this build writes, and
    ``recycled`` says it may still hold files from the build before.
    """

    def __init__(self, name: str, fingerprint: str, output: str, previous: Path | None, manifest: Path | None,
                 recorded: dict, recycled: bool = False, intact: dict | None = None):
        self.output = output
        self.fingerprint = fingerprint
        self.previous = str(previous / "site") if previous else None
        # Asked about tens of thousands of times a build: paths are joined as plain strings.
        self._output = os.path.join(output, "")
        self._previous = os.path.join(self.previous, "") if previous else None
        self.manifest_path = manifest / f"{name}{MANIFEST_SUFFIX}" if manifest else None
        self.recycled = recycled
        # Files in this (recycled) folder that are the published ones, as recorded (output.clear): save_as: record.
        self.intact = intact or {}
        # Every file the last build recorded; those this build does not ask about are not wanted.
        self.last = recorded["files"]
        # save_as: [inputs' digest, size, modification time in ns, inode] as the last build wrote it.
        self.known: dict[str, list] = self.last if recorded.get("fingerprint") == fingerprint else {}
        # The same for this build; a file just written has only its digest until save().
        self.files: dict[str, list] = {}
        # Files reused that are in this build's folder already.
        self.in_place: set = set()
        self.folders: set = set()

    def unchanged(self, save_as: str, digest: str) -> bool:
        """Note the digest of ``save_as``'s inputs; say whether the previous output has it, as written, from the same inputs.

        Either way, this build's folder is left with nothing at ``save_as``
        but the previous output's file, when it is to be reused.
        """
        known = self.known.get(save_as)
        if known is not None and known[0] == digest:
            if self.intact.get(save_as) is known:
                # Already here, the same file as the published one, as this record says it was written.
                self.files[save_as] = known
                self.in_place.add(save_as)
                return True
            try:
                found = os.stat(self._previous + save_as)
            except FileNotFoundError:
                found = None
            if found is not None and found.st_size == known[1] and found.st_mtime_ns == known[2]:
                # A hard link is the same file: the same size and time.
                self.files[save_as] = known
                if self.recycled and self._here(save_as) == (found.st_dev, found.st_ino):
                    self.in_place.add(save_as)
                return True
        self.files[save_as] = [digest]
        if self.recycled:
            remove_file(self._output + save_as)
        return False

    def _here(self, save_as: str):
        """(device, inode) of the file at ``save_as`` in this build's folder, deleting anything else there."""
        target = self._output + save_as
        try:
            found = os.lstat(target)
        except FileNotFoundError:
            return None
        if stat.S_ISREG(found.st_mode):  # a file itself, not a link to one
            return found.st_dev, found.st_ino
        remove_file(target)
        return None

    def link(self, save_as: str) -> bool:
        """Put the previous output's ``save_as`` into the new output; False if it is not there."""
        if save_as in self.in_place:
            return True
        # Called for tens of thousands of files: plain strings, and each
        # folder made once.
        target = self._output + save_as
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        if self.recycled:
            remove_file(target)  # the build before's, which is not the one to reuse
        try:
            _link(self._previous + save_as, target)
        except FileNotFoundError:  # the previous output has lost it since
            self.files[save_as] = self.files[save_as][:1]
            return False
        return True

    def reuse(self, save_as: str, digest: str) -> bool:
        """Take ``save_as`` from the previous output if it was built from the same inputs and is as written."""
        return self.unchanged(save_as, digest) and self.link(save_as)

    def reuse_all(self) -> bool:
        """Take every file the last build recorded, if every one is there as written; otherwise none.

        For files made from nothing that changes with the entries, which the
        caller writes again (with ``record``) when this says no.
        """
        if self.known and all([self.unchanged(save_as, known[0]) for save_as, known in self.known.items()]):
            if all([self.link(save_as) for save_as in self.known]):
                return True
        self.files = {}
        return False

    def record(self, save_as: str) -> None:
        """Note a file this build wrote without asking first (having cleared the way itself)."""
        self.files[save_as] = [""]

    def save(self) -> None:
        """Record each file as this build wrote it, once every file is written (the build engine calls this).

        In a recycled folder, files of the last build's that this build did
        not ask about (an entry deleted, say) go, with folders left empty.
        """
        if self.recycled:
            unwanted = [self._output + save_as for save_as in self.last if save_as not in self.files]
            for path in unwanted:
                remove_file(path)
            remove_empty_folders([os.path.dirname(path) for path in unwanted], self.output)
        if self.manifest_path is None:
            return
        files = {}
        for save_as, recorded in self.files.items():
            if len(recorded) == 1:
                try:
                    found = os.stat(self._output + save_as)
                except FileNotFoundError:
                    continue  # asked about but not written
                recorded = [recorded[0], found.st_size, found.st_mtime_ns, found.st_ino]
            files[save_as] = recorded
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        manifest = {"fingerprint": self.fingerprint, "files": files}
        self.manifest_path.write_bytes(pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))
