"""Pages without a calculator never load the runtime, nor the widget's script and styles."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

RUNTIME = re.compile(r"assets/runtime/")


def pages(built_site: Path):
    for path in sorted(built_site.rglob("index.html")):
        yield path, path.read_text(encoding="utf-8")


def test_only_pages_with_a_widget_reference_the_runtime(built_site):
    with_widget, without = [], []
    for path, html in pages(built_site):
        (with_widget if "data-calculator=" in html else without).append((path, html))
    assert len(with_widget) >= 16, "8 calculators in two languages"
    for path, html in without:
        assert not RUNTIME.search(html), f"{path.relative_to(built_site)} references the runtime"
    for _, html in with_widget:
        assert html.count('type="module"') >= 1
        assert "<script nomodule" in html


def test_runtime_files_have_content_hashed_names(built_site):
    runtime = built_site / "assets" / "runtime"
    names = sorted(p.name for p in runtime.iterdir())
    pyodide = [n for n in names if n.startswith("pyodide-")]
    assert len(pyodide) == 1 and re.fullmatch(r"pyodide-[0-9a-f]{12}", pyodide[0])
    for expected in (
        r"calculators-[0-9a-f]{12}\.zip|calculators-pyc-[0-9a-f]{12}\.wasm",
        r"python_stdlib-pyc-[0-9a-f]{12}\.wasm",
        r"widget-[0-9a-f]{12}\.js",
        r"worker-[0-9a-f]{12}\.js",
        r"legacy-[0-9a-f]{12}\.js",
        r"calculator-[0-9a-f]{12}\.css",
        r"common-[0-9a-f]{12}\.js",
        r"kit-[0-9a-f]{12}\.js",
    ):
        assert any(re.fullmatch(expected, n) for n in names), expected
    # The widget and the kit share one published copy of their helpers, by its hashed name.
    (common,) = [n for n in names if re.fullmatch(r"common-[0-9a-f]{12}\.js", n)]
    for script in [n for n in names if re.fullmatch(r"(widget|kit)-[0-9a-f]{12}\.js", n)]:
        assert f'from "./{common}"' in (runtime / script).read_text(encoding="utf-8"), script
    assert not (built_site / "kit" / "kit.js").exists()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (runtime / pyodide[0] / name).is_file()
    # No unhashed copy of the widget's sources is published.
    assert not (built_site / "assets" / "calculator").exists()


@pytest.mark.parametrize(
    "path", ["/guide/interest-and-fees/", "/en/guide/how-to-negotiate/", "/banks/", "/banks/icbc/", "/en/"]
)
def test_guide_and_bank_pages_fetch_no_runtime(fresh, site_server, path):
    page = fresh()
    response = page.goto(site_server + path)
    assert response.ok
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    fetched = [u for u in page.requests.urls if "/assets/runtime/" in u]
    assert fetched == []
    assert page.locator("[data-calculator]").count() == 0
