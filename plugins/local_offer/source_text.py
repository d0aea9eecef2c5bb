"""A content file's bytes as text, or messages naming the line that is not text.

Editors paste from Word, PDFs and emails, and a pull request can hold any
bytes at all. Every content file (YAML and Markdown) is read here, so each
of these is a ``file:line`` message rather than a crash:

- a file too large to be content, refused before it is read in full;
- bytes that are not UTF-8, with the line they are on and what they
  probably were (a Windows "smart quote" or an accented letter);
- characters nobody can see: control characters such as NUL or ESC, and
  the line separators that YAML counts as new lines but editors' tools do
  not (which would make every later line number wrong).
"""

from __future__ import annotations

import os
import re

from .yaml_source import SourceError

# The largest content file read. The longest real entry is a few kilobytes
# and a description may be at most 20,000 characters (schema.py), so only
# a mistake or an attack comes near this.
MAX_BYTES = 256 * 1024

# What YAML allows in a file (PyYAML's reader), less the line breaks only
# YAML counts (NEL, U+2028 and U+2029), so that both readers number lines as
# editors' tools do. Markdown pages are held to the same rule.
_INVISIBLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")

# Names editors may have seen, for the commonest control characters.
_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed", "\x7f": "DEL"}

# At most this many invisible characters are reported per file: one is enough
# to find the rest, and a file full of them would otherwise give thousands.
_MOST_REPORTED = 5


def read_bytes(path, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` + 1 bytes of a file: enough for ``decode`` to tell that it is too large.

    It asks for as many bytes as the file holds: asking for ``limit`` would
    set that much memory aside for every one of ten thousand small files.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(descriptor).st_size
        wanted = min(size, limit) + 1 if size else limit + 1
        chunks = []
        while wanted > 0:
            chunk = os.read(descriptor, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _not_utf8(raw: bytes, shown: str, exc: UnicodeDecodeError) -> SourceError:
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    bad = raw[exc.start : exc.end]
    # Most text that is not UTF-8 was saved as Windows-1252 (Word, Excel on Windows).
    guess = bad.decode("cp1252", errors="replace")
    probably = f" (probably '{guess}' saved in another encoding)" if guess.isprintable() and "\ufffd" not in guess else ""
    before = raw[line_start : exc.start].decode("utf-8", errors="replace")
    return SourceError(
        shown,
        line,
        "",
        f"is not saved as UTF-8 text: byte 0x{bad[0]:02X} after '{before[-20:]}'{probably}; "
        "retype that character, or save the whole file as UTF-8",
    )


def _invisible(text: str, shown: str) -> list[SourceError]:
    errors = []
    for match in _INVISIBLE.finditer(text):
        if len(errors) == _MOST_REPORTED:
            break
        char = match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        name = _NAMES.get(char, f"U+{ord(char):04X}")
        kind = "a line separator only some programs see" if char in "\u2028\u2029\x85" else "an invisible control character"
        errors.append(
            SourceError(
                shown,
                line,
                "",
                f"contains {kind} ({name}) at character {column} of the line; delete it "
                "(retype the text around it if your editor does not show it)",
            )
        )
    return errors


def decode(raw: bytes, shown: str, limit: int = MAX_BYTES) -> tuple[str | None, list[SourceError]]:
    """The file's text (a leading byte order mark removed), or None and what is wrong with it."""
    if len(raw) > limit:
        return None, [
            SourceError(
                shown,
                1,
                "",
                f"is larger than {limit // 1024} KB, too large for a content file; "
                "check it is the file you meant, and split or shorten it",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, shown, exc)]
    text = text.removeprefix("\ufeff")
    errors = _invisible(text, shown)
    return (None, errors) if errors else (text, [])
