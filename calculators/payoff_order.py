"""Payoff order: with several cards, which one to pay off first.

多张卡先还哪张：雪崩法（先还利率最高的）与雪球法（先还余额最小的）对比。

Every month each card gets at least its minimum payment; whatever is left of
the monthly budget goes to one target card, chosen by the strategy, until it
is paid off, then to the next. :func:`payoff_plan` simulates both strategies
month by month and reports the chosen one with the other for comparison.

Conventions
-----------
- **Strategies.** ``avalanche`` (雪崩法): highest monthly rate first (ties: the
  smaller balance, then the order entered). ``snowball`` (雪球法): smallest
  starting balance first (ties: the higher rate, then the order entered). The
  order is fixed at the start. Avalanche never pays more interest than
  snowball; snowball clears a first card sooner, which some people find
  motivating.
- **Rates.** Each card's rate has a basis: ``daily`` (x 365 / 12 for a monthly
  rate), ``monthly``, or ``annual`` (/ 12). So 0.05 % a day is 1.5208 % a
  month, the same as 18.25 % a year simple.
- **Months.** Each month, interest on the card's balance is added first
  (rounded ROUND_HALF_UP to the fen), then the payments are made: every card's
  minimum (or its whole balance if smaller), then the rest of the budget to the
  target cards in order. A card's minimum is a fixed amount; once a card is
  paid off, its minimum goes to the next target (the budget stays the same).
- **Limits.** The budget must cover the sum of the minimums. A plan that would
  take more than :data:`MAX_MONTHS` months (50 years), or never ends because the
  interest is as large as the payments, is an error saying what is needed.
- No fees, new spending or rate changes are modelled.

References
----------
.. [1] US CFPB, "What should I do if I can't pay my credit card bills?" (as
   copied by texaslawhelp.org): add up income and expenses and decide what you
   can afford first.
.. [2] 《中国人民银行关于推进信用卡透支利率市场化改革的通知》（银发〔2020〕327号）:
   card rates are agreed with each issuer, so the cards' rates can differ.

Examples
--------
>>> from decimal import Decimal
>>> debts = [
...     {"name": "A", "balance": Decimal("3000"), "rate": Decimal("0.0005"), "rate_basis": "daily",
...      "min_payment": Decimal("300")},
...     {"name": "B", "balance": Decimal("1000"), "rate": Decimal("0.12"), "rate_basis": "annual",
...      "min_payment": Decimal("100")},
... ]
>>> r = payoff_plan(debts, Decimal("1000"), "avalanche")
>>> r["payoff_order"], r["months"], r["total_interest_yuan"]
('A → B', 5, Decimal('139.69'))
>>> r["avalanche_total_interest_yuan"] <= r["snowball_total_interest_yuan"]
True
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from . import fmt as _fmt
from ._core import (
    PERCENT,
    YUAN,
    Calculator,
    Chart,
    Column,
    Field,
    InputError,
    Output,
    Table,
    fmt_yuan,
    money,
    t,
)
from .fmt import to_decimal as _d  # one rule: Decimal or text, never a float

__all__ = [
    "payoff_plan",
    "simulate",
    "monthly_rate",
    "normalize_debt",
    "prepare_inputs",
    "CALCULATOR",
    "STRATEGIES",
    "RATE_BASES",
    "MAX_MONTHS",
]

STRATEGIES = ("avalanche", "snowball")
RATE_BASES = ("daily", "monthly", "annual")
#: The longest simulation: 600 months (50 years).
MAX_MONTHS = 600
#: Keys accepted instead of ``rate`` + ``rate_basis`` (from the original issue).
RATE_ALIASES = (("annual_rate", "annual"), ("monthly_rate", "monthly"), ("daily_rate", "daily"))
_ZERO = Decimal("0")
#: Largest amount a money field accepts (100 million yuan): keeps every figure well inside
#: Decimal precision, however long the plan.
MAX_YUAN = "100000000"
#: A total balance above this means the debts grow without end (and keeps numbers small).
_RUNAWAY = Decimal(10) ** 20
_ARROW = " → "
_FEN = Decimal("0.01")


def _rate_parts(rate, basis: str) -> tuple:
    """(numerator, denominator) of the monthly rate, so interest = balance x num / den exactly."""
    r = _d(rate)
    if basis == "daily":
        return r * 365, 12
    if basis == "annual":
        return r, 12
    if basis == "monthly":
        return r, 1
    raise ValueError(f"rate basis must be one of {RATE_BASES}")


def monthly_rate(rate, basis: str) -> Decimal:
    """A card's rate as a monthly fraction.

    >>> monthly_rate(Decimal("0.0005"), "daily"), monthly_rate(Decimal("0.18"), "annual")
    (Decimal('0.01520833333333333333333333333'), Decimal('0.015'))
    """
    num, den = _rate_parts(rate, basis)
    return num / den


def normalize_debt(row: dict) -> dict:
    """Accept ``annual_rate`` / ``monthly_rate`` / ``daily_rate`` instead of ``rate`` + ``rate_basis``.

    Returns a new dict with ``rate`` and ``rate_basis``; the form's own keys win.

    >>> normalize_debt({"balance": "5000", "annual_rate": "18%"})["rate_basis"]
    'annual'
    """
    out = dict(row)
    if out.get("rate") in (None, ""):
        for key, basis in RATE_ALIASES:
            if out.get(key) not in (None, ""):
                out["rate"] = out[key]
                out.setdefault("rate_basis", basis)
                if out.get("rate_basis") in (None, ""):
                    out["rate_basis"] = basis
                break
    for key, _ in RATE_ALIASES:
        out.pop(key, None)
    return out


def prepare_inputs(inputs):
    """Map the alias keys of each ``debts`` row before parsing (see :func:`normalize_debt`).

    Anything that is not the expected shape is returned unchanged, for the
    parser to report.
    """
    if not isinstance(inputs, dict) or not isinstance(inputs.get("debts"), (list, tuple)):
        return inputs
    out = dict(inputs)
    out["debts"] = [normalize_debt(r) if isinstance(r, dict) else r for r in inputs["debts"]]
    return out


def _rate_key(debt: dict) -> Fraction:
    """The monthly rate as an exact fraction, so equal rates compare equal whatever their basis."""
    num, den = debt["rn"] if "rn" in debt else (debt["r"], 1)
    return Fraction(_d(num)) / Fraction(_d(den))


def _order(debts: list, strategy: str) -> list:
    rates = [_rate_key(d) for d in debts]
    if strategy == "avalanche":
        return sorted(range(len(debts)), key=lambda i: (-rates[i], debts[i]["balance"], i))
    if strategy == "snowball":
        return sorted(range(len(debts)), key=lambda i: (debts[i]["balance"], -rates[i], i))
    raise ValueError(f"strategy must be one of {STRATEGIES}")


def _interest(balance: Decimal, debt: dict) -> Decimal:
    """One month's interest, rounded half-up to the fen (exact before rounding)."""
    num, den = debt["rn"] if "rn" in debt else (debt["r"], 1)
    return money(balance * num / den)


def _fen(x) -> int:
    """A Decimal amount with at most 2 places as whole fen."""
    return int(_d(x).scaleb(2).to_integral_value())


def _yuan(fen: int) -> Decimal:
    """Whole fen back to Decimal yuan with 2 places (exact)."""
    if -_EXACT_FEN < fen < _EXACT_FEN:
        return Decimal(fen).scaleb(-2)  # already 2 places: the coefficient is kept whole
    return Decimal(fen).scaleb(-2).quantize(_FEN)


#: Below this many fen (well inside the 28 digits of the context), scaleb(-2) alone is exact.
_EXACT_FEN = 10**26


def simulate(debts: list, budget, strategy: str, max_months: int = MAX_MONTHS):
    """Month-by-month payoff of ``debts`` (rows with ``name, balance, r, min_payment``).

    ``r`` is the monthly rate. Returns a dict, or ``None`` if the debts are not
    paid off within ``max_months`` months.

    The month loop counts whole fen as integers: every amount in it is a whole number of fen
    and each month's interest is rounded half-up to the fen from the exact fraction, so this
    is the same arithmetic as Decimal, only faster (the page recomputes on every keystroke).
    """
    n = len(debts)
    order = _order(debts, strategy)
    rates = [_rate_key(d) for d in debts]
    rnum = [r.numerator for r in rates]
    rden = [r.denominator for r in rates]
    bal = [_fen(d["balance"]) for d in debts]
    mins = [_fen(d["min_payment"]) for d in debts]
    left_budget = _fen(budget)
    start_total = sum(bal)
    interest_by = [0] * n
    paid_by = [0] * n
    off = [0] * n
    rows, first_month = [], []
    total_interest = total_paid = 0
    month = 0
    total = start_total
    runaway = _fen(_RUNAWAY)
    active = [i for i in order if bal[i] > 0]  # cards still owing, in the strategy's order
    while total > 0:
        month += 1
        if month > max_months:
            return None
        interest = [0] * n
        pay = [0] * n
        for i in active:
            if rnum[i]:
                a, b = bal[i] * rnum[i], rden[i]
                interest[i] = (2 * a + b) // (2 * b)  # half-up to the fen
                bal[i] += interest[i]
        left = left_budget
        for i in active:  # minimums first (the budget covers them, except after interest on tiny balances)
            p = min(mins[i], bal[i], left)
            pay[i] = p
            left -= p
        for i in active:
            if left <= 0:
                break
            extra = min(left, bal[i] - pay[i])
            pay[i] += extra
            left -= extra
        cleared = []
        for i in active:
            if pay[i] == bal[i]:
                off[i] = month
                cleared.append(i)
            bal[i] -= pay[i]
            interest_by[i] += interest[i]
            paid_by[i] += pay[i]
        if cleared:
            active = [i for i in active if bal[i] > 0]
            cleared.sort()
        total = sum(bal)
        if total > runaway:  # growing without end: give up early
            return None
        m_interest, m_paid = sum(interest), sum(pay)
        total_interest += m_interest
        total_paid += m_paid
        if month == 1:
            first_month = [
                {
                    "name": debts[i]["name"],
                    "payment_yuan": _yuan(pay[i]),
                    "interest_yuan": _yuan(interest[i]),
                    "balance_yuan": _yuan(bal[i]),
                }
                for i in range(n)
            ]
            # Fail fast: after the first month the balance can only have fallen if the
            # payments beat the interest; if even the lowest rate on what is left outweighs the
            # budget, the total can never fall (each month adds at least that much interest).
            lowest = min((rates[i] for i in range(n) if bal[i] > 0), default=Fraction(0))
            if total >= start_total and lowest * total - n >= left_budget:
                return None
        rows.append((month, m_paid, m_interest, total, cleared))  # made into rows once, at the end
        if month % 12 == 0 and not _can_still_finish(total, left_budget, month, max_months):
            return None
    done = sorted(range(n), key=lambda i: (off[i], order.index(i)))
    schedule = [
        {
            "month": m,
            "payment_yuan": _yuan(paid),
            "interest_yuan": _yuan(charged),
            "principal_yuan": _yuan(paid - charged),
            "balance_yuan": _yuan(owed),
            "paid_off": ", ".join(debts[i]["name"] for i in cleared),
        }
        for m, paid, charged, owed, cleared in rows
    ]
    return {
        "months": month,
        "total_interest_yuan": _yuan(total_interest),
        "total_paid_yuan": _yuan(total_paid),
        "payoff_order": _ARROW.join(debts[i]["name"] for i in done),
        "paid_off_month": [
            {
                "order": k + 1,
                "name": debts[i]["name"],
                "month": off[i],
                "interest_yuan": _yuan(interest_by[i]),
                "paid_yuan": _yuan(paid_by[i]),
            }
            for k, i in enumerate(done)
        ],
        "first_month": first_month,
        "schedule": schedule,
    }


def _can_still_finish(total_fen: int, budget_fen: int, month: int, max_months: int) -> bool:
    """False when even paying the whole budget with no interest at all cannot clear the rest in time."""
    return month + -(-total_fen // budget_fen) <= max_months if budget_fen > 0 else total_fen == 0


def payoff_plan(debts, monthly_budget, strategy: str = "avalanche") -> dict:
    """Pay off several cards with a fixed monthly budget; compare the two strategies.

    Parameters
    ----------
    debts : list of dict
        Rows ``{"name", "balance", "rate", "rate_basis", "min_payment"}`` with
        ``rate_basis`` in ``("daily", "monthly", "annual")`` (required: a rate
        without its period is an error, never guessed); the keys
        ``annual_rate``, ``monthly_rate`` or ``daily_rate`` may replace ``rate``
        and ``rate_basis``. An empty name becomes ``"#1"``, ``"#2"``...
    monthly_budget : Decimal
        Paid every month in all (at least the sum of the minimums).
    strategy : {"avalanche", "snowball"}
        The plan reported; the other is computed for comparison.

    Returns
    -------
    dict
        ``strategy``, ``payoff_order`` (names joined by " → "), ``months``,
        ``total_interest_yuan``, ``total_paid_yuan``, ``paid_off_month`` (rows
        ``order, name, month, interest_yuan, paid_yuan``), ``first_month`` (rows
        ``name, payment_yuan, interest_yuan, balance_yuan``), ``schedule`` (rows
        ``month, payment_yuan, interest_yuan, principal_yuan, balance_yuan,
        paid_off``), ``avalanche_*`` and ``snowball_*`` totals and months,
        ``interest_saved_yuan`` (snowball minus avalanche interest), and
        ``comparison`` (rows ``month, avalanche_balance_yuan, snowball_balance_yuan``,
        from month 0).

    Raises
    ------
    InputError
        Budget below the sum of the minimums, or no payoff within 600 months.
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES}")
    budget = _d(monthly_budget)
    rows: list[dict] = []
    for i, raw in enumerate(debts):
        d = normalize_debt(raw)
        name = (d.get("name") or "").strip() or f"#{i + 1}"
        basis = d.get("rate_basis")
        if basis not in RATE_BASES:
            # One rule for run() and this function: a rate without its period is not guessed.
            raise InputError(
                f"debts.{i}.rate_basis",
                "required",
                f"各张卡第 {i + 1} 行，利率按：请选择按日、按月还是按年。",
                f"Cards, row {i + 1}: Rate per: choose day, month or year.",
            )
        rows.append(
            {
                "name": name,
                "balance": _d(d["balance"]),
                "r": monthly_rate(d["rate"], basis),
                "rn": _rate_parts(d["rate"], basis),
                "min_payment": _d(d.get("min_payment") or 0),
            }
        )
    if not rows:
        raise InputError("debts", "required", "请至少填写一张卡。", "Add at least one card.")
    minimums = sum((min(r["min_payment"], r["balance"]) for r in rows), _ZERO)
    if budget < minimums:
        short = money(minimums - budget)
        raise InputError(
            "monthly_budget",
            "too_small",
            f"每月预算比各卡最低还款额之和（{fmt_yuan(minimums, 'zh')}）少 {fmt_yuan(short, 'zh')}。"
            "预算至少要够还所有最低还款额；不够的话，这正是需要尽早联系银行协商的情况。",
            f"The monthly budget is {fmt_yuan(short, 'en')} short of the cards' minimum payments "
            f"({fmt_yuan(minimums, 'en')} in all). It must cover every minimum; if it cannot, that is the time to "
            "contact the banks early.",
        )
    results = {}
    for s in STRATEGIES:  # each plan once; stop at the first that never ends
        results[s] = simulate(rows, budget, s)
        if results[s] is None:
            break
    if any(r is None for r in results.values()):
        first_interest = sum((_interest(r["balance"], r) for r in rows), _ZERO)
        need = max(minimums, first_interest + Decimal("0.01"))
        raise InputError(
            "monthly_budget",
            "never_paid_off",
            f"按这个预算，{MAX_MONTHS // 12} 年内还不清（第一个月的利息就有 {fmt_yuan(first_interest, 'zh')}）。"
            f"每月至少要还 {fmt_yuan(need, 'zh')}，欠款才会开始减少；要在合理时间内还清需要更多。",
            f"At this budget the cards are not paid off within {MAX_MONTHS // 12} years (the first month's interest "
            f"alone is {fmt_yuan(first_interest, 'en')}). The debt only starts to fall at "
            f"{fmt_yuan(need, 'en')} a month or more, and clearing it in reasonable time needs more.",
        )
    chosen = results[strategy]
    av, sb = results["avalanche"], results["snowball"]
    start = money(sum((r["balance"] for r in rows), _ZERO))
    n = max(av["months"], sb["months"])

    def bal_at(res, m):
        if m == 0:
            return start
        return res["schedule"][m - 1]["balance_yuan"] if m <= res["months"] else money(_ZERO)

    out: dict = {"strategy": strategy}
    out.update(chosen)
    out.update(
        avalanche_total_interest_yuan=av["total_interest_yuan"],
        snowball_total_interest_yuan=sb["total_interest_yuan"],
        avalanche_months=av["months"],
        snowball_months=sb["months"],
        avalanche_payoff_order=av["payoff_order"],
        snowball_payoff_order=sb["payoff_order"],
        # Never negative: with rates a hair apart, rounding to the fen each month can leave
        # highest-rate-first a few fen dearer; that is "about the same", not a saving below 0.
        interest_saved_yuan=money(max(_ZERO, sb["total_interest_yuan"] - av["total_interest_yuan"])),
        interest_difference_yuan=money(sb["total_interest_yuan"] - av["total_interest_yuan"]),
        comparison=[
            {"month": m, "avalanche_balance_yuan": bal_at(av, m), "snowball_balance_yuan": bal_at(sb, m)}
            for m in range(n + 1)
        ],
    )
    return out


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------

_REF_CFPB = {
    "zh": "美国消费者金融保护局（CFPB）《What should I do if I can't pay my credit card bills?》（texaslawhelp.org 转载）："
    "还不起信用卡时，先把收入和支出加起来，确定自己每月能还多少。",
    "en": 'US CFPB, "What should I do if I can\'t pay my credit card bills?" (as copied by texaslawhelp.org): add up '
    "income and expenses and decide what you can afford.",
    "url": "https://texaslawhelp.org/article/steps-take-if-you-cannot-pay-your-credit-cards",
}
_REF_PBOC_2020 = {
    "zh": "《中国人民银行关于推进信用卡透支利率市场化改革的通知》（银发〔2020〕327号）：透支利率由发卡机构与持卡人自主协商确定，各卡利率可以不同。",
    "en": "PBOC notice on market-based card overdraft rates (Yinfa [2020] No. 327): each issuer agrees its rate with "
    "the cardholder, so cards' rates can differ.",
    "url": "https://xining.pbc.gov.cn/zhengwugongkai/4081330/4406346/4693549/4159909/index.html",
}


def _compute(values: dict) -> dict:
    return payoff_plan(values["debts"], values["monthly_budget"], values["strategy"])


def explain(values: dict, result: dict, lang: str) -> str:
    """One or two plain sentences about the result, in ``lang`` ("zh" or "en")."""
    en = lang == "en"
    months = result["months"]
    interest = fmt_yuan(result["total_interest_yuan"], lang)
    saved = result["interest_saved_yuan"]
    diff = result.get("interest_difference_yuan", saved)
    avalanche = result["strategy"] == "avalanche"
    if en:
        s = f"Paying in the order {result['payoff_order']}, the cards are cleared in {_fmt.count(months, 'month', 'months')} with {interest} of interest. "
        if diff < 0:
            return s + (
                f"Here both orders cost practically the same interest (they differ by {fmt_yuan(-diff, lang)}, "
                "from rounding each month's interest to the fen)."
            )
        if saved == 0:
            return s + "Here both orders cost the same interest."
        if avalanche:
            return s + f"Paying the smallest balance first instead would cost {fmt_yuan(saved, lang)} more."
        return s + f"Paying the highest rate first instead would save {fmt_yuan(saved, lang)}."
    s = f"按 {result['payoff_order']} 的顺序还，{months} 个月还清，共付利息 {interest}。"
    if diff < 0:
        return s + f"这里两种顺序的利息几乎相同（相差 {fmt_yuan(-diff, lang)}，来自每月利息四舍五入到分）。"
    if saved == 0:
        return s + "这里两种顺序的利息相同。"
    if avalanche:
        return s + f"如果改为先还余额最小的卡，要多付 {fmt_yuan(saved, lang)} 利息。"
    return s + f"如果改为先还利率最高的卡，可以少付 {fmt_yuan(saved, lang)} 利息。"


CALCULATOR = Calculator(
    name="payoff_order",
    prepare=prepare_inputs,
    title=t("多卡还款顺序计算器", "Which card to pay off first"),
    question=t("好几张卡，先还哪张？", "Several cards: which one should I pay off first?"),
    fields=(
        Field(
            "debts",
            "list",
            t("各张卡", "Cards"),
            help=t(
                "每张卡的欠款、利率（注明按日、按月还是按年）和每月最低还款额。",
                "Each card's balance, rate (per day, month or year) and monthly minimum payment.",
            ),
            example=[
                {"name": "A", "balance": "20000", "rate": "0.0005", "rate_basis": "daily", "min_payment": "2000"},
                {"name": "B", "balance": "5000", "rate": "0.0004", "rate_basis": "daily", "min_payment": "500"},
                {"name": "C", "balance": "12000", "rate": "0.12", "rate_basis": "annual", "min_payment": "600"},
            ],
            items=(
                Field(
                    "name",
                    "text",
                    t("名称", "Name"),
                    required=False,
                    max_length=40,
                    blank_means=t("留空时按顺序叫 #1、#2……", "Left blank, cards are called #1, #2…"),
                ),
                Field("balance", "money", t("欠款", "Balance"), unit=YUAN, minimum="0.01", maximum=MAX_YUAN),
                Field(
                    "rate",
                    "rate",
                    t("利率", "Rate"),
                    unit=PERCENT,
                    percent=True,
                    help=t("例如每天 0.05%，或每年 18%。", "For example 0.05 % a day, or 18 % a year."),
                    minimum="0",
                    maximum="1",
                ),
                Field(
                    "rate_basis",
                    "choice",
                    t("利率按", "Rate per"),
                    help=t(
                        "必须选：同一个数字按日和按年差别很大。",
                        "Required: the same figure per day and per year are very different.",
                    ),
                    choices=(
                        ("daily", t("日", "day")),
                        ("monthly", t("月", "month")),
                        ("annual", t("年", "year")),
                    ),
                ),
                Field(
                    "min_payment",
                    "money",
                    t("每月最低还款", "Monthly minimum"),
                    unit=YUAN,
                    minimum="0",
                    maximum=MAX_YUAN,
                    required=False,
                    blank="0",
                    blank_means=t(
                        "留空表示这张卡没有最低还款（按 0 计算）。", "Left blank, this card has no minimum (0)."
                    ),
                ),
            ),
            max_items=20,
        ),
        Field(
            "monthly_budget",
            "money",
            t("每月能还的总额", "Total you can pay each month"),
            unit=YUAN,
            help=t("至少要够还所有卡的最低还款额。", "At least the sum of the cards' minimum payments."),
            example="4000",
            minimum="0.01",
            maximum=MAX_YUAN,
        ),
        Field(
            "strategy",
            "choice",
            t("还款顺序", "Order"),
            help=t(
                "雪崩法先还利率最高的卡，利息最少；雪球法先还余额最小的卡，先还清一张。",
                "Avalanche pays the highest rate first (least interest); snowball pays the smallest balance first "
                "(clears a card sooner).",
            ),
            example="avalanche",
            required=False,
            blank="avalanche",
            choices=(
                ("avalanche", t("雪崩法：先还利率最高的", "Avalanche: highest rate first")),
                ("snowball", t("雪球法：先还余额最小的", "Snowball: smallest balance first")),
            ),
        ),
    ),
    outputs=(
        Output("months", t("还清需要", "Months to pay off"), "count", primary=True),
        Output("total_interest_yuan", t("总利息", "Total interest"), "money"),
        Output("payoff_order", t("还清顺序", "Order cards are cleared"), "text"),
        Output("total_paid_yuan", t("一共还款", "Total repaid"), "money"),
        Output("avalanche_total_interest_yuan", t("雪崩法总利息", "Interest, avalanche"), "money"),
        Output("snowball_total_interest_yuan", t("雪球法总利息", "Interest, snowball"), "money"),
        Output("interest_saved_yuan", t("雪崩法比雪球法少付", "Avalanche saves"), "money"),
    ),
    compute=_compute,
    table=Table(
        "schedule",
        (
            Column("month", t("月", "Month"), "count"),
            Column("payment_yuan", t("还款", "Paid"), "money"),
            Column("interest_yuan", t("利息", "Interest"), "money"),
            Column("principal_yuan", t("本金", "Principal"), "money"),
            Column("balance_yuan", t("剩余欠款", "Balance left"), "money"),
            Column("paid_off", t("本月还清", "Cleared this month"), "text"),
        ),
        t("逐月明细", "Month by month"),
    ),
    chart=Chart(
        "line",
        "comparison",
        "month",
        (
            ("avalanche_balance_yuan", t("雪崩法", "Avalanche")),
            ("snowball_balance_yuan", t("雪球法", "Snowball")),
        ),
        t("剩余欠款：两种顺序对比", "Balance left: the two orders compared"),
    ),
    explain=explain,
    conventions=t(
        "每月先按各卡余额计息（月利率：日利率 × 365 ÷ 12，或年利率 ÷ 12；四舍五入到分），再还款：每张卡先还最低还款额，"
        "剩下的预算按顺序集中还一张卡，还清后转向下一张；每月总额不变。雪崩法按利率从高到低，雪球法按起始余额从小到大。"
        "不考虑违约金、新消费和利率变化。最长算 600 个月。",
        "Each month interest is added on each card's balance first (monthly rate: daily rate x 365 / 12, or annual "
        "rate / 12; rounded half-up to the fen), then the payments: every card's minimum, and the rest of the budget "
        "to one card at a time in order; the monthly total stays the same. Avalanche orders by rate, highest first; "
        "snowball by starting balance, smallest first. No fees, new spending or rate changes. At most 600 months.",
    ),
    references=(_REF_CFPB, _REF_PBOC_2020),
)
