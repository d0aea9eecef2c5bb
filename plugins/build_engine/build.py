"""One build: its workers, its caches, what it has written and the problems it met.

``tools/build.py`` makes a ``Build`` for each build and puts it in the
settings as ``BUILD_ENGINE``; plugins reach it with ``build_engine.of(settings)``.
Everything a build keeps while it runs lives here, never in a module, so
two builds in one process (a live preview, a test) share nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from . import fingerprint as fingerprints
from . import output, pages
from .data_cache import DataCache
from .output_cache import MANIFEST_SUFFIX, OutputCache, read_manifest, remove_empty_folders, remove_file
from .workers import ProblemCounter, Workers, release_freed_memory

logger = logging.getLogger(__name__)

KEY = "BUILD_ENGINE"


class Build:
    """The build engine for one build.

    ``output`` is where this build writes; ``previous`` is the folder of the
    published build (its ``site`` and ``manifest``), whose unchanged files
    may be reused; ``manifest`` is where this build records its files;
    ``cache`` is where cached data is kept between builds; ``project`` holds
    the lock files. Without the last three (a plain ``pelican`` run) nothing
    is reused or kept. ``recycled`` says ``output`` holds the files of the
    build before the published one (output.py).
    """

    def __init__(self, settings: dict, output, previous: Path | None = None, manifest: Path | None = None,
                 cache: Path | None = None, project: Path | None = None, workers: int | None = None,
                 recycled: bool = False):
        self.settings = settings
        self.output = str(output)
        self.previous = previous
        self.manifest = manifest
        self.cache = cache
        self.recycled = recycled and previous is not None and manifest is not None
        self._clearing = self._keep = None
        self._emptied: list[str] = []
        # Files in the recycled folder that are the published build's, as it recorded them (output.clear):
        # save_as: that record (the manifest's own list).
        self._intact: dict[str, list] = {}
        self.project = project or Path.cwd()
        self.problems = ProblemCounter()
        logging.getLogger().addHandler(self.problems)
        self.workers = Workers(self.problems, workers or os.cpu_count() or 1, on_end=self._save_caches, folder=cache)
        # Each page Pelican writes is a moment to give a waiting job the core a finished one left.
        signals.content_written.connect(self._page_written)
        # Caches made in this process (and, in a worker, those the job made); saved as the build or the job ends.
        self.caches: list = []
        self.done: list = []
        self._environment: str | None = None
        self._code: str | None = None
        # The published build's manifests, read once: at county scale each records thousands of files.
        self._manifests: dict[str, dict] = {}

    # What plugins call ---------------------------------------------------------

    def map(self, function, items: list) -> list:
        """``[function(item) for item in items]``, spread over the workers; results must pickle."""
        return self.workers.map(function, list(items))

    def start(self, generator, function, items: list, split: bool = True) -> None:
        """Call ``function(item)`` for every item in workers while the build goes on.

        For work done item by item, each on its own (an entry's page): the
        workers get copies of their items (workers.py). ``function``
        returns the pages it wrote (a path inside the output, a list of
        them, or None); the build announces them (Pelican's
        ``content_written``, which the sitemap hears) in its own process
        once the workers end. With ``split`` the items are shared by every
        worker; without, one worker takes them all (linking files, say,
        which is quick).
        """
        self.workers.start(function, list(items), generator.context if generator else None, split)

    def run(self, function, *args, alone: bool = False):
        """``function(*args)`` here, in the build's process; the caches it made are saved as it returns.

        For work that reads the whole catalogue (search, open data, the
        browse pages): a worker would copy most of the catalogue's memory
        as it read it (workers.py), so it runs here while the workers
        render entry pages. Saving its caches when it ends lets their data
        go, rather than keeping it until the build ends. With ``alone`` it
        first waits for every worker to end: for the work that needs the
        most memory (search), so that its memory and the workers' are never
        held at once.
        """
        if alone:
            self._wait_for_workers()
        made = len(self.caches)
        result = function(*args)
        for _, cache in self.caches[made:]:
            cache.save()
        del self.caches[made:]
        release_freed_memory()
        return result

    @property
    def environment(self) -> str:
        """A digest of the software the build runs with (fingerprint.environment)."""
        if self._environment is None:
            self._environment = fingerprints.environment(self.project)
        return self._environment

    def code_fingerprint(self, *extra: bytes | str) -> str:
        """A digest of the software, the plugins' code, the settings and ``extra``: all but the theme and the content."""
        if self._code is None:
            plugins = [fingerprints.folder_digest(Path(folder)) for folder in self.settings.get("PLUGIN_PATHS", [])]
            self._code = fingerprints.digest(self.environment, fingerprints.settings_digest(self.settings), *plugins)
        return fingerprints.digest(self._code, *extra)

    def site_fingerprint(self, content_path: Path, skip: Path | None = None) -> str:
        """A digest of everything a page depends on besides the entries (in ``skip``) it shows."""
        theme = fingerprints.folder_digest(Path(self.settings["THEME"]))
        return self.code_fingerprint(theme, fingerprints.folder_digest(content_path, skip))

    def data_cache(self, name: str, fingerprint: str, kind=None) -> DataCache:
        """Values kept between builds by a digest of their input (data_cache.DataCache), saved when the build or job ends."""
        self.workers.poll()
        path = self.cache / f"{name}.pickle" if self.cache else None
        cache = DataCache(path, fingerprints.digest(self.environment, fingerprint), kind)
        self.caches.append((os.getpid(), cache))
        return cache

    def output_cache(self, name: str, fingerprint: str) -> OutputCache:
        """Files of the previous build to link while their inputs are unchanged (output_cache.OutputCache)."""
        self.workers.poll()
        previous = self.previous if self.manifest else None
        recorded = self.previous_manifest(name) if previous else {"files": {}}
        cache = OutputCache(
            name, fingerprints.digest(self.environment, fingerprint), self.output, previous, self.manifest, recorded,
            self.recycled, self._intact,
        )
        self.caches.append((os.getpid(), cache))
        return cache

    def write_changed(self, generator, writer, name: str, pages_: list) -> list[str]:
        """Render pages made from many entries, reusing those whose inputs are unchanged (pages.write_changed); returns them all."""
        self.workers.poll()
        return pages.write_changed(self, generator, writer, name, pages_)

    def announce(self, context: dict | None, saved_as) -> None:
        """Send Pelican's content_written, here in the build's process, for pages written elsewhere or reused."""
        for save_as in saved_as:
            signals.content_written.send(os.path.join(self.output, save_as), context=context)

    def when_done(self, function) -> None:
        """Call ``function()`` once every worker has ended and every page is announced (to write the sitemap, say)."""
        self.done.append(function)

    def previous_manifest(self, name: str) -> dict:
        """The published build's record of the files of the output cache ``name`` (output_cache.read_manifest)."""
        if name not in self._manifests:
            self._manifests[name] = read_manifest(self.previous / "manifest" / f"{name}{MANIFEST_SUFFIX}")
        return self._manifests[name]

    # What the build calls ------------------------------------------------------

    def tidy(self, unwanted: list[Path]) -> None:
        """Before Pelican runs: start deleting ``unwanted`` folders and, in a recycled folder, every file this build may not reuse.

        Only a file the published build's manifests list can be reused, so
        every other file goes. Nothing may be written until that is done,
        so it is waited for once every generator has read its content
        (Pelican's all_generators_finalized), before the first one writes.
        The same pass notes which of the files kept are the published ones
        as written, so the output caches need not look at them again: a
        worker does it while this process reads the content.
        """
        if unwanted:
            self.workers.start(output.remove, [unwanted], None, split=False)
        if self.recycled:
            keep = {}
            for path in sorted((self.previous / "manifest").glob(f"*{MANIFEST_SUFFIX}")):
                keep.update(self.previous_manifest(path.stem)["files"])
            self._keep = keep
            self._clearing = self.workers.start(lambda site: output.clear(site, keep), [Path(self.output)], None,
                                                split=False, returns_pages=False)[0]
            signals.all_generators_finalized.connect(self._cleared)

    def _cleared(self, generators) -> None:
        """Pelican signal handler (all_generators_finalized): wait until the recycled folder is cleared."""
        if self._clearing is not None:
            job = self.workers.wait_for(self._clearing)
            if job.results:
                self._emptied, intact = job.results[0]
                self._intact = {save_as: self._keep[save_as] for save_as in intact}
            self._clearing = self._keep = None

    def finish(self) -> None:
        """Collect every worker, announce their pages, record what was written and call ``when_done`` functions."""
        me = os.getpid()
        # Saved first: the workers may still be rendering.
        for owner, cache in self.caches:
            if owner == me and isinstance(cache, DataCache):
                cache.save()
        self._wait_for_workers()
        for owner, cache in self.caches:
            if owner == me and isinstance(cache, OutputCache):
                cache.save()
        if self.recycled:
            self._forget_unused_caches()
        self.caches = []
        while self.done:
            self.done.pop(0)()

    def _wait_for_workers(self) -> None:
        """Wait for every worker to end and announce the pages they wrote."""
        for job in self.workers.wait():
            self.announce(job.context, job.pages)

    def _forget_unused_caches(self) -> None:
        """In a recycled folder: delete the files of any user of the output cache this build did not have, and folders left empty."""
        for path in sorted((self.previous / "manifest").glob(f"*{MANIFEST_SUFFIX}")):
            if not (self.manifest / path.name).exists():
                for save_as in self.previous_manifest(path.stem)["files"]:
                    remove_file(os.path.join(self.output, save_as))
                    self._emptied.append(os.path.dirname(os.path.join(self.output, save_as)))
        remove_empty_folders(self._emptied, self.output)

    def stop(self) -> None:
        """Stop every worker: the build failed and its output is not wanted."""
        self.workers.stop()

    def _page_written(self, path, context=None) -> None:
        """Pelican signal handler (content_written)."""
        self.workers.poll()

    def close(self) -> None:
        logging.getLogger().removeHandler(self.problems)
        signals.content_written.disconnect(self._page_written)
        signals.all_generators_finalized.disconnect(self._cleared)

    def _finish_plain_run(self, pelican) -> None:
        """Pelican signal handler (finalized) for a plain ``pelican`` run's engine."""
        self.finish()
        self.close()
        signals.finalized.disconnect(self._finish_plain_run)
        self.settings.pop(KEY, None)

    def _save_caches(self) -> None:
        """In a worker, as its job ends: save the caches the job made."""
        me = os.getpid()
        for owner, cache in self.caches:
            if owner == me:
                cache.save()


def of(settings: dict) -> Build:
    """The build engine of the build these settings are for.

    A plain ``pelican`` run (not ``tools.build``) gets one of its own on
    first use, which reuses and keeps nothing and finishes when Pelican does.
    """
    engine = settings.get(KEY)
    if engine is None:
        engine = settings[KEY] = Build(settings, settings["OUTPUT_PATH"])
        signals.finalized.connect(engine._finish_plain_run, weak=False)
    return engine


def keep_compiled_templates(generator) -> None:
    """Pelican signal handler (generator_init): keep compiled templates between builds.

    Pelican gives each generator a Jinja environment of its own, and each
    compiles every template it uses; Jinja's bytecode cache (checked against
    each template's source) lets a rebuild skip that.
    """
    folder = of(generator.settings).cache
    if folder is not None:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder / "templates"))
