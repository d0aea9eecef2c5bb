"""Content is ordinary files and folders: nothing in it may point elsewhere.

A pull request can add a symbolic link as easily as a file. One under
``content/images/`` pointing at ``/proc/self/environ`` or ``../../.git``
would otherwise publish the build machine's environment (tokens included)
or the repository's configuration, because Pelican copies static files by
following links. So ``make check`` and the build refuse every link, device
or pipe anywhere under the content folder, naming it, before any content is
read; and static files are copied only when they are ordinary files reached
without a link, in case a link appears after that check.
"""

from __future__ import annotations

import logging
import os
import stat

from .yaml_source import ContentErrors, SourceError

logger = logging.getLogger(__name__)


def _problem(path: str, content_path, what: str) -> SourceError:
    # As loading.display_path shows it, without following the link.
    base = os.path.dirname(os.path.abspath(content_path))
    return SourceError(
        os.path.relpath(os.path.abspath(path), base),
        1,
        "",
        f"is {what}, which content may not hold; replace it with the file itself, or remove it",
    )


def not_ordinary(content_path) -> list[SourceError]:
    """A problem for every link, device or pipe under ``content_path``; links are never followed."""
    problems = []
    folders = [os.fspath(content_path)]
    while folders:
        with os.scandir(folders.pop()) as found:
            for item in found:
                if item.is_symlink():
                    problems.append(_problem(item.path, content_path, f"a link to {os.readlink(item.path)}"))
                elif item.is_dir(follow_symlinks=False):
                    folders.append(item.path)
                elif not item.is_file(follow_symlinks=False):
                    problems.append(_problem(item.path, content_path, "not an ordinary file (a device, pipe or socket)"))
    return sorted(problems, key=lambda p: p.path)


def refuse_links(pelican) -> None:
    """Pelican signal handler (initialized): stop the build before anything is read if content holds a link."""
    problems = not_ordinary(pelican.settings["PATH"])
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        raise ContentErrors(problems)


def _reached_directly(folder: str, relative: str) -> bool:
    """True if ``relative`` is an ordinary file in ``folder`` and nothing on the way to it is a link."""
    path = os.path.join(folder, relative)
    try:
        is_file = stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
    return is_file and os.path.realpath(path) == os.path.join(os.path.realpath(folder), os.path.normpath(relative))


def copy_only_ordinary_files(generator) -> None:
    """Pelican signal handler (static_generator_finalized): never copy a static file through a link."""
    kept = []
    for static in generator.staticfiles:
        # Pelican's source paths are absolute; checked from the content folder.
        if _reached_directly(generator.path, os.path.relpath(static.source_path, generator.path)):
            kept.append(static)
        else:
            source = os.path.join(generator.path, static.source_path)
            logger.error("%s", _problem(source, generator.path, "reached through a link"))
    # The context holds the same list: Pelican copies what it lists.
    generator.staticfiles[:] = kept
