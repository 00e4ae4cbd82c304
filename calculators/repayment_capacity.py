"""还款能力 · How much you can honestly offer to repay each month.

Before asking a bank for a personalised instalment plan (个性化分期, Art. 70
of the 2011 card Measures), work out what you can pay every month without
missing rent, food or other debts. The bank's condition is that the debt
exceeds your ability to repay while you are still willing to repay; a
realistic budget is the basis of the offer. The result feeds the
negotiated-plan calculator (``monthly_affordable_yuan``).

Conventions
-----------
* ``surplus = income - essential spending - other debt payments - buffer``,
  with ``buffer = income x buffer_rate``. All amounts per month, ROUND_HALF_UP
  to the fen.
* ``monthly_available_yuan = max(surplus, 0)``: never negative; a negative
  surplus is shown as ``shortfall_yuan``.
* The buffer defaults to 0 %: no rule fixes one, and we do not assume one.
  If your income is irregular, keep some back: a plan that you cannot keep
  up is worse than a smaller offer.
* ``months_at_this_rate`` (only with a card debt): months to repay the debt
  from the available amount if no further interest or fees were charged, a
  lower bound. Art. 70 plans run at most 5 years (60 months).

References
----------
.. [1] 《商业银行信用卡业务监督管理办法》 (2011), Art. 70: a personalised
   instalment plan when the debt exceeds the cardholder's ability to repay and
   the cardholder is willing to repay; at most 5 years.
.. [2] US CFPB, "What should I do if I can't pay my credit card bills?" (copy at
   texaslawhelp.org): add up income and expenses and decide what you can
   afford before calling the card company.
.. [3] UK National Debtline-style guidance, "How to deal with debt": offer
   only what you can afford, based on a budget.

Examples
--------
>>> import calculators
>>> r = calculators.run("repayment_capacity", {"monthly_income_yuan": "8000",
...     "essential_spending_yuan": "5000", "other_debt_payments_yuan": "1000"})
>>> r["result"]["monthly_available_yuan"], r["result"]["shortfall_yuan"]
(Decimal('2000.00'), Decimal('0.00'))
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from . import fmt as _fmt
from ._core import YUAN, Calculator, Column, Field, Output, Table, fmt_yuan, money, rate, t

__all__ = ["CALCULATOR", "budget", "compute", "explain"]

#: Art. 70: a personalised instalment plan runs at most 5 years.
MAX_PLAN_MONTHS = 60


def budget(income: Decimal, essential: Decimal, other_debt: Decimal, buffer_rate: Decimal) -> dict:
    """The monthly budget, to the fen.

    >>> b = budget(Decimal("6000"), Decimal("5000"), Decimal("1500"), Decimal("0"))
    >>> b["available"], b["shortfall"]
    (Decimal('0.00'), Decimal('500.00'))
    """
    buffer = money(income * buffer_rate)
    surplus = money(income) - money(essential) - money(other_debt) - buffer
    return {
        "buffer": buffer,
        "surplus": surplus,
        "available": max(surplus, money(0)),
        "shortfall": max(-surplus, money(0)),
    }


def compute(values: dict) -> dict:
    """Run the calculator on parsed ``values``."""
    income = values["monthly_income_yuan"]
    essential = values["essential_spending_yuan"]
    other = values["other_debt_payments_yuan"]
    b = budget(income, essential, other, values["buffer_rate"])
    debt = values.get("card_debt_yuan")
    months = 0
    if debt and b["available"] > 0:
        months = int((debt / b["available"]).to_integral_value(rounding=decimal.ROUND_CEILING))
    rows = [
        {"item": t("月收入", "Monthly income"), "amount": money(income)},
        {"item": t("必要开支", "Essential spending"), "amount": money(-essential)},
        {"item": t("其他债务月供", "Other debt payments"), "amount": money(-other)},
        {"item": t("预留缓冲", "Buffer kept back"), "amount": -b["buffer"]},
        {"item": t("每月可用于还信用卡", "Available for the cards"), "amount": b["available"]}
        if b["shortfall"] == 0
        # A shortfall is an amount missing, shown as such rather than as negative money.
        else {"item": t("每月缺口", "Short each month"), "amount": b["shortfall"]},
    ]
    return {
        "monthly_available_yuan": b["available"],
        "monthly_affordable_yuan": b["available"],
        "shortfall_yuan": b["shortfall"],
        "buffer_yuan": b["buffer"],
        "share_of_income": rate(b["available"] / income) if income > 0 else rate(0),
        "months_at_this_rate": months,
        "card_debt_yuan": money(debt) if debt else money(0),
        "breakdown": rows,
    }


def explain(values: dict, result: dict, lang: str) -> str:
    """Plain sentences about the result.

    >>> import calculators
    >>> r = calculators.run("repayment_capacity", {"monthly_income_yuan": "8000",
    ...     "essential_spending_yuan": "5000", "card_debt_yuan": "60000"})["result"]
    >>> print(explain({}, r, "en"))  # doctest: +NORMALIZE_WHITESPACE
    You can put about ¥3,000.00 a month towards your cards. Even if the bank stopped all interest
    and fees, ¥60,000.00 would take 20 months at this pace.
    """
    avail = fmt_yuan(result["monthly_available_yuan"], lang)
    if result["shortfall_yuan"] > 0:
        short = fmt_yuan(result["shortfall_yuan"], lang)
        if lang == "zh":
            return (
                f"按这些数字，你每月还差 {short}，目前拿不出钱还信用卡。先看看哪些开支能减，"
                "并尽早拨打信用卡背面的银行客服电话说明情况。"
            )
        return (
            f"With these figures you are {short} short each month, so nothing is left for the cards yet. See "
            "which costs can be cut, and tell the bank early on the number printed on the back of your card."
        )
    months = result["months_at_this_rate"]
    debt = fmt_yuan(result["card_debt_yuan"], lang)
    if lang == "zh":
        s = f"你每月大约能拿出 {avail}还信用卡。"
        if months:
            s += f"即使银行停止收取全部利息和费用，{debt}按这个速度也要 {months} 个月。"
            if months > MAX_PLAN_MONTHS:
                s += "这超过了个性化分期最长 5 年（60 个月）的上限。"
        return s
    s = f"You can put about {avail} a month towards your cards."
    if months:
        s += f" Even if the bank stopped all interest and fees, {debt} would take {_fmt.count(months, 'month', 'months')} at this pace."
        if months > MAX_PLAN_MONTHS:
            s += " That is longer than the 5-year (60-month) maximum of a personalised instalment plan."
    return s


def _money(name, label, help_, example, required=True, blank=None, blank_means=None):
    return Field(
        name,
        "money",
        label,
        unit=YUAN,
        help=help_,
        example=example,
        required=required,
        blank=blank,
        blank_means=blank_means,
        minimum="0",
        maximum="100000000",
    )


CALCULATOR = Calculator(
    name="repayment_capacity",
    title=t("还款能力计算器", "Repayment-capacity calculator"),
    question=t("我每月能还多少？", "How much can I pay each month?"),
    fields=(
        _money(
            "monthly_income_yuan",
            t("每月收入（税后）", "Monthly income (after tax)"),
            t("工资、经营收入等，按实际到手计算。", "Wages, business income etc., as actually received."),
            "8000",
        ),
        _money(
            "essential_spending_yuan",
            t("每月必要开支", "Essential monthly spending"),
            t(
                "房租、吃饭、交通、水电、医疗、子女教育等。",
                "Rent, food, transport, utilities, medical costs, children's schooling.",
            ),
            "5000",
        ),
        _money(
            "other_debt_payments_yuan",
            t("其他债务月供", "Other debt payments"),
            t("房贷、车贷和其他贷款每月要还的钱。", "Monthly payments on a mortgage, car loan or other loans."),
            "0",
            required=False,
            blank="0",
            blank_means=t("留空表示没有其他债务（按 0 计算）。", "Left blank, there are no other debts (0)."),
        ),
        Field(
            "buffer_rate",
            "rate",
            t("预留缓冲（占收入）", "Buffer kept back (share of income)"),
            unit=t("%", "%"),
            help=t(
                "可选。为意外开支预留一部分收入，承诺的还款更不容易中断。",
                "Optional. Keep part of your income back for surprises so the plan you offer is one you can keep.",
            ),
            example="0",
            required=False,
            blank="0",
            blank_means=t("留空表示不预留（按 0% 计算）。", "Left blank, nothing is kept back (0 %)."),
            minimum="0",
            maximum="1",
            percent=True,
        ),
        _money(
            "card_debt_yuan",
            t("信用卡欠款合计（可选）", "Total card debt (optional)"),
            t("用于估算需要多少个月。", "Used to estimate how many months it would take."),
            None,
            required=False,
            blank_means=t("留空则不估算需要几个月。", "Left blank, the number of months is not estimated."),
        ),
    ),
    outputs=(
        Output(
            "monthly_available_yuan",
            t("每月可用于还信用卡", "Available for the cards each month"),
            "money",
            primary=True,
        ),
        Output("shortfall_yuan", t("每月缺口", "Monthly shortfall"), "money"),
        Output("buffer_yuan", t("预留缓冲", "Buffer kept back"), "money"),
        Output("share_of_income", t("占收入比例", "Share of income"), "rate"),
        Output(
            "months_at_this_rate",
            t("不计利息时需要的月数", "Months needed with no interest"),
            "count",
            help=t(
                "只是下限：实际协商结果可能仍收取部分利息或费用。",
                "A lower bound: a plan may still charge some interest or fees.",
            ),
        ),
    ),
    compute=compute,
    table=Table(
        "breakdown",
        (Column("item", t("项目", "Item"), "text"), Column("amount", t("每月金额", "Per month"), "money")),
        t("每月收支", "Monthly budget"),
    ),
    explain=explain,
    conventions=t(
        "每月可用于还信用卡 = 收入 − 必要开支 − 其他债务月供 − 预留缓冲（收入 × 缓冲比例），不会小于 0；"
        "不够时显示为缺口。金额四舍五入到分。缓冲默认 0%，因为没有规定一个固定比例；收入不稳定时建议预留一些。"
        "需要的月数假设不再产生任何利息和费用，只是下限。",
        "Available for the cards = income − essential spending − other debt payments − buffer (income × buffer "
        "share), never below 0; if it is negative it is shown as a shortfall. Amounts are rounded half-up to "
        "the fen. The buffer defaults to 0 % because no rule fixes one; keep some back if your income is "
        "irregular. The months needed assume no further interest or fees, so they are a lower bound.",
    ),
    references=(
        {
            "zh": "《商业银行信用卡业务监督管理办法》第七十条：欠款超出还款能力且仍有还款意愿时，银行可以协商个性化分期，最长 5 年",
            "en": "Credit Card Measures (2011), Art. 70: the bank may agree a personalised instalment plan when "
            "the debt exceeds the ability to repay and the cardholder is willing; at most 5 years",
            "url": None,
        },
        {
            "zh": "美国消费者金融保护局（CFPB）《What should I do if I can't pay my credit card bills?》：先算清收支，决定能负担多少，再联系发卡机构",
            "en": 'US CFPB, "What should I do if I can\'t pay my credit card bills?": add up income and expenses and '
            "decide what you can afford, then call the card company",
            "url": "https://texaslawhelp.org/article/steps-take-if-you-cannot-pay-your-credit-cards",
        },
        {
            "zh": "英国 National Debtline 类债务指南《How to deal with debt》：只承诺按预算能负担的金额",
            "en": 'UK National Debtline-style guide "How to deal with debt": offer only what you can afford, based on a budget',
            "url": None,
        },
    ),
)
