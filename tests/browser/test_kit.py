"""The negotiation kit in a real browser: Debian's Chromium through Playwright.

What a reader would notice: typing three cards at two banks gives letters with their figures and
each bank's own number; Print puts only the chosen document on paper; nothing they type leaves the
browser or is stored unless they tick "remember", and "forget everything" really forgets; the call
log downloads as a CSV that Excel opens with the Chinese intact.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from calculators import fmt
from calculators import negotiation_kit as kit

from browser_helpers import CSP_PROBE  # tests/browser/conftest.py puts it on sys.path

pytestmark = pytest.mark.browser

READY_MS = 90_000
KEY = "card-debt-kit.v1"

# The reader of the "done when": three cards at two banks, typed on a phone.
READER = {
    "cards": [("icbc", "15000", "3"), ("ceb", "25000", ""), ("icbc", "8000", "")],
    "monthly_income_yuan": "9000",
    "essential_spending_yuan": "5200",
    "other_debt_payments_yuan": "0",
    "hardship_reason": "illness",
    "hardship_detail": "母亲住院，收入减少",  # full-width comma, as typed on a phone
    "name": "李小梅",
    "start_date": "2027-02-10",
}


def expected():
    """What the calculators compute for READER (the page must show exactly the same)."""
    import calculators

    out = calculators.run(
        "negotiation_kit",
        {
            "cards": [{"bank": b, "balance_yuan": v, "overdue_months": m} for b, v, m in READER["cards"]],
            **{k: v for k, v in READER.items() if k != "cards"},
        },
    )
    assert out["ok"], out
    return out["result"]


@pytest.fixture(scope="module")
def context(browser, site_server):
    """One phone-sized browser profile for the module (the runtime stays in its HTTP cache).

    ``browser`` (Debian's Chromium) comes from tests/browser/conftest.py.
    """
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    ctx.add_init_script(CSP_PROBE)  # the site's strict CSP: the kit must not trip it
    # The Print buttons call window.print(); record the call instead of opening a dialog.
    ctx.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    yield ctx
    ctx.close()


class Session:
    """A page on the kit with every request of the profile recorded; storage starts empty."""

    def __init__(self, context, base, path="kit/"):
        self.base = base
        self.context = context
        self.requests = []
        self._record = lambda r: self.requests.append((r.method, r.url, r.post_data))
        context.on("request", self._record)
        self.page = context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(f"{base}/404.html")
        self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.goto(path)

    def goto(self, path):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_selector('[data-calculator="negotiation_kit"][data-kit-ready="true"]')

    def wait_ready(self):
        self.page.wait_for_selector('[data-calculator="negotiation_kit"][data-state="ready"]', timeout=READY_MS)

    def wait_result(self, text):
        """Wait until the shown result contains ``text`` (the worker answered for the new inputs)."""
        self.page.wait_for_function(
            "t => { const r = document.querySelector('[data-calculator=negotiation_kit] .calc-result');"
            " return r && r.textContent.includes(t); }",
            arg=text,
            timeout=READY_MS,
        )

    def storage(self):
        """localStorage, less the theme's own colour-scheme setting (Material's "__palette")."""
        stored = self.page.evaluate("() => Object.assign({}, window.localStorage)")
        return {k: v for k, v in stored.items() if not k.endswith("__palette")}

    def type_reader(self):
        page = self.page
        rows = page.locator('[data-list="cards"] .calc-rows > .calc-row')
        while rows.count() < len(READER["cards"]):
            page.click('[data-list="cards"] [data-action="add-row"]')
        for i, (bank, balance, months) in enumerate(READER["cards"]):
            page.select_option(f'[name="cards.{i}.bank"]', bank)
            page.fill(f'[name="cards.{i}.balance_yuan"]', balance)
            page.fill(f'[name="cards.{i}.overdue_months"]', months)
        for name in (
            "monthly_income_yuan",
            "essential_spending_yuan",
            "other_debt_payments_yuan",
            "hardship_detail",
            "name",
            "start_date",
        ):
            page.fill(f'[name="{name}"]', READER[name])
        page.select_option('[name="hardship_reason"]', READER["hardship_reason"])

    def doc_text(self, doc_id):
        return self.page.locator(f'.kit-doc[data-doc="{doc_id}"] pre.kit-plain').text_content()

    def csp_violations(self):
        return self.page.evaluate("window.__cspViolations || []")

    def close(self):
        self.context.remove_listener("request", self._record)
        self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.page.close()


@pytest.fixture
def session(context, site_server):
    s = Session(context, site_server)
    yield s
    assert not s.errors, s.errors
    assert not s.csp_violations(), s.csp_violations()
    s.close()


def test_three_cards_two_banks_give_letters_and_scripts_with_the_right_figures(session):
    """The issue's "done when": the reader's own letter and script, ready to use."""
    session.wait_ready()
    session.type_reader()
    exp = expected()
    session.wait_result(fmt.yuan(exp["plans"][0]["payment_yuan"], "zh"))
    session.wait_result("李小梅")
    page = session.page
    assert page.locator(".kit-plans [data-bank]").count() == 2
    for plan in exp["plans"]:
        row = page.locator(f'.kit-plans [data-bank="{plan["bank"]}"]')
        assert row.locator('[data-output="payment_yuan"]').get_attribute("data-value") == str(plan["payment_yuan"])
        assert row.locator('[data-output="periods"]').get_attribute("data-value") == str(plan["periods"])
        own = kit.BANKS_BY_ID[plan["bank"]]["phone"]
        other = kit.BANKS_BY_ID["ceb" if plan["bank"] == "icbc" else "icbc"]["phone"]
        for doc in (f"letter-{plan['bank']}-zh", f"script-{plan['bank']}-zh", f"letter-{plan['bank']}-en"):
            text = session.doc_text(doc)
            assert text == kit.document_text(
                next(d for d in exp["documents"][doc.split("-")[0] + "s"] if d["bank"] == plan["bank"])[doc[-2:]]
            )
            assert own in text and (own == other or other not in text)
        letter = session.doc_text(f"letter-{plan['bank']}-zh")
        for figure in (plan["debt_yuan"], plan["share_yuan"], plan["payment_yuan"], exp["capacity_yuan"]):
            assert fmt.yuan(figure, "zh") in letter
        assert "李小梅" in letter and "母亲住院" in letter and "2027年2月10日" in letter
    # Everbright's card line needs "press 8" (one source only): the script says so, and says it is unconfirmed.
    ceb_script = session.doc_text("script-ceb-zh")
    assert "95595（接通后按 8；" in ceb_script and "没有确认" in ceb_script
    assert page.get_attribute('[data-output="capacity_yuan"]', "data-value") == str(exp["capacity_yuan"])
    # The reader's data never travels in a link: no "copy link" button on the kit.
    assert not page.locator('[data-calculator="negotiation_kit"] [data-action="share"]').is_visible()

    # Asking for 61 months is refused, with the reason, next to the field.
    page.fill('[name="periods"]', "61")
    box = page.locator('[data-field="periods"] .calc-error')
    box.wait_for(state="visible", timeout=READY_MS)
    assert "第七十条" in box.text_content() and "60" in box.text_content()


def test_printing_shows_only_the_chosen_document(session):
    page = session.page
    letter = page.locator(".kit-doc-wrap").first
    doc_id = letter.locator(".kit-doc").get_attribute("data-doc")
    letter.locator('[data-kit-action="print"]').click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    root = page.locator("#kit-print-root")
    assert root.is_visible()
    assert root.locator(f'.kit-doc[data-doc="{doc_id}"]').count() == 1
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        "form.calc-form",
        ".kit-plans",
        "#kit-calllog",
        ".md-footer",
        "h1",
    ):
        assert all(not el.is_visible() for el in page.locator(hidden).all()), hidden
    printed = root.inner_text()
    assert "400-889-5558" in printed and "协商还款申请书" in printed
    assert "复制" not in printed and "下载" not in printed
    # After printing, the page is back to normal.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator("form.calc-form").is_visible()


def test_call_log_prints_and_downloads_as_csv_with_chinese_intact(session):
    """The file is Python's (call_log_csv through csv_export): a formula typed into the log stays text."""
    page = session.page
    session.wait_ready()
    page.click('[data-kit-action="log-add-banks"]')  # the example's banks: CITIC and CMB
    rows = page.locator("#kit-calllog tbody tr.kit-log-row")
    assert rows.count() == 3  # the empty first row and one per bank
    rows.nth(1).locator('[data-col="date"]').fill("2027-01-05")
    rows.nth(1).locator('[data-col="time"]').fill("10:30")
    rows.nth(1).locator('[data-col="agent"]').fill("工号 8823")
    rows.nth(1).locator('[data-col="agreed"]').fill('需要提交材料，三个工作日内回电，说 "好的", 再确认')
    rows.nth(1).locator('[data-col="next_step"]').fill("=寄材料")
    rows.nth(2).locator('[data-col="said"]').fill('=HYPERLINK("http://example.invalid","点这里")')
    with page.expect_download() as dl:
        page.click('[data-kit-action="log-csv"]')
    data = open(dl.value.path(), "rb").read()
    assert dl.value.suggested_filename == "通话记录.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    want = kit.call_log_csv(
        [
            {
                "date": "2027-01-05",
                "time": "10:30",
                "bank": "中信银行",
                "number": "400-889-5558",
                "agent": "工号 8823",
                "agreed": '需要提交材料，三个工作日内回电，说 "好的", 再确认',
                "next_step": "=寄材料",
            },
            {"bank": "招商银行", "number": "400-820-5555", "said": '=HYPERLINK("http://example.invalid","点这里")'},
        ],
        "zh",
    )
    assert data.decode("utf-8-sig") == want.lstrip("\ufeff")
    assert '\'=HYPERLINK(""http://example.invalid""' in data.decode("utf-8-sig"), "the formula must be neutralised"
    # Printing the log: the typed entries as text, nothing else of the page.
    page.click('#kit-calllog [data-kit-action="print"]')
    page.emulate_media(media="print")
    printed = page.locator("#kit-print-root").inner_text()
    assert "工号 8823" in printed and "客服姓名或工号" in printed
    assert not page.locator("form.calc-form").is_visible()


def test_copy_and_download_give_the_document_text(session):
    page = session.page
    doc = page.locator(".kit-doc").first
    doc_id = doc.get_attribute("data-doc")
    want = session.doc_text(doc_id)
    page.locator(f'.kit-doc-tools [data-kit-action="copy"][data-doc-id="{doc_id}"]').click()
    page.wait_for_function("() => document.querySelector('.kit-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == want
    with page.expect_download() as dl:
        page.locator(f'[data-kit-action="download"][data-doc-id="{doc_id}"]').click()
    assert open(dl.value.path(), "rb").read().decode("utf-8-sig") == want


def test_nothing_is_stored_unless_the_reader_opts_in_and_forget_clears_it(session):
    page = session.page
    session.wait_ready()
    session.type_reader()
    session.wait_result("李小梅")
    page.click('[data-kit-action="log-add"]')
    page.locator("#kit-calllog tbody tr.kit-log-row").last.locator('[data-col="agent"]').fill("王经理")
    page.wait_for_timeout(600)
    assert session.storage() == {}, "stored without the reader asking"
    assert "李小梅" not in page.url and "%E6%9D%8E" not in page.url, "typed data went into the address"
    assert page.evaluate("JSON.stringify(Object.assign({}, sessionStorage))").find("李小梅") < 0

    page.check("#kit-remember")
    page.wait_for_function(f"() => !!localStorage.getItem('{KEY}')")
    saved = json.loads(session.storage()[KEY])
    assert saved["form"]["name"] == "李小梅" and saved["form"]["cards.2.bank"] == "icbc"
    assert any(r.get("agent") == "王经理" for r in saved["log"])

    # Next visit: everything is back, and the result is computed for it.
    session.goto("kit/")
    assert page.is_checked("#kit-remember")
    assert page.input_value('[name="name"]') == "李小梅"
    assert page.locator('[data-list="cards"] .calc-rows > .calc-row').count() == 3
    assert page.input_value('[name="cards.1.bank"]') == "ceb"
    assert (
        page.locator('#kit-calllog [data-col="agent"]').evaluate_all("els => els.map(e => e.value)").count("王经理")
        == 1
    )
    session.wait_ready()
    session.wait_result("李小梅")

    page.click("#kit-forget")
    assert session.storage() == {}
    assert not page.is_checked("#kit-remember")
    assert page.input_value('[name="name"]') == ""
    # Back to the empty form: the example is a hint, not a value.
    assert page.input_value('[name="cards.0.balance_yuan"]') == ""
    assert kit.EXAMPLE_CARDS[0]["balance_yuan"] in page.get_attribute('[name="cards.0.balance_yuan"]', "placeholder")
    assert page.locator('#kit-calllog [data-col="agent"]').evaluate_all("els => els.map(e => e.value)") == [""]
    session.goto("kit/")
    assert session.storage() == {} and page.input_value('[name="name"]') == ""


def test_no_request_leaves_the_site(session):
    """Load, type, compute, copy, download, print, save: every request is to the site itself."""
    page = session.page
    session.wait_ready()
    session.type_reader()
    session.wait_result("李小梅")
    page.check("#kit-remember")
    page.click('[data-kit-action="log-add-banks"]')
    with page.expect_download():
        page.click('[data-kit-action="log-csv"]')
    page.locator('[data-kit-action="print"]').first.click()
    page.wait_for_timeout(500)
    assert session.requests
    for method, url, body in session.requests:
        assert url.startswith(session.base + "/") or url.startswith(("blob:", "data:")), url
        assert method == "GET" and not body, (method, url)
        text = unquote(url)
        for typed in ("李小梅", "母亲住院", "15000", "25000"):
            assert typed not in text, f"{typed!r} in a request: {url}"


def test_english_page_has_the_english_texts_and_the_chinese_letter(context, site_server):
    s = Session(context, site_server, "en/kit/")
    try:
        page = s.page
        assert page.locator('.kit-doc[data-doc="letter-citic-zh"]').count() == 1
        assert page.locator('.kit-doc[data-doc="letter-citic-en"]').count() == 1
        assert page.locator('.kit-doc[data-doc="script-citic-en"]').count() == 1
        assert page.locator('.kit-doc[data-doc="checklist-en"]').count() == 1
        assert "Forget everything" in page.inner_text("#kit-storage")
        assert "Number called" in page.inner_text("#kit-calllog thead")
        s.wait_ready()
        with page.expect_download() as dl:
            page.click('[data-kit-action="log-csv"]')
        head = open(dl.value.path(), "rb").read().decode("utf-8-sig").splitlines()[0]
        assert head == "Date,Time,Bank,Number called,Agent name or staff number,What was said,What was agreed,Next step"
    finally:
        s.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_the_calculator_the_call_log_says_when_its_csv_is_available(context, site_server, lang):
    """The CSV is written by Python: where it cannot run, the log says so plainly and still prints."""
    s = Session(context, site_server, ("kit/" if lang == "zh" else "en/kit/") + "?calc-test=no-worker")
    try:
        page = s.page
        page.wait_for_selector('[data-calculator="negotiation_kit"][data-state="error"]')
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        page.click('[data-kit-action="log-csv"]')
        status = page.locator("#kit-calllog .kit-log-status")
        page.wait_for_function("() => document.querySelector('#kit-calllog .kit-log-status').textContent.length > 0")
        text = status.inner_text()
        if lang == "zh":
            assert "计算器加载好以后" in text and "打印" in text
        else:
            assert "once the calculator has loaded" in text and "print" in text
            assert not re.search(r"[\u4e00-\u9fff]", text)
        page.wait_for_timeout(300)
        assert downloads == []
        page.click('#kit-calllog [data-kit-action="print"]')
        assert page.evaluate("window.__printed") == 1
    finally:
        s.close()


def test_the_page_starts_empty_with_the_example_marked_and_gives_a_calendar_for_the_reader_s_plan(session):
    """Issue 13 and issue 11: hints not values; the example marked; the reader's plan as an .ics file."""
    page = session.page
    assert page.input_value('[name="other_debt_payments_yuan"]') == ""
    assert page.input_value('[name="monthly_income_yuan"]') == ""
    assert page.input_value('[name="hardship_reason"]') == ""
    assert "示例 / Example" in page.inner_text(".calc-result")
    session.wait_ready()
    assert not page.locator('[data-action="ics"]').is_visible()  # no calendar for the example
    session.type_reader()
    session.wait_result("李小梅")
    assert "示例" not in page.inner_text(".calc-result")
    button = page.locator('[data-action="ics"]')
    button.wait_for(state="visible", timeout=READY_MS)
    with page.expect_download() as dl:
        button.click()
    assert dl.value.suggested_filename.endswith(".ics")
    data = open(dl.value.path(), "rb").read()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"DTSTART;VALUE=DATE:20270210" in data


def test_a_bank_page_link_preselects_the_bank(context, site_server):
    s = Session(context, site_server, "kit/?bank=ceb")
    try:
        assert s.page.input_value('[name="cards.0.bank"]') == "ceb"
        s.wait_ready()
        s.wait_result("95595")
        assert s.page.locator('.kit-plans [data-bank="ceb"]').count() == 1
        # Nothing typed yet: it is the worked example, and says so.
        assert "示例 / Example" in s.page.inner_text(".calc-result")
    finally:
        s.close()
