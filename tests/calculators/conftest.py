"""Shared set-up for the calculator tests, on the server (CPython) and inside Pyodide.

This folder's tests also run in Pyodide under Node (tests/pyodide/run.mjs), where only the
standard library, ``calculators``, ``macros`` (the Python files), pytest and Hypothesis exist.
A test there that needs a server-only package (numpy-financial, PyYAML, MkDocs...) is reported
as skipped, not failed; on the server the same error fails the test as usual.
"""

import os
import sys

import pytest
from hypothesis import HealthCheck, settings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
for path in (ROOT, HERE):  # the package, and calc_helpers (pytest.ini uses --import-mode=importlib)
    if path not in sys.path:
        sys.path.insert(0, path)

IN_PYODIDE = sys.platform == "emscripten"
SERVER_ONLY = {"numpy", "numpy_financial", "yaml", "mkdocs", "jinja2", "markdown", "material", "jieba", "playwright"}

# Modest and reproducible by default so the suite stays fast and CI is not flaky (no deadline:
# WebAssembly timings vary). HYPOTHESIS_PROFILE=thorough for a long, random local run.
settings.register_profile(
    "calculators",
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("thorough", parent=settings.get_profile("calculators"), max_examples=1000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "calculators"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if not IN_PYODIDE or call.excinfo is None:
        return
    exc = call.excinfo.value
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] in SERVER_ONLY:
        report = outcome.get_result()
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1] or 0, f"needs {exc.name} (not in Pyodide)")
