"""The call log: its columns, one empty row per bank, and its CSV.

The kit page's "Download CSV" gets its file from :func:`call_log_csv`: the page sends the rows it
holds to :func:`calculators.web.handle` as the ``call_log`` export; no CSV is written in JavaScript.

>>> [h for _, h in call_log_columns("en")][:4]
['Date', 'Time', 'Bank', 'Number called']
"""

from __future__ import annotations

from .._core import t
from ..csv_export import to_csv
from .plan import BANKS_BY_ID, bank_name

__all__ = ["CALL_LOG", "call_log_columns", "call_log_template", "call_log_csv", "csv_bytes"]

CALL_LOG = (
    ("date", t("日期", "Date")),
    ("time", t("时间", "Time")),
    ("bank", t("银行", "Bank")),
    ("number", t("拨打的号码", "Number called")),
    ("agent", t("客服姓名或工号", "Agent name or staff number")),
    ("said", t("说了什么", "What was said")),
    ("agreed", t("约定了什么", "What was agreed")),
    ("next_step", t("下一步", "Next step")),
)


def call_log_columns(lang: str) -> list:
    """``[(key, header), ...]`` of the call log in ``lang``."""
    return [(k, lab[lang]) for k, lab in CALL_LOG]


def call_log_template(plans: list, lang: str) -> list:
    """One empty row per bank with its name and card-service number filled in."""
    return [
        {k: "" for k, _ in CALL_LOG} | {"bank": bank_name(p["bank"], lang), "number": BANKS_BY_ID[p["bank"]]["phone"]}
        for p in plans
    ]


def call_log_csv(rows: list, lang: str) -> str:
    """The call log as CSV text by the site's one writer (:func:`calculators.csv_export.to_csv`):
    a UTF-8 byte-order mark, the header in ``lang``, CRLF rows, formula-like cells neutralised.
    Rows left entirely empty are skipped.

    >>> call_log_csv([{"date": "2027-01-15", "bank": "中信银行", "number": "400-889-5558"}, {}], "zh").splitlines()[1:]
    ['2027-01-15,,中信银行,400-889-5558,,,,']
    """
    keys = [k for k, _ in CALL_LOG]
    body = [
        [row.get(k) for k in keys]
        for row in rows
        if isinstance(row, dict) and any(row.get(k) not in (None, "") for k in keys)
    ]
    return to_csv([h for _, h in call_log_columns(lang)], body)


def csv_bytes(text: str) -> bytes:
    """CSV text as the bytes of the downloaded file: UTF-8 with a BOM (added if missing), so Excel reads Chinese.

    >>> csv_bytes("日期")[:3] == "\ufeff".encode("utf-8")
    True
    """
    return (text if text.startswith("\ufeff") else "\ufeff" + text).encode("utf-8")
