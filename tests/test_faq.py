"""The FAQ page: its structured data says exactly what the page shows, in both languages, and
claims that circulate online are named only to be corrected."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest

from macros.csp import inline_script_hashes
from macros.faq import FaqError, _check, load_faq

ROOT = Path(__file__).resolve().parent.parent
FAQ_PAGES = {"zh": "faq/index.html", "en": "en/faq/index.html"}


def _text(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def _visible_pairs(page_html: str) -> list[tuple[str, str, str]]:
    """(anchor, question, answer) for each h2 in the article, the answer being the first <p>."""
    article = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', page_html, re.S).group(1)
    pairs = []
    for match in re.finditer(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>\s*<p>(.*?)</p>', article, re.S):
        pairs.append((match.group(1), _text(match.group(2)), _text(match.group(3))))
    return pairs


def _jsonld(page_html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("lang", sorted(FAQ_PAGES))
def test_structured_data_parses_and_matches_the_visible_questions_and_answers(built_site, lang):
    page_html = (built_site / FAQ_PAGES[lang]).read_text(encoding="utf-8")
    blocks = _jsonld(page_html)
    assert len(blocks) == 1, f"{lang}: expected one JSON-LD block, found {len(blocks)}"
    data = blocks[0]
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    structured = [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]]
    assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in data["mainEntity"])
    visible = [(question, answer) for _, question, answer in _visible_pairs(page_html)]
    assert visible == structured


def test_both_languages_ask_the_same_questions_under_the_same_anchors(built_site):
    anchors = {
        lang: [a for a, _, _ in _visible_pairs((built_site / page).read_text(encoding="utf-8"))]
        for lang, page in FAQ_PAGES.items()
    }
    assert anchors["zh"] == anchors["en"] == [entry["id"] for entry in load_faq()]


def test_the_fifteen_reader_questions_and_the_two_corrections_are_answered():
    ids = [entry["id"] for entry in load_faq()]
    assert len(ids) >= 17 and {"rule-196", "refund-2022", "family-contacted", "fee-to-fix"} <= set(ids)


def test_every_answer_links_deeper_and_names_a_source(built_site):
    for lang, page in FAQ_PAGES.items():
        article = (built_site / page).read_text(encoding="utf-8")
        sections = re.split(r"<h2 id=", article)[1:]
        for section in sections:
            assert re.search(r'<a href="[^"#]*(?:/|\.html)?(?:#[^"]*)?"', section), f"{lang}: a question has no link"
            assert "[C]" in section or "[S]" in section, f"{lang}: a question has no sourced answer"


def test_the_structured_data_is_data_not_script():
    """JSON-LD needs no CSP hash: browsers do not execute it, and csp.py leaves it out."""
    page = '<script type="application/ld+json">{"a":1}</script><script>run()</script>'
    assert len(inline_script_hashes(page)) == 1


def test_an_answer_with_a_link_or_markup_is_refused():
    entry = dict(load_faq()[0])
    entry["a"] = {"zh": "见[这里](x.md)", "en": "see [here](x.md)"}
    with pytest.raises(FaqError, match="plain sentences"):
        _check(entry, 0)


def _content_pages(site: Path):
    for page in sorted(site.rglob("index.html")):
        if not page.relative_to(site).as_posix().startswith(("assets/", "search/")):
            yield page


# Claims that circulate online; a page may name one only next to words that correct it.
PHANTOMS = {
    "a regulator's 'Article 196' on overdue cards": (
        r"银监局对信用卡逾期规定|Article 196 on overdue",
        r"没有这样的规定|No such rule|not a regulator",
    ),
    "a 2022 interest-refund policy document": (r"退息政策|refunding credit-card interest", r"没有找到|found no such"),
    "'at most 3 collection calls a day'": (
        r"每天最多打? ?3 ?次|3 collection calls a day|3 calls a day",
        r"没有这句话|并没有|say no such|says no such|no official rule",
    ),
    "unnamed 'free debt advice'": (
        r"免费的?(?:公益)?债务咨询|free (?:non-profit )?debt advice",
        r"不推荐|does not recommend|recommend none|没有找到",
    ),
}


@pytest.mark.parametrize("claim", sorted(PHANTOMS))
def test_claims_that_circulate_online_are_named_only_to_be_corrected(built_site, claim):
    pattern, correction = PHANTOMS[claim]
    for page in _content_pages(built_site):
        article = re.search(
            r'<article class="md-content__inner[^"]*">(.*?)</article>', page.read_text(encoding="utf-8"), re.S
        )
        text = _text(article.group(1) if article else "")
        for mention in re.finditer(pattern, text):
            nearby = text[max(0, mention.start() - 300) : mention.end() + 300]
            assert re.search(correction, nearby), (
                f"{page.relative_to(built_site)} repeats {claim} without correcting it: …{nearby}…"
            )
