"""A calendar file (.ics) of a repayment plan's due dates, so no payment is missed.

Once a bank agrees a plan, one missed payment can end it. This module writes the plan's due
dates as an iCalendar file (RFC 5545) that a phone's calendar imports: one all-day event on each
due date, with a reminder a few days before. It is made in the reader's browser by the same
Python as the figures; nothing is uploaded.

Conventions
-----------
- **Dates.** The first payment on the first date, then the same day of each following month
  (the last day of a shorter month): :func:`add_months`.
- **RFC 5545.** CRLF line ends; lines folded at 75 octets (UTF-8, never inside a character)
  with a CRLF and one space; ``\\``, ``;``, ``,`` and newlines escaped in text; every event has
  a ``UID`` (stable for the same plan, so importing it again updates rather than duplicates), a
  ``DTSTAMP`` (UTC), an all-day ``DTSTART;VALUE=DATE`` and ``DTEND`` (the next day), and a
  ``VALARM`` (``DISPLAY``) :data:`REMINDER_DAYS` days before the start of the due day
  (``TRIGGER:-P3D``).
- **Text.** Summaries are bilingual (Chinese first), amounts formatted by :mod:`calculators.fmt`.

References
----------
.. [1] RFC 5545, Internet Calendaring and Scheduling Core Object Specification (iCalendar):
   3.1 (content lines, folding), 3.3.11 (TEXT escaping), 3.6.1 (VEVENT), 3.6.6 (VALARM),
   3.8.4.7 (UID), 3.8.7.2 (DTSTAMP).

>>> import datetime as dt
>>> from decimal import Decimal
>>> ics = calendar_ics([{"date": dt.date(2027, 1, 31), "amount_yuan": Decimal("1500"), "payee": {"zh": "中信银行", "en": "China CITIC Bank"},
...                      "number": 1, "count": 2}], stamp=dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc))
>>> ics.startswith("BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n") and ics.endswith("END:VCALENDAR\\r\\n")
True
>>> [line for line in ics.split("\\r\\n") if line.startswith(("DTSTART", "TRIGGER"))]
['DTSTART;VALUE=DATE:20270131', 'TRIGGER:-P3D']
>>> [d.isoformat() for d in due_dates(dt.date(2027, 1, 31), 3)]
['2027-01-31', '2027-02-28', '2027-03-31']
"""

from __future__ import annotations

import datetime
import hashlib
from functools import lru_cache

from . import fmt

__all__ = [
    "add_months",
    "due_dates",
    "escape_text",
    "fold",
    "calendar_ics",
    "plan_events",
    "negotiated_plan_calendar",
    "REMINDER_DAYS",
]

#: The reminder comes this many days before each due date.
REMINDER_DAYS = 3
PRODID = "-//Card Debt Negotiation Guide//Repayment plan calendar//ZH"


def add_months(d: datetime.date, months: int) -> datetime.date:
    """``d`` plus ``months`` calendar months, on the last day of a shorter month.

    >>> add_months(datetime.date(2027, 1, 31), 1), add_months(datetime.date(2027, 11, 15), 3)
    (datetime.date(2027, 2, 28), datetime.date(2028, 2, 15))
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(d.day, last))


def due_dates(first: datetime.date, count: int) -> list:
    """The ``count`` monthly due dates from ``first`` (always the day of ``first``, clipped)."""
    return list(_due_dates(first, count))


@lru_cache(maxsize=128)
def _due_dates(first: datetime.date, count: int) -> tuple:
    # Made once: the kit asks for the same dates for every bank, on every keystroke.
    return tuple(add_months(first, k) for k in range(count))


def escape_text(text: str) -> str:
    """A TEXT value escaped as RFC 5545 3.3.11 requires.

    >>> escape_text("a,b;c\\\\d\\ne")
    'a\\\\,b\\\\;c\\\\\\\\d\\\\ne'
    """
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character.

    >>> fold("X:" + "还" * 30).split("\\r\\n ")[0].encode()[:2], [len(p.encode()) <= 75 for p in fold("X:" + "还" * 30).split("\\r\\n")]
    (b'X:', [True, True])
    """
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    # Work on the octets: cut at most 75 (then 74, after the leading space) octets in, moved back
    # to the start of a character (UTF-8 continuation octets are 0b10xxxxxx).
    parts: list[bytes] = []
    start, limit = 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def _summary(event: dict, amounts: dict | None = None) -> str:
    amount = event["amount_yuan"]
    # Most payments of a plan are the same amount: format each amount once per calendar.
    pair = amounts.get(amount) if amounts is not None else None
    if pair is None:
        pair = (fmt.yuan(amount, "zh"), fmt.yuan(amount, "en"))
        if amounts is not None:
            amounts[amount] = pair
    zh, en = pair
    n, count = event["number"], event["count"]
    payee = event["payee"]
    return f"还款 {zh}（{payee['zh']}，第 {n}/{count} 期） / Pay {en} ({payee['en']}, payment {n} of {count})"


#: Stands for the payment number while a plan's summary is escaped once (escape_text leaves it alone).
_NUMBER_SLOT = "\x00"


def _escaped_summary(event: dict, amounts: dict, templates: dict) -> str:
    """``escape_text(_summary(event))``, escaped once per plan and amount rather than per payment.

    The summary is escaped with a slot where the payment number goes, then the number (digits,
    which need no escaping) is put in each slot; a text that already holds the slot character
    is escaped the long way.
    """
    payee = event["payee"]
    key = (event["amount_yuan"], payee["zh"], payee["en"], event["count"])
    parts = templates.get(key)
    if parts is None:
        parts = templates[key] = escape_text(_summary({**event, "number": _NUMBER_SLOT}, amounts)).split(_NUMBER_SLOT)
    if len(parts) != 3:  # the number appears twice (Chinese, English)
        return escape_text(_summary(event, amounts))
    return str(event["number"]).join(parts)


def _description(event: dict) -> str:
    zh = (
        "按协议还款日还款。如果这一期会晚还，请在还款日之前打电话告诉银行，并请银行书面确认新的安排。"
        "只通过银行自己的渠道还到你自己名下的卡。"
    )
    en = (
        "Pay on the agreed date. If this payment will be late, call the bank before the due date and ask it to "
        "confirm any new arrangement in writing. Pay only into your own card through the bank's own channels."
    )
    phone = event.get("phone")
    if phone:
        zh += f"银行电话：{phone}。"
        en += f" Bank number: {phone}."
    return zh + "\n\n" + en


def calendar_ics(events: list, stamp: datetime.datetime | None = None, name: dict | None = None) -> str:
    """The iCalendar text of ``events``: one all-day VEVENT with a VALARM for each.

    ``events`` are dicts: ``date`` (datetime.date), ``amount_yuan`` (Decimal), ``payee``
    (``{"zh", "en"}``), ``number`` and ``count`` (payment n of count), optional ``phone``.
    ``stamp`` is the DTSTAMP (default: now, UTC); ``name`` the calendar's name.
    """
    stamp = stamp or datetime.datetime.now(datetime.timezone.utc)
    dtstamp = stamp.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    title = name or {"zh": "还款计划", "en": "Repayment plan"}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(title['zh'] + ' / ' + title['en'])}",
    ]
    out = [fold(line) + "\r\n" for line in lines]
    # A calendar holds hundreds of events (the kit: up to 60 payments at each of 15 banks) and is
    # made again on every keystroke, so what repeats is made once: each amount's wording, each
    # description (one per bank phone), each day's dates, and the lines that are the same in every event.
    amounts: dict = {}
    summaries: dict = {}
    descriptions: dict = {}
    days: dict = {}
    stamp_line = f"DTSTAMP:{dtstamp}\r\n"
    between = f"TRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P{REMINDER_DAYS}D\r\n"
    for e in events:
        day = e["date"]
        dated = days.get(day)
        if dated is None:
            nxt = day + datetime.timedelta(days=1)
            dated = days[day] = (
                day.isoformat(),
                f"{stamp_line}DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}\r\nDTEND;VALUE=DATE:{nxt.strftime('%Y%m%d')}\r\n",
            )
        key = f"{dated[0]}|{e['payee']['en']}|{e['number']}|{e['count']}|{e['amount_yuan']}"
        uid = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        summary = _escaped_summary(e, amounts, summaries)
        phone = e.get("phone")
        description = descriptions.get(phone)
        if description is None:
            description = descriptions[phone] = fold(f"DESCRIPTION:{escape_text(_description(e))}") + "\r\n"
        # The fixed lines (and UID, DTSTART, DTEND: under 75 octets) need no folding.
        out += [
            f"BEGIN:VEVENT\r\nUID:{uid}@plan-calendar.invalid\r\n",
            dated[1],  # DTSTAMP, DTSTART, DTEND
            fold(f"SUMMARY:{summary}"),
            "\r\n",
            description,
            between,
            fold(f"DESCRIPTION:{summary}"),
            "\r\nEND:VALARM\r\nEND:VEVENT\r\n",
        ]
    out.append("END:VCALENDAR\r\n")
    return "".join(out)


def plan_events(first: datetime.date, payments: list, payee: dict, phone: str | None = None) -> list:
    """Events for one plan: ``payments`` (Decimal amounts, in order) due monthly from ``first``."""
    dates = due_dates(first, len(payments))
    return [
        {"date": d, "amount_yuan": amount, "payee": payee, "number": k, "count": len(payments), "phone": phone}
        for k, (d, amount) in enumerate(zip(dates, payments, strict=True), 1)
    ]


def negotiated_plan_calendar(result: dict, lang: str, inputs: dict) -> str:
    """The negotiated-plan calculator's calendar: its schedule from the first payment date.

    Empty when the reader gave no first payment date (no dates are invented). The down payment,
    if any, is the first event; then one event a month.
    """
    import calculators

    from ._parse import parse_inputs

    calc = calculators.get("negotiated_plan")
    field = next((f for f in calc.fields if f.name == "first_payment_date"), None)
    if field is None or not isinstance(inputs, dict):
        return ""
    values, errors = parse_inputs((field,), inputs)
    first = values.get("first_payment_date")
    if errors or first is None:
        return ""
    payments = [row["payment_yuan"] for row in result.get("schedule", [])]
    if not payments:
        return ""
    payee = {"zh": "协商分期", "en": "negotiated plan"}
    return calendar_ics(plan_events(first, payments, payee))
