"""Core of the calculators: form fields, parsing at the boundary, and ``run``/``spec``.

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

What ``compute`` receives, by ``Field.kind``:

========  =====================================================================
money     ``Decimal`` yuan, at most 2 decimal places ("1,000" "¥1000" "1000元"
          "1万" accepted; more than 2 decimals is an error ``too_precise``)
rate      ``Decimal`` fraction: "0.0075" and "0.75%" both give 0.0075
          ("‰" divides by 1000). A ``percent=True`` field is *shown* in %: the
          form sends the reader's text with "%" appended.
decimal   ``Decimal`` (a trailing "%" divides by 100 here too)
integer   ``int`` ("12", 12, 12.0 are fine; 12.5 is ``not_integer``)
choice    ``str``, one of the values in ``choices``
date      ``datetime.date`` ("2026-11-29", "2026/11/29", "2026.11.29",
          "2026年11月29日")
text      ``str`` (stripped, NFC-normalised so full-width punctuation stays, at
          most ``max_length`` chars)
list      ``list`` of ``dict`` rows parsed with the sub-fields in ``items``;
          errors are reported as ``"<list>.<row>.<item>"`` (row from 0)
========  =====================================================================

Examples versus blank (the field contract)
------------------------------------------
An example is not a default. Each field says two separate things:

``example``
    What the form is prefilled with (a text, or for a list field a list of row dicts), so a
    page shows a worked result before any script runs. Only :mod:`calculators.render` reads
    it; :func:`run_calculator` never does.
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

Helpers for authors: :func:`t` (``t("元", "yuan")`` -> ``{"zh":..,"en":..}``),
unit dicts :data:`YUAN` :data:`PERCENT` :data:`PERIODS` :data:`DAYS`
:data:`MONTHS`, :func:`money` (ROUND_HALF_UP to the fen), :func:`rate`
(ROUND_HALF_UP to 1e-6), and :func:`fmt_yuan` / :func:`fmt_pct` for
``explain`` sentences.

Conventions
-----------
Money is never a float: a float input becomes ``Decimal(repr(x))`` at the
boundary, rounded half-up to 12 decimal places (so ``0.0358 / 12`` from a script is
accepted as 0.002983333333, while a *typed* number with more places is ``too_precise``), strings become ``Decimal`` directly after normalisation (NFKC, so
full-width digits and punctuation work; thousands separators only in proper
groups of three). ``bool`` is not a number. NaN and infinity are errors.

Examples
--------
>>> from decimal import Decimal
>>> f = Field("amount_yuan", "money", t("金额", "Amount"), unit=YUAN, minimum="0")
>>> parse_inputs((f,), {"amount_yuan": "¥1,234.5"})
({'amount_yuan': Decimal('1234.5')}, [])
>>> _, errors = parse_inputs((f,), {"amount_yuan": "1,00"})
>>> errors[0]["code"], errors[0]["message"]["en"]
('not_a_number', 'Amount: enter a number, e.g. 10000.')
>>> parse_inputs((Field("r", "rate", t("利率", "Rate"), percent=True),), {"r": "0.75%"})
({'r': Decimal('0.0075')}, [])
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
import unicodedata
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
    "parse_inputs",
    "form_to_inputs",
    "flat_key",
    "parse_flat_key",
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

FIELD_KINDS = ("money", "rate", "decimal", "integer", "choice", "date", "text", "list")
OUTPUT_KINDS = ("money", "rate", "count", "days", "date", "text")

FEN = Decimal("0.01")
_MICRO = Decimal("0.000001")
#: Absolute cap on any parsed number (absurd sizes are errors, not slow maths).
_HARD_MAX = Decimal(10) ** 15
#: Longest numeric string accepted at all (before any parsing work).
_MAX_NUMBER_CHARS = 64
#: Most decimal places accepted for rate/decimal fields (after % scaling).
_MAX_PLACES = 12


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
    """One form field (see the module docstring for what each kind parses to)."""

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


# --------------------------------------------------------------------------------------
# Parsing at the boundary
# --------------------------------------------------------------------------------------

_PLAIN_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
_DATE_RES = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
)
_MIN_DATE = datetime.date(1900, 1, 1)
_MAX_DATE = datetime.date(2200, 12, 31)


class _Bad(Exception):
    def __init__(self, code: str, zh: str, en: str):
        super().__init__(code)
        self.code, self.zh, self.en = code, zh, en


def _is_empty(v) -> bool:
    if v is None or type(v).__name__ in ("JsNull", "JsUndefined"):
        return True
    return isinstance(v, str) and not v.strip()


_EXAMPLE = {"money": "10000", "rate": "0.75%", "decimal": "1.5", "integer": "12"}


def _not_a_number(kind: str) -> _Bad:
    ex = _EXAMPLE.get(kind, "10")
    return _Bad("not_a_number", f"请输入数字，例如 {ex}。", f"enter a number, e.g. {ex}.")


def _places(d: Decimal) -> int:
    """Decimal places of ``d`` as written (``Decimal("1.50")`` has 2); 0 for NaN and infinity."""
    exponent = d.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _to_decimal(v, kind: str) -> Decimal:
    """JSON-like value -> finite Decimal in the parsed unit, or raise _Bad."""
    if isinstance(v, bool):
        raise _not_a_number(kind)
    if isinstance(v, int):
        if abs(v) >= _HARD_MAX:
            raise _Bad("too_large", "数字太大。", "the number is too large.")
        return Decimal(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise _Bad("not_finite", "请输入一个有限的数字。", "enter a finite number.")
        d = Decimal(repr(v))
        if _places(d) > _MAX_PLACES:
            # Binary noise (0.0358 / 12 sent from a script): round to the documented precision
            # instead of calling the reader's number "too precise". Strings stay strict.
            d = d.quantize(Decimal(1).scaleb(-_MAX_PLACES), rounding=decimal.ROUND_HALF_UP)
    elif isinstance(v, Decimal):
        if not v.is_finite():
            raise _Bad("not_finite", "请输入一个有限的数字。", "enter a finite number.")
        d = v
    elif isinstance(v, str):
        d = _parse_number_text(v, kind)
    else:
        raise _not_a_number(kind)
    if abs(d) >= _HARD_MAX:
        raise _Bad("too_large", "数字太大。", "the number is too large.")
    return d


def _parse_number_text(s: str, kind: str) -> Decimal:
    if len(s) > _MAX_NUMBER_CHARS:
        raise _Bad("too_long", "输入太长。", "the text is too long.")
    s = unicodedata.normalize("NFKC", s).strip()
    s = s.replace("\u2212", "-")  # the Unicode minus sign
    lower = s.lower()
    if lower in ("nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"):
        raise _Bad("not_finite", "请输入一个有限的数字。", "enter a finite number.")
    scale = Decimal(1)
    if kind == "money":
        if s[:1] == "¥":
            s = s[1:].lstrip()
        if s.endswith("元"):
            s = s[:-1].rstrip()
        if s.endswith("万"):
            s = s[:-1].rstrip()
            scale = Decimal(10000)
    elif kind in ("rate", "decimal"):
        if s.endswith("%"):
            s = s[:-1].rstrip()
            scale = Decimal("0.01")
        elif s.endswith("‰"):
            s = s[:-1].rstrip()
            scale = Decimal("0.001")
    if _GROUPED_RE.match(s):
        s = s.replace(",", "")
    elif not _PLAIN_RE.match(s):
        raise _not_a_number(kind)
    try:
        d = Decimal(s)
    except decimal.InvalidOperation:  # pragma: no cover - the regexes exclude this
        raise _not_a_number(kind) from None
    if abs(d) >= _HARD_MAX:
        raise _Bad("too_large", "数字太大。", "the number is too large.")
    return d * scale


def _bound_text(f: Field, b: Decimal) -> tuple[str, str]:
    if f.percent:
        txt = _plain(b * 100) + "%"
        return txt, txt
    txt = _plain(b)
    if f.unit and f.unit.get("zh") not in (None, "%"):
        en_unit = f.unit["en"]
        if txt == "1" and en_unit.endswith("s"):
            en_unit = en_unit[:-1]  # "1 period", not "1 periods"
        return f"{txt} {f.unit['zh']}", f"{txt} {en_unit}"
    return txt, txt


def _parse_number(f: Field, v):
    d = _to_decimal(v, f.kind)
    if f.kind == "integer":
        if d != d.to_integral_value():
            raise _Bad("not_integer", "请输入整数。", "enter a whole number.")
        d = d.to_integral_value()
    elif f.kind == "money":
        if d != d.quantize(FEN, rounding=decimal.ROUND_DOWN):
            raise _Bad("too_precise", "最多两位小数（精确到分）。", "use at most 2 decimal places (fen).")
    else:
        if _places(d) > _MAX_PLACES and d != d.quantize(Decimal(1).scaleb(-_MAX_PLACES), rounding=decimal.ROUND_DOWN):
            raise _Bad("too_precise", "小数位太多。", "too many decimal places.")
    if f.minimum is not None and d < Decimal(f.minimum):
        zh, en = _bound_text(f, Decimal(f.minimum))
        raise _Bad("too_small", f"不能小于 {zh}。", f"must be at least {en}.")
    if f.maximum is not None and d > Decimal(f.maximum):
        zh, en = _bound_text(f, Decimal(f.maximum))
        raise _Bad("too_large", f"不能大于 {zh}。", f"must be at most {en}.")
    if f.kind == "integer":
        return int(d)
    if d == 0:
        d = abs(d)  # no "-0"
    return d


def _parse_date(f: Field, v) -> datetime.date:
    bad = _Bad("bad_date", "请输入日期，例如 2026-11-29。", "enter a date such as 2026-11-29.")
    if isinstance(v, datetime.datetime):
        d = v.date()
    elif isinstance(v, datetime.date):
        d = v
    elif isinstance(v, str):
        if len(v) > _MAX_NUMBER_CHARS:
            raise bad
        s = unicodedata.normalize("NFKC", v).strip()
        for rx in _DATE_RES:
            m = rx.match(s)
            if m:
                try:
                    d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    raise bad from None
                break
        else:
            raise bad
    else:
        raise bad
    lo = datetime.date.fromisoformat(f.minimum) if f.minimum else _MIN_DATE
    hi = datetime.date.fromisoformat(f.maximum) if f.maximum else _MAX_DATE
    if d < lo:
        raise _Bad("too_small", f"日期不能早于 {lo.isoformat()}。", f"must not be before {lo.isoformat()}.")
    if d > hi:
        raise _Bad("too_large", f"日期不能晚于 {hi.isoformat()}。", f"must not be after {hi.isoformat()}.")
    return d


def _parse_choice(f: Field, v) -> str:
    allowed = [c[0] for c in f.choices]
    if isinstance(v, str) and len(v) <= 200:
        s = unicodedata.normalize("NFKC", v).strip()
        if s in allowed:
            return s
    zh_opts = "、".join(c[1]["zh"] for c in f.choices)
    en_opts = ", ".join(c[1]["en"] for c in f.choices)
    raise _Bad("bad_choice", f"请从以下选项中选择：{zh_opts}。", f"choose one of: {en_opts}.")


def _parse_text(f: Field, v) -> str:
    if not isinstance(v, str):
        raise _Bad("not_text", "请输入文字。", "enter text.")
    if len(v) > 4 * f.max_length + 64:
        raise _Bad("too_long", f"最多 {f.max_length} 个字符。", f"at most {f.max_length} characters.")
    # NFC, not NFKC: the reader's Chinese punctuation (，（）) must survive into letters.
    s = unicodedata.normalize("NFC", v).strip()
    if len(s) > f.max_length:
        raise _Bad("too_long", f"最多 {f.max_length} 个字符。", f"at most {f.max_length} characters.")
    return s


def _parse_scalar(f: Field, v):
    if f.kind in ("money", "rate", "decimal", "integer"):
        return _parse_number(f, v)
    if f.kind == "date":
        return _parse_date(f, v)
    if f.kind == "choice":
        return _parse_choice(f, v)
    if f.kind == "text":
        return _parse_text(f, v)
    raise AssertionError(f.kind)  # pragma: no cover


def _where(path: tuple) -> tuple[str, str]:
    """Prefix for messages about a list row: ("第 2 行，", "row 2, ")."""
    if not path:
        return "", ""
    (lst, row) = path
    return f"{lst['zh']}第 {row + 1} 行，", f"{lst['en']}, row {row + 1}: "


def _field_error(f: Field, name: str, bad: _Bad, path: tuple = ()) -> dict:
    pz, pe = _where(path)
    return _error(name, bad.code, f"{pz}{f.label['zh']}：{bad.zh}", f"{pe}{f.label['en']}: {bad.en}")


def _required(kind: str) -> _Bad:
    if kind == "list":
        return _Bad("required", "请至少填写一行。", "add at least one row.")
    if kind == "choice":
        return _Bad("required", "请选择一项。", "choose an option.")
    return _Bad("required", "必须填写。", "this is required.")


def _parse_field(f: Field, present: bool, v, name: str, errors: list, path: tuple = ()):
    """Parse one field; append errors; return the value (or None on error).

    Blank and absent are the same (see "Examples versus blank").
    """
    empty = not present or _is_empty(v) or (f.kind == "list" and isinstance(v, (list, tuple)) and not v)
    if empty:
        if f.required:
            errors.append(_field_error(f, name, _required(f.kind), path))
            return [] if f.kind == "list" and not present else None
        elif f.blank is None:
            return [] if f.kind == "list" else None
        else:
            v = f.blank
    if f.kind == "list":
        return _parse_list(f, v, name, errors)
    try:
        return _parse_scalar(f, v)
    except _Bad as bad:
        errors.append(_field_error(f, name, bad, path))
        return None


def _parse_list(f: Field, v, name: str, errors: list):
    if not isinstance(v, (list, tuple)):
        errors.append(_field_error(f, name, _Bad("not_a_list", "格式不对，应为若干行。", "expected a list of rows.")))
        return None
    if len(v) > f.max_items:
        errors.append(
            _field_error(
                f,
                name,
                _Bad("too_many_items", f"最多 {f.max_items} 行。", f"at most {f.max_items} rows."),
            )
        )
        return None
    rows = []
    for i, row in enumerate(v):
        rname = f"{name}.{i}"
        if not isinstance(row, dict):
            errors.append(
                _field_error(f, rname, _Bad("not_an_object", f"第 {i + 1} 行格式不对。", f"row {i + 1} is malformed."))
            )
            continue
        parsed = {}
        for item in f.items:
            present = item.name in row
            parsed[item.name] = _parse_field(
                item, present, row.get(item.name), f"{rname}.{item.name}", errors, (f.label, i)
            )
        rows.append(parsed)
    return rows


def parse_inputs(fields, inputs) -> tuple[dict, list]:
    """Parse ``inputs`` against ``fields``; return ``(values, errors)``.

    Never raises for any ``inputs``; unknown keys are ignored.
    """
    if not isinstance(inputs, dict):
        return {}, [standard_error("bad_inputs")]
    values: dict = {}
    errors: list = []
    for f in fields:
        present = f.name in inputs
        values[f.name] = _parse_field(f, present, inputs.get(f.name), f.name, errors)
    return values, errors


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


# --------------------------------------------------------------------------------------
# The page's flat form
# --------------------------------------------------------------------------------------

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
