"""The live calculators: the same Python runs in the reader's browser (Pyodide in a module worker).

Full checks for two calculators in both languages (a plain form, and one with list rows), a
lighter check for the others (becomes ready; a changed input changes the figures, which equal
``calculators.run`` on the server for the same inputs). All pages share one browser context,
so the runtime is fetched and compiled once.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

import calculators
from calculators import render

from browser_helpers import (
    LANGS,
    expected_outputs,
    form_of,
    numeric_fields,
    outputs_of,
    page_path,
    request_json,
    wait_computed,
    wait_settled,
)

pytestmark = pytest.mark.browser

FULL = ("installment_apr", "payoff_order")


def changed_text(field, text: str) -> str:
    """Another valid value for ``field`` (its text as shown; percent fields in percent)."""
    d = Decimal(text or "1")
    scale = Decimal("0.01") if field.percent else Decimal(1)
    hi = Decimal(field.maximum) if field.maximum is not None else None
    lo = Decimal(field.minimum) if field.minimum is not None else None
    if field.kind == "integer":
        new = d + 1
        if hi is not None and new > hi:
            new = d - 1
    else:
        new = d * 2 if d != 0 else Decimal(1)
        if hi is not None and new * scale > hi:
            new = d / 2
    if lo is not None and new * scale < lo:
        new = lo / scale
    if field.kind == "money":
        new = new.quantize(Decimal("0.01"))
    return format(new.normalize(), "f")


def open_ready(page, base, name, lang):
    page.goto(base + page_path(name, lang))
    assert wait_settled(page) == "ready", page.get_attribute("[data-calculator]", "data-fallback-reason")
    wait_computed(page)


def same_origin_only(requests, base, mark):
    others = [u for u in requests.since(mark) if not (u.startswith(base + "/") or u.startswith("blob:" + base))]
    assert not others, f"requests left the site: {others}"


def wait_outputs_change(page, before: dict):
    page.wait_for_function(
        """(before) => {
          const r = document.querySelector('[data-calculator]');
          if (r.classList.contains('calc-stale')) return false;
          const now = Object.fromEntries([...r.querySelectorAll('[data-output]')]
              .map(e => [e.dataset.output, e.dataset.value]));
          return JSON.stringify(now) !== JSON.stringify(before);
        }""",
        arg=before,
        timeout=30_000,
    )


def change_first_number(page, name) -> str:
    """Type a new value into the first numeric field that changes the figures; return its name."""
    before = outputs_of(page)
    for field in numeric_fields(name):
        old = page.input_value(f'[name="{field.name}"]')
        new = changed_text(field, old)
        page.fill(f'[name="{field.name}"]', new)
        try:
            wait_outputs_change(page, before)
            return field.name
        except Exception:
            page.fill(f'[name="{field.name}"]', old)
            wait_computed(page)
    raise AssertionError(f"{name}: no numeric input changed the outputs")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FULL)
def test_live_calculator_full(live, site_server, name, lang):
    context, page, requests = live
    mark = requests.mark()
    open_ready(page, site_server, name, lang)
    calc = calculators.get(name)

    # The first live result is the same as the server-rendered one.
    assert outputs_of(page) == expected_outputs(name, form_of(page))
    for action in ("share", "csv"):
        assert page.locator(f'[data-action="{action}"]').is_visible()

    # Typing recomputes, and the figures equal calculators.run on the server.
    defaults = outputs_of(page)
    field = change_first_number(page, name)
    shown = outputs_of(page)
    assert shown != defaults
    assert shown == expected_outputs(name, form_of(page))

    # The result is announced politely once typing pauses.
    primary = next(o for o in calc.outputs if o.primary)
    primary_text = page.locator(f'[data-output="{primary.key}"] dd').inner_text().strip()
    live_region = page.locator('.calc-live[aria-live="polite"]')
    live_region.filter(has_text=primary_text).wait_for(state="attached", timeout=10_000)

    # A bad input shows the calculator's own message next to the field and keeps the last result.
    good = page.input_value(f'[name="{field}"]')
    page.fill(f'[name="{field}"]', "abc")
    page.wait_for_selector(f'[name="{field}"][aria-invalid="true"]')
    form = form_of(page)
    errors = request_json(name, form, lang)["errors"]
    message = next(e["message"][lang] for e in errors if e["field"] == field)
    error_box = page.locator(f'.calc-field[data-field="{field}"] .calc-error')
    assert error_box.is_visible() and error_box.inner_text().strip() == message
    described = page.get_attribute(f'[name="{field}"]', "aria-describedby")
    assert error_box.get_attribute("id") in described.split()
    assert outputs_of(page) == shown, "the last good result stays"
    assert page.locator(".calc-stale-note").is_visible()
    page.fill(f'[name="{field}"]', good)
    wait_computed(page)
    assert not error_box.is_visible()
    assert page.get_attribute(f'[name="{field}"]', "aria-invalid") is None

    # The inputs are in the fragment; the link reproduces the result.
    url = page.url
    assert "#" in url and f"{field}=" in url.split("#", 1)[1]
    other = context.new_page()
    try:
        other.goto(url)
        assert wait_settled(other) == "ready"
        wait_computed(other)
        assert form_of(other) == form_of(page)
        assert outputs_of(other) == outputs_of(page)
    finally:
        other.close()

    # The schedule downloads as CSV with a BOM, headers in the page's language, every row.
    if calc.table is not None:
        with page.expect_download() as download:
            page.click('[data-action="csv"]')
        data = open(download.value.path(), "rb").read()
        assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so that Excel reads Chinese"
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0] == [render._column_header(c, lang) for c in calc.table.columns]
        details = page.locator("details.calc-schedule")
        assert len(rows) - 1 == int(details.get_attribute("data-rows"))
        assert download.value.suggested_filename == f"{name}.csv"

    assert page.evaluate("() => window.__cspViolations") == []
    assert not page.errors, page.errors
    same_origin_only(requests, site_server, mark)


@pytest.mark.parametrize("lang", LANGS)
def test_list_rows_can_be_added_and_removed(live, site_server, lang):
    name = "payoff_order"
    context, page, requests = live
    open_ready(page, site_server, name, lang)
    rows = page.locator('[data-list="debts"] .calc-rows > .calc-row')
    count = rows.count()
    before = outputs_of(page)
    page.click('[data-list="debts"] [data-action="add-row"]')
    assert rows.count() == count + 1
    new = f"debts.{count}."
    assert page.evaluate("() => document.activeElement.name") == new + "name", "focus moves to the new row"
    page.fill(f'[name="{new}balance"]', "3000")
    page.fill(f'[name="{new}rate"]', "0.05")
    page.select_option(f'[name="{new}rate_basis"]', "daily")  # a new row has no period until chosen
    page.fill(f'[name="{new}min_payment"]', "300")
    wait_outputs_change(page, before)
    form = form_of(page)
    assert form[new + "balance"] == "3000"
    assert outputs_of(page) == expected_outputs(name, form)
    assert rows.nth(count).locator("legend .calc-row-num").inner_text() == str(count + 1)

    # Remove the first row: the others are renumbered 0..n-1 and the figures follow.
    with_four = outputs_of(page)
    rows.nth(0).locator('[data-action="remove-row"]').click()
    assert rows.count() == count
    wait_outputs_change(page, with_four)
    form = form_of(page)
    assert sorted({k.split(".")[1] for k in form if k.startswith("debts.")}) == [str(i) for i in range(count)]
    assert form["debts.0.name"] == render.form_defaults(name)["debts.1.name"]
    assert outputs_of(page) == expected_outputs(name, form)
    ids = page.locator("[data-calculator] [id]").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == len(set(ids)), "ids stay unique after adding and removing rows"
    controls = page.locator('[data-list="debts"] .calc-rows [name]').evaluate_all("els => els.map(e => [e.name, e.id])")
    assert all(cid == render.field_id(name, cname) for cname, cid in controls), "ids follow render.field_id"


LIGHT = [(n, lang) for n in calculators.NAMES if n not in FULL for lang in LANGS]


@pytest.mark.parametrize(("name", "lang"), LIGHT)
def test_live_calculator_recomputes(live, site_server, name, lang):
    context, page, requests = live
    mark = requests.mark()
    open_ready(page, site_server, name, lang)
    defaults = outputs_of(page)
    assert defaults == expected_outputs(name, form_of(page))
    change_first_number(page, name)
    shown = outputs_of(page)
    assert shown != defaults
    assert shown == expected_outputs(name, form_of(page))
    assert page.evaluate("() => window.__cspViolations") == []
    same_origin_only(requests, site_server, mark)


def test_heading_anchor_stays_until_the_reader_changes_an_input(live, site_server):
    context, page, requests = live
    page.goto(site_server + page_path("rate_convert", "en") + "#how-it-is-calculated")
    assert wait_settled(page) == "ready"
    wait_computed(page)
    assert page.url.endswith("#how-it-is-calculated")
    before = outputs_of(page)
    page.fill('[name="daily_rate"]', "0.04")
    wait_outputs_change(page, before)
    assert "daily_rate=0.04" in page.url.split("#", 1)[1]


# Counts, from the first parse on, how often the result is redrawn and how often Python answers.
REDRAW_PROBE = """
document.addEventListener('DOMContentLoaded', () => {
  const result = document.querySelector('[data-calculator] .calc-result');
  if (!result) return;
  const seen = window.__redraw = { redrawn: 0, answers: 0, first: result.firstElementChild };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') seen.redrawn += 1;
      else seen.answers += 1;
    }
  }).observe(result, { childList: true, attributes: true, attributeFilter: ['data-result-key'] });
});
"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_answer_is_not_redrawn_when_it_is_the_shown_result(fresh, site_server, lang):
    """A phone should not lay out the whole result again for the same figures (issue 14)."""
    page = fresh()
    page.context.add_init_script(REDRAW_PROBE)
    page.goto(site_server + page_path("installment_apr", lang))
    assert wait_settled(page) == "ready"
    page.wait_for_function("() => window.__redraw && window.__redraw.answers > 0", timeout=30_000)
    seen = page.evaluate(
        "() => ({ ...window.__redraw, same: window.__redraw.first"
        " === document.querySelector('.calc-result').firstElementChild })"
    )
    assert seen["redrawn"] == 0 and seen["same"], seen
    assert not page.evaluate("() => document.querySelector('[data-calculator]').classList.contains('calc-stale')")
    # The next answer for other inputs is drawn.
    before = outputs_of(page)
    field = change_first_number(page, "installment_apr")
    assert page.evaluate("() => window.__redraw.redrawn") > 0, field
    assert outputs_of(page) != before


def test_a_first_answer_for_other_inputs_is_drawn(fresh, site_server):
    """A shared link changes the inputs before the engine starts: its first answer replaces the page's."""
    page = fresh()
    page.context.add_init_script(REDRAW_PROBE)
    page.goto(site_server + page_path("rate_convert", "en") + "#daily_rate=0.04")
    assert wait_settled(page) == "ready"
    wait_computed(page)
    assert page.evaluate("() => window.__redraw.redrawn") > 0
    assert outputs_of(page) == expected_outputs("rate_convert", form_of(page))


def test_nothing_keeps_moving_while_the_engine_starts(fresh, site_server):
    """An endless animation asks a slow phone for a frame 60 times a second while Python starts."""
    page = fresh()
    page.goto(site_server + page_path("payoff_order", "zh"), wait_until="commit")
    page.wait_for_function("() => document.querySelector('[data-calculator]')?.dataset.state === 'loading'")
    moving = page.evaluate(
        """() => document.getAnimations()
            .filter((a) => a.effect && a.effect.target && a.effect.target.closest('[data-calculator]'))
            .filter((a) => a.effect.getComputedTiming().iterations === Infinity)
            .map((a) => a.effect.target.className)"""
    )
    assert page.locator(".calc-spinner").is_visible(), "the loading mark is shown"
    assert moving == [], f"endless animations while loading: {moving}"
    assert wait_settled(page) == "ready"
