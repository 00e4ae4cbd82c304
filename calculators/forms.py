"""The page's form contract: flat control names -> :func:`calculators._core.run_calculator` inputs.

A page's form is flat: each control has a name and a text. A scalar field's control is named
after the field; a list row's control is ``<list>.<row>.<item>`` (row from 0, gaps are fine),
see :func:`flat_key`. :func:`form_to_inputs` rebuilds ``run()`` inputs from such a form, and a
field shown in percent gets ``%`` appended (:func:`with_percent`). Used by the page bridge
(:mod:`calculators.web`) and the build (:mod:`calculators.render`).
"""

from __future__ import annotations

import re
import unicodedata

from calculators._spec import Calculator

__all__ = ["flat_key", "parse_flat_key", "with_percent", "form_to_inputs"]

#: A list row's control is named ``<list>.<row>.<item>`` (row from 0; gaps are fine).
_FLAT_KEY = re.compile(r"^([a-z][a-z0-9_]*)\.(\d{1,4})\.([a-z][a-z0-9_]*)$")


def flat_key(list_name: str, row, item: str) -> str:
    """The form control name of ``item`` in row ``row`` of list ``list_name``.

    >>> flat_key("debts", 0, "balance")
    'debts.0.balance'
    """
    return f"{list_name}.{row}.{item}"


def parse_flat_key(key) -> tuple[str, int, str] | None:
    """``"debts.2.balance"`` -> ``("debts", 2, "balance")``; None for any other text.

    >>> parse_flat_key("debts.2.balance"), parse_flat_key("debts.x.balance")
    (('debts', 2, 'balance'), None)
    """
    if not isinstance(key, str):
        return None
    m = _FLAT_KEY.match(key)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else None


def _form_text(value) -> str | None:
    """Form values are strings; anything else is dropped (None) rather than guessed at."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def with_percent(text: str) -> str:
    """``0.6`` -> ``0.6%`` for a field shown in percent (text already ending in % is kept).

    >>> with_percent("0.6"), with_percent("0.6%"), with_percent(" ")
    ('0.6%', '0.6%', ' ')
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s or s.endswith("%") or s.endswith("‰"):
        return text
    return s + "%"


def form_to_inputs(calc: Calculator, form) -> dict:
    """Turn the page's flat form (control name -> text) into :func:`run_calculator` inputs.

    Fields absent from ``form`` stay absent (which means the same as blank); list fields are
    rebuilt from ``<list>.<row>.<item>`` keys in row order; percent fields get ``%`` appended.

    >>> from calculators._spec import Calculator, Field, Output, t
    >>> rate = Field("daily_rate", "rate", t("日利率", "Daily rate"), percent=True)
    >>> row = Field("debts", "list", t("债务", "Debts"), items=(Field("balance", "money", t("欠款", "Balance")),))
    >>> calc = Calculator("demo", t("演示", "Demo"), t("?", "?"), (rate, row), (Output("x", t("x", "x"), "text"),), dict)
    >>> form_to_inputs(calc, {"daily_rate": "0.05", "debts.1.balance": "20", "debts.0.balance": "10"})
    {'daily_rate': '0.05%', 'debts': [{'balance': '10'}, {'balance': '20'}]}
    """
    if not isinstance(form, dict):
        return {}
    lists = {f.name: f for f in calc.fields if f.kind == "list"}
    rows: dict = {}
    seen: set = set()
    for key, value in form.items():
        parsed = parse_flat_key(key)
        if parsed is None or parsed[0] not in lists:
            continue
        lst, row, item_name = parsed
        seen.add(lst)
        text = _form_text(value)
        item = next((i for i in lists[lst].items if i.name == item_name), None)
        if text is None or item is None:
            continue
        rows.setdefault(lst, {}).setdefault(row, {})[item.name] = with_percent(text) if item.percent else text
    inputs: dict = {}
    for f in calc.fields:
        if f.kind == "list":
            if f.name in seen or f.name in form:
                got = rows.get(f.name, {})
                inputs[f.name] = [got[i] for i in sorted(got)]
            continue
        if f.name not in form:
            continue
        text = _form_text(form[f.name])
        if text is None:
            inputs[f.name] = None
            continue
        inputs[f.name] = with_percent(text) if f.percent else text
    return inputs
