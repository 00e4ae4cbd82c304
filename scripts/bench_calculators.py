"""How long each calculator takes on its heaviest legal inputs, in CPython. Figures, not tests.

The page recomputes on every keystroke, so every calculator should answer its heaviest legal
input in well under 50 ms. For each case this script times :func:`calculators.run` alone and
the page's whole path (:func:`calculators.web.handle`: parse, compute, render HTML, CSV and
calendar), takes the median of several runs, prints a table and writes it to
``benchmarks/CALCULATORS.md``.

Usage: ``python scripts/bench_calculators.py [--runs N]`` (``make bench`` runs it too).
Pyodide in a browser is slower than CPython by a roughly constant factor; see RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import calculators  # noqa: E402
from calculators import web  # noqa: E402
from calculators._bankdata import BANKS  # noqa: E402


def _with(name: str, **over) -> dict:
    inputs = calculators.get(name).example_inputs()
    inputs.update(over)
    return inputs


def _debts(n: int, balance: int, rate: str, minimum: str = "100") -> list:
    return [
        {
            "name": f"卡{i + 1}",
            "balance": str(balance + 997 * i),
            "rate": rate,
            "rate_basis": "daily",
            "min_payment": minimum,
        }
        for i in range(n)
    ]


def cases() -> list:
    """(calculator, what, inputs): the heaviest legal inputs of each calculator."""
    long_tx = [{"posting_date": f"2026-03-{1 + i % 28:02d}", "amount_yuan": str(100 + i)} for i in range(50)]
    long_pay = [{"date": f"2026-04-{1 + i % 19:02d}", "amount_yuan": "10"} for i in range(50)]
    return [
        (
            "installment_apr",
            "60 periods, exact, fee up front, ¥10,000,000",
            _with(
                "installment_apr",
                principal_yuan="10000000",
                periods="60",
                fee_rate_per_period="0.0099",
                fee_collection="upfront_t0",
                principal_rounding="exact",
            ),
        ),
        (
            "installment_apr",
            "60 periods, round, per period",
            _with("installment_apr", periods="60", principal_rounding="round"),
        ),
        (
            "revolving_interest",
            "50 purchases, 50 payments",
            _with("revolving_interest", transactions=long_tx, payments=long_pay),
        ),
        (
            "minimum_payment",
            "every part filled",
            _with(
                "minimum_payment",
                cash_advances="5000",
                installment_due="1000",
                fees="75",
                interest="300",
                over_limit="200",
                previous_min_unpaid="100",
                cash_ratio="0.5",
            ),
        ),
        (
            "overdue_cost",
            "10 years overdue, 28-day cycles (131 rows)",
            _with("overdue_cost", days_overdue="3650", days_before_due="366", cycle_days="28"),
        ),
        (
            "negotiated_plan",
            "annuity, shortest plan searched up to 60 months",
            _with("negotiated_plan", mode="annuity", annual_rate="0.24", monthly_affordable_yuan="1500"),
        ),
        (
            "negotiated_plan",
            "annuity at 100 % a year: nothing fits, 48 plans tried (error)",
            _with("negotiated_plan", mode="annuity", annual_rate="1", monthly_affordable_yuan="4200"),
        ),
        (
            "negotiated_plan",
            "annuity, nothing fits in 60 months (error)",
            _with("negotiated_plan", mode="annuity", annual_rate="0.24", monthly_affordable_yuan="100"),
        ),
        (
            "payoff_order",
            "20 debts, paid off",
            _with("payoff_order", debts=_debts(20, 5000, "0.0005"), monthly_budget="6000"),
        ),
        (
            "payoff_order",
            "20 debts, longest plan (456 months)",
            _with("payoff_order", debts=_debts(20, 5000, "0.000001", "10"), monthly_budget="640"),
        ),
        (
            "payoff_order",
            "20 debts, never paid off (error)",
            _with("payoff_order", debts=_debts(20, 5000, "0.0005"), monthly_budget="3700"),
        ),
        ("rate_convert", "example", _with("rate_convert")),
        ("repayment_capacity", "with card debt", _with("repayment_capacity", card_debt_yuan="100000000")),
        (
            "negotiation_kit",
            f"one card at each of the {len(BANKS)} banks",
            _with(
                "negotiation_kit", cards=[{"bank": b, "balance_yuan": "20000", "overdue_months": "3"} for b, _ in BANKS]
            ),
        ),
    ]


def _median_ms(fn, runs: int) -> float:
    fn()  # warm caches (imports, regexes)
    times = []
    for _ in range(runs):
        # CPU time of this thread: on a shared machine wall time mostly measures the queue.
        t0 = time.thread_time()
        fn()
        times.append(time.thread_time() - t0)
    return statistics.median(times) * 1000


def _form(name: str, inputs: dict) -> dict:
    """The flat page form for ``inputs`` (percent fields in percent, as the page sends them)."""
    from calculators.render import percent_text

    calc = calculators.get(name)
    form = {}
    for f in calc.fields:
        if f.name not in inputs:
            continue
        v = inputs[f.name]
        if f.kind == "list":
            for i, row in enumerate(v):
                for item in f.items:
                    if item.name in row:
                        text = str(row[item.name])
                        form[f"{f.name}.{i}.{item.name}"] = percent_text(text) if item.percent else text
        else:
            text = str(v)
            form[f.name] = percent_text(text) if f.percent else text
    return form


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "CALCULATORS.md"))
    args = ap.parse_args(argv)
    rows = []
    for name, what, inputs in cases():
        outcome = calculators.run(name, inputs)
        status = "result" if outcome["ok"] else "error: " + ", ".join(e["code"] for e in outcome["errors"])
        run_ms = _median_ms(lambda name=name, inputs=inputs: calculators.run(name, inputs), args.runs)
        request = json.dumps({"calculator": name, "lang": "zh", "form": _form(name, inputs)}, ensure_ascii=False)
        page_ms = _median_ms(lambda request=request: web.handle(request), args.runs)
        rows.append((name, what, status, run_ms, page_ms))
    head = "| Calculator | Heaviest legal input | Outcome | run() ms | page path ms |"
    lines = [head, "|---|---|---|---:|---:|"]
    lines += [f"| {n} | {w} | {s} | {r:.1f} | {p:.1f} |" for n, w, s, r, p in rows]
    table = "\n".join(lines)
    print(table)
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - not on every platform
        load = float("nan")
    doc = (
        "# Calculator speed (CPython)\n\n"
        "Written by `scripts/bench_calculators.py` (`make bench`). Median of "
        f"{args.runs} runs per case, in CPU time of the thread (wall time on a shared machine mostly "
        "measures the wait for a core); *run() ms* is the calculation alone, *page path ms* is what the "
        "page's worker does on each keystroke (parse the form, compute, render the HTML, the CSV and the "
        "calendar file). "
        "Target: under 50 ms. Figures, not tests: they depend on the machine and its load.\n\n"
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average {load:.1f} at the end.\n\n" + table + "\n"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(doc, encoding="utf-8")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
