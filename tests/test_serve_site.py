"""The local server answers as a host with precompressed files does, and those files are the shipped ones.

``scripts/serve_site.py`` serves the tests, ``make bench`` and ``make audit``; README.md ("Hosting")
tells a host to do the same. A reader's browser asks for ``gzip, deflate, br, zstd``; an old
client may ask for gzip only, or for nothing.
"""

from __future__ import annotations

import gzip
import http.client
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from macros import runtime

from serve_site import SiteServer, accepted_codings

NODE = shutil.which("node")
WASM = b"\0asm\x01\0\0\0" + bytes(range(256)) * 64  # not a real module: the server never parses it
SCRIPT = ("export const answer = 42;\n" * 400).encode()


def brotli_decode(data: bytes, tmp: Path) -> bytes:
    """Brotli-decode with Node's zlib (Python's standard library has no brotli)."""
    src, out = tmp / "in.br", tmp / "out.bin"
    src.write_bytes(data)
    subprocess.run(
        [
            NODE,
            "-e",
            "const z=require('zlib'),fs=require('fs');"
            "fs.writeFileSync(process.argv[2], z.brotliDecompressSync(fs.readFileSync(process.argv[1])))",
            str(src),
            str(out),
        ],
        check=True,
    )
    return out.read_bytes()


def get(server: SiteServer, path: str, accept: str | None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=30)
    headers = {"Accept-Encoding": accept} if accept is not None else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A tiny site with a runtime folder precompressed by the build's own :func:`runtime.precompress`."""
    if NODE is None:
        pytest.fail("node is missing (the build needs it for Pyodide and brotli)")
    site = tmp_path_factory.mktemp("site")
    folder = site / "assets" / "runtime"
    folder.mkdir(parents=True)
    (folder / "engine.wasm").write_bytes(WASM)
    (folder / "code.mjs").write_bytes(SCRIPT)
    (site / "index.html").write_text("<!doctype html><title>x</title>" + "<p>text</p>" * 200, encoding="utf-8")
    runtime.precompress([folder / "engine.wasm", folder / "code.mjs"], cache_dir=tmp_path_factory.mktemp("cache"))
    server = SiteServer(site).start()
    yield server, site
    server.stop()


class TestNegotiation:
    def test_brotli_when_the_browser_accepts_it(self, served, tmp_path):
        server, _ = served
        status, headers, body = get(server, "/assets/runtime/engine.wasm", "gzip, deflate, br, zstd")
        assert status == 200
        assert headers["content-encoding"] == "br"
        assert headers["content-type"] == "application/wasm"
        assert headers["vary"] == "Accept-Encoding"
        assert int(headers["content-length"]) == len(body) < len(WASM)
        assert brotli_decode(body, tmp_path) == WASM

    def test_gzip_when_brotli_is_not_accepted(self, served):
        server, _ = served
        status, headers, body = get(server, "/assets/runtime/code.mjs", "gzip, deflate")
        assert (status, headers["content-encoding"], headers["vary"]) == (200, "gzip", "Accept-Encoding")
        assert headers["content-type"].startswith("text/javascript")
        assert gzip.decompress(body) == SCRIPT

    def test_brotli_refused_with_q0_falls_back_to_gzip(self, served):
        server, _ = served
        _, headers, body = get(server, "/assets/runtime/engine.wasm", "br;q=0, gzip")
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == WASM

    def test_the_file_as_is_when_nothing_is_accepted(self, served):
        server, _ = served
        _, headers, body = get(server, "/assets/runtime/engine.wasm", None)
        assert "content-encoding" not in headers
        assert headers["vary"] == "Accept-Encoding"  # a cache must still keep the variants apart
        assert body == WASM

    def test_gzip_only_host_like_github_pages(self, served):
        server, site = served
        gzip_only = SiteServer(site, encodings=("gzip",)).start()
        try:
            _, headers, body = get(gzip_only, "/assets/runtime/engine.wasm", "gzip, deflate, br, zstd")
        finally:
            gzip_only.stop()
        assert headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == WASM

    def test_pages_without_a_precompressed_copy_are_gzipped_on_the_fly(self, served):
        server, site = served
        _, headers, body = get(server, "/", "gzip, deflate, br, zstd")
        assert headers["content-encoding"] == "gzip"
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert gzip.decompress(body) == (site / "index.html").read_bytes()

    def test_each_encoding_has_its_own_validator(self, served):
        server, _ = served
        _, br, _ = get(server, "/assets/runtime/engine.wasm", "br")
        _, gz, _ = get(server, "/assets/runtime/engine.wasm", "gzip")
        assert br["etag"] != gz["etag"]


def test_accept_encoding_parsing():
    assert accepted_codings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_codings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_codings(None) == set()


def test_the_built_runtime_has_precompressed_copies_that_decode_to_the_shipped_files(built_site, tmp_path):
    """Every .br and .gz under assets/runtime/ is its sibling compressed, byte for byte; the big files have both."""
    folder = built_site / "assets" / "runtime"
    copies = sorted(p for p in folder.rglob("*") if p.suffix in (".br", ".gz"))
    names = {p.name for p in copies}
    for required in ("pyodide.asm.wasm", "pyodide.asm.mjs"):
        assert {required + ".br", required + ".gz"} <= names
    stdlib = [p for p in folder.glob("python_stdlib-pyc-*.wasm")]
    assert stdlib and stdlib[0].with_name(stdlib[0].name + ".br").is_file()
    for copy in copies:
        original = copy.with_suffix("")
        data = (
            brotli_decode(copy.read_bytes(), tmp_path) if copy.suffix == ".br" else gzip.decompress(copy.read_bytes())
        )
        assert data == original.read_bytes(), copy.name
        assert copy.stat().st_size < original.stat().st_size, copy.name


def test_the_pinned_pyodide_version_has_one_home():
    lock = json.loads((runtime.ROOT / "package-lock.json").read_text(encoding="utf-8"))
    package = json.loads((runtime.ROOT / "package.json").read_text(encoding="utf-8"))
    assert runtime.PYODIDE_VERSION == lock["packages"]["node_modules/pyodide"]["version"]
    assert package["dependencies"]["pyodide"] == runtime.PYODIDE_VERSION
