"""The build's one pool of worker processes.

Every job runs in a worker process forked from the build, whatever the size
of the job and however busy the machine, so a job behaves the same in every
build. Forking lets a worker start with everything the build has made so
far (vocabularies, the catalogue, the Jinja environment), with nothing to
pickle but what it sends back: its results, the pages it wrote and how many
warnings and errors it logged. The build counts those problems, so a
warning fails the build wherever it was logged.
"""

from __future__ import annotations

import ctypes
import logging
import os
import pickle
import select
import signal
import sys
import traceback
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


class ProblemCounter(logging.Handler):
    """Counts the warnings and errors logged, which fail a build.

    A warning logged with ``extra={"advisory": True}`` (such as an entry due
    for review) is shown but does not count: it asks for attention, not a
    fix before publishing. A worker inherits the build's counter; what it
    counts there is sent back and added to the build's.
    """

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if not getattr(record, "advisory", False):
            self.count += 1


@dataclass
class Job:
    """Work for a worker process, and what it sends back when it ends.

    ``function`` is called on each of ``items``. With ``returns_pages`` it
    returns the pages it wrote, which come back in ``pages`` (for the build
    to announce with ``context``); otherwise what it returns comes back in
    ``results``.
    """

    function: object
    items: list
    context: dict | None = None
    returns_pages: bool = True
    pid: int = 0
    reader: int = -1
    results: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    problems: int = 0
    ended: bool = False


def _die_with_parent(parent: int) -> None:
    """Ask Linux to stop this worker when the build stops, so a killed build leaves no worker writing."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build stopped before the request was made
        os._exit(1)


def shares(items: list, count: int) -> list[list]:
    """``items`` in ``count`` runs, in order, as even as can be.

    Runs rather than every n-th item: a worker then touches only the part of
    the build's memory its own items are in, so less of it is copied.
    """
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    found, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        found.append(items[start:end])
        start = end
    return found


class Workers:
    """Forks a worker for each job and collects what it sends back.

    At most ``size`` jobs started with ``start`` run at once (one per core):
    more would not finish sooner, and each holds memory. The rest wait
    their turn, which comes whenever the build next calls ``poll`` (or
    ``wait``): the build does at each call a plugin makes and each page
    Pelican writes.
    ``on_end()`` is called in a worker once its items are done (the build
    saves the caches the job made there).
    """

    def __init__(self, problems: ProblemCounter, size: int, on_end=None):
        self.problems = problems
        self.size = size
        self.on_end = on_end
        self.running: list[Job] = []
        self.waiting: list[Job] = []
        self.done: list[Job] = []

    def _fork(self, job: Job) -> Job:
        reader, writer = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(reader)
            _die_with_parent(parent)
            self._work(job.function, job.items, job.returns_pages, writer)
        os.close(writer)
        job.pid, job.reader = pid, reader
        return job

    def _work(self, function, items: list, pages: bool, writer: int) -> None:
        """Run in the worker: call ``function`` on each item, send back (results, pages, problems), leave."""
        # The build's other workers are not this worker's to collect.
        self.running, self.waiting, self.done = [], [], []
        self.problems.count = 0
        results, written = [], []
        try:
            for item in items:
                value = function(item)
                if not pages:
                    results.append(value)
                elif isinstance(value, str):
                    written.append(value)
                elif value:
                    written += value
            # Work this job handed to workers of its own is part of it.
            for job in self.wait():
                written += job.pages
            if self.on_end is not None:
                self.on_end()
        except BaseException:  # noqa: BLE001 - reported to the build, which fails
            traceback.print_exc()
            self.problems.count += 1
        try:
            data = pickle.dumps((results, written, self.problems.count), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a result that cannot be sent fails the build
            traceback.print_exc()
            data = pickle.dumps(([], [], self.problems.count + 1))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        # Leave at once: the build's objects are the build's to free.
        os._exit(0)

    def _collect(self, job: Job) -> Job:
        """Read what the worker sent, wait for it to end and count its problems here."""
        with os.fdopen(job.reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(job.pid, 0)
        try:
            job.results, job.pages, job.problems = pickle.loads(data)
        except Exception:  # noqa: BLE001 - it died before it could say (killed, out of memory)
            logger.error("A worker process of the build stopped without finishing (exit status %s)", status)
            job.problems = 1
        job.ended = True
        self.problems.count += job.problems
        return job

    def map(self, function, items: list) -> list:
        """``[function(item) for item in items]``, spread over ``size`` workers; results must pickle.

        The build waits for the answer, so these workers do not wait their turn.
        """
        runs = shares(items, self.size) if items else []
        jobs = [self._collect(job) for job in [self._fork(Job(function, run, returns_pages=False)) for run in runs]]
        if any(len(job.results) != len(run) for run, job in zip(runs, jobs)):
            raise RuntimeError("a worker process stopped before it finished its share; see above")
        return [result for job in jobs for result in job.results]

    def start(self, function, items: list, context: dict | None, split: bool, returns_pages: bool = True) -> list[Job]:
        """Call ``function(item)`` on every item in the background (see ``Job``).

        With ``split`` the items are shared between ``size`` workers,
        otherwise one worker takes them all.
        """
        runs = shares(items, self.size if split else 1) if items else []
        jobs = [Job(function, run, context, returns_pages) for run in runs]
        self.waiting += jobs
        self.poll()
        return jobs

    def poll(self) -> None:
        """Collect workers that have ended and start waiting jobs in their place, without waiting for any."""
        self._reap(timeout=0)

    def _reap(self, timeout) -> None:
        if self.running:
            ended, _, _ = select.select([job.reader for job in self.running], [], [], timeout)
            for job in [job for job in self.running if job.reader in ended]:
                self.running.remove(job)
                self.done.append(self._collect(job))
        while self.waiting and len(self.running) < self.size:
            self.running.append(self._fork(self.waiting.pop(0)))

    def wait_for(self, job: Job) -> Job:
        """Wait until ``job`` has ended (starting it now if it is still waiting its turn)."""
        if job in self.waiting:
            self.waiting.remove(job)
            self.running.append(self._fork(job))
        while not job.ended:
            self._reap(timeout=None)
        return job

    def wait(self) -> list[Job]:
        """Run every waiting job and collect every worker; return the jobs that ended since the last wait."""
        self.poll()
        while self.running:
            self._reap(timeout=None)
        done, self.done = self.done, []
        return done

    def stop(self) -> None:
        """Stop every worker: the build has failed and their work is not wanted."""
        self.waiting = []
        for job in self.running:
            try:
                os.kill(job.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(job.reader)
            os.waitpid(job.pid, 0)
        self.running = []
