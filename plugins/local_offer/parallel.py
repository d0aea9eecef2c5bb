"""Render many pages on every core.

Rendering thousands of entry pages is the longest step of a county-sized
build and each page is independent, so the work is split across forked
worker processes. Forking lets each worker use the catalogue and the Jinja
environment the parent already built, with nothing to pickle but indexes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os

# Below this many pages, starting processes costs more than it saves.
MIN_PAGES_PER_WORKER = 200

_job = None


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if not getattr(record, "advisory", False):
            self.count += 1


def _run_share(share: tuple[int, int]) -> int:
    """Render every step-th item from start; return how many problems were logged."""
    start, step = share
    items, render = _job
    counter = _Counter()
    logging.getLogger().addHandler(counter)
    for item in items[start::step]:
        render(item)
    return counter.count


def run(items: list, render, workers: int | None = None) -> int:
    """Call ``render(item)`` for every item, in parallel when it pays.

    Returns the number of warnings and errors logged by worker processes,
    which the parent's build cannot see, so the caller can fail the build.
    """
    global _job
    workers = min(workers or os.cpu_count() or 1, len(items) // MIN_PAGES_PER_WORKER)
    if workers < 2:
        for item in items:
            render(item)
        return 0
    _job = (items, render)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return sum(pool.map(_run_share, [(i, workers) for i in range(workers)]))
    finally:
        _job = None
