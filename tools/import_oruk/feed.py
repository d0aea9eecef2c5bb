"""Open Referral UK services from a file, a folder or a web address.

A file may hold one service (``GET /services/{id}``), a page of a list
(``GET /services``) or a JSON list of services. A folder is every ``.json``
file in it and below, such as a copy of another site's ``/openreferral/``.
A web address is fetched, and when it is a page of a list every later page
is fetched too (``?page=N``, or ``services/page-N.json`` for a static site
like this one), then each service in full by its id. Every read has a size
limit and a time limit, and there is a cap on pages, so a broken or hostile
feed cannot make the import run for ever or fill the memory.
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

LIMIT_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20
MAX_PAGES = 100
MAX_REQUESTS = 5000
ID = re.compile(r"[A-Za-z0-9-]{1,100}")


class FeedError(Exception):
    """The feed cannot be read at all; the message says why."""


@dataclasses.dataclass
class Found:
    """One service as the feed gives it."""

    where: str  # for messages: the file or address, and where in it
    source: str  # recorded in imported_from.source
    service: dict


def is_service(value) -> bool:
    """An Open Referral UK service: the standard requires its id, name and status."""
    return isinstance(value, dict) and "name" in value and "status" in value


def _decode(raw: bytes, where: str):
    if len(raw) > LIMIT_BYTES:
        raise FeedError(f"{where}: is over {LIMIT_BYTES // (1024 * 1024)} MB; that is too large to be one response")

    def refuse(constant):
        raise ValueError(f"{constant} is not a number JSON allows")

    try:
        return json.loads(raw.decode("utf-8"), parse_constant=refuse)
    except UnicodeDecodeError:
        raise FeedError(f"{where}: is not UTF-8 text, so it is not Open Referral UK JSON") from None
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"{where}: is not valid JSON ({exc})") from None


def services_in(value, where: str, source: str) -> list[Found]:
    """The services in one JSON document: one service, a page of a list, or a list."""
    if isinstance(value, dict) and isinstance(value.get("contents"), list):
        items = [(f"{where}: contents[{i}]", item) for i, item in enumerate(value["contents"])]
    elif isinstance(value, list):
        items = [(f"{where}: [{i}]", item) for i, item in enumerate(value)]
    else:
        items = [(where, value)]
    return [Found(place, source, item) for place, item in items if is_service(item)]


def fuller(found: list[Found]) -> list[Found]:
    """One of each service, by id: the one with the most detail (a service's own file over a list's summary)."""
    best: dict = {}
    for item in found:
        key = str(item.service.get("id")) if item.service.get("id") is not None else id(item)
        if key not in best or len(item.service) > len(best[key].service):
            best[key] = item
    return list(best.values())


def read_file(path: Path, label: str) -> list[Found]:
    if path.stat().st_size > LIMIT_BYTES:
        raise FeedError(f"{label}: is over {LIMIT_BYTES // (1024 * 1024)} MB; that is too large to be one response")
    return services_in(_decode(path.read_bytes(), label), label, label)


def read_folder(folder: Path) -> list[Found]:
    found = []
    for path in sorted(folder.rglob("*.json")):
        label = f"{folder.name}/{path.relative_to(folder).as_posix()}"
        found += read_file(path, label)
    return fuller(found)


def more_pages(page: dict, number: int) -> bool:
    """Whether a list goes on after this page (its ``number``): ``last_page`` says, or else ``total_pages``."""
    if isinstance(page.get("last_page"), bool):
        return not page["last_page"]
    total = page.get("total_pages")
    return isinstance(total, int) and number < total


class _OnlyWeb(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http or https address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FeedError(f"{req.full_url}: redirects to {newurl}, which is not a web address; refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class WebFeed:
    """Reads a web address, following the list's pages and fetching each service in full."""

    def __init__(self, url: str, max_pages: int = MAX_PAGES):
        self.url = url
        self.max_pages = max_pages
        self.requests = 0
        self.opener = urllib.request.build_opener(_OnlyWeb)

    def fetch(self, url: str):
        self.requests += 1
        if self.requests > MAX_REQUESTS:
            raise FeedError(f"{self.url}: needs more than {MAX_REQUESTS} requests; import it in parts")
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "send-local-offer-import"})
        try:
            with self.opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                raw = response.read(LIMIT_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise FeedError(f"{url}: the server answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FeedError(f"{url}: could not be read ({reason})") from None
        return _decode(raw, url)

    def page_url(self, number: int) -> str:
        parts = urlsplit(self.url)
        if parts.path.endswith(".json"):
            # A static site like this one: services.json, then services/page-2.json.
            base = re.sub(r"(/page-\d+)?\.json$", "", parts.path)
            return urlunsplit(parts._replace(path=f"{base}/page-{number}.json"))
        query = dict(parse_qsl(parts.query))
        query["page"] = str(number)
        return urlunsplit(parts._replace(query=urlencode(query)))

    def service_url(self, service_id: str) -> str:
        parts = urlsplit(self.url)
        if parts.path.endswith(".json"):
            base = re.sub(r"(/page-\d+)?\.json$", "", parts.path)
            return urlunsplit(parts._replace(path=f"{base}/{service_id}.json", query=""))
        return urlunsplit(parts._replace(path=parts.path.rstrip("/") + f"/{service_id}", query=""))

    def read(self) -> list[Found]:
        first = self.fetch(self.url)
        if not (isinstance(first, dict) and isinstance(first.get("contents"), list)):
            return services_in(first, self.url, self.url)
        listed = services_in(first, self.url, self.url)
        page, number = first, 1
        while more_pages(page, number):
            number += 1
            if number > self.max_pages:
                raise FeedError(f"{self.url}: has more than {self.max_pages} pages; import fewer, or allow more with --max-pages")
            page = self.fetch(self.page_url(number))
            if not (isinstance(page, dict) and isinstance(page.get("contents"), list)):
                raise FeedError(f"{self.page_url(number)}: is not a page of the list")
            listed += services_in(page, self.page_url(number), self.url)
        found = []
        for item in fuller(listed):
            service_id = item.service.get("id")
            if not (isinstance(service_id, str) and ID.fullmatch(service_id)):
                found.append(item)  # reported when its id is checked
                continue
            url = self.service_url(service_id)
            found += services_in(self.fetch(url), url, url)
        return fuller(found)


def read(source: str, max_pages: int = MAX_PAGES) -> list[Found]:
    """Every service a file, a folder or a web address holds; raise ``FeedError`` if it cannot be read."""
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        if urlsplit(source).scheme not in ("http", "https"):
            raise FeedError(f"{source}: only http:// and https:// addresses can be imported")
        found = WebFeed(source, max_pages).read()
    else:
        path = Path(source)
        if path.is_dir():
            found = read_folder(path)
        elif path.is_file():
            found = fuller(read_file(path, path.name))
        else:
            raise FeedError(f"{source}: there is no such file or folder")
    if not found:
        raise FeedError(f"{source}: holds no Open Referral UK services (each needs an id, a name and a status)")
    return found
