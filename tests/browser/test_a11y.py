"""Accessibility and layout: keyboard use, contrast in both palettes, the print layout."""

from __future__ import annotations

import pytest

from browser_helpers import outputs_of, page_path, wait_computed, wait_settled

pytestmark = pytest.mark.browser

# WCAG 2 contrast of each matched element's text against what is painted behind it.
CONTRAST = """
(selectors) => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
    return bg;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const out = [];
  for (const sel of selectors) {
    const els = [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length).slice(0, 3);
    if (!els.length) { out.push({ sel, ratio: null }); continue; }
    for (const el of els) {
      const style = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fg = parse(svg ? style.fill : style.color);
      // Opacity on the element or an ancestor (Material's <small> is at 75 %) fades the text too.
      for (let e = el; e; e = e.parentElement) fg.a *= parseFloat(getComputedStyle(e).opacity);
      const bg = background(svg ? el.closest('figure') : el);
      const text = blend(fg, bg);
      const [a, b] = [lum(text), lum(bg)].sort((x, y) => y - x);
      out.push({ sel, ratio: (a + 0.05) / (b + 0.05) });
    }
  }
  return out;
}
"""

TEXT = [
    ".calc-field label",
    ".calc-help",
    ".calc-unit",
    ".calc-control input",
    ".calc-status-text",
    ".calc-figure dt",
    ".calc-figure dd",
    ".calc-explain p",
    ".calc-chart figcaption",
    ".calc-chart .calc-axis",
    ".calc-legend li",
    ".calc-schedule summary",
    ".calc-table-wrap td",
    ".calc-conventions",
    ".calc-button",
    ".calc-error",
    ".calc-stale-note",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_widget_text_contrast_passes_wcag_aa(fresh, site_server, scheme):
    page = fresh(color_scheme=scheme)
    page.goto(site_server + page_path("overdue_cost", "en"))
    assert wait_settled(page) == "ready"
    wait_computed(page)
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    page.locator("details.calc-schedule summary").click()
    page.fill('[name="days_overdue"]', "x")  # show an error and the stale note
    page.wait_for_selector('[name="days_overdue"][aria-invalid="true"]')
    results = page.evaluate(CONTRAST, TEXT)
    missing = [r["sel"] for r in results if r["ratio"] is None]
    assert not missing, f"not on the page: {missing}"
    low = [(r["sel"], round(r["ratio"], 2)) for r in results if r["ratio"] < 4.5]
    assert not low, f"contrast below 4.5:1 in the {scheme} palette: {low}"


def test_keyboard_alone_can_change_inputs_and_open_the_schedule(live, site_server):
    context, page, requests = live
    page.goto(site_server + page_path("installment_apr", "zh"))
    assert wait_settled(page) == "ready"
    wait_computed(page)
    before = outputs_of(page)
    page.focus('[name="principal_yuan"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("24000")
    page.keyboard.press("Enter")  # submitting the form only recomputes, never reloads
    page.wait_for_function(
        "(v) => document.querySelector('[data-output=total_fee_yuan]').dataset.value !== v",
        arg=before["total_fee_yuan"],
    )
    assert page.url.split("#")[0].endswith(page_path("installment_apr", "zh"))
    # Tab through the rest of the form and the result to the schedule; Enter opens it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('details.calc-schedule > summary')"):
            break
    else:
        raise AssertionError("the schedule is not reachable with Tab")
    page.keyboard.press("Enter")
    assert page.get_attribute("details.calc-schedule", "open") is not None
    focused = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none", "the focused control shows a focus ring"


def test_print_layout_shows_the_result_not_the_navigation(live, site_server):
    context, page, requests = live
    page.goto(site_server + page_path("negotiated_plan", "en"))
    assert wait_settled(page) == "ready"
    page.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".calc-actions", ".calc-status"):
            assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
        for shown in (".calc-result", ".calc-form", "[data-output]"):
            assert page.locator(shown).first.is_visible(), f"{shown} is not printed"
        # Printing opens the schedule, and closes it again afterwards.
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        assert page.get_attribute("details.calc-schedule", "open") is not None
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        assert page.get_attribute("details.calc-schedule", "open") is None
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/banks/citic/", "/en/banks/citic/"])
def test_bank_table_source_notes_pass_wcag_aa(fresh, site_server, scheme, path):
    page = fresh(color_scheme=scheme)
    page.goto(site_server + path)
    results = page.evaluate(CONTRAST, [".md-typeset td small", '.md-typeset td small a[href^="#bank-src-"]'])
    assert all(r["ratio"] is not None for r in results), "the card-terms table has no source notes"
    low = [(r["sel"], round(r["ratio"], 2)) for r in results if r["ratio"] < 4.5]
    assert not low, f"contrast below 4.5:1 in the {scheme} palette: {low}"
