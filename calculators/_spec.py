"""What a calculator is made of: units, money helpers, errors and the spec dataclasses.

:class:`Field`, :class:`Output`, :class:`Column`, :class:`Table`, :class:`Chart` and
:class:`Calculator` describe a calculator's form and results; each checks itself when built,
and :func:`spec_of` gives the JSON-able description the page and ``calculators.spec`` use.
What each field kind parses to is in :mod:`calculators._parse`; how it all runs is in
:mod:`calculators._core`.

Examples versus blank (the field contract)
------------------------------------------
An example is not a default. Each field says two separate things:

``example``
    What the form is prefilled with (a text, or for a list field a list of row dicts), so a
    page shows a worked result before any script runs. Only :mod:`calculators.render` reads
    it; :func:`calculators._core.run_calculator` never does.
``required`` / ``blank``
    What a blank field means. Blank, absent, ``None`` and whitespace-only are all the same.
    ``required=True``: a field error ``required`` asking for the value, in both languages.
    ``required=False``: ``compute`` receives ``blank`` parsed as if the reader had typed it
    (``blank="0"`` for "no other debts"; a choice field's documented default), or ``None``
    when ``blank`` is ``None`` (a list field then gets ``[]``): "none given", which the
    calculator must handle without inventing a number. ``blank_means`` (optional,
    bilingual) says it in words; :meth:`Field.spec` always states it under ``"blank"``.

Bounds ``minimum``/``maximum`` are inclusive decimal strings in
the *parsed* unit (a fraction for rates); numbers without an explicit
``maximum`` are capped at 10^15 anyway.

Conventions
-----------
:func:`money` rounds ROUND_HALF_UP to the fen and :func:`rate` ROUND_HALF_UP to 1e-6; both
refuse a float (build ``Decimal`` from strings).
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
from dataclasses import dataclass
from dataclasses import field as _dc_field
from decimal import Decimal
from typing import Callable

from calculators import fmt as _fmt

__all__ = [
    "InputError",
    "Field",
    "Output",
    "Column",
    "Table",
    "Chart",
    "Calculator",
    "error",
    "standard_error",
    "STANDARD_ERRORS",
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

FIELD_KINDS = ("money", "rate", "decimal", "integer", "choice", "date", "text", "list")
OUTPUT_KINDS = ("money", "rate", "count", "days", "date", "text")

FEN = Decimal("0.01")


def t(zh: str, en: str) -> dict:
    """Return a bilingual text ``{"zh": zh, "en": en}``.

    >>> t("元", "yuan")
    {'zh': '元', 'en': 'yuan'}
    """
    return {"zh": zh, "en": en}


YUAN = t("元", "yuan")
PERCENT = t("%", "%")
PERIODS = t("期", "periods")
DAYS = t("天", "days")
MONTHS = t("个月", "months")


def money(x) -> Decimal:
    """Round a Decimal amount ROUND_HALF_UP to the fen (0.01 yuan).

    >>> money(Decimal("2.345")), money(Decimal("-2.345"))
    (Decimal('2.35'), Decimal('-2.35'))
    """
    if isinstance(x, float):
        raise TypeError("money(): float given; build Decimal from strings")
    return Decimal(x).quantize(FEN, rounding=decimal.ROUND_HALF_UP)


def rate(x, places: int = 6) -> Decimal:
    """Round a rate (a fraction) ROUND_HALF_UP to ``places`` decimals (1e-6).

    >>> rate(Decimal("0.12799995"))
    Decimal('0.128000')
    """
    if isinstance(x, float):
        raise TypeError("rate(): float given; build Decimal from strings")
    return Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def _plain(d: Decimal) -> str:
    """Decimal as plain text without exponent or trailing zeros."""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    return s


def fmt_yuan(x, lang: str) -> str:
    """Format yuan for a sentence: ``"12,345.67 元"`` / ``"¥12,345.67"`` (see :mod:`calculators.fmt`).

    >>> fmt_yuan(Decimal("8833.3"), "zh"), fmt_yuan(Decimal("-8833.3"), "en")
    ('8,833.30 元', '-¥8,833.30')
    """
    return _fmt.yuan(x, lang)


def fmt_pct(x, lang: str = "zh", places: int = 1) -> str:
    """Format a fraction as a percentage: ``Decimal("0.162")`` -> ``"16.2%"``.

    >>> fmt_pct(Decimal("0.128"), "en", 2)
    '12.80%'
    """
    return _fmt.pct(x, lang, places)


# --------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------


def error(field_name, code: str, zh: str, en: str) -> dict:
    """One error as ``run()`` returns it: ``{"field", "code", "message": {"zh", "en"}}``.

    >>> error("x", "required", "必须填写。", "This is required.")["message"]["en"]
    'This is required.'
    """
    return {"field": field_name, "code": code, "message": {"zh": zh, "en": en}}


_error = error  # the name used inside this module and by older callers

#: The errors that concern the request rather than a field (one home for their wording).
STANDARD_ERRORS = {
    "unknown_calculator": ("没有这个计算器。", "There is no such calculator."),
    "unavailable": ("这个计算器暂时不可用。", "This calculator is not available at the moment."),
    "internal": (
        "计算器内部出错，未能算出结果。请检查输入，或换一组数字再试。",
        "The calculator hit an internal error and could not produce a result. Check the inputs or try other numbers.",
    ),
    "bad_request": ("请求格式不对。", "The request is malformed."),
    "bad_inputs": ("输入格式不对，应为字段名到值的映射。", "Inputs must be a mapping of field names to values."),
}


def standard_error(code: str) -> dict:
    """The form-level error ``code`` from :data:`STANDARD_ERRORS`.

    >>> standard_error("bad_request")["message"]["zh"]
    '请求格式不对。'
    """
    zh, en = STANDARD_ERRORS[code]
    return error(None, code, zh, en)


class InputError(Exception):
    """An input problem found by ``compute`` (typically involving several fields).

    ``raise InputError("periods", "too_large", "期数太多", "Too many periods")``;
    ``field`` may be ``None`` for the form as a whole. ``InputError.collect``
    bundles several into one exception.

    >>> e = InputError("periods", "too_large", "期数太多。", "Too many periods.")
    >>> e.errors[0]["message"]["en"]
    'Too many periods.'
    """

    def __init__(self, field: str | None, code: str, zh: str, en: str):
        super().__init__(f"{field}: {code}: {en}")
        self.errors = [_error(field, code, zh, en)]

    @classmethod
    def collect(cls, errors) -> "InputError":
        """One InputError holding all of ``errors`` (InputErrors or error dicts)."""
        errors = list(errors)
        if not errors:
            raise ValueError("InputError.collect() needs at least one error")
        out = []
        for e in errors:
            out.extend(e.errors if isinstance(e, InputError) else [dict(e)])
        first = out[0]
        exc = cls(first["field"], first["code"], first["message"]["zh"], first["message"]["en"])
        exc.errors = out
        return exc


# --------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------


def _check_text(obj, what: str, optional: bool = False) -> None:
    if obj is None and optional:
        return
    if not (
        isinstance(obj, dict)
        and isinstance(obj.get("zh"), str)
        and isinstance(obj.get("en"), str)
        and obj["zh"].strip()
        and obj["en"].strip()
    ):
        raise ValueError(f"{what} must be a dict with non-empty 'zh' and 'en' strings: {obj!r}")


_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Field:
    """One form field (:mod:`calculators._parse` says what each kind parses to)."""

    name: str
    kind: str
    label: dict
    unit: dict | None = None
    help: dict | None = None
    example: object = None
    required: bool = True
    blank: str | None = None
    blank_means: dict | None = None
    minimum: str | None = None
    maximum: str | None = None
    choices: tuple = ()
    percent: bool = False
    items: tuple = ()
    max_items: int = 50
    max_length: int = 200

    def __post_init__(self):
        if not isinstance(self.name, str) or not _NAME_RE.match(self.name):
            raise ValueError(f"bad field name {self.name!r}")
        if self.kind not in FIELD_KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        _check_text(self.label, f"{self.name}.label")
        _check_text(self.unit, f"{self.name}.unit", optional=True)
        _check_text(self.help, f"{self.name}.help", optional=True)
        _check_text(self.blank_means, f"{self.name}.blank_means", optional=True)
        if self.required and self.blank is not None:
            raise ValueError(f"{self.name}: a required field has no blank value")
        if self.blank is not None and not isinstance(self.blank, str):
            raise ValueError(f"{self.name}: blank is a text parsed like the reader's (or None)")
        if self.kind == "choice" and self.blank is not None and self.blank not in [c[0] for c in self.choices]:
            raise ValueError(f"{self.name}: blank {self.blank!r} is not a choice")
        if self.kind == "choice":
            if not self.choices:
                raise ValueError(f"{self.name}: a choice field needs choices")
            for c in self.choices:
                if not (isinstance(c, tuple) and len(c) == 2 and isinstance(c[0], str)):
                    raise ValueError(f"{self.name}: choices are (value, label) pairs")
                _check_text(c[1], f"{self.name}.choices[{c[0]}]")
        elif self.choices:
            raise ValueError(f"{self.name}: choices given for kind {self.kind}")
        if self.kind == "list":
            if not self.items or not all(isinstance(i, Field) and i.kind != "list" for i in self.items):
                raise ValueError(f"{self.name}: a list field needs non-list Field items")
            if len({i.name for i in self.items}) != len(self.items):
                raise ValueError(f"{self.name}: duplicate item names")
        elif self.items:
            raise ValueError(f"{self.name}: items given for kind {self.kind}")
        for b in (self.minimum, self.maximum):
            if b is None:
                continue
            if not isinstance(b, str):
                raise ValueError(f"{self.name}: bounds are strings")
            if self.kind == "date":
                datetime.date.fromisoformat(b)
            else:
                Decimal(b)
        if self.percent and self.kind not in ("rate", "decimal"):
            raise ValueError(f"{self.name}: percent only for rate/decimal fields")

    def spec(self) -> dict:
        """JSON-able description of the field for the form."""
        return {
            "name": self.name,
            "kind": self.kind,
            "label": dict(self.label),
            "unit": dict(self.unit) if self.unit else None,
            "help": dict(self.help) if self.help else None,
            "example": _jsonable(self.example),
            "required": bool(self.required),
            "blank": self.blank_spec(),
            "minimum": self.minimum,
            "maximum": self.maximum,
            "choices": [{"value": v, "label": dict(lab)} for v, lab in self.choices],
            "percent": bool(self.percent),
            "items": [i.spec() for i in self.items],
            "max_items": int(self.max_items),
            "max_length": int(self.max_length),
        }

    def blank_spec(self) -> dict:
        """What a blank field means: ``{"means": "required"|"none"|"value", "value", "text"}``.

        >>> Field("x", "money", t("其他欠款", "Other debts"), required=False, blank="0").blank_spec()["text"]["en"]
        'Left blank, it counts as 0.'
        """
        value = None if self.required else self.blank
        means = "required" if self.required else "none" if value is None else "value"
        text = self.blank_means
        if text is None:
            if value is None:
                text = (
                    t("必填：留空会提示你填写。", "Required: left blank, you are asked for it.")
                    if self.required
                    else t("可留空：留空表示没有。", "Optional: left blank, it means none.")
                )
            else:
                shown = _plain(Decimal(value) * 100) + "%" if self.percent else value
                if self.kind == "choice":
                    lab = dict(self.choices).get(value)
                    zh, en = (lab["zh"], lab["en"]) if lab else (value, value)
                    text = t(f"留空时按“{zh}”计算。", f"Left blank, it counts as “{en}”.")
                else:
                    text = t(f"留空时按 {shown} 计算。", f"Left blank, it counts as {shown}.")
        return {"means": means, "value": value, "text": dict(text)}


@dataclass(frozen=True)
class Output:
    """One result value shown on the page (``key`` in the result dict)."""

    key: str
    label: dict
    kind: str
    primary: bool = False
    help: dict | None = None

    def __post_init__(self):
        if self.kind not in OUTPUT_KINDS:
            raise ValueError(f"output {self.key}: unknown kind {self.kind!r}")
        _check_text(self.label, f"output {self.key}.label")
        _check_text(self.help, f"output {self.key}.help", optional=True)

    def spec(self) -> dict:
        return {
            "key": self.key,
            "label": dict(self.label),
            "kind": self.kind,
            "primary": bool(self.primary),
            "help": dict(self.help) if self.help else None,
        }


@dataclass(frozen=True)
class Column:
    """One column of a result table (``key`` in each row dict)."""

    key: str
    label: dict
    kind: str

    def __post_init__(self):
        if self.kind not in OUTPUT_KINDS:
            raise ValueError(f"column {self.key}: unknown kind {self.kind!r}")
        _check_text(self.label, f"column {self.key}.label")

    def spec(self) -> dict:
        return {"key": self.key, "label": dict(self.label), "kind": self.kind}


@dataclass(frozen=True)
class Table:
    """A table of rows: ``result[key]`` is a list of dicts with the column keys."""

    key: str
    columns: tuple
    caption: dict

    def __post_init__(self):
        _check_text(self.caption, f"table {self.key}.caption")
        if not self.columns or not all(isinstance(c, Column) for c in self.columns):
            raise ValueError(f"table {self.key}: columns must be Column objects")

    def spec(self) -> dict:
        return {"key": self.key, "columns": [c.spec() for c in self.columns], "caption": dict(self.caption)}


@dataclass(frozen=True)
class Chart:
    """A chart drawn from rows ``result[source]``: x column and (column, label) series."""

    kind: str
    source: str
    x: str
    series: tuple
    title: dict

    def __post_init__(self):
        if self.kind not in ("line", "bar"):
            raise ValueError(f"chart kind {self.kind!r}")
        _check_text(self.title, "chart.title")
        for s in self.series:
            if not (isinstance(s, tuple) and len(s) == 2 and isinstance(s[0], str)):
                raise ValueError("chart series are (column_key, label) pairs")
            _check_text(s[1], f"chart series {s[0]}")

    def spec(self) -> dict:
        return {
            "kind": self.kind,
            "source": self.source,
            "x": self.x,
            "series": [{"key": k, "label": dict(lab)} for k, lab in self.series],
            "title": dict(self.title),
        }


@dataclass(frozen=True)
class Calculator:
    """A calculator: its form, its outputs and the function that computes them."""

    name: str
    title: dict
    question: dict
    fields: tuple
    outputs: tuple
    compute: Callable[[dict], dict]
    table: Table | None = None
    chart: Chart | None = None
    explain: Callable[[dict, dict, str], str] | None = None
    conventions: dict = _dc_field(default_factory=lambda: {"zh": "", "en": ""})
    references: tuple = ()
    # Optional: rewrites raw inputs before parsing (e.g. alias keys a form does not use).
    prepare: Callable[[object], object] | None = None
    # Optional: ``render_html(result, lang)`` replaces the standard result block (the kit's
    # documents); it must keep the page contract (``data-output``/``data-value`` on figures).
    render_html: Callable[[dict, str], str] | None = None
    # Optional: the form shows each example as hint text (placeholder), never as a value the
    # reader could overlook (the kit writes documents the reader signs).
    examples_as_placeholders: bool = False
    # Optional: ``calendar(result, lang, inputs)`` gives the plan's due dates as iCalendar text
    # (:mod:`calculators.plan_calendar`), or "" when there are no dates to give.
    calendar: Callable[[dict, str, dict], str] | None = None

    def __post_init__(self):
        if not isinstance(self.name, str) or not _NAME_RE.match(self.name):
            raise ValueError(f"bad calculator name {self.name!r}")
        _check_text(self.title, f"{self.name}.title")
        _check_text(self.question, f"{self.name}.question")
        if not all(isinstance(f, Field) for f in self.fields):
            raise ValueError(f"{self.name}: fields must be Field objects")
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate field names")
        if not self.outputs or not all(isinstance(o, Output) for o in self.outputs):
            raise ValueError(f"{self.name}: outputs must be Output objects")
        keys = [o.key for o in self.outputs]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.name}: duplicate output keys")
        if not callable(self.compute):
            raise ValueError(f"{self.name}: compute must be callable")
        for r in self.references:
            if not (isinstance(r, dict) and r.get("zh") and r.get("en")):
                raise ValueError(f"{self.name}: references are dicts with zh, en and url")

    def spec(self) -> dict:
        """JSON-able description of the whole calculator (form and outputs)."""
        return spec_of(self)

    def example_inputs(self) -> dict:
        """The worked example as :func:`run_calculator` inputs (what the prefilled form means).

        For tests, benchmarks and the build; ``run`` itself never falls back on these.
        """
        out = {}
        for f in self.fields:
            if f.example is None:
                continue
            out[f.name] = [dict(r) for r in f.example] if isinstance(f.example, (list, tuple)) else f.example
        return out


def _jsonable(v):
    """Make a spec value JSON-serialisable (Decimal/date -> str, tuples -> lists)."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, Decimal):
        return _plain(v) if v.is_finite() else None
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return str(v)


def spec_of(calc: Calculator) -> dict:
    """JSON-able description of ``calc``: fields, outputs, table, chart, texts."""
    return {
        "name": calc.name,
        "title": dict(calc.title),
        "question": dict(calc.question),
        "fields": [f.spec() for f in calc.fields],
        "outputs": [o.spec() for o in calc.outputs],
        "table": calc.table.spec() if calc.table else None,
        "chart": calc.chart.spec() if calc.chart else None,
        "conventions": _jsonable(calc.conventions),
        "references": _jsonable(list(calc.references)),
    }
