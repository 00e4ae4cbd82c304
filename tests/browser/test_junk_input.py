"""Junk typed into every field of every calculator never breaks or freezes the page.

In Debian's Chromium (Playwright, never ``playwright install``), on the built site: each
calculator page starts its runtime, then every text box and menu gets hostile input (huge and
full-width numbers, NaN, markup, emoji, separators in the wrong places...). After each one the
page must still answer (a script on the main thread runs), the widget must not fall into its
error state, the worker must answer with either a result or a message next to the field in the
page's language, no script error may reach the page, no dialog may open (markup is never run),
and typing the original value back must bring a result back.
"""

from __future__ import annotations

import os
import re

import pytest

import calculators

from _browser import CHROMIUM  # scripts/, on sys.path from tests/conftest.py
from _browser import CHROMIUM_ARGS as ARGS

pytestmark = pytest.mark.browser


READY_MS = 120_000
ANSWER_MS = 30_000  # generous: a liveness bound (the answer comes), not a speed requirement

JUNK = [
    "NaN",
    "-Infinity",
    "1e999999",
    "９９９９９９９９９９９９９９９９９９",
    "0x1F",
    "1,2,3",
    "--5",
    "¥￥元",
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "💳" * 40,
    "1" * 300,
    "１，０００．５％",
    "-0",
    "2026-02-30",
    "   ",
    "١٢٣",
    "1e-99999",
    "3.14159265358979323846264338327950288",
    "NULL",
    "undefined",
    "{}",
    "[1,2]",
    "\u202e123",
]
CJK = re.compile(r"[\u3400-\u9fff]")

# Runs on the page before each value: watch the result and the field messages for the answer.
MARK_JS = """() => {
  const root = document.querySelector('[data-calculator]');
  const result = root.querySelector('.calc-result');
  if (window.__junkObserver) window.__junkObserver.disconnect();
  window.__junkMark = result.firstElementChild;
  window.__junkChanged = false;
  window.__junkObserver = new MutationObserver(() => { window.__junkChanged = true; });
  window.__junkObserver.observe(result, { childList: true });
  for (const slot of root.querySelectorAll('.calc-error')) {
    window.__junkObserver.observe(slot, { childList: true, characterData: true, subtree: true, attributes: true });
  }
}"""
# Has the worker answered since MARK_JS? (a new result, or messages shown next to fields)
ANSWERED_JS = """() => {
  if (!window.__junkChanged) return null;
  const root = document.querySelector('[data-calculator]');
  const result = root.querySelector('.calc-result');
  const messages = [...root.querySelectorAll('.calc-error')].filter((e) => !e.hidden && e.textContent.trim());
  return { replaced: result.firstElementChild !== window.__junkMark, messages: messages.map((e) => e.textContent.trim()) };
}"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    def __init__(self, browser, url):
        self.context = browser.new_context(viewport={"width": 390, "height": 844})
        self.page = self.context.new_page()
        self.errors, self.dialogs = [], []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function(
            "() => ['ready', 'error'].includes(document.querySelector('[data-calculator]').dataset.state)",
            timeout=READY_MS,
        )

    @property
    def state(self):
        return self.page.eval_on_selector("[data-calculator]", "el => el.dataset.state")

    def controls(self):
        return self.page.eval_on_selector_all(
            "[data-calculator] form input[name], [data-calculator] form select[name]",
            """els => els.filter((e) => !e.disabled && e.type !== 'hidden' && e.offsetParent !== null)
                        .map((e) => ({ name: e.name, tag: e.tagName, value: e.value }))""",
        )

    def set_value(self, control, value):
        """Type ``value`` (a menu gets a value it does not offer), then wait for the worker's answer."""
        self.page.evaluate(MARK_JS)
        selector = f'[data-calculator] [name="{control["name"]}"]'
        if control["tag"] == "SELECT":
            self.page.eval_on_selector(
                selector,
                """(el, v) => { el.value = v;
                el.dispatchEvent(new Event('change', { bubbles: true })); }""",
                value,
            )
        else:
            self.page.fill(selector, value)
        handle = self.page.wait_for_function(ANSWERED_JS, timeout=ANSWER_MS, polling=20)
        return handle.json_value()

    def close(self):
        self.context.close()


def _pages():
    return [(name, lang) for name in calculators.NAMES for lang in ("zh", "en")]


@pytest.mark.parametrize("name,lang", _pages(), ids=[f"{n}-{lang}" for n, lang in _pages()])
def test_junk_in_every_field_never_breaks_the_page(browser, site_server, name, lang):
    slug = name.replace("_", "-")
    url = f"{site_server}/{'en/' if lang == 'en' else ''}calculators/{slug}/"
    page = Page(browser, url)
    try:
        assert page.state == "ready", f"{url}: the runtime did not start"
        controls = page.controls()
        assert controls, f"{url}: no form fields found"
        for i, control in enumerate(controls):
            # Each field gets its own slice of the junk list, so every value is tried somewhere.
            junk = [JUNK[(i * 5 + k) % len(JUNK)] for k in range(5 if lang == "zh" else 2)]
            for value in junk:
                answer = page.set_value(control, value)
                assert page.page.evaluate("() => 6 * 7") == 42  # the main thread still runs scripts
                assert page.state == "ready", f"{control['name']}={value!r} put the widget in its error state"
                for message in answer["messages"]:
                    if lang == "zh":
                        assert CJK.search(message), f"{control['name']}={value!r}: message not in Chinese: {message!r}"
                    else:
                        assert not CJK.search(message), (
                            f"{control['name']}={value!r}: message not in English: {message!r}"
                        )
                # Typing the original value back brings a result back (nothing is stuck).
                back = page.set_value(control, control["value"])
                assert back["replaced"] and not back["messages"], (
                    f"{control['name']}: after {value!r}, the original value {control['value']!r} gave no result: {back}"
                )
        assert not page.errors, f"script errors on {url}: {page.errors[:3]}"
        assert not page.dialogs, f"a dialog opened on {url} (markup was run?): {page.dialogs[:3]}"
    finally:
        page.close()


@pytest.mark.parametrize("name", calculators.NAMES)
def test_junk_in_the_shared_link_never_breaks_the_page(browser, site_server, name):
    """A shared link (#field=value...) with junk values: the page starts and explains, no script error."""
    spec = calculators.spec(name)
    names = []
    for f in spec["fields"]:
        if f["kind"] == "list":
            names += [f"{f['name']}.0.{i['name']}" for i in f["items"]] + [f"{f['name']}.999.x"]
        else:
            names.append(f["name"])
    from urllib.parse import urlencode

    fragment = urlencode({n: JUNK[k % len(JUNK)] for k, n in enumerate(names)})
    page = Page(browser, f"{site_server}/calculators/{name.replace('_', '-')}/#{fragment}")
    try:
        assert page.state == "ready"
        page.page.wait_for_function(
            """() => { const r = document.querySelector('[data-calculator]');
                return [...r.querySelectorAll('.calc-error')].some((e) => !e.hidden && e.textContent.trim())
                    || !r.classList.contains('calc-stale'); }""",
            timeout=ANSWER_MS,
        )
        assert page.page.evaluate("() => 6 * 7") == 42
        assert not page.errors, page.errors[:3]
        assert not page.dialogs, page.dialogs[:3]
    finally:
        page.close()
