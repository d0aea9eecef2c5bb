"""make serve and make edit: rebuilding after changes, and what the local server adds.

The server adds its reload script to pages only as it serves them, so the
built files (what gets published) never carry it; ``make edit`` serves the
web editor's configuration with the local backend, which the published
configuration never has, and lets only this computer's own pages save.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request

import pytest
import yaml

from tests.conftest import ROOT, eventually, fixture_site
from tools import watch
from tools.serve import LIVE, live_site, make_server

SETTINGS = str(ROOT / "pelicanconf.py")
BROKEN = ("free: true", "free: yes")


def get(url: str, headers: dict | None = None, data: bytes | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read().decode()


@pytest.fixture
def served(tmp_path):
    site = fixture_site(tmp_path)
    with live_site(site.output, SETTINGS, site.content) as server:
        eventually(lambda: server.rebuilds.count, "the first build")
        yield site, server


def test_a_failed_rebuild_names_file_line_and_field_and_keeps_the_last_good_site(site, capsys):
    rebuilds = watch.Rebuilds(SETTINGS, site.content, site.output)
    assert rebuilds.build()
    good = site.file("/services/advice-line/index.html").read_text(encoding="utf-8")
    path = site.content / "services" / "advice-line.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*BROKEN), encoding="utf-8")

    assert not rebuilds.build(" after a change to content/services/advice-line.yaml")
    outcome = rebuilds.outcome
    assert outcome.status == "failed"
    assert outcome.problems[0].startswith("content/services/advice-line.yaml:9: free: 'yes' must be true or false")
    assert site.file("/services/advice-line/index.html").read_text(encoding="utf-8") == good
    terminal = capsys.readouterr().err
    assert "the last good site is still served" in terminal
    assert "content/services/advice-line.yaml:9: free:" in terminal

    path.write_text(path.read_text(encoding="utf-8").replace(BROKEN[1], BROKEN[0]), encoding="utf-8")
    assert rebuilds.build()
    assert rebuilds.outcome.status == "ok" and rebuilds.outcome.version != outcome.version


def test_problems_are_read_from_the_build_log_one_per_record():
    log = (
        "[08:03:42] ERROR    content/x.yaml:9: free: 'yes' must be true or false        generator.py:38\n"
        "           ERROR    The build stopped: ValueError: first line                build.py:70\n"
        "                    second line of the same message\n"
        "Done: Processed 0 articles\n"
    )
    assert watch.problems_in(log) == [
        "content/x.yaml:9: free: 'yes' must be true or false",
        "The build stopped: ValueError: first line\nsecond line of the same message",
    ]


def test_the_content_theme_plugins_and_settings_are_watched(site):
    watched = watch.watched_paths(SETTINGS, site.content)
    assert watched == [site.content.resolve(), ROOT / "theme", ROOT / "plugins", ROOT / "pelicanconf.py"]


def test_an_edit_is_rebuilt_and_pages_get_the_reload_script_only_as_served(served):
    site, server = served
    path = site.content / "services" / "advice-line.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Advice Line", "Advice and Help Line"), encoding="utf-8")
    page = eventually(
        lambda: "Advice and Help Line" in get(server.url + "/services/advice-line/")[1] and get(server.url + "/services/advice-line/"),
        "the rebuilt page",
    )
    headers, body = page
    assert re.search(rf'<script src="{LIVE}reload.js" data-version="[0-9-]+" defer></script></head>', body)
    assert "default-src 'self'" in headers["Content-Security-Policy"]  # the script and its stream are same-origin
    assert headers["Cache-Control"] == "no-store"
    # Never in what is published, and never in Decap's app.
    assert not [p for p in site.output.rglob("*.html") if LIVE in p.read_text(encoding="utf-8")]
    assert LIVE not in get(server.url + "/admin/")[1]
    script_headers, script = get(server.url + LIVE + "reload.js")
    assert script_headers["Content-Type"].startswith("text/javascript") and "EventSource" in script


def test_the_event_stream_reports_each_outcome(served):
    site, server = served
    request = urllib.request.urlopen(server.url + LIVE + "events", timeout=30)
    first = json.loads(request.readline().decode().removeprefix("data: "))
    assert first == {"version": server.rebuilds.outcome.version, "status": "ok", "problems": []}
    path = site.content / "services" / "advice-line.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*BROKEN), encoding="utf-8")
    outcomes = []
    while not outcomes or outcomes[-1]["status"] == "building":
        line = request.readline().decode()
        if line.startswith("data: "):
            outcomes.append(json.loads(line.removeprefix("data: ")))
    request.close()
    assert outcomes[-1]["status"] == "failed" and outcomes[-1]["version"] == first["version"]
    assert "content/services/advice-line.yaml:9: free:" in outcomes[-1]["problems"][0]


def test_the_plain_server_adds_nothing(site):
    site.build_ok()
    server = make_server(site.output, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _, body = get(server.url + "/services/advice-line/")
    finally:
        server.shutdown()
        server.server_close()
    assert body == site.file("/services/advice-line/index.html").read_text(encoding="utf-8")


# --- make edit ----------------------------------------------------------------


@pytest.fixture
def editing(tmp_path):
    site = fixture_site(tmp_path)
    with live_site(site.output, SETTINGS, site.content, edit=True) as server:
        eventually(lambda: server.rebuilds.count, "the first build")
        yield site, server


def test_make_edit_serves_a_local_backend_config_and_the_published_one_has_none(editing):
    site, server = editing
    published = yaml.safe_load(site.file("/admin/config.yml").read_text(encoding="utf-8"))
    assert "local_backend" not in published and published["publish_mode"] == "editorial_workflow"
    _, text = get(server.url + "/admin/config.yml")
    local = yaml.safe_load(text)
    assert local["local_backend"] == {"url": server.url + "/api/v1", "allowed_hosts": ["127.0.0.1"]}
    assert "publish_mode" not in local
    assert local["collections"] == published["collections"]


def test_the_local_backend_answers_this_computers_pages_only(editing, tmp_path):
    site, server = editing
    info = json.dumps({"action": "info"}).encode()
    own = {"Content-Type": "application/json", "Origin": server.url}
    _, answer = get(server.url + "/api/v1", own, info)
    assert json.loads(answer) == {"repo": tmp_path.name, "publish_modes": ["simple"], "type": "local_fs"}
    for headers in (
        {**own, "Origin": "https://example.org"},  # another website's page
        {**own, "Host": "evil.example.org"},  # a name pointed at this computer
        {"Content-Type": "text/plain"},  # a form another page could post without asking
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(server.url + "/api/v1", headers, info)
        assert refused.value.code == 403
    # decap-server keeps to the repository.
    outside = json.dumps({"action": "getEntry", "params": {"branch": "main", "path": "../../etc/passwd"}}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(server.url + "/api/v1", own, outside)
    assert refused.value.code == 422
