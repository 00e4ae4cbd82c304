"""calculators.render: the HTML the build puts in the pages and the worker sends back."""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape
from html.parser import HTMLParser

import pytest

import calculators
from calculators import render, web

NAMES = calculators.NAMES
LANGS = ("zh", "en")
VOID = {"input", "br", "img", "link", "meta", "hr", "line", "rect", "polyline", "path", "circle", "source", "wbr"}


class Tree(HTMLParser):
    """Checks nesting and collects ids, labels and controls."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems, self.ids, self.label_for, self.controls = [], [], [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label" and "for" in a:
            self.label_for.add(a["for"])
        if tag in ("input", "select") and "template" not in self.stack:
            self.controls.append(a)
        if "style" in a:
            self.problems.append(f"style attribute on <{tag}>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def parse(html):
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack, f"unclosed: {t.stack}"
    assert not t.problems, t.problems
    return t


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_widget_is_well_formed_labelled_and_keeps_the_page_contract(name, lang):
    html = render.render_widget(name, lang, {"runtime": "r/", "stdlib": "s.zip", "package": "p.zip", "worker": "w.js"})
    tree = parse(html)
    outside_template = re.sub(r"<template.*?</template>", "", html, flags=re.S)
    ids = re.findall(r'\sid="([^"]+)"', outside_template)
    assert len(ids) == len(set(ids)), "ids are unique"
    assert f'data-calculator="{name}"' in html and 'data-state="static"' in html
    for key in ("runtime", "stdlib", "package", "worker"):
        assert f'data-{key}="' in html
    for control in tree.controls:
        assert control["id"] in tree.label_for, f"{control['name']} has a <label for>"
        assert control["name"]
        for ref in control["aria-describedby"].split():
            assert ref in tree.ids, f"{control['name']} is described by a missing {ref}"
    names = {c["name"] for c in tree.controls}
    assert names == set(render.form_defaults(name)), "one control per form field"
    calc = calculators.get(name)
    for o in calc.outputs:
        m = re.search(rf'data-output="{o.key}" data-value="([^"]*)"', html)
        assert m, f"output {o.key}"
        if o.kind in ("money", "rate", "count", "days") and m.group(1):
            Decimal(m.group(1))
    assert 'aria-live="polite"' in html and 'role="status"' in html


LIST_FIELDS = [(n, f) for n in NAMES + calculators.EXTRA_NAMES for f in calculators.get(n).fields if f.kind == "list"]


@pytest.mark.parametrize(("name", "field"), LIST_FIELDS, ids=[f"{n}-{f.name}" for n, f in LIST_FIELDS])
def test_list_carries_the_rules_the_script_must_not_repeat(name, field):
    """widget.js renumbers rows and caps them from these attributes, not from its own copies."""
    html = render.render_form(name, "en")
    m = re.search(rf'<fieldset class="calc-list"[^>]*data-list="{field.name}"[^>]*>', html)
    assert m, field.name
    tag = m.group(0)
    assert f'data-max-items="{field.max_items}"' in tag
    prefix = re.search(r'data-id-prefix="([^"]+)"', tag).group(1)
    for item in field.items:
        control_id = render.field_id(name, f"{field.name}.0.{item.name}")
        assert control_id.startswith(prefix + "0-"), (control_id, prefix)
        assert f'id="{control_id}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_widget_carries_the_internal_error_message_in_its_language(lang):
    """The worker only says {ok: false}; the message the reader sees is Python's, in the page's language."""
    html = render.render_widget("payoff_order", lang)
    m = re.search(r'data-msg-internal="([^"]+)"', html)
    assert m, "data-msg-internal"
    internal = calculators._core._internal()["message"][lang]
    assert m.group(1) == escape(internal)
    assert ("计算器" in internal) == (lang == "zh")


def test_reader_text_is_escaped():
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    html = render.render_form("payoff_order", "en", {"debts.0.name": evil, "monthly_budget": evil})
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("name", [n for n in NAMES if calculators.get(n).chart is not None])
def test_charts_are_plain_svg_from_decimals(name):
    calc = calculators.get(name)
    out = calculators.run(name, web.form_to_inputs(calc, render.form_defaults(name)))
    html = render.render_result(name, out["result"], "zh")
    svg = re.search(r"<svg viewBox.*?</svg>", html, re.S).group(0)
    parse(svg)
    assert 'role="img"' in svg and "<desc" in svg
    numbers = re.findall(r'\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"', svg)
    numbers += [n for pts in re.findall(r'points="([^"]+)"', svg) for pair in pts.split() for n in pair.split(",")]
    assert numbers
    for n in numbers:
        assert re.fullmatch(r"-?\d+(\.\d)?", n), f"coordinate {n!r}"


@pytest.mark.parametrize("name", [n for n in NAMES if calculators.get(n).table is not None])
def test_csv_has_a_bom_headers_in_the_language_and_every_row(name):
    calc = calculators.get(name)
    out = calculators.run(name, web.form_to_inputs(calc, render.form_defaults(name)))
    for lang in LANGS:
        text = render.result_csv(name, out["result"], lang)
        assert text.startswith("\ufeff")
        lines = text[1:].split("\r\n")
        assert lines[-1] == ""
        assert len(lines) - 2 == len(out["result"][calc.table.key])
        assert calc.table.columns[0].label[lang] in lines[0]


def test_percent_defaults_are_shown_in_percent():
    form = render.form_defaults("installment_apr")
    assert form["fee_rate_per_period"] == "0.75"
    assert render.percent_text("0.1") == "10"
    assert render.percent_text("1") == "100"


def test_bounds_are_shown_in_the_fields_unit():
    html = render.render_form("installment_apr", "zh")
    assert "范围 0–5%" in html  # maximum "0.05" shown as percent
    assert "1–10,000,000 元" in html


def test_a_name_that_looks_like_a_formula_stays_text_in_the_csv():
    """Issue 13: =HYPERLINK(...) as a card name must not become a live formula in a spreadsheet."""
    import csv
    import io

    evil = '=HYPERLINK("http://example.invalid","x")'
    inputs = calculators.get("payoff_order").example_inputs()
    inputs["debts"][0]["name"] = evil
    r = calculators.run("payoff_order", inputs)
    text = render.result_csv("payoff_order", r["result"], "en")
    cells = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]
    assert any(c.startswith("'" + evil) for c in cells)
    assert not any(c[:1] in ("=", "+", "@", "\t", "\r") for c in cells)
    assert all(c[:1] != "-" or c.replace(".", "", 1).lstrip("-").isdigit() for c in cells)
