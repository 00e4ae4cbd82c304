"""Free help lines (``data/help_lines.yml``): the help page's list and tel: links elsewhere.

Macros (registered by :func:`register`):

* ``{{ help_lines() }}``: every line, with what it is for, who runs it, hours, sources and
  confidence, in the page's language. Facts no source establishes are said to be not known.
* ``{{ help_tel("12378") }}``: one number as a tap-to-call link. A number that is not in the
  data file fails the build, so no page can show a help number without a source.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml

from macros.common import LANGS, page_lang

__all__ = ["load_help_lines", "tel_href", "help_tel_link", "render_help_lines", "register"]

DATA = Path(__file__).resolve().parent.parent / "data" / "help_lines.yml"
TAGS = ("C", "S", "W")

T = {
    "zh": {
        "purpose": "用来做什么",
        "operator": "谁负责",
        "hours": "时间",
        "sources": "来源",
        "confidence": "可信程度",
        "conf": {"C": "已核实", "S": "二手资料", "W": "来源薄弱，未核实"},
        "legend": "about/sources.md#confidence",
        "legend_text": "可信程度的含义",
        "sep": "；",
    },
    "en": {
        "purpose": "What it is for",
        "operator": "Who runs it",
        "hours": "Hours",
        "sources": "Sources",
        "confidence": "Confidence",
        "conf": {"C": "confirmed", "S": "secondary", "W": "weak source, not confirmed"},
        "legend": "about/sources.md#confidence",
        "legend_text": "what the levels mean",
        "sep": "; ",
    },
}


class HelpLineError(ValueError):
    """The help-line data file breaks its schema; the message names the entry and the field."""


def _check(line: dict, index: int) -> None:
    where = f"data/help_lines.yml, line entry {index + 1} ({line.get('number', '?')})"
    if not re.fullmatch(r"[0-9]+(-[0-9]+)*", str(line.get("number", ""))):
        raise HelpLineError(f"{where}: 'number' must be digits and hyphens, as dialled")
    if not re.fullmatch(r"[a-z0-9-]+", str(line.get("id", ""))):
        raise HelpLineError(f"{where}: 'id' must be a lowercase anchor such as line-12378")
    if line.get("tag") not in TAGS:
        raise HelpLineError(f"{where}: 'tag' must be one of {TAGS}")
    for field in ("name", "purpose", "operator", "hours"):
        for lang in LANGS:
            if not str((line.get(field) or {}).get(lang, "")).strip():
                raise HelpLineError(f"{where}: '{field}' needs text in {lang}")
    sources = line.get("sources") or []
    if not sources:
        raise HelpLineError(f"{where}: every line needs at least one source")
    for source in sources:
        text = source.get("text")
        texts = [text.get(lang) for lang in LANGS] if isinstance(text, dict) else [text]
        if source.get("tag") not in TAGS or not all(str(x or "").strip() for x in texts):
            raise HelpLineError(f"{where}: each source needs 'text' (one string, or zh and en) and a 'tag' in {TAGS}")


@lru_cache(maxsize=None)
def load_help_lines() -> tuple:
    """The validated help lines, in page order."""
    lines = yaml.safe_load(DATA.read_text(encoding="utf-8"))["lines"]
    for index, line in enumerate(lines):
        _check(line, index)
    ids = [line["id"] for line in lines]
    if len(set(ids)) != len(ids):
        raise HelpLineError("data/help_lines.yml: two lines share an id")
    return tuple(lines)


def tel_href(number: str) -> str:
    """``tel:`` URL for a number as printed (hyphens dropped)."""
    return "tel:" + re.sub(r"[^0-9]", "", str(number))


def help_tel_link(number: str) -> str:
    """A Markdown tap-to-call link for a number from the data file."""
    if str(number) not in {line["number"] for line in load_help_lines()}:
        raise HelpLineError(f"help_tel({number!r}): not in data/help_lines.yml; add it with a source first")
    return f"[{number}]({tel_href(number)})"


def _rel(target: str, page_dir: str) -> str:
    return posixpath.relpath(target, page_dir or ".")


def _source(source: dict, lang: str) -> str:
    url = source.get("url")
    link = ("，" if lang == "zh" else ", ") + f"<{url}>" if url else ""
    text = source["text"]
    return f"{text[lang] if isinstance(text, dict) else text}{link} [{source['tag']}]"


def render_help_lines(lang: str, page_dir: str = "") -> str:
    """Markdown for every help line: heading with anchor, the number as a link, the facts."""
    t = T[lang]
    colon = "：**" if lang == "zh" else ":** "
    out = []
    for line in load_help_lines():
        sources = t["sep"].join(_source(s, lang) for s in line["sources"])
        out.append(
            f"### {line['name'][lang]} {{ #{line['id']} }}\n\n"
            f"**{help_tel_link(line['number'])}**\n\n"
            f"- **{t['purpose']}{colon}{line['purpose'][lang]}\n"
            f"- **{t['operator']}{colon}{line['operator'][lang]}\n"
            f"- **{t['hours']}{colon}{line['hours'][lang]}\n"
            f"- **{t['sources']}{colon}{sources}\n"
            f"- **{t['confidence']}{colon}[{t['conf'][line['tag']]}]({_rel(t['legend'], page_dir)})\n\n"
        )
    return "".join(out)


def register(env) -> None:
    def help_lines() -> str:
        src = getattr(getattr(env.page, "file", None), "src_uri", "") or ""
        return render_help_lines(page_lang(env), posixpath.dirname(src))

    def help_tel(number) -> str:
        return help_tel_link(str(number))

    env.macro(help_lines)
    env.macro(help_tel)
