"""The aspect of a part of a breakdown: a count with no metric of its own takes the one of the
total it breaks down ("tiếp nhận 7.105 hồ sơ. Phường A nhiều nhất với 1.932 hồ sơ": received), a
field's share of the received, a part in brackets its count's ("trễ hạn 8 hồ sơ (lĩnh vực đất đai
6, ...)"), parts named after a marker ("trong đó", "cụ thể") theirs. Used by figures.py after
`aspects.choose_aspect`."""
from __future__ import annotations

import bisect

from .aspects import INDEX_BANDED_OBJECTS, LOOKBACK
from .figure_cues import Cue, Span, cues_between
from .numbers import NumberMatch
from .pattern_cache import compile_pattern
from .segment import Article
from .textkeys import key


# what a count with no metric of its own takes from the count of the same noun before it: the
# parts of a breakdown ("tiếp nhận 7.105 hồ sơ. Phường A nhiều nhất với 1.932 hồ sơ, tiếp đến là
# phường B 1.508 hồ sơ") were received or resolved as their total was
CARRIED_ASPECTS = {"received", "resolved"}
BREAKDOWN_REACH = 20  # figures looked back for the total: bounds the work per figure


# a breakdown by field: "Lĩnh vực đất đai chiếm tỷ trọng lớn nhất với 1.806 hồ sơ", "Phân theo lĩnh
# vực, tư pháp có 412.300 hồ sơ"; or by the units with the most: "xã A và xã B có lượng hồ sơ lớn
# nhất, lần lượt là 904 và 512 hồ sơ"
FIELD_RE = compile_pattern(r"(?<!\p{L})(?:lĩnh[ \u00a0]+vực|lượng[ \u00a0]+hồ[ \u00a0]+sơ)(?!\p{L})")  # by field, or by volume
BRACKET_ITEM_REACH = 200  # characters from a bracket's opening to the item before a next one in it
FIELD_SHARE_ASPECT = "received"  # a field's dossiers, with no metric named, are the dossiers it received
# a part in brackets right after its total: "trễ hạn 8 hồ sơ (lĩnh vực đất đai 6, ...)"
BRACKETED_PART_RE = compile_pattern(r"[ \u00a0]*(?:[\p{L}][\p{L} \u00a0-]{0,20})?\([^()\d;]{0,40}")


NEXT_BRACKETED_ITEM_RE = compile_pattern(r"[ \u00a0]*[,;][ \u00a0]*[^()\d;]{0,50}")  # "; qua dịch vụ bưu chính công ích 180"


def in_brackets_after(folded: str, prev_span: list[int], pos: int) -> bool:
    """Whether the number at `pos` is a part in the brackets that break down the count at
    `prev_span`: "trễ hạn 8 hồ sơ (lĩnh vực đất đai 6, lĩnh vực xây dựng 2)"; a next item in the
    same brackets is one too."""
    start, end = prev_span
    if BRACKETED_PART_RE.fullmatch(folded, end, pos):
        return True
    opened = folded.rfind("(", max(0, start - BRACKET_ITEM_REACH), start)
    return opened >= 0 and ")" not in folded[opened:start] and NEXT_BRACKETED_ITEM_RE.fullmatch(folded, end, pos) is not None


def bracketed_part_aspect(folded: str, cues: list[Cue], num: NumberMatch, prev: dict | None) -> str | None:
    """The aspect of the count a part in brackets right after it breaks down ("hộ tịch 41 hồ sơ
    (khai sinh 23, ...)"): the count's, when no cue stands between."""
    if prev is None or prev["kind"] != "count" or prev["aspect"] in ("other", "planned"):
        return None
    if cues_between(cues, prev["span"][1], num.start) or not in_brackets_after(folded, prev["span"], num.start):
        return None
    return prev["aspect"]


def is_field_breakdown(article: Article, cues: list[Cue], num: NumberMatch, sent: Span, post_end: int) -> bool:
    """Whether a count of dossiers stands in a breakdown by field or by volume whose sentence
    names no metric but receiving ("Các lĩnh vực phát sinh nhiều hồ sơ là chứng thực (1.905 hồ
    sơ)"); a generic verb after "lĩnh vực" names the field, so it is no cue here either."""
    if any(c.specific or c.aspect != FIELD_SHARE_ASPECT for c in cues_between(cues, sent[0], post_end)):
        return False
    return FIELD_RE.search(article.folded, max(sent[0], num.start - LOOKBACK), num.start) is not None


def field_share_aspect(totals: list[str]) -> str | None:
    """A field's dossiers (the totals, `totals` latest first, stated earlier): what the field
    received, unless only a resolved total stands before it."""
    return FIELD_SHARE_ASPECT if not totals or FIELD_SHARE_ASPECT in totals else None


def _same_head(total_noun: str, part_noun: str) -> bool:
    """"hồ sơ" is a part of "hồ sơ thủ tục hành chính": the same noun, or one written longer."""
    return total_noun == part_noun or total_noun.startswith(part_noun + " ") or part_noun.startswith(total_noun + " ")


def breakdown_totals(article: Article, cues: list[Cue], num: NumberMatch, sent: Span, noun: str | None,
                     words_start: int, post_end: int, earlier: list[dict]) -> list[str]:
    """The aspects of the received or resolved counts of its noun before a count whose own
    words (from `words_start`) name no metric (in its sentence or the one before, in its
    paragraph), latest first: the totals it may be a part of."""
    if noun is None or any(c.aspect != "received" for c in cues_between(cues, words_start, post_end)):
        return []  # (its own "nộp" names no other metric: "2.190 hồ sơ nộp trực tiếp")
    para = article.paragraph_of(num.start)
    prev_sentence = article.sentence_of(sent[0] - 1) if sent[0] > para[0] else sent
    whole = key(noun)
    totals = []
    for f in reversed(earlier[-BREAKDOWN_REACH:]):
        if f["span"][0] < max(para[0], prev_sentence[0]):
            break
        if f["kind"] == "count" and f["noun"] and _same_head(key(f["noun"]), whole) and f["aspect"] in CARRIED_ASPECTS:
            totals.append(f["aspect"])  # parts of other metrics may stand between: "7.100 trực tuyến"
    return totals


# "công bố 2.041 TTHC ...; trong đó cấp tỉnh 1.611 thủ tục, cấp xã 386 thủ tục, còn lại 44 thủ
# tục", "đã kiểm tra 12 cơ quan, gồm 5 sở, ngành và 7 UBND cấp huyện": the parts of a total
# named as such take its measure
PARTS_OPEN_RE = compile_pattern(r"[^.!?\n]{0,120}?[,;:(]?[ \u00a0]*(?:trong đó|gồm có|bao gồm|gồm)[ \u00a0]*:?[ \u00a0]*(?:có[ \u00a0]+)?"
                              r"[^\d.;!?()\n]{0,30}")
NEXT_PART_RE = compile_pattern(r"[^\d.;!?()\n]{0,80}")  # ", cấp xã ", " và ", ", còn lại ", a part's long label
MEASURES_OF_PARTS = frozenset({"received", "resolved", "published", "inspected", "cut", "simplified"})
MAX_PARTS = 12
PART_MARKER_RE = compile_pattern(r"(?:trong đó|gồm có|bao gồm|gồm)")


def _part_marker_ends(article: Article) -> list[int]:
    """Where "trong đó" / "gồm" end in the body (folded), found once per article."""
    ends = article.cache.get(PART_MARKER_RE)
    if ends is None:
        ends = article.cache[PART_MARKER_RE] = [m.end() for m in PART_MARKER_RE.finditer(article.folded, *article.body)]
    return ends


def _same_kind_of_thing(total: dict, obj: str, noun: str | None) -> bool:
    """Whether a part counts what its total counts: the same object (bodies and units alike),
    and for ordinary nouns the same head ("46.000 trường hợp, trong đó có hai đợt" is not)."""
    if total["object"] in INDEX_BANDED_OBJECTS and obj in INDEX_BANDED_OBJECTS:
        return True  # "12 cơ quan, gồm 5 sở, ngành và 7 UBND cấp huyện"
    if total["object"] != obj:
        return False
    return obj != "other" or bool(noun and total["noun"] and _same_head(key(total["noun"]), key(noun)))


# "... với tổng số 1.932 TTHC thuộc thẩm quyền ... . Trong đó, cấp tỉnh 1.517 TTHC": the parts
# in the next sentence, which "Trong đó" opens, of the count that closes the sentence before
TOTAL_CLOSES_SENTENCE_RE = compile_pattern(r"[^\d!?\n]{0,160}")
WHEREOF_OPENS_RE = compile_pattern(r"trong[ \u00a0]+đó[ \u00a0]*[,:]?[ \u00a0]*(?:có[ \u00a0]+)?")
FIRST_PART_LABEL_RE = compile_pattern(r"[^\d.;!?()\n]{0,30}")


def _whereof_sentence_total(article: Article, cues: list[Cue], total: dict, sent: Span, first_part: int) -> str | None:
    """The measure of `total` when the part starting at `first_part` is the first of those a
    sentence opening with "Trong đó" names, and `total` is the last count of the sentence before."""
    folded = article.folded
    opening = WHEREOF_OPENS_RE.match(folded, sent[0])
    if (opening is None or total["aspect"] not in MEASURES_OF_PARTS or total.get("change")
            or not TOTAL_CLOSES_SENTENCE_RE.fullmatch(folded, total["span"][1], sent[0])
            or not FIRST_PART_LABEL_RE.fullmatch(folded, opening.end(), first_part)
            or cues_between(cues, opening.end(), first_part)):
        return None
    return total["aspect"]


def named_parts_aspect(article: Article, cues: list[Cue], num: NumberMatch, sent: Span, earlier: list[dict],
                       obj: str, noun: str | None) -> str | None:
    """The measure of the total whose named parts a count with no metric of its own continues:
    back over the counts before it in its sentence joined by list gaps with no cue, to one
    opened by "trong đó" / "gồm" right after a total of the same kind of thing; the total's own
    words may hold cues, the first part's label may not."""
    folded, end = article.folded, num.start
    markers = _part_marker_ends(article)
    k = bisect.bisect_right(markers, num.start)
    if k == 0 or markers[k - 1] <= sent[0]:
        return None  # no "trong đó" / "gồm" before it in its sentence: the common case, at once
    first = None  # the earliest part of the run so far
    for f in reversed(earlier[-MAX_PARTS:]):
        if f["sentence"] != list(sent):
            if f["kind"] != "count" or not _same_kind_of_thing(f, obj, noun):
                return _listed_after_marker(article, cues, first, markers[k - 1])
            return _whereof_sentence_total(article, cues, f, sent, end) or \
                _listed_after_marker(article, cues, first, markers[k - 1])
        if f["kind"] != "count" or not _same_kind_of_thing(f, obj, noun):
            return None
        start = f["span"][1]
        opened = PARTS_OPEN_RE.fullmatch(folded, start, end)
        if opened and f["aspect"] in MEASURES_OF_PARTS and not f.get("change"):
            marker_end = markers[bisect.bisect_right(markers, end) - 1]  # the last one before this part
            return None if cues_between(cues, marker_end, end) else f["aspect"]
        if not NEXT_PART_RE.fullmatch(folded, start, end) or cues_between(cues, start, end):
            return None
        end = f["span"][0]
        first = f
    return _listed_after_marker(article, cues, first, markers[k - 1])


def _listed_after_marker(article: Article, cues: list[Cue], first: dict | None, marker_end: int) -> str | None:
    """The measure of the first of the parts a sentence lists after "gồm:" with no total count
    before it ("TTHC thuộc thẩm quyền giải quyết của cấp huyện gồm: 5 thủ tục thuộc lĩnh vực ...,
    19 thủ tục ..."): the later parts take the first's."""
    if (first is None or first["aspect"] not in MEASURES_OF_PARTS or first.get("change")
            or not first["sentence"][0] <= marker_end <= first["span"][0]
            or not FIRST_PART_LABEL_RE.fullmatch(article.folded, marker_end, first["span"][0])
            or cues_between(cues, marker_end, first["span"][0])):
        return None
    return first["aspect"]
