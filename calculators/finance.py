"""Time-value-of-money functions: numpy-financial's semantics, scalars only, Decimal-aware.

Pure Python (no NumPy), so the same code runs on the server and in Pyodide.
The functions follow `numpy-financial <https://numpy.org/numpy-financial/>`_
1.0: same names, same argument order, same sign convention (money you receive
is positive, money you pay is negative), ``when`` is ``"end"`` (or ``0``,
the default) or ``"begin"`` (or ``1``), periods ``per`` are 1-based, and in
cash-flow lists ``values[0]`` happens at ``t = 0``.

Differences from numpy-financial:

* Scalars only: no broadcasting over arrays.
* Every function accepts ``Decimal``, ``int`` or ``float``. If any argument
  is a ``Decimal``, the whole computation is done in ``Decimal`` (floats are
  converted with ``Decimal(repr(x))``), at the current context's precision
  but never fewer than 28 significant digits, and the result is a
  ``Decimal``. Otherwise the result is a ``float``.
* Where there is no solution, the result is NaN (``float("nan")``, or
  ``Decimal("NaN")`` in Decimal mode; ``math.isnan`` works on both) instead
  of a NumPy warning. A division by zero (``nper == 0`` in :func:`pmt`) is a
  NaN as well.
* :func:`irr` isolates the real roots of the NPV polynomial exactly (Descartes'
  rule of signs with bisection, on integers) instead of calling
  ``numpy.roots``; like numpy-financial it returns the root closest to zero,
  and it works in Decimal.
* :func:`nper` with ``rate == 0`` returns ``-(fv + pv) / pmt`` (numpy-financial
  1.0.0 returns ``(pv - fv) / pmt`` there, which is wrong unless ``pv == 0``).

Conventions
-----------
``rate`` is per period, as a fraction (``Decimal("0.0075")`` is 0.75 % a
period). Nothing here rounds to the fen: the calculators do that.

References
----------
.. [1] numpy-financial 1.0.0, ``numpy_financial/_financial.py``;
   https://numpy.org/numpy-financial/latest/
.. [2] Wheeler, D. A., E. Rathke and R. Weir (eds.) (2009). OpenDocument
   v1.2, Part 2: Recalculated Formula (OpenFormula) Format, OASIS (the
   annuity equation used by pmt/ipmt/ppmt/nper/rate/fv/pv).
.. [3] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed.,
   Addison-Wesley, 2003, p. 348 (IRR).
.. [4] A. G. Akritas, "Elements of Computer Algebra with Applications",
   Wiley, 1989 (Vincent-Collins-Akritas real-root isolation with
   Descartes' rule of signs, used by :func:`irr`).

Examples
--------
>>> from decimal import Decimal
>>> round(pmt(0.075 / 12, 12 * 15, 200000), 6)
-1854.02472
>>> pmt(Decimal("0.08") / 12, 60, 15000)
Decimal('-304.1459143262052370338701494')
>>> irr([Decimal("-99000")] + [Decimal("8833.3")] * 12).quantize(Decimal("0.000001"))
Decimal('0.010670')
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from fractions import Fraction

__all__ = ["fv", "pv", "pmt", "ipmt", "ppmt", "nper", "rate", "irr", "npv"]

#: The spellings numpy-financial accepts for ``when``.
_WHEN = {"end": 0, "e": 0, "finish": 0, "begin": 1, "b": 1, "beginning": 1, "start": 1}


def _when(when) -> int:
    """``when`` as 0 (end) or 1 (begin), with numpy-financial's spellings.

    >>> [_when(w) for w in ("end", "e", "finish", 0, "begin", "b", "beginning", "start", 1)]
    [0, 0, 0, 0, 1, 1, 1, 1, 1]
    """
    if isinstance(when, bool):
        raise ValueError("when must be 'end', 'begin', 0 or 1")
    if isinstance(when, str) and when in _WHEN:
        return _WHEN[when]
    if isinstance(when, (int, Decimal, float)) and when in (0, 1):
        return int(when)
    raise ValueError("when must be 'end' ('e', 'finish', 0) or 'begin' ('b', 'beginning', 'start', 1)")


def _is_dec(*args) -> bool:
    return any(isinstance(a, Decimal) for a in args)


def _D(x) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, float):
        return Decimal(repr(x))
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError(f"expected a number, got {type(x).__name__}")


def _F(x) -> float:
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    raise TypeError(f"expected a number, got {type(x).__name__}")


def _ctx() -> decimal.Context:
    """A copy of the current context with at least 28 digits and safe traps."""
    ctx = decimal.getcontext().copy()
    ctx.prec = max(ctx.prec, 28)
    ctx.traps[decimal.InvalidOperation] = True
    ctx.traps[decimal.DivisionByZero] = True
    ctx.traps[decimal.Overflow] = True
    return ctx


def _nan(dec: bool):
    return Decimal("NaN") if dec else float("nan")


def _prep(args: tuple):
    """(dec_mode, converted args)."""
    dec = _is_dec(*args)
    return dec, tuple(_D(a) if dec else _F(a) for a in args)


def _fv(rate, nper, pmt_, pv_, w):
    temp = (1 + rate) ** nper
    fact = nper if rate == 0 else (1 + rate * w) * (temp - 1) / rate
    return -(pv_ * temp + pmt_ * fact)


def _pmt(rate, nper, pv_, fv_, w):
    temp = (1 + rate) ** nper
    if rate == 0:
        fact = nper
    else:
        fact = (1 + rate * w) * (temp - 1) / rate
    return -(fv_ + pv_ * temp) / fact


def _guard(dec: bool, fn):
    """Run ``fn`` (in a Decimal context if ``dec``); NaN on arithmetic failure."""
    try:
        if dec:
            with decimal.localcontext(_ctx()):
                out = fn()
                return +out
        out = fn()
        if isinstance(out, complex):
            return float("nan")
        return out
    except (
        ZeroDivisionError,
        OverflowError,
        ValueError,
        decimal.InvalidOperation,
        decimal.DivisionByZero,
        decimal.Overflow,
    ):
        return _nan(dec)


def fv(rate, nper, pmt, pv, when="end"):
    """Future value: the balance after ``nper`` periods.

    Solves ``fv + pv*(1+rate)**nper + pmt*(1+rate*when)/rate*((1+rate)**nper - 1) = 0``
    (or ``fv + pv + pmt*nper = 0`` when ``rate == 0``) for ``fv``.

    Parameters
    ----------
    rate : Decimal, int or float
        Interest rate per period (a fraction).
    nper : Decimal, int or float
        Number of periods.
    pmt : Decimal, int or float
        Payment each period.
    pv : Decimal, int or float
        Present value.
    when : {"end", "begin", 0, 1}, optional
        Payments at the end (default) or the beginning of each period.

    Returns
    -------
    Decimal or float

    References
    ----------
    numpy-financial 1.0.0 ``fv``; OpenFormula (OASIS 2009).

    Examples
    --------
    >>> fv(0.075, 20, -2000, 0, 0)
    86609.36267304292
    >>> fv(Decimal("0.075"), 20, -2000, 0)
    Decimal('86609.36267304300040536731624')
    """
    w = _when(when)
    dec, (r, n, p, v) = _prep((rate, nper, pmt, pv))
    return _guard(dec, lambda: _fv(r, n, p, v, w))


def pv(rate, nper, pmt, fv=0, when="end"):
    """Present value of a series of payments.

    Parameters
    ----------
    rate, nper, pmt, fv : Decimal, int or float
        Rate per period, number of periods, payment, future value (default 0).
    when : {"end", "begin", 0, 1}, optional

    Returns
    -------
    Decimal or float

    References
    ----------
    numpy-financial 1.0.0 ``pv``; OpenFormula (OASIS 2009).

    Examples
    --------
    >>> round(pv(0.07, 20, 12000), 2)
    -127128.17
    >>> pv(Decimal("0.07"), Decimal("20"), Decimal("12000"), Decimal("0"))
    Decimal('-127128.1709461939327295222005')
    """
    w = _when(when)
    dec, (r, n, p, f) = _prep((rate, nper, pmt, fv))

    def calc():
        temp = (1 + r) ** n
        fact = n if r == 0 else (1 + r * w) * (temp - 1) / r
        return -(f + p * fact) / temp

    return _guard(dec, calc)


def pmt(rate, nper, pv, fv=0, when="end"):
    """The fixed payment each period that pays off ``pv`` (to ``fv``) in ``nper`` periods.

    Solves ``fv + pv*(1+rate)**nper + pmt*(1+rate*when)/rate*((1+rate)**nper - 1) = 0``
    for ``pmt`` (``fv + pv + pmt*nper = 0`` when ``rate == 0``).

    Parameters
    ----------
    rate : Decimal, int or float
        Interest rate per period (a fraction).
    nper : Decimal, int or float
        Number of periods.
    pv : Decimal, int or float
        Present value (the amount borrowed, positive).
    fv : Decimal, int or float, optional
        Future value (default 0).
    when : {"end", "begin", 0, 1}, optional
        Payments at the end (default) or the beginning of each period.

    Returns
    -------
    Decimal or float
        The payment; negative for a positive ``pv`` (money paid out). NaN
        when ``nper == 0``.

    References
    ----------
    numpy-financial 1.0.0 ``pmt``; OpenFormula (OASIS 2009).

    Examples
    --------
    >>> round(pmt(0.08 / 12, 5 * 12, 15000), 6)
    -304.145914
    >>> pmt(0, 60, 15000)
    -250.0
    >>> pmt(Decimal("0.08") / Decimal("12"), 60, 15000)
    Decimal('-304.1459143262052370338701494')
    """
    w = _when(when)
    dec, (r, n, v, f) = _prep((rate, nper, pv, fv))
    return _guard(dec, lambda: _pmt(r, n, v, f, w))


def ipmt(rate, per, nper, pv, fv=0, when="end"):
    """Interest part of the payment in period ``per`` (1-based).

    ``pmt == ipmt + ppmt`` in every period. With ``when="begin"`` the first
    period's interest is 0. A ``per`` outside ``1..nper`` gives NaN, as on
    numpy-financial's main branch (1.0.0 evaluated the formula anyway).

    Parameters
    ----------
    rate, per, nper, pv, fv : Decimal, int or float
        Rate per period, the period (1 = first), number of periods, present
        value, future value (default 0).
    when : {"end", "begin", 0, 1}, optional

    Returns
    -------
    Decimal or float

    References
    ----------
    numpy-financial 1.0.0 ``ipmt``.

    Examples
    --------
    >>> round(ipmt(0.1 / 12, 1, 24, 2000), 2)
    -16.67
    >>> ipmt(Decimal("0.1") / Decimal("12"), 1, 24, 2000)
    Decimal('-16.66666666666666666666666667')
    >>> import math; math.isnan(ipmt(0.01, 0, 24, 2000)), math.isnan(ipmt(0.01, 25, 24, 2000))
    (True, True)
    """
    w = _when(when)
    dec, (r, k, n, v, f) = _prep((rate, per, nper, pv, fv))
    return _guard(dec, lambda: _ipmt(r, k, n, v, f, w, dec))


def _ipmt(r, k, n, v, f, w, dec):
    """The interest part (shared by :func:`ipmt` and :func:`ppmt`); NaN outside ``1..nper``."""
    if k < 1 or k > n:
        return _nan(dec)
    total = _pmt(r, n, v, f, w)
    out = _fv(r, k - 1, total, v, w) * r
    if w == 1:
        out = 0 * out if k == 1 else out / (1 + r)
    return out


def ppmt(rate, per, nper, pv, fv=0, when="end"):
    """Principal part of the payment in period ``per`` (1-based): ``pmt - ipmt`` (NaN outside ``1..nper``).

    Parameters
    ----------
    rate, per, nper, pv, fv : Decimal, int or float
    when : {"end", "begin", 0, 1}, optional

    Returns
    -------
    Decimal or float

    References
    ----------
    numpy-financial 1.0.0 ``ppmt``.

    Examples
    --------
    >>> round(ppmt(0.1 / 12, 1, 60, 55000), 2)
    -710.25
    >>> ppmt(Decimal("0.1") / Decimal("12"), Decimal("1"), Decimal("60"), Decimal("55000"))
    Decimal('-710.2541257864217612489830917')
    """
    w = _when(when)
    dec, (r, k, n, v, f) = _prep((rate, per, nper, pv, fv))
    return _guard(dec, lambda: _pmt(r, n, v, f, w) - _ipmt(r, k, n, v, f, w, dec))


def nper(rate, pmt, pv, fv=0, when="end"):
    """Number of periods needed to pay off ``pv`` with payments ``pmt``.

    Solves ``fv + pv*(1+rate)**nper + pmt*(1+rate*when)/rate*((1+rate)**nper - 1) = 0``
    for ``nper``; ``-(fv + pv) / pmt`` when ``rate == 0``.

    Parameters
    ----------
    rate, pmt, pv, fv : Decimal, int or float
    when : {"end", "begin", 0, 1}, optional

    Returns
    -------
    Decimal or float
        NaN when the payment never pays the balance off (it does not even
        cover the interest) or when ``pmt == 0``.

    References
    ----------
    numpy-financial 1.0.0 ``nper``.

    Examples
    --------
    >>> round(nper(0.07 / 12, -150, 8000), 5)
    64.07335
    >>> nper(0, -2000, 0, 100000)
    50.0
    >>> import math; math.isnan(nper(0.01, -50, 10000))
    True
    """
    w = _when(when)
    dec, (r, p, v, f) = _prep((rate, pmt, pv, fv))

    def calc():
        if r == 0:
            return -(f + v) / p
        z = p * (1 + r * w) / r
        a = (-f + z) / (v + z)
        if a <= 0 or 1 + r <= 0:
            return _nan(dec)
        if dec:
            return a.ln() / (1 + r).ln()
        return math.log(a) / math.log(1 + r)

    return _guard(dec, calc)


def rate(nper, pmt, pv, fv, when="end", guess=None, tol=None, maxiter=100):
    """Interest rate per period, by Newton's method (as numpy-financial 1.0.0).

    Iterates ``r <- r - g(r)/g'(r)`` on
    ``g(r) = fv + pv*(1+r)**nper + pmt*(1+r*when)/r*((1+r)**nper - 1)`` from
    ``guess`` until two iterates differ by less than ``tol``.

    Parameters
    ----------
    nper, pmt, pv, fv : Decimal, int or float
    when : {"end", "begin", 0, 1}, optional
    guess : Decimal or float, optional
        Starting point, default 0.1.
    tol : Decimal or float, optional
        Convergence tolerance, default 1e-6.
    maxiter : int, optional
        Maximum number of iterations, default 100.

    Returns
    -------
    Decimal or float
        NaN if Newton's method does not converge within ``maxiter`` steps
        (no solution, or a starting point too far away).

    References
    ----------
    numpy-financial 1.0.0 ``rate``; OpenFormula (OASIS 2009).

    Examples
    --------
    >>> round(rate(10, 0, -3500, 10000), 4)
    0.1107
    >>> rate(Decimal("10"), Decimal("0"), Decimal("-3500"), Decimal("10000"))
    Decimal('0.1106908537142689284704528100')
    """
    w = _when(when)
    # A Decimal anywhere (a guess or tolerance included) means Decimal arithmetic throughout.
    dec = _is_dec(nper, pmt, pv, fv, guess, tol)
    guess = (Decimal("0.1") if dec else 0.1) if guess is None else guess
    tol = (Decimal("1e-6") if dec else 1e-6) if tol is None else tol
    n, p, v, f, rn, eps = (_D(x) if dec else _F(x) for x in (nper, pmt, pv, fv, guess, tol))

    def g_div_gp(r):
        t1 = (r + 1) ** n
        t2 = (r + 1) ** (n - 1)
        g = f + t1 * v + p * (t1 - 1) * (r * w + 1) / r
        # All float or all Decimal (``dec``), never mixed; mypy sees each name as float | Decimal.
        gp = n * t2 * v - p * (t1 - 1) * (r * w + 1) / (r**2) + n * p * t2 * (r * w + 1) / r + p * (t1 - 1) * w / r  # type: ignore[operator]
        return g / gp

    def calc():
        r = rn
        for _ in range(int(maxiter)):
            step = g_div_gp(r)
            if isinstance(step, complex):
                return _nan(dec)
            rnp1 = r - step
            close = abs(rnp1 - r) < eps
            r = rnp1
            if close:
                return r
        return _nan(dec)

    out = _guard(dec, calc)
    if not dec and isinstance(out, float) and not math.isfinite(out):
        return float("nan")
    return out


def npv(rate, values):
    """Net present value of cash flows ``values`` (``values[0]`` at t = 0).

    ``sum(values[t] / (1 + rate)**t for t in range(len(values)))``.

    Parameters
    ----------
    rate : Decimal, int or float
        Discount rate per period.
    values : sequence of Decimal, int or float
        Cash flows, the first one now.

    Returns
    -------
    Decimal or float

    References
    ----------
    numpy-financial 1.0.0 ``npv``.

    Examples
    --------
    >>> round(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), 5)
    3065.22267
    >>> npv(Decimal("0.05"), [-15000, 1500, 2500, 3500, 4500, 6000]).quantize(Decimal("0.01"))
    Decimal('122.89')
    """
    values = list(values)
    dec = _is_dec(rate, *values)
    r = _D(rate) if dec else _F(rate)
    vals = [_D(x) if dec else _F(x) for x in values]

    def calc():
        total = 0 * r
        for t, x in enumerate(vals):
            total += x / (1 + r) ** t  # type: ignore[operator]  # all float or all Decimal (``dec``)
        return total

    return _guard(dec, calc)


# --------------------------------------------------------------------------------------
# irr: exact real-root isolation of the NPV polynomial
# --------------------------------------------------------------------------------------

#: Deepest bisection while isolating roots (interval width bound/2**_MAX_DEPTH);
#: a cluster still unresolved there (a multiple root) is taken at its midpoint.
_MAX_DEPTH = 80


def _sign_changes(c) -> int:
    n, last = 0, 0
    for x in c:
        if x:
            s = 1 if x > 0 else -1
            if last and s != last:
                n += 1
            last = s
    return n


def _taylor_shift1(c):
    """Coefficients (lowest degree first) of Q(x + 1) for Q with coefficients ``c``."""
    a = list(c)
    n = len(a) - 1
    for i in range(n):
        for j in range(n - 1, i - 1, -1):
            a[j] += a[j + 1]
    return a


def _descartes_01(c) -> int:
    """Upper bound (exact when 0 or 1) on the number of roots of Q in (0, 1)."""
    return _sign_changes(_taylor_shift1(c[::-1]))


def _isolate(c):
    """Isolate the positive roots of the integer polynomial ``c`` (lowest degree first).

    ``c[0] != 0`` and the top coefficient is non-zero. Returns a list of
    ``(lo, hi)`` Fractions each holding exactly one root (``lo == hi`` for
    a root found exactly).
    """
    n = len(c) - 1
    if n < 1 or _sign_changes(c) == 0:
        return []
    # Cauchy's bound: every root has |x| < 1 + max|c_i| / |c_n|; round up to 2**k.
    top = abs(c[-1])
    bound = 1 + max(abs(x) for x in c[:-1]) // top + 1
    k = max(bound - 1, 1).bit_length()
    scale = 1 << k
    # Q(x) = P(scale * x): roots of P in (0, scale) <-> roots of Q in (0, 1).
    q = [x << (k * i) for i, x in enumerate(c)]
    out = []
    stack = [(q, 0, 0)]  # (polynomial on (0,1), numerator a, depth): interval (a, a+1) / 2**depth
    while stack:
        poly, a, d = stack.pop()
        v = _descartes_01(poly)
        if v == 0:
            continue
        lo = Fraction(a * scale, 1 << d)
        hi = Fraction((a + 1) * scale, 1 << d)
        if v == 1:
            out.append((lo, hi))
            continue
        if d >= _MAX_DEPTH:
            mid = (lo + hi) / 2
            out.append((mid, mid))
            continue
        m = len(poly) - 1
        left = [x << (m - i) for i, x in enumerate(poly)]  # 2**m * poly(x / 2)
        right = _taylor_shift1(left)  # left(x + 1)
        if right[0] == 0:  # the midpoint is an exact root
            mid = Fraction((2 * a + 1) * scale, 1 << (d + 1))
            out.append((mid, mid))
            right = right[1:]
            while len(right) > 1 and right[-1] == 0:  # pragma: no cover - top stays non-zero
                right.pop()
        stack.append((left, 2 * a, d + 1))
        stack.append((right, 2 * a + 1, d + 1))
    return out


def _eval_sign(c, num: int, den_bits: int) -> int:
    """Sign of P(num / 2**den_bits) for integer coefficients ``c``."""
    n = len(c) - 1
    s = c[n]
    for i in range(n - 1, -1, -1):
        s = s * num + (c[i] << (den_bits * (n - i)))
    return (s > 0) - (s < 0)


def _newton_guess(c, lo: Decimal, hi: Decimal, s_lo: int, digits: int):
    """The root of ``c`` in ``(lo, hi)`` to about ``digits`` digits, or None (only a guess).

    Newton's method in Decimal, safeguarded by bisection (``rtsafe`` in Numerical Recipes):
    a step that would leave the bracket, or is not half the one before the last, is a
    bisection instead. ``s_lo`` is the sign of the polynomial at ``lo``. The start is ``x = 1``
    (a rate of zero) when the bracket holds it, since the rates of money flows are small. It
    stops when the next correction, or the error left after two Newton steps in a row, is
    below ``10**-digits`` of ``x``. The caller checks the guess on exact integers.
    """
    ctx = decimal.Context(prec=digits + 10, traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
    with decimal.localcontext(ctx):
        coefficients = [Decimal(x) for x in reversed(c)]  # highest degree first
        tolerance = Decimal(10) ** -digits

        def value_and_slope(x: Decimal) -> tuple:
            value, slope = coefficients[0], Decimal(0)
            for coefficient in coefficients[1:]:
                slope = slope * x + value
                value = value * x + coefficient
            return value, slope

        x = Decimal(1) if lo < 1 < hi else (lo + hi) / 2
        step = step_before = hi - lo
        was_newton = False
        value, slope = value_and_slope(x)
        for _ in range(4 * digits + 200):
            if abs(value) <= tolerance * abs(x * slope):  # Newton's correction is below the tolerance
                return x
            if (value > 0) == (s_lo > 0):
                lo = x
            else:
                hi = x
            newton = x - value / slope if slope else None
            if newton is None or not lo < newton < hi or abs(2 * value) > abs(step_before * slope):
                step_before, step = step, (hi - lo) / 2
                x = lo + step
                was_newton = False
            else:
                step_before, step = step, x - newton
                x = newton
                # Two Newton steps in a row: the error left is about step**3 / step_before**2
                # (it squares at each step), so a step of 1e-30 after one of 1e-15 is done.
                if was_newton and abs(step * step * step) <= tolerance * abs(x) * step_before * step_before:
                    return x
                was_newton = True
            if abs(step) <= tolerance * abs(x):
                return x
            value, slope = value_and_slope(x)
    return None  # pragma: no cover - the bracket halves at worst, so this is not reached


def _jump_to_last_bracket(c, a0: int, b0: int, e0: int, s_a: int, bits: int):
    """What :func:`_refine`'s bisection returns, found without bisecting, or None.

    Bisecting ``(a0, b0) / 2**e0`` keeps the width ``w0 = b0 - a0`` over a growing power of two:
    at depth ``k`` the bracket is ``(a0 * 2**k + j * w0) / 2**(e0 + k)`` for the ``j`` whose
    interval holds the root, and the bisection stops at the first depth where
    ``w0 * 2**bits <= a0 * 2**k + j * w0`` (the bracket is narrow next to its left end; the left
    end never falls and the width halves, so once true it stays true). A Decimal guess of the
    root gives ``k`` and ``j``; signs of the polynomial on exact integers then confirm that the
    root is in that interval (or on its left end, where the bisection would have met it exactly),
    and that the depth before did not stop. The result is the same Fraction, bit for bit;
    anything unconfirmed returns None and the caller bisects as before.
    """
    w0 = b0 - a0
    digits = bits * 30103 // 100000 + 12  # bits in decimal digits, and some to spare
    scale = Decimal(1 << e0)
    try:
        guess = _newton_guess(c, Decimal(a0) / scale, Decimal(b0) / scale, s_a, digits)
    except ArithmeticError:  # pragma: no cover - the bisection takes over
        return None
    if guess is None or guess <= 0:  # pragma: no cover - the bisection takes over
        return None
    num, den = guess.as_integer_ratio()  # the guess is num / den, or num * 2**e0 / den in units of 2**-e0
    num <<= e0
    target = w0 << bits

    def index(k: int) -> int:  # j at depth k for the guess: floor((guess * 2**(e0 + k) - a0 * 2**k) / w0)
        return ((num - a0 * den) << k) // (w0 * den)

    def stops(k: int, j: int) -> bool:
        return (a0 << k) + j * w0 >= target

    k = max(0, target.bit_length() - num.bit_length() + den.bit_length() - 2)
    while k > 0 and stops(k - 1, index(k - 1)):
        k -= 1
    while not stops(k, index(k)):
        k += 1
        if k > 4 * bits + 4096:  # pragma: no cover - past the bisection's own limit
            return None
    if k == 0:
        return None  # the bisection stops at once: nothing to save
    j = index(k)
    if not 0 <= j < 1 << k:  # pragma: no cover - the guess left the bracket
        return None
    e = e0 + k
    s_j = _eval_sign(c, (a0 << k) + j * w0, e)
    exact = s_j == 0
    if not exact:
        step = 1 if s_j == s_a else -1  # which side of the guessed left end the root is on
        s_next = _eval_sign(c, (a0 << k) + (j + step) * w0, e)
        if s_next == 0:  # the root is exactly on the neighbouring grid point
            j, exact = j + step, True
        elif s_next == s_j:  # pragma: no cover - the guess is off by more than one interval
            return None
        elif step < 0:
            j -= 1
    if not (0 <= j < 1 << k and stops(k, j) and not stops(k - 1, j // 2)):
        return None  # the guessed depth was not the first to stop
    left = (a0 << k) + j * w0
    return Fraction(left, 1 << e) if exact else Fraction(2 * left + w0, 1 << (e + 1))


def _refine(c, lo: Fraction, hi: Fraction, bits: int) -> Fraction:
    """Bisect the bracket ``(lo, hi)`` of a simple root until it is narrow."""
    if lo == hi:
        return lo
    # Work with dyadic numerators over 2**e.
    e = max(lo.denominator.bit_length(), hi.denominator.bit_length()) - 1
    a = lo.numerator << (e - (lo.denominator.bit_length() - 1))
    b = hi.numerator << (e - (hi.denominator.bit_length() - 1))
    sa = _eval_sign(c, a, e)
    sb = _eval_sign(c, b, e)
    if sa == 0:
        return Fraction(a, 1 << e)
    if sb == 0:
        return Fraction(b, 1 << e)
    if sa == sb:  # pragma: no cover - isolation guarantees a sign change
        return (lo + hi) / 2
    jumped = _jump_to_last_bracket(c, a, b, e, sa, bits)
    if jumped is not None:
        return jumped
    for _ in range(4 * bits + 4096):
        # Stop when the bracket is narrow relative to its position.
        width = b - a
        if a > 0 and width * (1 << bits) <= a:
            break
        a, b, e = 2 * a, 2 * b, e + 1
        m = a + width  # the midpoint of the doubled bracket
        sm = _eval_sign(c, m, e)
        if sm == 0:
            return Fraction(m, 1 << e)
        if sm == sa:
            a = m
        else:
            b = m
    return Fraction(a + b, 1 << (e + 1))


def irr(values):
    """Internal rate of return: the rate per period at which ``npv(rate, values) == 0``.

    Finds the real solutions ``r > -1`` of ``sum(values[t] / (1 + r)**t) = 0``
    and, like numpy-financial, returns the one closest to zero.

    Parameters
    ----------
    values : sequence of Decimal, int or float
        Cash flows, ``values[0]`` at t = 0 (typically negative: money lent
        out; the repayments positive).

    Returns
    -------
    Decimal or float
        The IRR per period; ``Decimal`` (to the context precision, at least
        28 digits) when any value is a ``Decimal``, else ``float``. NaN when
        there is no solution (for example when all flows have the same sign).

    Notes
    -----
    With ``x = 1 / (1 + r)`` the equation is the polynomial
    ``sum(values[t] * x**t) = 0``; its positive roots are isolated exactly on
    integers (the values scaled to whole numbers) with Descartes' rule of
    signs and bisection (Vincent-Collins-Akritas), then each is bisected to
    the working precision. So there is no starting guess and no missed root
    for ordinary cash flows; a multiple root is found only approximately.
    The last bisection step is usually reached at once: a safeguarded Newton
    guess in Decimal names the final bracket and exact signs on integers
    confirm it, so the result is the bisection's to the last bit (and when
    the guess cannot be confirmed, the bisection runs step by step).
    numpy-financial 1.0.0 uses ``numpy.roots`` instead; the two agree to
    floating-point accuracy on well-conditioned flows.

    References
    ----------
    L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed., 2003,
    p. 348; numpy-financial 1.0.0 ``irr``; A. G. Akritas (1989).

    Examples
    --------
    >>> round(irr([-100, 39, 59, 55, 20]), 5)
    0.28095
    >>> round(irr([-100, 0, 0, 74]), 5)
    -0.0955
    >>> import math; math.isnan(irr([-1, -2, -3]))
    True

    The PBoC's example (announcement [2021] No. 3): lend 100,000 with a 1,000
    fee taken up front, repaid in 12 payments of 8,833.3 -> about 1.067 % a
    month:

    >>> irr([Decimal(-99000)] + [Decimal("8833.3")] * 12).quantize(Decimal("0.00001"))
    Decimal('0.01067')
    """
    values = list(values)
    dec = _is_dec(*values)
    try:
        exact = [(_D(x) if dec else _F(x)).as_integer_ratio() for x in values]  # (numerator, denominator)
    except (ValueError, OverflowError, TypeError):
        if any(isinstance(x, bool) or not isinstance(x, (int, float, Decimal)) for x in values):
            raise TypeError("irr(): values must be numbers") from None
        return _nan(dec)  # NaN or infinity among the values
    # Integer coefficients: multiply by the common denominator.
    den = 1
    for _, d in exact:
        den = den * d // math.gcd(den, d)
    c = [n * (den // d) for n, d in exact]
    while c and c[-1] == 0:
        c.pop()
    while c and c[0] == 0:  # a root at x = 0 means r = infinity: drop it
        c.pop(0)
    if len(c) < 2:
        return _nan(dec)
    g = 0
    for coefficient in c:
        g = math.gcd(g, coefficient)
    c = [x // g for x in c]
    prec = max(decimal.getcontext().prec, 28) if dec else 17
    bits = int((prec + 8) * 3.33) + 8
    roots = [_refine(c, lo, hi, bits) for lo, hi in _isolate(c)]
    roots = [x for x in roots if x > 0]
    if not roots:
        return _nan(dec)
    rates = [1 / x - 1 for x in roots]
    best = min(rates, key=abs)
    if not dec:
        try:
            return float(best)
        except OverflowError:  # a rate beyond any float, e.g. irr([-1e-300, 1e300])
            return math.inf if best > 0 else -math.inf
    with decimal.localcontext(_ctx()) as ctx:
        ctx.prec = prec + 6
        val = Decimal(best.numerator) / Decimal(best.denominator)
        ctx.prec = prec
        return +val
