"""The negotiation kit page (``docs/kit/``): its macro and the bank facts it ships to the browser.

Macros (registered by :func:`register`, called from ``macros/__init__.py``):

* ``{{ kit() }}``: the kit widget (form, the example result computed at build time, the letters,
  scripts, checklist) plus the call log and the "save in this browser / forget everything"
  controls, with the runtime's and the kit script's tags. Same runtime as the calculators.

Bank facts in the browser
-------------------------
``calculators/`` is standard-library only and runs in Pyodide, where ``data/banks/*.yml`` and
PyYAML are not available. The bank names and card-service numbers the kit puts into the letters
and scripts therefore live in ``calculators/_bankdata.py``, a module **generated** from the bank
records by :func:`bankdata_source` and committed (so the calculators work the same at build time,
in tests and in the browser, with no build step in between). It is never edited by hand:

    python -m macros.kit_pages          # rewrite calculators/_bankdata.py from data/banks/
    python -m macros.kit_pages --check  # exit 1 if it is out of date (the tests do the same)

The site build (:func:`check_bankdata`, run when the macros load) and
``tests/calculators/test_kit.py`` fail when the committed file differs from what the current
``data/banks/`` would generate, naming the command above.
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANKDATA_PATH = ROOT / "calculators" / "_bankdata.py"

_HEADER = '''"""Bank facts for the negotiation kit: GENERATED from data/banks/*.yml, do not edit.

Regenerate with ``python -m macros.kit_pages`` after changing a bank record; the tests fail
while this file is out of date. Only facts the bank pages may show (tagged C or S, not
``publish: false``) are copied: the short names, the first card-service number with its
dialling hint, the first bank-wide number, and the date the card-service number was checked.
"""

'''


def bank_facts(records) -> tuple:
    """The kit's view of the bank records (already validated, in menu order).

    Returns a tuple of ``(id, facts)`` pairs; ``facts`` has ``zh``, ``en`` (short names),
    ``phone`` (card-service number), ``hint`` (``{"zh", "en"}`` or None, e.g. "then press 8"),
    ``general`` (bank-wide number or None) and ``checked`` (ISO date of the card number).
    """
    from macros.bank_schema import is_shown

    out = []
    for rec in records:
        card = [p for p in rec["phones"]["card_service"] if is_shown(p)][0]
        general = [p for p in rec["phones"].get("general", []) if is_shown(p)]
        hint = card.get("hint")
        out.append(
            (
                rec["id"],
                {
                    "zh": rec["names"]["zh_short"]["text"],
                    "en": rec["names"]["en_short"],
                    "phone": str(card["number"]),
                    "hint": {"zh": hint["zh"], "en": hint["en"]} if hint else None,
                    "general": str(general[0]["number"]) if general else None,
                    "checked": str(card["checked"]),
                },
            )
        )
    return tuple(out)


def bankdata_source(records=None) -> str:
    """The text of ``calculators/_bankdata.py`` for ``records`` (default: ``data/banks/``)."""
    if records is None:
        from macros.banks import get_banks

        records = get_banks()
    body = pprint.pformat(bank_facts(records), width=100, sort_dicts=True)
    return _HEADER + "BANKS: tuple[tuple[str, dict], ...] = " + body + "\n"


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    text = bankdata_source()
    current = BANKDATA_PATH.read_text(encoding="utf-8") if BANKDATA_PATH.exists() else ""
    if "--check" in argv:
        if current != text:
            print(f"{BANKDATA_PATH.relative_to(ROOT)} is out of date: run `python -m macros.kit_pages`.")
            return 1
        print(f"OK: {BANKDATA_PATH.relative_to(ROOT)} matches data/banks/.")
        return 0
    if current != text:
        BANKDATA_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {BANKDATA_PATH.relative_to(ROOT)}")
    else:
        print(f"{BANKDATA_PATH.relative_to(ROOT)} already up to date")
    return 0


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

KIT_NAME = "negotiation_kit"
#: The kit's own stylesheet (source in docs/kit/, published as it is, with a content hash in the
#: query so a changed file is never served stale). Its script, docs/kit/kit.js, imports the
#: widget's shared helpers, so macros/runtime.py publishes it with a hashed name beside them.
KIT_ASSETS = {"css": "kit/kit.css"}

_UI = {
    "privacy": {
        "zh": "你填的内容只在这个浏览器里计算，不会发送到任何地方。默认不保存：关掉页面就没了。",
        "en": "What you type is computed in this browser only and is never sent anywhere. Nothing is kept "
        "unless you ask: close the page and it is gone.",
    },
    "remember": {
        "zh": "在这台设备的浏览器里记住我填的内容（包括通话记录），下次打开还在",
        "en": "Remember what I type (including the call log) in this browser on this device, for next time",
    },
    "forget": {"zh": "忘记全部", "en": "Forget everything"},
    "forgotten": {
        "zh": "已清除：这个浏览器里没有保存任何内容，表格已恢复为示例。",
        "en": "Cleared: nothing is stored in this browser, and the form is back to the example.",
    },
    "saved": {
        "zh": "已在这个浏览器里保存。换一台设备不会有；点“忘记全部”可以清除。",
        "en": "Saved in this browser. It is not on any other device; “Forget everything” clears it.",
    },
    "restored": {
        "zh": "已恢复你上次保存在这个浏览器里的内容。",
        "en": "Restored what you saved in this browser last time.",
    },
    "no_storage": {
        "zh": "这个浏览器不允许网页保存内容（可能是无痕模式），所以无法记住。",
        "en": "This browser does not let pages store anything (private mode?), so it cannot remember.",
    },
    "copied": {"zh": "已复制。", "en": "Copied."},
    "copy_failed": {
        "zh": "无法自动复制：请长按文字选择后复制，或用“下载”。",
        "en": "Could not copy automatically: select the text and copy it, or use Download.",
    },
    "log_title": {"zh": "通话记录", "en": "Call log"},
    "log_intro": {
        "zh": "每打一次电话，就记一行：什么时候打的、打给谁、对方是谁、说了什么、约定了什么、下一步做什么。"
        "以后有争议时，这就是你的依据。可以打印，也可以下载成 Excel 能打开的 CSV 文件。",
        "en": "Write one row for every call: when, which number, who you spoke to, what was said, what was "
        "agreed and what happens next. If there is a dispute later, this is your record. Print it, or "
        "download it as a CSV file that Excel opens.",
    },
    "log_add": {"zh": "添加一行", "en": "Add a row"},
    "log_add_banks": {"zh": "为我的每家银行添加一行", "en": "Add a row for each of my banks"},
    "log_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "log_print": {"zh": "打印通话记录", "en": "Print the call log"},
    "log_remove": {"zh": "删除这一行", "en": "Remove this row"},
    "log_caption": {"zh": "通话记录", "en": "Call log"},
    "log_file": {"zh": "通话记录.csv", "en": "call-log.csv"},
    "log_row": {"zh": "第 {n} 次通话", "en": "Call {n}"},
    "csv_wait": {
        "zh": "正在准备 CSV 文件：计算器加载完成后会自动下载。",
        "en": "Preparing the CSV file: it downloads as soon as the calculator has loaded.",
    },
    "csv_unavailable": {
        "zh": "CSV 文件由计算器生成，计算器加载好以后才能下载；这个浏览器里的计算器现在没有运行。通话记录仍然可以打印。",
        "en": "The CSV file is made by the calculator, so it is available once the calculator has loaded; in this "
        "browser the calculator is not running now. You can still print the call log.",
    },
}


def _ui(key: str, lang: str) -> str:
    return _UI[key][lang]


def _asset_url(key: str, page_url: str) -> str:
    import hashlib

    from mkdocs.utils import get_relative_url

    target = KIT_ASSETS[key]
    digest = hashlib.sha256((ROOT / "docs" / target).read_bytes()).hexdigest()[:12]
    return f"{get_relative_url(target, page_url)}?v={digest}"


def call_log_html(lang: str) -> str:
    """The call log section: an editable table (one empty row), its buttons and a row template."""
    from html import escape

    from calculators import negotiation_kit as kit

    cols = kit.call_log_columns(lang)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for _, h in cols)
    kinds = {"date": "date", "time": "time", "said": "area", "agreed": "area", "next_step": "area"}

    def cell(key: str, label: str) -> str:
        common = f'data-col="{key}" aria-label="{escape(label)}" autocomplete="off"'
        if kinds.get(key) == "area":
            return f'<td><textarea {common} rows="2" maxlength="2000"></textarea></td>'
        typ = kinds.get(key, "text")
        extra = ' inputmode="tel"' if key == "number" else ""
        return f'<td><input type="{typ}" {common} maxlength="200"{extra}></td>'

    row = (
        '<tr class="kit-log-row">'
        + "".join(cell(k, h) for k, h in cols)
        + f'<td><button type="button" class="kit-button kit-log-remove" data-kit-action="log-remove">'
        f"{escape(_ui('log_remove', lang))}</button></td></tr>"
    )
    msgs = " ".join(f'data-msg-{k.replace("_", "-")}="{escape(_ui(k, lang))}"' for k in ("csv_wait", "csv_unavailable"))
    return (
        f'<section class="kit-calllog" id="kit-calllog" data-doc="calllog" {msgs}'
        f' lang="{"zh-CN" if lang == "zh" else "en"}">'
        f'<h2 class="kit-docs-title">{escape(_ui("log_title", lang))}</h2>'
        f'<p class="kit-note">{escape(_ui("log_intro", lang))}</p>'
        '<div class="kit-doc-tools">'
        f'<button type="button" class="md-button kit-button" data-kit-action="log-add">{escape(_ui("log_add", lang))}</button>'
        f'<button type="button" class="md-button kit-button" data-kit-action="log-add-banks">{escape(_ui("log_add_banks", lang))}</button>'
        f'<button type="button" class="md-button kit-button" data-kit-action="log-csv"'
        f' data-filename="{escape(_ui("log_file", lang))}">{escape(_ui("log_csv", lang))}</button>'
        f'<button type="button" class="md-button kit-button" data-kit-action="print" data-doc-id="calllog">'
        f"{escape(_ui('log_print', lang))}</button>"
        "</div>"
        '<p class="kit-log-status" role="status" aria-live="polite"></p>'
        f'<div class="kit-log-scroll"><table class="kit-log"><caption>{escape(_ui("log_caption", lang))}</caption>'
        f'<thead><tr>{head}<th scope="col"><span class="calc-sr">{escape(_ui("log_remove", lang))}</span></th></tr></thead>'
        f"<tbody>{row}</tbody></table></div>"
        f'<template class="kit-log-template">{row}</template>'
        "</section>"
    )


def storage_html(lang: str) -> str:
    """The privacy note, the opt-in "remember" box and the "forget everything" button."""
    from html import escape

    msgs = " ".join(
        f'data-msg-{k.replace("_", "-")}="{escape(_ui(k, lang))}"'
        for k in ("forgotten", "saved", "restored", "no_storage", "copied", "copy_failed")
    )
    return (
        f'<div class="kit-storage" id="kit-storage" {msgs}>'
        f'<p class="kit-privacy">{escape(_ui("privacy", lang))}</p>'
        '<p class="kit-storage-controls">'
        f'<label class="kit-remember"><input type="checkbox" id="kit-remember" disabled> {escape(_ui("remember", lang))}</label> '
        f'<button type="button" class="md-button kit-button" id="kit-forget" data-kit-action="forget" disabled>'
        f"{escape(_ui('forget', lang))}</button></p>"
        '<p class="kit-status" role="status" aria-live="polite"></p>'
        "</div>"
    )


def kit_html(lang: str, page_url: str) -> str:
    """The whole kit for a page at ``page_url``: storage controls, widget, call log, scripts."""
    from html import escape

    from calculators import render
    from macros import runtime

    urls = runtime.page_urls(page_url)
    data = {key: urls[key] for key in ("runtime", "stdlib", "package", "worker")}
    data["fragment"] = "off"  # the reader's name and debts never go into the URL (see widget.js)
    # render_result dispatches to the kit CALCULATOR.render_html hook, so the built result is the
    # kit's documents, exactly as the worker renders them later.
    widget = render.render_widget(KIT_NAME, lang, data)
    return (
        '<div class="calc-host kit-host" data-search-exclude>'
        f'<link rel="stylesheet" href="{escape(urls["css"])}">'
        f'<link rel="stylesheet" href="{escape(_asset_url("css", page_url))}">'
        f"{storage_html(lang)}{widget}{call_log_html(lang)}"
        f'<link rel="modulepreload" href="{escape(urls["common"])}">'
        f'<script type="module" src="{escape(urls["widget"])}"></script>'
        f'<script type="module" src="{escape(urls["kit"])}"></script>'
        f'<script nomodule src="{escape(urls["legacy"])}"></script>'
        "</div>"
    )


class BankDataStale(Exception):
    """calculators/_bankdata.py does not match data/banks/."""


def check_bankdata() -> None:
    """Fail the build when the kit's bank numbers differ from the bank pages' (data/banks/)."""
    current = BANKDATA_PATH.read_text(encoding="utf-8") if BANKDATA_PATH.exists() else ""
    if current != bankdata_source():
        raise BankDataStale(
            "calculators/_bankdata.py (the bank numbers in the negotiation kit's letters) is out of date "
            "with data/banks/: run `python -m macros.kit_pages`, then build again."
        )


def register(env) -> None:
    """Define the kit macros on the mkdocs-macros ``env``."""
    from macros.common import page_lang

    check_bankdata()

    @env.macro
    def kit() -> str:
        """The negotiation kit (form, example result and documents, call log, storage controls)."""
        page = getattr(env, "page", None)
        url = getattr(page, "url", None)
        if url is None:
            raise RuntimeError("kit() must be called from a page")
        return kit_html(page_lang(env), url)


if __name__ == "__main__":
    sys.exit(main())
