"""Helpers shared by the calculator tests (imported as ``helpers``)."""

import re
from decimal import Decimal

from hypothesis import strategies as st

import calculators


def available_names():
    return calculators.available()


def check_error_shape(e):
    """Every error: field None or str, a code, non-empty zh and en messages."""
    assert set(e) == {"field", "code", "message"}, e
    assert e["field"] is None or isinstance(e["field"], str)
    assert isinstance(e["code"], str) and e["code"]
    assert isinstance(e["message"]["zh"], str) and e["message"]["zh"].strip()
    assert isinstance(e["message"]["en"], str) and e["message"]["en"].strip()


CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_bilingual(errors):
    """At least one error, each with a Chinese message and an English one (no Chinese in it)."""
    assert errors, "expected at least one error"
    for e in errors:
        zh, en = e["message"]["zh"], e["message"]["en"]
        assert zh.strip() and en.strip()
        assert CJK.search(zh), zh
        assert not CJK.search(en), en


def check_response_shape(r):
    assert isinstance(r, dict) and r.get("ok") in (True, False), r
    if r["ok"]:
        assert isinstance(r["result"], dict)
    else:
        assert r["errors"], r
        for e in r["errors"]:
            check_error_shape(e)


def money_places_ok(calc, result):
    """All money outputs and money table cells are Decimals with at most 2 places."""
    bad = []

    def check(where, v):
        if v is None:
            return
        if not isinstance(v, Decimal) or not v.is_finite() or v.as_tuple().exponent < -2:
            bad.append((where, v))

    for o in calc.outputs:
        if o.kind == "money" and o.key in result:
            check(o.key, result[o.key])
    if calc.table is not None:
        for i, row in enumerate(result.get(calc.table.key) or []):
            for c in calc.table.columns:
                if c.kind == "money" and c.key in row:
                    check(f"{calc.table.key}.{i}.{c.key}", row[c.key])
    return bad


# -- hostile JSON-like values ---------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "1,000",
            "1,00",
            "１０００",
            "1，000",
            "¥1000",
            "1000元",
            "5万",
            "0.75%",
            "５％",
            "NaN",
            "-Infinity",
            "1e400",
            "9" * 80,
            "0x10",
            "1_000",
            "−5",
            "2026-11-29",
            "2026年2月30日",
            "per_period",
            "exact",
            "\x00",
            "%",
            "¥",
            "万",
        ]
    ),
    st.decimals(allow_nan=True, allow_infinity=True),
)
hostile = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)),
    max_leaves=12,
)


def hostile_inputs(calc):
    """Dicts whose keys are mostly the calculator's field names, with junk values."""
    names = [f.name for f in calc.fields]
    keys = st.sampled_from(names) | st.text(max_size=10)
    rows = st.lists(
        st.dictionaries(st.sampled_from([i.name for f in calc.fields for i in f.items] or ["x"]), hostile, max_size=4),
        max_size=4,
    )
    return st.dictionaries(keys, hostile | rows, max_size=len(names) + 2)


# -- valid inputs built from the field specs ------------------------------------------


def _decimal_between(lo, hi, places):
    q = Decimal(1).scaleb(-places)
    lo_i = int((lo / q).to_integral_value(rounding="ROUND_CEILING"))
    hi_i = int((hi / q).to_integral_value(rounding="ROUND_FLOOR"))
    # Mostly moderate values, sometimes the bounds themselves.
    return st.one_of(
        st.integers(min_value=lo_i, max_value=hi_i),
        st.sampled_from([lo_i, hi_i]),
    ).map(lambda i: Decimal(i) * q)


def field_strategy(f):
    lo = Decimal(f.minimum) if f.minimum is not None and f.kind != "date" else None
    hi = Decimal(f.maximum) if f.maximum is not None and f.kind != "date" else None
    if f.kind == "money":
        return _decimal_between(lo if lo is not None else Decimal(0), hi if hi is not None else Decimal(10**9), 2).map(
            str
        )
    if f.kind in ("rate", "decimal"):
        return _decimal_between(lo if lo is not None else Decimal(0), hi if hi is not None else Decimal(10), 6).map(str)
    if f.kind == "integer":
        return st.integers(min_value=int(lo) if lo is not None else 0, max_value=int(hi) if hi is not None else 1000)
    if f.kind == "choice":
        return st.sampled_from([c[0] for c in f.choices])
    if f.kind == "date":
        import datetime

        lo_d = datetime.date.fromisoformat(f.minimum) if f.minimum else datetime.date(2015, 1, 1)
        hi_d = datetime.date.fromisoformat(f.maximum) if f.maximum else datetime.date(2035, 12, 31)
        return st.dates(min_value=lo_d, max_value=hi_d).map(lambda d: d.isoformat())
    if f.kind == "text":
        return st.text(max_size=20)
    if f.kind == "list":
        row = st.fixed_dictionaries({i.name: field_strategy(i) for i in f.items})
        return st.lists(row, min_size=1 if f.required else 0, max_size=min(f.max_items, 6))
    raise AssertionError(f.kind)


def valid_inputs(calc):
    return st.fixed_dictionaries({f.name: field_strategy(f) for f in calc.fields})


def with_example(name, inputs=None, **more):
    """The calculator's worked example as run() inputs, with ``inputs``/``more`` on top.

    Tests that change one or two fields start from the example explicitly: run() itself never
    fills a blank field with an example.
    """
    out = calculators.get(name).example_inputs()
    out.update(inputs or {})
    out.update(more)
    return out
