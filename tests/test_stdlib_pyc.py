"""The precompiled standard library (macros/stdlib_pyc.py): reproducible, verified, with a fallback.

Each test runs the pinned Pyodide under Node (a few seconds per build; later builds of the same
inputs come from the cache). What a maintainer would notice: two clean builds give the same bytes
(so the published hash only changes when an input does), the zip really holds bytecode for the
modules the calculators use, and a build that cannot be verified ships the plain start instead
of a broken one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from macros import stdlib_pyc

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def node_ok():
    if shutil.which("node") is None or not (stdlib_pyc.PYODIDE_DIR / "pyodide.mjs").exists():
        pytest.skip("node or node_modules/pyodide missing (npm ci)")


@pytest.fixture(scope="module")
def trimmed(node_ok, tmp_path_factory):
    """What ``make build`` ships, built from scratch into an empty cache."""
    art = stdlib_pyc.build("trimmed", cache_dir=tmp_path_factory.mktemp("cache-a"), log=lambda m: None)
    assert art is not None, "the precompiled standard library could not be built and verified"
    return art


def test_two_clean_builds_are_byte_identical(trimmed, tmp_path):
    second = stdlib_pyc.build("trimmed", cache_dir=tmp_path, log=lambda m: None)
    assert second is not None
    assert trimmed.path.read_bytes() == second.path.read_bytes()
    assert trimmed.filename == second.filename and trimmed.sha256[:12] in trimmed.filename
    assert trimmed.package_path is not None
    assert trimmed.package_path.read_bytes() == second.package_path.read_bytes()


def test_the_zip_holds_bytecode_for_what_the_calculators_import(trimmed):
    art = trimmed
    with zipfile.ZipFile(art.path) as z:
        names = set(z.namelist())
        magic = z.read("decimal.pyc")[:4]
    for module in ("decimal.py", "json/__init__.py", "re/__init__.py", "importlib/metadata/__init__.py"):
        assert module in art.modules, module
        assert module[:-3] + ".pyc" in names and module not in names
    assert "sitecustomize.pyc" in names  # the import fallback
    assert "statistics.pyc" not in names and "statistics.py" not in names  # left out
    assert magic.hex() == art.magic
    # Python 3.14's magic, not the build machine's CPython 3.11 one.
    import importlib.util

    assert magic != importlib.util.MAGIC_NUMBER
    with zipfile.ZipFile(art.package_path) as z:
        package = set(z.namelist())
    from macros import runtime

    shipped = {f"calculators/{p.relative_to(ROOT / 'calculators').as_posix()}" for p in runtime.package_files()}
    sources = {n[:-3] + ".pyc" if n.endswith(".py") else n for n in shipped}
    assert package == sources
    assert "calculators/negotiation_kit/wording.pyc" in package  # the sub-package is compiled too


def test_both_starts_ship_the_same_files_sub_packages_included(tmp_path):
    """The plain start and the precompiled build zip the package with one builder, recursively."""
    from macros import runtime

    pkg = tmp_path / "calculators"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("X = 1\n")
    (pkg / "sub" / "letter.txt").write_text("致：$bank\n", encoding="utf-8")
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"junk")
    data = runtime.package_zip(pkg)
    assert data == stdlib_pyc.package_zip_bytes(pkg)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        assert z.namelist() == ["calculators/__init__.py", "calculators/sub/__init__.py", "calculators/sub/letter.txt"]
        assert z.read("calculators/sub/letter.txt").decode("utf-8") == "致：$bank\n"


def test_a_pyodide_that_does_not_match_gives_the_plain_start(node_ok, tmp_path):
    """package.json says one version, the runtime reports another: no artefact, so no stdLibURL."""
    fake = tmp_path / "pyodide"
    shutil.copytree(stdlib_pyc.PYODIDE_DIR, fake)
    meta = json.loads((fake / "package.json").read_text())
    meta["version"] = "0.0.0-mismatch"
    (fake / "package.json").write_text(json.dumps(meta))
    messages = []
    assert stdlib_pyc.build("hybrid", pyodide_dir=fake, cache_dir=tmp_path / "cache", log=messages.append) is None
    assert any("plain start" in m for m in messages), messages


def test_no_node_gives_the_plain_start(tmp_path):
    messages = []
    art = stdlib_pyc.build("hybrid", cache_dir=tmp_path, node="/nonexistent/node", log=messages.append)
    assert art is None and any("plain start" in m for m in messages)


def test_the_command_line_prints_a_summary(node_ok, tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "macros.stdlib_pyc", "--mode", "hybrid", "--out", str(tmp_path / "x.zip")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["ok"] and (tmp_path / "x.zip").stat().st_size == summary["size"]
