"""MkDocs hook: a Content-Security-Policy for every page that allows only the site itself.

Material puts a few small inline scripts in each page (theme and palette set-up) whose text
varies with the page's depth, so their SHA-256 hashes are computed here, per page, and written
into the policy that ``overrides/main.html`` leaves as a placeholder. Nothing else may run:
no third-party host, no eval. ``'wasm-unsafe-eval'`` lets the page check WebAssembly features;
the calculators' Pyodide runs in a same-origin module worker (``worker-src 'self'``).
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"

# Inline <script> elements without src whose type is executable (JSON data blocks are not).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for the executable inline scripts in ``html``."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if _DATA_TYPE.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(script_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def on_post_page(output: str, page, config) -> str:
    if PLACEHOLDER not in output:
        return output
    return output.replace(PLACEHOLDER, policy(inline_script_hashes(output)), 1)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The 404 page is a static template, not a page: give it the same policy."""
    return on_post_page(output_content, None, config)
