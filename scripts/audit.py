"""``make audit``: Lighthouse, axe-core and a privacy check against the built site.

Prints the scores and writes ``benchmarks/AUDIT.md`` (and ``benchmarks/audit.json``, raw).
Takes about 8 minutes on 2 cores.

- Lighthouse 12.2.3 (npm devDependency, run with Node and Debian's Chromium, mobile settings,
  its default simulated slow 4G and 4x CPU): performance, accessibility, best practices and SEO
  for the home page, a bank page and a calculator page, in Chinese and English, and the Chinese guide
  page; and, in the same run, a plain Material page with the same guide text and nothing else, so
  each page's performance is reported against what Material alone scores here. Aim: 95+ each, and
  no page more than 5 performance points below the plain Material page.
- axe-core (npm devDependency) on the same pages, in the light and the dark colour scheme, after
  the calculator has started: every violation is listed. Aim: none.
- Privacy, for every calculator page in both languages: the reader types into every field and
  uses the row buttons; every request made (the page's and the worker's) must go to the site
  itself; no cookie may be set; nothing may be left in localStorage, sessionStorage, IndexedDB
  or Cache Storage, and every storage write during the visit is listed (the widget's documented
  crash marker, written before the runtime starts and removed once it is ready, is the only
  write allowed, and only if it is gone at the end).

The site is built fresh (``mkdocs build --strict``, with ``SITE_URL`` set to the audit server's
address so canonical links and hreflang resolve) and served by ``scripts/serve_site.py``.
Options: ``--site DIR`` (use an existing build), ``--skip-lighthouse``, ``--pages zh-home,...``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _browser import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, run_meta, site_pages  # noqa: E402
from serve_site import SiteServer  # noqa: E402

OUT_DIR = ROOT / "benchmarks"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
# sessionStorage key the calculator widget writes before starting the runtime and removes once it
# is ready (crash detection, see docs/assets/calculator/widget.js); nothing else may be written.
ALLOWED_TRANSIENT = {("sessionStorage", "calc-runtime-starting")}

STORAGE_SPY_JS = """
(() => {
  const writes = window.__storageWrites = [];
  const wrap = (proto, kind) => {
    for (const method of ["setItem", "removeItem", "clear"]) {
      const original = proto[method];
      proto[method] = function (...args) {
        let area = "storage";
        try { area = this === window.localStorage ? "localStorage" : this === window.sessionStorage ? "sessionStorage" : "storage"; } catch (e) {}
        writes.push([area, method, String(args[0] ?? "")]);
        return original.apply(this, args);
      };
    }
  };
  try { wrap(Storage.prototype); } catch (e) {}
  try {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, ...rest) { writes.push(["indexedDB", "open", String(name)]); return open.call(this, name, ...rest); };
  } catch (e) {}
  try {
    const cacheOpen = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (name) { writes.push(["caches", "open", String(name)]); return cacheOpen.call(this, name); };
  } catch (e) {}
  try {
    const desc = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
    Object.defineProperty(document, "cookie", {
      get() { return desc.get.call(document); },
      set(v) { writes.push(["cookie", "set", String(v).split("=")[0]]); desc.set.call(document, v); },
    });
  } catch (e) {}
})();
"""

STORAGE_STATE_JS = """async () => {
  const keys = (s) => { try { return Object.keys(s); } catch (e) { return ["<unavailable>"]; } };
  let dbs = [];
  try { dbs = (await indexedDB.databases()).map((d) => d.name); } catch (e) {}
  let cacheKeys = [];
  try { cacheKeys = await caches.keys(); } catch (e) {}
  let workers = [];
  try { workers = (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope); } catch (e) {}
  return { localStorage: keys(localStorage), sessionStorage: keys(sessionStorage), indexedDB: dbs,
           caches: cacheKeys, serviceWorkers: workers, cookie: document.cookie, writes: window.__storageWrites || [] };
}"""


def log(msg: str = "") -> None:
    print(msg, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


GUIDE_MD = ROOT / "docs" / "guide" / "how-to-negotiate.md"
PLAIN_LABEL = "plain-material"
PLAIN_MKDOCS_YML = """site_name: 信用卡协商还款指南
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
"""


def build_plain_material(dest: Path) -> Path | None:
    """A plain Material site holding the same Chinese guide text and nothing else (the comparison page).

    Macro calls (``{{ ... }}``, ``{% ... %}``) are dropped from the text: no macros, no i18n, no
    overrides, no calculator assets; Material's defaults except ``font: false`` (no Google Fonts).
    """
    import re

    project = dest / "plain-material"
    (project / "docs").mkdir(parents=True, exist_ok=True)
    text = GUIDE_MD.read_text(encoding="utf-8")
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text, flags=re.S)
    (project / "docs" / "index.md").write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(PLAIN_MKDOCS_YML, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    if proc.returncode != 0:
        log("  plain Material build failed: " + (proc.stderr or proc.stdout)[-500:])
        return None
    return project / "site"


def audit_pages(site: Path) -> dict:
    pages = site_pages(site)
    bank = "citic" if "citic" in pages["banks"] else (pages["banks"][0] if pages["banks"] else None)
    calc = "installment-apr" if "installment-apr" in pages["calculators"] else pages["calculators"][0]
    out = {"zh-home": "/", "en-home": "/en/", "zh-guide": "/guide/how-to-negotiate/"}
    if bank:
        out.update({"zh-bank": f"/banks/{bank}/", "en-bank": f"/en/banks/{bank}/"})
    out.update({"zh-calculator": f"/calculators/{calc}/", "en-calculator": f"/en/calculators/{calc}/"})
    return out


# ------------------------------------------------------------------------------------------
# Lighthouse
# ------------------------------------------------------------------------------------------


def _items(audit: dict, limit: int = 6) -> list[str]:
    """A few readable lines from an audit's details: the failing elements, URLs or messages."""
    out = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") if isinstance(item.get("node"), dict) else None
        if node:
            out.append(f"{node.get('selector', '')} {node.get('snippet', '')[:160]}".strip())
        elif item.get("source") and isinstance(item["source"], dict):
            out.append(str(item["source"].get("snippet") or item["source"])[:200])
        else:
            text = item.get("description") or item.get("url") or item.get("source") or item
            out.append(str(text)[:200])
    return out


def run_lighthouse(url: str, work: Path, label: str) -> dict:
    out_path = work / f"lh-{label}.json"
    profile = work / f"lh-profile-{label}"
    flags = " ".join([*CHROMIUM_ARGS, f"--user-data-dir={profile}"])
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out_path}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--max-wait-for-load=90000",
    ]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    seconds = time.perf_counter() - start
    shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not out_path.exists():
        return {"error": (proc.stderr or proc.stdout)[-1500:], "seconds": seconds}
    report = json.loads(out_path.read_text(encoding="utf-8"))
    scores = {
        c: (round(report["categories"][c]["score"] * 100) if report["categories"][c]["score"] is not None else None)
        for c in CATEGORIES
    }
    failing = []
    for cat in CATEGORIES:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 0.9:
                failing.append(
                    {
                        "category": cat,
                        "id": ref["id"],
                        "score": score,
                        "weight": ref["weight"],
                        "title": audit.get("title"),
                        "display": audit.get("displayValue"),
                        "items": _items(audit),
                    }
                )
    metrics = {
        k: report["audits"][k].get("displayValue")
        for k in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
            "total-byte-weight",
        )
        if k in report["audits"]
    }
    warnings = report.get("runWarnings", [])
    return {"scores": scores, "failing": failing, "metrics": metrics, "warnings": warnings, "seconds": seconds}


# ------------------------------------------------------------------------------------------
# axe-core and privacy (Playwright)
# ------------------------------------------------------------------------------------------


def wait_for_calculator(page, timeout_ms: int = 120_000) -> str | None:
    if not page.query_selector("[data-calculator]"):
        return None
    page.wait_for_function(
        "() => ['ready', 'error'].includes(document.querySelector('[data-calculator]').dataset.state)",
        timeout=timeout_ms,
        polling=50,
    )
    return page.eval_on_selector("[data-calculator]", "el => el.dataset.state")


def run_axe(browser, base: str, pages: dict) -> dict:
    out = {}
    for label, path in pages.items():
        for scheme in ("light", "dark"):
            ctx = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 412, "height": 915})
            page = ctx.new_page()
            state, result = None, []
            try:
                page.goto(base + path, wait_until="load")
                state = wait_for_calculator(page)
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("""async () => {
                    const r = await axe.run(document, { resultTypes: ["violations"] });
                    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
                        count: v.nodes.length }));
                }""")
            except Exception as exc:  # report and go on with the other pages
                result = [
                    {
                        "id": "audit-error",
                        "impact": "unknown",
                        "help": f"{type(exc).__name__}: {str(exc)[:200]}",
                        "helpUrl": "",
                        "nodes": [],
                        "count": 0,
                    }
                ]
            finally:
                ctx.close()
            out[f"{label} ({scheme})"] = {"violations": result, "calculator_state": state}
            log(
                f"  axe {label:14s} {scheme:5s}: {len(result)} violations"
                + (f" ({', '.join(v['id'] for v in result)})" if result else "")
            )
    return out


def _type_everywhere(page) -> int:
    """Type junk and numbers into every enabled text input and select of the widget; returns how many."""
    controls = page.query_selector_all("[data-calculator] input[name], [data-calculator] select[name]")
    typed = 0
    for control in controls:
        try:
            if not control.is_visible() or not control.is_enabled():
                continue
            tag = control.evaluate("el => el.tagName")
            if tag == "SELECT":
                options = control.evaluate("el => Array.from(el.options).map(o => o.value)")
                if options:
                    control.select_option(options[-1])
            else:
                control.fill("12345")
            typed += 1
        except Exception:
            continue
    return typed


def run_privacy(browser, base: str, site: Path) -> dict:
    pages = site_pages(site)
    origin = base.rstrip("/")
    out = {}
    for slug in pages["calculators"]:
        for prefix in ("", "/en"):
            path = f"{prefix}/calculators/{slug}/"
            ctx = browser.new_context(viewport={"width": 412, "height": 915}, accept_downloads=True)
            ctx.add_init_script(STORAGE_SPY_JS)
            requests = []
            ctx.on("request", lambda req, requests=requests: requests.append(req.url))
            page = ctx.new_page()
            page.on("worker", lambda worker: None)
            try:
                page.goto(base + path, wait_until="load")
                state = wait_for_calculator(page)
                typed = _type_everywhere(page)
                for action in ("add-row", "remove-row", "csv"):
                    button = page.query_selector(f'[data-calculator] button[data-action="{action}"]:visible')
                    if button and button.is_enabled():
                        try:
                            if action == "csv":
                                with page.expect_download(timeout=5000):
                                    button.click()
                            else:
                                button.click()
                        except Exception:
                            pass
                page.wait_for_timeout(800)
                page.wait_for_load_state("networkidle")
                storage = page.evaluate(STORAGE_STATE_JS)
                cookies = ctx.cookies()
            finally:
                ctx.close()
            foreign = sorted(
                {
                    u
                    for u in requests
                    if not (u.startswith(origin + "/") or u.startswith("blob:" + origin) or u.startswith("data:"))
                }
            )
            leftover = {
                k: storage[k]
                for k in ("localStorage", "sessionStorage", "indexedDB", "caches", "serviceWorkers")
                if storage[k]
            }
            writes = [w for w in storage["writes"] if w[1] != "removeItem"]
            unexpected = [w for w in writes if (w[0], w[2]) not in ALLOWED_TRANSIENT]
            ok = not foreign and not cookies and not storage["cookie"] and not leftover and not unexpected
            out[path] = {
                "ok": ok,
                "state": state,
                "typed": typed,
                "requests": len(requests),
                "foreign": foreign,
                "cookies": [c["name"] for c in cookies],
                "leftover": leftover,
                "writes": writes,
                "unexpected_writes": unexpected,
            }
            log(
                f"  privacy {path:40s} {'ok ' if ok else 'FAIL'} state={state} typed={typed} "
                f"requests={len(requests)} foreign={len(foreign)} cookies={len(cookies)} "
                f"writes={sorted({w[0] + ':' + w[2] for w in writes})}"
            )
    return out


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------


def median_of(values):
    values = [v for v in values or [] if v is not None]
    if not values:
        return None
    import statistics

    return statistics.median(values)


def write_report(results: dict) -> None:
    OUT_DIR.mkdir(exist_ok=True)
    (OUT_DIR / "audit.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    meta = results["meta"]
    lines = [
        "# Audits",
        "",
        f"Written by `make audit` (scripts/audit.py) on {meta['date']}; raw results in `audit.json`.",
        "",
        f"- Machine: {meta['machine']}; Chromium {meta['chromium']}; Lighthouse {meta['lighthouse']}; "
        f"axe-core {meta['axe']}; Pyodide {meta['pyodide']}; run took {meta['minutes']:.1f} min",
        "- Site built with `mkdocs build --strict`, served by `scripts/serve_site.py` (brotli/gzip, long caching for "
        "hashed runtime files). Lighthouse: mobile form factor, default simulated throttling "
        "(slow 4G, 4x CPU).",
        "",
    ]
    if results.get("lighthouse"):
        lines += [
            "## Lighthouse (mobile)",
            "",
            "Each page audited several times; the run with the median performance score is shown "
            "(all performance scores in the last column).",
            "",
            f"`{PLAIN_LABEL}` is a plain Material page (the same Chinese guide text, Material's defaults, "
            "nothing of this project) audited in the same run: the last column is each page's median "
            "performance minus that page's (aim: no page more than 5 points below).",
            "",
            "| page | URL | performance | accessibility | best practices | SEO | performance, every run "
            "| performance − plain Material |",
            "|---|---|---|---|---|---|---|---|",
        ]
        plain = results["lighthouse"].get(PLAIN_LABEL, {})
        plain_perf = median_of(plain.get("performance_runs"))
        for label, r in results["lighthouse"].items():
            if "error" in r:
                lines.append(f"| {label} | `{r['path']}` | error | | | | | |")
                continue
            cells = [("**%s**" % s if s is not None and s < TARGET else str(s)) for s in r["scores"].values()]
            perf = median_of(r.get("performance_runs"))
            delta = "—" if perf is None or plain_perf is None or label == PLAIN_LABEL else f"{perf - plain_perf:+g}"
            if delta not in ("—",) and perf - plain_perf < -5:
                delta = f"**{delta}**"
            lines.append(
                f"| {label} | `{r['path']}` | "
                + " | ".join(cells)
                + f" | {', '.join(str(x) for x in r.get('performance_runs', []))} | {delta} |"
            )
        lines += ["", f"Scores below {TARGET} are in bold. Audits that lost points (score < 0.9, weighted):", ""]
        any_failing = False
        for label, r in results["lighthouse"].items():
            for f in r.get("failing", []):
                any_failing = True
                lines.append(
                    f"- {label}: `{f['id']}` ({f['category']}, score {f['score']:.2f}"
                    + (f", {f['display']}" if f.get("display") else "")
                    + f") {f['title']}"
                )
                for item in f.get("items", [])[:3]:
                    lines.append("    - `" + item.replace("`", "'") + "`")
        if not any_failing:
            lines.append("- none")
        lines += [
            "",
            "Metrics (simulated mobile):",
            "",
            "| page | FCP | LCP | TBT | CLS | Speed Index | total bytes |",
            "|---|---|---|---|---|---|---|",
        ]
        for label, r in results["lighthouse"].items():
            m = r.get("metrics") or {}
            lines.append(
                f"| {label} | {m.get('first-contentful-paint', '—')} | {m.get('largest-contentful-paint', '—')} "
                f"| {m.get('total-blocking-time', '—')} | {m.get('cumulative-layout-shift', '—')} "
                f"| {m.get('speed-index', '—')} | {m.get('total-byte-weight', '—')} |"
            )
        lines.append("")
    if results.get("axe"):
        total = sum(len(v["violations"]) for v in results["axe"].values())
        lines += [
            "## axe-core",
            "",
            f"Violations in all: **{total}** (rules from axe's default set, including best practices).",
            "",
            "| page (colour scheme) | violations | rules |",
            "|---|---|---|",
        ]
        for label, r in results["axe"].items():
            rules = ", ".join(f"`{v['id']}` ({v['impact']}, {v['count']} nodes)" for v in r["violations"]) or "—"
            lines.append(f"| {label} | {len(r['violations'])} | {rules} |")
        details = [(label, v) for label, r in results["axe"].items() for v in r["violations"]]
        if details:
            lines += ["", "Details (first nodes):", ""]
            for label, v in details:
                lines.append(
                    f"- {label}: `{v['id']}` {v['help']}: " + "; ".join(f"`{n['target']}`" for n in v["nodes"])
                )
        lines.append("")
    if results.get("privacy"):
        bad = [p for p, r in results["privacy"].items() if not r["ok"]]
        lines += [
            "## Privacy",
            "",
            f"Every calculator page, both languages: {len(results['privacy'])} pages, "
            f"**{'all pass' if not bad else str(len(bad)) + ' fail'}**. The reader types into every field, "
            "adds and removes rows and downloads the CSV.",
            "",
            "| page | runtime | fields used | requests | to other hosts | cookies | left in storage | storage writes |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for path, r in results["privacy"].items():
            writes = ", ".join(sorted({f"{w[0]}:{w[2]}" for w in r["writes"]})) or "none"
            lines.append(
                f"| `{path}` | {r['state']} | {r['typed']} | {r['requests']} | {len(r['foreign'])} "
                f"| {len(r['cookies'])} | {', '.join(r['leftover']) or 'nothing'} | {writes} |"
            )
        lines += [
            "",
            "Allowed write: `sessionStorage:calc-runtime-starting`, the widget's crash marker (a timestamp, "
            "written just before the runtime starts and removed as soon as it is ready, so a start that "
            "crashed the tab is not retried automatically). It never leaves the device and is gone at the end "
            "of every check above.",
        ]
        for path in bad:
            r = results["privacy"][path]
            lines.append(
                f"- FAIL `{path}`: foreign {r['foreign'][:5]}, cookies {r['cookies']}, "
                f"left {r['leftover']}, unexpected writes {r['unexpected_writes'][:5]}"
            )
        lines.append("")
    (OUT_DIR / "AUDIT.md").write_text("\n".join(lines), encoding="utf-8")
    log(f"\nWrote {OUT_DIR / 'AUDIT.md'} and audit.json")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse, axe-core and the privacy check.")
    parser.add_argument("--site", type=Path, help="an existing build (canonical URLs may then point elsewhere)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--lh-runs", type=int, default=3, help="Lighthouse runs per page (median performance)")
    parser.add_argument("--pages", help="comma-separated labels, e.g. zh-home,en-calculator")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    lh_version = (
        json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
        if LIGHTHOUSE.exists()
        else "missing (npm ci)"
    )
    axe_version = (
        json.loads((ROOT / "node_modules" / "axe-core" / "package.json").read_text())["version"]
        if AXE.exists()
        else "missing (npm ci)"
    )
    results = {
        "meta": {
            **run_meta(),
            "lighthouse": lh_version,
            "axe": axe_version,
        }
    }
    work = Path(tempfile.mkdtemp(prefix="audit-"))
    port = free_port()
    try:
        site = args.site
        if site is None:
            site = work / "site"
            log(f"Building the site (strict) for http://127.0.0.1:{port}/ ...")
            out = build_site(site, env={"SITE_URL": f"http://127.0.0.1:{port}/"})
            if out["returncode"] != 0:
                raise SystemExit("mkdocs build --strict failed:\n" + out["output"])
        server = SiteServer(site, port=port).start()
        base = server.url
        pages = audit_pages(site)
        if args.pages:
            pages = {k: v for k, v in pages.items() if k in args.pages.split(",")}
        try:
            if not args.skip_lighthouse:
                if not LIGHTHOUSE.exists():
                    raise SystemExit("node_modules/lighthouse is missing: run `npm ci` (make setup)")
                log("== Lighthouse (mobile) ==")
                results["lighthouse"] = {}
                plain_site = build_plain_material(work)
                plain_server = SiteServer(plain_site).start() if plain_site else None
                targets = {label: base + path for label, path in pages.items()}
                if plain_server:
                    targets = {PLAIN_LABEL: plain_server.url + "/", **targets}
                for label, url in targets.items():
                    path = url[len(base) :] if url.startswith(base) else "(plain Material page)"
                    # Performance varies from run to run: report the run with the median performance score.
                    runs = [run_lighthouse(url, work, f"{label}-{i}") for i in range(args.lh_runs)]
                    good = sorted((x for x in runs if "error" not in x), key=lambda x: x["scores"]["performance"] or 0)
                    r = good[len(good) // 2] if good else runs[0]
                    r["performance_runs"] = [x["scores"]["performance"] for x in good]
                    r["path"] = path or "/"
                    results["lighthouse"][label] = r
                    if "error" in r:
                        log(f"  {label:14s} ERROR {r['error'][-300:]}")
                    else:
                        log(
                            f"  {label:14s} "
                            + "  ".join(f"{c} {s}" for c, s in r["scores"].items())
                            + f"  (performance in {len(r['performance_runs'])} runs: {r['performance_runs']})"
                        )
                        for f in r["failing"]:
                            log(f"      - {f['category']}: {f['id']} ({f['score']:.2f}) {f.get('display') or ''}")
                            for item in f.get("items", [])[:3]:
                                log(f"          {item}")
                if plain_server:
                    plain_server.stop()
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    log("== axe-core ==")
                    results["axe"] = run_axe(browser, base, pages)
                    log("== Privacy ==")
                    results["privacy"] = run_privacy(browser, base, site)
                finally:
                    browser.close()
        finally:
            server.stop()
    finally:
        results["meta"]["minutes"] = (time.perf_counter() - started) / 60
        write_report(results)
        shutil.rmtree(work, ignore_errors=True)
    lh_ok = all(
        s is not None and s >= TARGET
        for r in results.get("lighthouse", {}).values()
        for s in r.get("scores", {}).values()
    )
    axe_ok = all(not v["violations"] for v in results.get("axe", {}).values())
    privacy_ok = all(r["ok"] for r in results.get("privacy", {}).values())
    log(
        f"\nLighthouse {TARGET}+ everywhere: {'yes' if lh_ok else 'no'}; axe violations: "
        f"{'none' if axe_ok else 'some'}; privacy: {'pass' if privacy_ok else 'FAIL'}"
    )
    return 0 if privacy_ok else 1


if __name__ == "__main__":
    sys.exit(main())
