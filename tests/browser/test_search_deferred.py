"""Material's search index is fetched only when the reader opens search, and search still works.

The index (both languages, about 0.9 MB) used to be downloaded and indexed at every page load,
competing with the calculators' engine on a phone (overrides/main.html holds it back).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEX = "/search/search_index.json"


@pytest.mark.parametrize(
    "path, query, expected",
    [
        ("/guide/how-to-negotiate/", "协商", "协商"),
        ("/en/guide/how-to-negotiate/", "negotiate", "egotiat"),
    ],
)
def test_the_index_waits_for_the_reader_then_search_finds_pages(fresh, site_server, path, query, expected):
    page = fresh()
    page.goto(site_server + path, wait_until="load")
    page.wait_for_timeout(1500)  # Material would have asked for the index by now
    assert not [u for u in page.requests.urls if u.endswith(INDEX)], "index fetched before search was opened"
    assert page.evaluate("window.__cspViolations") == []

    page.locator("label[for=__search]").first.click()
    page.locator("input[data-md-component=search-query]").fill(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    assert [u for u in page.requests.urls if u.endswith(INDEX)], "the index was fetched once search was opened"
    assert expected in results.first.inner_text()


def test_typing_s_f_or_slash_into_a_calculator_field_does_not_fetch_the_index(fresh, site_server):
    page = fresh()
    page.goto(site_server + "/calculators/payoff-order/", wait_until="load")
    field = page.locator("form.calc-form input[type=text], form.calc-form input:not([type])").first
    field.click()
    field.press("End")
    for key in ("s", "f", "/"):
        field.press(key)
    page.wait_for_timeout(500)
    assert not [u for u in page.requests.urls if u.endswith(INDEX)], "typing in a field fetched the search index"
    # The same keys outside a field are Material's search shortcut: then the index is wanted.
    page.locator("article h1").first.click()
    page.keyboard.press("s")
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/search/search_index.json'))",
        timeout=15_000,
    )


def test_the_search_worker_starts_only_with_search(fresh, site_server):
    """Material's search worker (its script and the thread) waits for the reader, like the index."""
    page = fresh()
    page.goto(site_server + "/en/calculators/installment-apr/", wait_until="load")
    page.wait_for_timeout(1500)
    workers = lambda: [u for u in page.requests.urls if "/workers/search." in u]  # noqa: E731
    assert not workers(), "the search worker started before search was opened"
    page.locator("label[for=__search]").first.click()
    page.locator("input[data-md-component=search-query]").fill("interest")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    assert workers(), "search ran in Material's worker once opened"
    assert page.evaluate("window.__cspViolations") == []
