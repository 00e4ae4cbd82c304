"""Calculator pages start the runtime from the top of <head> (macros/runtime.py, head_loader).

The widget script must come before the page's stylesheets and Material's scripts, so the worker
starts while the browser is still busy with the page; its tag carries the same runtime URLs as the
widget; pages without a calculator (and the kit, which loads the widget after its own markup)
have no loader in <head>; the template's placeholder never reaches a reader.
"""

from __future__ import annotations

import re
from pathlib import Path

LOADER = re.compile(r'<script type="module" async src="(?P<src>[^"]+)" data-boot(?P<attrs>[^>]*)></script>')
ATTR = re.compile(r'data-(runtime|stdlib|package|worker)="([^"]+)"')


def _head(html: str) -> str:
    return html[: html.index("</head>")]


def _calculator_pages(site: Path) -> list[Path]:
    pages = sorted(site.glob("calculators/*/index.html")) + sorted(site.glob("en/calculators/*/index.html"))
    return [p for p in pages if 'data-runtime-loader="head"' in p.read_text(encoding="utf-8")]


def test_every_calculator_page_loads_its_widget_first_in_head(built_site):
    pages = _calculator_pages(built_site)
    assert len(pages) >= 16, "eight calculators in two languages"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = _head(html)
        loader = LOADER.search(head)
        assert loader, f"{page.relative_to(built_site)}: no runtime loader in <head>"
        assert re.search(r"widget-[0-9a-f]{12}\.js$", loader.group("src"))
        first_stylesheet = head.index('rel="stylesheet"')
        assert loader.start() < first_stylesheet, f"{page.relative_to(built_site)}: loader after the stylesheets"
        # Same URLs as the widget itself (the widget may start the runtime too, e.g. after a retry).
        root = re.search(r"<section[^>]*data-calculator=[^>]*>", html).group(0)
        assert dict(ATTR.findall(loader.group("attrs"))) == dict(ATTR.findall(root))
        # One copy of the widget script per page: not again in the body.
        assert html.count(loader.group("src")) == 1
        assert "<script nomodule" in html[html.index("</head>") :], "old browsers still get their message"


def test_pages_without_a_calculator_widget_have_no_loader(built_site):
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "calc-runtime-loader" not in html, f"{page.relative_to(built_site)}: the template's slot leaked"
        if 'data-runtime-loader="head"' not in html:
            assert "data-boot" not in html, f"{page.relative_to(built_site)}: loader without a calculator"


def test_the_kit_keeps_its_scripts_after_its_markup(built_site):
    html = (built_site / "kit" / "index.html").read_text(encoding="utf-8")
    assert not LOADER.search(_head(html))
    body = html[html.index("</head>") :]
    assert re.search(r'<script type="module" src="[^"]*widget-[0-9a-f]{12}\.js"></script>', body)
