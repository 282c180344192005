"""Vietnamese numerals in running text: digits with "." thousands and "," decimals, spaced
groups, percentages, ratios, ranges, number words and zero stated in words.

`find_numbers` returns every numeric mention of a text range as a `NumberMatch`, each either a
candidate figure or excluded with a reason (date, year, document number, service level,
duration, money, ...; `number_exclusions.py`). How numerals are written and read, and the phrase
lexicon, are `numerals.py`'s. Deciding what a candidate measures is `figures.py`'s job.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

import regex

from .number_exclusions import (names_merged_units, names_the_units_before, _after_reason, _counted_noun, _is_year, _rank_before, context_words, elliptic_rank,
                                exclusion, rank_words)
from .numerals import (NAO_RE, NUMBER_RE, PERCENT_WORDS_RE, NumberMatch, PhraseMap, Phrases, _number_words, as_number,
                       lexicon, parse_number_words, parse_numeral, phrase_at, phrase_before, word_after)
from .pattern_cache import compile_pattern
from .textkeys import char_trie_alternation, key

__all__ = ["NumberMatch", "Phrases", "PhraseMap", "as_number", "context_words", "elliptic_rank", "exclusion",
           "find_numbers", "lexicon", "parse_number_words", "parse_numeral", "phrase_at", "phrase_before",
           "rank_words", "word_after"]


# --------------------------------------------------------------------------- finding

NUMBER_WORDS = ("không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|"
                "trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|linh|lẻ|phẩy")
WORD_NUMBER_RE = compile_pattern(rf"(?<![\p{{L}}\d])(?:(?:{NUMBER_WORDS})(?:[ \u00a0]+|(?![\p{{L}}\d])))+")
# where WORD_NUMBER_RE can start: the standard `re` module finds these several times faster,
# the more so as a character trie without a look-behind (which `re` would try at every
# character); the character before a match is tested apart (`_word_number_starts`)
WORD_NUMBER_START_RE = re.compile(
    rf"(?:{char_trie_alternation([(w,) for w in NUMBER_WORDS.split('|')], '')})(?![^\W_])")


def _word_number_starts(folded: str, start: int, end: int) -> Iterator[int]:
    r"""Where a number word starts in folded[start:end] with no letter or digit before it:
    `(?<![^\W_])(?:NUMBER_WORDS)(?![^\W_])`. A match inside a word runs to the word's end,
    so skipping it hides no word start."""
    for c in WORD_NUMBER_START_RE.finditer(folded, start, end):
        s = c.start()
        if not (s and folded[s - 1].isalnum()):  # [^\W_] is str.isalnum
            yield s



def find_numbers(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """All numeric mentions in text[start:end], in order, each a candidate or excluded."""
    out: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(text, start, end):
        out.extend(_from_digits(text, folded, m))
    out.extend(_from_words(text, folded, start, end))
    out.extend(_zero_phrases(text, folded, start, end))
    out.extend(_ordinal_ranks(text, folded, start, end))
    out.sort(key=lambda n: (n.start, -n.end))
    _continue_lists(text, folded, out)
    _percent_ranges(text, out)
    out = _ratios_in_words(text, folded, out)
    # drop a candidate contained in an earlier (longer) one, e.g. a zero phrase's inner word
    kept: list[NumberMatch] = []
    for n in out:
        if kept and n.start < kept[-1].end:
            continue
        kept.append(n)
    return kept


LIST_JOIN_RE = compile_pattern(r"^[ \u00a0]*(?:,|và|hoặc|-|–)?[ \u00a0]*$")


RANGE_TO_RE = compile_pattern(r"^[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?P<qualifier>dưới|hơn|trên)?[ \u00a0]*$")
FROM_BEFORE_RE = compile_pattern(r"(?<!\p{L})từ[ \u00a0]*$")


def _may_be_day_month(day: str, month: str) -> bool:
    """"15-3" may be 15 March; "39-46" is no date."""
    return day.isdigit() and month.isdigit() and 1 <= int(day) <= 31 and 1 <= int(month) <= 12


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
    return (compile_pattern(rf"[ \u00a0]+(?P<word>{big})(?!\p{{L}})"),
            compile_pattern(rf"[ \u00a0]+(?P<num>\d{{1,3}})[ \u00a0]+(?P<word>{small})(?!\p{{L}})"))


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


def _continue_lists(text: str, folded: str, numbers: list[NumberMatch]) -> None:
    """"mức độ 3, 4", "Tổ 1 và 2": a number listed right after an identifier is one too (not
    one with a counted noun of its own: "mức độ 3 và 12 dịch vụ công"); "thang điểm từ 0% đến
    100%": so is the far end of a scale or of a context's range."""
    for prev, cur in zip(numbers, numbers[1:]):
        if prev.excluded in ("scale", "context") and cur.excluded is None and RANGE_TO_RE.match(text[prev.end:cur.start]):
            cur.excluded = prev.excluded  # "lãi suất ở mức 2-3%": the far end of the range too
            continue
        if (prev.excluded in ("identifier", "level") and cur.excluded is None and cur.form == "number"
                and LIST_JOIN_RE.match(text[prev.end:cur.start]) and not _counted_noun(word_after(folded, cur.end))):
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
        elif _may_be_day_month(m["num"], m["num2"]) or _is_year(first):
            # "15-3", "2021-2030": dates and years, not ranges ("39-46 điểm" is one)
            first.excluded = second.excluded = "date or year range"
        else:
            first.excluded = second.excluded  # "65.000-70.000 hồ sơ": the noun follows the second
        return [first, second]
    elif m["pct"]:
        nm = NumberMatch(s, e, text[s:e], num, None, "percent")
    elif m["spaced_dec"]:
        nm = NumberMatch(s, e, text[s:e], parse_numeral(f"{m['num']},{m['frac']}"), None, "percent")
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


CLAUSE_END_RE = compile_pattern(r"[ \u00a0]*(?:[.;,)]|$)")


ORDINAL_BEFORE_RE = re.compile(r"(?<![^\W_])thứ[ \u00a0]+$")


def _from_words(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    lex = _number_words()
    out = []
    free = start  # matches do not overlap
    for c in _word_number_starts(folded, start, end):
        m = WORD_NUMBER_RE.match(folded, c, end) if c >= free else None
        if m is None:
            continue
        free = m.end()
        s, e = m.start(), m.end()
        while e > s and not folded[e - 1].isalpha():
            e -= 1
        words = folded[s:e].split()
        # "năm" next to a year, "tư" in "đầu tư", "một cửa": only take word numbers that carry
        # a counted noun and are not a single ambiguous word (tested first: most are)
        only_one = words == ["một"] and bool(ONLY_ONE_AFTER_RE.match(folded, e))
        # "chỉ có năm hồ sơ", "Năm đơn vị dẫn đầu gồm ...": five, where no year can stand
        five = words == ["năm"] and bool(_counted_noun(word_after(folded, e))) and (
            bool(phrase_before(folded, s, lex["one_counts_after"])) or _opens_sentence(text, s)
            or _five_counts_after(folded, s))
        if len(words) == 1 and words[0] not in lex["single_word_figures"] and not only_one and not five and not (
                words[0] == "một" and (_one_counts_after(folded, s) or _one_listed_with_counts(folded, s, e))):
            continue
        if ORDINAL_BEFORE_RE.search(folded, max(0, s - 8), s):
            continue  # "năm thứ ba", "lần thứ hai": an ordinal (ranks in words: _ordinal_ranks)
        if text[s:s + 1].isupper() and NAME_WORD_BEFORE_RE.search(text, max(0, s - 24), s):
            continue  # "TP. Ngã Bảy", "xã Phú Hai": a number word in a proper name
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
        elif names_merged_units(folded, s, e) or names_the_units_before(text, s):
            continue
        elif _counted_noun(nxt) and not _after_reason(nxt):
            out.append(NumberMatch(s, e, text[s:e], value, None, "words"))
        elif nxt[:1].isalpha() and not _after_reason(nxt) and (words[0] != "một" or only_one):
            out.append(NumberMatch(s, e, text[s:e], value, None, "words", open_noun=True))
    return out


def _five_counts_after(folded: str, s: int) -> bool:
    """Whether "năm" at `s` comes right after a word or mark of `five_counts_after` (a list's
    joint, a contrast): "9 sở, ngành và năm quận", "song năm xã"."""
    end = s
    while end > 0 and folded[end - 1] in " \u00a0":
        end -= 1
    for cue in _number_words()["five_counts_after"]:
        start = end - len(cue)
        if start >= 0 and folded[start:end] == cue and (not cue[0].isalpha() or start == 0 or not folded[start - 1].isalnum()):
            return True
    return False


def _one_counts_after(folded: str, s: int) -> bool:
    """Whether "một" at `s` counts after the words before it ("trong đó có một xã"), not "có" as
    "there is" after a purpose or a place ("để có một nghị định", "nơi có một cán bộ")."""
    lex = _number_words()
    before = phrase_before(folded, s, lex["one_counts_after"])
    if before != "có":
        return before is not None
    have = folded.rindex("có", 0, s)
    return phrase_before(folded, have, lex["have_not_counting_after"]) is None


LIST_ITEM_BEFORE_RE = compile_pattern(r"(?:,|;|và)[ \u00a0]*$")
LIST_REACH = 120  # characters before "một" where an item counted in digits is sought
DIGIT_COUNT_BEFORE_RE = compile_pattern(r"(?<![\p{L}\d.,])\d[\d.]*[ \u00a0]+$")


# the item right before: "8 phường, 69 xã và một đặc khu"
DIGIT_ITEM_BEFORE_RE = compile_pattern(r"(?<![\p{L}\d.,])\d[\d.]*[ \u00a0]+(?P<noun>\p{L}+(?:[ \u00a0]+\p{L}+){0,2})"
                                       r"[ \u00a0]*(?:,|và|,[ \u00a0]*và)[ \u00a0]*$")


def _one_listed_with_counts(folded: str, s: int, e: int) -> bool:
    """"2 dịch vụ đạt 95%, một dịch vụ đạt 90%", "8 phường, 69 xã và một đặc khu": "một" is a
    count where it is an item of a list whose earlier item, in the same sentence, counts the same
    noun in digits, or whose item right before it counts another noun in digits."""
    noun = _counted_noun(word_after(folded, e))
    if noun is None or not LIST_ITEM_BEFORE_RE.search(folded, max(0, s - 6), s):
        return False
    item = DIGIT_ITEM_BEFORE_RE.search(folded, max(0, s - 40), s)
    if item is not None and _counted_noun(item["noun"] + " ") == item["noun"]:
        return True
    start = max(0, s - LIST_REACH)
    start = max(start, folded.rfind(".", start, s) + 1, folded.rfind("\n", start, s) + 1)
    at = folded.rfind(noun, start, s)
    while at >= 0:
        after = at + len(noun)
        if not folded[after:after + 1].isalpha() and DIGIT_COUNT_BEFORE_RE.search(folded, start, at):
            return True
        at = folded.rfind(noun, start, at)
    return False


SENTENCE_OPEN_RE = compile_pattern(r"(?:^|[.!?:\n])[ \u00a0\t\"“]*$")


def _opens_sentence(text: str, s: int) -> bool:
    """Whether the capitalised word at `s` opens its sentence (or line)."""
    return text[s:s + 1].isupper() and bool(SENTENCE_OPEN_RE.search(text, max(0, s - 4), s))


# a capitalised word right before a capitalised number word: both belong to one name
NAME_WORD_BEFORE_RE = compile_pattern(r"(?<![\p{L}])\p{Lu}\p{L}*[ \u00a0]+$")
# "một điểm duy nhất", "một bộ phận duy nhất": a noun of one to three words, then "duy nhất"
ONLY_ONE_AFTER_RE = compile_pattern(r"(?:[ \u00a0]+\p{L}+){1,3}[ \u00a0]+duy[ \u00a0]+nhất(?![\p{L}])")


ORDINAL_RANK_RE = compile_pattern(
    r"(?<![\p{L}\d])(?:xếp|đứng|giữ|vị trí|xếp vị trí|đứng vị trí|giữ vị trí|xếp hạng|vươn lên|tụt xuống|lên|xuống)[ \u00a0]+"
    r"(?P<ordinal>(?:thứ|số)[ \u00a0]+(?P<word>\p{L}+)(?P<more>(?:[ \u00a0]+(?:mươi|mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|bẩy|tám|chín)){1,2})?)"
    r"(?![\p{L}\d])")
# ", thứ ba là tỉnh Hưng Yên": a place naming its holder, after a ranking's verb in the sentence
THU_IS_RE = compile_pattern(r"[,;][ \u00a0]*(?P<ordinal>thứ[ \u00a0]+(?P<word>\p{L}+))[ \u00a0]+là(?![\p{L}\d])")


# after a unit's capitalised name, "thứ" and an ordinal word: a place, when a ranking verb came before
ELLIPTIC_ORDINAL_RE = compile_pattern(r"(?P<before>\p{Lu}\p{L}*)[ \u00a0]+(?P<ordinal>thứ[ \u00a0]+(?P<word>\p{Ll}+))(?![\p{L}\d])")
NOT_RANK_WORDS = {"Lần", "Năm", "Kỳ", "Khóa", "Khoá", "Đợt", "Ngày", "Tuần", "Tháng", "Quý", "Vào"}
ELLIPTIC_REACH_RE = compile_pattern(r"(?<![\p{L}])(?:xếp|đứng)(?![\p{L}])[^\n.]*$")  # the verb in the same sentence
ELLIPTIC_ORDINAL_REACH = 200
COORDINATED_ORDINAL_RE = compile_pattern(r"[ \u00a0]*(?:,|và|,[ \u00a0]*và)[ \u00a0]*(?P<ordinal>thứ[ \u00a0]+(?P<word>\p{L}+))(?![\p{L}\d])")
RANK_VERBS = ("xếp", "đứng", "giữ", "vị trí", "lên", "xuống")  # one of them starts every ORDINAL_RANK_RE match


def _ordinal_ranks(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """"xếp vị trí thứ nhất", "đứng thứ hai": a rank written as an ordinal word."""
    if not any(folded.find(verb, start, end) >= 0 for verb in RANK_VERBS):
        return []  # every match holds one of them: the common case, without the scan
    return _read_ordinal_ranks(text, folded, start, end)


def _read_ordinal_ranks(text: str, folded: str, start: int, end: int) -> list[NumberMatch]:
    """`_ordinal_ranks` without its substring pre-test."""
    ordinals = _number_words()["ordinals"]
    out = []
    matches = list(ORDINAL_RANK_RE.finditer(folded, start, end))
    if matches:  # "...; huyện Hiệp Hòa thứ ba (88,96 điểm)": a unit's place after a ranking's verb
        matches += [m for m in ELLIPTIC_ORDINAL_RE.finditer(text, matches[0].end(), end)
                    if key(m["word"]) in ordinals and m["before"] not in NOT_RANK_WORDS
                    and ELLIPTIC_REACH_RE.search(folded, max(start, m.start() - ELLIPTIC_ORDINAL_REACH), m.start())]
        matches += [m for m in THU_IS_RE.finditer(folded, matches[0].end(), end)
                    if ELLIPTIC_REACH_RE.search(folded, max(start, m.start() - ELLIPTIC_ORDINAL_REACH), m.start())]
        matches.sort(key=lambda m: m.start("ordinal"))
    for m in matches:
        word = key(m["word"])
        value = ordinals.get(word)
        s, e = m.span("ordinal")
        if "more" in m.groupdict() and m["more"]:
            words = folded[m.start("word"):e].split()
            whole = parse_number_words(words) if words[0] not in ("nhất", "nhì", "tư") else None
            if whole is not None:
                value = whole  # "thứ mười bốn", "thứ hai mươi mốt"
            else:
                e = m.end("word")  # "thứ ba năm 2024"? the ordinal word alone
        if value is not None and not (out and s < out[-1].end):
            out.append(NumberMatch(s, e, text[s:e], float(value), None, "ordinal"))
            # "xếp thứ hai, thứ ba", "xếp thứ hai và thứ ba": the ordinals coordinated with it
            while (more := COORDINATED_ORDINAL_RE.match(folded, e, end)) and more["word"] in ordinals:
                s, e = more.span("ordinal")
                out.append(NumberMatch(s, e, text[s:e], float(ordinals[more["word"]]), None, "ordinal"))
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
