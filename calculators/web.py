"""The JSON bridge between the page's script and the calculators (runs in Pyodide's worker).

The worker calls :func:`handle` with one JSON string and posts back the JSON string it returns;
only strings cross the JavaScript/Python boundary, so no ``JsNull`` or float ever reaches the
calculators.

Request::

    {"calculator": "installment_apr", "lang": "zh",
     "form": {"principal": "10000", "fee_rate": "0.6", "debts.0.balance": "5000", ...}}

``form`` is the flat form exactly as typed (all strings). List rows are named
``<list>.<row>.<item>`` (rows are sorted by number, gaps are fine); percent fields get ``%``
appended when the text has none, so ``0.6`` in a "%" box means 0.6 %.

Response::

    {"ok": true, "html": "<dl ...>", "csv": "\\ufeff...", "announce": "...", "errors": []}
    {"ok": false, "html": "", "csv": "", "announce": "", "errors": [{"field", "code", "message"}]}

:func:`handle` never raises: any failure (bad JSON, unknown calculator, a bug) is an error
response with a bilingual message, never a traceback.

>>> import json
>>> out = json.loads(handle('{"calculator": "nope", "form": {}, "lang": "en"}'))
>>> out["ok"], out["errors"][0]["code"]
(False, 'unknown_calculator')
>>> json.loads(handle("not json"))["errors"][0]["code"]
'bad_request'
"""
from __future__ import annotations

import json
import re
import unicodedata

import calculators

__all__ = ["handle", "form_to_inputs", "MAX_REQUEST_CHARS"]

#: Longest request accepted (a form with 50 rows of 5 fields is well under this).
MAX_REQUEST_CHARS = 200_000

_ROW_KEY = re.compile(r"^(\d{1,4})\.([a-z][a-z0-9_]*)$")


def _err(code: str, zh: str, en: str, field=None) -> dict:
    return {"field": field, "code": code, "message": {"zh": zh, "en": en}}


def _text(value) -> str | None:
    """Form values are strings; anything else is dropped (None) rather than guessed at."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value)
    return None


def _with_percent(text: str) -> str:
    """``0.6`` -> ``0.6%`` for a field shown in percent (text already ending in % is kept)."""
    s = unicodedata.normalize("NFKC", text).strip()
    if not s or s.endswith("%") or s.endswith("‰"):
        return text
    return s + "%"


def form_to_inputs(calc, form: dict) -> dict:
    """Turn the flat form (name -> text) into :func:`calculators.run` inputs for ``calc``.

    Fields absent from ``form`` stay absent (the calculator's default applies); list fields are
    rebuilt from ``<list>.<row>.<item>`` keys in row order.

    >>> from calculators._core import Calculator, Field, Output, t
    >>> rate = Field("daily_rate", "rate", t("日利率", "Daily rate"), percent=True)
    >>> row = Field("debts", "list", t("债务", "Debts"), items=(Field("balance", "money", t("欠款", "Balance")),))
    >>> calc = Calculator("demo", t("演示", "Demo"), t("?", "?"), (rate, row), (Output("x", t("x", "x"), "text"),), dict)
    >>> form_to_inputs(calc, {"daily_rate": "0.05", "debts.1.balance": "20", "debts.0.balance": "10"})
    {'daily_rate': '0.05%', 'debts': [{'balance': '10'}, {'balance': '20'}]}
    """
    if not isinstance(form, dict):
        return {}
    inputs = {}
    for f in calc.fields:
        if f.kind == "list":
            prefix = f.name + "."
            rows: dict = {}
            seen = False
            for key, value in form.items():
                if not isinstance(key, str) or not key.startswith(prefix):
                    continue
                m = _ROW_KEY.match(key[len(prefix):])
                if not m:
                    continue
                seen = True
                text = _text(value)
                if text is None:
                    continue
                item = next((i for i in f.items if i.name == m.group(2)), None)
                if item is None:
                    continue
                if item.percent:
                    text = _with_percent(text)
                rows.setdefault(int(m.group(1)), {})[item.name] = text
            if seen or f.name in form:
                inputs[f.name] = [rows[i] for i in sorted(rows)]
            continue
        if f.name not in form:
            continue
        text = _text(form[f.name])
        if text is None:
            inputs[f.name] = None
            continue
        inputs[f.name] = _with_percent(text) if f.percent else text
    return inputs


def _response(ok: bool, html: str = "", csv: str = "", announce: str = "", errors=()) -> str:
    return json.dumps(
        {"ok": ok, "html": html, "csv": csv, "announce": announce, "errors": list(errors)},
        ensure_ascii=False,
    )


def handle(request_json) -> str:
    """Compute one request (a JSON string) and return the response as a JSON string."""
    try:
        if not isinstance(request_json, str) or len(request_json) > MAX_REQUEST_CHARS:
            return _response(False, errors=[_err("bad_request", "请求格式不对。", "The request is malformed.")])
        try:
            req = json.loads(request_json)
        except ValueError:
            return _response(False, errors=[_err("bad_request", "请求格式不对。", "The request is malformed.")])
        if not isinstance(req, dict):
            return _response(False, errors=[_err("bad_request", "请求格式不对。", "The request is malformed.")])
        name = req.get("calculator")
        lang = req.get("lang") if req.get("lang") in ("zh", "en") else "zh"
        if not isinstance(name, str) or name not in getattr(calculators, "RUN_NAMES", calculators.NAMES):
            return _response(False, errors=[_err("unknown_calculator", "没有这个计算器。", "There is no such calculator.")])
        try:
            calc = calculators.get(name)
        except Exception:
            return _response(
                False, errors=[_err("unavailable", "这个计算器暂时不可用。", "This calculator is not available at the moment.")]
            )
        inputs = form_to_inputs(calc, req.get("form"))
        outcome = calculators.run(name, inputs)
        if not outcome.get("ok"):
            return _response(False, errors=outcome.get("errors") or [])
        from calculators import render

        result = outcome["result"]
        return _response(
            True,
            html=render.render_result(name, result, lang, inputs),
            csv=render.result_csv(name, result, lang),
            announce=render.announce_text(name, result, lang),
        )
    except Exception:
        return _response(
            False,
            errors=[
                _err(
                    "internal",
                    "计算器内部出错，未能算出结果。请检查输入，或换一组数字再试。",
                    "The calculator hit an internal error and could not produce a result. "
                    "Check the inputs or try other numbers.",
                )
            ],
        )
