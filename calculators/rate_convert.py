"""日利率换算 · Converting a card's daily interest rate into annual and monthly rates.

Card interest is usually quoted per day (the long-standing market rate is
0.05 % a day, 万分之五). This module shows what that means per month and per
year, with and without compounding.

Conventions
-----------
* ``daily_rate`` ``d`` is a fraction (``Decimal("0.0005")`` = 0.05 %).
* ``annual_simple_365 = 365 d`` and ``annual_simple_360 = 360 d`` (simple,
  no compounding; some contracts count a 360-day year).
* ``monthly_rate = d x cycle_days`` (simple interest over one statement
  cycle, default 30 days).
* ``annual_effective_monthly_compound = (1 + d x cycle_days) ** (365 / cycle_days) - 1``:
  interest added to the balance at the end of every cycle of
  ``cycle_days`` days (the old rule "按月计收复利"), over a 365-day year.
* ``annual_effective_daily_compound_365 = (1 + d) ** 365 - 1``.
* ``interest_on_10000_per_cycle_yuan = 10,000 x d x cycle_days`` (simple),
  a concrete figure, ROUND_HALF_UP to the fen.
* Rates ROUND_HALF_UP to 1e-6. Which day count and compounding a bank uses
  is in its contract; this page shows the range.

References
----------
.. [1] 《银行卡业务管理办法》 (PBoC, 1999), Art. 23: card overdrafts compounded
   monthly at 0.05 % a day (superseded).
.. [2] 《中国人民银行关于信用卡业务有关事项的通知》 (银发〔2016〕111号): from
   2017 a band of 0.05 % a day (upper) to 0.035 % (lower).
.. [3] 《中国人民银行关于推进信用卡透支利率市场化改革的通知》 (银发〔2020〕327号):
   from 2021 the band is abolished and the rate is agreed; annualised rates
   must be shown prominently.
   https://xining.pbc.gov.cn/zhengwugongkai/4081330/4406346/4693549/4159909/index.html
.. [4] Bank of China 中银长城国际卡 fee page (c. 2017): "循环信贷利率 日息0.05%".

Examples
--------
>>> import calculators
>>> r = calculators.run("rate_convert", {"daily_rate": "0.05%", "cycle_days": "30"})["result"]
>>> r["annual_simple_365"], r["monthly_rate"], r["annual_effective_daily_compound_365"]
(Decimal('0.182500'), Decimal('0.015000'), Decimal('0.200159'))
"""

from __future__ import annotations

from decimal import Decimal

from ._core import DAYS, Calculator, Field, Output, fmt_pct, fmt_yuan, money, rate, t

__all__ = ["CALCULATOR", "convert", "compute", "explain"]


def convert(daily: Decimal, cycle_days: int) -> dict:
    """All the conversions of ``daily`` (a fraction), unrounded.

    >>> c = convert(Decimal("0.0005"), 30)
    >>> c["annual_simple_365"], c["annual_simple_360"], c["monthly_rate"]
    (Decimal('0.1825'), Decimal('0.1800'), Decimal('0.0150'))
    """
    if cycle_days < 1:
        raise ValueError("cycle_days must be at least 1")
    monthly = daily * cycle_days
    return {
        "annual_simple_365": daily * 365,
        "annual_simple_360": daily * 360,
        "monthly_rate": monthly,
        "annual_effective_monthly_compound": (1 + monthly) ** (Decimal(365) / cycle_days) - 1,
        "annual_effective_daily_compound_365": (1 + daily) ** 365 - 1,
    }


def compute(values: dict) -> dict:
    """Run the calculator on parsed ``values``."""
    d = values["daily_rate"]
    days = values["cycle_days"]
    out = {k: rate(v) for k, v in convert(d, days).items()}
    out["interest_on_10000_per_cycle_yuan"] = money(Decimal(10000) * d * days)
    out["daily_rate"] = d
    out["cycle_days"] = days
    return out


def explain(values: dict, result: dict, lang: str) -> str:
    """Plain sentences about the result.

    >>> import calculators
    >>> r = calculators.run("rate_convert", {"daily_rate": "0.05%", "cycle_days": "30"})["result"]
    >>> print(explain({}, r, "en"))  # doctest: +NORMALIZE_WHITESPACE
    A daily rate of 0.05% is 18.25% a year without compounding, and about 20.0% if interest is
    added every day. On ¥10,000 that is ¥150.00 of interest for one 30-day cycle.
    """
    daily = format((result["daily_rate"] * 100).normalize(), "f") + "%"
    simple = fmt_pct(result["annual_simple_365"], lang, 2)
    comp = fmt_pct(result["annual_effective_daily_compound_365"], lang, 1)
    interest = fmt_yuan(result["interest_on_10000_per_cycle_yuan"], lang)
    days = result["cycle_days"]
    if lang == "zh":
        return (
            f"日利率 {daily} 相当于不计复利的年利率 {simple}，若每天计复利约为 {comp}。"
            f"借 1 万元，一个 {days} 天的账单周期利息为 {interest}。"
        )
    return (
        f"A daily rate of {daily} is {simple} a year without compounding, and about {comp} if interest is added "
        f"every day. On ¥10,000 that is {interest} of interest for one {days}-day cycle."
    )


CALCULATOR = Calculator(
    name="rate_convert",
    title=t("日利率换算器", "Daily-rate converter"),
    question=t("日息万分之五，一年是多少？", "What does 0.05 % a day come to in a year?"),
    fields=(
        Field(
            "daily_rate",
            "rate",
            t("日利率", "Daily interest rate"),
            unit=t("%", "%"),
            help=t("信用卡常见的日利率为 0.05%（万分之五）。", "A common card rate is 0.05 % a day (万分之五)."),
            example="0.0005",
            minimum="0",
            maximum="0.01",
            percent=True,
        ),
        Field(
            "cycle_days",
            "integer",
            t("账单周期天数", "Days in a statement cycle"),
            unit=DAYS,
            help=t(
                "用于换算月利率和按月复利，通常约 30 天。",
                "Used for the monthly rate and monthly compounding; usually about 30.",
            ),
            example="30",
            minimum="1",
            maximum="366",
        ),
    ),
    outputs=(
        Output(
            "annual_simple_365", t("年利率（单利，365 天）", "Annual rate (simple, 365 days)"), "rate", primary=True
        ),
        Output("annual_simple_360", t("年利率（单利，360 天）", "Annual rate (simple, 360 days)"), "rate"),
        Output("monthly_rate", t("每个账单周期的利率", "Rate per statement cycle"), "rate"),
        Output(
            "annual_effective_monthly_compound",
            t("年利率（按账单周期复利）", "Annual rate (compounded every cycle)"),
            "rate",
        ),
        Output(
            "annual_effective_daily_compound_365",
            t("年利率（按日复利）", "Annual rate (compounded daily)"),
            "rate",
        ),
        Output(
            "interest_on_10000_per_cycle_yuan",
            t("1 万元一个周期的利息", "Interest on ¥10,000 for one cycle"),
            "money",
        ),
    ),
    compute=compute,
    explain=explain,
    conventions=t(
        "单利年利率 = 日利率 × 365（或 360）；周期利率 = 日利率 × 周期天数；按周期复利的年利率 = "
        "(1 + 周期利率)^(365 ÷ 周期天数) − 1；按日复利 = (1 + 日利率)^365 − 1。利率四舍五入到 0.0001%。"
        "银行实际采用的天数和复利方式以合同为准。",
        "Simple annual rate = daily rate × 365 (or 360); cycle rate = daily rate × days in the cycle; "
        "compounded every cycle = (1 + cycle rate)^(365 ÷ cycle days) − 1; compounded daily = "
        "(1 + daily rate)^365 − 1. Rates are rounded half-up to 0.0001 %. The day count and compounding a "
        "bank actually uses are in its contract.",
    ),
    references=(
        {
            "zh": "《银行卡业务管理办法》（1999）第二十三条：按月计收复利，日利率万分之五（已失效）",
            "en": "PBoC Bank Card Rules (1999), Art. 23: compounded monthly at 0.05 % a day (superseded)",
            "url": None,
        },
        {
            "zh": "《中国人民银行关于信用卡业务有关事项的通知》（银发〔2016〕111号）：日利率上限 0.05%、下限 0.035%",
            "en": "PBoC notice on credit-card business (Yinfa [2016] No. 111): 0.05 % a day upper, 0.035 % lower limit",
            "url": None,
        },
        {
            "zh": "《中国人民银行关于推进信用卡透支利率市场化改革的通知》（银发〔2020〕327号）（2020 年 12 月 31 日）：取消上下限，须明示年化利率",
            "en": "PBoC notice on market-based card rates (银发〔2020〕327号, dated 31 Dec 2020): limits abolished; "
            "annualised rates must be shown",
            "url": "https://xining.pbc.gov.cn/zhengwugongkai/4081330/4406346/4693549/4159909/index.html",
        },
    ),
)
