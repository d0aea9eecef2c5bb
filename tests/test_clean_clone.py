"""A clean clone passes on its own: nothing the build, the tools, the tests or
the CI workflow use lies outside the repository.

Developers' machines keep the source documents in a folder beside the
repository; a council's fork or a CI runner has nothing there. So no code
names a path that climbs out of the repository or an absolute path on a
developer's machine, and a copy of the repository in a folder with nothing
beside it checks, builds and collects every test. (This file only looks for
such paths; it reads nothing outside the repository.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Files that run: code, templates, build and CI configuration.
CODE = re.compile(r"\.(py|mjs|js|html|sh|yml|yaml|toml|cfg|json)$|(^|/)(Makefile|run)$")
# An absolute path on the developers' machines, or a folder joined onto the one the repository is in.
OUTSIDE = re.compile(r"(?<![\w.-])/work/|\bROOT\.parent\b")
# A path that climbs out of its file's folder, quoted or not; it must land inside the repository.
RELATIVE = re.compile(r"""(?:^|[\s"'`=(])((?:\.\./)+[^"'`\s)]*)""")


def repository_files() -> list[str]:
    """The files a clone has: tracked, and new ones not ignored, that still exist."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [name for name in listed if (ROOT / name).is_file()]


def test_no_code_refers_to_a_path_outside_the_repository():
    found = []
    for name in repository_files():
        # This file names the patterns it looks for; the hostile-content tests
        # make links that point outside on purpose, and the live server's test
        # asks decap-server for a file outside, to prove they are refused.
        skipped = ("package-lock.json", "tests/test_clean_clone.py", "tests/test_hostile_content.py", "tests/test_live_server.py")
        if not CODE.search(name) or name.startswith("tests/data/") or name in skipped:
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{name}:{number}: {line.strip()[:100]}")
            for relative in RELATIVE.findall(line):
                target = ((ROOT / name).parent / relative).resolve()
                if not target.is_relative_to(ROOT):
                    found.append(f"{name}:{number}: {relative} is outside the repository")
    assert not found, "Code must not read outside the repository:\n  " + "\n  ".join(found)


def test_a_copy_with_nothing_beside_it_checks_builds_and_collects_every_test(tmp_path):
    clone = tmp_path / "alone" / "send-local-offer"
    for name in repository_files():
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    # What `make setup` installs: the pinned npm packages (the Python ones are this interpreter's).
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    assert sorted(p.name for p in clone.parent.parent.iterdir()) == ["alone"]
    assert [p.name for p in clone.parent.iterdir()] == ["send-local-offer"]  # nothing beside the clone

    # Only what the repository holds: no other copy of the Open Referral UK schemas.
    environment = {k: v for k, v in os.environ.items() if k != "OPENREFERRAL_UK_SCHEMAS"}

    def run(*args):
        result = subprocess.run([sys.executable, "-m", *args], cwd=clone, capture_output=True, text=True, env=environment)
        assert result.returncode == 0, f"{' '.join(args)} failed in a clean copy:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    assert "All content is valid" in run("tools.check").stdout
    run("tools.build", "--quiet")
    assert (clone / "output" / "index.html").is_file()
    # Collecting runs every test module's imports and module-level reads (the
    # browser tests' collection builds the real site, as above).
    collected = run("pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests", "--ignore=tests/browser")
    assert re.search(r"\d+ tests collected", collected.stdout), collected.stdout[-500:]
