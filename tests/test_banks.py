"""Bank records (data/banks/*.yml), their schema, and the bank pages a reader sees.

The page tests read the built site (the ``built_site`` fixture in conftest.py: one strict build
per session; set SITE_DIR to reuse a build).
"""

from __future__ import annotations

import copy
import datetime
import html.parser
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import bank_schema
from macros.bank_schema import is_shown, read_yaml, validate, validate_files
from macros.banks import render_bank_page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "banks"
DOCS = ROOT / "docs" / "banks"
EXPECTED_IDS = {
    "citic",
    "spdb",
    "icbc",
    "ccb",
    "abc",
    "boc",
    "bocom",
    "cmb",
    "ceb",
    "cmbc",
    "cib",
    "pingan",
    "cgb",
    "hxb",
    "psbc",
}
TODAY = datetime.date(2026, 12, 1)


def _load(bank_id):
    data, problems = read_yaml(DATA / f"{bank_id}.yml")
    assert not problems
    return data


RECORDS = {p.stem: _load(p.stem) for p in sorted(DATA.glob("*.yml"))}


def _digits(number):
    return re.sub(r"\D", "", str(number))


def _all_numbers(rec):
    """Every number in the record's phone lists (shown or not)."""
    return {str(e["number"]) for group in rec["phones"].values() for e in group}


# ---------------------------------------------------------------------------
# The records
# ---------------------------------------------------------------------------


def test_every_expected_bank_has_a_record():
    assert set(RECORDS) >= EXPECTED_IDS


def test_every_record_is_valid():
    _, messages = validate_files(sorted(DATA.glob("*.yml")))
    assert messages == []


def test_the_cli_accepts_the_real_records():
    files = [str(p.relative_to(ROOT)) for p in sorted(DATA.glob("*.yml"))]
    result = subprocess.run(
        [sys.executable, "-m", "macros.bank_schema", *files], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK: {len(files)} bank records valid." in result.stdout


def test_negotiation_policy_is_unknown_for_every_bank():
    """No bank-specific negotiation policy has a source: every record must say so."""
    for bank_id, rec in RECORDS.items():
        policy = [u for u in rec["unknowns"] if u["about"] == "negotiation_policy"]
        assert policy and policy[0]["confidence"] == "U", bank_id


def test_seed_banks_keep_their_sourced_menu_hint_and_numbers():
    ceb = RECORDS["ceb"]["phones"]["card_service"][0]
    assert str(ceb["number"]) == "95595"
    # "press 8" has a single source: the hint gives the key and says it is not confirmed (review m4).
    assert ceb["hint"]["zh"].startswith("接通后按 8") and "没有确认" in ceb["hint"]["zh"]
    assert ceb["hint"]["en"].startswith("then press 8") and "not confirmed" in ceb["hint"]["en"]
    assert [str(e["number"]) for e in RECORDS["citic"]["phones"]["card_service"]] == ["400-889-5558"]
    assert [str(e["number"]) for e in RECORDS["spdb"]["phones"]["card_service"]] == ["400-820-8788", "021-3878-4988"]


# ---------------------------------------------------------------------------
# The schema rejects broken records, and says what to fix
# ---------------------------------------------------------------------------


def _broken(change):
    rec = copy.deepcopy(RECORDS["citic"])
    change(rec)
    return validate(rec, "data/banks/citic.yml", today=TODAY)


def test_missing_source_is_rejected():
    def change(rec):
        del rec["phones"]["card_service"][0]["sources"]

    messages = _broken(change)
    assert (
        "data/banks/citic.yml: phones.card_service[0] has no source: add `sources: [id]` naming "
        "at least one entry of the `sources:` list at the top of the file"
    ) in messages


def test_source_that_is_not_listed_is_rejected():
    def change(rec):
        rec["apps"][0]["sources"] = ["e", "ff"]

    messages = _broken(change)
    assert any(
        "apps[0].sources names the source 'ff', which is not in the `sources:` list" in m and "did you mean 'f'?" in m
        for m in messages
    ), messages


def test_malformed_number_is_rejected():
    def change(rec):
        rec["phones"]["card_service"][0]["number"] = "400-889-558"

    assert _broken(change) == [
        "data/banks/citic.yml: phones.card_service[0].number '400-889-558' is not a valid Chinese "
        "service number (expected 955xx, 400-xxx-xxxx or 0xx-xxxx-xxxx)"
    ]


@pytest.mark.parametrize(
    "number, ok",
    [
        ("95558", True),
        (95558, True),
        ("400-889-5558", True),
        ("021-3878-4988", True),
        ("0755-1234-5678", True),
        ("4008895558", False),
        ("400-66-95588", False),
        ("9555", False),
        ("12345", False),
        ("400-889-5558 ", False),
        ("tel:95558", False),
        ("", False),
        (None, False),
    ],
)
def test_number_forms(number, ok):
    def change(rec):
        rec["phones"]["general"][0]["number"] = number

    messages = _broken(change)
    assert (messages == []) is ok, messages


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-13-01", "'2026-13-01' is not a real date (YYYY-MM-DD)"),
        ("29/11/2026", "'29/11/2026' is not a date written as YYYY-MM-DD"),
        ("2026-12-02", "'2026-12-02' is in the future (today is 2026-12-01)"),
        ("", "'' is not a date written as YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_rejected(value, expected):
    def change(rec):
        rec["official_page"]["checked"] = value

    messages = _broken(change)
    assert len(messages) == 1 and messages[0].startswith(f"data/banks/citic.yml: official_page.checked {expected}"), (
        messages
    )


def test_bad_date_in_a_file_is_reported_not_crashed(tmp_path):
    text = (DATA / "citic.yml").read_text(encoding="utf-8").replace("checked: 2026-11-29", "checked: 2026-02-30", 1)
    bad = tmp_path / "citic.yml"
    bad.write_text(text, encoding="utf-8")
    _, messages = validate_files([bad], today=TODAY)
    assert messages == [f"{bad}: names.zh_short.checked '2026-02-30' is not a real date (YYYY-MM-DD)"]


@pytest.mark.parametrize(
    "lang, value, expected",
    [
        ("en", None, "plan_route.steps[0] is missing the key 'en'"),
        ("en", "", "plan_route.steps[0].en is missing the English text"),
        ("zh", "   ", "plan_route.steps[0].zh is missing the Chinese text"),
        (
            "zh",
            "Call the card centre",
            "plan_route.steps[0].zh should be Chinese text, but it has no Chinese characters",
        ),
        ("en", "打电话", "plan_route.steps[0].en should be English text, but it has no Latin letters"),
    ],
)
def test_missing_or_wrong_language_is_rejected(lang, value, expected):
    def change(rec):
        step = rec["plan_route"]["steps"][0]
        if value is None:
            del step[lang]
        else:
            step[lang] = value

    messages = _broken(change)
    assert len(messages) == 1 and messages[0].startswith(f"data/banks/citic.yml: {expected}"), messages


def test_unknown_key_is_rejected_with_a_suggestion():
    def change(rec):
        rec["phones"]["card_servise"] = rec["phones"].pop("card_service")

    messages = _broken(change)
    assert (
        "data/banks/citic.yml: phones has an unknown key 'card_servise' (did you mean "
        "'card_service'?); allowed keys: card_service, former, general, vip"
    ) in messages
    assert "data/banks/citic.yml: phones is missing the key 'card_service'" in messages


def test_bad_url_is_rejected():
    def change(rec):
        rec["official_page"]["url"] = "creditcard.ecitic.com/lianxiwomen.shtml"

    assert _broken(change) == [
        "data/banks/citic.yml: official_page.url 'creditcard.ecitic.com/lianxiwomen.shtml' is not a "
        "web address (expected https://host/path, with no spaces)"
    ]


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("X", "apps[0].confidence 'X' is not a confidence tag; use C, S or W"),
        ("s", "apps[0].confidence 's' is not a confidence tag"),
        ("U", "apps[0].confidence is U (unknown): a fact with no source cannot be stored as a fact"),
        ("W", "apps[0] is tagged W (weak), and W facts are never shown on the site: add `publish: false`"),
    ],
)
def test_wrong_confidence_tag_is_rejected(tag, expected):
    def change(rec):
        rec["apps"][0]["confidence"] = tag

    messages = _broken(change)
    assert len(messages) == 1 and messages[0].startswith(f"data/banks/citic.yml: {expected}"), messages


def test_weak_fact_is_accepted_when_it_is_not_published():
    def change(rec):
        rec["apps"][0].update(confidence="W", publish=False)

    assert _broken(change) == []


def test_unknowns_must_include_the_negotiation_policy():
    def change(rec):
        rec["unknowns"] = [u for u in rec["unknowns"] if u["about"] != "negotiation_policy"]

    assert any("unknowns needs an entry with `about: negotiation_policy`" in m for m in _broken(change))


def test_a_bank_needs_a_number_that_can_be_shown():
    def change(rec):
        rec["phones"]["card_service"][0].update(confidence="W", publish=False)

    assert (
        "data/banks/citic.yml: phones.card_service has no number that can be shown: at least one "
        "card-service number must be tagged C or S"
    ) in _broken(change)


def test_id_must_match_the_file_name():
    def change(rec):
        rec["id"] = "spdb"

    assert any("id 'spdb' does not match the file name" in m for m in _broken(change))


def test_two_banks_cannot_share_an_id_or_a_menu_position():
    a, b = copy.deepcopy(RECORDS["citic"]), copy.deepcopy(RECORDS["citic"])
    messages = bank_schema.validate_records([("x/citic.yml", a), ("y/citic.yml", b)], today=TODAY)
    assert "y/citic.yml: id 'citic' is also used by x/citic.yml" in messages
    assert any(m.startswith("y/citic.yml: order 1 is also used by x/citic.yml") for m in messages)


def test_key_written_twice_is_reported(tmp_path):
    bad = tmp_path / "citic.yml"
    bad.write_text("id: citic\nid: spdb\n", encoding="utf-8")
    _, messages = validate_files([bad])
    assert len(messages) == 1 and "key 'id' is written twice" in messages[0] and "line 2" in messages[0]


def test_cli_prints_the_problems_and_fails(tmp_path):
    text = (DATA / "citic.yml").read_text(encoding="utf-8").replace("400-889-5558", "400-889-558")
    bad = tmp_path / "citic.yml"
    bad.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.bank_schema", str(bad)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"{bad}: phones.card_service[0].number '400-889-558' is not a valid" in result.stdout
    assert "1 problem found" in result.stderr


def test_build_refuses_an_invalid_record(tmp_path):
    (tmp_path / "citic.yml").write_text(
        (DATA / "citic.yml").read_text(encoding="utf-8").replace("confidence: S", "confidence: maybe", 1),
        encoding="utf-8",
    )
    with pytest.raises(bank_schema.BankDataError) as caught:
        bank_schema.load_banks(tmp_path)
    assert "names.zh_short.confidence 'maybe' is not a confidence tag" in str(caught.value)


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(junk=_junk)
def test_any_junk_gives_messages_not_a_crash(junk):
    messages = validate(junk, "data/banks/junk.yml", today=TODAY)
    assert messages and all(isinstance(m, str) and m.startswith("data/banks/junk.yml:") for m in messages)


_PATHS = [
    ("id",),
    ("order",),
    ("names", "en_official"),
    ("names", "zh_short", "text"),
    ("phones", "card_service"),
    ("phones", "card_service", 0, "checked"),
    ("apps", 0, "kind"),
    ("official_page", "url"),
    ("plan_route", "steps", 0),
    ("unknowns", 0, "confidence"),
    ("sources", "a", "label", "en"),
]


@settings(max_examples=150, deadline=None)
@given(where=st.sampled_from(_PATHS), junk=_junk.filter(lambda j: not isinstance(j, str)))
def test_replacing_any_part_with_junk_is_reported_at_that_part(where, junk):
    rec = copy.deepcopy(RECORDS["citic"])
    parent = rec
    for key in where[:-1]:
        parent = parent[key]
    if junk == parent[where[-1]] or (where == ("order",) and isinstance(junk, int) and junk >= 1):
        return  # not broken
    parent[where[-1]] = junk
    messages = validate(rec, "data/banks/citic.yml", today=TODAY)
    assert messages, (where, junk)


# ---------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------


def test_every_bank_has_a_page_in_both_languages():
    for bank_id, rec in RECORDS.items():
        zh = (DOCS / f"{bank_id}.md").read_text(encoding="utf-8")
        en = (DOCS / f"{bank_id}.en.md").read_text(encoding="utf-8")
        assert zh.startswith(f"# {rec['names']['zh_short']['text']}信用卡：怎样协商还款\n"), bank_id
        assert en.startswith(f"# {rec['names']['en_short']} credit cards: how to negotiate repayment\n"), bank_id
        for text in (zh, en):
            assert f'{{{{ bank_page("{bank_id}") }}}}' in text


def test_every_bank_page_has_a_record():
    stems = {p.name.split(".")[0] for p in DOCS.glob("*.md")} - {"index", "card-terms"}
    assert stems == set(RECORDS)


class _Article(html.parser.HTMLParser):
    """The text, links and ids inside the page's <article> (the page body, without nav)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text, self.links, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth:
            if tag == "a" and attrs.get("href"):
                self.links.append(attrs["href"])
            if attrs.get("id"):
                self.ids.add(attrs["id"])
            if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "br", "tr"):
                self.text.append("\n")

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def _article(path: Path) -> _Article:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.body = "".join(parser.text)
    assert parser.body.strip(), f"{path} has no article text"
    return parser


PHONE_RE = re.compile(r"(?<![\d-])(955\d\d|400-?\d{2,3}-?\d{4,5}|0\d{2,3}-\d{3,4}-\d{4})(?![\d-])")


def _page(site: Path, bank_id: str, lang: str) -> Path:
    return site / ("en/" if lang == "en" else "") / "banks" / bank_id / "index.html"


def _tels(article):
    return sorted(h for h in article.links if h.startswith("tel:"))


@pytest.fixture(scope="module")
def pages(built_site):
    out = {}
    for bank_id in RECORDS:
        for lang in ("zh", "en"):
            path = _page(built_site, bank_id, lang)
            assert path.is_file(), f"missing built page {path.relative_to(built_site)}"
            out[bank_id, lang] = _article(path)
    return out


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_chinese_and_english_pages_show_the_same_numbers(pages, bank_id):
    zh, en = pages[bank_id, "zh"], pages[bank_id, "en"]
    assert _tels(zh) and _tels(zh) == _tels(en)
    assert sorted(PHONE_RE.findall(zh.body)) == sorted(PHONE_RE.findall(en.body))


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_every_number_on_a_page_is_in_the_data_file(pages, bank_id):
    known = {_digits(n) for n in _all_numbers(RECORDS[bank_id])}
    for lang in ("zh", "en"):
        page = pages[bank_id, lang]
        shown = {_digits(h) for h in _tels(page)} | {_digits(n) for n in PHONE_RE.findall(page.body)}
        assert shown and shown <= known, (lang, shown - known)


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_every_published_number_is_on_both_pages_and_hidden_facts_are_not(pages, bank_id):
    rec = RECORDS[bank_id]
    for lang in ("zh", "en"):
        page = pages[bank_id, lang]
        for group in ("card_service", "general", "vip"):
            for entry in rec["phones"].get(group, []):
                if is_shown(entry):
                    assert f"tel:{_digits(entry['number'])}" in page.links, (lang, entry["number"])
        for entry in rec["phones"].get("former", []):
            if is_shown(entry):
                assert str(entry["number"]) in page.body
                assert f"tel:{_digits(entry['number'])}" not in page.links  # old numbers are not links
        hidden = [
            f.get("text") or f.get("name")
            for f in [*rec["names"].values(), *rec["apps"]]
            if isinstance(f, dict) and not is_shown(f)
        ]
        for text in hidden:
            assert text not in page.body, (lang, text)


@pytest.mark.parametrize("bank_id, vip", [("icbc", "400-669-5588"), ("cib", "400-889-5561")])
def test_vip_lines_are_listed_apart_from_the_card_centre(bank_id, vip):
    """A VIP-only number is never offered as the card centre, in the text or in the kit's phone."""
    rec = RECORDS[bank_id]
    assert vip not in [str(e["number"]) for e in rec["phones"]["card_service"]]
    for lang, label, card, warning in (
        ("zh", "VIP 专线", "信用卡中心", "普通持卡人请打信用卡中心电话"),
        ("en", "VIP line", "Card centre", "other cardholders should call the card centre"),
    ):
        lines = render_bank_page(rec, lang).splitlines()
        vip_lines = [line for line in lines if vip in line and line.startswith("- ")]
        assert len(vip_lines) == 1, (lang, vip_lines)
        assert vip_lines[0].startswith(f"- **{label}**") and warning in vip_lines[0], (lang, vip_lines)
        assert not [line for line in lines if line.startswith(f"- **{card}**") and vip in line], lang
        assert vip not in render_bank_page(rec, lang).split("\n\n", 3)[1]  # not in the first sentence


def test_no_card_centre_entry_is_a_vip_line():
    for bank_id, rec in RECORDS.items():
        for entry in rec["phones"]["card_service"]:
            note = entry.get("note", {})
            assert "VIP" not in note.get("zh", "") + note.get("en", ""), (bank_id, entry["number"])


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_dates_of_unchecked_facts_read_as_compiled_not_checked(bank_id):
    """No bank fact is checked on an official source yet: the date column must not say 核对/checked."""
    rec = RECORDS[bank_id]
    assert all(f.get("confidence") != "C" for f in _shown_facts(rec))
    zh, en = render_bank_page(rec, "zh"), render_bank_page(rec, "en")
    assert "| 本站整理日期 |" in zh and "核对日期" not in zh and " 核对；" not in zh
    assert "| Date compiled |" in en and "| Checked |" not in en and "checked 20" not in en


def test_no_published_fact_rests_on_a_single_source_except_the_flagged_ceb_line():
    """The research sheet's rule: one source is [W], and [W] is never shown (review m4)."""
    for bank_id, rec in RECORDS.items():
        facts = [
            *(e for g in rec["phones"].values() for e in g),
            *rec["apps"],
        ]
        for fact in facts:
            if not is_shown(fact) or len(fact["sources"]) > 1:
                continue
            label = fact.get("number") or fact.get("name")
            assert (bank_id, str(label)) == ("ceb", "95595"), (bank_id, label, fact["sources"])
            assert "not confirmed" in fact["hint"]["en"] and "没有确认" in fact["hint"]["zh"]


def test_weak_facts_are_not_shown(pages):
    """CCB's card app has a single source ([W] in data/banks/ccb.yml): neither language may state it."""
    for lang in ("zh", "en"):
        assert "建行生活" not in pages["ccb", lang].body


def _shown_facts(rec):
    """Everything a page shows: the published facts, and the unknowns."""
    facts = [
        *rec["names"].values(),
        *(e for g in rec["phones"].values() for e in g),
        *rec["apps"],
        rec["official_page"],
        rec["plan_route"],
        *rec.get("dated_facts", []),
        *rec.get("terms", {}).values(),
    ]
    return [f for f in facts if is_shown(f)] + list(rec["unknowns"])


def _checked_dates(rec):
    return {str(f["checked"]) for f in _shown_facts(rec)}


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_pages_say_plainly_what_is_not_known_and_where_facts_come_from(pages, bank_id):
    rec = RECORDS[bank_id]
    for lang in ("zh", "en"):
        page = pages[bank_id, lang]
        for item in rec["unknowns"]:
            assert item["text"][lang] in page.body
        cited = {sid for f in _shown_facts(rec) for sid in f["sources"]}
        for sid, source in rec["sources"].items():
            if sid in cited:
                assert source["label"][lang] in page.body, (lang, sid)
                assert f"bank-src-{sid}" in page.ids
            else:  # a source only of hidden (weak) facts is not listed either
                assert source["label"][lang] not in page.body, (lang, sid)
        for date in _checked_dates(rec):
            assert date in page.body, (lang, date)
        assert "Macro Rendering Error" not in page.body


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_links_from_bank_pages_reach_pages_in_the_same_language(built_site, pages, bank_id):
    targets = {"guide/how-to-negotiate/", "guide/article-70/", "kit/", "about/sources/"}
    for lang in ("zh", "en"):
        page_url = posixpath.join("/", "en" if lang == "en" else "", "banks", bank_id, "")
        reached = set()
        for href in pages[bank_id, lang].links:
            if href.startswith(("tel:", "http:", "https:", "#")):
                continue
            url = posixpath.normpath(posixpath.join(page_url, href.split("#")[0])) + "/"
            assert (built_site / url.lstrip("/") / "index.html").is_file(), (lang, href)
            prefix = "/en/" if lang == "en" else "/"
            assert url.startswith(prefix) and (lang == "en" or not url.startswith("/en/")), (lang, href)
            reached.add(url[len(prefix) :])
        assert targets <= reached, (lang, targets - reached)


def test_seed_corrections_are_on_both_seed_bank_pages(pages):
    for bank_id in ("citic", "spdb"):
        assert "可以" in pages[bank_id, "zh"].body
        assert "may agree, not that it must" in pages[bank_id, "en"].body
    # The 《人民合同法》 claim is in the seed's SPDB section, not its CITIC one (review m11).
    assert "《人民合同法》" in pages["spdb", "zh"].body and "No such law exists" in pages["spdb", "en"].body
    assert "《人民合同法》" not in pages["citic", "zh"].body and "No such law exists" not in pages["citic", "en"].body


def test_citic_page_corrects_what_the_seed_says_about_citic(pages):
    """Review m11: the seed's CITIC section promises a good credit record and email/online-chat channels."""
    zh, en = pages["citic", "zh"].body, pages["citic", "en"].body
    assert "维护良好的信用记录" in zh and "不会删除已经产生的逾期记录" in zh and "第十六条" in zh
    assert "keeps a good credit record" in en and "does not delete overdue marks" in en and "Article 16" in en
    assert "电子邮件" in zh and "在线客服" in zh and "有来源的做法只有打信用卡中心电话" in zh
    assert "by email" in en and "online chat" in en and "The only sourced route is to call the card centre" in en


def test_spdb_page_answers_the_seed_question_first(pages):
    """Review m12: the page says at the top whether SPDB negotiates, before any correction."""
    zh, en = pages["spdb", "zh"].body, pages["spdb", "en"].body
    answer_zh = "第七十条对浦发同样适用"
    answer_en = "applies to SPDB as it does to any other bank"
    assert answer_zh in zh and zh.index(answer_zh) < zh.index("《人民合同法》")
    assert "没有义务同意" in zh and "没有公开资料" in zh
    assert answer_en in en and en.index(answer_en) < en.index("No such law exists")
    assert "does not have to" in en and "no public source says" in en


def test_spdb_instalment_terms_are_dated(pages):
    assert "2018 年 7 月前后" in pages["spdb", "zh"].body
    assert "around July 2018" in pages["spdb", "en"].body
    assert "0.90%" in pages["spdb", "zh"].body and "0.90%" in pages["spdb", "en"].body


def test_bank_index_lists_every_bank_with_its_number_in_both_languages(built_site):
    for lang in ("zh", "en"):
        index = _article(built_site / ("en/" if lang == "en" else "") / "banks" / "index.html")
        for bank_id, rec in RECORDS.items():
            assert f"{bank_id}/" in index.links, (lang, bank_id)
            first = next(e for e in rec["phones"]["card_service"] if is_shown(e))
            assert f"tel:{_digits(first['number'])}" in index.links, (lang, bank_id)
        assert "../about/sources/" in index.links


@pytest.mark.parametrize("bank_id", sorted(RECORDS))
def test_section_anchors_are_the_same_in_both_languages(pages, bank_id):
    sections = {
        "phones",
        "app",
        "official-page",
        "terms",
        "calculators",
        "how-to-ask",
        "reports",
        "unknowns",
        "sources",
    }
    zh, en = pages[bank_id, "zh"].ids, pages[bank_id, "en"].ids
    assert sections <= zh and sections <= en
    assert {i for i in zh if i.startswith("dated-")} == {i for i in en if i.startswith("dated-")}
