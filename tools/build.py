"""Build the site all or nothing.

Pelican writes into a staging folder beside the output folder. Only when the
build finishes with no error and no warning does the staging folder replace
the output folder; otherwise it is deleted and the previous site is left
exactly as it was, so a mistake in one file can never publish a broken or
half-built site.

    python -m tools.build [--settings pelicanconf.py] [--content DIR] [--output DIR]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

# tools/__init__.py has put plugins/ on the import path.
from local_offer import parallel
from local_offer.parallel import ProblemCounter

logger = logging.getLogger("tools.build")


def build(settings_file: str, overrides: dict) -> bool:
    settings = read_settings(settings_file, override=overrides)
    final = Path(settings["OUTPUT_PATH"]).resolve()
    staging = final.with_name(f".{final.name}.building")
    manifest = final.with_name(f".{final.name}.manifest")
    new_manifest = staging.with_name(f"{staging.name}.manifest")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(new_manifest, ignore_errors=True)
    settings["OUTPUT_PATH"] = str(staging)
    # Lets plugins reuse what the last successful build wrote (see
    # local_offer.output_cache); the manifests move with the output they
    # describe. Cached data is keyed by the digest of its input, so it needs
    # no such care (local_offer.data_cache).
    settings["BUILD_CACHE"] = {
        "previous_output": str(final),
        "previous_manifest": str(manifest),
        "manifest": str(new_manifest),
        "data": str(final.with_name(f".{final.name}.cache")),
    }

    counter = ProblemCounter()
    logging.getLogger().addHandler(counter)
    # Nearly everything a build makes lives until it ends, and it makes next
    # to no reference cycles, so the cycle collector would walk millions of
    # objects again and again to free almost nothing: at county scale, a
    # tenth of the build. Reference counting still frees everything else.
    # This is the one place it is switched off; worker processes inherit it.
    gc.disable()
    try:
        Pelican(settings).run()
        # Work a plugin left running in the background (such as saving a cache).
        if parallel.wait_all():
            logger.error("A step of the build running in the background failed; see above")
    except Exception as exc:  # noqa: BLE001 - any failure must leave output/ alone
        if not getattr(exc, "errors", None):
            logger.error("The build stopped: %s: %s", type(exc).__name__, exc)
        counter.count = max(counter.count, 1)
    finally:
        gc.enable()
        logging.getLogger().removeHandler(counter)

    if counter.count:
        parallel.stop_all()  # a failed build's pages are not wanted
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(new_manifest, ignore_errors=True)
        print(
            f"\nBuild failed with {counter.count} problem(s) listed above. "
            f"Nothing was published: {final.name}/ is unchanged.",
            file=sys.stderr,
        )
        return False

    retired = final.with_name(f".{final.name}.old-{time.time():.0f}-{os.getpid()}")
    shutil.rmtree(manifest, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    if new_manifest.exists():
        new_manifest.rename(manifest)
    for old in final.parent.glob(f".{final.name}.old-*"):
        if retired_at(old) < time.time() - KEEP_RETIRED:
            remove_in_background(old)
    return True


# How long a retired output folder is kept. Deleting tens of thousands of
# files makes the next few minutes' new files slow to create (ext4 without
# a journal passes over recently freed inodes), which would land on the
# rebuild an editor starts straight after this one. Meanwhile a retired
# folder costs little disk: its unchanged pages are hard links to the live
# output's.
KEEP_RETIRED = 15 * 60


def retired_at(folder: Path) -> float:
    """When a retired output folder was set aside, from its name (.output.old-<time>-<pid>); 0 if unreadable."""
    try:
        return float(folder.name.rsplit(".old-", 1)[1].partition("-")[0])
    except ValueError:
        return 0.0


# At the lowest priority, so that a build started straight after this one
# keeps the processor.
REMOVE = """
import os, shutil, sys
if hasattr(os, "nice"):
    os.nice(19)
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


def remove_in_background(folder: Path) -> None:
    """Delete a retired output folder in a process of its own.

    At county scale the old site is tens of thousands of files and takes
    a second or more to delete. It is no longer published, so the build
    need not wait.
    """
    subprocess.Popen(
        [sys.executable, "-c", REMOVE, str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


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
        overrides["OUTPUT_PATH"] = str(Path(args.output).resolve())
    return 0 if build(args.settings, overrides) else 1


if __name__ == "__main__":
    code = main()
    # Freeing a county-sized build's objects one by one would take a good
    # share of a rebuild; the system takes the memory back at once.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
