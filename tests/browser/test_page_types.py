"""One page of each kind in Chromium: keyboard use, small screens and printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.checks import FOCUSABLE

pytestmark = pytest.mark.browser

# How a focused element looks: the properties a focus style can change,
# on the element and its ::before/::after (GOV.UK radios draw focus there).
# An outline only counts when it can be seen (not none, not transparent).
LOOK = """
el => {
  const visibleColour = c => !/^(transparent|rgba\\(.*,\\s*0\\))$/.test(c);
  const part = pseudo => {
    const s = getComputedStyle(el, pseudo);
    if (pseudo && s.content === 'none') return null;
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && visibleColour(s.outlineColor)
      ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}` : 'none';
    return [outline, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness,
            s.borderTopColor, s.borderTopWidth, s.borderBottomColor, s.borderBottomWidth].join('|');
  };
  return JSON.stringify([part(null), part('::before'), part('::after')]);
}
"""

DESCRIBE = """
el => {
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 40);
  return `<${el.tagName.toLowerCase()}${el.id ? ' id="' + el.id + '"' : ''}${
    el.getAttribute('href') ? ' href="' + el.getAttribute('href') + '"' : ''}> "${text}"`;
}
"""


def test_first_tab_focuses_a_skip_link_that_moves_focus_to_main(page_type, open_tab):
    kind, url = page_type
    tab = open_tab(url)
    page = tab.page
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => { const a = document.activeElement;"
        " return {tag: a.tagName, href: a.getAttribute('href'), text: a.innerText.trim().slice(0, 60)} }"
    )
    main_id = page.locator("main").get_attribute("id")
    assert first["tag"] == "A" and main_id and first["href"] == f"#{main_id}", (
        f"{url} ({kind}): the first Tab should focus a skip link to #{main_id}, "
        f"but focused <{first['tag'].lower()} href={first['href']!r}> {first['text']!r}"
    )
    assert first["text"], f"{url}: the skip link has no text"
    assert page.locator("*:focus").is_visible(), f"{url}: the focused skip link cannot be seen"
    page.keyboard.press("Enter")
    expect(page.locator("main"), f"{url}: activating the skip link should move focus to <main>").to_be_focused()
    assert not tab.problems, f"{url}: " + "\n  ".join(tab.problems)


def _clip(page, element, margin=8):
    box = element.bounding_box()
    viewport = page.viewport_size
    x, y = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
    return {
        "x": x,
        "y": y,
        "width": max(min(box["x"] + box["width"] + margin, viewport["width"]) - x, 1),
        "height": max(min(box["y"] + box["height"] + margin, viewport["height"]) - y, 1),
    }


def test_every_focusable_element_shows_where_focus_is(page_type, open_tab):
    kind, url = page_type
    tab = open_tab(url)
    page = tab.page
    # Record how every focusable element looks before any has focus.
    count = page.evaluate(
        "selector => { window.__unfocused = new Map(); window.__seen = new Set();"
        " const all = document.querySelectorAll(selector);"
        f" for (const el of all) window.__unfocused.set(el, ({LOOK})(el)); return all.length }}",
        FOCUSABLE,
    )
    unseen, visited = [], 0
    # Tab through the page the way a keyboard user does, until focus leaves it.
    for _ in range(count + 2):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        # Focus back on <body> or on an element already seen: it has left the page or wrapped round.
        left = "el => !el || el === document.body || window.__seen.has(el) || (window.__seen.add(el), false)"
        if page.evaluate(left, focused):
            break
        visited += 1
        before = page.evaluate("el => window.__unfocused.get(el)", focused)
        if before is not None and page.evaluate(LOOK, focused) != before:
            continue
        # No style change on the element itself: compare how its surroundings look
        # focused and unfocused (focus may be drawn by a label or a wrapper).
        element = focused.as_element()
        element.scroll_into_view_if_needed()
        clip = _clip(page, element)
        with_focus = page.screenshot(clip=clip)
        page.evaluate("el => el.blur()", focused)
        without_focus = page.screenshot(clip=clip)
        page.evaluate("el => el.focus()", focused)
        if with_focus == without_focus:
            unseen.append(page.evaluate(DESCRIBE, focused))
    assert visited, f"{url} ({kind}): Tab reached nothing"
    assert not unseen, f"{url} ({kind}): no visible focus indicator on:\n  " + "\n  ".join(unseen)
    assert not tab.problems, f"{url}: " + "\n  ".join(tab.problems)


# The navigation chrome that is no use on paper.
CHROME = {
    "skip link": ".govuk-skip-link, body > a[href^='#']",
    "header navigation": "header nav, .govuk-header__navigation, .govuk-service-navigation",
    "footer links": "footer a",
}

SHOWN = """
els => els.filter(el => {
  const box = el.getBoundingClientRect();
  return el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 1 && box.height > 1;
}).length
"""


def test_prints_without_navigation_chrome(page_type, open_tab):
    kind, url = page_type
    page = open_tab(url).page
    page.emulate_media(media="print")
    printed = {name: page.locator(selector).evaluate_all(SHOWN) for name, selector in CHROME.items()}
    assert not any(printed.values()), f"{url} ({kind}) prints navigation: " + ", ".join(
        f"{count} {name}" for name, count in printed.items() if count
    )
    expect(page.locator("h1"), f"{url}: the page heading should print").to_be_visible()
