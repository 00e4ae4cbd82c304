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
- members are written in the original order with fixed timestamps, attributes and compression,
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
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
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

    path: Path            # the zip in the cache (copy it into the site; do not move it)
    filename: str         # suggested file name in the site, content-hashed: python_stdlib-pyc-<hash>.zip
    sha256: str
    size: int             # bytes
    mode: str
    pyodide_version: str
    magic: str            # hex of the bytecode magic number (importlib.util.MAGIC_NUMBER)
    compiled: int         # modules stored as .pyc
    kept_source: int      # modules left as .py
    modules: tuple        # zip member names (.py) that the warm-up imported
    package_path: Path | None = None   # the calculators package precompiled (sourceless .pyc), verified too
    package_filename: str | None = None  # content-hashed: calculators-pyc-<hash>.zip
    package_size: int = 0

    def summary(self) -> dict:
        d = asdict(self)
        d["path"] = str(self.path)
        d["package_path"] = str(self.package_path) if self.package_path else None
        d["modules"] = len(self.modules)
        return d


# Python run inside Pyodide before recording sys.modules and after loading the new zip.
# Its printed result must be identical on both starts. It exercises what a reader can:
# every calculator on its defaults, on nothing, and on junk; the renderer and the JSON bridge
# when they exist (they are optional so this module does not depend on their exact API).
WARMUP = r'''
import importlib, json, sys
importlib.invalidate_caches()  # what a page does after unpacking a package (3.14 imports importlib.metadata)
import calculators
out = []
def _try(label, fn):
    try:
        value = fn()
    except Exception as exc:  # recorded, so a difference between the two starts shows
        value = "EXC " + type(exc).__name__
    out.append([label, value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)])
for _mod in ("calculators.web", "calculators.render", "calculators.fmt"):
    _try("import " + _mod, lambda: __import__(_mod) and None)
_web = sys.modules.get("calculators.web")
_handle = getattr(_web, "handle", None)
_junk = ["", "abc", "1e999", "NaN", "-1", "１２３", "1,000", "¥5,000元", "0.75%", "9" * 400,
         None, True, [], {}, [1, {"a": None}], {"x": [None]}, 1e308, -0.0, 2**70]
def _form(spec, fill=None):
    form = {}
    for f in spec.get("fields", []):
        if f.get("kind") == "list":
            rows = f.get("default") if isinstance(f.get("default"), list) else [
                {i["name"]: i.get("default") for i in f.get("items", [])}]
            for r, row in enumerate(rows):
                for k, v in (row.items() if isinstance(row, dict) else ()):
                    form["%s.%d.%s" % (f["name"], r, k)] = fill if fill is not None else ("" if v is None else str(v))
        else:
            v = f.get("default")
            form[f["name"]] = fill if fill is not None else ("" if v is None else str(v))
    return form
for name in calculators.NAMES:
    try:
        spec = calculators.spec(name)
    except Exception as exc:
        out.append([name, "spec " + type(exc).__name__])
        continue
    forms = [_form(spec), {}] + [_form(spec, j) for j in _junk]
    for k, form in enumerate(forms):
        _try("%s run %d" % (name, k), lambda: repr(calculators.run(name, form)))
        if callable(_handle):
            for lang in ("zh", "en"):
                _try("%s handle %d %s" % (name, k, lang), lambda: _handle(json.dumps(
                    {"calculator": name, "lang": lang, "form": {
                        key: (v if isinstance(v, str) else json.dumps(v)) for key, v in form.items()}})))
json.dumps(out, sort_keys=True, default=str)
'''

# The trimmed zip's sitecustomize (Python's site module imports it at start-up): a finder placed
# right after the path finder. __NAMES__ is replaced by the top-level names of the stock zip.
FALLBACK_SOURCE = r'''
"""Import fallback for a trimmed standard library (added by macros/stdlib_pyc.py at build time).

Standard-library modules the calculators never import were left out of this zip. The first time
one is imported anyway, this finder fetches the stock python_stdlib.zip from Pyodide's runtime
folder (one synchronous same-site request, allowed in a worker), mounts it after this zip and
imports from it. Anywhere else (no XMLHttpRequest), the import fails as it would have.
"""
import sys

_NAMES = frozenset(__NAMES__)
_FULL = "/lib/python%d%d-full.zip" % sys.version_info[:2]
_TRIMMED = "/lib/python%d%d.zip" % sys.version_info[:2]


class StdlibFallbackFinder:
    state = "unused"  # unused | loaded | failed

    @classmethod
    def _load(cls):
        try:
            import pyodide_js
            from js import XMLHttpRequest
            request = XMLHttpRequest.new()
            request.open("GET", str(pyodide_js._api.config.indexURL) + "python_stdlib.zip", False)
            request.responseType = "arraybuffer"
            request.send()
            if request.status != 200:
                raise OSError(request.status)
            with open(_FULL, "wb") as out:
                out.write(request.response.to_bytes())
        except Exception:
            cls.state = "failed"
            return
        sys.path.append(_FULL)
        for module in list(sys.modules.values()):
            path = getattr(module, "__path__", None)
            if isinstance(path, list) and path and str(path[0]).startswith(_TRIMMED + "/"):
                path.append(_FULL + str(path[0])[len(_TRIMMED):])
        cls.state = "loaded"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in _NAMES or cls.state == "failed":
            return None
        if cls.state == "unused":
            cls._load()
            if cls.state != "loaded":
                return None
        from importlib.machinery import PathFinder
        if path is None:
            return PathFinder.find_spec(fullname, None, target)
        # A submodule of a package this zip has: look in the same package inside the stock zip,
        # and remember that place in the package's __path__ for its other submodules.
        extra = [_FULL + str(p)[len(_TRIMMED):] for p in path if str(p).startswith(_TRIMMED + "/")]
        package_path = getattr(sys.modules.get(fullname.rpartition(".")[0]), "__path__", None)
        if isinstance(package_path, list):
            package_path.extend(e for e in extra if e not in package_path)
        return PathFinder.find_spec(fullname, [*path, *extra], target)

    @classmethod
    def invalidate_caches(cls):
        pass


def _install():
    from importlib.machinery import PathFinder
    position = sys.meta_path.index(PathFinder) + 1 if PathFinder in sys.meta_path else len(sys.meta_path)
    sys.meta_path.insert(position, StdlibFallbackFinder)


_install()
'''

# Python run inside Pyodide: compile the recorded modules (or all) into a new zip.
COMPILE = r'''
import importlib._bootstrap_external as ext, importlib.util, json, sys, zipfile
from js import _q_args
args = json.loads(_q_args)
mode, wanted = args["mode"], set(args["modules"])
source = zipfile.ZipFile("/lib/python%d%d.zip" % sys.version_info[:2])
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
dest = zipfile.ZipFile("/tmp/stdlib-pyc.zip", "w")
compiled = kept = 0
for info in source.infolist():
    name = info.filename
    data = source.read(name)
    is_py = name.endswith(".py")
    use = is_py and (mode == "full" or name in wanted)
    if is_py and not use and mode == "trimmed":
        continue
    if not is_py and mode == "trimmed":
        continue  # data files, and directory entries (an empty one would shadow a package as a namespace)
    if use:
        code = compile(data, prefix + name, "exec", dont_inherit=True, optimize=0)
        data = ext._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        name = name[:-3] + ".pyc"
        compiled += 1
    elif is_py:
        kept += 1
    out = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    out.create_system = 3
    out.external_attr = (0o40755 << 16 | 0x10) if name.endswith("/") else (0o100644 << 16)
    out.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
    dest.writestr(out, data, compresslevel=9)
if mode == "trimmed":
    names = sorted({i.filename.split("/")[0].removesuffix(".py") for i in source.infolist()
                    if i.filename.endswith(".py") or "/" in i.filename})
    fallback = args["fallback"].replace("__NAMES__", repr(names)).encode()
    code = compile(fallback, prefix + "sitecustomize.py", "exec", dont_inherit=True, optimize=0)
    out = zipfile.ZipInfo("sitecustomize.pyc", date_time=(1980, 1, 1, 0, 0, 0))
    out.create_system = 3
    out.external_attr = 0o100644 << 16
    out.compress_type = zipfile.ZIP_DEFLATED
    dest.writestr(out, ext._code_to_hash_pyc(code, importlib.util.source_hash(fallback), checked=False),
                  compresslevel=9)
dest.close()
json.dumps({"compiled": compiled, "kept": kept, "magic": importlib.util.MAGIC_NUMBER.hex()})
'''

# Python run inside Pyodide (plain start): the calculators package, as unpacked, compiled to a
# sourceless zip of unchecked hash-based .pyc files (the worker unpacks it like the .py one).
COMPILE_PACKAGE = r'''
import importlib._bootstrap_external as ext, importlib.util, json, os, sys, zipfile
import calculators
folder = os.path.dirname(calculators.__file__)
dest = zipfile.ZipFile("/tmp/package-pyc.zip", "w")
count = 0
for root, dirs, files in os.walk(folder):
    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
    for name in sorted(files):
        path = os.path.join(root, name)
        rel = "calculators/" + os.path.relpath(path, folder).replace(os.sep, "/")
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".py"):
            code = compile(data, rel, "exec", dont_inherit=True, optimize=0)
            out = zipfile.ZipInfo(rel[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
            data = ext._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            count += 1
        elif name.endswith(".pyc"):
            continue
        else:
            out = zipfile.ZipInfo(rel, date_time=(1980, 1, 1, 0, 0, 0))  # data files as they are
        out.create_system = 3
        out.external_attr = 0o100644 << 16
        out.compress_type = zipfile.ZIP_DEFLATED
        dest.writestr(out, data, compresslevel=9)
dest.close()
json.dumps(count)
'''

PACKAGE_ORIGINS = r'''
import json, sys
json.dumps(sorted(str(getattr(getattr(m, "__spec__", None), "origin", "")) for n, m in list(sys.modules.items())
                  if n == "calculators" or n.startswith("calculators.")))
'''

# Python run inside Pyodide: where the imported standard-library modules came from.
ORIGINS = r'''
import json, sys
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
origins = sorted({getattr(getattr(m, "__spec__", None), "origin", None) or "" for m in list(sys.modules.values())})
json.dumps([o[len(prefix):] for o in origins if o.startswith(prefix)])
'''

DRIVER = r'''
import { loadPyodide } from "__PYODIDE_MJS__";
import fs from "node:fs";
const args = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const sitePackages = "/lib/python3.14/site-packages";

async function start(extra, packageZip) {
  const t0 = performance.now();
  const py = await loadPyodide({ indexURL: args.indexURL, ...extra });
  const loadMs = performance.now() - t0;
  const dir = py.runPython("import site, sys; [p for p in sys.path if p.endswith('site-packages')][0]");
  py.unpackArchive(new Uint8Array(fs.readFileSync(packageZip)), "zip", { extractDir: dir || sitePackages });
  const t1 = performance.now();
  const warm = py.runPython(args.warmup);
  return { py, loadMs, warmupMs: performance.now() - t1, warm };
}

const report = {};
const plain = await start({}, args.packageZip);
report.plain = { loadMs: plain.loadMs, warmupMs: plain.warmupMs };
const modules = JSON.parse(plain.py.runPython(args.origins));
report.modules = modules.filter((m) => m.endsWith(".py"));
globalThis._q_args = JSON.stringify({ mode: args.mode, modules: report.modules, fallback: args.fallback });
Object.assign(report, JSON.parse(plain.py.runPython(args.compile)));
fs.writeFileSync(args.out, plain.py.FS.readFile("/tmp/stdlib-pyc.zip"));
report.packageCompiled = JSON.parse(plain.py.runPython(args.compilePackage));
fs.writeFileSync(args.packageOut, plain.py.FS.readFile("/tmp/package-pyc.zip"));

const pyc = await start({ stdLibURL: args.out }, args.packageOut);
report.pyc = { loadMs: pyc.loadMs, warmupMs: pyc.warmupMs };
report.same = pyc.warm === plain.warm;
if (!report.same) { report.plainWarm = plain.warm.slice(0, 2000); report.pycWarm = pyc.warm.slice(0, 2000); }
const after = JSON.parse(pyc.py.runPython(args.origins));
report.fromPyc = after.filter((m) => m.endsWith(".pyc")).length;
report.fromSource = after.filter((m) => m.endsWith(".py")).length;
report.packageOrigins = JSON.parse(pyc.py.runPython(args.packageOrigins));
report.version = pyc.py.version;
process.stdout.write("\n@@REPORT@@" + JSON.stringify(report) + "\n");
process.exit(0);
'''

_memo: dict = {}  # cache key -> Artefact, for repeated calls in one process (mkdocs serve)

# Bump when the recipe changes, so cached artefacts are rebuilt.
RECIPE = "8"


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


def build(mode: str | None = None, *, pyodide_dir: Path = PYODIDE_DIR, package_dir: Path = PACKAGE_DIR,
          cache_dir: Path = CACHE_DIR, node: str = "node", log=None) -> Artefact | None:
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
        key = _sha256("\n".join([
            RECIPE, version, mode, _sha256(stdlib), _sha256(package), _sha256(Path(__file__).read_bytes()),
        ]).encode())[:20]
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
                artefact = Artefact(**{**fields, "path": zip_path, "modules": tuple(meta["modules"]),
                                       "package_path": package_path,
                                       "package_filename": meta.get("package_filename") if package_path else None})
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
            path=zip_path, filename=filename, sha256=digest, size=len(data), mode=mode,
            pyodide_version=version, magic=report["magic"], compiled=report["compiled"],
            kept_source=report["kept"], modules=tuple(report["modules"]),
            package_path=package_path, package_filename=package_filename,
            package_size=len(package_data) if package_ok else 0,
        )
        meta = {**asdict(artefact), "modules": list(artefact.modules),
                "node_ms": {"plain": report["plain"], "pyc": report["pyc"]}}
        meta.pop("path")
        meta.pop("package_path")
        meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
        _memo[memo_key] = artefact
        _prune(cache_dir, f"{version}-{mode}-", keep=entry)
        say(f"stdlib_pyc: built {filename} ({len(data):,} bytes, {artefact.compiled} modules precompiled, mode {mode});"
            f" Node start {report['plain']['loadMs']:.0f} ms plain, {report['pyc']['loadMs']:.0f} ms precompiled")
        return artefact
    except Exception as exc:  # the site must still build: fall back to the plain start
        say(f"stdlib_pyc: {type(exc).__name__}: {exc}: plain start")
        return None


def _prune(cache_dir: Path, prefix: str, keep: Path, entries: int = 3) -> None:
    """Keep the ``entries`` newest cache entries of one version and mode (calculator edits make new ones)."""
    olds = sorted((d for d in cache_dir.glob(prefix + "*") if d.is_dir() and d != keep),
                  key=lambda d: d.stat().st_mtime, reverse=True)
    for old in olds[entries - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def _run_node(mode: str, pyodide_dir: Path, package: bytes, node: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="stdlib-pyc-") as tmp:
        tmp = Path(tmp)
        (tmp / "calculators.zip").write_bytes(package)
        out = Path(tempfile.mkstemp(prefix="stdlib-pyc-", suffix=".zip")[1])
        package_out = Path(tempfile.mkstemp(prefix="package-pyc-", suffix=".zip")[1])
        args = {
            "indexURL": str(pyodide_dir.resolve()) + "/", "packageZip": str(tmp / "calculators.zip"),
            "mode": mode, "out": str(out), "warmup": WARMUP, "compile": COMPILE, "origins": ORIGINS,
            "fallback": FALLBACK_SOURCE, "compilePackage": COMPILE_PACKAGE, "packageOut": str(package_out),
            "packageOrigins": PACKAGE_ORIGINS,
        }
        (tmp / "args.json").write_text(json.dumps(args), encoding="utf-8")
        driver = tmp / "driver.mjs"
        driver.write_text(DRIVER.replace("__PYODIDE_MJS__", (pyodide_dir.resolve() / "pyodide.mjs").as_uri()),
                          encoding="utf-8")
        proc = subprocess.run([node, str(driver), str(tmp / "args.json")], capture_output=True, text=True,
                              timeout=300)
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
