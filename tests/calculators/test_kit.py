"""The negotiation kit: figures, bank numbers and the law in the letters and scripts.

What a reader would notice if it broke: a letter with the wrong bank's number or figures that
differ from the plan table, a plan longer than Article 70 allows, a call log that opens as
mojibake in Excel, a text that cites a law that does not exist or promises the bank will agree.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import fmt
from calculators import negotiation_kit as kit
from calculators._core import run_calculator
from macros import kit_pages

# Three cards at two banks: the "done when" scenario of the issue.
THREE_CARDS = {
    "cards": [
        {"bank": "citic", "balance_yuan": "30000", "overdue_months": "2"},
        {"bank": "cmb", "balance_yuan": "20,000", "overdue_months": ""},
        {"bank": "citic", "balance_yuan": "12000元", "overdue_months": "1"},
    ],
    "monthly_income_yuan": "8000",
    "essential_spending_yuan": "4500",
    "other_debt_payments_yuan": "500",
    "hardship_reason": "job_loss",
    "hardship_detail": "2026年9月公司裁员",
    "expected_recovery": "2027年6月",
    "name": "张三",
    "start_date": "2027-01-15",
}
CITIC, CMB = "400-889-5558", "400-820-5555"


def run_kit(inputs):
    return run_calculator(kit.CALCULATOR, inputs)


@pytest.fixture(scope="module")
def result():
    out = run_kit(THREE_CARDS)
    assert out["ok"], out
    return out["result"]


def texts(result, kind, bank, lang):
    docs = result["documents"][kind + "s"]
    doc = next(d for d in docs if d["bank"] == bank)[lang]
    return kit.document_text(doc)


def all_documents(result):
    d = result["documents"]
    for item in d["letters"] + d["scripts"]:
        yield item["zh"]
        yield item["en"]
    yield d["checklist"]["zh"]
    yield d["checklist"]["en"]


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------


def test_runs_by_name_like_a_calculator():
    """The page's runtime calls the kit through calculators.run, like any calculator."""
    out = calculators.run("negotiation_kit", THREE_CARDS)
    assert out["ok"], out
    assert calculators.spec("negotiation_kit")["name"] == "negotiation_kit"


def test_default_example_is_three_cards_at_two_banks():
    """The page's server-rendered example shows the issue's scenario."""
    spec = kit.CALCULATOR.spec()
    defaults = {f["name"]: f["example"] for f in spec["fields"] if f["example"] is not None}
    out = run_kit(defaults)
    assert out["ok"], out
    assert (out["result"]["card_count"], out["result"]["bank_count"]) == (3, 2)


# ---------------------------------------------------------------------------------------------
# The numbers
# ---------------------------------------------------------------------------------------------


def test_plan_figures(result):
    assert result["capacity_yuan"] == Decimal("3000.00")
    assert result["total_debt_yuan"] == Decimal("62000.00")
    plans = {p["bank"]: p for p in result["plans"]}
    assert list(plans) == ["citic", "cmb"]
    assert plans["citic"]["debt_yuan"] == Decimal("42000.00")
    assert plans["citic"]["card_count"] == 2 and plans["citic"]["overdue_months"] == 2
    # In proportion: 3000 x 42000/62000 = 2032.26 and 967.74, so 21 months each (42000/21 = 2000;
    # 20000 over 21 months ends on 952.40). What those plans leave unused (32.26 + 15.34 = 47.60)
    # clears the smaller debt a month sooner: 20 x 1000.
    assert kit.split_capacity(Decimal("3000"), [Decimal("42000"), Decimal("20000")]) == [
        Decimal("2032.26"),
        Decimal("967.74"),
    ]
    assert (plans["citic"]["periods"], plans["citic"]["payment_yuan"]) == (21, Decimal("2000.00"))
    assert (plans["cmb"]["periods"], plans["cmb"]["payment_yuan"]) == (20, Decimal("1000.00"))
    assert plans["citic"]["share_yuan"] + plans["cmb"]["share_yuan"] == Decimal("3000.00")
    assert plans["citic"]["first_date"] == "2027-01-15" and plans["citic"]["end_date"] == "2028-09-15"
    assert result["all_clear"] and not result["warnings"]
    assert result["monthly_total_yuan"] <= result["capacity_yuan"]


def test_doing_nothing_is_the_overdue_cost_calculator(result):
    """The comparison comes from overdue_cost with the stated typical assumptions."""
    from calculators.overdue_cost import overdue_cost

    cmb = next(p for p in result["plans"] if p["bank"] == "cmb")
    direct = overdue_cost(
        principal_yuan=Decimal("20000"),
        days_overdue=90,
        daily_rate=Decimal("0.0005"),
        minimum_payment=Decimal("2000"),
        late_fee_rate=Decimal("0.05"),
    )["total_cost_yuan"]
    assert cmb["doing_nothing_yuan"] == direct > 0
    assert result["doing_nothing_yuan"] == sum(p["doing_nothing_yuan"] for p in result["plans"])


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    capacity=st.decimals(min_value="0.01", max_value="100000", places=2),
    debts=st.lists(st.decimals(min_value="0.01", max_value="1000000", places=2), min_size=1, max_size=6),
)
def test_split_adds_up_and_is_proportional(capacity, debts):
    if capacity < Decimal("0.01") * len(debts):
        # Not one fen for each debt: refused (the kit says so in words), never a zero share.
        with pytest.raises(ValueError):
            kit.split_capacity(capacity, debts)
        return
    shares = kit.split_capacity(capacity, debts)
    assert all(s >= Decimal("0.01") for s in shares)
    assert sum(shares) == capacity
    total = sum(debts)
    for share, debt in zip(shares, debts, strict=True):
        assert abs(share - capacity * debt / total) <= Decimal("0.01") * len(debts)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    balances=st.lists(st.integers(min_value=1, max_value=300000), min_size=1, max_size=4),
    banks=st.lists(st.sampled_from(kit.BANK_IDS), min_size=4, max_size=4),
    income=st.integers(min_value=1000, max_value=60000),
)
def test_plans_repay_each_debt_within_60_months(balances, banks, income):
    cards = [{"bank": banks[i], "balance_yuan": str(b)} for i, b in enumerate(balances)]
    out = run_kit(
        {
            "cards": cards,
            "monthly_income_yuan": str(income),
            "essential_spending_yuan": "500",
            "other_debt_payments_yuan": "0",
            "hardship_reason": "other",
            "start_date": "2027-03-31",
        }
    )
    assert out["ok"], out
    for p in out["result"]["plans"]:
        assert 1 <= p["periods"] <= 60
        # Never more a month than the reader can pay this bank.
        assert p["payment_yuan"] <= p["share_yuan"] and p["last_payment_yuan"] <= p["share_yuan"]
        letter = texts(out["result"], "letter", p["bank"], "zh")
        if p["clears"]:
            assert p["payment_yuan"] * (p["periods"] - 1) + p["last_payment_yuan"] == p["debt_yuan"]
            # The letter asks for exactly the plan in the table.
            assert f"分 {p['periods']} 期" in letter and fmt.yuan(p["payment_yuan"], "zh") in letter
        else:
            # 60 payments of the share, and the letter says the debt is not cleared.
            assert p["periods"] == 60 and p["payment_yuan"] == p["share_yuan"]
            assert p["payment_yuan"] * 60 + p["shortfall_yuan"] == p["debt_yuan"]
            assert "还不清" in letter and fmt.yuan(p["shortfall_yuan"], "zh") in letter


# ---------------------------------------------------------------------------------------------
# Letters and scripts: figures, bank numbers, both languages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", ["letter", "script"])
def test_texts_have_the_figures_and_the_right_bank_number(result, kind, lang):
    for p in result["plans"]:
        text = texts(result, kind, p["bank"], lang)
        own, other = (CITIC, CMB) if p["bank"] == "citic" else (CMB, CITIC)
        assert own in text, f"{kind} to {p['bank']} lacks its card-service number"
        assert other not in text, f"{kind} to {p['bank']} has the other bank's number"
        for figure in (p["debt_yuan"], p["share_yuan"], p["payment_yuan"]):
            assert fmt.yuan(figure, lang) in text
        assert str(p["periods"]) in text
        assert kit.bank_name(p["bank"], lang) in text
    letter = texts(result, "letter", "citic", lang)
    for figure in (result["capacity_yuan"], result["total_debt_yuan"]):
        assert fmt.yuan(figure, lang) in letter
    assert "张三" in letter and "2026年9月公司裁员" in letter and "2027年6月" in letter


def test_letter_dates_and_cards(result):
    zh = texts(result, "letter", "citic", "zh")
    assert "2027年1月15日" in zh and "2028年9月15日" in zh
    assert "30,000.00 元，已逾期约 2 个月" in zh and "12,000.00 元，已逾期约 1 个月" in zh
    en = texts(result, "letter", "citic", "en")
    assert "15 January 2027" in en and "15 September 2028" in en


def test_dialling_hint_goes_with_the_number():
    """Everbright's card line is 95595 then 8: the script must say so, in each language."""
    inputs = dict(THREE_CARDS, cards=[{"bank": "ceb", "balance_yuan": "10000"}])
    r = run_kit(inputs)["result"]
    # The key has a single source, so the hint also says it is unconfirmed (review m4).
    assert "95595（接通后按 8；" in texts(r, "script", "ceb", "zh")
    assert "95595 (then press 8; " in texts(r, "script", "ceb", "en")


def test_the_letter_asks_for_what_the_issue_lists(result):
    zh = texts(result, "letter", "cmb", "zh")
    assert "第七十条" in zh
    assert "停止计收利息" in zh and "违约金" in zh and "减免" in zh
    assert "书面" in zh and "录音" in zh
    en = texts(result, "letter", "cmb", "en")
    assert "Article 70" in en and "Written confirmation" in en and "late fees" in en


def test_the_script_covers_questions_and_what_not_to_agree(result):
    zh = texts(result, "script", "cmb", "zh")
    for words in ("个性化分期", "利息", "书面", "录音", "征信", "不要当场答应"):
        assert words in zh, words
    en = texts(result, "script", "cmb", "en")
    for words in (
        "personalised instalment",
        "interest",
        "in writing",
        "recorded",
        "credit report",
        "Do not agree on the spot",
    ):
        assert words in en, words


def test_the_law_is_cited_correctly_and_nothing_is_promised(result):
    for doc in all_documents(result):
        text = kit.document_text(doc)
        assert "人民合同法" not in text and "合同法》" not in text
        assert "Contract Law" not in text
        assert not re.search(
            r"有权要求|(?<!不是)必须同意|一定会同意|保证.*同意|legal right to|must agree|will agree", text
        )
    zh = texts(result, "letter", "citic", "zh")
    assert "《商业银行信用卡业务监督管理办法》第七十条" in zh
    assert "是否同意这个方案由贵行决定" in zh
    assert "is the bank's decision" in texts(result, "letter", "citic", "en")
    assert "“可以”同意" in texts(result, "script", "citic", "zh")
    assert "may agree" in texts(result, "script", "citic", "en")
    # The cardholder's promise of Article 70 item (四) is in the letter.
    assert "不能向任何银行申请信用卡" in zh


def test_checklist_depends_on_the_reason():
    for reason, words in (("job_loss", "离职证明"), ("illness", "诊断证明"), ("business_failure", "营业执照")):
        r = run_kit(dict(THREE_CARDS, hardship_reason=reason))["result"]
        zh = kit.document_text(r["documents"]["checklist"]["zh"])
        assert words in zh and "收入证明" in zh and "银行流水" in zh
        assert "income" in kit.document_text(r["documents"]["checklist"]["en"])


# ---------------------------------------------------------------------------------------------
# Refusals and warnings
# ---------------------------------------------------------------------------------------------


def test_61_months_is_refused_with_the_reason():
    out = run_kit(dict(THREE_CARDS, periods="61"))
    assert not out["ok"]
    (err,) = out["errors"]
    assert (err["field"], err["code"]) == ("periods", "too_large")
    assert "60" in err["message"]["zh"] and "第七十条" in err["message"]["zh"] and "5 年" in err["message"]["zh"]
    assert "Article 70" in err["message"]["en"] and "5 years" in err["message"]["en"]
    assert run_kit(dict(THREE_CARDS, periods="60"))["ok"]


def test_the_article_70_limit_has_one_message_for_the_kit_and_the_negotiated_plan():
    """One rule, one wording: the kit says what the negotiated-plan calculator says, English in English."""
    kit_err = run_kit(dict(THREE_CARDS, periods="72"))["errors"][0]
    plan = calculators.run("negotiated_plan", {"principal_yuan": "30000", "periods": "72"})
    assert not plan["ok"]
    (plan_err,) = [e for e in plan["errors"] if e["field"] == "periods"]
    assert kit_err["message"] == plan_err["message"]
    assert "72" in kit_err["message"]["en"]
    assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", kit_err["message"]["en"])


def test_chosen_months_the_reader_cannot_pay_are_flagged_and_not_offered():
    out = run_kit(dict(THREE_CARDS, periods="12"))
    assert out["ok"]
    r = out["result"]
    assert len(r["warnings"]) == 2
    assert "分 12 期" in r["warnings"][0]["zh"] and "按你还得起的 21 期" in r["warnings"][0]["zh"]
    assert "12 months would mean" in r["warnings"][0]["en"]
    # The letter offers the 21 months the share pays (2,000 a month), not 12 (3,500 a month).
    letter = texts(r, "letter", "citic", "zh")
    assert "分 21 期" in letter and "分 12 期" not in letter and "3,500.00" not in letter
    assert [p["periods"] for p in r["plans"]] == [21, 20]
    # Months the reader can pay are kept as chosen.
    r = run_kit(dict(THREE_CARDS, periods="30"))["result"]
    assert all(p["periods"] == 30 for p in r["plans"]) and not r["warnings"]


def test_debt_too_big_for_60_months_offers_what_the_reader_can_pay():
    r = run_kit(dict(THREE_CARDS, cards=[{"bank": "icbc", "balance_yuan": "500000"}]))["result"]
    (p,) = r["plans"]
    assert p["periods"] == 60 and not p["clears"] and p["shortest_fitting"] is None
    assert p["payment_yuan"] == p["share_yuan"] == r["capacity_yuan"]
    assert "即使分 60 期" in r["warnings"][0]["zh"] and "还不清" in r["warnings"][0]["zh"]


_AMOUNT = re.compile(r"¥([\d,]+\.\d\d)|([\d,]+\.\d\d) 元")


def _amounts(text):
    return [Decimal((a or b).replace(",", "")) for a, b in _AMOUNT.findall(text)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_100000_owed_and_1500_to_spare_offers_no_more_than_1500(lang):
    """Editor's finding M1: the letter asked for 1,666.66 a month after saying 1,500 was the limit."""
    r = run_kit(
        {
            "cards": [{"bank": "citic", "balance_yuan": "100000"}],
            "monthly_income_yuan": "6000",
            "essential_spending_yuan": "4500",
            "other_debt_payments_yuan": "0",
            "hardship_reason": "job_loss",
            "start_date": "2027-01-01",
        }
    )["result"]
    assert r["capacity_yuan"] == Decimal("1500.00")
    # Income 6,000, spending 4,500, share 1,500, debt 100,000; 60 x 1,500 = 90,000; 10,000 short.
    # No other amount (such as 100,000 / 60 = 1,666.66 a month) appears anywhere.
    allowed = {Decimal(x) for x in ("0", "1500", "4500", "6000", "10000", "90000", "100000")}
    for kind in ("letter", "script"):
        text = texts(r, kind, "citic", lang)
        assert set(_amounts(text)) <= allowed, sorted(set(_amounts(text)) - allowed)
        assert Decimal("1500") in _amounts(text)
        if kind == "letter":
            assert (
                ("还不清" in text and "减免利息" in text)
                if lang == "zh"
                else ("does not clear" in text and "waive interest" in text)
            )
            assert "尽力" not in text and "do my best" not in text
        else:
            assert ("还不清" in text) if lang == "zh" else ("does not clear" in text)


def test_no_unnamed_free_debt_advice():
    """Editor's finding M3: "free debt advice" that names nothing sends readers to paid agents."""
    over = run_kit(dict(THREE_CARDS, cards=[{"bank": "icbc", "balance_yuan": "500000"}]))["result"]
    none_left = run_kit(dict(THREE_CARDS, essential_spending_yuan="9000"))["errors"][0]["message"]
    words = " ".join(w["zh"] + w["en"] for w in over["warnings"]) + none_left["zh"] + none_left["en"]
    for r in (over,):
        words += " ".join(kit.document_text(d) for d in all_documents(r))
    assert "债务咨询" not in words and "debt advice" not in words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_script_says_how_to_check_a_caller_and_pay_safely(result, lang):
    text = texts(result, "script", "citic", lang)
    if lang == "zh":
        for words in (
            "姓名",
            "受哪家银行委托",
            "打回去核实",
            "自己名下的信用卡账户",
            "手续费",
            "共享手机屏幕",
            "验证码",
        ):
            assert words in text, words
    else:
        for words in (
            "which bank authorised them",
            "call back",
            "your own card account",
            "fee",
            "share your screen",
            "verification code",
        ):
            assert words in text, words
    assert CITIC in text


def test_the_letter_says_the_income_is_the_household_s(result):
    assert "我家每月能用来还债的收入" in texts(result, "letter", "citic", "zh")
    assert "household's monthly income" in texts(result, "letter", "citic", "en")


def test_nothing_left_to_pay_is_explained():
    out = run_kit(dict(THREE_CARDS, essential_spending_yuan="9000"))
    assert not out["ok"]
    assert out["errors"][0]["code"] == "no_capacity"
    assert "暂缓" in out["errors"][0]["message"]["zh"]


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["1e400", "NaN", "-1", "０", "１，０００", "9" * 40, "2027-02-30", "61"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    field=st.sampled_from(
        [f.name for f in kit.CALCULATOR.fields]
        + ["cards.bank", "cards.balance_yuan", "cards.overdue_months", "cards.row"]
    ),
    junk=_JUNK,
)
def test_hostile_input_gives_a_readable_error_never_a_crash(field, junk):
    inputs = {k: (list(v) if isinstance(v, list) else v) for k, v in THREE_CARDS.items()}
    inputs["cards"] = [dict(c) for c in THREE_CARDS["cards"]]
    if field.startswith("cards."):
        if field == "cards.row":
            inputs["cards"][1] = junk
        else:
            inputs["cards"][0][field.split(".")[1]] = junk
    else:
        inputs[field] = junk
    out = run_kit(inputs)
    if out["ok"]:
        assert out["result"]["plans"]
        return
    for e in out["errors"]:
        assert e["code"] != "internal", (field, junk, e)
        assert re.search(r"[\u4e00-\u9fff]", e["message"]["zh"]) and re.search(r"[A-Za-z]", e["message"]["en"])


def test_unknown_bank_is_an_input_error():
    out = run_kit(dict(THREE_CARDS, cards=[{"bank": "hsbc", "balance_yuan": "1000"}]))
    assert not out["ok"] and out["errors"][0]["field"] == "cards.0.bank"


# ---------------------------------------------------------------------------------------------
# Call log CSV
# ---------------------------------------------------------------------------------------------


def test_call_log_csv_keeps_chinese_with_a_bom(result):
    rows = [dict(r) for r in result["call_log"]["zh"]]
    rows[0].update(
        date="2027-01-05",
        time="10:30",
        agent="工号 8823",
        said="说明失业情况，申请个性化分期",
        agreed="客服说要提交材料，三个工作日内回电",
        next_step="=寄材料",
    )
    data = kit.csv_bytes(kit.call_log_csv(rows, "zh"))
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert parsed[0] == ["日期", "时间", "银行", "拨打的号码", "客服姓名或工号", "说了什么", "约定了什么", "下一步"]
    assert parsed[1][:5] == ["2027-01-05", "10:30", "中信银行", CITIC, "工号 8823"]
    assert parsed[1][6] == "客服说要提交材料，三个工作日内回电"
    assert parsed[1][7] == "'=寄材料", "a cell starting with = must not become a spreadsheet formula"
    assert parsed[2][2:4] == ["招商银行", CMB]
    en = kit.call_log_csv(result["call_log"]["en"], "en").lstrip("\ufeff").splitlines()
    assert en[0] == "Date,Time,Bank,Number called,Agent name or staff number,What was said,What was agreed,Next step"
    assert en[1].startswith(",,China CITIC Bank,400-889-5558")


def test_the_page_gets_the_call_log_csv_from_python():
    """The kit page's Download CSV asks the worker: the same file as call_log_csv, formulas neutralised."""
    import json

    from calculators import web

    rows = [{"date": "2027-01-05", "said": '=HYPERLINK("http://x","go")', "agent": "@8823"}, {"bank": ""}]
    out = json.loads(web.handle(json.dumps({"export": "call_log", "lang": "zh", "rows": rows})))
    assert out["ok"] and out["csv"] == kit.call_log_csv(rows, "zh")
    parsed = list(csv.reader(io.StringIO(out["csv"].lstrip("\ufeff"), newline="")))
    assert parsed[1][4:6] == ["'@8823", '\'=HYPERLINK("http://x","go")'] and len(parsed) == 2
    # Anything but rows of strings is refused or dropped, never a traceback.
    for junk in ({"export": "call_log", "rows": "x"}, {"export": "nope", "rows": []}):
        assert json.loads(web.handle(json.dumps(junk)))["errors"][0]["code"] == "bad_request"
    odd = json.loads(web.handle(json.dumps({"export": "call_log", "lang": "en", "rows": [{"said": 5}, 3]})))
    assert odd["ok"] and odd["csv"].lstrip("\ufeff").count("\r\n") == 1  # the header only


def test_csv_cells_with_commas_quotes_and_newlines_survive():
    tricky = {"said": 'He said "no", then\nyes'}
    parsed = list(csv.reader(io.StringIO(kit.call_log_csv([tricky], "en").lstrip("\ufeff"), newline="")))
    assert parsed[1][5] == 'He said "no", then\nyes'


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_html_has_every_document_and_the_figures(result, lang):
    html = kit.render_result_html(result, lang)
    for doc in all_documents(result):
        if doc["kind"] == "checklist" and doc["lang"] != lang:
            assert f'data-doc="{doc["id"]}"' not in html  # the checklist is in the page's language
            continue
        assert f'data-doc="{doc["id"]}"' in html
    assert f'data-output="capacity_yuan" data-value="{result["capacity_yuan"]}"' in html
    assert html.count('data-kit-action="print"') == html.count('class="kit-doc"')
    assert fmt.yuan(result["total_debt_yuan"], lang) in html
    assert ("还款申请书" if lang == "zh" else "Repayment proposal") in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_bridge_returns_the_kit_documents(lang):
    """What the page's worker gets back for the reader's form: the kit's own HTML, both banks."""
    import json

    from calculators import render, web

    form = render.form_defaults("negotiation_kit")
    form.update({"cards.1.bank": "ceb", "cards.1.balance_yuan": "9000", "name": "李小梅"})
    out = json.loads(web.handle(json.dumps({"calculator": "negotiation_kit", "lang": lang, "form": form})))
    assert out["ok"], out["errors"]
    for doc in ("letter-citic-zh", "letter-ceb-zh", "letter-ceb-en", f"script-ceb-{lang}", f"checklist-{lang}"):
        assert f'data-doc="{doc}"' in out["html"], doc
    assert "95595" in out["html"] and "李小梅" in out["html"]
    assert out["csv"].startswith("\ufeff")


def test_typed_text_is_escaped_in_html():
    r = run_kit(dict(THREE_CARDS, name='<img src=x onerror="alert(1)">', hardship_detail="<script>x</script>"))
    html = kit.render_result_html(r["result"], "zh")
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x" in html


def test_typed_chinese_punctuation_is_kept_in_the_letter():
    """The reader signs and sends the letter: "，" must not become ","."""
    r = run_kit(dict(THREE_CARDS, hardship_detail="母亲住院，收入减少（三个月）", expected_recovery="２０２７年６月"))
    letter = texts(r["result"], "letter", "citic", "zh")
    assert "母亲住院，收入减少（三个月）" in letter


def test_typed_text_is_length_capped():
    out = run_kit(dict(THREE_CARDS, hardship_detail="很" * 500))
    assert not out["ok"] and out["errors"][0]["code"] == "too_long"


# ---------------------------------------------------------------------------------------------
# Bank data shipped to the browser
# ---------------------------------------------------------------------------------------------


def _need_bank_records():
    """The bank records are read with PyYAML from data/banks/ (absent in the Pyodide run)."""
    pytest.importorskip("yaml")
    if not (kit_pages.ROOT / "data" / "banks").is_dir():
        pytest.skip("data/banks/ is not here")


def test_bankdata_module_matches_data_banks():
    _need_bank_records()
    current = kit_pages.BANKDATA_PATH.read_text(encoding="utf-8")
    assert current == kit_pages.bankdata_source(), (
        "calculators/_bankdata.py is out of date with data/banks/: run `python -m macros.kit_pages`"
    )


def test_every_bank_has_a_number_in_the_kit():
    _need_bank_records()
    from macros.banks import get_banks

    ids = [r["id"] for r in get_banks()]
    assert list(kit.BANK_IDS) == ids
    for b in ids:
        assert re.fullmatch(r"[0-9][0-9-]{4,}", kit.bank_phone(b, "en").split(" ")[0]), b
        assert kit.bank_phone(b, "zh").startswith(kit.BANKS_BY_ID[b]["phone"])


def test_start_date_defaults_to_the_first_of_next_month():
    assert kit.default_start(datetime.date(2026, 12, 29)) == datetime.date(2027, 1, 1)
    r = run_kit({k: v for k, v in THREE_CARDS.items() if k != "start_date"})["result"]
    assert r["start_date"] == kit.default_start().isoformat()


# ---------------------------------------------------------------------------------------------
# Examples are not defaults (issue 13): blank means none, examples are hints and marked
# ---------------------------------------------------------------------------------------------


def test_blank_other_debt_payments_mean_none_and_the_letter_says_nothing_about_them():
    r = run_kit(dict(THREE_CARDS, other_debt_payments_yuan=""))["result"]
    # 8000 - 4500 - 0, not 8000 - 4500 - 500.
    assert r["capacity_yuan"] == Decimal("3500.00") and r["other_debt_payments_yuan"] == 0
    for lang in ("zh", "en"):
        letter = texts(r, "letter", "citic", lang)
        assert not re.search(r"(?<![\d,])500\.00", letter)
        assert ("其他债务" not in letter) if lang == "zh" else ("other debt" not in letter)
    assert "其他还款" not in texts(r, "script", "citic", "zh")
    # Given, they are stated as typed.
    r = run_kit(dict(THREE_CARDS, other_debt_payments_yuan="800"))["result"]
    assert "其他债务每月要还约 800.00 元" in texts(r, "letter", "citic", "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_form_shows_examples_as_hints_never_as_values(lang):
    from calculators import render

    html = render.render_form("negotiation_kit", lang)
    values = re.findall(r'<input [^>]*name="([^"]+)"[^>]*value="([^"]*)"', html)
    assert values and all(v == "" for _, v in values), [x for x in values if x[1]]
    hint = "例：" if lang == "zh" else "e.g. "
    for name, example in (
        ("other_debt_payments_yuan", "500"),
        ("monthly_income_yuan", "8000"),
        ("cards.0.balance_yuan", "30000"),
    ):
        assert re.search(rf'name="{re.escape(name)}"[^>]*placeholder="{re.escape(hint + example)}"', html), name
    # Choices start unchosen: no bank and no reason is picked for the reader.
    selects = re.findall(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', html)
    assert {n for n, _ in selects} >= {"cards.0.balance_yuan".replace("balance_yuan", "bank"), "hardship_reason"}
    for name, options in selects:
        selected = re.findall(r'<option value="([^"]*)" ?selected', options)
        assert selected == [""], (name, selected)
    # One empty card row, not the example's three.
    assert 'data-row="0"' in html and 'data-row="1"' not in html


def _example_marked(doc):
    text = kit.document_text(doc)
    return text.startswith("【示例 / Example】") and "示例 / Example：" in text or "示例 / Example: " in text


def test_the_worked_example_is_marked_in_every_document_until_the_reader_types():
    import json

    from calculators import render, web

    blank = {k: "" for k in render.form_defaults("negotiation_kit")}
    out = calculators.run("negotiation_kit", web.form_to_inputs(kit.CALCULATOR, blank))
    assert out["ok"], out
    r = out["result"]
    assert r["example"] and r["card_count"] == 3
    docs = list(all_documents(r))
    assert docs and all(_example_marked(d) for d in docs)
    for lang in ("zh", "en"):
        assert "示例 / Example" in kit.render_result_html(r, lang).split('class="kit-figures"')[0]
        # The page the reader sees before typing (and with JavaScript off) is that example.
        widget = render.render_widget("negotiation_kit", lang)
        assert "kit-example" in widget and "【示例 / Example】" in widget
    # A bank picked from a bank page (?bank=cmb) is not typing: still the example.
    picked = dict(blank, **{"cards.0.bank": "ceb"})
    r = calculators.run("negotiation_kit", web.form_to_inputs(kit.CALCULATOR, picked))["result"]
    assert r["example"] and r["plans"][0]["bank"] == "ceb"
    assert all(_example_marked(d) for d in all_documents(r))
    # The reader's own figures: no mark anywhere.
    own = run_kit(THREE_CARDS)["result"]
    assert not own["example"] and not any("示例" in kit.document_text(d) for d in all_documents(own))
    assert "kit-example" not in kit.render_result_html(own, "zh")
    # Some of the reader's figures but not all: asked for the rest, no example swapped in.
    part = json.loads(
        web.handle(
            json.dumps({"calculator": "negotiation_kit", "lang": "zh", "form": dict(blank, monthly_income_yuan="6000")})
        )
    )
    assert not part["ok"] and {e["field"] for e in part["errors"]} >= {"cards", "essential_spending_yuan"}


def test_empty_card_rows_are_ignored():
    inputs = dict(
        THREE_CARDS, cards=THREE_CARDS["cards"] + [{"bank": "icbc", "balance_yuan": "", "overdue_months": ""}]
    )
    r = run_kit(inputs)["result"]
    assert r["card_count"] == 3 and r["bank_count"] == 2


# ---------------------------------------------------------------------------------------------
# Shares and plan lengths (issue 13)
# ---------------------------------------------------------------------------------------------


def test_a_small_amount_over_many_banks_gives_no_zero_or_negative_share():
    cards = [{"bank": b, "balance_yuan": str(1000 + 7 * i)} for i, b in enumerate(kit.BANK_IDS)]
    inputs = {
        "cards": cards,
        "monthly_income_yuan": "4500.20",
        "essential_spending_yuan": "4500",
        "hardship_reason": "other",
        "start_date": "2027-01-01",
    }
    r = run_kit(inputs)["result"]
    assert len(r["plans"]) == 15 and r["capacity_yuan"] == Decimal("0.20")
    assert all(p["share_yuan"] > 0 and p["payment_yuan"] > 0 for p in r["plans"])
    assert all(p["payment_yuan"] <= p["share_yuan"] for p in r["plans"])
    assert sum(p["share_yuan"] for p in r["plans"]) == r["capacity_yuan"]
    # Less than one fen a bank: said plainly, no plan.
    out = run_kit(dict(inputs, monthly_income_yuan="4500.10"))
    assert not out["ok"] and "15 家银行" in out["errors"][0]["message"]["zh"]


def test_a_small_debt_beside_a_large_one_is_cleared_fast_not_over_60_months():
    r = run_kit(
        {
            "cards": [{"bank": "citic", "balance_yuan": "50"}, {"bank": "cmb", "balance_yuan": "200000"}],
            "monthly_income_yuan": "8333",
            "essential_spending_yuan": "5000",
            "hardship_reason": "other",
            "start_date": "2027-01-01",
        }
    )["result"]
    small, big = r["plans"]
    assert (small["periods"], small["payment_yuan"], small["clears"]) == (1, Decimal("50.00"), True)
    assert big["payment_yuan"] == r["capacity_yuan"] - Decimal("50") and not big["clears"]
    letter = texts(r, "letter", "citic", "zh")
    assert "分 1 期" in letter and "0.83" not in letter


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    debts=st.lists(st.integers(min_value=1, max_value=400000), min_size=1, max_size=15),
    capacity=st.integers(min_value=1, max_value=2000000),
)
def test_allocation_adds_up_has_no_empty_share_and_no_plan_longer_than_needed(debts, capacity):
    cap = Decimal(capacity) / 100
    debts = [Decimal(d) for d in debts]
    if cap < Decimal("0.01") * len(debts):
        return
    from calculators.negotiation_kit.plan import allocate, shortest_fitting

    shares = allocate(cap, debts)
    assert sum(shares) == cap and all(s >= Decimal("0.01") for s in shares)
    for d, s in zip(debts, shares, strict=True):
        m = shortest_fitting(d, s)
        plan = kit.bank_plan(d, s)
        assert plan["max_payment_yuan"] <= s
        # The plan is the shortest its share pays for; a debt that the share clears in one
        # month is not spread out.
        assert plan["periods"] == (m if m is not None else 60)


_MONEY = re.compile(r"(?:¥)?(\d{1,3}(?:,\d{3})*\.\d\d)(?: 元)?")


@settings(max_examples=30, deadline=None, derandomize=True)
@given(
    balances=st.lists(st.integers(min_value=1, max_value=300000), min_size=1, max_size=4),
    banks=st.lists(st.sampled_from(kit.BANK_IDS), min_size=4, max_size=4),
    income=st.integers(min_value=600, max_value=60000),
    other=st.sampled_from(["", "0", "300"]),
    periods=st.sampled_from(["", "6", "24", "60"]),
)
def test_every_amount_in_every_document_comes_from_the_reader_or_the_plan(balances, banks, income, other, periods):
    cards = [{"bank": banks[i], "balance_yuan": str(b)} for i, b in enumerate(balances)]
    out = run_kit(
        {
            "cards": cards,
            "monthly_income_yuan": str(income),
            "essential_spending_yuan": "500",
            "other_debt_payments_yuan": other,
            "periods": periods,
            "hardship_reason": "other",
            "start_date": "2027-03-31",
        }
    )
    if not out["ok"]:
        return
    r = out["result"]
    # What the reader typed (blank other debts: none) ...
    known = {Decimal(income), Decimal("500"), Decimal(other or "0")} | {Decimal(b) for b in balances}
    # ... and what the kit computed from it.
    known |= {r["capacity_yuan"], r["total_debt_yuan"]}
    for p in r["plans"]:
        known |= {
            p[k]
            for k in ("debt_yuan", "share_yuan", "payment_yuan", "last_payment_yuan", "covered_yuan", "shortfall_yuan")
        }
    for doc in all_documents(r):
        for amount in _MONEY.findall(kit.document_text(doc)):
            assert Decimal(amount.replace(",", "")) in known, (amount, doc["id"])
