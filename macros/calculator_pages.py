"""Macros for the calculator pages: the live widget and the lists around it.

- ``{{ calculator("installment_apr") }}``: the widget of one calculator, with the result for its
  default inputs already computed (``calculators.run`` at build time), so the page shows real
  figures with scripts off. Only pages that call it load the runtime: the macro emits the
  widget's stylesheet, its ES-module script, a ``nomodule`` fallback script, and the runtime's
  URLs (content-hashed, see :mod:`macros.runtime`) as ``data-*`` attributes.
- ``{{ calculator_references("installment_apr") }}``: the calculator's references as a list.
- ``{{ calculator_index() }}``: a table "question -> calculator" of all calculators.
"""

from __future__ import annotations

import posixpath
from html import escape

from mkdocs.utils import get_relative_url

import calculators
from calculators import render
from macros import runtime
from macros.common import page_lang

__all__ = ["register", "page_slug"]


def page_slug(name: str) -> str:
    """``installment_apr`` -> ``installment-apr`` (the page's file and URL name)."""
    return name.replace("_", "-")


def _page_url(env) -> str:
    page = getattr(env, "page", None)
    url = getattr(page, "url", None)
    if url is None:
        raise RuntimeError("the calculator macros must be called from a page")
    return url


def _rel(env, target: str) -> str:
    return get_relative_url(target, _page_url(env))


def widget_html(name: str, lang: str, page_url: str) -> str:
    """The widget plus the tags that load its runtime, with URLs relative to ``page_url``."""
    if name not in calculators.NAMES:
        raise ValueError(f"calculator({name!r}): no such calculator; known: {', '.join(calculators.NAMES)}")
    urls = runtime.page_urls(page_url)
    data = {key: urls[key] for key in ("runtime", "stdlib", "package", "worker")}
    return (
        f'<div class="calc-host">'
        f'<link rel="stylesheet" href="{escape(urls["css"])}">'
        f"{render.render_widget(name, lang, data)}"
        # async: the script follows the widget's markup, so it may start the worker as soon as it
        # arrives instead of waiting for the whole page and Material's bundle.
        f'<script type="module" async src="{escape(urls["widget"])}"></script>'
        # The widget imports it: fetched alongside, not one round trip after the widget.
        f'<link rel="modulepreload" href="{escape(urls["common"])}">'
        f'<script nomodule src="{escape(urls["legacy"])}"></script>'
        f"</div>"
    )


def register(env) -> None:
    """Define the calculator macros on the mkdocs-macros ``env``."""

    @env.macro
    def calculator(name: str) -> str:
        """The live calculator ``name`` (its run name, e.g. ``"installment_apr"``)."""
        return widget_html(name, page_lang(env), _page_url(env))

    @env.macro
    def calculator_references(name: str) -> str:
        """The calculator's references (regulations, bank examples) as an HTML list."""
        lang = page_lang(env)
        calc = calculators.get(name)
        items = []
        for ref in calc.references:
            text = escape(ref.get(lang) or ref.get("zh") or "")
            url = ref.get("url")
            items.append(f'<li><a href="{escape(url)}">{text}</a></li>' if url else f"<li>{text}</li>")
        if not items:
            return ""
        return f'<ul class="calc-references">{"".join(items)}</ul>'

    @env.macro
    def calculator_index() -> str:
        """A Markdown table: the question a reader has -> the calculator that answers it.

        Links point at the pages' source files, so MkDocs checks them and the i18n plugin
        sends each language to its own page.
        """
        lang = page_lang(env)
        src = getattr(getattr(env.page, "file", None), "src_uri", "") or ""
        here = posixpath.dirname(src)
        head = ("你的问题", "计算器") if lang == "zh" else ("Your question", "Calculator")
        lines = [f"| {head[0]} | {head[1]} |", "|---|---|"]
        for name in calculators.NAMES:
            calc = calculators.get(name)
            target = posixpath.relpath(f"calculators/{page_slug(name)}.md", here or ".")
            question = calc.question[lang].replace("|", "\\|")
            lines.append(f"| {question} | [{calc.title[lang]}]({target}) |")
        return "\n".join(lines)
