"""Serve a built site on localhost the way a static host would.

Applies the headers in the site's ``_headers`` file (Netlify/Cloudflare
format), so what you see locally runs under the same Content-Security-Policy
as the published site.

With ``--watch`` (``make serve``) the site is rebuilt whenever its sources
change (``tools.watch``) and the pages open in a browser reload by
themselves. This server adds the small script that does it (``tools/live/``)
to each page as it serves it: the published site never carries it. The
script follows the server's event stream, and after a failed rebuild shows
the problems on the page while the last good site stays served.

With ``--edit`` (``make edit``) it also runs Decap CMS's local backend
(``tools.local_backend``), passes the web editor's requests to it, and
serves ``/admin/config.yml`` with ``local_backend`` set, so the editor at
/admin/ saves to the content files on this computer.

    python -m tools.serve [--port 8000] [--watch | --edit] [--settings pelicanconf.py] [--content DIR] output
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fnmatch
import functools
import html
import http.client
import io
import json
import signal
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import watch

LIVE = "/_live/"
EVENTS = LIVE + "events"
LIVE_FILES = Path(__file__).with_name("live")
API = "/api/v1"
# An open page hears from the server at least this often, so a closed tab's
# stream is noticed and ended.
HEARTBEAT = 15
# Names a browser may use for this computer. Requests to the local backend
# naming any other host are refused: a web page elsewhere could otherwise
# point its own name at this computer and write to the content files.
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}


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
    @property
    def rules(self):
        return self.server.rules

    def site_headers(self) -> dict:
        request_path = self.path.split("?", 1)[0]
        # As on Netlify, a later matching rule replaces an earlier rule's
        # header of the same name (so /admin/* can have its own policy).
        chosen = {}
        for pattern, headers in self.rules:
            if fnmatch.fnmatch(request_path, pattern.replace(":splat", "*")):
                chosen.update(headers)
        return chosen

    def end_headers(self):
        for name, value in self.site_headers().items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature set by http.server
        pass


class SiteServer(ThreadingHTTPServer):
    """Serves ``root`` with the headers of its ``_headers`` file, read again when the file changes."""

    daemon_threads = True

    def __init__(self, root: Path, port: int, host: str = "127.0.0.1", handler=Handler):
        self.root = Path(root)
        self._rules = (None, [])
        super().__init__((host, port), functools.partial(handler, directory=str(root)))

    @property
    def rules(self) -> list:
        try:
            stamp = (self.root / "_headers").stat().st_mtime_ns
        except OSError:
            stamp = None
        if stamp != self._rules[0]:
            self._rules = (stamp, read_headers(self.root))
        return self._rules[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def make_server(root: Path, port: int, host: str = "127.0.0.1") -> SiteServer:
    return SiteServer(root, port, host)


# -- make serve: rebuild and reload -------------------------------------------

def with_client(page: bytes, version: str) -> bytes:
    """An HTML page with the live-reload script and its styles added to its head."""
    tags = (
        f'<link rel="stylesheet" href="{LIVE}reload.css">'
        f'<script src="{LIVE}reload.js" data-version="{html.escape(version)}" defer></script>'
    ).encode()
    head_end = page.find(b"</head>")
    return page[:head_end] + tags + page[head_end:] if head_end >= 0 else tags + page


class LiveHandler(Handler):
    """The handler for ``make serve`` and ``make edit``."""

    error_page = (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%(code)d %(message)s</title></head>"
        "<body><h1>%(code)d %(message)s</h1><p>%(explain)s</p></body></html>"
    )

    def site_headers(self) -> dict:
        # Every response afresh: a page must never come from the browser's cache after a rebuild.
        return {**super().site_headers(), "Cache-Control": "no-store"}

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == EVENTS:
            self.send_events()
        elif path.startswith(LIVE):
            self.send_live_file(path[len(LIVE):])
        elif path == "/admin/config.yml" and self.server.backend_port:
            self.send_local_config()
        else:
            super().do_GET()

    def do_POST(self):
        if urlsplit(self.path).path == API and self.server.backend_port:
            self.pass_to_backend()
        else:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def send_head(self):
        url_path = urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        # Decap's app at /admin/ would lose unsaved work if it reloaded.
        if path.suffix != ".html" or not path.is_file() or url_path.startswith("/admin/"):
            return super().send_head()
        body = with_client(path.read_bytes(), self.server.rebuilds.outcome.version)
        self.start_reply(body, "text/html; charset=utf-8")
        return io.BytesIO(body)

    def start_reply(self, body: bytes, content_type: str, status=HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()

    def reply(self, body: bytes, content_type: str, status=HTTPStatus.OK) -> None:
        self.start_reply(body, content_type, status)
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        # Before the first good build there is no site: the error page still
        # carries the script, so it shows why and reloads when there is one.
        self.error_message_format = with_client(self.error_page.encode(), self.server.rebuilds.outcome.version).decode()
        super().send_error(code, message, explain)

    def send_live_file(self, name: str):
        kinds = {"reload.js": "text/javascript; charset=utf-8", "reload.css": "text/css; charset=utf-8"}
        if name not in kinds:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        self.reply((LIVE_FILES / name).read_bytes(), kinds[name])

    def send_events(self):
        """The build outcome as a stream of server-sent events, one each time it changes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        rebuilds, seen = self.server.rebuilds, None
        while not self.server.closing.is_set():
            outcome = rebuilds.wait(seen, HEARTBEAT)
            if self.server.closing.is_set():
                break
            message = ": still here\n\n" if outcome is seen else f"data: {json.dumps(outcome.as_json())}\n\n"
            try:
                self.wfile.write(message.encode())
                self.wfile.flush()
            except OSError:  # the page was closed
                break
            seen = outcome

    # -- make edit: Decap CMS's local backend ----------------------------------

    def local_request(self) -> bool:
        """Whether the request names this computer and comes from this site's own pages."""
        host = urlsplit(f"//{self.headers.get('Host', '')}").hostname
        origin = self.headers.get("Origin")
        return host in LOCAL_NAMES | {self.server.server_address[0]} and origin in (None, f"http://{self.headers['Host']}")

    def send_local_config(self):
        if not self.local_request():
            self.send_error(HTTPStatus.FORBIDDEN, "The web editor only works on this computer's own address")
            return
        from editor_config import decap

        built = self.server.root / "admin" / "config.yml"
        if not built.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        settings = decap.local_backend(yaml.safe_load(built.read_text(encoding="utf-8")), f"http://{self.headers['Host']}{API}")
        text = "# Made by make edit: saves go to the files on this computer.\n" + yaml.safe_dump(
            settings, sort_keys=False, allow_unicode=True, width=120
        )
        self.reply(text.encode(), "text/yaml; charset=utf-8")

    def pass_to_backend(self):
        """Hand the web editor's request to decap-server and its answer back."""
        if not self.local_request() or self.headers.get_content_type() != "application/json":
            self.send_error(HTTPStatus.FORBIDDEN, "The web editor only works on this computer's own address")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        connection = http.client.HTTPConnection("127.0.0.1", self.server.backend_port, timeout=120)
        try:
            connection.request("POST", API, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
        except OSError as error:
            self.send_error(HTTPStatus.BAD_GATEWAY, f"The local backend (decap-server) did not answer: {error}")
            return
        finally:
            connection.close()
        content_type = response.getheader("Content-Type", "application/json")
        self.reply(answer, content_type, response.status)


class LiveServer(SiteServer):
    def __init__(self, root: Path, port: int, host: str, rebuilds: watch.Rebuilds, backend_port: int | None = None):
        self.rebuilds = rebuilds
        self.backend_port = backend_port
        self.closing = threading.Event()
        super().__init__(root, port, host, LiveHandler)

    def close_streams(self) -> None:
        """End every open event stream, so the server can stop."""
        self.closing.set()
        # A copy wakes every stream waiting for the outcome to change.
        self.rebuilds.publish(dataclasses.replace(self.rebuilds.outcome))


def repository_of(content: Path, settings_file: str) -> Path:
    """The folder Decap's paths start from: the content folder is ``EDITOR["REPOSITORY_CONTENT"]`` inside it."""
    from editor_config.settings import settings_for
    from pelican.settings import read_settings

    inside = Path(settings_for(read_settings(settings_file))["REPOSITORY_CONTENT"])
    folder = content.resolve()
    for part in reversed(inside.parts):
        if folder.name != part:
            raise SystemExit(f"The web editor saves to {inside}/ in the repository, but the content folder is {content}")
        folder = folder.parent
    return folder


@contextlib.contextmanager
def live_site(root: Path, settings: str, content: Path, port: int = 0, host: str = "127.0.0.1", edit: bool = False):
    """Serve ``root`` in a background thread, rebuilding it from ``content`` after each change.

    With ``edit``, decap-server runs beside it for the web editor. Yields the server.
    """
    from . import local_backend

    settings = str(Path(settings).resolve())
    rebuilds = watch.Rebuilds(settings, content, root)
    with contextlib.ExitStack() as stack:
        backend = stack.enter_context(local_backend.running(repository_of(content, settings))) if edit else None
        server = LiveServer(root, port, host, rebuilds, backend)
        follower, stop = watch.start(rebuilds, settings, content)
        thread = threading.Thread(target=server.serve_forever, daemon=True, name="serve")
        thread.start()
        try:
            yield server
        finally:
            stop.set()
            server.close_streams()
            server.shutdown()
            server.server_close()
            follower.join(timeout=10)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--watch", action="store_true", help="rebuild after every change and reload open pages")
    parser.add_argument("--edit", action="store_true", help="as --watch, with the web editor saving to this computer")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("root", nargs="?", default="output")
    args = parser.parse_args(argv)
    root = Path(args.root)
    # Stopped by a signal as by Ctrl+C: decap-server and the watcher are stopped too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        if not (args.watch or args.edit):
            server = make_server(root, args.port)
            print(f"Serving {args.root}/ on http://localhost:{args.port} - press Ctrl+C to stop")
            server.serve_forever()
            return 0
        with live_site(root, args.settings, Path(args.content), args.port, edit=args.edit):
            print(f"Serving {args.root}/ on http://localhost:{args.port}, rebuilt after every change to "
                  f"{args.content}/, theme/, plugins/ and the settings - press Ctrl+C to stop")
            if args.edit:
                print(f"Web editor: http://localhost:{args.port}/admin/ (saves go to {args.content}/ on this computer)")
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
