"""Benchmark the build and search at county scale, beside stock Pelican and Pagefind: ``make bench``.

Builds the real content and synthetic content of 1,000 and 10,000 entries
(``tools.bench_content``), several times each, and measures what issues 8
and 16 ask for: cold, warm and one-entry-changed build times and peak memory,
output size, entry-page weight, and search in headless Chromium (bytes before
the first result and time to it, on a fast and on a slow link). Stock Pelican
and Pagefind are measured in the same run, interleaved with our builds, so
each ratio compares figures taken at the same moment on the same machine.
At 10,000 entries our builds are also timed on content made from a second
seed, so the one-entry rebuild is not a property of one draw.
Writes the table to ``bench/results.md`` and the summary into README.md.

    python -m tools.bench [--sizes 1000,10000] [--runs 3] [--large-runs 2] [--second-seed 2] [--no-real] [--no-peers]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import gzip
import itertools
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from local_offer.loading import load_catalogue
from local_offer.yaml_source import ContentErrors
from pelican.settings import read_settings

from . import ROOT, bench_content, bench_peers, bench_relevance, bench_reload, bench_search
from .bench_server import serving

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results.md"
README = ROOT / "README.md"
SETTINGS = ROOT / "pelicanconf.py"
QUERY = "autism"
KB = 1000
LARGE = 10_000  # sizes from here up use --large-runs, and are built from a second seed too
REBUILD_SHARE = 0.20  # the most a one-entry rebuild may take, as a share of a cold build
RETRY_AFTER = 30  # seconds before running a failed build once more
DISCARDED = WORK / "discarded"
REAL = "Real content"
_discard_numbers = itertools.count()


# Measuring ---------------------------------------------------------------------


@dataclasses.dataclass
class Run:
    seconds: float
    ok: bool
    log: str
    processor: float  # seconds of processor time (user and system) of the command and every process it waited for


def processor_seconds() -> float:
    """The processor time of every finished child of this process, and theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_pss(pid: int) -> int:
    """Proportional set size of a process and all its descendants: each shared page counted once in all."""
    total = 0
    for member in process_tree(pid):
        try:
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE).group(1)) * 1024
        except (OSError, AttributeError):
            continue
    return total


def measure(command: list[str], cwd: Path = ROOT) -> Run:
    """Wall time and processor time of a command, start to exit."""
    log = WORK / "last-command.log"
    with open(log, "w") as output:
        started, used = time.perf_counter(), processor_seconds()
        process = subprocess.run(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, check=False)
        seconds = time.perf_counter() - started
    return Run(seconds, process.returncode == 0, log.read_text(errors="replace")[-3000:], processor_seconds() - used)


# Reading smaps_rollup walks a process's page tables, so it is sampled in
# runs of its own, never while a build is timed.
MEMORY_SAMPLE = 0.1


def peak_memory(command: list[str], cwd: Path = ROOT) -> int | None:
    """The largest memory a command and every process it starts hold together (PSS, sampled); None if it failed."""
    with open(WORK / "last-command.log", "w") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_pss(process.pid))
            time.sleep(MEMORY_SAMPLE)
    return peak if process.returncode == 0 else None


def one_line(log: str) -> str:
    """A build's log folded onto one line, to quote in a Markdown list."""
    return " ".join(log.split())


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


class PageWeigher:
    """Gzip weight of a page with the CSS and JavaScript it loads, each asset weighed once."""

    LINKS = re.compile(r"""<(?:link|script)\b[^>]*?\b(?:href|src)=["']([^"'#?]+)""", re.IGNORECASE)
    STYLESHEET_OR_SCRIPT = re.compile(r"\.(?:css|m?js)$")
    CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?["']?([^"')\s;]+)""")
    JS_IMPORT = re.compile(r"""(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']""", re.MULTILINE)

    def __init__(self, root: Path):
        self.root = root
        self.weights: dict[Path, int] = {}

    def resolve(self, url: str, base: Path) -> Path | None:
        if re.match(r"[a-z]+:", url):
            return None  # another origin (there should be none)
        path = (self.root / url.lstrip("/")) if url.startswith("/") else (base.parent / url)
        path = path.resolve()
        return path if path.is_file() else None

    def asset(self, path: Path, seen: set) -> int:
        if path in seen:
            return 0
        seen.add(path)
        data = path.read_bytes()
        weight = self.weights.setdefault(path, gz(data))
        pattern = self.CSS_IMPORT if path.suffix == ".css" else self.JS_IMPORT
        for url in pattern.findall(data.decode("utf-8", "replace")):
            found = self.resolve(url, path)
            if found:
                weight += self.asset(found, seen)
        return weight

    def page(self, path: Path) -> int:
        html = path.read_bytes()
        seen: set = set()
        weight = gz(html)
        for url in self.LINKS.findall(html.decode("utf-8", "replace")):
            found = self.resolve(url, path)
            if found and self.STYLESHEET_OR_SCRIPT.search(found.name):
                weight += self.asset(found, seen)
        return weight


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def index_bytes(search_folder: Path) -> int:
    """Gzip size of the search index and document store (every shard), not the page or the code."""
    total = 0
    for path in search_folder.rglob("*"):
        if path.is_file() and path.suffix not in (".html", ".js", ".mjs", ".gz", ".br"):
            total += gz(path.read_bytes())
    return total


# Benchmarking one site -----------------------------------------------------------


@dataclasses.dataclass
class Site:
    label: str
    entries: int
    content: Path
    runs: int
    # Only our builds' times: a second draw of content, for the rebuild figure.
    builds_only: bool = False
    figures: dict = dataclasses.field(default_factory=dict)
    notes: list = dataclasses.field(default_factory=list)
    problems: list = dataclasses.field(default_factory=list)

    @property
    def work(self) -> Path:
        return WORK / re.sub(r"\W+", "-", self.label.lower())

    def add(self, key: str, value) -> None:
        self.figures.setdefault(key, []).append(value)


def set_aside(path: Path) -> None:
    """Move a file or folder out of the way, to be deleted when the benchmark ends.

    Deleting tens of thousands of files makes creating new ones slow for
    minutes afterwards on this machine's disk (ext4 without a journal
    passes over recently freed inodes), which would land on whichever build
    came next. So nothing is deleted between measurements, for our build
    and the peers alike.
    """
    if path.exists():
        DISCARDED.mkdir(parents=True, exist_ok=True)
        path.rename(DISCARDED / f"{next(_discard_numbers)}-{path.name}")


def forget_builds(output: Path) -> None:
    """Set aside the output and whatever tools.build keeps beside it (its builds, caches and lock)."""
    for path in [output, *output.parent.glob(f".{output.name}.*")]:
        set_aside(path)


def change_entry(content: Path, run: int) -> None:
    """Change the summary of one entry, as an editor would."""
    for path in sorted((content / "services").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        changed = re.sub(
            r"(?m)^summary: .*$", f"summary: A summary changed by the benchmark, run {run}.", text, count=1
        )
        if changed != text:
            path.write_text(changed, encoding="utf-8")
            return
    raise SystemExit(f"no entry in {content} has a one-line summary to change")


def build_sites(site: Site, settings: dict, peers: bool, budget: float) -> bool:
    """Cold, warm and one-change builds of our site and stock Pelican, interleaved run by run.

    Stops early, with a note, when another run would take the builds past
    ``budget`` seconds, so that ``make bench`` ends in reasonable time.
    """
    output = site.work / "output"
    # What `make html` runs, on this site's content and into its own output.
    ours = [sys.executable, "-m", "tools.build", "--quiet", "--settings", str(SETTINGS),
            "--content", str(site.content), "--output", str(output)]
    try:
        catalogue = load_catalogue(site.content, settings)
    except ContentErrors as exc:
        site.problems.append("the content does not pass make check: " + "; ".join(map(str, exc.errors[:3])))
        return False
    site.figures["entry_pages"] = [entry.save_as for entry in catalogue.entries]
    if peers:
        set_aside(site.work / "pelican")
        stock_settings, site.figures["stock_pages"] = bench_peers.write_stock_site(catalogue, site.work / "pelican")
        stock_output = site.work / "pelican" / "output"
        stock = bench_peers.stock_build_command(stock_settings, stock_output)
    started = time.perf_counter()
    for run in range(site.runs):
        spent = time.perf_counter() - started
        if run and spent / run * (run + 1) > budget:
            site.notes.append(f"{run} run(s) instead of {site.runs}: one run of the builds took {spent / run:.0f} s")
            site.runs = run
            break
        print(f"  {site.label}: builds, run {run + 1} of {site.runs}", flush=True)
        steps = [
            (
                "",
                ours,
                lambda: forget_builds(output),
                lambda run=run: change_entry(site.content, run),
            )
        ]
        if peers:
            steps.append(
                (
                    "stock_",
                    stock,
                    lambda: set_aside(stock_output),
                    lambda run=run: bench_peers.change_article(site.work / "pelican", run),
                )
            )
        for phase in ("cold", "warm", "change"):
            for prefix, command, clear, change in steps:
                if phase == "cold":
                    clear()
                if phase == "change":
                    change()
                result = measure(command)
                who = "stock Pelican" if prefix else "our build"
                if not result.ok:
                    # Others edit the shared tree while this runs; one retry
                    # rides out a half-saved file or a package being reinstalled.
                    site.notes.append(
                        f"{who} failed once ({phase}, run {run + 1}) and was run again: {one_line(result.log)[-300:]}"
                    )
                    time.sleep(RETRY_AFTER)
                    if phase == "cold":
                        clear()
                    result = measure(command)
                if not result.ok:
                    site.problems.append(f"{who} failed ({phase}, run {run + 1}): {one_line(result.log)[-800:]}")
                    return False
                site.add(f"{prefix}{phase}", result.seconds)
                if phase == "cold":
                    site.add(f"{prefix}cold_processor", result.processor)
    memory_runs = [("", ours, lambda: forget_builds(output))]
    if peers:
        memory_runs.append(("stock_", stock, lambda: set_aside(stock_output)))
    for prefix, command, clear in memory_runs:
        print(f"  {site.label}: peak memory of a cold build ({'stock Pelican' if prefix else 'ours'})", flush=True)
        clear()
        peak = peak_memory(command)
        if peak is None:
            log = one_line((WORK / "last-command.log").read_text(errors="replace"))
            site.problems.append(f"a cold build failed while its memory was measured: {log[-300:]}")
        else:
            site.add(f"{prefix}memory", peak)
    return True


def weigh_outputs(site: Site, settings: dict, peers: bool) -> None:
    output = site.work / "output"
    site.figures["output"] = folder_bytes(output)
    weigher = PageWeigher(output)
    site.figures["weights"] = [weigher.page(output / page) for page in site.figures["entry_pages"]]
    search_url = settings.get("SEARCH", {}).get("SEARCH_URL", "search/")
    site.figures["index"] = index_bytes(output / search_url)
    if peers:
        stock_output = site.work / "pelican" / "output"
        site.figures["stock_output"] = folder_bytes(stock_output)
        weigher = PageWeigher(stock_output)
        site.figures["stock_weights"] = [weigher.page(stock_output / page) for page in site.figures["stock_pages"]]


def measure_search(site: Site, settings: dict, peers: bool, chromium) -> None:
    output = site.work / "output"
    search_url = settings.get("SEARCH", {}).get("SEARCH_URL", "search/")
    targets = [("", output, f"/{search_url}?q={QUERY}", bench_search.OUR_RESULT)]
    if peers:
        copy = site.work / "pagefind-site"
        set_aside(copy)
        site.figures["pagefind_index_seconds"] = bench_peers.pagefind_copy(output, copy)
        # Its index and stored fragments (already gzip), the counterpart of our index and documents.
        site.figures["pagefind_index"] = sum(
            p.stat().st_size
            for p in (copy / "pagefind").rglob("*")
            if p.is_file() and p.suffix in (".pf_index", ".pf_fragment", ".pf_meta")
        )
        bench_search.add_pagefind_page(copy)
        if site.label == REAL:
            # The relevance suite's answers are the real content's entries and guides.
            catalogue = load_catalogue(site.content, settings)
            site.figures["relevance"] = bench_relevance.measure(output, copy, chromium, catalogue)
        targets.append(("pagefind_", copy, bench_search.PAGEFIND_URL.format(query=QUERY), bench_search.PAGEFIND_RESULT))
    for run in range(site.runs):
        print(f"  {site.label}: search, run {run + 1} of {site.runs}", flush=True)
        for throttle in (False, True):
            for prefix, root, path, selector in targets:
                with serving(root, throttle) as server:
                    found = bench_search.first_result(chromium, server, path, selector)
                speed = "slow" if throttle else "fast"
                if found is None:
                    who = "Pagefind" if prefix else "our search"
                    site.problems.append(f"{who} showed no result for '{QUERY}' ({speed} link, run {run + 1})")
                    continue
                site.add(f"{prefix}search_{speed}_ms", found["ms"])
                site.add(f"{prefix}search_{speed}_bytes", found["bytes"])
                site.figures[f"{prefix}search_files"] = found["files"]
    # Pages that do not search must not fetch the index.
    entry_url = "/" + site.figures["entry_pages"][0].removesuffix("index.html")
    with serving(output) as server:
        fetched = [
            urlsplit(url).path
            for page in ("/", entry_url)
            for url in bench_search.requests_made(chromium, server.url + page)
        ]
    site.figures["index_leaks"] = sorted(
        {path for path in fetched if path.startswith(f"/{search_url}") and path != f"/{search_url}"}
    )


def bench_site(site: Site, peers: bool, chromium, budget: float) -> None:
    settings = read_settings(str(SETTINGS), override={"PATH": str(site.content)})
    site.work.mkdir(parents=True, exist_ok=True)
    if site.builds_only:
        build_sites(site, settings, False, budget)
    elif build_sites(site, settings, peers, budget):
        weigh_outputs(site, settings, peers)
        measure_search(site, settings, peers, chromium)
    print(f"  {site.label}: make serve, edit to reload", flush=True)
    site.figures["reload"] = bench_reload.measure(chromium, site.content, site.runs)


# Reporting ---------------------------------------------------------------------


def spread(values, unit: str, scale: float = 1, digits: int = 1) -> str:
    """'median (min–max) unit' of several runs, or the one value."""
    if not values:
        return "—"
    shown = [v / scale for v in values]
    median = statistics.median(shown)
    text = f"{median:,.{digits}f}"
    if len(shown) > 1:
        text += f" ({min(shown):,.{digits}f}–{max(shown):,.{digits}f})"
    return f"{text} {unit}".strip()


def median(site: Site, key: str):
    values = site.figures.get(key)
    return statistics.median(values) if values else None


def ratio(ours, peer) -> str:
    return f"{ours / peer:.2f}×" if ours is not None and peer else "—"


def verdict(ok) -> str:
    return "—" if ok is None else ("**met**" if ok else "**not met**")


def check(value, limit):
    return None if value is None else value <= limit


def rows(site: Site, scale_targets: bool) -> list[tuple]:
    """(measure, site, ours, peer, ratio, target, met) rows for one site."""
    f = site.figures
    large, small = site.entries >= LARGE, site.entries == 1000
    name = site.label
    out = []
    cold, stock_cold = median(site, "cold"), median(site, "stock_cold")
    cold_target, cold_ok = "", None
    if scale_targets and large and not site.builds_only:
        cold_target = "≤ 20 s and ≤ 0.4× Pelican"
        cold_ok = check(cold, 20) and (stock_cold is None or cold / stock_cold <= 0.4)
    elif scale_targets and small:
        cold_target, cold_ok = "≤ 3 s", check(cold, 3)
    out.append(
        (
            "Cold full build",
            name,
            spread(f.get("cold"), "s"),
            spread(f.get("stock_cold"), "s"),
            ratio(cold, stock_cold),
            cold_target,
            verdict(cold_ok) if cold_target else "",
        )
    )
    processor, stock_processor = median(site, "cold_processor"), median(site, "stock_cold_processor")
    cores = os.cpu_count() or 1
    out.append(
        (
            "Processor time, cold full build (every process)",
            name,
            spread(f.get("cold_processor"), "s") + (f", at least {processor / cores:,.1f} s on {cores} cores" if processor else ""),
            spread(f.get("stock_cold_processor"), "s"),
            ratio(processor, stock_processor),
            "",
            "",
        )
    )
    memory, stock_memory = median(site, "memory"), median(site, "stock_memory")
    memory_target = scale_targets and large and not site.builds_only
    out.append(
        (
            "Peak memory, cold build (build and workers together)",
            name,
            spread(f.get("memory"), "MB", 1e6, 0),
            spread(f.get("stock_memory"), "MB", 1e6, 0),
            ratio(memory, stock_memory),
            "≤ 3× stock Pelican" if memory_target else "",
            verdict(None if memory is None or not stock_memory else memory <= 3 * stock_memory) if memory_target else "",
        )
    )
    out.append(
        (
            "Warm rebuild, nothing changed",
            name,
            spread(f.get("warm"), "s"),
            spread(f.get("stock_warm"), "s"),
            ratio(median(site, "warm"), median(site, "stock_warm")),
            "",
            "",
        )
    )
    change = median(site, "change")
    change_target = scale_targets and large
    change_ok = None if cold is None or change is None else change <= REBUILD_SHARE * cold
    share = f", {change / cold:.0%} of cold" if cold and change is not None else ""
    out.append(
        (
            "Rebuild after changing one entry",
            name,
            spread(f.get("change"), "s") + share,
            spread(f.get("stock_change"), "s"),
            ratio(change, median(site, "stock_change")),
            f"≤ {REBUILD_SHARE:.0%} of cold" if change_target else "",
            verdict(change_ok) if change_target else "",
        )
    )
    if site.builds_only:
        return out
    if "output" in f:
        (size, files), (stock_size, stock_files) = f["output"], f.get("stock_output", (None, None))
        out.append(
            (
                "Output size",
                name,
                f"{size / 1e6:,.1f} MB, {files:,} files",
                f"{stock_size / 1e6:,.1f} MB, {stock_files:,} files" if stock_size else "—",
                ratio(size, stock_size),
                "",
                "",
            )
        )
        weights, stock_weights = f["weights"], f.get("stock_weights") or []
        out.append(
            (
                "Entry page weight, median (HTML+CSS+JS, gzip)",
                name,
                f"{statistics.median(weights) / KB:,.1f} KB",
                f"{statistics.median(stock_weights) / KB:,.1f} KB" if stock_weights else "—",
                ratio(statistics.median(weights), statistics.median(stock_weights) if stock_weights else None),
                "",
                "",
            )
        )
        out.append(
            (
                "Entry page weight, largest",
                name,
                f"{max(weights) / KB:,.1f} KB",
                f"{max(stock_weights) / KB:,.1f} KB" if stock_weights else "—",
                ratio(max(weights), max(stock_weights) if stock_weights else None),
                "≤ 60 KB",
                verdict(max(weights) <= 60 * KB),
            )
        )
        out.append(
            (
                "Search index and documents (gzip)",
                name,
                f"{f['index'] / KB:,.1f} KB",
                f"{f['pagefind_index'] / KB:,.1f} KB (Pagefind index and fragments)" if "pagefind_index" in f else "—",
                ratio(f["index"], f.get("pagefind_index")),
                "",
                "",
            )
        )
    for speed, words in (("fast", "unthrottled"), ("slow", "150 ms + 1.6 Mbit/s")):
        key = f"search_{speed}_bytes"
        if speed == "fast":
            limit = 250 if large else 100 if small else None
            ours_bytes, peer_bytes = median(site, key), median(site, "pagefind_" + key)
            met = None
            if limit and scale_targets and ours_bytes is not None:
                met = ours_bytes <= limit * KB and (peer_bytes is None or ours_bytes < peer_bytes)
            out.append(
                (
                    f"First search '{QUERY}': bytes before the first result",
                    name,
                    spread(f.get(key), "KB", KB),
                    spread(f.get("pagefind_" + key), "KB", KB),
                    ratio(ours_bytes, peer_bytes),
                    f"≤ {limit} KB and below Pagefind" if limit and scale_targets else "",
                    verdict(met) if limit and scale_targets else "",
                )
            )
        key = f"search_{speed}_ms"
        ours_ms, peer_ms = median(site, key), median(site, "pagefind_" + key)
        limit = (2.5 if large else 1.5 if small else None) if speed == "slow" else None
        met = None
        if limit and scale_targets and ours_ms is not None:
            met = ours_ms <= limit * 1000 and (peer_ms is None or ours_ms < peer_ms)
        out.append(
            (
                f"Time to first result, {words}",
                name,
                spread(f.get(key), "s", 1000, 2),
                spread(f.get("pagefind_" + key), "s", 1000, 2),
                ratio(ours_ms, peer_ms),
                f"≤ {limit} s and below Pagefind" if limit and scale_targets else "",
                verdict(met) if limit and scale_targets else "",
            )
        )
    if "reload" in f:
        # The target of issue 18, for the real content.
        real = not site.label.startswith("Synthetic")
        out.append(
            (
                "make serve: saving an edit to the page showing it",
                name,
                spread(f["reload"], "s", digits=2),
                "",
                "",
                "≤ 2 s" if real else "",
                verdict(median(site, "reload") <= 2) if real else "",
            )
        )
    if "index_leaks" in f:
        leaks = f["index_leaks"]
        out.append(
            (
                "Search files fetched by the home and an entry page",
                name,
                ", ".join(leaks) or "none",
                "",
                "",
                "none",
                verdict(not leaks),
            )
        )
    return out


def growth_rows(sites: list[Site]) -> list[tuple]:
    by_size = {s.entries: s for s in sites if s.label.startswith("Synthetic") and not s.builds_only}
    if 1000 not in by_size or LARGE not in by_size:
        return []
    small, large = by_size[1000], by_size[LARGE]
    out = []
    for label, key in (
        ("cold build time", "cold"),
        ("search index bytes", "index"),
        ("first-search bytes", "search_fast_bytes"),
    ):
        a = small.figures.get(key) if key == "index" else median(small, key)
        b = large.figures.get(key) if key == "index" else median(large, key)
        if a and b:
            factor = b / a
            out.append(
                (
                    f"Growth of {label}, 1,000 → 10,000 entries",
                    "10× entries",
                    f"×{factor:.1f}",
                    "",
                    "",
                    "linear or better (≤ ×10)",
                    verdict(factor <= 10),
                )
            )
    return out


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) * 1024
    node = subprocess.run(["node", "--version"], check=False, capture_output=True, text=True).stdout.strip()
    pagefind = subprocess.run(
        [str(bench_peers.PAGEFIND), "--version"], check=False, capture_output=True, text=True
    ).stdout.strip()
    import pelican

    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": f"{memory / 2**30:.1f} GiB",
        "system": f"{platform.system()} {platform.release()}",
        "versions": f"Python {platform.python_version()}, Node {node}, Pelican {pelican.__version__}, {pagefind}",
    }


def render(sites: list[Site], info: dict, started: datetime.datetime, seconds: float) -> str:
    table = [("Measure", "Site", "This site", "Peer: stock Pelican / Pagefind", "Ratio", "Target", "Met")]
    for site in sites:
        table += rows(site, scale_targets=site.label.startswith("Synthetic"))
    table += growth_rows(sites)
    lines = ["| " + " | ".join(table[0]) + " |", "|" + "---|" * len(table[0])]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in table[1:]]
    notes = [f"- {site.label}: {note}" for site in sites for note in site.notes]
    problems = [f"- {site.label}: {problem}" for site in sites for problem in site.problems]
    sizes = ", ".join(f"{s.label} ({s.entries:,} entries): {s.runs} run{'s' if s.runs > 1 else ''}" for s in sites)
    files = {s.label: s.figures.get("search_files") for s in sites if s.figures.get("search_files")}
    parts = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (tools/bench.py) on {started:%Y-%m-%d %H:%M} UTC in {seconds / 60:.0f} minutes.",
        "",
        f"- Machine: {info['cpu']}, {info['memory']} memory, {info['system']}",
        f"- Software: {info['versions']}, Chromium {info['chromium']}",
        (
            f"- Load average when the run started: {info['load_start']}; when it ended: {info['load_end']} "
            "(the machine is shared, so compare ratios more than absolute times)"
        ),
        f"- Runs: {sizes}. Each figure is the median, with the lowest and highest in brackets.",
        "",
        *lines,
        "",
        "## How each figure is measured",
        "",
        (
            "- **Builds** run `tools.build` (ours) and the `pelican` command (stock) as child processes; time is wall-clock "
            "from start to exit, Python start-up included. Cold: no output folder, no cache, nothing kept from an earlier build. "
            "Before each cold build the benchmark moves earlier outputs aside (ours and stock Pelican's alike) and deletes them "
            "when it ends, because on this disk deleting tens of thousands of files slows the creation of new ones for minutes "
            "after, which would land on whichever build came next. A build's own deleting is its own cost: our rebuilds delete "
            "what they replace themselves. "
            "Warm: the same build again, nothing changed (ours links every unchanged file from the cold build into a new folder). "
            "One entry changed: the `summary` of one entry (one article for stock Pelican) rewritten first; ours then "
            "starts from the folder of the build before the last one, as every later rebuild does. "
            f"The second seed's content is built by ours only, the same way, to time the rebuild on another draw."
        ),
        (
            "- **Processor time** of a cold build is the user and system time of the build and every process it "
            "started and waited for (`RUSAGE_CHILDREN`), from the timed cold builds. Divided by the number of cores it "
            "is the shortest time the build could take however its work were spread over them: stock Pelican uses "
            "one core, so a cold build can be no less than that share of Pelican's time unless it does less work."
        ),
        (
            "- **Peak memory** is measured in a cold build of its own, for ours and stock Pelican alike, never in a timed "
            f"one: the proportional set size (PSS) of the build and every process it started, summed and sampled every "
            f"{MEMORY_SAMPLE:g} s. PSS divides each page shared by several processes between them, so the total is the "
            "memory the build really holds: summing resident sizes would count the pages our forked workers share with the "
            "build several times over, and the largest single process's resident size (`RUSAGE_CHILDREN`) would leave "
            "out every worker but one."
        ),
        (
            "- **Stock Pelican** builds one Markdown article per entry (name as title, description as body, first type of "
            "help as category, needs as tags) with `pelican-quickstart`'s default settings and theme, by the same Pelican."
        ),
        (
            "- **Page weight** is the gzip (level 6) size of an entry page plus every stylesheet and script it loads, "
            "following `@import` and static `import`; images and fonts are not counted. KB = 1,000 bytes."
        ),
        (
            f"- **Search** opens `/search/?q={QUERY}` in headless Chromium with an empty cache, served by "
            "`tools.bench_server` with gzip; the slow link adds 150 ms before every response and shares 1.6 Mbit/s between "
            "all of them. Bytes are the compressed bodies the server had finished sending when the first result link "
            "appeared; time is from the start of navigation to that moment."
        ),
        (
            "- **Pagefind** (the npm package's binary) indexes a copy of the same built site and is measured the same way "
            "with its default UI on a page of its own. That copy is served without the site's Content-Security-Policy, "
            "which blocks the WebAssembly Pagefind needs."
        ),
        (
            "- **make serve** serves a copy of the content as `make serve` does (`tools.bench_reload`), with an entry "
            "page open in headless Chromium; the time is from writing a changed summary to that entry's file until "
            "the page, rebuilt and reloaded by itself, shows it."
        ),
        "- **Growth** divides the 10,000-entry figure by the 1,000-entry one: ×10 is linear.",
    ]
    relevance = next((s.figures["relevance"] for s in sites if "relevance" in s.figures), None)
    if relevance:
        parts += ["", bench_relevance.section(relevance).rstrip("\n")]
    if files:
        parts += ["", "## What the first search downloaded", ""]
        for label, found in files.items():
            listed = ", ".join(f"`{path}` {size / KB:,.1f} KB" for path, size in found)
            parts.append(f"- {label}: {listed}")
    if notes:
        parts += ["", "## Notes on this run", "", *notes]
    if problems:
        parts += ["", "## Problems in this run", "", *problems]
    return "\n".join(parts) + "\n"


def update_readme(results: str, started: datetime.datetime) -> None:
    """Replace the README's Performance section with the rows that carry a target."""
    if not README.exists():
        return
    text = README.read_text(encoding="utf-8")
    match = re.search(r"(?ms)^## Performance\n.*?(?=^## |\Z)", text)
    if not match:
        return
    table = [line for line in results.splitlines() if line.startswith("|")]
    targets = [line for line in table[2:] if "**met**" in line or "**not met**" in line]
    section = (
        "## Performance\n\n"
        "`make bench` builds the real site and synthetic directories of 1,000 and\n"
        "10,000 entries (`make bench-content N=10000` writes one on its own), and\n"
        "measures build times (wall clock and processor), memory, page weight and\n"
        "search in headless Chromium beside stock Pelican and Pagefind in the same\n"
        "run. The targets from issues 8 and 16, as\n"
        f"last measured on {started:%-d %B %Y}:\n\n"
        + "\n".join(table[:2] + targets)
        + "\n\nEvery figure, the machine and how each is measured are in\n"
        "[`bench/results.md`](bench/results.md).\n\n"
    )
    README.write_text(text[: match.start()] + section + text[match.end() :], encoding="utf-8")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="synthetic sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--large-runs", type=int, default=2, help=f"runs at {LARGE:,} entries or more (default 2)")
    parser.add_argument(
        "--budget", type=float, default=600, help="seconds of builds per site before fewer runs (default 600)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--second-seed", type=int, default=2, help=f"seed of the second content timed at {LARGE:,} entries or more (0: none)"
    )
    parser.add_argument("--no-real", action="store_true", help="leave out the real content")
    parser.add_argument("--no-peers", action="store_true", help="leave out stock Pelican and Pagefind")
    parser.add_argument("--output", default=str(RESULTS), help="where to write the table (default bench/results.md)")
    args = parser.parse_args(argv)
    started, clock = datetime.datetime.now(datetime.UTC), time.perf_counter()
    info = machine() | {"load_start": load_average()}
    WORK.mkdir(parents=True, exist_ok=True)

    sites = []
    if not args.no_real:
        # Not the site's work folder (WORK / "real-content"), where its output goes: content may hold no links.
        real = WORK / "content-real"
        set_aside(real)
        # A snapshot, so edits to content/ during the run change nothing and we never write there.
        shutil.copytree(ROOT / "content", real)
        sites.append(Site(REAL, len(list((real / "services").rglob("*.yaml"))), real, args.runs))
    for size in (int(s) for s in args.sizes.split(",") if s):
        content = WORK / f"content-{size}"
        print(f"Writing {size:,} synthetic entries into {content}", flush=True)
        if (content / bench_content.MARKER).exists():
            set_aside(content)
        bench_content.write(size, args.seed, content, ROOT / "content")
        sites.append(Site(f"Synthetic {size:,}", size, content, args.large_runs if size >= LARGE else args.runs))
        if size >= LARGE and args.second_seed:
            other = WORK / f"content-{size}-seed-{args.second_seed}"
            print(f"Writing {size:,} synthetic entries from seed {args.second_seed} into {other}", flush=True)
            if (other / bench_content.MARKER).exists():
                set_aside(other)
            bench_content.write(size, args.second_seed, other, ROOT / "content")
            label = f"Synthetic {size:,}, seed {args.second_seed}"
            sites.append(Site(label, size, other, args.large_runs, builds_only=True))

    with bench_search.browser() as chromium:
        info["chromium"] = chromium.version
        for site in sites:
            print(f"Benchmarking {site.label} ({site.entries:,} entries)", flush=True)
            bench_site(site, not args.no_peers, chromium, args.budget)
    info["load_end"] = load_average()

    print(f"Deleting what the runs set aside ({DISCARDED})", flush=True)
    shutil.rmtree(DISCARDED, ignore_errors=True)
    results = render(sites, info, started, time.perf_counter() - clock)
    Path(args.output).write_text(results, encoding="utf-8")
    if Path(args.output) == RESULTS:
        update_readme(results, started)
    print(results)
    return 1 if any(site.problems for site in sites) else 0


if __name__ == "__main__":
    sys.exit(main())
