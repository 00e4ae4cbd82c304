"""The guide's promises: no phantom law, links that work in both languages, figures that agree
with the calculators."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlparse

import pytest

import calculators
from calculators import finance

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def _parse(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _content_pages(site: Path):
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "search/")):
            yield page


def test_the_nonexistent_contract_law_is_only_named_to_correct_it(built_site):
    """The seed article cites 《人民合同法》; the site may name it only to say it does not exist."""
    correction = re.compile(
        r"不存在|没有.{0,6}法律|并无|不要.{0,12}引用|更不要|No such law|does not exist|no law called|"
        r"doesn.t exist|never the",
        re.I,
    )
    for page in _content_pages(built_site):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        for mention in re.finditer("人民合同法", text):
            nearby = text[max(0, mention.start() - 300) : mention.end() + 300]
            assert correction.search(nearby), (
                f"{page.relative_to(built_site)} names 《人民合同法》 without saying it does not exist: …{nearby}…"
            )


def test_internal_links_resolve_in_both_languages(built_site):
    cache: dict[Path, Anchors] = {}
    broken = []
    pages = list(_content_pages(built_site))
    assert any(p.relative_to(built_site).parts[0] == "en" for p in pages)
    for page in pages:
        page_url = "http://site/" + page.relative_to(built_site).as_posix()
        for href in cache.setdefault(page, _parse(page)).links:
            target = urlparse(urljoin(page_url, href))
            if target.netloc != "site" or target.scheme not in {"http", ""}:
                continue  # a link to another site (an official page) or tel:/mailto:
            path = built_site / unquote(target.path).lstrip("/")
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
                continue
            if "=" in target.fragment and path.suffix == ".html":
                # A calculator link with inputs (#daily_rate=0.05&...): each must name a form field.
                html = path.read_text(encoding="utf-8")
                for key, _ in parse_qsl(unquote(target.fragment), keep_blank_values=True):
                    if f'name="{key}"' not in html:
                        broken.append(f"{page.relative_to(built_site)} -> {href} (no input {key!r})")
                continue
            if target.fragment and path.suffix == ".html":
                ids = cache.setdefault(path, _parse(path)).ids
                if unquote(target.fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {href} (no such anchor)")
    assert not broken, "broken internal links:\n" + "\n".join(broken[:40])


def _article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    return match.group(1) if match else ""


def test_pages_link_to_pages_in_their_own_language(built_site):
    """A reader on an English page stays in English (and a Chinese reader in Chinese)."""
    strays = []
    for page in _content_pages(built_site):
        rel = page.relative_to(built_site)
        english = rel.parts[0] == "en"
        page_url = "http://site/" + rel.as_posix()
        article = _article(page.read_text(encoding="utf-8"))
        assert article, f"{rel}: no article content found"
        parser = Anchors()
        parser.feed(article)
        for href in parser.links:
            target = urlparse(urljoin(page_url, href))
            if target.netloc != "site" or target.path.startswith("/assets/") or not target.path.endswith("/"):
                continue
            if target.path.startswith("/en/") != english:
                strays.append(f"{rel} -> {href}")
    assert not strays, "links that switch language:\n" + "\n".join(strays[:40])


# A figure typed into a page by hand must be a sourced constant or an example input, never a
# result a calculator can produce: those come from the build-time macro calc(). A new literal
# percentage needs either calc() or an entry here saying why it is typed.
QUOTED_PERCENTAGES = {
    "0": "an example input (no fee)",
    "0.035": "the former PBoC floor, 0.7 x 0.05 % a day (银发〔2016〕111号)",
    "0.04": "an example input (a card's daily rate)",
    "0.05": "the common contractual daily rate, 万分之五 (calculators/rate_convert.py, reference [4]), used as an input",
    "0.6": "an example input (a plan's fee per month)",
    "0.74": "SPDB's 2018 fee per period for 12 periods, quoted from its terms",
    "0.75": "the fee per period banks advertise, an example input",
    "0.9": "SPDB's 2018 fee per period for 3 periods, quoted from its terms",
    "0.90": "SPDB's 2018 fee per period for 3 periods, quoted from its terms",
    "5": "the typical 违约金 rate on the unpaid minimum (calculators/overdue_cost.py), an input",
    "10": "the typical minimum-payment ratio (calculators/minimum_payment.py), an input",
    "12": "an example input (a card's annual rate)",
    "24": "a claim the page says has no reliable source",
    "30": "合同编通则解释 第六十五条: a 违约金 over the loss by more than 30 %",
    "12.80": "PBoC announcement [2021] No. 3's own example; checked below against finance.irr",
    "13.58": "PBoC announcement [2021] No. 3's own example; checked below against finance.irr",
}


def _prose_percentages(text: str) -> set[str]:
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)  # figures from macros are fine
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)  # front matter repeats the body
    return set(re.findall(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[%％]", text))


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_prose_figures_are_quoted_constants_or_come_from_a_calculator(page):
    typed = _prose_percentages((DOCS / page).read_text(encoding="utf-8"))
    unexplained = sorted(typed - set(QUOTED_PERCENTAGES))
    assert not unexplained, (
        f"{page} types percentages {unexplained}: compute them with "
        "{{ calc(...) }} or, if they are quoted from a source, add them to QUOTED_PERCENTAGES"
    )


def test_pboc_example_figures_quoted_in_the_guide_match_the_irr_method():
    """人民银行公告〔2021〕第3号: lend 100,000, fee 1,000 up front, 12 x 8,833.3 -> 12.80 % and 13.58 %."""
    monthly = finance.irr([Decimal("-99000")] + [Decimal("8833.3")] * 12)
    assert f"{(monthly * 12 * 100).quantize(Decimal('0.01'))}" == "12.80"
    assert f"{(((1 + monthly) ** 12 - 1) * 100).quantize(Decimal('0.01'))}" == "13.58"
    for page in ("guide/interest-and-fees.md", "guide/interest-and-fees.en.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        assert re.search(r"12\.80\s?%", text) and re.search(r"13\.58\s?%", text), page


def test_the_common_daily_rate_is_quoted_with_its_computed_annual_figure(built_site):
    simple = calculators.run("rate_convert", {"daily_rate": "0.0005", "cycle_days": "30"})["result"][
        "annual_simple_365"
    ]
    shown = f"{(simple * 100).quantize(Decimal('0.01'))}%"
    for page in ("guide/interest-and-fees/index.html", "en/guide/interest-and-fees/index.html"):
        assert shown in (built_site / page).read_text(encoding="utf-8"), page


# --- Style (CONTRIBUTING.md "写作规范"): one form of address, one kind of quotation mark. ---

_OWN_CHINESE_PAGES = sorted(
    p.relative_to(DOCS).as_posix()
    for p in DOCS.rglob("*.md")
    if not p.name.endswith(".en.md") and p.relative_to(DOCS).parts[0] not in {"kit", "banks"}
)


def _prose_lines(text: str):
    """Lines of Markdown prose: no front matter, no macro calls, link targets, tags or code."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    for line in text.splitlines():
        if line.lstrip().startswith(("!!!", "???")):
            continue  # an admonition's title is delimited by straight quotes
        yield re.sub(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]*>|\]\([^)]*\)|`[^`]*`", " ", line)


@pytest.mark.parametrize("page", _OWN_CHINESE_PAGES)
def test_chinese_prose_uses_curly_quotes(page):
    straight = [
        line.strip()[:60]
        for line in _prose_lines((DOCS / page).read_text(encoding="utf-8"))
        if '"' in line and re.search(r"[\u4e00-\u9fff]", line)
    ]
    assert not straight, f"{page}: straight quotes in Chinese prose (use “ ”): {straight[:3]}"


def test_the_guide_addresses_the_reader_as_ni_everywhere(built_site):
    """Pages and the calculators' build-time results say 你, never the formal 您."""
    formal = [
        p.relative_to(built_site).as_posix()
        for p in _content_pages(built_site)
        if "您" in _article(p.read_text(encoding="utf-8"))
    ]
    assert not formal, f"pages that address the reader as 您: {formal}"


@pytest.mark.parametrize(
    "page",
    [
        "guide/how-to-negotiate.md",
        "guide/how-to-negotiate.en.md",
        "guide/will-bank-contact.md",
        "guide/will-bank-contact.en.md",
    ],
)
def test_the_disclaimer_is_said_once_and_linked(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    notes = re.findall(r"仅供参考|不是法律意见|for reference only|not legal advice", text, re.I)
    assert len(notes) <= 2, f"{page} repeats its disclaimer {len(notes)} times: {notes}"
    assert "about/sources.md#not-legal-advice" in text, f"{page}: link the disclaimer instead"
