"""The site's foundation: strict build, bilingual parity, privacy of requests, switcher, search."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from macros.csp import PLACEHOLDER, inline_script_hashes

ROOT = Path(__file__).resolve().parent.parent


DOCS = ROOT / "docs"


def docs_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md"))


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class Resources(HTMLParser):
    """Collects every URL a page makes the browser fetch (not the links a reader may follow)."""

    FETCHING_LINK_RELS = {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "prefetch",
        "manifest",
        "apple-touch-icon",
        "dns-prefetch",
        "preconnect",
    }

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed", "track"} and a.get("src"):
            self.fetched.append(a["src"])
        if tag == "object" and a.get("data"):
            self.fetched.append(a["data"])
        if tag == "link":
            rels = set((a.get("rel") or "").lower().split())
            if rels & self.FETCHING_LINK_RELS and a.get("href"):
                self.fetched.append(a["href"])
            if "alternate" in rels and a.get("hreflang"):
                self.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and a.get("hreflang") and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
        if tag == "meta":
            key = a.get("name") or a.get("property") or a.get("http-equiv")
            if key:
                self.meta[key.lower()] = a.get("content", "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> Resources:
    parser = Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_third_party(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme not in {"", "data"}


class TestBuild:
    def test_strict_build_makes_both_languages(self, built_site):
        assert (built_site / "index.html").is_file()
        assert (built_site / "en" / "index.html").is_file()
        assert 'lang="zh' in (built_site / "index.html").read_text(encoding="utf-8")
        assert 'lang="en' in (built_site / "en" / "index.html").read_text(encoding="utf-8")

    def test_every_page_has_a_title_and_a_description(self, built_site):
        for page in built_pages(built_site):
            if page.name == "404.html" or "assets" in page.parts:
                continue
            info = parse(page)
            assert info.title.strip(), f"{page} has no <title>"
            assert info.meta.get("description", "").strip(), f"{page} has no description"
            assert info.meta.get("og:title", "").strip(), f"{page} has no og:title"

    def test_404_page_speaks_both_languages(self, built_site):
        text = (built_site / "404.html").read_text(encoding="utf-8")
        assert "找不到这个页面" in text and "Page not found" in text


class TestBilingualParity:
    def test_every_chinese_page_has_an_english_twin_and_back(self):
        pages = {p.relative_to(DOCS).as_posix() for p in docs_pages()}
        chinese = {p for p in pages if not p.endswith(".en.md")}
        english = {p for p in pages if p.endswith(".en.md")}
        assert chinese, "no pages found"
        missing_en = sorted(p for p in chinese if p[:-3] + ".en.md" not in english)
        orphan_en = sorted(p for p in english if p[: -len(".en.md")] + ".md" not in chinese)
        assert not missing_en, f"Chinese pages without an English twin: {missing_en}"
        assert not orphan_en, f"English pages without a Chinese original: {orphan_en}"

    def test_twins_keep_the_same_heading_anchors(self):
        anchor = re.compile(r"^#{1,6} .*\{ *#([A-Za-z0-9_-]+)", re.M)
        for zh in docs_pages():
            if zh.name.endswith(".en.md"):
                continue
            en = zh.with_name(zh.name[:-3] + ".en.md")
            if not en.exists():
                continue
            zh_anchors = anchor.findall(zh.read_text(encoding="utf-8"))
            en_anchors = anchor.findall(en.read_text(encoding="utf-8"))
            assert zh_anchors == en_anchors, f"{zh.relative_to(ROOT)} and its twin differ in anchors"

    def test_language_switcher_points_at_the_same_page_in_the_other_language(self, built_site):
        checked = 0
        for page in built_pages(built_site):
            rel = page.relative_to(built_site).as_posix()
            if rel == "404.html" or rel.startswith(("assets/", "en/assets/")) or rel.endswith("404.html"):
                continue
            switcher = parse(page).switcher
            assert set(switcher) >= {"zh", "en"}, f"{rel}: language switcher missing ({switcher})"
            here = "/" + rel.removesuffix("index.html")
            twin = here[3:] if here.startswith("/en/") else "/en" + here
            target = urlparse(
                urljoin(f"http://site{here}", switcher["en" if not here.startswith("/en/") else "zh"])
            ).path
            assert target == twin, f"{rel}: switcher goes to {target}, expected {twin}"
            checked += 1
        assert checked >= 2


class TestNothingLeavesTheSite:
    def test_pages_fetch_only_from_the_site(self, built_site):
        for page in built_pages(built_site):
            outside = [u for u in parse(page).fetched if is_third_party(u)]
            assert not outside, f"{page.relative_to(built_site)} fetches from outside: {outside}"

    def test_stylesheets_load_nothing_from_outside(self, built_site):
        for css in built_site.rglob("*.css"):
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="replace"))
            urls += re.findall(r"@import\s+['\"]([^'\"]+)", css.read_text(encoding="utf-8", errors="replace"))
            outside = [u for u in urls if is_third_party(u)]
            assert not outside, f"{css.relative_to(built_site)} loads {outside}"

    def test_our_scripts_name_no_outside_host(self, built_site):
        ours = [p for p in (ROOT / "docs").rglob("*") if p.suffix in {".js", ".mjs"}]
        for script in ours:
            hosts = re.findall(r"https?://([A-Za-z0-9.-]+)", script.read_text(encoding="utf-8"))
            assert not [h for h in hosts if h not in {"127.0.0.1", "localhost"}], f"{script} names {hosts}"

    def test_theme_loads_no_web_fonts(self, built_site):
        html = (built_site / "index.html").read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html

    def test_every_page_carries_a_policy_that_allows_only_the_site(self, built_site):
        for page in built_pages(built_site):
            html = page.read_text(encoding="utf-8")
            info = parse(page)
            policy = info.meta.get("content-security-policy")
            assert policy, f"{page.relative_to(built_site)} has no Content-Security-Policy"
            assert PLACEHOLDER not in html
            assert "http" not in policy and "*" not in policy, policy
            assert "'unsafe-eval'" not in policy
            for source in inline_script_hashes(html):
                assert source in policy, f"{page.relative_to(built_site)}: inline script not allowed"


class TestSearch:
    @pytest.fixture(scope="class")
    def index(self, built_site):
        return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))

    def test_english_words_are_not_stemmed_away(self, index):
        assert "stemmer" not in index["config"].get("pipeline", [])

    def test_both_languages_are_in_the_index(self, index):
        locations = {doc["location"] for doc in index["docs"]}
        assert any(loc.startswith("en/") for loc in locations)
        assert any(not loc.startswith("en/") for loc in locations)

    def test_chinese_text_is_segmented_into_words(self, index):
        # jieba splits running Chinese text; without it a whole sentence is one "word".
        chinese = " ".join(d["text"] for d in index["docs"] if not d["location"].startswith("en/"))
        runs = re.findall(r"[\u4e00-\u9fff]+", chinese)
        assert runs, "no Chinese text indexed"
        assert max(len(r) for r in runs) <= 12, "Chinese text was not segmented"
