"""What readers ask (``data/faq.yml``): the visible questions and answers and their FAQPage data.

Macro (registered by :func:`register`):

* ``{{ faq() }}``: each question as a heading with its anchor (the same in both languages), the
  short answer, a link to the page that goes deeper and the sources; then one
  ``<script type="application/ld+json">`` with schema.org ``FAQPage`` data built from the same
  entries, so the structured data says exactly what the page shows. JSON-LD is data, not code:
  browsers do not run it and ``macros/csp.py`` leaves it out of the script hashes.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml

from macros.common import LANGS, page_lang

__all__ = ["load_faq", "answer_text", "faq_jsonld", "render_faq", "register"]

DATA = Path(__file__).resolve().parent.parent / "data" / "faq.yml"

T = {
    "zh": {"more": "详细", "sources": "来源", "colon": "："},
    "en": {"more": "More", "sources": "Sources", "colon": ": "},
}


class FaqError(ValueError):
    """The FAQ data file breaks its schema; the message names the question and the field."""


def _check(entry: dict, index: int) -> None:
    where = f"data/faq.yml, question {index + 1} ({entry.get('id', '?')})"
    if not re.fullmatch(r"[a-z0-9-]+", str(entry.get("id", ""))):
        raise FaqError(f"{where}: 'id' must be a lowercase anchor such as is-it-legal")
    for field in ("q", "a"):
        for lang in LANGS:
            text = str((entry.get(field) or {}).get(lang, "")).strip()
            if not text:
                raise FaqError(f"{where}: '{field}' needs text in {lang}")
            if field == "a" and re.search(r"\[|\]\(|<|`|\n\n", text):
                raise FaqError(f"{where}: an answer is plain sentences (only **bold**); put links in 'more'")
    more = entry.get("more") or {}
    if not str(more.get("page", "")).split("#")[0].endswith(".md") or not all(more.get(lang) for lang in LANGS):
        raise FaqError(f"{where}: 'more' needs a page (path under docs/, .md) and link text in zh and en")
    sources = entry.get("sources") or []
    if not sources or not all(s.get(lang) for s in sources for lang in LANGS):
        raise FaqError(f"{where}: every answer needs at least one source, in zh and en")


@lru_cache(maxsize=None)
def load_faq() -> tuple:
    """The validated questions, in page order."""
    entries = yaml.safe_load(DATA.read_text(encoding="utf-8"))["questions"]
    for index, entry in enumerate(entries):
        _check(entry, index)
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise FaqError("data/faq.yml: two questions share an id")
    return tuple(entries)


def answer_text(entry: dict, lang: str) -> str:
    """The answer as plain text (the bold markers dropped): what the structured data carries."""
    return entry["a"][lang].replace("**", "").strip()


def faq_jsonld(lang: str) -> dict:
    """schema.org FAQPage data for every question, in ``lang``."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": "zh-CN" if lang == "zh" else "en",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry["q"][lang].strip(),
                "acceptedAnswer": {"@type": "Answer", "text": answer_text(entry, lang)},
            }
            for entry in load_faq()
        ],
    }


def _jsonld_script(lang: str) -> str:
    data = json.dumps(faq_jsonld(lang), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")  # a "</script>" inside a string cannot end the block
    return f'<script type="application/ld+json">{data}</script>'


def _with_tel_links(text: str) -> str:
    """The answer with each help-line number from data/help_lines.yml made tap-to-call."""
    from macros.help_lines import load_help_lines, tel_href

    for line in load_help_lines():
        number = re.escape(line["number"])
        text = re.sub(rf"(?<![\d-]){number}(?![\d-])", f"[{line['number']}]({tel_href(line['number'])})", text)
    return text


def render_faq(lang: str, page_dir: str = "") -> str:
    """Markdown for the questions and answers, followed by the JSON-LD block."""
    t = T[lang]
    out = []
    for entry in load_faq():
        target = entry["more"]["page"]
        path, _, anchor = target.partition("#")
        href = posixpath.relpath(path, page_dir or ".") + (f"#{anchor}" if anchor else "")
        sources = ("；" if lang == "zh" else "; ").join(s[lang] for s in entry["sources"])
        out.append(
            f"## {entry['q'][lang].strip()} {{ #{entry['id']} }}\n\n"
            f"{_with_tel_links(entry['a'][lang].strip())}\n\n"
            f"{t['more']}{t['colon']}[{entry['more'][lang]}]({href})\n\n"
            f"<small>{t['sources']}{t['colon']}{sources}</small>\n\n"
        )
    out.append(_jsonld_script(lang) + "\n")
    return "".join(out)


def register(env) -> None:
    def faq() -> str:
        src = getattr(getattr(env.page, "file", None), "src_uri", "") or ""
        return render_faq(page_lang(env), posixpath.dirname(src))

    env.macro(faq)
