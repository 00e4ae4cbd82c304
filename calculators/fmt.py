"""Display formatting of money and rates, in the page's language.

Conventions
-----------
- Money is shown to the fen with thousands separators, rounded half-up:
  ``1234.5`` -> ``"1,234.50 元"`` (zh) or ``"¥1,234.50"`` (en).
- Rates are fractions in, percent out: ``Decimal("0.128")`` -> ``"12.80%"``, rounded half-up.
- Values are ``Decimal`` (or int); a float is refused so that no binary fraction reaches a
  figure a reader sees.

>>> from decimal import Decimal
>>> yuan(Decimal("1234.5"), "zh")
'1,234.50 元'
>>> yuan(Decimal("-8"), "en")
'-¥8.00'
>>> pct(Decimal("0.12798"), "zh")
'12.80%'
>>> pct(Decimal("0.0005"), "en", places=3)
'0.050%'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["yuan", "pct", "number", "to_decimal", "count", "MONTHS_EN"]

#: English month names, for dates written out in English ("1 January 2027"); not locale-dependent.
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

LANGS = ("zh", "en")


def to_decimal(value) -> Decimal:
    """Return ``value`` as a Decimal; ints and Decimal-like strings pass, floats are an error."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"refusing {type(value).__name__} {value!r}: pass a Decimal or a string")
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def _grouped(value: Decimal, places: int) -> str:
    if type(value) is Decimal:
        # Every money figure is already to the fen: nothing to round, and often nothing to group.
        # Read from str(value), several times quicker than as_tuple() (this runs on every figure
        # and table cell of every keystroke): a finite Decimal whose exponent is -places is written
        # plainly with exactly places digits after the point, and any other one is not.
        s = str(value)
        if "E" not in s and value.is_finite() and (s[-places - 1 : -places] == "." if places else "." not in s):
            whole = len(s) - (places + 1 if places else 0) - (s[0] == "-")
            return s if whole <= 3 else f"{value:,.{places}f}"
    quantum = Decimal(1).scaleb(-places)
    rounded = to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{rounded:,.{places}f}"


def number(value, places: int = 2) -> str:
    """A plain grouped number: ``number(Decimal("12000"), 0) == "12,000"``."""
    return _grouped(value, places)


def yuan(value, lang: str = "zh", places: int = 2) -> str:
    """Money in yuan, to the fen, in the page's language (no sign on an amount that rounds to 0).

    >>> yuan(Decimal("-0.001"), "en")
    '¥0.00'
    """
    amount = to_decimal(value)
    text = _grouped(abs(amount), places)
    sign = "-" if amount < 0 and text.strip("0.,") else ""
    return f"{sign}¥{text}" if lang == "en" else f"{sign}{text} 元"


def pct(value, lang: str = "zh", places: int = 2) -> str:
    """A rate given as a fraction, shown in percent (the same in both languages)."""
    return f"{_grouped(to_decimal(value) * 100, places)}%"


def count(n: int, one: str, many: str) -> str:
    """An English count with the right noun: ``count(1, "month", "months") == "1 month"``.

    >>> count(1, "month", "months"), count(3, "month", "months")
    ('1 month', '3 months')
    """
    return f"{n} {one if n == 1 else many}"
