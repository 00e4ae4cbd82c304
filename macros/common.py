"""What every macro module needs: the page's language and build-time calculator runs."""

from __future__ import annotations

import json
from functools import lru_cache

import calculators

__all__ = ["page_lang", "calc", "LANGS"]

LANGS = ("zh", "en")


def page_lang(env) -> str:
    """The language of the page being rendered: ``en`` for ``x.en.md``, else ``zh``.

    mkdocs-static-i18n's suffix layout names English pages ``*.en.md``; macros do not know the
    language by themselves, so it is read from the source file name.
    """
    page = getattr(env, "page", None)
    src = getattr(getattr(page, "file", None), "src_uri", "") or ""
    return "en" if src.endswith(".en.md") else "zh"


class CalcResult(dict):
    """A calculator result whose keys can be read as attributes in Jinja (``.apr_nominal``)."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as missing:
            raise AttributeError(f"calculator result has no output {key!r}") from missing


@lru_cache(maxsize=None)
def _run_cached(name: str, frozen_inputs: str):
    return calculators.run(name, json.loads(frozen_inputs))


def calc(name: str, **inputs) -> CalcResult:
    """Run a calculator at build time; a bad call fails the build instead of printing nothing.

    A page's worked figure starts from the calculator's own worked example
    (``Calculator.example_inputs()``) and changes only what its sentence is about, so the prose
    and the prefilled form agree. This is for the guide's own examples only: ``run()`` never
    fills a reader's blank field with an example.
    """
    inputs = {**calculators.get(name).example_inputs(), **inputs}
    outcome = _run_cached(name, json.dumps(inputs, sort_keys=True))
    if not outcome.get("ok"):
        raise ValueError(f"calc({name!r}, {inputs!r}) failed: {outcome.get('errors')}")
    return CalcResult(outcome["result"])
