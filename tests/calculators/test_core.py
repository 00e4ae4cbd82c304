"""The calculators package core: names, specs, boundary parsing, never-raising ``run``."""

import datetime
import decimal
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import _core
from calculators._core import (
    YUAN,
    Calculator,
    Column,
    Field,
    InputError,
    Output,
    Table,
    parse_inputs,
    run_calculator,
    t,
)

from calc_helpers import check_error_shape, check_response_shape, hostile, hostile_inputs, money_places_ok, valid_inputs

EXPECTED_NAMES = (
    "installment_apr",
    "revolving_interest",
    "minimum_payment",
    "overdue_cost",
    "negotiated_plan",
    "payoff_order",
    "rate_convert",
    "repayment_capacity",
)


# --------------------------------------------------------------------------- names


def test_names_in_menu_order():
    assert calculators.NAMES == EXPECTED_NAMES


def test_all_eight_calculators_are_present():
    """Every menu entry has a module with a CALCULATOR of the same name."""
    assert calculators.available() == EXPECTED_NAMES
    for name in EXPECTED_NAMES:
        assert calculators.get(name).name == name


def test_unknown_names_are_errors_not_exceptions():
    for name in ("nope", "", None, 3, ["installment_apr"], {"a": 1}, "_core", "finance"):
        r = calculators.run(name, {})
        assert r["ok"] is False
        assert r["errors"][0]["code"] == "unknown_calculator"
        check_error_shape(r["errors"][0])
    with pytest.raises(LookupError):
        calculators.get("finance")


@pytest.mark.parametrize("inputs", [None, [], "x", 5, 1.5, ("a",), True])
def test_non_dict_inputs_are_an_error(inputs):
    r = calculators.run("rate_convert", inputs)
    assert r["ok"] is False and r["errors"][0]["code"] == "bad_inputs"
    check_error_shape(r["errors"][0])


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_spec_is_json_serialisable(name):
    if name not in calculators.available():
        pytest.skip(f"{name} not written yet (see test_all_eight_calculators_are_present)")
    s = calculators.spec(name)
    text = json.dumps(s, ensure_ascii=False)
    back = json.loads(text)
    assert back["name"] == name
    assert back["fields"] and back["outputs"]
    for f in back["fields"]:
        assert f["label"]["zh"] and f["label"]["en"]
        for key in (
            "kind",
            "unit",
            "help",
            "example",
            "blank",
            "required",
            "minimum",
            "maximum",
            "choices",
            "percent",
            "items",
        ):
            assert key in f
        if f["kind"] == "choice":
            assert f["example"] is None or f["example"] in [c["value"] for c in f["choices"]]
    assert back["conventions"]["zh"] and back["conventions"]["en"]
    assert back["references"], "every calculator cites its sources"


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_examples_alone_give_a_result(name):
    """The prefilled form computes: each field's worked example is valid input."""
    if name not in calculators.available():
        pytest.skip(f"{name} not written yet")
    r = calculators.run(name, calculators.get(name).example_inputs())
    check_response_shape(r)
    assert r["ok"], r
    calc = calculators.get(name)
    for o in calc.outputs:
        assert o.key in r["result"], o.key
    values, _ = parse_inputs(calc.fields, {})
    for lang in ("zh", "en"):
        if calc.explain:
            text = calc.explain(values, r["result"], lang)
            assert isinstance(text, str) and text.strip()


# --------------------------------------------------------------------------- parsing

M = Field("amount_yuan", "money", t("金额", "Amount"), unit=YUAN, minimum="0", maximum="1000000")
R = Field("rate", "rate", t("费率", "Fee rate"), percent=True, minimum="0", maximum="0.05")
N = Field("periods", "integer", t("期数", "Periods"), unit=t("期", "periods"), minimum="1", maximum="60")
D = Field("day", "date", t("日期", "Date"), required=False)
C = Field("how", "choice", t("方式", "Mode"), choices=(("a", t("甲", "A")), ("b", t("乙", "B"))), example="a")
L = Field(
    "debts",
    "list",
    t("债务", "Debts"),
    items=(
        Field("amount_yuan", "money", t("金额", "Amount"), minimum="0"),
        Field("name", "text", t("名称", "Name"), required=False),
    ),
    required=False,
    max_items=3,
)


def one(field, value):
    values, errors = parse_inputs((field,), {field.name: value})
    return values[field.name], errors


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1000", "1000"),
        ("1,000", "1000"),
        ("123,456.78", "123456.78"),
        ("１０００", "1000"),  # full-width digits
        ("１，０００", "1000"),  # full-width comma
        ("1，000", "1000"),
        ("¥1,000", "1000"),
        ("￥1000", "1000"),
        ("1000元", "1000"),
        ("¥ 1000 元", "1000"),
        ("  12.5 ", "12.5"),
        ("5万", "50000"),
        (".5", "0.5"),
        (1000, "1000"),
        (12.5, "12.5"),
        (0.1, "0.1"),  # Decimal(repr(0.1)), not the binary expansion
        (Decimal("3.30"), "3.30"),
        ("-0", "0"),
    ],
)
def test_money_accepts(text, expected):
    value, errors = one(M, text)
    assert errors == []
    assert value == Decimal(expected) and isinstance(value, Decimal)


@pytest.mark.parametrize(
    "value, code",
    [
        ("1,00", "not_a_number"),  # bad grouping
        ("10,00,000", "not_a_number"),
        ("1,0000", "not_a_number"),
        ("1.000,50", "not_a_number"),
        ("1 000", "not_a_number"),
        ("abc", "not_a_number"),
        ("1e5", "not_a_number"),
        ("0x10", "not_a_number"),
        ("1_000", "not_a_number"),
        ("5%", "not_a_number"),  # a percentage is not money
        (True, "not_a_number"),
        (False, "not_a_number"),
        ([1], "not_a_number"),
        ({"v": 1}, "not_a_number"),
        ("NaN", "not_finite"),
        ("Infinity", "not_finite"),
        (float("nan"), "not_finite"),
        (float("inf"), "not_finite"),
        (Decimal("NaN"), "not_finite"),
        ("9" * 30, "too_large"),
        ("9" * 100, "too_long"),
        (10**20, "too_large"),
        (10**4000, "too_large"),
        (1e300, "too_large"),
        ("100.001", "too_precise"),
        ("-1", "too_small"),
        ("1000000.01", "too_large"),
        (None, "required"),
        ("", "required"),
        ("   ", "required"),
    ],
)
def test_money_rejects(value, code):
    parsed, errors = one(M, value)
    assert parsed is None
    assert [e["code"] for e in errors] == [code]
    assert errors[0]["field"] == "amount_yuan"
    check_error_shape(errors[0])
    assert errors[0]["message"]["zh"].startswith("金额")
    assert errors[0]["message"]["en"].startswith("Amount")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.75%", "0.0075"),
        ("0.0075", "0.0075"),
        ("０．７５％", "0.0075"),
        ("0.75 %", "0.0075"),
        ("5‰", "0.005"),
        (0.0075, "0.0075"),
    ],
)
def test_rate_percent_sign_divides_by_100(text, expected):
    value, errors = one(R, text)
    assert errors == [] and value == Decimal(expected)


def test_rate_bound_message_is_in_percent():
    _, errors = one(R, "6%")
    assert errors[0]["code"] == "too_large"
    assert "5%" in errors[0]["message"]["zh"] and "5%" in errors[0]["message"]["en"]


@pytest.mark.parametrize(
    "value, expected", [("12", 12), (12, 12), (12.0, 12), ("12.0", 12), ("１２", 12), (" 60 ", 60)]
)
def test_integer_accepts(value, expected):
    parsed, errors = one(N, value)
    assert errors == [] and parsed == expected and type(parsed) is int


@pytest.mark.parametrize(
    "value, code",
    [(12.5, "not_integer"), ("1,2", "not_a_number"), (0, "too_small"), (61, "too_large"), (True, "not_a_number")],
)
def test_integer_rejects(value, code):
    _, errors = one(N, value)
    assert [e["code"] for e in errors] == [code]


def test_integer_bound_message_reads_well():
    _, errors = one(N, 0)
    assert errors[0]["message"]["en"] == "Periods: must be at least 1 period."
    assert errors[0]["message"]["zh"] == "期数：不能小于 1 期。"


@pytest.mark.parametrize(
    "text",
    ["2026-11-29", "2026/11/29", "2026.11.29", "2026年11月29日", "２０２６-１１-２９", datetime.date(2026, 11, 29)],
)
def test_dates(text):
    value, errors = one(D, text)
    assert errors == [] and value == datetime.date(2026, 11, 29)


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "29/11/2026", "tomorrow", 20261129, "1800-01-01"])
def test_bad_dates(text):
    _, errors = one(D, text)
    assert errors and errors[0]["code"] in ("bad_date", "too_small")


def test_optional_empty_date_is_none():
    assert one(D, "") == (None, [])
    assert parse_inputs((D,), {}) == ({"day": None}, [])


def test_choice():
    assert one(C, "b") == ("b", [])
    assert one(C, " b ") == ("b", [])
    for bad in ("c", 1, ["a"], "A"):
        _, errors = one(C, bad)
        assert errors[0]["code"] == "bad_choice"
        assert "甲" in errors[0]["message"]["zh"] and "A" in errors[0]["message"]["en"]


def test_an_example_never_fills_a_blank_required_choice():
    for inputs in ({}, {"how": ""}, {"how": "  "}):
        values, errors = parse_inputs((C,), inputs)
        assert values == {"how": None} and errors[0]["code"] == "required"


def test_an_optional_choice_that_is_blank_takes_its_stated_value():
    stated = Field("how", "choice", t("方式", "Mode"), choices=C.choices, required=False, blank="b")
    for inputs in ({}, {"how": ""}):
        assert parse_inputs((stated,), inputs) == ({"how": "b"}, [])


class JsNull:
    """Stands in for Pyodide's JsNull, which arrives for JavaScript null."""


def test_js_null_is_empty():
    _, errors = one(M, JsNull())
    assert errors[0]["code"] == "required"


def test_text_keeps_chinese_punctuation():
    f = Field("why", "text", t("原因", "Reason"), max_length=14)
    assert one(f, " 母亲住院，收入减少（三个月） ") == ("母亲住院，收入减少（三个月）", [])
    assert one(f, "很" * 15)[1][0]["code"] == "too_long"
    assert one(f, 5)[1][0]["code"] == "not_text"


def test_list_rows_report_their_path():
    values, errors = parse_inputs((L,), {"debts": [{"amount_yuan": "1,000"}, {"amount_yuan": "x"}, 7, {}]})
    assert values["debts"] is None or isinstance(values["debts"], list)
    fields = [(e["field"], e["code"]) for e in errors]
    assert fields == [("debts", "too_many_items")]
    values, errors = parse_inputs((L,), {"debts": [{"amount_yuan": "1,000", "name": "招行"}, {"amount_yuan": "x"}, 7]})
    assert [(e["field"], e["code"]) for e in errors] == [
        ("debts.1.amount_yuan", "not_a_number"),
        ("debts.2", "not_an_object"),
    ]
    assert "第 2 行" in errors[0]["message"]["zh"] and "row 2" in errors[0]["message"]["en"]
    ok, errs = parse_inputs((L,), {"debts": [{"amount_yuan": "1,000", "name": "招行"}]})
    assert errs == [] and ok["debts"] == [{"amount_yuan": Decimal("1000"), "name": "招行"}]
    assert parse_inputs((L,), {"debts": "1000"})[1][0]["code"] == "not_a_list"


def test_all_field_errors_are_collected():
    _, errors = parse_inputs((M, R, N, C), {"amount_yuan": "x", "rate": "y", "periods": "z", "how": "q"})
    assert [e["field"] for e in errors] == ["amount_yuan", "rate", "periods", "how"]


# --------------------------------------------------------------------------- run


def _calc(compute, fields=(M,)):
    return Calculator(
        name="test_calc",
        title=t("测试", "Test"),
        question=t("测试？", "Test?"),
        fields=fields,
        outputs=(Output("x", t("x", "x"), "money"),),
        compute=compute,
    )


def test_unexpected_exception_becomes_internal_error():
    def boom(values):
        return 1 / 0

    r = run_calculator(_calc(boom), {"amount_yuan": "1"})
    assert r["ok"] is False and r["errors"][0]["code"] == "internal" and r["errors"][0]["field"] is None
    check_error_shape(r["errors"][0])
    assert run_calculator(_calc(lambda v: [1]), {"amount_yuan": "1"})["errors"][0]["code"] == "internal"


def test_input_error_from_compute():
    def cross(values):
        raise InputError.collect(
            [
                InputError("amount_yuan", "too_large", "金额太大。", "Too much."),
                InputError(None, "conflict", "矛盾。", "Conflict."),
            ]
        )

    r = run_calculator(_calc(cross), {"amount_yuan": "1"})
    assert [e["code"] for e in r["errors"]] == ["too_large", "conflict"]


def test_compute_gets_a_private_decimal_context():
    seen = {}

    def compute(values):
        seen["prec"] = decimal.getcontext().prec
        decimal.getcontext().prec = 5  # must not leak
        return {"x": values["amount_yuan"]}

    before = decimal.getcontext().prec
    assert run_calculator(_calc(compute), {"amount_yuan": "1"})["ok"]
    assert seen["prec"] >= 28 and decimal.getcontext().prec == before


def test_spec_objects_reject_mistakes():
    with pytest.raises(ValueError):
        Field("x", "money_yuan", t("x", "x"))
    with pytest.raises(ValueError):
        Field("x", "choice", t("x", "x"))
    with pytest.raises(ValueError):
        Field("x", "money", {"zh": "x"})
    with pytest.raises(ValueError):
        Field("x", "money", t("x", "x"), percent=True)
    with pytest.raises(ValueError):
        Output("x", t("x", "x"), "percent")
    with pytest.raises(ValueError):
        Table("t", (), t("x", "x"))
    with pytest.raises(ValueError):
        Column("c", t("x", "x"), "float")


def test_helpers_round_half_up():
    assert _core.money(Decimal("0.005")) == Decimal("0.01")
    assert _core.money(Decimal("-0.005")) == Decimal("-0.01")
    assert _core.rate(Decimal("0.0000005")) == Decimal("0.000001")
    with pytest.raises(TypeError):
        _core.money(0.1)


# --------------------------------------------------------------------------- properties


@settings(max_examples=60)
@given(value=hostile)
def test_parsing_any_value_never_raises(value):
    for f in (M, R, N, D, C, L):
        values, errors = parse_inputs((f,), {f.name: value})
        for e in errors:
            check_error_shape(e)
        if not errors:
            v = values[f.name]
            assert v is None or isinstance(v, (Decimal, int, str, list, datetime.date))
            if isinstance(v, Decimal):
                assert v.is_finite()


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_run_never_raises_on_hostile_inputs(name):
    if name not in calculators.available():
        pytest.skip(f"{name} not written yet")
    calc = calculators.get(name)

    @settings(max_examples=30)
    @given(inputs=hostile_inputs(calc) | hostile)
    def check(inputs):
        check_response_shape(calculators.run(name, inputs))

    check()


@pytest.mark.parametrize("name", EXPECTED_NAMES)
def test_valid_inputs_give_results_with_money_to_the_fen(name):
    """Any in-bounds input gives a result (or a proper cross-field error), and every
    money output and money table cell is a Decimal with at most 2 decimal places."""
    if name not in calculators.available():
        pytest.skip(f"{name} not written yet")
    calc = calculators.get(name)

    @settings(max_examples=25)
    @given(inputs=valid_inputs(calc))
    def check(inputs):
        r = calculators.run(name, inputs)
        check_response_shape(r)
        if not r["ok"]:
            assert all(e["code"] != "internal" for e in r["errors"]), (inputs, r)
            return
        assert money_places_ok(calc, r["result"]) == []
        for o in calc.outputs:
            v = r["result"].get(o.key)
            if o.kind == "rate" and v is not None:
                assert isinstance(v, Decimal) and v.is_finite()
        if calc.explain:  # the renderer passes the parsed values
            values, _ = parse_inputs(calc.fields, inputs)
            for lang in ("zh", "en"):
                assert calc.explain(values, r["result"], lang).strip()

    check()


@given(st.text(max_size=40))
def test_text_numbers_parse_or_fail_cleanly(s):
    value, errors = one(M, s)
    assert (value is None) == bool(errors)


def test_a_rate_sent_as_a_binary_float_is_rounded_not_refused():
    """Issue 13: 0.0358/12 from a script is a real rate with binary noise, not 'too precise'."""
    f = Field("r", "rate", t("利率", "Rate"), minimum="0", maximum="1")
    values, errors = parse_inputs((f,), {"r": 0.0358 / 12})
    assert errors == [] and values["r"] == Decimal("0.002983333333")
    money_f = Field("m", "money", t("金额", "Amount"))
    values, errors = parse_inputs((money_f,), {"m": 0.1 + 0.2})
    assert errors == [] and values["m"] == Decimal("0.3")
    _, errors = parse_inputs((f,), {"r": "0.0029833333333333334"})  # typed: still too precise
    assert errors[0]["code"] == "too_precise"
    _, errors = parse_inputs((f,), {"r": "1e5"})
    assert errors and errors[0]["code"] == "not_a_number"
