"""Write pages made from the whole directory in a worker process while the build goes on.

The A to Z of services, the schools table and the "You said, we did"
pages each take a while to render at county scale, and nothing else in
the build reads them, so they need not hold up the steps after them.
"""

from __future__ import annotations

import os

from pelican import signals

from . import parallel


def announce(generator, saved_as) -> None:
    """Send Pelican's content_written for pages a worker writes.

    Plugins listen for it (the sitemap lists every page), and a worker
    process's signals are not heard in this one.
    """
    for save_as in saved_as:
        signals.content_written.send(os.path.join(generator.output_path, save_as), context=generator.context)


def write_in_background(generator, writer, pages: list) -> None:
    """Render each ``(save_as, template, values)`` with Pelican's writer, in a worker process."""
    if pages:
        parallel.in_background(_write, generator, writer, pages)
        announce(generator, [save_as for save_as, _, _ in pages])


def _write(generator, writer, pages: list) -> None:
    for save_as, template, values in pages:
        writer.write_file(
            save_as,
            generator.get_template(template),
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            **values,
        )
