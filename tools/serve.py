"""Serve a built site on localhost the way a static host would.

Applies the headers in the site's ``_headers`` file (Netlify/Cloudflare
format), so what you see locally runs under the same Content-Security-Policy
as the published site.

    python -m tools.serve [--port 8000] output
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def read_headers(root: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse a ``_headers`` file: a path pattern, then indented 'Name: value' lines."""
    rules, current = [], None
    path = root / "_headers"
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = (line.strip(), [])
            rules.append(current)
        elif current is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            current[1].append((name.strip(), value.strip()))
    return rules


class Handler(SimpleHTTPRequestHandler):
    rules: list = []

    def end_headers(self):
        request_path = self.path.split("?", 1)[0]
        # As on Netlify, a later matching rule replaces an earlier rule's
        # header of the same name (so /admin/* can have its own policy).
        chosen = {}
        for pattern, headers in self.rules:
            if fnmatch.fnmatch(request_path, pattern.replace(":splat", "*")):
                chosen.update(headers)
        for name, value in chosen.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature set by http.server
        pass


def make_server(root: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    handler = functools.partial(Handler, directory=str(root))
    Handler.rules = read_headers(root)
    return ThreadingHTTPServer((host, port), handler)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("root", nargs="?", default="output")
    args = parser.parse_args(argv)
    server = make_server(Path(args.root), args.port)
    print(f"Serving {args.root}/ on http://localhost:{args.port} - press Ctrl+C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
