"""Card-debt calculators: pure-Python (stdlib only), run at build time and in Pyodide.

>>> import calculators
>>> calculators.NAMES[0]
'installment_apr'
>>> r = calculators.run("rate_convert", {"daily_rate": "0.05%", "cycle_days": "30"})
>>> r["ok"], r["result"]["annual_simple_365"]
(True, Decimal('0.182500'))
>>> calculators.run("no_such_calculator", {})["errors"][0]["code"]
'unknown_calculator'

Each calculator lives in ``calculators/<name>.py`` as ``CALCULATOR``; modules are
imported lazily, so one missing or broken module never breaks the others (its
name then gives an ``unavailable`` error from :func:`run`). See
:mod:`calculators._core` for the API.
"""

from __future__ import annotations

import importlib

from ._core import Calculator, InputError, run_calculator, spec_of, standard_error

__all__ = ["NAMES", "EXTRA_NAMES", "RUN_NAMES", "run", "spec", "get", "available", "Calculator", "InputError"]

#: Run names in menu order.
NAMES = (
    "installment_apr",
    "revolving_interest",
    "minimum_payment",
    "overdue_cost",
    "negotiated_plan",
    "payoff_order",
    "rate_convert",
    "repayment_capacity",
)

#: Runnable tools that are not in the calculator menu (the negotiation kit).
EXTRA_NAMES = ("negotiation_kit",)

#: Every name :func:`run`, :func:`get` and :func:`spec` accept.
RUN_NAMES = NAMES + EXTRA_NAMES

_cache: dict = {}


def get(name: str) -> Calculator:
    """The :class:`Calculator` called ``name``.

    Raises ``LookupError`` for a name not in :data:`RUN_NAMES` or whose module is
    missing; an error inside an existing module propagates (it is a bug).
    """
    if name in _cache:
        return _cache[name]
    if not isinstance(name, str) or name not in RUN_NAMES:
        raise LookupError(f"unknown calculator {name!r}")
    modname = f"{__name__}.{name}"
    try:
        mod = importlib.import_module(modname)
    except ModuleNotFoundError as e:
        if e.name == modname:
            raise LookupError(f"calculator {name!r} is not available") from e
        raise
    calc = getattr(mod, "CALCULATOR", None)
    if not isinstance(calc, Calculator) or calc.name != name:
        raise LookupError(f"{modname}.CALCULATOR is missing or misnamed")
    _cache[name] = calc
    return calc


def available() -> tuple:
    """Names in :data:`NAMES` whose module imports and defines ``CALCULATOR``."""
    out = []
    for n in NAMES:
        try:
            get(n)
        except Exception:
            continue
        out.append(n)
    return tuple(out)


def run(name, inputs) -> dict:
    """Run calculator ``name`` on ``inputs``; never raises.

    Returns ``{"ok": True, "result": {...}}`` or ``{"ok": False, "errors": [...]}``
    (see :mod:`calculators._core`).
    """
    try:
        hashable_name = name if isinstance(name, str) else None
        if hashable_name not in RUN_NAMES:
            return {"ok": False, "errors": [standard_error("unknown_calculator")]}
        try:
            calc = get(hashable_name)
        except Exception:
            return {"ok": False, "errors": [standard_error("unavailable")]}
        return run_calculator(calc, inputs)
    except Exception:  # pragma: no cover - belt and braces
        return {"ok": False, "errors": [standard_error("internal")]}


def spec(name: str) -> dict:
    """JSON-serialisable description of calculator ``name`` (form fields, outputs...)."""
    return spec_of(get(name))
