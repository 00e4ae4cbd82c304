"""Overdue cost: interest and late fees when a card payment is missed.

逾期成本：信用卡逾期后，利息和违约金一共要多付多少。

:func:`overdue_cost` adds up, for a balance that was not repaid in full, the
interest from the posting date through the days after the due date, with or
without monthly compounding, and the late fee (违约金) on the unpaid part of
the minimum payment.

Conventions
-----------
- **Timeline.** Day 1 is the day interest starts: the posting date (记账日) of
  the debt. Interest runs ``days_before_due`` days on the whole balance (全额计息:
  a statement not repaid in full loses the interest-free period), then
  ``days_overdue`` days on the balance less ``paid_amount`` (paid on the due date).
  If ``paid_amount`` covers the whole balance there is no interest.
- **Monthly compounding (``compounding="monthly"``, default).** Interest is
  posted every ``cycle_days`` days counted from day 1; each posted amount is
  rounded ROUND_HALF_UP to the fen and bears interest afterwards (按月计收复利,
  the historic rule of the 1999 PBOC measures, art. 23; card contracts still
  name 复利). Real statements post interest on the statement date, so a real bill
  can differ by a few days' interest. ``"none"``: simple interest, each cycle's
  interest rounded to the fen but never added to the balance that bears interest.
- **Late fee (违约金).** ``late_fee_rate`` x (minimum payment - amount paid),
  rounded to the fen, then raised to ``late_fee_min`` and capped at
  ``late_fee_max`` if given. Since 2017 whether and how it is charged is agreed
  in the card contract; 5 % of the unpaid part of the minimum is typical, and it
  must not bear interest (PBOC 银发〔2016〕111号), so it is never compounded here.
- **Late-fee cycles.** One fee per missed due date. If ``late_fee_cycles`` is not
  given it is ``1 + (days_overdue - 1) // cycle_days`` (the first due date, plus
  one more every ``cycle_days`` days overdue). Each fee uses the *same* unpaid
  minimum; in reality the next minimum usually includes the unpaid one, so
  later fees can be larger: treat the late-fee total as a low estimate.
- **Late fee alone.** With no balance (``principal_yuan`` 0) only the fee is
  worked out; the amount owed is then the unpaid minimum plus the fee.
- **Rounding.** Money ROUND_HALF_UP to the fen; totals are sums of the rows.

References
----------
.. [1] 《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）, in force
   2017-01-01: 滞纳金 abolished, 违约金 by agreement, no over-limit fee, and no
   interest on 违约金 or fees.
.. [2] 《银行卡业务管理办法》(PBOC, 1999) arts. 22-23 (superseded): 5 % of the
   unpaid minimum; overdraft interest compounded monthly at 0.05 % per day.
.. [3] 《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》（2021）art. 2: a court
   weighs whether the total of interest, compound interest and 违约金 is too high.

Examples
--------
10,000 yuan posted 25 days before the due date, nothing paid, 90 days overdue,
0.05 % per day compounded every 30 days, minimum payment 1,000:

>>> from decimal import Decimal
>>> r = overdue_cost(principal_yuan=Decimal("10000"), days_overdue=90, days_before_due=25,
...                  minimum_payment=Decimal("1000"))
>>> r["interest_posted_per_cycle"]
[Decimal('150.00'), Decimal('152.25'), Decimal('154.53'), Decimal('130.71')]
>>> r["interest_yuan"], r["late_fee_cycles"], r["late_fee_yuan"], r["total_cost_yuan"], r["amount_owed_yuan"]
(Decimal('587.49'), 3, Decimal('150.00'), Decimal('737.49'), Decimal('10737.49'))

The late fee alone (minimum 1,000, 300 paid, one day late):

>>> overdue_cost(minimum_payment=Decimal("1000"), paid_amount=Decimal("300"), days_overdue=1)["late_fee_yuan"]
Decimal('35.00')
"""

from __future__ import annotations

from decimal import Decimal

from ._core import (
    DAYS,
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

__all__ = ["overdue_cost", "late_fee", "default_late_fee_cycles", "CALCULATOR", "COMPOUNDING"]

COMPOUNDING = ("monthly", "none")
_ZERO = Decimal("0")
#: Largest amount a money field accepts (100 million yuan): keeps every figure well inside
#: Decimal precision, however long the plan.
MAX_YUAN = "100000000"


def late_fee(unpaid_minimum, rate=Decimal("0.05"), minimum=None, maximum=None) -> Decimal:
    """One late fee (违约金) on the unpaid part of the minimum payment.

    ``rate`` x ``unpaid_minimum`` rounded half-up to the fen, raised to
    ``minimum`` and capped at ``maximum`` when given; 0 when nothing is unpaid.

    >>> late_fee(Decimal("700")), late_fee(Decimal("100"), minimum=Decimal("10"))
    (Decimal('35.00'), Decimal('10.00'))
    >>> late_fee(Decimal("0"), minimum=Decimal("10"))
    Decimal('0.00')
    """
    unpaid = _d(unpaid_minimum)
    if unpaid <= 0:
        return money(_ZERO)
    fee = money(_d(rate) * unpaid)
    if minimum is not None:
        fee = max(fee, money(_d(minimum)))
    if maximum is not None:
        fee = min(fee, money(_d(maximum)))
    return fee


def default_late_fee_cycles(days_overdue: int, cycle_days: int = 30) -> int:
    """Missed due dates in ``days_overdue`` days: the first, then one every cycle (none at day 0).

    >>> [default_late_fee_cycles(d) for d in (0, 1, 30, 31, 90, 91)]
    [0, 1, 1, 2, 3, 4]
    """
    if days_overdue <= 0:
        return 0
    return 1 + (days_overdue - 1) // cycle_days


def overdue_cost(
    principal_yuan=Decimal("0"),
    days_overdue: int = 0,
    days_before_due: int = 0,
    daily_rate=Decimal("0.0005"),
    cycle_days: int = 30,
    compounding: str = "monthly",
    minimum_payment=Decimal("0"),
    paid_amount=Decimal("0"),
    late_fee_rate=Decimal("0.05"),
    late_fee_min=None,
    late_fee_max=None,
    late_fee_cycles=None,
) -> dict:
    """Interest and late fees on an overdue card balance.

    Parameters
    ----------
    principal_yuan : Decimal
        The balance that was due (0 = not known: late fee only).
    days_overdue : int
        Days after the due date.
    days_before_due : int
        Days of interest before the due date (posting date to due date).
    daily_rate : Decimal
        Daily rate as a fraction (0.0005 = 0.05 % per day).
    cycle_days : int
        Days between interest postings (statement cycle).
    compounding : {"monthly", "none"}
        Whether posted interest bears interest afterwards.
    minimum_payment, paid_amount : Decimal
        The minimum payment due and what was paid (on the due date).
    late_fee_rate, late_fee_min, late_fee_max : Decimal
        Late fee rate on the unpaid part of the minimum, optional floor and cap.
    late_fee_cycles : int or None
        Number of late fees; default from ``days_overdue`` (see module notes).

    Returns
    -------
    dict
        ``principal_yuan``, ``days_overdue`` (the inputs, echoed),
        ``interest_yuan``, ``late_fee_yuan``, ``late_fee_per_cycle_yuan``,
        ``late_fee_cycles``, ``unpaid_minimum_yuan``, ``total_cost_yuan``
        (interest + late fees), ``amount_owed_yuan``, ``interest_days``,
        ``interest_posted_per_cycle`` (list of Decimal) and ``schedule`` (rows
        ``cycle, from_day, to_day, days, balance_yuan, interest_yuan,
        late_fee_yuan, cost_to_date_yuan, owed_yuan``).
    """
    if compounding not in COMPOUNDING:
        raise ValueError(f"compounding must be one of {COMPOUNDING}")
    principal = _d(principal_yuan)
    rate = _d(daily_rate)
    minimum = _d(minimum_payment)
    paid = _d(paid_amount)
    if cycle_days < 1 or days_overdue < 0 or days_before_due < 0:
        raise ValueError("cycle_days >= 1, days >= 0")
    errors = []
    if principal <= 0 and minimum <= 0:
        errors.append(
            InputError(
                "principal_yuan",
                "required",
                "请填写欠款金额，或者至少填写最低还款额（只算违约金）。",
                "Enter the balance owed, or at least the minimum payment (for the late fee alone).",
            )
        )
    if principal > 0 and minimum > principal:
        errors.append(
            InputError(
                "minimum_payment",
                "too_large",
                "最低还款额不能大于欠款金额。",
                "The minimum payment cannot be more than the balance.",
            )
        )
    if principal > 0 and paid > principal:
        errors.append(
            InputError(
                "paid_amount",
                "too_large",
                "已还金额不能大于欠款金额。",
                "The amount paid cannot be more than the balance.",
            )
        )
    if late_fee_min is not None and late_fee_max is not None and _d(late_fee_min) > _d(late_fee_max):
        errors.append(
            InputError(
                "late_fee_min",
                "bad_order",
                "违约金下限不能高于上限。",
                "The late-fee floor cannot be higher than the cap.",
            )
        )
    unpaid_min = max(_ZERO, minimum - paid)
    max_cycles = default_late_fee_cycles(days_overdue, cycle_days) if unpaid_min > 0 else 0
    if late_fee_cycles is None:
        cycles = max_cycles
    elif unpaid_min > 0 and late_fee_cycles > max_cycles:
        errors.append(
            InputError(
                "late_fee_cycles",
                "too_large",
                f"逾期 {days_overdue} 天最多错过 {max_cycles} 个还款日，违约金次数不能超过 {max_cycles}。请增加逾期天数或减少次数。",
                f"{days_overdue} days overdue covers at most {max_cycles} missed due date(s), so at most "
                f"{max_cycles} late fee(s). Increase the days overdue or lower this number.",
            )
        )
        cycles = max_cycles
    else:
        cycles = late_fee_cycles if unpaid_min > 0 else 0
    if errors:
        raise InputError.collect(errors)

    fee_once = late_fee(unpaid_min, late_fee_rate, late_fee_min, late_fee_max)
    if fee_once == 0:
        cycles = 0
    paid_in_full = principal > 0 and paid >= principal
    after = principal - paid  # balance bearing interest after the due date
    total_days = days_before_due + days_overdue
    bears = principal > 0 and not paid_in_full

    n_rows = max(1, -(-total_days // cycle_days))
    fee_rows = [0] * n_rows
    for j in range(cycles):
        fee_rows[min(n_rows - 1, (days_before_due + j * cycle_days) // cycle_days)] += 1

    base_owed = max(_ZERO, max(principal, minimum) - paid)
    carried = _ZERO  # posted interest that bears interest (monthly compounding)
    posted, rows = [], []
    cum_interest = cum_fee = _ZERO
    for k in range(n_rows):
        start, end = k * cycle_days, min((k + 1) * cycle_days, total_days)
        days = max(0, end - start)
        exact = _ZERO
        if bears and days:
            d_full = max(0, min(end, days_before_due) - start)  # days on the whole balance
            d_after = days - d_full
            exact = rate * ((principal + carried) * d_full + (after + carried) * d_after)
        interest = money(exact)
        start_balance = (principal if start < days_before_due else after) + carried if bears else _ZERO
        posted.append(interest)
        if compounding == "monthly":
            carried += interest
        fee = fee_once * fee_rows[k]
        cum_interest += interest
        cum_fee += fee
        owed_base = principal if (end < days_before_due and principal > 0) else base_owed
        rows.append(
            {
                "cycle": k + 1,
                "from_day": start + 1 if days else start,
                "to_day": end,
                "days": days,
                "balance_yuan": money(start_balance),
                "interest_yuan": interest,
                "late_fee_yuan": money(fee),
                "cost_to_date_yuan": money(cum_interest + cum_fee),
                "owed_yuan": money(owed_base + cum_interest + cum_fee),
            }
        )
    total_cost = cum_interest + cum_fee
    return {
        "principal_yuan": money(principal),
        "days_overdue": days_overdue,
        "interest_yuan": money(cum_interest),
        "late_fee_yuan": money(cum_fee),
        "late_fee_per_cycle_yuan": fee_once,
        "late_fee_cycles": cycles,
        "unpaid_minimum_yuan": money(unpaid_min),
        "total_cost_yuan": money(total_cost),
        "amount_owed_yuan": money(base_owed + total_cost),
        "interest_days": total_days if bears else 0,
        "interest_posted_per_cycle": posted,
        "schedule": rows,
    }


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------

_REF_PBOC_2016 = {
    "zh": "《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号），2017-01-01 起施行：取消滞纳金，违约金由发卡机构与持卡人协议约定；"
    "不得收取超限费；不得对违约金和年费、取现手续费、货币兑换费等服务费用计收利息。",
    "en": "PBOC, Notice on matters concerning credit card business (Yinfa [2016] No. 111), in force 2017-01-01: the "
    "late charge was abolished and any late fee (违约金) is agreed in the card contract; no over-limit fee; no "
    "interest on late fees, annual fees or other service fees.",
    "url": "http://www.pbc.gov.cn/tiaofasi/144941/3581332/3589049/index.html",
}
_REF_PBOC_1999 = {
    "zh": "《银行卡业务管理办法》（中国人民银行，1999，已被取代）第二十二、二十三条：最低还款额未还部分 5% 的滞纳金；透支按月计收复利，日利率万分之五。",
    "en": "PBOC, Measures on bank card business (1999, superseded), arts. 22-23: a 5 % charge on the unpaid minimum; "
    "overdraft interest compounded monthly at 0.05 % per day.",
    "url": None,
}
_REF_SPC_2021 = {
    "zh": "《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》（2021-05-25 起施行）第二条：持卡人主张透支利息、复利、违约金等总额过高的，法院综合考量后处理（没有规定固定上限）。",
    "en": "Supreme People's Court, Provisions on bank card civil disputes (in force 2021-05-25), art. 2: if the "
    "cardholder argues that interest, compound interest and late fees are too high in total, the court weighs "
    "the circumstances (no fixed cap).",
    "url": "https://www.court.gov.cn/zixun/xiangqing/304771.html",
}


def _compute(values: dict) -> dict:
    zero = Decimal("0")
    v = {k: (zero if values[k] is None else values[k]) for k in ("principal_yuan", "minimum_payment", "paid_amount")}
    return overdue_cost(
        principal_yuan=v["principal_yuan"],
        days_overdue=values["days_overdue"],
        days_before_due=values["days_before_due"],
        daily_rate=values["daily_rate"],
        cycle_days=values["cycle_days"],
        compounding=values["compounding"],
        minimum_payment=v["minimum_payment"],
        paid_amount=v["paid_amount"],
        late_fee_rate=values["late_fee_rate"],
        late_fee_min=values["late_fee_min"],
        late_fee_max=values["late_fee_max"],
        late_fee_cycles=values["late_fee_cycles"],
    )


def explain(values: dict, result: dict, lang: str) -> str:
    """One or two plain sentences about the result, in ``lang`` ("zh" or "en")."""
    en = lang == "en"
    fee = fmt_yuan(result["late_fee_yuan"], lang)
    n_fee = result["late_fee_cycles"]
    owed = fmt_yuan(result["amount_owed_yuan"], lang)
    if result["principal_yuan"] <= 0:
        if en:
            return (
                f"The late fee comes to {fee} ({n_fee} time(s) on the {fmt_yuan(result['unpaid_minimum_yuan'], lang)} "
                "of the minimum payment left unpaid). It must not bear interest."
            )
        return f"违约金约 {fee}（按最低还款额未还部分 {fmt_yuan(result['unpaid_minimum_yuan'], lang)} 计 {n_fee} 次），违约金不计利息。"
    interest = fmt_yuan(result["interest_yuan"], lang)
    cost = fmt_yuan(result["total_cost_yuan"], lang)
    days = result["days_overdue"]
    if en:
        return (
            f"After {days} days overdue, interest of about {interest} and late fees of about {fee} add {cost} "
            f"to the debt, so about {owed} is owed in all. Every further day adds interest, so contacting the bank "
            "early matters."
        )
    return f"逾期 {days} 天后，利息约 {interest}、违约金约 {fee}，共多出 {cost}，合计约欠 {owed}。每多拖一天都会继续产生利息，尽早联系银行更有利。"


CALCULATOR = Calculator(
    name="overdue_cost",
    title=t("逾期成本计算器", "Overdue cost calculator"),
    question=t("逾期了，利息和违约金一共多少？", "I missed a payment: what will interest and fees cost?"),
    fields=(
        Field(
            "principal_yuan",
            "money",
            t("欠款金额", "Balance owed"),
            unit=YUAN,
            help=t(
                "到期没有还清的账单金额。只想算违约金可以填 0。",
                "The statement balance not repaid. Enter 0 to work out the late fee alone.",
            ),
            example="10000",
            required=False,
            blank_means=t(
                "留空表示不计欠款的利息，只算违约金（此时请填最低还款额）。",
                "Left blank, no interest is counted, only the late fee (then enter the minimum payment).",
            ),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "days_overdue",
            "integer",
            t("逾期天数", "Days overdue"),
            unit=DAYS,
            help=t("从到期还款日之后算起的天数。", "Days after the due date."),
            example="90",
            minimum="0",
            maximum="3650",
        ),
        Field(
            "days_before_due",
            "integer",
            t("记账日到还款日的天数", "Days from posting to due date"),
            unit=DAYS,
            help=t(
                "未全额还款时，通常从消费记账日起就开始计息。不知道可以填 0，只算到期之后的利息（会少算）。",
                "If the statement is not repaid in full, interest usually runs from the posting date. Enter 0 if "
                "unsure: only interest after the due date is counted (an underestimate).",
            ),
            example="25",
            minimum="0",
            maximum="366",
        ),
        Field(
            "daily_rate",
            "rate",
            t("日利率", "Daily rate"),
            unit=PERCENT,
            percent=True,
            help=t(
                "常见为每天 0.05%（万分之五）。2020 年 12 月 31 日的通知取消上下限后，银行可以自定利率，请以你的合同为准。",
                "Commonly 0.05 % per day. Since a PBoC notice of 31 Dec 2020, banks may set other rates: check your agreement.",
            ),
            example="0.0005",
            minimum="0",
            maximum="0.01",
        ),
        Field(
            "compounding",
            "choice",
            t("是否按月复利", "Monthly compounding"),
            help=t(
                "按月复利：每期的利息记入欠款后继续计息。违约金不计利息。",
                "Monthly: each cycle's interest is added to the balance and bears interest too. Late fees never do.",
            ),
            example="monthly",
            required=False,
            blank="monthly",
            choices=(
                ("monthly", t("按月复利", "Compounded monthly")),
                ("none", t("不复利（单利）", "Simple interest")),
            ),
        ),
        Field(
            "cycle_days",
            "integer",
            t("账单周期天数", "Days per statement cycle"),
            unit=DAYS,
            example="30",
            minimum="28",
            maximum="31",
        ),
        Field(
            "minimum_payment",
            "money",
            t("最低还款额", "Minimum payment"),
            unit=YUAN,
            help=t("账单上的最低还款额。", "The minimum payment on the statement."),
            example="1000",
            required=False,
            blank_means=t(
                "留空表示没有最低还款额可算，不计违约金。", "Left blank, there is no minimum to go by, so no late fee."
            ),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "paid_amount",
            "money",
            t("到期前已还", "Paid by the due date"),
            unit=YUAN,
            example="0",
            required=False,
            blank="0",
            blank_means=t("留空表示没有还（按 0 计算）。", "Left blank, nothing was paid (0)."),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "late_fee_rate",
            "rate",
            t("违约金比例", "Late fee rate"),
            unit=PERCENT,
            percent=True,
            help=t(
                "按最低还款额未还部分计算。常见为 5%，具体以你的合同为准。",
                "Charged on the unpaid part of the minimum payment. 5 % is typical; check your agreement.",
            ),
            example="0.05",
            minimum="0",
            maximum="1",
        ),
        Field(
            "late_fee_min",
            "money",
            t("每次违约金下限", "Late fee floor"),
            unit=YUAN,
            help=t("合同规定了最低收费才填。", "Only if your agreement sets a minimum fee."),
            required=False,
            blank_means=t("留空表示没有下限。", "Left blank, there is no floor."),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "late_fee_max",
            "money",
            t("每次违约金上限", "Late fee cap"),
            unit=YUAN,
            help=t("合同规定了最高收费才填。", "Only if your agreement sets a maximum fee."),
            required=False,
            blank_means=t("留空表示没有上限。", "Left blank, there is no cap."),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "late_fee_cycles",
            "integer",
            t("违约金次数", "Number of late fees"),
            help=t(
                "每错过一个还款日收一次。不填则按逾期天数推算。",
                "One per missed due date. Leave empty to derive it from the days overdue.",
            ),
            required=False,
            blank_means=t("留空时按逾期天数推算。", "Left blank, it is derived from the days overdue."),
            minimum="0",
            maximum="200",
        ),
    ),
    outputs=(
        Output("total_cost_yuan", t("利息加违约金", "Interest plus late fees"), "money", primary=True),
        Output("interest_yuan", t("利息", "Interest"), "money"),
        Output("late_fee_yuan", t("违约金", "Late fees"), "money"),
        Output("amount_owed_yuan", t("一共欠款", "Amount owed in all"), "money"),
        Output("late_fee_per_cycle_yuan", t("每次违约金", "Each late fee"), "money"),
        Output("late_fee_cycles", t("违约金次数", "Number of late fees"), "count"),
        Output("interest_days", t("计息天数", "Days of interest"), "days"),
    ),
    compute=_compute,
    table=Table(
        "schedule",
        (
            Column("cycle", t("周期", "Cycle"), "count"),
            Column("from_day", t("从第几天", "From day"), "count"),
            Column("to_day", t("到第几天", "To day"), "count"),
            Column("balance_yuan", t("计息金额", "Balance bearing interest"), "money"),
            Column("interest_yuan", t("利息", "Interest"), "money"),
            Column("late_fee_yuan", t("违约金", "Late fee"), "money"),
            Column("cost_to_date_yuan", t("累计多付", "Extra cost so far"), "money"),
            Column("owed_yuan", t("欠款合计", "Amount owed"), "money"),
        ),
        t("按账单周期的明细", "Cycle by cycle"),
    ),
    chart=Chart(
        "line",
        "schedule",
        "cycle",
        (("owed_yuan", t("欠款合计", "Amount owed")), ("cost_to_date_yuan", t("累计多付", "Extra cost so far"))),
        t("欠款随时间增长", "How the debt grows"),
    ),
    explain=explain,
    conventions=t(
        "从消费记账日（第 1 天）起计息：到期前按全部欠款，到期后按欠款减去已还金额。按月复利时，每满一个账单周期，"
        "该期利息四舍五入到分后计入计息金额；实际账单在账单日结息，结果可能差几天的利息。违约金 = 比例 × 最低还款额未还部分，"
        "四舍五入到分，再按下限、上限调整；每错过一个还款日一次，违约金不计利息。以后各期的违约金按同一未还金额计算，"
        "实际最低还款额通常会累加，所以违约金合计是偏低的估计。",
        "Interest starts on the posting date (day 1): on the whole balance before the due date, and on the balance "
        "less what was paid after it. With monthly compounding each full cycle's interest, rounded half-up to the "
        "fen, is added to the balance bearing interest; real statements post interest on the statement date, so a "
        "real bill can differ by a few days' interest. Late fee = rate x the unpaid part of the minimum payment, "
        "rounded to the fen, then floor and cap; one per missed due date, and it never bears interest. Later fees "
        "reuse the same unpaid amount, while real minimums usually grow, so the late-fee total is a low estimate.",
    ),
    references=(_REF_PBOC_2016, _REF_PBOC_1999, _REF_SPC_2021),
)
