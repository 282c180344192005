"""Why a number is not a figure: a date, a year, an identifier ("mức độ 3", "Tổ 1"), a
duration, money, a measure, a context that is not administrative work ("dân số", "lãi suất"),
or a rank's field. `exclusion` gives the reason, or None for a candidate figure."""
from __future__ import annotations

import functools
import re

import regex

from .numerals import (DATE_AFTER_RE, FRACTION_OF_RE, NON_DIGIT_RE, ROUND_THE_CLOCK, SCORE_OR_PERCENT_RE,
                       YEAR_RANGE_AFTER_RE, NumberMatch, Phrases, lexicon, phrase_at, phrase_before, word_after)
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import key

ACHIEVED_BEFORE_RE = compile_pattern(r"(?<!\p{L})đạt[ \u00a0]+(?:được[ \u00a0]+)?điểm[ \u00a0]+tối[ \u00a0]+đa[ \u00a0]*$")
ACRONYM_BEFORE_RE = compile_pattern(r"(?<![\p{L}\d])\p{Lu}{2,}[ \u00a0]+$")

@functools.cache
def context_words() -> dict:
    """Words around a number that make it a date, a year or a rank (figures.yml `number_context`)."""
    data = load_yaml("figures.yml")["number_context"]
    return {name: Phrases(key(w) for w in words) for name, words in data.items()}


# the largest number a day, month or quarter word can take as a date ("ngày 31", "tháng 12")
DATE_WORD_LIMITS = {"ngày": 31, "tháng": 12, "quý": 4}
# "mỗi", "hằng" ... then the day, month or quarter word, right before the number
DISTRIBUTIVE_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})(?:mỗi|hằng|hàng|bình[ \u00a0]+quân|trung[ \u00a0]+bình)[ \u00a0]*(?:ngày|tháng|quý)[ \u00a0]*$")


def _count_per_period(folded: str, before: str, m: NumberMatch) -> bool:
    """"Hằng tháng 1.200 hồ sơ", "mỗi ngày 30 hồ sơ", "trong quý 1.300 hồ sơ": a count in a day,
    month or quarter, not its date (a number no date can take, or after "mỗi", "hằng")."""
    limit = DATE_WORD_LIMITS.get(before)
    if limit is None or m.form != "number":
        return False
    if m.value > limit and float(m.value).is_integer():
        return True
    return bool(DISTRIBUTIVE_BEFORE_RE.search(folded, max(0, m.start - 40), m.start))


# "năm 2019" after a number: the year of what the number states, not years it lasts
YEAR_NAMED_AFTER_RE = compile_pattern(r"[ \u00a0]+năm[ \u00a0]+(?:19|20)\d\d(?!\d)")
# a share before a small fraction: "chiếm gần 1/3", "hơn 2/3 số xã"
SHARE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:chiếm|gần|hơn|khoảng|xấp xỉ|trên|dưới)[ \u00a0]*$")
FRACTION_MAX_DEN = 5


# what an assessment is made of, named as such: "8 lĩnh vực được đánh giá", "đánh giá trên 8 lĩnh
# vực": the index's structure, not a result (the parts a unit achieved stay: "có 5 lĩnh vực đạt ...")
ASSESSED_PARTS = r"[ \u00a0]+(?:lĩnh[ \u00a0]+vực|tiêu[ \u00a0]+chí|nội[ \u00a0]+dung|chỉ[ \u00a0]+số)(?![\p{L}])"
ASSESSED_PARTS_RE = compile_pattern(ASSESSED_PARTS)
ASSESSED_REACH = 80  # characters after a number where its parts' words are read
ASSESSED_PARTS_AFTER_RE = compile_pattern(ASSESSED_PARTS + r"[ \u00a0]+được[ \u00a0]+đánh[ \u00a0]+giá(?![\p{L}])"
                                        r"(?![ \u00a0]+(?:cao|tốt|thấp|khá|kém|xuất[ \u00a0]+sắc|đạt|là|ở[ \u00a0]+mức)(?![\p{L}]))")
ASSESSED_ON_BEFORE_RE = compile_pattern(r"(?<![\p{L}])đánh[ \u00a0]+giá[ \u00a0]+(?:trên|theo|qua|ở)[ \u00a0]*$")
# an index's fields and criteria counted side by side after a word that introduces its make-up
# ("với 9 lĩnh vực, 44 tiêu chí"); not what a unit achieved ("đạt điểm tối đa ở 5 lĩnh vực, 20 tiêu chí")
MAKE_UP_BEFORE_RE = compile_pattern(r"(?<![\p{L}])(?:với|gồm|bao[ \u00a0]+gồm|gồm[ \u00a0]+có|trên|theo)[ \u00a0]*$")
FIELDS_THEN_CRITERIA_RE = compile_pattern(r"[ \u00a0]+lĩnh[ \u00a0]+vực[ \u00a0]*(?:,|và)[ \u00a0]*\d+[ \u00a0]+tiêu[ \u00a0]+chí(?![\p{L}])")
CRITERIA_AFTER_FIELDS_RE = compile_pattern(r"(?<![\d.,/])\d+[ \u00a0]+lĩnh[ \u00a0]+vực[ \u00a0]*(?:,|và)[ \u00a0]*$")
CRITERIA_RE = compile_pattern(r"[ \u00a0]+tiêu[ \u00a0]+chí(?![\p{L}])")


def _assessment_part(folded: str, s: int, e: int) -> bool:
    """Whether the count folded[s:e] counts the parts an assessment is made of: "8 lĩnh vực được
    đánh giá", "đánh giá trên 8 lĩnh vực", "với 9 lĩnh vực, 44 tiêu chí" (both counts)."""
    after = e + ASSESSED_REACH  # (bounded: the regex module scans to the end of a long line otherwise)
    if ASSESSED_PARTS_AFTER_RE.match(folded, e, after):
        return True
    if ASSESSED_ON_BEFORE_RE.search(folded, max(0, s - 30), s) and ASSESSED_PARTS_RE.match(folded, e, after):
        return True
    if MAKE_UP_BEFORE_RE.search(folded, max(0, s - 16), s) and FIELDS_THEN_CRITERIA_RE.match(folded, e, after):
        return True  # the fields of "với 9 lĩnh vực, 44 tiêu chí"
    fields = CRITERIA_AFTER_FIELDS_RE.search(folded, max(0, s - 30), s)  # ... and its criteria
    return bool(fields and MAKE_UP_BEFORE_RE.search(folded, max(0, fields.start() - 16), fields.start())
                and CRITERIA_RE.match(folded, e, after))


# words before a number that name a numbered unit ("Quận 3", "phường 12") unless the number counts
# something: "cấp quận 21.310 hồ sơ, cấp phường 36.916 hồ sơ"
NUMBERED_UNIT_WORDS = frozenset({"quận", "phường"})
MAX_UNIT_NUMBER_DIGITS = 2  # wards and districts are numbered up to a few dozen ("Quận 1 tổ chức" is Quận 1)


def exclusion(folded: str, m: NumberMatch, text: str) -> str | None:
    """Why the number at `m` is not a figure (a reason string), or None."""
    lex = lexicon()
    s, e = m.start, m.end
    before = phrase_before(folded, s, lex["before"])
    if phrase_before(folded, s, lex["scale_before"]) and not (m.form == "ratio" and ACHIEVED_BEFORE_RE.search(folded, max(0, s - 30), s)):
        # (not "đạt điểm tối đa 18/18 điểm": full marks achieved)
        return "scale"  # "thang điểm từ 0% đến 100%", "thang điểm 100"
    if _context_before(folded, s, text):
        return "context"  # "dân số gần 19 nghìn người", "Số lượt xem: 198"
    quantity = phrase_before(folded, s, lex["quantity_before"]) if before else None
    if quantity and len(quantity) > len(before):
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
        if _after_reason(nxt) == "time" and not YEAR_NAMED_AFTER_RE.match(folded, e):
            return "time"  # "24/24 giờ", "7/7 ngày" (not "lên thứ 27/63 năm 2019": the year of the rank)
        if (num, den) in ROUND_THE_CLOCK and not _counted_noun(nxt):
            return "time"  # "hỗ trợ 24/7", "xử lý 24/24": round the clock
        if FRACTION_OF_RE.match(nxt) and _counted_noun(nxt[FRACTION_OF_RE.match(nxt).end():]):
            return None  # "2/3 số sở": a fraction of a counted whole, not a date
        if num < den <= FRACTION_MAX_DEN and SHARE_BEFORE_RE.search(folded, max(0, s - 20), s):
            return None  # "chiếm gần 1/3", "hơn 2/3": a fraction, not a day and month
        if den and den <= 12 and num <= 31 and not _counted_noun(nxt) and not _rank_before(folded, s):
            if not m.surface.endswith("%") and not SCORE_OR_PERCENT_RE.match(nxt):
                return "date"  # a day/month with no counted noun after it: "9/3"
        return None
    if m.form in ("words", "zero"):
        return None
    digits = NON_DIGIT_RE.sub("", m.surface.split("/")[0])
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
    if before and not _rank_before(folded, s) and not _count_per_period(folded, before, m):
        if before in context_words()["date_before"]:
            return "date"
        if before in context_words()["year_before"] and len(digits) == 4:
            return "year"
        if before not in context_words()["year_before"] and not (
                (before in lex["verbs_before"] or (before in NUMBERED_UNIT_WORDS and len(digits) > MAX_UNIT_NUMBER_DIGITS))
                and _counted_noun(word_after(folded, e))) and not _decimal_score(m, folded):
            return "identifier"  # "mức độ 3", "Tổ giám sát số 1", "Kỳ họp thứ 17", "Quận 3"
    if (text[s - 2:s] in ("/ ", "- ", "– ") or text[s - 1:s] in ("-", "–")) and _is_year(m):
        return "year range"
    nxt = word_after(folded, e)
    reason = _after_reason(nxt)
    if reason == "time" and YEAR_NAMED_AFTER_RE.match(folded, e) and _rank_before(folded, s):
        reason = None  # "xếp thứ 27 năm 2019": the year of the rank, not 27 years
    if reason:
        return reason
    if _assessment_part(folded, s, e):
        return "index_structure"  # "Trong 8 lĩnh vực được đánh giá", "được đánh giá trên 8 lĩnh vực"
    if _is_year(m) and (not _counted_noun(nxt) or ACRONYM_BEFORE_RE.search(text, max(0, s - 12), s)):
        # "SIPAS 2017 phản ánh", "PAR INDEX 2018": an edition year after an index's name
        return "year"
    if YEAR_RANGE_AFTER_RE.match(text[e:e + 8]) and _is_year(m):
        return "year range"
    return None


# the units a merger joined, named in a time clause or as what was before it: no figure of their work
MERGED_WHEN_BEFORE_RE = compile_pattern(r"(?<!\p{L})khi[ \u00a0]+(?:sáp[ \u00a0]+nhập|hợp[ \u00a0]+nhất)[ \u00a0]+$")
MERGED_GROUP_AFTER_RE = compile_pattern(
    r"[ \u00a0]+(?:tỉnh|xã|phường|huyện|địa[ \u00a0]+phương|đơn[ \u00a0]+vị)(?:[ \u00a0]+[^\d.;:,()\n]{1,40}?)?"
    r"[ \u00a0]+trước[ \u00a0]+(?:khi[ \u00a0]+)?(?:sáp[ \u00a0]+nhập|hợp[ \u00a0]+nhất)(?!\p{L})")
_NAME = r"(?:\p{Ll}+[ \u00a0]+){0,2}(?:\p{Lu}\p{L}*[ \u00a0]*){1,4}(?:\d{1,2}[ \u00a0]*)?(?:\([^()\n]{0,40}\)[ \u00a0]*)?"
# "Phường Minh Xuân và phường Hà Giang 1 là hai đơn vị ...": the units just named, counted again
NAMED_THEN_COUNTED_RE = compile_pattern(rf"{_NAME}(?:,[ \u00a0]*{_NAME})*[ \u00a0]*và[ \u00a0]+{_NAME}là[ \u00a0]+$")


def names_the_units_before(text: str, s: int) -> bool:
    """Whether the count in words at `s` counts units named right before it, then "là"."""
    return bool(NAMED_THEN_COUNTED_RE.search(text, max(0, s - 160), s))


def names_merged_units(folded: str, s: int, e: int) -> bool:
    """Whether the count in words at folded[s:e] counts the units a merger joined ("sau khi hợp
    nhất ba địa phương", "hai tỉnh Hưng Yên và Thái Bình trước sáp nhập"): no work of theirs."""
    return bool(MERGED_WHEN_BEFORE_RE.search(folded, max(0, s - 30), s) or MERGED_GROUP_AFTER_RE.match(folded, e))


SHARE_OF_RE = re.compile(r"[ \u00a0]*(?:tổng[ \u00a0]+)?số(?=[ \u00a0])")
# how every PLACE_GAP_RE match ends: a capitalised word, then blanks (tested from the end, far
# cheaper than the search it spares where it fails)
PLACE_END_RE = compile_pattern(r"\p{Lu}[\p{L}.]*[ \u00a0]*$", regex.REVERSE)
# a place named between a context phrase and its number: "dân số TP. HCM gần 10 triệu người"
PLACE_GAP_RE = compile_pattern(r"(?<![\p{L}])(?:(?:tỉnh|thành phố|tp\.?|huyện|quận|xã|phường|thị xã)[ \u00a0]+)?"
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
    # "tỷ lệ hộ nghèo giảm 2,97%" (searched only after one of the words its matches end with)
    verb = CONTEXT_VERB_RE.search(folded, max(0, s - 24), s) \
        if folded[max(0, s - 24):s].rstrip(" \u00a0").endswith(CONTEXT_VERB_ENDS) else None
    if verb and phrase_before(folded, verb.start(), lex["context_before"]):
        return True
    if verb and _context_subject(folded, verb.start()):
        return True  # "lãi suất phổ biến hiện nay vẫn ở mức 9-10%": the clause's subject, a few words back
    may_be_place = text is not None and PLACE_END_RE.search(text, max(0, s - 40), s)
    place = PLACE_GAP_RE.search(text, max(0, s - 40), s) if may_be_place else None
    return bool(place) and bool(phrase_before(folded, place.start(), lex["context_before"]))


CONTEXT_SUBJECT_WORDS = 5  # words between a context phrase and the verb of its clause


def _context_subject(folded: str, verb_start: int) -> bool:
    """Whether a context phrase opens the words right before the verb ("lãi suất phổ biến hiện
    nay vẫn | ở mức"), with no number, comma or clause break between."""
    lex = lexicon()
    window_start = max(0, verb_start - 48)
    for m in WORD_START_RE.finditer(folded, window_start, verb_start):
        phrase = phrase_at(folded, m.start(), lex["context_before"])
        if phrase and CONTEXT_SUBJECT_GAP_RE.fullmatch(folded, m.start() + len(phrase), verb_start):
            return True
    return False


WORD_START_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]")
CONTEXT_SUBJECT_GAP_RE = compile_pattern(rf"(?:[ \u00a0]+\p{{L}}+){{0,{CONTEXT_SUBJECT_WORDS}}}[ \u00a0]*")
# a change or a level between a context phrase and its number
CONTEXT_VERB_RE = re.compile(r"(?<![^\W_])(?:(?:chỉ|vẫn|bình quân|trung bình)[ \u00a0]+)?(?:giảm|tăng|giảm còn|"
                             r"tăng lên|còn|đạt|là|ở mức)[ \u00a0]*$")
CONTEXT_VERB_ENDS = ("giảm", "tăng", "lên", "còn", "đạt", "là", "mức")  # how its matches end, blanks stripped


def _decimal_score(m: NumberMatch, folded: str) -> bool:
    """"Hải Phòng 82,03 điểm": points with a decimal part, which no room, level or article number
    has, after a name that ends in an identifier's word."""
    return "," in m.surface and bool(SCORE_OR_PERCENT_RE.match(word_after(folded, m.end)))


def _is_year(m: NumberMatch) -> bool:
    return m.surface.isdigit() and len(m.surface) == 4 and 1900 <= m.value <= 2100


RESPECTIVELY_AT_RE = compile_pattern(r"lần[ \u00a0]+lượt(?!\p{L})")


@functools.lru_cache(maxsize=65536)  # the few words after a number: the same ones recur in every article
def _after_reason(nxt: str) -> str | None:
    lex = lexicon()
    if RESPECTIVELY_AT_RE.match(nxt):
        return None  # "xếp thứ 2 và thứ 3 lần lượt là ...": "respectively", no multiplier
    best = phrase_at(nxt, 0, lex["after"])
    counted = phrase_at(nxt, 0, lex["counted"])
    if best and not (counted and len(counted) > len(best)):
        return lex["after"][best]
    return None


@functools.lru_cache(maxsize=65536)
def _counted_noun(nxt: str) -> str | None:
    return phrase_at(nxt, 0, lexicon()["counted"])


def rank_words() -> Phrases:
    """Words right before a rank: "xếp thứ", "đứng", "vị trí số"."""
    return context_words()["rank_before"]


def _rank_before(folded: str, s: int) -> str | None:
    return phrase_before(folded, s, rank_words()) or ("thứ" if elliptic_rank(folded, s) else None)


# "xếp thứ 2 và 3", "lần lượt xếp thứ 3 về PCI và thứ 6 về PAPI", "vị trí thứ 2 và thứ 3": a
# rank that shares the verb of a rank before it in the clause
ELLIPTIC_RANK_RE = compile_pattern(
    r"(?:xếp|đứng|hạng|vị[ \u00a0]+trí)(?![\p{L}])[^\d.;:\n]{0,40}\d+(?:[ \u00a0]*/[ \u00a0]*\d+)?[^\d.;:\n]{0,30}?(?:[ \u00a0]và|,)[ \u00a0]*(?:thứ[ \u00a0]*)?$")


# "dịch vụ công trực tuyến đứng thứ 74; hạ tầng viễn thông thứ 110; hạ tầng nhân lực thứ 127":
# a list whose items each give "thứ N" after a first rank with its verb
RANK_LIST_RE = compile_pattern(
    r"(?:xếp|đứng|hạng)(?![\p{L}])[^\d.;:\n]{0,40}\d+(?:[ \u00a0]*/[ \u00a0]*\d+)?"
    r"(?:[^\d.:\n]{1,50}?(?<![\p{L}])thứ[ \u00a0]*\d+)*[ \u00a0]*(?:[;,]|(?<!\p{L})và(?!\p{L}))[^\d.:\n]{0,50}?(?<![\p{L}])thứ[ \u00a0]*$")
# "có thứ hạng lần lượt là: Hà Nội thứ 3 (90,11 điểm), TP Hồ Chí Minh thứ 9 ...": places given to
# the units listed after a ranking's word and "là" or ":"
RANKED_NAMES_RE = compile_pattern(
    r"(?<!\p{L})(?:xếp[ \u00a0]+hạng|thứ[ \u00a0]+hạng|xếp[ \u00a0]+thứ|đứng[ \u00a0]+thứ)(?!\p{L})[^\d.;\n]{0,30}?(?:(?<!\p{L})là|:)"
    r"(?:[^\d.;\n]{1,40}?(?<!\p{L})thứ[ \u00a0]*\d+(?:[ \u00a0]*\([^()\n]{0,30}\))?[ \u00a0]*(?:,|(?<!\p{L})và(?!\p{L})))*"
    r"[^\d.;\n]{1,40}?(?<!\p{L})thứ[ \u00a0]*$")
ORDINAL_THU_BEFORE_RE = compile_pattern(
    r"(?<![\p{L}])(?<!(?:lần|kỳ|kỳ họp|năm|khóa|khoá|ngày|tuần|tháng|quý|đợt)[ \u00a0]+)thứ[ \u00a0]*$")


# a place in the ranking, then its number: "xếp cuối, thứ 10/10", "đứng đầu, thứ 1/63"
PLACE_THEN_THU_RE = compile_pattern(r"(?<![\p{L}])(?:xếp|đứng)[ \u00a0]+(?:cuối|đầu|chót)(?:[ \u00a0]+bảng)?[ \u00a0]*,?[ \u00a0]*thứ[ \u00a0]*$")
BRACKET_THU_RE = compile_pattern(r"\([ \u00a0]*thứ[ \u00a0]*$")
RANKING_CONTEXT_RE = compile_pattern(r"(?<![\p{L}])(?:xếp|đứng|cuối bảng|dẫn đầu|nhóm cuối|nhóm đầu|bảng xếp hạng)(?![\p{L}])")
RANK_VERBS = ("xếp", "đứng", "hạng", "vị")  # one of them starts every ELLIPTIC_RANK_RE and RANK_LIST_RE match


def _has_rank_verb(folded: str, start: int, end: int) -> bool:
    return any(folded.find(verb, start, end) >= 0 for verb in RANK_VERBS)


def elliptic_rank(folded: str, s: int) -> bool:
    # the substring tests first: most numbers have no rank verb and no "thứ" before them
    if _has_rank_verb(folded, max(0, s - 90), s) and ELLIPTIC_RANK_RE.search(folded, max(0, s - 90), s):
        return True
    if folded.find("thứ", max(0, s - 6), s) < 0:
        return False
    if PLACE_THEN_THU_RE.search(folded, max(0, s - 40), s) or (
            BRACKET_THU_RE.search(folded, max(0, s - 12), s) and RANKING_CONTEXT_RE.search(folded, max(0, s - 160), s)):
        return True  # "xếp cuối, thứ 10/10"; "Nhóm cuối bảng gồm Bình Thuận (thứ 61), Kon Tum (thứ 62)"
    if not ORDINAL_THU_BEFORE_RE.search(folded, max(0, s - 6), s) or not _has_rank_verb(folded, max(0, s - 240), s):
        return False
    return bool(RANK_LIST_RE.search(folded, max(0, s - 240), s) or RANKED_NAMES_RE.search(folded, max(0, s - 240), s))
