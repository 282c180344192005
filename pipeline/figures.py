"""Figures: numbers in context -> Figure records (kind, value, object, aspect, approx, noun,
subject, period), per SCHEMA.md.

How a label is chosen (the rules, in order):
- kind: from the numeral's form and the words around it (rank cue before, "điểm" after).
- aspect: cue phrases from `resources/figures.yml`, chosen by `aspects.py`.
- object: the counted noun after the number, else the noun after "tỷ lệ", else the nearest
  counted noun in context, else a default for the aspect.
- subject: the first unit named or referred to ("của xã", "UBND huyện") in the sentence
  before the figure, else the last one before it in the article.
What a figure counts is read by `figure_nouns.py`; what it takes from the figures beside it
(a list's shared metric, a restated ratio) by `figure_metrics.py`.
"""
from __future__ import annotations

from .aspects import INDEX_ASPECTS, INDEX_BAND_AFTER_RE, choose_aspect, is_base, noun_key
from .breakdowns import bracketed_part_aspect, breakdown_totals, field_share_aspect, is_field_breakdown, named_parts_aspect
from .figure_cues import Cue, Span, cues_between, find_cues, lexicon as cue_lexicon, post_window_end
from .figure_metrics import (BAND_BOUND_BEFORE_RE, BAND_HOLDERS, DOSSIER_METRICS, DOSSIER_RATES, PLACE_OBJECTS,
                             PROCEDURE_COST_AFTER_RE, PROCESS_ASPECTS, THIS_AFTER_RE, antecedent, brought_to_one_stop,
                             counted_thing_aspect, helps_toward_online, in_survey_list, is_bare_value, is_list_sibling,
                             is_survey_component, last_named_rate, names_another_channel, own_words_start, refers_back,
                             restates_ratio, same_scale_score, share_band_metric, share_trailing_metric)
from .figure_nouns import (GENERIC_BODY, LISTED_NUMBERS_AFTER_RE, RATE_RE, bracketed_part_noun, context_noun,
                           counted_noun, elided_noun, item_label_noun, listed_with_a_count, noun_before_copula,
                           range_start_noun, shared_noun_after, units_in_view, whereof_part_noun, zero_object)
from .labels import label_figures
from .numbers import (ONLY_ONE_AFTER_RE, NumberMatch, as_number, elliptic_rank, find_numbers, phrase_before, rank_words,
                      word_after)
from .open_nouns import open_noun_after
from .pattern_cache import compile_pattern
from .period_scope import PeriodIndex, period_for
from .periods import find_periods
from .segment import Article, enclosing_bracket
from .subjects import choose_subject, holder_of_counted_units
from .unit_refs import UNIT_TYPES, UNITS_BY_ID, unit_refs
from .textkeys import key

RANK_FIELD_RE = compile_pattern(r"[ \u00a0]*(?:trên|trong|/)[ \u00a0]*(?:tổng[ \u00a0]+)?(?:số[ \u00a0]+)?(\d+)(?![\d.,])")
RANGE_END_RE = compile_pattern(r"[ \u00a0]?[-–][ \u00a0]?[\d.,]+")
# "2 bậc so với năm 2023"; not "7 tỉnh tăng hạng so với năm 2024" (what changed is what is counted)
COMPARED_AFTER_RE = compile_pattern(r"[ \u00a0]*(?:(?!(?:tăng|giảm)(?!\p{L}))\p{L}+[ \u00a0]+){0,3}so với")
TOTAL_AFTER_RE = compile_pattern(r"[ \u00a0]+(?:trong|trên)[ \u00a0]+tổng[ \u00a0]+số[ \u00a0]+(?P<total>\d+)(?![\d.,])")
PART_OF_TOTAL_RE = compile_pattern(
    r"[ \u00a0]+trong[ \u00a0]+(?:tổng[ \u00a0]+)?số[ \u00a0]+(?:(?:hơn|gần|khoảng|trên)[ \u00a0]+)?"
    r"(?:\d[\d.,]*\d(?![\d])|\d(?![\d.,]))")


def rank_denominator(text: str, folded: str, end: int) -> tuple[float | None, int]:
    """"thứ 3 trên tổng số 19 bộ", "thứ 5 trong số 63 tỉnh" -> (19, offset after the number)."""
    m = RANK_FIELD_RE.match(folded[end:end + 40])
    if m:
        return float(m.group(1)), end + m.end()
    return None, end


# the first end of a range of points: "từ 80 đến 85 điểm", "từ 80 đến dưới 90 điểm"
POINTS_RANGE_START_RE = compile_pattern(r"[ \u00a0]*(?:đến|tới|-|–)[ \u00a0]*(?:dưới[ \u00a0]+|trên[ \u00a0]+|hơn[ \u00a0]+)?\d[\d.,]*[ \u00a0]*điểm")



# a group at the top of a ranking: "nhóm 10 địa phương dẫn đầu", "nhóm 20 tỉnh đứng đầu cả nước"
TOP_GROUP_BEFORE_RE = compile_pattern(r"(?<!\p{L})nhóm[ \u00a0]+$")
TOP_GROUP_AFTER_RE = compile_pattern(r"[ \u00a0]+[\p{L}, \u00a0]{1,30}?(?<!\p{L})(?:dẫn[ \u00a0]+đầu|đứng[ \u00a0]+đầu|cao[ \u00a0]+nhất|tốt[ \u00a0]+nhất)(?!\p{L})")


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
    if num.form == "ratio" and (is_bracketed_rank(article, num)
                                or ORDINAL_BEFORE_RE.search(folded, max(0, num.start - 8), num.start)):
        return "rank", num.denominator  # "Kon Tum (62/63)", "Phú Thọ (87,12 điểm, thứ 18/34)"
    if num.form == "ratio":
        return "ratio", num.denominator
    total = TOTAL_AFTER_RE.match(folded, num.end, num.end + 40)
    if num.form == "number" and total:
        return "ratio", float(total["total"])  # "4 trong tổng số 23 sở, ngành"
    return "count", None


# "Các địa phương xếp cuối bảng lần lượt là Đắk Nông (61/63), Kon Tum (62/63)": a unit's place
# in brackets after its name, in a ranking
NAME_THEN_BRACKET_RE = compile_pattern(r"(?:\p{Lu}\p{L}*|(?<!\p{L})(?:xếp|đứng)[ \u00a0]+(?:cuối|đầu)(?:[ \u00a0]+bảng)?)"
                                     r"[ \u00a0]*\([ \u00a0]*(?:thứ[ \u00a0]+)?$")  # "Cao Bằng (thứ 32/34)", "xếp cuối (130/130"
BRACKET_END_RE = compile_pattern(r"[ \u00a0]*[),;]")  # the bracket closes, or goes on with the value: "(130/130, đạt"
# between a rate and the goal set for it: "tỷ lệ ... đạt 76,2%, vượt chỉ tiêu 70% mà Nghị quyết ... đề ra"
RATE_TARGET_GAP_RE = compile_pattern(r"[ \u00a0]*,?[ \u00a0]*(?:vượt|cao[ \u00a0]+hơn|thấp[ \u00a0]+hơn|so[ \u00a0]+với|bằng|chưa[ \u00a0]+đạt|"
                                     r"không[ \u00a0]+đạt|đạt)?[ \u00a0]*(?:chỉ[ \u00a0]+tiêu|mục[ \u00a0]+tiêu)[ \u00a0]*(?:là[ \u00a0]*)?")
# "thứ" before a place out of a field is a rank, whatever verb (if any) comes before it
ORDINAL_BEFORE_RE = compile_pattern(r"(?<!\p{L})thứ[ \u00a0]+$")
RANKING_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:xếp|đứng|cuối bảng|dẫn đầu|thứ hạng|bảng xếp hạng)(?!\p{L})")
RANKING_REACH = 160  # characters before the bracket where the ranking's verb is sought


def is_bracketed_rank(article: Article, num: NumberMatch) -> bool:
    """A ratio in brackets right after a unit's name in a ranking ("Kon Tum (62/63)"): a rank."""
    return (bool(NAME_THEN_BRACKET_RE.search(article.text, max(0, num.start - 40), num.start))
            and bool(BRACKET_END_RE.match(article.text, num.end))
            and num.denominator is not None and num.value <= num.denominator
            and bool(RANKING_BEFORE_RE.search(article.folded, max(0, num.start - RANKING_REACH), num.start)))



# a paragraph's first word split after its drop capital, right before the number: "H ƠN 98%"
DROP_CAPITAL_RE = compile_pattern(r"(?P<letter>\p{Lu})[ \u00a0](?P<rest>\p{Lu}+)[ \u00a0]*(?=\d)")


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
    article.cache[UNITS_BY_ID] = {u["id"]: u for u in units}
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


GRADE_AFTER_RE = compile_pattern(r"[ \u00a0]+(?:xếp[ \u00a0]+loại|đạt[ \u00a0]+loại|đạt[ \u00a0]+mức|ở[ \u00a0]+mức)(?!\p{L})")
# between a value and a zero after it: its unit, a few words ("đạt loại Trung bình"), a separator
ZERO_AFTER_VALUE_GAP_RE = compile_pattern(r"[ \u00a0]*%?[ \u00a0]*(?:điểm[ \u00a0]*)?(?:[\p{L} \u00a0]{0,30}?)[,;]?[ \u00a0]*(?:và[ \u00a0]+)?")


ASIDE_REACH = 40  # characters: a bracket's opening from the figure before it, and its length


def _aside_of(article: Article, before: dict, fig: dict) -> tuple[int, int] | None:
    """The bracket `fig` stands in, right after the words of `before` (its band, its share), or None."""
    text = article.text
    opening = enclosing_bracket(text, before["span"][1], fig["span"][0], ASIDE_REACH)
    closing = text.find(")", fig["span"][1], fig["span"][1] + ASIDE_REACH) if opening is not None else -1
    if opening is None or closing < 0 or opening - before["span"][1] > ASIDE_REACH:
        return None
    return opening, closing + 1


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
        beside = bool(ONLY_ONE_AFTER_RE.match(article.folded, num.end)) or listed_with_a_count(text, num, sent, prev_fig, nxt_fig)
        own = open_noun_after(article, sent, num.start, num.end) if beside and kind == "count" else None
        if own is None:
            return None
    if kind == "count" and num.form == "number" and own is None:
        own = noun_before_copula(article, sent, num) or item_label_noun(article, sent, num)
        if own is None and is_index_value(article, cues, num, sent):
            kind = "score"  # "Điện Biên ( 74,99 )": a PAR INDEX value in a ranking
        elif own is None:
            own = elided_noun(article, prev_fig, num)
            elided = own is not None
            # (a part in brackets is named by its label: "(đúng hạn 9.600, quá hạn 200)")
            own = (own or bracketed_part_noun(article, prev_fig, num) or whereof_part_noun(article, prev_fig, num)
                   or shared_noun_after(article, num) or range_start_noun(article, sent, num)
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
    if sibling is None and len(earlier) > 1 and (aside := _aside_of(article, earlier[-2], prev_fig)) \
            and is_list_sibling(article, cues, earlier[-2], num, aside):
        # "7 đơn vị đạt loại Tốt (từ 90 điểm trở lên), 12 đơn vị loại Khá": past the aside's figure
        sibling = earlier[-2]["aspect"]
    restated = restates_ratio(article, prev_fig, num)
    if restated:
        aspect = prev_fig["aspect"]  # the ratio's own words may hold a cue: "21/34 nhiệm vụ đề ra, đạt 61,76%"
    else:
        # (a zero phrase counts the noun inside it: "chưa có đơn vị nào đạt loại Xuất sắc")
        counted = own[0] if own else zero_object(article, num)[0] if num.form == "zero" else None
        aspect = choose_aspect(article, cues, num, sent, nxt_fig, kind, counted, sibling,
                               noun_key(own[1]) if own else None, post_end)
    if elided:
        aspect = prev_fig["aspect"]  # "Thanh tra tỉnh có 5": a cue in the next item's name is no aspect
    elif (num.form == "percent" and prev_fig is not None and prev_fig["kind"] == "percent"
          and prev_fig["aspect"] not in ("planned", "other") and list(prev_fig["sentence"]) == list(sent)
          and RATE_TARGET_GAP_RE.fullmatch(article.folded, prev_fig["span"][1], num.start)):
        aspect = prev_fig["aspect"]  # "đúng hạn đạt 99,4%, vượt chỉ tiêu 98% đề ra": the goal of that rate
    referent = antecedent(article, num, earlier)
    if referent is not None:
        aspect = referent["aspect"]
    elif kind == "count" and own is not None and not elided:
        words_start = own_words_start(article, sent, num, prev_fig)
        # a breakdown by field is read as one even where a passage's topic gave it a metric
        by_field = own[0] == "dossier" and is_field_breakdown(article, cues, num, sent, post_end)
        channel = names_another_channel(article, cues, words_start, post_end)
        if aspect == "other" or by_field or channel:
            # "trực tuyến 7.100 hồ sơ, trực tiếp 1.350 hồ sơ": an item of another channel than
            # online is no online count, whatever the items before it were
            totals = [] if is_base(article.folded, sent, num) else breakdown_totals(
                article, cues, num, sent, own[1], words_start, post_end, earlier)
            # (an item of a channel that says it came in, "2.190 hồ sơ nộp trực tiếp", is received)
            came_in = channel and bool(cues_between(cues, words_start, post_end))
            # (not the online item's before it in the same brackets: "(trực tuyến 6.000, trực tiếp 3.800)")
            bracketed = None if channel and prev_fig is not None and prev_fig["aspect"] == "online" else \
                bracketed_part_aspect(article.folded, cues, num, prev_fig)
            aspect = (bracketed
                      or (by_field and field_share_aspect(totals))
                      or (totals[0] if totals else "received" if came_in else None)
                      or named_parts_aspect(article, cues, num, sent, earlier, own[0], own[1]) or "other")
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
    if kind == "percent" and aspect in PROCESS_ASPECTS and (is_survey_component(article, cues, prev_fig, num)
                                                           or in_survey_list(article, sent, num)):
        # "... kết quả dịch vụ 87,80%; thấp nhất là việc tiếp nhận, xử lý phản ánh, kiến nghị với
        # 85,73%": a component of the survey named by the process it rates
        aspect = "satisfaction"
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
    if (aspect == "cut" and prev_fig is not None and prev_fig["sentence"] == list(sent) and prev_fig["kind"] == "count"
            and not prev_fig["change"] and CHANGE_OF_PREVIOUS_RE.fullmatch(article.folded, prev_fig["span"][1], num.start)):
        # "tiếp nhận 4.372 hồ sơ, giảm 6,2% so với quý II", "Số hồ sơ quá hạn là 8.915, giảm 21,5%":
        # the fall of the count before, no cut
        aspect = prev_fig["aspect"]
    if kind in ("count", "ratio") and own is not None:
        aspect = counted_thing_aspect(article.folded, sent, num.start, own[0], own[2][1], aspect)
    if own is not None and own[0] == "procedure" and aspect != "one_stop" and referent is None \
            and brought_to_one_stop(article.folded, sent, num.start, own[2][1]):
        aspect = "one_stop"  # "đưa 1.652 TTHC vào tiếp nhận tại Trung tâm"
    if own is not None and aspect == "online" and helps_toward_online(article.folded, sent, num.start, own[0], own[2][1]):
        aspect = "other"  # "2 đoàn viên hỗ trợ người dân nộp hồ sơ trực tuyến": help given, not an online measure
    if num.form == "zero" and aspect == "other":
        return None  # "không có hồ sơ" without a metric after it is not a reported zero
    if own is not None or num.form == "zero":
        obj, noun = (own[0], own[1]) if own is not None else zero_object(article, num)
        if obj == "agency" and noun and key(noun) == GENERIC_BODY and units_in_view(article, sent, num):
            # "Trong 56 xã, phường, có 4 đơn vị đạt từ 90 điểm", "18 xã, phường đạt loại Tốt; không
            # có đơn vị nào xếp loại Yếu": the units are communes
            obj = "admin_unit"
    else:
        ctx = context_noun(article, sent, num, post_end)
        if ctx:
            obj, noun = ctx
        else:
            obj, noun = cue_lexicon()["default_object"].get(aspect, "other"), None
    if own is None and sibling is not None and sibling == aspect and prev_fig["kind"] == kind:
        obj, noun = prev_fig["object"], prev_fig["noun"]  # "... 54,1%; Bộ NN & PTNT đạt 37%"
    elif own is None and restated:
        obj, noun = prev_fig["object"], prev_fig["noun"]  # "22.964/24.382 doanh nghiệp nộp hồ sơ ..., đạt 95,8%"
    if kind == "percent" and own is None and aspect in DOSSIER_RATES and obj != "dossier" and (
            obj == "procedure" or (obj in BAND_HOLDERS and BAND_BOUND_BEFORE_RE.search(article.folded, max(0, num.start - 12), num.start))):
        # "tỷ lệ số hóa kết quả giải quyết TTHC đạt 95,1%", "67 đơn vị đạt từ 70% đến dưới 90%":
        # a rate of digitised or paid dossiers, whatever noun is near
        obj = "dossier"
    elif kind == "percent" and own is None and aspect in DOSSIER_METRICS and obj in PLACE_OBJECTS:
        # "tỷ lệ trực tuyến cao như phường Hoa Lư (89,4%)", "Huyện Đức Hòa dẫn đầu với 96,8%": a
        # rate of the place's dossiers, not a share of places
        obj = "dossier"
    elif kind == "percent" and aspect == "cut" and obj == "other" and PROCEDURE_COST_AFTER_RE.match(article.folded, num.end):
        obj = "procedure"  # "cắt giảm ít nhất 30% thời gian giải quyết": the procedures' time cut
    if kind in ("rank", "score"):
        obj = "other"  # the field ranked in ("5/63 tỉnh, thành phố") is not what is counted
    elif kind == "percent" and aspect == "satisfaction":
        obj = "other"  # a share of the people asked
    noun_end = own[2][1] if own and len(own) > 2 else num.end
    subject = choose_subject(article, refs, sent, num, post_end, rank=kind == "rank", prev=prev_fig)
    if obj == "admin_unit" and kind in ("count", "ratio", "percent"):
        subject = holder_of_counted_units(article, refs, sent, num.start, noun, subject)
    # a percentage restating the ratio before it is the same quantity, of the same period: "Tính đến
    # ngày 15/12/2025, ... hoàn thành 41/46 nhiệm vụ ... đề ra trong năm, đạt 87,5%"
    period = (prev_fig["period"] and dict(prev_fig["period"])) if restated else period_for(periods, sent, num.start, num.end)
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
        "subject": subject,
        "period": period,
        "sentence": list(sent),
    }


# the change a figure states ("tăng 107%", "giảm thêm 2 bậc"); not the level "tăng lên" / "giảm xuống"
# reach ("đã tăng lên 97,1%": rose to)
CHANGE_BEFORE_RE = compile_pattern(
    r"(?:tăng|giảm|tăng thêm|giảm thêm|tăng gần|giảm gần|tăng hơn|giảm hơn|tăng trên|giảm trên"
    r"|tăng khoảng|giảm khoảng)[ \u00a0]*$")


# between a count and the fall of it: its noun and words, a comma, "giảm" (no other figure)
CHANGE_OF_PREVIOUS_RE = compile_pattern(r"[^\d;.!?\n]{0,80}?,[ \u00a0]*giảm(?:[ \u00a0]+(?:hơn|gần|khoảng|trên))?[ \u00a0]*")


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

