"""Rebuild the site whenever its sources change, for ``make serve``.

Watches the content folder, the theme, the plugins and the settings files
with ``watchfiles``, which groups a burst of changes (a save that writes
several files, a ``git checkout``) into one rebuild. Each rebuild runs
``python -m tools.build`` in a process of its own, exactly as ``make html``
does, so it is all or nothing and a failed rebuild leaves the last good
site in place; plugin and settings changes take effect because every build
imports them afresh.

``Rebuilds`` holds the outcome the local server reports to open pages:
the version of the site being served and, after a failure, the problems
the build named.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import watchfiles

from . import ROOT

# A change arriving within this many milliseconds of the last one joins the
# same rebuild; the rebuild starts once this long has passed with no change.
QUIET_MS = 100

# Pelican logs through rich, one line per record at this width:
# "[08:03:42] ERROR    content/x.yaml:9: free: ...    generator.py:38".
LOG_WIDTH = "10000"
RECORD = re.compile(r"^(?:\[[^\]]*\])?\s*(?:CRITICAL|ERROR|WARNING)\s+(?P<message>.*?)(?:\s{2,}\S+:\d+)?\s*$")
CONTINUED = re.compile(r"^\s{11,}(?P<message>\S.*?)(?:\s{2,}\S+:\d+)?\s*$")


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What the server tells open pages: ``version`` names the site being served."""

    version: str
    status: str  # "building", "ok" or "failed"
    problems: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"version": self.version, "status": self.status, "problems": list(self.problems)}


def problems_in(log: str) -> list[str]:
    """The warnings and errors a failed build logged, one string each, in order."""
    problems: list[str] = []
    for line in log.splitlines():
        record = RECORD.match(line)
        if record:
            problems.append(record["message"])
            continue
        more = CONTINUED.match(line)
        if more and problems:
            problems[-1] += "\n" + more["message"]
    return problems


class Rebuilds:
    """Runs builds one at a time and lets other threads wait for the next outcome."""

    def __init__(self, settings: str, content: Path, output: Path):
        self.command = [
            sys.executable, "-m", "tools.build", "--quiet", "--settings", settings,
            "--content", str(content), "--output", str(output),
        ]
        self.started = f"{time.time():.0f}"
        self.count = 0
        self.outcome = Outcome(self.version(), "ok")
        self.changed = threading.Condition()
        self.warnings: list[str] = []

    def version(self) -> str:
        # Includes the server's start, so a page from an earlier run reloads.
        return f"{self.started}-{self.count}"

    def publish(self, outcome: Outcome) -> None:
        with self.changed:
            self.outcome = outcome
            self.changed.notify_all()

    def wait(self, seen: Outcome | None, timeout: float) -> Outcome:
        """The current outcome once it differs from ``seen``, or after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.outcome is not seen, timeout)
            return self.outcome

    def build(self, reason: str = "") -> bool:
        """Build once; report the outcome in the terminal and to open pages."""
        self.publish(dataclasses.replace(self.outcome, status="building"))
        began = time.monotonic()
        result = subprocess.run(
            self.command, cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "COLUMNS": LOG_WIDTH, "TERM": "dumb", "NO_COLOR": "1"},
        )
        took = time.monotonic() - began
        log = result.stdout + result.stderr
        if result.returncode == 0:
            self.count += 1
            self.publish(Outcome(self.version(), "ok"))
            # Warnings that do not stop a build, such as overdue reviews, each time they change.
            warnings = problems_in(log)
            if warnings != self.warnings:
                self.warnings = warnings
                for warning in warnings:
                    print(f"  {warning}")
            print(f"Rebuilt in {took:.1f}s{reason}.", flush=True)
            return True
        problems = problems_in(log) or log.strip().splitlines()[-20:]
        self.publish(Outcome(self.version(), "failed", tuple(problems)))
        print(f"The site could not be rebuilt{reason}; the last good site is still served.", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        sys.stderr.flush()
        return False


def watched_paths(settings: str, content: Path) -> list[Path]:
    """The content folder, the theme, the plugins and the settings files (which import pelicanconf.py)."""
    candidates = [content, ROOT / "theme", ROOT / "plugins", Path(settings), ROOT / "pelicanconf.py"]
    paths = []
    for path in candidates:
        path = path.resolve()
        if path.exists() and path not in paths:
            paths.append(path)
    return paths


def describe(changes: set, content: Path) -> str:
    """' after a change to content/x.yaml' (or 'and 3 more')."""
    # A file that came and went in one burst (an editor's or sed's temporary file) is not worth naming.
    paths = sorted({path for _, path in changes if Path(path).exists()}) or sorted({path for _, path in changes})
    if not paths:
        return ""
    try:
        first = Path(paths[0]).relative_to(content.resolve().parent)
    except ValueError:
        first = Path(paths[0])
    more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
    return f" after a change to {first.as_posix()}{more}"


def follow(rebuilds: Rebuilds, paths: list[Path], content: Path, stop: threading.Event) -> None:
    """Build now, then again after every burst of changes, until ``stop`` is set."""
    first = True
    # yield_on_timeout gives an empty set once the watcher has started, so
    # the first build runs while changes are already being collected.
    for changes in watchfiles.watch(
        *paths, step=QUIET_MS, stop_event=stop, rust_timeout=200, yield_on_timeout=True, raise_interrupt=False,
    ):
        if first:
            first = False
            rebuilds.build()
        elif changes:
            rebuilds.build(describe(changes, content))


def start(rebuilds: Rebuilds, settings: str, content: Path) -> tuple[threading.Thread, threading.Event]:
    """Follow changes in a background thread; set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(
        target=follow, args=(rebuilds, watched_paths(settings, content), content, stop), daemon=True,
        name="rebuild-on-change",
    )
    thread.start()
    return thread, stop
