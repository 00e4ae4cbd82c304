"""Helpers for the browser tests: page paths, waiting for the widget, reading and checking figures."""

from __future__ import annotations

import json
from decimal import Decimal

import calculators
from calculators import render, web

#: A start takes ~2-4 s here; the widget itself gives up after 60 s.
READY_TIMEOUT_MS = 90_000
LANGS = ("zh", "en")


def page_path(name: str, lang: str) -> str:
    """Site path of calculator ``name``'s page: ``/calculators/installment-apr/`` (zh), ``/en/...``."""
    slug = name.replace("_", "-")
    return f"/calculators/{slug}/" if lang == "zh" else f"/en/calculators/{slug}/"


class Requests:
    """Every URL a browser context asked for (pages, workers, downloads)."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def since(self, mark: int) -> list[str]:
        return self.urls[mark:]

    def mark(self) -> int:
        return len(self.urls)


# Records Content-Security-Policy violations so tests can assert there are none.
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def wait_settled(page, timeout=READY_TIMEOUT_MS) -> str:
    """Wait until the widget is ready or has fallen back; return its data-state."""
    page.wait_for_function(
        "() => ['ready', 'error'].includes(document.querySelector('[data-calculator]').dataset.state)",
        timeout=timeout,
    )
    return page.get_attribute("[data-calculator]", "data-state")


def wait_computed(page, timeout=30_000) -> None:
    """Wait until the shown result is for the current form (no request in flight, not stale)."""
    page.wait_for_function(
        "() => { const r = document.querySelector('[data-calculator]');"
        " return r.dataset.state === 'ready' && !r.classList.contains('calc-stale'); }",
        timeout=timeout,
    )


def form_of(page) -> dict:
    """The widget's form as the page would send it: {name: value}."""
    return page.evaluate(
        """() => {
        const out = {};
        for (const el of document.querySelector('form.calc-form').elements) {
          if (el.name && !el.disabled && el.type !== 'button') out[el.name] = el.value;
        }
        return out;
      }"""
    )


def outputs_of(page) -> dict:
    """{output key: data-value} of the shown result."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-calculator] [data-output]')]
              .map(e => [e.dataset.output, e.dataset.value]))"""
    )


def expected_outputs(name: str, form: dict) -> dict:
    """{output key: machine value} that calculators.run gives on the server for this form."""
    calc = calculators.get(name)
    outcome = calculators.run(name, web.form_to_inputs(calc, form))
    assert outcome["ok"], outcome
    return {o.key: render._machine(outcome["result"].get(o.key)) for o in calc.outputs}


def same_numbers(shown: dict, expected: dict) -> bool:
    """Equal as numbers where both are numbers (``"0.10"`` == ``"0.1"``), else as text."""
    if shown.keys() != expected.keys():
        return False
    for key, value in expected.items():
        got = shown[key]
        try:
            if Decimal(got) != Decimal(value):
                return False
        except Exception:
            if got != value:
                return False
    return True


def numeric_fields(name: str) -> list:
    """Top-level money/integer/rate/decimal fields of a calculator (names), in form order."""
    return [f for f in calculators.get(name).fields if f.kind in ("money", "integer", "rate", "decimal")]


def request_json(name: str, form: dict, lang: str) -> dict:
    return json.loads(web.handle(json.dumps({"calculator": name, "form": form, "lang": lang})))
