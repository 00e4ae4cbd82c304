"""The kit's documents: the letter, the phone script and the checklist, filled in from the plan.

The words are in :mod:`calculators.negotiation_kit.wording`; this module only chooses the
blocks that apply and fills in the reader's figures (formatted by :mod:`calculators.fmt`).

A document is ``{"id", "kind", "lang", "bank", "title", "blocks"}``; a block is ``[kind, text]``
with kind ``"h"``, ``"p"``, ``"li"``, ``"say"``, ``"note"`` or ``"sign"``.

>>> doc = {"title": "T", "blocks": [["p", "a"], ["li", "b"], ["li", "c"], ["note", "d"]]}
>>> print(document_text(doc), end="")
T
<BLANKLINE>
a
<BLANKLINE>
- b
- c
<BLANKLINE>
d
"""

from __future__ import annotations

import datetime
from functools import lru_cache, partial
from string import Template

from .. import fmt
from . import wording
from .plan import ART70_EN, ART70_ZH, BANKS_BY_ID, bank_name, bank_phone, dec, iso

__all__ = [
    "letter",
    "phone_script",
    "bank_documents",
    "checklist",
    "warnings",
    "no_capacity_message",
    "explain_text",
    "document_text",
    "fill",
    "date_text",
]

_MONTHS_EN = fmt.MONTHS_EN


def _i(lang: str) -> int:
    return 0 if lang == "zh" else 1


@lru_cache(maxsize=None)
def _parts(text: str) -> tuple:
    """``text`` split once into literal texts and ``$name`` slots (``string.Template`` syntax)."""
    parts, pos = [], 0
    for m in Template.pattern.finditer(text):
        parts.append((False, text[pos : m.start()]))
        if m.group("escaped") is not None:
            parts.append((False, "$"))
        elif m.group("named") or m.group("braced"):
            parts.append((True, m.group("named") or m.group("braced")))
        else:
            raise ValueError(f"bad $ in wording: {text!r}")
        pos = m.end()
    parts.append((False, text[pos:]))
    return tuple(parts)


def fill(text: str, values: dict) -> str:
    """``text`` with ``$name`` replaced, as ``string.Template.substitute`` (a missing name raises).

    >>> fill("每月 ${payment}，共 $n 期，$$", {"payment": "1,500.00 元", "n": 60})
    '每月 1,500.00 元，共 60 期，$'
    """
    return _format_string(text).format_map(values)


@lru_cache(maxsize=None)
def _format_string(text: str) -> str:
    """``text`` as a ``str.format`` string (made once per text: :func:`fill` runs thousands of times a keystroke)."""
    return "".join(
        "{" + p + "!s}" if is_name else p.replace("{", "{{").replace("}", "}}") for is_name, p in _parts(text)
    )


def date_text(d: datetime.date, lang: str) -> str:
    """``2027年1月15日`` or ``15 January 2027``.

    >>> date_text(datetime.date(2027, 1, 15), "zh"), date_text(datetime.date(2027, 1, 15), "en")
    ('2027年1月15日', '15 January 2027')
    """
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def _yuan(x, lang: str) -> str:
    return fmt.yuan(dec(x), lang)


def _blocks(spec: tuple, lang: str, values: dict, flags: dict, cards: list | None = None) -> list:
    """The blocks of ``spec`` that apply (``when``), in ``lang``, filled in."""
    out: list = []
    i = _i(lang)
    for kind, texts, conditions in _compiled(spec):
        if conditions and any(bool(flags[name]) == negated for name, negated in conditions):
            continue
        if kind == "cards":
            out.extend(["li", line] for line in cards or [])
            continue
        text = texts[i]
        if text is not None:
            out.append([kind, fill(text, values)])
    return out


_COMPILED: dict = {}


def _compiled(spec: tuple) -> list:
    """``spec``'s entries as ``(kind, (zh, en), conditions)``, a condition being ``(flag, negated)``.

    ``when`` is read once per spec, not on every keystroke: several conditions separated by
    spaces must all hold, and ``!flag`` means the flag must be false.
    """
    cached = _COMPILED.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    entries = []
    for entry in spec:
        when = entry[3] if len(entry) > 3 else None
        conditions = tuple((w.lstrip("!"), w.startswith("!")) for w in when.split()) if when is not None else ()
        entries.append((entry[0], entry[1:3], conditions))
    _COMPILED[id(spec)] = (spec, entries)
    return entries


def _doc(kit: dict, doc_id: str, kind: str, lang: str, bank: str | None, title: str, blocks: list) -> dict:
    """A document; one made from the page's worked example says so in its title and first line."""
    if kit.get("example"):
        title = wording.EXAMPLE_TITLE + title
        blocks = [["note", wording.EXAMPLE_NOTE[_i(lang)]], *blocks]
    return {
        "id": doc_id,
        "kind": kind,
        "lang": lang,
        "bank": bank,
        "title": title,
        "blocks": blocks,
        "example": bool(kit.get("example")),
    }


def _card_lines(plan: dict, lang: str) -> list:
    out = []
    for i, c in enumerate(plan["cards"], 1):
        s = fill(wording.CARD_LINE[_i(lang)], {"i": i, "balance": _yuan(c["balance_yuan"], lang)})
        od = c.get("overdue_months")
        if od:
            s += fill(wording.CARD_OVERDUE[_i(lang)], {"months": od, "months_word": "month" if od == 1 else "months"})
        out.append(s)
    return out


def _hardship(kit: dict, lang: str) -> str:
    i = _i(lang)
    reason = wording.REASON_LONG[kit["hardship_reason"]][i]
    s = fill(wording.HARDSHIP[i], {"reason": reason, "Reason": reason[:1].upper() + reason[1:]})
    if kit.get("hardship_detail"):
        s += fill(wording.HARDSHIP_DETAIL[i], {"detail": kit["hardship_detail"]})
    return s + wording.HARDSHIP_END[i]


def _recovery(kit: dict, lang: str) -> str:
    when = kit.get("expected_recovery")
    if when:
        return fill(wording.RECOVERY_WHEN[_i(lang)], {"when": when})
    return wording.RECOVERY_UNKNOWN[_i(lang)]


def _plan_values(kit: dict, plan: dict, lang: str) -> dict:
    y = partial(_yuan, lang=lang)
    b = plan["bank"]
    return {
        "bank": bank_name(b, lang),
        "phone": bank_phone(b, lang),
        "number": BANKS_BY_ID[b]["phone"],
        "art70": ART70_ZH if lang == "zh" else ART70_EN,
        "card_count": len(plan["cards"]),
        "cards_word": "card" if len(plan["cards"]) == 1 else "cards",
        "debt": y(plan["debt_yuan"]),
        "share": y(plan["share_yuan"]),
        "n": plan["periods"],
        "payment": y(plan["payment_yuan"]),
        "last": y(plan["last_payment_yuan"]),
        "start": date_text(iso(plan["first_date"]), lang),
        "end": date_text(iso(plan["end_date"]), lang),
        "income": y(kit["monthly_income_yuan"]),
        "essential": y(kit["essential_spending_yuan"]),
        "capacity": y(kit["capacity_yuan"]),
        "bank_count": kit["bank_count"],
        "total": y(kit["total_debt_yuan"]),
        "other_clause": (
            fill(wording.OTHER_DEBTS[_i(lang)], {"other": y(kit["other_debt_payments_yuan"])})
            if dec(kit["other_debt_payments_yuan"]) > 0
            else ""
        ),
        "after": wording.AFTER[dec(kit["other_debt_payments_yuan"]) > 0][_i(lang)],
        "covered": y(plan["covered_yuan"]),
        "shortfall": y(plan["shortfall_yuan"]),
    }


def _plan_flags(kit: dict, plan: dict) -> dict:
    return {
        "several": kit["bank_count"] > 1,
        "uneven": plan["last_payment_yuan"] != plan["payment_yuan"],
        "clears": plan["clears"],
    }


def letter(kit: dict, plan: dict, lang: str) -> dict:
    """The repayment proposal letter (协商还款申请书) to one bank, in ``lang``.

    ``kit`` is the kit's result (inputs and totals), ``plan`` one of its ``plans`` rows.
    """
    return _letter(kit, plan, lang, _plan_values(kit, plan, lang))


def phone_script(kit: dict, plan: dict, lang: str) -> dict:
    """What to say and ask when phoning one bank's card centre, in ``lang``."""
    return _phone_script(kit, plan, lang, _plan_values(kit, plan, lang))


def bank_documents(kit: dict, plan: dict, lang: str) -> tuple:
    """``(letter(kit, plan, lang), phone_script(kit, plan, lang))``, the plan's figures written once."""
    values = _plan_values(kit, plan, lang)
    return _letter(kit, plan, lang, values), _phone_script(kit, plan, lang, values)


def _letter(kit: dict, plan: dict, lang: str, plan_values: dict) -> dict:
    i = _i(lang)
    values = plan_values | {
        "name": kit.get("name") or wording.NAME_BLANK[i],
        "hardship": _hardship(kit, lang),
        "recovery": _recovery(kit, lang),
    }
    blocks = _blocks(wording.LETTER, lang, values, _plan_flags(kit, plan), _card_lines(plan, lang))
    b = plan["bank"]
    return _doc(kit, f"letter-{b}-{lang}", "letter", lang, b, wording.LETTER_TITLE[i], blocks)


def _phone_script(kit: dict, plan: dict, lang: str, plan_values: dict) -> dict:
    i = _i(lang)
    values = plan_values | {
        "name": kit.get("name") or wording.SHORT_NAME_BLANK[i],
        "reason": wording.REASON_SHORT[kit["hardship_reason"]][i],
    }
    blocks = _blocks(wording.SCRIPT, lang, values, _plan_flags(kit, plan))
    b = plan["bank"]
    return _doc(kit, f"script-{b}-{lang}", "script", lang, b, fill(wording.SCRIPT_TITLE[i], values), blocks)


def checklist(kit: dict, lang: str) -> dict:
    """The documents to prepare before contacting the banks, in ``lang``."""
    i = _i(lang)
    values = {"proof": wording.PROOF[kit["hardship_reason"]][i]}
    blocks = _blocks(wording.CHECKLIST, lang, values, {})
    return _doc(kit, f"checklist-{lang}", "checklist", lang, None, wording.CHECKLIST_TITLE[i], blocks)


def warnings(kit: dict) -> list:
    """Bilingual warnings: a chosen number of months the reader cannot pay, a debt 60 months do not clear."""
    out = []
    for p in kit["plans"]:
        for spec, applies in (
            (wording.WARN_CHOSEN_TOO_SHORT, p["asked_periods"] is not None),
            (wording.WARN_NOT_CLEARED, not p["clears"]),
        ):
            if not applies:
                continue
            out.append(
                {
                    lang: fill(
                        spec[_i(lang)],
                        {
                            "bank": bank_name(p["bank"], lang),
                            "n": p["periods"],
                            "debt": _yuan(p["debt_yuan"], lang),
                            "share": _yuan(p["share_yuan"], lang),
                            "covered": _yuan(p["covered_yuan"], lang),
                            "shortfall": _yuan(p["shortfall_yuan"], lang),
                            "asked": p["asked_periods"],
                            "asked_payment": _yuan(p["asked_payment_yuan"] or 0, lang),
                        },
                    )
                    for lang in ("zh", "en")
                }
            )
    return out


def no_capacity_message(capacity, bank_count: int | None = None) -> dict:
    """The bilingual message when nothing is left for the cards (or too little for one fen a bank)."""
    spec = wording.NO_CAPACITY if bank_count is None else wording.TOO_LITTLE
    values = {"capacity": _yuan(capacity, "zh"), "bank_count": bank_count}
    return {lang: fill(spec[_i(lang)], values | {"capacity": _yuan(capacity, lang)}) for lang in ("zh", "en")}


def explain_text(result: dict, lang: str) -> str:
    """One plain paragraph: what you can pay, over how long, and what waiting would cost."""
    y = partial(_yuan, lang=lang)
    not_cleared = sum(1 for p in result["plans"] if not p["clears"])
    extra = fill(wording.EXPLAIN_NOT_CLEARED[_i(lang)], {"count": not_cleared}) if not_cleared else ""
    return (
        fill(
            wording.EXPLAIN[_i(lang)],
            {
                "capacity": y(result["capacity_yuan"]),
                "total": y(result["total_debt_yuan"]),
                "bank_count": result["bank_count"],
                "banks_word": "bank" if result["bank_count"] == 1 else "banks",
                "monthly": y(result["monthly_total_yuan"]),
                "n": result["longest_periods"],
                "nothing": y(result["doing_nothing_yuan"]),
            },
        )
        + extra
    )


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
