"""calculators.fmt: every amount a reader sees is grouped and rounded half-up, however it was written."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators import fmt

decimals = st.builds(
    lambda n, e: Decimal(n).scaleb(e),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=-6, max_value=3),
)


def half_up(d: Decimal, places: int) -> str:
    return f"{d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(d=decimals, places=st.sampled_from([0, 1, 2, 4]))
@example(Decimal("999.99"), 2)
@example(Decimal("1000.00"), 2)
@example(Decimal("-1000.00"), 2)
@example(Decimal("-0.00"), 2)
@example(Decimal("1E+3"), 0)
@example(Decimal("0.005"), 2)
def test_number_is_grouped_and_rounded_half_up_whatever_its_exponent(d, places):
    assert fmt.number(d, places) == half_up(d, places)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(d=decimals)
@example(Decimal("-0.004"))
@example(Decimal("-1234.5"))
def test_yuan_is_to_the_fen_with_a_sign_only_when_something_is_owed_back(d):
    text = half_up(abs(d), 2)
    sign = "-" if d < 0 and text.strip("0.,") else ""
    assert fmt.yuan(d, "zh") == f"{sign}{text} 元"
    assert fmt.yuan(d, "en") == f"{sign}¥{text}"
