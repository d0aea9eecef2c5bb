"""Decap CMS's local backend, ``decap-server`` from npm, for ``make edit``.

decap-server reads and writes the content files for the web editor at
/admin/, instead of GitHub. It runs in its file-system mode, so a save is
written straight to the file (no branch, no commit: the editor opens a pull
request in the usual way when they are done). It listens on this computer
only; ``tools.serve`` passes the web editor's requests to it, so the editor
talks to one address, the site's own.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from pathlib import Path

from . import ROOT

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
# How long decap-server may take to start listening.
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def running(repository: Path):
    """decap-server saving under ``repository`` while the block runs; yields its port."""
    if not DECAP_SERVER.exists():
        raise SystemExit("decap-server is missing: run make setup to install it from npm")
    port = free_port()
    env = {
        **os.environ,
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(repository),
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen([str(DECAP_SERVER)], cwd=repository, env=env, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not listening(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"decap-server did not start (exit code {process.poll()}); see the messages above")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
