"""What a figure counts: the counted noun after a number, else one its context gives (the noun
after "tỷ lệ", an abbreviation the article defines, the noun of a parallel count, of the count a
breakdown breaks down, of a range's end, of an item's label), and whether "đơn vị" counts
administrative units or agencies. Each reader returns (object, noun as written, span) or None;
`figures.build_figure` tries them in order.
"""
from __future__ import annotations

import regex

from .aspects import LOOKBACK
from .breakdowns import in_brackets_after
from .figure_cues import RATE_WORDS, Span, clause_start, sentence_part_start
from .numbers import FROM_BEFORE_RE, NumberMatch, PhraseMap, lexicon as number_lexicon, phrase_at
from .open_nouns import open_noun_after
from .pattern_cache import compile_pattern
from .segment import Article
from .textkeys import key

RATE_RE = compile_pattern(rf"(?<!\p{{L}}){RATE_WORDS}[ \u00a0]+", regex.REVERSE)
SO_RE = compile_pattern(r"(?<!\p{L})số[ \u00a0]+", regex.REVERSE)
NOUN_DETERMINER_RE = compile_pattern(r"[ \u00a0]*(?:(?:các|những|tổng số|số|loại|nhóm)[ \u00a0]+)?")
COPULA_BEFORE_RE = compile_pattern(r"(?:(?<!\p{L})(?:là|đạt|từ|lên|còn|xuống)|:)[ \u00a0]*$")
TOTAL_COPULA_RE = compile_pattern(r"số[ \u00a0]+là[ \u00a0]*")  # "tổng số là 2.760"
WORD_START_RE = compile_pattern(r"(?<![\p{L}\d])\p{L}")

GENERIC_BODY = "đơn vị"  # a count of "units" of either kind: administrative units or agencies
UNIT_WORD_RE = compile_pattern(r"(?<!\p{L})(?:xã|phường|thị[ \u00a0]+trấn|huyện|quận|thị[ \u00a0]+xã|đặc[ \u00a0]+khu|địa[ \u00a0]+phương"
                          r"|tỉnh,[ \u00a0]*thành[ \u00a0]+phố)(?!\p{L})")  # "9 tỉnh, thành phố ...; 22 đơn vị"
AGENCY_WORD_RE = compile_pattern(r"(?<!\p{L})(?:sở|ngành|cơ[ \u00a0]+quan|phòng|ban|cục|bộ|trung[ \u00a0]+tâm|văn[ \u00a0]+phòng)(?!\p{L})")
UNIT_VIEW = 300  # characters before a count where the units it counts are sought


def units_in_view(article: Article, sent: Span, num: NumberMatch) -> bool:
    """Whether a count of "đơn vị" counts administrative units: its sentence or the one before
    names communes, districts or localities (or its own words after it do: "3 đơn vị: huyện
    A, ..."), and its sentence before it names no agency."""
    folded = article.folded
    para = article.paragraph_of(num.start)
    before_start = article.sentence_of(sent[0] - 1)[0] if sent[0] > para[0] else sent[0]
    lo = max(before_start, num.start - UNIT_VIEW)
    if AGENCY_WORD_RE.search(folded, max(sent[0], lo), num.start):
        return False
    return bool(UNIT_WORD_RE.search(folded, lo, num.start) or LISTED_UNITS_AFTER_RE.match(folded, num.end))


LISTED_UNITS_AFTER_RE = compile_pattern(r"[ \u00a0]+đơn[ \u00a0]+vị[ \u00a0]*(?::|là|gồm)[ \u00a0]*(?:xã|phường|thị[ \u00a0]+trấn|huyện|quận|thị[ \u00a0]+xã)(?!\p{L})")


def counted_noun(article: Article, pos: int) -> tuple[str, str, Span] | None:
    """(object, noun as written, span) for the counted noun starting after `pos`."""
    folded = article.folded
    m = NOUN_DETERMINER_RE.match(folded[pos:pos + 16])
    start = pos + m.end()
    phrase = phrase_at(folded, start, number_lexicon()["counted"])
    if not phrase:
        word = WORD_AT_RE.match(article.text, start)
        obj = defined_abbreviations(article).get(word.group()) if word else None
        return (obj, word.group(), word.span()) if obj else None
    return number_lexicon()["counted"][phrase], article.text[start:start + len(phrase)], (start, start + len(phrase))


WORD_AT_RE = compile_pattern(r"[\p{L}\d&]+(?![\p{L}\d])")
# "tiếp nhận 1.200 hồ sơ (HS). Trong đó, 1.100 HS ...": an abbreviation the article defines
ABBREVIATION_IN_BRACKETS_RE = compile_pattern(r"\([ \u00a0]*(?P<abbr>\p{Lu}[\p{Lu}\d&]{1,7})[ \u00a0]*\)")
ABBREVIATION_NOUN_REACH = 60  # characters before the bracket where the noun it abbreviates ends


def defined_abbreviations(article: Article) -> dict[str, str]:
    """Abbreviations the article defines in brackets right after a counted noun ("hồ sơ (HS)",
    "phiếu khảo sát (PKS)") -> the noun's object, computed once per article."""
    found = article.cache.get("defined_abbreviations")
    if found is None:
        found = {}
        counted = number_lexicon()["counted"]
        for m in ABBREVIATION_IN_BRACKETS_RE.finditer(article.text, *article.body):
            i = m.start()
            nouns = _scan_nouns(article.folded, max(article.body[0], i - ABBREVIATION_NOUN_REACH), i, counted, keep_all=True)
            if nouns and not article.text[nouns[-1][0] + len(nouns[-1][1]):i].strip():
                found.setdefault(m["abbr"], counted[nouns[-1][1]])
        article.cache["defined_abbreviations"] = found
    return found


def context_noun(article: Article, sent: Span, num: NumberMatch, post_end: int) -> tuple[str, str] | None:
    """The counted noun a percentage or bare number refers to, from its context."""
    folded, text = article.folded, article.text
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    counted = number_lexicon()["counted"]
    m = RATE_RE.search(folded, pstart, num.start)
    rate = m.end() if m else None
    if rate is not None:
        found = _scan_nouns(folded, rate, num.start, counted, keep_all=True, text=text)
        if found:
            s, p = found[0]
            return counted[p], text[s:s + len(p)]
    found = _scan_nouns(folded, pstart, num.start, counted, text=text)
    if found:
        s, p = found[-1]
        return counted[p], text[s:s + len(p)]
    found = _scan_nouns(folded, num.end, post_end, counted, text=text)
    if found:
        s, p = found[0]
        return counted[p], text[s:s + len(p)]
    return None


IN_SENTENCE_BEFORE_RE = compile_pattern(r"[\p{L}\d,)][ \u00a0]+$")  # a word before: not a sentence's first
CONTEXT_OBJECTS = {"dossier", "procedure", "task", "document", "other"}


def _scan_nouns(folded: str, a: int, b: int, counted: PhraseMap, keep_all: bool = False,
                text: str | None = None) -> list[tuple[int, str]]:
    """The counted nouns in folded[a:b] (start, phrase); with `text`, not those written with a
    capital inside a sentence: part of a name ("Sở Kế hoạch và Đầu tư", "theo Quyết định số 5")."""
    out = []
    inside_until = a  # words inside a phrase already read ("ngành" in "kiểm tra chuyên ngành")
    starting = counted.starting
    for m in WORD_START_RE.finditer(folded, a, b):
        ws = m.start()
        if ws < inside_until or (folded[ws:ws + 2] not in starting and folded[ws] not in counted):
            continue  # (the second test: where phrase_at finds nothing, most words, without the call)
        p = phrase_at(folded, ws, counted)
        if p and ws + len(p) <= b:
            inside_until = ws + len(p)
            if PORTAL_BEFORE_RE.search(folded, max(a, ws - 12), ws):
                continue  # "nộp qua Cổng Dịch vụ công": a portal's name, not a count's noun
            if text is not None and text[ws].isupper() and IN_SENTENCE_BEFORE_RE.search(text, max(0, ws - 3), ws):
                continue
            if p == "lượt" and folded.endswith("lần ", max(a, ws - 4), ws):
                continue  # "lần lượt": "respectively", no count of turns
            if out and ABBREVIATION_GAP_RE.fullmatch(folded, out[-1][0] + len(out[-1][1]), ws):
                continue  # "hồ sơ thủ tục hành chính (TTHC)": the abbreviation of the noun before
            if keep_all or counted[p] in CONTEXT_OBJECTS:
                out.append((ws, p))
    return out


ABBREVIATION_GAP_RE = compile_pattern(r"[ \u00a0]*\([ \u00a0]*")
PORTAL_BEFORE_RE = compile_pattern(r"(?<!\p{L})cổng[ \u00a0]+(?:thông[ \u00a0]+tin[ \u00a0]+)?$")

# "Sở Y tế có 140; Sở Nội vụ có 123": a parallel clause that leaves out the previous count's noun
ELIDED_GAP_RE = compile_pattern(
    r"[^\d\n]{0,8}[;,.][ \u00a0\n]*(?:[^\d;.\n]{0,12}[ \u00a0])?\p{Lu}[^\d;.\n]{1,60}[ \u00a0](?P<verb>có|là|với|chiếm)[ \u00a0]*")
ELIDED_REACH = 120


def elided_noun(article: Article, prev: dict | None, num: NumberMatch):
    """The counted noun a bare count takes from the count before it in a parallel list (cues
    between them belong to the next item's name: "...; Thanh tra tỉnh có 5")."""
    if prev is None or prev["kind"] != "count" or prev["noun"] is None:
        return None
    gap_start = prev["span"][1]
    noun_at = article.folded.find(key(prev["noun"]), gap_start, gap_start + 40)
    if noun_at >= 0:
        gap_start = noun_at + len(prev["noun"])
    if not 0 < num.start - gap_start <= ELIDED_REACH:
        return None
    gap = ELIDED_GAP_RE.fullmatch(article.text, gap_start, num.start)
    # parallel: the count before was introduced by the same verb ("... có 191 DVCTT; ... có 174")
    if gap is None or not article.folded[:prev["span"][0]].rstrip().endswith(gap["verb"]):
        return None
    return prev["object"], prev["noun"], (num.end, num.end)


# the numbers after a bare one up to the last, which the noun follows: "lần lượt là 6.140, 4.215
# và 3.388 hồ sơ", "lần lượt là 90,98; 90,45 và 89,87 điểm"
LISTED_NUMBERS_AFTER_RE = compile_pattern(r"(?:[ \u00a0]*(?:,|;|và|[,;][ \u00a0]*và)[ \u00a0]*\d[\d.]*(?:,\d+)?(?!\d|[ \u00a0]*[%/]))+")


def shared_noun_after(article: Article, num: NumberMatch):
    """The counted noun a bare number shares with the numbers listed after it: the noun after
    the last of them ("904 và 512 hồ sơ")."""
    listed = LISTED_NUMBERS_AFTER_RE.match(article.folded, num.end)
    if not listed:
        return None
    noun = counted_noun(article, listed.end())
    return (noun[0], noun[1], (num.end, num.end)) if noun else None


BROKEN_DOWN_OBJECTS = ("dossier", "procedure", "task")


def _may_be_broken_down(prev: dict | None) -> bool:
    """Whether the figure before a bare count is a count of things a breakdown may follow."""
    return (prev is not None and prev["kind"] == "count" and prev["noun"] is not None
            and prev["object"] in BROKEN_DOWN_OBJECTS)


# "Giải quyết 23.988 hồ sơ, trong đó trước và đúng hạn 23.851, chiếm 99,43%": a part named by its
# class after "trong đó", its noun left out
WHEREOF_LABEL_GAP_RE = compile_pattern(r"[^\d;()]{0,12}[,;:]?[ \u00a0]*trong[ \u00a0]+đó[ \u00a0]*:?[ \u00a0]*[^\d;()]{1,40}")


NEXT_LABEL_GAP_RE = compile_pattern(r"[ \u00a0]*,[ \u00a0]*[^\d;()]{1,25}")
WHEREOF_BEFORE_RE = compile_pattern(r"(?<!\p{L})trong[ \u00a0]+đó(?!\p{L})[^;()]*$")



def whereof_part_noun(article: Article, prev: dict | None, num: NumberMatch):
    """The counted noun of a bare count named by its class right after "trong đó" breaks down the
    count before it ("... 23.988 hồ sơ, trong đó trước và đúng hạn 23.851")."""
    if not _may_be_broken_down(prev):
        return None
    folded = article.folded
    if not (WHEREOF_LABEL_GAP_RE.fullmatch(folded, prev["span"][1], num.start)
            or (NEXT_LABEL_GAP_RE.fullmatch(folded, prev["span"][1], num.start)  # "..., đúng hạn 4.259"
                and WHEREOF_BEFORE_RE.search(folded, max(prev["sentence"][0], prev["span"][0] - 80), prev["span"][0]))):
        return None
    return prev["object"], prev["noun"], (num.end, num.end)


def bracketed_part_noun(article: Article, prev: dict | None, num: NumberMatch):
    """The counted noun of a bare count in brackets that break down the count right before
    them: "hộ tịch 41 hồ sơ (khai sinh 23, khai tử 7, kết hôn 11)"."""
    # of things counted in breakdowns: in brackets after units come their names ("3 quận (1, 12 và Hóc Môn)")
    if not _may_be_broken_down(prev):
        return None
    if not 0 < num.start - prev["span"][1] <= ELIDED_REACH or not in_brackets_after(article.folded, prev["span"], num.start):
        return None
    return prev["object"], prev["noun"], (num.end, num.end)


PERCENT_AT_RE = compile_pattern(r"\d[\d.,]*[ \u00a0]*%")
OPEN_WORDS_REACH = 40  # characters between a count in words of an ordinary noun and the count it is listed with
TO_AFTER_RE = compile_pattern(r"[ \u00a0]*(?:xuống|lên)[ \u00a0]+(?:(?:còn|tới|đến|mức)[ \u00a0]+)?(?P<end>\d[\d.,]*)")


def listed_with_a_count(text: str, num: NumberMatch, sent: Span, prev_fig: dict | None, nxt_fig: int | None) -> bool:
    """Whether a count in words stands in a list with another count: the count before it ends,
    or the next number (not a percentage) of its sentence starts, within OPEN_WORDS_REACH."""
    if prev_fig is not None and prev_fig["kind"] == "count" and 0 <= num.start - prev_fig["span"][1] <= OPEN_WORDS_REACH:
        return True
    return (nxt_fig is not None and nxt_fig - num.end <= OPEN_WORDS_REACH and nxt_fig < sent[1]
            and not PERCENT_AT_RE.match(text, nxt_fig))


def range_start_noun(article: Article, sent: Span, num: NumberMatch):
    """"giảm từ 10.000 xuống còn 1.768 mặt hàng": the start of a change counts the noun that
    follows its end."""
    folded = article.folded
    if not FROM_BEFORE_RE.search(folded, max(sent[0], num.start - 6), num.start):
        return None
    to = TO_AFTER_RE.match(folded, num.end, sent[1])
    if to is None:
        return None
    end = to.end("end")
    found = counted_noun(article, end) or open_noun_after(article, sent, to.start("end"), end)
    return (found[0], found[1], (num.end, num.end)) if found else None


def noun_before_copula(article: Article, sent: Span, num: NumberMatch):
    """"Số TTHC được niêm yết là 152." -> the noun after "số" when the number follows "là"/":"."""
    folded = article.folded
    if not COPULA_BEFORE_RE.search(folded[max(sent[0], num.start - 6):num.start]):
        return None
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    m = SO_RE.search(folded, pstart, num.start)
    if m is None:
        return None
    found = counted_noun(article, m.end())
    if found is None and TOTAL_COPULA_RE.fullmatch(folded, m.start(), num.start):
        # "Xét riêng nhóm hồ sơ thuộc thẩm quyền cấp xã, tổng số là 2.760": the total of the
        # noun named before it in the sentence
        nouns = _scan_nouns(folded, max(sent[0], num.start - LOOKBACK), m.start(), number_lexicon()["counted"])
        if nouns:
            s, p = nouns[-1]
            found = number_lexicon()["counted"][p], article.text[s:s + len(p)], (num.end, num.end)
    return found


# an item of a breakdown that names its noun before its count: "trong đó hồ sơ trực tuyến 905, hồ
# sơ trực tiếp 379", "trong đó hồ sơ trực tuyến là 24.113"
ITEM_OPENING_RE = compile_pattern(r"[ \u00a0]*(?:trong[ \u00a0]+đó[ \u00a0]*,?|gồm[ \u00a0]*:?)?[ \u00a0]*")
ITEM_VALUE_END_RE = compile_pattern(r"[ \u00a0]*(?:[,;.)]|và(?!\p{L})|$)")  # the count ends the item
ITEM_LABEL_RE = compile_pattern(r"(?:[ \u00a0]+\p{Ll}+){0,4}[ \u00a0]*(?:(?<!\p{L})là|:)?[ \u00a0]*")


def item_label_noun(article: Article, sent: Span, num: NumberMatch):
    """The noun an item's clause opens with, a few lower-case words before its count."""
    folded = article.folded
    cstart = clause_start(article, sent, num.start)
    opening = ITEM_OPENING_RE.match(folded, cstart)
    if cstart <= sent[0] and not opening.group().strip():
        return None  # a list item follows a comma or "trong đó", never opens the sentence
    start = opening.end()
    counted = number_lexicon()["counted"]
    p = phrase_at(folded, start, counted)
    label = ITEM_LABEL_RE.fullmatch(article.text, start + len(p), num.start) if p else None
    if not label or not article.text[start].islower():
        return None  # lower-case words only: "(Bộ chỉ số 766)" is a name
    if not (label.group().rstrip().endswith(("là", ":")) or ITEM_VALUE_END_RE.match(folded, num.end)):
        return None  # "quận ban hành 14 thẻ xanh": the count has a noun of its own after it
    return counted[p], article.text[start:start + len(p)], (num.end, num.end)


def zero_object(article: Article, num: NumberMatch) -> tuple[str, str | None]:
    """The object and noun of a zero phrase ("không có hồ sơ nào" -> dossier, "hồ sơ")."""
    counted = number_lexicon()["counted"]
    found = _scan_nouns(article.folded, num.start, num.end, counted, keep_all=True)
    if not found:
        return "dossier", None
    s, p = found[0]
    return counted[p], article.text[s:s + len(p)]