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
- **Plan offered.** Interest-free, at most :data:`MAX_PERIODS` monthly payments
  (Article 70: 5 years), principal per month truncated to the fen with the
  remainder in the last month (the rule of :func:`calculators.negotiated_plan.negotiated_plan`).
  **No payment is ever above the bank's share**: when 60 months at the share do not
  clear the debt, the offer is the share for 60 months, and the letter says it does not
  clear the debt.
- **Cost of doing nothing (typical assumptions, not any bank's terms).** 90 more
  days unpaid at 0.05 % a day compounded every 30 days, plus a 违约金 of 5 % of an
  unpaid minimum payment of 10 % of the balance at each missed due date (fact sheet B, [S]).
- **Money** is ``Decimal``, rounded ROUND_HALF_UP to the fen.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from .._bankdata import BANKS
from .._core import money
from ..negotiated_plan import MAX_PERIODS, too_many_periods
from ..plan_calendar import add_months

__all__ = [
    "MAX_PERIODS",
    "BANK_IDS",
    "BANKS_BY_ID",
    "add_months",
    "bank_name",
    "bank_phone",
    "default_start",
    "split_capacity",
    "allocate",
    "bank_plan",
    "interest_free_payments",
    "shortest_fitting",
    "doing_nothing_cost",
    "capacity",
]

BANK_IDS = tuple(b for b, _ in BANKS)
BANKS_BY_ID = dict(BANKS)
ZERO = Decimal("0")
FEN = Decimal("0.01")

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

    Each share is ``capacity x debt / total`` rounded down to the fen; the fens left over go
    one each to the largest remainders (ties: the larger debt, then the earlier one). A share
    that comes out as zero then takes one fen from the largest share, so every share is at
    least one fen and none is negative.

    >>> split_capacity(Decimal("100"), [Decimal("1"), Decimal("1"), Decimal("1")])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    >>> split_capacity(Decimal("3000"), [Decimal("42000"), Decimal("20000")])
    [Decimal('2032.26'), Decimal('967.74')]
    >>> split_capacity(Decimal("0.05"), [Decimal("9")] * 5)
    [Decimal('0.01'), Decimal('0.01'), Decimal('0.01'), Decimal('0.01'), Decimal('0.01')]
    >>> split_capacity(Decimal("10"), [Decimal("1"), Decimal("100000")])
    [Decimal('0.01'), Decimal('9.99')]
    """
    capacity = money(dec(capacity))
    debts = [dec(x) for x in debts]
    total = sum(debts, ZERO)
    if not debts or total <= 0 or any(d <= 0 for d in debts):
        raise ValueError("debts must be positive")
    if capacity < FEN * len(debts):
        raise ValueError("capacity is less than one fen per debt")
    exact = [capacity * d / total for d in debts]
    shares = [_truncate(x) for x in exact]
    left = int((capacity - sum(shares, ZERO)) / FEN)
    order = sorted(range(len(debts)), key=lambda i: (-(exact[i] - shares[i]), -debts[i], i))
    for i in order[:left]:
        shares[i] += FEN
    for i in range(len(debts)):
        if shares[i] <= 0:
            biggest = max(range(len(debts)), key=lambda k: (shares[k], -k))
            shares[biggest] -= FEN
            shares[i] += FEN
    return shares


#: A debt whose whole plan needs at most this part of what the reader can pay each month is
#: cleared as fast as that allows, even when the larger debts cannot be cleared within 60 months.
SMALL_DEBT_PART = Decimal("0.05")


def allocate(capacity, debts) -> list:
    """Each bank's share of ``capacity``: proportional, then small debts cleared sooner.

    1. :func:`split_capacity` (in proportion to the debts, at least one fen each).
    2. What a bank's plan leaves unused (its share less its largest payment) is pooled.
    3. From the smallest debt up, each bank's plan is shortened as far as the pool pays for;
       a debt that does not clear within 60 months on its share, but that needs no more than
       5 % of ``capacity`` a month to clear, is also funded from the banks that cannot clear
       anyway (the largest first), so a small debt is never left on a long, thin plan.
    4. Whatever remains in the pool goes back to the banks that cannot clear, else to the
       largest debt. The shares add up to ``capacity`` and none is zero or negative.

    >>> allocate(Decimal("3000"), [Decimal("42000"), Decimal("20000")])
    [Decimal('2000.00'), Decimal('1000.00')]
    >>> allocate(Decimal("3333"), [Decimal("50"), Decimal("200000")])
    [Decimal('50.00'), Decimal('3283.00')]
    """
    capacity = money(dec(capacity))
    debts = [money(dec(d)) for d in debts]
    shares = split_capacity(capacity, debts)
    n = len(debts)
    months = [shortest_fitting(debts[i], shares[i]) for i in range(n)]

    def used(i: int) -> Decimal:
        m = months[i]
        return interest_free_payments(debts[i], m)[1] if m else shares[i]

    pool = sum((shares[i] - used(i) for i in range(n)), ZERO)
    shares = [used(i) for i in range(n)]
    for i in sorted(range(n), key=lambda k: (debts[k], k)):
        start = (months[i] or MAX_PERIODS + 1) - 1
        # No plan of fewer months than the debt over everything that could fund it.
        most = shares[i] + pool + (capacity * SMALL_DEBT_PART if months[i] is None else ZERO)
        first = max(1, int((debts[i] / most).to_integral_value(rounding=ROUND_CEILING)))
        for m in range(first, start + 1):
            need = interest_free_payments(debts[i], m)[1]
            extra = need - shares[i]
            donors = []
            if extra > pool and months[i] is None and need <= capacity * SMALL_DEBT_PART:
                donors = sorted((k for k in range(n) if k != i and months[k] is None), key=lambda k: (-debts[k], k))
            available = pool + sum((shares[k] - FEN for k in donors), ZERO)
            if extra <= available:
                take = max(extra - pool, ZERO)
                pool -= extra - take
                for k in donors:
                    part = min(take, shares[k] - FEN)
                    shares[k] -= part
                    take -= part
                shares[i], months[i] = need, m
                break
    # The rest of the pool: to the banks that cannot clear (largest first), else the largest debt.
    if pool > 0:
        uncleared = [k for k in range(n) if months[k] is None]
        target = max(uncleared or range(n), key=lambda k: (debts[k], -k))
        shares[target] += pool
    return shares


def _truncate(x: Decimal) -> Decimal:
    return x.quantize(FEN, rounding=ROUND_DOWN)


def interest_free_payments(debt, periods: int) -> tuple:
    """``(payment, last_payment)`` of ``debt`` repaid in ``periods`` months, interest-free.

    The negotiated-plan calculator's rule: principal per month truncated to the fen, the
    remainder in the last month (so the last payment is the largest).

    >>> interest_free_payments(Decimal("20000"), 21)
    (Decimal('952.38'), Decimal('952.40'))
    """
    debt = dec(debt)
    payment = _truncate(debt / periods)
    return payment, money(debt - payment * (periods - 1))


def shortest_fitting(debt, share) -> int | None:
    """The fewest months (1 to 60) whose largest interest-free payment is within ``share``.

    None when even 60 months asks more than ``share`` a month.

    >>> shortest_fitting(Decimal("42000"), Decimal("2032.26")), shortest_fitting(Decimal("100000"), Decimal("1500"))
    (21, None)
    """
    debt, share = dec(debt), dec(share)
    if share <= 0:
        return None
    # Every payment is at least debt / n on average, so fewer than debt / share months cannot fit.
    n = max(1, int((debt / share).to_integral_value(rounding=ROUND_CEILING)))
    while n <= MAX_PERIODS:
        if interest_free_payments(debt, n)[1] <= share:
            return n
        n += 1
    return None


def bank_plan(debt, share, periods: int | None = None) -> dict:
    """The interest-free plan offered to one bank: never more a month than ``share``.

    - ``periods`` given and its payments fit ``share``: that plan;
    - otherwise the shortest plan that fits (``asked_periods`` and ``asked_payment_yuan`` then
      record what the reader asked for and why it was not used);
    - if even 60 months does not fit, the offer is ``share`` a month for 60 months, which does
      not clear the debt (``clears`` False; ``covered_yuan`` is what it repays, ``shortfall_yuan``
      what is left): the letter says so and asks the bank to waive interest and fees or propose.

    >>> p = bank_plan(Decimal("20000"), Decimal("967.74"))
    >>> p["periods"], p["payment_yuan"], p["last_payment_yuan"], p["clears"]
    (21, Decimal('952.38'), Decimal('952.40'), True)
    >>> p = bank_plan(Decimal("100000"), Decimal("1500"))
    >>> p["periods"], p["payment_yuan"], p["clears"], p["covered_yuan"], p["shortfall_yuan"]
    (60, Decimal('1500.00'), False, Decimal('90000.00'), Decimal('10000.00'))
    >>> p = bank_plan(Decimal("42000"), Decimal("2032.26"), periods=12)
    >>> p["periods"], p["asked_periods"], p["asked_payment_yuan"]
    (21, 12, Decimal('3500.00'))
    """
    debt, share = money(dec(debt)), money(dec(share))
    if periods is not None and periods > MAX_PERIODS:
        raise too_many_periods(periods)
    shortest = shortest_fitting(debt, share)
    asked = asked_payment = None
    n = shortest
    if periods is not None:
        first, last = interest_free_payments(debt, periods)
        if last <= share:
            n = periods
        else:
            asked, asked_payment = periods, last
    if n is not None:
        payment, last = interest_free_payments(debt, n)
        covered, clears = debt, True
    else:
        n, payment, last = MAX_PERIODS, share, share
        covered, clears = money(share * MAX_PERIODS), False
    return {
        "periods": n,
        "payment_yuan": payment,
        "last_payment_yuan": last,
        "max_payment_yuan": max(payment, last),
        "clears": clears,
        "covered_yuan": covered,
        "shortfall_yuan": money(debt - covered),
        "shortest_fitting": shortest,
        "asked_periods": asked,
        "asked_payment_yuan": asked_payment,
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
