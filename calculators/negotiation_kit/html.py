"""The kit's result as HTML: the figures (the calculators' own markup), the plans, every document.

Everything the reader typed is HTML-escaped. Figures carry ``data-output``/``data-value`` like
the calculators' (the page contract); they are made by :mod:`calculators.render` itself.
"""

from __future__ import annotations

from html import escape

from .. import fmt
from .._core import t
from .documents import date_text, document_text, explain_text
from .plan import bank_name, bank_phone, dec, iso

__all__ = ["UI", "document_html", "render_result_html"]

UI = {
    "capacity": t("每月能还信用卡", "You can pay towards cards each month"),
    "total": t("信用卡欠款合计", "Total card debt"),
    "monthly_total": t("方案每月合计", "Plans' monthly total"),
    "longest": t("最长期数", "Longest plan (months)"),
    "nothing": t("从今天起再拖 3 个月要多付（估计）", "Three more months unpaid from today adds (estimate)"),
    "plans": t("按银行的分期方案（免息，最长 60 期）", "Plan per bank (interest-free, at most 60 months)"),
    "bank": t("银行", "Bank"),
    "phone": t("信用卡客服电话", "Card service number"),
    "debt": t("欠款", "Debt"),
    "share": t("每月可还（按比例）", "You can pay (share)"),
    "periods": t("期数", "Months"),
    "payment": t("每月还款", "Monthly payment"),
    "end": t("还清日期", "Paid off on"),
    "nothing_col": t("从今天起再拖 3 个月多付", "3 more months unpaid from today adds"),
    "not_cleared": t("60 期内还不清", "does not clear the debt in 60 months"),
    "letters": t("协商还款申请书", "Repayment proposal letters"),
    "scripts": t("电话脚本", "Phone scripts"),
    "checklist": t("材料清单", "Documents checklist"),
    "copy": t("复制", "Copy"),
    "print": t("打印", "Print"),
    "download": t("下载", "Download"),
    "nothing_note": t(
        "“再拖 3 个月”的估计用的是常见的条件，不是哪家银行的合同：日利率 0.05%，每 30 天计一次复利；"
        "每个还款日按最低还款额（欠款的 10%）未还部分的 5% 收违约金。你的卡合同可能不同。",
        "The “three more months” estimate uses common terms, not any bank's contract: 0.05 % a day, "
        "compounded every 30 days, and a late fee (违约金) of 5 % of an unpaid minimum payment of 10 % of the "
        "balance at each missed due date. Your card contract may differ.",
    ),
    "split_note": t(
        "每月能还的钱按各家银行欠款的比例分配，欠得少的先还清；分到的钱能还得起的最短期数，就是给这家银行的方案，"
        "每月从不超过分到的钱。银行可以同意，也可以不同意（第七十条）。",
        "What you can pay each month is shared between the banks in proportion to what you owe each, smaller debts "
        "cleared first; each bank's plan is the shortest one its share can pay, never more a month than the share. "
        "The bank may agree or not (Article 70).",
    ),
    "en_ref": t("英文参考译文", "English version for reference"),
    "example": t(
        "示例 / Example：下面是用示例数字算出来的，不是你的。在上面填上你自己的数字，结果和每一份文字都会换成你的。",
        "示例 / Example: what follows is worked out from example figures, not yours. Enter your own figures above "
        "and the result and every document are replaced with yours.",
    ),
    "zh_read": t("中文（照着念）", "Chinese (to read out)"),
}


def _u(key: str, lang: str) -> str:
    return UI[key][lang]


def document_html(doc: dict, lang: str) -> str:
    """A document as an ``<article class="kit-doc">`` (escaped), plus its plain text for copying."""
    hlang = "zh-CN" if doc["lang"] == "zh" else "en"
    parts = [f'<h3 class="kit-doc-title">{escape(doc["title"])}</h3>']
    in_list = False
    for kind, text in doc["blocks"]:
        if kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "li":
            parts.append(f"<li>{escape(text)}</li>")
        elif kind == "h":
            parts.append(f"<h4>{escape(text)}</h4>")
        elif kind == "say":
            parts.append(f'<blockquote class="kit-say"><p>{escape(text)}</p></blockquote>')
        elif kind == "note":
            parts.append(f'<p class="kit-note">{escape(text)}</p>')
        elif kind == "sign":
            parts.append(f'<p class="kit-sign">{escape(text)}</p>')
        else:
            parts.append(f"<p>{escape(text)}</p>")
    if in_list:
        parts.append("</ul>")
    bank = f' data-bank="{escape(doc["bank"])}"' if doc.get("bank") else ""
    return (
        f'<article class="kit-doc" id="kit-{escape(doc["id"])}" data-doc="{escape(doc["id"])}"'
        f' data-kind="{escape(doc["kind"])}"{bank} lang="{hlang}">'
        + "".join(parts)
        + f'<pre class="kit-plain" hidden>{escape(document_text(doc))}</pre>'
        + "</article>"
    )


def _toolbar(doc: dict, lang: str, filename: str) -> str:
    did = escape(doc["id"])

    def button(action: str, extra: str = "") -> str:
        label = escape(f"{_u(action, lang)} · {doc['title']}")
        return (
            f'<button type="button" class="md-button kit-button" data-kit-action="{action}" data-doc-id="{did}"'
            f' aria-label="{label}"{extra}>{_u(action, lang)}</button>'
        )

    return (
        f'<div class="kit-doc-tools" data-for="{did}">'
        + button("copy")
        + button("print")
        + button("download", f' data-filename="{escape(filename)}"')
        + "</div>"
    )


def _doc_block(doc: dict, lang: str, filename: str) -> str:
    return f'<div class="kit-doc-wrap">{_toolbar(doc, lang, filename)}{document_html(doc, lang)}</div>'


def _plan_card(p: dict, lang: str) -> str:
    def y(x) -> str:
        return fmt.yuan(dec(x), lang)

    over = "" if p["clears"] else f' <strong class="kit-over">({escape(_u("not_cleared", lang))})</strong>'
    name = p["bank_name"] if lang == "zh" else p["bank_name_en"]

    def item(label: str, key: str, shown: str, extra: str = "") -> str:
        return (
            f"<div><dt>{escape(_u(label, lang))}</dt>"
            f'<dd data-output="{key}" data-value="{escape(str(p[key]))}">{escape(shown)}{extra}</dd></div>'
        )

    return (
        f'<li class="kit-plan" data-bank="{escape(p["bank"])}" data-bank-name="{escape(name)}">'
        f'<h3 class="kit-plan-bank">{escape(name)}</h3>'
        '<dl class="kit-plan-figures">'
        f'<div><dt>{escape(_u("phone", lang))}</dt><dd><a href="tel:{escape(p["phone"].replace("-", ""))}"'
        f' data-output="phone" data-value="{escape(p["phone"])}">{escape(bank_phone(p["bank"], lang))}</a></dd></div>'
        + item("debt", "debt_yuan", y(p["debt_yuan"]))
        + item("share", "share_yuan", y(p["share_yuan"]))
        + item("periods", "periods", str(p["periods"]))
        + item("payment", "payment_yuan", y(p["payment_yuan"]), over)
        + item("end", "end_date", date_text(iso(p["end_date"]), lang))
        + item("nothing_col", "doing_nothing_yuan", y(p["doing_nothing_yuan"]))
        + "</dl></li>"
    )


def render_result_html(result: dict, lang: str) -> str:
    """The kit's result as HTML: key figures, the plan per bank, warnings, and every document."""
    from .. import render
    from .form import CALCULATOR

    lang = "en" if lang == "en" else "zh"
    figures = render._figures_html(CALCULATOR, result, lang)
    table = (
        f'<div class="kit-plans"><h2 class="kit-docs-title">{escape(_u("plans", lang))}</h2>'
        f'<ul class="kit-plan-list">{"".join(_plan_card(p, lang) for p in result["plans"])}</ul></div>'
    )
    warn = ""
    if result["warnings"]:
        warn = (
            '<div class="kit-warnings" role="note">'
            + "".join(f'<p class="kit-warning">{escape(w[lang])}</p>' for w in result["warnings"])
            + "</div>"
        )
    notes = (
        f'<p class="kit-note">{escape(_u("split_note", lang))}</p>'
        f'<p class="kit-note">{escape(_u("nothing_note", lang))}</p>'
    )
    other = "en" if lang == "zh" else "zh"
    docs = result["documents"]
    letters = []
    for item in docs["letters"]:
        b = item["bank"]
        letters.append(
            _doc_block(item["zh"], lang, f"申请书-{bank_name(b, 'zh')}.txt")
            + f'<details class="kit-ref"><summary>{escape(_u("en_ref", lang))}</summary>'
            + _doc_block(item["en"], lang, f"letter-{b}-en.txt")
            + "</details>"
        )
    scripts = []
    for item in docs["scripts"]:
        b = item["bank"]
        scripts.append(
            _doc_block(item[lang], lang, f"{'电话脚本' if lang == 'zh' else 'phone-script'}-{b}.txt")
            + f'<details class="kit-ref"><summary>{escape(_u("zh_read" if lang == "en" else "en_ref", lang))}</summary>'
            + _doc_block(item[other], lang, f"script-{b}-{other}.txt")
            + "</details>"
        )
    check = _doc_block(docs["checklist"][lang], lang, f"{'材料清单' if lang == 'zh' else 'checklist'}.txt")

    def section(key: str, body: str) -> str:
        return (
            f'<section class="kit-docs" data-docs="{key}"><h2 class="kit-docs-title">{escape(_u(key, lang))}</h2>'
            f"{body}</section>"
        )

    banner = ""
    if result.get("example"):
        banner = f'<p class="kit-example" role="note"><strong>{escape(_u("example", lang))}</strong></p>'
    return (
        banner
        + f'<div class="kit-figures">{figures}</div>'
        + f'<div class="calc-explain"><p>{escape(explain_text(result, lang))}</p></div>'
        + warn
        + table
        + notes
        + section("letters", "".join(letters))
        + section("scripts", "".join(scripts))
        + section("checklist", check)
    )
