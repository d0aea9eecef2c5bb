"""The theme's CSS and JavaScript, built from npm packages at build time.

The SCSS is compiled with Dart Sass from ``node_modules`` and cached in the
git-ignored ``build/`` folder under a hash of everything that goes into it,
so a build that changes only content does not run Sass again. Nothing from
``node_modules`` is committed; the GOV.UK Frontend script is copied from it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
from pathlib import Path

from pelican.generators import Generator

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
SASS = NODE_MODULES / ".bin" / "sass"
GOVUK = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
CACHE = ROOT / "build" / "theme"
# Where the copied GOV.UK script goes; theme/static/js/app.mjs imports it from here.
GOVUK_SCRIPT = "theme/govuk/govuk-frontend.min.js"


def _version(package: str) -> str:
    return json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]


def stylesheet(theme: Path, brand_colour: str) -> Path:
    """The compiled stylesheet, from the cache when nothing that goes into it changed."""
    scss = theme / "scss"
    entry = f'@use "app" with ($app-brand-colour: {brand_colour});\n'
    digest = hashlib.sha256(entry.encode())
    for package in ("govuk-frontend", "sass"):
        digest.update(_version(package).encode())
    for path in sorted(scss.rglob("*.scss")):
        digest.update(path.relative_to(scss).as_posix().encode() + b"\0" + path.read_bytes())
    cached = CACHE / f"app.{digest.hexdigest()[:12]}.css"
    if cached.exists():
        return cached
    CACHE.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(SASS), "--stdin", "--no-source-map", "--style=compressed", "--quiet-deps",
         f"--load-path={scss}", f"--load-path={NODE_MODULES}", str(cached.with_suffix(".tmp"))],
        input=entry, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Sass could not compile {scss}:\n{result.stderr.strip()}")
    cached.with_suffix(".tmp").rename(cached)
    return cached


def icon(colour: str) -> str:
    """A plain square in the council's colour, so browsers show no GOV.UK crown and ask for no favicon.ico."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="6" fill="{colour}"/></svg>\n'
    )


class ThemeAssetsGenerator(Generator):
    """Compiles the stylesheet before any page is written, and copies the assets."""

    def generate_context(self):
        self.css = stylesheet(Path(self.theme), self.settings["COUNCIL"]["brand"]["colour"])
        self.context["theme_assets"] = {
            "css": f"theme/css/{self.css.name}",
            "js": "theme/js/app.mjs",
            "icon": "theme/icon.svg",
        }

    def generate_output(self, writer):
        output = Path(self.output_path)
        target = output / self.context["theme_assets"]["css"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.css, target)
        (output / "theme" / "icon.svg").write_text(icon(self.settings["COUNCIL"]["brand"]["colour"]), encoding="utf-8")
        script = (GOVUK / "govuk-frontend.min.js").read_text(encoding="utf-8")
        # The source map is not published, so drop the comment that points at it.
        script = script.split("//# sourceMappingURL=")[0]
        (output / GOVUK_SCRIPT).parent.mkdir(parents=True, exist_ok=True)
        (output / GOVUK_SCRIPT).write_text(script, encoding="utf-8")
