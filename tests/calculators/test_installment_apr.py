"""installment_apr: known answers (each with its source), schedule totals, monotonicity."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import installment_apr as ia
from calculators.finance import irr

from calc_helpers import with_example

P1 = Decimal("0.001")  # one tenth of a percentage point


def run(**inputs):
    r = calculators.run("installment_apr", inputs)
    assert r["ok"], r
    return r["result"]


class TestPbocExample:
    """PBoC announcement [2021] No. 3 (明示贷款年化利率), official example (calculators/installment_apr.py, reference [1]):
    100,000 lent, a 1,000 fee paid up front, 12 monthly payments of 8,833.3 ->
    about 12.80 % (IRR x 12) and 13.58 % (compounded)."""

    def test_irr_core(self):
        # The fee paid up front means the borrower only has 99,000 to use.
        monthly = irr([Decimal(-99000)] + [Decimal("8833.3")] * 12)
        nominal, effective = ia.annualise(monthly)
        assert nominal.quantize(Decimal("0.0001")) == Decimal("0.1280")
        assert effective.quantize(Decimal("0.0001")) == Decimal("0.1358")

    def test_how_it_maps_to_the_inputs(self):
        # The PBoC loan is amortising (interest inside 8,833.3), which this calculator's
        # "equal principal + fee" plan cannot express exactly. What does map: a fee taken
        # when the money is lent ("upfront_t0") makes the bank's outlay amount - fee, just
        # as 100,000 - 1,000 = 99,000 above.
        flows = ia.cash_flows(Decimal("100000"), 12, Decimal("0.001"), "upfront_t0", "round")
        assert flows[0] == Decimal("-100000") + Decimal("1200.00")
        assert flows[1:] == [Decimal("8333.33")] * 11 + [Decimal("8333.37")]
        r = run(principal_yuan="100000", periods=12, fee_rate_per_period="0.1%", fee_collection="upfront_t0")
        assert r["amount_received_yuan"] == Decimal("98800.00")
        assert r["schedule"][0] == {
            "period": 0,
            "principal": Decimal("0.00"),
            "fee": Decimal("1200.00"),
            "payment": Decimal("1200.00"),
            "remaining": Decimal("100000.00"),
        }


# Own calculation of the true annual cost of 分期 (IRR, equal principal plus a
# fixed per-period fee), the method of the PBoC example above. Checked by hand for 0.75 % x 3:
# payment 3,408.33 = 10,000 / a(3, r) -> r = 1.121 % a month -> 13.45 % a year.
KNOWN = [
    # fee per period, periods, APR (x12) to 0.1 %, source note
    ("0.0060", 12, "0.130"),  # 0.60 % x 12 -> 13.0 % (BOC-like per-period fee)
    ("0.0075", 3, "0.135"),  # 0.75 % x 3 -> 13.5 %
    ("0.0075", 6, "0.153"),  # -> 15.3 %
    ("0.0075", 12, "0.162"),  # -> 16.2 %
    ("0.0075", 24, "0.164"),  # -> 16.4 %
    ("0.0090", 3, "0.161"),  # SPDB 3 periods 0.90 % -> 16.1 %
    ("0.0074", 12, "0.160"),  # SPDB 12 periods 0.74 % -> 16.0 %
]


@pytest.mark.parametrize("rounding", ["exact", "round", "truncate_remainder_last"])
@pytest.mark.parametrize("fee, n, apr", KNOWN)
def test_known_answers_from_the_fact_sheet(fee, n, apr, rounding):
    r = run(principal_yuan="10000", periods=n, fee_rate_per_period=fee, principal_rounding=rounding)
    # Rounded half-up, as the page shows it (0.75 % x 3 is 13.450030 %, shown 13.5 %).
    assert r["apr_nominal"].quantize(P1, rounding=ROUND_HALF_UP) == Decimal(apr)


def test_compounded_figure_of_a_typical_fee():
    # Own calculation, the PBoC IRR method: 0.60 % x 12 -> 13.8 % compounded.
    r = run(principal_yuan="10000", periods=12, fee_rate_per_period="0.6%")
    assert r["apr_effective"].quantize(P1, rounding=ROUND_HALF_UP) == Decimal("0.138")


def test_rule_of_thumb_and_flat_rate():
    r = run(principal_yuan="10000", periods=12, fee_rate_per_period="0.75%")
    assert r["apr_simple_approx"] == Decimal("0.166154")  # 24 x 0.0075 x 12 / 13
    assert r["flat_rate_annual"] == Decimal("0.090000")
    assert r["monthly_irr"] * 12 == pytest.approx(r["apr_nominal"], abs=Decimal("0.00001"))
    # The advertised-looking figure is far below the real one.
    assert r["apr_nominal"] > r["flat_rate_annual"] * Decimal("1.7")


def test_payments_and_fees():
    r = run(principal_yuan="10000", periods=12, fee_rate_per_period="0.75%")
    assert r["fee_per_period_yuan"] == Decimal("75.00")
    assert r["monthly_payment_yuan"] == Decimal("908.33")  # 833.33 + 75
    assert r["last_payment_yuan"] == Decimal("908.37")  # 833.37 + 75: the remainder comes last
    assert r["total_fee_yuan"] == Decimal("900.00")
    assert r["total_repaid_yuan"] == Decimal("10900.00")
    assert r["amount_received_yuan"] == Decimal("10000.00")


def test_rounding_modes_differ_only_by_fen():
    assert ia.principal_parts(Decimal("200"), 3, "round") == [Decimal("66.67"), Decimal("66.67"), Decimal("66.66")]
    assert ia.principal_parts(Decimal("200"), 3, "truncate_remainder_last") == [
        Decimal("66.66"),
        Decimal("66.66"),
        Decimal("66.68"),
    ]
    assert sum(ia.principal_parts(Decimal("200"), 3, "exact")) == pytest.approx(Decimal(200), abs=Decimal("1e-20"))


def test_fee_collection_upfront_costs_more():
    base = dict(principal_yuan="10000", periods=12, fee_rate_per_period="0.75%")
    per = run(**base, fee_collection="per_period")
    first = run(**base, fee_collection="upfront_first")
    t0 = run(**base, fee_collection="upfront_t0")
    assert per["total_fee_yuan"] == first["total_fee_yuan"] == t0["total_fee_yuan"] == Decimal("900.00")
    assert per["apr_nominal"] < first["apr_nominal"] < t0["apr_nominal"]
    assert first["first_payment_yuan"] == Decimal("1733.33")  # 833.33 + 900
    assert first["monthly_payment_yuan"] == Decimal("833.33")
    assert t0["amount_received_yuan"] == Decimal("9100.00")


def test_no_fee_costs_nothing():
    r = run(principal_yuan="10000", periods=12, fee_rate_per_period="0")
    assert r["apr_nominal"] == r["apr_effective"] == Decimal("0")
    calc = calculators.get("installment_apr")
    assert "no fee" in calc.explain({}, r, "en") and "不收手续费" in calc.explain({}, r, "zh")


def test_fee_eating_the_whole_amount_is_an_input_error():
    r = calculators.run(
        "installment_apr",
        {"principal_yuan": "100", "periods": 60, "fee_rate_per_period": "5%", "fee_collection": "upfront_t0"},
    )
    assert r["ok"] is False and r["errors"][0]["code"] == "fee_too_high"
    assert r["errors"][0]["field"] == "fee_rate_per_period"


@pytest.mark.parametrize(
    "inputs, field, code",
    [
        ({"periods": 0}, "periods", "too_small"),
        ({"periods": 61}, "periods", "too_large"),
        ({"fee_rate_per_period": "6%"}, "fee_rate_per_period", "too_large"),
        ({"principal_yuan": "-5"}, "principal_yuan", "too_small"),
        ({"fee_collection": "monthly"}, "fee_collection", "bad_choice"),
    ],
)
def test_bad_inputs(inputs, field, code):
    r = calculators.run("installment_apr", with_example("installment_apr", inputs))
    assert r["ok"] is False
    assert (r["errors"][0]["field"], r["errors"][0]["code"]) == (field, code)


def test_explain_names_the_real_rate_and_the_advertised_one():
    calc = calculators.get("installment_apr")
    r = run(principal_yuan="10000", periods=12, fee_rate_per_period="0.75%")
    zh, en = calc.explain({}, r, "zh"), calc.explain({}, r, "en")
    assert "16.2%" in zh and "0.75%" in zh
    assert "16.2%" in en and "0.75%" in en and "a year" in en


plans = st.fixed_dictionaries(
    {
        "principal_yuan": st.decimals(min_value=100, max_value=500000, places=2).map(str),
        "periods": st.integers(min_value=1, max_value=60),
        "fee_rate_per_period": st.decimals(min_value=0, max_value=Decimal("0.015"), places=4).map(str),
        "fee_collection": st.sampled_from(ia.FEE_COLLECTIONS),
        "principal_rounding": st.sampled_from(ia.ROUNDINGS),
    }
)


@given(plans)
def test_totals_equal_the_sum_of_the_schedule(inputs):
    r = run(**inputs)
    rows = r["schedule"]
    p = Decimal(inputs["principal_yuan"])
    assert sum(x["principal"] for x in rows) == p
    assert sum(x["fee"] for x in rows) == r["total_fee_yuan"]
    assert sum(x["payment"] for x in rows) == r["total_repaid_yuan"] == p + r["total_fee_yuan"]
    assert all(x["payment"] == x["principal"] + x["fee"] for x in rows)
    assert rows[-1]["remaining"] == 0 and rows[-1]["period"] == inputs["periods"]
    assert all(x["payment"] >= 0 and x["remaining"] >= 0 for x in rows)
    assert r["last_payment_yuan"] == rows[-1]["payment"]


@given(plans, st.decimals(min_value=0, max_value=Decimal("0.01"), places=4))
def test_a_higher_fee_never_lowers_the_apr(inputs, extra):
    low = run(**inputs)
    r = calculators.run(
        "installment_apr", dict(inputs, fee_rate_per_period=str(Decimal(inputs["fee_rate_per_period"]) + extra))
    )
    if not r["ok"]:  # a fee deducted up front that eats the whole amount has no rate at all
        assert r["errors"][0]["code"] == "fee_too_high" and inputs["fee_collection"] == "upfront_t0"
        return
    high = r["result"]
    assert high["apr_nominal"] >= low["apr_nominal"]
    assert high["apr_effective"] >= low["apr_effective"]
    assert high["total_fee_yuan"] >= low["total_fee_yuan"]


@given(plans)
def test_compounded_is_at_least_nominal(inputs):
    r = run(**inputs)
    assert r["apr_effective"] >= r["apr_nominal"] >= 0


# ---------------------------------------------------------------------------------------
# Issue 13: every legal input gets a sensible answer
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("principal, fee", [("100", "1.66%"), ("100000", "1.6666%"), ("10000000", "1.666666%")])
def test_a_fee_that_leaves_almost_nothing_is_explained_not_an_internal_error(principal, fee):
    r = calculators.run(
        "installment_apr",
        {
            "principal_yuan": principal,
            "periods": 60,
            "fee_rate_per_period": fee,
            "fee_collection": "upfront_t0",
            "principal_rounding": "exact",
        },
    )
    assert not r["ok"]
    e = r["errors"][0]
    assert (e["field"], e["code"]) == ("fee_rate_per_period", "rate_over_limit")
    assert "1000 %" in e["message"]["en"] and "1000%" in e["message"]["zh"]


@pytest.mark.parametrize("rounding", ["round", "exact", "truncate_remainder_last"])
@pytest.mark.parametrize("how", ["per_period", "upfront_first", "upfront_t0"])
def test_a_small_amount_over_many_periods_has_no_negative_money_or_rate(rounding, how):
    r = run(
        principal_yuan="10", periods=60, fee_rate_per_period="0.6%", fee_collection=how, principal_rounding=rounding
    )
    for row in r["schedule"]:
        assert row["principal"] >= 0 and row["remaining"] >= 0 and row["payment"] >= 0, row
    assert r["apr_nominal"] > 0 and r["apr_effective"] > 0 and r["monthly_irr"] > 0
    assert sum(row["principal"] for row in r["schedule"]) == Decimal("10")


def test_twelve_times_the_monthly_rate_is_the_nominal_rate():
    for periods in (3, 12, 24, 60):
        r = run(principal_yuan="10000", periods=periods, fee_rate_per_period="0.75%")
        assert r["monthly_irr"] * 12 == r["apr_nominal"]


def test_one_instalment_does_not_say_you_owe_less_each_month():
    r = run(principal_yuan="10000", periods=1, fee_rate_per_period="0.75%")
    calc = calculators.get("installment_apr")
    en, zh = calc.explain({}, r, "en"), calc.explain({}, r, "zh")
    assert "owe less" not in en and "每月都在减少" not in zh
    assert "single instalment" in en and "只分 1 期" in zh
