"""Shared fixtures: one strict build of the real site per test session, and a local server.

The build helper, the server and Chromium's arguments are the ones ``scripts/`` uses for
``make bench`` and ``make audit`` (``scripts/_browser.py``, ``scripts/serve_site.py``), so the
tests see the headers a real host sends: MIME types, caching, brotli/gzip negotiation.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "scripts") not in sys.path:
    sys.path.append(str(ROOT / "scripts"))

from _browser import build_site as _build  # noqa: E402
from serve_site import SiteServer  # noqa: E402


def build_site(destination: Path):
    """``mkdocs build --strict`` of this repository into ``destination`` (``returncode``, ``output``)."""
    return _build(destination, strict=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A fresh strict build of the site (set SITE_DIR to reuse an existing build)."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    if result["returncode"] != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result['output']}", pytrace=False)
    return destination


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site on 127.0.0.1 (an ephemeral port) with scripts/serve_site.py; yields the base URL."""
    server = SiteServer(built_site).start()
    try:
        yield server.url
    finally:
        server.stop()
