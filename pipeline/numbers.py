"""Vietnamese numerals in running text: digits with "." thousands and "," decimals, spaced
groups, percentages, ratios, ranges, number words and zero stated in words.

`find_numbers` returns every numeric mention of a text range as a `NumberMatch`, each either a
candidate figure or excluded with a reason (date, year, document number, service level,
duration, money, ...). Deciding what a candidate measures is `figures.py`'s job.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from .resources import load_yaml
from .textkeys import key

# A number as written: "42.503", "2.065", "0,58", "91,16", "42 503", "2065", "1,5".
NUMERAL = r"""(?:\d{1,3}(?:\.\d{3})+(?:,\d+)? | \d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,]\d) | \d+(?:,\d+)?
             | \d{1,3}\.\d{1,2}(?=[ \u00a0]?%))"""  # last: "54.9%", a decimal point only before "%"
NUMBER_RE = regex.compile(
    rf"""(?<![\p{{L}}\d.,/\-:]|\d[.,])                      # not inside a word, code or version
    (?P<num>{NUMERAL})
    (?:
        (?P<pct_range>\s?%\s?[-–]\s?)(?P<num3>{NUMERAL})\s?%      # 12%-15%
      | (?P<pct>\s?(?:%|phần\s+trăm))                       # 91,16%  99,5 %  50 phần trăm
      | \s?/\s?(?P<den>{NUMERAL})(?![\d/]|[.,]\d|\s?/)    # 22/24  235/264  88,35/100
        (?P<den_pct>\s?%)?
      | (?P<range>\s?[-–]\s?)(?P<num2>{NUMERAL})(?P<pct2>\s?%)?  # 95-98%, 65.000-70.000 hồ sơ
    )?
    (?![\d\p{{L}}]|[.,]\d|/\p{{L}}|-\p{{L}})                # not "2.0", "500kV", "249/KH", "60-NQ"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
FRACTION_OF_RE = regex.compile(r"(?:tổng[ \u00a0]+)?số[ \u00a0]+")
ROUND_THE_CLOCK = {(24, 24), (24, 7)}  # hours a day, days a week
DATE_AFTER_RE = regex.compile(r"^\s?[/.\-]\s?\d{1,2}(?:\s?[/.\-]\s?\d{2,4})?")


@dataclass
class NumberMatch:
    start: int
    end: int
    surface: str
    value: float
    denominator: float | None = None
    form: str = "number"  # number | percent | ratio | words | zero | ordinal
    approx: str | None = None  # set for range ends ("at_least"/"at_most")
    excluded: str | None = None  # why this is not a figure, or None for a candidate
    # a count in words whose next word is not a counted noun ("bốn thẻ hồng"): a figure only
    # beside other figures of its sentence, with an ordinary noun after it (figures.py)
    open_noun: bool = False


# --------------------------------------------------------------------------- parsing

def parse_numeral(s: str) -> float:
    """Vietnamese numeral -> number: "2.065" = 2065, "0,58" = 0.58, "42 503" = 42503; a dot
    followed by one or two digits is a decimal point ("54.9" = 54.9: only before "%")."""
    s = s.replace("\u00a0", " ").replace(" ", "")
    if DOT_DECIMAL_RE.fullmatch(s):
        return float(s)
    if "," in s:
        whole, frac = s.rsplit(",", 1)
        return float(whole.replace(".", "") + "." + frac)
    return float(s.replace(".", ""))


def as_number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


@functools.cache
def _number_words() -> dict:
    data = load_yaml("figures.yml")["number_words"]
    return {
        "digits": {key(k): v for k, v in data["digits"].items()},
        "ten": {key(w) for w in data["ten"]},
        "tens": {key(w) for w in data["tens_marker"]},
        "mult": {key(k): v for k, v in data["multipliers"].items()},
        "point": {key(w) for w in data["decimal_point"]},
        "vague": Phrases(key(w) for w in data["vague_before"]),
        "ordinals": {key(k): v for k, v in data["ordinals"].items()},
        "single_word_figures": frozenset(key(w) for w in data["single_word_figures"]),
        "one_counts_after": Phrases(key(w) for w in data["one_counts_after"]),
    }


def parse_number_words(words: list[str]) -> float | None:
    """Vietnamese number words -> value: ["hai", "mươi", "mốt", "nghìn", "không", "trăm",
    "mười", "một"] = 21011; "mười hai phẩy năm" = 12.5. None when the words are not one number."""
    lex = _number_words()
    words = [key(w) for w in words]
    if not words:
        return None
    if any(w in lex["point"] for w in words):
        i = next(i for i, w in enumerate(words) if w in lex["point"])
        whole = parse_number_words(words[:i])
        digits = [lex["digits"].get(w) for w in words[i + 1:]]
        if whole is None or not digits or None in digits:
            return None
        return float(f"{int(whole)}.{''.join(str(d) for d in digits)}")
    total = 0  # completed groups (thousands, millions ...)
    group = 0  # the current group below the multiplier
    current = None  # the digit or tens value being built
    seen = False
    for w in words:
        if w in lex["digits"]:
            d = lex["digits"][w]
            if current is None or current == 0:  # "linh năm", "lẻ một": the zero tens
                current = d
            elif current % 10 == 0 and current >= 10:
                current += d  # "hai mươi mốt" = 20 + 1, "mười một" = 10 + 1
            else:
                return None
        elif w in lex["ten"]:
            current = 10 if current is None else (current + 10 if current == 0 else None)
            if current is None:
                return None
        elif w in lex["tens"]:
            if current is None or not 1 <= current <= 9:
                return None
            current *= 10
        elif w in lex["mult"]:
            m = lex["mult"][w]
            base = 1 if current is None and not seen else (current or 0)
            if m == 100:
                group += base * 100
            else:
                total += (group + base) * m
                group = 0
            current = None
        else:
            return None
        seen = True
    return float(total + group + (current or 0))


# --------------------------------------------------------------------------- lexicon

@functools.cache
def lexicon() -> dict:
    data = load_yaml("figures.yml")
    after = {}
    for reason, words in data["not_figure_nouns"].items():
        for w in words:
            after[key(w)] = reason
    counted = {}
    for obj, words in data["objects"].items():
        for w in words:
            counted.setdefault(key(w), obj)
    before = Phrases(key(w) for w in data["not_figure_before"]["level"])
    zero = data["zero_phrase"]
    return {"after": PhraseMap(after), "before": before, "counted": PhraseMap(counted),
            "verbs_before": Phrases(key(w) for w in data["not_figure_before"]["verbs"]),
            "quantity_before": Phrases(key(w) for w in data["not_figure_before"]["quantity"]),
            "scale_before": Phrases(key(w) for w in data["not_figure_before"]["scale"]),
            "context_before": Phrases(key(w) for w in data["not_figure_before"]["context"]),
            "qualifiers": Phrases(key(w) for ws in data["qualifiers"].values() for w in ws),
            "negation_re": regex.compile(
                r"(?<!\p{L})(?:" + "|".join(regex.escape(key(w)) for w in zero["negations"]) + r")[ \u00a0]+"),
            "zero_nouns": Phrases(key(w) for w in zero["nouns"]),
            "zero_nouns_with_nao": Phrases(key(w) for w in zero["nouns_with_nao"])}


def _lengths_by(phrases, pick) -> dict[str, list[int]]:
    """Phrase lengths, longest first, grouped by one character of the phrase (first or last)."""
    out: dict[str, set[int]] = {}
    for p in phrases:
        if p:
            out.setdefault(pick(p), set()).add(len(p))
    return {c: sorted(ls, reverse=True) for c, ls in out.items()}


def _spaced(phrase: str) -> str:
    """The phrase as tokenized crawls write it, with a space before commas: "bộ , cơ quan"."""
    return phrase.replace(", ", " , ")


class Phrases(frozenset):
    """A set of folded phrases that also knows their lengths by first and by last character,
    so that a match at a position costs a few set lookups instead of a pass over the lexicon.
    Phrases with a comma also match as tokenized crawls write them ("xã , phường")."""

    def __new__(cls, phrases=()):
        phrases = set(phrases)
        self = super().__new__(cls, phrases | {_spaced(p) for p in phrases if isinstance(p, str)})
        self.starting = _lengths_by(self, lambda p: p[0])
        self.ending = _lengths_by(self, lambda p: p[-1])
        return self


class PhraseMap(dict):
    """phrase -> label, indexed like `Phrases` (build it once, do not mutate it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for phrase, label in list(self.items()):
            self.setdefault(_spaced(phrase), label)
        self.starting = _lengths_by(self, lambda p: p[0])
        self.ending = _lengths_by(self, lambda p: p[-1])


def _as_phrases(phrases):
    return phrases if isinstance(phrases, (Phrases, PhraseMap)) else Phrases(phrases)


def phrase_at(folded: str, pos: int, phrases) -> str | None:
    """The longest phrase of `phrases` (folded keys) that starts at `pos` and ends on a word
    boundary."""
    if pos >= len(folded):
        return None
    phrases = _as_phrases(phrases)
    for n in phrases.starting.get(folded[pos], ()):
        end = pos + n
        if end <= len(folded) and folded[pos:end] in phrases and (end == len(folded) or not folded[end].isalnum()):
            return folded[pos:end]
    return None


def phrase_before(folded: str, pos: int, phrases) -> str | None:
    """The longest phrase of `phrases` that ends right before `pos` (whitespace between)."""
    phrases = _as_phrases(phrases)
    end = pos
    while end > 0 and folded[end - 1] in " \u00a0":
        end -= 1
    if end == 0:
        return None
    for n in phrases.ending.get(folded[end - 1], ()):
        s = end - n
        if s >= 0 and folded[s:end] in phrases and (s == 0 or not folded[s - 1].isalnum()):
            return folded[s:end]
    return None


DOT_DECIMAL_RE = regex.compile(r"\d{1,3}\.\d{1,2}")
NON_DIGIT_RE = regex.compile(r"\D")
SCORE_OR_PERCENT_RE = regex.compile(r"\s*(điểm|%)")
YEAR_RANGE_AFTER_RE = regex.compile(r"[ \u00a0]*[-–][ \u00a0]*(19|20)\d\d")
PERCENT_WORDS_RE = regex.compile(r"[ \u00a0]*phần[ \u00a0]+trăm")
NAO_RE = regex.compile(r"[ \u00a0]+nào(?!\p{L})")
WORDS_AFTER_RE = regex.compile(r"[ \u00a0]*([\p{L}\p{N}]+(?:[ \u00a0]+[\p{L}]+){0,3})")


def word_after(folded: str, pos: int) -> str:
    """Up to four words after `pos` (the first may be a number)."""
    m = WORDS_AFTER_RE.match(folded, pos, pos + 60)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------- exclusions



@functools.cache
def context_words() -> dict:
    """Words around a number that make it a date, a year or a rank (figures.yml `number_context`)."""
    data = load_yaml("figures.yml")["number_context"]
    return {name: Phrases(key(w) for w in words) for name, words in data.items()}


def exclusion(folded: str, m: NumberMatch, text: str) -> str | None:
    """Why the number at `m` is not a figure (a reason string), or None."""
    lex = lexicon()
    s, e = m.start, m.end
    digits = NON_DIGIT_RE.sub("", m.surface.split("/")[0])
    before = phrase_before(folded, s, lex["before"])
    if phrase_before(folded, s, lex["scale_before"]):
        return "scale"  # "thang điểm từ 0% đến 100%", "thang điểm 100"
    if _context_before(folded, s, text):
        return "context"  # "dân số gần 19 nghìn người", "Số lượt xem: 198"
    quantity = phrase_before(folded, s, lex["quantity_before"])
    if before and quantity and len(quantity) > len(before):
        before = None  # "chỉ số 89,21": the "số" of "chỉ số", not "số 1"
    if m.form == "ratio":
        num, den = m.value, m.denominator
        if before == "số" and not _rank_before(folded, s):
            return "identifier"  # a house or a document number: "số 1/18 đường Lê Lợi"
        if m.denominator is not None and m.surface.split("/")[-1].strip().isdigit() and 1900 <= den <= 2100:
            return "date"  # "tháng 6/2019", "quý I/2017"
        if before in context_words()["date_before"] or phrase_before(folded, s, context_words()["date_before"]):
            return "date"
        if DATE_AFTER_RE.match(text[e:e + 6]) and text[e:e + 1] in "/-.":
            return "date"
        nxt = word_after(folded, e)
        if _after_reason(nxt) == "time":
            return "time"  # "24/24 giờ", "7/7 ngày"
        if (num, den) in ROUND_THE_CLOCK and not _counted_noun(nxt):
            return "time"  # "hỗ trợ 24/7", "xử lý 24/24": round the clock
        if FRACTION_OF_RE.match(nxt) and _counted_noun(nxt[FRACTION_OF_RE.match(nxt).end():]):
            return None  # "2/3 số sở": a fraction of a counted whole, not a date
        if den and den <= 12 and num <= 31 and not _counted_noun(nxt) and not _rank_before(folded, s):
            if not m.surface.endswith("%") and not SCORE_OR_PERCENT_RE.match(nxt):
                return "date"  # a day/month with no counted noun after it: "9/3"
        return None
    if m.form in ("words", "zero"):
        return None
    if len(digits) >= 9 or (digits.startswith("0") and len(digits) >= 3 and "," not in m.surface):
        return "phone or code"
    if m.form == "percent":
        if before == "mức độ":
            return "level"
        # "chiếm 28,6% tổng vốn", "tương ứng 20,8% tổng số đảng viên": a share of money or of a
        # party's members, not of administrative work
        whole = SHARE_OF_RE.match(folded, e)
        reason = _after_reason(word_after(folded, whole.end() if whole else e))
        return reason if reason in ("money_share", "party") else None
    if text[e:e + 1] in "/-." and DATE_AFTER_RE.match(text[e:e + 6]) and text[e + 1:e + 2].isdigit():
        return "date"
    if before and not _rank_before(folded, s):
        if before in context_words()["date_before"]:
            return "date"
        if before in context_words()["year_before"] and len(digits) == 4:
            return "year"
        if before not in context_words()["year_before"] and not (before in lex["verbs_before"] and _counted_noun(word_after(folded, e))):
            return "identifier"  # "mức độ 3", "Tổ giám sát số 1", "Kỳ họp thứ 17", "Quận 3"
    if (text[s - 2:s] in ("/ ", "- ", "– ") or text[s - 1:s] in ("-", "–")) and _is_year(m):
        return "year range"
    nxt = word_after(folded, e)
    reason = _after_reason(nxt)
    if reason:
        return reason
    if _is_year(m) and (not _counted_noun(nxt) or ACRONYM_BEFORE_RE.search(text, max(0, s - 12), s)):
        # "SIPAS 2017 phản ánh", "PAR INDEX 2018": an edition year after an index's name
        return "year"
    if YEAR_RANGE_AFTER_RE.match(text[e:e + 8]) and _is_year(m):
        return "year range"
    return None


SHARE_OF_RE = re.compile(r"[ \u00a0]*(?:tổng[ \u00a0]+)?số(?=[ \u00a0])")
# a place named between a context phrase and its number: "dân số TP. HCM gần 10 triệu người"
PLACE_GAP_RE = regex.compile(r"(?<![\p{L}])(?:(?:tỉnh|thành phố|tp\.?|huyện|quận|xã|phường|thị xã)[ \u00a0]+)?"
                             r"(?:\p{Lu}[\p{L}.]*[ \u00a0]*){1,4}$")


def _context_before(folded: str, s: int, text: str | None = None) -> bool:
    lex = lexicon()
    q = phrase_before(folded, s, lex["qualifiers"])
    if q:
        s = folded.rfind(q, 0, s)
    while s > 0 and folded[s - 1] in " \u00a0:":
        s -= 1  # "Số lượt xem: 198"
    if phrase_before(folded, s, lex["context_before"]):
        return True
    verb = CONTEXT_VERB_RE.search(folded, max(0, s - 24), s)  # "tỷ lệ hộ nghèo giảm 2,97%"
    if verb and phrase_before(folded, verb.start(), lex["context_before"]):
        return True
    place = PLACE_GAP_RE.search(text, max(0, s - 40), s) if text is not None else None
    return bool(place) and bool(phrase_before(folded, place.start(), lex["context_before"]))


# a change or a level between a context phrase and its number
CONTEXT_VERB_RE = re.compile(r"(?<![^\W_])(?:(?:chỉ|vẫn|bình quân|trung bình)[ \u00a0]+)?(?:giảm|tăng|giảm còn|"
                             r"tăng lên|còn|đạt|là|ở mức)[ \u00a0]*$")


def _is_year(m: NumberMatch) -> bool:
    return m.surface.isdigit() and len(m.surface) == 4 and 1900 <= m.value <= 2100


def _after_reason(nxt: str) -> str | None:
    lex = lexicon()
    best = phrase_at(nxt, 0, lex["after"])
    counted = phrase_at(nxt, 0, lex["counted"])
    if best and not (counted and len(counted) > len(best)):
        return lex["after"][best]
    return None


def _counted_noun(nxt: str) -> str | None:
    return phrase_at(nxt, 0, lexicon()["counted"])


def rank_words() -> Phrases:
    """Words right before a rank: "xếp thứ", "đứng", "vị trí số"."""
    return context_words()["rank_before"]


def _rank_before(folded: str, s: int) -> str | None:
    return phrase_before(folded, s, rank_words()) or ("thứ" if elliptic_rank(folded, s) else None)


# "xếp thứ 2 và 3", "lần lượt xếp thứ 3 về PCI và thứ 6 về PAPI": a rank that shares the verb
# of a rank before it in the clause
ELLIPTIC_RANK_RE = regex.compile(
    r"(?:xếp|đứng|hạng)(?![\p{L}])[^\d.;:\n]{0,40}\d+(?:[ \u00a0]*/[ \u00a0]*\d+)?[^\d.;:\n]{0,30}?(?:[ \u00a0]và|,)[ \u00a0]*(?:thứ[ \u00a0]*)?$")


# "dịch vụ công trực tuyến đứng thứ 74; hạ tầng viễn thông thứ 110; hạ tầng nhân lực thứ 127":
# a list whose items each give "thứ N" after a first rank with its verb
RANK_LIST_RE = regex.compile(
    r"(?:xếp|đứng|hạng)(?![\p{L}])[^\d.;:\n]{0,40}\d+(?:[ \u00a0]*/[ \u00a0]*\d+)?"
    r"(?:[^\d.:\n]{1,50}?(?<![\p{L}])thứ[ \u00a0]*\d+)*[ \u00a0]*[;,][^\d.:\n]{0,50}?(?<![\p{L}])thứ[ \u00a0]*$")
ORDINAL_THU_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?<!(?:lần|kỳ|kỳ họp|năm|khóa|khoá|ngày|tuần|tháng|quý|đợt)[ \u00a0]+)thứ[ \u00a0]*$")


def elliptic_rank(folded: str, s: int) -> bool:
    if ELLIPTIC_RANK_RE.search(folded, max(0, s - 90), s):
        return True
    return bool(ORDINAL_THU_BEFORE_RE.search(folded, max(0, s - 6), s)) and bool(
        RANK_LIST_RE.search(folded, max(0, s - 240), s))


# --------------------------------------------------------------------------- finding

NUMBER_WORDS = ("không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|"
                "trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|linh|lẻ|phẩy")
WORD_NUMBER_RE = regex.compile(rf"(?<![\p{{L}}\d])(?:(?:{NUMBER_WORDS})(?:[ \u00a0]+|(?![\p{{L}}\d])))+")
# where WORD_NUMBER_RE can start: the standard `re` module finds these several times faster
WORD_NUMBER_START_RE = re.compile(rf"(?<![^\W_])(?:{NUMBER_WORDS})(?![^\W_])")



def find_numbers(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """All numeric mentions in text[start:end], in order, each a candidate or excluded."""
    out: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(text, start, end):
        out.extend(_from_digits(text, folded, m))
    out.extend(_from_words(text, folded, start, end))
    out.extend(_zero_phrases(text, folded, start, end))
    out.extend(_ordinal_ranks(text, folded, start, end))
    out.sort(key=lambda n: (n.start, -n.end))
    _continue_lists(text, out)
    _percent_ranges(text, out)
    out = _ratios_in_words(text, folded, out)
    # drop a candidate contained in an earlier (longer) one, e.g. a zero phrase's inner word
    kept: list[NumberMatch] = []
    for n in out:
        if kept and n.start < kept[-1].end:
            continue
        kept.append(n)
    return kept


LIST_JOIN_RE = regex.compile(r"^[ \u00a0]*(?:,|và|hoặc|-|–)?[ \u00a0]*$")


RANGE_TO_RE = regex.compile(r"^[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?P<qualifier>dưới|hơn|trên)?[ \u00a0]*$")
ACRONYM_BEFORE_RE = regex.compile(r"(?<![\p{L}\d])\p{Lu}{2,}[ \u00a0]+$")
FROM_BEFORE_RE = regex.compile(r"(?<!\p{L})từ[ \u00a0]*$")


def _range_approx(text: str, start: int) -> tuple[str | None, str | None]:
    """The qualifiers of a range's two ends: "từ 10% đến 15%" states both exactly; "10-15%",
    "10 đến 15%" read as at least 10 and at most 15."""
    if FROM_BEFORE_RE.search(text, max(0, start - 8), start):
        return None, None
    return "at_least", "at_most"


@functools.cache
def _scale_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """"14,5 triệu": a scale word after digits; "6 triệu 325 nghìn": a smaller scale after it."""
    mult = _number_words()["mult"]
    big = "|".join(regex.escape(w) for w in sorted(mult, key=len, reverse=True) if mult[w] >= 1000)
    small = "|".join(regex.escape(w) for w in mult if mult[w] == 1000)
    return (regex.compile(rf"[ \u00a0]+(?P<word>{big})(?!\p{{L}})"),
            regex.compile(rf"[ \u00a0]+(?P<num>\d{{1,3}})[ \u00a0]+(?P<word>{small})(?!\p{{L}})"))


def _percent_ranges(text: str, numbers: list[NumberMatch]) -> None:
    """"từ 10 đến 15%", "10 - 15%": the first end of a range of percentages is a percentage."""
    for prev, cur in zip(numbers, numbers[1:]):
        joint = RANGE_TO_RE.match(text[prev.end:cur.start])
        if prev.form == "number" and cur.form == "percent" and joint:
            prev.form = "percent"
            if prev.excluded in ("identifier",):
                continue
            if prev.excluded in ("context", "scale"):
                cur.excluded = prev.excluded  # "lãi suất ở mức 2-3%": the whole range is context
                continue
            prev.excluded = None
            first, second = _range_approx(text, prev.start)
            if not joint["qualifier"] and first:
                prev.approx, cur.approx = first, cur.approx or second


RATIO_WORD_RE = re.compile(r"[ \u00a0]+trên[ \u00a0]+(?:tổng[ \u00a0]+số[ \u00a0]+)?$")


def _ratios_in_words(text: str, folded: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """"9 trên 10 xã", "3 trên tổng số 5 huyện": a part over its whole written with "trên" is
    one ratio (not "trên 10" = over 10); a rank's field ("thứ 3 trên 19 bộ") is left to the rank."""
    out: list[NumberMatch] = []
    for cur in numbers:
        prev = out[-1] if out else None
        if (prev is not None and prev.form == cur.form == "number" and not prev.excluded and not cur.excluded
                and RATIO_WORD_RE.match(folded, prev.end, cur.start) and prev.value <= cur.value
                and float(prev.value).is_integer() and float(cur.value).is_integer()
                and not _rank_before(folded, prev.start)):
            out[-1] = NumberMatch(prev.start, cur.end, text[prev.start:cur.end], prev.value, cur.value, "ratio")
            continue
        out.append(cur)
    return out


def _continue_lists(text: str, numbers: list[NumberMatch]) -> None:
    """"mức độ 3, 4", "Tổ 1 và 2": a number listed right after an identifier is one too;
    "thang điểm từ 0% đến 100%": so is the far end of a scale or of a context's range."""
    for prev, cur in zip(numbers, numbers[1:]):
        if prev.excluded in ("scale", "context") and cur.excluded is None and RANGE_TO_RE.match(text[prev.end:cur.start]):
            cur.excluded = prev.excluded  # "lãi suất ở mức 2-3%": the far end of the range too
            continue
        if (prev.excluded in ("identifier", "level") and cur.excluded is None and cur.form == "number"
                and LIST_JOIN_RE.match(text[prev.end:cur.start])):
            cur.excluded = prev.excluded


def _from_digits(text: str, folded: str, m) -> list[NumberMatch]:
    try:
        return _read_digits(text, folded, m)
    except ValueError:
        return []  # digits of a script Python's float() does not read (the regex module's Unicode is newer)


def _read_digits(text: str, folded: str, m) -> list[NumberMatch]:
    num = parse_numeral(m["num"])
    s, e = m.start("num"), m.end()
    if m["den"]:
        den = parse_numeral(m["den"])
        form = "percent" if m["den_pct"] else "ratio"
        nm = NumberMatch(s, e, text[s:e], num, den, form)
        if form == "percent":  # "95/98%" is unusual: keep it as two percents
            nm = NumberMatch(s, m.end("num"), text[s:m.end("num")], num, None, "number")
    elif m["pct_range"]:
        # "12%-15%"
        first_approx, second_approx = _range_approx(text, s)
        first_end = m.start("pct_range") + m["pct_range"].index("%") + 1
        first = NumberMatch(s, first_end, text[s:first_end], num, None, "percent", approx=first_approx)
        s3 = m.start("num3")
        second = NumberMatch(s3, e, text[s3:e], parse_numeral(m["num3"]), None, "percent", approx=second_approx)
        first.excluded = exclusion(folded, first, text)
        second.excluded = exclusion(folded, second, text)
        return [first, second]
    elif m["range"]:
        form = "percent" if m["pct2"] else "number"
        # "95-98%"; a count range ("65.000-70.000 hồ sơ") stays at least / at most after "từ" too
        first_approx, second_approx = _range_approx(text, s) if form == "percent" else ("at_least", "at_most")
        first = NumberMatch(s, m.end("num"), m["num"], num, None, form, approx=first_approx)
        s2 = m.start("num2")
        second = NumberMatch(s2, e, text[s2:e], parse_numeral(m["num2"]), None, form, approx=second_approx)
        second.excluded = exclusion(folded, second, text)
        if form == "percent":
            first.excluded = exclusion(folded, first, text)
        elif len(m["num"]) < 4 and len(m["num2"]) < 4 or _is_year(first):
            # "15-3", "2021-2030": dates and years, not ranges
            first.excluded = second.excluded = "date or year range"
        else:
            first.excluded = second.excluded  # "65.000-70.000 hồ sơ": the noun follows the second
        return [first, second]
    elif m["pct"]:
        nm = NumberMatch(s, e, text[s:e], num, None, "percent")
    else:
        e = m.end("num")
        scale_re, rest_re = _scale_patterns()
        scale = scale_re.match(folded, e, e + 12)
        rest = rest_re.match(folded, scale.end(), scale.end() + 16) if scale else None
        after_scale = rest.end() if rest else scale.end() if scale else e
        noun_after = word_after(folded, after_scale) if scale else ""
        if scale and (_counted_noun(noun_after) or CLAUSE_END_RE.match(folded, after_scale)
                      or (noun_after[:1].isalpha() and not _after_reason(noun_after))):
            # "14,5 triệu hồ sơ", "6 triệu 325 nghìn hồ sơ": a count with its scale words; "số
            # hồ sơ là 1,2 triệu.": the noun stood before it; "1,6 triệu thửa đất": an ordinary
            # noun, which figures.py keeps only if the tagger reads a noun
            mult = _number_words()["mult"]
            num = num * mult[scale["word"]]
            if rest:
                num += parse_numeral(rest["num"]) * mult[rest["word"]]
            e = after_scale
            num = round(num, 6)
        nm = NumberMatch(s, e, text[s:e], num, None, "number")
    nm.excluded = exclusion(folded, nm, text)
    return [nm]


CLAUSE_END_RE = regex.compile(r"[ \u00a0]*(?:[.;,)]|$)")


ORDINAL_BEFORE_RE = re.compile(r"(?<![^\W_])thứ[ \u00a0]+$")


def _from_words(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    lex = _number_words()
    out = []
    free = start  # matches do not overlap
    for c in WORD_NUMBER_START_RE.finditer(folded, start, end):
        m = WORD_NUMBER_RE.match(folded, c.start(), end) if c.start() >= free else None
        if m is None:
            continue
        free = m.end()
        s, e = m.start(), m.end()
        while e > s and not folded[e - 1].isalpha():
            e -= 1
        words = folded[s:e].split()
        if ORDINAL_BEFORE_RE.search(folded, max(0, s - 8), s):
            continue  # "năm thứ ba", "lần thứ hai": an ordinal (ranks in words: _ordinal_ranks)
        # "năm" next to a year, "tư" in "đầu tư", "một cửa": only take word numbers that carry
        # a counted noun and are not a single ambiguous word
        if len(words) == 1 and words[0] not in lex["single_word_figures"] and not (
                words[0] == "một" and phrase_before(folded, s, lex["one_counts_after"])):
            continue
        value = parse_number_words(words)
        if value is None:
            continue
        if phrase_before(folded, s, lex["vague"]):
            continue
        pct = PERCENT_WORDS_RE.match(folded[e:e + 15])
        nxt = word_after(folded, e)
        if pct:
            e += pct.end()
            out.append(NumberMatch(s, e, text[s:e], value, None, "percent"))
        elif _counted_noun(nxt) and not _after_reason(nxt):
            out.append(NumberMatch(s, e, text[s:e], value, None, "words"))
        elif nxt[:1].isalpha() and not _after_reason(nxt) and words[0] != "một":
            out.append(NumberMatch(s, e, text[s:e], value, None, "words", open_noun=True))
    return out


ORDINAL_RANK_RE = regex.compile(
    r"(?<![\p{L}\d])(?:xếp|đứng|giữ|vị trí|xếp vị trí|đứng vị trí|giữ vị trí|xếp hạng)[ \u00a0]+"
    r"(?P<ordinal>(?:thứ|số)[ \u00a0]+(?P<word>\p{L}+))(?![\p{L}\d])")


def _ordinal_ranks(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """"xếp vị trí thứ nhất", "đứng thứ hai": a rank written as an ordinal word."""
    ordinals = _number_words()["ordinals"]
    out = []
    for m in ORDINAL_RANK_RE.finditer(folded, start, end):
        if m["word"] in ordinals:
            s, e = m.span("ordinal")
            out.append(NumberMatch(s, e, text[s:e], float(ordinals[m["word"]]), None, "ordinal"))
    return out


def _zero_phrases(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """"không có hồ sơ nào quá hạn" -> a count of 0 spanning "không có hồ sơ nào"."""
    lex = lexicon()
    out = []
    for m in lex["negation_re"].finditer(folded, start, end):
        noun = phrase_at(folded, m.end(), lex["zero_nouns"])
        needs_nao = noun is None
        noun = noun or phrase_at(folded, m.end(), lex["zero_nouns_with_nao"])
        if not noun:
            continue
        e = m.end() + len(noun)
        nao = NAO_RE.match(folded[e:e + 6])
        if nao:
            e += nao.end()
        elif needs_nao:
            continue
        out.append(NumberMatch(m.start(), e, text[m.start():e], 0, None, "zero"))
    return out
