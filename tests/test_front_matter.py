"""Every page's front matter is YAML that parses to a title and a description.

A plain-scalar colon ("…in China: is it legal") makes the whole block invalid, and MkDocs then
prints the raw block at the top of the page as text, where readers see it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if p.read_text(encoding="utf-8").startswith("---\n"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_front_matter_parses_to_a_title_and_a_description(page):
    text = page.read_text(encoding="utf-8")
    block = text[4 : text.index("\n---", 4)]
    meta = yaml.safe_load(block)
    assert isinstance(meta, dict), f"{page.name}: front matter is not a mapping; quote values with ': ' in them"
    assert str(meta.get("description", "")).strip(), f"{page.name}: add a description (search engines, link previews)"


def test_the_english_pages_have_front_matter_too():
    assert any(p.name.endswith(".en.md") for p in PAGES)
