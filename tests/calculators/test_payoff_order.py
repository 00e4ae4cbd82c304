"""Tests of calculators.payoff_order (多张卡先还哪张).

Known answers are month-by-month hand computations written out below.
Hypothesis settings come from tests/calculators/conftest.py.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators._core import InputError
from calculators.payoff_order import CALCULATOR, MAX_MONTHS, monthly_rate, normalize_debt, payoff_plan, prepare_inputs

from calc_helpers import CJK, assert_bilingual, with_example


def card(name, balance, rate, basis, minimum):
    return {"name": name, "balance": D(balance), "rate": D(rate), "rate_basis": basis, "min_payment": D(minimum)}


TWO = [card("A", "3000", "0.0005", "daily", "300"), card("B", "1000", "0.12", "annual", "100")]


# ---------------------------------------------------------------------------------------
# Known answers
# ---------------------------------------------------------------------------------------


def test_two_cards_avalanche_hand_computation():
    # A: 3,000 at 0.05 %/day = 0.0005 x 365 / 12 = 1.5208333 % a month, minimum 300
    # B: 1,000 at 12 %/year = 1 % a month, minimum 100; budget 1,000; A has the higher rate.
    # month 1: interest A 45.63 (45.625 rounded half-up), B 10.00
    #          A 3,045.63 - (300 + 600) = 2,145.63;  B 1,010.00 - 100 = 910.00
    # month 2: A 32.63 -> 2,178.26 - 900 = 1,278.26;  B 9.10 -> 919.10 - 100 = 819.10
    # month 3: A 19.44 -> 1,297.70 - 900 = 397.70;    B 8.19 -> 827.29 - 100 = 727.29
    # month 4: A 6.05 -> 403.75 paid off; B 7.27 -> 734.56 - (100 + 496.25) = 138.31
    # month 5: B 1.38 -> 139.69 paid off
    # interest 45.63+10+32.63+9.10+19.44+8.19+6.05+7.27+1.38 = 139.69
    r = payoff_plan(TWO, D("1000"), "avalanche")
    assert (r["payoff_order"], r["months"], r["total_interest_yuan"]) == ("A → B", 5, D("139.69"))
    assert r["first_month"] == [
        {"name": "A", "payment_yuan": D("900.00"), "interest_yuan": D("45.63"), "balance_yuan": D("2145.63")},
        {"name": "B", "payment_yuan": D("100.00"), "interest_yuan": D("10.00"), "balance_yuan": D("910.00")},
    ]
    assert [(x["name"], x["month"], x["interest_yuan"]) for x in r["paid_off_month"]] == [
        ("A", 4, D("103.75")),
        ("B", 5, D("35.94")),
    ]
    assert r["schedule"][-1] == {
        "month": 5,
        "payment_yuan": D("139.69"),
        "interest_yuan": D("1.38"),
        "principal_yuan": D("138.31"),
        "balance_yuan": D("0.00"),
        "paid_off": "B",
    }


def test_single_card_hand_computation():
    # 1,000 at 1 % a month, budget 1,000: month 1 interest 10.00, 10.00 left;
    # month 2 interest 0.10, pay 10.10. Interest 10.10 over 2 months.
    r = payoff_plan([card("X", "1000", "0.01", "monthly", "0")], D("1000"))
    assert (r["months"], r["total_interest_yuan"], r["total_paid_yuan"]) == (2, D("10.10"), D("1010.10"))
    assert r["avalanche_total_interest_yuan"] == r["snowball_total_interest_yuan"] == D("10.10")


def test_no_interest_takes_balance_over_budget_months():
    r = payoff_plan([card("A", "2500", "0", "annual", "100"), card("B", "500", "0", "daily", "50")], D("1000"))
    assert (r["months"], r["total_interest_yuan"]) == (3, D("0.00"))


def test_snowball_clears_the_small_card_first_and_costs_more():
    snow = payoff_plan(TWO, D("1000"), "snowball")
    assert snow["payoff_order"].startswith("B")
    assert snow["strategy"] == "snowball"
    assert snow["snowball_total_interest_yuan"] > snow["avalanche_total_interest_yuan"]
    assert snow["interest_saved_yuan"] == snow["snowball_total_interest_yuan"] - snow["avalanche_total_interest_yuan"]


def test_rate_bases_are_equivalent():
    # 0.05 % a day = 18.25 % a year simple = 1.5208333 % a month
    assert monthly_rate(D("0.0005"), "daily") == monthly_rate(D("0.1825"), "annual")
    a = payoff_plan([card("A", "5000", "0.0005", "daily", "500")], D("800"))
    b = payoff_plan([card("A", "5000", "0.1825", "annual", "500")], D("800"))
    assert a["total_interest_yuan"] == b["total_interest_yuan"]


def test_issue_alias_keys():
    row = {"name": "A", "balance": D("5000"), "annual_rate": D("0.1825"), "min_payment": D("500")}
    assert normalize_debt(row) == {
        "name": "A",
        "balance": D("5000"),
        "rate": D("0.1825"),
        "rate_basis": "annual",
        "min_payment": D("500"),
    }
    assert normalize_debt({"daily_rate": "0.05%"})["rate_basis"] == "daily"
    assert normalize_debt({"monthly_rate": "1.5%"})["rate_basis"] == "monthly"
    same = payoff_plan([card("A", "5000", "0.0005", "daily", "500")], D("800"))
    assert payoff_plan([row], D("800"))["total_interest_yuan"] == same["total_interest_yuan"]
    raw = prepare_inputs(
        {"debts": [{"balance": "5000", "daily_rate": "0.05%", "min_payment": "500"}], "monthly_budget": "800"}
    )
    assert raw["debts"][0]["rate"] == "0.05%" and raw["debts"][0]["rate_basis"] == "daily"
    assert prepare_inputs("junk") == "junk"


def test_form_defaults():
    r = calculators.run("payoff_order", with_example("payoff_order", {}))
    assert r["ok"], r
    res = r["result"]
    assert res["payoff_order"] == "A → B → C"  # 0.05 %/day, 0.04 %/day, then 12 %/year
    assert res["avalanche_total_interest_yuan"] < res["snowball_total_interest_yuan"]


def test_unnamed_cards_get_numbers():
    r = calculators.run(
        "payoff_order",
        with_example(
            "payoff_order", {"debts": [{"balance": "100", "rate": "1%", "rate_basis": "monthly", "min_payment": "10"}]}
        ),
    )
    assert r["ok"], r
    assert r["result"]["payoff_order"] == "#1"


# ---------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------


def test_budget_below_the_minimums_says_by_how_much():
    with pytest.raises(InputError) as e:
        payoff_plan(TWO, D("350"))
    err = e.value.errors[0]
    assert (err["field"], err["code"]) == ("monthly_budget", "too_small")
    # minimums 300 + 100 = 400: 50 short
    assert "50.00" in err["message"]["zh"] and "50.00" in err["message"]["en"]
    assert "400.00" in err["message"]["zh"] and "400.00" in err["message"]["en"]
    assert_bilingual(e.value.errors)


def test_never_ending_payoff_is_an_error_not_a_hang():
    # 1,000,000 at 0.05 %/day: 15,208.33 of interest a month; paying 10,000 never ends.
    with pytest.raises(InputError) as e:
        payoff_plan([card("A", "1000000", "0.0005", "daily", "100")], D("10000"))
    err = e.value.errors[0]
    assert (err["field"], err["code"]) == ("monthly_budget", "never_paid_off")
    assert "15,208.33" in err["message"]["zh"] and "50 years" in err["message"]["en"]
    assert_bilingual(e.value.errors)


def test_just_enough_budget_takes_long_but_finishes():
    r = payoff_plan([card("A", "1000000", "0.0005", "daily", "100")], D("16000"))
    assert 100 < r["months"] <= MAX_MONTHS


def test_runaway_balances_stop_early():
    r = calculators.run(
        "payoff_order",
        {
            "debts": [{"balance": "100000000", "rate": "100%", "rate_basis": "daily", "min_payment": "0"}],
            "monthly_budget": "0.01",
        },
    )
    assert not r["ok"] and r["errors"][0]["code"] == "never_paid_off"


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

debt_st = st.builds(
    card,
    st.sampled_from(["A", "B", "C", ""]),
    st.decimals(min_value=D("0.01"), max_value=D("200000"), places=2).map(str),
    st.sampled_from(["0", "0.0003", "0.0005", "0.01", "0.015", "0.12", "0.18", "0.24", "0.3"]),
    st.sampled_from(["daily", "monthly", "annual"]),
    st.decimals(min_value=D("0"), max_value=D("3000"), places=2).map(str),
)


@st.composite
def plans(draw):
    debts = draw(st.lists(debt_st, min_size=1, max_size=5))
    for d in debts:  # keep the daily bases sensible
        if d["rate_basis"] == "daily" and d["rate"] > D("0.002"):
            d["rate_basis"] = "monthly"
    minimums = sum((min(d["min_payment"], d["balance"]) for d in debts), D("0"))
    total = sum((d["balance"] for d in debts), D("0"))
    budget = minimums + draw(st.decimals(min_value=D("0"), max_value=max(total, D("1")), places=2))
    return debts, budget


def _run(debts, budget, strategy):
    try:
        return payoff_plan(debts, budget, strategy)
    except InputError as e:
        assert e.errors[0]["code"] == "never_paid_off"
        return None


@given(plans())
def test_avalanche_never_costs_more_than_snowball(plan):
    r = _run(*plan, "avalanche")
    if r is not None:
        # Exactly, highest rate first is never dearer; rounding each month's interest to the fen
        # can cost it a few fen when rates are a hair apart (see NEAR_EQUAL), never more.
        slack = D("0.01") * max(r["avalanche_months"], r["snowball_months"]) * len(plan[0])
        assert r["avalanche_total_interest_yuan"] <= r["snowball_total_interest_yuan"] + slack
        assert r["interest_saved_yuan"] >= 0


@given(plans(), st.sampled_from(["avalanche", "snowball"]))
def test_totals_equal_the_sum_of_the_schedule(plan, strategy):
    debts, budget = plan
    r = _run(debts, budget, strategy)
    if r is None:
        return
    rows = r["schedule"]
    assert len(rows) == r["months"] and rows[-1]["balance_yuan"] == 0
    assert r["total_interest_yuan"] == sum((x["interest_yuan"] for x in rows), D("0"))
    assert r["total_paid_yuan"] == sum((x["payment_yuan"] for x in rows), D("0"))
    assert r["total_paid_yuan"] == sum((d["balance"] for d in debts), D("0")) + r["total_interest_yuan"]
    assert r["total_interest_yuan"] == sum((x["interest_yuan"] for x in r["paid_off_month"]), D("0"))
    assert all(x["payment_yuan"] <= budget for x in rows)
    assert all(x["payment_yuan"] == budget for x in rows[:-1])  # the whole budget every month but the last
    assert max(x["month"] for x in r["paid_off_month"]) == r["months"]
    assert r["comparison"][0]["avalanche_balance_yuan"] == sum((d["balance"] for d in debts), D("0"))
    assert r["comparison"][-1] == {
        "month": len(r["comparison"]) - 1,
        "avalanche_balance_yuan": 0,
        "snowball_balance_yuan": 0,
    }


@given(plans(), st.decimals(min_value=D("0"), max_value=D("0.05"), places=4))
def test_a_higher_rate_never_lowers_the_interest(plan, extra):
    debts, budget = plan
    low = _run(debts, budget, "avalanche")
    higher = [dict(d, rate=d["rate"] + extra) if i == 0 else d for i, d in enumerate(debts)]
    high = _run(higher, budget, "avalanche")
    if low is not None and high is not None:
        assert high["total_interest_yuan"] >= low["total_interest_yuan"]
    if low is None:
        assert high is None


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["0", "1,000", "0.05%", "18%", "-1", "NaN", "daily", "annual", "avalanche", "100000000"]),
)
row_st = st.dictionaries(
    st.sampled_from(["name", "balance", "rate", "rate_basis", "min_payment", "annual_rate", "daily_rate", "x"]),
    junk,
    max_size=6,
)


@given(
    st.fixed_dictionaries(
        {}, optional={"debts": st.lists(row_st, max_size=4) | junk, "monthly_budget": junk, "strategy": junk}
    )
)
def test_run_never_raises_and_errors_are_bilingual(inputs):
    r = calculators.run("payoff_order", inputs)
    if r["ok"]:
        assert r["result"]["months"] >= 1
    else:
        assert all(e["code"] != "internal" for e in r["errors"]), r["errors"]
        assert_bilingual(r["errors"])


def test_explain_in_both_languages():
    for strategy in ("avalanche", "snowball"):
        r = calculators.run("payoff_order", with_example("payoff_order", {"strategy": strategy}))["result"]
        zh, en = CALCULATOR.explain({}, r, "zh"), CALCULATOR.explain({}, r, "en")
        assert CJK.search(zh) and not CJK.search(en.replace("→", ""))
        saved = f"{r['interest_saved_yuan']:,}"
        assert saved in zh and saved in en


def test_run_accepts_the_issue_alias_keys_like_the_form_fields():
    """A caller of run() may give annual_rate / monthly_rate / daily_rate instead of rate + basis."""
    by_alias = calculators.run(
        "payoff_order",
        with_example(
            "payoff_order",
            {
                "debts": [
                    {"name": "A", "balance": "5000", "annual_rate": "0.18", "min_payment": "500"},
                    {"name": "B", "balance": "3000", "daily_rate": "0.0005", "min_payment": "300"},
                ],
                "monthly_budget": "1500",
                "strategy": "avalanche",
            },
        ),
    )
    by_form = calculators.run(
        "payoff_order",
        with_example(
            "payoff_order",
            {
                "debts": [
                    {"name": "A", "balance": "5000", "rate": "0.18", "rate_basis": "annual", "min_payment": "500"},
                    {"name": "B", "balance": "3000", "rate": "0.0005", "rate_basis": "daily", "min_payment": "300"},
                ],
                "monthly_budget": "1500",
                "strategy": "avalanche",
            },
        ),
    )
    assert by_alias["ok"], by_alias
    assert by_alias["result"]["total_interest_yuan"] == by_form["result"]["total_interest_yuan"]
    assert by_alias["result"]["payoff_order"] == "B → A"


# ---------------------------------------------------------------------------------------
# Issue 13: savings never negative, one rule for the rate period
# ---------------------------------------------------------------------------------------

NEAR_EQUAL = [
    card("0", "1440.56", "0.1800002", "annual", "7"),
    card("1", "500.28", "0.1800001", "annual", "14"),
    card("2", "1223.73", "0.1800003", "annual", "31"),
]


def test_rates_a_hair_apart_never_print_a_negative_saving():
    r = payoff_plan(NEAR_EQUAL, D("974"))
    assert r["avalanche_total_interest_yuan"] > r["snowball_total_interest_yuan"]  # rounding, by a few fen
    assert r["interest_saved_yuan"] == D("0.00")
    for lang in ("zh", "en"):
        text = CALCULATOR.explain({}, r, lang)
        assert "-" not in text.replace(" → ", "")
        assert "几乎相同" in text or "practically the same" in text


def test_equal_rates_on_different_bases_cost_the_same_in_either_order():
    """0.05 % a day is exactly 18.25 % a year: compared exactly, the orders tie."""
    debts = [card("day", "3000", "0.0005", "daily", "100"), card("year", "2000", "0.1825", "annual", "100")]
    r = payoff_plan(debts, D("600"))
    assert r["avalanche_total_interest_yuan"] == r["snowball_total_interest_yuan"]
    assert r["interest_saved_yuan"] == 0 and "same interest" in CALCULATOR.explain({}, r, "en")


def test_a_rate_without_its_period_is_never_guessed():
    row = {"balance": "5000", "rate": "18%", "min_payment": "500"}
    r = calculators.run("payoff_order", with_example("payoff_order", debts=[row]))
    assert not r["ok"] and r["errors"][0]["field"] == "debts.0.rate_basis"
    assert r["errors"][0]["code"] == "required"
    with pytest.raises(InputError) as e:
        payoff_plan([{"balance": D("5000"), "rate": D("0.18"), "min_payment": D("500")}], D("1000"))
    assert e.value.errors[0]["field"] == "debts.0.rate_basis"
    yearly = calculators.run("payoff_order", with_example("payoff_order", debts=[dict(row, rate_basis="annual")]))
    assert yearly["ok"] and yearly["result"]["total_interest_yuan"] < D("100")  # 18 % a year, not a day


def test_a_new_row_on_the_page_has_no_rate_period_chosen():
    from calculators import render

    html = render.render_form("payoff_order", "en")
    template = html[html.index("<template") : html.index("</template>")]
    assert '<option value="" selected>Choose</option>' in template


def test_debts_that_only_grow_are_refused_without_simulating_fifty_years():
    debts = [card(str(i), "100000", "0.0005", "daily", "100") for i in range(20)]
    with pytest.raises(InputError) as e:
        payoff_plan(debts, D("3000"))  # 30,000 of interest a month against 3,000
    assert e.value.errors[0]["code"] == "never_paid_off"
