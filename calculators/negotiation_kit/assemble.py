"""The whole kit: plans per bank, the cost of doing nothing, the documents and the call log."""

from __future__ import annotations

import datetime
from decimal import Decimal

from .._core import InputError, money, t
from ..negotiated_plan import too_many_periods
from . import documents, wording
from .call_log import call_log_template
from .plan import (
    BANKS_BY_ID,
    MAX_PERIODS,
    ZERO,
    add_months,
    allocate,
    bank_name,
    bank_plan,
    dec,
    default_start,
    doing_nothing_cost,
)
from .plan import (
    capacity as _capacity,
)

__all__ = ["negotiation_kit", "REASONS"]

REASONS = tuple((key, t(zh, en)) for key, (zh, en) in wording.REASONS.items())


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
    example: bool = False,
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
    example : bool
        The figures are the page's worked example, not the reader's: every document says so.

    Returns
    -------
    dict
        Totals (``capacity_yuan``, ``total_debt_yuan``, ``monthly_total_yuan``,
        ``doing_nothing_yuan``, ``card_count``, ``bank_count``, ``longest_periods``,
        ``all_clear``), ``plans`` (one row per bank), ``warnings`` (bilingual texts) and
        ``documents`` (``letters`` and ``scripts``: per bank ``{"bank", "zh", "en"}``;
        ``checklist``: ``{"zh", "en"}``), ``call_log`` (template rows per language).

    Raises
    ------
    InputError
        ``periods`` over 60 (Article 70), or nothing left to pay with each month.
    """
    if hardship_reason not in wording.REASONS:
        raise ValueError(f"hardship_reason must be one of {list(wording.REASONS)}")
    if periods is not None and periods > MAX_PERIODS:
        raise too_many_periods(periods)
    income, essential = dec(monthly_income_yuan), dec(essential_spending_yuan)
    other = dec(other_debt_payments_yuan or ZERO)
    capacity = _capacity(income, essential, other)
    if capacity <= 0:
        message = documents.no_capacity_message(capacity)
        raise InputError(None, "no_capacity", message["zh"], message["en"])
    start = start_date or default_start()

    # Cards grouped by bank, in the order the banks first appear.
    by_bank: dict = {}
    for c in cards:
        by_bank.setdefault(c["bank"], []).append(
            {"balance_yuan": money(dec(c["balance_yuan"])), "overdue_months": c.get("overdue_months")}
        )
    banks = list(by_bank)
    debts = [sum((c["balance_yuan"] for c in by_bank[b]), ZERO) for b in banks]
    total = sum(debts, ZERO)
    if capacity < Decimal("0.01") * len(banks):
        message = documents.no_capacity_message(capacity, len(banks))
        raise InputError(None, "no_capacity", message["zh"], message["en"])
    shares = allocate(capacity, debts)

    plans = []
    for b, debt, share in zip(banks, debts, shares, strict=True):
        p = bank_plan(debt, share, periods)
        overdue = [c["overdue_months"] for c in by_bank[b] if c["overdue_months"]]
        plans.append(
            {
                "bank": b,
                "bank_name": bank_name(b, "zh"),
                "bank_name_en": bank_name(b, "en"),
                "bank_label": t(bank_name(b, "zh"), bank_name(b, "en")),
                "phone": BANKS_BY_ID[b]["phone"],
                "cards": by_bank[b],
                "card_count": len(by_bank[b]),
                "overdue_months": max(overdue) if overdue else 0,
                "debt_yuan": money(debt),
                "share_yuan": share,
                "periods": p["periods"],
                "payment_yuan": p["payment_yuan"],
                "last_payment_yuan": p["last_payment_yuan"],
                "clears": p["clears"],
                "covered_yuan": p["covered_yuan"],
                "shortfall_yuan": p["shortfall_yuan"],
                "shortest_fitting": p["shortest_fitting"],
                "asked_periods": p["asked_periods"],
                "asked_payment_yuan": p["asked_payment_yuan"],
                "first_date": start.isoformat(),
                "end_date": add_months(start, p["periods"] - 1).isoformat(),
                "doing_nothing_yuan": doing_nothing_cost(debt),
            }
        )

    monthly_total = sum((p["payment_yuan"] for p in plans), ZERO)
    result = {
        "capacity_yuan": capacity,
        "total_debt_yuan": money(total),
        "monthly_total_yuan": money(monthly_total),
        "doing_nothing_yuan": money(sum((p["doing_nothing_yuan"] for p in plans), ZERO)),
        "card_count": len(cards),
        "bank_count": len(banks),
        "longest_periods": max(p["periods"] for p in plans),
        "all_clear": all(p["clears"] for p in plans),
        "start_date": start.isoformat(),
        "monthly_income_yuan": money(income),
        "essential_spending_yuan": money(essential),
        "other_debt_payments_yuan": money(other),
        "hardship_reason": hardship_reason,
        "hardship_detail": hardship_detail or "",
        "expected_recovery": expected_recovery or "",
        "name": name or "",
        "example": bool(example),
        "plans": plans,
    }
    result["warnings"] = documents.warnings(result)
    # Each bank's letter and script share its figures, written once per language.
    made = [{lang: documents.bank_documents(result, p, lang) for lang in ("zh", "en")} for p in plans]
    result["documents"] = {
        "letters": [
            {"bank": p["bank"], "zh": docs["zh"][0], "en": docs["en"][0]} for p, docs in zip(plans, made, strict=True)
        ],
        "scripts": [
            {"bank": p["bank"], "zh": docs["zh"][1], "en": docs["en"][1]} for p, docs in zip(plans, made, strict=True)
        ],
        "checklist": {"zh": documents.checklist(result, "zh"), "en": documents.checklist(result, "en")},
    }
    result["call_log"] = {lang: call_log_template(plans, lang) for lang in ("zh", "en")}
    return result
