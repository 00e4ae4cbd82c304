"""HTML for the calculator widgets: the form, the result, and the widget around them.

The same functions run at build time (CPython, from the ``calculator`` macro, to put a real
result into the page before any script) and in the browser (Pyodide, through
:mod:`calculators.web`), so the page's first paint and every live update are the same HTML.

Conventions
-----------
- Everything shown comes from a calculator's metadata (:class:`calculators._spec.Calculator`)
  in the page's language (``"zh"`` or ``"en"``); every text is HTML-escaped.
- The page contract used by the runtime and the browser tests (keep it stable): the widget root
  carries ``data-calculator="<run name>"`` and ``data-state`` (``static`` until a script takes
  over); each input has ``name="<field>"`` (list rows ``debts.0.balance``); each output element
  has ``data-output="<key>"`` and ``data-value="<machine-readable value>"`` (money and rates as
  plain decimal strings, rates as fractions).
- Forms are prefilled with each field's ``example`` (never what a blank means; see
  :mod:`calculators._spec`). Percent fields (``Field.percent``) are shown in percent: an example of ``"0.0075"`` is
  prefilled as ``0.75`` and :func:`calculators.forms.form_to_inputs` appends ``%`` to what the reader types.
- Charts are inline SVG built with :class:`~decimal.Decimal` arithmetic (no float, no script):
  presentation attributes and CSS classes only, so they print and work with scripts off.
- Standard library only; valid on Python 3.11 (build) and 3.14 (Pyodide).

>>> from calculators import render
>>> render.percent_text("0.0075")
'0.75'
>>> render.field_id("installment_apr", "debts.0.balance")
'calc-installment_apr-debts-0-balance'
"""

from __future__ import annotations

import datetime
import hashlib
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext
from functools import lru_cache
from html import escape

import calculators
from calculators import csv_export, fmt
from calculators._core import _internal
from calculators._parse import parse_inputs
from calculators.forms import form_to_inputs, parse_flat_key

__all__ = [
    "render_form",
    "render_result",
    "render_widget",
    "render_error",
    "result_csv",
    "announce_text",
    "result_key",
    "form_defaults",
    "percent_text",
    "field_id",
    "UI",
]

LANGS = ("zh", "en")

#: Interface texts that do not belong to any one calculator.
UI = {
    "inputs": {"zh": "输入", "en": "Inputs"},
    "result": {"zh": "计算结果", "en": "Result"},
    "range": {"zh": "范围", "en": "Range"},
    "at_least": {"zh": "不小于", "en": "At least"},
    "at_most": {"zh": "不大于", "en": "At most"},
    "optional": {"zh": "（选填）", "en": " (optional)"},
    "example_hint": {"zh": "例：{v}", "en": "e.g. {v}"},
    "choose": {"zh": "请选择", "en": "Choose"},
    "row": {"zh": "第 {n} 行", "en": "Row {n}"},
    "add_row": {"zh": "添加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除", "en": "Remove"},
    "rows": {"zh": "{n} 行", "en": "{n} rows"},
    "loading": {
        "zh": "正在加载计算引擎，下面先显示示例结果……",
        "en": "Loading the calculator engine; the example result stays below meanwhile…",
    },
    "loading_stale": {
        "zh": "正在加载计算引擎，加载后按你的数字重新计算……",
        "en": "Loading the calculator engine; your numbers will be computed once it is ready…",
    },
    "ready": {
        "zh": "实时计算已就绪：改动数字，结果随之更新。",
        "en": "Live calculation is ready: change a number and the result follows.",
    },
    "savedata": {
        "zh": "已开启省流量模式：开始修改数字时才加载计算引擎（约 6 MB）。",
        "en": "Data saver is on: the calculator engine (about 6 MB) loads when you start editing.",
    },
    "fallback": {
        "zh": "这个浏览器无法在页面里实时计算（需要较新的浏览器，例如 Chrome 95、Safari 16.4 或更新版本）。下面是示例数字的计算结果。",
        "en": "This browser cannot run the live calculation (it needs a newer browser such as Chrome 95 or Safari 16.4 or later). The result below is for the example numbers.",
    },
    "fallback_wechat": {
        "zh": "微信内置浏览器无法在这里实时计算：请点右上角「…」，选择「在浏览器打开」。下面是示例数字的计算结果。",
        "en": "WeChat's built-in browser cannot run the live calculation here: tap “…” at the top right and choose “Open in browser”. The result below is for the example numbers.",
    },
    "retry": {"zh": "重试", "en": "Try again"},
    "stale": {
        "zh": "输入有误，下面仍是上一次有效输入的结果。",
        "en": "Some input is invalid; the result below is still for the last valid input.",
    },
    "share": {"zh": "复制链接", "en": "Copy link"},
    "copied": {
        "zh": "链接已复制。链接里带着你的数字（只在“#”之后，不会发送给服务器）。",
        "en": "Link copied. It carries your numbers after the “#”, which is never sent to a server.",
    },
    "copy_failed": {
        "zh": "无法自动复制，请复制地址栏中的链接。",
        "en": "Could not copy automatically; copy the link from the address bar.",
    },
    "csv": {"zh": "下载明细（CSV）", "en": "Download schedule (CSV)"},
    "ics": {"zh": "下载还款日历（.ics）", "en": "Download payment calendar (.ics)"},
    "print": {"zh": "打印", "en": "Print"},
    "invalid": {"zh": "输入有误：", "en": "Invalid input: "},
    "conventions": {"zh": "计算口径：", "en": "How it is calculated: "},
    "chart_from_to": {"zh": "{series}：从 {first} 到 {last}。", "en": "{series}: from {first} to {last}."},
    "rows_shown": {
        "zh": "表中显示前 {shown} 行，共 {total} 行；下载 CSV 可得到全部。",
        "en": "The table shows the first {shown} of {total} rows; download the CSV for all of them.",
    },
    "no_result": {"zh": "没有结果。", "en": "No result."},
}

#: Most table rows put into the page (the CSV always has all of them).
MAX_TABLE_ROWS = 400
#: Most points drawn per chart series (longer series are thinned evenly, keeping the last).
MAX_CHART_POINTS = 240


def _t(text: dict | None, lang: str) -> str:
    """The ``lang`` text of a bilingual dict (empty for None)."""
    if not text:
        return ""
    return text.get(lang) or text.get("zh") or ""


def _ui(key: str, lang: str, **kw) -> str:
    s = UI[key][lang]
    return s.format(**kw) if kw else s


def _lang(lang) -> str:
    return lang if lang in LANGS else "zh"


def field_id(calc_name: str, field_name: str) -> str:
    """The HTML id of a form control: dots (list rows) become hyphens."""
    return "calc-" + calc_name + "-" + re.sub(r"[^A-Za-z0-9_-]", "-", field_name)


def _dec(value) -> Decimal | None:
    """A Decimal from a JSON-ish value (strings, ints, Decimal); None when it is not a number."""
    if type(value) is Decimal:  # the common case, on every table cell
        return value if value.is_finite() else None
    if type(value) is int:  # chart x values (months)
        return Decimal(value)
    if value is None or isinstance(value, bool) or isinstance(value, float):
        return None
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _plain(d: Decimal) -> str:
    """Decimal as plain text without exponent or trailing zeros."""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    return s


def percent_text(value) -> str:
    """A rate default (a fraction, or text ending in ``%``) as the percent number to prefill.

    >>> percent_text("0.006"), percent_text("0.75%"), percent_text(None)
    ('0.6', '0.75', '')
    """
    if value is None:
        return ""
    s = str(value).strip()
    if s.endswith("%"):
        return s[:-1].strip()
    d = _dec(s)
    return _plain(d * 100) if d is not None else s


def _default_text(f, value=None) -> str:
    """The text prefilled in a control for field ``f`` (its example unless ``value`` is given)."""
    v = f.example if value is None else value
    if v is None:
        return ""
    if f.percent and value is None:
        return percent_text(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return _plain(v)
    return str(v)


def form_defaults(name: str) -> dict:
    """The flat form a reader sees before typing: ``{"principal": "10000", "debts.0.balance": ...}``.

    These are the fields' worked examples as texts in the controls (percent fields in percent),
    i.e. what the browser sends before the reader types anything.
    """
    calc = calculators.get(name)
    out = {}
    for f in calc.fields:
        if f.kind == "list":
            for i, row in enumerate(_list_rows(f)):
                for item in f.items:
                    out[f"{f.name}.{i}.{item.name}"] = _row_text(item, row)
        else:
            out[f.name] = _default_text(f)
    return out


def _list_rows(f) -> list:
    rows = f.example if isinstance(f.example, (list, tuple)) else []
    return [r for r in rows if isinstance(r, dict)] or ([{}] if f.required else [])


def _row_text(item, row: dict) -> str:
    if item.name in row and row[item.name] is not None:
        v = row[item.name]
        return percent_text(v) if item.percent else _default_text(item, v)
    return _default_text(item)


# --------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------


def _bounds_text(f, lang: str) -> str:
    """``范围 0–1,000,000 元`` from the field's inclusive bounds (in the shown unit)."""
    if f.kind == "date" or (f.minimum is None and f.maximum is None):
        return ""

    def shown(b: str) -> str:
        d = Decimal(b)
        if f.percent:
            return _plain(d * 100)
        if f.kind in ("money", "integer") and d == d.to_integral_value() and abs(d) >= 10000:
            return fmt.number(d, 0)
        return _plain(d)

    unit = _t(f.unit, lang) if f.unit else ("%" if f.percent else "")
    sep = "" if unit == "%" else " "
    suffix = f"{sep}{unit}" if unit else ""
    lo = shown(f.minimum) if f.minimum is not None else None
    hi = shown(f.maximum) if f.maximum is not None else None
    if lo is not None and hi is not None:
        return f"{_ui('range', lang)} {lo}–{hi}{suffix}"
    if lo is not None:
        return f"{_ui('at_least', lang)} {lo}{suffix}"
    return f"{_ui('at_most', lang)} {hi}{suffix}"


def _control(calc_name: str, f, name: str, text: str, lang: str, described: str, hint: str | None = None) -> str:
    """One control; with ``hint`` (examples as placeholders) the example is hint text, not a value."""
    fid = field_id(calc_name, name)
    common = f'id="{fid}" name="{escape(name)}" aria-describedby="{described}"'
    if f.required:
        common += ' aria-required="true"'
    if hint is not None and f.kind not in ("choice", "date") and hint:
        common += f' placeholder="{escape(_ui("example_hint", lang, v=hint))}"'
    if f.kind == "choice":
        opts = []
        if text not in [c[0] for c in f.choices]:
            # No example and no blank choice (e.g. a new row's rate period): the reader picks.
            opts.append(f'<option value="" selected>{escape(_ui("choose", lang))}</option>')
        for value, label in f.choices:
            sel = " selected" if value == text else ""
            opts.append(f'<option value="{escape(value)}"{sel}>{escape(_t(label, lang))}</option>')
        return f"<select {common}>{''.join(opts)}</select>"
    if f.kind == "date":
        return f'<input {common} type="date" value="{escape(text)}" autocomplete="off">'
    if f.kind == "text":
        return f'<input {common} type="text" value="{escape(text)}" maxlength="{int(f.max_length)}" autocomplete="off">'
    mode = "numeric" if f.kind == "integer" else "decimal"
    return (
        f'<input {common} type="text" inputmode="{mode}" value="{escape(text)}" autocomplete="off"'
        ' autocorrect="off" spellcheck="false" enterkeyhint="done">'
    )


def _field_html(calc_name: str, f, name: str, text: str, lang: str, hint: str | None = None) -> str:
    fid = field_id(calc_name, name)
    help_parts = [p for p in (_t(f.help, lang), _bounds_text(f, lang)) if p]
    help_html = ""
    described = f"{fid}-err"
    if help_parts:
        help_text = help_parts[0]
        for part in help_parts[1:]:
            if help_text.rstrip()[-1:] in "。！？；.!?;":
                help_text += ("" if lang == "zh" else " ") + part + ("。" if lang == "zh" else ".")
            else:
                help_text += ("；" if lang == "zh" else "; ") + part
        help_html = f'<p class="calc-help" id="{fid}-help">{escape(help_text)}</p>'
        described = f"{fid}-help {fid}-err"
    unit = _t(f.unit, lang) if f.unit else ("%" if f.percent else "")
    unit_html = f'<span class="calc-unit" aria-hidden="true">{escape(unit)}</span>' if unit else ""
    label = escape(_t(f.label, lang))
    # The unit is part of the accessible name (the visible unit is aria-hidden).
    sr_unit = (
        f'<span class="calc-sr">（{escape(unit)}）</span>'
        if unit and lang == "zh"
        else (f'<span class="calc-sr"> ({escape(unit)})</span>' if unit else "")
    )
    # A choice with a blank value always has one selected: "optional" would only confuse.
    optional = (
        ""
        if f.required or f.kind == "choice"
        else f'<span class="calc-optional">{escape(_ui("optional", lang))}</span>'
    )
    return (
        f'<div class="calc-field calc-kind-{f.kind}" data-field="{escape(name)}">'
        f'<label for="{fid}">{label}{sr_unit}{optional}</label>'
        f'<div class="calc-control">{_control(calc_name, f, name, text, lang, described, hint)}{unit_html}</div>'
        f"{help_html}"
        f'<p class="calc-error" id="{fid}-err" hidden></p>'
        "</div>"
    )


def _row_html(calc_name: str, f, index, number, texts: dict, lang: str, hints: dict | None = None) -> str:
    """One row of a list field; ``index``/``number`` may be the template placeholders."""
    items = "".join(
        _field_html(
            calc_name,
            item,
            f"{f.name}.{index}.{item.name}",
            texts.get(item.name, ""),
            lang,
            None if hints is None else hints.get(item.name, ""),
        )
        for item in f.items
    )
    row_label = escape(_ui("row", lang, n="\x00")).replace("\x00", f'<span class="calc-row-num">{number}</span>')
    list_label = escape(_t(f.label, lang))
    remove = (
        f'<button type="button" class="calc-button calc-row-remove" data-action="remove-row" hidden>'
        f'{escape(_ui("remove_row", lang))}<span class="calc-sr"> {list_label} {row_label}</span></button>'
    )
    return (
        f'<fieldset class="calc-row" data-row="{index}"><legend>{list_label} · {row_label}</legend>'
        f'<div class="calc-row-fields">{items}</div>{remove}</fieldset>'
    )


def _list_html(calc_name: str, f, rows: list, lang: str, hints: dict | None = None) -> str:
    fid = field_id(calc_name, f.name)
    help_text = _t(f.help, lang)
    help_html = f'<p class="calc-help" id="{fid}-help">{escape(help_text)}</p>' if help_text else ""
    body = "".join(_row_html(calc_name, f, i, i + 1, texts, lang, hints) for i, texts in enumerate(rows))
    blank = {item.name: "" if hints is not None else _default_text(item) for item in f.items}
    template = _row_html(calc_name, f, "__i__", "__n__", blank, lang, hints)
    return (
        f'<fieldset class="calc-list" id="{fid}" data-list="{escape(f.name)}" data-max-items="{int(f.max_items)}"'
        # data-id-prefix: the rows' control ids up to the row number (field_id), for widget.js's renumber.
        f' data-min-items="{1 if f.required else 0}" data-id-prefix="{escape(field_id(calc_name, f.name + "."))}">'
        f"<legend>{escape(_t(f.label, lang))}</legend>{help_html}"
        f'<div class="calc-rows">{body}</div>'
        f'<template class="calc-row-template">{template}</template>'
        f'<button type="button" class="calc-button calc-row-add" data-action="add-row" hidden>'
        f"{escape(_ui('add_row', lang))}</button>"
        f'<p class="calc-error" id="{fid}-err" hidden></p>'
        "</fieldset>"
    )


def render_form(name: str, lang: str, values: dict | None = None) -> str:
    """The ``<form>`` for calculator ``name``, prefilled with ``values`` (flat form texts) or defaults."""
    lang = _lang(lang)
    calc = calculators.get(name)
    flat = form_defaults(name)
    hints = None
    if calc.examples_as_placeholders:
        # Empty controls (one empty row per list) with the examples as hint text.
        hints, flat = flat, {k: "" for k in flat if (parsed := parse_flat_key(k)) is None or parsed[1] == 0}
    if values:
        flat.update({k: str(v) for k, v in values.items() if isinstance(k, str)})
    parts = []
    for f in calc.fields:
        if f.kind == "list":
            rows: dict[int, dict[str, str]] = {}
            for key, text in flat.items():
                parsed = parse_flat_key(key)
                if parsed is not None and parsed[0] == f.name:
                    rows.setdefault(parsed[1], {})[parsed[2]] = text
            row_hints = None
            if hints is not None:
                row_hints = {item.name: hints.get(f"{f.name}.0.{item.name}", "") for item in f.items}
            parts.append(_list_html(name, f, [rows[i] for i in sorted(rows)], lang, row_hints))
        else:
            hint = None if hints is None else hints.get(f.name, "")
            parts.append(_field_html(name, f, f.name, flat.get(f.name, ""), lang, hint))
    return (
        f'<form class="calc-form" novalidate aria-label="{escape(_t(calc.title, lang))} · {escape(_ui("inputs", lang))}">'
        f'{"".join(parts)}<p class="calc-error calc-form-error" hidden></p></form>'
    )


# --------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------


def _machine(value) -> str:
    """The ``data-value`` of an output: plain decimal text, ISO dates, ints."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _shown(value, kind: str, lang: str, table: bool = False) -> str:
    """An output value as the reader sees it."""
    if value is None or value == "":
        return "—"
    try:
        if kind == "money":
            d = _dec(value)
            if d is None:
                return str(value)
            return fmt.number(d, 2) if table else fmt.yuan(d, lang)
        if kind == "rate":
            d = _dec(value)
            return fmt.pct(d, lang, 2) if d is not None else str(value)
        if kind == "count":
            d = _dec(value)
            return fmt.number(d, 0) if d is not None else str(value)
        if kind == "days":
            d = _dec(value)
            if d is None:
                return str(value)
            n = fmt.number(d, 0)
            if table:
                return n
            return f"{n} 天" if lang == "zh" else (f"{n} day" if d == 1 else f"{n} days")
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if isinstance(value, dict) and ("zh" in value or "en" in value):
            return _t(value, lang)
    except (InvalidOperation, TypeError, ValueError):
        pass
    return str(value)


def _table_cell(value, kind: str, lang: str) -> str:
    """A table cell's text, escaped: ``escape(_shown(value, kind, lang, table=True))``.

    Whole counts take a short way to the same text (money cells are written in :func:`_table_html`).
    """
    if type(value) is int and kind in ("count", "days"):
        return f"{value:,}"
    return escape(_shown(value, kind, lang, table=True))


def _column_header(col, lang: str) -> str:
    label = _t(col.label, lang)
    if col.kind == "money":
        return label + ("（元）" if lang == "zh" else " (¥)")
    if col.kind == "days":
        return label + ("（天）" if lang == "zh" else " (days)")
    return label


def _figures_html(calc, result: dict, lang: str) -> str:
    primary = [o for o in calc.outputs if o.primary]
    others = [o for o in calc.outputs if not o.primary]

    def item(o, cls: str) -> str:
        v = result.get(o.key)
        help_html = f'<span class="calc-figure-help">{escape(_t(o.help, lang))}</span>' if o.help else ""
        return (
            f'<div class="{cls}" data-output="{escape(o.key)}" data-value="{escape(_machine(v))}">'
            f"<dt>{escape(_t(o.label, lang))}{help_html}</dt>"
            f"<dd>{escape(_shown(v, o.kind, lang))}</dd></div>"
        )

    html = ""
    if primary:
        html += f'<dl class="calc-figures calc-figures-primary">{"".join(item(o, "calc-figure calc-figure-primary") for o in primary)}</dl>'
    if others:
        html += f'<dl class="calc-figures calc-figures-other">{"".join(item(o, "calc-figure") for o in others)}</dl>'
    return html


def _table_html(calc, result: dict, lang: str) -> str:
    table = calc.table
    if table is None:
        return ""
    rows = result.get(table.key)
    if not isinstance(rows, list) or not rows:
        return ""
    shown = rows[:MAX_TABLE_ROWS]
    head = "".join(
        f'<th scope="col" class="calc-col-{c.kind}">{escape(_column_header(c, lang))}</th>' for c in table.columns
    )
    # Up to 400 rows of several columns on every keystroke: each column's tags are made once.
    columns = [
        (
            c.key,
            c.kind,
            f'<th scope="row" class="calc-col-{c.kind}">' if j == 0 else f'<td class="calc-col-{c.kind}">',
            "</th>" if j == 0 else "</td>",
        )
        for j, c in enumerate(table.columns)
    ]
    body = []
    for row in shown:
        if not isinstance(row, dict):
            continue
        cells = ["<tr>"]
        for key, kind, open_tag, close_tag in columns:
            value = row.get(key)
            if kind == "money" and type(value) is Decimal and value.is_finite():
                text = fmt.number(value, 2)  # most cells: as _shown writes them, with nothing to escape
            else:
                text = _table_cell(value, kind, lang)
            cells += (open_tag, text, close_tag)
        cells.append("</tr>")
        body.append("".join(cells))
    note = ""
    if len(rows) > len(shown):
        note = f'<p class="calc-note">{escape(_ui("rows_shown", lang, shown=len(shown), total=len(rows)))}</p>'
    caption = escape(_t(table.caption, lang))
    count = escape(_ui("rows", lang, n=len(rows)))
    return (
        f'<details class="calc-schedule" data-table="{escape(table.key)}" data-rows="{len(rows)}">'
        f'<summary>{caption} <span class="calc-count">({count})</span></summary>'
        f'<div class="calc-table-wrap" tabindex="0" role="region" aria-label="{caption}">'
        f'<table><caption class="calc-sr">{caption}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>{note}</details>"
    )


# ---- charts (Decimal arithmetic only) -------------------------------------------------

_W, _H = 480, 260
_ML, _MR, _MT, _MB = 58, 12, 12, 40
_TENTH = Decimal("0.1")


def _q(d: Decimal) -> str:
    """A coordinate: one decimal place, without a trailing ``.0`` (as :func:`_plain` writes it)."""
    q = d.quantize(_TENTH, rounding=ROUND_HALF_UP)
    if not q:
        return "0"
    s = format(q, "f")
    return s[:-2] if s.endswith(".0") else s


def _nice_step(span: Decimal, ticks: int = 4) -> Decimal:
    """A 1/2/2.5/5 x 10^k step giving about ``ticks`` intervals over ``span``."""
    if span <= 0:
        return Decimal(1)
    raw = span / ticks
    exp = raw.adjusted()
    base = Decimal(1).scaleb(exp)
    for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if base * m >= raw:
            return base * m
    return base * 10  # pragma: no cover


def _axis_label(d: Decimal, kind: str, lang: str) -> str:
    if kind == "rate":
        return _plain((d * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + "%"
    a = abs(d)
    if lang == "zh" and a >= 10000:
        return _plain((d / 10000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + "万"
    if lang == "en" and a >= 1000000:
        return _plain((d / 1000000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + "M"
    if lang == "en" and a >= 1000:
        return _plain((d / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + "k"
    return _plain(d.quantize(Decimal(1), rounding=ROUND_HALF_UP)) if a >= 10 else _plain(d)


def _thin(points: list, limit: int) -> list:
    if len(points) <= limit:
        return points
    return [points[i] for i in _thin_indices(len(points), limit)]


@lru_cache(maxsize=64)
def _thin_indices(count: int, limit: int) -> tuple:
    """Which of ``count`` points :func:`_thin` keeps (the same for every series of a chart)."""
    step = Decimal(count - 1) / (limit - 1)
    return tuple(sorted({int((step * i).to_integral_value(rounding=ROUND_HALF_UP)) for i in range(limit)}))


def _series_kind(calc, key: str) -> str:
    for holder in ((calc.table.columns if calc.table else ()), calc.outputs):
        for c in holder:
            if c.key == key:
                return c.kind
    return "money"


def _chart_rows(calc, result: dict) -> list:
    chart = calc.chart
    rows = result.get(chart.source)
    if isinstance(rows, list):
        return [r for r in rows if isinstance(r, dict)]
    return []


@lru_cache(maxsize=64)
def _bar_slots(n: int, count: int, prec: int, rounding: str) -> tuple:
    """A bar chart's x coordinates as texts: ``(bar width, bars' x per series, groups' centres)``.

    They depend only on the number of groups ``n`` and of series ``count`` (and on the Decimal
    context, named in the key), so a chart redrawn on every keystroke works them out once.
    """
    group_w = Decimal(_W - _ML - _MR) / n
    bar_w = group_w * Decimal("0.8") / count
    bars = tuple(
        tuple(_q(Decimal(_ML) + group_w * i + group_w * Decimal("0.1") + bar_w * si) for i in range(n))
        for si in range(count)
    )
    centres = tuple(_q(Decimal(_ML) + group_w * i + group_w / 2) for i in range(n))
    return _q(bar_w), bars, centres


def _chart_html(calc, result: dict, lang: str) -> str:
    chart = calc.chart
    if chart is None:
        return ""
    rows = _chart_rows(calc, result)
    series = [(k, lab) for k, lab in chart.series]
    if not rows or not series:
        return ""
    kind = _series_kind(calc, series[0][0])
    values = []  # per series: list of (x_label, Decimal or None)
    for key, _ in series:
        values.append([(row.get(chart.x), _dec(row.get(key))) for row in rows])
    nums = [v for s in values for _, v in s if v is not None]
    if not nums:
        return ""
    lo = min(Decimal(0), min(nums))
    hi = max(Decimal(0), max(nums))
    step = _nice_step(hi - lo)
    top = (hi / step).to_integral_value(rounding="ROUND_CEILING") * step if hi > 0 else Decimal(0)
    bottom = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step if lo < 0 else Decimal(0)
    if top == bottom:
        top = bottom + step
    plot_w = Decimal(_W - _ML - _MR)
    plot_h = Decimal(_H - _MT - _MB)

    margin_top, span_y = Decimal(_MT), top - bottom

    def y_of(v: Decimal) -> Decimal:
        return margin_top + (top - v) / span_y * plot_h

    parts = []
    # Horizontal grid and y labels.
    tick = bottom
    while tick <= top:
        grid_y = _q(y_of(tick))
        parts.append(f'<line class="calc-grid" x1="{_ML}" x2="{_W - _MR}" y1="{grid_y}" y2="{grid_y}"/>')
        parts.append(
            f'<text class="calc-axis" x="{_ML - 6}" y="{grid_y}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(_axis_label(tick, kind, lang))}</text>"
        )
        tick += step
    n = len(rows)
    x_labels = [row.get(chart.x) for row in rows]
    base_y = y_of(Decimal(0))
    if chart.kind == "bar":
        ctx = getcontext()
        width, bar_xs, centre_xs = _bar_slots(n, len(series), ctx.prec, ctx.rounding)
        # A plan's bars repeat a few amounts (the same fee, the same principal): each amount's
        # y and height are worked out once.
        y_and_height: dict = {}
        for si, s in enumerate(values):
            for i, (_, v) in enumerate(s):
                if v is None:
                    continue
                texts = y_and_height.get(v)
                if texts is None:
                    y = y_of(v)
                    y0, y1 = (y, base_y) if v >= 0 else (base_y, y)
                    texts = y_and_height[v] = (_q(y0), _q(max(y1 - y0, Decimal("0.5"))))
                parts.append(
                    f'<rect class="calc-bar calc-series-{si}" x="{bar_xs[si][i]}" y="{texts[0]}" width="{width}"'
                    f' height="{texts[1]}"/>'
                )
        label_every = max(1, (n + 7) // 8)
        for i, xl in enumerate(x_labels):
            if i % label_every and i != n - 1:
                continue
            parts.append(
                f'<text class="calc-axis" x="{centre_xs[i]}" y="{_H - _MB + 16}" text-anchor="middle">'
                f"{escape(_shown(xl, 'text', lang)[:14])}</text>"
            )
    else:
        parsed_x = [_dec(x) for x in x_labels]
        numeric_xs = [xv for xv in parsed_x if xv is not None]
        numeric_x = len(numeric_xs) == len(parsed_x)
        xs = numeric_xs if numeric_x else [Decimal(i) for i in range(n)]
        x_lo, x_hi = min(xs), max(xs)
        span = (x_hi - x_lo) or Decimal(1)

        margin_left = Decimal(_ML)

        def x_of(xv: Decimal) -> Decimal:
            return margin_left + (xv - x_lo) / span * plot_w

        x_texts: dict = {}

        def x_text(i: int) -> str:
            """Point ``i``'s x coordinate, worked out once for all the series."""
            text = x_texts.get(i)
            if text is None:
                text = x_texts[i] = _q(x_of(xs[i]))
            return text

        for si, s in enumerate(values):
            # Thin before placing: only the points drawn are worked out.
            kept = _thin([(i, v) for i, (_, v) in enumerate(s) if v is not None], MAX_CHART_POINTS)
            if not kept:
                continue
            coords = " ".join(f"{x_text(i)},{_q(y_of(v))}" for i, v in kept)
            parts.append(f'<polyline class="calc-line calc-series-{si}" fill="none" points="{coords}"/>')
        # x ticks: about six, at "nice" values for numeric x, else first/last labels.
        if numeric_x:
            xstep = _nice_step(span, 6)
            if xstep < 1:
                xstep = Decimal(1)
            tx = (x_lo / xstep).to_integral_value(rounding="ROUND_CEILING") * xstep
            while tx <= x_hi:
                tick_x = _q(x_of(tx))
                parts.append(
                    f'<text class="calc-axis" x="{tick_x}" y="{_H - _MB + 16}" text-anchor="middle">{_plain(tx)}</text>'
                )
                tx += xstep
        else:
            for i, anchor in ((0, "start"), (n - 1, "end")):
                parts.append(
                    f'<text class="calc-axis" x="{_q(x_of(xs[i]))}" y="{_H - _MB + 16}" text-anchor="{anchor}">'
                    f"{escape(_shown(x_labels[i], 'text', lang))}</text>"
                )
    parts.append(f'<line class="calc-axis-line" x1="{_ML}" x2="{_W - _MR}" y1="{_q(base_y)}" y2="{_q(base_y)}"/>')
    x_name = ""
    if calc.table:
        for c in calc.table.columns:
            if c.key == chart.x:
                x_name = _t(c.label, lang)
    if x_name:
        parts.append(
            f'<text class="calc-axis calc-axis-name" x="{_W - _MR}" y="{_H - 4}" text-anchor="end">{escape(x_name)}</text>'
        )
    title = escape(_t(chart.title, lang))
    desc = " ".join(
        _ui(
            "chart_from_to",
            lang,
            series=_t(lab, lang),
            first=_shown(next((v for _, v in s if v is not None), None), kind, lang),
            last=_shown(next((v for _, v in reversed(s) if v is not None), None), kind, lang),
        )
        for (_, lab), s in zip(series, values, strict=True)
    )
    if chart.kind == "bar":
        swatch = '<rect class="calc-bar calc-series-{si}" x="4" y="0" width="16" height="12"/>'
    else:
        swatch = '<line class="calc-line calc-series-{si}" x1="0" x2="24" y1="6" y2="6"/>'
    legend = "".join(
        f'<li><svg class="calc-swatch" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">'
        f"{swatch.format(si=si)}</svg>{escape(_t(lab, lang))}</li>"
        for si, (_, lab) in enumerate(series)
    )
    cid = f"calc-{calc.name}-chart"
    return (
        f'<figure class="calc-chart calc-chart-{chart.kind}">'
        f'<figcaption id="{cid}-title">{title}</figcaption>'
        f'<svg viewBox="0 0 {_W} {_H}" role="img" aria-labelledby="{cid}-title {cid}-desc"'
        f' preserveAspectRatio="xMidYMid meet"><desc id="{cid}-desc">{escape(desc)}</desc>{"".join(parts)}</svg>'
        f'<ul class="calc-legend">{legend}</ul></figure>'
    )


def _explain_html(calc, result: dict, lang: str, inputs) -> str:
    if calc.explain is None:
        return ""
    try:
        values, errors = parse_inputs(calc.fields, inputs if isinstance(inputs, dict) else {})
        if errors:
            return ""
        text = calc.explain(values, result, lang)
    except Exception:
        return ""
    if not isinstance(text, str) or not text.strip():
        return ""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    return '<div class="calc-explain">' + "".join(f"<p>{escape(p)}</p>" for p in paras) + "</div>"


def render_result(name: str, result: dict, lang: str, inputs: dict | None = None) -> str:
    """The result block: key figures, plain-language reading, chart, schedule, conventions.

    A calculator may replace the whole block with its ``render_html(result, lang)`` hook
    (the negotiation kit does, for its documents); it must keep the page contract
    (``data-output``/``data-value`` on the figures). ``inputs`` (what was passed to :func:`calculators.run`) lets ``explain`` see the parsed
    values; without them the reading is left out.
    """
    lang = _lang(lang)
    calc = calculators.get(name)
    if not isinstance(result, dict):
        return f'<p class="calc-note">{escape(_ui("no_result", lang))}</p>'
    if calc.render_html is not None:
        return calc.render_html(result, lang)
    conv = _t(calc.conventions, lang) if isinstance(calc.conventions, dict) else ""
    conv_html = (
        f'<p class="calc-conventions"><strong>{escape(_ui("conventions", lang))}</strong>{escape(conv)}</p>'
        if conv.strip()
        else ""
    )
    return (
        _figures_html(calc, result, lang)
        + _explain_html(calc, result, lang, inputs)
        + _chart_html(calc, result, lang)
        + _table_html(calc, result, lang)
        + conv_html
    )


def render_error(errors: list, lang: str) -> str:
    """A list of run() errors as HTML (used when even the default inputs fail)."""
    lang = _lang(lang)
    items = "".join(f"<li>{escape(_t(e.get('message'), lang))}</li>" for e in errors if isinstance(e, dict))
    return f'<ul class="calc-error-list">{items}</ul>'


def result_csv(name: str, result: dict, lang: str) -> str:
    """The schedule table as CSV text for Excel: a UTF-8 BOM, headers in ``lang``, CRLF rows.

    Money is a plain number (yuan, 2 places), rates are percent text ("16.2245%"), dates ISO.
    Empty when the calculator has no table. Written by :mod:`calculators.csv_export`, so a
    name such as ``=HYPERLINK(...)`` stays text in a spreadsheet.
    """
    lang = _lang(lang)
    calc = calculators.get(name)
    table = calc.table
    if table is None or not isinstance(result, dict):
        return ""
    rows = result.get(table.key)
    if not isinstance(rows, list):
        return ""
    out_rows = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        out = []
        for c in table.columns:
            v = row.get(c.key)
            if v is None:
                out.append("")
            elif type(v) is Decimal and c.kind not in ("rate", "text"):
                # What _machine gives (format(v, "f")), the short way for most cells: str() is the
                # same text unless it uses an exponent.
                text = str(v)
                out.append(format(v, "f") if "E" in text else text)
            elif c.kind == "rate" and _dec(v) is not None:
                out.append(fmt.pct(_dec(v), lang, 4))
            elif c.kind == "text":
                out.append(_shown(v, "text", lang))
            else:
                out.append(_machine(v))
        out_rows.append(out)
    return csv_export.to_csv([_column_header(c, lang) for c in table.columns], out_rows)


def announce_text(name: str, result: dict, lang: str) -> str:
    """One short sentence for the screen-reader live region: the primary figures."""
    lang = _lang(lang)
    calc = calculators.get(name)
    outs = [o for o in calc.outputs if o.primary] or list(calc.outputs[:2])
    sep = "；" if lang == "zh" else "; "
    colon = "：" if lang == "zh" else ": "
    return sep.join(f"{_t(o.label, lang)}{colon}{_shown(result.get(o.key), o.kind, lang)}" for o in outs)


# --------------------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------------------


def result_key(html: str) -> str:
    """A short fingerprint of a result's HTML (the first 16 hex digits of its SHA-256).

    The build writes it on the server-rendered result and the worker sends it with every answer,
    so the page can tell, without comparing markup, that an answer is the result it already shows
    and skip redrawing it (a layout of the whole result on a slow phone, for nothing).

    >>> result_key("<p>1</p>") == result_key("<p>1</p>") != result_key("<p>2</p>")
    True
    >>> len(result_key(""))
    16
    """
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]


def render_widget(name: str, lang: str, urls: dict | None = None) -> str:
    """The whole widget: form, the default result (computed now), status, messages, actions.

    ``urls`` (from the build's runtime manifest, relative to the page) become ``data-*``
    attributes the browser script reads: ``runtime`` (Pyodide's folder), ``package`` (the
    calculators zip), ``worker`` (the worker script).
    """
    lang = _lang(lang)
    calc = calculators.get(name)
    defaults = form_defaults(name)
    if calc.examples_as_placeholders:  # the form starts empty: what the page sends before typing
        defaults = {k: "" for k in defaults}
    inputs = form_to_inputs(calc, defaults)
    outcome = calculators.run(name, inputs)
    if outcome.get("ok"):
        result_html = render_result(name, outcome["result"], lang, inputs)
    else:
        result_html = render_error(outcome.get("errors", []), lang)
    title = escape(_t(calc.title, lang))
    attrs = {
        "id": f"calc-{name}",
        "class": "calc",
        "data-calculator": name,
        "data-state": "static",
        "data-lang": lang,
        "aria-label": _t(calc.title, lang),
        # Keep the form and figures out of the site search. On the <section> (nothing inside is
        # a section): Material's search parser matches end tags by name, so on a <div> the
        # first nested </div> would end the exclusion.
        "data-search-exclude": "",
    }
    for key, value in (urls or {}).items():
        attrs[f"data-{key}"] = value
    for key in ("loading", "loading_stale", "ready", "savedata", "copied", "copy_failed", "invalid"):
        attrs[f"data-msg-{key.replace('_', '-')}"] = _ui(key, lang)
    # Shown when the worker could not answer at all (worker.js replies only {ok: false}).
    attrs["data-msg-internal"] = _t(_internal()["message"], lang)
    attr_html = " ".join(f'{k}="{escape(str(v))}"' for k, v in attrs.items())
    csv_button = (
        f'<button type="button" class="calc-button" data-action="csv" data-filename="{escape(name)}.csv" hidden>'
        f"{escape(_ui('csv', lang))}</button>"
        if calc.table
        else ""
    )
    ics_button = (
        f'<button type="button" class="calc-button" data-action="ics" data-filename="{escape(name)}.ics" hidden>'
        f"{escape(_ui('ics', lang))}</button>"
        if calc.calendar
        else ""
    )
    return (
        f"<section {attr_html}>"
        f'<div class="calc-status" role="status"><span class="calc-spinner" aria-hidden="true" hidden></span>'
        f'<span class="calc-status-text"></span></div>'
        f'<div class="calc-fallback" hidden><p class="calc-fallback-text" data-variant="default">{escape(_ui("fallback", lang))}</p>'
        f'<p class="calc-fallback-text" data-variant="wechat" hidden>{escape(_ui("fallback_wechat", lang))}</p>'
        f'<button type="button" class="calc-button" data-action="retry" hidden>{escape(_ui("retry", lang))}</button></div>'
        f'<div class="calc-layout">'
        f'<div class="calc-inputs">{render_form(name, lang)}</div>'
        f'<div class="calc-outputs">'
        f'<p class="calc-stale-note" hidden>{escape(_ui("stale", lang))}</p>'
        f'<div class="calc-result" data-result-key="{result_key(result_html)}" '
        f'aria-label="{title} · {escape(_ui("result", lang))}" role="region">{result_html}</div>'
        f'<div class="calc-actions">'
        f'<button type="button" class="calc-button" data-action="share" hidden>{escape(_ui("share", lang))}</button>'
        f"{csv_button}{ics_button}"
        f'<button type="button" class="calc-button" data-action="print" hidden>{escape(_ui("print", lang))}</button>'
        f"</div>"
        f'<div class="calc-live calc-sr" aria-live="polite" aria-atomic="true"></div>'
        f"</div></div></section>"
    )
