"""The kit's form and its :class:`~calculators._spec.Calculator` (run name ``negotiation_kit``)."""

from __future__ import annotations

from .._bankdata import BANKS
from .._core import MONTHS, PERIODS, YUAN, Calculator, Column, Field, Output, Table, t
from .assemble import REASONS, negotiation_kit
from .documents import explain_text
from .html import UI, render_result_html
from .plan import ZERO
from .plan_dates import kit_calendar

__all__ = ["CALCULATOR", "EXAMPLE_CARDS", "explain"]

_BANK_CHOICES = tuple((b, t(f["zh"], f["en"])) for b, f in BANKS)

EXAMPLE_CARDS = (
    {"bank": "citic", "balance_yuan": "30000", "overdue_months": "2"},
    {"bank": "citic", "balance_yuan": "12000", "overdue_months": "1"},
    {"bank": "cmb", "balance_yuan": "20000", "overdue_months": ""},
)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _choice_names(fields) -> set:
    return {f.name for f in fields if f.kind == "choice"}


def _row_typed(row) -> bool:
    """A card row counts once something other than the bank is filled in."""
    items = CALCULATOR.fields[0].items
    skip = _choice_names(items)
    return isinstance(row, dict) and any(not _blank(v) for k, v in row.items() if k not in skip)


def _prepare(inputs):
    """The worked example while the reader has typed nothing; blank card rows dropped.

    Picking a bank or a reason is not typing (the page may preselect a bank). Until the reader
    types a figure or a word, the kit shows the example, marked as such in every document.
    """
    if not isinstance(inputs, dict):
        return inputs
    skip = _choice_names(CALCULATOR.fields)
    cards = inputs.get("cards")
    typed_rows = [r for r in cards if _row_typed(r)] if isinstance(cards, (list, tuple)) else cards
    typed = any(not _blank(v) for k, v in inputs.items() if k not in skip and k != "cards") or bool(typed_rows)
    if not typed:
        example = CALCULATOR.example_inputs()
        # A bank picked before typing (say, from a bank page) shows in the example's first card.
        first = cards[0] if isinstance(cards, (list, tuple)) and cards and isinstance(cards[0], dict) else {}
        if first.get("bank") in dict(_BANK_CHOICES):
            example["cards"][0]["bank"] = first["bank"]
        return example
    if isinstance(cards, (list, tuple)):
        return {**inputs, "cards": typed_rows}
    return inputs


_example_values: list = []


def _without_banks(values: dict) -> dict:
    cards = values.get("cards")
    if not isinstance(cards, list):
        return values
    return {**values, "cards": [{k: v for k, v in c.items() if k != "bank"} for c in cards]}


def _is_example(values: dict) -> bool:
    """Whether ``values`` are the worked example's, whatever banks were picked (parsed once, compared)."""
    if not _example_values:
        from .._parse import parse_inputs

        _example_values.append(_without_banks(parse_inputs(CALCULATOR.fields, CALCULATOR.example_inputs())[0]))
    return _without_banks(values) == _example_values[0]


def _compute(values: dict) -> dict:
    return negotiation_kit(
        cards=values["cards"],
        monthly_income_yuan=values["monthly_income_yuan"],
        essential_spending_yuan=values["essential_spending_yuan"],
        other_debt_payments_yuan=values["other_debt_payments_yuan"] or ZERO,
        example=_is_example(values),
        hardship_reason=values["hardship_reason"],
        hardship_detail=values["hardship_detail"],
        expected_recovery=values["expected_recovery"],
        name=values["name"],
        periods=values["periods"],
        start_date=values["start_date"],
    )


def explain(values: dict, result: dict, lang: str) -> str:
    """One plain paragraph: what you can pay, over how long, and what waiting would cost."""
    return explain_text(result, lang)


CALCULATOR = Calculator(
    name="negotiation_kit",
    title=t("协商工具包", "Negotiation kit"),
    question=t(
        "给银行的申请书和电话里要说的话，怎么准备？",
        "What do I write to the bank and say on the phone?",
    ),
    fields=(
        Field(
            "cards",
            "list",
            t("你的信用卡", "Your cards"),
            help=t(
                "每张卡一行：哪家银行、现在欠多少、逾期几个月（不知道可以不填）。同一家银行的卡会合在一起。",
                "One row per card: the bank, what you owe now, and months overdue (leave empty if not known). "
                "Cards at the same bank are added up.",
            ),
            items=(
                Field("bank", "choice", t("银行", "Bank"), choices=_BANK_CHOICES, example="citic"),
                Field(
                    "balance_yuan",
                    "money",
                    t("欠款", "Balance owed"),
                    unit=YUAN,
                    minimum="0.01",
                    maximum="100000000",
                ),
                Field(
                    "overdue_months",
                    "integer",
                    t("已逾期", "Months overdue"),
                    unit=MONTHS,
                    required=False,
                    minimum="0",
                    maximum="120",
                ),
            ),
            example=[dict(c) for c in EXAMPLE_CARDS],
            max_items=20,
        ),
        Field(
            "monthly_income_yuan",
            "money",
            t("家里每月能用来还债的收入", "Household income a month available for debts"),
            unit=YUAN,
            help=t(
                "到手的收入：你自己的，加上家人能拿出来帮你还债的。申请书会写明这是家里的收入。",
                "Take-home income: your own plus what your family can put towards the debts. The letter says it is "
                "household income.",
            ),
            example="8000",
            minimum="0",
        ),
        Field(
            "essential_spending_yuan",
            "money",
            t("每月必要开支", "Essential spending a month"),
            unit=YUAN,
            help=t(
                "吃饭、住房、水电、交通、医疗、孩子上学等。",
                "Food, housing, utilities, transport, medical costs, school.",
            ),
            example="4500",
            minimum="0",
        ),
        Field(
            "other_debt_payments_yuan",
            "money",
            t("其他债务每月还款", "Other debt payments a month"),
            unit=YUAN,
            help=t(
                "房贷、车贷、其他贷款的月供（不含信用卡）。没有就留空。",
                "Mortgage, car and other loan payments (not cards). Leave blank if none.",
            ),
            example="500",
            required=False,
            blank="0",
            blank_means=t(
                "没有其他债务就留空：留空按没有算，申请书里不写这一项。",
                "Leave it blank if you have none: blank counts as none, and the letter leaves it out.",
            ),
            minimum="0",
        ),
        Field(
            "hardship_reason",
            "choice",
            t("还不上的原因", "Why you cannot pay"),
            choices=REASONS,
            example="job_loss",
        ),
        Field(
            "hardship_detail",
            "text",
            t("具体情况（一两句话）", "What happened (a sentence or two)"),
            help=t(
                "会写进申请书，例如：2026 年 9 月公司裁员。", "Goes into the letter, e.g. “laid off in September 2026”."
            ),
            required=False,
            max_length=120,
        ),
        Field(
            "expected_recovery",
            "text",
            t("预计什么时候好转", "When you expect things to ease"),
            help=t("例如：2027 年 6 月，或“找到新工作后”。", "E.g. “June 2027” or “once I find a new job”."),
            required=False,
            max_length=40,
        ),
        Field(
            "name",
            "text",
            t("你的姓名", "Your name"),
            help=t("只用来填进申请书，不会发到任何地方。", "Only put into the letter; it is not sent anywhere."),
            required=False,
            max_length=30,
        ),
        Field(
            "periods",
            "integer",
            t("想分几期", "Months you want"),
            unit=PERIODS,
            help=t(
                "可不填：不填就按你每月能还的钱算出最短期数。最多 60 期（第七十条：最长 5 年）。",
                "Optional: leave empty for the shortest plan you can afford. At most 60 (Article 70: 5 years).",
            ),
            required=False,
            minimum="1",
        ),
        Field(
            "start_date",
            "date",
            t("第一期还款日期", "First payment date"),
            help=t("可不填：不填就是下个月 1 日。", "Optional: leave empty for the 1st of next month."),
            required=False,
            minimum="2000-01-01",
        ),
    ),
    outputs=(
        Output("capacity_yuan", UI["capacity"], "money", primary=True),
        Output("total_debt_yuan", UI["total"], "money"),
        Output("monthly_total_yuan", UI["monthly_total"], "money"),
        Output("longest_periods", t("最长期数", "Longest plan (months)"), "count"),
        Output("doing_nothing_yuan", UI["nothing"], "money"),
    ),
    compute=_compute,
    prepare=_prepare,
    calendar=kit_calendar,
    examples_as_placeholders=True,
    render_html=render_result_html,
    table=Table(
        "plans",
        (
            Column("bank_label", UI["bank"], "text"),
            Column("phone", UI["phone"], "text"),
            Column("debt_yuan", UI["debt"], "money"),
            Column("share_yuan", UI["share"], "money"),
            Column("periods", UI["periods"], "count"),
            Column("payment_yuan", UI["payment"], "money"),
            Column("end_date", UI["end"], "date"),
            Column("doing_nothing_yuan", UI["nothing_col"], "money"),
        ),
        UI["plans"],
    ),
    explain=explain,
    conventions=t(
        "每月能还的钱 = 收入 − 必要开支 − 其他债务月供（留空按没有算）；按各家银行欠款的比例分配（到分，每家至少 0.01 元），"
        "方案用不完的部分先让欠得少的早点还清。每家银行的方案免息，最多 60 期（第七十条：最长 5 年），每期本金截尾到分，"
        "余数计入最后一期；每月从不超过分到的钱，60 期还不清时按你能还的数写，并说明还不清。"
        "“再拖 3 个月”按常见条件估算：日利率 0.05%、每 30 天复利一次，违约金为最低还款额（欠款的 10%）未还部分的 5%。"
        "这些文字是你提出的申请，银行可以同意，也可以不同意。你填的内容只在你的浏览器里计算，不会发送出去。",
        "What you can pay = income − essential spending − other debt payments (blank means none); shared between "
        "banks in proportion to debt (to the fen, at least ¥0.01 each), and what a plan does not use first clears the "
        "smaller debts sooner. Each plan is interest-free and at most 60 months (Article 70: 5 years); principal per "
        "month is truncated to the fen, the remainder in the last month; never more a month than the share, and when "
        "60 months do not clear a debt the plan offers what you can pay and says so. "
        "“Three more months” uses common terms: 0.05 % a day compounded every 30 days, and a late fee of 5 % of an "
        "unpaid minimum payment of 10 % of the balance. The texts are your request; the bank may agree or not. What you "
        "type is computed in your browser only and is never sent anywhere.",
    ),
    references=(
        {
            "zh": "《商业银行信用卡业务监督管理办法》（原银监会令2011年第2号）第七十条：银行“可以”与持卡人协商个性化分期还款协议，最长不超过 5 年；"
            "签署协议后停止催收；口头协议必须留存录音。",
            "en": "Measures on the Supervision and Administration of Credit Card Business of Commercial Banks (CBRC Order "
            "2011 No. 2), Article 70: the bank may agree a personalised instalment plan of at most 5 years; collection "
            "stops once it is signed; an oral agreement must be recorded.",
            "url": "https://www.nfra.gov.cn/cn/view/pages/rulesDetail.html?docId=272670",
        },
        {
            "zh": "《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）：违约金由发卡机构与持卡人约定，不得对违约金计收利息。",
            "en": "PBOC notice Yinfa [2016] No. 111: late fees (违约金) are agreed between issuer and cardholder and bear no interest.",
            "url": None,
        },
        {
            "zh": "美国消费者金融保护局（CFPB）：先联系发卡机构，说明原因、能还多少、从什么时候开始，并要求书面确认。",
            "en": "US CFPB, “Need help with your credit card debt? Start with your credit card company!”: explain why, "
            "how much and from when, and get written confirmation.",
            "url": "https://www.consumerfinance.gov/about-us/blog/need-help-your-credit-card-debt-start-your-credit-card-company/",
        },
    ),
)
