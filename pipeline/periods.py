"""Reporting periods -> text + ISO start/end.

"trong năm 2018 và 6 tháng đầu năm 2019", "Từ ngày 15/12/2023 - 15/9/2024", "Từ năm 2021 đến
2023", "đến hết năm 2019", "từ đầu năm 2018 đến hết tháng 6/2019", "6 tháng đầu năm 2024",
"quý I/2017", "năm 2023". Years the text omits ("6 tháng đầu năm") come from `published`.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from .dates import iso

Y = r"(?:19|20)\d{2}"
DMY = rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]{Y}"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

# One point or stretch of time; the alternatives are tried in order at each position.
PERIOD_RE = regex.compile(
    rf"""(?<!\p{{L}})(?:
      (?P<range_dates>từ\s+(?:ngày\s+)?(?P<d1>{DMY}|\d{{1,2}}[/.]\d{{1,2}})\s*(?:-|–|đến|tới)\s*(?:(?:hết\s+)?ngày\s+)?(?P<d2>{DMY}))
    | (?P<range_years>từ\s+(?:đầu\s+)?năm\s+(?P<y1>{Y})\s*(?:-|–|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:năm\s+)?(?P<y2>{Y}))
    | (?P<from_start>từ\s+đầu\s+năm(?:\s+(?P<y3>{Y}))?\s+(?:đến|tới)\s+(?:nay|hết\s+tháng\s+(?P<m3>\d{{1,2}})(?:[/.](?P<y4>{Y}))?|(?:hết\s+)?ngày\s+(?P<d4>{DMY})))
    | (?P<until>(?:đến|tới)\s+(?:hết|cuối|nay|thời\s+điểm\s+này)?\s*(?:năm\s+(?P<y5>{Y})|tháng\s+(?P<m5>\d{{1,2}})[/.](?P<y6>{Y})|ngày\s+(?P<d5>{DMY})))
    | (?P<months>(?P<n>\d{{1,2}}|sáu|chín|ba)\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y7>{Y}))?)
    | (?P<quarter>quý\s+(?P<q>I{{1,3}}|IV|[1-4])(?:\s*(?:/|năm)\s*(?P<y8>{Y}))?)
    | (?P<month>tháng\s+(?P<m9>\d{{1,2}})\s*(?:/|năm)\s*(?P<y9>{Y}))
    | (?P<year>năm\s+(?P<y10>{Y}))
    )(?:\s+(?:và|,)\s+(?P<and>(?:\d{{1,2}}|sáu|chín)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{Y})?))?""",
    regex.VERBOSE | regex.IGNORECASE,
)
WORD_DIGITS = {"sáu": 6, "chín": 9, "ba": 3}


@dataclass
class Period:
    start_pos: int
    end_pos: int
    text: str
    start: str | None
    end: str | None

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


def _year_bounds(y: int) -> tuple[str, str]:
    return iso(y, 1, 1), iso(y, 12, 31)


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return iso(y, m, calendar.monthrange(y, m)[1])


def _dmy(s: str, default_year: int | None) -> str | None:
    parts = regex.split(r"[/.\-]", s)
    d, m = int(parts[0]), int(parts[1])
    y = int(parts[2]) if len(parts) > 2 else default_year
    return iso(y, m, d) if y else None


def _months(n: int, which: str, y: int) -> tuple[str | None, str | None]:
    if which == "đầu":
        return iso(y, 1, 1), _month_end(y, n)
    return iso(y, 12 - n + 1, 1), iso(y, 12, 31)


def interpret(m, published: str | None) -> tuple[str | None, str | None]:
    pub_year = int(published[:4]) if published else None
    g = m.groupdict()
    if g["range_dates"]:
        end = _dmy(g["d2"], pub_year)
        start = _dmy(g["d1"], int(end[:4]) if end else pub_year)
        return start, end
    if g["range_years"]:
        return iso(int(g["y1"]), 1, 1), iso(int(g["y2"]), 12, 31)
    if g["from_start"]:
        y = int(g["y3"]) if g["y3"] else pub_year
        start = iso(y, 1, 1) if y else None
        if g["m3"]:
            y_end = int(g["y4"]) if g["y4"] else y
            return start, _month_end(y_end, int(g["m3"])) if y_end else None
        if g["d4"]:
            return start, _dmy(g["d4"], y)
        return start, published  # "từ đầu năm đến nay"
    if g["until"]:
        if g["y5"]:
            return None, iso(int(g["y5"]), 12, 31)
        if g["m5"]:
            return None, _month_end(int(g["y6"]), int(g["m5"]))
        return None, _dmy(g["d5"], pub_year)
    if g["months"]:
        n = WORD_DIGITS.get(g["n"].lower()) or int(g["n"]) if not g["n"].isdigit() else int(g["n"])
        y = int(g["y7"]) if g["y7"] else pub_year
        return _months(n, g["which"].lower(), y) if y else (None, None)
    if g["quarter"]:
        q = g["q"].upper()
        q = ROMAN.get(q.lower()) or int(q)
        y = int(g["y8"]) if g["y8"] else pub_year
        return (iso(y, 3 * q - 2, 1), _month_end(y, 3 * q)) if y else (None, None)
    if g["month"]:
        y, mo = int(g["y9"]), int(g["m9"])
        return (iso(y, mo, 1), _month_end(y, mo))
    if g["year"]:
        return _year_bounds(int(g["y10"]))
    return None, None


def find_periods(text: str, start: int, end: int, published: str | None = None) -> list[Period]:
    out = []
    for m in PERIOD_RE.finditer(text, start, end):
        s, e = m.span()
        first, last = interpret(m, published)
        if m["and"]:  # "năm 2018 và 6 tháng đầu năm 2019": from the first to the end of the second
            sub = PERIOD_RE.match(m["and"])
            if sub:
                _, last = interpret(sub, published)
        out.append(Period(s, e, text[s:e], first, last))
    return out
