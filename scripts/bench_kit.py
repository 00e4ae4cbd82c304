"""How long the negotiation kit takes in CPython: one card at each of the 15 banks.

Prints figures (CPU time, so other work on a shared machine does not inflate them); asserts
nothing. Run: ``.venv/bin/python scripts/bench_kit.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import calculators  # noqa: E402
from calculators.negotiation_kit import BANK_IDS  # noqa: E402


def main(rounds: int = 9) -> None:
    cards = [{"bank": b, "balance_yuan": str(1000 * (i + 1) ** 2)} for i, b in enumerate(BANK_IDS)]
    for income, what in (("9000", "every debt cleared"), ("4100", "60 months do not clear")):
        inputs = {
            "cards": cards,
            "monthly_income_yuan": income,
            "essential_spending_yuan": "4000",
            "hardship_reason": "job_loss",
            "start_date": "2027-01-01",
        }
        out = calculators.run("negotiation_kit", inputs)  # warm: imports
        assert out["ok"], out
        times = []
        for _ in range(rounds):
            start = time.process_time()
            calculators.run("negotiation_kit", inputs)
            times.append((time.process_time() - start) * 1000)
        print(
            f"{len(BANK_IDS)} banks, {what}: median {statistics.median(times):.1f} ms, "
            f"min {min(times):.1f} ms CPU over {rounds} runs"
        )


if __name__ == "__main__":
    main()
