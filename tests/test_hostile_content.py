"""A pull request may be hostile: it cannot reach outside the repository,
crash ``make check``, publish anything, or take a section of the site.

Each case is refused by ``make check`` and by the build with the same
``file:line`` message, and leaves the published site as it was.
"""

from __future__ import annotations

import logging
import os
import types

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from local_offer import yaml_source
from local_offer.content_files import copy_only_ordinary_files
from local_offer.council import load_council
from local_offer.loading import load_vocabularies
from local_offer.pages import MAX_BODY, header_node, read_page
from local_offer.schema import ENTRY, FEEDBACK, PAGE
from local_offer.sections import reserved
from local_offer.source_text import MAX_BYTES
from local_offer.validation import validate
from tests.conftest import FIXTURE_CONTENT, PAGE_REQUIRED, ROOT
from tests.test_build_safety import snapshot
from tests.test_validation import VALID
from tools.check import run_checks

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(FIXTURE_CONTENT)})

ENTRY_TEXT = VALID  # kind, name, summary, description, categories, assured_date, email, sources
NEXT_LINE = ENTRY_TEXT.count("\n") + 1  # the line of anything added to ENTRY_TEXT

# Five header lines, a blank line (6) and the text (7).
PAGE_TEXT = "Title: Holiday help\nSlug: holiday-help\nSummary: What is on in the holidays.\n" + PAGE_REQUIRED + "\nSome text.\n"


def problems(site) -> list[str]:
    found, _ = run_checks(site.content, str(ROOT / "pelicanconf.py"))
    return [str(p) for p in found]


def refused_everywhere(site, expected: str) -> None:
    """``make check`` and the build both give ``expected``; the published site is unchanged."""
    before = snapshot(site.output) if site.output.exists() else None
    checked = site.check()
    assert checked.returncode == 1
    assert expected in checked.stdout, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr
    built = site.build()
    assert built.returncode == 1
    assert expected in built.stdout + built.stderr, built.stdout + built.stderr
    assert "Nothing was published" in built.stderr
    if before is None:
        assert not site.output.exists()
    else:
        assert snapshot(site.output) == before


# --- content cannot reach outside the repository ------------------------------


@pytest.mark.parametrize(
    "name, target",
    [("environment.txt", "/proc/self/environ"), ("git", "../../.git"), ("config", "../../.git/config")],
    ids=["link to the environment", "link to the .git folder", "link to .git/config"],
)
def test_a_link_under_a_static_folder_is_refused_and_nothing_is_published(site, name, target):
    # A repository's .git beside the content, holding a token as actions/checkout leaves it.
    git = site.content.parent / ".git"
    git.mkdir()
    (git / "config").write_text('[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu\n', encoding="utf-8")
    (site.content / "images").mkdir()
    (site.content / "images" / name).symlink_to(target)

    expected = f"content/images/{name}:1: is a link to {target}, which content may not hold"
    refused_everywhere(site, expected)


def test_a_link_anywhere_in_the_content_is_refused_before_a_good_site_is_replaced(site):
    site.build_ok()
    (site.content / "pages" / "secrets.md").symlink_to("/etc/passwd")
    (site.content / "services" / "more").symlink_to("/etc")
    assert problems(site) == [
        "content/pages/secrets.md:1: is a link to /etc/passwd, which content may not hold; replace it with the file itself, or remove it",
        "content/services/more:1: is a link to /etc, which content may not hold; replace it with the file itself, or remove it",
    ]
    refused_everywhere(site, "content/services/more:1: is a link to /etc")


def test_a_pipe_is_refused_rather_than_read_forever(site):
    os.mkfifo(site.content / "services" / "waiting.yaml")
    refused_everywhere(site, "content/services/waiting.yaml:1: is not an ordinary file (a device, pipe or socket)")


def test_static_files_are_never_copied_through_a_link(tmp_path, caplog):
    """The second line of defence: even a link that appears after the check is not copied."""
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "logo.png").write_bytes(b"a picture")
    (content / "images" / "environ").symlink_to("/proc/self/environ")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text("secret", encoding="utf-8")
    (content / "images" / "linked").symlink_to(tmp_path / "elsewhere")
    files = [types.SimpleNamespace(source_path=str(content / "images" / n)) for n in ("logo.png", "environ", "linked/secret.txt")]
    generator = types.SimpleNamespace(path=str(content), staticfiles=files)

    with caplog.at_level(logging.ERROR):
        copy_only_ordinary_files(generator)

    assert [os.path.basename(f.source_path) for f in generator.staticfiles] == ["logo.png"]
    assert "content/images/environ:1: is reached through a link" in caplog.text
    assert "content/images/linked/secret.txt:1: is reached through a link" in caplog.text


# --- make check never crashes ------------------------------------------------


@pytest.mark.parametrize(
    "where, raw, expected",
    [
        (
            "services/holiday-club.yaml",
            ENTRY_TEXT.replace("Holiday Club", "Holiday\x00 Club").encode(),
            "content/services/holiday-club.yaml:2: contains an invisible control character (NUL) at character 14",
        ),
        (
            "services/holiday-club.yaml",
            ENTRY_TEXT.replace("Fun", "\x1b[31mFun").encode(),
            "content/services/holiday-club.yaml:4: contains an invisible control character (ESC) at character 14",
        ),
        (
            "pages/holiday-help.md",
            PAGE_TEXT.replace("Some text.", "Some\x00 text.").encode(),
            "content/pages/holiday-help.md:7: contains an invisible control character (NUL) at character 5",
        ),
        (
            "pages/holiday-help.md",
            PAGE_TEXT.replace("Some text.", "Some \x1b[2Jtext.").encode(),
            "content/pages/holiday-help.md:7: contains an invisible control character (ESC) at character 6",
        ),
        (
            "services/holiday-club.yaml",
            ENTRY_TEXT.replace("Fun activities.", "Fun\u2028activities.").encode(),
            "content/services/holiday-club.yaml:4: contains a line separator only some programs see (U+2028)",
        ),
        (
            "pages/holiday-help.md",
            (PAGE_TEXT + "\nMore about the café.\n").encode("latin-1"),
            "content/pages/holiday-help.md:9: is not saved as UTF-8 text: byte 0xE9 after 'More about the caf' "
            "(probably 'é' saved in another encoding)",
        ),
        (
            "services/holiday-club.yaml",
            ENTRY_TEXT.replace("Fun activities.", "Fun – activities.").encode("cp1252"),
            "content/services/holiday-club.yaml:4: is not saved as UTF-8 text: byte 0x96 after 'description: Fun ' "
            "(probably '–' saved in another encoding)",
        ),
        (
            "services/holiday-club.yaml",
            (ENTRY_TEXT + "keywords: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
            f"content/services/holiday-club.yaml:{NEXT_LINE}: is nested more than 12 levels deep",
        ),
        (
            "services/holiday-club.yaml",
            (ENTRY_TEXT + "".join(f"{'  ' * i}a{i}:\n" for i in range(300))).encode(),
            f"content/services/holiday-club.yaml:{NEXT_LINE + 11}: is nested more than 12 levels deep",
        ),
        (
            "services/holiday-club.yaml",
            ENTRY_TEXT.replace("Fun activities.", "x" * (5 * 1024 * 1024)).encode(),
            f"content/services/holiday-club.yaml:1: is larger than {MAX_BYTES // 1024} KB, too large for a content file",
        ),
        (
            "pages/holiday-help.md",
            PAGE_TEXT.replace("Some text.", "Some text. " * (MAX_BODY // 10)).encode(),
            f"content/pages/holiday-help.md:6: the page text is {len('Some text. ' * (MAX_BODY // 10)) + 2:,} characters long; "
            f"the most is {MAX_BODY:,}",
        ),
        (
            "services/holiday-club.yaml",
            (ENTRY_TEXT + "minimum_age: " + "9" * 5000 + "\n").encode(),
            f"content/services/holiday-club.yaml:{NEXT_LINE}: minimum_age: '{'9' * 40}…' must be a whole number from 0 to 24",
        ),
        (
            "services/holiday-club.yaml",
            (ENTRY_TEXT + "url: https://[example.org\n").encode(),
            f"content/services/holiday-club.yaml:{NEXT_LINE}: url: 'https://[example.org' is not a web address",
        ),
    ],
    ids=[
        "NUL in YAML", "ESC in YAML", "NUL in Markdown", "ESC in Markdown", "line separator in YAML",
        "Latin-1 Markdown", "Windows-1252 YAML", "deep flow nesting", "deep block nesting", "5 MB description",
        "page text too long", "a number thousands of digits long", "unclosed bracket in a web address",
    ],
)
def test_bad_bytes_give_a_file_and_line_and_a_fix_in_check_and_build(site, where, raw, expected):
    site.build_ok()
    (site.content / where).write_bytes(raw)
    refused_everywhere(site, expected)


def test_a_page_header_cannot_use_pelican_settings_to_write_elsewhere(site):
    site.write("pages/holiday-help.md", PAGE_TEXT.replace("\n\n", "\nSave_as: ../../outside.html\nTemplate: admin\n\n"))
    assert problems(site)[:2] == [
        "content/pages/holiday-help.md:6: save_as: is not a field we know; known fields are: "
        "title, slug, summary, related, topics, order, sources, modified",
        "content/pages/holiday-help.md:7: template: is not a field we know; did you mean 'related'?",
    ]
    assert site.build().returncode == 1
    assert not (site.content.parent / "outside.html").exists()


def test_a_page_header_line_given_twice_is_refused(site):
    site.write("pages/holiday-help.md", PAGE_TEXT.replace("\n\n", "\nTitle: Another title\n\n"))
    assert problems(site) == ["content/pages/holiday-help.md:6: title: is given twice (first on line 1); keep one"]


VOCABULARIES = load_vocabularies(ROOT / "content", {})


def check_bytes_quietly(raw: bytes) -> None:
    """Read and validate ``raw`` as every kind of content file, as make check does; fail on any exception."""
    root, errors = yaml_source.read("x.yaml", "x.yaml", raw)
    assert all(isinstance(e.line, int) and e.line >= 1 for e in errors)
    if root is not None and not errors:
        for content_type in (ENTRY, FEEDBACK):
            validate(root, content_type, "x.yaml", VOCABULARIES)


@settings(max_examples=400, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300))
def test_any_bytes_give_problems_never_a_crash(raw):
    check_bytes_quietly(raw)


FIXTURE_ENTRY = (FIXTURE_CONTENT / "services" / "oak-tree-school.yaml").read_bytes()
YAMLISH = st.sampled_from(
    [*":-[]{}#&*!|>'\"%@`,? \n\t09az", "\n  ", "\n- ", "kind", "phones", "number", "locations", "true", "~", "null",
     "2026-01-01", "special_school", "\x00", "\x1b", "\xe9", "\u2028", "\ufeff", "{{", "}}", " send_team.phones ", "iass"]
)


@settings(max_examples=400, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(FIXTURE_ENTRY)), st.lists(YAMLISH, max_size=12), st.integers(0, 40))
def test_any_edit_of_a_valid_entry_gives_problems_never_a_crash(at, inserted, removed):
    check_bytes_quietly(FIXTURE_ENTRY[:at] + "".join(inserted).encode("utf-8", "surrogatepass") + FIXTURE_ENTRY[at + removed :])


# The fixture council, so that placeholders in the made-up pages are filled in too.
COUNCIL = load_council(FIXTURE_CONTENT, {})


@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(YAMLISH, max_size=60))
def test_any_page_gives_problems_never_a_crash(tmp_path_factory, parts):
    path = tmp_path_factory.getbasetemp() / "page.md"
    path.write_bytes(("Title: " + "".join(parts)).encode("utf-8", "surrogatepass"))
    header, _, errors = read_page(path, "content/pages/page.md", COUNCIL, "content/council.yaml")
    if not errors:
        validate(header_node(header), PAGE, "content/pages/page.md", VOCABULARIES)


# --- reserved slugs ------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(reserved(SETTINGS)))
def test_a_page_cannot_take_a_section_the_site_writes(site, slug):
    site.write("pages/holiday-help.md", PAGE_TEXT.replace("Slug: holiday-help", f"Slug: {slug}"))
    [problem] = problems(site)
    assert problem.startswith(f"content/pages/holiday-help.md:2: slug: '{slug}' would put this page at /{slug}/, where the site publishes ")
    assert problem.endswith("; choose another slug")


def test_a_page_taking_the_web_editors_address_fails_the_build_naming_the_file(site):
    site.build_ok()
    site.write("pages/holiday-help.md", PAGE_TEXT.replace("Slug: holiday-help", "Slug: admin"))
    refused_everywhere(
        site, "content/pages/holiday-help.md:2: slug: 'admin' would put this page at /admin/, where the site publishes the web editor"
    )


def test_sections_follow_the_settings(site, tmp_path):
    settings_file = tmp_path / "settings.py"
    settings_file.write_text(
        f"from pelicanconf import *\nSEARCH = {{**SEARCH, 'SEARCH_URL': 'find/'}}\n"
        "LOCAL_OFFER = {'ENTRY_URL': '{slug}/'}\n",
        encoding="utf-8",
    )
    site.write("pages/holiday-help.md", PAGE_TEXT.replace("Slug: holiday-help", "Slug: search"))
    site.write("pages/find.md", PAGE_TEXT.replace("Slug: holiday-help", "Slug: find"))
    site.write("pages/advice.md", PAGE_TEXT.replace("Slug: holiday-help", "Slug: advice-line"))
    found, _ = run_checks(site.content, str(settings_file))
    # "search" is free now; "find" is taken; entries are at the top of the site, beside pages.
    assert [str(p) for p in found] == [
        "content/pages/find.md:2: slug: 'find' would put this page at /find/, where the site publishes the search page; "
        "choose another slug",
        "content/services/advice-line.yaml:1: slug: 'advice-line' is already used by content/pages/advice.md; choose another slug",
    ]


def test_every_folder_a_build_writes_is_declared_by_a_plugin(site):
    """The list of sections is worked out, not kept by hand: nothing the build writes is missing from it."""
    site.build_ok()
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(site.content)})
    folders = {path.name for path in site.output.iterdir() if path.is_dir()}
    page_slugs = {line.split(":", 1)[1].strip() for path in (site.content / "pages").glob("*.md")
                  for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Slug:")}
    assert folders - page_slugs - set(reserved(settings)) == set()
