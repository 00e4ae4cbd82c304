"""Run the calculators' doctests here too, so they also run inside Pyodide (the server's
pytest.ini collects them with --doctest-modules as well)."""

import doctest
import importlib
import os

import pytest

import calculators

PKG = os.path.dirname(calculators.__file__)
MODULES = sorted(
    f"calculators.{f[:-3]}" if f != "__init__.py" else "calculators"
    for f in os.listdir(PKG)
    if f.endswith(".py")
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name} (run pytest --doctest-modules {name})"
