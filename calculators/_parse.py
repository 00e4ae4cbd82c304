"""Parsing at the boundary: the reader's inputs -> the values ``compute`` receives.

:func:`parse_inputs` parses a dict of JSON-like values (str, int, float, None, lists,
dicts) field by field against a calculator's :class:`~calculators._spec.Field` tuple. Every
field error is collected, in both languages; nothing raises. Blank and absent mean the same
(see "Examples versus blank" in :mod:`calculators._spec`).

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

Conventions
-----------
Money is never a float: a float input becomes ``Decimal(repr(x))`` at the
boundary, rounded half-up to 12 decimal places (so ``0.0358 / 12`` from a script is
accepted as 0.002983333333, while a *typed* number with more places is ``too_precise``),
strings become ``Decimal`` directly after normalisation (NFKC, so
full-width digits and punctuation work; thousands separators only in proper
groups of three). ``bool`` is not a number. NaN and infinity are errors.

Examples
--------
>>> from decimal import Decimal
>>> from calculators._spec import YUAN, Field, t
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
from decimal import Decimal

from calculators._spec import FEN, Field, _plain, error, standard_error

__all__ = ["parse_inputs"]

#: Absolute cap on any parsed number (absurd sizes are errors, not slow maths).
_HARD_MAX = Decimal(10) ** 15
#: Longest numeric string accepted at all (before any parsing work).
_MAX_NUMBER_CHARS = 64
#: Most decimal places accepted for rate/decimal fields (after % scaling).
_MAX_PLACES = 12

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
    return error(name, bad.code, f"{pz}{f.label['zh']}：{bad.zh}", f"{pe}{f.label['en']}: {bad.en}")


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
