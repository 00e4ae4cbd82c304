"""Issue 13: properties every calculator keeps, the negotiation kit included (Hypothesis).

Inputs are drawn inside each field's own bounds, starting from the worked example:

- no negative money anywhere in a result (outputs and table cells);
- a schedule adds up to the totals it is shown with;
- no CSV cell the site produces starts a formula (= + - @ tab CR), whatever the names;
- the same inputs give the same result.
"""

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import render

PROPS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

NAMES = calculators.RUN_NAMES
#: Keep drawn numbers to what a card holder could plausibly type (bounds still apply).
_CAP = {"money": Decimal("2000000"), "rate": Decimal("0.05"), "decimal": Decimal("100"), "integer": Decimal("400")}
FORMULA = ("=", "+", "-", "@", "\t", "\r")
names_text = st.one_of(
    st.sampled_from(["=1+1", "+86", "-x", "@me", "\tA", '=HYPERLINK("http://x","y")', "A"]), st.text(max_size=12)
)


def _scalar(f, example):
    if f.kind in ("money", "rate", "decimal", "integer"):
        lo = Decimal(f.minimum) if f.minimum is not None else Decimal(0)
        hi = min(Decimal(f.maximum) if f.maximum is not None else _CAP[f.kind], max(_CAP[f.kind], lo))
        places = {"money": 2, "rate": 6, "decimal": 4, "integer": 0}[f.kind]
        s = st.decimals(min_value=lo, max_value=hi, places=places, allow_nan=False, allow_infinity=False)
        return s.map(lambda d: str(int(d)) if f.kind == "integer" else str(d))
    if f.kind == "choice":
        return st.sampled_from([c[0] for c in f.choices])
    if f.kind == "text":
        return names_text
    return st.just(example)  # dates: the example's own, so the drawn plan stays coherent


@st.composite
def inputs_for(draw, name):
    calc = calculators.get(name)
    out = calc.example_inputs()
    for f in calc.fields:
        if f.kind == "list":
            examples = list(f.example or [{}])
            n = draw(st.integers(min_value=1, max_value=min(4, f.max_items)))
            rows = []
            for i in range(n):
                base = dict(examples[i % len(examples)])
                for item in f.items:
                    if item.kind != "date" or item.name not in base:
                        base[item.name] = draw(_scalar(item, base.get(item.name)))
                rows.append(base)
            out[f.name] = rows
        elif draw(st.booleans()):
            out[f.name] = draw(_scalar(f, f.example))
    return out


def _money_values(calc, result):
    for o in calc.outputs:
        if o.kind == "money" and isinstance(result.get(o.key), Decimal):
            yield o.key, result[o.key]
    if calc.table is not None:
        rows = result.get(calc.table.key) or []
        if calc.name == "repayment_capacity":
            # A signed budget ledger: spending rows are subtractions by design; only the money
            # left for the cards (the last row) is an amount on its own.
            rows = rows[-1:]
        for row in rows:
            for c in calc.table.columns:
                if c.kind == "money" and isinstance(row.get(c.key), Decimal):
                    yield f"{calc.table.key}.{c.key}", row[c.key]


def _sums(name, r):
    """The schedule-to-total identities each calculator shows."""
    if name == "installment_apr":
        assert sum(x["payment"] for x in r["schedule"]) == r["total_repaid_yuan"]
        assert sum(x["fee"] for x in r["schedule"]) == r["total_fee_yuan"]
    elif name == "negotiated_plan":
        assert sum(x["payment_yuan"] for x in r["schedule"]) == r["total_paid_yuan"]
    elif name == "payoff_order":
        assert sum(x["payment_yuan"] for x in r["schedule"]) == r["total_paid_yuan"]
        assert sum(x["interest_yuan"] for x in r["schedule"]) == r["total_interest_yuan"]
    elif name == "overdue_cost":
        assert sum(x["interest_yuan"] for x in r["schedule"]) == r["interest_yuan"]
        assert sum(x["late_fee_yuan"] for x in r["schedule"]) == r["late_fee_yuan"]
    elif name == "revolving_interest":
        assert sum((x["interest_yuan"] for x in r["segments"]), Decimal(0)) == r["interest_yuan"]
    elif name == "minimum_payment":
        assert sum(p["due"] for p in r["parts"]) == r["minimum_payment_yuan"]


@pytest.mark.parametrize("name", NAMES)
@PROPS
@given(data=st.data())
def test_no_negative_money_and_schedules_add_up(name, data):
    inputs = data.draw(inputs_for(name))
    r = calculators.run(name, inputs)
    assert "internal" not in [e["code"] for e in r.get("errors", [])], (inputs, r)
    if not r["ok"]:
        return
    calc = calculators.get(name)
    negative = [(k, v) for k, v in _money_values(calc, r["result"]) if v < 0]
    assert not negative, (inputs, negative)
    _sums(name, r["result"])
    assert calculators.run(name, inputs) == r


@pytest.mark.parametrize("name", NAMES)
@PROPS
@given(data=st.data())
def test_no_csv_cell_starts_a_formula(name, data):
    inputs = data.draw(inputs_for(name))
    r = calculators.run(name, inputs)
    if not r["ok"]:
        return
    for lang in ("zh", "en"):
        text = render.result_csv(name, r["result"], lang)
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            for cell in row:
                if cell[:1] in FORMULA:
                    assert cell[:1] == "-" and cell[1:].replace(".", "", 1).isdigit(), cell


@pytest.mark.parametrize("name", NAMES)
@PROPS
@given(data=st.data())
def test_blank_means_what_the_spec_says_whatever_else_is_filled(name, data):
    """Blank never quietly becomes the example: it is an error, the stated value, or none."""
    calc = calculators.get(name)
    inputs = data.draw(inputs_for(name))
    fields = [f for f in calc.fields if f.kind != "list"]
    if not fields:
        return
    f = data.draw(st.sampled_from(fields))
    blank = data.draw(st.sampled_from(["absent", None, "", "  "]))
    blanked = dict(inputs)
    if blank == "absent":
        blanked.pop(f.name, None)
    else:
        blanked[f.name] = blank
    out = calculators.run(name, blanked)
    assert "internal" not in [e["code"] for e in out.get("errors", [])], (blanked, out)
    means = f.blank_spec()
    if means["means"] == "required":
        assert not out["ok"] and (f.name, "required") in {(e["field"], e["code"]) for e in out["errors"]}
    elif means["means"] == "value":
        assert out == calculators.run(name, {**inputs, f.name: means["value"]})
