"""A figure's metric from the figures beside it: items of one list share the metric named after
the last, the bounds of an index band take the band's index, a bare value of another unit
restates the last named rate, a percentage restating a ratio or a figure "này" points back to
takes that figure's metric.
"""
from __future__ import annotations

from .aspects import INDEX_ASPECTS, ITEM_JOINT_RE
from .figure_cues import Cue, Span, clause_start, cues_between, lexicon as cue_lexicon, restates_ratio_gap
from .numbers import NumberMatch, as_number
from .pattern_cache import compile_pattern
from .segment import Article

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
BAND_GAP_RE = compile_pattern(r"[^\d;.:!?]{0,40}?(?<!\p{L})(?:đạt|dưới|trên|từ|đến)[ \u00a0]*")
BAND_RANGE_GAP_RE = compile_pattern(r"[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?:(?:dưới|trên|hơn)[ \u00a0]*)?")
BAND_HOLDERS = ("admin_unit", "agency")  # what an index bands, scores and covers: units, departments
DOSSIER_RATES = ("digitized", "paid_online")  # measured on dossiers only (Bộ chỉ số 766)
DOSSIER_METRICS = ("online", "on_time", "overdue", "resolved", "digitized", "paid_online")
PLACE_OBJECTS = ("admin_unit", "agency", "other")  # a percentage's noun from the places near it, or none
BAND_BOUND_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:đạt|từ|dưới|trên|đến)[ \u00a0]*(?:(?:dưới|trên)[ \u00a0]*)?$")
# the time or compliance cost a cut percentage shortens, which are procedures': "cắt giảm 30% thời gian
# giải quyết", "30% chi phí tuân thủ TTHC", "rút ngắn 50% thời gian so với quy định" (not the cost
# to firms: "30% chi phí tuân thủ đối với doanh nghiệp")
PROCEDURE_COST_AFTER_RE = compile_pattern(r"[ \u00a0]+(?:thời[ \u00a0]+gian|chi[ \u00a0]+phí[ \u00a0]+tuân[ \u00a0]+thủ[ \u00a0]+(?:tthc|thủ[ \u00a0]+tục))(?!\p{L})")
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
BARE_VALUE_RE = compile_pattern(r"[ \u00a0]*(?:riêng[ \u00a0]+)?(?!đạt(?!\p{L}))\p{L}[^\d,;:]{0,60}?(?<!\p{L})đạt[ \u00a0]*")
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


# (the noun of the item before may hold a comma itself: "9 sở, ngành và | 6 huyện", "6 cơ quan, đơn vị và | 4 xã",
# "12 sở, ban, ngành và | 30 xã", "12 cơ quan, đơn vị cấp tỉnh, | 5 huyện")
# (an abbreviation in brackets may follow the noun: "2.183 thủ tục hành chính (TTHC) và 4.271 điều kiện")
LIST_GAP_RE = compile_pattern(r"[ \u00a0]*(?:(?:[\p{L}\d/]+|\([\p{L}\d]{1,12}\))(?:[ \u00a0]*,(?=[ \u00a0]*\p{L}+(?:[ \u00a0]+\p{L}+){0,3}(?:[ \u00a0]+và|[ \u00a0]*,)))?[ \u00a0]*){0,6}(?:,|và|,[ \u00a0]*và)[ \u00a0]*")
# "102/163 điều kiện kinh doanh (chiếm 62,6%)", "22/24 nhiệm vụ (đạt 91,16%)": a percentage
# restating the figure before it
# (a word is taken whole, possessively: splitting one could only use more of the twelve, and
# trying every split of every word made a failing gap cost up to a second)
PARALLEL_GAP_RE = compile_pattern(r"[ \u00a0]*\)?[ \u00a0]*(?:[,;]|(?<!\p{L})(?:còn|và)(?!\p{L}))[ \u00a0]*"
                             r"(?:[\p{L}\d&/-]++[ \u00a0]*+,?[ \u00a0]*+){0,12}\(?[ \u00a0]*")
# ("... với 90,79%, tiếp theo là TP Hải Phòng (89,12%) và Bắc Giang (87,35%)": values of a ranking)
RESTATEMENT_GAP_RE = compile_pattern(
    r"[ \u00a0]*(?:[\p{L}\d/]+[ \u00a0]*){0,8}(?:\([ \u00a0]*(?:(?:chiếm|đạt|bằng|tương đương|tương ứng|tỷ lệ|tỉ lệ)[ \u00a0]*)?"
    r"|,[ \u00a0]*(?:chiếm|bằng|tương đương|tương ứng)[ \u00a0]+)")  # "412.300 hồ sơ, chiếm 32,1%"
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
        all(c.aspect == "received" for c in cues_between(cues, start, post_end))  # "hồ sơ nộp trực tiếp"


def is_list_sibling(article: Article, cues: list[Cue], prev: dict, num: NumberMatch,
                    aside: tuple[int, int] | None = None) -> bool:
    """"6 cơ quan chuyên môn, 2 đơn vị sự nghiệp và 9/9 xã": only the previous figure's noun
    and a comma or "và" between them, and no cue; or a percentage in brackets restating it.
    `aside`: a bracket between them read as if it were not there ("7 đơn vị đạt loại Tốt (từ 90
    điểm trở lên), 12 đơn vị loại Khá")."""
    folded, gap_start = article.folded, prev["span"][1]
    if aside is not None:
        if not 0 < num.start - gap_start - (aside[1] - aside[0]) <= 80 or cues_between(cues, gap_start, aside[0]) \
                or cues_between(cues, aside[1], num.start):
            return False
        gap = folded[gap_start:aside[0]].rstrip(" \u00a0") + folded[aside[1]:num.start]
        return prev["kind"] in ("count", "ratio") and bool(LIST_GAP_RE.fullmatch(gap))
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


# "tỷ lệ này là 37%", "con số này đạt ...": the same measure as the figure before, elsewhere
THIS_MEASURE_BEFORE_RE = compile_pattern(
    r"(?<![\p{L}])(?:tỷ[ \u00a0]+lệ|tỉ[ \u00a0]+lệ|con[ \u00a0]+số|số[ \u00a0]+liệu|mức)[ \u00a0]+(?:này|đó|tương[ \u00a0]+ứng)"
    r"(?:[ \u00a0]+(?:là|đạt|chiếm|ở[ \u00a0]+mức|cũng[ \u00a0]+đạt|chỉ[ \u00a0]+đạt|lên[ \u00a0]+tới|lên[ \u00a0]+đến))?[ \u00a0]*$")
REFER_BACK_REACH = 300  # characters from the figure referred to


def refers_back(article: Article, sent: Span, prev: dict, num: NumberMatch) -> bool:
    """"tỷ lệ dịch vụ công toàn trình đạt 17%; ở địa phương, tỷ lệ này là 37%": a figure of the
    measure of the figure before it (its aspect and object)."""
    return (prev["kind"] == "percent" and num.form == "percent" and 0 < num.start - prev["span"][1] <= REFER_BACK_REACH
            and bool(THIS_MEASURE_BEFORE_RE.search(article.folded, max(sent[0], num.start - 40), num.start)))


THIS_AFTER_RE = compile_pattern(r"[ \u00a0]*này(?!\p{L})")


def antecedent(article: Article, num: NumberMatch, earlier: list[dict]) -> dict | None:
    """"... trễ hạn là 5%. ... thì 5% này tương đương": the earlier figure "5% này" points back to."""
    if not THIS_AFTER_RE.match(article.folded, num.end, num.end + 6):
        return None
    value = as_number(num.value)
    return next((f for f in reversed(earlier) if f["value"] == value and f["span"][1] <= num.start), None)


PROCESS_ASPECTS = ("received", "resolved")  # the generic verbs a survey's component may be named by
SURVEY_COMPONENT_REACH = 250  # characters from the survey value before


# "Tỷ lệ hài lòng về tiếp cận dịch vụ, ... và việc tiếp nhận, xử lý ý kiến góp ý lần lượt đạt
# 84,1%, 82,6%, ...": the survey's components listed, then their values
SURVEY_LIST_RE = compile_pattern(r"(?<!\p{L})hài lòng\s+(?:về|với|đối với)\s[^.;!?\d]{0,200}?(?<!\p{L})lần lượt"
                               r"(?:\s+(?:là|đạt|ở mức))?\s*:?\s*")
SURVEY_VALUES_RE = compile_pattern(r"(?:\d[\d.,]*\s*%?\s*(?:,|;|và)\s*)*")  # the values before this one


SURVEY_LIST_REACH = 600  # characters before a value where its "lần lượt" is sought (bounded: a sentence may be huge)
SURVEY_HEAD_REACH = 260  # characters before "lần lượt" where "hài lòng về" may open the list (its 200 and words)


def in_survey_list(article: Article, sent: Span, num: NumberMatch) -> bool:
    """Whether a percentage is one of the values a survey's listed components take "lần lượt"."""
    folded = article.folded
    at = folded.rfind("lần lượt", max(sent[0], num.start - SURVEY_LIST_REACH), num.start)
    if at < 0:
        return False
    m = next((m for m in SURVEY_LIST_RE.finditer(folded, max(sent[0], at - SURVEY_HEAD_REACH), num.start) if m.end() > at),
             None)
    return m is not None and SURVEY_VALUES_RE.fullmatch(folded, m.end(), num.start) is not None


def is_survey_component(article: Article, cues: list[Cue], prev: dict | None, num: NumberMatch) -> bool:
    """Whether a percentage named only by a process ("tiếp nhận, xử lý phản ánh, kiến nghị")
    follows a satisfaction value of its paragraph with no specific cue between: another component
    of the same survey."""
    return (prev is not None and prev["kind"] == "percent" and prev["aspect"] == "satisfaction"
            and 0 < num.start - prev["span"][1] <= SURVEY_COMPONENT_REACH
            and article.paragraph_of(prev["span"][0]) == article.paragraph_of(num.start)
            and not any(c.specific for c in cues_between(cues, prev["span"][1], num.start)))


# what a count's own thing says of its metric, past the cues: procedures are not received or
# resolved like dossiers; a unit applies its published set; where a survey was taken; tasks left;
# the units an index covers, and those counted by their place in it; petitions received and answered
SURVEY_PLACES_BEFORE_RE = compile_pattern(r"(?<!\p{L})phiếu(?:[ \u00a0]+(?:hỏi|khảo[ \u00a0]+sát|điều[ \u00a0]+tra|hợp[ \u00a0]+lệ))*"
                                         r"[ \u00a0]+(?:tại|ở)[ \u00a0]+(?:các[ \u00a0]+)?$")
# a survey's sample, counted right after its verb: "khảo sát hơn 12.000 doanh nghiệp", "điều tra hơn
# 18.300 cán bộ", "phiếu điều tra được thực hiện trên 31.000 người", "lấy ý kiến của 2.500 người dân"
SURVEY_SAMPLE_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})(?:điều[ \u00a0]+tra|khảo[ \u00a0]+sát|lấy[ \u00a0]+ý[ \u00a0]+kiến|phỏng[ \u00a0]+vấn)"
    r"(?:[ \u00a0]+(?:được[ \u00a0]+)?(?:thực[ \u00a0]+hiện|tiến[ \u00a0]+hành))?"
    r"(?:[ \u00a0]+(?:trên|với|đối[ \u00a0]+với|của|hơn|gần|khoảng|tổng[ \u00a0]+số))*[ \u00a0]+$")
REMAINING_AFTER_RE = compile_pattern(r"[ \u00a0]*còn[ \u00a0]+lại(?!\p{L})")
APPLIED_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:(?:đang|hiện)[ \u00a0]+(?:thực[ \u00a0]+hiện|áp[ \u00a0]+dụng)"
                                    r"|đang[ \u00a0]+áp[ \u00a0]+dụng[^.;:!?\n\d]{0,40}?(?<!\p{L})là)[ \u00a0]+$")
# the procedures in a level's remit, listed as a set: "thủ tục hành chính thuộc thẩm quyền giải
# quyết của cấp huyện gồm: 5 thủ tục thuộc lĩnh vực ..." (not a part of it: "..., trong đó có")
REMIT_SET_BEFORE_RE = compile_pattern(r"(?<!\p{L})thuộc[ \u00a0]+thẩm[ \u00a0]+quyền(?!\p{L})[^.;:!?\n\d,]{0,50}?"
                                      r"(?<!\p{L})(?:gồm|có)[ \u00a0:]*$")
HAS_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:có|là|gồm)[ \u00a0]+$")
# the units an index covers, no result of theirs: "Chỉ số CCHC năm 2025 của 148 xã, phường", "điểm
# trung bình của 130 xã", "đánh giá Chỉ số CCHC đối với 54 xã" (also a later item of their list:
# "của các bộ, cơ quan ngang bộ và 34 tỉnh, thành phố")
INDEX_POPULATION_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})(?:chỉ[ \u00a0]+số|par[ \u00a0]+index|điểm|giá[ \u00a0]+trị|bình[ \u00a0]+quân|trung[ \u00a0]+bình)(?!\p{L})"
    r"[^.;:!?\n]{0,60}?(?<!\p{L})(?:của|đối[ \u00a0]+với)[ \u00a0]+(?:các[ \u00a0]+)?(?:[^.;:!?\n]{0,40}?(?:,|và)[ \u00a0]+)?$")
# a score band named before the units counted in it: "Nhóm xếp loại Khá (từ 80 đến dưới 90 điểm)
# có 41 đơn vị", "nhóm đạt từ 80 đến dưới 90 điểm có 61 đơn vị"
SCORE_BAND_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})nhóm(?!\p{L})[^.;:!?\n]{0,60}?\d[ \u00a0]*(?:điểm|%)[ \u00a0)]*(?:trở[ \u00a0]+lên[ \u00a0)]*)?(?:có|gồm)[ \u00a0]+$")
# units counted by where they stand in an index: "46 địa phương có chỉ số tăng", "5 xã có điểm số
# dưới mức bình quân", "4 tỉnh ... thuộc nhóm 10 địa phương dẫn đầu"
INDEX_STANDING_AFTER_RE = compile_pattern(
    r"[^.;:!?\n]{0,40}?(?<!\p{L})(?:có[ \u00a0]+(?:giá[ \u00a0]+trị[ \u00a0]+)?(?:chỉ[ \u00a0]+số|điểm(?:[ \u00a0]+số)?)"
    r"[ \u00a0]+(?:tăng|giảm|cao|thấp|dưới|trên)|(?:thuộc|lọt[ \u00a0]+vào|có[ \u00a0]+mặt[ \u00a0]+trong|nằm[ \u00a0]+trong)"
    r"[ \u00a0]+nhóm)(?!\p{L})")
# received and answered in one breath: "tiếp nhận và trả lời 156 kiến nghị", "tiếp nhận, xử lý 27
# phản ánh, kiến nghị": petitions handled, neither only received nor resolved
RECEIVED_AND_HANDLED_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})tiếp[ \u00a0]+nhận[ \u00a0]*(?:,|và)[ \u00a0]*(?:xử[ \u00a0]+lý|trả[ \u00a0]+lời)[ \u00a0]+$")
# units counted by the one-stop service they run: "20/20 xã đã thực hiện cơ chế một cửa liên thông",
# "75/75 xã đã vận hành Bộ phận Một cửa", "35 xã đã triển khai phần mềm một cửa điện tử"
ONE_STOP_RUN_AFTER_RE = compile_pattern(
    r"[^.;:!?\n\d]{0,40}?(?<!\p{L})(?:thực[ \u00a0]+hiện|vận[ \u00a0]+hành|triển[ \u00a0]+khai|áp[ \u00a0]+dụng|sử[ \u00a0]+dụng)"
    r"(?!\p{L})[^.;:!?\n\d]{0,30}?(?<!\p{L})một[ \u00a0]+cửa(?!\p{L})")
# procedures brought to a one-stop place to be received there: "đưa 1.652 TTHC vào tiếp nhận tại Trung
# tâm", "100% TTHC cấp xã được tiếp nhận, trả kết quả tại Trung tâm", "trung tâm sẽ tiếp nhận và trả
# kết quả với 1.161 thủ tục" (not a time: "tiếp nhận và trả kết quả trong vòng 2 giờ đối với 15 TTHC";
# not past a part: "1.703 TTHC được công bố, trong đó 100% TTHC được tiếp nhận tại Trung tâm")
ONE_STOP_DESK = r"(?:trung[ \u00a0]+tâm|bộ[ \u00a0]+phận|một[ \u00a0]+cửa|một[ \u00a0]+đầu[ \u00a0]+mối)(?!\p{L})"
AND_RETURNED = r"[ \u00a0]*(?:,|và)[ \u00a0]*trả[ \u00a0]+kết[ \u00a0]+quả"  # "tiếp nhận(,| và) trả kết quả"
ONE_STOP_INTAKE_AFTER_RE = compile_pattern(
    rf"(?:(?!trong[ \u00a0]+đó|%)[^;:!?\n]){{0,60}}?(?<!\p{{L}})tiếp[ \u00a0]+nhận(?:{AND_RETURNED})?(?!\p{{L}})"
    rf"[^.;:!?\n\d]{{0,30}}?(?<!\p{{L}})(?:tại|qua)[ \u00a0]+(?:các[ \u00a0]+)?{ONE_STOP_DESK}")
ONE_STOP_INTAKE_BEFORE_RE = compile_pattern(
    rf"(?<!\p{{L}}){ONE_STOP_DESK}[^.;:!?\n\d]{{0,20}}?(?<!\p{{L}})tiếp[ \u00a0]+nhận{AND_RETURNED}[ \u00a0]+"
    r"(?:(?:với|cho|đối[ \u00a0]+với)[ \u00a0]+)?$")
# dossiers counted as those that carry a fee, the base of the online payment rate: "trong đó có 5.318
# hồ sơ có thu phí, lệ phí", "31.000 hồ sơ thuộc diện thu phí" (not those paid: "... được thanh toán")
FEE_BEARING_AFTER_RE = compile_pattern(
    r"[ \u00a0]+(?:có[ \u00a0]+thu[ \u00a0]+phí|thuộc[ \u00a0]+diện[ \u00a0]+(?:thu[ \u00a0]+)?phí)(?:[ \u00a0]*,[ \u00a0]*lệ[ \u00a0]+phí)?(?!\p{L})"
    r"(?![^.;:!?\n]{0,40}?(?<!\p{L})(?:được|thanh[ \u00a0]+toán)(?!\p{L}))")
INDEX_POPULATION_REACH = 90  # characters before a count where its index phrase and "của" stand
IN_REMIT_AFTER_RE = compile_pattern(r"[ \u00a0]*thuộc[ \u00a0]+thẩm[ \u00a0]+quyền(?!\p{L})")
RESOLVED_AFTER_RE = compile_pattern(r"[ \u00a0]*(?:đã[ \u00a0]+)?(?:được[ \u00a0]+)?giải[ \u00a0]+quyết(?!\p{L})")
ONE_STOP_PLACE_RE = compile_pattern(r"(?<!\p{L})(?:trung[ \u00a0]+tâm|bộ[ \u00a0]+phận|một[ \u00a0]+cửa|quầy)(?!\p{L})")
REMIT_REACH = 80  # characters before a count where "thuộc thẩm quyền ... gồm" stands
SURVEYED_OBJECTS = ("admin_unit", "agency", "other")
VERB_REACH = 40  # characters before a count where the verb that applies it, or a survey's place words, stand


def brought_to_one_stop(folded: str, sent: Span, start: int, noun_end: int) -> bool:
    """Whether the procedures counted at `start` (their noun ending at `noun_end`) are those a
    one-stop place receives: the words after them say so, or a centre receiving them before."""
    return (ONE_STOP_INTAKE_AFTER_RE.match(folded, noun_end, sent[1]) is not None
            or ONE_STOP_INTAKE_BEFORE_RE.search(folded, max(sent[0], start - VERB_REACH - 20), start) is not None)


def counted_thing_aspect(folded: str, sent: Span, start: int, obj: str, noun_end: int, aspect: str) -> str:
    """The aspect of a count of `obj` (its number at `start`, its noun ending at `noun_end`) given
    the one its cues chose."""
    if obj == "procedure" and aspect in ("received", "resolved") and not RESOLVED_AFTER_RE.match(folded, noun_end):
        # "Trung tâm tiếp nhận 1.632 TTHC": those handled at the one-stop centre ("1.257 thủ tục
        # đã được giải quyết" are cases, resolved)
        aspect = "one_stop" if ONE_STOP_PLACE_RE.search(folded, sent[0], sent[1]) else "other"
    if obj == "procedure" and aspect == "other" and (
            APPLIED_BEFORE_RE.search(folded, max(sent[0], start - VERB_REACH), start)
            or (HAS_BEFORE_RE.search(folded, max(sent[0], start - 12), start) and IN_REMIT_AFTER_RE.match(folded, noun_end))
            or REMIT_SET_BEFORE_RE.search(folded, max(sent[0], start - REMIT_REACH), start)):
        return "published"  # "xã đang thực hiện 367 TTHC thuộc thẩm quyền cấp xã", "tổng số TTHC đang áp
        # dụng trên địa bàn tỉnh là 1.947 thủ tục": the set it publishes
    if obj in BAND_HOLDERS and SURVEY_PLACES_BEFORE_RE.search(folded, max(sent[0], start - VERB_REACH), start):
        return "other"  # "4.050 phiếu hỏi tại 135 xã, phường": where a survey was taken, no result
    if obj in SURVEYED_OBJECTS and SURVEY_SAMPLE_BEFORE_RE.search(folded, max(sent[0], start - VERB_REACH), start):
        return "other"  # "PAR INDEX 2017 thực hiện điều tra hơn 18.300 cán bộ": whom a survey asked
    if obj in BAND_HOLDERS and aspect == "par_index" and INDEX_POPULATION_BEFORE_RE.search(
            folded, max(sent[0], start - INDEX_POPULATION_REACH), start):
        return "other"  # "Chỉ số CCHC năm 2025 của 148 xã, phường đạt 81,47%": the units scored
    if obj in BAND_HOLDERS and aspect == "other" and ONE_STOP_RUN_AFTER_RE.match(folded, noun_end, sent[1]):
        return "one_stop"  # "20/20 xã đã thực hiện cơ chế một cửa liên thông"
    if obj in BAND_HOLDERS and aspect == "other" and (
            SCORE_BAND_BEFORE_RE.search(folded, max(sent[0], start - INDEX_POPULATION_REACH), start)
            or INDEX_STANDING_AFTER_RE.match(folded, noun_end, sent[1])):
        return "par_index"  # "Nhóm xếp loại Khá (từ 80 đến dưới 90 điểm) có 41 đơn vị"
    if obj == "other" and aspect in ("received", "resolved") and RECEIVED_AND_HANDLED_BEFORE_RE.search(
            folded, max(sent[0], start - VERB_REACH), start):
        return "other"  # "tiếp nhận và trả lời 156 kiến nghị"
    if obj == "dossier" and aspect in PROCESS_ASPECTS and FEE_BEARING_AFTER_RE.match(folded, noun_end):
        return "other"  # "Trung tâm tiếp nhận 7.906 hồ sơ, trong đó có 5.318 hồ sơ có thu phí, lệ phí"
    if obj == "task" and REMAINING_AFTER_RE.match(folded, noun_end):
        return "other"  # "hoàn thành 36/38 nhiệm vụ, 2 nhiệm vụ còn lại ...": the tasks not done
    return aspect


# people, places and means counted for the help they give toward online use: "Tổ công nghệ số cộng
# đồng ở 100% khóm để hướng dẫn người dân nộp hồ sơ trực tuyến", "2 đoàn viên hỗ trợ người dân nộp
# hồ sơ trực tuyến", "hai đợt tuyên truyền về dịch vụ công trực tuyến", "hỗ trợ người dân tại
# 184/184 xã thực hiện dịch vụ công trực tuyến"
HELP_VERB = r"(?<!\p{L})(?:hướng[ \u00a0]+dẫn|hỗ[ \u00a0]+trợ|tuyên[ \u00a0]+truyền)(?!\p{L})"
ONLINE_WORD = r"(?<!\p{L})(?:trực[ \u00a0]+tuyến|dịch[ \u00a0]+vụ[ \u00a0]+công)(?!\p{L})"
HELP_TOWARD_ONLINE_RE = compile_pattern(rf"(?:{HELP_VERB}|(?<!\p{{L}})để(?!\p{{L}}))[^.;:!?\n\d]{{0,70}}?{ONLINE_WORD}")
HELP_BEFORE_RE = compile_pattern(rf"{HELP_VERB}[^.;:!?\n\d]*$")
ONLINE_AFTER_RE = compile_pattern(rf"[^.;:!?\n\d]{{0,90}}?{ONLINE_WORD}")
HELP_REACH = 40  # characters before a count where the help verb of its clause may stand
HELPING_OBJECTS = ("admin_unit", "agency", "other")


def helps_toward_online(folded: str, sent: Span, start: int, obj: str, noun_end: int) -> bool:
    """Whether a count of people, places or means (`obj`, its noun ending at `noun_end`) is of
    help toward online use: a help verb before it, or after it, then the online words."""
    if obj not in HELPING_OBJECTS:
        return False
    end = min(sent[1], noun_end + 100)
    return (HELP_TOWARD_ONLINE_RE.search(folded, noun_end, end) is not None
            or (HELP_BEFORE_RE.search(folded, max(sent[0], start - HELP_REACH), start) is not None
                and ONLINE_AFTER_RE.match(folded, noun_end, end) is not None))
