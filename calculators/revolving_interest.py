"""Revolving interest: what paying only the minimum (or part) of a statement costs.

循环利息：只还最低还款额或部分还款时，下一期账单上会出现多少利息。

The statement lists transactions with their posting dates (记账日). If the
statement is not repaid in full by the due date, the interest-free period is
lost and interest is charged for the days between each posting date and the
next statement date. :func:`revolving_interest` works the figure out day by day
and returns it split into segments of constant balance.

Conventions
-----------
- **全额计息 (``method="full"``, the default).** If the statement is not paid
  in full by the due date, interest runs from each transaction's posting date on
  the *whole* amount, not only on the unpaid part; a payment lowers the balance
  from its own date onwards. This is the common practice (reference [3];
  SPDB card terms, court complaint templates, card systems with a "全额罚息"
  switch).
- **Unpaid part only (``method="unpaid_only"``).** Some banks are said to charge
  interest only on the part not repaid by the due date; no official bank text
  was found, so treat it as a variant to compare, not as any bank's rule. Here the payments made by the due date are applied to
  the statement's transactions oldest first; what remains of each transaction
  bears interest from its posting date; later payments lower the balance from
  their own date.
- **Day count.** ``day_count="inclusive"`` (default) counts every day from the
  posting date *through* the statement date; ``"exclusive_end"`` stops the day
  before the statement date. The balance on a day includes the transactions
  posted and the payments made on or before that day.
- **Tolerance (容差).** An unpaid amount at or under ``tolerance_yuan`` counts as
  paid in full. Whether a bank offers such a tolerance, and how much, is not
  established here (no official rule was found), so the default is 0 (no
  tolerance). Check your card agreement.
- **Rounding.** The total interest (the sum of balance x daily rate x days over
  the segments) is computed exactly and rounded ROUND_HALF_UP to the fen once.
  Each segment's figure is rounded to the fen so that the rows add up to the
  total (largest remainder first), so a row can differ from its own rounding by
  a fen.
- **Rate.** A daily rate as a fraction: ``Decimal("0.0005")`` is 0.05 % per day
  (万分之五), the common contractual rate. Since 2021 it is no longer a
  regulatory cap, and banks may set other rates.

Only one statement cycle is covered: the transactions on the statement being
repaid, and payments up to the next statement date. Fees (违约金) are not
included: see :mod:`calculators.overdue_cost`.

References
----------
.. [1] 《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）: overdraft
   rate band, 0.05 %/day upper and 0.035 %/day lower limit (2017-2020).
.. [2] 《中国人民银行关于推进信用卡透支利率市场化改革的通知》（银发〔2020〕327号）: the band
   was removed; the rate is agreed between issuer and cardholder.
.. [3] Shanghai Pudong Development Bank, 《账单分期付款业务条款与细则》 item 8
   (captured c. 2018): a statement not repaid in full loses the interest-free period.

Examples
--------
A statement of 10,000 yuan (two purchases), 1,000 repaid on the due date,
0.05 % per day, every day counted through the next statement date:

>>> import datetime as dt
>>> from decimal import Decimal
>>> r = revolving_interest(
...     transactions=[{"posting_date": dt.date(2026, 3, 1), "amount_yuan": Decimal("6000")},
...                   {"posting_date": dt.date(2026, 3, 11), "amount_yuan": Decimal("4000")}],
...     payments=[{"date": dt.date(2026, 4, 15), "amount_yuan": Decimal("1000")}],
...     statement_date=dt.date(2026, 4, 20), due_date=dt.date(2026, 4, 15),
...     daily_rate=Decimal("0.0005"))
>>> r["interest_yuan"], r["interest_days_total"]
(Decimal('232.00'), 51)
>>> [(s["from"], s["days"], s["balance_yuan"], s["interest_yuan"]) for s in r["segments"]]
[('2026-03-01', 10, Decimal('6000.00'), Decimal('30.00')), ('2026-03-11', 35, Decimal('10000.00'), Decimal('175.00')), ('2026-04-15', 6, Decimal('9000.00'), Decimal('27.00'))]

Paid in full by the due date: no interest.

>>> revolving_interest(
...     transactions=[{"posting_date": dt.date(2026, 3, 1), "amount_yuan": Decimal("6000")}],
...     payments=[{"date": dt.date(2026, 4, 10), "amount_yuan": Decimal("6000")}],
...     statement_date=dt.date(2026, 4, 20), due_date=dt.date(2026, 4, 15))["interest_yuan"]
Decimal('0.00')
"""

from __future__ import annotations

import datetime
from decimal import ROUND_DOWN, Decimal

from . import fmt as _fmt
from ._core import (
    FEN,
    PERCENT,
    YUAN,
    Calculator,
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

__all__ = ["revolving_interest", "CALCULATOR", "METHODS", "DAY_COUNTS", "MAX_WINDOW_DAYS"]

METHODS = ("full", "unpaid_only")
DAY_COUNTS = ("inclusive", "exclusive_end")
#: Longest span (first posting date to statement date) accepted, in days.
MAX_WINDOW_DAYS = 366

_ZERO = Decimal("0")
#: Largest amount a money field accepts (100 million yuan): keeps every figure well inside
#: Decimal precision, however long the plan.
MAX_YUAN = "100000000"
_ONE_DAY = datetime.timedelta(days=1)


def revolving_interest(
    transactions,
    payments=(),
    *,
    statement_date,
    due_date,
    daily_rate=Decimal("0.0005"),
    method: str = "full",
    day_count: str = "inclusive",
    tolerance_yuan=Decimal("0"),
) -> dict:
    """Interest on the next statement when a statement is not repaid in full.

    Parameters
    ----------
    transactions : list of dict
        Rows ``{"posting_date": date, "amount_yuan": Decimal}``: the purchases
        on the statement being repaid (at least one; amounts > 0).
    payments : list of dict
        Rows ``{"date": date, "amount_yuan": Decimal}``: repayments up to the
        next statement date.
    statement_date : datetime.date
        The *next* statement date (下一个账单日), when the interest is posted.
    due_date : datetime.date
        The due date (到期还款日) of the statement being repaid.
    daily_rate : Decimal
        Daily rate as a fraction (0.0005 = 0.05 % per day).
    method : {"full", "unpaid_only"}
        全额计息 (whole amount from each posting date) or only the unpaid part.
    day_count : {"inclusive", "exclusive_end"}
        Count the statement date itself, or stop the day before.
    tolerance_yuan : Decimal
        An unpaid amount at or under this counts as paid in full (容差).

    Returns
    -------
    dict
        ``method``, ``interest_yuan`` (Decimal), ``interest_days_total`` (int, days with a
        positive balance), ``statement_balance_yuan``, ``paid_by_due_yuan``,
        ``unpaid_at_due_yuan``, ``paid_in_full`` (bool) and ``segments``: rows
        ``{"from", "to", "days", "balance_yuan", "interest_yuan"}`` with dates
        as ``"YYYY-MM-DD"`` (``to`` is the last day of the segment, included).

    Raises
    ------
    InputError
        Dates in the wrong order, a payment after the statement date, or a
        span longer than :data:`MAX_WINDOW_DAYS` days.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    if day_count not in DAY_COUNTS:
        raise ValueError(f"day_count must be one of {DAY_COUNTS}")
    rate = _d(daily_rate)
    tolerance = _d(tolerance_yuan)
    txs = sorted(((r["posting_date"], _d(r["amount_yuan"])) for r in transactions), key=lambda x: x[0])
    pays = sorted(((r["date"], _d(r["amount_yuan"])) for r in payments), key=lambda x: x[0])
    if not txs:
        raise InputError(
            "transactions",
            "required",
            "请至少填写一笔账单上的消费。",
            "Add at least one transaction from the statement.",
        )
    if due_date >= statement_date:
        raise InputError(
            "due_date",
            "bad_order",
            "到期还款日必须早于下一个账单日。",
            "The due date must come before the next statement date.",
        )
    errors = []
    for i, r in enumerate(transactions):
        if r["posting_date"] >= due_date:
            errors.append(
                InputError(
                    f"transactions.{i}.posting_date",
                    "bad_order",
                    f"第 {i + 1} 笔消费的记账日必须早于到期还款日（它应在本期账单上）。",
                    f"Transaction {i + 1}: the posting date must be before the due date (it must be on this statement).",
                )
            )
    for i, r in enumerate(payments):
        if r["date"] > statement_date:
            errors.append(
                InputError(
                    f"payments.{i}.date",
                    "bad_order",
                    f"第 {i + 1} 笔还款晚于下一个账单日，不在本计算范围内，请删去或改日期。",
                    f"Payment {i + 1} is after the next statement date, outside this calculation: remove it or change the date.",
                )
            )
    if errors:
        raise InputError.collect(errors)
    first = txs[0][0]
    if (statement_date - first).days > MAX_WINDOW_DAYS:
        raise InputError(
            "statement_date",
            "too_long",
            f"最早的记账日到下一个账单日超过 {MAX_WINDOW_DAYS} 天。本计算器只算一个账单周期，请检查日期。",
            f"More than {MAX_WINDOW_DAYS} days from the first posting date to the next statement date. "
            "This calculator covers one statement cycle: check the dates.",
        )

    balance_due = sum((a for _, a in txs), _ZERO)
    paid_by_due = sum((a for d, a in pays if d <= due_date), _ZERO)
    unpaid = max(_ZERO, balance_due - paid_by_due)
    result = {
        "method": method,
        "statement_balance_yuan": money(balance_due),
        "paid_by_due_yuan": money(paid_by_due),
        "unpaid_at_due_yuan": money(unpaid),
        "paid_in_full": unpaid <= tolerance,
        "interest_yuan": money(_ZERO),
        "interest_days_total": 0,
        "segments": [],
    }
    if result["paid_in_full"]:
        return result

    # Balance changes: (date, delta). The balance on a day is the sum of the
    # deltas dated on or before it, floored at zero.
    if method == "full":
        events = [(d, a) for d, a in txs] + [(d, -a) for d, a in pays]
    else:
        left = paid_by_due  # applied to the oldest transactions first
        events = []
        for d, a in txs:
            used = min(left, a)
            left -= used
            if a - used > 0:
                events.append((d, a - used))
        events += [(d, -a) for d, a in pays if d > due_date]
    last_day = statement_date if day_count == "inclusive" else statement_date - _ONE_DAY

    change_days = sorted({d for d, _ in events if first < d <= last_day} | {first})
    segments: list[dict] = []
    for k, start in enumerate(change_days):
        end = change_days[k + 1] - _ONE_DAY if k + 1 < len(change_days) else last_day
        bal = max(_ZERO, sum((a for d, a in events if d <= start), _ZERO))
        if segments and segments[-1]["_bal"] == bal:  # merge equal balances
            segments[-1]["_end"] = end
            continue
        segments.append({"_start": start, "_end": end, "_bal": bal})
    rows, exact, days_total = [], [], 0
    for s in segments:
        days = (s["_end"] - s["_start"]).days + 1
        exact.append(s["_bal"] * rate * days)
        if s["_bal"] > 0:
            days_total += days
        rows.append(
            {
                "from": s["_start"].isoformat(),
                "to": s["_end"].isoformat(),
                "days": days,
                "balance_yuan": money(s["_bal"]),
            }
        )
    total = money(sum(exact, _ZERO))
    for r, share in zip(rows, _allocate(exact, total), strict=True):
        r["interest_yuan"] = share
    result.update(interest_yuan=total, interest_days_total=days_total, segments=rows)
    return result


def _allocate(exact: list, total: Decimal) -> list:
    """Round each of ``exact`` (all >= 0) to the fen so that they add up to ``total``.

    Each is rounded down, then the fen left over go to the largest remainders
    (the earlier row first on a tie).

    >>> _allocate([Decimal("0.0452"), Decimal("0.995")], Decimal("1.04"))
    [Decimal('0.05'), Decimal('0.99')]
    """
    floors = [x.quantize(FEN, rounding=ROUND_DOWN) for x in exact]
    left = int((total - sum(floors, _ZERO)) / FEN)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:left]:
        floors[i] += FEN
    return [money(x) for x in floors]


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------

_METHOD_LABELS = {
    "full": t("全额计息（从每笔消费记账日起，按全部金额）", "Whole amount from each posting date"),
    "unpaid_only": t("只对未还部分计息", "Unpaid part only"),
}

_REF_PBOC_2016 = {
    "zh": "《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号），2017-01-01 起施行：透支利率上限日利率万分之五、下限为其 0.7 倍。",
    "en": "PBOC, Notice on matters concerning credit card business (Yinfa [2016] No. 111), in force 2017-01-01: "
    "overdraft rate between 0.035 % and 0.05 % per day.",
    "url": "http://www.pbc.gov.cn/tiaofasi/144941/3581332/3589049/index.html",
}
_REF_PBOC_2020 = {
    "zh": "《中国人民银行关于推进信用卡透支利率市场化改革的通知》（银发〔2020〕327号）：取消透支利率上下限，由发卡机构与持卡人自主协商确定。",
    "en": "PBOC, Notice on market-based credit card overdraft rates (Yinfa [2020] No. 327): the upper and lower "
    "limits were removed; the rate is agreed between issuer and cardholder.",
    "url": "https://xining.pbc.gov.cn/zhengwugongkai/4081330/4406346/4693549/4159909/index.html",
}
_REF_SPDB = {
    "zh": "浦发银行《账单分期付款业务条款与细则》第 8 条（约 2018 年版本）：未全额还款则不享受免息还款期。",
    "en": "SPDB, terms for statement instalments, item 8 (c. 2018 version): a statement not repaid in full "
    "loses the interest-free period.",
    "url": None,
}


def _compute(values: dict) -> dict:
    return revolving_interest(
        transactions=values["transactions"],
        payments=values["payments"] or [],
        statement_date=values["statement_date"],
        due_date=values["due_date"],
        daily_rate=values["daily_rate"],
        method=values["method"],
        day_count=values["day_count"],
        tolerance_yuan=values["tolerance_yuan"] if values["tolerance_yuan"] is not None else Decimal("0"),
    )


def explain(values: dict, result: dict, lang: str) -> str:
    """One or two plain sentences about the result, in ``lang`` ("zh" or "en")."""
    en = lang == "en"
    bal = fmt_yuan(result["statement_balance_yuan"], lang)
    paid = fmt_yuan(result["paid_by_due_yuan"], lang)
    if result["paid_in_full"]:
        unpaid = result.get("unpaid_at_due_yuan", 0)
        if unpaid > 0:  # within the tolerance: say what was actually paid, not "you repaid"
            left = fmt_yuan(unpaid, lang)
            if en:
                return (
                    f"The statement was {bal} and {paid} was repaid by the due date. The {left} left unpaid is "
                    "within your card's tolerance (容差), so the statement counts as repaid in full and no "
                    "interest is charged on it."
                )
            return f"账单 {bal}，到期前还了 {paid}。未还的 {left} 在容差范围内，视同全额还款，这期账单不产生利息。"
        if en:
            return f"You repaid the {bal} statement by the due date, so no interest is charged on it."
        return f"你在到期还款日前还清了 {bal} 的账单，这期账单不产生利息。"
    interest = fmt_yuan(result["interest_yuan"], lang)
    days = result["interest_days_total"]
    if result.get("method") == "unpaid_only":
        if en:
            return (
                f"The statement was {bal} and {paid} was repaid by the due date. If only the unpaid part "
                f"bears interest, about {interest} of interest ({_fmt.count(days, 'day', 'days')}) appears on the next statement."
            )
        return (
            f"账单 {bal}，到期前还了 {paid}。如果只对未还部分计息，下一期账单上约有 {interest} 利息（计息 {days} 天）。"
        )
    if en:
        return (
            f"The statement was {bal} but only {paid} was repaid by the due date, so the whole amount "
            f"bears interest from each purchase's posting date: about {interest} ({_fmt.count(days, 'day', 'days')}) on the next "
            "statement. Repaying the statement in full by the due date avoids this interest."
        )
    return (
        f"账单 {bal}，到期前只还了 {paid}，没有全额还款，所以从每笔消费的记账日起按全部金额计息："
        f"下一期账单上约有 {interest} 利息（计息 {days} 天）。到期前全额还款就不会产生这笔利息。"
    )


CALCULATOR = Calculator(
    name="revolving_interest",
    title=t("循环利息计算器", "Revolving interest calculator"),
    question=t("只还最低还款额，要付多少利息？", "How much interest if I pay only the minimum?"),
    fields=(
        Field(
            "transactions",
            "list",
            t("本期账单上的消费", "Transactions on the statement"),
            help=t(
                "账单上每笔消费的记账日和金额（不是交易日）。",
                "Posting date (记账日, not the purchase date) and amount of each purchase on the statement.",
            ),
            example=[
                {"posting_date": "2026-03-01", "amount_yuan": "6000"},
                {"posting_date": "2026-03-11", "amount_yuan": "4000"},
            ],
            items=(
                Field("posting_date", "date", t("记账日", "Posting date")),
                Field("amount_yuan", "money", t("金额", "Amount"), unit=YUAN, minimum="0.01", maximum=MAX_YUAN),
            ),
            max_items=50,
        ),
        Field(
            "payments",
            "list",
            t("还款", "Payments"),
            help=t(
                "到期还款日前后、下一个账单日之前的每笔还款。没有还款可以不填。",
                "Each repayment made up to the next statement date. Leave empty if you paid nothing.",
            ),
            example=[{"date": "2026-04-09", "amount_yuan": "1000"}],
            required=False,
            blank_means=t("不填表示没有还款。", "Left empty, nothing was paid."),
            items=(
                Field("date", "date", t("还款日期", "Date")),
                Field("amount_yuan", "money", t("金额", "Amount"), unit=YUAN, minimum="0.01", maximum=MAX_YUAN),
            ),
            max_items=50,
        ),
        Field(
            "due_date",
            "date",
            t("到期还款日", "Due date"),
            help=t("本期账单的最后还款日。", "The last day to repay this statement."),
            example="2026-04-09",
        ),
        Field(
            "statement_date",
            "date",
            t("下一个账单日", "Next statement date"),
            help=t(
                "利息记在下一期账单上；计到这一天。",
                "Interest is posted on the next statement; it is counted up to this day.",
            ),
            example="2026-04-20",
        ),
        Field(
            "daily_rate",
            "rate",
            t("日利率", "Daily rate"),
            unit=PERCENT,
            percent=True,
            help=t(
                "常见为每天 0.05%（万分之五）。2020 年 12 月 31 日的通知取消上下限后，银行可以自定利率，请以你的合同或账单为准。",
                "Commonly 0.05 % per day. Since a PBoC notice of 31 Dec 2020, banks may set other rates: check your agreement or statement.",
            ),
            example="0.0005",
            minimum="0",
            maximum="0.01",
        ),
        Field(
            "method",
            "choice",
            t("计息方式", "How interest is charged"),
            help=t(
                "常见做法是：未全额还款时按全部金额、从每笔消费的记账日起计息（全额计息）。也有银行据称只对未还部分计息，请以你的合同为准。",
                "The common practice: if the statement is not repaid in full, the whole amount bears interest from "
                "each posting date. Some banks are said to charge only on the unpaid part: check your agreement.",
            ),
            example="full",
            required=False,
            blank="full",
            choices=tuple((k, v) for k, v in _METHOD_LABELS.items()),
        ),
        Field(
            "day_count",
            "choice",
            t("计息天数", "Day count"),
            example="inclusive",
            required=False,
            blank="inclusive",
            choices=(
                ("inclusive", t("从记账日算到下一个账单日（含当天）", "Posting date through the statement date")),
                ("exclusive_end", t("算到下一个账单日前一天", "Up to the day before the statement date")),
            ),
        ),
        Field(
            "tolerance_yuan",
            "money",
            t("容差", "Tolerance"),
            unit=YUAN,
            help=t(
                "如果你的卡有容差服务（把很小的未还金额视为已全额还款），填写合同写明的额度；不知道就填 0。",
                "If your card agreement treats a very small unpaid amount as paid in full, enter that amount. "
                "Enter 0 if you do not know.",
            ),
            example="0",
            required=False,
            blank="0",
            blank_means=t("留空表示没有容差（按 0 计算）。", "Left blank, there is no tolerance (0)."),
            minimum="0",
            maximum="1000",
        ),
    ),
    outputs=(
        Output(
            "interest_yuan",
            t("下一期账单上的利息", "Interest on the next statement"),
            "money",
            primary=True,
        ),
        Output("interest_days_total", t("计息天数", "Days of interest"), "days"),
        Output("statement_balance_yuan", t("本期账单金额", "Statement balance"), "money"),
        Output("paid_by_due_yuan", t("到期前已还", "Repaid by the due date"), "money"),
        Output("unpaid_at_due_yuan", t("到期时未还", "Unpaid at the due date"), "money"),
    ),
    compute=_compute,
    table=Table(
        "segments",
        (
            Column("from", t("起", "From"), "date"),
            Column("to", t("止（含）", "To (incl.)"), "date"),
            Column("days", t("天数", "Days"), "days"),
            Column("balance_yuan", t("计息金额", "Balance bearing interest"), "money"),
            Column("interest_yuan", t("利息", "Interest"), "money"),
        ),
        t("分段计息明细", "Interest, segment by segment"),
    ),
    explain=explain,
    conventions=t(
        "未在到期还款日前全额还款时，默认按“全额计息”：每笔消费从记账日起、按全部金额计息，某天还款后当天起按减少后的金额计息；"
        "选“只对未还部分计息”时，到期前的还款先冲抵最早的消费。默认从记账日算到下一个账单日（含两端）。"
        "每段利息 = 金额 × 日利率 × 天数，四舍五入到分，总利息为各段之和。容差默认为 0。不含违约金和分期手续费。",
        "If the statement is not repaid in full by the due date, the default is the common practice: the whole amount "
        'bears interest from each posting date, and a payment lowers the balance from its own date. With "unpaid part '
        'only", payments made by the due date are applied to the oldest purchases first. Days are counted from the '
        "posting date through the next statement date (both included) by default. Each segment's interest = balance x "
        "daily rate x days, rounded half-up to the fen; the total is the sum of the segments. The tolerance defaults "
        "to 0. Late fees and instalment fees are not included.",
    ),
    references=(_REF_PBOC_2016, _REF_PBOC_2020, _REF_SPDB),
)
