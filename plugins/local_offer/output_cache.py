"""Reuse the pages the last build wrote for entries that have not changed.

An entry page depends on its own file and on the rest of the site (theme,
plugins, settings, information pages, feedback, vocabularies), never on
other entries. So a page can be taken from the previous output when its
entry file is byte-for-byte the same and a fingerprint of everything else is
too. A council editing one entry then rebuilds one page, not thousands.

``tools/build.py`` says where the previous output and its manifest are
(``settings["BUILD_CACHE"]``) and swaps the new manifest in only with the
new output, so the manifest always describes the output it sits beside.
Without that setting (a plain ``pelican`` run) nothing is reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from .data_cache import digest_files


def site_fingerprint(settings: dict, content_path: Path, entries_path: Path) -> str:
    """A hash of every input an entry page depends on, other than the entry itself."""
    digest = hashlib.sha256()
    # Settings hold functions and paths that differ between runs; their
    # names and the plain values are what shape the output.
    stable = {k: v for k, v in settings.items() if k not in ("OUTPUT_PATH", "PATH", "BUILD_CACHE")}
    digest.update(json.dumps(stable, sort_keys=True, default=lambda o: type(o).__name__).encode())
    digest_files(digest, content_path, skip=entries_path)
    digest_files(digest, Path(settings["THEME"]))
    for folder in settings.get("PLUGIN_PATHS", []):
        digest_files(digest, Path(folder))
        for lock in ("requirements.txt", "package-lock.json"):
            locked = Path(folder).parent / lock
            if locked.exists():
                digest.update(locked.read_bytes())
    return digest.hexdigest()


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


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


class OutputCache:
    """Files of the previous output that can be linked into the new one.

    Each user of the cache (entry pages, open data files) has its own
    ``name``, and so its own manifest and its own fingerprint of what else
    its files depend on.
    """

    def __init__(self, settings: dict, fingerprint: str, name: str = "entries"):
        options = settings.get("BUILD_CACHE") or {}
        self.output = Path(settings["OUTPUT_PATH"])
        self.fingerprint = fingerprint
        self.previous = Path(options["previous_output"]) if options else None
        self.manifest_path = Path(options["manifest"]) / f"{name}.json" if options else None
        self.known = {}
        previous_manifest = Path(options["previous_manifest"]) / f"{name}.json" if options else None
        if previous_manifest and previous_manifest.is_file() and self.previous.is_dir():
            manifest = json.loads(previous_manifest.read_text(encoding="utf-8"))
            if manifest.get("fingerprint") == fingerprint:
                self.known = manifest["pages"]
        self.pages = {}
        self.folders = set()

    def unchanged(self, save_as: str, digest: str) -> bool:
        """Note the digest of ``save_as``'s inputs; say whether the previous output has it from the same inputs."""
        self.pages[save_as] = digest
        return self.known.get(save_as) == digest

    def link(self, save_as: str) -> bool:
        """Put the previous output's ``save_as`` into the new output; False if it is not there."""
        # Called for tens of thousands of files: plain strings, and each
        # folder made once.
        source = os.path.join(self.previous, save_as)
        target = os.path.join(self.output, save_as)
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            _link(source, target)
        except FileNotFoundError:  # the previous output has lost it
            return False
        return True

    def reuse(self, save_as: str, digest: str) -> bool:
        """Take ``save_as`` from the previous output if it was built from the same inputs."""
        return self.unchanged(save_as, digest) and self.link(save_as)

    def save(self) -> None:
        if self.manifest_path is not None:
            self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
            manifest = {"fingerprint": self.fingerprint, "pages": self.pages}
            self.manifest_path.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
