"""The help page: every number has a source, every tap-to-call link is a known number, and the
data file agrees with the research sheet it was taken from."""

from __future__ import annotations

import html as html_lib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.banks import get_banks, numbers
from macros.help_lines import HelpLineError, help_tel_link, load_help_lines, tel_href

ROOT = Path(__file__).resolve().parent.parent
STRENGTH = {"W": 0, "S": 1, "C": 2}


def _research_dir() -> Path | None:
    """The shared research folder: $RESEARCH_DIR, or ``shared/research`` beside the checkout
    (CI) or beside the worktree folder (local worktrees live one level deeper)."""
    candidates = [os.environ.get("RESEARCH_DIR")] + [
        str(base / "shared" / "research") for base in (ROOT.parent, ROOT.parent.parent)
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "terms-help-questions.md").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def research() -> dict[str, str]:
    folder = _research_dir()
    if folder is None:
        pytest.skip(
            "research sheet not found (set RESEARCH_DIR or put shared/research beside the "
            "checkout); the page is still checked against data/help_lines.yml"
        )
    return {name: (folder / name).read_text(encoding="utf-8") for name in ("terms-help-questions.md", "facts.md")}


def _lines_mentioning(text: str, number: str) -> list[str]:
    pattern = re.compile(rf"(?<![\d-]){re.escape(number)}(?![\d-])")
    return [line for line in text.splitlines() if pattern.search(line)]


class TestDataAgainstTheResearchSheet:
    def test_every_number_is_in_the_sheet(self, research):
        text = "\n".join(research.values())
        missing = [line["number"] for line in load_help_lines() if not _lines_mentioning(text, line["number"])]
        assert not missing, f"numbers not in the research sheet (never invent a number): {missing}"

    def test_no_line_claims_more_confidence_than_the_sheet_gives_it(self, research):
        for line in load_help_lines():
            mentions = [m for t in research.values() for m in _lines_mentioning(t, line["number"])]
            tags = re.findall(r"(?:\[|\| *|/ *|\*\*)([CSW])(?:\]|\*\*| *\||\b)", " ".join(mentions))
            best = max((STRENGTH[t] for t in tags), default=-1)
            assert STRENGTH[line["tag"]] <= best, (
                f"{line['number']} is tagged {line['tag']} in data/help_lines.yml, but the research "
                f"sheet gives it at most {tags or 'no tag'}"
            )

    def test_every_line_the_sheet_tags_secondary_or_better_is_on_the_page(self, research):
        part2 = research["terms-help-questions.md"].split("## PART 2", 1)[1].split("### ", 1)[0]
        ours = {re.sub(r"\D", "", line["number"]) for line in load_help_lines()}
        for row in part2.splitlines():
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            if len(cells) < 6 or not re.search(r"\d{3}", cells[0]) or "only" in cells[0]:
                continue
            if cells[-1].lstrip().startswith(("C", "S")):
                number = re.sub(r"\D", "", cells[0])
                assert number in ours, f"the sheet tags {cells[0]} {cells[-1]}, but the help page lacks it"


class TestDataFile:
    def test_unknown_facts_say_so_in_both_languages(self):
        for line in load_help_lines():
            for field in ("operator", "hours"):
                if line[field].get("unknown"):
                    assert re.search(r"不知道|没有可靠来源|未核实|没有.{0,6}核实|来源较弱", line[field]["zh"]), (
                        line["number"],
                        field,
                    )
                    assert re.search(r"[Nn]ot known|no reliable source|not confirmed|weak source", line[field]["en"]), (
                        line["number"],
                        field,
                    )

    def test_weak_lines_are_marked_as_weak_on_the_page(self):
        from macros.help_lines import render_help_lines

        for lang, mark in (("zh", "来源薄弱"), ("en", "weak source")):
            page = render_help_lines(lang)
            for line in load_help_lines():
                section = page.split(f"{{ #{line['id']} }}", 1)[1].split("\n### ", 1)[0]
                assert (mark in section) == (line["tag"] == "W"), (lang, line["number"])

    def test_a_number_not_in_the_data_cannot_be_linked(self):
        with pytest.raises(HelpLineError, match="not in data/help_lines.yml"):
            help_tel_link("12345")
        assert help_tel_link("400-161-9995") == "[400-161-9995](tel:4001619995)"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tel: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("tel:"):
            self.tel.append(href)


def _article_text(html: str) -> str:
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", match.group(1) if match else ""))


HELP_PAGES = ("help/index.html", "en/help/index.html")


@pytest.mark.parametrize("page", HELP_PAGES)
def test_every_help_line_is_on_the_help_page_as_a_tap_to_call_link(built_site, page):
    parser = _Links()
    parser.feed((built_site / page).read_text(encoding="utf-8"))
    for line in load_help_lines():
        assert tel_href(line["number"]) in parser.tel, f"{page}: {line['number']} is not a tel: link"


@pytest.mark.parametrize("page", HELP_PAGES)
def test_the_help_page_names_no_number_that_is_not_in_the_data(built_site, page):
    text = _article_text((built_site / page).read_text(encoding="utf-8"))
    # Service numbers: 110, 12xxx, 96xxx, 400-xxx-xxxx (article numbers and years are not).
    shown = set(re.findall(r"(?<![\w.\-/=])(110|12\d{3}|96\d{3}|400-\d{3}-\d{4})(?![\w\-/])", text))
    known = {line["number"] for line in load_help_lines()}
    assert shown <= known, f"{page} shows numbers without a source: {sorted(shown - known)}"


def test_every_tel_link_on_the_site_is_a_number_from_the_data(built_site):
    allowed = {tel_href(line["number"]) for line in load_help_lines()}
    allowed |= {tel_href(n) for rec in get_banks() for n in numbers(rec, shown_only=False)}
    strays = []
    for page in sorted(built_site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        strays += [f"{page.relative_to(built_site)}: {href}" for href in parser.tel if href not in allowed]
    assert not strays, "tel: links to numbers not in data/:\n" + "\n".join(strays[:20])


def test_12378_is_tap_to_call_wherever_the_guide_names_it(built_site):
    """Review m23: the complaint line was plain text while bank numbers were links."""
    for page in (
        "guide/law/index.html",
        "en/guide/law/index.html",
        "guide/risks/index.html",
        "en/guide/risks/index.html",
    ):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'href="tel:12378"' in html, page


# Review M3: "free debt advice" that names nothing sends readers to the paid agents the site warns
# against. The guide's pages are checked on the built site (tests/test_faq.py); this checks every
# reader-facing string the calculators can produce, including results not rendered at build time.
_UNNAMED_FREE_ADVICE = re.compile(r"免费的?(?:公益)?债务咨询|free (?:non-profit )?debt advice", re.I)


def test_no_calculator_text_points_to_unnamed_free_debt_advice():
    offenders = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "calculators").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _UNNAMED_FREE_ADVICE.search(line)
    ]
    assert not offenders, f"unnamed 'free debt advice' in {offenders}"
