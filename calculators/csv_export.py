"""Every CSV file the site produces, from one writer that is safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by Excel, WPS and LibreOffice: a card named ``=HYPERLINK(...)`` would become a live
link in the reader's own file. :func:`safe_cell` puts an apostrophe in front of such a cell
(the spreadsheet shows the text as typed and hides the apostrophe); a plain number such as
``-5.00`` is left alone, since it is a number, not a formula.

Conventions
-----------
- UTF-8 with a byte-order mark (so Excel on Windows reads Chinese correctly), CRLF rows,
  every value through :func:`safe_cell`.

>>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-5.00"), safe_cell("@SUM(A1)"), safe_cell(None)
('\\'=HYPERLINK("http://x")', '-5.00', "'@SUM(A1)", '')
>>> to_csv(["名称", "欠款"], [["A", "100.00"], ["+86 call me", "5"]]).splitlines()
['\\ufeff名称,欠款', 'A,100.00', "'+86 call me,5"]
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["safe_cell", "to_csv", "FORMULA_PREFIXES"]

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def safe_cell(value) -> str:
    """``value`` as CSV cell text that no spreadsheet runs as a formula."""
    s = "" if value is None else str(value)
    if s[:1] in FORMULA_PREFIXES and not _PLAIN_NUMBER.match(s):
        return "'" + s
    return s


def to_csv(header, rows) -> str:
    """CSV text: a UTF-8 byte-order mark, ``header``, then ``rows``; CRLF line ends; cells made safe."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([safe_cell(h) for h in header])
    for row in rows:
        w.writerow([safe_cell(v) for v in row])
    return "\ufeff" + buf.getvalue()
