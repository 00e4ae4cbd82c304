"""Build-time: Pyodide's standard library with the modules the calculators use precompiled.

Why: most of a plain Pyodide start is the interpreter compiling standard-library modules
from source at import time (``python_stdlib.zip`` ships ``.py`` files only), not downloading
or compiling WebAssembly. Precompiled bytecode skips that work; see benchmarks/RESULTS.md.

What: :func:`build` runs the pinned Pyodide's own Python (3.14, under Node, so the bytecode
magic number matches the browser's interpreter) and writes a new zip that the page passes to
``loadPyodide({stdLibURL})``:

- it starts Pyodide, unpacks the ``calculators`` package into ``site-packages`` (as the page's
  worker does) and runs every calculator on its defaults, on empty input and on junk, then
  records which standard-library modules were imported from the zip;
- ``mode="trimmed"`` (what the site ships, :data:`DEFAULT_MODE`) keeps only those modules, as
  unchecked hash-based ``.pyc`` files (the smallest zip: smaller than the stock one), plus a
  ``sitecustomize`` module that
  installs an import fallback: the first import of a standard-library module that was left out
  fetches the stock ``python_stdlib.zip`` from the runtime folder once (a synchronous request to
  the same site, allowed in the module worker) and imports it from there, so a code path the
  warm-up did not see still works, only slower; ``"hybrid"`` compiles those modules and keeps every
  other member as it was (``.py``); ``"full"`` compiles every ``.py`` (both measured, not shipped);
- the same run compiles the ``calculators`` package itself to a sourceless ``.pyc`` zip
  (``Artefact.package_path``), which the page unpacks instead of the ``.py`` one;
- members are written in the original order with fixed timestamps and attributes, stored (not
  deflated: the file is compressed as a whole in transit, smaller than per-member deflate),
  so the zip is byte-identical on every build from the same inputs;
- it then starts a second Pyodide on the new zip and the compiled package, runs the same warm-up
  and checks that the results are identical and that the modules came from ``.pyc`` files. Any
  failure (no Node, a different Pyodide, an error) returns ``None``: the caller then keeps the
  plain start (stock ``python_stdlib.zip``, ``.py`` package).

Results are cached under ``.cache/stdlib-pyc/`` keyed by the Pyodide version, the hash of its
``python_stdlib.zip``, the calculators' sources and this file, so later builds take no time.

Command line (prints a summary; scripts/bench.py builds every mode to compare them)::

    python -m macros.stdlib_pyc [--mode hybrid|full|trimmed] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PACKAGE_DIR = ROOT / "calculators"
CACHE_DIR = ROOT / ".cache" / "stdlib-pyc"
MODES = ("hybrid", "full", "trimmed")
#: What ``make build`` ships (the environment variable CALC_STDLIB_MODE overrides it); see
#: benchmarks/RESULTS.md for the measurements behind the choice.
DEFAULT_MODE = "trimmed"

__all__ = ["Artefact", "build", "package_zip_bytes", "MODES"]


@dataclass(frozen=True)
class Artefact:
    """A verified precompiled standard library."""

    path: Path  # the zip in the cache (copy it into the site; do not move it)
    filename: str  # suggested file name in the site, content-hashed: python_stdlib-pyc-<hash>.zip
    sha256: str
    size: int  # bytes
    mode: str
    pyodide_version: str
    magic: str  # hex of the bytecode magic number (importlib.util.MAGIC_NUMBER)
    compiled: int  # modules stored as .pyc
    kept_source: int  # modules left as .py
    modules: tuple  # zip member names (.py) that the warm-up imported
    package_path: Path | None = None  # the calculators package precompiled (sourceless .pyc), verified too
    package_filename: str | None = None  # content-hashed: calculators-pyc-<hash>.zip
    package_size: int = 0

    def summary(self) -> dict:
        d = asdict(self)
        d["path"] = str(self.path)
        d["package_path"] = str(self.package_path) if self.package_path else None
        d["modules"] = len(self.modules)
        return d


#: Code run inside Pyodide (real files, so linters see them): see macros/in_pyodide/README.md.
IN_PYODIDE = Path(__file__).resolve().parent / "in_pyodide"
SCRIPTS = {
    "warmup": "warmup.py",
    "compile": "compile_stdlib.py",
    "origins": "stdlib_origins.py",
    "fallback": "stdlib_fallback.py",
    "compilePackage": "compile_package.py",
    "packageOrigins": "package_origins.py",
}
DRIVER = IN_PYODIDE / "driver.mjs"


def _recipe_files() -> list:
    """Every file whose change must rebuild the artefacts: this module and the code run in Pyodide."""
    return [Path(__file__).resolve(), DRIVER, *(IN_PYODIDE / name for name in sorted(SCRIPTS.values()))]


_memo: dict = {}  # cache key -> Artefact, for repeated calls in one process (mkdocs serve)

# Bump when the recipe changes, so cached artefacts are rebuilt.
RECIPE = "9"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def package_zip_bytes(package_dir: Path = PACKAGE_DIR) -> bytes:
    """The package zip the page ships (:func:`macros.runtime.package_zip`, the one builder)."""
    return _runtime().package_zip(Path(package_dir))


def _runtime():
    import importlib

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("macros.runtime")


def _pyodide_version(pyodide_dir: Path) -> str:
    return json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]


def build(
    mode: str | None = None,
    *,
    pyodide_dir: Path = PYODIDE_DIR,
    package_dir: Path = PACKAGE_DIR,
    cache_dir: Path = CACHE_DIR,
    node: str = "node",
    log=None,
) -> Artefact | None:
    """Build (or reuse from the cache) the precompiled standard library; ``None`` means "use the plain start".

    ``log`` (a callable taking a string, e.g. ``logging.getLogger("mkdocs").info``) receives one line
    about what happened, including the reason when it falls back.
    """
    say = log or (lambda msg: print(msg, file=sys.stderr))
    mode = mode or os.environ.get("CALC_STDLIB_MODE") or DEFAULT_MODE
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    try:
        pyodide_dir, package_dir, cache_dir = Path(pyodide_dir), Path(package_dir), Path(cache_dir)
        version = _pyodide_version(pyodide_dir)
        stdlib = (pyodide_dir / "python_stdlib.zip").read_bytes()
        package = package_zip_bytes(package_dir)
        key = _sha256(
            "\n".join(
                [
                    RECIPE,
                    version,
                    mode,
                    _sha256(stdlib),
                    _sha256(package),
                    *(_sha256(f.read_bytes()) for f in _recipe_files()),
                ]
            ).encode()
        )[:20]
        memo_key = (key, str(cache_dir))
        if memo_key in _memo and _memo[memo_key].path.is_file():
            return _memo[memo_key]
        entry = cache_dir / f"{version}-{mode}-{key}"
        meta_path = entry / "artefact.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            zip_path = entry / meta["filename"]
            if zip_path.is_file() and _sha256(zip_path.read_bytes()) == meta["sha256"]:
                fields = {k: meta[k] for k in Artefact.__dataclass_fields__ if k in meta}
                package_path = entry / meta["package_filename"] if meta.get("package_filename") else None
                if package_path is not None and not package_path.is_file():
                    package_path = None
                artefact = Artefact(
                    **{
                        **fields,
                        "path": zip_path,
                        "modules": tuple(meta["modules"]),
                        "package_path": package_path,
                        "package_filename": meta.get("package_filename") if package_path else None,
                    }
                )
                _memo[memo_key] = artefact
                return artefact
        report = _run_node(mode, pyodide_dir, package, node)
        if report.get("version") != version:
            say(f"stdlib_pyc: Pyodide reports version {report.get('version')!r}, package.json {version!r}: plain start")
            return None
        if not report.get("same"):
            say("stdlib_pyc: results differ between the plain and the precompiled start: plain start")
            return None
        if report["fromPyc"] < report["compiled"] and mode != "full" or report["fromPyc"] == 0:
            say(f"stdlib_pyc: only {report['fromPyc']} modules loaded from .pyc: plain start")
            return None
        data = Path(report["out"]).read_bytes()
        digest = _sha256(data)
        filename = f"python_stdlib-pyc-{digest[:12]}.zip"
        entry.mkdir(parents=True, exist_ok=True)
        zip_path = entry / filename
        zip_path.write_bytes(data)
        Path(report["out"]).unlink(missing_ok=True)
        package_data = Path(report["packageOut"]).read_bytes()
        Path(report["packageOut"]).unlink(missing_ok=True)
        origins = report.get("packageOrigins") or []
        package_ok = bool(origins) and all(o.endswith(".pyc") for o in origins)
        package_path = package_filename = None
        if package_ok:
            package_filename = f"calculators-pyc-{_sha256(package_data)[:12]}.zip"
            package_path = entry / package_filename
            package_path.write_bytes(package_data)
        else:
            say(f"stdlib_pyc: the precompiled calculators package was not used ({origins[:3]}): shipping .py")
        artefact = Artefact(
            path=zip_path,
            filename=filename,
            sha256=digest,
            size=len(data),
            mode=mode,
            pyodide_version=version,
            magic=report["magic"],
            compiled=report["compiled"],
            kept_source=report["kept"],
            modules=tuple(report["modules"]),
            package_path=package_path,
            package_filename=package_filename,
            package_size=len(package_data) if package_ok else 0,
        )
        meta = {
            **asdict(artefact),
            "modules": list(artefact.modules),
            "node_ms": {"plain": report["plain"], "pyc": report["pyc"]},
        }
        meta.pop("path")
        meta.pop("package_path")
        meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
        _memo[memo_key] = artefact
        _prune(cache_dir, f"{version}-{mode}-", keep=entry)
        say(
            f"stdlib_pyc: built {filename} ({len(data):,} bytes, {artefact.compiled} modules precompiled, mode {mode});"
            f" Node start {report['plain']['loadMs']:.0f} ms plain, {report['pyc']['loadMs']:.0f} ms precompiled"
        )
        return artefact
    except Exception as exc:  # the site must still build: fall back to the plain start
        say(f"stdlib_pyc: {type(exc).__name__}: {exc}: plain start")
        return None


def _prune(cache_dir: Path, prefix: str, keep: Path, entries: int = 3) -> None:
    """Keep the ``entries`` newest cache entries of one version and mode (calculator edits make new ones)."""
    olds = sorted(
        (d for d in cache_dir.glob(prefix + "*") if d.is_dir() and d != keep),
        key=lambda d: d.stat().st_mtime,
        reverse=True,
    )
    for old in olds[entries - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _run_node(mode: str, pyodide_dir: Path, package: bytes, node: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="stdlib-pyc-") as tmp:
        tmp = Path(tmp)
        (tmp / "calculators.zip").write_bytes(package)
        out = Path(tempfile.mkstemp(prefix="stdlib-pyc-", suffix=".zip")[1])
        package_out = Path(tempfile.mkstemp(prefix="package-pyc-", suffix=".zip")[1])
        args = {
            "indexURL": str(pyodide_dir.resolve()) + "/",
            "pyodideMjs": (pyodide_dir.resolve() / "pyodide.mjs").as_uri(),
            "packageZip": str(tmp / "calculators.zip"),
            "mode": mode,
            "out": str(out),
            "packageOut": str(package_out),
            **{key: (IN_PYODIDE / name).read_text(encoding="utf-8") for key, name in SCRIPTS.items()},
        }
        (tmp / "args.json").write_text(json.dumps(args), encoding="utf-8")
        driver = DRIVER
        proc = subprocess.run([node, str(driver), str(tmp / "args.json")], capture_output=True, text=True, timeout=300)
        marker = "@@REPORT@@"
        if proc.returncode != 0 or marker not in proc.stdout:
            out.unlink(missing_ok=True)
            package_out.unlink(missing_ok=True)
            raise RuntimeError(f"node exited {proc.returncode}: {(proc.stderr or proc.stdout)[-800:]}")
        report = json.loads(proc.stdout.split(marker, 1)[1].strip())
        report["out"] = str(out)
        report["packageOut"] = str(package_out)
        return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=MODES, default=None)
    parser.add_argument("--out", type=Path, help="also copy the zip here")
    args = parser.parse_args(argv)
    artefact = build(args.mode)
    if artefact is None:
        print(json.dumps({"ok": False}))
        return 1
    if args.out:
        shutil.copyfile(artefact.path, args.out)
    print(json.dumps({"ok": True, **artefact.summary()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
