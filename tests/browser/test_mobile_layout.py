"""On a 360 px phone nothing makes the page scroll sideways (wide tables scroll inside their box)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "guide/how-to-negotiate/",
    "guide/law/",
    "banks/citic/",
    "banks/",
    "calculators/payoff-order/",
    "calculators/overdue-cost/",
    "kit/",
    "glossary/",
    "help/",
    "faq/",
]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_no_page_is_wider_than_a_phone(browser, site_server, lang_prefix):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=True)
    try:
        page = context.new_page()
        too_wide = {}
        for path in PAGES:
            page.goto(f"{site_server}/{lang_prefix}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide[lang_prefix + path] = width
        assert not too_wide, f"pages wider than a 360 px phone: {too_wide}"
    finally:
        context.close()
