"""calculators.web: the JSON bridge the browser's worker calls (runs here and inside Pyodide)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import render, web

NAMES = calculators.NAMES
KEYS = {"ok", "html", "key", "csv", "ics", "announce", "errors"}


def call(name, form, lang="zh"):
    return json.loads(web.handle(json.dumps({"calculator": name, "form": form, "lang": lang})))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@given(
    name=st.sampled_from(NAMES + ("nope", "")),
    form=st.dictionaries(st.text(max_size=25), json_values, max_size=8),
    lang=st.sampled_from(["zh", "en", "fr", None]),
)
def test_handle_always_answers_with_json_never_a_traceback(name, form, lang):
    out = json.loads(web.handle(json.dumps({"calculator": name, "form": form, "lang": lang})))
    assert set(out) == KEYS
    assert isinstance(out["ok"], bool)
    assert out["key"] == (render.result_key(out["html"]) if out["html"] else "")
    if not out["ok"]:
        assert out["errors"] and out["html"] == ""
        for e in out["errors"]:
            assert e["message"]["zh"] and e["message"]["en"]
            assert "Traceback" not in e["message"]["en"]


@pytest.mark.parametrize("request_text", ["", "null", "[]", "{", '"x"', "1" * (web.MAX_REQUEST_CHARS + 1), None, b"{}"])
def test_malformed_requests_are_errors(request_text):
    out = json.loads(web.handle(request_text))
    assert out["ok"] is False and out["errors"][0]["code"] == "bad_request"


@pytest.mark.parametrize("name", NAMES)
def test_default_form_gives_the_build_time_result(name):
    form = render.form_defaults(name)
    out = call(name, form)
    assert out["ok"], out["errors"]
    direct = calculators.run(name, web.form_to_inputs(calculators.get(name), form))
    assert out["html"] == render.render_result(
        name, direct["result"], "zh", web.form_to_inputs(calculators.get(name), form)
    )


@pytest.mark.parametrize("name", NAMES)
def test_percent_fields_are_read_as_percent(name):
    """What the reader types in a "%" box means percent: 0.75 there is 0.0075 to the calculator."""
    calc = calculators.get(name)
    percent = [f for f in calc.fields if f.percent]
    for f in percent:
        inputs = web.form_to_inputs(calc, {f.name: "0.75"})
        assert inputs[f.name] == "0.75%"
        assert web.form_to_inputs(calc, {f.name: "0.75%"})[f.name] == "0.75%"
        assert web.form_to_inputs(calc, {f.name: "０.７５％"})[f.name] == "０.７５％"  # parsed by the core
        assert web.form_to_inputs(calc, {f.name: ""})[f.name] == ""


@pytest.mark.parametrize("name", NAMES)
def test_a_bad_number_is_reported_on_that_field(name):
    """The page shows each message next to the control whose name the error carries."""
    calc = calculators.get(name)
    form = render.form_defaults(name)
    numeric = [
        k
        for k in form
        if k.rsplit(".", 1)[-1]
        in {f.name for f in calc.fields if f.kind in ("money", "rate", "integer", "decimal")}
        | {i.name for f in calc.fields for i in f.items if i.kind in ("money", "rate", "integer", "decimal")}
    ]
    assert numeric
    for key in numeric:
        out = call(name, {**form, key: "abc"}, "en")
        assert not out["ok"]
        assert key in [e["field"] for e in out["errors"]], (key, out["errors"])
        assert any(e["code"] == "not_a_number" for e in out["errors"] if e["field"] == key)


def test_list_rows_follow_their_numbers_not_the_form_order():
    calc = calculators.get("payoff_order")
    form = {"debts.10.balance": "3", "debts.2.balance": "2", "debts.0.balance": "1", "debts.x.balance": "9"}
    rows = web.form_to_inputs(calc, form)["debts"]
    assert [r["balance"] for r in rows] == ["1", "2", "3"]


def test_removing_every_row_is_an_empty_list_not_the_default():
    calc = calculators.get("payoff_order")
    assert web.form_to_inputs(calc, {"monthly_budget": "100"}).get("debts") is None  # absent: default rows
    out = call("payoff_order", {"monthly_budget": "100", "debts": ""})
    assert not out["ok"] and out["errors"][0]["field"] == "debts"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_answers_are_in_the_page_language(lang):
    out = call("installment_apr", render.form_defaults("installment_apr"), lang)
    label = calculators.get("installment_apr").outputs[0].label[lang]
    assert label in out["html"]
    assert out["csv"].startswith("\ufeff")
    assert out["announce"].startswith(label)
    bad = call("installment_apr", {"periods": "abc"}, lang)
    assert bad["errors"][0]["message"][lang]


def test_figures_are_machine_readable():
    out = call("installment_apr", {**render.form_defaults("installment_apr"), "fee_rate_per_period": "0.6"})
    values = dict(
        (k, v) for k, v in __import__("re").findall(r'data-output="([^"]+)" data-value="([^"]*)"', out["html"])
    )
    assert Decimal(values["flat_rate_annual"]) == Decimal("0.072")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_the_pages_first_request_answers_with_the_key_the_build_wrote(name, lang):
    """The page skips redrawing its first answer only when the fingerprints match (widget.js)."""
    built = re.search(r'class="calc-result" data-result-key="([0-9a-f]{16})"', render.render_widget(name, lang))
    assert built, "the server-rendered result carries its key"
    form = render.form_defaults(name)
    if calculators.get(name).examples_as_placeholders:  # what the page sends before typing
        form = {k: "" for k in form}
    first = call(name, form, lang)
    assert first["key"] == built.group(1)
    other = call(name, form, "en" if lang == "zh" else "zh")
    assert other["key"] != first["key"], "an answer the page does not show has another key"
