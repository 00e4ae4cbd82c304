"""最低还款额 · The minimum payment on a card statement.

Each issuer sets its own minimum-payment rule; there is no national formula
since 2017. The commonly reported structure is a share (typically 10 %) of the
ordinary balance plus the whole of the instalment principal and fees due that
month; many statements also add other items in full. This calculator lets the
reader enter each part and the two shares, and shows how the minimum is made
up.

Conventions
-----------
``minimum = ratio x general_transactions + cash_ratio x cash_advances
+ installment_due + fees + interest + over_limit + previous_min_unpaid``,
each part ROUND_HALF_UP to the fen.

* Sourced (references [2] to [4]): ``ratio`` of 10 % of the balance, and 100 % of the
  instalment principal and fees due that month.
* Assumptions, not sourced rules (check your statement): cash advances at
  ``cash_ratio`` (default 100 %, the cautious choice), and interest, any
  amount over the credit limit and an earlier minimum left unpaid counted in
  full.
* Paying only the minimum avoids being overdue, but at many banks the whole
  balance then loses the interest-free period (interest from each purchase's
  posting date).

References
----------
.. [1] 《中国人民银行关于信用卡业务有关事项的通知》 (银发〔2016〕111号): the
   minimum-payment conditions are set by each issuer (from 2017).
.. [2] Bank of China 中银长城国际卡 page (c. 2017): "最低应还所欠金额的10%".
.. [3] 浦发银行《账单分期付款业务条款与细则》 (c. 2018), item 10: instalment
   principal and fees due are included in full in the minimum payment.
.. [4] wacai forum post (January 2017): "当前最低还款额都是10%".

Examples
--------
>>> import calculators
>>> r = calculators.run("minimum_payment", {"general_transactions": "20000", "ratio": "10%",
...                                         "installment_due": "1000", "fees": "75"})
>>> r["result"]["minimum_payment_yuan"]
Decimal('3075.00')
"""

from __future__ import annotations

from decimal import Decimal

from ._core import YUAN, Calculator, Column, Field, Output, Table, fmt_yuan, money, t

__all__ = ["CALCULATOR", "PARTS", "minimum_parts", "compute", "explain"]

#: (input key, label, key of its share or None for 100 %)
PARTS = (
    ("general_transactions", t("消费余额", "Purchases (within the limit)"), "ratio"),
    ("cash_advances", t("取现余额", "Cash advances"), "cash_ratio"),
    ("installment_due", t("本期应还分期本金", "Instalment principal due this month"), None),
    ("fees", t("本期手续费等费用", "Fees this month (instalment fees etc.)"), None),
    ("interest", t("利息", "Interest"), None),
    ("over_limit", t("超出信用额度的部分", "Amount over the credit limit"), None),
    ("previous_min_unpaid", t("上期最低还款额未还部分", "Earlier minimum payment not paid"), None),
)


def minimum_parts(amounts: dict, ratio: Decimal, cash_ratio: Decimal) -> list:
    """The rows ``item, amount, share, due`` (``due`` to the fen) of the minimum payment.

    >>> rows = minimum_parts({"general_transactions": Decimal("12345.67")}, Decimal("0.1"), Decimal("1"))
    >>> rows[0]["due"], len(rows)
    (Decimal('1234.57'), 7)
    """
    shares = {"ratio": ratio, "cash_ratio": cash_ratio}
    rows = []
    for key, label, share_key in PARTS:
        amount = amounts.get(key) or Decimal(0)
        share = shares[share_key] if share_key else Decimal(1)
        rows.append(
            {"key": key, "item": dict(label), "amount": money(amount), "share": share, "due": money(amount * share)}
        )
    return rows


def compute(values: dict) -> dict:
    """Run the calculator on parsed ``values``."""
    rows = minimum_parts(values, values["ratio"], values["cash_ratio"])
    minimum = sum((r["due"] for r in rows), money(0))
    balance = sum((r["amount"] for r in rows if r["key"] != "previous_min_unpaid"), money(0))
    # An earlier unpaid minimum is already part of the balance brought forward; it is
    # listed as its own line only because banks require it in full.
    balance = max(balance, minimum)
    return {
        "minimum_payment_yuan": minimum,
        "statement_balance_yuan": balance,
        "left_after_minimum_yuan": money(balance - minimum),
        "parts": rows,
        "ratio": values["ratio"],
    }


def explain(values: dict, result: dict, lang: str) -> str:
    """Plain sentences about the result.

    >>> import calculators
    >>> r = calculators.run("minimum_payment", {"general_transactions": "20000", "ratio": "10%"})["result"]
    >>> print(explain({}, r, "en"))  # doctest: +NORMALIZE_WHITESPACE
    Your minimum payment is about ¥2,000.00. Paying at least this keeps the account from going overdue,
    but the remaining ¥18,000.00 keeps costing interest, and at many banks interest is then charged on
    the whole balance from each purchase's posting date.
    """
    m = fmt_yuan(result["minimum_payment_yuan"], lang)
    rest = fmt_yuan(result["left_after_minimum_yuan"], lang)
    if lang == "zh":
        return (
            f"你的最低还款额约为 {m}。还够这个数可以避免逾期，但剩下的 {rest}会继续计息，"
            "而且许多银行此时会对全部账单金额从每笔消费的记账日起计息。"
        )
    return (
        f"Your minimum payment is about {m}. Paying at least this keeps the account from going overdue, but "
        f"the remaining {rest} keeps costing interest, and at many banks interest is then charged on the whole "
        "balance from each purchase's posting date."
    )


def _money_field(name, label, help_, example="0"):
    """A part of the statement: blank means there is none (0)."""
    return Field(
        name,
        "money",
        label,
        unit=YUAN,
        help=help_,
        example=example,
        required=False,
        blank="0",
        blank_means=t("留空表示没有（按 0 计算）。", "Left blank, it means none (0)."),
        minimum="0",
        maximum="100000000",
    )


CALCULATOR = Calculator(
    name="minimum_payment",
    title=t("最低还款额计算器", "Minimum-payment calculator"),
    question=t("这个月至少要还多少？", "What is the least I must pay this month?"),
    fields=(
        _money_field(
            "general_transactions",
            PARTS[0][1],
            t("账单上信用额度内的消费余额。", "Purchases on the statement, within your credit limit."),
            example="10000",
        ),
        _money_field("cash_advances", PARTS[1][1], t("取现（预借现金）余额。", "Cash withdrawn on the card.")),
        _money_field(
            "installment_due",
            PARTS[2][1],
            t(
                "本月到期的分期本金，通常全额计入最低还款额。",
                "Instalment principal due this month; usually counted in full.",
            ),
        ),
        _money_field(
            "fees",
            PARTS[3][1],
            t(
                "本月的分期手续费、年费等，通常全额计入。",
                "This month's instalment fees, annual fee etc.; usually counted in full.",
            ),
        ),
        _money_field("interest", PARTS[4][1], t("账单上的利息。", "Interest on the statement.")),
        _money_field("over_limit", PARTS[5][1], t("超过信用额度的金额。", "Any amount above your credit limit.")),
        _money_field(
            "previous_min_unpaid",
            PARTS[6][1],
            t("以前账单的最低还款额中没有还上的部分。", "Any part of an earlier minimum payment you did not pay."),
        ),
        Field(
            "ratio",
            "rate",
            t("消费余额的计入比例", "Share of purchases in the minimum"),
            unit=t("%", "%"),
            help=t("常见为 10%，以你的银行合同为准。", "Commonly 10 %; your bank's contract decides."),
            example="0.10",
            minimum="0",
            maximum="1",
            percent=True,
        ),
        Field(
            "cash_ratio",
            "rate",
            t("取现余额的计入比例", "Share of cash advances in the minimum"),
            unit=t("%", "%"),
            help=t(
                "各银行不同；默认 100% 是保守假设，请看账单。",
                "Differs by bank; 100 % is a cautious assumption here, check your statement.",
            ),
            example="1",
            required=False,
            blank="1",
            blank_means=t(
                "留空时按 100% 计算（保守假设）。", "Left blank, it counts as 100 % (the cautious assumption)."
            ),
            minimum="0",
            maximum="1",
            percent=True,
        ),
    ),
    outputs=(
        Output("minimum_payment_yuan", t("最低还款额", "Minimum payment"), "money", primary=True),
        Output("statement_balance_yuan", t("账单金额（估算）", "Statement balance (estimate)"), "money"),
        Output(
            "left_after_minimum_yuan",
            t("只还最低额后仍欠", "Still owed after the minimum"),
            "money",
        ),
    ),
    compute=compute,
    table=Table(
        "parts",
        (
            Column("item", t("项目", "Item"), "text"),
            Column("amount", t("金额", "Amount"), "money"),
            Column("share", t("计入比例", "Share counted"), "rate"),
            Column("due", t("计入最低还款额", "In the minimum"), "money"),
        ),
        t("最低还款额的构成", "What the minimum payment is made of"),
    ),
    explain=explain,
    conventions=t(
        "最低还款额 = 消费余额 × 比例（常见 10%）+ 取现余额 × 取现比例 + 本期分期本金 + 费用 + 利息 + 超限部分 + "
        "上期最低还款额未还部分，各项四舍五入到分。10% 和“分期本金及手续费全额计入”有公开来源；其余各项按全额计入"
        "是本计算器的保守假设。各银行规则不同，以账单和合同为准。",
        "Minimum = purchases × share (commonly 10 %) + cash advances × cash share + instalment principal due + "
        "fees + interest + any amount over the limit + any earlier minimum left unpaid, each rounded half-up "
        "to the fen. The 10 % and the rule that instalment principal and fees count in full have public "
        "sources; counting the other items in full is this calculator's cautious assumption. Rules differ by "
        "bank: your statement and contract decide.",
    ),
    references=(
        {
            "zh": "《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）：最低还款额由发卡机构自行确定",
            "en": "PBoC notice Yinfa [2016] No. 111: each issuer sets its minimum-payment conditions",
            "url": None,
        },
        {
            "zh": "中国银行中银长城国际卡说明（约 2017 年）：“最低应还所欠金额的10%”",
            "en": "Bank of China Great Wall International card page (c. 2017): minimum is 10 % of the amount owed",
            "url": None,
        },
        {
            "zh": "浦发银行《账单分期付款业务条款与细则》（约 2018 年）第10条：分期本金和手续费全额计入最低还款额",
            "en": "SPDB bill-instalment terms (c. 2018), item 10: instalment principal and fees count in full",
            "url": None,
        },
    ),
)
