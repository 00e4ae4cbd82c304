"""Browser fixtures: one Chromium per session (Debian's, through Playwright), against the built site.

``built_site`` and ``site_server`` come from ``tests/conftest.py`` (set ``SITE_DIR`` to reuse a
build). Every test module here sets ``pytestmark = pytest.mark.browser``; helpers shared by the
modules are in ``browser_helpers.py``. Never run ``playwright install``:
the browser is ``/usr/bin/chromium``.

Pyodide takes a few seconds to start on each page load, so a module's runtime tests share one
browser context (``live``): its HTTP cache and the browser's WebAssembly code cache make later
starts faster. Tests that need a clean slate (no JavaScript, forced fallbacks, storage) open their own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
# browser_helpers (pytest.ini uses --import-mode=importlib). Appended, not prepended, so that a
# plain ``import conftest`` elsewhere still finds tests/conftest.py first.
if HERE not in sys.path:
    sys.path.append(HERE)

# Chromium's path and quiet arguments: one home, shared with make bench / make audit.
from _browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (tests/conftest.py puts scripts/ on sys.path)
from browser_helpers import CSP_PROBE, Requests  # noqa: E402


# Module scope (not session): some modules start their own Playwright, and only one sync
# Playwright can run at a time, so each module's is stopped before the next module starts.
@pytest.fixture(scope="module")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright_instance):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/system-deps.sh --browser` (never `playwright install`)")
    b = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture(scope="module")
def live(browser, site_server):
    """A shared context and page for the runtime tests: ``(context, page, requests)``."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, accept_downloads=True)
    context.add_init_script(CSP_PROBE)
    requests = Requests(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield context, page, requests
    context.close()


@pytest.fixture
def fresh(browser, site_server):
    """A new context per test (clean storage and cache); returns a factory of pages."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 360, "height": 740})
        context = browser.new_context(**options)
        context.add_init_script(CSP_PROBE)
        contexts.append(context)
        page = context.new_page()
        page.requests = Requests(context)
        return page

    yield make
    for c in contexts:
        c.close()
