"""Run the calculators' doctests here too, so they also run inside Pyodide (the server's
pytest.ini collects them with --doctest-modules as well)."""

import doctest
import importlib
import pkgutil

import pytest

import calculators

# Every module, sub-packages included (the negotiation kit is one).
MODULES = sorted(["calculators"] + [m.name for m in pkgutil.walk_packages(calculators.__path__, "calculators.")])


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name} (run pytest --doctest-modules {name})"
