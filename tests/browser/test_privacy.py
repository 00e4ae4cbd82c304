"""Nothing is stored in the reader's browser unless the reader asks for it."""

from __future__ import annotations

import pytest

from browser_helpers import page_path, wait_settled

pytestmark = pytest.mark.browser

STORAGE = "() => ({local: Object.assign({}, localStorage), session: Object.assign({}, sessionStorage)})"


def test_reading_and_calculating_store_nothing_and_set_no_cookie(fresh, site_server):
    page = fresh()
    page.goto(site_server + "/guide/how-to-negotiate/")
    assert page.evaluate(STORAGE) == {"local": {}, "session": {}}
    page.goto(site_server + page_path("installment_apr", "en"))
    assert wait_settled(page) == "ready"
    page.fill('[name="periods"]', "6")
    page.wait_for_timeout(500)
    assert page.evaluate(STORAGE) == {"local": {}, "session": {}}
    assert page.context.cookies() == []


def test_the_colour_scheme_is_remembered_only_after_the_reader_picks_one(fresh, site_server):
    page = fresh()
    page.goto(site_server + "/en/")
    assert page.evaluate(STORAGE)["local"] == {}
    page.locator("[data-md-component=palette] label:visible").first.click()
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert any(key.endswith("__palette") for key in page.evaluate(STORAGE)["local"])
    page.reload()
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == scheme
