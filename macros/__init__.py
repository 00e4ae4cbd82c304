"""mkdocs-macros entry point: turns data/ and calculator results into page parts.

Each concern registers its own macros: ``banks`` (data/banks/*.yml), ``calculator_pages``
(the calculator widgets), ``kit_pages`` (the negotiation kit), ``help_lines``
(data/help_lines.yml), ``faq`` (data/faq.yml). Shared helpers are in
``macros.common``. Build hooks (not macros) are ``macros/csp.py`` and ``macros/runtime.py``.
"""

from __future__ import annotations

import importlib

_MACRO_MODULES = ("macros.banks", "macros.calculator_pages", "macros.kit_pages", "macros.help_lines", "macros.faq")


def define_env(env):
    # Imported here so that `python -m macros.bank_schema` does not need the calculators.
    from calculators import fmt
    from macros.common import calc, page_lang

    env.macro(calc)

    def yuan(value, places: int = 2):
        return fmt.yuan(value, page_lang(env), places)

    def pct(value, places: int = 2):
        return fmt.pct(value, page_lang(env), places)

    env.filter(yuan)
    env.filter(pct)
    env.macro(lambda: page_lang(env), "lang")

    def report_error_link() -> str:
        """A link to the issue forms when the build knows the repository (ISSUES_URL), else nothing."""
        url = env.conf["extra"].get("issues_url") or ""
        if not url:
            return ""
        if page_lang(env) == "zh":
            return f"（[在这里提交]({url})）"
        return f" ([open one here]({url}))"

    env.macro(report_error_link)

    for module_name in _MACRO_MODULES:
        importlib.import_module(module_name).register(env)
