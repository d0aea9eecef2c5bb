"""Command-line tools behind the Makefile: build, check and the editors' helpers."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tools use the same plugin modules the build loads, never a copy.
sys.path.insert(0, str(ROOT / "plugins"))
