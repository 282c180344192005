"""Which map an article names its units on: the pre-2025 register or the 2025 one.

The article's era comes from, in order: its publication date (1 July 2025 is the change); else
the dates it reports from ("tháng 9/2025", "30/9/2025", deadlines aside) and the phrases only
the new map has ("chính quyền địa phương 2 cấp", "sau sắp xếp"); else which register the
names it uses fit. A unit then takes the era of its article unless its own words or its name
say otherwise: a district, a "thị trấn", a commune under a district, a name followed by "(cũ)"
or "trước đây" are pre-2025; a name followed by "mới" is 2025; a name only one register knows
belongs to that register (in an old-map article, only when the 2025 register places it in a
province the article names). Pure functions over folded text (`textkeys.fold`).
"""
from __future__ import annotations

import functools

import regex

from .gazetteer import PRE_2025, REG_2025
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import PhraseFinder, fold, folded_alternation

CHANGE = (2025, 7, 1)
SP = r"[ \t\u00a0]"
# 30/9/2025, 30-9-2025, 30.9.2025; "tháng 9/2025", "9/2025", "tháng 9 năm 2025"
DATE_RE = compile_pattern(
    r"(?<![\d/.])(?:(?P<d>\d{1,2})[/.\-])?(?P<m>\d{1,2})[/.\-](?P<y>20\d{2})(?![\d/])"
    rf"|tháng{SP}+(?P<m2>\d{{1,2}}){SP}+năm{SP}+(?P<y2>20\d{{2}})(?!\d)"
    rf"|quý{SP}+(?P<q>[1-4]|i{{1,3}}|iv){SP}*(?:[/.\-]|{SP}năm{SP}){SP}*(?P<y3>20\d{{2}})(?!\d)")
# "sáp nhập xã A, xã B thành xã C": "thành" before the unit they became (a name may end in
# "Thành": "thị trấn Hoa Thành và các xã ...")
INTO_UNIT = (rf"(?:xã|phường|thị{SP}trấn|thị{SP}xã|đặc{SP}khu|tỉnh|huyện|quận|đơn{SP}vị|một|\d)")
QUARTER_END = {"1": 3, "2": 6, "3": 9, "4": 12, "i": 3, "ii": 6, "iii": 9, "iv": 12}


@functools.cache
def _lexicon() -> dict:
    lex = load_yaml("unit_register.yml")
    end = r"(?![\p{L}\d])"
    return {
        "article_2025": _phrase_finder(lex["article_2025"]),
        "article_2025_hint": _phrase_finder(lex["article_2025_hint"]),
        "past_after": compile_pattern(rf"{SP}*\(?{SP}*(?:{folded_alternation(lex['past_after'])}){end}"),
        # "mới" is also the adverb "just" ("Đà Nẵng mới ban hành"): only before a punctuation
        "new_after": compile_pattern(rf"{SP}*\(?{SP}*(?:{folded_alternation(lex['new_after'])}){SP}*(?:[),.;:!?]|$)"),
        # the phrase, then only names, unit words, commas and "và" up to the unit
        # (a count of the units listed may follow the phrase: "trên cơ sở sắp xếp 6 phường Kinh Bắc, ...")
        "past_list_before": compile_pattern(rf"(?<![\p{{L}}\d])(?:{folded_alternation(lex['past_list_before'])})(?!{SP}*,)"
                                          rf"(?:{SP}+\d{{1,2}}(?={SP}*$|{SP}+(?:xã|phường|thị{SP}trấn|huyện|quận|tỉnh|đơn{SP}vị)))?"
                                          rf"(?:(?:phường|quận|p\.){SP}*\d{{1,2}}|(?!{SP}thành{SP}(?:{INTO_UNIT}|$))[^.;:!?()\n\d]){{0,160}}$"),
        "not_report": compile_pattern(rf"(?<![\p{{L}}\d])(?:{folded_alternation(lex['not_report_date_before'])})"
                                    rf"(?:{SP}+(?:ngày|tháng|năm))?{SP}*$"),
    }


def _phrase_finder(phrases: list[str]) -> PhraseFinder:
    """`phrases` standing alone (no letter or digit around), searched over the whole body: tried
    only where a fast scan finds their words."""
    pattern = compile_pattern(rf"(?<![\p{{L}}\d])(?:{folded_alternation(phrases)})(?![\p{{L}}\d])")
    return PhraseFinder(pattern, (fold(p).split() for p in phrases))


def register_of_date(iso_date: str | None) -> str | None:
    """The register of an article published on `iso_date` ("YYYY-MM-DD"), None if unknown."""
    if not iso_date or not regex.match(r"\d{4}-\d{2}-\d{2}", iso_date):
        return None
    y, m, d = (int(x) for x in iso_date[:10].split("-"))
    return REG_2025 if (y, m, d) >= CHANGE else PRE_2025


def reported_dates(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """(year, month) of the dates the text reports from, deadlines and starting points aside."""
    out = []
    for m in DATE_RE.finditer(folded, start, end):
        if _lexicon()["not_report"].search(folded, max(start, m.start() - 20), m.start()):
            continue
        if m["q"]:
            year, month = int(m["y3"]), QUARTER_END[m["q"]]
        else:
            year, month = int(m["y"] or m["y2"]), int(m["m"] or m["m2"])
        if 1 <= month <= 12:
            out.append((year, month))
    return out


def text_evidence(folded: str, start: int, end: int) -> int:
    """Votes for the 2025 map (positive) or the old one (negative) from the text alone: the
    latest date the text reports from (an article is written after it: +3 from July 2025 on,
    -1 before), each distinct 2025-only phrase (+2) and each distinct hint (+1)."""
    dates = reported_dates(folded, start, end)
    votes = (3 if max(dates) >= CHANGE[:2] else -1) if dates else 0
    phrases = {m.group() for m in _lexicon()["article_2025"].finditer(folded, start, end)}
    hints = {m.group() for m in _lexicon()["article_2025_hint"].finditer(folded, start, end)}
    return votes + 2 * len(phrases) + len(hints)


def marked(folded: str, end: int, which: str) -> bool:
    """Whether the unit name ending at `end` is followed by a past ("past_after": "(cũ)",
    "trước đây") or new ("new_after": "mới") marker."""
    return bool(_lexicon()[which].match(folded, end))


def listed_as_former(folded: str, start: int, paragraph_start: int) -> bool:
    """Whether the unit name starting at `start` is listed after "hình thành từ", "thành lập
    trên cơ sở sáp nhập" ... in its sentence (and not after a "thành" naming the new unit). The
    pattern crosses no sentence end, so the paragraph bounds the look-back: asking for the
    sentence would split paragraphs no other stage needs split."""
    return bool(_lexicon()["past_list_before"].search(folded, max(paragraph_start, start - 200), start))


def unit_register(era: str, *, level: str, utype: str | None, past: bool, new: bool,
                  under_district: bool, fits_pre: bool, fits_2025: bool,
                  anchored_2025: bool) -> str:
    """The register of one unit of an article of `era` (see the module docstring). In an
    article of the old map, a name only the 2025 register knows counts as 2025 only when that
    register places it under its province or in a province the article names (`anchored_2025`):
    other names unknown to the old register are mostly communes merged before 2025."""
    if level == "district" or utype == "thị trấn" or past or under_district:
        return PRE_2025
    if utype == "đặc khu" or new:
        return REG_2025
    if era == REG_2025:
        return REG_2025 if fits_2025 or not fits_pre else PRE_2025
    return REG_2025 if anchored_2025 and not fits_pre else PRE_2025
