"""The same quantity reported twice with different values (a count, or a unit's place or score in
one ranking), or said to rise (fall) from one value to another that is lower (higher)."""
from __future__ import annotations

import regex

from ..labels import without_index_names
from ..pattern_cache import compile_pattern
from .base import SUBSET_RE, UNIT_OBJECTS, Article, Finding, exact, is_change, is_target
from .tolerance import figure_range, meet, scale

# index values, scores and ranks come in league tables, one per body, and national averages
# beside local ones: their subjects are too uncertain to call two of them the same figure
UNCOMPARABLE_ASPECTS = ("other", "par_index", "satisfaction", "planned")
# counts of bodies or places are counts of those meeting a threshold ("5 xã đạt trên 90%")
COMPARABLE_OBJECTS = ("dossier", "procedure", "document", "task")
# a sentence about the nation, an average, a running total or a threshold band is another quantity
OTHER_QUANTITY_RE = compile_pattern(
    r"(?<!\p{L})(?:cả nước|toàn quốc|bình quân|trung bình|lũy kế|luỹ kế|cộng dồn|tính từ|từ khi|từ năm|"
    r"(?:trên|dưới|hơn|từ)\s+\d|mỗi|một ngày|chưa)(?!\p{L})", regex.IGNORECASE)


def _rounded_count(f: dict) -> bool:
    """A count in a scale word ("1,87 triệu hồ sơ"): it stands for a range, as a qualified one does."""
    return f["kind"] == "count" and scale(f.get("surface") or "") is not None


def _key(f: dict, bound: bool = False) -> tuple | None:
    """What makes two figures the same quantity: unit, aspect, object, kind, denominator, noun
    and a closed period; None for figures that are never compared (with `bound`, all but counts
    qualified by "hơn", "gần", "khoảng" ... or rounded to a scale word, else all but exact figures)."""
    subj = f.get("subject") or {}
    period = f.get("period") or {}
    if (f["aspect"] in UNCOMPARABLE_ASPECTS or f["kind"] in ("score", "rank")
            or (exact(f) and not _rounded_count(f) if bound else not exact(f))
            or f["object"] not in COMPARABLE_OBJECTS
            or is_change(f) or is_target(f) or f.get("index") or subj.get("unit") is None
            or not period.get("start") or not period.get("end")
            or not any(ch.isdigit() for ch in f.get("surface") or "")):  # "không có hồ sơ nào" is a subset
        return None
    return (subj["unit"], f["aspect"], f["object"], f["kind"], f.get("denominator"),
            (f.get("noun") or "").lower(), period["start"], period["end"])


TAIL_REACH = 200  # characters: a figure's qualifying words are sought this far after it
CLAUSE_END_RE = compile_pattern(r"[,.;:()\n]")


def _tail(f: dict, text: str) -> str:
    """The words after a figure and its noun, to the end of its clause: what qualifies it."""
    end = min(f["sentence"][1], f["span"][1] + TAIL_REACH)
    rest = text[f["span"][1]:end]
    m = CLAUSE_END_RE.search(rest)
    words = (rest[:m.start()] if m else rest).lower().split()
    noun = (f.get("noun") or "").lower().split()
    return " ".join(words[len(noun):] if words[:len(noun)] == noun else words)


def own_period(f: dict) -> bool:
    """Whether the figure's period is stated in its own sentence, not inherited from an
    earlier sentence, the headline or the lead."""
    return not (f.get("period") or {}).get("inherited")


def _units_counted_before(f: dict, article: Article) -> bool:
    """Whether its sentence counts places or bodies before the figure: "12 xã, phường được khen
    thưởng vì có tỷ lệ đúng hạn 100%" is those units' rate, not the whole's."""
    return any(g["kind"] == "count" and g["object"] in UNIT_OBJECTS and g["span"][1] <= f["span"][0]
               for g in article.before(f["span"][0], f["span"][0] - (f.get("sentence") or f["span"])[0]))


def _plain_statement(f: dict, article: Article) -> bool:
    """Whether a figure's sentence states the quantity as a whole, with no narrowing words."""
    return (not article.sentence_matches(OTHER_QUANTITY_RE, f) and not article.sentence_matches(SUBSET_RE, f)
            and not _units_counted_before(f, article))


def conflicting_values(article: Article) -> list[Finding]:
    return (restated_differently(article) + move_contradicted(article) + bound_contradicted(article)
            + total_restated(article) + ranking_restated(article) + rate_restated(article))


def rate_restated(article: Article) -> list[Finding]:
    """The lead's rate of a measure ("tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6%") and a later one of
    the same unit, measure and dates ("trong 9 tháng qua, 96,8% hồ sơ được giải quyết đúng hạn"),
    each stating its own period and as a whole (no narrowing word before it), whose ranges do not
    meet. The words after a rate restate its measure in other words, so they are not compared
    (as `restated_differently` compares those after counts)."""
    out = []
    leads = set(article.leads)
    firsts: dict[tuple, dict] = {}  # the lead's first rate of each measure
    for f in article.lead_figures:
        if f["kind"] == "percent" and (k := _key(f)) is not None and own_period(f) and _plain_but_its_qualifier(f, article):
            firsts.setdefault(k, f)
    if not firsts:
        return out
    for f in article.figures:
        if (f["kind"] != "percent" or article.paragraph(f["span"][0]) in leads or (k := _key(f)) is None
                or not own_period(f) or not _plain_but_its_qualifier(f, article)):
            continue
        first = firsts.get(k)
        if first is None or meet(figure_range(first), figure_range(f)):
            continue
        out.append(Finding("conflicting_values", [first, f], None, f["value"], "conflicting_values",
                           dict(first=first["surface"], second=f["surface"])))
    return out


def restated_differently(article: Article) -> list[Finding]:
    """The same unit, metric, noun and period given two values in two sentences (headline and
    body, lead and detail), each stated plainly with the same qualifying words after it. Two
    values in one sentence are parts of a breakdown; a sentence naming a field, a level, a body
    or a channel narrows the quantity to a part."""
    out = []
    seen: dict[tuple, dict] = {}
    for f in article.figures:
        k = _key(f)
        if k is None or not _plain_statement(f, article):
            continue
        k = (*k, _tail(f, article.text))  # "hồ sơ" and "hồ sơ qua dịch vụ bưu chính" are two quantities
        first = seen.setdefault(k, f)
        if (first is not f and not meet(figure_range(first), figure_range(f)) and first.get("sentence") != f.get("sentence")
                and (own_period(first) or own_period(f))):
            out.append(Finding("conflicting_values", [first, f], None, f["value"], "conflicting_values",
                               dict(first=first["surface"], second=f["surface"])))
    return out


def _same_noun(a: dict, b: dict) -> bool:
    """Whether one counted noun is the other or its start ("hồ sơ" of "hồ sơ thủ tục hành chính")."""
    x, y = (a.get("noun") or "").lower().split(), (b.get("noun") or "").lower().split()
    return bool(x and y) and (x[:len(y)] == y or y[:len(x)] == x)


QUALIFIER_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:hơn|trên|gần|dưới|khoảng|xấp xỉ|chừng|ước|ít nhất|tối thiểu|tối đa|"
                                      r"không quá|chưa đến|chưa tới)\s*$", regex.IGNORECASE)
# bodies or places "trên địa bàn" a unit, or "ở" a place named, are all of them: "các cơ quan, đơn vị
# trên địa bàn tỉnh", "các cơ quan hành chính ở Đồng Tháp"
ALL_IN_TERRITORY_RE = compile_pattern(r"(?<!\p{L})(?i:các cơ quan|các sở|các xã|các phường)[^.;\d]{0,40}?"
                                      r"(?:(?i:trên địa bàn)(?!\p{L})|(?i:ở|tại)\s+\p{Lu})")


def _plain_but_its_qualifier(f: dict, article: Article) -> bool:
    """Whether a figure is stated as a whole: no other quantity in its sentence (its own "hơn",
    "gần" ... aside), no words before it narrowing it to a part (bodies "trên địa bàn" the unit are
    all of them; the words after it may break it down)."""
    s, e = f.get("sentence") or f["span"]
    before = article.text[s:f["span"][0]]
    q = QUALIFIER_BEFORE_RE.search(before)
    before = before[:q.start()] if q else before
    after = article.text[f["span"][1]:e].split(";", 1)[0]  # its own clause: "...; hơn 46.000 hồ sơ ..." is another's
    return (not OTHER_QUANTITY_RE.search(before + " " + after)
            and not SUBSET_RE.search(ALL_IN_TERRITORY_RE.sub(" ", before))
            and not _units_counted_before(f, article))


# the words that state a count as the whole: "tổng số hồ sơ tiếp nhận ... là 986.450", "toàn tỉnh tiếp nhận ..."
# (not a base: "Trong tổng số hồ sơ tiếp nhận, có ...")
WHOLE_NAMED_RE = compile_pattern(r"(?<!\p{L})(?:(?<!(?:trong|trên)\s+)tổng\s+số|tổng\s+cộng|toàn\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|"
                                 r"đặc\s+khu))(?!\p{L})", regex.IGNORECASE)


# "số hồ sơ được tiếp nhận trực tuyến trong năm 2023 là 1.245.310": the count of a measure, given
# as what it is, in one clause (a narrowing word before it is `_plain_but_its_qualifier`'s to find)
COUNT_OF_IS_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?<!(?:trong|trên)\s+)số\s+(?:hồ\s+sơ|thủ\s+tục|tthc)(?!\p{L})"
                                        r"[^.,;:!?\n]{0,80}?(?<!\p{L})là\s*$", regex.IGNORECASE)
WHOLES_PER_MEASURE = 3  # exact wholes of one measure a rounded count is set against


def bound_contradicted(article: Article) -> list[Finding]:
    """A count stated with a qualifier ("hơn 1,1 triệu hồ sơ") and exactly, as the whole, in another
    sentence for the same unit, measure and period ("tổng số hồ sơ tiếp nhận trong năm 2024 là
    986.450 hồ sơ"), the exact count outside the bound the qualified one states ("hơn 1,1 triệu" is
    no 1.064.382) or the range a count rounded to a scale word stands for ("1,87 triệu" is no
    1.781.240: tolerance.figure_range).
    An exact count not named as the whole may be a body's or a channel's part."""
    out = []
    bounds = [(f, k) for f in article.figures if f["kind"] == "count" and (k := _key(f, bound=True)) is not None
              and _plain_but_its_qualifier(f, article)]
    if not bounds:
        return out
    exacts: dict[tuple, list[dict]] = {}  # by measure (its noun aside), the first few of each
    for f in article.figures:
        if (f["kind"] == "count" and (k := _key(f)) is not None
                and (WHOLE_NAMED_RE.search(article.text, f["sentence"][0], f["span"][0])
                     or COUNT_OF_IS_BEFORE_RE.search(article.text, f["sentence"][0], f["span"][0]))
                and _plain_but_its_qualifier(f, article)):  # (its breakdown may follow: "toàn tỉnh tiếp nhận N hồ sơ, cụ thể: ...")
            kept = exacts.setdefault(k[:5] + k[6:], [])
            if len(kept) < WHOLES_PER_MEASURE:
                kept.append(f)
    for b, k in bounds:
        for f in exacts.get(k[:5] + k[6:], ()):
            if not _same_noun(b, f) or b.get("sentence") == f.get("sentence") or not (own_period(b) or own_period(f)):
                continue
            if not meet(figure_range(b), figure_range(f)):
                first, second = sorted((b, f), key=lambda x: x["span"][0])
                out.append(Finding("conflicting_values", [first, second], None, f["value"], "conflicting_values",
                                   dict(first=first["surface"], second=second["surface"])))
                break
    return out


# a count named as the whole later in the article: "trong tổng số 2.463 hồ sơ đã tiếp nhận", "tổng số
# 24.815 hồ sơ được tiếp nhận tại Bộ phận một cửa"
TOTAL_NAMED_BEFORE_RE = compile_pattern(r"(?<!\p{L})tổng\s+(?:số|cộng)\s*$", regex.IGNORECASE)
RECEIVING_ASPECTS = {"received", "one_stop"}  # dossiers "tiếp nhận" (at the one-stop desk or not)
RECEIVED_WORDS_RE = compile_pattern(r"(?<!\p{L})tiếp\s+nhận(?!\p{L})", regex.IGNORECASE)
# a whole restated this close to the lead's is the same whole misprinted ("2.436" and "2.463");
# further off it is more likely another quantity the labels do not tell apart
NEAR_RESTATEMENT = 0.05


def _one_measure(a: dict, b: dict, article: Article) -> bool:
    """Whether two counts measure the same thing: same aspect, or both dossiers received (one of
    them at the one-stop desk), their sentences saying "tiếp nhận"."""
    if a["aspect"] == b["aspect"]:
        return True
    return ({a["aspect"], b["aspect"]} <= RECEIVING_ASPECTS and article.sentence_matches(RECEIVED_WORDS_RE, a)
            and article.sentence_matches(RECEIVED_WORDS_RE, b))


def total_restated(article: Article) -> list[Finding]:
    """The lead's count of a measure and a later count of it named as the whole ("trong tổng số
    2.463 hồ sơ đã tiếp nhận") for the same unit, object and period, a few per cent apart."""
    out = []
    leads = set(article.leads)
    firsts: dict[tuple, dict] = {}  # the lead's first count of each measure (its unit, object, dates)
    for f in article.lead_figures:
        if f["kind"] == "count" and (k := _key(f)) is not None:
            firsts.setdefault((k[0], k[2], k[6], k[7]), f)
    if not firsts:
        return out
    for f in article.figures:
        if (f["kind"] != "count" or article.paragraph(f["span"][0]) in leads or (k := _key(f)) is None
                or not TOTAL_NAMED_BEFORE_RE.search(article.text, max(0, f["span"][0] - 16), f["span"][0])):
            continue
        first = firsts.get((k[0], k[2], k[6], k[7]))
        if (first is None or first["value"] == f["value"] or not _same_noun(first, f) or not _one_measure(first, f, article)
                or abs(first["value"] - f["value"]) > NEAR_RESTATEMENT * max(first["value"], f["value"])):
            continue
        out.append(Finding("conflicting_values", [first, f], None, f["value"], "conflicting_values",
                           dict(first=first["surface"], second=f["surface"])))
    return out


# "từ 412 thủ tục trong tháng 7/2025 lên 386 thủ tục", "từ 66,12 điểm lên 65,47 điểm": the move a
# change names between its two values ("lên" up, "xuống" down), no clause break and no number
# between but the date of the first value
FROM_BEFORE_RE = compile_pattern(r"(?<!\p{L})từ\s*(?:mức\s+)?$", regex.IGNORECASE)
MOVE_GAP_RE = compile_pattern(r"[^\d;.!?\n]{0,40}?(?:\d{1,4}(?:/\d{1,4}){0,2}[^\d;.!?\n]{0,20}?)?(?<!\p{L})(?P<move>lên|xuống)"
                              r"(?:\s+(?:còn|mức|đến|tới))?\s*$", regex.IGNORECASE)
# "năm 2024 có 1.126 hồ sơ trễ hạn thì năm 2025 giảm xuống còn 1.284 hồ sơ": the first value, then
# the second period and the move ("thì" pairs the two)
THEN_MOVE_GAP_RE = compile_pattern(r"[^\d;.!?\n]{0,40}?(?<!\p{L})thì(?!\p{L})[^\d;.!?\n]{0,20}?(?:\d{1,4}(?:/\d{1,4}){0,2}"
                                   r"[^\d;.!?\n]{0,20}?)?(?<!\p{L})(?:tăng|giảm)\s+(?P<move>lên|xuống)(?:\s+(?:còn|mức|đến|tới))?\s*$",
                                   regex.IGNORECASE)
# the place of a unit in a ranking moves the other way ("giảm 4 bậc, từ vị trí 25 xuống vị trí 29")
RANK_WORDS_RE = compile_pattern(r"(?<!\p{L})(?:vị\s+trí|thứ|hạng|bậc|top)\s*$", regex.IGNORECASE)
MOVING_KINDS = ("count", "percent", "score")


def move_contradicted(article: Article) -> list[Finding]:
    """"tăng, từ 412 thủ tục ... lên 386 thủ tục", "năm 2024 có 1.126 hồ sơ trễ hạn thì năm 2025
    giảm xuống còn 1.284 hồ sơ": a change said to go up (down) between two values of one kind and
    object that go down (up)."""
    out = []
    figures, text = article.figures, article.text
    for a, b in zip(figures, figures[1:]):
        if (a["kind"] not in MOVING_KINDS or b["kind"] != a["kind"] or b["object"] != a["object"]
                or not exact(a) or not exact(b) or a.get("sentence") != b.get("sentence")):
            continue
        gap = MOVE_GAP_RE.fullmatch(text, a["span"][1], b["span"][0])
        if gap is None or not FROM_BEFORE_RE.search(text, max(0, a["span"][0] - 12), a["span"][0]):
            gap = THEN_MOVE_GAP_RE.fullmatch(text, a["span"][1], b["span"][0])
        if gap is None:
            continue
        if RANK_WORDS_RE.search(text, max(0, a["span"][0] - 20), a["span"][0]):
            continue
        up = gap["move"].lower() == "lên"
        if (up and b["value"] < a["value"]) or (not up and b["value"] > a["value"]):
            out.append(Finding("conflicting_values", [a, b], b["value"] - a["value"], None,
                               "rise_contradicted" if up else "fall_contradicted",
                               dict(first=a["surface"], second=b["surface"])))
    return out


# A unit's place or score in one ranking (an index and its edition) stated in the headline or lead
# and again, with another value, later ("xếp thứ 14/34" ... "tỉnh đứng thứ 16 cả nước").
RANKING_KINDS = ("rank", "score")
RANKING_ASPECTS = ("par_index", "satisfaction")  # an index percentage ("Chỉ số CCHC ... đạt 89,74%")
# two values further apart than this are more likely two rankings the figures' labels do not tell
# apart (another edition, a component, a group) than one ranking misstated
RESTATED_GAP = {"rank": 3, "score": 2.0, "percent": 2.0}
# words before the figure, in its sentence, that make it a component's, another body's or an
# average's: "Chỉ số Thủ tục hành chính công đạt 7,48 điểm", "Xét theo 5 yếu tố cấu thành, sự hài
# lòng về tiếp cận dịch vụ đạt 89,2%", "Điểm trung bình của 63 tỉnh ..." (the index's own name is
# masked first; "chỉ số hài lòng chung" is the whole)
COMPONENT_BEFORE_RE = compile_pattern(
    r"(?<!\p{L})(?:chỉ\s+số(?!\s+(?:hài\s+lòng\s+)?chung(?!\p{L})|\s+(?:của|năm|này|đó|đạt|xếp|tổng\s+hợp)(?!\p{L}))"
    r"|nhóm|tốp|top|lĩnh\s+vực|tiêu\s+chí|thành\s+phần|yếu\s+tố|trụ\s+cột|trục|nội\s+dung|chỉ\s+tiêu|cụ\s+thể|"
    r"(?:hài\s+lòng|đánh\s+giá)\s+(?:về|với)|trung\s+bình|bình\s+quân|mỗi|trong\s+số|khu\s+vực|vùng|khối|loại)(?!\p{L})",
    regex.IGNORECASE)
# a band's bound, not a body's value: "xếp loại Khá (từ 80 đến dưới 90 điểm)"
BAND_BOUND_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:từ|đến|tới)\s*$", regex.IGNORECASE)
# words after a rank, in its clause, that name a narrower field than the whole ranking:
# "xếp thứ hai khu vực Đồng bằng sông Cửu Long", "thứ 3 trong nhóm ..."
FIELD_AFTER_RE = compile_pattern(r"(?<!\p{L})(?:khu\s+vực|vùng|miền|khối|nhóm|cụm|trong\s+số|trong\s+\d)(?!\p{L})",
                                 regex.IGNORECASE)


def _plain_ranking_value(f: dict, article: Article) -> bool:
    """Whether a figure is a unit's place, score or index percentage in one ranking, stated plainly:
    no change, goal or bound, no component's, group's, region's or average's value."""
    subj, period = f.get("subject") or {}, f.get("period") or {}
    if (not f.get("index") or not (f["kind"] in RANKING_KINDS or (f["kind"] == "percent" and f["aspect"] in RANKING_ASPECTS))
            or not exact(f) or is_change(f) or is_target(f) or subj.get("unit") is None
            or not period.get("start") or not period.get("end")):
        return False
    s, e = f.get("sentence") or f["span"]
    before = article.text[s:f["span"][0]]
    if COMPONENT_BEFORE_RE.search(without_index_names(before)) or BAND_BOUND_BEFORE_RE.search(before[-12:]):
        return False
    if f["kind"] == "rank":
        after = article.text[f["span"][1]:min(e, f["span"][1] + TAIL_REACH)]
        m = CLAUSE_END_RE.search(after)
        if FIELD_AFTER_RE.search(after[:m.start()] if m else after):
            return False
    return True


# values of one ranking listed in a sentence: "A đạt 86,10%; về TTHC đạt 85,34%", "lần lượt là Hà
# Nội, Bắc Ninh ... với 92,86; 92,41 ..."; not the parts after the whole ("đạt 86,4%, trong đó
# cấp xã ... 85,9%") nor another body's own clause after ";"
LISTED_RE = compile_pattern(r"(?<!\p{L})lần\s+lượt(?!\p{L})", regex.IGNORECASE)
PARTS_AFTER_RE = compile_pattern(r";|(?<!\p{L})(?:trong\s+đó|gồm|cụ\s+thể)(?!\p{L})", regex.IGNORECASE)


def _one_of_listed(f: dict, article: Article, plain: set[int]) -> bool:
    """Whether the figure is one of several values of its ranking listed in its sentence (`plain`:
    the ids of the article's plain ranking values)."""
    if article.sentence_matches(LISTED_RE, f):
        return True
    s, e = f.get("sentence") or f["span"]
    period = (f.get("period") or {}).get("start")
    for g in article.before(e, e - s):
        if (g is f or g["kind"] != f["kind"] or g.get("index") != f["index"]
                or (g.get("period") or {}).get("start") != period or id(g) not in plain):
            continue
        if g["span"][0] < f["span"][0] or not PARTS_AFTER_RE.search(article.text, f["span"][1], g["span"][0]):
            return True
    return False


def _ranking_key(f: dict, article: Article, plain: set[int]) -> tuple | None:
    """What makes two figures one unit's place or score in one ranking (unit, index, kind, aspect,
    dates); None for a figure that is not one plainly (not in `plain`, `_plain_ranking_value`'s
    ids) or is one of several values of it listed in its sentence (components, bodies, a band's
    bounds)."""
    if id(f) not in plain or _one_of_listed(f, article, plain):
        return None
    period = f["period"]
    return (f["subject"]["unit"], f["index"], f["kind"], f["aspect"], period["start"], period["end"])


def _compatible_fields(a: dict, b: dict) -> bool:
    """Whether two ranks may be places in one field: "14/34" and "16" may; "4/63" and "2/5" not."""
    return not (a.get("denominator") and b.get("denominator") and a["denominator"] != b["denominator"])


def ranking_restated(article: Article) -> list[Finding]:
    """A unit's place, score or index percentage in one ranking given in the headline or lead and
    again later with another, nearby value ("Quảng Ngãi xếp thứ 14/34 ..." then "tỉnh đứng thứ
    16 cả nước"; "89,06 điểm" then "Với 89,60 điểm"). The lead's last statement of it is the one
    compared (it restates the headline's, often with its field: "thứ 11" then "thứ 11/34")."""
    plain = {id(f) for f in article.figures if _plain_ranking_value(f, article)}
    groups: dict[tuple, list[dict]] = {}
    for f in article.figures:
        if (k := _ranking_key(f, article, plain)) is not None:
            groups.setdefault(k, []).append(f)
    out = []
    opening = set(article.opening)
    for (_, _, kind, *_), figures in groups.items():
        stated = [f for f in figures if article.paragraph(f["span"][0]) in opening]
        if not stated:
            continue
        first = stated[-1]
        for f in figures:
            if (f is first or f.get("sentence") == first.get("sentence") or f["value"] == first["value"]
                    or abs(f["value"] - first["value"]) > RESTATED_GAP[kind] or not _compatible_fields(first, f)):
                continue
            a, b = sorted((first, f), key=lambda x: x["span"][0])
            out.append(Finding("conflicting_values", [a, b], None, b["value"], "conflicting_values",
                               dict(first=a["surface"], second=b["surface"])))
            break
    return out
