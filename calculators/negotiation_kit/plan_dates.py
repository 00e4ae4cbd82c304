"""The kit's calendar file: every bank's due dates in one .ics (see :mod:`calculators.plan_calendar`)."""

from __future__ import annotations

from ..plan_calendar import calendar_ics, plan_events
from .plan import bank_phone, iso

__all__ = ["kit_calendar"]


def kit_calendar(result: dict, lang: str, inputs: dict | None = None) -> str:
    """One calendar with each bank's payments on their due dates; empty for the worked example
    (a calendar is only for the reader's own plan)."""
    if not isinstance(result, dict) or result.get("example"):
        return ""
    events = []
    for p in result["plans"]:
        n = p["periods"]
        payments = [p["payment_yuan"]] * (n - 1) + [p["last_payment_yuan"]]
        payee = {"zh": p["bank_name"], "en": p["bank_name_en"]}
        events += plan_events(iso(p["first_date"]), payments, payee, bank_phone(p["bank"], "zh"))
    events.sort(key=lambda e: (e["date"], e["payee"]["en"]))
    return calendar_ics(events, name={"zh": "协商还款计划", "en": "Negotiated repayment plans"})
