"""Browsers that cannot run the runtime keep the server-rendered result and say why, briefly.

The failures are forced with the widget's documented test hooks (``?calc-test=...``, see
``docs/assets/calculator/widget.js``): a failed feature check must not download anything; a
worker that errors, a start that times out and a previous start that seems to have crashed the
tab must all end in the ``error`` state with the example result intact and no spinner.
"""

from __future__ import annotations

import time

import pytest

import calculators
from calculators import render

from browser_helpers import expected_outputs, form_of, outputs_of, page_path, wait_computed, wait_settled

pytestmark = pytest.mark.browser

NAME = "installment_apr"
RUNTIME_FILES = (".wasm", ".mjs", ".zip")


def runtime_requests(page):
    return [u for u in page.requests.urls if "/assets/runtime/" in u and u.endswith(RUNTIME_FILES)]


def assert_fallback(page, lang, variant="default"):
    assert wait_settled(page) == "error"
    box = page.locator(".calc-fallback")
    assert box.is_visible()
    text = render.UI["fallback_wechat" if variant == "wechat" else "fallback"][lang]
    assert box.locator(f'[data-variant="{variant}"]').inner_text().strip() == text
    assert not page.locator(".calc-spinner").is_visible(), "no spinner keeps turning"
    assert not page.locator('[data-action="csv"]').is_visible()
    # The example figures, next to the example inputs.
    assert form_of(page) == render.form_defaults(NAME)
    assert outputs_of(page) == expected_outputs(NAME, render.form_defaults(NAME))


@pytest.mark.parametrize("flag", ["no-eh", "no-bigint", "no-worker"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_failed_feature_check_downloads_nothing(fresh, site_server, flag, lang):
    page = fresh()
    page.goto(site_server + page_path(NAME, lang) + f"?calc-test={flag}")
    assert_fallback(page, lang)
    assert page.get_attribute("[data-calculator]", "data-fallback-reason") == flag
    assert not page.locator('[data-action="retry"]').is_visible(), "an old browser gains nothing by retrying"
    assert runtime_requests(page) == []


def test_wechat_gets_its_own_advice(fresh, site_server):
    page = fresh()
    page.goto(site_server + page_path(NAME, "zh") + "?calc-test=no-eh,wechat")
    assert_fallback(page, "zh", variant="wechat")


def test_fragment_inputs_are_reset_when_falling_back(fresh, site_server):
    """A shared link cannot be computed here: show the example inputs with the example result."""
    page = fresh()
    page.goto(site_server + page_path(NAME, "en") + "?calc-test=no-eh#principal_yuan=55555&periods=7")
    assert_fallback(page, "en")


def test_worker_error_falls_back_and_retry_works(fresh, site_server):
    page = fresh()
    page.goto(site_server + page_path(NAME, "zh") + "?calc-test=worker-error")
    assert_fallback(page, "zh")
    assert page.get_attribute("[data-calculator]", "data-fallback-reason").startswith("worker-init")
    assert page.evaluate("() => sessionStorage.getItem('calc-runtime-starting')") is None
    retry = page.locator('[data-action="retry"]')
    assert retry.is_visible()


def test_timeout_falls_back(fresh, site_server):
    page = fresh()
    page.goto(site_server + page_path(NAME, "en") + "?calc-test=timeout")
    assert_fallback(page, "en")
    assert page.get_attribute("[data-calculator]", "data-fallback-reason") == "timeout"


def test_a_start_that_crashed_the_tab_is_not_retried_automatically(fresh, site_server):
    page = fresh()
    # The marker a start leaves behind when the tab dies before the runtime is ready.
    page.context.add_init_script("sessionStorage.setItem('calc-runtime-starting', '1')")
    page.goto(site_server + page_path(NAME, "zh"))
    assert_fallback(page, "zh")
    assert page.get_attribute("[data-calculator]", "data-fallback-reason") == "crashed-before"
    time.sleep(0.5)
    assert runtime_requests(page) == []
    # The reader may still try again by hand, and then it works.
    page.click('[data-action="retry"]')
    assert wait_settled(page) == "ready"


def test_data_saver_waits_for_the_first_touch(fresh, site_server):
    page = fresh()
    page.goto(site_server + page_path(NAME, "zh") + "?calc-test=savedata")
    page.wait_for_load_state("load")
    time.sleep(1.0)
    root = page.locator("[data-calculator]")
    assert root.get_attribute("data-state") == "static"
    assert page.locator(".calc-status-text").inner_text() == render.UI["savedata"]["zh"]
    assert runtime_requests(page) == []
    page.focus('[name="periods"]')
    assert wait_settled(page) == "ready"
    assert runtime_requests(page)
    wait_computed(page)


def test_a_precompiled_standard_library_that_fails_falls_back_to_a_plain_start(fresh, site_server):
    """If the build's precompiled standard library cannot be used, the page still computes."""
    page = fresh()
    page.goto(site_server + page_path(NAME, "en") + "?calc-test=bad-stdlib")
    assert wait_settled(page) == "ready"
    assert any(u.endswith(".missing") for u in page.requests.urls), "the broken library was tried first"
    assert any(u.endswith("/python_stdlib.zip") for u in page.requests.urls), "then the stock library was loaded"
    page.fill('[name="periods"]', "6")
    wait_computed(page)
    form = form_of(page)
    assert outputs_of(page) == expected_outputs(NAME, form)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_answer_python_could_not_give_shows_the_pages_own_message(fresh, site_server, lang):
    """The worker only says {ok: false}; the words are the page's (render.py), and the last result stays."""
    page = fresh()

    def no_answer(route):
        body = (
            route.fetch()
            .text()
            .replace("if (handle) response = handle(msg.request);", 'throw new Error("test: Python gave no answer");')
        )
        route.fulfill(body=body, headers={"content-type": "text/javascript"})

    page.route("**/worker-*.js", no_answer)
    page.goto(site_server + page_path(NAME, lang))
    assert wait_settled(page) == "ready"
    before = outputs_of(page)
    page.fill('[name="principal_yuan"]', "12345")
    message = page.locator(".calc-form-error")
    message.wait_for(state="visible", timeout=30_000)
    internal = calculators._core._internal()["message"][lang]
    assert message.inner_text().strip() == internal
    assert page.get_attribute("[data-calculator]", "data-msg-internal") == internal
    assert page.locator(".calc-stale-note").is_visible()
    assert outputs_of(page) == before
