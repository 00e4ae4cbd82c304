"""calculators.finance: numpy-financial's own test values, identities, and (where numpy-financial
is installed: the server, not Pyodide) comparisons with numpy_financial on random inputs.

Known values come from numpy-financial 1.0.0's ``numpy_financial/tests/test_financial.py``
and its docstrings.
"""

import math
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import finance
from calculators.finance import fv, ipmt, irr, nper, npv, pmt, ppmt, pv, rate

# numpy-financial warns where it divides by zero; only our results are asserted on.
pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _npf():
    """numpy_financial, or skip (it is a test-only dependency, absent in Pyodide)."""
    return pytest.importorskip("numpy_financial")


def _close(a, b, rel=1e-9, abs_=1e-6):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def _dclose(a, b, rel=Decimal("1e-20")):
    return abs(a - b) <= rel * max(Decimal(1), abs(b))


def _slack(r, per, v, f):
    """Absolute tolerance for float results that are small differences of large terms
    (the balance after ``per`` periods grows like (1 + r)**per)."""
    return 1e-4 + 1e-12 * (abs(v) + abs(f)) * (1 + abs(r)) ** per


whens = st.sampled_from([0, 1, "end", "begin"])
rates = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=0.2), st.floats(min_value=-0.05, max_value=-1e-6))
npers = st.integers(min_value=1, max_value=480)
amounts = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)
dec_amounts = st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
dec_rates = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.2"), places=6)


def test_public_api():
    assert finance.__all__ == ["fv", "pv", "pmt", "ipmt", "ppmt", "nper", "rate", "irr", "npv"]


class TestWhen:
    def test_aliases(self):
        assert pmt(0.08 / 12, 60, 15000.0, 0, 1) == pmt(0.08 / 12, 60, 15000.0, 0, "begin")
        assert pmt(0.08 / 12, 60, 15000.0, 0, 0) == pmt(0.08 / 12, 60, 15000.0, 0, "end") == pmt(0.08 / 12, 60, 15000.0)
        assert pmt(Decimal("0.01"), 12, 1000, 0, Decimal(1)) == pmt(Decimal("0.01"), 12, 1000, 0, "begin")

    def test_numpy_financial_spellings(self):
        """Issue 13: numpy-financial also accepts e/finish and b/beginning/start."""
        for spelling in ("e", "finish"):
            assert pmt(0.01, 12, 1000, 0, spelling) == pmt(0.01, 12, 1000)
        for spelling in ("b", "beginning", "start"):
            assert pmt(0.01, 12, 1000, 0, spelling) == pmt(0.01, 12, 1000, 0, "begin")

    @pytest.mark.parametrize("bad", ["starting", "END", 2, -1, None, True, 0.5])
    def test_bad_when(self, bad):
        with pytest.raises(ValueError):
            pmt(0.01, 12, 1000, 0, bad)

    def test_begin_pays_less(self):
        # Paying at the start of each period means less interest.
        assert abs(pmt(0.01, 12, 1000, 0, "begin")) < abs(pmt(0.01, 12, 1000))


class TestFv:
    def test_known(self):
        assert fv(0.075, 20, -2000, 0, 0) == pytest.approx(86609.362673042924, rel=1e-12)

    def test_known_decimal(self):
        assert fv(Decimal("0.075"), Decimal("20"), Decimal("-2000"), 0, 0) == Decimal("86609.36267304300040536731624")

    @given(r=rates, n=npers, p=amounts, v=amounts, w=whens)
    def test_matches_numpy_financial(self, r, n, p, v, w):
        npf = _npf()
        assert _close(fv(r, n, p, v, w), npf.fv(r, n, p, v, w), abs_=1e-4)


class TestPv:
    def test_known(self):
        assert round(pv(0.07, 20, 12000, 0), 2) == -127128.17

    def test_known_decimal(self):
        assert pv(Decimal("0.07"), Decimal("20"), Decimal("12000"), Decimal("0")) == Decimal(
            "-127128.1709461939327295222005"
        )

    @given(r=rates, n=npers, p=amounts, f=amounts, w=whens)
    def test_matches_numpy_financial(self, r, n, p, f, w):
        npf = _npf()
        assert _close(pv(r, n, p, f, w), npf.pv(r, n, p, f, w), abs_=1e-4)


class TestPmt:
    def test_known(self):
        assert pmt(0.08 / 12, 5 * 12, 15000) == pytest.approx(-304.145914, rel=1e-7)
        assert pmt(0.0, 5 * 12, 15000) == -250.0
        assert pmt(0.075 / 12, 12 * 15, 200000) == pytest.approx(-1854.0247200054619, rel=1e-12)
        # numpy-financial's broadcast example, element by element.
        assert pmt(0.0, 12, 2000) == pytest.approx(-166.66667, rel=1e-7)
        assert pmt(0.8, 3, 20000) == pytest.approx(-19311.258, rel=1e-7)
        assert pmt(0.3, 12, 2000) == pytest.approx(-626.90814, rel=1e-7)

    def test_known_decimal(self):
        assert pmt(Decimal("0.08") / Decimal("12"), 5 * 12, 15000) == Decimal("-304.1459143262052370338701494")
        assert pmt(Decimal("0"), Decimal("60"), Decimal("15000")) == -250
        assert pmt(Decimal("0"), Decimal("12"), Decimal("2000")) == Decimal("-166.6666666666666666666666667")
        assert pmt(Decimal("0.8"), Decimal("3"), Decimal("20000")) == Decimal("-19311.25827814569536423841060")
        assert pmt(Decimal("0.3"), Decimal("12"), Decimal("2000")) == Decimal("-626.9081401700757748402586600")

    def test_types(self):
        assert isinstance(pmt(0.01, 12, 1000), float)
        assert isinstance(pmt(Decimal("0.01"), 12, 1000), Decimal)
        assert isinstance(pmt(0.01, 12, Decimal(1000)), Decimal)  # any Decimal switches to Decimal

    def test_no_periods_is_nan(self):
        assert math.isnan(pmt(0.01, 0, 1000))
        assert pmt(Decimal("0.01"), 0, 1000).is_nan()

    @given(r=rates, n=npers, v=amounts, f=amounts, w=whens)
    def test_matches_numpy_financial(self, r, n, v, f, w):
        npf = _npf()
        assert _close(pmt(r, n, v, f, w), npf.pmt(r, n, v, f, w))

    @given(r=dec_rates, n=npers, v=dec_amounts, w=whens)
    def test_decimal_matches_numpy_financial_decimal(self, r, n, v, w):
        npf = _npf()
        assert _dclose(pmt(r, n, v, 0, w), npf.pmt(r, n, v, 0, w))


class TestIpmt:
    def test_known(self):
        assert round(ipmt(0.1 / 12, 1, 24, 2000), 2) == -16.67
        assert ipmt(0.1 / 12, 1, 24, 2000, 0, "begin") == 0

    def test_known_decimal(self):
        assert ipmt(Decimal("0.1") / Decimal("12"), 1, 24, 2000) == Decimal("-16.66666666666666666666666667")

    def test_numpy_financial_broadcast_values(self):
        # per = 1..4; per 0 and per 25 are outside the loan: NaN, as on numpy-financial's main branch
        expected = [-16.66666667, -16.03647345, -15.40102862, -14.76028842]
        for per, want in enumerate(expected, start=1):
            assert ipmt(0.1 / 12, per, 24, 2000) == pytest.approx(want, abs=1e-4)
        assert math.isnan(ipmt(0.1 / 12, 0, 24, 2000)) and math.isnan(ipmt(0.1 / 12, 25, 24, 2000))
        assert ipmt(Decimal("0.01"), 0, 24, 2000).is_nan()

    def test_amortisation_table(self):
        # numpy-financial's ipmt docstring: 2,500 over a year at 8.24 % a year.
        balance = 2500.0
        for per in range(1, 13):
            balance += ppmt(0.0824 / 12, per, 12, 2500)
        assert abs(balance) < 1e-9
        assert round(ipmt(0.0824 / 12, 1, 12, 2500), 2) == -17.17
        assert round(sum(ipmt(0.0824 / 12, p, 12, 2500) for p in range(1, 13)), 2) == -112.98

    @given(r=rates, n=npers, data=st.data(), v=amounts, f=amounts, w=whens)
    def test_matches_numpy_financial(self, r, n, data, v, f, w):
        npf = _npf()
        per = data.draw(st.integers(min_value=1, max_value=n))
        assert _close(ipmt(r, per, n, v, f, w), float(npf.ipmt(r, per, n, v, f, w)), abs_=_slack(r, per, v, f))


class TestPpmt:
    def test_known(self):
        assert round(ppmt(0.1 / 12, 1, 60, 55000), 2) == -710.25
        assert round(ppmt(0.23 / 12, 1, 60, 10000000000), 8) == pytest.approx(-90238044.232277036, abs=1e-6)

    def test_known_decimal(self):
        assert ppmt(Decimal("0.1") / Decimal("12"), Decimal("1"), Decimal("60"), Decimal("55000")) == Decimal(
            "-710.2541257864217612489830917"
        )
        assert ppmt(Decimal("0.23") / Decimal("12"), 1, 60, Decimal("10000000000")) == Decimal(
            "-90238044.2322778884413969909"
        )

    def test_numpy_financial_broadcast_values(self):
        expected = [-75.62318601, -76.25337923, -76.88882405, -77.52956425]
        for per, want in enumerate(expected, start=1):
            assert ppmt(0.1 / 12, per, 24, 2000) == pytest.approx(want, abs=1e-4)
        assert math.isnan(ppmt(0.1 / 12, 0, 24, 2000)) and math.isnan(ppmt(0.1 / 12, 25, 24, 2000))
        whens_ = [0, 1, "end", "begin"]
        expected = [-75.62318601, -75.62318601, -76.88882405, -76.88882405]
        for per, (w, want) in enumerate(zip(whens_, expected, strict=True), start=1):
            assert ppmt(0.1 / 12, per, 24, 2000, 0, w) == pytest.approx(want, abs=1e-4)

    @given(r=dec_rates, n=st.integers(min_value=1, max_value=120), v=dec_amounts, w=whens, data=st.data())
    def test_pmt_is_ipmt_plus_ppmt(self, r, n, v, w, data):
        per = data.draw(st.integers(min_value=1, max_value=n))
        assert _dclose(ipmt(r, per, n, v, 0, w) + ppmt(r, per, n, v, 0, w), pmt(r, n, v, 0, w))

    @given(r=dec_rates, n=st.integers(min_value=1, max_value=60), v=dec_amounts, w=whens)
    def test_principal_parts_repay_the_loan(self, r, n, v, w):
        total = sum(ppmt(r, per, n, v, 0, w) for per in range(1, n + 1))
        assert abs(total + v) <= Decimal("1e-15") * max(1, abs(v))

    @given(r=rates, n=npers, data=st.data(), v=amounts, w=whens)
    def test_matches_numpy_financial(self, r, n, data, v, w):
        npf = _npf()
        per = data.draw(st.integers(min_value=1, max_value=n))
        assert _close(ppmt(r, per, n, v, 0, w), float(npf.ppmt(r, per, n, v, 0, w)), abs_=_slack(r, per, v, 0))


class TestNper:
    def test_known(self):
        assert round(nper(0.075, -2000, 0, 100000.0), 2) == 21.54
        assert round(nper(0.0, -2000, 0, 100000.0), 1) == 50.0
        assert round(nper(0.07 / 12, -150, 8000), 5) == 64.07335
        assert nper(0.075, -2000, 0, 100000.0, 1) == pytest.approx(20.76156441, abs=1e-6)

    def test_zero_rate_is_balance_over_payment(self):
        # numpy-financial 1.0.0 returns (pv - fv) / pmt here; the annuity equation says -(fv + pv) / pmt.
        assert nper(0, -100, 1000) == 10.0
        assert nper(Decimal(0), Decimal(-100), Decimal(1000), Decimal(-200)) == 8

    def test_never_paid_off_is_nan(self):
        assert math.isnan(nper(0.01, -50, 10000))  # 50 a month does not cover 100 of interest
        assert nper(Decimal("0.01"), Decimal("-50"), Decimal("10000")).is_nan()

    @given(
        r=dec_rates, n=st.integers(min_value=1, max_value=240), v=st.decimals(min_value=1, max_value=10**6, places=2)
    )
    def test_inverts_pmt(self, r, n, v):
        # (well within; a long loan at a high rate is ill-conditioned: payment ~ interest)
        assert abs(nper(r, pmt(r, n, v), v) - n) < Decimal("1e-9")

    @given(
        r=st.floats(min_value=1e-4, max_value=0.2),
        p=st.floats(min_value=-1e5, max_value=-1),
        v=st.floats(min_value=0, max_value=1e6),
        f=st.floats(min_value=-1e5, max_value=1e5),
        w=whens,
    )
    def test_matches_numpy_financial(self, r, p, v, f, w):
        npf = _npf()
        with __import__("numpy").errstate(all="ignore"):
            want = float(npf.nper(r, p, v, f, w))
        got = nper(r, p, v, f, w)
        if math.isfinite(want):
            assert _close(got, want, abs_=1e-6)
        else:
            assert math.isnan(got)


class TestRate:
    def test_known(self):
        assert round(rate(10, 0, -3500, 10000), 4) == 0.1107
        assert rate(10, 20, -3500, 10000, 1) == rate(10, 20, -3500, 10000, "begin")

    def test_known_decimal(self):
        assert rate(Decimal("10"), Decimal("0"), Decimal("-3500"), Decimal("10000")) == Decimal(
            "0.1106908537142689284704528100"
        )

    def test_no_convergence_is_nan(self):
        assert math.isnan(rate(12, 100, 1000, 1000))  # only money coming in: no rate
        assert math.isnan(rate(10, 0, -3500, 10000, maxiter=1))

    @given(
        r=st.floats(min_value=0.001, max_value=0.1),
        n=st.integers(min_value=2, max_value=120),
        v=st.floats(min_value=100, max_value=1e6),
        w=whens,
    )
    def test_recovers_the_rate_and_matches_numpy_financial(self, r, n, v, w):
        npf = _npf()
        p = float(npf.pmt(r, n, v, 0, w))
        want = float(npf.rate(n, p, v, 0, w))
        got = rate(n, p, v, 0, w)
        if math.isfinite(want):
            assert _close(got, want, rel=1e-9, abs_=1e-12)
        if not math.isnan(got):
            assert abs(got - r) < 1e-6


class TestNpv:
    def test_known(self):
        assert round(npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]), 2) == 122.89
        assert round(npv(0.08, [-40000, 5000, 8000, 12000, 30000]), 5) == 3065.22267

    def test_known_decimal(self):
        assert npv(Decimal("0.05"), [-15000, 1500, 2500, 3500, 4500, 6000]) == Decimal("122.894854950942692161628715")

    def test_first_value_is_not_discounted(self):
        assert npv(0.5, [100]) == 100
        assert npv(Decimal("0.5"), [0, 150]) == 100

    @given(r=st.floats(min_value=-0.5, max_value=1.0), values=st.lists(amounts, min_size=1, max_size=30))
    def test_matches_numpy_financial(self, r, values):
        npf = _npf()
        assert _close(npv(r, values), npf.npv(r, values), abs_=1e-3)


class TestIrr:
    def test_known(self):
        # numpy-financial's test_irr and docstring values.
        assert round(irr([-150000, 15000, 25000, 35000, 45000, 60000]), 4) == 0.0524
        assert round(irr([-100, 0, 0, 74]), 5) == -0.0955
        assert round(irr([-100, 39, 59, 55, 20]), 5) == 0.28095
        assert round(irr([-100, 100, 0, -7]), 5) == -0.0833
        assert round(irr([-100, 100, 0, 7]), 5) == 0.06206
        assert round(irr([-5, 10.5, 1, -8, 1]), 5) == 0.0886

    def test_no_solution_is_nan(self):
        assert math.isnan(irr([-1, -2, -3]))
        assert math.isnan(irr([1, 2, 3]))
        assert math.isnan(irr([]))
        assert math.isnan(irr([0, 0]))
        assert irr([Decimal(-1), Decimal(-2)]).is_nan()
        assert math.isnan(irr([-100, float("nan"), 120]))

    def test_npv_irr_congruence(self):
        flows = [-40000, 5000, 8000, 12000, 30000]
        assert abs(npv(irr(flows), flows)) < 1e-9

    def test_pboc_example(self):
        """PBoC announcement [2021] No. 3: 100,000 lent, 1,000 fee up front, 12 x 8,833.3:
        about 12.80 % (monthly IRR x 12) and 13.58 % (compounded); calculators/installment_apr.py, reference [1]."""
        r = irr([Decimal(-99000)] + [Decimal("8833.3")] * 12)
        assert isinstance(r, Decimal)
        assert (r * 12).quantize(Decimal("0.0001")) == Decimal("0.1280")
        assert ((1 + r) ** 12 - 1).quantize(Decimal("0.0001")) == Decimal("0.1358")

    def test_zero_rate_is_exact(self):
        assert irr([Decimal(-300), Decimal(100), Decimal(100), Decimal(100)]) == 0
        assert irr([-300, 100, 100, 100]) == 0.0

    def test_decimal_precision(self):
        r = irr([Decimal(-100), Decimal(110)])
        assert r == Decimal("0.1")
        r = irr([Decimal(-1), Decimal(0), Decimal(2)])  # (1 + r)^2 = 2
        assert abs(r - (Decimal(2).sqrt() - 1)) < Decimal("1e-27")

    def test_picks_the_root_closest_to_zero(self):
        # (1+r)^-1 roots: flows -1, 2.5, -1.5 ... roots r = 0 and r = 0.5 -> 0 (closest to zero)
        assert irr([-1, 2.5, -1.5]) == pytest.approx(0.0, abs=1e-12)
        assert irr([-100, 230, -132]) == pytest.approx(0.1, abs=1e-12)  # roots 0.1 and 0.2

    @given(
        flows=st.lists(st.decimals(min_value=-(10**6), max_value=10**6, places=2), min_size=2, max_size=25),
    )
    def test_is_a_root(self, flows):
        r = irr(flows)
        assume(not r.is_nan())
        assert r > -1
        scale = sum(abs(x) for x in flows)
        assert abs(npv(r, flows)) <= Decimal("1e-18") * scale / min(1, (1 + r) ** (len(flows) - 1))

    @given(
        out=st.integers(min_value=1, max_value=10**7),
        back=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=60),
    )
    def test_conventional_flows_match_numpy_financial(self, out, back):
        """One outflow, then repayments: exactly one IRR, which both must find."""
        npf = _npf()
        assume(any(back))
        flows = [-out] + back
        assert _close(irr(flows), npf.irr(flows), rel=1e-8, abs_=1e-10)

    @given(flows=st.lists(st.integers(min_value=-1000, max_value=1000), min_size=2, max_size=10))
    def test_any_flows_match_numpy_financial(self, flows):
        npf = _npf()
        import numpy

        with numpy.errstate(all="ignore"):
            try:
                want = npf.irr(flows)
            except numpy.linalg.LinAlgError:
                return
        got = irr(flows)
        if math.isnan(want):
            # numpy.roots sometimes returns a real root with a tiny imaginary part and
            # numpy-financial then drops it; where we find one, it must really be a root.
            if not math.isnan(got):
                assert abs(npv(got, flows)) < 1e-6 * sum(map(abs, flows)) / min(1, (1 + got) ** len(flows))
            return
        assert not math.isnan(got)
        if not _close(got, want, rel=1e-7, abs_=1e-9):
            # A different root at the same distance from zero (numerically), or a multiple
            # root numpy splits: ours must still be a root and at least as close to zero.
            assert abs(npv(got, flows)) < 1e-6 * sum(map(abs, flows))
            assert abs(got) <= abs(want) + 1e-7


def _irr_bisecting_all_the_way(flows):
    """irr() without the shortcut to the last bracket: the bisection alone, step by step."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(finance, "_jump_to_last_bracket", lambda *args: None)
        return irr(flows)


def _instalment_flows(principal: Decimal, periods: int, fee_rate: Decimal, upfront: bool) -> list:
    each = (principal / periods).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    fee = (principal * fee_rate).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    last = principal - each * (periods - 1)
    if upfront:
        return [-(principal - fee * periods)] + [each] * (periods - 1) + [last]
    return [-principal] + [each + fee] * (periods - 1) + [last + fee]


class TestIrrShortcut:
    """The Newton guess that jumps to the bisection's last bracket changes no digit of irr()."""

    EDGES = [
        [Decimal(-300), Decimal(100), Decimal(100), Decimal(100)],  # rate exactly 0 (a fee-free plan)
        [Decimal(-1), Decimal(2)],  # 1 / (1 + r) = 1/2 exactly
        [Decimal(-4), Decimal(0), Decimal(1)],  # r = -0.5
        [Decimal(-1), Decimal(0), Decimal(0), Decimal(8)],  # r = 1
        [Decimal(-1), Decimal(0), Decimal(2)],  # an irrational root
        [Decimal("-0.01")] + [Decimal("0.01")] * 60,  # the smallest amounts, 60 periods
        [Decimal("-10000000")] + [Decimal("9999999.99")],  # a rate just below zero
        [Decimal(-1), Decimal(-2)],  # no root
        [-100, 39, 59, 55, 20],  # floats
        [-1, 2.5, -1.5],  # two roots, one exactly 0
        [-1e-300, 1e300],  # beyond any float
    ]

    @pytest.mark.parametrize("flows", EDGES, ids=range(len(EDGES)))
    def test_edge_cases(self, flows):
        assert repr(irr(flows)) == repr(_irr_bisecting_all_the_way(flows))

    @given(
        principal=st.decimals(min_value=1, max_value=10**7, places=2),
        periods=st.integers(min_value=1, max_value=60),
        fee_rate=st.decimals(min_value=0, max_value=Decimal("0.05"), places=4),
        upfront=st.booleans(),
    )
    def test_instalment_flows(self, principal, periods, fee_rate, upfront):
        flows = _instalment_flows(principal, periods, fee_rate, upfront)
        assume(flows[0] < 0)
        assert repr(irr(flows)) == repr(_irr_bisecting_all_the_way(flows))

    @given(flows=st.lists(st.decimals(min_value=-(10**6), max_value=10**6, places=2), min_size=2, max_size=25))
    def test_any_flows(self, flows):
        assert repr(irr(flows)) == repr(_irr_bisecting_all_the_way(flows))

    def test_instalment_flows_take_the_shortcut(self, monkeypatch):
        """Ordinary plans are found by the guess (the bisection is the fallback, not the rule)."""
        found = []
        jump = finance._jump_to_last_bracket
        monkeypatch.setattr(finance, "_jump_to_last_bracket", lambda *a: found.append(jump(*a)) or found[-1])
        for periods in (1, 3, 12, 24, 60):
            for fee_rate in ("0", "0.0075", "0.05"):
                irr(_instalment_flows(Decimal("10000"), periods, Decimal(fee_rate), False))
        assert found and all(x is not None for x in found)


def test_rate_accepts_a_decimal_guess_and_tolerance():
    """Issue 13: a Decimal guess or tolerance switched nothing and raised TypeError."""
    r = rate(10, 0, -3500, 10000, guess=Decimal("0.05"), tol=Decimal("1e-10"))
    assert isinstance(r, Decimal) and abs(r - Decimal("0.1106908537")) < Decimal("1e-9")


def test_irr_beyond_any_float_is_infinite_not_an_overflow_error():
    assert irr([-1e-300, 1e300]) == math.inf
