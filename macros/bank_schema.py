"""Schema for the bank records in ``data/banks/<id>.yml``.

Plain Python (standard library + PyYAML), so that anyone can read what a
record must look like.  Run it on the files you changed::

    python -m macros.bank_schema data/banks/*.yml

It prints one line per problem, naming the file, the place in the file and
what to do, and exits with status 1 if there is any problem (0 if all is well).
The site build (``macros/banks.py``) runs the same checks and refuses to build
with an invalid record.

What a record looks like (see ``data/banks/citic.yml`` for a full example)::

    id: citic                 # same as the file name; lower case
    order: 1                  # position in menus and in the table of banks
    sources:                  # every source used in this file, with a short id
      a:
        label: {zh: 第三方联系方式汇总表…, en: Third-party contact table…}
        url: https://…        # optional: only if the source has an address
    names:
      zh_short:    {text: 中信银行, <fact>}
      zh_full:     {text: 中信银行股份有限公司, <fact>}
      en_official: {text: China CITIC Bank Corporation Limited, <fact>}
      en_short: China CITIC Bank     # display name: the start of en_official
    phones:
      card_service: [{number: 400-889-5558, <fact>, hint: {zh, en}, note: {zh, en}}]
      general:      [{number: "95558", <fact>}]
      vip:          [{number: …, <fact>, note: {zh, en}}]   # optional; VIP-only lines, listed apart
      former:       [{number: …, <fact>, note: {zh, en}}]   # optional; shown without a link
    apps: [{name: 动卡空间, kind: card_app, <fact>}]     # kind: card_app or main_app
    official_page: {url: https://…, <fact>, note: {zh, en}}
    plan_route: {steps: [{zh, en}, …], <fact>}
    unknowns: [{about: negotiation_policy, text: {zh, en}, sources: [...],
                checked: YYYY-MM-DD, confidence: U}]
    dated_facts: [{title: {zh, en}, as_of: "2018-07", intro: {zh, en},
                   items: [{zh, en}, …], calculator: installment_apr, <fact>}]   # optional;
                   # calculator: a calculator that helps read these figures (linked)
    terms:                    # card terms; {} when none has a good enough source
      late_fee: {text: {zh, en}, <fact>, note: {zh, en}, as_of: "2015",
                 calc: {late_fee_rate: "0.05", late_fee_min: "20"}}
      # keys: see TERM_KINDS; calc: the figures a calculator can use (see TERM_CALC),
      # exact decimals in quotes, rates as fractions ("0.05" is 5 %)
    reports: []               # readers' reports, see REPORT_FIELDS; nothing that identifies anyone

``<fact>`` stands for the three keys every fact carries:

    sources: [a, b]          # ids from the `sources:` list at the top of the file
    checked: 2026-11-29      # the day someone checked it (YYYY-MM-DD, not in the future)
    confidence: S            # C, S or W (see CONFIDENCE below)
    publish: false           # optional; required for W facts, which are never shown

Only C and S facts appear on the site.  W facts may be kept in the file for
the next person to check, but they must say ``publish: false``.  Things we do
not know go under ``unknowns`` with ``confidence: U``; the page says plainly
that they are not known.
"""

from __future__ import annotations

import datetime
import decimal
import difflib
import re
import sys
import urllib.parse
from pathlib import Path

import yaml

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

CONFIDENCE = {
    "C": "confirmed: read in the primary text or on the bank's official page",
    "S": "secondary: independent third-party sources agree",
    "W": "weak: one informal or old source; never published",
    "U": "unknown: no source found; only allowed under `unknowns`",
}
PUBLISHABLE = ("C", "S")

# Chinese service numbers we accept, written the way the site shows them.
NUMBER_FORMS = "955xx, 400-xxx-xxxx or 0xx-xxxx-xxxx"
NUMBER_RE = re.compile(
    r"^(?:955\d{2}"  # bank-wide short numbers, 95558
    r"|400-\d{3}-\d{4}"  # national 400 numbers, 400-889-5558
    r"|0\d{2}-\d{4}-\d{4}"  # landline with 3-digit area code, 021-3878-4988
    r"|0\d{3}-\d{3,4}-\d{4})$"  # landline with 4-digit area code
)
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_RE = re.compile(r"^\d{4}(?:-\d{2})?$")
CJK_RE = re.compile(r"[\u3400-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]")

APP_KINDS = ("card_app", "main_app")
UNKNOWN_ABOUT = ("negotiation_policy", "fees", "interest", "grace_period", "app", "other")

FACT_KEYS = {"sources", "checked", "confidence", "publish"}

# Card terms a bank page shows (in this order), and the calculator inputs each may fill in:
# input name -> (kind, lowest, highest). "rate" is a fraction (0.05 = 5 %), "yuan" an amount.
TERM_KINDS = ("daily_rate", "late_fee", "minimum_payment", "grace_period", "tolerance", "instalment_fees")
TERM_CALC = {
    "daily_rate": {"daily_rate": ("rate", "0", "0.01")},
    "late_fee": {
        "late_fee_rate": ("rate", "0", "1"),
        "late_fee_min": ("yuan", "0", "100000"),
        "late_fee_max": ("yuan", "0", "100000"),
    },
    "minimum_payment": {"ratio": ("rate", "0", "1"), "cash_ratio": ("rate", "0", "1")},
}

# A reader's report, as the issue form "我和银行协商的结果 / What my bank agreed" asks for it.
# Every value is a number or a word from a short list: no free text, no amount, no name.
REPORT_CHOICES = {
    "outcome": ("agreed", "refused"),
    "interest": ("waived", "partly_waived", "not_waived", "not_sure"),
    "fees": ("waived", "partly_waived", "not_waived", "not_sure"),
    "down_payment": ("none", "up_to_5", "5_to_10", "10_to_20", "over_20", "not_sure"),
    "channel": ("hotline", "branch", "app", "other"),
    "took": ("under_1_week", "1_to_4_weeks", "1_to_3_months", "over_3_months", "not_sure"),
}
REPORT_NUMBERS = {"issue": (1, 10**7), "overdue_months": (0, 240), "periods": (1, 120)}
REPORT_PLAN = ("periods", "interest", "fees", "down_payment")  # only when outcome is agreed
REPORT_FIELDS = ({"issue", "month", "overdue_months", "outcome", "channel", "took", "added"}, set(REPORT_PLAN))

# The keys each part may have: (required, optional)
TOP_KEYS = (
    {"id", "order", "sources", "names", "phones", "apps", "official_page", "plan_route", "unknowns"},
    {"dated_facts", "terms", "reports"},
)
SOURCE_KEYS = ({"label"}, {"url"})
NAMES_KEYS = ({"zh_short", "zh_full", "en_official", "en_short"}, set())
NAME_KEYS = ({"text"} | FACT_KEYS - {"publish"}, {"publish"})
PHONES_KEYS = ({"card_service", "general"}, {"vip", "former"})
PHONE_KEYS = ({"number"} | FACT_KEYS - {"publish"}, {"publish", "hint", "note"})
FORMER_KEYS = ({"number"} | FACT_KEYS - {"publish"}, {"publish", "note"})
APP_KEYS = ({"name", "kind"} | FACT_KEYS - {"publish"}, {"publish", "note"})
PAGE_KEYS = ({"url"} | FACT_KEYS - {"publish"}, {"publish", "note"})
ROUTE_KEYS = ({"steps"} | FACT_KEYS - {"publish"}, {"publish"})
UNKNOWN_KEYS = ({"about", "text", "sources", "checked", "confidence"}, set())
DATED_KEYS = ({"title", "as_of", "items"} | FACT_KEYS - {"publish"}, {"publish", "intro", "calculator"})
TEXT_KEYS = ({"zh", "en"}, set())
TERM_KEYS = ({"text"} | FACT_KEYS - {"publish"}, {"publish", "note", "as_of", "calc"})


class BankDataError(Exception):
    """Raised by :func:`load_banks` when a record is invalid; ``messages`` lists the problems."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("Invalid bank data:\n  " + "\n  ".join(self.messages))


# --------------------------------------------------------------------------
# YAML loading: dates stay strings (so a bad date is reported, not a crash),
# and a key written twice is an error (YAML would silently keep the last one).
# --------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    pass


def _timestamp_as_string(loader, node):
    return loader.construct_scalar(node)


def _mapping_no_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key '{key}' is written twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_string)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_no_duplicates)


def read_yaml(path):
    """Return (data, messages) for one YAML file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"{path}: cannot read the file ({exc})"]
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [f"{path}: is not valid YAML{where}: {problem}"]


# --------------------------------------------------------------------------
# Checking one record
# --------------------------------------------------------------------------


class _Check:
    def __init__(self, path, today):
        self.path = str(path)
        self.today = today
        self.messages = []
        self.source_ids = set()
        self.used_sources = set()

    def error(self, where, what):
        place = f" {where}" if where else ""
        self.messages.append(f"{self.path}:{place} {what}")

    # -- building blocks ---------------------------------------------------

    def mapping(self, value, where, keys):
        """Check that value is a mapping with the required keys and no others."""
        required, optional = keys
        if not isinstance(value, dict):
            self.error(where, f"should be a mapping with the keys {_list(required)}, but it is {_kind(value)}")
            return False
        for key in sorted(required - set(value), key=str):
            self.error(where, f"is missing the key '{key}'")
        allowed = required | optional
        for key in sorted(set(value) - allowed, key=str):
            hint = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            maybe = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.error(where, f"has an unknown key '{key}'{maybe}; allowed keys: {_list(allowed)}")
        return True

    def sequence(self, value, where, minimum=0):
        if not isinstance(value, list):
            self.error(where, f"should be a list (lines starting with '- '), but it is {_kind(value)}")
            return []
        if len(value) < minimum:
            self.error(where, f"needs at least {minimum} item{'s' if minimum > 1 else ''}")
        return value

    def text(self, value, where):
        """A text shown to readers, in both languages: {zh: ..., en: ...}."""
        if not self.mapping(value, where, TEXT_KEYS):
            return
        for lang in ("zh", "en"):
            if lang in value:
                self.language(value[lang], f"{where}.{lang}", lang)

    def language(self, value, where, lang):
        name = "Chinese" if lang == "zh" else "English"
        if not isinstance(value, str) or not value.strip():
            self.error(where, f"is missing the {name} text")
        elif lang == "zh" and not CJK_RE.search(value):
            self.error(where, f"should be Chinese text, but it has no Chinese characters: '{_short(value)}'")
        elif lang == "en" and not LATIN_RE.search(value):
            self.error(where, f"should be English text, but it has no Latin letters: '{_short(value)}'")

    def date(self, value, where, pattern=DATE_RE, form="YYYY-MM-DD"):
        if isinstance(value, datetime.datetime):
            value = value.date().isoformat()
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        if not isinstance(value, str) or not pattern.match(value):
            self.error(where, f"'{value}' is not a date written as {form}")
            return
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            day = datetime.date(parts[0], parts[1], parts[2])
        except ValueError:
            self.error(where, f"'{value}' is not a real date ({form})")
            return
        if day > self.today:
            self.error(
                where,
                f"'{value}' is in the future (today is {self.today.isoformat()}); "
                "write the day the fact was actually checked",
            )
        elif day.year < 1990:
            self.error(where, f"'{value}' is too early to be a real date for this site")

    def url(self, value, where):
        if not isinstance(value, str):
            self.error(where, f"should be a web address starting with https://, but it is {_kind(value)}")
            return
        parsed = urllib.parse.urlsplit(value)
        if (
            parsed.scheme not in ("http", "https")
            or not parsed.netloc
            or "." not in parsed.netloc
            or re.search(r"\s", value)
        ):
            self.error(where, f"'{value}' is not a web address (expected https://host/path, with no spaces)")

    def fact(self, value, where, keys, may_hide=True):
        """The keys every fact carries: sources, checked, confidence, publish."""
        if not self.mapping(value, where, keys):
            return False
        self.fact_sources(value.get("sources"), f"{where}.sources", where)
        if "checked" not in value:
            self.error(where, "has no date: add `checked: YYYY-MM-DD`, the day you read it in its source")
        else:
            self.date(value["checked"], f"{where}.checked")
        conf = value.get("confidence")
        publish = value.get("publish", True)
        if "publish" in value and not isinstance(publish, bool):
            self.error(f"{where}.publish", f"should be true or false, not '{publish}'")
        if "confidence" not in value:
            pass  # already reported as a missing key
        elif conf == "U":
            self.error(
                f"{where}.confidence",
                "is U (unknown): a fact with no source cannot be "
                "stored as a fact; describe it under `unknowns` instead",
            )
        elif conf not in CONFIDENCE:
            self.error(
                f"{where}.confidence",
                f"'{conf}' is not a confidence tag; use C, S or W "
                f"({'; '.join(f'{k} = {v}' for k, v in CONFIDENCE.items() if k != 'U')})",
            )
        elif conf == "W" and publish is not False:
            self.error(
                where,
                "is tagged W (weak), and W facts are never shown on the site: "
                "add `publish: false`, or find a second independent source and tag it S",
            )
        return True

    def fact_sources(self, value, where, fact_where):
        if value is None:
            self.error(
                fact_where,
                "has no source: add `sources: [id]` naming at least one "
                "entry of the `sources:` list at the top of the file",
            )
            return
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.error(where, "should list at least one source id, like `sources: [a, b]`")
            return
        for sid in value:
            if sid not in self.source_ids:
                hint = difflib.get_close_matches(str(sid), sorted(self.source_ids), n=1)
                maybe = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.error(
                    where,
                    f"names the source '{sid}', which is not in the `sources:` list at the top of the file{maybe}",
                )
            self.used_sources.add(sid)

    def number(self, value, where):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads 95558 as a number; that is fine
        if not isinstance(value, str) or not NUMBER_RE.match(value):
            self.error(where, f"'{value}' is not a valid Chinese service number (expected {NUMBER_FORMS})")

    # -- the record --------------------------------------------------------

    def record(self, rec, stem):
        if not self.mapping(rec, "", TOP_KEYS):
            return
        rid = rec.get("id")
        if not isinstance(rid, str) or not ID_RE.match(rid):
            self.error("id", f"'{rid}' should be a short lower-case id like 'citic'")
        elif stem is not None and rid != stem:
            self.error(
                "id",
                f"'{rid}' does not match the file name: the file should be "
                f"data/banks/{rid}.yml, or the id should be '{stem}'",
            )
        order = rec.get("order")
        if "order" in rec and (not isinstance(order, int) or isinstance(order, bool) or order < 1):
            self.error("order", f"'{order}' should be a whole number from 1 up (position in menus)")

        self.sources(rec.get("sources"))
        if "names" in rec:
            self.names(rec["names"])
        if "phones" in rec:
            self.phones(rec["phones"])
        if "apps" in rec:
            for i, app in enumerate(self.sequence(rec["apps"], "apps")):
                w = f"apps[{i}]"
                if self.fact(app, w, APP_KEYS):
                    if not isinstance(app.get("name"), str) or not app.get("name", "").strip():
                        self.error(f"{w}.name", "is missing the app's name as shown in the app store")
                    if "kind" in app and app["kind"] not in APP_KINDS:
                        self.error(f"{w}.kind", f"'{app['kind']}' should be one of {_list(APP_KINDS)}")
                    if "note" in app:
                        self.text(app["note"], f"{w}.note")
        if "official_page" in rec:
            page = rec["official_page"]
            if self.fact(page, "official_page", PAGE_KEYS):
                if "url" in page:
                    self.url(page["url"], "official_page.url")
                if "note" in page:
                    self.text(page["note"], "official_page.note")
        if "plan_route" in rec:
            route = rec["plan_route"]
            if self.fact(route, "plan_route", ROUTE_KEYS) and "steps" in route:
                for i, step in enumerate(self.sequence(route["steps"], "plan_route.steps", 1)):
                    self.text(step, f"plan_route.steps[{i}]")
        if "unknowns" in rec:
            self.unknowns(rec["unknowns"])
        if "dated_facts" in rec:
            for i, block in enumerate(self.sequence(rec["dated_facts"], "dated_facts")):
                w = f"dated_facts[{i}]"
                if not self.fact(block, w, DATED_KEYS):
                    continue
                if "title" in block:
                    self.text(block["title"], f"{w}.title")
                if "intro" in block:
                    self.text(block["intro"], f"{w}.intro")
                if "as_of" in block:
                    self.date(block["as_of"], f"{w}.as_of", MONTH_RE, "YYYY or YYYY-MM")
                if "calculator" in block and not (
                    isinstance(block["calculator"], str) and ID_RE.match(block["calculator"])
                ):
                    self.error(
                        f"{w}.calculator",
                        f"'{block['calculator']}' should be a calculator run name like installment_apr",
                    )
                for j, item in enumerate(self.sequence(block.get("items"), f"{w}.items", 1)):
                    self.text(item, f"{w}.items[{j}]")

        if "terms" in rec:
            self.terms(rec["terms"])
        if "reports" in rec:
            self.reports(rec["reports"])

        unused = self.source_ids - self.used_sources
        for sid in sorted(unused):
            self.error(f"sources.{sid}", "is listed but no fact uses it: remove it or cite it")

    def terms(self, value):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.error(
                "terms",
                f"should be a mapping of card terms (write `terms: {{}}` if none "
                f"has a source), but it is {_kind(value)}",
            )
            return
        for key, term in value.items():
            w = f"terms.{key}"
            if key not in TERM_KINDS:
                hint = difflib.get_close_matches(str(key), TERM_KINDS, n=1)
                maybe = f" (did you mean '{hint[0]}'?)" if hint else ""
                self.error(w, f"is not a card term this site shows{maybe}; use one of {_list(TERM_KINDS)}")
                continue
            if not self.fact(term, w, TERM_KEYS):
                continue
            if "text" in term:
                self.text(term["text"], f"{w}.text")
            if "note" in term:
                self.text(term["note"], f"{w}.note")
            if "as_of" in term:
                self.date(term["as_of"], f"{w}.as_of", MONTH_RE, "YYYY or YYYY-MM")
            if "calc" in term:
                self.term_calc(term["calc"], key, f"{w}.calc")

    def term_calc(self, calc, kind, where):
        allowed = TERM_CALC.get(kind, {})
        if not allowed:
            self.error(where, f"is not used: no calculator takes the {kind} term; remove `calc`")
            return
        if not self.mapping(calc, where, (set(), set(allowed))):
            return
        if not calc:
            self.error(where, "is empty: remove it, or give at least one figure")
        for name, value in calc.items():
            if name not in allowed:
                continue
            unit, low, high = allowed[name]
            w = f"{where}.{name}"
            example = '"0.05" for 5 %' if unit == "rate" else '"20" for 20 yuan'
            if not isinstance(value, str):
                self.error(w, f"should be written in quotes as an exact decimal, like {example} (it is {_kind(value)})")
                continue
            try:
                number = decimal.Decimal(value)
            except decimal.InvalidOperation:
                number = None
            if number is None or not number.is_finite() or not re.match(r"^\d+(\.\d+)?$", value):
                self.error(w, f"'{value}' is not a plain decimal number like {example}")
            elif not decimal.Decimal(low) <= number <= decimal.Decimal(high):
                what = 'a fraction: 5 % is written "0.05"' if unit == "rate" else "an amount in yuan"
                self.error(w, f"'{value}' is outside {low}–{high}; it is {what}")

    def reports(self, value):
        if value is None:
            value = []
        allowed = REPORT_FIELDS[0] | REPORT_FIELDS[1]
        for i, rep in enumerate(self.sequence(value, "reports")):
            w = f"reports[{i}]"
            if not isinstance(rep, dict):
                self.error(w, f"should be a mapping with the keys {_list(REPORT_FIELDS[0])}, but it is {_kind(rep)}")
                continue
            for key in sorted(set(rep) - allowed, key=str):
                self.error(
                    f"{w}.{key}",
                    "is not allowed: a report may hold only "
                    f"{_list(allowed)}. Anything else (a name, a card or "
                    "phone number, an amount, a place, free text) could "
                    "identify the reader: remove it",
                )
            for key in sorted(REPORT_FIELDS[0] - set(rep)):
                self.error(w, f"is missing the key '{key}'")
            for key, (low, high) in REPORT_NUMBERS.items():
                if key in rep:
                    v = rep[key]
                    if not isinstance(v, int) or isinstance(v, bool) or not low <= v <= high:
                        self.error(f"{w}.{key}", f"'{v}' should be a whole number from {low} to {high}")
            for key, choices in REPORT_CHOICES.items():
                if key in rep and rep[key] not in choices:
                    self.error(f"{w}.{key}", f"'{rep[key]}' should be one of {_list(choices)}")
            if "month" in rep:
                if isinstance(rep["month"], str) and DATE_RE.match(rep["month"]):
                    self.error(
                        f"{w}.month",
                        f"'{rep['month']}' has a day: keep only the year and "
                        "month (YYYY-MM), so that the report says less about the reader",
                    )
                else:
                    self.date(rep["month"], f"{w}.month", re.compile(r"^\d{4}-\d{2}$"), "YYYY-MM")
            if "added" in rep:
                self.date(rep["added"], f"{w}.added")
            outcome = rep.get("outcome")
            plan = [k for k in REPORT_PLAN if k in rep]
            if outcome == "agreed":
                for key in REPORT_PLAN:
                    if key not in rep:
                        self.error(w, f"is missing the key '{key}' (the plan the bank agreed)")
            elif outcome == "refused" and plan:
                self.error(w, f"says the bank refused, so it has no plan: remove {_list(plan)}")

    def sources(self, value):
        if value is None:
            return  # reported as a missing key
        if not isinstance(value, dict) or not value:
            self.error(
                "sources",
                "should be a mapping of source ids to sources, like `a: {label: {zh: ..., en: ...}, url: https://...}`",
            )
            return
        for sid, src in value.items():
            w = f"sources.{sid}"
            if not isinstance(sid, str) or not ID_RE.match(sid):
                self.error(w, f"'{sid}' should be a short lower-case id (letters, digits, _)")
                continue
            self.source_ids.add(sid)
            if self.mapping(src, w, SOURCE_KEYS):
                if "label" in src:
                    self.text(src["label"], f"{w}.label")
                if "url" in src:
                    self.url(src["url"], f"{w}.url")

    def names(self, names):
        if not self.mapping(names, "names", NAMES_KEYS):
            return
        for key, lang in (("zh_short", "zh"), ("zh_full", "zh"), ("en_official", "en")):
            w = f"names.{key}"
            if key in names and self.fact(names[key], w, NAME_KEYS) and "text" in names[key]:
                self.language(names[key]["text"], f"{w}.text", lang)
        for key in ("zh_short", "en_official"):
            if isinstance(names.get(key), dict) and names[key].get("publish") is False:
                self.error(
                    f"names.{key}",
                    "must be published: the page needs it as a heading; find a source good enough to tag it C or S",
                )
        short = names.get("en_short")
        if "en_short" in names:
            self.language(short, "names.en_short", "en")
            official = names.get("en_official")
            official = official.get("text") if isinstance(official, dict) else None
            if isinstance(short, str) and isinstance(official, str) and not official.startswith(short):
                self.error(
                    "names.en_short",
                    f"'{short}' should be the start of the official name "
                    f"'{official}' (the official name without 'Co., Ltd.' etc.)",
                )

    def phones(self, phones):
        if not self.mapping(phones, "phones", PHONES_KEYS):
            return
        for group, keys, minimum in (
            ("card_service", PHONE_KEYS, 1),
            ("general", PHONE_KEYS, 1),
            ("vip", PHONE_KEYS, 0),
            ("former", FORMER_KEYS, 0),
        ):
            if group not in phones:
                continue
            shown = 0
            for i, entry in enumerate(self.sequence(phones[group], f"phones.{group}", minimum)):
                w = f"phones.{group}[{i}]"
                if not self.fact(entry, w, keys):
                    continue
                if "number" in entry:
                    self.number(entry["number"], f"{w}.number")
                for extra in ("hint", "note"):
                    if extra in entry:
                        self.text(entry[extra], f"{w}.{extra}")
                if entry.get("publish", True) is not False and entry.get("confidence") in PUBLISHABLE:
                    shown += 1
            if group == "card_service" and isinstance(phones[group], list) and phones[group] and not shown:
                self.error(
                    "phones.card_service",
                    "has no number that can be shown: at least one card-service number must be tagged C or S",
                )

    def unknowns(self, value):
        abouts = set()
        for i, item in enumerate(self.sequence(value, "unknowns", 1)):
            w = f"unknowns[{i}]"
            if not self.mapping(item, w, UNKNOWN_KEYS):
                continue
            about = item.get("about")
            if "about" in item and about not in UNKNOWN_ABOUT:
                self.error(f"{w}.about", f"'{about}' should be one of {_list(UNKNOWN_ABOUT)}")
            abouts.add(about)
            if "text" in item:
                self.text(item["text"], f"{w}.text")
            self.fact_sources(item.get("sources"), f"{w}.sources", w)
            if "checked" in item:
                self.date(item["checked"], f"{w}.checked")
            if "confidence" in item and item["confidence"] != "U":
                self.error(
                    f"{w}.confidence",
                    f"is '{item['confidence']}', but everything under "
                    "`unknowns` is U (not known); if you found a source, "
                    "move it out of `unknowns` as a fact",
                )
        if isinstance(value, list) and "negotiation_policy" not in abouts:
            self.error(
                "unknowns",
                "needs an entry with `about: negotiation_policy` that says plainly "
                "that the bank's own negotiation policy is not known",
            )


def validate(record, path="record", today=None):
    """Check one record (a dict read from YAML).  Returns a list of messages; empty means valid.

    ``path`` is used in the messages and, if it names a file, its stem must equal the id.
    """
    today = today or datetime.date.today()
    check = _Check(path, today)
    stem = Path(path).stem if str(path).endswith((".yml", ".yaml")) else None
    check.record(record, stem)
    return check.messages


def validate_records(pairs, today=None):
    """Check several (path, record) pairs, including what must differ between banks."""
    messages, ids, orders = [], {}, {}
    for path, rec in pairs:
        messages += validate(rec, path, today)
        if isinstance(rec, dict):
            if isinstance(rec.get("id"), str):
                if rec["id"] in ids:
                    messages.append(f"{path}: id '{rec['id']}' is also used by {ids[rec['id']]}")
                ids.setdefault(rec["id"], path)
            if isinstance(rec.get("order"), int):
                if rec["order"] in orders:
                    messages.append(
                        f"{path}: order {rec['order']} is also used by "
                        f"{orders[rec['order']]}; give each bank its own position"
                    )
                orders.setdefault(rec["order"], path)
    return messages


def validate_files(paths, today=None):
    """Read and check YAML files.  Returns (records, messages)."""
    pairs, messages = [], []
    for path in paths:
        data, problems = read_yaml(path)
        messages += problems
        if data is not None or not problems:
            pairs.append((str(path), data))
    messages += validate_records(pairs, today)
    return [rec for _, rec in pairs], messages


def load_banks(data_dir, today=None):
    """Load every ``*.yml`` in data_dir, sorted by ``order``.  Raises BankDataError if any is invalid."""
    paths = [_display(p) for p in sorted(Path(data_dir).glob("*.yml"))]
    if not paths:
        raise BankDataError([f"{data_dir}: no bank records (*.yml) found"])
    records, messages = validate_files(paths, today)
    if messages:
        raise BankDataError(messages)
    return sorted(records, key=lambda r: r["order"])


def _display(path):
    """The path as a contributor would type it: relative to the current folder when possible."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


def is_shown(fact):
    """True if a fact may appear on the site (tagged C or S and not `publish: false`)."""
    return isinstance(fact, dict) and fact.get("confidence") in PUBLISHABLE and fact.get("publish", True) is not False


def _list(items):
    return ", ".join(sorted(str(i) for i in items))


def _kind(value):
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", str: f"the text '{_short(value)}'"}.get(type(value), f"'{value}'")


def _short(text, size=40):
    text = str(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(
            "usage: python -m macros.bank_schema data/banks/*.yml\n\n"
            "Checks bank records; prints one line per problem; exit status 1 if any."
        )
        return 0 if argv else 2
    _, messages = validate_files(argv)
    for message in messages:
        print(message)
    if messages:
        print(
            f"\n{len(messages)} problem{'s' if len(messages) != 1 else ''} found. "
            "See CONTRIBUTING.md, 'How to fix or add a bank'.",
            file=sys.stderr,
        )
        return 1
    print(f"OK: {len(argv)} bank record{'s' if len(argv) != 1 else ''} valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
