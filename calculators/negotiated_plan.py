"""Negotiated plan: what a personalised instalment plan (个性化分期) would cost each month.

个性化分期 / 协商还款：如果银行同意把欠款分期，每期还多少、一共多付多少。

Article 70 of 《商业银行信用卡业务监督管理办法》 says that, where the card debt
exceeds the cardholder's ability to repay and the cardholder is still willing to
repay, the issuing bank **may** (可以) agree a personalised instalment
agreement with the cardholder. It is not a right. The longest term is 5 years;
the agreement must state, among other things, *whether* annual fees, interest
and other fees are charged during repayment (item 三), so interest and fees are
negotiated, not automatically stopped. :func:`plan_schedule` and
:func:`negotiated_plan` work out the schedule of a plan under discussion, and,
given the most you can pay each month, the shortest plan that fits.

Conventions
-----------
- **Periods.** 1 to 60 monthly payments (at most 5 years, Article 70); a longer
  plan is refused. An optional down payment (首付) is paid at the start and
  the rest (``principal_yuan - down_payment_yuan``) is spread over the periods.
- **Modes.**
  ``interest_free``: principal only.
  ``flat_fee``: a fixed fee each period of ``fee_rate_per_period`` x the amount
  put into the plan (on the original principal, not the falling balance).
  ``annuity`` (等额本息): equal payments at ``annual_rate / 12`` a month.
  ``equal_principal`` (等额本金): equal principal, interest on the balance at
  ``annual_rate / 12`` a month.
- **Rounding.** Principal per period is truncated to the fen and the remainder
  is put in the last period (余数计入最后一期). Fees and interest are rounded
  ROUND_HALF_UP to the fen each period. For ``annuity`` the payment is rounded
  half-up to the fen and the last payment clears what is left.
- **Annual rates.** ``apr_nominal`` is the monthly internal rate of return of
  the plan x 12 and ``apr_effective`` is (1 + monthly IRR)^12 - 1: the
  IRR (内部收益率法) method of PBOC announcement [2021] No. 3. The cash flows
  are the amount put into the plan at the start and the monthly payments.
- **Reverse.** With ``monthly_affordable_yuan``, the number of periods is the
  smallest from 1 to 60 whose largest monthly payment fits; if even 60 does not
  fit, the error says what monthly amount 60 periods would need.

References
----------
.. [1] 《商业银行信用卡业务监督管理办法》（中国银行业监督管理委员会令2011年第2号）
   第七十条: personalised instalment agreements, at most 5 years.
.. [2] 中国人民银行公告〔2021〕第3号: annualised rate by the IRR method.
.. [3] 人民日报 2022-07-08 p. 8, on the CBIRC/PBOC July 2022 card notice:
   instalment terms at most 5 years, cost shown as interest.

Examples
--------
24,000 yuan over 24 months, interest-free, no down payment:

>>> from decimal import Decimal
>>> r = negotiated_plan(Decimal("24000"), 24)
>>> r["first_payment_yuan"], r["total_cost_yuan"], r["apr_nominal"]
(Decimal('1000.00'), Decimal('0.00'), Decimal('0.000000'))

10,000 over 3 periods: 3,333.33 twice and the remainder, 3,333.34, last:

>>> [row["payment_yuan"] for row in negotiated_plan(Decimal("10000"), 3)["schedule"]]
[Decimal('3333.33'), Decimal('3333.33'), Decimal('3333.34')]

A flat fee of 0.60 % a period over 12 periods costs about 13.0 % a year (IRR x 12):

>>> r = negotiated_plan(Decimal("12000"), 12, mode="flat_fee", fee_rate_per_period=Decimal("0.006"))
>>> r["first_payment_yuan"], r["total_cost_yuan"], r["apr_nominal"].quantize(Decimal("0.001"))
(Decimal('1072.00'), Decimal('864.00'), Decimal('0.130'))

The shortest plan at no more than 1,500 a month:

>>> negotiated_plan(Decimal("50000"), 60, monthly_affordable_yuan=Decimal("1500"))["periods"]
34
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from . import fmt as _fmt
from . import plan_calendar as _plan_calendar
from ._core import (
    FEN,
    PERCENT,
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
from .fmt import to_decimal as _d  # one rule: Decimal or text, never a float

__all__ = ["negotiated_plan", "plan_schedule", "CALCULATOR", "MODES", "MAX_PERIODS", "too_many_periods"]

MODES = ("interest_free", "flat_fee", "annuity", "equal_principal")
#: Article 70: a personalised instalment agreement lasts at most 5 years.
MAX_PERIODS = 60
_ZERO = Decimal("0")
#: Largest amount a money field accepts (100 million yuan): keeps every figure well inside
#: Decimal precision, however long the plan.
MAX_YUAN = "100000000"
_TWELVE = Decimal("12")


def too_many_periods(periods: int) -> InputError:
    """The error for a plan longer than Article 70 allows (:data:`MAX_PERIODS` months).

    The one wording of this rule: the negotiated-plan calculator and the negotiation kit both
    raise it. The English text names the Measures in English only.

    >>> err = too_many_periods(61).errors[0]
    >>> err["field"], err["code"], err["message"]["en"][:37]
    ('periods', 'too_large', '61 months is more than 5 years (60 mo')
    """
    return InputError(
        "periods",
        "too_large",
        f"{periods} 个月超过了 5 年（{MAX_PERIODS} 个月）。《商业银行信用卡业务监督管理办法》第七十条规定，"
        f"个性化分期还款协议最长不超过 5 年：请填 1 到 {MAX_PERIODS}。",
        f"{periods} months is more than 5 years ({MAX_PERIODS} months). Article 70 of the Measures on the "
        "Supervision and Administration of Credit Card Business of Commercial Banks limits a personalised "
        f"instalment agreement to 5 years: enter 1 to {MAX_PERIODS}.",
    )


def plan_schedule(
    financed_yuan,
    periods: int,
    mode: str = "interest_free",
    fee_rate_per_period=Decimal("0"),
    annual_rate=Decimal("0"),
) -> list:
    """The monthly rows of a plan for ``financed_yuan`` over ``periods`` months.

    Returns rows ``{"period", "payment_yuan", "principal_yuan", "cost_yuan",
    "balance_yuan"}`` (``cost_yuan`` is the fee or interest of the period,
    ``balance_yuan`` the principal left after it). See the module notes.

    >>> [(r["principal_yuan"], r["cost_yuan"]) for r in plan_schedule(Decimal("1000"), 3, "equal_principal",
    ...                                                              annual_rate=Decimal("0.12"))]
    [(Decimal('333.33'), Decimal('10.00')), (Decimal('333.33'), Decimal('6.67')), (Decimal('333.34'), Decimal('3.33'))]
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if not 1 <= periods <= MAX_PERIODS:
        raise too_many_periods(periods)
    financed = _d(financed_yuan)
    annual = _d(annual_rate)
    monthly = annual / _TWELVE
    if mode == "annuity" and monthly == 0:
        mode = "interest_free"
    fee = money(financed * _d(fee_rate_per_period)) if mode == "flat_fee" else _ZERO
    per = (financed / periods).quantize(FEN, rounding=ROUND_DOWN)
    if mode == "annuity":
        payment = money(financed * monthly / (1 - (1 + monthly) ** -periods))
    rows, bal = [], financed
    for k in range(1, periods + 1):
        if mode == "annuity":
            cost = money(bal * annual / _TWELVE)
            principal = bal if k == periods else min(bal, payment - cost)
        else:
            cost = money(bal * annual / _TWELVE) if mode == "equal_principal" else fee
            principal = bal if k == periods else min(bal, per)
        bal -= principal
        rows.append(
            {
                "period": k,
                "payment_yuan": money(principal + cost),
                "principal_yuan": money(principal),
                "cost_yuan": money(cost),
                "balance_yuan": money(bal),
            }
        )
    return rows


def _check(principal, periods, down):
    errors = []
    if down >= principal:
        errors.append(
            InputError(
                "down_payment_yuan",
                "too_large",
                "首付必须少于欠款金额（剩下的部分才需要分期）。",
                "The down payment must be less than the debt (the rest is what the plan spreads out).",
            )
        )
    if periods is not None and periods > MAX_PERIODS:
        errors.append(too_many_periods(periods))
    if errors:
        raise InputError.collect(errors)


def negotiated_plan(
    principal_yuan,
    periods: int = 60,
    mode: str = "interest_free",
    fee_rate_per_period=Decimal("0"),
    annual_rate=Decimal("0"),
    down_payment_yuan=Decimal("0"),
    monthly_affordable_yuan=None,
) -> dict:
    """Schedule, totals and annual rates of a personalised instalment plan.

    Parameters
    ----------
    principal_yuan : Decimal
        The debt the plan is to repay (as agreed with the bank).
    periods : int
        Monthly payments, 1 to 60 (ignored when ``monthly_affordable_yuan`` is given).
    mode : {"interest_free", "flat_fee", "annuity", "equal_principal"}
        How the plan is charged (see the module notes).
    fee_rate_per_period : Decimal
        Fee per period as a fraction of the amount in the plan (``flat_fee``).
    annual_rate : Decimal
        Nominal annual interest rate (``annuity``, ``equal_principal``).
    down_payment_yuan : Decimal
        Paid at the start; the rest goes into the plan.
    monthly_affordable_yuan : Decimal or None
        If given, choose the shortest plan whose largest payment fits.

    Returns
    -------
    dict
        ``periods``, ``payments_count``, ``financed_yuan``, ``down_payment_yuan``,
        ``first_payment_yuan``, ``last_payment_yuan``, ``max_payment_yuan``,
        ``total_paid_yuan`` (down payment included), ``total_cost_yuan``,
        ``apr_nominal``, ``apr_effective``, ``monthly_affordable_yuan`` (echoed,
        or None) and ``schedule`` (a row 0 for the down payment when there is one).

    Raises
    ------
    InputError
        More than 60 periods (Article 70), a down payment not below the debt,
        or (reverse) no plan of up to 60 months fits the monthly amount.
    """
    principal = _d(principal_yuan)
    down = _d(down_payment_yuan)
    _check(principal, None if monthly_affordable_yuan is not None else periods, down)
    financed = principal - down
    kw = dict(mode=mode, fee_rate_per_period=fee_rate_per_period, annual_rate=annual_rate)
    if monthly_affordable_yuan is not None:
        cap = _d(monthly_affordable_yuan)
        plans: dict = {}

        def fits(n: int) -> bool:
            if n not in plans:
                plans[n] = plan_schedule(financed, n, **kw)
            return max(r["payment_yuan"] for r in plans[n]) <= cap

        # No plan of n months can have its largest payment below the average, financed / n, so
        # none shorter than financed / cap fits: count up from there (each plan computed once).
        # (Not a search by halves: rounding to the fen makes "fits" non-monotone in n.)
        start = max(1, min(MAX_PERIODS, int((financed / cap).to_integral_value(rounding=ROUND_CEILING))))
        found = next((n for n in range(start, MAX_PERIODS + 1) if fits(n)), None)
        if found is not None:
            periods, rows = found, plans[found]
        else:
            rows = plans.get(MAX_PERIODS) or plan_schedule(financed, MAX_PERIODS, **kw)
            need = max(r["payment_yuan"] for r in rows)
            raise InputError(
                "monthly_affordable_yuan",
                "does_not_fit",
                f"每月 {fmt_yuan(cap, 'zh')} 在 60 个月（5 年，第七十条规定的最长期限）内还不完。"
                f"按这个方式分 60 期，每月最多要还 {fmt_yuan(need, 'zh')}。",
                f"{fmt_yuan(cap, 'en')} a month does not repay this within 60 months (5 years, the longest term "
                f"under Article 70). Over 60 months this plan needs up to {fmt_yuan(need, 'en')} a month.",
            )
    else:
        rows = plan_schedule(financed, periods, **kw)

    payments = [r["payment_yuan"] for r in rows]
    total_paid = down + sum(payments, _ZERO)
    total_cost = total_paid - principal
    apr_nominal = apr_effective = _ZERO
    if total_cost != 0:
        from .finance import irr

        monthly_irr = irr([-financed] + payments)
        if monthly_irr.is_nan():  # pragma: no cover - a plan always has a solution
            raise ValueError("no IRR")
        apr_nominal = monthly_irr * _TWELVE
        apr_effective = (1 + monthly_irr) ** 12 - 1
    schedule = list(rows)
    if down > 0:
        schedule.insert(
            0,
            {
                "period": 0,
                "payment_yuan": money(down),
                "principal_yuan": money(down),
                "cost_yuan": money(_ZERO),
                "balance_yuan": money(financed),
            },
        )
    return {
        "periods": periods,
        "payments_count": periods,
        "financed_yuan": money(financed),
        "down_payment_yuan": money(down),
        "first_payment_yuan": payments[0],
        "last_payment_yuan": payments[-1],
        "max_payment_yuan": max(payments),
        "total_paid_yuan": money(total_paid),
        "total_cost_yuan": money(total_cost),
        "apr_nominal": rate(apr_nominal),
        "apr_effective": rate(apr_effective),
        "monthly_affordable_yuan": None if monthly_affordable_yuan is None else money(_d(monthly_affordable_yuan)),
        "schedule": schedule,
    }


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------

_REF_ART70 = {
    "zh": "《商业银行信用卡业务监督管理办法》（原银监会令2011年第2号）第七十条：欠款超出持卡人还款能力且持卡人仍有还款意愿的，"
    "发卡银行可以与持卡人平等协商，达成个性化分期还款协议，最长期限不得超过 5 年；协议应写明还款期间是否计收年费、利息和其他费用。",
    "en": "Measures on the Supervision and Administration of Credit Card Business of Commercial Banks (CBRC Order "
    "2011 No. 2), Article 70: where the debt exceeds the cardholder's ability to repay and the cardholder is still "
    "willing to repay, the bank may negotiate a personalised instalment agreement of at most 5 years; the agreement "
    "states whether annual fees, interest and other fees are charged during repayment.",
    "url": "https://www.nfra.gov.cn/cn/view/pages/rulesDetail.html?docId=272670",
}
_REF_PBOC_2021 = {
    "zh": "中国人民银行公告〔2021〕第3号：贷款年化利率应以对借款人收取的所有贷款成本与其实际占用的贷款本金的比例计算，可采用复利（内部收益率法）。",
    "en": "PBOC Announcement [2021] No. 3: the annualised rate relates all borrowing costs to the principal actually "
    "used, and may be computed by the compound (IRR) method.",
    "url": "https://xining.pbc.gov.cn/goutongjiaoliu/113456/113469/2025092212551432728/index.html",
}

_MODE_LABELS = (
    ("interest_free", t("只还本金（免息）", "Principal only (no interest)")),
    ("flat_fee", t("每期固定手续费（按分期本金）", "Fixed fee each period (on the amount in the plan)")),
    ("annuity", t("等额本息（按年利率）", "Equal payments (annual rate)")),
    ("equal_principal", t("等额本金（按年利率）", "Equal principal (annual rate)")),
)


def _needed(field: str, zh_label: str, en_label: str, zh_mode: str, en_mode: str) -> InputError:
    return InputError(
        field,
        "required",
        f"{zh_label}：“{zh_mode}”方式要用到它，请填写（没有就填 0）。",
        f'{en_label}: "{en_mode}" uses it; enter it (0 if there is none).',
    )


def _compute(values: dict) -> dict:
    mode = values["mode"]
    labels = dict(_MODE_LABELS)
    problems = []
    if mode == "flat_fee" and values["fee_rate_per_period"] is None:
        problems.append(
            _needed("fee_rate_per_period", "每期手续费率", "Fee per period", labels[mode]["zh"], labels[mode]["en"])
        )
    if mode in ("annuity", "equal_principal") and values["annual_rate"] is None:
        problems.append(
            _needed("annual_rate", "年利率", "Annual interest rate", labels[mode]["zh"], labels[mode]["en"])
        )
    periods = values["periods"]
    if periods is None and values["monthly_affordable_yuan"] is None:
        problems.append(
            InputError(
                "periods",
                "required",
                "期数（月）：请填写期数，或填写“每月最多能还”让计算器选择期数。",
                'Number of months: enter it, or fill in "most I can pay a month" to have it chosen.',
            )
        )
    if problems:
        raise InputError.collect(problems)
    return negotiated_plan(
        principal_yuan=values["principal_yuan"],
        periods=periods if periods is not None else 1,
        mode=mode,
        fee_rate_per_period=values["fee_rate_per_period"] or Decimal("0"),
        annual_rate=values["annual_rate"] or Decimal("0"),
        down_payment_yuan=values["down_payment_yuan"] or Decimal("0"),
        monthly_affordable_yuan=values["monthly_affordable_yuan"],
    )


def explain(values: dict, result: dict, lang: str) -> str:
    """One or two plain sentences about the result, in ``lang`` ("zh" or "en")."""
    en = lang == "en"
    n = result["periods"]
    first = fmt_yuan(result["first_payment_yuan"], lang)
    last = fmt_yuan(result["last_payment_yuan"], lang)
    total = fmt_yuan(result["total_paid_yuan"], lang)
    cost = result["total_cost_yuan"]
    cap = result.get("monthly_affordable_yuan")
    reverse = cap is not None
    if en:
        lead = (
            f"At no more than {fmt_yuan(cap, lang)} a month the shortest plan is {_fmt.count(n, 'month', 'months')}: "
            if reverse
            else f"If the bank agreed to this plan over {_fmt.count(n, 'month', 'months')}, "
        )
        down = result["down_payment_yuan"]
        body = f"after a down payment of {fmt_yuan(down, lang)} " if down > 0 else ""
        body += f"you would pay {first} the first month and {last} the last, {total} in all"
        body += (
            ", with no extra cost."
            if cost == 0
            else f", {fmt_yuan(cost, lang)} more than the debt (about {fmt_pct(result['apr_nominal'], lang, 2)} a year)."
        )
        return (
            lead + body + " Article 70 of the credit card measures for commercial banks allows the bank to agree such "
            "a plan but does not oblige it to; interest and fees are part of what is negotiated."
        )
    lead = f"每月最多还 {fmt_yuan(cap, lang)}，最短需要分 {n} 期：" if reverse else f"如果银行同意按这个方案分 {n} 期，"
    down = result["down_payment_yuan"]
    body = f"先付首付 {fmt_yuan(down, lang)}，" if down > 0 else ""
    body += f"第一期还 {first}，最后一期还 {last}，一共还 {total}"
    body += (
        "，不多付钱。"
        if cost == 0
        else f"，比欠款多付 {fmt_yuan(cost, lang)}（折合年化约 {fmt_pct(result['apr_nominal'], lang, 2)}）。"
    )
    return (
        lead
        + body
        + "《商业银行信用卡业务监督管理办法》第七十条只是允许银行与你协商，银行不一定同意；是否继续收利息和费用也要双方谈定。"
    )


CALCULATOR = Calculator(
    name="negotiated_plan",
    title=t("协商分期计算器", "Negotiated plan calculator"),
    question=t("协商分期，每月要还多少？", "If the bank agrees to a plan, what would I pay each month?"),
    fields=(
        Field(
            "principal_yuan",
            "money",
            t("分期的欠款金额", "Debt to repay in the plan"),
            unit=YUAN,
            help=t("与银行确认的欠款总额。", "The total debt as confirmed with the bank."),
            example="50000",
            minimum="0.01",
            maximum=MAX_YUAN,
        ),
        Field(
            "periods",
            "integer",
            t("期数（月）", "Number of months"),
            unit=PERIODS,
            help=t(
                "1 到 60 期。第七十条规定个性化分期最长不超过 5 年（60 期）。填了“每月最多能还”时由计算器选择期数。",
                "1 to 60. Article 70 limits a personalised instalment plan to 5 years (60 months). If you fill in "
                '"most I can pay a month", the calculator chooses the number of months.',
            ),
            example="36",
            required=False,
            blank_means=t(
                "填了“每月最多能还”时可留空；否则必填。",
                'May be left blank when "most I can pay a month" is filled in; otherwise required.',
            ),
            minimum="1",
        ),
        Field(
            "mode",
            "choice",
            t("收费方式", "How the plan is charged"),
            help=t(
                "是否继续收利息和费用由双方协商（第七十条第三项），请按银行提出的方案选择。",
                "Whether interest and fees continue is negotiated (Article 70, item 3): choose what the bank offers.",
            ),
            example="interest_free",
            required=False,
            blank="interest_free",
            choices=_MODE_LABELS,
        ),
        Field(
            "fee_rate_per_period",
            "rate",
            t("每期手续费率", "Fee per period"),
            unit=PERCENT,
            percent=True,
            help=t(
                "仅用于“每期固定手续费”，按分期本金计算。",
                'Only for "fixed fee each period"; a share of the amount in the plan.',
            ),
            example="0.006",
            required=False,
            blank_means=t(
                "只在“每期固定手续费”方式下必填；没有手续费就填 0。",
                "Required only for the fixed-fee mode; enter 0 if there is no fee.",
            ),
            minimum="0",
            maximum="0.1",
        ),
        Field(
            "annual_rate",
            "rate",
            t("年利率", "Annual interest rate"),
            unit=PERCENT,
            percent=True,
            help=t(
                "仅用于“等额本息”“等额本金”，月利率 = 年利率 ÷ 12。",
                "Only for equal payments and equal principal; monthly rate = annual rate / 12.",
            ),
            example="0.12",
            required=False,
            blank_means=t(
                "只在“等额本息”“等额本金”方式下必填；免息就填 0。",
                "Required only for the two annual-rate modes; enter 0 for no interest.",
            ),
            minimum="0",
            maximum="1",
        ),
        Field(
            "down_payment_yuan",
            "money",
            t("首付", "Down payment"),
            unit=YUAN,
            help=t("开始时先还的一笔钱，没有就填 0。", "Paid at the start, if any; otherwise 0."),
            example="0",
            required=False,
            blank="0",
            blank_means=t("留空表示没有首付（按 0 计算）。", "Left blank, there is no down payment (0)."),
            minimum="0",
            maximum=MAX_YUAN,
        ),
        Field(
            "monthly_affordable_yuan",
            "money",
            t("每月最多能还", "Most I can pay a month"),
            unit=YUAN,
            help=t(
                "可不填。填了就算出能负担的最短期数（最长 60 期）。",
                "Optional. If given, the shortest plan you can afford is chosen (at most 60 months).",
            ),
            required=False,
            minimum="0.01",
            maximum=MAX_YUAN,
        ),
        # Only for the calendar file (calculators/plan_calendar.py); the figures do not use it.
        Field(
            "first_payment_date",
            "date",
            t("第一期还款日（用于日历）", "First payment date (for the calendar)"),
            help=t(
                "可不填。填了就可以下载还款日历（.ics），每个还款日前 3 天提醒你。",
                "Optional. Fill it in to download a payment calendar (.ics) that reminds you 3 days before each due date.",
            ),
            required=False,
            blank_means=t("留空：不做日历。", "Left blank: no calendar."),
            minimum="2000-01-01",
        ),
    ),
    outputs=(
        Output("first_payment_yuan", t("每月还款（第一期）", "Monthly payment (first month)"), "money", primary=True),
        Output("periods", t("期数", "Months"), "count"),
        Output("last_payment_yuan", t("最后一期", "Last payment"), "money"),
        Output("total_paid_yuan", t("一共还款", "Total repaid"), "money"),
        Output("total_cost_yuan", t("比欠款多付", "Cost above the debt"), "money"),
        Output(
            "apr_nominal",
            t("年化利率（内部收益率法，月 IRR × 12）", "Annual rate (IRR method, monthly IRR × 12)"),
            "rate",
        ),
        Output("apr_effective", t("年化利率（按月复利）", "Annual rate (compounded monthly)"), "rate"),
    ),
    compute=_compute,
    calendar=_plan_calendar.negotiated_plan_calendar,
    table=Table(
        "schedule",
        (
            Column("period", t("期", "Month"), "count"),
            Column("payment_yuan", t("还款", "Payment"), "money"),
            Column("principal_yuan", t("本金", "Principal"), "money"),
            Column("cost_yuan", t("利息或手续费", "Interest or fee"), "money"),
            Column("balance_yuan", t("剩余本金", "Principal left"), "money"),
        ),
        t("还款计划", "Repayment schedule"),
    ),
    chart=Chart(
        "line",
        "schedule",
        "period",
        (("balance_yuan", t("剩余本金", "Principal left")),),
        t("剩余本金", "Principal left"),
    ),
    explain=explain,
    conventions=t(
        "最多 60 期（5 年，第七十条）。每期本金截尾到分，余数计入最后一期；手续费、利息每期四舍五入到分。"
        "“每期固定手续费”按分期本金（不随余额减少）计算；等额本息、等额本金的月利率为年利率 ÷ 12。"
        "年化利率用内部收益率法（中国人民银行公告〔2021〕第3号）：月 IRR × 12，以及按月复利的 (1 + 月 IRR)^12 − 1。"
        "第七十条是“可以”协商，不是持卡人的权利；利息和费用是否减免由双方谈定。",
        "At most 60 months (5 years, Article 70). Principal per month is truncated to the fen and the remainder goes "
        "into the last month; fees and interest are rounded half-up to the fen each month. A fixed fee is a share of "
        "the amount in the plan (it does not fall with the balance); equal payments and equal principal use a "
        "monthly rate of annual rate / 12. Annual rates use the IRR method (PBOC Announcement [2021] No. 3): monthly "
        "IRR x 12, and (1 + monthly IRR)^12 - 1 compounded. Article 70 says the bank may agree such a plan; it is not "
        "a right, and whether interest and fees are reduced is negotiated.",
    ),
    references=(_REF_ART70, _REF_PBOC_2021),
)
