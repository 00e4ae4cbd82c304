"""Bank pages: macros that turn ``data/banks/<id>.yml`` into page text.

Macros (registered by :func:`register`, called from ``macros/__init__.py``):

* ``{{ bank_page("citic") }}``  the whole body of a bank page, in the page's language;
* ``{{ bank_table() }}``        a table of all banks (name, card-service number, app, page link);
* ``{{ bank_phone("citic") }}`` the bank's main card-service number as a tel: link (with its hint);
* ``{{ bank_name("citic") }}``  the bank's short name in the page's language;
* ``{{ bank_term_links("overdue_cost") }}`` on a calculator page: one link per bank that fills the
  widget with the bank's sourced terms (``#daily_rate=0.05&late_fee_rate=5…``, built here from
  ``terms.*.calc``; the widget's existing ``applyFragment`` reads it, no JavaScript copy of a term).

A bank page shows, besides the contacts: a "card terms" table (``terms:``; each value with its
source, check date and "not yet checked with the bank" for S; "not known" where there is none),
links to the calculators that take card terms (TERM_CALCULATORS) with the bank's figures, and the
readers' reports (``reports:``; labelled unchecked, with count and date range, or an invitation
linking to the issue form ``bank-report.yml`` when ISSUES_URL is set).

Chinese and English pages read the same record, so they always show the same numbers.
Only facts tagged C or S (and not ``publish: false``) are shown; see ``macros/bank_schema.py``.
Section anchors are the same in both languages: #phones, #app, #official-page, #terms,
#calculators, #how-to-ask, #dated-1…, #reports, #unknowns, #sources (e.g. link ``../banks/citic.md#how-to-ask`` from a guide page).
All records are loaded and validated once per build; an invalid record stops the build with the
schema's messages.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from pathlib import Path

from macros.bank_schema import TERM_CALC, TERM_KINDS, BankDataError, is_shown, load_banks

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "banks"

# Pages the bank pages link to (paths inside docs/; the i18n plugin picks the language).
GUIDE_HOWTO = "guide/how-to-negotiate.md"
GUIDE_ART70 = "guide/article-70.md"
KIT = "kit/index.md"
SOURCES_PAGE = "about/sources.md"
TERMS_HELP = "banks/card-terms.md"
# The calculators that take card terms, in the order the bank page lists them.
TERM_CALCULATORS = ("overdue_cost", "minimum_payment", "revolving_interest")
REPORT_FORM = "bank-report.yml"

T = {
    "zh": {
        "first": "想协商还款，就打{bank}信用卡中心 {phone}，说你想申请“个性化分期还款”（也就是“协商还款”）。银行可以同意，也可以不同意。",
        "phones": "电话",
        "card_service": "信用卡中心",
        "general": "全行客服",
        "vip": "VIP 专线",
        "vip_note": "只接待银行的 VIP 客户；普通持卡人请打信用卡中心电话",
        "former": "旧号码",
        "also_general": "也是全行客服电话",
        "numbers_secondary": "号码会变。这些号码来自第三方资料（见页尾的来源），我们还没有在银行官网上逐一核对。打电话前，可以先在{page}上看一眼。",
        "numbers_confirmed": "号码会变。这些号码已在{page}上核对过。",
        "app": "App",
        "card_app": "信用卡 App",
        "main_app": "手机银行 App",
        "no_app": "我们还没有确认它办理信用卡用哪个 App（见下面“我们不知道的事”）。",
        "official": "官方页面",
        "official_link": "{bank}信用卡官方联系页面",
        "official_text": "联系方式以银行自己的页面为准：{link}。",
        "route": "怎样申请协商还款",
        "route_intro": "下面是我们能找到来源的唯一做法，有法规依据，对每家银行都一样：",
        "more": "接下来可以看：",
        "howto": "怎样和银行协商：一步一步来",
        "art70": "第七十条说了什么",
        "kit": "协商工具包：打电话前用得上",
        "dated_note": "注意：下面是 {date}前后的资料，现在可能已经变了。",
        "unknown": "我们不知道的事",
        "unknown_intro": "下面这些，我们没有找到可靠来源。请不要相信网上对这些问题说得很肯定的文章。",
        "sources": "来源和本站整理日期",
        "sources_intro": "每条信息来自哪里、可信度如何、本站什么时候整理的。“本站整理日期”是我们整理这条信息的日期，不是银行确认它仍然有效的日期。发现错误，请看{page}里的报告方法。",
        "sources_page": "“资料来源”页面",
        "col_fact": "信息",
        "col_src": "来源",
        "col_conf": "可信度",
        "col_date": "本站整理日期",
        "row_names": "银行名称（中文、英文）",
        "row_card": "信用卡中心电话 {n}",
        "row_general": "全行客服电话 {n}",
        "row_vip": "VIP 专线 {n}",
        "row_former": "旧号码 {n}",
        "row_app": "App：{n}",
        "row_page": "官方联系页面的地址",
        "row_route": "申请协商还款的通用做法",
        "row_dated": "{title}",
        "row_unknown": "“我们不知道的事”里的各项",
        "conf": {"C": "已核实", "S": "二手资料", "U": "没有找到来源"},
        "conf_legend": "“已核实”：看过原文或银行官方页面。“二手资料”：引用或转述官方来源的第三方资料，还没有在官方网站上逐一核对。",
        "calculator": "想知道这些费率折算成年化利率是多少，可以用{link}。",
        "calculator_name": {"installment_apr": "分期真实年化计算器"},
        "terms": "信用卡条款",
        "terms_intro": "下面是我们找到的这家银行的信用卡条款。标着“第三方资料”的，来自转述或摘录银行文字的网站，**还没有向银行核实**。你自己的领用合约和账单为准；{help}。",
        "terms_help": "在哪里找到这些数字",
        "col_term": "条款",
        "col_value": "我们找到的",
        "term_sep": "；",
        "term_name": {
            "daily_rate": "透支利率（日利率）",
            "late_fee": "违约金",
            "minimum_payment": "最低还款额",
            "grace_period": "还款宽限期（容时）",
            "tolerance": "少还一点不算逾期（容差）",
            "instalment_fees": "分期手续费",
        },
        "term_unknown": "不知道：没有找到足够可靠的来源。",
        "term_status": {"C": "已在银行官方资料上核对", "S": "第三方资料，尚未向银行核实"},
        "term_checked": {"C": "{date} 核对", "S": "本站 {date} 整理"},
        "term_as_of": "资料约为 {date}",
        "term_undated": "来源没有写日期",
        "row_term": "信用卡条款：{n}",
        "calcs": "用这家银行的条款计算",
        "calcs_intro": "下面的链接打开计算器，并填好上表中有来源的数字。其他数字要你自己填；你的合同和账单为准。",
        "calcs_none": "上表没有这个计算器能用的数字，打开后请自己填写。",
        "calcs_fills": "填入{values}",
        "terms_help_line": "你自己卡片的这些数字，可以在账单、App 和领用合约里找到：{link}。",
        "rep_issue": "记录",
        "calc_link": {
            "overdue_cost": "计算逾期成本",
            "minimum_payment": "计算最低还款额",
            "revolving_interest": "计算只还一部分时的利息",
        },
        "field": {
            "daily_rate": "日利率 {v}",
            "late_fee_rate": "违约金比例 {v}",
            "late_fee_min": "违约金下限 {v}",
            "late_fee_max": "违约金上限 {v}",
            "ratio": "消费计入比例 {v}",
            "cash_ratio": "取现计入比例 {v}",
        },
        "reports": "读者报告：和这家银行协商的结果",
        "reports_intro": "这些是读者自己报告的结果，**没有人核实过**。一个人的结果不代表你会得到同样的结果。",
        "reports_count": "共 {n} 份报告，时间从 {first} 到 {last}。",
        "reports_none": "还没有读者报告。",
        "reports_add": "和{bank}谈过？[添加你的结果]({url})：只问月份、逾期几个月、方案和渠道，不问姓名、卡号或金额。",
        "reports_add_nolink": "和{bank}谈过？可以在本项目的代码仓库用 issue 表单“我和银行协商的结果”告诉我们（见{page}）：只问月份、逾期几个月、方案和渠道，不问姓名、卡号或金额。",
        "rep_cols": ("月份", "当时逾期", "结果", "分期", "利息", "费用", "首付", "渠道", "用时"),
        "rep_months": "{n} 个月",
        "rep_periods": "{n} 期",
        "rep_choice": {
            "agreed": "同意了方案",
            "refused": "拒绝",
            "waived": "减免",
            "partly_waived": "部分减免",
            "not_waived": "没有减免",
            "not_sure": "不确定",
            "none": "没有首付",
            "up_to_5": "欠款的 5% 以内",
            "5_to_10": "欠款的 5%–10%",
            "10_to_20": "欠款的 10%–20%",
            "over_20": "欠款的 20% 以上",
            "hotline": "电话",
            "branch": "网点",
            "app": "App",
            "other": "其他",
            "under_1_week": "不到 1 周",
            "1_to_4_weeks": "1–4 周",
            "1_to_3_months": "1–3 个月",
            "over_3_months": "3 个月以上",
        },
        "rep_dash": "—",
        "sources_short": "来源",
        "calc_banks_intro": "点银行名称，把该银行页面上有来源的数字填进上面的计算器；其他数字不变，只有来源没有给出的违约金下限或上限会清空。这些数字大多来自第三方资料，还没有向银行核实，**你自己的合同和账单为准**（{help}）。",
        "calc_banks_without": "下面这些银行，我们没有找到这个计算器能用的、有来源的数字：{banks}。",
        "table_bank": "银行",
        "table_phone": "信用卡中心电话",
        "table_app": "App",
        "app_unconfirmed": "未确认",
        "sep": "、",
        "paren": "（{}）",
        "colon": "：",
    },
    "en": {
        "first": "To ask for a repayment plan, call the {bank} card centre on {phone} and ask for a personalised instalment plan (个性化分期还款, also called 协商还款). The bank may say yes or no.",
        "phones": "Phone numbers",
        "card_service": "Card centre",
        "general": "Bank-wide customer service",
        "vip": "VIP line",
        "vip_note": "for the bank's VIP customers only; other cardholders should call the card centre",
        "former": "Older number",
        "also_general": "also the bank-wide customer-service number",
        "numbers_secondary": "Numbers change. These come from third-party sources (listed at the end of this page); we have not yet checked each one on the bank's own website. Before you call, take a look at the {page}.",
        "numbers_confirmed": "Numbers change. These were checked on the {page}.",
        "app": "App",
        "card_app": "credit-card app",
        "main_app": "main mobile-banking app",
        "no_app": "We have not confirmed which app this bank uses for credit cards (see “What we don't know” below).",
        "official": "Official page",
        "official_link": "{bank} official card contact page",
        "official_text": "The bank's own page has the final word on contact details: {link}.",
        "route": "How to ask for a repayment plan",
        "route_intro": "This is the only route we can source. It rests on a regulation and is the same for every bank:",
        "more": "Next:",
        "howto": "How to negotiate, step by step",
        "art70": "What Article 70 says",
        "kit": "Negotiation kit: what to have ready before you call",
        "dated_note": "Note: these facts are from around {date} and may have changed.",
        "unknown": "What we don't know",
        "unknown_intro": "We found no reliable source for the points below. Be wary of any article that sounds certain about them.",
        "sources": "Sources and dates compiled",
        "sources_intro": "Where each fact comes from, how sure we are, and when this site compiled it. The date compiled is when we wrote the fact down, not a date on which the bank confirmed it is still valid. To report a mistake, see the {page}.",
        "sources_page": "sources page",
        "col_fact": "Fact",
        "col_src": "Source",
        "col_conf": "Confidence",
        "col_date": "Date compiled",
        "row_names": "Bank name (Chinese and English)",
        "row_card": "Card-centre number {n}",
        "row_general": "Bank-wide number {n}",
        "row_vip": "VIP line {n}",
        "row_former": "Older number {n}",
        "row_app": "App: {n}",
        "row_page": "Address of the official contact page",
        "row_route": "The general route to a repayment plan",
        "row_dated": "{title}",
        "row_unknown": "Each point under “What we don't know”",
        "conf": {"C": "confirmed", "S": "secondary", "U": "no source found"},
        "conf_legend": "“Confirmed”: read in the primary text or on the bank's official page. “Secondary”: third-party sources that quote or summarise the official source, not yet checked one by one on the official website.",
        "calculator": "To see what these fees come to as an annual rate, use the {link}.",
        "calculator_name": {"installment_apr": "instalment true-rate calculator"},
        "terms": "Card terms",
        "terms_intro": "These are the card terms we found for this bank. Those marked “third-party source” come from sites that quote or summarise the bank's wording and **have not yet been checked with the bank**. Your own card agreement and statement prevail; see {help}.",
        "terms_help": "where to find these numbers",
        "col_term": "Term",
        "col_value": "What we found",
        "term_sep": "; ",
        "term_name": {
            "daily_rate": "Overdraft interest (daily rate)",
            "late_fee": "Late fee (违约金)",
            "minimum_payment": "Minimum payment",
            "grace_period": "Grace period after the due date (容时)",
            "tolerance": "Small shortfall treated as paid (容差)",
            "instalment_fees": "Instalment fees",
        },
        "term_unknown": "Not known: we found no source good enough.",
        "term_status": {
            "C": "checked on the bank's own documents",
            "S": "third-party source, not yet checked with the bank",
        },
        "term_checked": {"C": "checked {date}", "S": "compiled by this site {date}"},
        "term_as_of": "figures from about {date}",
        "term_undated": "source undated",
        "row_term": "Card term: {n}",
        "calcs": "Work it out with this bank's terms",
        "calcs_intro": "These links open a calculator with the sourced figures from the table above filled in. Fill in the rest yourself; your own agreement and statement prevail.",
        "calcs_none": "The table above has no figure this calculator can use: fill them in yourself.",
        "calcs_fills": "fills in {values}",
        "terms_help_line": "Your own card's figures are on your statement, in the app and in your card agreement: {link}.",
        "rep_issue": "Issue",
        "calc_link": {
            "overdue_cost": "Work out the cost of waiting",
            "minimum_payment": "Work out the minimum payment",
            "revolving_interest": "Work out the interest when you pay part",
        },
        "field": {
            "daily_rate": "daily rate {v}",
            "late_fee_rate": "late-fee rate {v}",
            "late_fee_min": "late-fee floor {v}",
            "late_fee_max": "late-fee cap {v}",
            "ratio": "share of purchases {v}",
            "cash_ratio": "share of cash advances {v}",
        },
        "reports": "Readers' reports: what this bank agreed",
        "reports_intro": "These are results readers reported themselves. **Nobody has checked them.** One person's result is no promise of yours.",
        "reports_count": "{n} reports, from {first} to {last}.",
        "reports_none": "No reports yet.",
        "reports_add": "Negotiated with {bank}? [Add your result]({url}): the form asks only for the month, months overdue, the plan and the channel; never your name, card number or amounts.",
        "reports_add_nolink": "Negotiated with {bank}? Tell us with the issue form “What my bank agreed” in the project's repository (see the {page}): it asks only for the month, months overdue, the plan and the channel; never your name, card number or amounts.",
        "rep_cols": (
            "Month",
            "Overdue then",
            "Outcome",
            "Periods",
            "Interest",
            "Fees",
            "Down payment",
            "Channel",
            "Took",
        ),
        "rep_months": "{n} months",
        "rep_periods": "{n}",
        "rep_choice": {
            "agreed": "plan agreed",
            "refused": "refused",
            "waived": "waived",
            "partly_waived": "partly waived",
            "not_waived": "not waived",
            "not_sure": "not sure",
            "none": "none",
            "up_to_5": "up to 5 % of the debt",
            "5_to_10": "5–10 % of the debt",
            "10_to_20": "10–20 % of the debt",
            "over_20": "over 20 % of the debt",
            "hotline": "phone",
            "branch": "branch",
            "app": "app",
            "other": "other",
            "under_1_week": "under a week",
            "1_to_4_weeks": "1–4 weeks",
            "1_to_3_months": "1–3 months",
            "over_3_months": "over 3 months",
        },
        "rep_dash": "—",
        "sources_short": "source",
        "calc_banks_intro": "Click a bank to fill the calculator above with the sourced figures from that bank's page; other fields stay as they are, except that a late-fee floor or cap the source does not give is cleared. Most come from third-party sources not yet checked with the bank: **your own agreement and statement prevail** ({help}).",
        "calc_banks_without": "For these banks we found no sourced figure this calculator can use: {banks}.",
        "table_bank": "Bank",
        "table_phone": "Card-centre number",
        "table_app": "App",
        "app_unconfirmed": "not confirmed",
        "sep": ", ",
        "paren": " ({})",
        "colon": ": ",
    },
}

_cache: dict = {}


def get_banks(data_dir=DATA_DIR):
    """All records, validated, sorted by ``order``.  Re-read only when a file changes."""
    data_dir = Path(data_dir)
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.glob("*.yml")))
    key = str(data_dir)
    if key not in _cache or _cache[key][0] != stamp:
        _cache[key] = (stamp, load_banks(data_dir))
    return _cache[key][1]


def get_bank(bank_id, data_dir=DATA_DIR):
    for rec in get_banks(data_dir):
        if rec["id"] == bank_id:
            return rec
    known = ", ".join(r["id"] for r in get_banks(data_dir))
    raise KeyError(f"unknown bank id '{bank_id}' (known: {known}); add data/banks/{bank_id}.yml or fix the id")


def numbers(rec, shown_only=True):
    """Every phone number in a record, in display form (all groups, including former)."""
    out = []
    for group in ("card_service", "general", "vip", "former"):
        for entry in rec["phones"].get(group, []):
            if not shown_only or is_shown(entry):
                out.append(str(entry["number"]))
    return out


# --------------------------------------------------------------------------
# Small rendering helpers
# --------------------------------------------------------------------------


def _t(lang):
    return T[lang]


def _cell(text):
    """Text safe inside a Markdown table cell or list item."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def tel(number):
    return f"[{number}](tel:{re.sub(r'[^0-9]', '', str(number))})"


def bank_short(rec, lang):
    return rec["names"]["zh_short"]["text"] if lang == "zh" else rec["names"]["en_short"]


def _page_dir(page):
    """Folder of the current page inside docs/ ('' at the top), for relative links."""
    src = getattr(getattr(page, "file", None), "src_uri", None) or "banks/index.md"
    return posixpath.dirname(src)


def rel(page, target):
    """Relative link from the current page to a file under docs/."""
    return posixpath.relpath(target, _page_dir(page) or ".")


def _shown(items):
    return [item for item in items if is_shown(item)]


def _phone_line(entry, lang, extra=None):
    t = _t(lang)
    bits = []
    if entry.get("hint"):
        bits.append(entry["hint"][lang])
    if entry.get("note"):
        bits.append(entry["note"][lang])
    if extra:
        bits.append(extra)
    text = tel(entry["number"])
    if bits:
        text += t["paren"].format("；".join(bits) if lang == "zh" else "; ".join(bits))
    return text


def phone_with_hint(rec, lang):
    entry = _shown(rec["phones"]["card_service"])[0]
    text = tel(entry["number"])
    if entry.get("hint"):
        text += _t(lang)["paren"].format(entry["hint"][lang])
    return text


# --------------------------------------------------------------------------
# The page body
# --------------------------------------------------------------------------


class _Sources:
    """Numbers the sources in order of first use, and keeps the fact table rows."""

    def __init__(self, rec, lang):
        self.rec, self.lang = rec, lang
        self.order = []
        self.rows = []

    def cite(self, fact_label, fact):
        ids = fact["sources"] if isinstance(fact["sources"], list) else [fact["sources"]]
        for sid in ids:
            if sid not in self.order:
                self.order.append(sid)
        refs = " ".join(f"[{self.order.index(s) + 1}](#bank-src-{s})" for s in ids)
        conf = _t(self.lang)["conf"][fact["confidence"]]
        checked = str(fact["checked"])
        row = (fact_label, refs, conf, checked)
        if row not in self.rows:
            self.rows.append(row)
        return refs

    def render(self, page):
        t = _t(self.lang)
        sources_link = f"[{t['sources_page']}]({rel(page, SOURCES_PAGE)})"
        out = [
            f"## {t['sources']} {{#sources}}",
            "",
            t["sources_intro"].format(page=sources_link),
            "",
            f"| {t['col_fact']} | {t['col_src']} | {t['col_conf']} | {t['col_date']} |",
            "| --- | --- | --- | --- |",
        ]
        out += [f"| {_cell(a)} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        out += ["", t["conf_legend"], ""]
        for i, sid in enumerate(self.order, 1):
            src = self.rec["sources"][sid]
            label = _cell(src["label"][self.lang])
            if src.get("url"):
                label = f"{label}: <{src['url']}>" if self.lang == "en" else f"{label}：<{src['url']}>"
            out.append(f'{i}. <span id="bank-src-{sid}"></span>{label}')
        return out


def render_bank_page(rec, lang, page=None, issues_url=""):
    t = _t(lang)
    name = bank_short(rec, lang)
    names = rec["names"]
    src = _Sources(rec, lang)
    out = []

    # Who this is, and the one thing to do.
    if lang == "zh":
        out.append(f"**{names['zh_short']['text']}**（{names['en_official']['text']}）")
    else:
        out.append(f"**{names['en_official']['text']}** ({names['zh_short']['text']})")
    src.cite(t["row_names"], names["zh_short"])
    src.cite(t["row_names"], names["en_official"])
    out += ["", t["first"].format(bank=name, phone=phone_with_hint(rec, lang)), ""]

    # Phone numbers.
    page_url = rec["official_page"]["url"] if is_shown(rec["official_page"]) else None
    official_link = (
        f"[{t['official_link'].format(bank=name)}]({page_url})" if page_url else t["official_link"].format(bank=name)
    )
    out += [f"## {t['phones']} {{#phones}}", ""]
    card = _shown(rec["phones"]["card_service"])
    card_numbers = {str(e["number"]) for e in card}
    general = _shown(rec["phones"]["general"])
    for entry in card:
        same = [g for g in general if str(g["number"]) == str(entry["number"])]
        extra = t["also_general"] if same else None
        out.append(f"- **{t['card_service']}**{t['colon']}{_phone_line(entry, lang, extra)}")
        src.cite(t["row_card"].format(n=entry["number"]), entry)
        for g in same:
            src.cite(t["row_general"].format(n=g["number"]), g)
    for entry in general:
        if str(entry["number"]) not in card_numbers:
            out.append(f"- **{t['general']}**{t['colon']}{_phone_line(entry, lang)}")
            src.cite(t["row_general"].format(n=entry["number"]), entry)
    vip = _shown(rec["phones"].get("vip", []))
    for entry in vip:
        # The "VIP only" warning comes first: it is what stops an ordinary cardholder calling.
        bits = [t["vip_note"]] + ([entry["note"][lang]] if entry.get("note") else [])
        line = tel(entry["number"]) + t["paren"].format(("；" if lang == "zh" else "; ").join(bits))
        out.append(f"- **{t['vip']}**{t['colon']}{line}")
        src.cite(t["row_vip"].format(n=entry["number"]), entry)
    for entry in _shown(rec["phones"].get("former", [])):
        note = t["paren"].format(entry["note"][lang]) if entry.get("note") else ""
        out.append(f"- {t['former']}{t['colon']}{entry['number']}{note}")
        src.cite(t["row_former"].format(n=entry["number"]), entry)
    phone_facts = card + general + vip + _shown(rec["phones"].get("former", []))
    key = "numbers_confirmed" if all(f["confidence"] == "C" for f in phone_facts) else "numbers_secondary"
    out += ["", t[key].format(page=official_link), ""]

    # App.
    out += [f"## {t['app']} {{#app}}", ""]
    apps = _shown(rec["apps"])
    for app in apps:
        bits = [t[app["kind"]]]
        if app.get("note"):
            bits.append(app["note"][lang])
        out.append(f"- **{app['name']}**" + t["paren"].format(("；" if lang == "zh" else "; ").join(bits)))
        src.cite(t["row_app"].format(n=app["name"]), app)
    if not apps:
        out.append(t["no_app"])
    out.append("")

    # Official page.
    out += [f"## {t['official']} {{#official-page}}", "", t["official_text"].format(link=official_link)]
    if page_url:
        note = rec["official_page"].get("note")
        if note:
            out[-1] += " " + note[lang] + ("。" if lang == "zh" else ".")
        src.cite(t["row_page"], rec["official_page"])
    out.append("")

    out += _terms_section(rec, lang, page, src)
    out += _calculators_section(rec, lang, page)

    # How to ask for a plan.
    route = rec["plan_route"]
    out += [f"## {t['route']} {{#how-to-ask}}", ""]
    if is_shown(route):
        out += [t["route_intro"], ""]
        out += [f"{i}. {_cell(step[lang])}" for i, step in enumerate(route["steps"], 1)]
        src.cite(t["row_route"], route)
        out.append("")
    out += [
        t["more"],
        "",
        f"- [{t['howto']}]({rel(page, GUIDE_HOWTO)})",
        f"- [{t['art70']}]({rel(page, GUIDE_ART70)})",
        f"- [{t['kit']}]({rel(page, KIT)})",
        "",
    ]

    # Dated facts (e.g. SPDB's 2018 instalment terms).
    for n, block in enumerate(_shown(rec.get("dated_facts", [])), 1):
        title = block["title"][lang]
        out += [f"## {title} {{#dated-{n}}}", "", t["dated_note"].format(date=_as_of(block["as_of"], lang)), ""]
        if block.get("intro"):
            out += [block["intro"][lang], ""]
        out += [f"- {_cell(item[lang])}" for item in block["items"]]
        out.append("")
        if block.get("calculator"):
            name = block["calculator"]
            label = t["calculator_name"].get(name, name)
            target = f"calculators/{name.replace('_', '-')}.md"
            out += [t["calculator"].format(link=f"[{label}]({rel(page, target)})"), ""]
        src.cite(t["row_dated"].format(title=title), block)

    out += _reports_section(rec, lang, page, issues_url)

    # What we don't know.
    out += [f"## {t['unknown']} {{#unknowns}}", "", t["unknown_intro"], ""]
    for item in rec["unknowns"]:
        out.append(f"- {_cell(item['text'][lang])}")
        src.cite(t["row_unknown"], item)
    out.append("")

    out += src.render(page)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Card terms, links to the calculators with them, readers' reports
# --------------------------------------------------------------------------


def shown_terms(rec):
    """The bank's card terms a page may show, in TERM_KINDS order: ``{kind: term}``."""
    terms = rec.get("terms") or {}
    return {k: terms[k] for k in TERM_KINDS if k in terms and is_shown(terms[k])}


def _term_status(term, lang):
    t = _t(lang)
    bits = [t["term_status"][term["confidence"]], t["term_checked"][term["confidence"]].format(date=term["checked"])]
    bits.append(t["term_as_of"].format(date=_as_of(term["as_of"], lang)) if term.get("as_of") else t["term_undated"])
    return _t(lang)["term_sep"].join(bits)


def _terms_section(rec, lang, page, src):
    t = _t(lang)
    help_link = f"[{t['terms_help']}]({rel(page, TERMS_HELP)})"
    out = [
        f"## {t['terms']} {{#terms}}",
        "",
        t["terms_intro"].format(help=help_link),
        "",
        f"| {t['col_term']} | {t['col_value']} |",
        "| --- | --- |",
    ]
    terms = shown_terms(rec)
    for kind in TERM_KINDS:
        name = t["term_name"][kind]
        term = terms.get(kind)
        if term is None:
            out.append(f"| {name} | {t['term_unknown']} |")
            continue
        value = term["text"][lang]
        if term.get("note"):
            value += " " + term["note"][lang]
        refs = src.cite(t["row_term"].format(n=name), term)
        status = f"{t['col_src']} {refs}{t['term_sep']}{_term_status(term, lang)}"
        out.append(f"| {name} | {_cell(value)}<br><small>{_cell(status)}</small> |")
    out.append("")
    return out


def _form_field(calculator, name):
    import calculators

    return next(f for f in calculators.get(calculator).fields if f.name == name)


def term_inputs(rec, calculator):
    """The calculator inputs the bank's shown terms fill in, as the texts in the form's controls.

    A term fills in every input it has a figure for; an optional input with no example (a late-fee
    floor or cap the bank's term does not give) is sent empty, so the link never carries a figure
    from somewhere else. Percent fields are in percent, as the reader sees them.
    """
    import calculators
    from calculators import render

    fields = {f.name: f for f in calculators.get(calculator).fields}
    out = {}
    for kind, term in shown_terms(rec).items():
        figures = term.get("calc") or {}
        names = [n for n in TERM_CALC.get(kind, {}) if n in fields]
        if not any(n in figures for n in names):
            continue
        for name in names:
            field = fields[name]
            if name in figures:
                value = figures[name]
                out[name] = render.percent_text(value) if field.percent else value
            elif not field.required:  # blank means what the field says, never the page's example
                out[name] = ""
    return out


def term_fragment(rec, calculator):
    """``#daily_rate=0.05&late_fee_rate=5`` for the calculator widget (empty if nothing to fill)."""
    inputs = term_inputs(rec, calculator)
    return "#" + urllib.parse.urlencode(inputs) if inputs else ""


def _describe_inputs(inputs, calculator, lang):
    t = _t(lang)
    bits = []
    for name, value in inputs.items():
        if value == "":
            continue
        if _form_field(calculator, name).percent:
            shown = f"{value}%"
        else:
            shown = f"{value} 元" if lang == "zh" else f"RMB {value}"
        bits.append(t["field"][name].format(v=shown))
    return t["sep"].join(bits)


def _calculators_section(rec, lang, page):
    t = _t(lang)
    out = [f"## {t['calcs']} {{#calculators}}", "", t["calcs_intro"], ""]
    for calc in TERM_CALCULATORS:
        target = rel(page, f"calculators/{calc.replace('_', '-')}.md")
        inputs = term_inputs(rec, calc)
        link = f"[{t['calc_link'][calc]}]({target}{term_fragment(rec, calc)})"
        detail = t["calcs_fills"].format(values=_describe_inputs(inputs, calc, lang)) if inputs else t["calcs_none"]
        out.append(f"- {link}{t['colon']}{detail}")
    out += ["", t["terms_help_line"].format(link=f"[{t['terms_help']}]({rel(page, TERMS_HELP)})"), ""]
    return out


def report_form_url(issues_url):
    """The issue form for readers' reports, from ISSUES_URL (``…/issues/new/choose``); '' if unknown."""
    if not issues_url or "/issues" not in issues_url:
        return ""
    return issues_url.split("/issues")[0] + f"/issues/new?template={REPORT_FORM}"


def _report_row(rep, lang, issues_url):
    t = _t(lang)
    c, dash = t["rep_choice"], t["rep_dash"]
    agreed = rep["outcome"] == "agreed"
    cells = [
        str(rep["month"]),
        t["rep_months"].format(n=rep["overdue_months"]),
        c[rep["outcome"]],
        t["rep_periods"].format(n=rep["periods"]) if agreed else dash,
        c[rep["interest"]] if agreed else dash,
        c[rep["fees"]] if agreed else dash,
        c[rep["down_payment"]] if agreed else dash,
        c[rep["channel"]],
        c[rep["took"]],
    ]
    issue = f"#{rep['issue']}"
    if issues_url and "/issues" in issues_url:
        issue = f"[{issue}]({issues_url.split('/issues')[0]}/issues/{rep['issue']})"
    return "| " + " | ".join(cells + [issue]) + " |"


def _reports_section(rec, lang, page, issues_url):
    t = _t(lang)
    name = bank_short(rec, lang)
    out = [f"## {t['reports']} {{#reports}}", "", t["reports_intro"], ""]
    reports = sorted(rec.get("reports") or [], key=lambda r: (str(r["month"]), r["issue"]))
    if reports:
        out += [t["reports_count"].format(n=len(reports), first=reports[0]["month"], last=reports[-1]["month"]), ""]
        cols = list(t["rep_cols"]) + [t["rep_issue"]]
        out += ["| " + " | ".join(cols) + " |", "|" + " --- |" * len(cols)]
        out += [_report_row(r, lang, issues_url) for r in reports]
        out.append("")
    else:
        out += [t["reports_none"], ""]
    form = report_form_url(issues_url)
    if form:
        out += [t["reports_add"].format(bank=name, url=form), ""]
    else:
        page_link = f"[{t['sources_page']}]({rel(page, SOURCES_PAGE)})"
        out += [t["reports_add_nolink"].format(bank=name, page=page_link), ""]
    return out


def render_term_links(banks, calculator, lang, page=None):
    """For a calculator page: one link per bank that fills in its sourced terms (same page, #…)."""
    t = _t(lang)
    out, without = [], []
    for rec in banks:
        bank_page = rel(page, f"banks/{rec['id']}.md")
        inputs = term_inputs(rec, calculator)
        if inputs:
            out.append(
                f"- [{_cell(bank_short(rec, lang))}]({term_fragment(rec, calculator)})"
                f"{t['colon']}{_describe_inputs(inputs, calculator, lang)}"
                + t["paren"].format(f"[{t['sources_short']}]({bank_page}#terms)")
            )
        else:
            without.append(f"[{_cell(bank_short(rec, lang))}]({bank_page}#terms)")
    head = t["calc_banks_intro"].format(help=f"[{t['terms_help']}]({rel(page, TERMS_HELP)})")
    body = [head, ""] + out
    if without:
        body += ["", t["calc_banks_without"].format(banks=t["sep"].join(without))]
    return "\n".join(body) + "\n"


def _as_of(value, lang):
    parts = str(value).split("-")
    if lang == "zh":
        return f"{parts[0]} 年" + (f" {int(parts[1])} 月" if len(parts) > 1 else "")
    from calculators.fmt import MONTHS_EN

    return (f"{MONTHS_EN[int(parts[1]) - 1]} " if len(parts) > 1 else "") + parts[0]


def render_bank_table(banks, lang, page=None):
    t = _t(lang)
    out = [f"| {t['table_bank']} | {t['table_phone']} | {t['table_app']} |", "| --- | --- | --- |"]
    for rec in banks:
        link = f"[{_cell(bank_short(rec, lang))}]({rel(page, 'banks/' + rec['id'] + '.md')})"
        apps = t["sep"].join(a["name"] for a in _shown(rec["apps"])) or t["app_unconfirmed"]
        out.append(f"| {link} | {phone_with_hint(rec, lang)} | {_cell(apps)} |")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# mkdocs-macros registration
# --------------------------------------------------------------------------


def register(env):
    """Define the bank macros.  Fails the build at once if any record is invalid."""
    from macros.common import page_lang

    try:
        get_banks()
    except BankDataError as exc:
        try:
            from mkdocs.exceptions import PluginError
        except ImportError:  # pragma: no cover - mkdocs is always there when building
            raise
        raise PluginError(str(exc)) from exc

    @env.macro
    def bank_page(bank_id):
        """The whole body of a bank page, in the page's language."""
        issues_url = env.conf["extra"].get("issues_url") or ""
        return render_bank_page(get_bank(bank_id), page_lang(env), env.page, issues_url)

    @env.macro
    def bank_term_links(calculator):
        """For a calculator page: per-bank links that fill the widget with the bank's sourced terms."""
        return render_term_links(get_banks(), calculator, page_lang(env), env.page)

    @env.macro
    def bank_table():
        """Table of all banks (name linked to its page, card-service number, app)."""
        return render_bank_table(get_banks(), page_lang(env), env.page)

    @env.macro
    def bank_phone(bank_id):
        """The bank's main card-service number as a tel: link, with its menu hint."""
        return phone_with_hint(get_bank(bank_id), page_lang(env))

    @env.macro
    def bank_name(bank_id):
        """The bank's short name in the page's language."""
        return bank_short(get_bank(bank_id), page_lang(env))
