"""The standard library the site ships still has every module, in the browser.

``make build`` may ship a precompiled standard library that holds only what the calculators
import (``macros/stdlib_pyc.py``, mode "trimmed"), with an import fallback that fetches the stock
``python_stdlib.zip`` the first time anything else is imported. This test starts Pyodide in a
module worker with the shipped zip (the page's ``data-stdlib``) and imports modules the
calculators never use: they must work, whatever the build shipped, and only same-site requests
may be made. The shipped zip must also be the one the build verified (its bytecode runs).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from _browser import CHROMIUM  # scripts/, on sys.path from tests/conftest.py
from _browser import CHROMIUM_ARGS as ARGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

PAGE = """<!doctype html><meta charset="utf-8"><title>stdlib check</title>
<script type="module">
const q = new URLSearchParams(location.search);
const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = (event) => { window.__result = event.data; };
worker.onerror = (event) => { window.__result = { ok: false, out: "worker error: " + event.message }; };
worker.postMessage({ runtime: new URL(q.get("runtime"), location.href).href,
                     stdlib: new URL(q.get("stdlib"), location.href).href });
</script>"""

WORKER = """self.onmessage = async (event) => {
  try {
    const { loadPyodide } = await import(event.data.runtime + "pyodide.mjs");
    const py = await loadPyodide({ indexURL: event.data.runtime, stdLibURL: event.data.stdlib, packages: [] });
    const out = py.runPython(`
import statistics, email.mime.text, importlib.resources, textwrap
from fractions import Fraction
"|".join([str(statistics.mean([1, 2, 4])), email.mime.text.MIMEText("x").get_content_type(),
          str(Fraction(1, 3) + Fraction(1, 6)), textwrap.shorten("a b c d e", 7)])
`);
    self.postMessage({ ok: true, out });
  } catch (err) {
    self.postMessage({ ok: false, out: String(err) });
  }
};"""


def test_modules_the_calculators_never_import_still_work(built_site, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    from serve_site import SiteServer

    html = next((built_site / "calculators").glob("*/index.html")).read_text(encoding="utf-8")
    page_url = "/calculators/x/"
    runtime = urljoin(page_url, re.search(r'data-runtime="([^"]+)"', html).group(1))
    stdlib_attr = re.search(r'data-stdlib="([^"]+)"', html)
    stdlib = urljoin(page_url, stdlib_attr.group(1)) if stdlib_attr else runtime + "python_stdlib.zip"
    assert (built_site / stdlib.lstrip("/")).is_file(), f"the page names {stdlib}, which the build did not write"

    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "worker.js").write_text(WORKER, encoding="utf-8")
    server = SiteServer(built_site, mounts={"/__check__/": tmp_path}).start()
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = browser.new_page()
                requests = []
                page.context.on("request", lambda r: requests.append(r.url))
                page.goto(f"{server.url}/__check__/index.html?runtime={runtime}&stdlib={stdlib}")
                page.wait_for_function("() => window.__result", timeout=120_000)
                result = page.evaluate("() => window.__result")
            finally:
                browser.close()
    finally:
        server.stop()
    assert result["ok"], result["out"]
    assert result["out"] == "2.3333333333333335|text/plain|1/2|a [...]", result["out"]
    assert all(u.startswith(server.url + "/") for u in requests), [u for u in requests if not u.startswith(server.url)]
    paths = [u[len(server.url) :] for u in requests]
    assert stdlib in paths, f"the worker did not load the shipped standard library {stdlib}: {paths}"
    with zipfile.ZipFile(built_site / stdlib.lstrip("/")) as shipped:
        trimmed = "statistics.py" not in shipped.namelist() and "statistics.pyc" not in shipped.namelist()
    if trimmed:  # the import fallback fetched the stock zip, once
        assert paths.count(runtime + "python_stdlib.zip") == 1, paths
