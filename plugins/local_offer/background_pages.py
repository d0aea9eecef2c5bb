"""Write pages made from the whole directory in a worker process while the build goes on.

The A to Z of services, the schools table, the browse pages and the "You
said, we did" pages each take a while to render at county scale, and
nothing else in the build reads them, so they need not hold up the steps
after them. A rebuild takes each from the previous output while what it
shows is unchanged.
"""

from __future__ import annotations

import logging
import os

from pelican import signals

from . import parallel
from .data_cache import digest
from .output_cache import OutputCache

logger = logging.getLogger(__name__)


def announce(generator, saved_as) -> None:
    """Send Pelican's content_written for pages a worker writes or the previous output lends.

    Plugins listen for it (the sitemap lists every page), and a worker
    process's signals are not heard in this one. Listeners note pages by
    path, so a page written here after all is no worse for hearing it twice.
    """
    for save_as in saved_as:
        signals.content_written.send(os.path.join(generator.output_path, save_as), context=generator.context)


def _write(generator, writer, pages: list) -> None:
    """Render each ``(save_as, template, values)`` with Pelican's writer."""
    for save_as, template, values in pages:
        writer.write_file(
            save_as,
            generator.get_template(template),
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            **values,
        )


def write_changed(generator, writer, name: str, pages: list) -> None:
    """Render each ``(save_as, template, values, inputs)`` in a worker, unless the last build made it from the same inputs.

    ``inputs`` is text naming what the page shows besides the rest of the
    site, which the site's fingerprint covers: the digests of the entries on
    it, say. A page made from the same inputs is linked from the previous output.
    """
    cache = OutputCache(generator.settings, generator.context["site_fingerprint"], name=name)
    changed = [(save_as, template, values) for save_as, template, values, inputs in pages
               if not cache.reuse(save_as, digest(inputs))]
    cache.save()
    logger.info("%s: rendering %d page(s), reusing %d unchanged", name, len(changed), len(pages) - len(changed))
    if changed:
        parallel.in_background(_write, generator, writer, changed)
    announce(generator, [save_as for save_as, *_ in pages])
