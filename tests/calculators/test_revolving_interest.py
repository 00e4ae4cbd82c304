"""Tests of calculators.revolving_interest (循环利息).

Hypothesis settings come from the profile in tests/calculators/conftest.py
(HYPOTHESIS_PROFILE=thorough for a longer run).

Known answers are hand computations written out next to each test: balance x
daily rate x days for each stretch of days with the same balance.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators._core import InputError
from calculators.revolving_interest import CALCULATOR, revolving_interest

from calc_helpers import CJK, assert_bilingual, with_example


def _tx(date, amount):
    return {"posting_date": date, "amount_yuan": D(amount)}


def _pay(date, amount):
    return {"date": date, "amount_yuan": D(amount)}


# The form's default example: two purchases on a 10,000 statement, the 10 % minimum
# (1,000) repaid on the due date, 0.05 % a day.
EXAMPLE = dict(
    transactions=[_tx(dt.date(2026, 3, 1), "6000"), _tx(dt.date(2026, 3, 11), "4000")],
    payments=[_pay(dt.date(2026, 4, 9), "1000")],
    statement_date=dt.date(2026, 4, 20),
    due_date=dt.date(2026, 4, 9),
    daily_rate=D("0.0005"),
)


# ---------------------------------------------------------------------------------------
# Known answers
# ---------------------------------------------------------------------------------------


def test_whole_amount_inclusive_hand_computation():
    # 全额计息, counting every day from the posting date through the next statement date:
    #   03-01..03-10  10 days x  6,000 x 0.0005 =  30.00
    #   03-11..04-08  29 days x 10,000 x 0.0005 = 145.00   (21 days in March + 8 in April)
    #   04-09..04-20  12 days x  9,000 x 0.0005 =  54.00   (the payment counts from its own day)
    #   total 229.00 over 51 days
    r = revolving_interest(**EXAMPLE)
    assert r["interest_yuan"] == D("229.00")
    assert r["interest_days_total"] == 51
    assert [(s["from"], s["to"], s["days"], s["balance_yuan"], s["interest_yuan"]) for s in r["segments"]] == [
        ("2026-03-01", "2026-03-10", 10, D("6000.00"), D("30.00")),
        ("2026-03-11", "2026-04-08", 29, D("10000.00"), D("145.00")),
        ("2026-04-09", "2026-04-20", 12, D("9000.00"), D("54.00")),
    ]
    assert r["paid_in_full"] is False
    assert r["unpaid_at_due_yuan"] == D("9000.00")


def test_exclusive_end_drops_the_statement_day():
    # Same, but the last day counted is 04-19: the last stretch is 11 days.
    #   30.00 + 145.00 + 11 x 9,000 x 0.0005 (49.50) = 224.50
    r = revolving_interest(**EXAMPLE, day_count="exclusive_end")
    assert r["interest_yuan"] == D("224.50")
    assert r["interest_days_total"] == 50


def test_single_purchase_minimum_payment_textbook_case():
    # The textbook case: 1,000 posted 03-30, minimum 100 repaid on the due date 04-23,
    # next statement 05-05, 0.05 % a day.
    #   exclusive end: 1,000 x 0.0005 x 24 (03-30..04-22) + 900 x 0.0005 x 12 (04-23..05-04)
    #                = 12.00 + 5.40 = 17.40
    #   inclusive:     12.00 + 900 x 0.0005 x 13 (04-23..05-05) = 12.00 + 5.85 = 17.85
    args = dict(
        transactions=[_tx(dt.date(2026, 3, 30), "1000")],
        payments=[_pay(dt.date(2026, 4, 23), "100")],
        statement_date=dt.date(2026, 5, 5),
        due_date=dt.date(2026, 4, 23),
    )
    assert revolving_interest(**args, day_count="exclusive_end")["interest_yuan"] == D("17.40")
    assert revolving_interest(**args)["interest_yuan"] == D("17.85")


def test_unpaid_part_only_applies_payment_to_oldest_purchase():
    # The 1,000 repaid by the due date clears 1,000 of the oldest purchase (6,000 -> 5,000):
    #   03-01..03-10  10 days x 5,000 x 0.0005 =  25.00
    #   03-11..04-20  41 days x 9,000 x 0.0005 = 184.50   (21 + 20 days)
    #   total 209.50
    r = revolving_interest(**EXAMPLE, method="unpaid_only")
    assert r["interest_yuan"] == D("209.50")
    assert r["interest_yuan"] < revolving_interest(**EXAMPLE)["interest_yuan"]


def test_paid_in_full_by_due_date_costs_nothing():
    args = dict(EXAMPLE, payments=[_pay(dt.date(2026, 4, 1), "4000"), _pay(dt.date(2026, 4, 9), "6000")])
    r = revolving_interest(**args)
    assert r["paid_in_full"] is True
    assert r["interest_yuan"] == D("0.00")
    assert r["segments"] == []


def test_paid_in_full_one_day_late_costs_interest():
    # Repaid in full on 04-10, a day after the due date: the interest-free period is lost.
    #   30.00 + 10,000 x 0.0005 x 30 (03-11..04-09) 150.00 = 180.00; then the balance is 0.
    args = dict(EXAMPLE, payments=[_pay(dt.date(2026, 4, 10), "10000")])
    r = revolving_interest(**args)
    assert r["interest_yuan"] == D("180.00")
    assert r["segments"][-1]["balance_yuan"] == D("0.00")
    assert r["interest_days_total"] == 40


def test_tolerance_treats_small_shortfall_as_paid():
    args = dict(EXAMPLE, payments=[_pay(dt.date(2026, 4, 9), "9995")])
    assert revolving_interest(**args)["interest_yuan"] > 0  # default tolerance is 0
    assert revolving_interest(**args, tolerance_yuan=D("5"))["interest_yuan"] == D("0.00")
    assert revolving_interest(**args, tolerance_yuan=D("4.99"))["interest_yuan"] > 0


def test_later_payment_lowers_balance_from_its_own_date():
    # An extra 4,000 on 04-15 (after the due date): 04-09..04-14 at 9,000 (6 days, 27.00),
    # 04-15..04-20 at 5,000 (6 days, 15.00): 30 + 145 + 27 + 15 = 217.00
    args = dict(EXAMPLE, payments=EXAMPLE["payments"] + [_pay(dt.date(2026, 4, 15), "4000")])
    assert revolving_interest(**args)["interest_yuan"] == D("217.00")


# ---------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(due_date=dt.date(2026, 4, 20)), "due_date"),
        (dict(transactions=[_tx(dt.date(2026, 4, 9), "100")]), "transactions.0.posting_date"),
        (dict(payments=[_pay(dt.date(2026, 4, 21), "100")]), "payments.0.date"),
        (dict(transactions=[_tx(dt.date(2025, 1, 1), "100")]), "statement_date"),
    ],
)
def test_bad_dates_are_bilingual_errors(change, field):
    with pytest.raises(InputError) as e:
        revolving_interest(**dict(EXAMPLE, **change))
    assert e.value.errors[0]["field"] == field
    assert_bilingual(e.value.errors)


def test_run_reports_date_errors_without_raising():
    r = calculators.run("revolving_interest", with_example("revolving_interest", {"due_date": "2026-05-01"}))
    assert r["ok"] is False
    assert r["errors"][0]["field"] == "due_date"
    assert_bilingual(r["errors"])


# ---------------------------------------------------------------------------------------
# Through calculators.run (the form)
# ---------------------------------------------------------------------------------------


def test_form_defaults_give_the_worked_example():
    r = calculators.run("revolving_interest", with_example("revolving_interest", {}))
    assert r["ok"], r
    assert r["result"]["interest_yuan"] == D("229.00")


def test_run_accepts_what_people_type():
    r = calculators.run(
        "revolving_interest",
        {
            "transactions": [
                {"posting_date": "2026年3月1日", "amount_yuan": "6,000"},
                {"posting_date": "2026/3/11", "amount_yuan": "￥４０００"},
            ],
            "payments": [{"date": "2026.4.9", "amount_yuan": 1000}],
            "due_date": "2026-04-09",
            "statement_date": "2026-04-20",
            "daily_rate": "0.05%",
        },
    )
    assert r["ok"], r
    assert r["result"]["interest_yuan"] == D("229.00")


def test_no_payments_row_is_fine():
    r = calculators.run("revolving_interest", with_example("revolving_interest", {"payments": []}))
    assert r["ok"], r
    # 30 + 10,000 x 0.0005 x 41 days (03-11..04-20) = 235.00
    assert r["result"]["interest_yuan"] == D("235.00")


def test_explain_in_both_languages():
    for values, inputs in (({"method": "full"}, {}), ({"method": "unpaid_only"}, {"method": "unpaid_only"})):
        r = calculators.run("revolving_interest", with_example("revolving_interest", inputs))["result"]
        zh, en = CALCULATOR.explain(values, r, "zh"), CALCULATOR.explain(values, r, "en")
        assert CJK.search(zh) and not CJK.search(en)
        assert "229.00" in zh or "209.50" in zh
    paid = calculators.run(
        "revolving_interest",
        with_example("revolving_interest", {"payments": [{"date": "2026-04-01", "amount_yuan": "10000"}]}),
    )
    assert "no interest" in CALCULATOR.explain({}, paid["result"], "en")


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

START = dt.date(2026, 1, 1)
money_st = st.decimals(min_value=D("0.01"), max_value=D("200000"), places=2)
rate_st = st.decimals(min_value=D("0"), max_value=D("0.002"), places=6)


@st.composite
def scenarios(draw):
    """A statement: purchases before the due date, payments up to the next statement."""
    due = START + dt.timedelta(days=draw(st.integers(20, 60)))
    statement = due + dt.timedelta(days=draw(st.integers(1, 31)))
    txs = [
        _tx(START + dt.timedelta(days=draw(st.integers(0, (due - START).days - 1))), draw(money_st))
        for _ in range(draw(st.integers(1, 5)))
    ]
    pays = [
        _pay(START + dt.timedelta(days=draw(st.integers(0, (statement - START).days))), draw(money_st))
        for _ in range(draw(st.integers(0, 4)))
    ]
    return dict(
        transactions=txs,
        payments=pays,
        statement_date=statement,
        due_date=due,
        daily_rate=draw(rate_st),
        method=draw(st.sampled_from(["full", "unpaid_only"])),
        day_count=draw(st.sampled_from(["inclusive", "exclusive_end"])),
    )


@given(scenarios())
def test_total_is_the_sum_of_the_segments(args):
    r = revolving_interest(**args)
    assert r["interest_yuan"] == sum((s["interest_yuan"] for s in r["segments"]), D("0"))
    exact = sum((s["balance_yuan"] * args["daily_rate"] * s["days"] for s in r["segments"]), D("0"))
    assert r["interest_yuan"] == exact.quantize(D("0.01"), "ROUND_HALF_UP")
    assert r["interest_days_total"] == sum(s["days"] for s in r["segments"] if s["balance_yuan"] > 0)
    if r["segments"]:
        # contiguous, from the first posting date to the last day counted
        first = min(t["posting_date"] for t in args["transactions"])
        assert r["segments"][0]["from"] == first.isoformat()
        last = args["statement_date"] - dt.timedelta(days=args["day_count"] == "exclusive_end")
        assert r["segments"][-1]["to"] == last.isoformat()
        for a, b in itertools.pairwise(r["segments"]):
            assert dt.date.fromisoformat(a["to"]) + dt.timedelta(days=1) == dt.date.fromisoformat(b["from"])
        for s in r["segments"]:
            # each row is its own figure to within a fen (rounded so the rows add up)
            assert abs(s["interest_yuan"] - s["balance_yuan"] * args["daily_rate"] * s["days"]) < D("0.01")
    else:
        assert r["interest_yuan"] == 0


@given(scenarios(), st.decimals(min_value=D("0"), max_value=D("0.001"), places=6))
def test_a_higher_rate_never_lowers_the_interest(args, extra):
    low = revolving_interest(**args)["interest_yuan"]
    high = revolving_interest(**dict(args, daily_rate=args["daily_rate"] + extra))["interest_yuan"]
    assert high >= low


@given(scenarios())
def test_whole_amount_costs_at_least_unpaid_only_and_inclusive_at_least_exclusive(args):
    full = revolving_interest(**dict(args, method="full"))["interest_yuan"]
    part = revolving_interest(**dict(args, method="unpaid_only"))["interest_yuan"]
    assert full >= part
    inc = revolving_interest(**dict(args, day_count="inclusive"))["interest_yuan"]
    exc = revolving_interest(**dict(args, day_count="exclusive_end"))["interest_yuan"]
    assert inc >= exc


@given(scenarios(), money_st, st.integers(0, 90))
def test_paying_more_never_raises_the_interest(args, amount, day):
    date = min(START + dt.timedelta(days=day), args["statement_date"])
    more = dict(args, payments=args["payments"] + [_pay(date, amount)])
    assert revolving_interest(**more)["interest_yuan"] <= revolving_interest(**args)["interest_yuan"]


junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2026-04-09", "2026年3月1日", "1,000", "NaN", "-1", "0.05%", "1e999", "", "full"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=8,
)
row = st.fixed_dictionaries({}, optional={"posting_date": junk, "amount_yuan": junk, "date": junk})
inputs_st = st.fixed_dictionaries(
    {},
    optional={
        "transactions": st.lists(row, max_size=3) | junk,
        "payments": st.lists(row, max_size=3) | junk,
        "statement_date": junk,
        "due_date": junk,
        "daily_rate": junk,
        "method": junk,
        "day_count": junk,
        "tolerance_yuan": junk,
    },
)


@given(inputs_st)
def test_run_never_raises_and_errors_are_bilingual(inputs):
    r = calculators.run("revolving_interest", inputs)
    assert r["ok"] in (True, False)
    if r["ok"]:
        assert r["result"]["interest_yuan"] >= 0
    else:
        assert all(e["code"] != "internal" for e in r["errors"]), r["errors"]
        assert_bilingual(r["errors"])


def test_a_large_tolerance_with_nothing_paid_does_not_say_you_repaid():
    r = calculators.run(
        "revolving_interest",
        with_example(
            "revolving_interest",
            payments=[],
            tolerance_yuan="1000",
            transactions=[{"posting_date": "2026-03-01", "amount_yuan": "800"}],
        ),
    )
    assert r["ok"] and r["result"]["paid_in_full"]
    en, zh = CALCULATOR.explain({}, r["result"], "en"), CALCULATOR.explain({}, r["result"], "zh")
    assert "You repaid" not in en and "还清了" not in zh
    assert "¥0.00 was repaid" in en and "tolerance" in en and "容差" in zh


def test_removing_the_only_payment_row_means_no_payment():
    from calculators import render, web

    calc = calculators.get("revolving_interest")
    form = {k: v for k, v in render.form_defaults("revolving_interest").items() if not k.startswith("payments.")}
    r = calculators.run("revolving_interest", web.form_to_inputs(calc, form))
    assert r["ok"] and r["result"]["paid_by_due_yuan"] == 0
