"""MkDocs hook: ship the calculators' in-browser runtime, self-hosted, with content-hashed names.

What it writes into the built site (``assets/runtime/``), on every build:

- ``pyodide-<hash>/``: the pinned Pyodide's own files from ``node_modules/pyodide`` (``npm ci``),
  under a folder named by the hash of their contents (``pyodide.mjs`` loads its siblings by
  fixed name, so the folder carries the hash);
- ``calculators-<hash>.zip``: the ``calculators`` package (every file, sub-packages included), zipped deterministically
  (sorted, fixed timestamps), unpacked in the browser with ``pyodide.unpackArchive``;
- ``widget-<hash>.js`` (main-thread script, an ES module), ``worker-<hash>.js`` (the module
  worker that runs Pyodide), ``legacy-<hash>.js`` (a ``nomodule`` script for browsers without
  modules) and ``calculator-<hash>.css``, from ``docs/assets/calculator/``; ``common-<hash>.js``,
  the helpers shared by the widget and the kit, and ``kit-<hash>.js`` (``docs/kit/kit.js``). A
  script's ``import ... from "./common.js"`` (or ``"../assets/calculator/common.js"``) is
  rewritten to the hashed name before the script's own hash is taken (:func:`link_common`).
  Those sources are taken out of MkDocs' own file list so that no unhashed copy is published.

- ``python_stdlib-pyc-<hash>.wasm``: the standard library with the modules the calculators import
  precompiled to ``.pyc`` (built and verified by :mod:`macros.stdlib_pyc` with Pyodide's own
  Python under Node, cached in ``.cache/``); the worker passes it as ``stdLibURL``. It removes
  most of the start-up time (the interpreter compiling standard-library modules at import).
  When it cannot be built, or with ``CALC_STDLIB_PYC=0``, the stock zip in the Pyodide folder
  is used instead (slower start, same results). It has its own hashed name so that the big
  Pyodide folder keeps its URL (and the reader's cache) when only the calculators change.
  ``calculators-pyc-<hash>.wasm`` is the calculators package compiled the same way. Both are zips
  of stored members published as ``application/wasm`` so that hosts compress them in transit
  (:func:`_archive_name`).
- ``<file>.br`` and ``<file>.gz`` beside each runtime file of a compressible type: brotli (quality
  11, through Node's zlib) and gzip -9 copies for hosts that serve precompressed files
  (:func:`precompress`; cached in ``.cache/precompressed/``).

The Pyodide version has one home, ``package-lock.json`` (:func:`pinned_pyodide_version`).

Every name changes when its content changes, so a server may cache ``assets/runtime/`` forever
(``Cache-Control: public, max-age=31536000, immutable``).

:func:`manifest` gives the site-relative URLs; the ``calculator`` macro
(:mod:`macros.calculator_pages`) puts them, relative to the page, into the widget's ``data-*``
attributes and ``<script>``/``<link>`` tags, so only calculator pages reference the runtime.

The build fails with a clear message when ``node_modules/pyodide`` is missing or is not the
pinned version ("run npm ci"). ``mkdocs serve`` keeps working: hashes are recomputed when a
source file changes (cached by size and modification time).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"


def pinned_pyodide_version(lock: Path = ROOT / "package-lock.json") -> str:
    """The Pyodide version pinned in ``package-lock.json`` (its one home; package.json pins it too)."""
    return json.loads(lock.read_text(encoding="utf-8"))["packages"]["node_modules/pyodide"]["version"]


PYODIDE_VERSION = pinned_pyodide_version()
#: The runtime files a page needs (no package wheels: the calculators are stdlib only).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PACKAGE_DIR = ROOT / "calculators"
SOURCE_DIR = ROOT / "docs" / "assets" / "calculator"
#: Source files in docs/assets/calculator/ and the hashed name prefix each is published under.
SOURCES = {
    "common": ("common.js", "common", ".js"),  # first: the scripts below import its hashed name
    "widget": ("widget.js", "widget", ".js"),
    "worker": ("worker.js", "worker", ".js"),
    "legacy": ("legacy.js", "legacy", ".js"),
    "css": ("calculator.css", "calculator", ".css"),
}
#: Page scripts outside docs/assets/calculator/ (path under docs/) published the same way.
PAGE_SCRIPTS = {"kit": ("kit/kit.js", "kit", ".js")}
OUT_DIR = "assets/runtime"
SOURCE_URI_PREFIX = "assets/calculator/"
HASH_CHARS = 12
#: Fixed timestamp for zip entries (the earliest a zip can hold), so builds are byte-identical.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class RuntimeMissing(Exception):
    """node_modules/pyodide is absent or not the pinned version."""


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


_file_cache: dict = {}


def _stat_key(path: Path):
    st = path.stat()
    return (str(path), st.st_size, st.st_mtime_ns)


def _read_cached(path: Path) -> tuple[bytes, str]:
    """(content, sha256 hex) of ``path``, cached by size and mtime."""
    key = _stat_key(path)
    hit = _file_cache.get(key)
    if hit is None:
        data = path.read_bytes()
        hit = (data, hashlib.sha256(data).hexdigest())
        _file_cache[key] = hit
    return hit


def check_pyodide() -> None:
    """Raise :class:`RuntimeMissing` unless the pinned Pyodide is installed."""
    pkg = PYODIDE_DIR / "package.json"
    if not pkg.is_file():
        raise RuntimeMissing(
            f"The calculators' runtime is missing: {PYODIDE_DIR} does not exist. "
            "Run `npm ci` in the repository root (it installs the pinned pyodide "
            f"{PYODIDE_VERSION} from package-lock.json), then build again."
        )
    version = json.loads(pkg.read_text(encoding="utf-8")).get("version")
    if version != PYODIDE_VERSION:
        raise RuntimeMissing(
            f"node_modules/pyodide is version {version}, the site needs {PYODIDE_VERSION}. Run `npm ci`."
        )
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_DIR / name).is_file()]
    if missing:
        raise RuntimeMissing(f"node_modules/pyodide lacks {', '.join(missing)}. Run `npm ci`.")


#: Never shipped from the package folder: caches and editor or OS leftovers.
_SKIP_PARTS = ("__pycache__",)
_SKIP_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".swp", "~")


def package_files(package_dir: Path = PACKAGE_DIR) -> list:
    """The files of the package to ship, sub-packages and data files included, sorted."""
    out = []
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if not path.is_file() or any(p in _SKIP_PARTS or p.startswith(".") for p in rel.parts):
            continue
        if path.name.endswith(_SKIP_SUFFIXES):
            continue
        out.append(path)
    return out


def package_zip(package_dir: Path = PACKAGE_DIR) -> bytes:
    """The package as a deterministic zip (sorted, fixed timestamps), ``<name>/<relative path>``.

    Recursive: sub-packages (``calculators/negotiation_kit/``) and non-``.py`` data files ship
    too. The one builder for both the plain page start and :mod:`macros.stdlib_pyc`.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in package_files(package_dir):
            data, _ = _read_cached(path)
            info = zipfile.ZipInfo(f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def precompiled_stdlib():
    """The verified precompiled standard library (a :class:`macros.stdlib_pyc.Artefact`), or None."""
    if os.environ.get("CALC_STDLIB_PYC", "1") == "0":
        return None
    import importlib
    import logging

    stdlib_pyc = importlib.import_module("macros.stdlib_pyc")
    return stdlib_pyc.build(log=logging.getLogger("mkdocs.hooks.runtime").info)


def _archive_name(filename: str) -> str:
    """The published name of a precompiled archive: ``name-<hash>.zip`` becomes ``name-<hash>.wasm``.

    The archives are zips of stored (uncompressed) members, meant to be compressed as a whole in
    transit. Hosts and CDNs choose what to compress by MIME type; their lists (Cloudflare's and
    CloudFront's, for example) include ``application/wasm`` but not ``application/zip`` or
    ``application/octet-stream``.
    The worker reads the bytes with ``fetch`` (never as WebAssembly), so the type only steers
    compression. See README.md, "Hosting".
    """
    return filename[: -len(".zip")] + ".wasm" if filename.endswith(".zip") else filename


_COMMON_IMPORT = re.compile(rb'(\bfrom\s*")(?:\./|\.\./assets/calculator/)common\.js(")')


def link_common(script: bytes, common_name: str) -> bytes:
    """``script`` importing the shared helpers by their published name ``common_name``.

    Both the widget and the kit script are published in ``assets/runtime/`` beside it, so the
    import becomes ``"./common-<hash>.js"``: one module instance and one cached file for both.

    >>> link_common(b'import { a } from "../assets/calculator/common.js";', "common-0123.js")
    b'import { a } from "./common-0123.js";'
    """
    return _COMMON_IMPORT.sub(lambda m: m.group(1) + b"./" + common_name.encode() + m.group(2), script)


def _pyodide_hash() -> str:
    h = hashlib.sha256()
    for name in PYODIDE_FILES:
        _, digest = _read_cached(PYODIDE_DIR / name)
        h.update(name.encode() + b"\0" + digest.encode() + b"\0")
    return h.hexdigest()[:HASH_CHARS]


def build_outputs() -> tuple[dict, dict]:
    """``(manifest, files)``: site-relative URLs by role, and site-relative path -> bytes or Path."""
    check_pyodide()
    files: dict = {}
    manifest: dict = {}
    pyodide_dir = f"{OUT_DIR}/pyodide-{_pyodide_hash()}/"
    manifest["runtime"] = pyodide_dir
    for name in PYODIDE_FILES:
        files[pyodide_dir + name] = PYODIDE_DIR / name
    artefact = precompiled_stdlib()
    if artefact is not None:
        manifest["stdlib"] = f"{OUT_DIR}/{_archive_name(artefact.filename)}"
        files[manifest["stdlib"]] = artefact.path
    else:
        manifest["stdlib"] = pyodide_dir + "python_stdlib.zip"
    if artefact is not None and artefact.package_path is not None:
        # The same calculators/*.py compiled by Pyodide's own Python (verified in that build):
        # the page skips compiling them at every start.
        manifest["package"] = f"{OUT_DIR}/{_archive_name(artefact.package_filename)}"
        files[manifest["package"]] = artefact.package_path
    else:
        zipped = package_zip()
        manifest["package"] = f"{OUT_DIR}/calculators-{_hash(zipped)}.zip"
        files[manifest["package"]] = zipped
    sources = [(role, SOURCE_DIR / src, prefix, ext) for role, (src, prefix, ext) in SOURCES.items()]
    sources += [(role, ROOT / "docs" / src, prefix, ext) for role, (src, prefix, ext) in PAGE_SCRIPTS.items()]
    for role, src_path, prefix, ext in sources:
        data, _ = _read_cached(src_path)
        if role != "common" and ext == ".js":
            data = link_common(data, manifest["common"].rsplit("/", 1)[1])
        path = f"{OUT_DIR}/{prefix}-{_hash(data)}{ext}"
        manifest[role] = path
        files[path] = data
    return manifest, files


#: The outputs of the build in progress: computed once (first use after ``on_config``), so every
#: page of both languages and the files written at the end agree, even if a source changes
#: mid-build.
_current = None


def current_outputs() -> tuple[dict, dict]:
    global _current
    if _current is None:
        _current = build_outputs()
    return _current


def reset() -> None:
    """Forget the snapshot: the next build (or ``mkdocs serve`` rebuild) recomputes hashes."""
    global _current
    _current = None


def manifest() -> dict:
    """Site-relative URLs of the runtime: ``runtime`` (folder, ends in /), ``stdlib``, ``package``,
    ``common``, ``widget``, ``worker``, ``legacy``, ``css``, ``kit``."""
    return current_outputs()[0]


def page_urls(page_url: str) -> dict:
    """The :func:`manifest` URLs relative to the page at ``page_url`` (e.g. ``en/calculators/x/``).

    The widget's ``data-*`` attributes need ``runtime``, ``stdlib``, ``package`` and ``worker``;
    the page's tags need ``widget``, ``common`` (preloaded), ``legacy`` and ``css`` (and ``kit``).
    """
    from mkdocs.utils import get_relative_url

    out = {}
    for key, target in manifest().items():
        rel = get_relative_url(target, page_url)
        # get_relative_url drops a trailing slash; the runtime folder needs it.
        out[key] = rel + "/" if target.endswith("/") and not rel.endswith("/") else rel
    return out


#: Set by :func:`on_startup`: ``mkdocs serve`` (whose server ignores precompressed copies) skips them.
_command = None


def write_outputs(site_dir) -> dict:
    """Write the runtime into ``site_dir`` (skipping files already there with the same size),
    with precompressed ``.br`` and ``.gz`` copies beside the compressible ones (:func:`precompress`),
    except under ``mkdocs serve``."""
    manifest_, files = current_outputs()
    site = Path(site_dir)
    written = []
    for rel, content in files.items():
        dest = site / rel
        written.append(dest)
        size = content.stat().st_size if isinstance(content, Path) else len(content)
        if dest.is_file() and dest.stat().st_size == size:
            continue  # hashed names: same name and size means same content
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, dest)
        else:
            tmp = dest.with_name(dest.name + ".tmp")
            tmp.write_bytes(content)
            os.replace(tmp, dest)
    if _command != "serve":
        precompress([d for d in written if d.suffix in PRECOMPRESSED_SUFFIXES])
    return manifest_


#: Runtime files shipped with precompressed copies (``name.br``, ``name.gz``) beside them, for hosts
#: that serve those (nginx ``gzip_static``/``brotli_static``, Caddy ``precompressed``, an object
#: store with ``Content-Encoding`` set per object). Not the stock ``python_stdlib.zip``: it is
#: deflated already and only fetched by the import fallback.
PRECOMPRESSED_SUFFIXES = {".wasm", ".mjs", ".js", ".json", ".css"}
PRECOMPRESS_CACHE = ROOT / ".cache" / "precompressed"
BROTLI_SCRIPT = Path(__file__).resolve().parent / "brotli.mjs"


def precompress(paths, cache_dir: Path = PRECOMPRESS_CACHE, node: str = "node", log=None) -> None:
    """Write ``<file>.gz`` (gzip -9) and ``<file>.br`` (brotli quality 11) beside each file.

    Compressing Pyodide's WebAssembly at brotli's best quality takes about a minute, so both are
    cached under ``.cache/precompressed/`` by content hash. gzip comes from Python's standard
    library; brotli from Node's built-in zlib (no new dependency). Without Node (or with
    ``CALC_BROTLI=0``) only the ``.gz`` copies are written, and the build says so.
    """
    import gzip
    import logging
    import subprocess
    import tempfile

    say = log or logging.getLogger("mkdocs.hooks.runtime").info
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo_br = []
    plan = []
    for path in map(Path, paths):
        data, digest = _read_cached(path)
        gz, br = cache_dir / f"{digest}.gz", cache_dir / f"{digest}.br"
        if not gz.is_file():
            tmp = gz.with_name(gz.name + ".tmp")
            tmp.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
            os.replace(tmp, gz)
        if not br.is_file():
            todo_br.append((path, br))
        plan.append((path, gz, br))
    if todo_br and os.environ.get("CALC_BROTLI", "1") != "0":
        say(f"runtime: brotli-compressing {len(todo_br)} file(s) at quality 11 (cached; about a minute for the wasm)")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as jobs:
            json.dump([[str(src), str(dst)] for src, dst in todo_br], jobs)
        try:
            proc = subprocess.run([node, str(BROTLI_SCRIPT), jobs.name], capture_output=True, text=True, timeout=1200)
            if proc.returncode != 0:
                say(f"runtime: brotli failed, shipping .gz only: {(proc.stderr or proc.stdout)[-300:]}")
        except (OSError, subprocess.SubprocessError) as exc:
            say(f"runtime: no brotli ({exc}), shipping .gz only")
        finally:
            os.unlink(jobs.name)
    for path, gz, br in plan:
        for cached, suffix in ((gz, ".gz"), (br, ".br")):
            dest = path.with_name(path.name + suffix)
            if not cached.is_file():
                dest.unlink(missing_ok=True)
                continue
            if dest.is_file() and dest.stat().st_size == cached.stat().st_size:
                continue
            shutil.copyfile(cached, dest)


# ---- MkDocs events --------------------------------------------------------------------
# MkDocs loads this file as a hook module of its own; the calculator macro imports it as
# ``macros.runtime``. The events delegate to that one instance so both share the snapshot.


def _shared():
    import importlib
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("macros.runtime")


def on_startup(command, dirty):
    _shared()._command = command


def on_config(config):
    from mkdocs.exceptions import PluginError

    shared = _shared()
    shared.reset()
    try:
        shared.check_pyodide()
    except shared.RuntimeMissing as missing:
        raise PluginError(str(missing)) from None
    return config


def on_files(files, config):
    """Drop the unhashed sources (docs/assets/calculator/*, the page scripts): only hashed copies are published."""
    page_scripts = {src for src, _, _ in PAGE_SCRIPTS.values()}
    for file in list(files):
        if file.src_uri.startswith(SOURCE_URI_PREFIX) or file.src_uri in page_scripts:
            files.remove(file)
    return files


def on_post_build(config):
    from mkdocs.exceptions import PluginError

    shared = _shared()
    try:
        shared.write_outputs(config["site_dir"])
    except shared.RuntimeMissing as missing:
        raise PluginError(str(missing)) from None
