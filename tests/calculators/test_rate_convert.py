"""rate_convert: the common 0.05 % a day, the 2017-2020 lower limit, and orderings."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import rate_convert as rc

from calc_helpers import with_example


def run(**inputs):
    r = calculators.run("rate_convert", with_example("rate_convert", inputs))
    assert r["ok"], r
    return r["result"]


def test_five_in_ten_thousand_a_day():
    """The common 万分之五 (calculators/rate_convert.py, references [2] and [4]): 0.05 %/day -> 18.25 %/yr simple; about 20.0 % compounded daily."""
    r = run(daily_rate="0.05%")
    assert r["annual_simple_365"] == Decimal("0.182500")
    assert r["annual_simple_360"] == Decimal("0.180000")
    assert r["monthly_rate"] == Decimal("0.015000")  # 30-day cycle
    assert r["annual_effective_daily_compound_365"].quantize(Decimal("0.001"), ROUND_HALF_UP) == Decimal("0.200")
    # (1.015)^(365/30) - 1, by hand: ln 1.015 = 0.0148886; x 12.1667 = 0.181145; e^.. - 1 = 0.19859
    assert r["annual_effective_monthly_compound"].quantize(Decimal("0.0001"), ROUND_HALF_UP) == Decimal("0.1986")
    assert r["interest_on_10000_per_cycle_yuan"] == Decimal("150.00")


def test_defaults_are_the_common_rate():
    assert run() == run(daily_rate="0.0005", cycle_days=30)


def test_lower_limit_2017_to_2020():
    """银发〔2016〕111号 (calculators/rate_convert.py, reference [2]): lower limit 0.7 x 0.05 % = 0.035 % a day."""
    r = run(daily_rate="0.035%")
    assert r["annual_simple_365"] == Decimal("0.127750")


def test_zero_rate():
    r = run(daily_rate="0")
    assert all(r[k] == 0 for k in rc.convert(Decimal(0), 30))


def test_explain_in_both_languages():
    calc = calculators.get("rate_convert")
    r = run(daily_rate="0.05%")
    assert "18.25%" in calc.explain({}, r, "zh") and "20.0%" in calc.explain({}, r, "zh")
    assert "18.25%" in calc.explain({}, r, "en") and "¥150.00" in calc.explain({}, r, "en")


def test_rejects_a_rate_entered_as_a_whole_percent_by_mistake():
    r = calculators.run("rate_convert", with_example("rate_convert", {"daily_rate": "5"}))  # 500 % a day
    assert r["ok"] is False and r["errors"][0]["code"] == "too_large"


@given(
    d=st.decimals(min_value=0, max_value=Decimal("0.01"), places=6),
    days=st.integers(min_value=1, max_value=365),
)
def test_more_compounding_never_costs_less(d, days):
    r = run(daily_rate=str(d), cycle_days=days)
    assert r["annual_simple_365"] <= r["annual_effective_monthly_compound"] + Decimal("0.000001")
    assert r["annual_effective_monthly_compound"] <= r["annual_effective_daily_compound_365"] + Decimal("0.000001")
    assert r["annual_simple_360"] <= r["annual_simple_365"]
