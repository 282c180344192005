"""Reporting periods -> text + ISO start/end.

Phrases: "trong năm 2018 và 6 tháng đầu năm 2019", "Từ ngày 15/12/2023 - 15/9/2024", "Từ năm
2021 đến 2023", "giai đoạn 2021-2025", "đến hết năm 2019", "từ đầu năm 2018 đến hết tháng
6/2019", "từ tháng 7-2018 đến nay", "6 tháng đầu năm 2024", "9 tháng năm nay", "quý I/2017",
"tháng 9.2025", "năm 2023", "năm nay", "năm tới", "5 năm qua", "hiện nay", "đến nay", "trong ngày
1/7/2025", "từ 1/7 đến hết năm 2025", "sau 3 tháng vận hành", "9 tháng qua" (in October: the
year's first nine months). Years the text omits come from `published`.

Each phrase has a role: a `period`, the `baseline` of a comparison ("so với năm 2022": never a
figure's period), or a `name` year ("Kế hoạch CCHC năm 2024": the period only when the sentence
states no other, and never passed on). Which phrase governs a figure is pipeline/period_scope.py.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

import regex

from .dates import iso
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import char_trie_alternation

Span = tuple[int, int]
Y = r"(?:19|20)\d{2}"
DM = r"\d{1,2}[/.\-]\d{1,2}"
DMY = rf"{DM}[/.\-]{Y}"
LUNAR_DAY = r"(?:mùng|mồng)\s+(?P<{}>\d{{1,2}}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{{L}}\d])"  # "mùng 5" (Tết)
LUNAR_LOOKAHEAD_DAYS = 42
SINCE_WORD_RE = re.compile(r"(?:kể\s+)?từ(?!\w)", re.IGNORECASE)
MY_SEP = r"\s*(?:/|-|\.|năm)\s*"  # "tháng 6/2019", "tháng 12-2016", "tháng 9.2025", "tháng 6 năm 2019"
N = r"\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
WORD_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
               "mười": 10, "mười một": 11, "mười hai": 12}
DATE_SEP_RE = re.compile(r"[/.\-]")
CLAUSE_SEP_RE = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[;:()\n]")  # (not the mark inside a number: "gấp 1,6 lần")
# where a period phrase can start (its first word, or a digit): a fast `re` scan of the lowered
# text finds these, and the full pattern is tried only there. Every phrase's first word is
# followed by a blank (or "-" in "PAR-INDEX", hence "par" alone may run on), so a first word that
# runs on into letters ("chín" of "chính", "ba" of "ban") is no start; a phrase starting with
# digits starts with a year range ("2021-2025") or a count of days, weeks, months or years.
START_WORDS = ("từ", "kể", "giai", "thời", "nhiệm", "năm", "tính", "đến", "tới", "trong", "riêng", "chỉ", "sau", "qua",
               "hơn", "gần", "quý", "tháng", "tuần", "hiện", "những", "mấy", "vài", "ngày", "cả", "sipas", "papi", "pci",
               "dti", "apci", "ddci", "egdi", "ict", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")
# the words as a character trie ("t(?:ừ|ính|...)"), which `re` tries a fifth faster than a flat
# alternation: a word must end at a word's end, so at most one of them matches anywhere
PERIOD_START_RE = re.compile(
    rf"(?<![^\W_])(?:(?:{char_trie_alternation([(w,) for w in START_WORDS], '')})(?![^\W_])"
    r"|par|\d(?=(?<=[12])\d{3}\s*[-–]|\d{0,2}\s+(?:ngày|tuần|tháng|năm)))")  # one digit, as the scan must not skip a start
PERIOD_START_CASELESS_RE = re.compile(PERIOD_START_RE.pattern, re.IGNORECASE)
# the only characters a caseless `re` match pairs with a letter of the start words though they
# do not lower to it ("ſ" ~ "s", "ı" and "İ" ~ "i"): a text holding one is scanned caselessly
SPECIAL_CASE_RE = re.compile("[\u017f\u0130\u0131]")
# the start words that mostly start no period, with what must follow each for the pattern to
# match there (every alternative of `_pattern` that can begin with it begins so): a start not
# followed so is passed over without trying the pattern. Tested on the lowered text, with `re`,
# whose \s holds every character of the regex module's (tests/test_fast_paths.py checks both
# that and that no character the caseless pattern pairs with these letters lowers otherwise
# but those SPECIAL_CASE_RE sends to the caseless scan). An alternative added to `_pattern` that
# begins with one of these words must add what follows it here.
START_FOLLOWERS = {
    "chỉ": re.compile(r"chỉ\s+trong\s+(?:ngày|cả|các|những|mùng|mồng)"),  # day, lunar_days
    "trong": re.compile(r"trong\s+(?:ngày|tháng|tuần|quý|kỳ|\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|cả|các|những|mùng|mồng)"),  # day, this_span, months_bare, lunar_days
    "riêng": re.compile(r"riêng\s+(?:ngày|cả|các|những|hai|ba|mùng|mồng)"),  # day, lunar_days
    "cả": re.compile(r"cả\s+năm"),  # this_span
    "hiện": re.compile(r"hiện\s+(?:có|gồm|đang|còn|bố|là|đã|vẫn|chỉ|mới|đạt|chiếm|được|nay|tại)"),  # currently, now
    "những": re.compile(r"những\s+(?:năm|ngày|tuần|tháng)"),  # past
    "thời": re.compile(r"thời\s+(?:kỳ|gian)"),  # span_years, past
    "qua": re.compile(r"qua\s+(?:hơn\s+|gần\s+|khoảng\s+)?(?:\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"),  # after_change
    "sau": re.compile(r"sau\s+(?:hơn\s+|gần\s+|khoảng\s+)?(?:\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"),  # after_change
    "hơn": re.compile(r"hơn\s+(?:\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"),  # trial
    "gần": re.compile(r"gần\s+(?:\d|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"),  # trial
    "hai": re.compile(r"hai\s+(?:ngày|tuần|tháng|năm)"),  # after_change, trial, months(_bare), years_list, past
    "ba": re.compile(r"ba\s+(?:ngày|tuần|tháng|năm)"),  # (as "hai")
    "đến": re.compile(r"đến\s+(?:hết|cuối|nay|thời|\d|năm|tháng|ngày)"),  # until, now
    "tới": re.compile(r"tới\s+(?:hết|cuối|nay|thời|\d|năm|tháng|ngày)"),  # until, now
    "tính": re.compile(r"tính\s+(?:đến|tới)"),  # until, now
    "nhiệm": re.compile(r"nhiệm\s+kỳ"),  # span_years
}
# who goes into operation, between "sau 3 tháng" and its event: "Sau 3 tháng mô hình chính quyền
# địa phương 2 cấp đi vào hoạt động", "Từ khi bộ máy mới vận hành"
OPERATOR = (r"(?:(?:các\s+|những\s+)?(?:mô\s+hình|chính\s+quyền|bộ\s+máy|trung\s+tâm|tỉnh|thành\s+phố|xã|phường|đơn\s+vị)"
            r"(?:\s+[^\s,;:.()]+){0,7}?\s+)?")
# "Hơn 15 năm nay": more than a count of years, no comparison
COUNT_QUALIFIER_RE = compile_pattern(r"(?<![\p{L}])(?:hơn|gần)\s*$", regex.IGNORECASE)
TERM_RE = compile_pattern(r"nhiệm\s+kỳ", regex.IGNORECASE)
# a comparison's baseline may be named at some length before its date: "so với lần đánh giá hồi
# đầu tháng 7" (a "trong" in between starts the period of the comparison itself)
LONG_BASELINE_RE = compile_pattern(r"(?<![\p{L}])so\s+với(?:\s+(?!trong(?!\p{L}))[^\s,;:.()]+){1,6}\s*$", regex.IGNORECASE)
# the date something was published on, not the period it reports
ANNOUNCED_BEFORE_RE = compile_pattern(r"(?<![\p{L}])(?:công\s+bố|ban\s+hành|phát\s+hành)(?:\s+(?:vào|hồi))?\s*$", regex.IGNORECASE)
# the period of the work ahead a meeting sets, not of the results it reviews
FORWARD_BEFORE_RE = compile_pattern(r"(?<![\p{L}])(?:triển\s+khai(?:\s+(?:các\s+)?(?:nhiệm\s+vụ|kế\s+hoạch))|phương\s+hướng(?:\s+nhiệm\s+vụ)?)"
                                  r"(?:\s+trọng\s+tâm)?\s*$", regex.IGNORECASE)
# where a month named without its year is a reporting period: opening its clause, after "trong"
# or "hồi" ("hồi tháng 8, chỉ số đạt 73,88 điểm"), or as "tháng 9 vừa qua"; elsewhere ("dự kiến
# thử nghiệm vào tháng 9") it dates an event
# ... or "sang" opening its clause or after "thì": the next month of a run ("tháng 2, ... giảm còn 2.480
# hồ sơ; sang tháng 3, số hồ sơ tăng trở lại"; "Nếu như tháng 9, ... thì sang tháng 10 đã đạt ...")
MONTH_OPENER_RE = compile_pattern(r"(?:^|(?<![\p{L}])(?:trong|riêng|chỉ\s+trong|hồi)|(?:^|(?<![\p{L}])thì)\s*sang)\s*$",
                                  regex.IGNORECASE)
# a superlative measured since a time is compared over it, not reported for it ("cao nhất trong
# 9 tháng" is the 9 months' own)
SUPERLATIVE_BEFORE_RE = compile_pattern(r"(?<!\p{L})nhất\s*$", regex.IGNORECASE)
SINCE_RE = compile_pattern(r"(?:kể\s+)?từ(?!\p{L})", regex.IGNORECASE)
# a bare month right after the service index's name is its monthly edition, no date: "chỉ số phục
# vụ người dân, doanh nghiệp tháng 10"
INDEX_MONTH_BEFORE_RE = compile_pattern(r"(?<!\p{L})doanh\s+nghiệp\s*$", regex.IGNORECASE)
# a bare month joined by "và" to a month earlier in its clause, with that month's figure between,
# continues a run of months: "tháng 8 là 71.204 hồ sơ và tháng 9 là 76.843 hồ sơ" (not "trong
# tháng 11 và tháng 12": one stretch)
MONTH_RUN_BEFORE_RE = compile_pattern(r"(?<![\p{L}])tháng\s+\d{1,2}(?!\d)(?:[^.;:\d]|(?<=\d)\.(?=\d))*\d(?:[^.;:]|(?<=\d)\.(?=\d))*(?<![\p{L}])và\s*$", regex.IGNORECASE)


def _pattern(events: str) -> str:
    """One point or stretch of time; the alternatives are tried in order at each position."""
    return rf"""(?<![\p{{L}}\d])(?:
      (?P<range_dates>(?:kể\s+)?từ\s+(?:ngày\s+)?(?:(?P<d1>{DMY}|{DM})|(?P<day1>\d{{1,2}})(?![/.\-]?\d))\s*(?:-|–|đến|tới)\s*(?:(?:hết\s+)?ngày\s+)?(?P<d2>{DMY}|{DM}(?![/.\-]?\d)))
    | (?P<date_to_year>(?:kể\s+)?từ\s+(?:ngày\s+)?(?P<d6>{DMY}|{DM})\s*(?:-|–|đến|tới)\s*(?:hết\s+|cuối\s+)?năm\s+(?P<y13>{Y}))
    | (?P<date_to_now>(?:kể\s+)?từ\s+(?:ngày\s+)?(?P<d7>{DMY}|{DM})\s*(?:đến|tới)\s+(?:nay|hiện\s+nay|hiện\s+tại))
    | (?P<since_date>(?:kể\s+)?từ\s+ngày\s+(?P<d22>{DMY}))
    | (?P<year_to_now>từ\s+(?:năm\s+)?(?P<y25>{Y})\s*(?:đến|tới)\s+(?:nay|hiện\s+nay|hiện\s+tại))
    | (?P<since_year>từ\s+năm\s+(?P<y26>{Y})(?!\s*(?:-|–|đến|tới)))
    | (?P<edition>(?:PAR\s*-?\s*INDEX|SIPAS|PAPI|PCI|DTI|APCI|DDCI|EGDI|ICT\s+Index)\s+(?P<y24>{Y}))
    | (?P<range_years>từ\s+(?:đầu\s+)?năm\s+(?P<y1>{Y})\s*(?:-|–|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:năm\s+)?(?P<y2>{Y}))
    | (?P<span_years>(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?|năm\s+)?(?P<y11>{Y})\s*[-–]\s*(?P<y12>{Y}))
    | (?P<from_start>từ\s+đầu\s+năm(?:\s+(?P<y3>{Y}))?\s+(?:đến|tới)\s+(?:nay|hết\s+tháng\s+(?P<m3>\d{{1,2}})(?:{MY_SEP}(?P<y4>{Y}))?|(?:hết\s+)?ngày\s+(?P<d4>{DMY})))
    | (?P<from_month>từ\s+(?:đầu\s+|cuối\s+|giữa\s+)?tháng\s+(?P<m14>\d{{1,2}})(?:{MY_SEP}(?P<y14>{Y}))?
        (?:\s*(?:-|–|đến|tới)\s*(?:(?P<now14>nay|hiện\s+nay)|(?:hết\s+)?(?:ngày\s+)?(?P<d14>{DMY})
           |(?:hết\s+)?tháng\s+(?P<m15>\d{{1,2}})(?:{MY_SEP}(?P<y15>{Y}))?|(?:hết\s+)?năm\s+(?P<y16>{Y})))?)
    | (?P<until>(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối|nay|thời\s+điểm\s+này)?\s*(?:\d{{1,2}}\s*(?:h|giờ)(?:\s*\d{{2}})?\s+)?(?:năm\s+(?P<y5>{Y})|tháng\s+(?P<m5>\d{{1,2}})(?:{MY_SEP}(?P<y6>{Y}))?(?![\d/.\-])|ngày\s+(?P<d5>{DMY}|{DM}(?![/.\-]?\d))))
    | (?P<year_end>(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)\s+năm(?!\s*\d)(?!\s+(?:nay|học|tài|sau|tới|trước|qua)(?!\p{{L}})))  # "đến hết năm, đã hoàn thành 55 nhiệm vụ"
    | (?P<day>(?:trong|riêng|chỉ\s+trong)\s+ngày\s+(?P<d8>{DMY}))
    | (?P<after_change>(?:sau|qua)\s+(?:hơn\s+|gần\s+|khoảng\s+)?(?P<n17>{N})\s+(?P<u17>ngày|tuần|tháng|năm)\s+{OPERATOR}(?:chính\s+thức\s+)?(?:đi\s+vào\s+)?(?:{events})(?!\s+thử\s+nghiệm)
        |(?P<n18>{N})\s+(?P<u18>ngày|tuần|tháng)\s+(?:đầu\s+(?:tiên\s+)?(?:sau\s+(?:khi\s+)?|kể\s+từ\s+(?:khi\s+)?)?|sau\s+(?:khi\s+)?|kể\s+từ\s+(?:khi\s+)?)(?:{events})
        |(?:trong\s+)?(?P<u30>ngày|tuần|tháng)\s+đầu\s+tiên\s+(?:sau\s+(?:khi\s+)?|kể\s+từ\s+(?:khi\s+)?)?{OPERATOR}(?:chính\s+thức\s+)?(?:đi\s+vào\s+)?(?:{events}))
    | (?P<since_change>(?:kể\s+)?từ\s+(?:khi|lúc|ngày\s+đầu(?:\s+tiên)?)\s+{OPERATOR}(?:chính\s+thức\s+)?(?:đi\s+vào\s+)?(?:{events})
        (?:(?:\s+[^\s,;:.()]+){{0,10}}?\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|hiện\s+tại))?)
    | (?P<trial>(?:hơn\s+|gần\s+)?(?P<n19>{N})\s+(?:ngày|tuần|tháng)\s+(?:hoạt\s+động|vận\s+hành|triển\s+khai)\s+thử\s+nghiệm)
    | (?P<months>(?P<n>{N})\s+tháng\s+(?:(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y7>{Y})|\s+(?P<this7>nay))?|năm\s+(?:(?P<y20>{Y})|(?P<this20>nay))))
    | (?P<months_bare>(?:trong\s+|(?<![^\n])|(?<=:[ \t]*))(?P<n32>{N})\s+tháng(?=\s*[,:]|(?<=trong\s+(?:{N})\s+tháng)\s+(?:đạt|là)(?!\w)))  # "trong 9 tháng,", "... trong 9 tháng đạt 86,2%", a headline's "10 tháng, ..."
    | (?P<quarter>quý\s+(?P<q>I{{1,3}}|IV|[1-4])(?:\s*(?:/|-|\.|năm)\s*(?P<y8>{Y}))?)
    | (?P<month>tháng\s+(?P<m9>\d{{1,2}}){MY_SEP}(?P<y9>{Y}))
    | (?P<month_bare>(?<!\d\s*)tháng\s+(?P<m29>\d{{1,2}})(?![\d/.\-])(?:\s+(?:vừa\s+)?qua)?)
    | (?P<years_list>(?:(?:hai|ba|các)\s+)?năm\s+(?P<y27>{Y})(?:\s*(?:,|và)\s*(?:năm\s+)?{Y})*\s*(?:,|và)\s*(?:năm\s+)?(?P<y28>{Y}))
    | (?P<year>năm\s+(?P<y10>{Y}))
    | (?P<this_year>năm\s+nay)
    | (?P<next_year>năm\s+tới)  # "Năm tới, huyện phấn đấu 100% hồ sơ được số hóa"
    | (?P<this_span>trong\s+(?:tháng|tuần|quý|kỳ(?!\s+(?:họp|đại\s+hội|thi|nghỉ|bầu\s+cử)(?!\p{{L}})))(?!\s*(?:\d|[IV]+(?!\p{{L}})))
        |trong\s+năm(?=\s*[,;:.)]|\s+(?:có|đã|sẽ|phải|tiếp|giải|đạt|hoàn)(?!\p{{L}}))  # "trong năm có 80%": this year
        |trong\s+(?:năm|tháng|quý)\s+(?:này|đó)  # "Cũng trong năm này": the year just named
        |cả\s+năm(?![\p{{L}}\d])(?!\s+(?:\d|nay|qua|trước|sau|học|tài))(?!\s*(?:[IVX]+|/)))  # "đúng hạn cả năm đạt 97,8%"
    | (?P<lunar_days>(?:(?:kể\s+)?từ|trong|riêng|chỉ\s+trong)\s+(?:cả\s+)?(?:(?:các|những|hai|ba)\s+)?(?:ngày\s+)?{LUNAR_DAY.format('ld1')}
        (?:\s*(?:,|và|-|–|đến|tới)\s*(?:(?:hết\s+)?ngày\s+)?{LUNAR_DAY.format('ld2')})?\s+(?:tết|tháng\s+giêng)(?:\s+nguyên\s+đán)?)
    | (?P<event_day>ngày\s+(?P<d23>{DMY}|{DM}(?![/.\-]?\d)))
    | (?P<past>(?:(?P<n21>{N})\s+(?:ngày|tuần|tháng|năm)|(?:mấy|vài|những)\s+(?:ngày|tuần|tháng|năm)|năm|thời\s+gian)\s+(?:vừa\s+)?qua
        |(?P<n33>{N})\s+năm\s+nay|(?:thời\s+gian|những\s+năm|mấy\s+năm)\s+gần\s+đây)
    | (?P<currently>(?<!(?:thực|xuất|thể|biểu|phát|tái)\s)hiện(?=\s+(?:có|gồm|đang|còn|bố\s+trí|là|đã|vẫn|chỉ|mới|đạt|chiếm|được)(?!\p{{L}})))
    | (?P<now>(?:tính\s+)?(?:đến|tới)\s+(?:nay|thời\s+điểm\s+(?:này|hiện\s+tại))|(?<!thực\s)hiện\s+(?:nay|tại))
    | (?P<until_moment>(?:tính\s+)?(?:đến|tới)\s+thời\s+điểm\s+(?:ngày\s+)?(?P<d31>{DMY}|{DM}(?![/.\-]?\d)))  # "Tính đến thời điểm 30/9/2025"
    | (?P<until_event>tính\s+(?:đến|tới)\s+thời\s+điểm\s+(?!(?:này|hiện|\d)(?!\p{{L}}))\p{{L}}+(?:\s+(?!\d)\p{{L}}+)?)  # "Tính đến thời điểm kiểm tra"
    )(?:\s+(?:và|,)\s+(?P<and>(?:\d{{1,2}}|sáu|chín)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{Y})?))?(?![\p{{L}}\d])"""


@functools.cache
def _lexicon() -> dict:
    data = load_yaml("periods.yml")
    alternation = lambda words: "|".join(r"\s+".join(map(regex.escape, w.split())) for w in
                                         sorted(words, key=len, reverse=True))
    return {
        "period_re": compile_pattern(_pattern(alternation(data["change_events"])),
                                   regex.VERBOSE | regex.IGNORECASE),
        "baseline_re": compile_pattern(rf"(?<![\p{{L}}])(?:{alternation(data['baseline_before'])})"
                                     r"(?:\s+(?:cùng\s+kỳ|kết\s+quả|của|tỷ\s+lệ|tỉ\s+lệ|mức|lần|\d[\d.,]*\s*%?))*\s*$",
                                     regex.IGNORECASE),
        "name_re": compile_pattern(rf"(?<![\p{{L}}])(?:{alternation(data['name_heads'])})"
                                 r"(?:\s+[^\s,;:.()]+){0,14}\s*$", regex.IGNORECASE),
        "change_date": dt.date.fromisoformat(data["change_date"]),
        "lunar_new_year": {int(y): dt.date.fromisoformat(d) for y, d in data["lunar_new_year"].items()},
        # "Ủy ban Thường vụ Quốc hội" is the legislature's standing committee, no party body
        "term_body_re": compile_pattern(rf"(?<![\p{{L}}])(?<!ủy\s)(?<!uỷ\s)(?:{alternation(data['term_bodies'])})(?![\p{{L}}])",
                                      regex.IGNORECASE),
    }


def period_re():
    return _lexicon()["period_re"]


def term_body_re():
    """What a party congress elects and decides (periods.yml `term_bodies`)."""
    return _lexicon()["term_body_re"]


@dataclass
class Period:
    start_pos: int
    end_pos: int
    text: str
    start: str | None
    end: str | None
    # "period"; "term" (a term of office: a period, but not the lead's, which names the congress);
    # "baseline" (never a figure's period); "name" (a name's year, an event day, a start date, a
    # bare "hiện": the period of its own sentence only, when it states no other); "date" (never)
    role: str = "period"

    def as_dict(self, inherited: bool = False) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "span": [self.start_pos, self.end_pos], "inherited": inherited}


def _year_bounds(y: int) -> tuple[str, str]:
    return iso(y, 1, 1), iso(y, 12, 31)


def _month_end(y: int | None, m: int) -> str | None:
    if not y or not 1 <= m <= 12:
        return None
    return iso(y, m, calendar.monthrange(y, m)[1])


def _dmy(s: str, default_year: int | None) -> str | None:
    parts = DATE_SEP_RE.split(s)
    d, m = int(parts[0]), int(parts[1])
    y = int(parts[2]) if len(parts) > 2 else default_year
    return iso(y, m, d) if y else None


def _day_before(day: int, end: str | None) -> str | None:
    """The date of `day` on or before the ISO date `end`, in its month or the one before."""
    if end is None:
        return None
    y, m = int(end[:4]), int(end[5:7])
    if day > int(end[8:]):
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return iso(y, m, day) if day <= calendar.monthrange(y, m)[1] else None


def _count(word: str) -> int:
    w = " ".join(word.lower().split())
    return int(w) if w.isdigit() else WORD_DIGITS.get(w, 0)


def _months(n: int, which: str | None, y: int) -> tuple[str | None, str | None]:
    if which == "cuối":
        return iso(y, 12 - n + 1, 1), iso(y, 12, 31)
    return iso(y, 1, 1), _month_end(y, n)


def _add(start: dt.date, n: int, unit: str) -> dt.date:
    """The last day of the `n` days/weeks/months/years that begin on `start`."""
    if unit == "ngày":
        return start + dt.timedelta(days=n - 1)
    if unit == "tuần":
        return start + dt.timedelta(days=7 * n - 1)
    months = n * (12 if unit == "năm" else 1)
    y, m = divmod(start.month - 1 + months, 12)
    y += start.year
    day = min(start.day, calendar.monthrange(y, m + 1)[1])
    return dt.date(y, m + 1, day) - dt.timedelta(days=1)


def _after_change(n: int, unit: str, published: str | None) -> tuple[str | None, str | None]:
    """"sau 3 tháng vận hành" in an article written after the 2025 change counts from it."""
    change = _lexicon()["change_date"]
    if not published or published < change.isoformat() or n <= 0:
        return None, None
    return change.isoformat(), _add(change, n, unit.lower()).isoformat()


def _bare_month_year(month: int, published: str | None) -> int | None:
    """The year of "tháng 9" written without one: the article's, or the year before when the
    month is still to come at publication ("tháng 12" in a January article)."""
    if not published:
        return None
    y = int(published[:4])
    m = int(published[5:7]) if published[5:7].isdigit() else 12
    return y if month <= m else y - 1


def lunar_new_year(published: str | None) -> dt.date | None:
    """The Tết an article's "mùng 5 Tết" is of: the one ahead if it is under six weeks away
    (articles announce holiday service), else the last one."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    table = _lexicon()["lunar_new_year"]
    ahead = table.get(day.year + 1) if day.month > 6 else table.get(day.year)
    if ahead and ahead >= day:
        return ahead if (ahead - day).days <= LUNAR_LOOKAHEAD_DAYS else table.get(ahead.year - 1)
    return ahead or table.get(day.year)


def _lunar_days(g, published: str | None) -> tuple[str | None, str | None]:
    tet = lunar_new_year(published)
    if tet is None:
        return None, None
    start = (tet + dt.timedelta(days=_count(g["ld1"]) - 1)).isoformat()
    if g["ld2"]:
        return start, (tet + dt.timedelta(days=_count(g["ld2"]) - 1)).isoformat()
    return start, (None if SINCE_WORD_RE.match(g["lunar_days"]) else start)


def interpret(m, published: str | None) -> tuple[str | None, str | None]:
    pub_year = int(published[:4]) if published else None
    g = m  # its groups by name (None when unmatched), without building a dict of all of them
    if g["range_dates"]:
        end = _dmy(g["d2"], pub_year)
        if g["day1"]:  # "Từ ngày 17 đến 21/11/2026": the start's month and year are the end's (or
            # the month before: "từ ngày 25 đến 3/12")
            return _day_before(int(g["day1"]), end), end
        start = _dmy(g["d1"], int(end[:4]) if end else pub_year)
        return start, end
    if g["date_to_year"]:
        y = int(g["y13"])
        return _dmy(g["d6"], y), iso(y, 12, 31)
    if g["date_to_now"]:
        return _dmy(g["d7"], pub_year), published
    if g["range_years"]:
        return iso(int(g["y1"]), 1, 1), iso(int(g["y2"]), 12, 31)
    if g["span_years"]:
        y1, y2 = int(g["y11"]), int(g["y12"])
        return (iso(y1, 1, 1), iso(y2, 12, 31)) if y1 <= y2 else (None, None)
    if g["from_start"]:
        y = int(g["y3"]) if g["y3"] else pub_year
        start = iso(y, 1, 1) if y else None
        if g["m3"]:
            y_end = int(g["y4"]) if g["y4"] else y
            return start, _month_end(y_end, int(g["m3"]))
        if g["d4"]:
            return start, _dmy(g["d4"], y)
        return start, published  # "từ đầu năm đến nay"
    if g["from_month"]:
        y = int(g["y14"]) if g["y14"] else None
        if g["d14"]:
            end = _dmy(g["d14"], y or pub_year)
        elif g["m15"]:
            end = _month_end(int(g["y15"]) if g["y15"] else y or pub_year, int(g["m15"]))
        elif g["y16"]:
            end = iso(int(g["y16"]), 12, 31)
        else:
            end = published if g["now14"] else None
        y = y or (int(end[:4]) if end else pub_year)
        return (iso(y, int(g["m14"]), 1) if y and 1 <= int(g["m14"]) <= 12 else None), end
    if g["until"]:
        if g["y5"]:
            return None, iso(int(g["y5"]), 12, 31)
        if g["m5"]:
            return None, _month_end(int(g["y6"]) if g["y6"] else _bare_month_year(int(g["m5"]), published), int(g["m5"]))
        return None, _dmy(g["d5"], pub_year)
    if g["until_moment"]:
        return None, _dmy(g["d31"], pub_year)
    if g["year_to_now"]:
        return iso(int(g["y25"]), 1, 1), published
    if g["since_year"]:
        return iso(int(g["y26"]), 1, 1), None
    if g["edition"]:
        return _year_bounds(int(g["y24"]))
    if g["since_date"]:
        return _dmy(g["d22"], pub_year), None
    if g["event_day"]:
        d = _dmy(g["d23"], pub_year)
        return d, d
    if g["day"]:
        d = _dmy(g["d8"], pub_year)
        return d, d
    if g["lunar_days"]:
        return _lunar_days(g, published)
    if g["after_change"]:
        n, unit = (g["n17"], g["u17"]) if g["n17"] else (g["n18"], g["u18"]) if g["n18"] else ("1", g["u30"])
        return _after_change(_count(n), unit, published)
    if g["since_change"]:
        start, _ = _after_change(1, "ngày", published)
        return start, published
    if g["months"]:
        y = int(g["y7"] or g["y20"] or 0) or pub_year
        return _months(_count(g["n"]), (g["which"] or "").lower() or None, y) if y else (None, None)
    if g["quarter"]:
        q = g["q"].upper()
        q = ROMAN.get(q.lower()) or int(q)
        y = int(g["y8"]) if g["y8"] else pub_year
        return (iso(y, 3 * q - 2, 1), _month_end(y, 3 * q)) if y else (None, None)
    if g["month"]:
        y, mo = int(g["y9"]), int(g["m9"])
        return (iso(y, mo, 1) if 1 <= mo <= 12 else None), _month_end(y, mo)
    if g["month_bare"]:
        y, mo = _bare_month_year(int(g["m29"]), published), int(g["m29"])
        return (iso(y, mo, 1) if y and 1 <= mo <= 12 else None), _month_end(y, mo)
    if g["years_list"]:
        return iso(int(g["y27"]), 1, 1), iso(int(g["y28"]), 12, 31)
    if g["year"]:
        return _year_bounds(int(g["y10"]))
    if g["this_year"]:
        return _year_bounds(pub_year) if pub_year else (None, None)
    if g["next_year"]:
        return _year_bounds(pub_year + 1) if pub_year else (None, None)
    if g["past"] and g["n21"]:
        months = _months_of_the_year_past(g["past"], _count(g["n21"]), published)
        if months is not None:
            return months
    if g["now"] or g["currently"] or (g["past"] and (g["n21"] or g["n33"])):
        return None, published
    return None, None


def _months_of_the_year_past(phrase: str, n: int, published: str | None) -> tuple[str, str] | None:
    """"9 tháng qua" in a report of October: the year's first nine months, the months before the
    one it is published in (a rolling window otherwise: "3 tháng qua" in October stays open);
    "12 tháng qua" in January: the year before."""
    if not published or "tháng" not in phrase.lower().split():
        return None
    year, month = int(published[:4]), int(published[5:7])
    if month == 1 and n == 12:
        year -= 1
    elif n != month - 1:
        return None
    return iso(year, 1, 1), _month_end(year, n)


def _role(text: str, start: int, m) -> str:
    """Whether the phrase at `start` is a comparison's baseline, a name's year, or a period."""
    lex = _lexicon()
    before = text[max(0, start - 90):start]
    clause = CLAUSE_SEP_RE.split(before)[-1]
    if (lex["baseline_re"].search(clause) or LONG_BASELINE_RE.search(clause)) \
            and not ((m["n21"] or m["n33"]) and COUNT_QUALIFIER_RE.search(clause)):
        return "baseline"
    if SUPERLATIVE_BEFORE_RE.search(clause) and SINCE_RE.match(m.group()):
        return "baseline"  # "đợt rà soát lớn nhất kể từ khi thành phố hợp nhất": the superlative's frame
    if m["month_bare"] and not (MONTH_OPENER_RE.search(clause) or m.group().lower().endswith("qua")
                                or INDEX_MONTH_BEFORE_RE.search(clause) or MONTH_RUN_BEFORE_RE.search(clause)):
        return "date"
    if (m["month"] or m["month_bare"] or m["event_day"]) and ANNOUNCED_BEFORE_RE.search(clause):
        return "date"  # "các chỉ số năm 2025 được công bố tháng 5/2026": when it was published
    if m["months_bare"] and not m.group().lower().startswith("trong"):
        return "name"  # a headline's "10 tháng, ...": its own sentence's period, too terse to pass on
    if FORWARD_BEFORE_RE.search(clause) and not (m["now"] or m["until"] or m["from_start"]):
        return "name"  # "họp giao ban tháng 9, triển khai nhiệm vụ quý IV/2025": the work ahead
    if (m["year"] or m["span_years"] or m["years_list"] or m["month_bare"]) and lex["name_re"].search(clause):
        return "name"
    if m["span_years"] and TERM_RE.match(m.group()):
        return "term"  # "nhiệm kỳ 2025-2030": a term of office, its paragraph's period but never the lead's
    if m["edition"]:
        return "edition"  # "PAR INDEX 2018": a period that yields to the same year stated in words
    if m["since_date"] or m["since_year"] or m["currently"]:
        return "name"  # "từ ngày 1/7/2017" (mostly a rule's effective date), "hiện": too weak to pass on
    if m["event_day"]:
        # "Ngày 1/7, ..." opening a sentence dates that sentence only; elsewhere a day is a
        # document's or a meeting's date, never a period
        return "name" if before.rstrip(" \t")[-1:] in ("", ".", "\n", ":") else "date"
    return "period"


def find_periods(text: str, start: int, end: int, published: str | None = None,
                 stop: int | None = None) -> list[Period]:
    """The period phrases of text[start:end], in order. With `stop`, those from `stop` on may be
    left out: the scan ends at the first phrase from there that did not lengthen the one before
    it (a restatement right after it, `_merge_into`), so every phrase before `stop` is whole."""
    out: list[Period] = []
    pattern = period_re()
    free = start  # matches do not overlap, as with finditer
    lowered = text.lower()
    if len(lowered) != len(text) or not lowered.isascii() and SPECIAL_CASE_RE.search(text, start, end):
        lowered = None  # offsets or case pairs the lowered text does not keep: scan the text itself
    scan = PERIOD_START_RE.finditer(lowered, start, end) if lowered is not None else \
        PERIOD_START_CASELESS_RE.finditer(text, start, end)
    for c in scan:
        if c.start() < free:
            continue
        follower = START_FOLLOWERS.get(c.group()) if lowered is not None else None
        if follower is not None and not follower.match(lowered, c.start(), end):
            continue
        m = pattern.match(text, c.start(), end)
        if m is None:
            continue
        s, e = m.span()
        free = e
        first, last = interpret(m, published)
        if m["month_bare"] and first is not None and not _within_a_stated_span(first, last, out):
            first, last = month_in_span_dates(int(m["m29"]), out) or (first, last)
        if m["this_span"] and first is None:
            first, last = this_span_dates(m["this_span"], out)
        elif m["months_bare"] and first is None:
            first, last = bare_months_dates(_count(m["n32"]), out)
        if m["and"]:  # "năm 2018 và 6 tháng đầu năm 2019": from the first to the end of the second
            sub = pattern.match(m["and"])
            if sub:
                _, last = interpret(sub, published)
        role = _role(text, s, m)
        if role == "name" and m["since_date"] and first == _lexicon()["change_date"].isoformat():
            role = "period"  # "Từ ngày 1/7/2025, toàn tỉnh có 130 Trung tâm ...": counted from the change
        if role == "edition":
            s, e = m.span("y24")  # "PAR INDEX 2019": the period is the year; the index is the figure's `index`
        merged = _merge_into(text, out, Period(s, e, text[s:e], first, last, role))
        if stop is not None and s >= stop and not merged:
            break
    return out


THIS_SPAN_UNIT_RE = re.compile(r"quý|tháng|năm|kỳ", re.IGNORECASE)


def _is_quarter(p: Period) -> bool:
    y, m = int(p.start[:4]), int(p.start[5:7])
    return p.start[8:] == "01" and m % 3 == 1 and p.end == _month_end(y, m + 2)


def _is_month(p: Period) -> bool:
    return p.start[8:] == "01" and p.end == _month_end(int(p.start[:4]), int(p.start[5:7]))


def this_span_dates(phrase: str, earlier: list[Period]) -> tuple[str | None, str | None]:
    """The dates of "trong quý", "trong tháng", "trong năm", "cả năm", "trong kỳ": those of the
    quarter (month; the calendar year; the reporting period) stated last before it ("Quý
    III/2025, trung tâm tiếp nhận 4.870 hồ sơ ... Riêng lĩnh vực này, trong quý, ..."); none
    when the article has stated none (no baseline, name or term counts)."""
    unit = THIS_SPAN_UNIT_RE.search(phrase)
    if unit is None:
        return None, None
    unit = unit.group().lower()
    for p in reversed(earlier):
        if p.role != "period" or not (p.start and p.end):
            continue
        if unit == "kỳ":
            return p.start, p.end
        if unit == "năm" and p.start[:4] == p.end[:4]:
            return _year_bounds(int(p.start[:4]))
        if (unit == "quý" and _is_quarter(p)) or (unit == "tháng" and _is_month(p)):
            return p.start, p.end
    return None, None


def _within_a_stated_span(first: str, last: str, earlier: list[Period]) -> bool:
    """Whether a month dated by the publication lies inside a span of months stated before it
    ("quý I/2024 ... tháng 1"): then no earlier span's year ("Năm 2023, Chỉ số PAPI ...") redates it."""
    return any(p.role == "period" and p.start and p.end and p.start[:7] != p.end[:7] and p.start <= first and last <= p.end
               for p in earlier)


def month_in_span_dates(month: int, earlier: list[Period]) -> tuple[str, str] | None:
    """The dates of a month written without its year inside the span of months stated last before
    it, months between them aside ("Quý I/2021, ... Cụ thể, tháng 1, ...; tháng 2, ..."): that span's
    year, whatever the publication's."""
    last = next((p for p in reversed(earlier) if p.role == "period" and p.start and p.end
                 and p.start[:7] != p.end[:7]), None)
    if last is None:
        return None
    for year in range(int(last.start[:4]), int(last.end[:4]) + 1):
        first = iso(year, month, 1)
        if last.start <= first and _month_end(year, month) <= last.end:
            return first, _month_end(year, month)
    return None


def bare_months_dates(n: int, earlier: list[Period]) -> tuple[str | None, str | None]:
    """The dates of "trong 9 tháng" with no year: those of the first nine months of a year the
    article stated last before it ("Trong 9 tháng năm 2023, ... Cụ thể, trong 9 tháng, ...")."""
    for p in reversed(earlier):
        if p.role == "period" and p.start and p.end and (p.start, p.end) == _months(n, None, int(p.start[:4])):
            return p.start, p.end
    return None, None


# between a period and its restatement in brackets: "Sau 3 tháng vận hành chính quyền địa phương
# 2 cấp (từ ngày 1/7 đến 30/9/2025)", "9 tháng đầu năm (từ 1/1 đến 30/9/2024)"
RESTATED_GAP_RE = compile_pattern(r"[^.;:!?()\n]{0,60}?\(\s*")
RESTATED_CLOSE_RE = compile_pattern(r"\s*\)")
APPOSITION_GAP_RE = compile_pattern(r"\s*[,–-]\s*")


def _merge_into(text: str, out: list[Period], p: Period) -> bool:
    """Append `p` to the periods `out` found before it, or merge it into the last (True): a
    period restated in brackets right after it is one period: its phrase runs over both (so
    either reading of it is the one written), its dates are the restatement's, which states
    them the more exactly. So are two periods of the same dates side by side."""
    prev = out[-1] if out else None
    if prev is None or not (prev.role == p.role == "period" and p.start and p.end):
        out.append(p)
        return False
    if RESTATED_GAP_RE.fullmatch(text, prev.end_pos, p.start_pos) and (close := RESTATED_CLOSE_RE.match(text, p.end_pos)):
        end = close.end()
        out[-1] = Period(prev.start_pos, end, text[prev.start_pos:end], p.start, p.end, "period")
        return True
    if (prev.start, prev.end) == (p.start, p.end) and APPOSITION_GAP_RE.fullmatch(text, prev.end_pos, p.start_pos):
        # "từ ngày 1/7 đến 31/8, sau 2 tháng vận hành": the same dates said twice
        out[-1] = Period(prev.start_pos, p.end_pos, text[prev.start_pos:p.end_pos], p.start, p.end, "period")
        return True
    out.append(p)
    return False
