"""minimum_payment: the sourced 10 % + instalments-in-full convention, and the parts table."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import calculators

from calc_helpers import with_example


def run(**inputs):
    r = calculators.run("minimum_payment", with_example("minimum_payment", inputs))
    assert r["ok"], r
    return r["result"]


def test_ten_percent_plus_instalment_in_full():
    """Typically 10 % of the balance plus 100 % of the instalment principal and
    fees due that month (calculators/minimum_payment.py, references [2] to [4])."""
    r = run(general_transactions="20000", installment_due="1000", fees="75")
    assert r["minimum_payment_yuan"] == Decimal("3075.00")
    assert r["statement_balance_yuan"] == Decimal("21075.00")
    assert r["left_after_minimum_yuan"] == Decimal("18000.00")


def test_parts_table_adds_up():
    r = run(
        general_transactions="12345.67",
        cash_advances="500",
        interest="88.88",
        over_limit="100",
        previous_min_unpaid="50",
        cash_ratio="10%",
    )
    assert sum(p["due"] for p in r["parts"]) == r["minimum_payment_yuan"]
    due = {p["key"]: p["due"] for p in r["parts"]}
    assert due["general_transactions"] == Decimal("1234.57")  # 1,234.567 rounded half-up
    assert due["cash_advances"] == Decimal("50.00")
    assert due["interest"] == Decimal("88.88") and due["over_limit"] == Decimal("100.00")
    assert all(p["item"]["zh"] and p["item"]["en"] for p in r["parts"])


def test_defaults():
    r = run()
    assert r["minimum_payment_yuan"] == Decimal("1000.00")  # 10 % of the 10,000 default


def test_explain():
    calc = calculators.get("minimum_payment")
    r = run(general_transactions="20000")
    assert "2,000.00" in calc.explain({}, r, "zh") and "18,000.00" in calc.explain({}, r, "en")


money = st.decimals(min_value=0, max_value=10**6, places=2).map(str)
share = st.decimals(min_value=0, max_value=1, places=4).map(str)


@given(
    st.fixed_dictionaries(
        {
            "general_transactions": money,
            "cash_advances": money,
            "installment_due": money,
            "fees": money,
            "interest": money,
            "over_limit": money,
            "previous_min_unpaid": money,
            "ratio": share,
            "cash_ratio": share,
        }
    )
)
def test_minimum_is_the_sum_of_its_parts_and_at_most_the_balance(inputs):
    r = run(**inputs)
    assert r["minimum_payment_yuan"] == sum(p["due"] for p in r["parts"])
    assert 0 <= r["minimum_payment_yuan"] <= r["statement_balance_yuan"]
    assert r["left_after_minimum_yuan"] == r["statement_balance_yuan"] - r["minimum_payment_yuan"]


@given(money, share, share)
def test_a_higher_ratio_never_lowers_the_minimum(balance, a, b):
    lo, hi = sorted([Decimal(a), Decimal(b)])
    assert (
        run(general_transactions=balance, ratio=str(lo))["minimum_payment_yuan"]
        <= run(general_transactions=balance, ratio=str(hi))["minimum_payment_yuan"]
    )


def test_cleared_purchases_do_not_bring_back_the_example_balance():
    """Issue 13: purchases cleared and 500 of instalments due: the minimum is 500, not 1,500."""
    for cleared in ("", "   ", None):
        inputs = with_example("minimum_payment", general_transactions=cleared, installment_due="500")
        assert calculators.run("minimum_payment", inputs)["result"]["minimum_payment_yuan"] == Decimal("500.00")
    inputs = with_example("minimum_payment", installment_due="500")
    del inputs["general_transactions"]
    assert calculators.run("minimum_payment", inputs)["result"]["minimum_payment_yuan"] == Decimal("500.00")
