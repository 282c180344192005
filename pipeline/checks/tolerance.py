"""The tolerance rule, in one place: when does a stated value agree with a computed one?

Every figure stands for an interval of true values:

- an exact number written with d decimals stands for what rounds, truncates *or* rounds up to
  it (one unit of its last digit either side, the lower end open): "91,16%" covers
  (91.15, 91.17], "92%" covers (91, 93] (82.004 % stated as "82,01%" is no error a careful
  reader flags; 92.0 % stated as "93%" is); a count in a scale word likewise, its unit the
  last digit before the word ("1,87 triệu" covers (1.860.000, 1.880.000]); any other exact count
  stands for itself;
- a qualifier widens it: "hơn / trên 9.031" (`over`, `at_least`) is a lower bound,
  "dưới / gần / chưa đến" (`under`, `at_most`) an upper bound, "khoảng / gần như" (`about`)
  ±10 %.

A computed value (a share, a sum) is carried as an interval through the arithmetic; it agrees
with a stated figure when the two intervals meet. So "22/24 ... 91,16%" disagrees
(91.67 is outside [91.155, 91.17)), while "hơn 9.031 hồ sơ ... 90%" of 10.000 agrees (the share
is at least 90.31 %).
"""
from __future__ import annotations

import math
import re

from ..numerals import scale_words
from ..textkeys import fold

ABOUT = 0.10  # "khoảng": a tenth either side
LOWER_BOUNDS = ("over", "at_least")  # "hơn / trên 9.031": at least the value
UPPER_BOUNDS = ("under", "at_most")  # "dưới / gần / chưa đến": at most the value
BOUNDS = LOWER_BOUNDS + UPPER_BOUNDS
EPS = 1e-9
CEILING_MARGIN = 1e-6  # of a unit: what rounds up to a value lies strictly above the value one unit below


def decimals(surface: str) -> int:
    """Decimals written after the comma: "91,16%" -> 2, "92 %" -> 0."""
    digits = surface.rstrip("% ").replace(" ", "")
    return len(digits.rsplit(",", 1)[1]) if "," in digits and digits.rsplit(",", 1)[1].isdigit() else 0


SCALED_END_RE = re.compile(r"(?P<digits>\d+(?:,\d+)?)\s*(?P<word>\w+)\s*$")


def _scaled(surface: str) -> tuple[str, float] | None:
    """(the digits before it, what it multiplies by) of the scale word a count ends with, or None."""
    m = SCALED_END_RE.search(surface)
    multiplier = scale_words().get(fold(m["word"])) if m else None
    return None if multiplier is None else (m["digits"], multiplier)


def scale(surface: str) -> float | None:
    """What the scale word a count ends with multiplies by ("1,87 triệu": a million; "6 triệu 325
    nghìn": a thousand), or None."""
    scaled = _scaled(surface)
    return scaled[1] if scaled else None


def last_digit(surface: str) -> float:
    """One unit of the last written digit: "91,16%" 0.01; "1,87 triệu" 10,000."""
    scaled = _scaled(surface)
    if scaled is not None:
        return 10.0 ** -decimals(scaled[0]) * scaled[1]
    return 10.0 ** -decimals(surface)


def tolerance(surface: str) -> float:
    """How far a computed value may sit above an exact stated one (truncation); as far below
    (rounding up)."""
    return last_digit(surface) + EPS


def figure_range(figure: dict, rounded: bool | None = None) -> tuple[float, float]:
    """The interval of true values a figure stands for. Counts are exact integers unless
    qualified; percentages (and other decimals) stand for what rounds, truncates or rounds up
    to them."""
    value = float(figure["value"])
    approx = figure.get("approx") or "exact"
    if approx in LOWER_BOUNDS:
        return value, math.inf
    if approx in UPPER_BOUNDS:
        return -math.inf, value
    if approx == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    if rounded is None:  # (a count in a scale word is rounded to its last digit: "1,87 triệu", "2 triệu")
        surface = figure.get("surface") or ""
        rounded = figure.get("kind") == "percent" or "," in surface or scale(surface) is not None
    if not rounded:
        return value, value
    unit = last_digit(figure.get("surface") or "")
    # rounded up, the true value lies above the unit below: 92.0 % is no "93%" (ceil(92.0) = 92)
    return value - unit * (1 - CEILING_MARGIN), value + unit + EPS


def share_range(part: tuple[float, float], whole: tuple[float, float]) -> tuple[float, float]:
    """100 * part / whole, as an interval (both positive)."""
    lo = 0.0 if whole[1] == math.inf else 100 * max(part[0], 0) / whole[1]
    hi = math.inf if whole[0] <= 0 or part[1] == math.inf else 100 * part[1] / whole[0]
    return lo, hi


def sum_range(ranges: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(r[0] for r in ranges), sum(r[1] for r in ranges)


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals share a value."""
    return a[0] <= b[1] + EPS and b[0] <= a[1] + EPS


def count_range(figure: dict) -> tuple[float, float]:
    """A count's range: its qualifier's, or its scale word's rounding ("2,4 triệu"); digits are exact."""
    return figure_range(figure, rounded=scale(figure.get("surface") or "") is not None)


def exceeds(part: dict, total: dict) -> bool:
    """Whether a part is surely above its total: the least it can be above the most the total can
    be ("1.140.000" is no more than "1,1 triệu", which may stand for up to 1,2 million)."""
    return count_range(part)[0] > count_range(total)[1] + EPS


def parts_add_up(total: dict, parts: list[dict]) -> bool:
    """Whether parts can add up to their total, each read as the range its rounding allows."""
    return meet(sum_range([count_range(p) for p in parts]), count_range(total))


def agrees(computed: tuple[float, float], stated: dict) -> bool:
    """THE rule: a stated figure agrees with a computed interval when their intervals meet."""
    return meet(computed, figure_range(stated))


def is_exact(figure: dict) -> bool:
    return (figure.get("approx") or "exact") == "exact"
