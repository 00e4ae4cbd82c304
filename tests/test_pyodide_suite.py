"""The calculator tests again, inside Pyodide under Node: what the browser runs is what was tested."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.pyodide


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is needed to run Pyodide")
def test_calculator_suite_passes_inside_pyodide():
    fetch = subprocess.run(["bash", "tests/pyodide/fetch_wheels.sh"], cwd=ROOT, capture_output=True, text=True)
    assert fetch.returncode == 0, f"could not fetch the test wheels:\n{fetch.stdout}\n{fetch.stderr}"
    run = subprocess.run(["node", "tests/pyodide/run.mjs"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    assert run.returncode == 0, f"pytest inside Pyodide failed:\n{output[-6000:]}"
    summary = re.search(r"(\d+) passed", output)
    assert summary and int(summary.group(1)) >= 100, f"too few tests ran inside Pyodide:\n{output[-2000:]}"
