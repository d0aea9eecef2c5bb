"""A localhost server for the benchmark: gzip like a real host, and optionally a slow link.

Text files go out gzip-compressed (level 6, or a ``.gz`` file beside them
when the build wrote one), with ``Content-Length`` giving the compressed
size, so what the browser counts is what a visitor would download. With
``throttle`` every request waits 150 ms before its first byte and all
responses share one 1.6 Mbit/s link, shaped by writing small chunks and
sleeping, as on a weak phone signal. The site's ``_headers`` file applies,
as with ``tools.serve``.

    python -m tools.bench_server [--port 8001] [--throttle] output
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import mimetypes
import sys
import threading
import time
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from pathlib import Path

from .serve import Handler, read_headers

LATENCY = 0.150  # seconds added before each response
BANDWIDTH = 1.6e6 / 8  # bytes per second, shared by every response
CHUNK = 2048
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
mimetypes.add_type("text/javascript", ".mjs")


class Link:
    """One shared connection of fixed bandwidth: chunks queue for it in turn."""

    def __init__(self, bytes_per_second: float):
        self.rate = bytes_per_second
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, wfile, data: bytes) -> None:
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            with self.lock:
                self.free_at = max(time.monotonic(), self.free_at) + len(chunk) / self.rate
                due = self.free_at
            time.sleep(max(0.0, due - time.monotonic()))
            wfile.write(chunk)


class BenchHandler(Handler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers use with a real host

    @property
    def rules(self):
        return self.server.rules

    def do_GET(self):
        body, headers = self.response()
        if body is None:
            return
        if self.server.throttled:
            time.sleep(LATENCY)
        self.send_response(HTTPStatus.OK)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.server.throttled:
            self.server.link.send(self.wfile, body)
        else:
            self.wfile.write(body)
        self.server.count(self.path, len(body))

    def response(self) -> tuple[bytes | None, dict]:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None, {}
            path = path / "index.html"
        if not path.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return None, {}
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Content-Type": kind}
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if gzip_ok and kind.startswith(COMPRESSIBLE):
            headers["Content-Encoding"] = "gzip"
            return self.server.compressed(path), headers
        return path.read_bytes(), headers


class BenchServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, throttle: bool, port: int = 0):
        self.rules = read_headers(root)
        super().__init__(("127.0.0.1", port), functools.partial(BenchHandler, directory=str(root)))
        self.throttled = throttle
        self.link = Link(BANDWIDTH)
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []
        self._gzipped: dict[Path, bytes] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def compressed(self, path: Path) -> bytes:
        """The gzip body of a file: the build's own ``.gz`` if it wrote one, else level 6."""
        if path not in self._gzipped:
            ready = path.with_name(path.name + ".gz")
            self._gzipped[path] = (
                ready.read_bytes() if ready.is_file() else gzip.compress(path.read_bytes(), 6, mtime=0)
            )
        return self._gzipped[path]

    def count(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path.split("?", 1)[0], size))

    def finished(self) -> list[tuple[str, int]]:
        """(path, compressed bytes) of every response sent in full since the last reset."""
        with self.lock:
            return list(self.sent)

    def reset(self) -> None:
        with self.lock:
            self.sent = []
            self.link.free_at = 0.0

    def handle_error(self, request, client_address):
        # The browser closes its connections once the first result is shown,
        # often mid-response; only other failures are worth printing.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(root: Path, throttle: bool = False):
    """A BenchServer on a free localhost port for the length of a ``with`` block."""
    server = BenchServer(Path(root), throttle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--throttle", action="store_true", help="150 ms per request, 1.6 Mbit/s shared")
    parser.add_argument("root", nargs="?", default="output")
    args = parser.parse_args(argv)
    server = BenchServer(Path(args.root), args.throttle, args.port)
    print(
        f"Serving {args.root}/ with gzip on {server.url}{' over a slow link' if args.throttle else ''} - Ctrl+C stops"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
