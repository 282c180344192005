"""Parts against their total: parts that do not add up to the stated total, and shares of one
whole that add up to more than 100 % (a part larger than its whole: `parts.py`)."""
from __future__ import annotations

import bisect

import regex

from ..list_items import header_of, item_start, list_end
from ..pattern_cache import compile_pattern
from .base import (BASE_BEFORE_RE, Article, Finding, exact, is_change, is_target, same_period, same_sentence,
                   same_subject, sum_finding)
from .grades import graded_units
from .partitions import (AMBIGUOUS, CLAUSE_RE, classes_in, count_only, covers_the_unit, covers_the_whole, named_sentences,
                         oriented_labels, partition_of, partitions)
from .distributed import levels_in_turn, months_of_a_total, whole_covered
from .tolerance import BOUNDS, count_range, figure_range, meet, parts_add_up, sum_range

# right after a total: the parts that make it up ("gồm", "bao gồm", "(")
BREAKDOWN = (r"(?:[,:]?\s*(?:bao gồm|gồm có|gồm)\s*:?\s*(?:[-+•*–]\s*)?|\s*\(\s*)"
             r"(?:(?!trong|tăng|giảm|chiếm|so với|đạt)[\p{L}]+(?: (?:[\p{L}]+|[-–]))"
             r"{0,7} )?$")  # the first part's label: "gồm: lĩnh vực tư pháp - hộ tịch 812 hồ sơ"
BREAKDOWN_RE = compile_pattern(r"^\s*(?:[\p{L} ]{0,60}?)" + BREAKDOWN, regex.IGNORECASE)  # "18 dịch vụ công trên Cổng Dịch vụ công quốc gia, gồm"
# the same after a count of something else in the total's words: "18.437 hồ sơ của 19 sở, ngành
# đặt tại Trung tâm, gồm: ..."
BREAKDOWN_AFTER_OTHER_RE = compile_pattern(r"^\s*(?:[\p{L} ,]{0,40}?)" + BREAKDOWN, regex.IGNORECASE)
# the last part named as the rest: "..., các lĩnh vực khác 203 hồ sơ", "các xã còn lại 702 hồ sơ"
REST_SLACK = 0.1  # how far parts ending in "the rest" may be from the count they break down
ABBREVIATION_RE = compile_pattern(r"\([\p{L} ]{1,12}\)")  # "(TTHC)" after a noun
# the rest of a breakdown named without a number after its last part: the parts are not the whole
UNNUMBERED_REST_RE = compile_pattern(r"[^\d;.()]{0,25}?[,;]\s*(?:(?:phần\s+)?còn\s+lại|các\s+lĩnh\s+vực\s+khác|và\s+các\s+\p{L}+(?:\s+\p{L}+)?\s+khác)(?!\s*\d)",
                                   regex.IGNORECASE)
REST_LABEL_RE = compile_pattern(r"(?<!\p{L})(?:khác|còn lại)(?:\s+(?:có|là|với))?\s*$", regex.IGNORECASE)  # "các lĩnh vực còn lại có 735"
# between a total and its first part: "trong đó" (or "(trong đó:") with nothing else of substance (a measure's
# verb may repeat before the label or after it: "giải quyết 3.268 hồ sơ, trong đó giải quyết trước
# hạn ...", "tiếp nhận 2.104 hồ sơ. Trong đó, thị trấn A tiếp nhận nhiều nhất với 486 hồ sơ")
# (the part's label may be long: "hồ sơ nộp trực tuyến qua Cổng Dịch vụ công của tỉnh là 15.870")
WHEREOF_RE = compile_pattern(r"^\s*[\p{L} ,]{0,60}?[,;:.(]?\s*trong đó\s*[:,]?\s*(?:có\s+)?"
                           r"(?:[\p{L} ]{0,25}?(?<!\p{L})(?P<verb>giải quyết|tiếp nhận|xử lý)\s+)?(?:[\p{L} ]{0,60})?$",
                           regex.IGNORECASE)
# a breakdown announced at the start of the next sentence: "... 118.000 hồ sơ. Trong đó, ..."
WHEREOF_NEXT_RE = compile_pattern(r"\s*trong đó(?!\p{L})", regex.IGNORECASE)
# between two parts of one breakdown: labels, commas, "và"; no sub-breakdown and no end of list
PART_GAP_RE = compile_pattern(r"^[^\d;()]{0,80}$")
# the aspects of the parts of dossiers received, by channel, field or level
CHANNEL_ASPECTS = frozenset({"received", "online", "interlinked", "other"})
SEMICOLON_GAP_RE = compile_pattern(r"^[^\d;()]{0,60};[^\d;()]{0,60}$")
# the same where the next part names a class of the partition the last one named: the last part's
# words may run long ("1.036.208 hồ sơ được nộp trực tuyến qua Cổng Dịch vụ công quốc gia và Hệ
# thống thông tin giải quyết TTHC của thành phố; 209.117 hồ sơ được nộp trực tiếp")
CLASS_SEMICOLON_GAP_RE = compile_pattern(r"^[^\d;()]{0,160};[^\d;()]{0,60}$")
LIST_GAP_RE = compile_pattern(r"^[^\d;()\n]{0,60};?\s*\n\s*(?:[-+•*–]|[a-zđ]\)|\d+[.)])\s*$")  # "...;\n- "
BASE_HAS_RE = compile_pattern(r"^[\p{L} ,]{0,40}?(?<!\p{L})có\s*(?:[\p{L} ]{0,25})?$", regex.IGNORECASE)
# a percentage in brackets right after a part restates it: "1.905 hồ sơ (chiếm 66,9%)"
RESTATING_BRACKET_RE = compile_pattern(r"[^\d;()]{0,60}?\(\s*(?:(?:chiếm|đạt|bằng|tương đương|tương ứng)\s*)?$", regex.IGNORECASE)
CLOSING_RE = compile_pattern(r"^\s*\)")
ASIDE_RE = compile_pattern(r"\s*\([^()]{0,40}\)")
MAX_PARTS = 20
# "398 hồ sơ còn lại": the rest of a total after the parts named before it
REMAINDER_RE = compile_pattern(r"(?<!\p{L})còn lại(?!\p{L})", regex.IGNORECASE)
NESTED_RE = compile_pattern(r"trong đó|bao gồm|gồm|tăng|(?<!cắt\s)giảm|so với", regex.IGNORECASE)  # ("cắt giảm": a label)
# a verb of another measurement between two counts: "..., đã giải quyết 3.000 hồ sơ" ends the parts
# (not in the name of a system or body: "Hệ thống thông tin giải quyết TTHC của thành phố")
MEASURE_RE = compile_pattern(r"(?<!\p{L})(?:giải quyết|tiếp nhận|trả kết quả|xử lý|đạt|chiếm)(?!\p{L})"
                           r"(?!\s+(?:tthc|thủ tục hành chính)(?!\p{L}))", regex.IGNORECASE)
BULLET_RE = compile_pattern(r"[ \t]*\n\s*(?:[-+•*–]|[a-zđ]\)|\d+[.)])\s")


# the verb of a total's own measure: in its breakdown it labels a part ("9.870 hồ sơ, gồm 6.215
# hồ sơ tiếp nhận trực tiếp và 3.520 hồ sơ trực tuyến"), it states nothing new
OWN_MEASURE_VERBS = {"received": ("tiếp nhận",), "resolved": ("giải quyết", "xử lý")}


def _own_verb(verb: str, total: dict) -> bool:
    """Whether `verb` is the verb of `total`'s own measure (OWN_MEASURE_VERBS)."""
    return verb.lower() in OWN_MEASURE_VERBS.get(total["aspect"], ())


def _new_measure(gap: str, total: dict) -> bool:
    """Whether `gap`, between two parts of `total`, states another measure ("..., giải quyết 950")."""
    return any(not _own_verb(m.group(), total) for m in MEASURE_RE.finditer(gap))


def counts_like(total: dict, f: dict) -> bool:
    """A count that may be a part of `total`: same object, no change, a goal only of a goal (a
    plan's tasks, aspect `planned`, are its goals however each is worded)."""
    return (f["kind"] == "count" and f["object"] == total["object"] and not is_change(f)
            and (is_target(f) == is_target(total) or f["aspect"] == total["aspect"] == "planned"))


def _block_end(article: Article, total: dict) -> int:
    """Where a breakdown after `total` may run to: its sentence, and when that ends in ":", the
    list items that follow it."""
    text = article.text
    end = (total.get("sentence") or total["span"])[1]
    if WHEREOF_NEXT_RE.match(text, end):  # "... 118.000 hồ sơ. Trong đó, trước hạn ..."
        later = article.after(end, 1)
        return later[0]["sentence"][1] if later else end
    if not text[:end].rstrip().endswith(":"):
        return end
    while (m := BULLET_RE.match(text, end)) is not None:
        line_end = text.find("\n", m.end())
        end = len(text) if line_end < 0 else line_end
    return end


def _item_after_semicolon(gap: str, f: dict, total: dict, parts: list[dict]) -> bool:
    """In a whole breakdown ("gồm: trực tiếp 21.408 hồ sơ; trực tuyến 47.115 hồ sơ; ..."), a
    next item after ";" of the measure already listed, not a new statement ("; 125 hồ sơ quá hạn")."""
    return (bool(SEMICOLON_GAP_RE.match(gap)) and not _new_measure(gap, total)
            and (f["aspect"] in {total["aspect"], *(p["aspect"] for p in parts)}
                 or (total["aspect"] == "received" and f["aspect"] in CHANNEL_ASPECTS)))


def whereof(gap: str, total: dict) -> bool:
    """Whether `gap`, between a total and its first part, is "trong đó" and the part's label; a
    verb there must be the total's own ("giải quyết 3.268 hồ sơ, trong đó giải quyết trước hạn")."""
    m = WHEREOF_RE.match(gap)
    return m is not None and (not m["verb"] or _own_verb(m["verb"], total))


def _class_after_semicolon(gap: str, parts: list[dict], before: int, text: str) -> bool:
    """In a "trong đó" breakdown named by a partition's classes, a next class after ";" ("trong
    đó giải quyết trước và đúng hạn 3.251 hồ sơ; quá hạn 27 hồ sơ"); `before`: where the text
    naming the last part starts."""
    if not SEMICOLON_GAP_RE.match(gap):
        return False
    named = classes_in(CLAUSE_RE.split(text[before:parts[-1]["span"][0]])[-1])
    following = classes_in(gap.rsplit(";", 1)[1])
    return any(name in named and not classes & named[name] for name, classes in following.items())


def _parts_after(total: dict, index: int, article: Article, whole: bool = False, end: int | None = None,
                 asides: bool = False) -> list[dict]:
    """The counts listed right after `total` (from figure `index + 1`) as its parts: same
    object, separated only by labels, commas and "và" (and ";" in a whole breakdown), up to
    the end of its sentence or list (or `end`); with `asides`, past short asides in brackets
    between them ("cấp huyện (trước ngày 01/7/2025) tiếp nhận ...")."""
    figures, text = article.figures, article.text
    end = end or _block_end(article, total)
    parts: list[dict] = []
    last_end = total["span"][1]
    for f in figures[index + 1:index + 1 + MAX_PARTS]:
        if f["span"][0] >= end:
            break
        if parts and f["kind"] == "percent" and RESTATING_BRACKET_RE.match(text, last_end, f["span"][0]):
            last_end = f["span"][1]  # "1.905 hồ sơ (chiếm 66,9%), ...": the part restated, not another
            continue
        gap = text[last_end:f["span"][0]]
        if last_end != (parts[-1] if parts else total)["span"][1]:
            gap = CLOSING_RE.sub("", gap, count=1)
        if asides:
            gap = ASIDE_RE.sub("", gap)
        if parts and (not (PART_GAP_RE.match(gap) or LIST_GAP_RE.match(gap)
                           or (whole and _item_after_semicolon(gap, f, total, parts))
                           or (not whole and _class_after_semicolon(gap, parts, (parts[-2] if len(parts) > 1 else total)["span"][1], text))
                           or (not whole and CLASS_SEMICOLON_GAP_RE.match(gap)
                               and partition_of(total, [*parts, f], article) is not None)
                           or (SEMICOLON_GAP_RE.match(gap) and _names_its_unit(gap.rsplit(";", 1)[1], f)))
                      or NESTED_RE.search(gap)):
            break
        if not counts_like(total, f) or (parts and f["aspect"] != parts[-1]["aspect"] and _new_measure(gap, total)):
            break
        parts.append(f)
        last_end = f["span"][1]
    return parts


def sum_mismatch(article: Article) -> list[Finding]:
    return (_parts_vs_total(article) + _remainder(article) + _total_after_parts(article)
            + _distributed_next(article) + _distributed_later(article) + _parts_of_named_total(article)
            + _shares_of_one_whole(article) + graded_units(article) + levels_in_turn(article)
            + months_of_a_total(article))


# the next sentence distributes a total: "... 6.842 hồ sơ (...). Phân theo lĩnh vực: đất đai 3.215
# hồ sơ, ..., các lĩnh vực khác 301 hồ sơ", "Chia theo cấp, cấp tỉnh tiếp nhận 98.214 hồ sơ; ..."
# (in the same paragraph: after a blank line, "Phân theo lĩnh vực" may distribute another total)
DISTRIBUTED_NEXT_RE = compile_pattern(r"[ \t\u00a0]*(?:phân|chia)\s+theo\s+[\p{L} ]{1,30}?\s*[:,]", regex.IGNORECASE)


def _distributed_next(article: Article) -> list[Finding]:
    out = []
    figures, text = article.figures, article.text
    starts = [f["span"][0] for f in figures]
    for i, total in enumerate(figures):
        if total["kind"] != "count" or is_change(total) or not total.get("sentence"):
            continue
        if any(same_sentence(f, total) and f["kind"] == "count" for f in figures[max(0, i - MAX_PARTS):i]):
            continue  # the sentence's first count is the total it distributes, not its own parts
        m = DISTRIBUTED_NEXT_RE.match(text, total["sentence"][1])
        if m is None:
            continue
        k = bisect.bisect_left(starts, m.end())
        if k >= len(figures):
            continue
        parts = _parts_after(total, k - 1, article, whole=True, end=figures[k]["sentence"][1], asides=True)
        if len(parts) < 2 or parts[0] is not figures[k] or total["aspect"] not in ("received", parts[0]["aspect"]):
            continue
        if not parts_add_up(total, parts):
            out.append(sum_finding(total, parts, across=True))
    return out


# a sentence opening with the levels it distributes a total by: "Xét theo cấp giải quyết, Trung tâm ..."
DISTRIBUTED_BY_LEVEL_RE = compile_pattern(r"[ \t\u00a0]*(?:xét|phân|chia|tính)\s+theo\s+cấp(?:\s+[\p{L}]+){0,3}?\s*[:,]",
                                          regex.IGNORECASE)


# "Theo bà ..., xét theo lĩnh vực, hộ tịch có 4.215 hồ sơ, ..., các lĩnh vực khác 1.190 hồ sơ", "Phân
# theo lĩnh vực, nhiều nhất là ...": the lead's total by field, its last part the rest ("Phân theo
# lĩnh vực:" opening a paragraph may head another total's table: `_distributed_next` reads it only
# right after its total)
BY_FIELD_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:xét\s+theo\s+(?:từng\s+)?lĩnh\s+vực\s*[,:]|(?:phân|chia)\s+theo\s+(?:từng\s+)?lĩnh\s+vực\s*,)",
                                     regex.IGNORECASE)
# a sentence naming the total stated above and dividing it: "Toàn bộ số hồ sơ tiếp nhận nêu trên được
# chia theo lĩnh vực như sau: đất đai 12.310 hồ sơ, ..."
ABOVE_TOTAL_DIVIDED_RE = compile_pattern(r"[ \t\u00a0]*(?:toàn\s+bộ|tổng)\s+(?:số\s+)?[\p{L} ]{0,40}?(?:nêu|kể|nói)\s+(?:ở\s+)?trên"
                                         r"[^\d.;:]{0,40}?(?:chia|phân)\s+(?:theo|ra)(?!\p{L})", regex.IGNORECASE)


# the measure named as a whole and listed: "Số hồ sơ tiếp nhận gồm: lĩnh vực đất đai 5.410 hồ sơ, ...",
# "Các nhiệm vụ trong kế hoạch được phân theo lĩnh vực: cải cách thể chế 9 nhiệm vụ, ...",
# a bulleted list's header "... cho biết số hồ sơ tiếp nhận phân theo lĩnh vực gồm:", "số TTHC được cắt
# giảm, đơn giản hóa theo lĩnh vực như sau:" (a breakdown by field, month, quarter or level: all of it;
# not "Một số đơn vị có số hồ sơ tiếp nhận lớn như sau:", some of the units)
MEASURE_LISTED_RE = compile_pattern(r"(?<!\p{L})(?:số\s+(?:hồ\s+sơ|thủ\s+tục|tthc)(?:[\s,]+\p{L}+){0,8}?\s+(?:(?:bao\s+)?gồm"
                                    r"|theo\s+(?:từng\s+)?(?:lĩnh\s+vực|tháng|quý|cấp)(?:\s+\p{L}+){0,3}?\s+như\s+sau)"
                                    r"|các\s+(?:hồ\s+sơ|thủ\s+tục|tthc|nhiệm\s+vụ)(?:\s+\p{L}+){0,6}?\s+(?:được\s+)?(?:phân|chia)\s+theo"
                                    r"\s+(?:từng\s+)?(?:lĩnh\s+vực|tháng|quý|cấp))\s*:", regex.IGNORECASE)


def _measure_listed(text: str, sentence: tuple[int, int], first: dict) -> bool:
    """Whether the words before a sentence's first count (no number among them), or the header of
    the bulleted list whose first item it is, name the measure as a whole and list it ("gồm:")."""
    opener = MEASURE_LISTED_RE.search(text, sentence[0], first["span"][0])
    if opener is not None:
        return not any(ch.isdigit() for ch in text[sentence[0]:opener.start()])
    header = header_of(text, first["span"][0]) if item_start(text, first["span"][0]) is not None else None
    return (header is not None and MEASURE_LISTED_RE.search(text, *header) is not None
            and not text[header[1]:text.rfind("\n", 0, first["span"][0])].strip())  # the list's first item


# "Cụ thể, trong 9 tháng, cấp tỉnh tiếp nhận 96.412 hồ sơ, cấp huyện ... và cấp xã ...", "Trong tổng
# số hồ sơ của các địa phương, cấp tỉnh tiếp nhận ..., cấp xã ...": the details of a total, by every level
DETAILS_RE = compile_pattern(r"[ \t\u00a0]*(?:cụ\s+thể|chi\s+tiết|trong\s+tổng\s+số\s+(?:hồ\s+sơ|thủ\s+tục|tthc)[^\d.;:,]{0,50}?)\s*[:,]",
                             regex.IGNORECASE)


def _details_every_level(article: Article, sentence: tuple[int, int], first: dict) -> bool:
    """Whether a sentence opening with "Cụ thể" (or naming the total) names every level of the
    administration (under the two-level government, from `first`'s period, the province's and
    the communes')."""
    text = article.text
    if not DETAILS_RE.match(text, sentence[0]):
        return False
    levels = classes_in(text[sentence[0]:sentence[1]]).get("level")
    return levels is not None and whole_covered(levels, first, article)


def _both_undated(a: dict, b: dict) -> bool:
    """Neither figure has a period: a decision's counts ("phê duyệt phương án cắt giảm, đơn giản
    hóa 312 thủ tục") and their breakdown by field are of no period at all, the same one."""
    return not (a.get("period") or b.get("period"))


def _first_count_of_its_sentence(f: dict, article: Article) -> bool:
    """Whether no count stands before `f` in its sentence ("là 2.234, gồm 1.096 ... cùng 1.138 ...":
    the parts after the whole are no wholes)."""
    k = bisect.bisect_left(article.starts, f["span"][0])
    return not (k and article.figures[k - 1].get("sentence") == f.get("sentence")
                and article.figures[k - 1]["kind"] == "count")


def _distributed_later(article: Article) -> list[Finding]:
    """"(lead) ... đã tiếp nhận 186.420 hồ sơ ... (paragraphs later) Xét theo cấp giải quyết, Trung
    tâm ... thành phố tiếp nhận 41.305 hồ sơ; các xã, phường tiếp nhận 143.915 hồ sơ": a sentence
    that distributes by level the total the lead states for the same measure and period."""
    out = []
    figures, text = article.figures, article.text
    for k, first in enumerate(figures):
        sentence = first.get("sentence")
        if (first["kind"] != "count" or is_change(first) or not sentence
                or (k and figures[k - 1].get("sentence") == sentence)
                or not (DISTRIBUTED_BY_LEVEL_RE.match(text, sentence[0]) or ABOVE_TOTAL_DIVIDED_RE.match(text, sentence[0])
                        or FIELDS_MAINLY_RE.match(text, sentence[0])
                        or _details_every_level(article, sentence, first) or _measure_listed(text, sentence, first)
                        or BY_FIELD_BEFORE_RE.search(text, sentence[0], first["span"][0]))):
            continue
        # the nearest count of the same measure before it, when the headline or lead states it
        # (a total nearer than those is distributed by the sentence after it: _distributed_next)
        total = next((t for t in reversed(figures[:k]) if t["kind"] == "count" and not is_change(t)
                      and t["object"] == first["object"] and t["aspect"] == first["aspect"]
                      and counts_like(t, first) and same_subject(t, first)
                      and (same_period(t, first) or (_both_undated(t, first) and _first_count_of_its_sentence(t, article)))),
                     None)
        if (total is None or article.paragraph(total["span"][0]) not in article.opening
                or not (exact(total) or (total.get("approx") in BOUNDS and _measure_listed(text, sentence, first)))):
            continue  # (a bound, "hơn 148 nghìn hồ sơ", where the list names the measure it divides)
        if FIELDS_MAINLY_RE.match(text, sentence[0]):  # some fields, each with its count: together no more than the whole
            parts = [f for f in article.figures_in(sentence) if counts_like(total, f) and f["aspect"] == total["aspect"]]
            if len(parts) >= 2 and sum_range([count_range(p) for p in parts])[0] > count_range(total)[1]:
                out.append(sum_finding(total, parts, across=True))
            continue
        in_list = item_start(text, first["span"][0]) is not None
        parts = _parts_after(total, k - 1, article, whole=True, asides=True,
                             end=list_end(text, first["span"][0]) if in_list else sentence[1])
        if BY_FIELD_BEFORE_RE.search(text, sentence[0], first["span"][0]) and parts and (
                not REST_LABEL_RE.search(text, parts[-2]["span"][1] if len(parts) > 1 else sentence[0], parts[-1]["span"][0])
                or any(f["kind"] == "count" and same_sentence(f, total) and f["span"][0] < total["span"][0] for f in figures[:k])):
            continue  # fields named one by one cover the whole only when the last is "the rest"; and the
            # whole is its sentence's first count, not a channel's part after it ("6.842 hồ sơ (..., trực tiếp 927 hồ sơ)")
        if len(parts) >= 2 and parts[0] is first and not parts_add_up(total, parts):
            out.append(sum_finding(total, parts, across=True))
    return out


# "Các TTHC được đơn giản hóa tập trung ở lĩnh vực đất đai (14 thủ tục), tư pháp (9 thủ tục), ...": the
# fields most of the measure comes from, not all of it (their counts may not exceed the lead's total)
FIELDS_MAINLY_RE = compile_pattern(r"[ \t\u00a0]*(?:các|số)\s+(?:hồ\s+sơ|thủ\s+tục|tthc|nhiệm\s+vụ)(?:\s+\p{L}+){0,6}?\s+tập\s+trung"
                                   r"(?:\s+chủ\s+yếu)?\s+(?:ở|vào|tại)\s+(?:các\s+)?lĩnh\s+vực(?!\p{L})", regex.IGNORECASE)


# a total stated after its parts: "A (2.418 hồ sơ), B (1.536 hồ sơ) và C (1.702 hồ sơ), tổng cộng 5.756 hồ sơ"
TOTAL_AFTER_RE = compile_pattern(r"[^\d;.]{0,30}[,;:]\s*(?:tổng\s+cộng|tổng\s+số|tổng)\s*(?:là|:)?\s*", regex.IGNORECASE)
PARTS_RUN_GAP_RE = compile_pattern(r"[^\d;.]{0,60}")  # between two listed parts: names, brackets, commas, "và"


def _total_after_parts(article: Article) -> list[Finding]:
    """The counts listed right before "tổng cộng N" add up to N."""
    out = []
    figures, text = article.figures, article.text
    for i, total in enumerate(figures):
        if i < 2 or total["kind"] != "count" or is_change(total):
            continue
        if not TOTAL_AFTER_RE.fullmatch(text, figures[i - 1]["span"][1], total["span"][0]):
            continue
        parts: list[dict] = []
        for f in reversed(figures[max(0, i - MAX_PARTS):i]):
            if not (same_sentence(f, total) and counts_like(total, f)):
                break
            if parts and not PARTS_RUN_GAP_RE.fullmatch(text, f["span"][1], parts[0]["span"][0]):
                break
            parts.insert(0, f)
        if len(parts) >= 2 and not parts_add_up(total, parts):
            out.append(sum_finding(total, parts))
    return out


def _remainder(article: Article) -> list[Finding]:
    """"tiếp nhận 6.061 hồ sơ, đã giải quyết xong 5.581 hồ sơ; 398 hồ sơ còn lại đang xử lý": the
    parts and "the rest" make up the total (5.979)."""
    out = []
    figures, text = article.figures, article.text
    for i, rest in enumerate(figures):
        if (rest["kind"] != "count" or is_change(rest)
                or not REMAINDER_RE.search(text, rest["span"][1], min(rest["span"][1] + 25, rest["sentence"][1]))):
            continue
        earlier = [f for f in figures[max(0, i - MAX_PARTS):i] if same_sentence(f, rest)]
        total_at = next((k for k in range(len(earlier) - 1, -1, -1) if earlier[k]["aspect"] == "received"), None)
        if total_at is None:
            continue
        total, parts = earlier[total_at], earlier[total_at + 1:]
        if not parts or not all(counts_like(total, p) and p["aspect"] != "received" for p in parts + [rest]):
            continue
        if not parts_add_up(total, parts + [rest]):
            out.append(sum_finding(total, parts + [rest]))
    return out


def _parts_vs_total(article: Article) -> list[Finding]:
    """"tiếp nhận 3.150 hồ sơ, gồm 2.100 hồ sơ trực tuyến và 950 hồ sơ trực tiếp": 3.050. After
    "gồm" or "(" the parts are the whole; after "trong đó" only parts named as disjoint classes
    of one partition count ("trước hạn ..., đúng hạn ..., quá hạn ..."), and they must not add
    up to more than the total (nor to less, when they name every class)."""
    out = []
    figures, text = article.figures, article.text
    for i, total in enumerate(figures[:-2]):
        if total["kind"] != "count" or is_change(total):
            continue
        first, start = figures[i + 1], i
        gap = ABBREVIATION_RE.sub("", text[total["span"][1]:first["span"][0]])  # "hồ sơ TTHC (TTHC), gồm"
        whole = bool(BREAKDOWN_RE.match(gap))
        if not whole and first["object"] != total["object"] and same_sentence(first, figures[i + 2]):
            # "18.437 hồ sơ của 19 sở, ngành ..., gồm: 11.206 hồ sơ ...": past the other count
            whole = bool(BREAKDOWN_AFTER_OTHER_RE.match(text[first["span"][1]:figures[i + 2]["span"][0]]))
            first, start = (figures[i + 2], i + 1) if whole else (first, start)
        if not whole and is_change(first) and same_sentence(total, first):
            # "... là 21.346 hồ sơ, tăng 8,2% so với cùng kỳ. Trong đó, ...": past the total's change
            opening = _next_sentence_whereof(total, figures[i + 2], article)
            if opening is not None:
                first, start, gap = figures[i + 2], i + 1, text[opening:figures[i + 2]["span"][0]]
        if not whole and not whereof(gap, total) and not (
                BASE_BEFORE_RE.search(text, max(0, total["span"][0] - 26), total["span"][0]) and BASE_HAS_RE.match(gap)):
            continue
        parts = _parts_after(total, start, article, whole)
        if _parts_disagree(total, parts, article, whole):
            out.append(sum_finding(total, parts,
                                    across=bool(WHEREOF_NEXT_RE.match(text, (total.get("sentence") or total["span"])[1]))))
    return out


def _next_sentence_whereof(total: dict, part: dict, article: Article) -> int | None:
    """Where the sentence right after `total`'s opens with "trong đó" and holds `part`, if it does."""
    sentence, opening = total.get("sentence"), (part.get("sentence") or [None])[0]
    if (not sentence or opening is None or opening < sentence[1] or article.text[sentence[1]:opening].strip()
            or not WHEREOF_NEXT_RE.match(article.text, opening)):
        return None
    return opening


def _names_its_unit(label: str, part: dict) -> bool:
    """Whether a part's label names the unit it is about ("xã Minh Hưng 312 hồ sơ"), or the rest
    of the units ("các xã còn lại 702 hồ sơ")."""
    unit = part.get("subject") or {}
    return bool(unit.get("unit") and unit.get("text") and unit["text"] in label) or bool(REST_LABEL_RE.search(label))


def _by_unit(total: dict, parts: list[dict], article: Article) -> bool:
    """Whether a breakdown is by unit: each part names its own unit (different ones) before it,
    the last may be the rest ("Trong đó, thị trấn A 486 hồ sơ; xã B 312 hồ sơ; ...; các xã còn
    lại 702 hồ sơ")."""
    seen, last_end = set(), total["span"][1]
    for p in parts:
        label = CLAUSE_RE.split(article.text[last_end:p["span"][0]])[-1]
        unit = (p.get("subject") or {}).get("unit")
        if not _names_its_unit(label, p) or (unit in seen and not REST_LABEL_RE.search(label)):
            return False
        seen.add(unit)
        last_end = p["span"][1]
    return True


def _parts_disagree(total: dict, parts: list[dict], article: Article, whole: bool) -> bool:
    """Whether the parts of a breakdown contradict its total: when they are the whole (said so, a
    numbered rest, or every class of a partition), they must add up to it; else not exceed it."""
    text = article.text
    if len(parts) < 2 or not (all(same_subject(p, total) or not (p.get("subject") or {}).get("unit") for p in parts)
                              or _by_unit(total, parts, article)):
        return False
    if (not whole and REST_LABEL_RE.search(text, parts[-2]["span"][1], parts[-1]["span"][0])
            and abs(sum(p["value"] for p in parts) - total["value"]) <= REST_SLACK * total["value"]):
        # "trong đó đất đai 612 hồ sơ, ..., các lĩnh vực khác 203 hồ sơ": all of it (parts far
        # from the count before them are the parts of another: "21.384 hồ sơ, bình quân 200
        # hồ sơ mỗi ngày. Trong đó, ...")
        whole = True
    # "(đất đai 3.105 hồ sơ, hộ tịch 2.870 hồ sơ, còn lại là các lĩnh vực khác)": not the whole
    rest_unnumbered = bool(UNNUMBERED_REST_RE.match(text, parts[-1]["span"][1], parts[-1]["span"][1] + 80))
    whole = whole and not rest_unnumbered
    if not whole:
        partition = partition_of(total, parts, article)
        if partition is None:
            return False
        name, covered = partition
        whole = covers_the_unit(name, covered, total, article) and not rest_unnumbered
    total_range = count_range(total)
    parts_range = sum_range([count_range(p) for p in parts])
    return not (meet(parts_range, total_range) or (not whole and parts_range[0] <= total_range[1]))


# a breakdown that names the total it breaks down instead of stating it: "Trong tổng số hồ sơ
# tiếp nhận, lĩnh vực cư trú có 215.430 hồ sơ, ..., các lĩnh vực khác 9.375 hồ sơ"
# ("Số hồ sơ tiếp nhận tập trung ở một số lĩnh vực: tư pháp 31.208 hồ sơ; ...": the same, a list)
NAMED_TOTAL_RE = compile_pattern(
    r"(?<!\p{L})(?:trong\s+tổng\s+số|(?P<list>số))\s+(?:hồ\s+sơ|thủ\s+tục(?:\s+hành\s+chính)?|tthc)(?:\s+(?:đã|được))?\s+"
    r"(?P<verb>tiếp\s+nhận|giải\s+quyết)(?!\p{L})(?(list)[^\d;.:]{0,60}?:|[^\d;.]{0,12}?,)", regex.IGNORECASE)
NAMED_TOTAL_REACH = 1500  # characters before the breakdown where the total it names is sought


def _parts_of_named_total(article: Article) -> list[Finding]:
    out = []
    figures, text = article.figures, article.text
    low = text.lower()
    if "tiếp nhận" not in low and "giải quyết" not in low:
        return out
    for m in NAMED_TOTAL_RE.finditer(text):
        k = bisect.bisect_left(article.starts, m.end())
        if k >= len(figures):
            continue
        first = figures[k]
        sentence = first.get("sentence") or first["span"]
        if not sentence[0] <= m.start() < sentence[1]:
            continue  # the breakdown is in the sentence that names the total
        aspect = "received" if m["verb"].lower().startswith("tiếp") else "resolved"
        reach = bisect.bisect_left(article.starts, m.start() - NAMED_TOTAL_REACH)
        total = next((f for f in reversed(figures[reach:k]) if f["span"][1] <= m.start()
                      and m.start() - f["span"][1] <= NAMED_TOTAL_REACH and f["kind"] == "count"
                      and f["aspect"] == aspect and f["object"] == first["object"] and not is_change(f)
                      and not is_target(f)), None)
        if total is None:
            continue
        # (a list after ":" may part its items with ";": read so, judged as a "trong đó" breakdown)
        parts = _parts_after(total, k - 1, article, whole=bool(m["list"]), end=sentence[1])
        if parts and parts[0] is first and _parts_disagree(total, parts, article, whole=False):
            out.append(sum_finding(total, parts, across=True))
    return out


# rates of the service index's own metrics: "thanh toán trực tuyến" names a payment, no channel
OWN_RATE_ASPECTS = ("digitized", "paid_online")


def _shares_of_one_whole(article: Article) -> list[Finding]:
    """"trước hạn 45%, đúng hạn 50%, quá hạn 10%": one whole, 105 %."""
    out = []
    figures = article.figures
    named = None  # scanned for once a percentage needs it: most articles have none to label
    runs: list[list[dict]] = []
    for i, f in enumerate(figures):
        if f["kind"] != "percent" or is_change(f) or is_target(f) or f["aspect"] in OWN_RATE_ASPECTS:
            continue
        if named is None:
            named = named_sentences(article)
        if tuple(f["sentence"]) not in named:
            continue
        if runs and runs[-1][-1] is figures[i - 1] and same_sentence(runs[-1][-1], f):
            runs[-1].append(f)
        else:
            runs.append([f])
    allowed = {n for n, _, _ in partitions()} - count_only()
    groups: list[tuple[str, list[tuple[dict, frozenset]]]] = []
    for run in runs:
        current: tuple[str, list] | None = None
        for f, label in zip(run, oriented_labels(run, run[0]["sentence"][0], article, allowed)):
            if label is None:
                current = None
                continue
            name, classes = label
            if (current is None or current[0] != name or current[1][-1][0]["object"] != f["object"]
                    or NESTED_RE.search(article.between(current[1][-1][0], f))
                    or any(classes & c for _, c in current[1])):
                current = (name, [])
                groups.append(current)
            current[1].append((f, classes))
    for name, members in groups:
        covered = frozenset().union(*(c for _, c in members))
        if len(members) < 2 or covered in AMBIGUOUS.get(name, ()):
            continue
        figs = [f for f, _ in members]
        lo, hi = sum_range([figure_range(f) for f in figs])
        computed = sum(f["value"] for f in figs)
        parts = " + ".join(f["surface"] for f in figs)
        if lo > 100:
            out.append(Finding("sum_mismatch", figs, computed, 100, "shares_over_100",
                               dict(parts=parts, computed=computed)))
        elif covers_the_whole(name, covered) and hi < 100:
            out.append(Finding("sum_mismatch", figs, computed, 100, "shares_under_100",
                               dict(parts=parts, computed=computed)))
    return out
