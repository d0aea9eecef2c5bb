"""Spread independent work over every core.

Reading thousands of entry files and rendering thousands of entry pages
are the longest steps of a county-sized build, and each file or page is
independent, so the work is split across forked worker processes. Forking
lets each worker use what the parent already built (vocabularies, the
catalogue, the Jinja environment), with nothing to pickle but indexes and
results.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback

# Below this many pages, starting processes costs more than it saves.
MIN_PAGES_PER_WORKER = 200

_job = None
# Work started with start() and not yet collected with wait_all().
_running: list = []


class ProblemCounter(logging.Handler):
    """Counts the warnings and errors logged, which fail a build.

    A warning logged with ``extra={"advisory": True}`` (such as an entry due
    for review) is shown but does not count: it asks for attention, not a
    fix before publishing. The build uses this counter too.
    """

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if not getattr(record, "advisory", False):
            self.count += 1


def _run_share(share: tuple[int, int]) -> tuple[list, int]:
    """Call the job on every step-th item from start; return the results and the problems logged."""
    start, step = share
    items, function = _job
    counter = ProblemCounter()
    logging.getLogger().addHandler(counter)
    return [function(item) for item in items[start::step]], counter.count


def _shares(items: list, function, workers: int | None) -> tuple[list, int]:
    global _job
    workers = min(workers or os.cpu_count() or 1, len(items) // MIN_PAGES_PER_WORKER)
    if workers < 2:
        return [function(item) for item in items], 0
    _job = (items, function)
    try:
        # The parent takes the first share itself rather than wait idle.
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            others = pool.map_async(_run_share, [(i, workers) for i in range(1, workers)])
            mine = [function(item) for item in items[0::workers]]
            shares = [(mine, 0), *others.get()]
    finally:
        _job = None
    results = [None] * len(items)
    for start, (found, _) in enumerate(shares):
        results[start::workers] = found
    return results, sum(problems for _, problems in shares)


def run(items: list, render, workers: int | None = None) -> int:
    """Call ``render(item)`` for every item, in parallel when it pays.

    Returns the number of warnings and errors logged by worker processes,
    which the parent's build cannot see, so the caller can fail the build.
    """
    return _shares(items, render, workers)[1]


def collect(items: list, function, workers: int | None = None) -> list:
    """``[function(item) for item in items]``, in parallel when it pays; results must pickle."""
    return _shares(items, function, workers)[0]


def _background_share(share: tuple[int, int], connection) -> None:
    """A worker's life: its share of the job, then how many problems it logged (a crash is one more)."""
    start, step = share
    items, function = _job
    counter = ProblemCounter()
    logging.getLogger().addHandler(counter)
    try:
        for item in items[start::step]:
            function(item)
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the build
        traceback.print_exc()
        counter.count += 1
    connection.send(counter.count)
    connection.close()


def start(items: list, function, workers: int | None = None, light: bool = False) -> bool:
    """Start calling ``function(item)`` for every item in worker processes, and return at once.

    The build goes on with other work meanwhile; ``wait_all()`` collects the
    workers. Returns False, having started nothing, when there are too few
    items for it to pay: the caller then does the work itself. ``light``
    work (linking files, say) soon leaves its core to ``in_background``.
    """
    global _job
    workers = min(workers or os.cpu_count() or 1, len(items) // MIN_PAGES_PER_WORKER)
    if workers < 1:
        return False
    context = multiprocessing.get_context("fork")
    _job = (items, function)
    try:
        # Plain processes, not a Pool: a Pool's threads in the parent would
        # make every later fork (another plugin's workers) unsafe.
        for share in range(workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_background_share, args=((share, workers), send), daemon=True)
            process.start()
            send.close()
            _running.append((process, receive, light))
    finally:
        _job = None
    return True


def _background_call(function, args, connection) -> None:
    problems = 0
    try:
        function(*args)
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the build
        traceback.print_exc()
        problems = 1
    connection.send(problems)
    connection.close()


def _cores_taken() -> bool:
    """Whether workers already running have every core, or this is a worker (which cannot start one)."""
    if multiprocessing.parent_process() is not None:
        return True
    return sum(process.is_alive() for process, _, light in _running if not light) >= (os.cpu_count() or 1)


def in_background(function, *args) -> None:
    """Call ``function(*args)`` in a worker process and return at once; ``wait_all()`` collects it.

    For work whose result is a file, such as saving a cache, that need not
    hold up the rest of the build. While other workers have every core (the
    entry pages of a cold build) it is done here and now instead: a fork
    would wait for a core anyway, and costs this process its memory copied
    page by page as both go on. So it is in a worker, such as one writing
    open data, which may not start workers of its own.
    """
    if _cores_taken():
        function(*args)
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_background_call, args=(function, args, send), daemon=True)
    process.start()
    send.close()
    _running.append((process, receive, False))


def wait_all() -> int:
    """Wait for every started worker; return the problems they logged (a crash counts as one)."""
    problems = 0
    while _running:
        process, receive, _ = _running.pop()
        try:
            count = receive.recv()
        except EOFError:  # the worker died without reporting
            count = 1
        process.join()
        problems += count
    return problems


def stop_all() -> None:
    """Stop workers still running, when the build has failed and their output is not wanted."""
    while _running:
        process, *_ = _running.pop()
        process.terminate()
        process.join()
