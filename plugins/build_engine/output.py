"""The output folder: one build at a time, each in a folder of its own, published in one step.

``output`` is a symbolic link to the folder of the last complete build::

    output -> .output.builds/7/site
    .output.builds/7/site/       the published site
    .output.builds/7/manifest/   what each reusable file was made from (output_cache.py)
    .output.builds/6/            the build before, kept so a rebuild can link its unchanged files
    .output.builds/8.partial/    a build under way (or one that was stopped)
    .output.cache/               cached data and compiled templates (data_cache.py)
    .output.lock                 held while a build runs

A build writes into a new numbered folder and, only when it succeeds,
replaces the link with a new one in a single rename. So ``output`` always
names a complete site: the one before the build until that rename, the new
one after it, whether the build fails, is killed or succeeds. A numbered
folder without a suffix is always complete; a folder is renamed before it
is deleted, so one half deleted is never taken for a site.

At most one build before the published one is kept. A rebuild starts from
that one's folder rather than a new one (``recycled``): its folders are
there already, and each unchanged file in it is the published one (a hard
link to the same file), so the rebuild neither deletes a whole site nor
makes ten thousand folders and links again. Everything in it that this
build may not reuse is deleted before anything is written (see
``Build.clear_recycled``). Any other folder is deleted while the build runs,
and the build waits for that before it ends.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

PARTIAL = ".partial"
REMOVING = ".removing"


@dataclass
class Stage:
    """Where one build writes: its site and its manifests, in a folder of its own.

    ``recycled``: the folder held the build before the published one, whose
    files are still in ``site``.
    """

    folder: Path
    number: int
    recycled: bool = False

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def manifest(self) -> Path:
        return self.folder / "manifest"


class OutputFolder:
    def __init__(self, path):
        # Not resolved: the path is the link itself, not the build it names.
        self.path = Path(os.path.abspath(path))
        self.builds = self.path.with_name(f".{self.path.name}.builds")
        self.cache = self.path.with_name(f".{self.path.name}.cache")
        self.lock_path = self.path.with_name(f".{self.path.name}.lock")

    @contextlib.contextmanager
    def locked(self, waiting=None):
        """Hold the output's lock while the block runs; ``waiting(pid)`` is called first if another build has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting(os.pread(descriptor, 32, 0).decode(errors="replace").strip() or "unknown")
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, str(os.getpid()).encode(), 0)
            yield
        finally:
            os.close(descriptor)  # which lets the lock go

    def current(self) -> Path | None:
        """The folder of the published build, or None (no build yet, or an output folder from before links)."""
        if not self.path.is_symlink():
            return None
        site = self.path.parent / os.readlink(self.path)
        folder = site.parent
        if site.name != "site" or folder.parent != self.builds or not site.is_dir():
            return None
        return folder

    def stage(self) -> tuple[Stage, list[Path]]:
        """A folder for this build, and the folders to delete while it runs (every one but the published one)."""
        self.builds.mkdir(parents=True, exist_ok=True)
        current = self.current()
        numbers = [0]
        complete, unwanted = [], []
        for path in self.builds.iterdir():
            found = re.match(r"\d+", path.name)
            if found:
                numbers.append(int(found.group()))
            if path == current:
                continue
            if path.is_symlink() or not path.is_dir():
                path.unlink()  # a link that was never put in place
            elif path.name.isdigit() and current is not None:
                complete.append(path)
            elif path.name.endswith(REMOVING):
                unwanted.append(path)
            else:
                unwanted.append(set_aside(path))
        number = max(numbers) + 1
        stage = Stage(self.builds / f"{number}{PARTIAL}", number)
        complete.sort(key=lambda path: int(path.name))
        if complete and (complete[-1] / "site").is_dir():
            # The build before the published one becomes this one.
            recycled = complete.pop()
            shutil.rmtree(recycled / "manifest", ignore_errors=True)
            recycled.rename(stage.folder)
            stage.recycled = True
        else:
            stage.site.mkdir(parents=True)
        stage.manifest.mkdir()
        return stage, unwanted + [set_aside(path) for path in complete]

    def publish(self, stage: Stage) -> None:
        """Make the build in ``stage`` the published one, in one rename."""
        complete = self.builds / str(stage.number)
        stage.folder.rename(complete)
        stage.folder = complete
        link = self.builds / f"link-{os.getpid()}"
        os.symlink(os.path.relpath(stage.site, self.path.parent), link)
        if self.path.is_dir() and not self.path.is_symlink():
            # An output folder from before builds were linked: set aside for
            # the next build to delete. The one moment without a site, once.
            self.path.rename(self.builds / f"0-unlinked{REMOVING}")
        os.replace(link, self.path)

    def discard(self, stage: Stage) -> None:
        """Delete a failed build's folder."""
        remove([set_aside(stage.folder)])


def set_aside(folder: Path) -> Path:
    """Rename a folder to be deleted, so that, half deleted, it is never taken for a build."""
    removing = folder.with_name(folder.name + REMOVING)
    folder.rename(removing)
    return removing


def clear(site: Path, keep: dict) -> tuple[list[str], set[str]]:
    """Delete every file under ``site`` but those whose path inside it is in ``keep``.

    ``keep`` is the published build's record of each file it may reuse
    (output_cache.read_manifest). Returns the folders that lost a file, and
    the paths of the files kept that are still the published ones as that
    build recorded them: the same file (device and inode, since the
    published file is a hard link to it) with the same size and
    modification time. A rebuild can take those as they are without
    looking at them again (``OutputCache.unchanged``).
    """
    emptied, intact = [], set()
    root = str(site)
    device = os.stat(root).st_dev
    for folder, _, names in os.walk(root):
        inside = os.path.relpath(folder, root)
        for name in names:
            relative = name if inside == "." else f"{inside}/{name}"
            path = os.path.join(folder, name)
            recorded = keep.get(relative)
            found = os.lstat(path)
            if recorded is None or stat.S_ISLNK(found.st_mode):
                os.unlink(path)
                emptied.append(folder)
            elif (device, *recorded[1:4]) == (found.st_dev, found.st_size, found.st_mtime_ns, found.st_ino):
                intact.add(relative)
    return sorted(set(emptied)), intact


def remove(folders: list[Path]) -> None:
    """Delete folders set aside by ``OutputFolder.stage`` or ``discard``."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
