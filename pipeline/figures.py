"""Figures: numbers in context -> Figure records (kind, value, object, aspect, approx, noun,
subject, period), per SCHEMA.md.

How a label is chosen (the rules, in order):
- kind: from the numeral's form and the words around it (rank cue before, "điểm" after).
- aspect: cue phrases from `resources/figures.yml`, chosen by `aspects.py`.
- object: the counted noun after the number, else the noun after "tỷ lệ", else the nearest
  counted noun in context, else a default for the aspect.
- subject: the first unit named or referred to ("của xã", "UBND huyện") in the sentence
  before the figure, else the last one before it in the article.
"""
from __future__ import annotations

import regex

from .aspects import (INDEX_ASPECTS, INDEX_BAND_AFTER_RE, ITEM_JOINT_RE, LOOKBACK, bracketed_part_aspect,
                      breakdown_totals, choose_aspect, field_share_aspect, in_brackets_after, is_base,
                      is_field_breakdown, noun_key)
from .figure_cues import (Cue, Span, clause_start, cues_between, find_cues, lexicon as cue_lexicon, post_window_end,
                          RATE_WORDS, restates_ratio_gap, sentence_part_start)
from .labels import label_figures
from .numbers import (FROM_BEFORE_RE, ONLY_ONE_AFTER_RE, NumberMatch, PhraseMap, as_number, elliptic_rank, find_numbers, lexicon as number_lexicon, phrase_at,
                      phrase_before, rank_words, word_after)
from .open_nouns import open_noun_after
from .period_scope import PeriodIndex, period_for
from .periods import find_periods
from .segment import Article
from .subjects import UNIT_TYPES, choose_subject, unit_refs
from .textkeys import key

RATE_RE = regex.compile(rf"(?<!\p{{L}}){RATE_WORDS}[ \u00a0]+", regex.REVERSE)
SO_RE = regex.compile(r"(?<!\p{L})số[ \u00a0]+", regex.REVERSE)
RANK_FIELD_RE = regex.compile(r"[ \u00a0]*(?:trên|trong|/)[ \u00a0]*(?:tổng[ \u00a0]+)?(?:số[ \u00a0]+)?(\d+)(?![\d.,])")
NOUN_DETERMINER_RE = regex.compile(r"[ \u00a0]*(?:(?:các|những|tổng số|số|loại|nhóm)[ \u00a0]+)?")
RANGE_END_RE = regex.compile(r"[ \u00a0]?[-–][ \u00a0]?[\d.,]+")
COMPARED_AFTER_RE = regex.compile(r"[ \u00a0]*(?:\p{L}+[ \u00a0]+){0,3}so với")
COPULA_BEFORE_RE = regex.compile(r"(?:(?<!\p{L})(?:là|đạt|từ|lên|còn|xuống)|:)[ \u00a0]*$")
TOTAL_COPULA_RE = regex.compile(r"số[ \u00a0]+là[ \u00a0]*")  # "tổng số là 2.760"
TOTAL_AFTER_RE = regex.compile(r"[ \u00a0]+(?:trong|trên)[ \u00a0]+tổng[ \u00a0]+số[ \u00a0]+(?P<total>\d+)(?![\d.,])")
PART_OF_TOTAL_RE = regex.compile(
    r"[ \u00a0]+trong[ \u00a0]+(?:tổng[ \u00a0]+)?số[ \u00a0]+(?:(?:hơn|gần|khoảng|trên)[ \u00a0]+)?"
    r"(?:\d[\d.,]*\d(?![\d])|\d(?![\d.,]))")
WORD_START_RE = regex.compile(r"(?<![\p{L}\d])\p{L}")
# --------------------------------------------------------------------------- kind, object

def rank_denominator(text: str, folded: str, end: int) -> tuple[float | None, int]:
    """"thứ 3 trên tổng số 19 bộ", "thứ 5 trong số 63 tỉnh" -> (19, offset after the number)."""
    m = RANK_FIELD_RE.match(folded[end:end + 40])
    if m:
        return float(m.group(1)), end + m.end()
    return None, end


# the first end of a range of points: "từ 80 đến 85 điểm", "từ 80 đến dưới 90 điểm"
POINTS_RANGE_START_RE = regex.compile(r"[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?:dưới[ \u00a0]+|trên[ \u00a0]+|hơn[ \u00a0]+)?\d[\d.,]*[ \u00a0]*điểm")


GENERIC_BODY = "đơn vị"  # a count of "units" of either kind: administrative units or agencies
UNIT_WORD_RE = regex.compile(r"(?<!\p{L})(?:xã|phường|thị[ \u00a0]+trấn|huyện|quận|thị[ \u00a0]+xã|đặc[ \u00a0]+khu|địa[ \u00a0]+phương)(?!\p{L})")
AGENCY_WORD_RE = regex.compile(r"(?<!\p{L})(?:sở|ngành|cơ[ \u00a0]+quan|phòng|ban|cục|bộ|trung[ \u00a0]+tâm|văn[ \u00a0]+phòng)(?!\p{L})")
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


LISTED_UNITS_AFTER_RE = regex.compile(r"[ \u00a0]+đơn[ \u00a0]+vị[ \u00a0]*(?::|là|gồm)[ \u00a0]*(?:xã|phường|thị[ \u00a0]+trấn|huyện|quận|thị[ \u00a0]+xã)(?!\p{L})")


# a group at the top of a ranking: "nhóm 10 địa phương dẫn đầu", "nhóm 20 tỉnh đứng đầu cả nước"
TOP_GROUP_BEFORE_RE = regex.compile(r"(?<!\p{L})nhóm[ \u00a0]+$")
TOP_GROUP_AFTER_RE = regex.compile(r"[ \u00a0]+[\p{L}, \u00a0]{1,30}?(?<!\p{L})(?:dẫn[ \u00a0]+đầu|đứng[ \u00a0]+đầu|cao[ \u00a0]+nhất|tốt[ \u00a0]+nhất)(?!\p{L})")


def classify_kind(article: Article, num: NumberMatch) -> tuple[str, float | None] | None:
    """(kind, denominator), or None when the number is not a figure after all."""
    folded = article.folded
    rank = phrase_before(folded, num.start, rank_words()) or (
        elliptic_rank(folded, num.start) and counted_noun(article, num.end) is None)
    nxt = word_after(folded, num.end)
    if num.form == "percent":
        return "percent", None
    if num.form in ("zero", "words"):
        return "count", None
    if num.form == "ordinal":
        return "rank", rank_denominator(article.text, folded, num.end)[0]
    points = nxt.startswith("điểm") and counted_noun(article, num.end) is None  # not "12 điểm tiếp nhận"
    if not points and num.form == "number" and (listed := LISTED_NUMBERS_AFTER_RE.match(folded, num.end)):
        points = word_after(folded, listed.end()).startswith("điểm")  # "với 89,12 và 88,7 điểm"
    if points or POINTS_RANGE_START_RE.match(folded, num.end):
        return "score", num.denominator  # "đạt 94,6 điểm", "từ 80 đến 85 điểm"
    if not rank and num.form == "number" and TOP_GROUP_BEFORE_RE.search(folded, max(0, num.start - 12), num.start) \
            and TOP_GROUP_AFTER_RE.match(folded, num.end):
        rank = True  # "vào nhóm 15 tỉnh, thành phố dẫn đầu": a place in the ranking, not 15 provinces
    if rank:
        den = num.denominator
        if den is None:
            den, _ = rank_denominator(article.text, folded, num.end)
        return "rank", den
    if num.form == "ratio" and is_bracketed_rank(article, num):
        return "rank", num.denominator
    if num.form == "ratio":
        return "ratio", num.denominator
    total = TOTAL_AFTER_RE.match(folded, num.end, num.end + 40)
    if num.form == "number" and total:
        return "ratio", float(total["total"])  # "4 trong tổng số 23 sở, ngành"
    return "count", None


# "Các địa phương xếp cuối bảng lần lượt là Đắk Nông (61/63), Kon Tum (62/63)": a unit's place
# in brackets after its name, in a ranking
NAME_THEN_BRACKET_RE = regex.compile(r"(?:\p{Lu}\p{L}*|(?<!\p{L})(?:xếp|đứng)[ \u00a0]+(?:cuối|đầu)(?:[ \u00a0]+bảng)?)"
                                     r"[ \u00a0]*\([ \u00a0]*(?:thứ[ \u00a0]+)?$")  # "Cao Bằng (thứ 32/34)", "xếp cuối (130/130"
BRACKET_END_RE = regex.compile(r"[ \u00a0]*[),;]")  # the bracket closes, or goes on with the value: "(130/130, đạt"
RANKING_BEFORE_RE = regex.compile(r"(?<!\p{L})(?:xếp|đứng|cuối bảng|dẫn đầu|thứ hạng|bảng xếp hạng)(?!\p{L})")
RANKING_REACH = 160  # characters before the bracket where the ranking's verb is sought


def is_bracketed_rank(article: Article, num: NumberMatch) -> bool:
    """A ratio in brackets right after a unit's name in a ranking ("Kon Tum (62/63)"): a rank."""
    return (bool(NAME_THEN_BRACKET_RE.search(article.text, max(0, num.start - 40), num.start))
            and bool(BRACKET_END_RE.match(article.text, num.end))
            and num.denominator is not None and num.value <= num.denominator
            and bool(RANKING_BEFORE_RE.search(article.folded, max(0, num.start - RANKING_REACH), num.start)))


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


WORD_AT_RE = regex.compile(r"[\p{L}\d&]+(?![\p{L}\d])")
# "tiếp nhận 1.200 hồ sơ (HS). Trong đó, 1.100 HS ...": an abbreviation the article defines
ABBREVIATION_IN_BRACKETS_RE = regex.compile(r"\([ \u00a0]*(?P<abbr>\p{Lu}[\p{Lu}\d&]{1,7})[ \u00a0]*\)")
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


IN_SENTENCE_BEFORE_RE = regex.compile(r"[\p{L}\d,)][ \u00a0]+$")  # a word before: not a sentence's first
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
            if keep_all or counted[p] in CONTEXT_OBJECTS:
                out.append((ws, p))
    return out


PORTAL_BEFORE_RE = regex.compile(r"(?<!\p{L})cổng[ \u00a0]+(?:thông[ \u00a0]+tin[ \u00a0]+)?$")


# a paragraph's first word split after its drop capital, right before the number: "H ƠN 98%"
DROP_CAPITAL_RE = regex.compile(r"(?P<letter>\p{Lu})[ \u00a0](?P<rest>\p{Lu}+)[ \u00a0]*(?=\d)")


def approx_of(article: Article, num: NumberMatch, noun_end: int) -> str:
    if num.approx:
        return num.approx
    lex = cue_lexicon()
    q = phrase_before(article.folded, num.start, lex["qualifiers"])
    if q:
        return lex["qualifiers"][q]
    drop = DROP_CAPITAL_RE.match(article.text, article.paragraph_of(num.start)[0])
    if drop and drop.end() == num.start:  # "H ƠN 98%": a page's split drop capital; read the qualifier whole
        joined = key(drop["letter"] + drop["rest"])
        if joined in lex["qualifiers"]:
            return lex["qualifiers"][joined]
    after = word_after(article.folded, noun_end)
    for phrase, a in lex["qualifiers_after"].items():
        if after.startswith(phrase) or word_after(article.folded, num.end).startswith(phrase):
            return a
    return "exact"



def extract_figures(article: Article, units: list[dict]) -> list[dict]:
    text, folded = article.text, article.folded
    numbers = [[n for n in find_numbers(text, folded, *para) if n.excluded is None] for para in article.paragraphs]
    # a figure reads cues in its own sentence and before it, never past its paragraph (a cue
    # phrase never spans a line end): cues after the last paragraph with a number go unread
    if not any(numbers):
        return []  # no candidate (one article in twenty): none of the indexes below is asked for
    last = max(para[1] for para, found in zip(article.paragraphs, numbers) if found)
    cues = find_cues(folded, article.body[0], min(last, article.body[1]))
    article.cache[UNIT_TYPES] = {u["id"]: u["type"] for u in units}
    refs = unit_refs(article, units)
    # a figure's period is read in its passage up to its sentence and in the lead: a phrase after
    # the last paragraph with a candidate and after the lead is never asked for
    stop = max(last, article.lead_end)
    periods = PeriodIndex(text, find_periods(text, *article.body, article.published, stop), article.paragraphs)
    figures: list[dict] = []
    for para, candidates in zip(article.paragraphs, numbers):
        consumed = -1  # end of a rank's field ("thứ 3 trên tổng số 19 bộ"): not a figure of its own
        for i, num in enumerate(candidates):
            if num.start < consumed:
                continue
            sent = article.sentence_of(num.start)
            nxt_fig = next((candidates[j].start for j in range(i + 1, len(candidates))
                            if candidates[j].start >= num.end), None)
            fig = build_figure(article, cues, refs, periods, num, sent, nxt_fig, figures)
            if fig is not None:
                figures.append(fig)
                if fig["kind"] == "rank":
                    consumed = rank_denominator(text, folded, num.end)[1]
                elif fig["kind"] == "ratio" and (total := TOTAL_AFTER_RE.match(folded, num.end, num.end + 40)):
                    consumed = total.end()
    share_trailing_metric(figures, cues)
    share_band_metric(figures, folded, cues)
    for i, f in enumerate(figures, start=1):
        f["id"] = f"f{i}"
    label_figures(article, figures)
    return figures


UNNAMED_ASPECTS = ("planned", "other")  # what a figure gets when no cue names its metric
GENERIC_ASPECTS = ("planned", "other", "received", "resolved")
SHARED_GAP = 80  # characters: the most between two items of one list


def share_trailing_metric(figures: list[dict], cues: list[Cue]) -> None:
    """"trên 90% hồ sơ ... cấp tỉnh, trên 80% ... cấp huyện và trên 60% ... được xử lý trên
    môi trường mạng": the metric named after the last item of a list of percentages is the
    metric of the items before it that name none (in place, last to first)."""
    for i in range(len(figures) - 2, -1, -1):
        cur, nxt = figures[i], figures[i + 1]
        if (cur["aspect"] in UNNAMED_ASPECTS and nxt["aspect"] not in GENERIC_ASPECTS
                and cur["kind"] == nxt["kind"] == "percent" and cur["sentence"] == nxt["sentence"]
                and 0 < nxt["span"][0] - cur["span"][1] <= SHARED_GAP
                and not cues_between(cues, cur["span"][1], nxt["span"][0])):
            cur["aspect"] = nxt["aspect"]


# from units counted by an index band to the band's bound: "9 đơn vị đạt trên | 85%", "từ 80% đến dưới | 85%"
BAND_GAP_RE = regex.compile(r"[^\d;.:!?]{0,40}?(?<!\p{L})(?:đạt|dưới|trên|từ|đến)[ \u00a0]*")
BAND_RANGE_GAP_RE = regex.compile(r"[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?:(?:dưới|trên|hơn)[ \u00a0]*)?")
BAND_HOLDERS = ("admin_unit", "agency")
DOSSIER_RATES = ("digitized", "paid_online")  # measured on dossiers only (Bộ chỉ số 766)
DOSSIER_METRICS = ("online", "on_time", "overdue", "resolved", "digitized", "paid_online")
PLACE_OBJECTS = ("admin_unit", "agency", "other")  # a percentage's noun from the places near it, or none
BAND_BOUND_BEFORE_RE = regex.compile(r"(?<!\p{L})(?:đạt|từ|dưới|trên|đến)[ \u00a0]*(?:(?:dưới|trên)[ \u00a0]*)?$")
# the metrics a band of units is a band of: indexes and rates
BAND_ASPECTS = (*INDEX_ASPECTS, "online", "paid_online", "digitized", "on_time", "overdue", "one_stop")


def share_band_metric(figures: list[dict], folded: str, cues: list[Cue]) -> None:
    """"Có 9 đơn vị đạt trên 85%, 10 đơn vị đạt từ 80% đến dưới 85%": the bounds of the index
    band units are counted by are that index's values (in place, first to last)."""
    for prev, cur in zip(figures, figures[1:]):
        gap = BAND_RANGE_GAP_RE if prev["kind"] == "percent" else BAND_GAP_RE
        holder = prev["kind"] == "percent" or (prev["kind"] in ("count", "ratio") and prev["object"] in BAND_HOLDERS)
        if (holder and prev["aspect"] in BAND_ASPECTS and cur["kind"] == "percent"
                and cur["aspect"] in UNNAMED_ASPECTS and cur["sentence"] == prev["sentence"]
                and gap.fullmatch(folded, prev["span"][1], cur["span"][0])
                and not cues_between(cues, prev["span"][1], cur["span"][0])):
            cur["aspect"] = prev["aspect"]


def same_scale_score(cues: list[Cue], prev: dict, den, sent: Span, num: NumberMatch) -> bool:
    """Whether a score with no component of its own is a second value of the component score
    before it: same sentence, same scale, no cue between."""
    return (prev["kind"] == "score" and prev["aspect"] not in INDEX_ASPECTS and prev["sentence"] == list(sent)
            and den is not None and prev["denominator"] == as_number(den)
            and not cues_between(cues, prev["span"][1], num.start))


# a value stated with only its holder: "Riêng phường Phan Đình Phùng đạt 99,2%", "; xã B đạt"
BARE_VALUE_RE = regex.compile(r"[ \u00a0]*(?:riêng[ \u00a0]+)?(?!đạt(?!\p{L}))\p{L}[^\d,;:]{0,60}?(?<!\p{L})đạt[ \u00a0]*")
BARE_VALUE_REACH = 100  # characters: the longest holder BARE_VALUE_RE reads
RATE_REACH = 12  # figures looked back for the rate a bare value restates


def is_bare_value(article: Article, sent: Span, num: NumberMatch) -> bool:
    start = clause_start(article, sent, num.start)
    # bounded first: the regex module scans the whole range for "đạt" before it matches
    return num.start - start <= BARE_VALUE_REACH and BARE_VALUE_RE.fullmatch(article.folded, start, num.start) is not None


def last_named_rate(article: Article, num: NumberMatch, earlier: list[dict]) -> str | None:
    """The metric of the last percentage before `num`, back to a blank line, that names one:
    what a bare value of another unit measures ("... 96,1% hồ sơ có thu phí được thanh toán
    trực tuyến. Riêng phường A đạt 99,2%")."""
    recent = earlier[-RATE_REACH:]
    blank = article.text.rfind("\n\n", recent[0]["span"][0] if recent else num.start, num.start)
    for fig in reversed(recent):
        if fig["span"][0] < blank:
            break
        if fig["kind"] == "percent" and fig["aspect"] not in UNNAMED_ASPECTS:
            return fig["aspect"]
    return None


# (the noun of the item before may hold a comma itself: "9 sở, ngành và | 6 huyện")
LIST_GAP_RE = regex.compile(r"[ \u00a0]*(?:[\p{L}\d/]+(?:[ \u00a0]*,(?=[ \u00a0]*\p{L}+[ \u00a0]+(?:và|,)))?[ \u00a0]*){0,6}(?:,|và|,[ \u00a0]*và)[ \u00a0]*")
# "102/163 điều kiện kinh doanh (chiếm 62,6%)", "22/24 nhiệm vụ (đạt 91,16%)": a percentage
# restating the figure before it
# (a word is taken whole, possessively: splitting one could only use more of the twelve, and
# trying every split of every word made a failing gap cost up to a second)
PARALLEL_GAP_RE = regex.compile(r"[ \u00a0]*\)?[ \u00a0]*(?:[,;]|(?<!\p{L})(?:còn|và)(?!\p{L}))[ \u00a0]*"
                             r"(?:[\p{L}\d&/-]++[ \u00a0]*+,?[ \u00a0]*+){0,12}\(?[ \u00a0]*")
# ("... với 90,79%, tiếp theo là TP Hải Phòng (89,12%) và Bắc Giang (87,35%)": values of a ranking)
RESTATEMENT_GAP_RE = regex.compile(
    r"[ \u00a0]*(?:[\p{L}\d/]+[ \u00a0]*){0,8}(?:\([ \u00a0]*(?:(?:chiếm|đạt|bằng|tương đương|tương ứng|tỷ lệ|tỉ lệ)[ \u00a0]*)?"
    r"|,[ \u00a0]*(?:chiếm|bằng|tương đương|tương ứng)[ \u00a0]+)")  # "412.300 hồ sơ, chiếm 32,1%"
# "hoàn thành 21/34 nhiệm vụ đề ra, đạt 61,76%": a percentage restating the ratio just before it
# how the gaps of the three patterns end, blanks stripped (and how PARALLEL_GAP_RE's starts)
LIST_GAP_TAILS = (",", "và")
RESTATEMENT_GAP_TAILS = ("(", "chiếm", "đạt", "bằng", "tương đương", "tương ứng", "tỷ lệ", "tỉ lệ")
PARALLEL_GAP_HEADS = (",", ";", "còn", "và")


def own_words_start(article: Article, sent: Span, num: NumberMatch, prev: dict | None) -> int:
    """Where the figure's own words begin: its clause, after the figure before it and the last
    "và" or comma since ("... 2.517 hồ sơ nộp trực tuyến và | 94 hồ sơ qua bưu chính")."""
    start = max(clause_start(article, sent, num.start), prev["span"][1] if prev else 0)
    joints = list(ITEM_JOINT_RE.finditer(article.folded, start, num.start))
    return joints[-1].end() if joints else start


def names_another_channel(article: Article, cues: list[Cue], start: int, post_end: int) -> bool:
    """Whether the figure's own words (from `start`) label it with a way in other than online
    ("trực tiếp") and name no metric of their own."""
    return bool(cue_lexicon()["channel_label_re"].search(article.folded, start, post_end)) and \
        not cues_between(cues, start, post_end)


def is_list_sibling(article: Article, cues: list[Cue], prev: dict, num: NumberMatch) -> bool:
    """"6 cơ quan chuyên môn, 2 đơn vị sự nghiệp và 9/9 xã": only the previous figure's noun
    and a comma or "và" between them, and no cue; or a percentage in brackets restating it."""
    folded, gap_start = article.folded, prev["span"][1]
    if not 0 < num.start - gap_start <= 80 or cues_between(cues, gap_start, num.start):
        return False
    # a pattern is tried only on a gap that ends (or starts) as its matches do: failing, it
    # backtracks through every way of splitting the words between
    gap = folded[gap_start:num.start]
    tail = gap.rstrip(" \u00a0")
    if prev["kind"] in ("count", "ratio") and tail.endswith(LIST_GAP_TAILS) \
            and LIST_GAP_RE.fullmatch(folded, gap_start, num.start):
        return True
    if num.form == "percent" and tail.endswith(RESTATEMENT_GAP_TAILS) \
            and RESTATEMENT_GAP_RE.fullmatch(folded, gap_start, num.start):
        return True
    # "thủ tục khám chữa bệnh đạt 72,1%; thủ tục cấp phép xây dựng đạt 82,7%": parallel rates
    head = gap.lstrip(" \u00a0")
    head = head[1:].lstrip(" \u00a0") if head.startswith(")") else head
    return (num.form == "percent" and prev["kind"] == "percent" and head.startswith(PARALLEL_GAP_HEADS)
            and bool(PARALLEL_GAP_RE.fullmatch(folded, gap_start, num.start)))


def restates_ratio(article: Article, prev: dict | None, num: NumberMatch) -> bool:
    """Whether the percentage `num` restates the ratio just before it ("hoàn thành 21/34 nhiệm vụ
    đề ra, đạt 61,76%", "22/24 nhiệm vụ (đạt 91,16%)")."""
    return (prev is not None and prev["kind"] == "ratio" and num.form == "percent"
            and restates_ratio_gap(article.folded, prev["span"][1], num.start))


# "Sở Y tế có 140; Sở Nội vụ có 123": a parallel clause that leaves out the previous count's noun
ELIDED_GAP_RE = regex.compile(
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
# và 3.388 hồ sơ"
LISTED_NUMBERS_AFTER_RE = regex.compile(r"(?:[ \u00a0]*(?:,|và|,[ \u00a0]*và)[ \u00a0]*\d[\d.]*(?:,\d+)?(?!\d|[ \u00a0]*[%/]))+")


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
WHEREOF_LABEL_GAP_RE = regex.compile(r"[^\d;()]{0,12}[,;:]?[ \u00a0]*trong[ \u00a0]+đó[ \u00a0]*:?[ \u00a0]*[^\d;()]{1,40}")


NEXT_LABEL_GAP_RE = regex.compile(r"[ \u00a0]*,[ \u00a0]*[^\d;()]{1,25}")
WHEREOF_BEFORE_RE = regex.compile(r"(?<!\p{L})trong[ \u00a0]+đó(?!\p{L})[^;()]*$")


GRADE_AFTER_RE = regex.compile(r"[ \u00a0]+(?:xếp[ \u00a0]+loại|đạt[ \u00a0]+loại|đạt[ \u00a0]+mức|ở[ \u00a0]+mức)(?!\p{L})")
# between a value and a zero after it: its unit, a few words ("đạt loại Trung bình"), a separator
ZERO_AFTER_VALUE_GAP_RE = regex.compile(r"[ \u00a0]*%?[ \u00a0]*(?:điểm[ \u00a0]*)?(?:[\p{L} \u00a0]{0,30}?)[,;]?[ \u00a0]*(?:và[ \u00a0]+)?")


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


PERCENT_AT_RE = regex.compile(r"\d[\d.,]*[ \u00a0]*%")
OPEN_WORDS_REACH = 40  # characters between a count in words of an ordinary noun and the count it is listed with
TO_AFTER_RE = regex.compile(r"[ \u00a0]*(?:xuống|lên)[ \u00a0]+(?:(?:còn|tới|đến|mức)[ \u00a0]+)?(?P<end>\d[\d.,]*)")


def _listed_with_a_count(text: str, num: NumberMatch, sent: Span, prev_fig: dict | None, nxt_fig: int | None) -> bool:
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


# "tỷ lệ này là 37%", "con số này đạt ...": the same measure as the figure before, elsewhere
THIS_MEASURE_BEFORE_RE = regex.compile(
    r"(?<![\p{L}])(?:tỷ[ \u00a0]+lệ|tỉ[ \u00a0]+lệ|con[ \u00a0]+số|số[ \u00a0]+liệu|mức)[ \u00a0]+(?:này|đó|tương[ \u00a0]+ứng)"
    r"(?:[ \u00a0]+(?:là|đạt|chiếm|ở[ \u00a0]+mức|cũng[ \u00a0]+đạt|chỉ[ \u00a0]+đạt|lên[ \u00a0]+tới|lên[ \u00a0]+đến))?[ \u00a0]*$")
REFER_BACK_REACH = 300  # characters from the figure referred to


def refers_back(article: Article, sent: Span, prev: dict, num: NumberMatch) -> bool:
    """"tỷ lệ dịch vụ công toàn trình đạt 17%; ở địa phương, tỷ lệ này là 37%": a figure of the
    measure of the figure before it (its aspect and object)."""
    return (prev["kind"] == "percent" and num.form == "percent" and 0 < num.start - prev["span"][1] <= REFER_BACK_REACH
            and bool(THIS_MEASURE_BEFORE_RE.search(article.folded, max(sent[0], num.start - 40), num.start)))


THIS_AFTER_RE = regex.compile(r"[ \u00a0]*này(?!\p{L})")


def antecedent(article: Article, num: NumberMatch, earlier: list[dict]) -> dict | None:
    """"... trễ hạn là 5%. ... thì 5% này tương đương": the earlier figure "5% này" points back to."""
    if not THIS_AFTER_RE.match(article.folded, num.end, num.end + 6):
        return None
    value = as_number(num.value)
    return next((f for f in reversed(earlier) if f["value"] == value and f["span"][1] <= num.start), None)


def build_figure(article, cues, refs, periods, num: NumberMatch, sent: Span, nxt_fig, earlier=()) -> dict | None:
    prev_fig = earlier[-1] if earlier else None
    text = article.text
    kind_den = classify_kind(article, num)
    if kind_den is None:
        return None
    kind, den = kind_den
    elided = False  # the count leaves out its noun, which the parallel count before it names
    noun_pos = num.end
    if num.approx == "at_least":  # "65.000-70.000 hồ sơ": the noun follows the range's end
        rest = RANGE_END_RE.match(text[num.end:num.end + 20])
        noun_pos += rest.end() if rest else 0
    total = TOTAL_AFTER_RE.match(article.folded, num.end, num.end + 40) if kind == "ratio" else None
    if total:
        noun_pos = total.end()  # "4 trong tổng số 23 sở, ngành": the noun follows the total
    own = counted_noun(article, noun_pos)
    if own is None and kind == "count" and (part_of := PART_OF_TOTAL_RE.match(article.folded, num.end, num.end + 40)):
        own = counted_noun(article, part_of.end())  # "700 trong tổng số hơn 1.200 dịch vụ công"
        if own is not None:
            nxt_fig = None  # the total is part of this figure's words, which run on past it
    if num.open_noun:
        # listed with a count in digits, or said to be the only one ("một điểm duy nhất")
        beside = bool(ONLY_ONE_AFTER_RE.match(article.folded, num.end)) or _listed_with_a_count(text, num, sent, prev_fig, nxt_fig)
        own = open_noun_after(article, sent, num.start, num.end) if beside and kind == "count" else None
        if own is None:
            return None
    if kind == "count" and num.form == "number" and own is None:
        own = _noun_before_copula(article, sent, num) or _item_label_noun(article, sent, num)
        if own is None and is_index_value(article, cues, num, sent):
            kind = "score"  # "Điện Biên ( 74,99 )": a PAR INDEX value in a ranking
        elif own is None:
            own = elided_noun(article, prev_fig, num) or bracketed_part_noun(article, prev_fig, num)
            elided = own is not None
            own = (own or whereof_part_noun(article, prev_fig, num) or shared_noun_after(article, num)
                   or range_start_noun(article, sent, num)
                   or open_noun_after(article, sent, num.start, num.end))
            if own is None:
                return None
    if num.form == "zero":
        own = None
    elif own is not None and num.form in ("number", "words") and THIS_AFTER_RE.match(article.folded, own[2][1], own[2][1] + 6):
        return None  # "hai địa phương này": a reference back to units already named, not a count
    # the words describing the figure run from the end of its counted noun ("phản ánh, kiến nghị")
    post_end = post_window_end(text, article.folded, sent, max(num.end, own[2][1] if own else 0), nxt_fig, cues)
    sibling = prev_fig["aspect"] if prev_fig and (is_list_sibling(article, cues, prev_fig, num)
                                                  or refers_back(article, sent, prev_fig, num)) else None
    if restates_ratio(article, prev_fig, num):
        aspect = prev_fig["aspect"]  # the ratio's own words may hold a cue: "21/34 nhiệm vụ đề ra, đạt 61,76%"
    else:
        aspect = choose_aspect(article, cues, num, sent, nxt_fig, kind, own[0] if own else None, sibling,
                               noun_key(own[1]) if own else None, post_end)
    if elided:
        aspect = prev_fig["aspect"]  # "Thanh tra tỉnh có 5": a cue in the next item's name is no aspect
    referent = antecedent(article, num, earlier)
    if referent is not None:
        aspect = referent["aspect"]
    elif kind == "count" and own is not None and not elided:
        words_start = own_words_start(article, sent, num, prev_fig)
        # a breakdown by field is read as one even where a passage's topic gave it a metric
        by_field = own[0] == "dossier" and is_field_breakdown(article, cues, num, sent, post_end)
        if aspect == "other" or by_field or names_another_channel(article, cues, words_start, post_end):
            # "trực tuyến 7.100 hồ sơ, trực tiếp 1.350 hồ sơ": an item of another channel than
            # online is no online count, whatever the items before it were
            totals = [] if is_base(article.folded, sent, num) else breakdown_totals(
                article, cues, num, sent, own[1], words_start, post_end, earlier)
            aspect = (bracketed_part_aspect(article.folded, cues, num, prev_fig)
                      or (by_field and field_share_aspect(totals))
                      or (totals[0] if totals else "other"))
    elif kind == "score" and aspect == "par_index" and prev_fig is not None and same_scale_score(cues, prev_fig, den, sent, num):
        aspect = prev_fig["aspect"]  # "... chỉ đạt 6,2/10 điểm thì sang tháng 10 đã đạt 9,6/10 điểm"
    elif kind == "percent" and aspect == "other" and is_bare_value(article, sent, num):
        aspect = last_named_rate(article, num, earlier) or aspect
    elif (kind == "percent" and aspect == "other" and prev_fig is not None and prev_fig["kind"] in ("rank", "score")
          and prev_fig["aspect"] in INDEX_ASPECTS and prev_fig["sentence"] == list(sent)
          and not RATE_RE.search(article.folded, prev_fig["span"][1], num.start)):  # "...; tỷ lệ 74,5%": a rate
        # "xếp cuối bảng lần lượt là Đắk Nông (61/63) ..., với giá trị lần lượt là 77,83%": the
        # values of the units ranked, no metric of their own
        aspect = prev_fig["aspect"]
    if kind in ("count", "ratio") and aspect == "other" and referent is None and own is not None \
            and own[0] in BAND_HOLDERS and INDEX_BAND_AFTER_RE.match(article.folded, num.end):
        # "17 địa phương đạt từ 80% đến dưới 90%" after a rate: units counted by a band of it
        aspect = last_named_rate(article, num, earlier) or aspect
    if (num.form == "zero" and aspect == "other" and prev_fig is not None and prev_fig["sentence"] == list(sent)
            and prev_fig["aspect"] != "other"
            and (prev_fig["kind"] in ("percent", "score") or (prev_fig["aspect"] in INDEX_ASPECTS and GRADE_AFTER_RE.match(article.folded, num.end)))
            and ZERO_AFTER_VALUE_GAP_RE.fullmatch(article.folded, prev_fig["span"][1], num.start)):
        # "nâng Chỉ số SIPAS lên trên 88%, không có cơ quan nào dưới 80%": the same measure; "39
        # đơn vị đạt loại Trung bình; không có đơn vị nào xếp loại Yếu": the same index's grades
        aspect = prev_fig["aspect"]
    if num.form == "zero" and aspect == "other":
        return None  # "không có hồ sơ" without a metric after it is not a reported zero
    if own is not None:
        obj, noun = own[0], own[1]
        if obj == "agency" and key(noun) == GENERIC_BODY and units_in_view(article, sent, num):
            obj = "admin_unit"  # "Trong 56 xã, phường, có 4 đơn vị đạt từ 90 điểm": the units are communes
    elif num.form == "zero":
        obj, noun = zero_object(article, num)
    else:
        ctx = context_noun(article, sent, num, post_end)
        if ctx:
            obj, noun = ctx
        else:
            obj, noun = cue_lexicon()["default_object"].get(aspect, "other"), None
    if own is None and sibling is not None and sibling == aspect and prev_fig["kind"] == kind:
        obj, noun = prev_fig["object"], prev_fig["noun"]  # "... 54,1%; Bộ NN & PTNT đạt 37%"
    if kind == "percent" and own is None and aspect in DOSSIER_RATES and obj != "dossier" and (
            obj == "procedure" or (obj in BAND_HOLDERS and BAND_BOUND_BEFORE_RE.search(article.folded, max(0, num.start - 12), num.start))):
        # "tỷ lệ số hóa kết quả giải quyết TTHC đạt 95,1%", "67 đơn vị đạt từ 70% đến dưới 90%":
        # a rate of digitised or paid dossiers, whatever noun is near
        obj = "dossier"
    elif kind == "percent" and own is None and aspect in DOSSIER_METRICS and obj in PLACE_OBJECTS:
        # "tỷ lệ trực tuyến cao như phường Hoa Lư (89,4%)", "Huyện Đức Hòa dẫn đầu với 96,8%": a
        # rate of the place's dossiers, not a share of places
        obj = "dossier"
    if kind in ("rank", "score"):
        obj = "other"  # the field ranked in ("5/63 tỉnh, thành phố") is not what is counted
    elif kind == "percent" and aspect == "satisfaction":
        obj = "other"  # a share of the people asked
    noun_end = own[2][1] if own and len(own) > 2 else num.end
    period = period_for(periods, sent, num.start, num.end)
    return {
        "id": "",
        "span": [num.start, num.end],
        "surface": text[num.start:num.end],
        "value": as_number(num.value),
        "denominator": as_number(den) if den is not None else None,
        "kind": kind,
        "approx": approx_of(article, num, noun_end),
        "object": obj,
        "aspect": aspect,
        "noun": noun,
        "change": is_change(article, num),
        "subject": choose_subject(article, refs, sent, num, post_end, rank=kind == "rank", prev=prev_fig),
        "period": period,
        "sentence": list(sent),
    }


CHANGE_BEFORE_RE = regex.compile(
    r"(?:tăng|giảm|tăng thêm|giảm thêm|tăng lên|giảm xuống|tăng gần|giảm gần|tăng hơn|giảm hơn|tăng trên|giảm trên"
    r"|tăng khoảng|giảm khoảng)[ \u00a0]*$")


def is_change(article: Article, num: NumberMatch) -> bool:
    """"tăng 107% so với cùng kỳ", "giảm 6,27%": a change, not a level."""
    before = article.folded[max(0, num.start - 16):num.start]
    return bool(CHANGE_BEFORE_RE.search(before)) or bool(
        COMPARED_AFTER_RE.match(article.folded[num.end:num.end + 40]))


def is_index_value(article: Article, cues: list[Cue], num: NumberMatch, sent: Span) -> bool:
    """A bare decimal ("93,31", "74,99") in a sentence about an index is the index's value."""
    if "," not in num.surface:
        return False
    return any(c.aspect in INDEX_ASPECTS for c in cues_between(cues, *sent)) or any(
        c.aspect in INDEX_ASPECTS and 0 <= num.start - c.end <= 300 for c in cues_between(cues, num.start - 340, num.start))


def _noun_before_copula(article: Article, sent: Span, num: NumberMatch):
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
ITEM_OPENING_RE = regex.compile(r"[ \u00a0]*(?:trong[ \u00a0]+đó[ \u00a0]*,?|gồm[ \u00a0]*:?)?[ \u00a0]*")
ITEM_VALUE_END_RE = regex.compile(r"[ \u00a0]*(?:[,;.)]|và(?!\p{L})|$)")  # the count ends the item
ITEM_LABEL_RE = regex.compile(r"(?:[ \u00a0]+\p{Ll}+){0,4}[ \u00a0]*(?:(?<!\p{L})là|:)?[ \u00a0]*")


def _item_label_noun(article: Article, sent: Span, num: NumberMatch):
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
