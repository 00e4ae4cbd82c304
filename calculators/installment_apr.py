"""账单分期的真实年化利率 · The real annual rate of a card instalment plan.

A bill instalment (账单分期) is usually advertised by a fee rate per period
(for example 0.75 % a month). The fee is charged on the *original* amount in
every period, although the amount owed falls each month, so the true cost per
year is close to twice ``fee rate x 12``. This module turns the plan into its
cash flows and computes the internal rate of return (IRR), the method the
People's Bank of China prescribes for showing a loan's annualised rate.

Conventions
-----------
* Cash flows, seen from the bank: ``-amount lent`` at t = 0, then the
  payments at the end of months 1..n. ``monthly_irr`` is the IRR of those
  flows (:func:`calculators.finance.irr`).
* ``apr_nominal = 12 x monthly IRR`` (the figure banks must disclose under
  PBoC announcement [2021] No. 3, IRR method); ``apr_effective =
  (1 + monthly IRR)**12 - 1`` (compounded). ``apr_simple_approx =
  24 * f * n / (n + 1)`` is only a shortcut (fee / average balance);
  ``flat_rate_annual = 12 * f`` is the misleading "fee rate per year".
* Principal: ``principal / n`` per period. ``principal_rounding``:
  ``exact`` (cash flows unrounded, the textbook figure; the schedule shows
  the "round" amounts), ``round`` (each period ROUND_HALF_UP to the fen, the
  last period takes what is left; when rounding up would leave the last period
  less than nothing, as with 10 yuan over 60 periods, each period is cut down to
  the fen instead) or ``truncate_remainder_last`` (each period
  cut down to the fen, the remainder in the last period). Either way the
  principal repaid adds up to the amount borrowed exactly.
* Fee: ``fee_rate x principal`` per period, ROUND_HALF_UP to the fen.
  ``fee_collection``: ``per_period`` (each month), ``upfront_first`` (the whole
  fee ``fee_rate x principal x n`` with the first payment) or ``upfront_t0``
  (the whole fee deducted when the money is lent: row 0 of the schedule).
* Money ROUND_HALF_UP to the fen; rates ROUND_HALF_UP to 1e-6 (fractions).
  Exception: ``monthly_irr`` is rounded to 1e-8 and ``apr_nominal`` is 12 x
  that figure exactly, so the two shown rates always agree.
* A fee that leaves so little that the rate passes :data:`MAX_APR` (1000 % a
  year) is refused with a message saying so, rather than printing a figure no
  one can read.
* Who uses it: card issuers quote 分期 this way (fee per period, equal
  principal); the PBoC method is the same IRR calculation.

References
----------
.. [1] 中国人民银行公告〔2021〕第3号 (明示贷款年化利率): annualised rate by the
   IRR (compound) method or a labelled simple method; worked example: 100,000
   lent, 1,000 fee up front, 12 x 8,833.3 -> about 12.80 % (x12) and
   13.58 % (compounded). https://xining.pbc.gov.cn/goutongjiaoliu/113456/113469/2025092212551432728/index.html
.. [2] 《关于进一步促进信用卡业务规范健康发展的通知》 (CBIRC and PBoC, July 2022),
   as reported by 人民日报 2022-07-08 p. 8: instalment costs must be shown as
   interest (annualised); instalments at most 5 years.
.. [3] 浦发银行《账单分期付款业务条款与细则》 (captured c. 2018): 3 periods 0.90 %,
   12 periods 0.74 % per period.

Examples
--------
>>> import calculators
>>> r = calculators.run("installment_apr", {"principal_yuan": "10000", "periods": 12,
...                                         "fee_rate_per_period": "0.75%"})
>>> r["result"]["monthly_payment_yuan"], r["result"]["total_fee_yuan"]
(Decimal('908.33'), Decimal('900.00'))
>>> r["result"]["apr_nominal"]
Decimal('0.16216428')
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from ._core import (
    PERIODS,
    YUAN,
    Calculator,
    Chart,
    Column,
    Field,
    InputError,
    Output,
    Table,
    fmt_pct,
    fmt_yuan,
    money,
    rate,
    t,
)
from .finance import irr

__all__ = [
    "CALCULATOR",
    "principal_parts",
    "schedule",
    "cash_flows",
    "annualise",
    "simple_approx",
    "compute",
    "explain",
]

FEE_COLLECTIONS = ("per_period", "upfront_first", "upfront_t0")
#: Largest annual rate shown (1000 %): beyond it the result is an explanation, not a figure.
MAX_APR = Decimal("10")
ROUNDINGS = ("exact", "round", "truncate_remainder_last")


def principal_parts(principal: Decimal, periods: int, rounding: str) -> list:
    """Principal repaid in each period; the parts add up to ``principal`` exactly.

    ``exact`` returns unrounded ``principal / periods`` (the caller's Decimal
    context sets the precision); the others work to the fen.

    >>> principal_parts(Decimal("100"), 3, "round")
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    >>> principal_parts(Decimal("200"), 3, "round")
    [Decimal('66.67'), Decimal('66.67'), Decimal('66.66')]
    >>> principal_parts(Decimal("200"), 3, "truncate_remainder_last")
    [Decimal('66.66'), Decimal('66.66'), Decimal('66.68')]
    >>> principal_parts(Decimal("10"), 60, "round")[-1]  # never below zero
    Decimal('0.56')
    """
    if periods < 1:
        raise ValueError("periods must be at least 1")
    if rounding == "exact":
        return [principal / periods] * periods
    mode = {"round": decimal.ROUND_HALF_UP, "truncate_remainder_last": decimal.ROUND_DOWN}[rounding]
    each = (principal / periods).quantize(Decimal("0.01"), rounding=mode)
    if each * (periods - 1) > principal:  # rounding up would leave the last period negative
        each = (principal / periods).quantize(Decimal("0.01"), rounding=decimal.ROUND_DOWN)
    return [each] * (periods - 1) + [principal - each * (periods - 1)]


def schedule(principal: Decimal, periods: int, fee_rate: Decimal, fee_collection: str, rounding: str) -> list:
    """Repayment schedule to the fen: rows ``period, principal, fee, payment, remaining``.

    Period 0 (only for ``upfront_t0``) is the fee taken when the money is lent.
    ``exact`` is shown with the ``round`` amounts.

    >>> rows = schedule(Decimal("1000"), 2, Decimal("0.01"), "per_period", "round")
    >>> [(r["period"], r["payment"], r["remaining"]) for r in rows]
    [(1, Decimal('510.00'), Decimal('500.00')), (2, Decimal('510.00'), Decimal('0.00'))]
    """
    parts = principal_parts(principal, periods, "round" if rounding == "exact" else rounding)
    fee_each = money(principal * fee_rate)
    fee_total = money(principal * fee_rate * periods)
    rows = []
    remaining = principal
    if fee_collection == "upfront_t0":
        rows.append(
            {"period": 0, "principal": money(0), "fee": fee_total, "payment": fee_total, "remaining": money(principal)}
        )
    for k, part in enumerate(parts, start=1):
        if fee_collection == "per_period":
            fee = fee_each
        elif fee_collection == "upfront_first" and k == 1:
            fee = fee_total
        else:
            fee = money(0)
        remaining -= part
        rows.append(
            {
                "period": k,
                "principal": money(part),
                "fee": fee,
                "payment": money(part + fee),
                "remaining": money(remaining),
            }
        )
    return rows


def cash_flows(
    principal: Decimal, periods: int, fee_rate: Decimal, fee_collection: str, rounding: str, rows: list | None = None
) -> list:
    """The plan's cash flows seen from the bank: ``[-lent, payment_1, ..., payment_n]``.

    Unless ``rounding`` is ``"exact"``, they are the payments of :func:`schedule`; pass its
    ``rows`` when you already have them for these inputs, so they are not worked out twice.

    >>> cash_flows(Decimal("1000"), 2, Decimal("0.01"), "upfront_t0", "round")
    [Decimal('-980.00'), Decimal('500.00'), Decimal('500.00')]
    """
    if rounding != "exact":
        if rows is None:
            rows = schedule(principal, periods, fee_rate, fee_collection, rounding)
        flows = [-principal]
        for r in rows:
            if r["period"] == 0:
                flows[0] += r["payment"]
            else:
                flows.append(r["payment"])
        return flows
    parts = principal_parts(principal, periods, "exact")
    fee_each = principal * fee_rate
    fee_total = fee_each * periods
    if fee_collection == "per_period":
        return [-principal] + [p + fee_each for p in parts]
    if fee_collection == "upfront_first":
        return [-principal, parts[0] + fee_total] + parts[1:]
    return [-(principal - fee_total)] + parts


def annualise(monthly: Decimal) -> tuple:
    """``(12 x monthly, (1 + monthly)**12 - 1)``, unrounded.

    >>> annualise(Decimal("0.01"))
    (Decimal('0.12'), Decimal('0.126825030131969720661201'))
    """
    return monthly * 12, (1 + monthly) ** 12 - 1


def simple_approx(fee_rate: Decimal, periods: int) -> Decimal:
    """The shortcut ``24 f n / (n + 1)``: total fee over the average balance, per year.

    >>> simple_approx(Decimal("0.0075"), 12).quantize(Decimal("0.0001"))
    Decimal('0.1662')
    """
    return fee_rate * periods * 24 / (periods + 1)


def compute(values: dict) -> dict:
    """Run the calculator on parsed ``values`` (see the module docstring)."""
    p = values["principal_yuan"]
    n = values["periods"]
    f = values["fee_rate_per_period"]
    how = values["fee_collection"]
    rounding = values["principal_rounding"]
    rows = schedule(p, n, f, how, rounding)
    if how == "upfront_t0" and rows[0]["fee"] >= p:
        raise InputError(
            "fee_rate_per_period",
            "fee_too_high",
            "手续费合计不少于分期本金，扣除后你拿不到钱，无法计算利率。",
            "The total fee is at least the amount itself: deducted at the start it leaves you nothing, so "
            "there is no rate to compute.",
        )
    flows = cash_flows(p, n, f, how, rounding, rows)
    monthly = irr(flows)
    if monthly.is_nan():  # pragma: no cover - one sign change always has a root
        raise ArithmeticError("no IRR")
    if monthly * 12 > MAX_APR:
        received = money(p - rows[0]["fee"]) if how == "upfront_t0" else money(p)
        raise InputError(
            "fee_rate_per_period",
            "rate_over_limit",
            f"按这个手续费，你只实际拿到 {fmt_yuan(received, 'zh')}，折合年化利率超过 1000%，"
            "这样的分期没有意义。请核对手续费率和收取方式。",
            f"With this fee you actually receive only {fmt_yuan(received, 'en')}: the annual rate is over "
            "1000 %, so the plan makes no sense. Check the fee rate and how it is charged.",
        )
    monthly = rate(monthly, 8)  # shown to 1e-8; the annual figures follow from the shown one
    nominal, effective = annualise(monthly)
    parts = principal_parts(p, n, "round" if rounding == "exact" else rounding)
    fee_each = money(p * f)
    regular = parts[0] + (fee_each if how == "per_period" else 0)
    total_fee = sum((r["fee"] for r in rows), money(0))
    total_repaid = sum((r["payment"] for r in rows), money(0))
    by_period = [r for r in rows if r["period"] >= 1]
    return {
        "apr_nominal": nominal,  # 12 x the shown monthly rate, exactly
        "apr_effective": rate(effective, 8),
        "monthly_irr": monthly,
        "apr_simple_approx": rate(simple_approx(f, n)),
        "flat_rate_annual": rate(f * 12),
        "monthly_payment_yuan": money(regular),
        "first_payment_yuan": by_period[0]["payment"],
        "last_payment_yuan": by_period[-1]["payment"],
        "fee_per_period_yuan": fee_each,
        "total_fee_yuan": total_fee,
        "total_repaid_yuan": total_repaid,
        "amount_received_yuan": money(p - total_fee if how == "upfront_t0" else p),
        "schedule": rows,
        # echoes of the inputs, for explain()
        "principal_yuan": p,
        "fee_rate_per_period": f,
        "fee_collection": how,
    }


def explain(values: dict, result: dict, lang: str) -> str:
    """One or two plain sentences about the result, in ``lang`` ("zh" or "en").

    >>> import calculators
    >>> v = {"principal_yuan": "10000", "periods": 12, "fee_rate_per_period": "0.75%"}
    >>> print(explain(v, calculators.run("installment_apr", v)["result"], "en"))  # doctest: +NORMALIZE_WHITESPACE
    This instalment plan costs about 16.2% a year (IRR method), not the 0.75% a month it
    advertises: the fee is charged on the full ¥10,000.00 every month, although you owe
    less each month. In all you pay ¥900.00 in fees.
    """
    fee_pct = fmt_pct(result["fee_rate_per_period"], lang, 2)
    apr = fmt_pct(result["apr_nominal"], lang, 1)
    fees = fmt_yuan(result["total_fee_yuan"], lang)
    principal = result["principal_yuan"]
    if result["total_fee_yuan"] == 0:
        if lang == "zh":
            return "按这些数字，这笔分期不收手续费，年化成本为 0。请核对银行的实际报价：免息分期往往有期限或条件。"
        return (
            "With these figures the plan charges no fee, so it costs nothing extra. Check the bank's actual "
            "offer: fee-free plans often have conditions or time limits."
        )
    how = result.get("fee_collection", "per_period")
    p = fmt_yuan(principal, lang)
    if len([r for r in result.get("schedule", []) if r["period"] >= 1]) == 1:
        # One instalment: nothing is repaid along the way, so "you owe less each month" is false.
        if lang == "zh":
            return (
                f"只分 1 期：手续费 {fees}按全额收取一次，折合年化利率约 {apr}（内部收益率法），"
                f"宣传的是每期 {fee_pct}。"
            )
        return (
            f"A single instalment: the fee of {fees} is charged once on the full {p}, which comes to about "
            f"{apr} a year (IRR method); the plan advertises {fee_pct} a month."
        )
    if lang == "zh":
        why = {
            "per_period": f"手续费每期都按最初的 {p}收取，但你欠的本金每月都在减少。",
            "upfront_first": f"全部手续费按最初的 {p}计算、在第一期一次收走，而你欠的本金每月都在减少。",
            "upfront_t0": f"全部手续费按最初的 {p}计算、分期时就先扣掉，你实际拿到的钱更少，还款却按全额计算。",
        }[how]
        return f"这笔分期的真实年化利率约为 {apr}（内部收益率法），而不是宣传的每期 {fee_pct}：{why}手续费合计 {fees}。"
    why = {
        "per_period": f"the fee is charged on the full {p} every month, although you owe less each month.",
        "upfront_first": f"the whole fee, worked out on the full {p} for every month, is taken with the first "
        "payment, although you owe less each month.",
        "upfront_t0": f"the whole fee, worked out on the full {p} for every month, is taken before you get the "
        "money, so you receive less but repay the full amount.",
    }[how]
    return (
        f"This instalment plan costs about {apr} a year (IRR method), not the {fee_pct} a month it advertises: "
        f"{why} In all you pay {fees} in fees."
    )


_FIELDS = (
    Field(
        "principal_yuan",
        "money",
        t("分期本金", "Amount put on instalments"),
        unit=YUAN,
        help=t("你申请分期的账单金额。", "The statement amount you spread over the instalments."),
        example="10000",
        minimum="1",
        maximum="10000000",
    ),
    Field(
        "periods",
        "integer",
        t("期数", "Number of instalments"),
        unit=PERIODS,
        help=t("每月还一期。分期期限最长 5 年（60 期）。", "One a month. Instalment plans run at most 5 years (60)."),
        example="12",
        minimum="1",
        maximum="60",
    ),
    Field(
        "fee_rate_per_period",
        "rate",
        t("每期手续费率", "Fee rate per instalment"),
        unit=t("%", "%"),
        help=t(
            "银行宣传的每期（每月）手续费率，例如 0.75%。",
            "The fee rate per instalment (per month) the bank advertises, e.g. 0.75%.",
        ),
        example="0.0075",
        minimum="0",
        maximum="0.05",
        percent=True,
    ),
    Field(
        "fee_collection",
        "choice",
        t("手续费收取方式", "How the fee is charged"),
        help=t(
            "多数分期每期收取；有的银行在第一期一次收取，或在放款时一次扣除。",
            "Most plans charge it every month; some charge it all with the first payment, or deduct it at the start.",
        ),
        example="per_period",
        required=False,
        blank="per_period",
        choices=(
            ("per_period", t("每期收取", "Every month")),
            ("upfront_first", t("第一期一次收取", "All with the first payment")),
            ("upfront_t0", t("分期时一次扣除", "All deducted at the start")),
        ),
    ),
    Field(
        "principal_rounding",
        "choice",
        t("每期本金的取整", "Rounding of each month's principal"),
        help=t(
            "只影响几分钱。常见做法是每期本金舍去到分，余数放在最后一期。",
            "Only a few fen change. A common practice cuts each month's principal down to the fen and puts the "
            "remainder in the last payment.",
        ),
        example="truncate_remainder_last",
        required=False,
        blank="truncate_remainder_last",
        choices=(
            ("truncate_remainder_last", t("舍去到分，余数在最后一期", "Cut to the fen, remainder last")),
            ("round", t("四舍五入到分", "Rounded to the fen")),
            ("exact", t("不取整（理论值）", "Unrounded (textbook figure)")),
        ),
    ),
)

_MONEY_COLS = (
    Column("period", t("期数", "Instalment"), "count"),
    Column("principal", t("本金", "Principal"), "money"),
    Column("fee", t("手续费", "Fee"), "money"),
    Column("payment", t("当期还款", "Payment"), "money"),
    Column("remaining", t("剩余本金", "Principal left"), "money"),
)

CALCULATOR = Calculator(
    name="installment_apr",
    title=t("分期真实年化利率计算器", "Instalment true-APR calculator"),
    question=t("分期到底多贵？", "How much does an instalment plan really cost?"),
    fields=_FIELDS,
    outputs=(
        Output(
            "apr_nominal",
            t("年化利率（IRR 法，月利率×12）", "Annual rate (IRR method, monthly × 12)"),
            "rate",
            primary=True,
            help=t(
                "按人民银行公告〔2021〕第3号的内部收益率法：每月内部收益率乘以 12。",
                "The internal-rate-of-return method of PBoC announcement [2021] No. 3: the monthly IRR times 12.",
            ),
        ),
        Output(
            "apr_effective",
            t("年化利率（按月复利）", "Annual rate (compounded monthly)"),
            "rate",
            help=t("(1 + 月内部收益率)^12 − 1。", "(1 + monthly IRR)^12 − 1."),
        ),
        Output("monthly_irr", t("月内部收益率", "Monthly IRR"), "rate"),
        Output(
            "apr_simple_approx",
            t("简便估算（仅供参考）", "Quick estimate (shortcut only)"),
            "rate",
            help=t(
                "粗略公式 24×费率×期数÷(期数+1)，不是正式算法。",
                "The rough formula 24 × fee rate × n ÷ (n + 1); not the official method.",
            ),
        ),
        Output(
            "flat_rate_annual",
            t("每期费率×12（会低估成本）", "Fee rate × 12 (understates the cost)"),
            "rate",
        ),
        Output("monthly_payment_yuan", t("每月还款", "Monthly payment"), "money"),
        Output("first_payment_yuan", t("第一期还款", "First payment"), "money"),
        Output("last_payment_yuan", t("最后一期还款", "Last payment"), "money"),
        Output("fee_per_period_yuan", t("每期手续费", "Fee per month"), "money"),
        Output("total_fee_yuan", t("手续费合计", "Total fees"), "money"),
        Output("total_repaid_yuan", t("还款合计", "Total repaid"), "money"),
        Output(
            "amount_received_yuan",
            t("实际到手金额", "Amount you actually get"),
            "money",
            help=t(
                "分期时一次扣除手续费时，会少于分期本金。",
                "Less than the amount when the fee is deducted at the start.",
            ),
        ),
    ),
    compute=compute,
    table=Table("schedule", _MONEY_COLS, t("还款计划", "Repayment schedule")),
    chart=Chart(
        "bar",
        "schedule",
        "period",
        (("principal", t("本金", "Principal")), ("fee", t("手续费", "Fee"))),
        t("每期还款构成：手续费不随本金减少", "Each payment: the fee does not shrink with the balance"),
    ),
    explain=explain,
    conventions=t(
        "把分期看成一笔借款：银行在第 0 个月借出本金，之后每月收回本金和手续费。用内部收益率（IRR）求出"
        "月利率，乘以 12 得到年化利率（人民银行公告〔2021〕第3号规定的方法），另列按月复利的结果。"
        "每期本金为本金÷期数，手续费为本金×每期费率，金额四舍五入到分；“舍去到分”时余数放在最后一期。"
        "简便估算 24×费率×期数÷(期数+1) 只是近似值。",
        "The plan is treated as a loan: the bank lends the amount in month 0 and is repaid principal plus "
        "fee each month. The monthly rate is the internal rate of return (IRR) of those cash flows; times 12 "
        "it is the annual rate (the method of PBoC announcement [2021] No. 3); the compounded figure is shown "
        "too. Each month's principal is amount ÷ n and the fee is amount × fee rate, rounded half-up to the "
        'fen; with "cut to the fen" the remainder goes into the last payment. The quick estimate '
        "24 × fee rate × n ÷ (n + 1) is only an approximation.",
    ),
    references=(
        {
            "zh": "中国人民银行公告〔2021〕第3号（明示贷款年化利率），含 12.80% / 13.58% 的示例",
            "en": "PBoC announcement [2021] No. 3 (disclosing annualised loan rates), with the 12.80 % / 13.58 % example",
            "url": "https://xining.pbc.gov.cn/goutongjiaoliu/113456/113469/2025092212551432728/index.html",
        },
        {
            "zh": "《关于进一步促进信用卡业务规范健康发展的通知》（2022年7月），据人民日报 2022-07-08 第8版报道：分期费用须以利息形式展示，期限不超过 5 年",
            "en": "CBIRC/PBoC credit-card notice of July 2022, as reported by People's Daily 2022-07-08 p. 8: "
            "instalment costs shown as interest, at most 5 years",
            "url": None,
        },
        {
            "zh": "浦发银行《账单分期付款业务条款与细则》（约 2018 年）：3 期 0.90%、12 期 0.74%（每期）",
            "en": "SPDB bill-instalment terms (c. 2018): 0.90 % (3 instalments), 0.74 % (12) per instalment",
            "url": None,
        },
    ),
)
