"""Tests of calculators.negotiated_plan (个性化分期, Article 70).

Known answers: hand computations written out below, the annual rates of
fixed-fee instalments (own calculation by the IRR method of PBOC announcement
[2021] No. 3), and the textbook equal-payment loan (100,000 at 12 % over 12
months, payment 8,884.88), cross-checked against calculators.finance.pmt.
Hypothesis settings come from tests/calculators/conftest.py.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators._core import InputError
from calculators.finance import pmt
from calculators.negotiated_plan import CALCULATOR, MAX_PERIODS, negotiated_plan, plan_schedule

from calc_helpers import CJK, assert_bilingual, with_example

Q3 = D("0.001")


# ---------------------------------------------------------------------------------------
# Known answers
# ---------------------------------------------------------------------------------------


def test_remainder_goes_into_the_last_period():
    # 10,000 / 3 = 3,333.333...: 3,333.33 twice (truncated), the last 10,000 - 6,666.66 = 3,333.34
    r = negotiated_plan(D("10000"), 3)
    assert [x["payment_yuan"] for x in r["schedule"]] == [D("3333.33"), D("3333.33"), D("3333.34")]
    assert (r["first_payment_yuan"], r["last_payment_yuan"], r["total_cost_yuan"]) == (
        D("3333.33"),
        D("3333.34"),
        D("0.00"),
    )
    assert r["apr_nominal"] == r["apr_effective"] == D("0")


@pytest.mark.parametrize(
    "fee, periods, nominal, effective",
    [
        # own calculation, IRR method: 0.60 % x 12 -> 13.0 % (r x 12), 13.8 % compounded
        ("0.006", 12, "0.130", "0.138"),
        # 0.75 % x 3 / 6 / 12 / 24 -> 13.5 % / 15.3 % / 16.2 % / 16.4 %
        ("0.0075", 3, "0.135", None),
        ("0.0075", 6, "0.153", None),
        ("0.0075", 12, "0.162", None),
        ("0.0075", 24, "0.164", None),
        # SPDB 0.90 % x 3 -> 16.1 %; 0.74 % x 12 -> 16.0 %
        ("0.009", 3, "0.161", None),
        ("0.0074", 12, "0.160", None),
    ],
)
def test_fixed_fee_annual_rates_match_the_fact_sheet(fee, periods, nominal, effective):
    r = negotiated_plan(D("12000"), periods, mode="flat_fee", fee_rate_per_period=D(fee))
    assert r["apr_nominal"].quantize(Q3, "ROUND_HALF_UP") == D(nominal)
    if effective:
        assert r["apr_effective"].quantize(Q3, "ROUND_HALF_UP") == D(effective)
    # the fee is on the original principal every period: 12,000 x fee x periods
    assert r["total_cost_yuan"] == (D("12000") * D(fee) * periods).quantize(D("0.01"))


def test_equal_payments_textbook_loan():
    # 100,000 at 12 % a year (1 % a month) over 12 months: payment 8,884.88 (pmt = -8,884.8789),
    # the last payment clears the rest: 8,884.85; total 11 x 8,884.88 + 8,884.85 = 106,618.53.
    r = negotiated_plan(D("100000"), 12, mode="annuity", annual_rate=D("0.12"))
    assert -pmt(D("0.01"), 12, D("100000")) == pytest.approx(D("8884.8788678"), abs=D("0.0000001"))
    assert r["first_payment_yuan"] == D("8884.88")
    assert r["last_payment_yuan"] == D("8884.85")
    assert r["total_paid_yuan"] == D("106618.53")
    # month 1: interest 1,000.00, principal 7,884.88
    assert (r["schedule"][0]["cost_yuan"], r["schedule"][0]["principal_yuan"]) == (D("1000.00"), D("7884.88"))
    assert abs(r["apr_nominal"] - D("0.12")) < D("0.00001")
    assert r["apr_effective"].quantize(Q3, "ROUND_HALF_UP") == D("0.127")  # 1.01^12 - 1 = 12.68 %


def test_equal_principal_hand_computation():
    # 1,000 at 12 % over 3 months: principal 333.33, 333.33, 333.34;
    # interest 1 % of 1,000 / 666.67 / 333.34 = 10.00 / 6.67 / 3.33
    rows = plan_schedule(D("1000"), 3, "equal_principal", annual_rate=D("0.12"))
    assert [x["payment_yuan"] for x in rows] == [D("343.33"), D("340.00"), D("336.67")]
    r = negotiated_plan(D("1000"), 3, mode="equal_principal", annual_rate=D("0.12"))
    assert abs(r["apr_nominal"] - D("0.12")) < D("0.0001")


def test_down_payment():
    # 12,000 with 2,000 down: 10,000 over 10 months, 1,000 each; row 0 is the down payment.
    r = negotiated_plan(D("12000"), 10, down_payment_yuan=D("2000"))
    assert r["schedule"][0] == {
        "period": 0,
        "payment_yuan": D("2000.00"),
        "principal_yuan": D("2000.00"),
        "cost_yuan": D("0.00"),
        "balance_yuan": D("10000.00"),
    }
    assert r["first_payment_yuan"] == D("1000.00") and r["payments_count"] == 10
    assert r["total_paid_yuan"] == D("12000.00")
    # a fee on the 10,000 in the plan, not on the 12,000
    fee = negotiated_plan(D("12000"), 10, mode="flat_fee", fee_rate_per_period=D("0.005"), down_payment_yuan=D("2000"))
    assert fee["total_cost_yuan"] == D("500.00")


def test_shortest_plan_that_fits_the_monthly_amount():
    # 50,000 at no more than 1,500 a month: 33 months needs 1,515.15; 34 months 1,470.58 (+ remainder)
    r = negotiated_plan(D("50000"), 60, monthly_affordable_yuan=D("1500"))
    assert r["periods"] == 34
    assert r["max_payment_yuan"] <= D("1500")
    assert max(x["payment_yuan"] for x in plan_schedule(D("50000"), 33)) > D("1500")
    assert r["monthly_affordable_yuan"] == D("1500.00")


def test_does_not_fit_in_60_months_says_what_would():
    # 50,000 / 60 = 833.33 for 59 months, the last 50,000 - 59 x 833.33 = 833.53
    with pytest.raises(InputError) as e:
        negotiated_plan(D("50000"), monthly_affordable_yuan=D("500"))
    err = e.value.errors[0]
    assert (err["field"], err["code"]) == ("monthly_affordable_yuan", "does_not_fit")
    assert "833.53" in err["message"]["zh"] and "833.53" in err["message"]["en"]
    assert "60" in err["message"]["zh"] and "60 months" in err["message"]["en"]
    assert_bilingual(e.value.errors)


def test_more_than_five_years_is_refused_citing_article_70():
    assert negotiated_plan(D("60000"), 60)["payments_count"] == 60
    for periods in (61, 120, 10**6):
        with pytest.raises(InputError) as e:
            negotiated_plan(D("60000"), periods)
        err = e.value.errors[0]
        assert err["field"] == "periods"
        assert "第七十条" in err["message"]["zh"] and "5 年" in err["message"]["zh"]
        assert "Article 70" in err["message"]["en"] and "5 years" in err["message"]["en"]
    r = calculators.run("negotiated_plan", with_example("negotiated_plan", {"periods": "61"}))
    assert not r["ok"] and "Article 70" in r["errors"][0]["message"]["en"]


def test_down_payment_must_leave_something_to_plan():
    with pytest.raises(InputError) as e:
        negotiated_plan(D("1000"), 12, down_payment_yuan=D("1000"))
    assert e.value.errors[0]["field"] == "down_payment_yuan"
    assert_bilingual(e.value.errors)


def test_explain_promises_nothing():
    for inputs in ({}, {"mode": "flat_fee"}, {"monthly_affordable_yuan": "2000"}):
        r = calculators.run("negotiated_plan", with_example("negotiated_plan", inputs))
        assert r["ok"], r
        zh = CALCULATOR.explain({}, r["result"], "zh")
        en = CALCULATOR.explain({}, r["result"], "en")
        assert "如果银行同意" in zh or "最短需要" in zh
        assert "不一定同意" in zh
        assert "does not oblige" in en
        assert not CJK.search(en)
        for word in ("保证", "一定能", "有权", "guarantee", "entitled", "right to"):
            assert word not in zh and word not in en


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

plans = st.fixed_dictionaries(
    {
        "principal_yuan": st.decimals(min_value=D("1"), max_value=D("2000000"), places=2),
        "periods": st.integers(1, MAX_PERIODS),
        "mode": st.sampled_from(["interest_free", "flat_fee", "annuity", "equal_principal"]),
        "fee_rate_per_period": st.decimals(min_value=D("0"), max_value=D("0.02"), places=5),
        "annual_rate": st.decimals(min_value=D("0"), max_value=D("0.36"), places=5),
        "down_payment_yuan": st.sampled_from([D("0"), D("0.5")]),  # share of the principal
    }
)


def _args(p):
    return dict(p, down_payment_yuan=(p["principal_yuan"] * p["down_payment_yuan"]).quantize(D("0.01"), "ROUND_DOWN"))


@given(plans)
def test_totals_equal_the_sum_of_the_schedule(p):
    args = _args(p)
    r = negotiated_plan(**args)
    rows = r["schedule"]
    assert r["total_paid_yuan"] == sum((x["payment_yuan"] for x in rows), D("0"))
    assert sum((x["principal_yuan"] for x in rows), D("0")) == args["principal_yuan"]
    assert r["total_cost_yuan"] == sum((x["cost_yuan"] for x in rows), D("0"))
    assert rows[-1]["balance_yuan"] == 0
    assert all(x["payment_yuan"] == x["principal_yuan"] + x["cost_yuan"] for x in rows)
    assert all(x["principal_yuan"] >= 0 for x in rows)
    assert len([x for x in rows if x["period"] > 0]) == r["payments_count"] == args["periods"]
    if args["mode"] in ("interest_free", "flat_fee", "equal_principal"):
        # truncated principal: every month but the last is the same, the last is no smaller
        principal = [x["principal_yuan"] for x in rows if x["period"] > 0]
        assert len(set(principal[:-1])) <= 1 and principal[-1] >= principal[0]
    assert r["apr_nominal"] >= 0 and r["apr_effective"] >= r["apr_nominal"]


@given(plans, st.decimals(min_value=D("0"), max_value=D("0.01"), places=5))
def test_a_higher_rate_never_lowers_the_cost(p, extra):
    args = _args(p)
    low = negotiated_plan(**args)
    high = negotiated_plan(
        **dict(args, fee_rate_per_period=args["fee_rate_per_period"] + extra, annual_rate=args["annual_rate"] + extra)
    )
    assert high["total_cost_yuan"] >= low["total_cost_yuan"]
    assert high["apr_nominal"] >= low["apr_nominal"] - D("0.000001")


@given(plans)
def test_equal_payment_and_equal_principal_rates_are_the_annual_rate(p):
    args = dict(_args(p), principal_yuan=p["principal_yuan"] + D("10000"))  # enough that fen rounding is small
    args["mode"] = "annuity" if args["mode"] in ("annuity", "flat_fee") else "equal_principal"
    r = negotiated_plan(**args)
    assert abs(r["apr_nominal"] - args["annual_rate"]) < D("0.001")


@given(plans, st.decimals(min_value=D("1"), max_value=D("100000"), places=2))
def test_shortest_plan_fits_and_one_month_less_does_not(p, cap):
    args = _args(p)
    try:
        r = negotiated_plan(**args, monthly_affordable_yuan=cap)
    except InputError as e:
        assert e.errors[0]["code"] == "does_not_fit"
        over_60 = plan_schedule(
            args["principal_yuan"] - args["down_payment_yuan"],
            60,
            args["mode"],
            args["fee_rate_per_period"],
            args["annual_rate"],
        )
        assert max(x["payment_yuan"] for x in over_60) > cap
        return
    assert r["max_payment_yuan"] <= cap
    if r["periods"] > 1:
        shorter = plan_schedule(
            args["principal_yuan"] - args["down_payment_yuan"],
            r["periods"] - 1,
            args["mode"],
            args["fee_rate_per_period"],
            args["annual_rate"],
        )
        assert max(x["payment_yuan"] for x in shorter) > cap


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["0", "61", "60", "1,000", "0.6%", "-1", "NaN", "annuity", "flat_fee", "100000000", "0.01"]),
)


@given(st.dictionaries(st.sampled_from([f.name for f in CALCULATOR.fields]), junk, max_size=8))
def test_run_never_raises_and_errors_are_bilingual(inputs):
    r = calculators.run("negotiated_plan", inputs)
    if r["ok"]:
        assert r["result"]["total_paid_yuan"] > 0
    else:
        assert all(e["code"] != "internal" for e in r["errors"]), r["errors"]
        assert_bilingual(r["errors"])


def test_form_defaults():
    r = calculators.run("negotiated_plan", with_example("negotiated_plan", {}))
    assert r["ok"], r
    # 50,000 over 36 months, no interest: 1,388.88 x 35 + 1,389.20
    assert (r["result"]["first_payment_yuan"], r["result"]["last_payment_yuan"]) == (D("1388.88"), D("1389.20"))


@pytest.mark.parametrize(
    "mode, field", [("annuity", "annual_rate"), ("equal_principal", "annual_rate"), ("flat_fee", "fee_rate_per_period")]
)
def test_a_blank_rate_in_a_mode_that_needs_it_is_asked_for(mode, field):
    """Issue 13: annuity with the rate blank used the example's 12 %."""
    for blank in ("", None):
        r = calculators.run("negotiated_plan", with_example("negotiated_plan", {"mode": mode, field: blank}))
        assert not r["ok"] and (r["errors"][0]["field"], r["errors"][0]["code"]) == (field, "required")
        assert_bilingual(r["errors"])


@settings(max_examples=60, deadline=None)
@given(
    principal=st.decimals(min_value=1, max_value=200000, places=2),
    cap=st.decimals(min_value=1, max_value=20000, places=2),
    mode=st.sampled_from(["interest_free", "flat_fee", "annuity", "equal_principal"]),
)
def test_the_shortest_plan_that_fits_is_the_first_one_found_by_counting_up(principal, cap, mode):
    """Starting the count at financed / cap finds exactly what trying 1, 2, 3... months would."""
    kw = dict(mode=mode, fee_rate_per_period=D("0.006"), annual_rate=D("0.18"))
    brute = next(
        (n for n in range(1, 61) if max(r["payment_yuan"] for r in plan_schedule(principal, n, **kw)) <= cap), None
    )
    try:
        got = negotiated_plan(principal, 60, monthly_affordable_yuan=cap, **kw)["periods"]
    except InputError:
        got = None
    assert got == brute


def test_rounding_can_make_a_longer_plan_not_fit_and_the_shortest_is_still_found():
    """12.87 at 1.00 a month: 13 months fit, 14 do not (last payment 1.04), 15 do again."""
    assert negotiated_plan(D("12.87"), 60, monthly_affordable_yuan=D("1.00"))["periods"] == 13
