"""make bench's report: what it measures of a build and how it shows it."""

from __future__ import annotations

import os
import sys

from tools import bench

# A child that starts a grandchild, which uses 0.3 s of processor time, and waits for it.
BUSY_GRANDCHILD = (
    "import subprocess, sys; subprocess.run([sys.executable, '-c', "
    "'import time\\nwhile time.process_time() < 0.3: pass'], check=True)"
)


def test_a_build_s_processor_time_counts_the_processes_it_started(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "WORK", tmp_path)
    run = bench.measure([sys.executable, "-c", BUSY_GRANDCHILD], cwd=tmp_path)
    assert run.ok
    # The grandchild's time is there: a worker's rendering counts as the build's work.
    assert run.processor >= 0.3


def test_the_report_shows_processor_time_beside_stock_pelican_and_the_least_time_the_cores_allow(tmp_path):
    site = bench.Site("Synthetic 10,000", 10_000, tmp_path, runs=2)
    for ours, stock in ((24.0, 36.0), (26.0, 34.0)):
        site.add("cold", 15.0)
        site.add("stock_cold", 25.0)
        site.add("cold_processor", ours)
        site.add("stock_cold_processor", stock)
    row = next(r for r in bench.rows(site, scale_targets=True) if r[0].startswith("Processor time"))
    cores = os.cpu_count() or 1
    assert row[2] == f"25.0 (24.0–26.0) s, at least {25 / cores:,.1f} s on {cores} cores"
    assert row[3] == "35.0 (34.0–36.0) s"
    assert row[4] == bench.ratio(25.0, 35.0)
