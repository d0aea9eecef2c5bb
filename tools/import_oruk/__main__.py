"""``python -m tools.import_oruk``: see the package's docstring."""

import sys

from . import main

sys.exit(main())
