"""The build's one pool of worker processes.

Work on many items (reading ten thousand entry files, rendering ten
thousand entry pages) is split between worker processes, one per core,
whatever the size of the job and however busy the machine, so a job
behaves the same in every build. A worker is forked from the build, so it
starts with everything the build has made so far (vocabularies, templates,
the functions it runs) without pickling any of it. It sends back what it
worked out, the pages it wrote and how many warnings and errors it logged;
the build counts those problems, so a warning fails the build wherever it
was logged.

A worker is given its items as a copy, not by inheritance. Every object a
process touches has its reference count written, and the system then
copies the whole memory page the object is on for that process alone: a
worker that read its five thousand entries from the build's catalogue
would end up with a private copy of much of it. So the build pickles each
item into a file the worker reads one item at a time, and what an item
shares with the rest of the build (a vocabulary's terms, the Markdown
renderer) travels as a reference to the worker's inherited copy.
"""

from __future__ import annotations

import ctypes
import datetime
import logging
import os
import pickle
import select
import signal
import sys
import tempfile
import traceback
import types
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

# Values copied into a worker with the items that hold them; any other object an item
# refers to (besides the item itself) is one the worker already has.
VALUES = (str, bytes, int, float, datetime.date, datetime.time, datetime.timedelta)
# Pickled by name, as always.
NAMED = (type, types.FunctionType, types.BuiltinFunctionType)


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
    sent: object = None
    inherited: list = field(default_factory=list)
    results: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    problems: int = 0
    ended: bool = False


def _inherited(number: int):
    """Stands, in a pickled item, for an object the worker already has (see ``Receiver``)."""
    raise RuntimeError("an inherited object can only be read back in the worker it was sent to")


class Sender(pickle.Pickler):
    """Pickles a job's items for its worker, one after another.

    Each item (and each member of an item that is a tuple) is copied with
    the plain data it holds. Any other object it refers to is sent as its
    place in ``inherited``, a list the worker inherits.
    """

    def __init__(self, file, inherited: list):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.inherited = inherited
        self.numbers: dict[int, int] = {}
        self.own: set[int] = set()

    def send(self, item) -> None:
        members = item if type(item) is tuple else (item,)
        # Not a bare marker object, which must stay the one the worker has.
        self.own = {id(member) for member in members if hasattr(member, "__dict__")}
        self.dump(item)
        # Each item stands alone, so the worker can forget it once used.
        self.clear_memo()

    def reducer_override(self, value):
        if id(value) in self.own or isinstance(value, VALUES + NAMED):
            return NotImplemented
        number = self.numbers.get(id(value))
        if number is None:
            number = self.numbers[id(value)] = len(self.inherited)
            self.inherited.append(value)
        return _inherited, (number,)


class Receiver(pickle.Unpickler):
    """Reads back, in the worker, one item a ``Sender`` pickled."""

    def __init__(self, file, inherited: list):
        super().__init__(file)
        self.inherited = inherited

    def find_class(self, module, name):
        if module == __name__ and name == "_inherited":
            return self.inherited.__getitem__
        return super().find_class(module, name)


def received(file, inherited: list, count: int):
    """The ``count`` items a ``Sender`` pickled into ``file``, one at a time (each with an unpickler of its own, as each has a memo of its own)."""
    file.seek(0)
    for _ in range(count):
        yield Receiver(file, inherited).load()


# Strings this short are often the same from item to item (a field's name, a
# day, a phone's description); longer ones seldom are, and are not looked up.
SHORT = 64


def shared_strings(value, seen: dict):
    """``value`` with each short string in it, key or value, one object per spelling.

    Results come back pickled; pickling writes an object once however often
    it is used. Ten thousand entries use the same few hundred field names,
    and many the same short values, so the catalogue the build keeps is
    much smaller.
    """
    kind = type(value)
    if kind is str:
        return seen.setdefault(value, value) if len(value) <= SHORT else value
    if kind is dict:
        return {shared_strings(key, seen): shared_strings(item, seen) for key, item in value.items()}
    if kind is list:
        return [shared_strings(item, seen) for item in value]
    if kind is tuple:
        return tuple(shared_strings(item, seen) for item in value)
    return value


def release_freed_memory() -> None:
    """Give the memory the build freed back to the system (glibc's malloc_trim), so the build's process stays small.

    Python frees a job's objects, but the C library keeps the space for
    later use, and the pages stay counted against the build until it ends.
    """
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _die_with_parent(parent: int) -> None:
    """Ask Linux to stop this worker when the build stops, so a killed build leaves no worker writing."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build stopped before the request was made
        os._exit(1)


def shares(items: list, count: int) -> list[list]:
    """``items`` in ``count`` runs, in order, as even as can be."""
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
    Pelican writes. Items are sent through files in ``folder`` (the
    system's temporary folder if None), deleted as soon as they are made.
    ``on_end()`` is called in a worker once its items are done (the build
    saves the caches the job made there).
    """

    def __init__(self, problems: ProblemCounter, size: int, on_end=None, folder=None):
        self.problems = problems
        self.size = size
        self.on_end = on_end
        self.folder = folder
        self.running: list[Job] = []
        self.waiting: list[Job] = []
        self.done: list[Job] = []

    def _send(self, jobs: list[Job]) -> None:
        """Pickle each job's items into a file of its own, before any of them is forked.

        Pickling reads every item, writing its reference count, so the
        system copies the pages the items are on: a worker forked before
        would keep the old pages for itself, and each worker of a split job
        would hold a catalogue of its own. The memory the build has freed is
        given back before the forks for the same reason: a worker would keep
        the pages the build later reuses.
        """
        if self.folder is not None:
            os.makedirs(self.folder, exist_ok=True)
        for job in jobs:
            job.sent = tempfile.TemporaryFile(dir=self.folder)
            sender = Sender(job.sent, job.inherited)
            for item in job.items:
                sender.send(item)
            job.sent.flush()
        release_freed_memory()

    def _fork(self, job: Job) -> Job:
        reader, writer = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(reader)
            _die_with_parent(parent)
            self._work(job, writer)
        os.close(writer)
        job.sent.close()  # the worker's now
        job.pid, job.reader, job.sent = pid, reader, None
        return job

    def _work(self, job: Job, writer: int) -> None:
        """Run in the worker: call the function on each item, send back (results, pages, problems), leave."""
        # The build's other workers are not this worker's to collect.
        self.running, self.waiting, self.done = [], [], []
        self.problems.count = 0
        results, written = [], []
        try:
            for item in received(job.sent, job.inherited, len(job.items)):
                value = job.function(item)
                if not job.returns_pages:
                    results.append(value)
                elif isinstance(value, str):
                    written.append(value)
                elif value:
                    written += value
            # Work this job handed to workers of its own is part of it.
            for done in self.wait():
                written += done.pages
            if self.on_end is not None:
                self.on_end()
        except BaseException:  # noqa: BLE001 - reported to the build, which fails
            traceback.print_exc()
            self.problems.count += 1
        with os.fdopen(writer, "wb") as pipe:
            try:
                pickle.dump((shared_strings(results, {}), written, self.problems.count), pipe, pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - a result that cannot be sent fails the build
                traceback.print_exc()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        # Leave at once: the build's objects are the build's to free.
        os._exit(0)

    def _collect(self, job: Job) -> Job:
        """Read what the worker sent, wait for it to end and count its problems here."""
        with os.fdopen(job.reader, "rb") as pipe:
            try:
                job.results, job.pages, job.problems = pickle.load(pipe)
            except Exception:  # noqa: BLE001 - it died before it could say (killed, out of memory)
                job.problems = None
        _, status = os.waitpid(job.pid, 0)
        if job.problems is None:
            logger.error("A worker process of the build stopped without finishing (exit status %s)", status)
            job.results, job.pages, job.problems = [], [], 1
        job.ended = True
        self.problems.count += job.problems
        return job

    def map(self, function, items: list) -> list:
        """``[function(item) for item in items]``, spread over ``size`` workers; results must pickle.

        The build waits for the answer, so these workers do not wait their turn.
        """
        runs = shares(items, self.size) if items else []
        jobs = [Job(function, run, returns_pages=False) for run in runs]
        self._send(jobs)
        jobs = [self._collect(job) for job in [self._fork(job) for job in jobs]]
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
        self._send(jobs)
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
