"""Build the site all or nothing.

One build at a time: a build holds the output's lock, and a second one
waits for it, saying so. Pelican writes into a folder of this build's own,
and only when the build finishes with no error and no warning does
``output`` become a link to it, in one rename; otherwise the folder is
deleted and ``output`` still names the previous site, untouched. So a
mistake in one file can never publish a broken or half-built site (see
build_engine/output.py).

    python -m tools.build [--settings pelicanconf.py] [--content DIR] [--output DIR] [--quiet]

From Python: ``build(settings_file, overrides) -> BuildResult``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

# tools/__init__.py has put plugins/ on the import path.
from build_engine import Build
from build_engine.build import KEY
from build_engine.output import OutputFolder, remove

logger = logging.getLogger("tools.build")


@dataclass
class BuildResult:
    published: bool
    problems: int
    output: Path
    seconds: float


def build(settings_file: str = "pelicanconf.py", overrides: dict | None = None) -> BuildResult:
    """Build the site with these settings (``overrides`` replace some), publishing it only if nothing went wrong."""
    started = time.perf_counter()
    settings = read_settings(settings_file, override=overrides or {})
    folder = OutputFolder(settings["OUTPUT_PATH"])
    with folder.locked(waiting=lambda pid: print(
        f"Another build of {folder.path.name}/ is running (process {pid}); waiting for it to finish.",
        file=sys.stderr, flush=True,
    )):
        stage, unwanted = folder.stage()
        engine = Build(
            settings,
            output=stage.site,
            previous=folder.current(),
            manifest=stage.manifest,
            cache=folder.cache,
            project=Path(settings_file).resolve().parent,
            recycled=stage.recycled,
        )
        engine.tidy(unwanted)
        settings["OUTPUT_PATH"] = str(stage.site)
        settings[KEY] = engine
        # Nearly everything a build makes lives until it ends, and it makes next
        # to no reference cycles, so the cycle collector would walk millions of
        # objects again and again to free almost nothing: at county scale, a
        # tenth of the build. Reference counting still frees everything else.
        # This is the one place it is switched off; worker processes inherit it.
        gc.disable()
        try:
            Pelican(settings).run()
            engine.finish()
        except Exception as exc:  # noqa: BLE001 - any failure must leave output/ alone
            if not getattr(exc, "errors", None):
                logger.error("The build stopped: %s: %s", type(exc).__name__, exc)
            engine.problems.count = max(engine.problems.count, 1)
        finally:
            # Everything the build made is young to the collector, so switching
            # it back on would walk all of it at the next allocation, to free
            # next to nothing. Made old first (frozen, then unfrozen into the
            # oldest generation), it waits for a full collection instead.
            gc.freeze()
            gc.enable()
            gc.unfreeze()
            engine.close()
        problems = engine.problems.count
        if problems:
            engine.stop()  # a failed build's pages are not wanted
            folder.discard(stage)
            remove(unwanted)
            print(
                f"\nBuild failed with {problems} problem(s) listed above. "
                f"Nothing was published: {folder.path.name}/ is unchanged.",
                file=sys.stderr,
            )
        else:
            try:
                folder.publish(stage)
            except OSError as exc:
                problems = 1
                print(f"\nThe new site could not be published ({exc}): {folder.path.name}/ is unchanged.", file=sys.stderr)
    return BuildResult(not problems, problems, folder.path, time.perf_counter() - started)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="content folder (default: the settings' PATH)")
    parser.add_argument("--output", help="output folder (default: the settings' OUTPUT_PATH)")
    parser.add_argument("--quiet", action="store_true", help="only report warnings and errors")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING if args.quiet else logging.INFO)
    overrides = {}
    if args.content:
        overrides["PATH"] = str(Path(args.content).resolve())
    if args.output:
        overrides["OUTPUT_PATH"] = os.path.abspath(args.output)
    return 0 if build(args.settings, overrides).published else 1


if __name__ == "__main__":
    code = main()
    # Freeing a county-sized build's objects one by one would take a good
    # share of a rebuild; the system takes the memory back at once.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
