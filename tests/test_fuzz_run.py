"""Hostile-input fuzzing of ``calculators.run`` (and the browser's JSON bridge).

A reader in distress may paste anything into a form: a number too big for any card, "NaN",
full-width digits from a Chinese keyboard, a list where a number belongs. Whatever arrives,
the calculator must answer with a message the reader can read, in both languages, never an
exception (in the browser an exception is a frozen or blank widget). For every calculator and
every field, these properties are checked with Hypothesis:

- ``run`` returns ``{"ok": True, "result": dict}`` or ``{"ok": False, "errors": [...]}``;
- every error names a real field (or none) and has a non-empty Chinese message (with Chinese
  characters) and a non-empty English one (with Latin letters);
- hostile input is reported as what it is (``not_a_number``, ``too_large``...), not as the
  catch-all ``internal`` error, which means the calculation itself crashed;
- results hold no float and no infinite or NaN Decimal (money never goes through float);
- the same input gives the same answer (no state leaks between calls).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators

NAMES = calculators.RUN_NAMES  # the negotiation kit included (issue 13)
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def _specs():
    return {name: calculators.spec(name) for name in NAMES}


SPECS = _specs()


def _defaults(spec: dict) -> dict:
    """The form's worked example as run() inputs (list fields as their example rows)."""
    out = {}
    for f in spec["fields"]:
        if f["example"] is not None:
            out[f["name"]] = f["example"]
    return out


def _field_paths(spec: dict) -> list[tuple[str, str | None]]:
    """(top-level field, list item or None) for every input a reader can type into."""
    paths = []
    for f in spec["fields"]:
        paths.append((f["name"], None))
        for item in f.get("items") or []:
            paths.append((f["name"], item["name"]))
    return paths


# --- hostile values ----------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")

hostile_text = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "NaN",
            "nan",
            "-Infinity",
            "inf",
            "sNaN",
            "1e999999",
            "-1e-999999",
            "1e15",
            "999999999999999",
            "1,0000",
            "1，000",
            "¥",
            "元",
            "%",
            "‰",
            "万",
            "--1",
            "+-1",
            "1..2",
            ".",
            "0x10",
            "1_000",
            "١٢٣",
            "１２３４５",
            "１，０００．５０",
            "￥１０００元",
            "12%%",
            "50%",
            "-0",
            "-0.00",
            "0e0",
            "1E+2",
            "2026-02-30",
            "2026年13月1日",
            "9999-12-31",
            "0000-01-01",
            "\u2212" + "5",
            "5\u00a0000",
            "\x00",
            "\u200b1",
            "1\u200b",
            "💳",
            "<script>alert(1)</script>",
            "'; DROP TABLE x; --",
            "9" * 64,
            "9" * 65,
            "1" * 5000,
            "0." + "0" * 40 + "1",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.from_regex(r"\A[+\-−]?[0-9０-９]{1,20}([.．][0-9０-９]{0,20})?[%％‰元万]?\Z"),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: str(n).translate(FULL_WIDTH)),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

hostile_scalar = st.one_of(
    hostile_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([2**63, -(2**63), 10**15, 10**15 - 1, 10**4000, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("sNaN"), Decimal("-0"), Decimal("1E+999999"), Decimal("1E-999999")]),
    st.binary(max_size=8),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.just(object()),
    st.just(float),
    st.frozensets(st.integers(), max_size=3),
)

junk = st.recursive(
    hostile_scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.one_of(st.text(max_size=8), st.integers(), st.none()), children, max_size=4),
    ),
    max_leaves=12,
)


# --- the properties -----------------------------------------------------------------------


def _walk(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _walk(v)
    else:
        yield value


def check_outcome(name: str, outcome, *, allow_internal: bool = False) -> None:
    assert isinstance(outcome, dict), outcome
    assert outcome.get("ok") in (True, False), outcome
    if outcome["ok"]:
        assert isinstance(outcome.get("result"), dict)
        for leaf in _walk(outcome["result"]):
            assert not isinstance(leaf, float), f"{name}: float in a result: {leaf!r}"
            if isinstance(leaf, Decimal):
                assert leaf.is_finite(), f"{name}: {leaf!r} in a result"
        json.dumps(outcome["result"], default=str)
        return
    errors = outcome.get("errors")
    assert isinstance(errors, list) and errors, outcome
    fields = {f["name"]: f for f in SPECS.get(name, {"fields": []})["fields"]}
    for error in errors:
        assert isinstance(error.get("code"), str) and error["code"], error
        assert allow_internal or error["code"] != "internal", (
            f"{name}: the calculation crashed (code 'internal') instead of explaining the input"
        )
        field = error.get("field")
        if field is not None:
            assert isinstance(field, str)
            top, *rest = field.split(".")
            assert top in fields, f"{name}: error for unknown field {field!r}"
            if rest:
                assert fields[top]["kind"] == "list" and rest[0].isdigit(), field
                if len(rest) > 1:
                    assert rest[1] in {i["name"] for i in fields[top]["items"]}, field
        message = error.get("message")
        assert isinstance(message, dict), error
        zh, en = message.get("zh"), message.get("en")
        assert isinstance(zh, str) and CJK.search(zh), f"{name}: no Chinese message: {error}"
        assert isinstance(en, str) and LATIN.search(en), f"{name}: no English message: {error}"


def _run_twice(name, inputs):
    first = calculators.run(name, inputs)
    second = calculators.run(name, inputs)
    assert repr(first) == repr(second), f"{name}: two runs of the same input differ"
    return first


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_one_hostile_field_among_valid_ones(name, data):
    """Defaults everywhere, one field (or one list item in one row) replaced by junk."""
    spec = SPECS[name]
    inputs = json.loads(json.dumps(_defaults(spec)))
    top, item = data.draw(st.sampled_from(_field_paths(spec)), label="field")
    value = data.draw(junk, label="value")
    if item is None:
        inputs[top] = value
    else:
        rows = inputs.get(top) or [{}]
        row = data.draw(st.integers(0, len(rows) - 1), label="row")
        rows[row][item] = value
        inputs[top] = rows
    check_outcome(name, _run_twice(name, inputs))


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_every_field_hostile(name, data):
    """Every field junk at once, list fields with junk rows, plus junk keys."""
    spec = SPECS[name]
    inputs = {}
    for f in spec["fields"]:
        if f["kind"] == "list" and data.draw(st.booleans()):
            inputs[f["name"]] = data.draw(
                st.lists(st.one_of(junk, st.fixed_dictionaries({i["name"]: junk for i in f["items"]})), max_size=4)
            )
        elif data.draw(st.booleans()):
            inputs[f["name"]] = data.draw(junk)
    inputs.update(data.draw(st.dictionaries(st.text(max_size=6), junk, max_size=3)))
    check_outcome(name, _run_twice(name, inputs))


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_numbers_at_the_edges(name, data):
    """Numeric fields at huge, tiny, negative and over-precise values, typed the Chinese way too."""
    spec = SPECS[name]
    inputs = json.loads(json.dumps(_defaults(spec)))
    numeric = [f for f in spec["fields"] if f["kind"] in ("money", "rate", "decimal", "integer")]
    if not numeric:
        return
    for f in data.draw(st.lists(st.sampled_from(numeric), min_size=1, max_size=3, unique_by=lambda f: f["name"])):
        magnitude = data.draw(st.integers(-20, 20))
        mantissa = data.draw(st.integers(-999_999, 999_999))
        value = str(Decimal(mantissa).scaleb(magnitude))
        if data.draw(st.booleans()):
            value = value.translate(FULL_WIDTH)
        inputs[f["name"]] = value
    check_outcome(name, _run_twice(name, inputs))


@pytest.mark.parametrize(
    "inputs", [None, [], "principal=1", 42, 1.5, float("nan"), b"{}", ("a", 1), {1: 2}, {None: None}]
)
@pytest.mark.parametrize("name", NAMES)
def test_inputs_that_are_not_a_mapping(name, inputs):
    check_outcome(name, calculators.run(name, inputs))


@FUZZ
@given(name=junk, inputs=junk)
def test_unknown_names_and_any_inputs(name, inputs):
    outcome = calculators.run(name, inputs)
    check_outcome(name if isinstance(name, str) else "", outcome)
    if not (isinstance(name, str) and name in NAMES):
        assert outcome["errors"][0]["code"] == "unknown_calculator"


def test_deeply_nested_junk_is_an_error_not_a_crash():
    deep = 1
    for _ in range(5000):
        deep = [deep]
    for name in NAMES:
        spec = SPECS[name]
        for f in spec["fields"]:
            check_outcome(name, calculators.run(name, {**_defaults(spec), f["name"]: deep}))


# --- the browser's JSON bridge (what the worker calls) ------------------------------------

web = pytest.importorskip("calculators.web")


def _form_value(value):
    return value if isinstance(value, str) else json.dumps(value, default=repr)


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_web_bridge_with_junk_form(name, data):
    """The worker's JSON-in, JSON-out call: junk typed into any box gives a bilingual answer."""
    spec = SPECS[name]
    form = {}
    for top, item in _field_paths(spec):
        if data.draw(st.booleans()):
            key = top if item is None else f"{top}.{data.draw(st.integers(0, 3))}.{item}"
            form[key] = _form_value(data.draw(junk))
    lang = data.draw(st.sampled_from(["zh", "en", "fr", None]))
    request = json.dumps({"calculator": name, "lang": lang, "form": form})
    response = json.loads(web.handle(request))
    assert response["ok"] in (True, False)
    if response["ok"]:
        assert isinstance(response.get("html"), str) and response["html"].strip()
    else:
        check_outcome(name, {"ok": False, "errors": response["errors"]})


@FUZZ
@given(raw=st.one_of(st.text(max_size=200), junk.map(lambda v: json.dumps(v, default=repr))))
def test_web_bridge_with_junk_requests(raw):
    response = json.loads(web.handle(raw))
    assert response["ok"] in (True, False)
    if not response["ok"]:
        check_outcome("", {"ok": False, "errors": response["errors"]}, allow_internal=False)


def test_nan_float_in_every_field_is_reported_per_field():
    """A NaN float (what JavaScript's Number("abc") gives) names the field it was typed into."""
    for name in NAMES:
        spec = SPECS[name]
        for f in spec["fields"]:
            if f["kind"] not in ("money", "rate", "decimal", "integer"):
                continue
            outcome = calculators.run(name, {**_defaults(spec), f["name"]: math.nan})
            check_outcome(name, outcome)
            assert not outcome["ok"] and any(e.get("field") == f["name"] for e in outcome["errors"]), (name, f["name"])
