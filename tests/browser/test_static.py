"""Every calculator page, in both languages, holds a real result before (and without) any script.

The build renders each calculator's default result by calling ``calculators.run`` from the
macros; these tests load the pages with JavaScript turned off and check the figures against
``calculators.run`` on the server, and that the form is complete and labelled.
"""

from __future__ import annotations

import pytest

import calculators
from calculators import render

from browser_helpers import LANGS, expected_outputs, form_of, outputs_of, page_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def nojs_page(browser, site_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", calculators.NAMES)
def test_page_shows_the_default_result_without_javascript(nojs_page, site_server, name, lang):
    page = nojs_page
    response = page.goto(site_server + page_path(name, lang))
    assert response.ok
    assert page.get_attribute("html", "lang").startswith(lang)
    root = page.locator(f'[data-calculator="{name}"]')
    assert root.count() == 1
    assert root.get_attribute("data-state") == "static"

    form = form_of(page)
    assert form == render.form_defaults(name), "the form shows the calculator's defaults"
    shown = outputs_of(page)
    expected = expected_outputs(name, form)
    assert shown == expected, "server-rendered figures equal calculators.run for the same inputs"
    primary = [o.key for o in calculators.get(name).outputs if o.primary]
    for key in primary:
        text = page.locator(f'[data-output="{key}"] dd').inner_text().strip()
        assert text and text != "—", f"primary output {key} shows a figure"

    # Visible, labelled controls; nothing that needs the runtime is offered without it.
    for control in page.locator("form.calc-form input, form.calc-form select").all():
        if not control.is_visible():
            continue
        cid = control.get_attribute("id")
        label = page.locator(f'label[for="{cid}"]')
        assert label.count() == 1 and label.inner_text().strip(), f"{cid} has a label"
    for action in ("share", "csv", "add-row", "remove-row"):
        assert not page.locator(f'[data-action="{action}"]').first.is_visible()
    assert not page.locator(".calc-fallback").is_visible()

    # Usable at 360 px: nothing in the widget sticks out sideways (wide tables scroll in their box).
    outside = page.evaluate(
        """() => [...document.querySelectorAll('[data-calculator] *')]
            .filter(e => e.getClientRects().length && !e.closest('.calc-table-wrap'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.tagName + '.' + (e.className.baseVal ?? e.className))"""
    )
    assert outside == []

    # Without JavaScript nothing of the runtime is fetched.
    assert not [u for u in page.requests if "/assets/runtime/" in u and u.endswith((".zip", ".wasm", ".mjs"))]


@pytest.mark.parametrize("lang", LANGS)
def test_calculator_index_links_every_calculator(nojs_page, site_server, lang):
    page = nojs_page
    page.goto(site_server + ("/calculators/" if lang == "zh" else "/en/calculators/"))
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    for name in calculators.NAMES:
        calc = calculators.get(name)
        assert calc.question[lang] in page.locator("article").inner_text()
        assert site_server + page_path(name, lang) in hrefs, f"the index links to {name} in {lang}"
    assert page.locator("[data-calculator]").count() == 0, "the index has no widget"
