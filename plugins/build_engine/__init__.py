"""The build engine: worker processes, caches, reuse of unchanged output, and publishing.

Not a Pelican plugin: it has no ``register()`` and is not in ``PLUGINS``.
It is a library that ``tools/build.py`` drives and the plugins' generators
call. It sits in ``plugins/`` because that folder is on the import path of
both: Pelican puts ``PLUGIN_PATHS`` there for the plugins, and
``tools/__init__.py`` puts it there for the tools. The content model
(``local_offer``'s schema, validation, model and loading) never imports it.

What a plugin uses, all through ``engine = build_engine.of(self.settings)``:

- ``engine.map(function, items)``: work spread over the workers, results back in order.
- ``engine.start(generator, function, items)``: work done item by item in workers while the build
  goes on; ``function`` returns the pages it wrote.
- ``engine.run(function, *args)``: work that reads the whole catalogue, in the build's own process.
- ``engine.data_cache(name, fingerprint)``: values kept between builds by a digest of their input.
- ``engine.output_cache(name, fingerprint)``: files linked from the last build while their inputs are unchanged.
- ``engine.write_changed(generator, writer, name, pages)``: pages made from many entries, each rendered only when changed.
- ``engine.site_fingerprint(...)``, ``engine.code_fingerprint(...)``: what those caches are keyed on.
- ``engine.when_done(function)``: called once every page is written and announced.
"""

from .build import Build, keep_compiled_templates, of
from .data_cache import MISSING
from .fingerprint import digest
from .output_cache import write_new

__all__ = ["Build", "MISSING", "digest", "keep_compiled_templates", "of", "write_new"]
