"""Issue 13: an example is not a default. Every field of every calculator, left blank.

For each field (list items in the first row too), blank, absent and whitespace-only must mean
the same thing, and that thing is what the field's spec says (``spec()["blank"]``):

* ``required``: a bilingual ``required`` error on that field, never a result;
* ``value``: exactly the result of typing the stated blank value;
* ``none``: no internal error, and never the worked example's result (unless the field is
  unused in the example's mode, listed below).

Both through :func:`calculators.run` and through the page's form path (:mod:`calculators.web`).
"""

import json

import pytest

import calculators
from calculators import render, web

from calc_helpers import CJK

NAMES = calculators.RUN_NAMES
BLANKS = ("absent", "", "   ")

#: (calculator, field) left blank in the example's own mode where it plays no part.
UNUSED_IN_EXAMPLE = {
    ("negotiated_plan", "fee_rate_per_period"),  # the example is interest-free
    ("negotiated_plan", "annual_rate"),
    ("negotiated_plan", "monthly_affordable_yuan"),
}


def _cases():
    for name in NAMES:
        calc = calculators.get(name)
        for f in calc.fields:
            yield name, f, None
            if f.kind == "list":
                for item in f.items:
                    yield name, f, item


def _id(case):
    name, f, item = case
    return f"{name}.{f.name}" + (f".0.{item.name}" if item is not None else "")


CASES = list(_cases())


def _params():
    for case in CASES:
        name, f, item = case
        for blank in BLANKS:
            yield pytest.param(case, blank, id=f"{_id(case)}[{blank or 'empty'}]".replace("   ", "spaces"))


def _blank_inputs(name, f, item, blank):
    inputs = calculators.get(name).example_inputs()
    if item is None:
        if blank == "absent":
            inputs.pop(f.name, None)
        else:
            inputs[f.name] = blank if f.kind != "list" else []
        return inputs
    rows = inputs.get(f.name) or [{}]
    row = dict(rows[0])
    if blank == "absent":
        row.pop(item.name, None)
    else:
        row[item.name] = blank
    inputs[f.name] = [row] + list(rows[1:])
    return inputs


def _blank_form(name, f, item, blank):
    form = render.form_defaults(name)
    if item is None and f.kind == "list":
        return {k: v for k, v in form.items() if not k.startswith(f.name + ".")}
    key = f.name if item is None else f"{f.name}.0.{item.name}"
    if blank == "absent":
        form.pop(key, None)
    else:
        form[key] = blank
    return form


def _error_names(outcome):
    return {(e["field"], e["code"]) for e in outcome.get("errors", [])}


def _check(name, f, item, outcome, example):
    target = item if item is not None else f
    where = f.name if item is None else f"{f.name}.0.{item.name}"
    blank = target.blank_spec()
    codes = [e["code"] for e in outcome.get("errors", [])]
    assert "internal" not in codes, outcome
    for e in outcome.get("errors", []):
        assert CJK.search(e["message"]["zh"]) and not CJK.search(e["message"]["en"]), e
    if blank["means"] == "required":
        assert not outcome["ok"], f"{where} left blank gave a result: {outcome}"
        assert (where, "required") in _error_names(outcome), outcome["errors"]
    elif blank["means"] == "value":
        typed = _blank_inputs(name, f, item, "absent")
        if item is None:
            typed[f.name] = blank["value"]
        else:
            typed[f.name][0][item.name] = blank["value"]
        assert outcome == calculators.run(name, typed)
    else:
        if outcome["ok"] and target.example is not None and (name, target.name) not in UNUSED_IN_EXAMPLE:
            assert outcome["result"] != example["result"], f"{where} left blank brought back the example"


@pytest.mark.parametrize("case, blank", list(_params()))
def test_blank_through_run(case, blank):
    name, f, item = case
    example = calculators.run(name, calculators.get(name).example_inputs())
    assert example["ok"], example
    outcome = calculators.run(name, _blank_inputs(name, f, item, blank))
    _check(name, f, item, outcome, example)


@pytest.mark.parametrize("case, blank", list(_params()))
def test_blank_through_the_page_form(case, blank):
    name, f, item = case
    calc = calculators.get(name)
    example = calculators.run(name, web.form_to_inputs(calc, render.form_defaults(name)))
    form = _blank_form(name, f, item, blank)
    outcome = calculators.run(name, web.form_to_inputs(calc, form))
    _check(name, f, item, outcome, example)
    page = json.loads(web.handle(json.dumps({"calculator": name, "lang": "en", "form": form})))
    assert page["ok"] == outcome["ok"]
    if not page["ok"]:
        assert _error_names(page) == _error_names(outcome)


@pytest.mark.parametrize("name", NAMES)
def test_spec_states_what_blank_means_for_every_field(name):
    for f in calculators.spec(name)["fields"]:
        for field in [f] + f["items"]:
            b = field["blank"]
            assert b["means"] in ("required", "none", "value"), field["name"]
            assert b["text"]["zh"].strip() and b["text"]["en"].strip()
            assert CJK.search(b["text"]["zh"]) and not CJK.search(b["text"]["en"])
            assert (b["means"] == "required") == field["required"], field["name"]
