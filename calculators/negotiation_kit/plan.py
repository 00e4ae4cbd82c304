"""The kit's numbers: what the reader can pay, its split across banks, one plan per bank.

Conventions
-----------
- **Capacity.** The monthly amount available for *all* card debts, as
  :func:`calculators.repayment_capacity.budget` computes it from income, essential
  spending and other debt payments (no buffer).
- **Split across banks (按欠款比例分配).** Each bank's share is capacity x that
  bank's debt / total card debt, rounded ROUND_HALF_UP to the fen; the rounding
  difference goes to the bank with the largest debt (the first such bank in the
  order entered), so the shares add up to the capacity exactly.
- **Plan asked for.** Interest-free, at most :data:`MAX_PERIODS` monthly payments
  (Article 70: 5 years), principal per month truncated to the fen with the
  remainder in the last month (:func:`calculators.negotiated_plan.negotiated_plan`).
- **Cost of doing nothing (typical assumptions, not any bank's terms).** 90 more
  days unpaid at 0.05 % a day compounded every 30 days, plus a 违约金 of 5 % of an
  unpaid minimum payment of 10 % of the balance at each missed due date (fact sheet B, [S]).
- **Money** is ``Decimal``, rounded ROUND_HALF_UP to the fen.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from .._bankdata import BANKS
from .._core import InputError, money
from ..negotiated_plan import MAX_PERIODS, negotiated_plan

__all__ = [
    "MAX_PERIODS",
    "BANK_IDS",
    "BANKS_BY_ID",
    "add_months",
    "bank_name",
    "bank_phone",
    "default_start",
    "split_capacity",
    "bank_plan",
    "doing_nothing_cost",
    "capacity",
    "months_too_long",
]

BANK_IDS = tuple(b for b, _ in BANKS)
BANKS_BY_ID = dict(BANKS)
ZERO = Decimal("0")

#: Typical assumptions for the cost of doing nothing (fact sheet B, [S]).
NOTHING_DAYS = 90
NOTHING_DAILY_RATE = Decimal("0.0005")
NOTHING_MIN_PAYMENT_RATE = Decimal("0.10")
NOTHING_LATE_FEE_RATE = Decimal("0.05")

ART70_ZH = "《商业银行信用卡业务监督管理办法》第七十条"
ART70_EN = (
    "Article 70 of the Measures on the Supervision and Administration of Credit Card Business "
    "of Commercial Banks (商业银行信用卡业务监督管理办法)"
)


def dec(x) -> Decimal:
    """``x`` as a Decimal; a float is refused (money never passes through a float)."""
    if isinstance(x, float):
        raise TypeError("float given; pass Decimal or str")
    return x if isinstance(x, Decimal) else Decimal(str(x))


def add_months(d: datetime.date, months: int) -> datetime.date:
    """``d`` plus ``months`` calendar months, on the last day of a shorter month.

    >>> add_months(datetime.date(2027, 1, 31), 1), add_months(datetime.date(2027, 11, 15), 3)
    (datetime.date(2027, 2, 28), datetime.date(2028, 2, 15))
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(d.day, last))


def iso(s) -> datetime.date:
    return s if isinstance(s, datetime.date) else datetime.date.fromisoformat(s)


def bank_name(bank: str, lang: str) -> str:
    """The bank's short name: ``bank_name("cmb", "zh") == "招商银行"``."""
    return BANKS_BY_ID[bank]["zh" if lang == "zh" else "en"]


def bank_phone(bank: str, lang: str) -> str:
    """The card-service number with its dialling hint, e.g. ``95595（接通后按 8）``."""
    b = BANKS_BY_ID[bank]
    hint = b.get("hint")
    if not hint:
        return b["phone"]
    return f"{b['phone']}（{hint['zh']}）" if lang == "zh" else f"{b['phone']} ({hint['en']})"


def default_start(today: datetime.date | None = None) -> datetime.date:
    """The first day of next month (the start date when the reader leaves it empty).

    >>> default_start(datetime.date(2026, 12, 9))
    datetime.date(2027, 1, 1)
    """
    today = today or datetime.date.today()
    return add_months(today.replace(day=1), 1)


def split_capacity(capacity, debts) -> list:
    """Split ``capacity`` across ``debts`` in proportion, to the fen, adding up exactly.

    Each share is ``capacity x debt / total`` rounded ROUND_HALF_UP to the fen; the
    difference left by rounding goes to the largest debt (the first one if tied).

    >>> split_capacity(Decimal("100"), [Decimal("1"), Decimal("1"), Decimal("1")])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    >>> split_capacity(Decimal("3000"), [Decimal("42000"), Decimal("20000")])
    [Decimal('2032.26'), Decimal('967.74')]
    """
    capacity = dec(capacity)
    debts = [dec(x) for x in debts]
    total = sum(debts, ZERO)
    if not debts or total <= 0:
        raise ValueError("debts must be positive")
    shares = [money(capacity * x / total) for x in debts]
    biggest = max(range(len(debts)), key=lambda i: (debts[i], -i))
    shares[biggest] += money(capacity) - sum(shares, ZERO)
    return shares


def months_too_long(periods: int) -> InputError:
    return InputError(
        "periods",
        "too_large",
        f"{periods} 个月超过了 5 年（60 个月）。{ART70_ZH}规定，个性化分期还款协议最长不得超过 5 年，"
        "所以不能申请更长的分期。请填 1 到 60，或者留空，让工具按你每月能还的金额算出期数。",
        f"{periods} months is more than 5 years (60 months). {ART70_EN} says a personalised instalment "
        "agreement may last at most 5 years, so a longer plan cannot be asked for. Enter 1 to 60, or leave "
        "it empty and the kit works out the months from what you can pay.",
    )


def bank_plan(debt, share, periods: int | None = None) -> dict:
    """The interest-free plan asked of one bank: ``periods`` months, or the shortest that fits.

    Returns ``periods``, ``payment_yuan`` (the usual monthly payment), ``last_payment_yuan``,
    ``fits`` (payment within ``share``) and ``shortest_fitting`` (the shortest number of
    months whose payment fits ``share``, or None if even 60 does not).

    >>> p = bank_plan(Decimal("20000"), Decimal("967.74"))
    >>> p["periods"], p["payment_yuan"], p["last_payment_yuan"], p["fits"]
    (21, Decimal('952.38'), Decimal('952.40'), True)
    >>> p = bank_plan(Decimal("100000"), Decimal("1000"))
    >>> p["periods"], p["payment_yuan"], p["fits"], p["shortest_fitting"]
    (60, Decimal('1666.66'), False, None)
    """
    debt, share = dec(debt), dec(share)
    if periods is not None and periods > MAX_PERIODS:
        raise months_too_long(periods)
    shortest = None
    if share > 0:
        try:
            shortest = negotiated_plan(debt, monthly_affordable_yuan=share)["periods"]
        except InputError:
            shortest = None
    n = periods if periods is not None else (shortest if shortest is not None else MAX_PERIODS)
    plan = negotiated_plan(debt, n)
    return {
        "periods": n,
        "payment_yuan": plan["first_payment_yuan"],
        "last_payment_yuan": plan["last_payment_yuan"],
        "max_payment_yuan": plan["max_payment_yuan"],
        "fits": plan["max_payment_yuan"] <= share,
        "shortest_fitting": shortest,
    }


def doing_nothing_cost(debt) -> Decimal:
    """Interest and 违约金 that 3 more unpaid months would add (the typical assumptions above).

    >>> doing_nothing_cost(Decimal("10000"))
    Decimal('606.78')
    """
    from ..overdue_cost import overdue_cost

    debt = dec(debt)
    r = overdue_cost(
        principal_yuan=debt,
        days_overdue=NOTHING_DAYS,
        days_before_due=0,
        daily_rate=NOTHING_DAILY_RATE,
        cycle_days=30,
        compounding="monthly",
        minimum_payment=money(debt * NOTHING_MIN_PAYMENT_RATE),
        paid_amount=ZERO,
        late_fee_rate=NOTHING_LATE_FEE_RATE,
    )
    return r["total_cost_yuan"]


def capacity(income, essential, other) -> Decimal:
    """Monthly amount for all card debts: the budget's surplus with no buffer (negative when short).

    >>> capacity(Decimal("8000"), Decimal("4500"), Decimal("0"))
    Decimal('3500.00')
    """
    from ..repayment_capacity import budget

    return budget(dec(income), dec(essential), dec(other), ZERO)["surplus"]
