"""Issue 12: card terms with their sources, calculator links with a bank's terms, readers' reports.

Schema tests check the messages a contributor sees; page tests read the built site (``built_site``,
one strict build per session; set SITE_DIR to reuse a build).
"""

from __future__ import annotations

import copy
import datetime
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import pytest
import yaml

import calculators
from calculators import render, web
from calculators._parse import parse_inputs
from macros import banks
from macros.bank_schema import REPORT_PLAN, TERM_KINDS, is_shown, read_yaml, validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "banks"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
TODAY = datetime.date(2026, 12, 1)
RECORDS = {p.stem: read_yaml(p)[0] for p in sorted(DATA.glob("*.yml"))}

REPORT = {
    "issue": 7,
    "month": "2026-10",
    "overdue_months": 3,
    "outcome": "agreed",
    "periods": 36,
    "interest": "waived",
    "fees": "not_waived",
    "down_payment": "none",
    "channel": "hotline",
    "took": "1_to_4_weeks",
    "added": "2026-11-30",
}


def _broken(bank_id, change):
    rec = copy.deepcopy(RECORDS[bank_id])
    change(rec)
    return validate(rec, f"data/banks/{bank_id}.yml", today=TODAY)


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


def test_every_bank_has_terms_and_an_empty_list_of_reports():
    for bank_id, rec in RECORDS.items():
        assert isinstance(rec.get("terms"), dict), bank_id
        assert rec.get("reports") == [], bank_id  # nobody has reported yet: none may be invented


def test_terms_come_only_from_secondary_or_better_sources_and_carry_their_figures_as_text():
    seen = 0
    for bank_id, rec in RECORDS.items():
        for kind, term in rec["terms"].items():
            assert term["confidence"] in ("C", "S"), (bank_id, kind)
            for value in (term.get("calc") or {}).values():
                assert isinstance(value, str), (bank_id, kind)
            seen += 1
    assert seen >= 15  # the research sheet's S values: CITIC, ICBC, CCB, BOC, CMB, Ping An


def test_research_sheet_values_for_cmb_are_as_sourced():
    terms = RECORDS["cmb"]["terms"]
    assert terms["late_fee"]["calc"] == {"late_fee_rate": "0.05", "late_fee_min": "10"}
    assert terms["daily_rate"]["calc"] == {"daily_rate": "0.0005"}
    assert "grace_period" not in terms  # [W] in the sheet: not shown


# ---------------------------------------------------------------------------
# Schema: terms
# ---------------------------------------------------------------------------


def test_a_term_without_a_source_is_rejected_with_what_to_add():
    messages = _broken("cmb", lambda r: r["terms"]["late_fee"].pop("sources"))
    assert (
        "data/banks/cmb.yml: terms.late_fee has no source: add `sources: [id]` naming at least "
        "one entry of the `sources:` list at the top of the file"
    ) in messages


def test_a_term_without_a_date_is_rejected_with_what_to_add():
    messages = _broken("cmb", lambda r: r["terms"]["late_fee"].pop("checked"))
    assert (
        "data/banks/cmb.yml: terms.late_fee has no date: add `checked: YYYY-MM-DD`, the day you read it in its source"
    ) in messages


def test_a_weak_term_must_not_be_published():
    messages = _broken("cmb", lambda r: r["terms"]["late_fee"].update(confidence="W"))
    assert any("terms.late_fee is tagged W (weak)" in m and "publish: false" in m for m in messages)


def test_a_misspelt_term_gets_a_suggestion():
    messages = _broken("cmb", lambda r: r["terms"].update(late_fees=r["terms"].pop("late_fee")))
    assert any("terms.late_fees is not a card term" in m and "did you mean 'late_fee'?" in m for m in messages), (
        messages
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        (0.05, "should be written in quotes as an exact decimal"),
        ("5%", "'5%' is not a plain decimal number"),
        ("5", "'5' is outside 0–1; it is a fraction: 5 % is written \"0.05\""),
    ],
)
def test_calculator_figures_must_be_exact_decimals_in_range(value, expected):
    messages = _broken("cmb", lambda r: r["terms"]["late_fee"]["calc"].update(late_fee_rate=value))
    assert any(
        m.startswith("data/banks/cmb.yml: terms.late_fee.calc.late_fee_rate") and expected in m for m in messages
    ), messages


def test_a_figure_no_calculator_takes_is_rejected():
    messages = _broken("cmb", lambda r: r["terms"]["late_fee"]["calc"].update(daily_rate="0.0005"))
    assert any("terms.late_fee.calc has an unknown key 'daily_rate'" in m for m in messages), messages


# ---------------------------------------------------------------------------
# Schema: reports
# ---------------------------------------------------------------------------


def test_a_complete_report_is_accepted():
    assert _broken("cmb", lambda r: r["reports"].append(dict(REPORT))) == []


@pytest.mark.parametrize(
    "key, value",
    [
        ("name", "李小梅"),
        ("card_number", "6225880212345678"),
        ("phone", "13800138000"),
        ("amount_yuan", 52300),
        ("city", "深圳"),
        ("note", "我在深圳南山区的网点谈的"),
    ],
)
def test_a_report_with_an_identifying_field_is_rejected(key, value):
    messages = _broken("cmb", lambda r: r["reports"].append({**REPORT, key: value}))
    assert len(messages) == 1 and messages[0].startswith(f"data/banks/cmb.yml: reports[0].{key} is not allowed"), (
        messages
    )
    assert "could identify the reader: remove it" in messages[0]


def test_a_report_keeps_only_the_month():
    messages = _broken("cmb", lambda r: r["reports"].append({**REPORT, "month": "2026-10-17"}))
    assert messages == [
        "data/banks/cmb.yml: reports[0].month '2026-10-17' has a day: keep only the "
        "year and month (YYYY-MM), so that the report says less about the reader"
    ]


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"channel": "wechat"}, "reports[0].channel 'wechat' should be one of app, branch, hotline, other"),
        ({"periods": "36期"}, "reports[0].periods '36期' should be a whole number from 1 to 120"),
        ({"overdue_months": -1}, "reports[0].overdue_months '-1' should be a whole number"),
        ({"outcome": "refused"}, "says the bank refused, so it has no plan: remove"),
    ],
)
def test_report_values_come_from_the_forms_lists(change, expected):
    messages = _broken("cmb", lambda r: r["reports"].append({**REPORT, **change}))
    assert any(expected in m for m in messages), messages


def test_an_agreed_plan_needs_its_terms():
    rep = {k: v for k, v in REPORT.items() if k != "periods"}
    messages = _broken("cmb", lambda r: r["reports"].append(rep))
    assert "data/banks/cmb.yml: reports[0] is missing the key 'periods' (the plan the bank agreed)" in messages


# ---------------------------------------------------------------------------
# The issue forms list exactly the banks in data/banks/
# ---------------------------------------------------------------------------


def _bank_options(form_name):
    form = yaml.safe_load((FORMS / form_name).read_text(encoding="utf-8"))
    field = next(f for f in form["body"] if f.get("id") == "bank")
    return [o for o in field["attributes"]["options"] if re.search(r"\([a-z]+\)$", o)]


@pytest.mark.parametrize("form_name", ["bank-fact.yml", "bank-report.yml"])
def test_issue_forms_list_the_banks_of_the_data_files(form_name):
    expected = [
        f"{r['names']['zh_short']['text']} {r['names']['en_short']} ({r['id']})"
        for r in sorted(RECORDS.values(), key=lambda r: r["order"])
    ]
    assert _bank_options(form_name) == expected


def test_the_report_form_asks_for_no_free_text():
    form = yaml.safe_load((FORMS / "bank-report.yml").read_text(encoding="utf-8"))
    kinds = {f["type"] for f in form["body"]}
    assert "textarea" not in kinds
    inputs = {f["id"] for f in form["body"] if f["type"] == "input"}
    assert inputs == {"month", "overdue_months", "periods"}


# ---------------------------------------------------------------------------
# Links to the calculators carry the bank's figures, and nothing else
# ---------------------------------------------------------------------------

CASES = [(b, c) for b in sorted(RECORDS) for c in banks.TERM_CALCULATORS if banks.term_inputs(RECORDS[b], c)]


def test_some_banks_have_figures_for_each_calculator():
    assert {c for _, c in CASES} == set(banks.TERM_CALCULATORS)


@pytest.mark.parametrize("bank_id, calc_name", CASES)
def test_a_link_fills_in_the_sourced_figures_exactly(bank_id, calc_name):
    """What the calculator parses from the link is the data file's figure, to the digit."""
    rec = RECORDS[bank_id]
    fragment = banks.term_fragment(rec, calc_name)
    sent = dict(parse_qsl(fragment.lstrip("#"), keep_blank_values=True))
    calc = calculators.get(calc_name)
    form = {**render.form_defaults(calc_name), **sent}
    parsed, errors = parse_inputs(calc.fields, web.form_to_inputs(calc, form))
    assert not [e for e in errors if e["field"] in sent], errors
    expected = {}
    for term in rec["terms"].values():
        if is_shown(term):
            expected.update({k: v for k, v in (term.get("calc") or {}).items() if k in sent})
    assert expected and set(expected) <= set(sent)
    for name, value in expected.items():
        assert parsed[name] == Decimal(value), (name, parsed[name], value)
    fields = {f.name: f for f in calc.fields}
    for name in set(sent) - set(expected):  # e.g. a late-fee cap the source does not give
        # Sent blank, so it means what a blank field means (never the page's example).
        stated = fields[name].blank
        meant = None if stated is None else parse_inputs((fields[name],), {name: stated})[0][name]
        assert sent[name] == "" and parsed.get(name) == meant, name


def test_a_hidden_term_is_neither_shown_nor_sent():
    rec = copy.deepcopy(RECORDS["cmb"])
    rec["terms"]["late_fee"].update(confidence="W", publish=False)
    assert "late_fee_rate" not in banks.term_inputs(rec, "overdue_cost")
    for lang in ("zh", "en"):
        page = banks.render_bank_page(rec, lang)
        assert rec["terms"]["late_fee"]["text"][lang] not in page


def test_reports_are_shown_as_unchecked_with_count_and_dates():
    rec = copy.deepcopy(RECORDS["cmb"])
    rec["reports"] = [dict(REPORT), {**REPORT, "issue": 9, "month": "2025-03", "outcome": "refused"}]
    for k in REPORT_PLAN:
        rec["reports"][1].pop(k)
    zh = banks.render_bank_page(rec, "zh", issues_url="https://github.com/o/r/issues/new/choose")
    en = banks.render_bank_page(rec, "en")
    assert "共 2 份报告，时间从 2025-03 到 2026-10。" in zh and "没有人核实过" in zh
    assert "2 reports, from 2025-03 to 2026-10." in en and "Nobody has checked them." in en
    assert "[#7](https://github.com/o/r/issues/7)" in zh
    assert "| 2026-10 | 3 months | plan agreed | 36 | waived | not waived | none | phone | 1–4 weeks | #7 |" in en
    assert "No reports yet" not in en


@pytest.mark.parametrize(
    "issues_url, form",
    [
        ("https://github.com/o/r/issues/new/choose", "https://github.com/o/r/issues/new?template=bank-report.yml"),
        ("", ""),
    ],
)
def test_report_form_link_follows_issues_url(issues_url, form):
    assert banks.report_form_url(issues_url) == form


# ---------------------------------------------------------------------------
# The built pages, in both languages
# ---------------------------------------------------------------------------

from test_banks import _article, _page  # noqa: E402  (same page parser as the other bank tests)

T = banks.T


@pytest.fixture(scope="module")
def articles(built_site):
    return {(b, lang): _article(_page(built_site, b, lang)) for b in RECORDS for lang in ("zh", "en")}


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bank_page_shows_its_terms_or_says_they_are_not_known(articles, bank_id, lang):
    page, rec = articles[bank_id, lang], RECORDS[bank_id]
    body = page.body
    assert {"terms", "calculators", "reports"} <= page.ids
    shown = banks.shown_terms(rec)
    for kind in TERM_KINDS:
        row = next((line for line in body.split("\n") if line.startswith(T[lang]["term_name"][kind])), None)
        assert row is not None, (kind, lang)
        if kind in shown:
            assert shown[kind]["text"][lang] in row or shown[kind]["text"][lang] in body
        else:
            assert T[lang]["term_unknown"] in body
    if shown:
        assert T[lang]["term_status"]["S"] in body  # "not yet checked with the bank"
    assert (T[lang]["term_unknown"] in body) == (len(shown) < len(TERM_KINDS))


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bank_page_links_to_each_calculator_with_its_terms(articles, bank_id, lang):
    links = [unquote(h) for h in articles[bank_id, lang].links]
    for calc in banks.TERM_CALCULATORS:
        target = f"../../calculators/{calc.replace('_', '-')}/" + banks.term_fragment(RECORDS[bank_id], calc)
        assert target in links, (calc, lang, [h for h in links if "calculators" in h])


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bank_page_has_an_empty_reports_table_inviting_a_report(built_site, articles, bank_id, lang):
    page = articles[bank_id, lang]
    assert T[lang]["reports_intro"].replace("**", "") in page.body
    assert T[lang]["reports_none"] in page.body
    assert "../../about/sources/" in page.links  # no ISSUES_URL in test builds: the sources page says how


@pytest.mark.parametrize("calc", banks.TERM_CALCULATORS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_calculator_page_offers_every_bank(built_site, calc, lang):
    path = built_site / ("en/" if lang == "en" else "") / "calculators" / calc.replace("_", "-") / "index.html"
    page = _article(path)
    links = [unquote(h) for h in page.links]
    assert "bank-terms" in page.ids
    for bank_id, rec in RECORDS.items():
        fragment = banks.term_fragment(rec, calc)
        if fragment:
            assert fragment in links, (bank_id, lang)
        assert f"../../banks/{bank_id}/#terms" in links, (bank_id, lang)
    assert "../../banks/card-terms/" in links


def test_the_page_on_where_to_find_terms_exists_in_both_languages(built_site):
    zh = _article(built_site / "banks" / "card-terms" / "index.html")
    en = _article(built_site / "en" / "banks" / "card-terms" / "index.html")
    assert {"three-places", "each-number", "when-they-differ"} <= zh.ids & en.ids
    assert "领用合约" in zh.body and "card agreement" in en.body
