"""Subjects: which administrative unit a figure describes, of the article's references to its
units (`unit_refs.py`: named units, generic references such as "của xã" resolved to the last
unit of that type, aggregates, the article's main unit)."""
from __future__ import annotations

import bisect
import functools

import regex

from .figure_cues import (RESPECTIVELY_REACH, VALUE_RE, Span, clause_start, lexicon, match_ends, respective_values,
                          sentence_part_start, value_run)
from .layout import CREDIT_TAIL_RE
from .numbers import NumberMatch
from .numerals import parse_number_words
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Article, enclosing_bracket
from .textkeys import key
from .unit_refs import (APPOSED_LOCATOR_CLOSE_RE, LEVEL_RANK, LOCATOR_CLOSE_RE, UNIT_TYPES, UNITS_BY_ID, UnitRef,
                        in_a_list, locates, main_unit)

# what may stand between a unit and its figure: "Hải Phòng xếp thứ 5", "Hà Nội (giảm 2,42",
# "Ứng Hòa (hơn 80%", with adverbs before the verb ("tỉnh chỉ xếp thứ 19/34", "vẫn đạt")
SUBJECT_LINK_RE = compile_pattern(
    r"(?:[ \u00a0]*\([ \u00a0]*(?:cũ|mới)[ \u00a0]*\)|[ \u00a0]+(?:cũ|mới)(?!\p{L}))?"  # "tỉnh Quảng Trị (cũ) xếp thứ 39/63"
    r"[ \u00a0(:,]*(?:(?:xếp|đứng|thứ|hạng|vị trí|với|đạt|giảm|tăng|là|có|chỉ có|được|hơn|trên|gần|khoảng|dưới"
    r"|dẫn đầu|đứng đầu|cuối bảng|cuối|cao nhất|thấp nhất|toàn tỉnh|toàn huyện|cả nước"
    r"|chỉ|mới|vẫn|tiếp tục|đã|cũng)(?!\p{L})[ \u00a0(:,]*){0,4}")  # "tỉnh chỉ xếp thứ 19/34", "vẫn đạt"
# a unit's scope after a ranking verb, not a unit of its own: "dẫn đầu toàn tỉnh với 13.642",
# "thấp nhất tỉnh, 91,4%", "xếp thứ 3/15 huyện, thị xã, thành phố của tỉnh Long An"
SCOPE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:toàn|nhất|dẫn[ \u00a0]+đầu|đứng[ \u00a0]+đầu"
                                r"|(?:xã|phường|huyện|thị[ \u00a0]+xã|thành[ \u00a0]+phố|tỉnh|đơn[ \u00a0]+vị|địa[ \u00a0]+phương)"
                                r"[ \u00a0]+(?:của|trong|thuộc))[ \u00a0]*$")
SCOPE_REACH = 24  # characters before a unit's mention where its scope word is sought


BRACKET_REACH = 200  # characters before a mention where the bracket it may stand in opens


def _in_brackets(folded: str, sent: Span, ref: UnitRef) -> bool:
    """Whether the unit's mention stands in brackets: "phường Đông Kinh (thuộc thành phố Lạng Sơn
    cũ) và xã Đồng Đăng lần lượt ...", an aside about a listed unit, not one of the list."""
    return enclosing_bracket(folded, sent[0], ref.start, BRACKET_REACH) is not None


def _is_scope(folded: str, sent: Span, ref: UnitRef) -> bool:
    """Whether a scope word stands right before the unit's mention in its sentence."""
    return bool(SCOPE_BEFORE_RE.search(folded, max(sent[0], ref.start - SCOPE_REACH), ref.start))


# the body a request goes to is not the one that acts: "thành phố đã rà soát, đề nghị UBND tỉnh bãi
# bỏ 7 thủ tục hành chính"
ADDRESSEE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:đề[ \u00a0]+nghị|kiến[ \u00a0]+nghị|đề[ \u00a0]+xuất|trình|xin[ \u00a0]+ý[ \u00a0]+kiến)"
                                    r"[ \u00a0]+(?:(?:ubnd|hđnd|ủy[ \u00a0]+ban[ \u00a0]+nhân[ \u00a0]+dân|uỷ[ \u00a0]+ban[ \u00a0]+nhân[ \u00a0]+dân)[ \u00a0]+)?$")


def _is_addressee(folded: str, sent: Span, ref: UnitRef) -> bool:
    """Whether the unit's mention is what a request in its sentence is addressed to."""
    return bool(ADDRESSEE_BEFORE_RE.search(folded, max(sent[0], ref.start - SCOPE_REACH - 16), ref.start))


# a national body that announces or assesses an index is not the unit its figures are about:
# "PAR INDEX của tỉnh Cao Bằng do Bộ Nội vụ công bố đạt 84,62%"
# (the body's pattern may end inside its name: "Bộ Nội| vụ công bố")
ANNOUNCER_AFTER_RE = compile_pattern(r"(?:[ \u00a0]+\p{L}+){0,3}?[ \u00a0]+(?:công[ \u00a0]+bố|đánh[ \u00a0]+giá|thẩm[ \u00a0]+định"
                                   r"|xếp[ \u00a0]+hạng)(?!\p{L})")


def _national_body_before(article: Article, start: int, end: int) -> int | None:
    """End of the last national body ("Bộ Tài chính", "NHNN") named in text[start:end], unless it
    announces the figure."""
    ends = match_ends(article, lexicon()["national_body_re"])
    i = bisect.bisect_right(ends, end) - 1
    if i < 0 or ends[i] <= start or ANNOUNCER_AFTER_RE.match(article.folded, ends[i]):
        return None
    return ends[i]


LOCATIVE_BEFORE_RE = compile_pattern(r"(?:ở|tại|của|trên địa bàn)[ \u00a0]*$")
# a name between a figure and "của" + unit: the unit is that thing's ("112 TTHC ... trên Cổng Dịch
# vụ công của tỉnh"), not the figure's
NAMED_THING_RE = compile_pattern(r"(?<![\p{L}])\p{Lu}\p{Ll}")
# a comparison between a figure and the unit after it: the unit is the baseline's ("tăng 18% so
# với cùng kỳ năm 2024 của huyện Vân Đồn (cũ)")
BASELINE_BETWEEN_RE = compile_pattern(r"(?<![\p{L}])so[ \u00a0]+với(?![\p{L}])")
# a meeting's venue: "vừa được công bố tại Hà Nội"
VENUE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:công[ \u00a0]+bố|tổ[ \u00a0]+chức|diễn[ \u00a0]+ra|khai[ \u00a0]+mạc|họp)"
                             r"(?:[ \u00a0]+[^\s.;:!?]+){0,3}?[ \u00a0]+tại[ \u00a0]*$")  # "công bố sáng 27/4 tại Hà Nội"
APPOSITION_START_RE = compile_pattern(r"[ \u00a0]*,")  # "phường Rạch Giá, trước đây là ..."
# what may open a part of a sentence before the unit it is about: "; Quảng Ninh", "; còn tỉnh X"
PART_OPENING_RE = compile_pattern(r"[;\s]*(?:(?:còn|riêng|tại|ở|với|trong khi)(?!\p{L})[ \u00a0]*)?")


@functools.cache
def _service_place_re() -> regex.Pattern:
    """A service place ("Trung tâm Phục vụ hành chính công") right before a unit's mention."""
    places = sorted((key(p) for p in load_yaml("unit_service_places.yml")["places"]), key=len, reverse=True)
    alternation = "|".join(regex.escape(p).replace(r"\ ", r"[ \u00a0]+") for p in places)
    return compile_pattern(rf"(?<![\p{{L}}\d])(?:{alternation})[ \u00a0(]*$")


def _service_place_unit(article: Article, in_sentence: list[UnitRef], sent: Span) -> UnitRef | None:
    """The last unit of the sentence named right after a service place: "Trung tâm Phục vụ hành
    chính công phường Phú Lợi, thành phố Cần Thơ tiếp nhận 320 hồ sơ" is about phường Phú Lợi."""
    named = [r for r in in_sentence if r.unit_id is not None]
    # only the last unit before the figure (or the one its locator places: "phường Phú Lợi,
    # thành phố Cần Thơ"): in "Theo Giám đốc Trung tâm Phục vụ hành chính công tỉnh Vĩnh Long,
    # phường Đông Thành ... số hóa 100%" the centre is its director's
    types = article.cache.get(UNIT_TYPES, {})
    level = lambda r: LEVEL_RANK.get(types.get(r.unit_id), 9)
    k = len(named) - 1
    while k > 0 and level(named[k]) < level(named[k - 1]) and APPOSED_PLACE_GAP_RE.fullmatch(
            article.folded, named[k - 1].end, named[k].start):
        k -= 1  # a higher unit placing the one before it
    if k >= 0 and _service_place_re().search(article.folded, max(sent[0], named[k].start - 60), named[k].start):
        return named[k]
    return None


APPOSED_PLACE_GAP_RE = compile_pattern(r"[ \u00a0]*[,(–-][ \u00a0]*")  # "phường Phú Lợi, thành phố Cần Thơ"


def _respective_unit(article: Article, refs: list[UnitRef], in_sentence: list[UnitRef], sent: Span,
                     pos: int) -> UnitRef | None:
    """"Huyện A và huyện B lần lượt đạt 95% và 90%": the k-th value after "lần lượt" belongs
    to the k-th of the units listed before it, when there are as many units as values; "của ba
    phường lần lượt đạt ...": of the last three wards named before the sentence."""
    folded = article.folded
    respectively = respective_values(folded, sent, pos)
    if respectively is None:
        return _parallel_unit(article, in_sentence, sent, pos)
    m, values = respectively
    if pos in values and len(values) >= 2:
        # "lần lượt là Lai Châu, Điện Biên và Cao Bằng với 79,64; 79,11 và 78,53": named after it
        named = [r for r in in_sentence if r.unit_id is not None and m.end() <= r.start and r.end <= values[0]]
        if len(named) == len(values) and NAMES_THEN_VALUES_RE.fullmatch(folded, named[-1].end, values[0]):
            return named[values.index(pos)]
    units = [r for r in in_sentence if r.unit_id is not None and r.end <= m.start() and not _is_scope(folded, sent, r)
             and not _in_brackets(folded, sent, r)]
    if pos in values and len(values) >= 2 and len(units) < len(values):
        counted = _counted_units(article, refs, sent, m.start(), len(values))
        if counted is not None:
            return counted[values.index(pos)]
    if (pos not in values or len(values) < 2 or len(units) < len(values)
            or any(r.start >= m.end() for r in in_sentence)):  # units named after it: a list of their own
        return _parallel_unit(article, in_sentence, sent, pos)
    return units[len(units) - len(values) + values.index(pos)]


NAMES_THEN_VALUES_RE = compile_pattern(r"[ \u00a0]*,?[ \u00a0]*(?:với|đạt|cùng[ \u00a0]+đạt)(?:[ \u00a0]+(?:số[ \u00a0]+)?điểm(?:[ \u00a0]+số)?"
                                     r"|[ \u00a0]+(?:tỷ|tỉ)[ \u00a0]+lệ)?[ \u00a0]*(?:là[ \u00a0]*)?:?[ \u00a0]*")
# "của ba phường lần lượt ...", "của hai đặc khu lần lượt là ...": units counted, named before
# ("của các xã này lần lượt ...": as many as the values, named before)
COUNTED_UNITS_RE = compile_pattern(r"(?<!\p{L})(?P<n>hai|ba|bốn|năm|sáu|[2-6]|các)[ \u00a0]+(?P<type>xã|phường|đặc[ \u00a0]+khu|huyện"
                                 r"|quận|thị[ \u00a0]+xã|tỉnh|thành[ \u00a0]+phố|đơn[ \u00a0]+vị|địa[ \u00a0]+phương)(?!\p{L})"
                                 r"(?P<these>[ \u00a0]+(?:này|nói[ \u00a0]+trên)(?!\p{L}))?[^.;:\d]{0,60}$")
COUNTED_UNITS_REACH = 90  # characters: the count, its type word and the 60 after it
ANY_TYPE = ("đơn vị", "địa phương")


def _counted_units(article: Article, refs: list[UnitRef], sent: Span, respectively: int, n: int) -> list[UnitRef] | None:
    """The `n` units a count before "lần lượt" stands for ("của ba phường"): the last `n` distinct
    units of that type named before the sentence in its paragraph, in the order named."""
    # (the count stands at most 60 characters and its type word before "lần lượt": bounded, as
    # every value of a huge sentence asks)
    m = COUNTED_UNITS_RE.search(article.folded, max(sent[0], respectively - COUNTED_UNITS_REACH), respectively)
    if m is None or (m["n"] == "các" and not m["these"]):
        return None
    if m["n"] != "các" and (int(m["n"]) if m["n"].isdigit() else parse_number_words([m["n"]])) != n:
        return None
    utype = " ".join(m["type"].split())
    types = article.cache.get(UNIT_TYPES, {})
    para_start = article.paragraph_of(sent[0])[0]
    picked: list[UnitRef] = []
    for r in reversed(refs[:bisect.bisect_left(refs, (sent[0],))]):
        if r.start < para_start or len(picked) == n:
            break
        if r.unit_id is None or any(p.unit_id == r.unit_id for p in picked):
            continue
        if utype in ANY_TYPE or types.get(r.unit_id) == utype:
            picked.append(r)
    return picked[::-1] if len(picked) == n else None


def _parallel_unit(article: Article, in_sentence: list[UnitRef], sent: Span, pos: int) -> UnitRef | None:
    """"...; trong khi xã Đầm Dơi và xã Hồng Dân chỉ đạt 82,4% và 79,9%": units joined by "và"
    and as many values joined so, with only a verb between, pair up without "lần lượt"."""
    folded = article.folded
    pstart = sentence_part_start(article, sent, pos)
    units = [r for r in in_sentence if r.start >= pstart and r.unit_id is not None]
    if len(units) < 2 or any(not COORDINATED_GAP_RE.fullmatch(folded, a.end, b.start) for a, b in zip(units, units[1:])):
        return None
    first = VALUE_RE.search(folded, units[-1].end, pos + 1)
    if first is None or first.start() - units[-1].end > PARALLEL_VERB_REACH or DIGIT_RE.search(folded, units[-1].end, first.start()):
        return None
    values = value_run(folded, first.start(), min(sent[1], first.start() + 2 * RESPECTIVELY_REACH), pos)
    if pos not in values or len(values) != len(units):
        return None
    return units[values.index(pos)]


PARALLEL_VERB_REACH = 30  # characters from the last unit to the first value ("chỉ đạt")
DIGIT_RE = compile_pattern(r"\d")
COORDINATED_GAP_RE = compile_pattern(r"\s*(?:,|và|hoặc)\s*(?:,?\s*và\s*)?"
                                   r"(?:(?:thị\s+xã|thị\s+trấn|thành\s+phố|huyện|quận|xã|phường|tỉnh)\s+)?")  # "ở huyện A, huyện B"


ASIDE_REACH = 200  # characters back from a unit to the "(" of the aside it may stand in


def _in_aside(text: str, ref: UnitRef, sent_start: int) -> bool:
    """Whether `ref`, before the sentence at `sent_start`, stood in a bracket aside that closed
    there ("22 hồ sơ quá hạn (chuyển từ quận Ba Đình cũ sang). Tỷ lệ hài lòng đạt 99,2%": not the
    next sentence's subject)."""
    return ref.start < sent_start and enclosing_bracket(text, 0, ref.start, ASIDE_REACH) is not None


# what the territory was once called: "khi địa bàn còn là TP Phú Quốc (cũ)", "khi còn là huyện"
FORMER_IDENTITY_BEFORE_RE = compile_pattern(r"(?<!\p{L})khi(?:[ \u00a0]+\p{L}+){0,3}?[ \u00a0]+còn[ \u00a0]+là[ \u00a0]+$")
FORMER_IDENTITY_REACH = 40  # characters before a unit's mention where the clause is sought


def _former_identity(folded: str, ref: UnitRef, sent_start: int) -> bool:
    """Whether `ref`, before the sentence at `sent_start`, named what the territory was before
    ("So với cùng kỳ năm 2025, khi địa bàn còn là TP Phú Quốc (cũ), ..."): a look back, not the
    unit the next sentences go on about."""
    return ref.start < sent_start and bool(
        FORMER_IDENTITY_BEFORE_RE.search(folded, max(0, ref.start - FORMER_IDENTITY_REACH), ref.start))


def _in_caption(article: Article, ref: UnitRef, sent: Span) -> bool:
    """Whether a unit is named in a photo caption ("Người dân làm thủ tục tại ... phường Tân An.
    Ảnh: Kỳ Quan") of a paragraph before the figure's: what a photo shows is no subject the text
    goes on with."""
    start, end = article.paragraph_of(ref.start)
    if (start, end) == tuple(article.paragraph_of(sent[0])):
        return False
    return CREDIT_TAIL_RE.search(article.text, start, end) is not None


def _locator_end(folded: str, pos: int) -> int:
    """End of the close of a locator ending at `pos` (")", or "(cũ)," after an apposed one)."""
    m = LOCATOR_CLOSE_RE.match(folded, pos) or APPOSED_LOCATOR_CLOSE_RE.match(folded, pos)
    return m.end()


RANKED_IS_RE = compile_pattern(r"[ \u00a0]*(?:là|thuộc[ \u00a0]+về)[ \u00a0]*")
# "xếp thứ hai và thứ ba lần lượt là Ninh Bình (...) và Hà Nội": places given, in order, to the
# units named after them
RANK_WORD = r"(?:\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\d.,/])"
RANKS_THEN_RESPECTIVELY_RE = compile_pattern(
    rf"(?<!\p{{L}})thứ[ \u00a0]+(?P<v>{RANK_WORD})(?:[ \u00a0]*(?:,|và)[ \u00a0]*(?:thứ[ \u00a0]+)?(?P<v>{RANK_WORD}))+"
    r"[ \u00a0]+lần[ \u00a0]+lượt[ \u00a0]+(?:là|thuộc[ \u00a0]+về)(?!\p{L})[ \u00a0]*:?[ \u00a0]*")
RANK_AT_RE = compile_pattern(r"thứ[ \u00a0]+")
RANKS_REACH = 60  # characters before a rank where the run of ranks it belongs to may start
RANKS_AFTER_REACH = 400  # characters after it where the run and its "lần lượt là" end


def _ranked_in_order(article: Article, refs: list[UnitRef], sent: Span, pos: int) -> UnitRef | None:
    """The unit a rank of a run of ranks followed by "lần lượt là" is given to: the k-th unit
    named right after it ("vị trí thứ hai và thứ ba lần lượt thuộc về tỉnh A và TP B")."""
    # (bounded after the rank too: a search to the end of a huge sentence for every rank is quadratic)
    end = min(sent[1], pos + RANKS_AFTER_REACH)
    rank_at = RANK_AT_RE.match(article.folded, pos)  # a rank in words starts at "thứ"
    at = rank_at.end() if rank_at else pos
    for m in RANKS_THEN_RESPECTIVELY_RE.finditer(article.folded, max(sent[0], pos - RANKS_REACH), end):
        if m.start() > pos:
            break
        starts = m.starts("v")
        if at not in starts:
            continue
        named: list[UnitRef] = []  # the first units named after it, as many as the ranks
        for r in refs[bisect.bisect_left(refs, (m.end(),)):bisect.bisect_left(refs, (sent[1],))]:
            if len(named) == len(starts):
                break
            is_named = any(c.isupper() for c in article.text[r.start:r.end])  # not "tỉnh" referring back
            if r.unit_id is not None and is_named and all(r.unit_id != n.unit_id for n in named):
                named.append(r)
        if len(named) == len(starts) and named[0].start == m.end():
            return named[starts.index(at)]
        return None
    return None


def choose_subject(article: Article, refs: list[UnitRef], sent: Span, num: NumberMatch, post_end: int,
                   rank: bool = False, prev: dict | None = None) -> dict:
    """The unit a figure describes (`refs` sorted by start), in order of preference:
    a unit placed right after the figure's noun ("288 hồ sơ ... ở phường Cống Vị"); a unit
    named in the figure's own clause ("sau đó là Hải Phòng với 92,59"); the first unit
    referred to in the sentence before it; the last unit named before the sentence; the
    first unit after it in the sentence (headlines: "Trên 80% dân TP. HCM hài lòng")."""
    text, folded = article.text, article.folded
    pos = num.start
    i = bisect.bisect_left(refs, (sent[0],))
    j = bisect.bisect_left(refs, (num.end,))
    in_sentence = refs[i:bisect.bisect_left(refs, (pos,))]
    following = [r for r in refs[j:bisect.bisect_left(refs, (post_end,))] if r.unit_id is not None]
    cstart = clause_start(article, sent, pos)
    chosen = None
    # (the next unit looked for up to the sentence's end: the figure's words end at a comma)
    nxt = next((r for r in refs[j:bisect.bisect_left(refs, (sent[1],))]
                if r.unit_id is not None and following and r.start > following[0].start), None)
    locative = LOCATIVE_BEFORE_RE.search(folded, max(num.end, following[0].start - 16), following[0].start) if following else None
    if (locative is not None and not rank
            and not (locative.group().startswith("của") and NAMED_THING_RE.search(text, num.end, locative.start()))
            and not BASELINE_BETWEEN_RE.search(folded, num.end, locative.start())
            and not (nxt is not None and COORDINATED_GAP_RE.fullmatch(folded, following[0].end, nxt.start))):
        chosen = following[0]  # not one of several: "Hai điểm ... ở phường Phú Lợi và Vị Tân" is both
        # (not the field a rank is in: "đứng thứ 3/75 xã, phường của tỉnh Sơn La")
    if chosen is None and following and rank and RANKED_IS_RE.fullmatch(folded, num.end, following[0].start):
        chosen = following[0]  # "Xếp thứ 2 là TP Đà Nẵng": the unit the rank is given to
    if chosen is None and rank:
        chosen = _ranked_in_order(article, refs, sent, pos)
    if chosen is None:
        chosen = _respective_unit(article, refs, in_sentence, sent, pos)
    if chosen is None:
        chosen = _service_place_unit(article, in_sentence, sent)
    if chosen is None:
        # one unit alone in the figure's clause, after the sentence's actor: a ranking list
        in_clause = [r for r in in_sentence if r.start >= cstart]
        if (len(in_clause) == 1 and in_clause[0] is not in_sentence[0] and in_clause[0].unit_id is not None
                and not _is_addressee(folded, sent, in_clause[0])):
            chosen = in_clause[0]
    if chosen is None:
        # the one unit of the figure's part of the sentence, after a ";": "... của các tỉnh đạt
        # 85,60 điểm; Quảng Ninh tiếp tục dẫn đầu, đạt 92,08 điểm"
        pstart = sentence_part_start(article, sent, pos)
        in_part = [r for r in in_sentence if r.start >= pstart]
        # (other units may stand in an aside before the figure's clause: "; phường Rạch Giá, trước
        # đây là trung tâm của tỉnh Kiên Giang (cũ), tiếp nhận 11.205 hồ sơ")
        if (pstart > sent[0] and in_part and in_part[0].unit_id is not None
                and PART_OPENING_RE.fullmatch(folded, pstart, in_part[0].start)
                and (len({r.unit_id for r in in_part}) == 1
                     or (APPOSITION_START_RE.match(folded, in_part[0].end) and not any(r.start >= cstart for r in in_part)))):
            chosen = in_part[0]
    named_before = [r for r in in_sentence if not _is_scope(folded, sent, r) and not _is_addressee(folded, sent, r)]
    if chosen is None and named_before and named_before[-1].unit_id is not None:
        # a unit a few words before the figure: "Hải Phòng xếp thứ 5", "Hà Nội (giảm 2,42 điểm)",
        # "tỉnh Đồng Tháp đứng cuối bảng với 77,02%", "Phường Long Xuyên dẫn đầu toàn tỉnh với ..."
        nearest, link_from = named_before[-1], named_before[-1].end
        k = bisect.bisect_left(refs, (nearest.start,))
        if 0 < k < len(refs) and refs[k] is nearest and refs[k - 1].start >= sent[0] and locates(article, refs, k):
            # "thị trấn Hậu Nghĩa (huyện Đức Hòa) đạt 99,1%": the unit, not the place in brackets
            nearest, link_from = refs[k - 1], _locator_end(folded, nearest.end)
        if SUBJECT_LINK_RE.fullmatch(folded, link_from, pos):
            chosen = nearest
    if (chosen is None and prev is not None and prev.get("sentence") == list(sent) and (prev.get("subject") or {}).get("unit")
            and named_before and prev["span"][1] > named_before[-1].end and ";" not in folded[prev["span"][1]:pos]):
        # no unit since the figure before it in its clause chain: that figure's ("phường Mỹ Tho đạt
        # 89,36 điểm, xếp thứ 4/102 xã, phường toàn tỉnh, tăng 6 bậc")
        return prev["subject"]
    if chosen is None and in_sentence:
        # the sentence's first unit, not a venue nor an official's organisation when a unit
        # follows it: "... công bố tại Hà Nội cho thấy Hải Dương đạt 43,27 điểm, tăng 2,05 điểm",
        # "Phó Chủ tịch HĐND TP Phùng Thị Hồng Hà ghi nhận, huyện Phú Xuyên đã ban hành 52 ..."
        chosen = next((r for r in in_sentence[:-1] if not r.in_title
                       and not VENUE_BEFORE_RE.search(folded, max(sent[0], r.start - 40), r.start)), in_sentence[-1])
    body = _national_body_before(article, max(sent[0], chosen.end if chosen and chosen.end <= pos else sent[0]), pos)
    if body is not None and (chosen is None or chosen.start < sent[0] or body > chosen.end or chosen.start > pos):
        # "Bộ Tài chính đạt chỉ số 89,21", "NHNN ... 89,42": a ministry's figure, no unit's (nor
        # the venue's: "Bộ Tư pháp tiếp nhận 300 hồ sơ tại Hà Nội")
        return {"unit": None, "aggregate": None, "text": None}
    if chosen is None:
        # carried over from earlier sentences: the last unit, not a passing "các xã, thị trấn";
        # from an earlier paragraph, the article's own unit (a ranking list or an example
        # names other units on the way)
        chosen = next((refs[k] for k in range(i - 1, -1, -1)
                       if refs[k].unit_id is not None and not locates(article, refs, k)
                       and not _in_aside(text, refs[k], sent[0]) and not _in_caption(article, refs[k], sent)
                       and not _former_identity(folded, refs[k], sent[0])), None)
        if chosen is not None and (in_a_list(article, refs, chosen)
                                   or (article.paragraph_of(chosen.start) != article.paragraph_of(pos)
                                       and in_a_list(article, refs, chosen, article.paragraph_of(chosen.start)))):
            chosen = main_unit(article, refs) or chosen
    in_headline = bool(article.paragraphs) and sent[0] < article.paragraphs[0][1]
    if chosen is None and in_headline:
        # the headline: "Trên 80% dân TP. HCM hài lòng"; naming no unit, it is about the lead's
        # ("SIPAS 2025: Hơn 87% người dân hài lòng ...", then "... Sở Nội vụ TP Cần Thơ công bố")
        chosen = next((r for r in refs[j:] if r.start < sent[1] and r.unit_id is not None), None) or main_unit(article, refs)
    if chosen is not None and chosen.unit_id is None and _addressed_target(folded, sent, chosen, pos):
        chosen = main_unit(article, refs) or chosen
    if chosen is None:
        return {"unit": None, "aggregate": None, "text": None}
    return {"unit": chosen.unit_id, "aggregate": chosen.aggregate, "text": text[chosen.start:chosen.end]}


# units a directive addresses ("yêu cầu các sở, ngành và UBND các xã ... phấn đấu 80%"): the
# goal is the article's unit's, the one that sets it, not theirs apart
DIRECTIVE_BEFORE_RE = compile_pattern(r"(?<![\p{L}])(?:yêu[ \u00a0]+cầu|đề[ \u00a0]+nghị|chỉ[ \u00a0]+đạo|giao|quán[ \u00a0]+triệt)"
                                    r"(?:[ \u00a0,]+\p{L}+){0,8}?[ \u00a0]*$")
TARGET_WORD_RE = compile_pattern(r"(?<![\p{L}])(?:phấn[ \u00a0]+đấu|mục[ \u00a0]+tiêu|chỉ[ \u00a0]+tiêu)(?![\p{L}])")


def _addressed_target(folded: str, sent: Span, agg: UnitRef, pos: int) -> bool:
    """Whether the aggregate `agg` is addressed by a directive and the figure at `pos` is a goal
    set after it in the sentence."""
    return (agg.start >= sent[0] and DIRECTIVE_BEFORE_RE.search(folded, max(sent[0], agg.start - 60), agg.start) is not None
            and TARGET_WORD_RE.search(folded, agg.end, pos) is not None)


# --------------------------------------------------------------------------- main


COMMUNE_LEVEL = 3  # LEVEL_RANK of communes, wards, towns and special zones
PARENT_TYPES = (("district", ("huyện", "quận", "thị xã", "thành phố")), ("province", ("tỉnh", "thành phố")))


COUNTED_COMMUNES_RE = compile_pattern(r"(?:xã|phường|thị[ \u00a0]+trấn|đặc[ \u00a0]+khu|đơn[ \u00a0]+vị|địa[ \u00a0]+phương)(?!\p{L})")


def holder_of_counted_units(article: Article, refs: list[UnitRef], sent: Span, pos: int, noun: str | None,
                            subject: dict) -> dict:
    """A count of the communes its sentence has just listed is about the unit they lie in, not
    one of them: "Phường Phú Xuân, phường Thuận Hóa và xã Phú Vang là 3 đơn vị ..." is the
    city's. The communes' district, else their province, where the article names it; else
    `subject`."""
    units = article.cache.get(UNITS_BY_ID, {})
    unit = units.get(subject.get("unit"))
    if unit is None or LEVEL_RANK.get(unit["type"], 0) < COMMUNE_LEVEL or not noun \
            or not COUNTED_COMMUNES_RE.match(key(noun)):
        return subject
    listed = {r.unit_id for r in refs[bisect.bisect_left(refs, (sent[0],)):bisect.bisect_left(refs, (pos,))]
              if r.unit_id is not None and LEVEL_RANK.get(units.get(r.unit_id, {}).get("type"), 0) >= COMMUNE_LEVEL}
    if len(listed) < 2 or unit["id"] not in listed:
        return subject
    for field, types in PARENT_TYPES:
        if not unit.get(field):
            continue
        parent = next((u for u in units.values() if u["type"] in types and key(u["name"]) == key(unit[field])), None)
        if parent is not None and parent.get("mentions"):
            before = [m for m in parent["mentions"] if m[0] < pos]
            s, e = before[-1] if before else parent["mentions"][0]
            return {"unit": parent["id"], "aggregate": None, "text": article.text[s:e]}
    return subject
