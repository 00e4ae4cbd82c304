"""``make bench``: how fast the site is for a reader, and how fast it builds. Figures, not tests.

Prints every figure and writes ``benchmarks/RESULTS.md`` (tables, with the machine, date and
versions) and ``benchmarks/results.json`` (the raw numbers). Takes about 8 minutes on 2 cores.

What it measures, in one run, configurations interleaved round by round:

1. Build: ``mkdocs build --strict`` wall time and peak memory for the real site, then for copies
   with 50 and 200 generated bank records (each with its two pages), to show how it grows.
2. In Chromium (Debian's, through Playwright), the built site served by ``scripts/serve_site.py``
   as a real host serves it (long caching for hashed runtime files, brotli from the build's
   precompressed ``.br`` files or gzip, revalidated HTML): time from navigation to the first
   Python-computed result on a calculator page, cold (fresh profile) and warm (same profile,
   browser restarted), beside a naive page that loads the same Pyodide files on the main thread
   and computes the same thing, and the same worker started from an empty page ("bare");
   main-thread long tasks until that result; bytes and requests on the wire; input-to-result
   latency (first edit, p50, p95) on every calculator page; bytes for a guide and a calculator page.
3. Attempts beside the build as shipped, the page itself unchanged (the server swaps files at the
   page's URLs or the codings it offers): a gzip-only host (like GitHub Pages), the archives
   deflated per member (the earlier layout), the stock standard library. Attempts decided
   earlier are in benchmarks/HISTORY.md and are not re-run.
4. The same on a slow link (5 Mbit/s, 100 ms round trip, throttled by the server for every
   request, the worker's included) and with the browser's CPU limited to a quarter of the
   machine (a cgroup quota on all its processes; DevTools CPU throttling would slow only the
   page's main thread, not the worker, so it is not used).

RESULTS.md opens with issue 14's aims, each checked against this run's figures, and ends with
conclusions computed from them (nothing in it is fixed text about the outcome).

Options: ``--rounds N`` (loopback rounds, default 3), ``--slow-rounds N`` (default 2),
``--skip-build``, ``--site DIR`` (use an existing build), ``--only build|browser``, ``--quick``
(1 round each, 5 inputs per page; also ``BENCH_QUICK=1 make bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    build_site,
    cpu_limited_chromium,
    own_cpu_cgroup,
    run_meta,
    site_pages,
)
from serve_site import ENCODINGS, SiteServer  # noqa: E402

OUT_DIR = ROOT / "benchmarks"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
CALC_PAGE = "installment-apr"  # the calculator page timed for start-up
GUIDE_PAGE = "/guide/how-to-negotiate/"
SLOW_LINK = (5_000_000, 0.100)  # 5 Mbit/s, 100 ms round trip
CPU_FRACTION = 0.25  # the browser gets a quarter of the machine's CPU time
LOAD_TIMEOUT_MS = 180_000
READER_PAUSE_S = 1.5  # between the first live result and the first edit

NAIVE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Naive Pyodide page (benchmark baseline)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Naive baseline</h1><p>Loads Pyodide on the main thread, then computes one result.</p>
<div id="out">…</div>
<script type="module">
const q = new URLSearchParams(location.search);
const indexURL = new URL("/bench-assets/pyodide/", location.href).href;
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const py = await loadPyodide({ indexURL });
const zip = await (await fetch(q.get("package"))).arrayBuffer();
py.unpackArchive(zip, "zip", { extractDir: "/home/pyodide/site" });
py.runPython("import sys; sys.path.insert(0, '/home/pyodide/site')");
const web = py.pyimport("calculators.web");
const response = JSON.parse(web.handle(JSON.stringify({ calculator: q.get("calc"), lang: "zh", form: {} })));
document.getElementById("out").innerHTML = response.html;
window.__bench.first = performance.now();
</script></body></html>
"""

# Reference page: the site's own worker and runtime files (as built), started from an empty page,
# to show what the site's page itself (Material's HTML, CSS and scripts) adds to the start.
BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare page (benchmark reference)</title></head>
<body><div id="out">…</div>
<script type="module">
const q = new URLSearchParams(location.search);
const abs = (name) => new URL(q.get(name), location.href).href;
const request = JSON.stringify({ calculator: q.get("calc"), lang: "zh", form: {} });
const worker = new Worker(abs("worker"), { type: "module" });
worker.onmessage = (event) => {
  if (event.data.type === "ready") worker.postMessage({ type: "compute", id: 1, request });
  else if (event.data.type === "result") {
    document.getElementById("out").innerHTML = JSON.parse(event.data.response).html;
    window.__bench.first = performance.now();
  }
};
worker.postMessage({ type: "init", runtime: abs("runtime"), stdlib: q.get("stdlib") ? abs("stdlib") : "",
                     package: abs("package"), warm: request });
</script></body></html>
"""

# Injected before any page script: long tasks and the moment the worker's first result lands.
OBSERVER_JS = """
(() => {
  const bench = window.__bench = { first: null, longtasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  document.addEventListener("DOMContentLoaded", () => {
    const root = document.querySelector("[data-calculator]");
    const result = root && root.querySelector(".calc-result");
    if (!result) return;
    new MutationObserver(() => {
      if (bench.first === null && root.getAttribute("data-state") === "ready") bench.first = performance.now();
    }).observe(result, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-result-key"] });
  });
})();
"""

WAIT_JS = """() => window.__bench && (window.__bench.first !== null ||
  (document.querySelector('[data-calculator]') || {}).dataset?.state === 'error')"""

LATENCY_JS = """async ({ field, values }) => {
  const root = document.querySelector("[data-calculator]");
  const result = root.querySelector(".calc-result");
  const input = root.querySelector(`[name="${field}"]`);
  const times = [];
  const python = []; // of each answer, the time the worker spent in Python (widget's data-python-ms)
  for (const value of values) {
    const done = new Promise((resolve) => {
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
      mo.observe(result, { childList: true });
    });
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 10000));
    const t1 = await Promise.race([done, timeout]);
    times.push(t1 === null ? null : t1 - t0);
    python.push(t1 === null ? null : Number(root.getAttribute("data-python-ms")));
    await new Promise((r) => setTimeout(r, 40));
  }
  return { times, python };
}"""


def log(msg: str = "") -> None:
    print(msg, flush=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values, p):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# ------------------------------------------------------------------------------------------
# Build benchmarks
# ------------------------------------------------------------------------------------------


def _copy_repo(dest: Path) -> None:
    for name in ("docs", "data", "macros", "calculators", "overrides", "mkdocs.yml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")


def generate_banks(dest: Path, count: int) -> int:
    """Add ``count`` bank records (copies of a real one under new ids), their pages and nav entries."""
    banks = dest / "data" / "banks"
    template_path = banks / "citic.yml"
    template = template_path.read_text(encoding="utf-8")
    zh_page = (dest / "docs" / "banks" / "citic.md").read_text(encoding="utf-8")
    en_page = (dest / "docs" / "banks" / "citic.en.md").read_text(encoding="utf-8")
    nav_lines = []
    for i in range(count):
        bank_id = f"gen{i:03d}"
        record = re.sub(r"(?m)^id: citic$", f"id: {bank_id}", template, count=1)
        record = re.sub(r"(?m)^order: \d+$", f"order: {1000 + i}", record, count=1)
        record = record.replace("中信银行", f"测试银行{i:03d}").replace("China CITIC Bank", f"Test Bank {i:03d}")
        (banks / f"{bank_id}.yml").write_text(record, encoding="utf-8")
        for page, suffix in ((zh_page, ".md"), (en_page, ".en.md")):
            text = page.replace('bank_page("citic")', f'bank_page("{bank_id}")')
            text = text.replace("中信银行", f"测试银行{i:03d}").replace("China CITIC Bank", f"Test Bank {i:03d}")
            (dest / "docs" / "banks" / f"{bank_id}{suffix}").write_text(text, encoding="utf-8")
        nav_lines.append(f"      - 测试银行{i:03d}: banks/{bank_id}.md")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = re.search(r"(?m)^(\s*- [^\n]*: banks/psbc\.md)$", config)
    if anchor:
        config = config[: anchor.end()] + "\n" + "\n".join(nav_lines) + config[anchor.end() :]
        (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # The negotiation kit keeps a generated copy of the bank numbers; regenerate it as a contributor would.
    if (dest / "macros" / "kit_pages.py").exists():
        import subprocess

        subprocess.run(
            [sys.executable, "-m", "macros.kit_pages"],
            cwd=dest,
            capture_output=True,
            text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
    return len(list(banks.glob("*.yml")))


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def bench_build(results: dict, runs_real: int) -> Path:
    """Build timings; returns the folder of the last real build (served for the browser runs)."""
    log("== Build ==")
    keep = Path(tempfile.mkdtemp(prefix="bench-site-"))
    warm = build_site(keep / "warmup", measure=False)  # fills jieba's and stdlib_pyc's caches
    if warm["returncode"] != 0:
        raise SystemExit("mkdocs build --strict failed:\n" + warm["output"])
    rows = []
    real_runs = [build_site(keep / "site", measure=True) for _ in range(runs_real)]
    shutil.rmtree(keep / "warmup", ignore_errors=True)
    banks_real = len(list((ROOT / "data" / "banks").glob("*.yml")))
    rows.append(
        {
            "label": "real site",
            "banks": banks_real,
            "pages": count_pages(keep / "site"),
            "seconds": [r["seconds"] for r in real_runs],
            "peak_mb": [r["peak_mb"] for r in real_runs],
        }
    )
    log(
        f"real site: {banks_real} banks, {rows[-1]['pages']} pages, "
        f"{median(rows[-1]['seconds']):.1f} s, peak {median([p for p in rows[-1]['peak_mb'] if p] or [0]):.0f} MB"
    )
    for extra, runs in ((50, 2), (200, 2)):
        with tempfile.TemporaryDirectory(prefix="bench-banks-") as tmp:
            repo = Path(tmp) / "repo"
            repo.mkdir()
            _copy_repo(repo)
            total = generate_banks(repo, extra)
            outs = []
            for _ in range(runs):
                out = build_site(repo / "site", cwd=repo, measure=True)
                if out["returncode"] != 0:
                    log(f"  build with {extra} generated banks failed:\n{out['output'][-1500:]}")
                    break
                outs.append(out)
            if outs:
                # The first build of a copy also fills its caches (jieba, the precompiled standard library
                # for the regenerated package): report the later, steady-state builds.
                steady = outs[1:] or outs
                rows.append(
                    {
                        "label": f"+{extra} generated banks",
                        "banks": total,
                        "pages": count_pages(repo / "site"),
                        "seconds": [o["seconds"] for o in steady],
                        "peak_mb": [o["peak_mb"] for o in steady],
                        "first_build_seconds": outs[0]["seconds"],
                    }
                )
                log(
                    f"{rows[-1]['label']}: {total} banks, {rows[-1]['pages']} pages, "
                    f"{median(rows[-1]['seconds']):.1f} s, peak {median([p for p in rows[-1]['peak_mb'] if p] or [0]):.0f} MB"
                    f" (first build of the copy {outs[0]['seconds']:.1f} s)"
                )
    results["build"] = rows
    return keep / "site"


# ------------------------------------------------------------------------------------------
# Browser benchmarks
# ------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, site: Path, work: Path):
        self.site = site
        self.work = work
        self.pages = site_pages(site)
        if not self.pages["runtime"] or not self.pages["package"]:
            raise SystemExit("no calculator page with data-runtime/data-package found in the built site")
        assets = work / "bench-assets"
        assets.mkdir(parents=True, exist_ok=True)
        (assets / "naive.html").write_text(NAIVE_HTML, encoding="utf-8")
        (assets / "bare.html").write_text(BARE_HTML, encoding="utf-8")
        self.server = SiteServer(site, mounts={"/bench-assets/pyodide/": PYODIDE_DIR, "/bench-assets/": assets}).start()
        # The page's standard-library URL (data-stdlib) and the stock one: attempts are served at both.
        self.stdlib_urls = sorted({self.pages["runtime"] + "python_stdlib.zip", self.pages["stdlib"] or ""} - {""})
        self.shipped_stdlib = [self.pages["stdlib"] or self.pages["runtime"] + "python_stdlib.zip"]
        # Each attempt: which standard library and calculators package the server hands out at the page's
        # own URLs, and which content codings it offers (the page itself never changes between attempts).
        from macros import stdlib_pyc

        py_package = assets / "calculators.zip"
        py_package.write_bytes(stdlib_pyc.package_zip_bytes())
        shipped_stdlib = site / self.shipped_stdlib[0].lstrip("/")
        shipped_package = site / self.pages["package"].lstrip("/")
        self.variants = {
            "site": {},
            "gzip-only": {"encodings": ("gzip",)},
            "deflated": {
                "stdlib": deflated_copy(shipped_stdlib, assets / "stdlib-deflated.zip"),
                "package": deflated_copy(shipped_package, assets / "package-deflated.zip"),
            },
            "plain": {"stdlib": PYODIDE_DIR / "python_stdlib.zip", "package": py_package},
            "search-eager": {
                "page": eager_search_copy(site / "calculators" / CALC_PAGE / "index.html", assets / "eager-search.html")
            },
        }
        self.profiles = 0
        self.pw = None

    def close(self):
        self.server.stop()

    def url(self, config: str, calc: str = CALC_PAGE) -> str:
        if config == "bare":
            from urllib.parse import urlencode

            query = {k: self.pages[k] for k in ("worker", "runtime", "stdlib", "package") if self.pages.get(k)}
            return f"{self.server.url}/bench-assets/bare.html?calc={calc.replace('-', '_')}&{urlencode(query)}"
        if config == "naive":
            return (
                f"{self.server.url}/bench-assets/naive.html?calc={calc.replace('-', '_')}"
                f"&package=/bench-assets/calculators.zip"
            )
        return f"{self.server.url}/calculators/{calc}/"

    def use_variant(self, config: str) -> None:
        """Serve the files of attempt ``config`` at the page's URLs (nothing: the site as built)."""
        v = self.variants.get(config) or {}
        overrides = {}
        if v.get("stdlib"):
            overrides = {u: v["stdlib"] for u in self.stdlib_urls}
        if v.get("package"):
            overrides[self.pages["package"]] = v["package"]
        if v.get("page"):
            overrides[f"/calculators/{CALC_PAGE}/"] = v["page"]
        self.server.overrides = overrides
        self.server.encodings = v.get("encodings", ENCODINGS)

    def new_profile(self) -> Path:
        self.profiles += 1
        path = self.work / f"profile-{self.profiles}"
        path.mkdir()
        return path

    def launch(self, profile: Path, executable: str = CHROMIUM):
        ctx = self.pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 412, "height": 915},
            service_workers="block",
        )
        ctx.add_init_script(OBSERVER_JS)
        return ctx

    def load(self, ctx, url: str) -> dict:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        mark = len(self.server.log)
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function(WAIT_JS, timeout=LOAD_TIMEOUT_MS, polling=20)
        data = page.evaluate("""() => ({ first: window.__bench.first, longtasks: window.__bench.longtasks,
            state: (document.querySelector('[data-calculator]') || {}).dataset?.state || null })""")
        time.sleep(0.3)  # let the last responses finish before reading the server's log
        hits = self.server.log[mark:]
        first = data["first"]
        tasks = [d for start, d in data["longtasks"] if first is None or start < first]
        return {
            "first_ms": first,
            "state": data["state"],
            "longtasks": len(tasks),
            "longtask_ms": sum(tasks),
            "longtask_max_ms": max(tasks, default=0),
            "requests": len(hits),
            "bytes": sum(size for _, _, size in hits),
        }

    def cold_warm(self, config: str, executable: str = CHROMIUM) -> tuple[dict, dict]:
        self.use_variant(config)
        profile = self.new_profile()
        url = self.url(config)
        ctx = self.launch(profile, executable)
        try:
            cold = self.load(ctx, url)
        finally:
            ctx.close()
        ctx = self.launch(profile, executable)
        try:
            warm = self.load(ctx, url)
        finally:
            ctx.close()
        shutil.rmtree(profile, ignore_errors=True)
        return cold, warm

    def series(self, configs, rounds: int, label: str, executable: str = CHROMIUM) -> dict:
        runs = {c: {"cold": [], "warm": []} for c in configs}
        for r in range(rounds):
            for config in configs:
                try:
                    cold, warm = self.cold_warm(config, executable)
                except Exception as exc:  # one failed load must not lose the whole run
                    log(f"  [{label}] round {r + 1} {config}: failed: {type(exc).__name__}: {str(exc)[:200]}")
                    continue
                runs[config]["cold"].append(cold)
                runs[config]["warm"].append(warm)
                log(
                    f"  [{label}] round {r + 1} {config:8s} cold {fmt_ms(cold['first_ms'])} "
                    f"({cold['requests']} req, {cold['bytes'] / 1e6:.2f} MB, long tasks {cold['longtask_ms']:.0f} ms)"
                    f"  warm {fmt_ms(warm['first_ms'])} ({warm['requests']} req, {warm['bytes'] / 1e6:.2f} MB)"
                )
        return runs

    def page_weight(self, path: str, config: str | None = None) -> dict:
        """Cold load of ``path``: requests and bytes until the network is idle (and the result, if any)."""
        self.use_variant(config or "")
        profile = self.new_profile()
        ctx = self.launch(profile)
        try:
            page = ctx.pages[0]
            mark = len(self.server.log)
            page.goto(self.server.url + path, wait_until="networkidle", timeout=LOAD_TIMEOUT_MS)
            if page.query_selector("[data-calculator]"):
                page.wait_for_function(WAIT_JS, timeout=LOAD_TIMEOUT_MS, polling=50)
                page.wait_for_load_state("networkidle")
            time.sleep(0.5)
            hits = self.server.log[mark:]
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)
        runtime = [h for h in hits if h[0].startswith("/assets/runtime/")]
        return {
            "requests": len(hits),
            "bytes": sum(h[2] for h in hits),
            "runtime_requests": len(runtime),
            "runtime_bytes": sum(h[2] for h in runtime),
            "files": [list(h) for h in hits],
        }

    def latency(self, calculators, inputs_per_page: int) -> dict:
        self.use_variant("")
        profile = self.new_profile()
        ctx = self.launch(profile)
        out = {}
        try:
            page = ctx.pages[0]
            for slug in calculators:
                field, values = latency_inputs(slug.replace("-", "_"), inputs_per_page)
                if field is None:
                    continue
                page.goto(f"{self.server.url}/calculators/{slug}/", wait_until="commit")
                page.wait_for_function(WAIT_JS, timeout=LOAD_TIMEOUT_MS, polling=20)
                time.sleep(READER_PAUSE_S)  # a reader reads the page before the first edit
                measured = page.evaluate(LATENCY_JS, {"field": field, "values": values})
                times = measured["times"]
                out[slug] = {"field": field, "ms": times, "python_ms": measured["python"]}
                log(
                    f"  input latency {slug:20s} ({field}): p50 {fmt_ms(percentile(times, 50))}, "
                    f"p95 {fmt_ms(percentile(times, 95))}, lost {sum(t is None for t in times)}"
                )
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)
        return out


def eager_search_copy(page: Path, dest: Path) -> Path:
    """The calculator page without the script that holds Material's search index back (overrides/main.html)."""
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"<script>[^<]*search_index[^<]*</script>", "", html, count=1)
    dest.write_text(html, encoding="utf-8")
    return dest


def deflated_copy(stored_zip: Path, dest: Path) -> Path:
    """``stored_zip`` rewritten with every member deflated (level 9): the archives' earlier layout."""
    import zipfile

    with zipfile.ZipFile(stored_zip) as src, zipfile.ZipFile(dest, "w") as out:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr, copy.create_system = info.external_attr, info.create_system
            copy.compress_type = zipfile.ZIP_STORED if info.filename.endswith("/") else zipfile.ZIP_DEFLATED
            out.writestr(copy, src.read(info.filename), compresslevel=9)
    return dest


def latency_inputs(name: str, count: int):
    """A field a reader would change (the first money field, else an integer) and valid new values."""
    import calculators

    spec = calculators.spec(name)
    money, integer = None, None
    for f in spec["fields"]:
        if f["kind"] == "list":
            rows = f["example"] if isinstance(f["example"], list) else []
            for item in f["items"]:
                value = rows[0].get(item["name"]) if rows else None
                if item["kind"] == "money" and value and money is None:
                    money = (f"{f['name']}.0.{item['name']}", value)
        elif f["kind"] == "money" and f["example"] and money is None:
            money = (f["name"], f["example"])
        elif f["kind"] == "integer" and f["example"] and integer is None:
            integer = (f["name"], f["example"])
    if money:
        base = int(float(money[1]))
        return money[0], [str(base + 100 * (k + 1)) for k in range(count)]
    if integer:
        base = int(integer[1])
        return integer[0], [str(base + (k % 3) - 1 if k % 3 != 1 else base + 2) for k in range(count)]
    return None, []


def fmt_ms(ms) -> str:
    if ms is None:
        return "—"
    return f"{ms / 1000:.2f} s" if ms >= 1000 else f"{ms:.0f} ms"


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------

LEVERS = {
    "naive": "Naive page: the same Pyodide files on the main thread, one call (baseline)",
    "bare": "Reference: the site's worker and files as built, started from an empty page (no Material)",
    "site": "Site as built, host with brotli (precompressed `.br`, else gzip)",
    "gzip-only": "Site as built, gzip-only host (like GitHub Pages)",
    "deflated": "Site with the archives deflated per member (the earlier layout), brotli host",
    "plain": "Site, plain start: stock `python_stdlib.zip` (.py), calculators as .py",
    "search-eager": "Site with Material's search index fetched at load (as before), brotli host",
}

#: Levers looked at without a row of their own in this run (what was done, not a measured claim).
OTHER_LEVERS = [
    "Preloading the runtime files from the page (`<link rel=preload>`): not attempted. The runtime is "
    "fetched by the module worker, and a page's preloads are matched only by that document's own requests, "
    "so the worker would download the files a second time or race the preload through the HTTP cache.",
    "Starting the worker from the top of `<head>` (the widget script first in the page, binding the widgets "
    "once the page is parsed): tried on 2026-12-01 and not kept (HISTORY.md). Alternate loads showed no gain "
    "on loopback, a small one at 5 Mbit/s, and it cost the calculator page about 8 Lighthouse performance "
    "points (more main-thread work while the page loads). The widget script follows the widget in the body, "
    "async, so it starts the worker as soon as it arrives.",
    "Warming the worker on the page's own inputs: one call before it reports ready (imports the renderer "
    "and the calculator; its answer is kept and is the first result, so the page's request is not computed "
    "twice), then a dozen calls with the inputs varied in the worker's idle time after the "
    "first result, one per task so a reader's edit waits for at most one (the latency table shows the "
    "first edit).",
    "Not drawing the first answer again when Python's fingerprint (`render.result_key`) says it is the result "
    "the page already shows, and starting Material's search worker only with search: kept on 2026-12-01; "
    "in alternate Lighthouse runs the calculator page went from 90, 89, 96 to 95, 94, 95 (HISTORY.md). "
    "The first result is then the moment the answer is confirmed in place, without a redraw.",
    "A still loading mark instead of a turning spinner: kept on 2026-12-01. On the 0.5-CPU budget the "
    "endless animation cost about a second of the cold start (medians 11.0 s and 9.9 s over eight loads "
    "each, HISTORY.md): every frame it asks for is CPU time taken from the worker.",
    "Per-keystroke Python: `finance.irr` now confirms a Newton guess on exact integers instead of "
    "bisecting some 150 times (the same result to the last bit), which halves installment-apr's "
    "per-edit time in CPython (about 2.9 to 1.5 ms) and cuts it by 40 % in Pyodide.",
]
KEPT = "site"

#: Issue 14's aims: (label, section, configuration, measure, limit). Checked against this run's figures.
AIMS = [
    ("loopback: cold first result ≤ 0.50× naive", "loopback", "site", "cold_ratio", 0.50),
    ("loopback: warm first result ≤ 0.50× naive", "loopback", "site", "warm_ratio", 0.50),
    ("5 Mbit/s, 100 ms: cold first result ≤ 0.65× naive", "slow_network", "site", "cold_ratio", 0.65),
    ("0.5 CPU: cold first result ≤ 0.55× naive", "slow_cpu", "site", "cold_ratio", 0.55),
    ("0.5 CPU: warm first result ≤ 0.70× naive", "slow_cpu", "site", "warm_ratio", 0.70),
]
WEIGHT_AIMS_MB = {"br": 4.3}  # first visit of a calculator page through a brotli host
GUIDE_LIMIT_MB = 0.25
FIRST_EDIT_P95_MS = 50
#: Bytes of the calculator page's first visit before issue 14 (2026-11-29 run, gzip host; HISTORY.md).
GZIP_BASELINE_BYTES = 5_670_000


def summarise(runs: dict, base: str = "naive") -> list[dict]:
    rows = []
    base_cold = median([r["first_ms"] for r in runs.get(base, {}).get("cold", [])])
    base_warm = median([r["first_ms"] for r in runs.get(base, {}).get("warm", [])])
    for config, data in runs.items():
        cold = [r["first_ms"] for r in data["cold"]]
        warm = [r["first_ms"] for r in data["warm"]]
        mc, mw = median(cold), median(warm)
        rows.append(
            {
                "config": config,
                "n": len(cold),
                "cold_ms": mc,
                "cold_min": min(cold, default=None),
                "cold_max": max(cold, default=None),
                "warm_ms": mw,
                "warm_min": min(warm, default=None),
                "warm_max": max(warm, default=None),
                "cold_ratio": mc / base_cold if mc and base_cold else None,
                "warm_ratio": mw / base_warm if mw and base_warm else None,
                "cold_bytes": median([r["bytes"] for r in data["cold"]]),
                "cold_requests": median([r["requests"] for r in data["cold"]]),
                "warm_requests": median([r["requests"] for r in data["warm"]]),
                "longtask_ms": median([r["longtask_ms"] for r in data["cold"]]),
                "longtasks": median([r["longtasks"] for r in data["cold"]]),
                "warm_longtask_ms": median([r["longtask_ms"] for r in data["warm"]]),
            }
        )
    return rows


def ratio(x) -> str:
    return "—" if x is None else f"{x:.2f}×"


def mb(b) -> str:
    return "—" if b is None else f"{b / 1e6:.2f} MB"


def timing_table(rows, kept: str) -> list[str]:
    out = [
        "| configuration | cold (median, min–max) | warm (median, min–max) | cold ÷ naive | warm ÷ naive "
        "| main-thread long tasks until the result (cold / warm) | bytes on the wire, cold | requests cold / warm | kept |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        label = LEVERS.get(r["config"], r["config"])
        keep = (
            "**kept** (`make build`)"
            if r["config"] == kept
            else {"naive": "baseline", "bare": "reference", "gzip-only": "same build, other host"}.get(
                r["config"], "no"
            )
        )
        out.append(
            f"| {label} | {fmt_ms(r['cold_ms'])} ({fmt_ms(r['cold_min'])}–{fmt_ms(r['cold_max'])}) "
            f"| {fmt_ms(r['warm_ms'])} ({fmt_ms(r['warm_min'])}–{fmt_ms(r['warm_max'])}) "
            f"| {ratio(r['cold_ratio'])} | {ratio(r['warm_ratio'])} "
            f"| {fmt_ms(r['longtask_ms'])} ({r['longtasks']:.0f}) / {fmt_ms(r['warm_longtask_ms'])} "
            f"| {mb(r['cold_bytes'])} | {r['cold_requests']:.0f} / {r['warm_requests']:.0f} | {keep} |"
        )
    return out


def aims_table(results: dict) -> list[str]:
    """Issue 14's aims against this run's figures: measured value and met / not met, computed."""
    out = ["| aim | measured | met |", "|---|---|---|"]
    sections = {
        name: {r["config"]: r for r in summarise(results[name])}
        for name in ("loopback", "slow_network", "slow_cpu")
        if name in results
    }
    for label, section, config, key, limit in AIMS:
        row = sections.get(section, {}).get(config)
        value = row and row.get(key)
        out.append(f"| {label} | {ratio(value)} | {verdict(value, limit)} |")
    weight = results.get("weight", {})
    for key, limit in (("calc_br", WEIGHT_AIMS_MB["br"]),):
        w = weight.get(key)
        value = w and w["bytes"] / 1e6
        out.append(
            f"| calculator page, first visit through a brotli host ≤ {limit} MB | {mb(w and w['bytes'])} "
            f"| {verdict(value, limit)} |"
        )
    gz, before = weight.get("calc_gzip"), results["meta"].get("gzip_baseline_bytes")
    out.append(
        f"| same through a gzip-only host (GitHub Pages) ≤ before ({mb(before)}) | {mb(gz and gz['bytes'])} "
        f"| {verdict(gz and gz['bytes'], before)} |"
    )
    guide = weight.get("guide")
    out.append(
        f"| guide page ≤ {GUIDE_LIMIT_MB} MB and no runtime | {mb(guide and guide['bytes'])}, "
        f"{guide and guide['runtime_requests']} runtime requests "
        f"| {verdict(guide and guide['bytes'] / 1e6, GUIDE_LIMIT_MB) if guide and not guide['runtime_requests'] else 'no'} |"
    )
    first = first_edits(results)
    out.append(
        f"| first edit after start, p95 across pages ≤ {FIRST_EDIT_P95_MS} ms | {fmt_ms(percentile(first, 95))} "
        f"| {verdict(percentile(first, 95), FIRST_EDIT_P95_MS)} |"
    )
    return out


def busy(load_average) -> bool:
    try:
        return float(str(load_average).split()[0]) > (os.cpu_count() or 1)
    except (ValueError, IndexError):
        return False


def verdict(value, limit) -> str:
    if value is None or limit is None:
        return "not measured"
    return "yes" if value <= limit else "**no**"


def first_edits(results: dict) -> list:
    return [v["ms"][0] for v in results.get("latency", {}).values() if v["ms"]]


def write_report(results: dict) -> None:
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    meta = results["meta"]
    kept = KEPT
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (scripts/bench.py) on {meta['date']}; raw numbers in `results.json`; "
        "every figure and conclusion below is computed from this run. Figures from one machine: compare rows "
        "within a table, not across machines. Attempts decided earlier (hybrid and full precompiled standard "
        "libraries, the memory snapshot) are recorded in [HISTORY.md](HISTORY.md), not re-run.",
        "",
        f"- Machine: {meta['machine']}; load average at start {meta['load_start']}, at end {meta.get('load_end')}"
        + (f"; the benchmark ran in cgroup `{meta['cgroup']}`" if meta.get("cgroup") not in (None, "/") else ""),
        f"- Chromium {meta['chromium']} (Debian, headless, Playwright); Pyodide {meta['pyodide']}; "
        f"Python {meta['python']}; run took {meta['minutes']:.1f} min",
        "- Server: `scripts/serve_site.py` on 127.0.0.1, as a host with precompressed files: brotli when the "
        "browser asks for it and a `.br` file is beside the file, else gzip; `Cache-Control: immutable` for hashed "
        "runtime files; HTML revalidated. Cold = fresh browser profile; warm = same profile, browser restarted.",
        f'- Timed page: `/calculators/{CALC_PAGE}/` (zh). "First result" = the first result computed by Python '
        "in the browser shown in the page (replacing the server-rendered one, or, when Python's answer is that same "
        "result, confirmed in place without redrawing it), measured from navigation start.",
        f"- Site as built ships: {', '.join(meta.get('shipped_stdlib') or ['?'])}",
        *(
            [
                "- **The machine was busy** (load average above its CPU count at the start): the timings are noisy, "
                "the byte counts are not."
            ]
            if busy(meta.get("load_start"))
            else []
        ),
        "- The naive page is served by the same server with the same caching headers (gzip: its files have no "
        "`.br` beside them), so its warm start also reuses Chromium's compiled WebAssembly.",
        "",
    ]
    lines += ["## Aims (issue 14), from this run", ""] + aims_table(results) + [""]
    for key, title, note in (
        (
            "loopback",
            f"Time to the first Python-computed result, loopback ({meta['rounds']} round{'s' if meta['rounds'] != 1 else ''})",
            "",
        ),
        (
            "slow_network",
            f"Slow network: 5 Mbit/s, 100 ms round trip ({meta['slow_rounds']} round{'s' if meta['slow_rounds'] != 1 else ''})",
            "Throttled by the server for every response (the worker's downloads included): one round trip "
            "per request, two on a new connection, all responses sharing 5 Mbit/s.",
        ),
        (
            "slow_cpu",
            f"Slow CPU ({meta['slow_rounds']} round{'s' if meta['slow_rounds'] != 1 else ''})",
            f"CPU limit: {meta.get('cpu_limit')}. DevTools CPU throttling was not used: it slows only the page's "
            "main thread, not the module worker where Pyodide runs, so it would flatter the worker design.",
        ),
        ("phone", "Slow network and slow CPU together (1 round)", ""),
    ):
        if key in results:
            lines += (
                [f"## {title}", ""] + ([note, ""] if note else []) + timing_table(summarise(results[key]), kept) + [""]
            )
    if "weight" in results:
        lines += [
            "## Page weight (cold visit, until the network is idle)",
            "",
            "| page | requests | bytes on the wire | of which the calculator runtime |",
            "|---|---|---|---|",
        ]
        for w in results["weight"].values():
            lines.append(
                f"| {w['label']} | {w['requests']} | {mb(w['bytes'])} | "
                f"{w['runtime_requests']} requests, {mb(w['runtime_bytes'])} |"
            )
        lines.append("")
    if "sizes" in results:
        lines += [
            "## What the runtime's files weigh on the wire (bytes, deterministic)",
            "",
            "Brotli at quality 11 is what the build writes beside each file (`.br`); gzip -9 likewise (`.gz`); "
            "a gzip-only host that compresses on the fly uses about level 6. The archives are zips of "
            'stored members (compressed as a whole in transit); "deflated" is the same zip with each member '
            "deflated, the earlier layout, which transit compression cannot shrink further.",
            "",
            "| file | raw | gzip -9 | brotli 11 | as deflated zip |",
            "|---|---|---|---|---|",
        ]
        for name, z in results["sizes"].items():
            lines.append(
                f"| {name} | {z['raw']:,} | {z['gzip']:,} | "
                + (f"{z['br']:,}" if z.get("br") else "—")
                + " | "
                + (f"{z['deflated']:,}" if z.get("deflated") else "—")
                + " |"
            )
        lines.append("")
    if "latency" in results:
        all_ms = [t for v in results["latency"].values() for t in v["ms"]]
        first = first_edits(results)
        lines += [
            "## Input-to-result latency (site as built, after start-up)",
            "",
            f"Time from an `input` event on a field to the new result in the page (worker round trip, Python, "
            f"HTML swap). The first edit comes {READER_PAUSE_S:g} s after the first live result (a reader "
            "reading the page); the worker warms up on the page's own inputs in that idle time.",
            "",
            "| calculator page | field changed | inputs | first edit | p50 | p95 | max |",
            "|---|---|---|---|---|---|---|",
        ]
        for slug, v in results["latency"].items():
            lines.append(
                f"| {slug} | `{v['field']}` | {len(v['ms'])} | {fmt_ms(v['ms'][0] if v['ms'] else None)} "
                f"| {fmt_ms(percentile(v['ms'], 50))} "
                f"| {fmt_ms(percentile(v['ms'], 95))} | {fmt_ms(max((t for t in v['ms'] if t is not None), default=None))} |"
            )
        lines.append(
            f"| **all** | | {len(all_ms)} | p95 **{fmt_ms(percentile(first, 95))}** "
            f"| **{fmt_ms(percentile(all_ms, 50))}** | "
            f"**{fmt_ms(percentile(all_ms, 95))}** | {fmt_ms(max((t for t in all_ms if t is not None), default=None))} |"
        )
        lines.append("")
    if "build" in results:
        lines += [
            "## Build (`mkdocs build --strict`)",
            "",
            "Peak memory is the largest resident set of any process in the build (GNU time). Generated banks are "
            "copies of a real record under new ids, each with its Chinese and English page and a nav entry.",
            "",
            "| site | banks | pages (index.html) | wall time (median) | peak memory (median) | first build of a fresh copy |",
            "|---|---|---|---|---|---|",
        ]
        for row in results["build"]:
            peaks = [p for p in row["peak_mb"] if p]
            first = f"{row['first_build_seconds']:.1f} s" if row.get("first_build_seconds") else "—"
            runs = len(row["seconds"])
            lines.append(
                f"| {row['label']} | {row['banks']} | {row['pages']} | {median(row['seconds']):.1f} s "
                f"({runs} run{'s' if runs != 1 else ''}) | "
                + (f"{median(peaks):.0f} MB" if peaks else "—")
                + f" | {first} |"
            )
        lines += [
            "",
            "A fresh copy's first build also fills its caches: jieba's dictionary and the precompiled "
            "standard library and package (`macros/stdlib_pyc.py` runs Pyodide under Node, about 5 s and "
            "220 MB); that happens again only when the calculators, the runtime or that module change.",
        ]
        if len(results["build"]) >= 2:
            a, b = results["build"][0], results["build"][-1]
            per_page = (median(b["seconds"]) - median(a["seconds"])) / max(1, b["pages"] - a["pages"])
            lines += [
                "",
                f"Growth: about {per_page * 1000:.0f} ms of build time per added page "
                f"({(median(b['seconds']) - median(a['seconds'])) / max(1, b['banks'] - a['banks']) * 1000:.0f} ms per bank, two pages each).",
            ]
        lines.append("")
    if results.get("decision"):
        lines += ["## What was kept, and why (computed from the figures above)", ""] + results["decision"] + [""]
    lines += ["## Other levers", ""] + [f"- {text}" for text in OTHER_LEVERS] + [""]
    (OUT_DIR / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    log(f"\nWrote {OUT_DIR / 'RESULTS.md'} and results.json")


def wire_sizes(bench: Bench) -> dict:
    """Bytes of each runtime file raw, gzip -9, brotli 11 (the build's `.br`), and the archives deflated."""
    import gzip

    out = {}
    runtime = bench.site / bench.pages["runtime"].lstrip("/")
    files = [
        (name, runtime / name) for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", "pyodide-lock.json")
    ]
    files += [
        ("standard library (precompiled, trimmed)", bench.site / bench.shipped_stdlib[0].lstrip("/")),
        ("calculators package (precompiled)", bench.site / bench.pages["package"].lstrip("/")),
    ]
    deflated = {
        "standard library (precompiled, trimmed)": bench.variants["deflated"]["stdlib"],
        "calculators package (precompiled)": bench.variants["deflated"]["package"],
    }
    for label, path in files:
        data = path.read_bytes()
        br = path.with_name(path.name + ".br")
        out[label] = {
            "raw": len(data),
            "gzip": len(gzip.compress(data, 9, mtime=0)),
            "br": br.stat().st_size if br.is_file() else None,
            "deflated": Path(deflated[label]).stat().st_size if label in deflated else None,
        }
    return out


def short_of_aims(sections: dict) -> list[str]:
    """For each timing aim not met: what the worker alone reaches (the bare page), what the page adds,
    and how much the baseline itself moved between rounds (computed, for the aims table)."""
    text = []
    for label, section, config, key, limit in AIMS:
        rows = sections.get(section, {})
        row, bare, naive = rows.get(config), rows.get("bare"), rows.get("naive")
        value = row and row.get(key)
        if value is None or value <= limit:
            continue
        kind = key.split("_")[0]  # cold | warm
        line = f'- Short of the aim "{label}" ({ratio(value)}):'
        if bare and bare.get(key) is not None:
            added = row[f"{kind}_ms"] - bare[f"{kind}_ms"]
            line += (
                f" the same worker started from an empty page reaches {ratio(bare[key])}, so the page's own work "
                f"(Material's bundle, style and layout, on the same CPU as the worker) adds {fmt_ms(added)}"
                f" ({fmt_ms(row[f'{kind}_ms'])} against {fmt_ms(bare[f'{kind}_ms'])});"
            )
        if naive and naive.get(f"{kind}_min") is not None and naive.get("n", 0) > 1:
            line += (
                f" the naive baseline itself ranged {fmt_ms(naive[f'{kind}_min'])}–{fmt_ms(naive[f'{kind}_max'])}"
                f" over {naive['n']} rounds;"
            )
        text.append(line.rstrip(";") + ". Attempts and a trace of the page's start: HISTORY.md.")
    return text


def first_edit_shortfall(results: dict) -> list[str]:
    """When the first edit's p95 misses its aim: which pages' first edits, and how much of each was Python."""
    latency = results.get("latency", {})
    p95 = percentile(first_edits(results), 95)
    if p95 is None or p95 <= FIRST_EDIT_P95_MS:
        return []
    parts = []
    for slug, v in latency.items():
        if not v["ms"] or v["ms"][0] is None or v["ms"][0] <= FIRST_EDIT_P95_MS:
            continue
        python = v.get("python_ms") or []
        later_python = median(python[1:])
        part = f"{slug} {fmt_ms(v['ms'][0])} (later edits: median {fmt_ms(percentile(v['ms'][1:], 50))})"
        if python and python[0] is not None and later_python is not None:
            part += f", of which {fmt_ms(python[0])} in Python (later edits: median {fmt_ms(later_python)})"
        parts.append(part)
    return [
        f'- Short of the aim "first edit after start, p95 across pages ≤ {FIRST_EDIT_P95_MS} ms" '
        f"({fmt_ms(p95)}, one first edit per page): " + "; ".join(parts) + ". The worker had already computed "
        "the page's own inputs and a dozen variations of them in its idle time, "
        "so the code had run; what is left is the first call after an idle pause, in Python and in the page. "
        "Attempts: HISTORY.md."
    ]


def decide(results: dict) -> list[str]:
    """Conclusions computed from the figures: each attempt against the kept build, each lever's effect."""
    sections = {
        key: {r["config"]: r for r in summarise(results[key])}
        for key in ("loopback", "slow_network", "slow_cpu")
        if key in results
    }
    text = []
    loop, slow = sections.get("loopback", {}), sections.get("slow_network", {})
    k = loop.get(KEPT)

    def compare(name: str, section: dict, what: str) -> str | None:
        a, b = section.get(name), section.get(KEPT)
        if not a or not b or not a["cold_ms"] or not b["cold_ms"]:
            return None
        diff = a["cold_ms"] - b["cold_ms"]
        word = "slower" if diff > 0 else "faster"
        return (
            f"{what}: {fmt_ms(a['cold_ms'])} cold against {fmt_ms(b['cold_ms'])} for the build as shipped "
            f"({fmt_ms(abs(diff))} {word}), {mb(a['cold_bytes'])} against {mb(b['cold_bytes'])} on the wire"
        )

    for name, section, what in (
        ("gzip-only", slow, "At 5 Mbit/s a gzip-only host (GitHub Pages) gives"),
        ("deflated", slow, "At 5 Mbit/s the archives deflated per member (the earlier layout) give"),
        ("plain", loop, "On loopback the stock standard library (.py, compiled at every start) gives"),
        ("search-eager", loop, "On loopback Material's search index fetched at load gives"),
        ("search-eager", slow, "At 5 Mbit/s Material's search index fetched at load gives"),
    ):
        line = compare(name, section, what)
        if line:
            kept_better = section[name]["cold_ms"] > section[KEPT]["cold_ms"]
            text.append(
                f"- {line}: {'the build as shipped is faster in this run' if kept_better else 'the build as shipped is not faster in this run'}."
            )
    b = loop.get("bare")
    if k and b and k["cold_ms"] and b["cold_ms"]:
        added = k["cold_ms"] - b["cold_ms"]
        text.append(
            f'- The page itself: the same worker started from an empty page ("bare") gives '
            f"{fmt_ms(b['cold_ms'])} cold / {fmt_ms(b['warm_ms'])} warm against {fmt_ms(k['cold_ms'])} / "
            f"{fmt_ms(k['warm_ms'])} on the real page: "
            + (
                f"the page adds {fmt_ms(added)} cold ({added / k['cold_ms']:.0%} of its start)."
                if added > 0
                else "no measurable cost cold in this run (the real page was not slower)."
            )
        )
    text.extend(short_of_aims(sections))
    text.extend(first_edit_shortfall(results))
    met = [row for row in aims_table(results)[2:] if row.endswith("| yes |")]
    text.append(f"- Aims met in this run: {len(met)} of {len(aims_table(results)) - 2} (table at the top).")
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Speed figures for the site (not tests).")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slow-rounds", type=int, default=2)
    parser.add_argument("--skip-build", action="store_true", help="no build benchmark (needs --site)")
    parser.add_argument("--site", type=Path, help="an existing build to serve instead of building")
    parser.add_argument("--quick", action="store_true", help="one round of everything (for trying the script)")
    parser.add_argument("--only", choices=["build", "browser"], help="run one part")
    parser.add_argument(
        "--rewrite",
        action="store_true",
        help="only rewrite RESULTS.md from benchmarks/results.json (after changing the report)",
    )
    args = parser.parse_args(argv)
    if args.rewrite:
        results = json.loads((OUT_DIR / "results.json").read_text(encoding="utf-8"))
        results["decision"] = decide(results)
        write_report(results)
        return 0
    if args.quick or os.environ.get("BENCH_QUICK") == "1":
        args.quick = True
        args.rounds = args.slow_rounds = 1
    started = time.perf_counter()
    results = {
        "meta": {
            **run_meta(),
            "python": sys.version.split()[0],
            "load_start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "rounds": args.rounds,
            "slow_rounds": args.slow_rounds,
            "kept": None,
            "cgroup": own_cpu_cgroup(),
        }
    }
    log(
        f"Machine: {results['meta']['machine']}; Chromium {results['meta']['chromium']}; "
        f"Pyodide {results['meta']['pyodide']}; load {results['meta']['load_start']}"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        site = args.site
        if args.only != "browser" and not args.skip_build:
            built = bench_build(results, runs_real=1 if args.quick else 3)
            site = site or built
        if site is None:
            site = work / "site"
            out = build_site(site)
            if out["returncode"] != 0:
                raise SystemExit("mkdocs build --strict failed:\n" + out["output"])
        if args.only != "build":
            run_browser(results, Path(site), work, args)
    finally:
        results["meta"]["load_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
        results["meta"]["minutes"] = (time.perf_counter() - started) / 60
        results["decision"] = decide(results)
        write_report(results)
        shutil.rmtree(work, ignore_errors=True)
    return 0


def run_browser(results: dict, site: Path, work: Path, args) -> None:
    from playwright.sync_api import sync_playwright

    bench = Bench(site, work)
    results["meta"]["shipped_stdlib"] = bench.shipped_stdlib
    results["meta"]["kept"] = KEPT
    # The first visit before issue 14 (the 2026-11-29 run, gzip host): the gzip-only aim's limit.
    results["meta"]["gzip_baseline_bytes"] = GZIP_BASELINE_BYTES
    results["sizes"] = wire_sizes(bench)
    slow_rounds = args.slow_rounds
    try:
        with sync_playwright() as pw:
            bench.pw = pw
            log("== Loopback: naive page vs the site ==")
            bench.server.prewarm()
            results["loopback"] = bench.series(["naive", "bare", *bench.variants], args.rounds, "loopback")
            for row in summarise(results["loopback"]):
                log(
                    f"{row['config']:9s} cold {fmt_ms(row['cold_ms'])} ({ratio(row['cold_ratio'])})  "
                    f"warm {fmt_ms(row['warm_ms'])} ({ratio(row['warm_ratio'])})  first visit {mb(row['cold_bytes'])}"
                )

            log("== Input-to-result latency ==")
            results["latency"] = bench.latency(bench.pages["calculators"], 5 if args.quick else 25)

            log("== Page weight ==")
            calc = f"/calculators/{CALC_PAGE}/"
            results["weight"] = {
                "guide": dict(bench.page_weight(GUIDE_PAGE), label=f"guide page `{GUIDE_PAGE}`"),
                "calc_br": dict(bench.page_weight(calc, "site"), label=f"calculator page `{calc}`, brotli host"),
                "calc_gzip": dict(
                    bench.page_weight(calc, "gzip-only"),
                    label=f"calculator page `{calc}`, gzip-only host (GitHub Pages)",
                ),
                "calc_en_br": dict(
                    bench.page_weight("/en" + calc, "site"), label=f"calculator page `/en{calc}`, brotli host"
                ),
            }
            for w in results["weight"].values():
                log(f"  {w['label']}: {w['requests']} requests, {mb(w['bytes'])} (runtime {mb(w['runtime_bytes'])})")

            log("== Slow network: 5 Mbit/s, 100 ms ==")
            bench.server.throttle = SLOW_LINK
            results["slow_network"] = bench.series(
                ["naive", KEPT, "gzip-only", "deflated", "search-eager"], slow_rounds, "5 Mbit/s"
            )
            bench.server.throttle = None

            with cpu_limited_chromium(CPU_FRACTION) as (exe, description):
                results["meta"]["cpu_limit"] = description
                log(f"== Slow CPU: {description} ==")
                results["slow_cpu"] = bench.series(["naive", "bare", KEPT], slow_rounds, "slow CPU", exe)
                log("== Slow network and slow CPU ==")
                bench.server.throttle = SLOW_LINK
                results["phone"] = bench.series(["naive", KEPT], 1, "phone", exe)
                bench.server.throttle = None
    finally:
        bench.close()


if __name__ == "__main__":
    sys.exit(main())
