"""Negotiation kit: your numbers, a plan per bank, a letter, a phone script, a checklist, a call log.

协商工具包：把你的数字算清楚，按银行生成协商还款申请书、电话脚本、材料清单和通话记录表。

The reader enters each card (bank, balance, months overdue), their monthly
income, essential spending and other debt payments, why they are in difficulty
and when they expect it to ease. :func:`negotiation_kit` then

1. works out what they can pay each month (:mod:`calculators.repayment_capacity`);
2. splits that amount across their banks and finds, for each bank, the shortest
   interest-free plan of at most 60 months that fits its share
   (:func:`calculators.negotiated_plan.negotiated_plan`), or the plan of the
   number of months they asked for;
3. shows what three more months of doing nothing would add
   (:func:`calculators.overdue_cost.overdue_cost`), for comparison;
4. writes, for each bank, a repayment proposal letter (协商还款申请书) in Chinese
   with an English version for reference, and a phone script (both languages);
   plus a checklist of documents and an empty call log with its CSV header.

Everything is computed from what the reader typed; nothing is sent anywhere.
The texts never promise that a bank will agree: Article 70 says the bank *may*
(可以) agree a personalised instalment agreement; it is not a right.

Conventions
-----------
- **Capacity.** The monthly amount available for *all* card debts, as
  :mod:`calculators.repayment_capacity` computes it from income, essential
  spending and other debt payments.
- **Split across banks (按欠款比例分配).** Each bank's share is capacity x that
  bank's debt / total card debt, rounded ROUND_HALF_UP to the fen; the rounding
  difference goes to the bank with the largest debt (the first such bank in the
  order entered), so the shares add up to the capacity exactly. Cards at the
  same bank are added up: one plan and one letter per bank.
- **Plan asked for.** Interest-free (only the debt is repaid: the letter asks
  the bank to stop interest and fees), at most 60 monthly payments (Article 70:
  5 years). Principal per month is truncated to the fen and the remainder goes
  into the last month (the negotiated-plan calculator's rule). Without a chosen
  number of months, each bank gets the shortest plan whose payment fits its
  share; if even 60 months does not fit, the plan is 60 months and is marked
  as more than the reader can pay (the letter then says so and asks the bank to
  consider it). A chosen number of months over 60 is refused with the reason.
- **Payment dates.** The first payment on the start date, then the same day of
  each following month (the last day of a shorter month).
- **Cost of doing nothing (typical assumptions, not any bank's terms).** For
  each bank: 3 more months (90 days) unpaid at 0.05 % a day compounded every 30
  days, plus a 违约金 of 5 % of an unpaid minimum payment of 10 % of the
  balance for each missed due date (fact sheet B, [S]: the common contractual
  rate, the typical late fee and minimum payment). Since 2021 banks may set
  other rates; since 2017 违约金 is whatever the card contract says.
- **Money** is ``Decimal`` throughout, rounded ROUND_HALF_UP to the fen; texts
  format it with :mod:`calculators.fmt`. Free text the reader types (name,
  details, when things should ease) is length-capped by the form and is always
  HTML-escaped when shown.

References
----------
.. [1] 《商业银行信用卡业务监督管理办法》（原中国银行业监督管理委员会令2011年第2号）第七十条:
   the bank 可以 (may) agree a personalised instalment agreement of at most 5 years;
   the agreement states whether annual fees, interest and other fees are charged;
   collection stops once it is signed; an oral agreement must be recorded.
.. [2] 《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）: 违约金 by
   agreement; no interest on 违约金.
.. [3] US CFPB, "Need help with your credit card debt? Start with your credit card
   company!"; UK StepChange sample letters; National Debtline: say why, how much,
   from when; get any agreement in writing; keep a record of every call.

Examples
--------
Three cards at two banks, 3,000 yuan a month to spare:

>>> from decimal import Decimal
>>> import datetime as dt
>>> r = negotiation_kit(
...     cards=[{"bank": "citic", "balance_yuan": Decimal("30000"), "overdue_months": 2},
...            {"bank": "cmb", "balance_yuan": Decimal("20000"), "overdue_months": None},
...            {"bank": "citic", "balance_yuan": Decimal("12000"), "overdue_months": 1}],
...     monthly_income_yuan=Decimal("8000"), essential_spending_yuan=Decimal("4500"),
...     other_debt_payments_yuan=Decimal("500"), hardship_reason="job_loss",
...     start_date=dt.date(2027, 1, 15))
>>> r["capacity_yuan"], r["total_debt_yuan"], r["bank_count"], r["card_count"]
(Decimal('3000.00'), Decimal('62000.00'), 2, 3)
>>> [(p["bank"], p["debt_yuan"], p["share_yuan"], p["periods"], p["payment_yuan"]) for p in r["plans"]]
[('citic', Decimal('42000.00'), Decimal('2032.26'), 21, Decimal('2000.00')), ('cmb', Decimal('20000.00'), Decimal('967.74'), 21, Decimal('952.38'))]
>>> "400-889-5558" in document_text(r["documents"]["letters"][0]["zh"])
True
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from html import escape

from . import fmt
from ._bankdata import BANKS
from ._core import (
    MONTHS,
    PERIODS,
    YUAN,
    Calculator,
    Column,
    Field,
    InputError,
    Output,
    Table,
    money,
    t,
)

__all__ = [
    "negotiation_kit",
    "split_capacity",
    "bank_plan",
    "doing_nothing_cost",
    "letter",
    "phone_script",
    "checklist",
    "call_log_columns",
    "call_log_template",
    "call_log_csv",
    "csv_bytes",
    "document_text",
    "document_html",
    "render_result_html",
    "CALCULATOR",
    "BANK_IDS",
    "REASONS",
    "MAX_PERIODS",
]

#: Article 70: a personalised instalment agreement lasts at most 5 years.
MAX_PERIODS = 60
BANK_IDS = tuple(b for b, _ in BANKS)
_BANK = BANKS_BY_ID = dict(BANKS)
_ZERO = Decimal("0")

#: Typical assumptions for the cost of doing nothing (fact sheet B, [S]).
NOTHING_DAYS = 90
NOTHING_DAILY_RATE = Decimal("0.0005")
NOTHING_MIN_PAYMENT_RATE = Decimal("0.10")
NOTHING_LATE_FEE_RATE = Decimal("0.05")

REASONS = (
    ("job_loss", t("失业", "Job loss")),
    ("illness", t("生病（本人或家人）", "Illness (mine or a family member's)")),
    ("business_failure", t("生意失败", "Business failure")),
    ("other", t("其他原因", "Other")),
)

ART70_ZH = "《商业银行信用卡业务监督管理办法》第七十条"
ART70_EN = (
    "Article 70 of the Measures on the Supervision and Administration of Credit Card Business "
    "of Commercial Banks (商业银行信用卡业务监督管理办法)"
)

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def _d(x) -> Decimal:
    if isinstance(x, float):
        raise TypeError("float given; pass Decimal or str")
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _y(x, lang: str) -> str:
    return fmt.yuan(_d(x), lang)


def add_months(d: datetime.date, months: int) -> datetime.date:
    """``d`` plus ``months`` calendar months, on the last day of a shorter month.

    >>> add_months(datetime.date(2027, 1, 31), 1), add_months(datetime.date(2027, 11, 15), 3)
    (datetime.date(2027, 2, 28), datetime.date(2028, 2, 15))
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(d.day, last))


def _date(d: datetime.date, lang: str) -> str:
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')[d.month - 1]} {d.year}"


def _iso(s) -> datetime.date:
    return s if isinstance(s, datetime.date) else datetime.date.fromisoformat(s)


def bank_name(bank: str, lang: str) -> str:
    """The bank's short name: ``bank_name("cmb", "zh") == "招商银行"``."""
    return _BANK[bank]["zh" if lang == "zh" else "en"]


def bank_phone(bank: str, lang: str) -> str:
    """The card-service number with its dialling hint, e.g. ``95595（接通后按 8）``."""
    b = _BANK[bank]
    hint = b.get("hint")
    if not hint:
        return b["phone"]
    return f"{b['phone']}（{hint['zh']}）" if lang == "zh" else f"{b['phone']} ({hint['en']})"


def default_start(today: datetime.date | None = None) -> datetime.date:
    """The first day of next month (the start date when the reader leaves it empty)."""
    today = today or datetime.date.today()
    return add_months(today.replace(day=1), 1)


# --------------------------------------------------------------------------------------
# The numbers
# --------------------------------------------------------------------------------------


def split_capacity(capacity, debts) -> list:
    """Split ``capacity`` across ``debts`` in proportion, to the fen, adding up exactly.

    Each share is ``capacity x debt / total`` rounded ROUND_HALF_UP to the fen; the
    difference left by rounding goes to the largest debt (the first one if tied).

    >>> split_capacity(Decimal("100"), [Decimal("1"), Decimal("1"), Decimal("1")])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    >>> split_capacity(Decimal("3000"), [Decimal("42000"), Decimal("20000")])
    [Decimal('2032.26'), Decimal('967.74')]
    """
    capacity = _d(capacity)
    debts = [_d(x) for x in debts]
    total = sum(debts, _ZERO)
    if not debts or total <= 0:
        raise ValueError("debts must be positive")
    shares = [money(capacity * x / total) for x in debts]
    biggest = max(range(len(debts)), key=lambda i: (debts[i], -i))
    shares[biggest] += money(capacity) - sum(shares, _ZERO)
    return shares


def _months_too_long(periods: int) -> InputError:
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
    from .negotiated_plan import negotiated_plan

    debt, share = _d(debt), _d(share)
    if periods is not None and periods > MAX_PERIODS:
        raise _months_too_long(periods)
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
    from .overdue_cost import overdue_cost

    debt = _d(debt)
    r = overdue_cost(
        principal_yuan=debt,
        days_overdue=NOTHING_DAYS,
        days_before_due=0,
        daily_rate=NOTHING_DAILY_RATE,
        cycle_days=30,
        compounding="monthly",
        minimum_payment=money(debt * NOTHING_MIN_PAYMENT_RATE),
        paid_amount=_ZERO,
        late_fee_rate=NOTHING_LATE_FEE_RATE,
    )
    return r["total_cost_yuan"]


def _capacity(income, essential, other) -> Decimal:
    """Monthly amount for all card debts: :func:`calculators.repayment_capacity.budget`'s
    surplus with no buffer (negative when there is a shortfall)."""
    from .repayment_capacity import budget

    return budget(_d(income), _d(essential), _d(other), _ZERO)["surplus"]


# --------------------------------------------------------------------------------------
# Documents: a document is {"id", "kind", "lang", "bank", "title", "blocks"}; a block is
# [kind, text] with kind "h" (heading), "p" (paragraph), "li" (list item), "say" (words to
# say on the phone), "note" (small print), "sign" (a line to fill in by hand).
# --------------------------------------------------------------------------------------

_REASON_ZH = {
    "job_loss": "我失业了，失去了工资收入",
    "illness": "我或家人生病，医疗花费增加，收入也减少了",
    "business_failure": "我经营的生意失败，收入大幅减少",
    "other": "我的收入减少、必要开支增加",
}
_REASON_EN = {
    "job_loss": "I lost my job and with it my wages",
    "illness": "illness (mine or a family member's) has raised my medical costs and cut my income",
    "business_failure": "my business failed and my income has fallen sharply",
    "other": "my income has fallen and my essential costs have risen",
}
_REASON_SHORT_ZH = {"job_loss": "失业", "illness": "生病", "business_failure": "生意失败", "other": "收入减少"}
_REASON_SHORT_EN = {
    "job_loss": "I lost my job",
    "illness": "of illness",
    "business_failure": "my business failed",
    "other": "my income has fallen",
}
_PROOF = {
    "job_loss": t(
        "失业的证明：离职证明、解除劳动合同的通知，或失业登记证明",
        "Proof of job loss: a leaving certificate, the notice ending your contract, or unemployment registration",
    ),
    "illness": t(
        "生病的证明：诊断证明、门诊或住院病历、医疗费用票据",
        "Proof of illness: a diagnosis certificate, outpatient or hospital records, medical bills",
    ),
    "business_failure": t(
        "生意失败的证明：营业执照注销或停业的材料、亏损的账目",
        "Proof the business failed: deregistration or closure papers, accounts showing the loss",
    ),
    "other": t(
        "能说明收入减少或开支增加的材料",
        "Papers that show your income fell or your essential costs rose",
    ),
}


def _doc(doc_id: str, kind: str, lang: str, bank: str | None, title: str, blocks: list) -> dict:
    return {"id": doc_id, "kind": kind, "lang": lang, "bank": bank, "title": title, "blocks": blocks}


def _cards_lines(plan: dict, lang: str) -> list:
    out = []
    for i, c in enumerate(plan["cards"], 1):
        od = c.get("overdue_months")
        if lang == "zh":
            s = f"第 {i} 张卡（卡号后四位＿＿＿＿）：欠款 {_y(c['balance_yuan'], 'zh')}"
            if od:
                s += f"，已逾期约 {od} 个月"
        else:
            s = f"Card {i} (last four digits ____): {_y(c['balance_yuan'], 'en')} owed"
            if od:
                s += f", about {od} month{'s' if od != 1 else ''} overdue"
        out.append(["li", s])
    return out


def _recovery(kit: dict, lang: str) -> str:
    when = kit.get("expected_recovery")
    if lang == "zh":
        if when:
            return f"我估计情况好转的时间：{when}。情况有变化，我会及时告诉贵行。"
        return "我现在还说不准情况什么时候会好转；一有变化，我会及时告诉贵行。"
    if when:
        return f"When I expect things to improve: {when}. I will tell the bank as soon as my situation changes."
    return "I cannot yet say when things will improve; I will tell the bank as soon as my situation changes."


def _hardship(kit: dict, lang: str) -> str:
    reason = kit["hardship_reason"]
    detail = kit.get("hardship_detail")
    if lang == "zh":
        s = f"{_REASON_ZH[reason]}。"
        if detail:
            s += f"具体情况：{detail}。"
        return s + "现在我无法按原来的约定还款，但我愿意还清欠款，希望和贵行商量一个我能坚持下去的还款方案。"
    s = f"{_REASON_EN[reason][0].upper()}{_REASON_EN[reason][1:]}."
    if detail:
        s += f" In more detail: {detail}."
    return s + (
        " I can no longer repay on the original terms, but I want to repay what I owe and would like to agree"
        " with the bank a plan I can keep to."
    )


def letter(kit: dict, plan: dict, lang: str) -> dict:
    """The repayment proposal letter (协商还款申请书) to one bank, in ``lang``.

    ``kit`` is the kit's result (inputs and totals), ``plan`` one of its ``plans`` rows.
    """
    b = plan["bank"]
    zh = lang == "zh"
    name = kit.get("name") or ("＿＿＿＿＿＿" if zh else "____________")
    y = lambda x: _y(x, lang)  # noqa: E731
    start = _iso(plan["first_date"])
    end = _iso(plan["end_date"])
    n = plan["periods"]
    several = kit["bank_count"] > 1
    blocks: list = []
    if zh:
        title = "协商还款申请书（申请个性化分期还款）"
        blocks += [
            ["p", f"致：{bank_name(b, 'zh')}信用卡中心（信用卡客服电话 {bank_phone(b, 'zh')}）"],
            ["p", f"申请人：{name}　　身份证号：＿＿＿＿＿＿＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿"],
            ["p", f"我在贵行有 {len(plan['cards'])} 张信用卡，欠款合计 {y(plan['debt_yuan'])}（以贵行账单为准）："],
            *_cards_lines(plan, "zh"),
            ["h", "一、我遇到的困难"],
            ["p", _hardship(kit, "zh")],
            ["p", _recovery(kit, "zh")],
            ["h", "二、我每月能还多少"],
            [
                "p",
                f"我每月收入约 {y(kit['monthly_income_yuan'])}，必要生活开支约 {y(kit['essential_spending_yuan'])}，"
                f"其他债务每月要还约 {y(kit['other_debt_payments_yuan'])}。扣除这些以后，我每月能用来还信用卡的钱约为 "
                f"{y(kit['capacity_yuan'])}。"
                + (
                    f"我一共欠 {kit['bank_count']} 家银行 {y(kit['total_debt_yuan'])}，按各家欠款的比例分配，"
                    f"每月能还给贵行的是 {y(plan['share_yuan'])}。"
                    if several
                    else ""
                ),
            ],
            ["h", "三、我申请的还款方案"],
            ["p", f"根据{ART70_ZH}，我恳请贵行与我平等协商，达成个性化分期还款协议："],
            [
                "li",
                f"把上述欠款 {y(plan['debt_yuan'])}分 {n} 期偿还，每月还 {y(plan['payment_yuan'])}"
                + (f"（最后一期 {y(plan['last_payment_yuan'])}）" if plan["last_payment_yuan"] != plan["payment_yuan"] else "")
                + f"，从 {_date(start, 'zh')}开始，到 {_date(end, 'zh')}还清。",
            ],
            ["li", "分期期间停止计收利息、年费和其他费用；已经产生的违约金和其他费用予以减免，不能全部减免的，请减少。"],
            [
                "li",
                "达成协议后，请以书面形式（纸质协议，或短信、App 里能保存的通知）向我确认协议内容：欠款余额和构成、期数、"
                "每期还款金额和日期、还款期间是否收取年费、利息和其他费用。如果在电话里达成口头协议，请按第七十条的规定留存录音。",
            ],
            ["li", "协议签署后，请按第七十条的规定停止催收。"],
        ]
        if not plan["fits"]:
            blocks.append(
                [
                    "p",
                    f"我要说明：每月 {y(plan['payment_yuan'])} 比我现在每月能还给贵行的 {y(plan['share_yuan'])} 多。"
                    "我会尽力按时还款，也恳请贵行在减免利息和费用时考虑这一点。",
                ]
            )
        blocks += [
            ["h", "四、我的承诺"],
            [
                "p",
                "我会按协议按时还款。我知道在协议的款项全部还清以前，不能向任何银行申请信用卡。"
                "我的情况如有变化，会及时告诉贵行。我明白是否同意这个方案由贵行决定；如果贵行不能同意，请告诉我贵行可以接受的方案。",
            ],
            ["p", "附：身份证复印件、收入证明、最近几个月的银行流水、困难情况的证明材料（均为复印件）。"],
            ["p", "此致"],
            ["p", "敬礼！"],
            ["sign", "申请人（签名）：＿＿＿＿＿＿＿＿"],
            ["sign", "日期：＿＿＿＿年＿＿月＿＿日"],
        ]
    else:
        title = "Repayment proposal (request for a personalised instalment plan) — English version for reference"
        blocks += [
            [
                "note",
                "Reference translation. Send the Chinese letter to the bank; this version is to help you check "
                "what it says.",
            ],
            ["p", f"To: {bank_name(b, 'en')} credit card centre (card service {bank_phone(b, 'en')})"],
            ["p", f"From: {name}    ID number: ______________    Phone: ____________"],
            [
                "p",
                f"I have {len(plan['cards'])} credit card{'s' if len(plan['cards']) != 1 else ''} with the bank, "
                f"owing {y(plan['debt_yuan'])} in all (the bank's statements are authoritative):",
            ],
            *_cards_lines(plan, "en"),
            ["h", "1. What has happened"],
            ["p", _hardship(kit, "en")],
            ["p", _recovery(kit, "en")],
            ["h", "2. What I can pay each month"],
            [
                "p",
                f"My monthly income is about {y(kit['monthly_income_yuan'])}, my essential spending about "
                f"{y(kit['essential_spending_yuan'])} and my other debt payments about "
                f"{y(kit['other_debt_payments_yuan'])}. That leaves about {y(kit['capacity_yuan'])} a month for my "
                "credit cards."
                + (
                    f" I owe {kit['bank_count']} banks {y(kit['total_debt_yuan'])} in all; shared in proportion to "
                    f"what I owe each, {y(plan['share_yuan'])} a month is for this bank."
                    if several
                    else ""
                ),
            ],
            ["h", "3. The plan I am asking for"],
            [
                "p",
                f"Under {ART70_EN}, I ask the bank to negotiate with me on an equal footing and agree a personalised "
                "instalment plan:",
            ],
            [
                "li",
                f"The debt of {y(plan['debt_yuan'])} repaid in {n} monthly payments of {y(plan['payment_yuan'])}"
                + (
                    f" (the last one {y(plan['last_payment_yuan'])})"
                    if plan["last_payment_yuan"] != plan["payment_yuan"]
                    else ""
                )
                + f", from {_date(start, 'en')} until {_date(end, 'en')}.",
            ],
            [
                "li",
                "No interest, annual fees or other charges during the plan; the late fees (违约金) and other charges "
                "already added waived, or reduced if they cannot all be waived.",
            ],
            [
                "li",
                "Written confirmation of the agreement once it is reached (a paper agreement, or a text message or "
                "app notice I can keep): the balance and what it consists of, the number of payments, each payment's "
                "amount and date, and whether annual fees, interest and other charges apply during the plan. If we "
                "agree by phone, please keep the recording, as Article 70 requires.",
            ],
            ["li", "Once the agreement is signed, collection to stop, as Article 70 provides."],
        ]
        if not plan["fits"]:
            blocks.append(
                [
                    "p",
                    f"Please note: {y(plan['payment_yuan'])} a month is more than the {y(plan['share_yuan'])} I can "
                    "now pay this bank. I will do my best to pay on time, and I ask the bank to take this into account "
                    "when considering interest and fees.",
                ]
            )
        blocks += [
            ["h", "4. My commitments"],
            [
                "p",
                "I will pay on time as agreed. I understand that until the plan is fully repaid I may not apply for a "
                "credit card at any bank. I will tell the bank if my situation changes. I understand that whether to "
                "agree to this plan is the bank's decision; if the bank cannot agree, please tell me what it can accept.",
            ],
            [
                "p",
                "Enclosed: copies of my ID, proof of income, recent bank statements, and proof of my difficulties.",
            ],
            ["sign", "Signature: ______________"],
            ["sign", "Date: ______________"],
        ]
    return _doc(f"letter-{b}-{lang}", "letter", lang, b, title, blocks)


def phone_script(kit: dict, plan: dict, lang: str) -> dict:
    """What to say and ask when phoning one bank's card centre, in ``lang``."""
    b = plan["bank"]
    y = lambda x: _y(x, lang)  # noqa: E731
    start = _iso(plan["first_date"])
    n = plan["periods"]
    zh_name = kit.get("name") or "＿＿＿"
    if lang == "zh":
        title = f"电话脚本：{bank_name(b, 'zh')}"
        blocks = [
            ["p", f"拨打 {bank_name(b, 'zh')}信用卡中心：{bank_phone(b, 'zh')}"],
            ["h", "打电话前"],
            ["li", "准备好：身份证、每张卡的卡号和最近的账单、这份脚本、申请书、纸笔或本页的通话记录表。"],
            ["li", "找一个安静、不赶时间的时候打；记下开始通话的时间。"],
            ["h", "1. 先说这些"],
            [
                "say",
                f"“您好，我是{bank_name(b, 'zh')}信用卡的持卡人{zh_name}，卡号后四位是＿＿＿＿。我因为{_REASON_SHORT_ZH[kit['hardship_reason']]}，"
                "现在没办法按原来的约定还款，但我愿意还钱。我想申请个性化分期还款，也就是协商还款，"
                f"依据是{ART70_ZH}。请问这件事找哪个部门办？”",
            ],
            ["h", "2. 说清楚你的数字"],
            [
                "say",
                f"“我在贵行一共欠大约 {y(plan['debt_yuan'])}。扣除必要开支和其他还款以后，我每月能还给贵行大约 "
                f"{y(plan['share_yuan'])}。我希望分 {n} 期，每月还 {y(plan['payment_yuan'])}，从 {_date(start, 'zh')}开始。”",
            ],
            ["h", "3. 要问清楚的事"],
            ["li", "我能不能办个性化分期？要交哪些材料，怎么交，多久有答复？"],
            ["li", "分期期间还收不收利息、年费、违约金和其他费用？已经产生的违约金能不能减免？"],
            ["li", "一共分几期，每期还多少，每月哪天还？第一期从哪天开始？"],
            [
                "li",
                "协议能不能给我书面的（纸质协议，或短信、App 里的确认）？如果今天在电话里说定，请确认这次通话有录音——"
                "第七十条要求银行留存口头协议的录音。",
            ],
            ["li", "办了以后，征信报告上会怎么显示？以前的逾期记录会怎样？"],
            ["li", "协议签了以后，催收会停吗？以后如果有一期还不上，会怎么处理？"],
            ["h", "4. 不要当场答应的事"],
            [
                "li",
                "不要当场答应你还不起的金额或期数。可以说：“我要核对一下我的预算，明天再回复您。”",
            ],
            ["li", "不要接受只在电话里说、不给书面确认的条件。请对方书面发给你，或者确认这次通话有录音。"],
            ["li", "不要答应付钱给任何中介或“代理协商”机构：第七十条讲的是银行和持卡人自己协商。"],
            ["h", "5. 挂电话以前"],
            ["li", "把说定的内容复述一遍：期数、每期金额、还款日、是否停息、违约金怎么处理。"],
            ["li", "记下客服的姓名或工号、通话日期和时间；问清下一步：谁、在哪天、做什么，要寄什么材料。"],
            ["li", "挂电话后马上填写通话记录。"],
            [
                "note",
                "记住：第七十条说的是银行“可以”同意个性化分期，不是必须同意。这次没谈成，记下原因，过几天再打，"
                "也可以把申请书寄过去或交到网点。",
            ],
        ]
    else:
        title = f"Phone script: {bank_name(b, 'en')}"
        blocks = [
            ["p", f"Call the {bank_name(b, 'en')} card centre: {bank_phone(b, 'en')}"],
            ["h", "Before you call"],
            [
                "li",
                "Have ready: your ID, each card's number and latest statement, this script, the letter, and pen and "
                "paper or the call log on this page.",
            ],
            ["li", "Call when it is quiet and you are not in a hurry; note the time the call starts."],
            ["h", "1. Say this first"],
            [
                "say",
                f"“Hello, I hold a {bank_name(b, 'en')} credit card; my name is {kit.get('name') or '___'} and the "
                f"card ends in ____. I can no longer repay on the original terms because {_REASON_SHORT_EN[kit['hardship_reason']]}, "
                "but I want to repay. I would like to ask for a personalised instalment plan (个性化分期还款, also "
                f"called 协商还款) under {ART70_EN}. Which department handles this?”",
            ],
            ["note", "If the call is in Chinese, the Chinese version of this script (below) has the same words to read out."],
            ["h", "2. Give your numbers"],
            [
                "say",
                f"“I owe the bank about {y(plan['debt_yuan'])} in all. After essential spending and my other debt "
                f"payments I can pay the bank about {y(plan['share_yuan'])} a month. I would like {n} monthly payments "
                f"of {y(plan['payment_yuan'])}, starting on {_date(start, 'en')}.”",
            ],
            ["h", "3. What to ask"],
            ["li", "Can I have a personalised instalment plan? Which documents do you need, how do I send them, and when will I hear?"],
            ["li", "Will interest, annual fees, late fees (违约金) or other charges continue during the plan? Can the late fees already added be waived?"],
            ["li", "How many payments, how much each, on which day of the month? When is the first one?"],
            [
                "li",
                "Can I have the agreement in writing (a paper agreement, or a text message or app confirmation)? If we "
                "agree today on the phone, please confirm the call is recorded: Article 70 requires the bank to keep a "
                "recording of an oral agreement.",
            ],
            ["li", "How will the plan show on my credit report, and what happens to the overdue records already there?"],
            ["li", "Will collection stop once the agreement is signed? What happens if I miss a payment later?"],
            ["h", "4. What not to agree to on the spot"],
            [
                "li",
                "Do not agree on the spot to any amount or number of payments you cannot pay. You can say: "
                "“I need to check my budget; I will call you back tomorrow.”",
            ],
            ["li", "Do not accept terms given only by phone without written confirmation: ask for them in writing, or for confirmation that the call is recorded."],
            [
                "li",
                "Do not agree to pay any intermediary or “debt negotiation” agency: Article 70 is about the bank and "
                "the cardholder negotiating themselves.",
            ],
            ["h", "5. Before you hang up"],
            ["li", "Repeat back what was agreed: the number of payments, the amount, the payment day, whether interest stops, what happens to late fees."],
            ["li", "Write down the agent's name or staff number and the date and time; ask what happens next: who does what, by when, and what to send."],
            ["li", "Fill in the call log straight after the call."],
            [
                "note",
                "Remember: Article 70 says the bank may agree to a personalised plan; it does not have to. If it says "
                "no this time, note why and call again in a few days, or send or hand in the letter.",
            ],
        ]
    return _doc(f"script-{b}-{lang}", "script", lang, b, title, blocks)


def checklist(kit: dict, lang: str) -> dict:
    """The documents to prepare before contacting the banks, in ``lang``."""
    proof = _PROOF[kit["hardship_reason"]][lang]
    if lang == "zh":
        title = "要准备的材料"
        blocks = [
            ["p", "各家银行要的材料不一样，打电话时先问清楚要什么、怎么交。下面这些通常用得上："],
            ["li", "身份证（复印件）"],
            ["li", "每张信用卡最近的账单（显示欠款余额和构成）"],
            ["li", "收入证明（现在没有收入的，写一份说明）"],
            ["li", "最近几个月的银行流水"],
            ["li", proof],
            ["li", "其他债务的证明（贷款合同或还款计划），如果有"],
            ["li", "必要开支的证明（房租、医疗费、学费等），如果有"],
            ["li", "签好名的协商还款申请书（本页生成，每家银行一份），自己留一份"],
            ["li", "通话记录表（本页生成）"],
            ["note", "只交复印件，原件自己保管；寄出或交出的材料，先拍照留底。"],
        ]
    else:
        title = "Documents to prepare"
        blocks = [
            ["p", "Banks ask for different documents: ask on the phone what they need and how to send it. These are usually useful:"],
            ["li", "Your ID card (a copy)"],
            ["li", "Each card's latest statement (showing the balance and what it consists of)"],
            ["li", "Proof of income (if you have none now, a short written statement saying so)"],
            ["li", "Bank statements for the last few months"],
            ["li", proof],
            ["li", "Papers for your other debts (loan agreements or repayment schedules), if any"],
            ["li", "Proof of essential costs (rent, medical bills, school fees), if any"],
            ["li", "The signed repayment proposal letter (made on this page, one per bank), and a copy for yourself"],
            ["li", "The call log (on this page)"],
            ["note", "Hand in copies only and keep the originals; photograph everything before you send or hand it in."],
        ]
    return _doc(f"checklist-{lang}", "checklist", lang, None, title, blocks)


# --------------------------------------------------------------------------------------
# Call log
# --------------------------------------------------------------------------------------

_CALL_LOG = (
    ("date", t("日期", "Date")),
    ("time", t("时间", "Time")),
    ("bank", t("银行", "Bank")),
    ("number", t("拨打的号码", "Number called")),
    ("agent", t("客服姓名或工号", "Agent name or staff number")),
    ("said", t("说了什么", "What was said")),
    ("agreed", t("约定了什么", "What was agreed")),
    ("next_step", t("下一步", "Next step")),
)


def call_log_columns(lang: str) -> list:
    """``[(key, header), ...]`` of the call log in ``lang``.

    >>> [h for _, h in call_log_columns("en")][:4]
    ['Date', 'Time', 'Bank', 'Number called']
    """
    return [(k, lab[lang]) for k, lab in _CALL_LOG]


def call_log_template(plans: list, lang: str) -> list:
    """One empty row per bank with its name and card-service number filled in."""
    return [
        {k: "" for k, _ in _CALL_LOG} | {"bank": bank_name(p["bank"], lang), "number": _BANK[p["bank"]]["phone"]}
        for p in plans
    ]


def _cell(value) -> str:
    s = "" if value is None else str(value)
    # A cell starting with = + - @ (or a tab/CR) would be a formula in a spreadsheet.
    if s[:1] in ("=", "+", "-", "@", "\t", "\r"):
        s = "'" + s
    return s


def call_log_csv(rows: list, lang: str) -> str:
    """The call log as CSV text (header in ``lang``, CRLF rows); see :func:`csv_bytes`.

    >>> call_log_csv([{"date": "2027-01-15", "bank": "中信银行", "number": "400-889-5558"}], "zh").splitlines()[1]
    '2027-01-15,,中信银行,400-889-5558,,,,'
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h for _, h in call_log_columns(lang)])
    for row in rows:
        if isinstance(row, dict):
            w.writerow([_cell(row.get(k)) for k, _ in _CALL_LOG])
    return buf.getvalue()


def csv_bytes(text: str) -> bytes:
    """CSV text as the bytes of the downloaded file: UTF-8 with a BOM, so Excel reads Chinese.

    >>> csv_bytes("日期\\r\\n")[:3]
    b'\\xef\\xbb\\xbf'
    """
    return ("\ufeff" + text).encode("utf-8")


# --------------------------------------------------------------------------------------
# The kit
# --------------------------------------------------------------------------------------


def negotiation_kit(
    cards,
    monthly_income_yuan,
    essential_spending_yuan,
    other_debt_payments_yuan=Decimal("0"),
    hardship_reason: str = "other",
    hardship_detail: str | None = None,
    expected_recovery: str | None = None,
    name: str | None = None,
    periods: int | None = None,
    start_date: datetime.date | None = None,
) -> dict:
    """Plans per bank, the cost of doing nothing, and every document of the kit.

    Parameters
    ----------
    cards : list of dict
        ``{"bank": <bank id>, "balance_yuan": Decimal, "overdue_months": int or None}``.
    monthly_income_yuan, essential_spending_yuan, other_debt_payments_yuan : Decimal
    hardship_reason : {"job_loss", "illness", "business_failure", "other"}
    hardship_detail, expected_recovery, name : str or None
        Free text put into the letters as typed.
    periods : int or None
        Months asked of every bank (1 to 60); None: the shortest plan that fits each bank.
    start_date : datetime.date or None
        First payment; None: the first day of next month.

    Returns
    -------
    dict
        Totals (``capacity_yuan``, ``total_debt_yuan``, ``monthly_total_yuan``,
        ``doing_nothing_yuan``, ``card_count``, ``bank_count``, ``longest_periods``,
        ``all_fit``), ``plans`` (one row per bank), ``warnings`` (bilingual texts) and
        ``documents`` (``letters`` and ``scripts``: per bank ``{"bank", "zh", "en"}``;
        ``checklist``: ``{"zh", "en"}``), ``call_log`` (template rows per language).

    Raises
    ------
    InputError
        ``periods`` over 60 (Article 70), or nothing left to pay with each month.
    """
    if hardship_reason not in dict(REASONS):
        raise ValueError(f"hardship_reason must be one of {[r for r, _ in REASONS]}")
    if periods is not None and periods > MAX_PERIODS:
        raise _months_too_long(periods)
    income, essential = _d(monthly_income_yuan), _d(essential_spending_yuan)
    other = _d(other_debt_payments_yuan or _ZERO)
    capacity = _capacity(income, essential, other)
    if capacity <= 0:
        raise InputError(
            None,
            "no_capacity",
            f"按你填的数字，每月收入扣除必要开支和其他还款后，没有钱可以还信用卡（{_y(capacity, 'zh')}）。"
            "这时工具算不出分期方案。仍然可以打电话告诉银行你的情况，问能不能暂缓还款；也可以先找免费的债务咨询。",
            f"With these figures nothing is left for the cards after essential spending and other debt payments "
            f"({_y(capacity, 'en')}), so the kit cannot work out a plan. You can still call the bank, explain, and "
            "ask whether payments can be paused; or get free debt advice first.",
        )
    start = start_date or default_start()

    # Cards grouped by bank, in the order the banks first appear.
    by_bank: dict = {}
    for c in cards:
        by_bank.setdefault(c["bank"], []).append(
            {"balance_yuan": money(_d(c["balance_yuan"])), "overdue_months": c.get("overdue_months")}
        )
    banks = list(by_bank)
    debts = [sum((c["balance_yuan"] for c in by_bank[b]), _ZERO) for b in banks]
    total = sum(debts, _ZERO)
    shares = split_capacity(capacity, debts)

    plans = []
    for b, debt, share in zip(banks, debts, shares):
        p = bank_plan(debt, share, periods)
        overdue = [c["overdue_months"] for c in by_bank[b] if c["overdue_months"]]
        plans.append(
            {
                "bank": b,
                "bank_name": bank_name(b, "zh"),
                "bank_name_en": bank_name(b, "en"),
                "bank_label": t(bank_name(b, "zh"), bank_name(b, "en")),
                "phone": _BANK[b]["phone"],
                "cards": by_bank[b],
                "card_count": len(by_bank[b]),
                "overdue_months": max(overdue) if overdue else 0,
                "debt_yuan": money(debt),
                "share_yuan": share,
                "periods": p["periods"],
                "payment_yuan": p["payment_yuan"],
                "last_payment_yuan": p["last_payment_yuan"],
                "fits": p["fits"],
                "shortest_fitting": p["shortest_fitting"],
                "first_date": start.isoformat(),
                "end_date": add_months(start, p["periods"] - 1).isoformat(),
                "doing_nothing_yuan": doing_nothing_cost(debt),
            }
        )

    monthly_total = sum((p["payment_yuan"] for p in plans), _ZERO)
    result = {
        "capacity_yuan": capacity,
        "total_debt_yuan": money(total),
        "monthly_total_yuan": money(monthly_total),
        "doing_nothing_yuan": money(sum((p["doing_nothing_yuan"] for p in plans), _ZERO)),
        "card_count": len(cards),
        "bank_count": len(banks),
        "longest_periods": max(p["periods"] for p in plans),
        "all_fit": all(p["fits"] for p in plans),
        "start_date": start.isoformat(),
        "monthly_income_yuan": money(income),
        "essential_spending_yuan": money(essential),
        "other_debt_payments_yuan": money(other),
        "hardship_reason": hardship_reason,
        "hardship_detail": hardship_detail or "",
        "expected_recovery": expected_recovery or "",
        "name": name or "",
        "plans": plans,
    }
    result["warnings"] = _warnings(result)
    result["documents"] = {
        "letters": [{"bank": p["bank"], "zh": letter(result, p, "zh"), "en": letter(result, p, "en")} for p in plans],
        "scripts": [
            {"bank": p["bank"], "zh": phone_script(result, p, "zh"), "en": phone_script(result, p, "en")} for p in plans
        ],
        "checklist": {"zh": checklist(result, "zh"), "en": checklist(result, "en")},
    }
    result["call_log"] = {lang: call_log_template(plans, lang) for lang in ("zh", "en")}
    return result


def _warnings(r: dict) -> list:
    out = []
    for p in r["plans"]:
        if p["fits"]:
            continue
        zh_b, en_b = p["bank_name"], p["bank_name_en"]
        if p["shortest_fitting"] is None:
            out.append(
                t(
                    f"{zh_b}：即使分 60 期（第七十条允许的最长 5 年），每月也要还 {_y(p['payment_yuan'], 'zh')}，"
                    f"比你按比例能还给这家银行的 {_y(p['share_yuan'], 'zh')} 多。申请书里写明了这一点。"
                    "可以先问问免费的债务咨询机构，再和银行谈。",
                    f"{en_b}: even over 60 months (the 5-year maximum of Article 70) the payment is "
                    f"{_y(p['payment_yuan'], 'en')} a month, more than the {_y(p['share_yuan'], 'en')} you can pay this "
                    "bank. The letter says so. Consider free debt advice before you talk to the bank.",
                )
            )
        else:
            out.append(
                t(
                    f"{zh_b}：分 {p['periods']} 期每月要还 {_y(p['payment_yuan'], 'zh')}，比你按比例能还给这家银行的 "
                    f"{_y(p['share_yuan'], 'zh')} 多。至少要分 {p['shortest_fitting']} 期才还得起；可以把期数改大，或者留空。",
                    f"{en_b}: {p['periods']} months means {_y(p['payment_yuan'], 'en')} a month, more than the "
                    f"{_y(p['share_yuan'], 'en')} you can pay this bank. You need at least {p['shortest_fitting']} months; "
                    "choose more months or leave the field empty.",
                )
            )
    return out


# --------------------------------------------------------------------------------------
# Text and HTML of the documents
# --------------------------------------------------------------------------------------


def document_text(doc: dict) -> str:
    """A document as plain text (for copying, the .txt download and the tests).

    Headings and paragraphs are separated by blank lines; list items are ``- `` lines.
    """
    lines = [doc["title"], ""]
    prev = None
    for kind, text in doc["blocks"]:
        if kind == "li":
            if prev not in (None, "li"):
                lines.append("")
            lines.append(f"- {text}")
        else:
            if prev is not None:
                lines.append("")
            lines.append(text)
        prev = kind
    return "\n".join(lines).rstrip() + "\n"


def document_html(doc: dict, lang: str) -> str:
    """A document as an ``<article class="kit-doc">`` (escaped), plus its plain text for copying."""
    hlang = "zh-CN" if doc["lang"] == "zh" else "en"
    parts = [f'<h3 class="kit-doc-title">{escape(doc["title"])}</h3>']
    in_list = False
    for kind, text in doc["blocks"]:
        if kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "li":
            parts.append(f"<li>{escape(text)}</li>")
        elif kind == "h":
            parts.append(f"<h4>{escape(text)}</h4>")
        elif kind == "say":
            parts.append(f'<blockquote class="kit-say"><p>{escape(text)}</p></blockquote>')
        elif kind == "note":
            parts.append(f'<p class="kit-note">{escape(text)}</p>')
        elif kind == "sign":
            parts.append(f'<p class="kit-sign">{escape(text)}</p>')
        else:
            parts.append(f"<p>{escape(text)}</p>")
    if in_list:
        parts.append("</ul>")
    bank = f' data-bank="{escape(doc["bank"])}"' if doc.get("bank") else ""
    return (
        f'<article class="kit-doc" id="kit-{escape(doc["id"])}" data-doc="{escape(doc["id"])}"'
        f' data-kind="{escape(doc["kind"])}"{bank} lang="{hlang}">'
        + "".join(parts)
        + f'<pre class="kit-plain" hidden>{escape(document_text(doc))}</pre>'
        + "</article>"
    )


_UI = {
    "capacity": t("每月能还信用卡", "You can pay towards cards each month"),
    "total": t("信用卡欠款合计", "Total card debt"),
    "monthly_total": t("方案每月合计", "Plans' monthly total"),
    "nothing": t("再拖 3 个月要多付（估计）", "Three more months of doing nothing adds (estimate)"),
    "plans": t("按银行的分期方案（免息，最长 60 期）", "Plan per bank (interest-free, at most 60 months)"),
    "bank": t("银行", "Bank"),
    "phone": t("信用卡客服电话", "Card service number"),
    "debt": t("欠款", "Debt"),
    "share": t("每月可还（按比例）", "You can pay (share)"),
    "periods": t("期数", "Months"),
    "payment": t("每月还款", "Monthly payment"),
    "end": t("还清日期", "Paid off on"),
    "nothing_col": t("再拖 3 个月多付", "3 more months unpaid adds"),
    "over": t("超出能力", "more than you can pay"),
    "letters": t("协商还款申请书", "Repayment proposal letters"),
    "scripts": t("电话脚本", "Phone scripts"),
    "checklist": t("材料清单", "Documents checklist"),
    "copy": t("复制", "Copy"),
    "print": t("打印", "Print"),
    "download": t("下载", "Download"),
    "nothing_note": t(
        "“再拖 3 个月”的估计用的是常见的条件，不是哪家银行的合同：日利率 0.05%，每 30 天计一次复利；"
        "每个还款日按最低还款额（欠款的 10%）未还部分的 5% 收违约金。你的卡合同可能不同。",
        "The “three more months” estimate uses common terms, not any bank's contract: 0.05 % a day, "
        "compounded every 30 days, and a late fee (违约金) of 5 % of an unpaid minimum payment of 10 % of the "
        "balance at each missed due date. Your card contract may differ.",
    ),
    "split_note": t(
        "每月能还的钱按各家银行欠款的比例分配；分到的钱能还得起的最短期数，就是给这家银行的方案。"
        "银行可以同意，也可以不同意（第七十条）。",
        "What you can pay each month is shared between the banks in proportion to what you owe each; each bank's "
        "plan is the shortest one its share can pay. The bank may agree or not (Article 70).",
    ),
    "en_ref": t("英文参考译文", "English version for reference"),
    "zh_read": t("中文（照着念）", "Chinese (to read out)"),
}


def _u(key: str, lang: str) -> str:
    return _UI[key][lang]


def _toolbar(doc: dict, lang: str, filename: str) -> str:
    did = escape(doc["id"])

    def button(action: str, extra: str = "") -> str:
        label = escape(f"{_u(action, lang)} · {doc['title']}")
        return (
            f'<button type="button" class="md-button kit-button" data-kit-action="{action}" data-doc-id="{did}"'
            f' aria-label="{label}"{extra}>{_u(action, lang)}</button>'
        )

    return (
        f'<div class="kit-doc-tools" data-for="{did}">'
        + button("copy")
        + button("print")
        + button("download", f' data-filename="{escape(filename)}"')
        + "</div>"
    )


def _doc_block(doc: dict, lang: str, filename: str) -> str:
    return f'<div class="kit-doc-wrap">{_toolbar(doc, lang, filename)}{document_html(doc, lang)}</div>'


def render_result_html(result: dict, lang: str) -> str:
    """The kit's result as HTML: key figures, the plan table, warnings, and every document.

    Figures carry ``data-output``/``data-value`` like the calculators' (the page contract).
    """
    lang = "en" if lang == "en" else "zh"
    y = lambda x: fmt.yuan(_d(x), lang)  # noqa: E731
    figs = [
        ("capacity_yuan", "capacity", True),
        ("total_debt_yuan", "total", False),
        ("monthly_total_yuan", "monthly_total", False),
        ("doing_nothing_yuan", "nothing", False),
    ]
    dl = "".join(
        f'<div class="calc-figure{" calc-primary" if primary else ""}"><dt>{escape(_u(label, lang))}</dt>'
        f'<dd data-output="{key}" data-value="{result[key]}">{escape(y(result[key]))}</dd></div>'
        for key, label, primary in figs
    )
    cards = []
    for p in result["plans"]:
        over = "" if p["fits"] else f' <strong class="kit-over">({escape(_u("over", lang))})</strong>'
        name = p["bank_name"] if lang == "zh" else p["bank_name_en"]

        def item(label: str, key: str, shown: str, extra: str = "") -> str:
            return (
                f'<div><dt>{escape(_u(label, lang))}</dt>'
                f'<dd data-output="{key}" data-value="{escape(str(p[key]))}">{escape(shown)}{extra}</dd></div>'
            )

        cards.append(
            f'<li class="kit-plan" data-bank="{escape(p["bank"])}" data-bank-name="{escape(name)}">'
            f'<h3 class="kit-plan-bank">{escape(name)}</h3>'
            '<dl class="kit-plan-figures">'
            f'<div><dt>{escape(_u("phone", lang))}</dt><dd><a href="tel:{escape(p["phone"].replace("-", ""))}"'
            f' data-output="phone" data-value="{escape(p["phone"])}">{escape(bank_phone(p["bank"], lang))}</a></dd></div>'
            + item("debt", "debt_yuan", y(p["debt_yuan"]))
            + item("share", "share_yuan", y(p["share_yuan"]))
            + item("periods", "periods", str(p["periods"]))
            + item("payment", "payment_yuan", y(p["payment_yuan"]), over)
            + item("end", "end_date", _date(_iso(p["end_date"]), lang))
            + item("nothing_col", "doing_nothing_yuan", y(p["doing_nothing_yuan"]))
            + "</dl></li>"
        )
    table = (
        f'<div class="kit-plans"><h2 class="kit-docs-title">{escape(_u("plans", lang))}</h2>'
        f'<ul class="kit-plan-list">{"".join(cards)}</ul></div>'
    )
    warn = ""
    if result["warnings"]:
        warn = '<div class="kit-warnings" role="note">' + "".join(
            f'<p class="kit-warning">{escape(w[lang])}</p>' for w in result["warnings"]
        ) + "</div>"
    notes = f'<p class="kit-note">{escape(_u("split_note", lang))}</p><p class="kit-note">{escape(_u("nothing_note", lang))}</p>'

    other = "en" if lang == "zh" else "zh"
    docs = result["documents"]
    letters = []
    for item in docs["letters"]:
        b = item["bank"]
        letters.append(
            _doc_block(item["zh"], lang, f"申请书-{bank_name(b, 'zh')}.txt")
            + f'<details class="kit-ref"><summary>{escape(_u("en_ref", lang))}</summary>'
            + _doc_block(item["en"], lang, f"letter-{b}-en.txt")
            + "</details>"
        )
    scripts = []
    for item in docs["scripts"]:
        b = item["bank"]
        scripts.append(
            _doc_block(item[lang], lang, f"{'电话脚本' if lang == 'zh' else 'phone-script'}-{b}.txt")
            + (
                f'<details class="kit-ref"><summary>{escape(_u("zh_read" if lang == "en" else "en_ref", lang))}</summary>'
                + _doc_block(item[other], lang, f"script-{b}-{other}.txt")
                + "</details>"
            )
        )
    check = _doc_block(docs["checklist"][lang], lang, f"{'材料清单' if lang == 'zh' else 'checklist'}.txt")
    return (
        f'<dl class="calc-figures kit-figures">{dl}</dl>'
        + f'<div class="calc-explain"><p>{escape(explain({}, result, lang))}</p></div>'
        + warn
        + table
        + notes
        + f'<section class="kit-docs" data-docs="letters"><h2 class="kit-docs-title">{escape(_u("letters", lang))}</h2>{"".join(letters)}</section>'
        + f'<section class="kit-docs" data-docs="scripts"><h2 class="kit-docs-title">{escape(_u("scripts", lang))}</h2>{"".join(scripts)}</section>'
        + f'<section class="kit-docs" data-docs="checklist"><h2 class="kit-docs-title">{escape(_u("checklist", lang))}</h2>{check}</section>'
    )


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------

_BANK_CHOICES = tuple((b, t(f["zh"], f["en"])) for b, f in BANKS)

EXAMPLE_CARDS = (
    {"bank": "citic", "balance_yuan": "30000", "overdue_months": "2"},
    {"bank": "citic", "balance_yuan": "12000", "overdue_months": "1"},
    {"bank": "cmb", "balance_yuan": "20000", "overdue_months": ""},
)


def _compute(values: dict) -> dict:
    return negotiation_kit(
        cards=values["cards"],
        monthly_income_yuan=values["monthly_income_yuan"],
        essential_spending_yuan=values["essential_spending_yuan"],
        other_debt_payments_yuan=values["other_debt_payments_yuan"] or _ZERO,
        hardship_reason=values["hardship_reason"],
        hardship_detail=values["hardship_detail"],
        expected_recovery=values["expected_recovery"],
        name=values["name"],
        periods=values["periods"],
        start_date=values["start_date"],
    )


def explain(values: dict, result: dict, lang: str) -> str:
    """One plain paragraph: what you can pay, over how long, and what waiting would cost."""
    y = lambda x: fmt.yuan(_d(x), lang)  # noqa: E731
    n = result["longest_periods"]
    if lang == "en":
        s = (
            f"You can pay about {y(result['capacity_yuan'])} a month towards {y(result['total_debt_yuan'])} of card "
            f"debt at {result['bank_count']} bank{'s' if result['bank_count'] != 1 else ''}. "
            f"The plans below ask for {y(result['monthly_total_yuan'])} a month in all, for at most {n} months, "
            "with interest stopped: that is what you ask for, the bank may agree or not."
        )
        return s + f" Three more months of doing nothing would add about {y(result['doing_nothing_yuan'])}."
    s = (
        f"你每月大约能拿出 {y(result['capacity_yuan'])} 还 {result['bank_count']} 家银行共 {y(result['total_debt_yuan'])} "
        f"的信用卡欠款。下面的方案每月合计还 {y(result['monthly_total_yuan'])}，最长 {n} 期，并申请停止计息：这是你提出的申请，"
        "银行可以同意，也可以不同意。"
    )
    return s + f"如果再拖 3 个月不还，估计要多付约 {y(result['doing_nothing_yuan'])}。"


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
                Field("bank", "choice", t("银行", "Bank"), choices=_BANK_CHOICES, default="citic"),
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
            default=[dict(c) for c in EXAMPLE_CARDS],
            max_items=20,
        ),
        Field(
            "monthly_income_yuan",
            "money",
            t("每月收入", "Monthly income"),
            unit=YUAN,
            help=t("到手的收入，包括家里可以用来还债的收入。", "Take-home income, including household income available for debts."),
            default="8000",
            minimum="0",
        ),
        Field(
            "essential_spending_yuan",
            "money",
            t("每月必要开支", "Essential spending a month"),
            unit=YUAN,
            help=t("吃饭、住房、水电、交通、医疗、孩子上学等。", "Food, housing, utilities, transport, medical costs, school."),
            default="4500",
            minimum="0",
        ),
        Field(
            "other_debt_payments_yuan",
            "money",
            t("其他债务每月还款", "Other debt payments a month"),
            unit=YUAN,
            help=t("房贷、车贷、其他贷款的月供（不含信用卡）。", "Mortgage, car and other loan payments (not cards)."),
            default="500",
            required=False,
            minimum="0",
        ),
        Field(
            "hardship_reason",
            "choice",
            t("还不上的原因", "Why you cannot pay"),
            choices=REASONS,
            default="job_loss",
        ),
        Field(
            "hardship_detail",
            "text",
            t("具体情况（一两句话）", "What happened (a sentence or two)"),
            help=t("会写进申请书，例如：2026 年 9 月公司裁员。", "Goes into the letter, e.g. “laid off in September 2026”."),
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
        Output("capacity_yuan", _UI["capacity"], "money", primary=True),
        Output("total_debt_yuan", _UI["total"], "money"),
        Output("monthly_total_yuan", _UI["monthly_total"], "money"),
        Output("longest_periods", t("最长期数", "Longest plan (months)"), "count"),
        Output("doing_nothing_yuan", _UI["nothing"], "money"),
    ),
    compute=_compute,
    table=Table(
        "plans",
        (
            Column("bank_label", _UI["bank"], "text"),
            Column("phone", _UI["phone"], "text"),
            Column("debt_yuan", _UI["debt"], "money"),
            Column("share_yuan", _UI["share"], "money"),
            Column("periods", _UI["periods"], "count"),
            Column("payment_yuan", _UI["payment"], "money"),
            Column("end_date", _UI["end"], "date"),
            Column("doing_nothing_yuan", _UI["nothing_col"], "money"),
        ),
        _UI["plans"],
    ),
    explain=explain,
    conventions=t(
        "每月能还的钱 = 收入 − 必要开支 − 其他债务月供；按各家银行欠款的比例分配，四舍五入到分，余数计入欠款最多的银行。"
        "每家银行的方案免息，最多 60 期（第七十条：最长 5 年），每期本金截尾到分，余数计入最后一期。"
        "“再拖 3 个月”按常见条件估算：日利率 0.05%、每 30 天复利一次，违约金为最低还款额（欠款的 10%）未还部分的 5%。"
        "这些文字是你提出的申请，银行可以同意，也可以不同意。你填的内容只在你的浏览器里计算，不会发送出去。",
        "What you can pay = income − essential spending − other debt payments; shared between banks in proportion to "
        "debt, rounded half-up to the fen, the remainder to the bank owed most. Each plan is interest-free and at most "
        "60 months (Article 70: 5 years); principal per month is truncated to the fen, the remainder in the last month. "
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
