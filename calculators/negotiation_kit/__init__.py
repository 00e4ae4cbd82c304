"""Negotiation kit: your numbers, a plan per bank, a letter, a phone script, a checklist, a call log.

协商工具包：把你的数字算清楚，按银行生成协商还款申请书、电话脚本、材料清单和通话记录表。

The reader enters each card (bank, balance, months overdue), their monthly
income, essential spending and other debt payments, why they are in difficulty
and when they expect it to ease. :func:`negotiation_kit` then

1. works out what they can pay each month (:mod:`calculators.repayment_capacity`);
2. splits that amount across their banks and finds, for each bank, the shortest
   interest-free plan of at most 60 months that fits its share (the rule of
   :func:`calculators.negotiated_plan.negotiated_plan`), or the plan of the
   number of months they asked for if that fits too; it never offers more a month
   than the reader can pay;
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
- **Split across banks (按欠款比例分配，欠得少的先还清).** Each bank's share starts as
  capacity x that bank's debt / total card debt, to the fen by largest remainders, at
  least one fen each (:func:`.plan.split_capacity`). What a plan leaves unused of its
  share then clears the smallest debts sooner, and a small debt that its share would
  leave on a long thin plan (it needs at most 5 % of the capacity) is cleared as fast as
  that allows, paid for by the debts that cannot be cleared anyway
  (:func:`.plan.allocate`). The shares add up to the capacity exactly; none is zero or
  negative; no plan is longer than its share needs. Cards at the same bank are added
  up: one plan and one letter per bank.
- **Plan offered.** Interest-free (only the debt is repaid: the letter asks
  the bank to stop interest and fees), at most 60 monthly payments (Article 70:
  5 years). Principal per month is truncated to the fen and the remainder goes
  into the last month (the negotiated-plan calculator's rule). Each bank gets
  the shortest plan whose largest payment fits its share, or the chosen number
  of months when that fits too (a chosen number that does not fit is reported
  in a warning and not offered). **No offer is above the share**: if even 60
  months does not fit, the offer is the share each month for 60 months, and the
  letter and phone script say plainly that this does not clear the debt and ask
  the bank to waive interest and fees or to make its own proposal. A chosen
  number of months over 60 is refused with the reason.
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
[('citic', Decimal('42000.00'), Decimal('2000.00'), 21, Decimal('2000.00')), ('cmb', Decimal('20000.00'), Decimal('1000.00'), 20, Decimal('1000.00'))]
>>> "400-889-5558" in document_text(r["documents"]["letters"][0]["zh"])
True

Layout
------
- :mod:`.plan`: the numbers (capacity, split, one plan per bank, cost of doing nothing);
- :mod:`.wording`: the words of the letter, phone script, checklist and warnings (data, zh/en
  side by side, for content contributors);
- :mod:`.documents`: fills the wording in from the plan;
- :mod:`.call_log`: the call log and its CSV;
- :mod:`.assemble`: :func:`negotiation_kit`, the whole result;
- :mod:`.html`: the result as HTML (figures by :mod:`calculators.render`);
- :mod:`.form`: the form and :data:`CALCULATOR` (run name ``negotiation_kit``).
"""

from __future__ import annotations

from .assemble import REASONS, negotiation_kit
from .call_log import call_log_columns, call_log_csv, call_log_template, csv_bytes
from .documents import checklist, document_text, letter, phone_script
from .form import CALCULATOR, EXAMPLE_CARDS, explain
from .html import document_html, render_result_html
from .plan import (
    BANK_IDS,
    BANKS_BY_ID,
    MAX_PERIODS,
    add_months,
    bank_name,
    bank_phone,
    bank_plan,
    default_start,
    doing_nothing_cost,
    split_capacity,
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
    "explain",
    "add_months",
    "bank_name",
    "bank_phone",
    "default_start",
    "CALCULATOR",
    "EXAMPLE_CARDS",
    "BANK_IDS",
    "BANKS_BY_ID",
    "REASONS",
    "MAX_PERIODS",
]
