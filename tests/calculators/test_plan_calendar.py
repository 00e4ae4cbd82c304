"""The payment calendar (.ics): a file a phone's calendar accepts, with events on the plan's due dates.

What a reader would notice: a file their calendar refuses (bad line ends, unfolded long lines,
unescaped commas), a reminder on the wrong day, or a payment on a date the plan does not have.
The parser below is deliberately strict (RFC 5545): it rejects what a lenient one would accept.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import calculators
from calculators import plan_calendar, web
from calculators.negotiation_kit import plan as kit_plan

STAMP = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc)
REQUIRED_EVENT = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"}


def parse_ics(text: str) -> dict:
    """A strict RFC 5545 reader: returns {"calendar": {...}, "events": [{name: (params, value)}], "alarms": [...]}."""
    assert isinstance(text, str) and text
    raw = text.encode("utf-8")
    assert b"\r\n" in raw and not re.search(rb"(?<!\r)\n", raw), "every line must end in CRLF"
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    lines = []
    for line in physical:  # unfold
        if line.startswith((" ", "\t")):
            assert lines, "a continuation line cannot come first"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack, calendar, events, alarms, current = [], {}, [], [], None
    for line in lines:
        m = re.match(r"^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^;:]+)*):(.*)$", line)
        assert m, f"not a content line: {line!r}"
        name, params, value = m.group(1), dict(p.split("=", 1) for p in m.group(2).split(";")[1:]), m.group(3)
        if name == "BEGIN":
            stack.append(value)
            current = {} if value in ("VEVENT", "VALARM") else current
            if value == "VEVENT":
                events.append(current)
            elif value == "VALARM":
                alarms.append(current)
            continue
        if name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not close what was opened"
            current = events[-1] if value == "VALARM" and stack and stack[-1] == "VEVENT" else None
            continue
        assert stack, f"{name} outside VCALENDAR"
        if stack[-1] == "VCALENDAR":
            calendar[name] = value
        else:
            assert name not in current, f"{name} twice in one component"
            current[name] = (params, value)
    assert not stack, "unclosed components"
    assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
    for e in events:
        assert REQUIRED_EVENT <= set(e), set(e) ^ REQUIRED_EVENT
        assert re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"][1])
        assert e["DTSTART"][0].get("VALUE") == "DATE" and re.fullmatch(r"\d{8}", e["DTSTART"][1])
    for a in alarms:
        assert a["ACTION"][1] == "DISPLAY" and a["TRIGGER"][1] and a["DESCRIPTION"][1]
    return {"calendar": calendar, "events": events, "alarms": alarms}


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            nxt = value[i + 1]
            assert nxt in "\\;,nN", f"bad escape \\{nxt}"
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def day(event) -> dt.date:
    return dt.datetime.strptime(event["DTSTART"][1], "%Y%m%d").date()


# --------------------------------------------------------------------------------------------
# The module
# --------------------------------------------------------------------------------------------


def test_escaping_survives_commas_semicolons_backslashes_and_newlines():
    nasty = 'Bank; "A", \\ branch\nline 2'
    events = [
        {
            "date": dt.date(2027, 3, 1),
            "amount_yuan": Decimal("1234.5"),
            "number": 1,
            "count": 1,
            "payee": {"zh": nasty, "en": nasty},
        }
    ]
    cal = parse_ics(plan_calendar.calendar_ics(events, stamp=STAMP))
    (event,) = cal["events"]
    summary = unescape(event["SUMMARY"][1])
    assert nasty in summary and "1,234.50 元" in summary and "¥1,234.50" in summary
    assert not re.search(r"(?<!\\)[,;]", event["SUMMARY"][1]), "unescaped , or ; in a TEXT value"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(line=st.text(alphabet=st.sampled_from(["a", ",", " ", "é", "还", "😀", "\\"]), max_size=400))
@example("a" * 300)
@example("SUMMARY:" + "还" * 100)
@example("é" * 150 + "😀" * 40)
def test_folding_keeps_the_text_and_cuts_as_late_as_a_whole_character_allows(line):
    physical = plan_calendar.fold(line).split("\r\n")
    assert physical[0] + "".join(p[1:] for p in physical[1:]) == line
    assert all(p.startswith(" ") for p in physical[1:])
    for k, part in enumerate(physical):
        assert len(part.encode("utf-8")) <= 75
        if k + 1 < len(physical):  # a cut only where the next character would not fit
            assert len((part + physical[k + 1][1]).encode("utf-8")) > 75


def test_every_payment_s_reminder_names_its_own_number_amount_and_bank():
    payee = {"zh": "甲银行, 分行; 一", "en": "Bank A, branch; one"}
    payments = [Decimal("1500.00")] * 11 + [Decimal("1499.99")]
    events = plan_calendar.plan_events(dt.date(2027, 1, 31), payments, payee, "95555")
    cal = parse_ics(plan_calendar.calendar_ics(events, stamp=STAMP))
    for k, (event, alarm) in enumerate(zip(cal["events"], cal["alarms"], strict=True), 1):
        summary = unescape(event["SUMMARY"][1])
        amount = "1,500.00" if k < 12 else "1,499.99"
        assert summary == (
            f"还款 {amount} 元（{payee['zh']}，第 {k}/12 期） / Pay ¥{amount} ({payee['en']}, payment {k} of 12)"
        )
        assert unescape(alarm["DESCRIPTION"][1]) == summary
        assert "95555" in unescape(event["DESCRIPTION"][1])


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    first=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2030, 12, 31)),
    count=st.integers(min_value=1, max_value=60),
)
def test_events_fall_monthly_on_the_due_day_clipped_to_short_months(first, count):
    payments = [Decimal("100.00")] * count
    cal = parse_ics(
        plan_calendar.calendar_ics(
            plan_calendar.plan_events(first, payments, {"zh": "银行", "en": "Bank"}), stamp=STAMP
        )
    )
    days = [day(e) for e in cal["events"]]
    assert days[0] == first and len(days) == count == len({e["UID"][1] for e in cal["events"]})
    for a, b in itertools.pairwise(days):
        assert (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1
    for d in days:
        assert d.day == first.day or d.day < first.day and (d + dt.timedelta(days=1)).day == 1
    # An all-day event lasts one day; the reminder comes 3 days before.
    for e in cal["events"]:
        assert dt.datetime.strptime(e["DTEND"][1], "%Y%m%d").date() == day(e) + dt.timedelta(days=1)
    assert {a["TRIGGER"][1] for a in cal["alarms"]} == {"-P3D"} and len(cal["alarms"]) == count


def test_the_same_plan_gives_the_same_uids():
    events = plan_calendar.plan_events(dt.date(2027, 1, 15), [Decimal("10")] * 3, {"zh": "甲", "en": "A"})
    first = plan_calendar.calendar_ics(events, stamp=STAMP)
    again = plan_calendar.calendar_ics(events, stamp=STAMP + dt.timedelta(days=5))
    uids = lambda t: [e["UID"][1] for e in parse_ics(t)["events"]]  # noqa: E731
    assert uids(first) == uids(again)


# --------------------------------------------------------------------------------------------
# Through the page bridge: the negotiated-plan calculator and the kit
# --------------------------------------------------------------------------------------------


def bridge(name, form, lang):
    return json.loads(web.handle(json.dumps({"calculator": name, "lang": lang, "form": form})))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_negotiated_plan_calendar_has_each_payment_on_its_due_date(lang):
    out = bridge(
        "negotiated_plan", {"principal_yuan": "10000", "periods": "3", "first_payment_date": "2027-01-31"}, lang
    )
    assert out["ok"]
    cal = parse_ics(out["ics"])
    assert [day(e) for e in cal["events"]] == [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31)]
    summaries = [unescape(e["SUMMARY"][1]) for e in cal["events"]]
    assert "3,333.33 元" in summaries[0] and "¥3,333.34" in summaries[2]  # the last payment takes the remainder
    assert all("还款" in s and "Pay" in s for s in summaries)  # both languages, whatever the page
    description = unescape(cal["events"][0]["DESCRIPTION"][1])
    assert "还款日之前打电话" in description and "before the due date" in description


def test_no_first_date_no_calendar():
    out = bridge("negotiated_plan", {"principal_yuan": "10000", "periods": "3"}, "zh")
    assert out["ok"] and out["ics"] == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kit_calendar_has_every_bank_s_payments_on_the_plans_due_dates(lang):
    form = {
        "cards.0.bank": "citic",
        "cards.0.balance_yuan": "42000",
        "cards.1.bank": "cmb",
        "cards.1.balance_yuan": "20000",
        "monthly_income_yuan": "8000",
        "essential_spending_yuan": "5000",
        "hardship_reason": "job_loss",
        "start_date": "2027-01-31",
    }
    out = bridge("negotiation_kit", form, lang)
    assert out["ok"], out
    result = calculators.run("negotiation_kit", web.form_to_inputs(calculators.get("negotiation_kit"), form))["result"]
    cal = parse_ics(out["ics"])
    want = []
    for p in result["plans"]:
        for k, d in enumerate(plan_calendar.due_dates(dt.date(2027, 1, 31), p["periods"])):
            amount = p["last_payment_yuan"] if k == p["periods"] - 1 else p["payment_yuan"]
            want.append((d, p["bank_name"], amount))
    got = []
    for e in cal["events"]:
        s = unescape(e["SUMMARY"][1])
        bank = re.search(r"（(.+?)，第", s).group(1)
        amount = Decimal(re.search(r"还款 ([\d,]+\.\d\d) 元", s).group(1).replace(",", ""))
        got.append((day(e), bank, amount))
    assert sorted(got) == sorted(want)
    assert any(d == dt.date(2027, 2, 28) for d, _, _ in got)
    # The bank's own number is in each reminder, to call before a late payment.
    assert all(
        kit_plan.BANKS_BY_ID["citic"]["phone"] in unescape(e["DESCRIPTION"][1])
        for e in cal["events"]
        if "中信" in unescape(e["SUMMARY"][1])
    )


def test_the_worked_example_has_no_calendar():
    out = bridge("negotiation_kit", {}, "zh")
    assert out["ok"] and out["ics"] == ""
