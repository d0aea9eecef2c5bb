"""Settings for publishing: the public address comes from SITEURL in the environment."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
