"""Issue 12 in a real browser: from a bank page to a calculator with that bank's terms filled in.

A reader on the China Merchants Bank page taps "Work out the cost of waiting": the overdue-cost
calculator opens with the bank's sourced daily rate and late-fee rule in the form, and the result
shown is the one the Python calculator gives for that form. On a calculator page, tapping a bank
in the list does the same without leaving the page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_banks import DATA

from macros import banks
from macros.bank_schema import read_yaml

from browser_helpers import (
    READY_TIMEOUT_MS,
    expected_outputs,
    form_of,
    outputs_of,
    same_numbers,
    wait_computed,
    wait_settled,
)

pytestmark = pytest.mark.browser

CMB = read_yaml(DATA / "cmb.yml")[0]
ICBC = read_yaml(DATA / "icbc.yml")[0]
LINK_TEXT = {"zh": "计算逾期成本", "en": "Work out the cost of waiting"}


def _check_filled(page, rec, calc):
    form = form_of(page)
    for name, text in banks.term_inputs(rec, calc).items():
        assert form[name] == text, (name, form[name], text)
    assert wait_settled(page) == "ready"
    wait_computed(page)
    assert same_numbers(outputs_of(page), expected_outputs(calc, form_of(page)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bank_page_link_opens_the_calculator_with_the_banks_terms(live, site_server, lang):
    _, page, _ = live
    prefix = "/en" if lang == "en" else ""
    page.goto(f"{site_server}{prefix}/banks/cmb/")
    page.click(f"article a:has-text('{LINK_TEXT[lang]}')")
    page.wait_for_url("**/calculators/overdue-cost/#*", timeout=READY_TIMEOUT_MS)
    _check_filled(page, CMB, "overdue_cost")
    form = form_of(page)
    assert Decimal(form["daily_rate"]) == Decimal("0.05") and form["late_fee_min"] == "10"
    assert form["late_fee_max"] == ""  # the source gives no cap: nothing is carried over
    assert not page.errors


def test_calculator_page_bank_list_fills_in_that_bank(live, site_server):
    _, page, _ = live
    page.goto(f"{site_server}/en/calculators/overdue-cost/")
    assert wait_settled(page) == "ready"
    page.click("#bank-terms ~ ul a:has-text('Industrial and Commercial Bank of China')")
    page.wait_for_function("() => document.querySelector('[name=late_fee_max]').value === '500'")
    _check_filled(page, ICBC, "overdue_cost")
    assert not page.errors
