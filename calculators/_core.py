"""Core of the calculators: ``run_calculator`` (never raises) and the authors' API in one import.

API for calculator authors (read this first)
--------------------------------------------
A calculator is one module ``calculators/<name>.py`` that defines
``CALCULATOR = Calculator(...)`` plus plain, documented functions holding the
math. ``calculators.run(name, inputs)`` does the rest:

1. ``inputs`` (a dict of JSON-like values: str, int, float, None, lists,
   dicts) is parsed field by field against ``CALCULATOR.fields``. Every field
   error is collected; nothing raises.
2. If there is no error, ``CALCULATOR.compute(values)`` is called with the
   parsed values, inside a private :mod:`decimal` context (precision 34,
   ``ROUND_HALF_EVEN``; quantise explicitly with :func:`money` / :func:`rate`).
3. ``compute`` returns a dict of results (``Decimal`` money rounded to the fen,
   ``Decimal`` rates as fractions, ``int`` counts, ``"YYYY-MM-DD"`` strings,
   lists of plain dict rows). For an error that needs several fields, raise
   ``InputError(field, code, zh, en)`` (or ``InputError.collect([...])``).
   Any other exception becomes ``{"field": None, "code": "internal"}``.

``run`` returns ``{"ok": True, "result": {...}}`` or
``{"ok": False, "errors": [{"field", "code", "message": {"zh", "en"}}]}``.

Where things live: the spec dataclasses, units, money helpers and errors in
:mod:`calculators._spec` (with the "Examples versus blank" field contract); what each field
kind parses to in :mod:`calculators._parse`; the page's flat form in :mod:`calculators.forms`.
This module runs a calculator and re-exports all of them, so a calculator imports its
building blocks from ``._core``.

Helpers for authors: :func:`t` (``t("元", "yuan")`` -> ``{"zh":..,"en":..}``),
unit dicts :data:`YUAN` :data:`PERCENT` :data:`PERIODS` :data:`DAYS`
:data:`MONTHS`, :func:`money` (ROUND_HALF_UP to the fen), :func:`rate`
(ROUND_HALF_UP to 1e-6), and :func:`fmt_yuan` / :func:`fmt_pct` for
``explain`` sentences.

Examples
--------
>>> from decimal import Decimal
>>> amount = Field("amount_yuan", "money", t("金额", "Amount"), unit=YUAN, minimum="0")
>>> calc = Calculator("demo", t("演示", "Demo"), t("?", "?"), (amount,),
...     (Output("fee_yuan", t("手续费", "Fee"), "money"),),
...     lambda v: {"fee_yuan": money(v["amount_yuan"] * Decimal("0.006"))})
>>> run_calculator(calc, {"amount_yuan": "1万"})
{'ok': True, 'result': {'fee_yuan': Decimal('60.00')}}
>>> run_calculator(calc, {})["errors"][0]["code"]
'required'
"""

from __future__ import annotations

import decimal

from calculators._parse import parse_inputs
from calculators._spec import (
    DAYS,
    FEN,
    FIELD_KINDS,
    MONTHS,
    OUTPUT_KINDS,
    PERCENT,
    PERIODS,
    STANDARD_ERRORS,
    YUAN,
    Calculator,
    Chart,
    Column,
    Field,
    InputError,
    Output,
    Table,
    error,
    fmt_pct,
    fmt_yuan,
    money,
    rate,
    spec_of,
    standard_error,
    t,
)
from calculators.forms import flat_key, form_to_inputs, parse_flat_key, with_percent

__all__ = [
    "InputError",
    "Field",
    "Output",
    "Column",
    "Table",
    "Chart",
    "Calculator",
    "parse_inputs",
    "form_to_inputs",
    "flat_key",
    "parse_flat_key",
    "with_percent",
    "error",
    "standard_error",
    "STANDARD_ERRORS",
    "run_calculator",
    "spec_of",
    "t",
    "money",
    "rate",
    "fmt_yuan",
    "fmt_pct",
    "FEN",
    "YUAN",
    "PERCENT",
    "PERIODS",
    "DAYS",
    "MONTHS",
    "FIELD_KINDS",
    "OUTPUT_KINDS",
]


def _internal() -> dict:
    return standard_error("internal")


def _valid_error(e) -> bool:
    return (
        isinstance(e, dict)
        and (e.get("field") is None or isinstance(e.get("field"), str))
        and isinstance(e.get("code"), str)
        and isinstance(e.get("message"), dict)
        and isinstance(e["message"].get("zh"), str)
        and isinstance(e["message"].get("en"), str)
        and e["message"]["zh"].strip() != ""
        and e["message"]["en"].strip() != ""
    )


def _private_context() -> decimal.Context:
    return decimal.Context(
        prec=34,
        rounding=decimal.ROUND_HALF_EVEN,
        Emax=999999,
        Emin=-999999,
        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
    )


def run_calculator(calc: Calculator, inputs) -> dict:
    """Parse ``inputs`` and run ``calc.compute``; never raises (see module docstring).

    Parsing and computing happen in a private :mod:`decimal` context (34 digits), so neither
    depends on nor changes the caller's context.
    """
    try:
        if calc.prepare is not None:
            inputs = calc.prepare(inputs)
        with decimal.localcontext(_private_context()):
            values, errors = parse_inputs(calc.fields, inputs)
    except Exception:  # pragma: no cover - parse_inputs is written not to raise
        return {"ok": False, "errors": [_internal()]}
    if errors:
        return {"ok": False, "errors": errors}
    try:
        with decimal.localcontext(_private_context()):
            result = calc.compute(values)
        if not isinstance(result, dict):
            raise TypeError("compute() must return a dict")
    except InputError as e:
        errs = [x for x in e.errors if _valid_error(x)]
        return {"ok": False, "errors": errs or [_internal()]}
    except Exception:
        return {"ok": False, "errors": [_internal()]}
    return {"ok": True, "result": result}
