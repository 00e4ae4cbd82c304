"""Tests of calculators.overdue_cost (逾期成本).

Known answers are hand computations written out next to each test. The late-fee
rule (5 % of the unpaid part of the minimum payment, no interest on it) is the
typical contract term and the PBOC 2016 notice (calculators/overdue_cost.py, references [1] and [2]).
Hypothesis settings come from tests/calculators/conftest.py.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import calculators
from calculators._core import InputError
from calculators.overdue_cost import CALCULATOR, default_late_fee_cycles, late_fee, overdue_cost

from calc_helpers import CJK, assert_bilingual, with_example

# 10,000 posted 25 days before the due date, nothing paid, 90 days overdue.
EXAMPLE = dict(principal_yuan=D("10000"), days_overdue=90, days_before_due=25, minimum_payment=D("1000"))


# ---------------------------------------------------------------------------------------
# Known answers
# ---------------------------------------------------------------------------------------


def test_monthly_compounding_hand_computation():
    # 115 days of interest (25 before the due date + 90 after), posted every 30 days:
    #   days   1- 30: 10,000.00 x 0.0005 x 30 = 150.00
    #   days  31- 60: 10,150.00 x 0.0005 x 30 = 152.25
    #   days  61- 90: 10,302.25 x 0.0005 x 30 = 154.53375 -> 154.53
    #   days  91-115: 10,456.78 x 0.0005 x 25 = 130.70975 -> 130.71
    #   interest 587.49
    # Late fees: 5 % x (1,000 - 0) = 50.00 for each missed due date: day 0, 30 and 60 of
    # the 90 days overdue -> 3 x 50.00 = 150.00.
    r = overdue_cost(**EXAMPLE)
    assert r["interest_posted_per_cycle"] == [D("150.00"), D("152.25"), D("154.53"), D("130.71")]
    assert r["interest_yuan"] == D("587.49")
    assert (r["late_fee_per_cycle_yuan"], r["late_fee_cycles"], r["late_fee_yuan"]) == (D("50.00"), 3, D("150.00"))
    assert r["total_cost_yuan"] == D("737.49")
    assert r["amount_owed_yuan"] == D("10737.49")
    assert r["interest_days"] == 115
    assert [row["late_fee_yuan"] for row in r["schedule"]] == [D("50.00")] * 3 + [D("0.00")]


def test_simple_interest_hand_computation():
    # No compounding: 10,000 x 0.0005 x 115 = 575.00 (150 + 150 + 150 + 125).
    r = overdue_cost(**EXAMPLE, compounding="none")
    assert r["interest_posted_per_cycle"] == [D("150.00"), D("150.00"), D("150.00"), D("125.00")]
    assert r["interest_yuan"] == D("575.00")


def test_partial_payment_lowers_the_balance_after_the_due_date():
    # 10,000; 300 of the 1,000 minimum paid on the due date; 20 days before it, 10 after:
    #   20 x 10,000 x 0.0005 = 100.00  and  10 x 9,700 x 0.0005 = 48.50  -> 148.50
    #   late fee 5 % x 700 = 35.00; owed 9,700 + 148.50 + 35.00 = 9,883.50
    r = overdue_cost(
        principal_yuan=D("10000"),
        days_before_due=20,
        days_overdue=10,
        minimum_payment=D("1000"),
        paid_amount=D("300"),
    )
    assert r["interest_yuan"] == D("148.50")
    assert r["late_fee_yuan"] == D("35.00")
    assert r["amount_owed_yuan"] == D("9883.50")


def test_late_fee_alone():
    # No balance given: 5 % x (1,000 - 300) = 35.00, once (one day past the due date).
    r = overdue_cost(minimum_payment=D("1000"), paid_amount=D("300"), days_overdue=1)
    assert (r["late_fee_yuan"], r["interest_yuan"], r["amount_owed_yuan"]) == (D("35.00"), D("0.00"), D("735.00"))
    via_run = calculators.run(
        "overdue_cost", with_example("overdue_cost", {"principal_yuan": "0", "days_overdue": "1", "paid_amount": "300"})
    )
    assert via_run["ok"] and via_run["result"]["late_fee_yuan"] == D("35.00")


def test_no_late_fee_before_the_due_date_has_passed():
    """Issue 13: at 0 days overdue no due date has been missed, so there is no late fee."""
    r = overdue_cost(minimum_payment=D("1000"), paid_amount=D("300"), days_overdue=0)
    assert r["late_fee_yuan"] == D("0.00") and r["late_fee_cycles"] == 0
    via_run = calculators.run("overdue_cost", with_example("overdue_cost", days_overdue="0"))
    assert via_run["ok"] and via_run["result"]["late_fee_yuan"] == D("0.00")


def test_blank_fields_never_bring_back_the_example():
    """Issue 13: a blank balance, minimum or payment means none, never the worked example."""
    base = with_example("overdue_cost")
    no_balance = calculators.run("overdue_cost", {**base, "principal_yuan": ""})["result"]
    assert no_balance["interest_yuan"] == D("0.00") and no_balance["principal_yuan"] == D("0.00")
    only_min = {k: v for k, v in base.items() if k != "principal_yuan"}
    only_min.update(minimum_payment="800", paid_amount="300")
    r = calculators.run("overdue_cost", only_min)["result"]
    assert r["interest_yuan"] == D("0.00") and r["amount_owed_yuan"] == D("500.00") + r["late_fee_yuan"]
    no_min = calculators.run("overdue_cost", {**base, "minimum_payment": "  "})["result"]
    assert no_min["late_fee_yuan"] == D("0.00") and no_min["unpaid_minimum_yuan"] == D("0.00")


def test_late_fee_floor_and_cap():
    assert late_fee(D("100")) == D("5.00")
    assert late_fee(D("100"), minimum=D("10")) == D("10.00")
    assert late_fee(D("10000"), maximum=D("300")) == D("300.00")
    assert late_fee(D("0"), minimum=D("10")) == D("0.00")  # nothing unpaid, no fee


def test_minimum_paid_means_no_late_fee_but_still_interest():
    r = overdue_cost(
        principal_yuan=D("10000"), days_before_due=25, days_overdue=5, minimum_payment=D("1000"), paid_amount=D("1000")
    )
    assert r["late_fee_yuan"] == D("0.00") and r["late_fee_cycles"] == 0
    # 25 x 10,000 x 0.0005 = 125.00 and 5 x 9,000 x 0.0005 = 22.50
    assert r["interest_yuan"] == D("147.50")


def test_paid_in_full_costs_nothing():
    r = overdue_cost(
        principal_yuan=D("10000"),
        days_before_due=25,
        days_overdue=30,
        minimum_payment=D("1000"),
        paid_amount=D("10000"),
    )
    assert (r["total_cost_yuan"], r["amount_owed_yuan"]) == (D("0.00"), D("0.00"))


def test_missed_due_dates():
    assert [default_late_fee_cycles(d) for d in (0, 1, 30, 31, 60, 61)] == [0, 1, 1, 2, 2, 3]
    assert default_late_fee_cycles(31, cycle_days=31) == 1


def test_late_fees_never_bear_interest():
    # The interest is the same whatever the late fee.
    a = overdue_cost(**EXAMPLE)
    b = overdue_cost(**EXAMPLE, late_fee_rate=D("0.20"))
    assert a["interest_yuan"] == b["interest_yuan"]
    assert b["late_fee_yuan"] == D("600.00")


def test_form_defaults_give_the_worked_example():
    r = calculators.run("overdue_cost", with_example("overdue_cost", {}))
    assert r["ok"], r
    assert r["result"]["total_cost_yuan"] == D("737.49")


# ---------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, field",
    [
        (dict(principal_yuan=D("500"), minimum_payment=D("1000")), "minimum_payment"),
        (dict(principal_yuan=D("500"), minimum_payment=D("50"), paid_amount=D("600")), "paid_amount"),
        (dict(), "principal_yuan"),
        (dict(minimum_payment=D("100"), days_overdue=30, late_fee_cycles=2), "late_fee_cycles"),
        (dict(minimum_payment=D("100"), late_fee_min=D("20"), late_fee_max=D("10")), "late_fee_min"),
    ],
)
def test_inconsistent_inputs_are_bilingual_errors(args, field):
    with pytest.raises(InputError) as e:
        overdue_cost(**args)
    assert e.value.errors[0]["field"] == field
    assert_bilingual(e.value.errors)


def test_run_reports_errors():
    r = calculators.run("overdue_cost", with_example("overdue_cost", {"principal_yuan": "500"}))
    assert not r["ok"] and r["errors"][0]["field"] == "minimum_payment"
    assert_bilingual(r["errors"])


def test_explain_in_both_languages():
    r = calculators.run("overdue_cost", with_example("overdue_cost", {}))["result"]
    zh, en = CALCULATOR.explain({}, r, "zh"), CALCULATOR.explain({}, r, "en")
    assert "737.49" in zh and "737.49" in en and "90" in zh
    assert CJK.search(zh) and not CJK.search(en)
    fee_only = calculators.run(
        "overdue_cost", with_example("overdue_cost", {"principal_yuan": "0", "paid_amount": "300"})
    )["result"]
    assert "违约金" in CALCULATOR.explain({}, fee_only, "zh")
    assert "late fee" in CALCULATOR.explain({}, fee_only, "en")


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

money_st = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2)


@st.composite
def scenarios(draw):
    principal = draw(money_st)
    minimum = draw(st.decimals(min_value=D("0"), max_value=principal if principal > 0 else D("5000"), places=2))
    paid = draw(st.decimals(min_value=D("0"), max_value=principal if principal > 0 else D("5000"), places=2))
    assume(principal > 0 or minimum > 0)
    return dict(
        principal_yuan=principal,
        days_overdue=draw(st.integers(0, 1000)),
        days_before_due=draw(st.integers(0, 60)),
        daily_rate=draw(st.decimals(min_value=D("0"), max_value=D("0.002"), places=6)),
        cycle_days=draw(st.integers(28, 31)),
        compounding=draw(st.sampled_from(["monthly", "none"])),
        minimum_payment=minimum,
        paid_amount=paid,
        late_fee_rate=draw(st.decimals(min_value=D("0"), max_value=D("0.1"), places=4)),
        late_fee_min=draw(st.none() | st.decimals(min_value=D("0"), max_value=D("20"), places=2)),
        late_fee_max=draw(st.none() | st.decimals(min_value=D("20"), max_value=D("500"), places=2)),
    )


@given(scenarios())
def test_totals_equal_the_sum_of_the_schedule(args):
    r = overdue_cost(**args)
    rows = r["schedule"]
    assert (
        r["interest_yuan"]
        == sum((x["interest_yuan"] for x in rows), D("0"))
        == sum(r["interest_posted_per_cycle"], D("0"))
    )
    assert r["late_fee_yuan"] == sum((x["late_fee_yuan"] for x in rows), D("0"))
    assert r["late_fee_yuan"] == r["late_fee_per_cycle_yuan"] * r["late_fee_cycles"]
    assert r["total_cost_yuan"] == r["interest_yuan"] + r["late_fee_yuan"] == rows[-1]["cost_to_date_yuan"]
    assert r["amount_owed_yuan"] == rows[-1]["owed_yuan"]
    assert sum(x["days"] for x in rows) == args["days_before_due"] + args["days_overdue"]
    assert r["late_fee_cycles"] <= default_late_fee_cycles(args["days_overdue"], args["cycle_days"])


@given(scenarios(), st.decimals(min_value=D("0"), max_value=D("0.001"), places=6))
def test_a_higher_rate_never_lowers_the_cost(args, extra):
    low = overdue_cost(**args)
    high = overdue_cost(**dict(args, daily_rate=args["daily_rate"] + extra))
    assert high["interest_yuan"] >= low["interest_yuan"]
    assert high["total_cost_yuan"] >= low["total_cost_yuan"]


@given(scenarios(), st.integers(0, 400))
def test_more_days_never_cost_less(args, more):
    low = overdue_cost(**args)["total_cost_yuan"]
    assert overdue_cost(**dict(args, days_overdue=args["days_overdue"] + more))["total_cost_yuan"] >= low


@given(scenarios())
def test_compounding_costs_at_least_simple_interest(args):
    monthly = overdue_cost(**dict(args, compounding="monthly"))["interest_yuan"]
    simple = overdue_cost(**dict(args, compounding="none"))["interest_yuan"]
    assert monthly >= simple


row_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["0", "1,000", "5%", "-1", "NaN", "1e999", "monthly", "none", "30", "3650", "100000000"]),
)
inputs_st = st.dictionaries(st.sampled_from([f.name for f in CALCULATOR.fields]), row_junk, max_size=8)


@given(inputs_st)
def test_run_never_raises_and_errors_are_bilingual(inputs):
    r = calculators.run("overdue_cost", inputs)
    if r["ok"]:
        assert r["result"]["total_cost_yuan"] >= 0
    else:
        assert all(e["code"] != "internal" for e in r["errors"]), r["errors"]
        assert_bilingual(r["errors"])


def test_largest_inputs_stay_exact():
    r = calculators.run(
        "overdue_cost",
        with_example(
            "overdue_cost",
            {
                "principal_yuan": "100000000",
                "days_overdue": "3650",
                "days_before_due": "366",
                "daily_rate": "1%",
                "cycle_days": "28",
                "minimum_payment": "100000000",
            },
        ),
    )
    assert r["ok"], r
    assert r["result"]["amount_owed_yuan"] > D("1e20")
