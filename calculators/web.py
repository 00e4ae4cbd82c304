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

A file the page builds from rows the reader typed outside the form (the kit's call log) is
asked for by name instead of ``calculator``; only its ``csv`` comes back, written by the site's
one CSV writer (:mod:`calculators.csv_export`)::

    {"export": "call_log", "lang": "zh", "rows": [{"date": "2027-01-05", "agent": "..."}, ...]}

Response::

    {"ok": true, "html": "<dl ...>", "key": "…", "csv": "\\ufeff...", "announce": "...", "errors": []}
    {"ok": false, "html": "", "csv": "", "announce": "", "errors": [{"field", "code", "message"}]}

``key`` is :func:`calculators.render.result_key` of ``html``, the fingerprint the build also
writes on the server-rendered result: the page does not redraw a first answer it already shows.

:func:`handle` never raises: any failure (bad JSON, unknown calculator, a bug) is an error
response with a bilingual message, never a traceback.

>>> import json
>>> out = json.loads(handle('{"calculator": "nope", "form": {}, "lang": "en"}'))
>>> out["ok"], out["errors"][0]["code"]
(False, 'unknown_calculator')
>>> json.loads(handle("not json"))["errors"][0]["code"]
'bad_request'
>>> json.loads(handle('{"export": "call_log", "lang": "en", "rows": [{"said": "=1+1"}]}'))["csv"].splitlines()[1]
",,,,,'=1+1,,"
"""

from __future__ import annotations

import json

import calculators
from calculators import _core, forms, render

__all__ = ["handle", "form_to_inputs", "MAX_REQUEST_CHARS", "EXPORTS"]

#: Longest request accepted (a form with 50 rows of 5 fields is well under this).
MAX_REQUEST_CHARS = 200_000

# Kept here for callers that import it from the bridge; the one definition is in forms.
form_to_inputs = forms.form_to_inputs


def _response(ok: bool, html: str = "", csv: str = "", announce: str = "", errors=(), ics: str = "") -> str:
    return json.dumps(
        {
            "ok": ok,
            "html": html,
            "key": render.result_key(html) if html else "",
            "csv": csv,
            "ics": ics,
            "announce": announce,
            "errors": list(errors),
        },
        ensure_ascii=False,
    )


def _call_log_csv(rows: list, lang: str) -> str:
    from calculators.negotiation_kit.call_log import call_log_csv

    return call_log_csv(rows, lang)


#: Files built from rows the page holds, by export name: ``(rows, lang) -> CSV text``.
EXPORTS = {"call_log": _call_log_csv}


def _export(req: dict, lang: str) -> str:
    """The CSV of an export request; rows are dicts of strings (anything else is dropped)."""
    rows = req.get("rows")
    if req.get("export") not in EXPORTS or not isinstance(rows, list):
        return _response(False, errors=[_core.standard_error("bad_request")])
    clean = [
        {k: v for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
        for row in rows
        if isinstance(row, dict)
    ]
    return _response(True, csv=EXPORTS[req["export"]](clean, lang))


def handle(request_json) -> str:
    """Compute one request (a JSON string) and return the response as a JSON string."""
    try:
        if not isinstance(request_json, str) or len(request_json) > MAX_REQUEST_CHARS:
            return _response(False, errors=[_core.standard_error("bad_request")])
        try:
            req = json.loads(request_json)
        except ValueError:
            return _response(False, errors=[_core.standard_error("bad_request")])
        if not isinstance(req, dict):
            return _response(False, errors=[_core.standard_error("bad_request")])
        lang = "en" if req.get("lang") == "en" else "zh"
        if "export" in req:
            return _export(req, lang)
        name = req.get("calculator")
        if not isinstance(name, str) or name not in calculators.RUN_NAMES:
            return _response(False, errors=[_core.standard_error("unknown_calculator")])
        try:
            calc = calculators.get(name)
        except Exception:
            return _response(False, errors=[_core.standard_error("unavailable")])
        inputs = form_to_inputs(calc, req.get("form"))
        outcome = calculators.run(name, inputs)
        if not outcome.get("ok"):
            return _response(False, errors=outcome.get("errors") or [])
        result = outcome["result"]
        return _response(
            True,
            html=render.render_result(name, result, lang, inputs),
            csv=render.result_csv(name, result, lang),
            announce=render.announce_text(name, result, lang),
            ics=calc.calendar(result, lang, inputs) if calc.calendar else "",
        )
    except Exception:
        return _response(
            False,
            errors=[_core.standard_error("internal")],
        )
