"""The benchmark's synthetic content and its gzip, slow-link server."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tools import bench_content, bench_server

ROOT = Path(__file__).resolve().parent.parent


def files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "content"
    counts = bench_content.write(30, 1, out, ROOT / "content")
    return out, counts


def test_synthetic_content_passes_make_check(synthetic):
    out, counts = synthetic
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", "--content", str(out)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checked 30 entries" in result.stdout
    # Every kind of entry, information pages and feedback are all represented.
    assert all(counts[kind] >= 1 for kind in ("service", "special_school", "arp", "ias"))
    assert counts["pages"] >= 2 and counts["feedback"] >= 2
    assert (out / "services" / "ias" / "iass.yaml").exists()


def test_descriptions_are_150_to_400_words(synthetic):
    import yaml

    out, _ = synthetic
    for path in (out / "services").rglob("*.yaml"):
        text = yaml.safe_load(path.read_text(encoding="utf-8"))["description"]
        words = len(re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text))
        assert 150 <= words <= 400, f"{path.name}: {words} words"


def test_same_seed_writes_identical_files(synthetic, tmp_path):
    out, _ = synthetic
    bench_content.write(30, 1, tmp_path / "again", ROOT / "content")
    bench_content.write(30, 2, tmp_path / "other", ROOT / "content")
    assert files(tmp_path / "again") == files(out)
    assert files(tmp_path / "other") != files(out)


def test_refuses_to_empty_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit, match="not written by bench_content"):
        bench_content.write(5, 1, tmp_path, ROOT / "content")
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def fetch(server, path):
    request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


@pytest.fixture
def site(tmp_path):
    (tmp_path / "search").mkdir()
    page = ("<!doctype html><title>Search</title>" + "<p>Short breaks and respite for families.</p>" * 400).encode()
    (tmp_path / "search" / "index.html").write_bytes(page)
    (tmp_path / "_headers").write_text("/*\n  Content-Security-Policy: default-src 'self'\n")
    return tmp_path, page


def test_server_sends_gzip_with_its_compressed_length_and_the_site_headers(site):
    root, page = site
    with bench_server.serving(root) as server:
        headers, body = fetch(server, "/search/?q=autism")
    assert headers["Content-Encoding"] == "gzip"
    assert int(headers["Content-Length"]) == len(body) < len(page)
    assert gzip.decompress(body) == page
    assert headers["Content-Security-Policy"] == "default-src 'self'"
    assert server.finished() == [("/search/", len(body))]


def test_throttled_server_waits_before_answering_and_paces_the_bytes(site, monkeypatch):
    root, page = site
    sleeps = []
    monkeypatch.setattr(bench_server.time, "sleep", sleeps.append)
    with bench_server.serving(root, throttle=True) as server:
        started = bench_server.time.monotonic()
        _, body = fetch(server, "/search/")
        # The shared link is booked for as long as these bytes take at 1.6 Mbit/s.
        assert server.link.free_at - started >= len(body) / bench_server.BANDWIDTH
    assert gzip.decompress(body) == page
    assert sleeps[0] == bench_server.LATENCY
    assert len(sleeps) == 1 + -(-len(body) // bench_server.CHUNK)

    sleeps.clear()
    with bench_server.serving(root) as server:
        fetch(server, "/search/")
        assert server.link.free_at == 0
    assert sleeps == []
