"""repayment_capacity: the budget, the shortfall, and the months at this pace."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import calculators

from calc_helpers import with_example


def run(**inputs):
    r = calculators.run("repayment_capacity", with_example("repayment_capacity", inputs))
    assert r["ok"], r
    return r["result"]


def test_simple_budget():
    r = run(monthly_income_yuan="8000", essential_spending_yuan="5000", other_debt_payments_yuan="1000")
    assert r["monthly_available_yuan"] == r["monthly_affordable_yuan"] == Decimal("2000.00")
    assert r["shortfall_yuan"] == Decimal("0.00")
    assert r["share_of_income"] == Decimal("0.250000")
    assert [row["amount"] for row in r["breakdown"]] == [
        Decimal("8000.00"),
        Decimal("-5000.00"),
        Decimal("-1000.00"),
        Decimal("0.00"),
        Decimal("2000.00"),
    ]


def test_shortfall_is_shown_not_a_negative_amount():
    r = run(monthly_income_yuan="6000", essential_spending_yuan="5000", other_debt_payments_yuan="1500")
    assert r["monthly_available_yuan"] == Decimal("0.00")
    assert r["shortfall_yuan"] == Decimal("500.00")
    calc = calculators.get("repayment_capacity")
    assert "500.00" in calc.explain({}, r, "zh") and "short" in calc.explain({}, r, "en")


def test_buffer_is_kept_back():
    r = run(monthly_income_yuan="8000", essential_spending_yuan="5000", buffer_rate="10%")
    assert r["buffer_yuan"] == Decimal("800.00")
    assert r["monthly_available_yuan"] == Decimal("2200.00")


def test_months_at_this_pace_and_the_five_year_ceiling():
    r = run(monthly_income_yuan="8000", essential_spending_yuan="5000", card_debt_yuan="60000")
    assert r["months_at_this_rate"] == 20
    r = run(monthly_income_yuan="8000", essential_spending_yuan="7000", card_debt_yuan="100000")
    assert r["months_at_this_rate"] == 100  # ceiling of 100,000 / 1,000
    calc = calculators.get("repayment_capacity")
    assert "60" in calc.explain({}, r, "en") and "5 年" in calc.explain({}, r, "zh")
    r = run(monthly_income_yuan="8000", essential_spending_yuan="5000", card_debt_yuan="60001")
    assert r["months_at_this_rate"] == 21


def test_income_required():
    r = calculators.run("repayment_capacity", with_example("repayment_capacity", {"monthly_income_yuan": ""}))
    assert r["ok"] is False and r["errors"][0]["code"] == "required"


money = st.decimals(min_value=0, max_value=10**6, places=2).map(str)


@given(money, money, money, st.decimals(min_value=0, max_value=1, places=3).map(str))
def test_budget_balances_and_is_never_negative(income, essential, other, buffer):
    r = run(
        monthly_income_yuan=income,
        essential_spending_yuan=essential,
        other_debt_payments_yuan=other,
        buffer_rate=buffer,
    )
    assert r["monthly_available_yuan"] >= 0 and r["shortfall_yuan"] >= 0
    assert r["monthly_available_yuan"] == 0 or r["shortfall_yuan"] == 0
    assert (
        Decimal(income) - Decimal(essential) - Decimal(other) - r["buffer_yuan"]
        == r["monthly_available_yuan"] - r["shortfall_yuan"]
    )
    # The ledger balances: the last row is what is left, or (issue 13: no negative money) the
    # shortfall shown as the amount missing.
    last = r["breakdown"][-1]["amount"] if r["shortfall_yuan"] == 0 else -r["breakdown"][-1]["amount"]
    assert sum(row["amount"] for row in r["breakdown"][:-1]) == last
    assert r["breakdown"][-1]["amount"] >= 0
