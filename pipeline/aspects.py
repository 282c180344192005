"""Aspects: which metric a figure measures, from the cue phrases around it
(`resources/figures.yml` `aspects`).

A cue right before the number ("tiếp nhận 2.065 hồ sơ") wins; else the words after the number
up to the next figure or clause end ("100% hồ sơ được giải quyết đúng hạn"); else its clause;
else its sentence; else the topic of the passage. Inside one window a specific cue (đúng hạn,
trực tuyến, niêm yết ...) beats a generic one (tiếp nhận, giải quyết), then the nearest wins.
Ranks and scores take their index's aspect, or a component's ("Thanh toán trực tuyến đạt
4,5/10 điểm"); units counted by an index band take the index's. A cue-less count of the noun
of the count just before it is a part of that total's breakdown, received or resolved as it was
(the parts of a breakdown: `breakdowns.py`).
"""
from __future__ import annotations

from .figure_cues import (Cue, Span, clause_start, cues_between, is_survey_answer, lexicon as cue_lexicon, pick,
                          RATE_WORDS, respective_values,
                          post_window_end, sentence_part_start, words_between)
from .list_items import header_of, item_start, own_words_end
from .numbers import NumberMatch
from .pattern_cache import compile_pattern
from .segment import Article
from .textkeys import key

# How far before a figure its nouns, "tỷ lệ" and "số" are looked for: bounds the work per
# figure, so a long sentence full of figures costs linear time, not quadratic.
LOOKBACK = 400
TOPIC_LOOKBACK = 600  # how far back (to a blank line at most) a cue-less figure looks for its topic
TOTAL_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})(?:trong|trên)[ \u00a0]+(?:tổng[ \u00a0]+)?số[ \u00a0]*(?:(?:hơn|gần|khoảng|trên)[ \u00a0]+)?$")
ADJACENT_WORDS = 3
DIGIT_RE = compile_pattern(r"\d")
PART_NUMBER_RE = compile_pattern(r"(?<!năm[ \u00a0]+|[\d.,/])\d")  # a number, not a year
COORDINATION_RE = compile_pattern(r"(?<![\p{L}])và(?![\p{L}])")
# "và" or a comma: what joins the figure's own words to a cue of the item before
ITEM_JOINT_RE = compile_pattern(COORDINATION_RE.pattern + "|,")
INDEX_ASPECTS = ("par_index", "satisfaction")
# Counted objects that the generic dossier cues (tiếp nhận, giải quyết) and far cues never label
PROCESS_ONLY_OBJECTS = {"agency", "admin_unit", "document", "other"}
SPACE_BEFORE_MARK_RE = compile_pattern(r"\s+(?=[,;])")


def noun_key(noun: str) -> str:
    """The lexicon key of a counted noun, spaced as written or as a tokenizer left it
    ("phản ánh , kiến nghị")."""
    return key(SPACE_BEFORE_MARK_RE.sub("", noun))


# the places an inspection went to, however long what it inspected: "kiểm tra CCHC, kỷ luật, kỷ
# cương hành chính tại 4 cơ quan"
INSPECTED_AT_RE = compile_pattern(r"(?<!\p{L})(?:kiểm[ \u00a0]+tra|thanh[ \u00a0]+tra)(?!\p{L})[^.;:!?\d]{0,100}?(?<!\p{L})tại[ \u00a0]*$")
# a plan named in the clause of a count of tasks that no cue labels
PLAN_BEFORE_RE = compile_pattern(r"(?<!\p{L})kế[ \u00a0]+hoạch(?!\p{L})")
PLAN_AFTER_RE = compile_pattern(r"[ \u00a0]*[\p{L} \u00a0]{0,20}?(?<!\p{L})(?:của|trong|theo|thuộc)[ \u00a0]+kế[ \u00a0]+hoạch(?!\p{L})")
RANKED_WITH_RE = compile_pattern(
    r"(?<!\p{L})(?:xếp|đứng|dẫn)[ \u00a0]+(?:(?:vị[ \u00a0]+trí|hạng)[ \u00a0]+)?(?:thứ[ \u00a0]+(?:\d+/\d+|[\p{L}\d]+)|đầu|cuối(?:[ \u00a0]+bảng)?|nhất)"
    r"(?:[ \u00a0]+(?:[^\d\s,;.]+,?|\d+/\d+)){0,3}?[ \u00a0]*,?[ \u00a0]+(?:với|đạt)"
    r"(?:[ \u00a0]+(?:giá[ \u00a0]+trị|điểm[ \u00a0]+số|chỉ[ \u00a0]+số))?[ \u00a0]*(?:(?:gần|hơn|khoảng|trên)[ \u00a0]+)?$")
# a percentage its rank follows: "chỉ số năm nay đạt 86,92 %, xếp thứ 5", "đạt 87,46%, đứng thứ 12/34"
RANK_AFTER_RE = compile_pattern(r"[ \u00a0,]*(?:(?:và|và[ \u00a0]+được)[ \u00a0]+)?(?:(?:xếp|đứng)[ \u00a0]+(?:thứ|hạng|vị[ \u00a0]+trí)"
                           r"|(?:tăng|giảm|tụt)[ \u00a0]+\d+[ \u00a0]+(?:bậc|hạng))(?!\p{L})")  # "đạt 89,62%, tăng 9 bậc"
# an item of a list of a survey's dimensions: "hài lòng về tiếp cận dịch vụ đạt 87,12%; về thủ
# tục hành chính đạt 86,05% và về tiến độ giải quyết công việc đạt 83,96%"
ABOUT_ITEM_RE = compile_pattern(r"(?:^|(?<!\p{L})và)[ \u00a0]*về(?!\p{L})[^\d]*$")
INDEX_BANDED_OBJECTS = {"admin_unit", "agency"}
# after a count of units: their place at one end of a ranking
RANKED_UNITS_AFTER_RE = compile_pattern(r"(?:[ \u00a0,]+\p{L}+){1,3}?[ \u00a0]+(?:dẫn[ \u00a0]+đầu|đứng[ \u00a0]+đầu|xếp[ \u00a0]+cuối"
                                      r"|đứng[ \u00a0]+cuối|có[ \u00a0]+(?:điểm|điểm[ \u00a0]+số|chỉ[ \u00a0]+số)[ \u00a0]+(?:cao|thấp)[ \u00a0]+nhất)(?!\p{L})")
# after a count of units: the band of an index they fall in, in points, or a bare percentage in a
# passage on an index
INDEX_BAND_AFTER_RE = compile_pattern(
    r"[^\d;.:!?]{0,40}?(?<!\p{L})(?:(?:đạt|dưới|trên|có|ở)(?!\p{L})[^\d;.:!?]{0,15}\d[\d.,]*"
    r"(?:[ \u00a0]*%?[ \u00a0]*(?:đến|-|–)[ \u00a0]*(?:dưới[ \u00a0]+|trên[ \u00a0]+)?\d[\d.,]*)?[ \u00a0]*"
    r"(?:(?P<points>điểm)(?![ \u00a0]+(?:tiếp|nhận|giao|phục|cầu|trường))|%[ \u00a0]*(?:trở[ \u00a0]+(?:lên|xuống)[ \u00a0]*)?(?=[,;.)]|$|và|là[ \u00a0]|gồm))"
    r"|(?P<points>(?:xếp|đạt)[ \u00a0]+loại|(?:đạt|ở)[ \u00a0]+mức[ \u00a0]+(?:tốt|khá|trung[ \u00a0]+bình|xuất[ \u00a0]+sắc|yếu|kém))(?!\p{L})"
    r"|(?:đạt|dưới|trên)(?!\p{L})[^\d;.:!?]{0,15}?(?P<points>điểm)[^\d;.:!?]{0,12}\d[\d.,]*/\d)")
# an index's fields counted by what they achieved: "Huế có 3 lĩnh vực đạt trên 90% số điểm tối đa",
# "Hải Phòng có 3 lĩnh vực nằm trong nhóm 5 địa phương dẫn đầu"
FIELDS_ACHIEVING_RE = compile_pattern(r"[ \u00a0]*(?:/[ \u00a0]*\d+[ \u00a0]*)?lĩnh[ \u00a0]+vực[ \u00a0]+(?:thành[ \u00a0]+phần[ \u00a0]+)?"
                                    r"(?:đạt|nằm|xếp|thuộc[ \u00a0]+nhóm|có[ \u00a0]+điểm|tăng[ \u00a0]+điểm|giảm[ \u00a0]+điểm)(?!\p{L})")
COMPONENT_HEAD_RE = compile_pattern(r"(?<!\p{L})(?:nhóm(?:[ \u00a0]+chỉ[ \u00a0]+tiêu|[ \u00a0]+chỉ[ \u00a0]+số|[ \u00a0]+tiêu[ \u00a0]+chí)?"
                               r"|chỉ[ \u00a0]+số[ \u00a0]+thành[ \u00a0]+phần)(?!\p{L})")
# a component named, then said to be a group: "Số hóa hồ sơ là nhóm chỉ tiêu thấp nhất, chỉ đạt 14,54/22 điểm"
IS_GROUP_AFTER_RE = compile_pattern(r"[ \u00a0]+(?:vẫn[ \u00a0]+|tiếp[ \u00a0]+tục[ \u00a0]+)?là[ \u00a0]+nhóm(?!\p{L})")
COMPONENT_WORDS = 6  # words from a component's name to its points: "Thanh toán trực tuyến đạt 4,5/10 điểm"
# points followed by the component they are of: "19,35/20 điểm về tiến độ giải quyết", "17,2/18
# điểm ở nhóm công khai, minh bạch"
COMPONENT_NAME_WORDS = 5  # words of a component's name before its cue: "về cung cấp dịch vụ | trực tuyến"
COMPONENT_AFTER_RE = compile_pattern(r"[ \u00a0]*điểm[ \u00a0]+(?:ở|về|cho|thuộc)[ \u00a0]+(?:(?:nhóm|chỉ[ \u00a0]+số|tiêu[ \u00a0]+chí)[ \u00a0]+)*")


def _lead_names_index(article: Article, cues: list[Cue]) -> bool:
    """Whether the headline or lead names an index (computed once an article)."""
    if "lead_index" not in article.cache:
        article.cache["lead_index"] = any(c.aspect in INDEX_ASPECTS for c in cues_between(cues, 0, article.lead_end))
    return article.cache["lead_index"]


def _announces(article: Article, cue: Cue) -> bool:
    return article.folded[cue.start:cue.end] in cue_lexicon()["announcement_cues"]


def _index_aspect(article: Article, cues: list[Cue], num: NumberMatch, sent: Span, kind: str,
                  part: list[Cue], pstart: int, post_end: int) -> str:
    """A rank's or a score's aspect: a component's points take the component's aspect
    ("Thanh toán trực tuyến đạt 4,5/10 điểm": paid_online); else the index named in the same
    part of the sentence, or before the figure in it ("85,12/100 điểm; trong đó ... Mức độ hài
    lòng đạt 17/18" leaves 85,12 to the whole index)."""
    if kind == "score":
        named_after = COMPONENT_AFTER_RE.match(article.folded, num.end)
        if named_after:  # "19,35/20 điểm về tiến độ giải quyết": the component follows its points
            following = [c for c in cues_between(cues, named_after.end(), post_end) if c.specific
                         and c.aspect != "par_index" and words_between(article.folded, named_after.end(), c.start) <= COMPONENT_NAME_WORDS]
            if following:
                return following[0].aspect
        # (a component is named by a metric: "other" cues name none, "Chi phí không chính thức đạt 6,88 điểm")
        component = [c for c in part if c.specific and c.aspect not in ("par_index", "other") and not _announces(article, c)
                     and words_between(article.folded, c.end, num.start) <= COMPONENT_WORDS]
        chosen = pick(component, num.start)
        if chosen:
            return chosen.aspect
        # a component group named at the head of the part, however far: "Nhóm chỉ tiêu số hóa hồ
        # sơ vẫn là điểm nghẽn khi chỉ đạt 14,12/22 điểm", "Nhóm Số hóa hồ sơ ..."
        head = COMPONENT_HEAD_RE.search(article.folded, pstart, num.start)
        if head and DIGIT_RE.search(article.folded, head.end(), num.start):
            head = None  # another value stands between: the group's is that one
        named = [c for c in part if head and c.specific and c.aspect not in INDEX_ASPECTS
                 and head.end() <= c.start and words_between(article.folded, head.end(), c.start) <= 1]
        if named:
            return named[0].aspect
        opening = [c for c in part if c.specific and c.aspect not in INDEX_ASPECTS
                   and _opens_clause(article.folded, pstart, c.start) and IS_GROUP_AFTER_RE.match(article.folded, c.end)
                   and not DIGIT_RE.search(article.folded, c.end, num.start)]
        if opening:
            return opening[0].aspect
    index = [c for c in cues_between(cues, *sent) if c.aspect in INDEX_ASPECTS
             and (pstart <= c.start < post_end or c.end <= num.start)]
    chosen = pick(index, num.start)
    return chosen.aspect if chosen else "par_index"


def _opens_clause(folded: str, start: int, pos: int) -> bool:
    """Whether `pos` opens the part of a sentence starting at `start` or a clause after a comma in it."""
    before = folded[start:pos].rstrip(" \u00a0")
    return not before or before.endswith((",", ":", ";"))


LISTED_CUE_GAP_RE = compile_pattern(r"[^\d.;:!?()]{0,40}")  # between two metrics of a list: no number, no clause end
LISTED_CUE_JOINT_RE = compile_pattern(r",|(?<!\p{L})và(?!\p{L})")


def _names_other_measure(cues: list[Cue]) -> bool:
    """Whether one of `cues` names a measure of its own, not an index's."""
    return any(c.specific and c.aspect not in INDEX_ASPECTS for c in cues)


def _view_start(article: Article, num: NumberMatch) -> int:
    """Where a figure's paragraph starts, or LOOKBACK before it in a long one."""
    return max(article.paragraph_of(num.start)[0], num.start - LOOKBACK)


def _index_in_view(article: Article, cues: list[Cue], num: NumberMatch) -> bool:
    """Whether an index is named earlier in the figure's paragraph, or in the lead."""
    return (any(c.aspect in INDEX_ASPECTS for c in cues_between(cues, _view_start(article, num), num.start))
            or _lead_names_index(article, cues))


def respective_aspect(article: Article, cues: list[Cue], num: NumberMatch, sent: Span) -> str | None:
    """"Các chỉ tiêu thanh toán trực tuyến và số hóa lần lượt đạt 90,4% và 96,8%": the k-th
    value after "lần lượt" takes the aspect of the k-th of as many metrics listed before it,
    joined by "," or "và"; None when the metrics do not pair up so with the values."""
    folded = article.folded
    respectively = respective_values(folded, sent, num.start)
    if respectively is None:
        return None
    m, values = respectively
    if len(values) < 2 or num.start not in values:
        return None
    listed = cues_between(cues, sentence_part_start(article, sent, m.start()), m.start())[-len(values):]
    if len(listed) != len(values) or len({c.aspect for c in listed}) != len(listed):
        return None
    gaps = [(a.end, b.start) for a, b in zip(listed, listed[1:])] + [(listed[-1].end, m.start())]
    if any(not LISTED_CUE_GAP_RE.fullmatch(folded, s, e) for s, e in gaps):
        return None
    if any(not LISTED_CUE_JOINT_RE.search(folded, s, e) for s, e in gaps[:-1]):
        return None
    return listed[values.index(num.start)].aspect


PLACE_CUE_RE = compile_pattern(r"(?:tiếp[ \u00a0]+nhận[ \u00a0]+)?tại(?!\p{L})")


def list_header_aspect(article: Article, cues: list[Cue], num: NumberMatch) -> str | None:
    """The measure a bulleted list's header names ("bốn xã để xảy ra nhiều hồ sơ quá hạn nhất
    gồm:"; of several, the last: "số TTHC được cắt giảm, đơn giản hóa theo lĩnh vực như sau:"),
    for an item whose own words name none ("- Xã Tương Dương: 164 hồ sơ;"); None when the figure
    is no such item or the header names no measure."""
    folded = article.folded
    start = item_start(folded, num.start)
    if start is None or any(c.specific for c in cues_between(cues, start, own_words_end(folded, num.end))):
        return None
    header = header_of(folded, num.start)
    if header is None:
        return None
    in_header = cues_between(cues, *header)
    named = [c for c in in_header if c.specific] or [c for c in in_header if c.aspect != "other"]
    return named[-1].aspect if named else None  # the nearest the items, as a figure right after it would take


def _is_place_cue(folded: str, cue: Cue) -> bool:
    """Whether a one-stop cue names the place a metric was measured ("tại Trung tâm ...")."""
    return PLACE_CUE_RE.match(folded, cue.start, cue.end) is not None


# an index named, or its components, in the words around a count of components
INDEX_CONTEXT_RE = compile_pattern(r"(?<!\p{L})(?:chỉ[ \u00a0]+số[ \u00a0]+(?:thành[ \u00a0]+phần|nội[ \u00a0]+dung)|papi|pci|dti|sipas"
                                 r"|par[ \u00a0]+index|bộ[ \u00a0]+chỉ[ \u00a0]+số)(?!\p{L})")


NAME_BRACKET_BEFORE_RE = compile_pattern(r"(?<!\p{L})\p{Lu}\p{L}*[ \u00a0]*\([ \u00a0]*$")  # "Đồng Nai (" before the value
RANKING_SENTENCE_RE = compile_pattern(r"(?<!\p{L})(?:vị[ \u00a0]+trí|xếp[ \u00a0]+thứ|xếp[ \u00a0]+hạng|thứ[ \u00a0]+hạng|dẫn[ \u00a0]+đầu"
                                    r"|đứng[ \u00a0]+đầu|cuối[ \u00a0]+bảng|đứng[ \u00a0]+cuối)(?!\p{L})")


# "đoàn kiểm tra phát hiện 38 hồ sơ giải quyết quá hạn": what was found is named by its own words
FOUND_RE = compile_pattern(r"(?<!\p{L})phát[ \u00a0]+hiện(?!\p{L})")


def choose_aspect(article: Article, cues: list[Cue], num: NumberMatch, sent: Span,
                  next_figure: int | None, kind: str, counted_object: str | None = None,
                  sibling_aspect: str | None = None, counted_noun_key: str | None = None,
                  post_end: int | None = None) -> str:
    """`sibling_aspect`: the aspect of the figure before this one when the two are items of
    one list ("kiểm tra 6 cơ quan, 2 đơn vị và 9/9 xã"); it applies when no cue sits next to
    this figure."""
    text, folded = article.text, article.folded
    cstart = clause_start(article, sent, num.start)
    pstart = max(sentence_part_start(article, sent, num.start), num.start - LOOKBACK)
    if post_end is None:
        post_end = post_window_end(text, folded, sent, num.end, next_figure, cues)
    near = cues_between(cues, min(cstart, pstart), post_end)
    if counted_object != "procedure" and any(c.aspect == "one_stop" for c in near) \
            and any(c.aspect not in ("one_stop", "other") for c in near):
        # "hơn 2,1 triệu hồ sơ được giải quyết tại Trung tâm Phục vụ hành chính công": where the
        # metric was measured, not the one-stop measure itself (procedures brought there are:
        # "đưa 100% TTHC ra tiếp nhận tại Trung tâm")
        near = [c for c in near if not (c.aspect == "one_stop" and _is_place_cue(folded, c))]
    if kind != "count" and any(c.aspect in INDEX_ASPECTS for c in near):
        near = [c for c in near if not _announces(article, c)]  # "PAR INDEX ... được công bố, tỉnh đạt 80,61%"
    before = [c for c in near if cstart <= c.start and c.end <= num.start]
    after = [c for c in near if num.end <= c.start and c.end <= post_end]
    if kind == "percent" and after and (base := BASE_AFTER_RE.match(folded, num.end)):
        # "chiếm 42,0% tổng số hồ sơ tiếp nhận": the words after "tổng số" name the base, not the share
        after = [c for c in after if c.start < base.end()]
    part = [c for c in near if pstart <= c.start and c.end <= num.start]
    if kind == "percent" and is_survey_answer(folded, num.end):
        # "25% doanh nghiệp cho biết ...": a share of the people asked; "17% người trả lời cho
        # biết họ đã phải đưa hối lộ": a share who paid informally is no satisfaction figure
        return "other" if any(c.specific and c.aspect == "other" for c in after) else "satisfaction"
    if kind == "percent" and sent[0] < cstart and num.start - cstart <= LOOKBACK and ABOUT_ITEM_RE.search(
            folded[cstart:num.start]) and any(
            c.aspect == "satisfaction" for c in cues_between(cues, sent[0], cstart)):
        return "satisfaction"
    band = INDEX_BAND_AFTER_RE.match(folded, num.end) if kind in ("count", "ratio", "percent") and \
        counted_object in INDEX_BANDED_OBJECTS else None
    if band and any(c.specific and c.aspect not in INDEX_ASPECTS for c in cues_between(cues, num.end, band.end())):
        band = None  # "không còn xã nào có tỷ lệ thanh toán trực tuyến dưới 50%": a band of a rate it names
    if (not band and kind == "count" and counted_object in INDEX_BANDED_OBJECTS
            and RANKED_UNITS_AFTER_RE.match(folded, num.end) and _index_in_view(article, cues, num)):
        # "5 địa phương dẫn đầu lần lượt là ...", "Ba địa phương có điểm thấp nhất là ...": the
        # units at one end of an index's ranking
        return _index_aspect(article, cues, num, sent, "count", part, pstart, post_end)
    if band and (band["points"] or _index_in_view(article, cues, num)):
        # "9/34 tỉnh, thành phố đạt từ 90 điểm trở lên", "5 xã dưới 65 điểm", "11 xã xếp loại
        # trung bình": units counted by their band of an index
        return _index_aspect(article, cues, num, sent, "count", part, pstart, post_end)
    if kind == "percent" and RANKED_WITH_RE.search(folded, max(sent[0], num.start - 60), num.start) \
            and not _names_other_measure(after):
        # "Thành phố Vinh xếp thứ nhất với 91,08%", "Sở Tư pháp đứng đầu với 92,37%": the value
        # a ranking gives a unit is its index's
        return _index_aspect(article, cues, num, sent, "percent", part, pstart, post_end)
    if kind == "percent" and NAME_BRACKET_BEFORE_RE.search(text, max(sent[0], num.start - 40), num.start) \
            and RANKING_SENTENCE_RE.search(folded, sent[0], num.start) \
            and not _names_other_measure(cues_between(cues, sent[0], num.start)):
        # "Các vị trí tiếp theo lần lượt thuộc về Đồng Nai (92,41%) và TP Hồ Chí Minh (92,07%)":
        # the value a ranking gives a unit, in brackets after its name (when the sentence names no
        # other measure: "Dẫn đầu về tỷ lệ hồ sơ trực tuyến là phường Hoài Nhơn (96,3%)" is online)
        return _index_aspect(article, cues, num, sent, "percent", part, pstart, post_end)
    if kind == "percent" and RANK_AFTER_RE.match(folded, num.end) and not _names_other_measure(part):
        # "Bắc Ninh đạt 86,92%, xếp thứ 5": the value its rank is of
        return _index_aspect(article, cues, num, sent, "percent", part, pstart, post_end)
    if kind == "count" and not part and RESTATED_FIGURE_RE.search(folded, max(sent[0], num.start - 40), num.start):
        restated = _restated_measure(article, cues, sent)
        if restated is not None:
            return restated  # "tiếp nhận 38.452 hồ sơ, đã giải quyết ... Năm 2019, con số này là 42.118 hồ sơ"
    if kind in ("count", "percent") and (header := list_header_aspect(article, cues, num)) is not None:
        return header  # "Số hồ sơ tiếp nhận theo từng tháng cụ thể như sau:\n- Tháng 7/2025: 118.420 hồ sơ"
    respective = respective_aspect(article, cues, num, sent) if kind in ("percent", "count", "score") else None
    if kind == "score" and respective is not None and respective not in INDEX_ASPECTS:
        return respective  # "nhóm chỉ tiêu số hóa hồ sơ và nhóm thanh toán trực tuyến lần lượt đạt 17,5/18 và 9,2/10 điểm"
    if kind in ("rank", "score") or counted_noun_key in cue_lexicon()["rank_move_nouns"]:
        return _index_aspect(article, cues, num, sent, kind, part, pstart, post_end)
    if respective is not None:
        return respective
    # a cue a few words before the number, not across a "và" that joins a verb of its own:
    # "tiếp nhận 3.000 hồ sơ trực tuyến và giải quyết 2.900 hồ sơ" (2.900 is resolved)
    # nor across a "và" when the figure's own words name its metric: "2.345 hồ sơ được tiếp nhận
    # và 2.100 hồ sơ được giải quyết" (2.100 is resolved)
    adjacent = [c for c in part if words_between(folded, c.end, num.start) <= ADJACENT_WORDS
                and not (ITEM_JOINT_RE.search(folded, c.end, num.start) and (cues_between(cues, c.end, num.start) or after))
                and not (after and FOUND_RE.search(folded, c.end, num.start))]
    if adjacent and all(c.aspect == "cut" for c in adjacent) and counted_object in (None, "dossier") and any(
            c.specific and words_between(folded, num.end, c.start) <= ADJACENT_WORDS for c in after):
        adjacent = []  # "giảm ít nhất 50% số hồ sơ quá hạn": a fall in the overdue dossiers, not a cut
    if adjacent:
        # ... and the cues before that "và", when a figure stands before it, are that figure's
        joints = list(COORDINATION_RE.finditer(folded, cstart, adjacent[0].start))
        if joints and DIGIT_RE.search(folded, cstart, joints[-1].start()):
            before = [c for c in before if c.start >= joints[-1].end()]
    if sibling_aspect and not adjacent and not after:
        return sibling_aspect
    named = named_rate_cue(folded, before, num) if kind == "percent" and not adjacent else None
    if named is not None and not any(words_between(folded, num.end, c.start) <= ADJACENT_WORDS for c in after):
        # "tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt trên 80% và chấm dứt tình trạng trễ
        # hẹn": the rate its clause names, not a cue in the words that follow
        return named.aspect
    if num.form == "zero":
        chosen = pick(after, num.end) or pick(adjacent, num.start)
        return chosen.aspect if chosen else "other"
    total = base_before(folded, sent, num)
    if total:
        return base_aspect(folded, after, [c for c in before if c.end <= total.start()],
                           bool(PART_NUMBER_RE.search(folded, max(sent[0], total.start() - 30), total.start())))
    if (kind in ("count", "ratio") and (counted_noun_key in cue_lexicon()["index_component_nouns"]
                                        or FIELDS_ACHIEVING_RE.match(folded, num.end, num.end + 60))
            and not _names_other_measure(adjacent)
            and (INDEX_CONTEXT_RE.search(folded, _view_start(article, num), num.end + 30)
                 or _index_in_view(article, cues, num))):
        # "Đồng Tháp có 5 chỉ số nằm ở nhóm cao nhất", "ở 5/8 chỉ số nội dung": an index's components
        return _index_aspect(article, cues, num, sent, kind, part, pstart, post_end)
    if counted_object in PROCESS_ONLY_OBJECTS and counted_noun_key not in cue_lexicon()["processed_nouns"]:
        # "gửi tới 24 phòng", "tại 9 cảng vụ": offices, people and papers are not processed
        # like dossiers; only a specific cue next to them gives them a metric
        reach = cue_lexicon()["clause_aspects"]
        chosen = pick([c for c in adjacent + after if c.specific], num.start) or pick(
            [c for c in before if c.aspect in reach], num.start)
        if chosen is None and INSPECTED_AT_RE.search(folded, max(pstart, num.start - 120), num.start):
            return "inspected"  # "kiểm tra cải cách hành chính, kỷ luật, kỷ cương hành chính tại 4 cơ quan"
        return chosen.aspect if chosen else "other"
    # specific cues near the number first, then generic ones, then the rest of the sentence
    for specific in (True, False):
        for window in (adjacent, after, before):
            chosen = pick([c for c in window if c.specific == specific], num.start)
            if chosen and chosen.aspect == "par_index" and not chosen.specific:
                # "nhóm chỉ số số hóa hồ sơ ..., chỉ đạt gần 60% số điểm tối đa": the share of
                # points of the component its sentence names
                named = pick([c for c in cues_between(cues, sent[0], num.start) if c.specific
                              and c.aspect not in INDEX_ASPECTS], num.start)
                return named.aspect if named else chosen.aspect
            if chosen:
                return chosen.aspect
    chosen = pick(part, num.start)
    if chosen:
        return chosen.aspect
    if counted_object == "task" and (PLAN_BEFORE_RE.search(folded, pstart, num.start) or (
            kind == "count" and PLAN_AFTER_RE.match(folded, num.end))):
        # "ban hành Kế hoạch CCHC với 56 nhiệm vụ", "Trong 12 nhiệm vụ của Kế hoạch CCHC năm
        # 2025, ...": the tasks a plan sets
        return "planned"
    return topic_aspect(article, cues, sent, kind, min(cstart, pstart))


BASE_AFTER_RE = compile_pattern(r"[ \u00a0]*%?[ \u00a0]*(?:trên[ \u00a0]+|của[ \u00a0]+)?tổng(?:[ \u00a0]+số)?(?!\p{L})")
RATE_HEAD_RE = compile_pattern(rf"(?<!\p{{L}}){RATE_WORDS}(?!\p{{L}})")
RATE_CUE_WORDS = 4  # words from "tỷ lệ" to the cue that names the rate ("tỷ lệ hồ sơ trực tuyến")


def named_rate_cue(folded: str, before: list[Cue], num: NumberMatch) -> Cue | None:
    """The specific cue a "tỷ lệ" before the number in its clause names, within a few words, with
    no other number between: the rate the number states."""
    for c in reversed(before):
        if not c.specific:
            continue
        head = None
        for m in RATE_HEAD_RE.finditer(folded, max(0, c.start - 40), c.start):
            head = m
        if head is not None and words_between(folded, head.end(), c.start) <= RATE_CUE_WORDS \
                and not DIGIT_RE.search(folded, c.end, num.start):
            return c
        return None
    return None


def base_before(folded: str, sent: Span, num: NumberMatch):
    """The words that make the number the base of a part ("trong (tổng) số 55.906 hồ sơ"), or None."""
    return TOTAL_BEFORE_RE.search(folded, max(sent[0], num.start - 26), num.start)


def is_base(folded: str, sent: Span, num: NumberMatch) -> bool:
    return base_before(folded, sent, num) is not None


BASE_TAKES = ("received", "resolved")  # the generic verbs that govern a part and its base alike


def base_aspect(folded: str, after: list[Cue], before: list[Cue], part_before: bool) -> str:
    """The aspect of the base of a part ("trong tổng số 443 thủ tục"): its own words after it
    ("trên tổng số 172.844 hồ sơ đã giải quyết", "trong số 68.281 hồ sơ giải quyết trễ hạn");
    else, after a part, the receiving or resolving the part and its base share ("tiếp nhận
    4.512 hồ sơ trực tuyến trên tổng số 5.860 hồ sơ"); else none: the metric around a base
    ("đơn giản hóa 108 thủ tục trong tổng số 443 thủ tục") is its part's."""
    own = [c for c in after if not part_before or (not c.specific and c.aspect in BASE_TAKES)]
    if own:  # with its part before it, only the base's own receiving or resolving
        return pick(own, own[0].start).aspect
    if not part_before:
        return "other"
    shared = [c for c in before if not c.specific and c.aspect in BASE_TAKES]
    if shared and not any(c.specific and c.aspect not in ("online",) for c in before if c.start > shared[-1].start):
        return shared[-1].aspect
    return "other"


# "Năm 2019, con số này là 42.118 hồ sơ": the same quantity as the sentence before, another period
RESTATED_FIGURE_RE = compile_pattern(r"(?<!\p{L})con[ \u00a0]+số[ \u00a0]+này[ \u00a0]*(?:(?:chỉ[ \u00a0]+|mới[ \u00a0]+)?"
                                     r"(?:là|đạt|lên[ \u00a0]+tới|lên[ \u00a0]+đến|tăng[ \u00a0]+lên)[ \u00a0]*)?"
                                     r"(?:(?:hơn|gần|khoảng|trên|chỉ)[ \u00a0]+)?$")


def _restated_measure(article: Article, cues: list[Cue], sent: Span) -> str | None:
    """The measure of the sentence before `sent`: its first cue naming one."""
    pos = sent[0] - 1
    while pos > article.body[0] and article.text[pos].isspace():
        pos -= 1  # (the blanks and line breaks between the two)
    if pos <= article.body[0]:
        return None
    prev = article.sentence_of(pos)
    if prev == article.body:
        return None  # no sentence found there: nothing to restate
    named = [c for c in cues_between(cues, prev[0], prev[1]) if c.aspect not in ("other", "planned")]
    return named[0].aspect if named else None


def topic_aspect(article: Article, cues: list[Cue], sent: Span, kind: str, clause: int | None = None) -> str:
    """A figure with no cue in its sentence takes the metric the passage is about: the last
    topic cue of the sentences just before it, back to a blank line ("Về mức độ hài lòng ...
    Cụ thể, thủ tục khám chữa bệnh đạt 72,1%"), or of the clauses before its `clause` in its
    sentence when they hold no number ("tỷ lệ hồ sơ trực tuyến ở một số xã còn thấp; xã A chỉ
    đạt 31,2%")."""
    if kind not in ("percent", "count"):
        return "other"
    if clause is not None and any(c.specific and c.aspect not in cue_lexicon()["topic_aspects"] and c.aspect != "other"
                                  for c in cues_between(cues, sent[0], clause)):
        return "other"  # "hoàn thành 14/16 nhiệm vụ, đạt 87,5%; hai nhiệm vụ còn lại ...": its sentence moved on
    end = clause if clause is not None and not PART_NUMBER_RE.search(article.folded, sent[0], clause) else sent[0]
    start = max(article.body[0], sent[0] - TOPIC_LOOKBACK)
    blank = article.text.rfind("\n\n", start, end)  # a section break ends the topic
    earlier = [c for c in cues_between(cues, blank + 2 if blank >= 0 else start, end)
               if c.specific and c.aspect in cue_lexicon()["topic_aspects"]]
    return earlier[-1].aspect if earlier else "other"
