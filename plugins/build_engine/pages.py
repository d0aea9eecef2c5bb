"""Write the pages made from many entries, each only when what it shows has changed.

The A to Z of services, the schools table, the browse pages and the "You
said, we did" pages each take a while to render at county scale. A
rebuild takes each from the previous output while the entries it shows,
and the rest of the site, are as they were.
"""

from __future__ import annotations

import logging

from .fingerprint import digest

logger = logging.getLogger(__name__)


def write_changed(build, generator, writer, name: str, pages: list) -> list[str]:
    """Render each ``(save_as, template, values, inputs)`` unless the last build made it from the same inputs.

    ``inputs`` is text naming what the page shows besides the rest of the
    site, which the site's fingerprint covers: the digests of the entries on
    it, say. A page made from the same inputs is linked from the previous
    output. Returns every page, for a job in a worker to return (Pelican
    announces those it renders, and this announces the others, but in a
    worker neither is heard).
    """
    cache = build.output_cache(name, generator.context["site_fingerprint"])
    reused = []
    for save_as, template, values, inputs in pages:
        if cache.reuse(save_as, digest(inputs)):
            reused.append(save_as)
        else:
            writer.write_file(
                save_as,
                generator.get_template(template),
                generator.context,
                relative_urls=generator.settings["RELATIVE_URLS"],
                **values,
            )
    logger.info("%s: rendering %d page(s), reusing %d unchanged", name, len(pages) - len(reused), len(reused))
    build.announce(generator.context, reused)
    return [save_as for save_as, *_ in pages]
