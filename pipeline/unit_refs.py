"""The article's references to its units: named mentions, and generic ones ("của xã", "UBND
huyện") resolved to the last unit of that type named before them, aggregates ("các xã, thị
trấn"), in text order. Read by the subject rules (`subjects.py`)."""
from __future__ import annotations

import bisect
from typing import NamedTuple

from .figure_cues import DATE_BEFORE_RE, LEVEL_BEFORE_RE, NUMBER_BEFORE_RE, Span
from .pattern_cache import compile_pattern
from .segment import Article
from .spans import SpanSet
from .textkeys import PhraseFinder
from .unit_names import common_noun_words, starts_person_name

TYPE_WORDS = r"thị trấn|thị xã|thành phố|tp\.?|xã|phường|huyện|quận|tỉnh|đặc khu"
UNIT_TYPE_RE = compile_pattern(
    r"(?<![\p{L}\d])(?P<plural>(?:các|những|toàn bộ các|tất cả các|100% các?)[ \u00a0]+)?"
    rf"(?P<type>{TYPE_WORDS})(?![\p{{L}}\d])"
    # ("các xã, phường, đặc khu", "quận, huyện, thị xã": types listed together; "đặc khu" only after "các")
    r"(?P<more>(?(plural)(?:(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+và[ \u00a0]+)(?:thị trấn|thị xã|phường|xã|thành phố|đặc khu|huyện|quận)(?![\p{L}\d]))+"
    r"|(?:(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+và[ \u00a0]+)(?:thị trấn|thị xã|phường|xã|thành phố|huyện|quận)(?![\p{L}\d]))+))?"
)
# UNIT_TYPE_RE tried only where one of the words its matches start with stands (a `re` scan)
UNIT_TYPE_FINDER = PhraseFinder(UNIT_TYPE_RE, [(w,) for w in ("các", "những", "toàn", "tất", "100", "thị", "thành", "tp",
                                                             "xã", "phường", "huyện", "quận", "tỉnh", "đặc")])
TYPE_CANON = {"tp": "thành phố", "tp.": "thành phố"}
PAST_REGISTER = "pre-2025"  # a unit's `register` when the article names it as it was before the 2025 merger


class UnitRef(NamedTuple):  # a tuple, so that lists of them sorted by start bisect by (start,) in C
    start: int
    end: int
    unit_id: str | None
    aggregate: str | None
    in_title: bool = False  # "Phó Chủ tịch UBND tỉnh Trần Quang Lâm": the organisation of an official's title


SYSTEM_REACH = 60
SYSTEM_OWNER_BEFORE_RE = compile_pattern(
    r"(?<![\p{L}])cổng[ \u00a0]+(?:dịch[ \u00a0]+vụ[ \u00a0]+công|thông[ \u00a0]+tin[ \u00a0]+điện[ \u00a0]+tử)"
    r"(?:[ \u00a0]+(?:trực[ \u00a0]+tuyến|một[ \u00a0]+cửa|điện[ \u00a0]+tử))?(?:[ \u00a0]+của)?[ \u00a0]*$")


def unit_refs(article: Article, units: list[dict]) -> list[UnitRef]:
    """Named mentions of units plus generic references ("của xã", "UBND huyện") resolved to
    the last unit of that type named before them, and aggregates ("các xã, thị trấn")."""
    text, folded = article.text, article.folded
    named: list[tuple[int, int, dict]] = sorted(
        (s, e, u) for u in units for s, e in u.get("mentions", []))
    refs = [UnitRef(s, e, u["id"], None) for s, e, u in named]
    generic: list[int] = []  # starts of the generic references resolved to a unit
    covered = SpanSet((s, e) for s, e, _ in named)
    named_of_type = _positions_by_type(named)
    current_of_type = _positions_by_type(named, lambda u: u.get("register") != PAST_REGISTER)
    for m in UNIT_TYPE_FINDER.finditer(folded, *article.body):
        ts, te = m.span("type")
        if covered.overlaps(ts, ts + 1):
            continue
        after = text[te:te + 3].lstrip()
        name_follows = after[:1].isupper() or after[:1].isdigit()
        in_title = name_follows and _person_after(folded, te)
        if name_follows and not in_title:
            continue  # a named unit the units stage did not resolve, or "Quận 3" (not "UBND tỉnh Trần Quang Lâm")
        if _common_noun_after(folded, te):
            continue  # "xã hội", "xã viên": a common noun
        before = folded[max(0, ts - 40):ts]
        if NUMBER_BEFORE_RE.search(before) and not DATE_BEFORE_RE.search(before):
            continue  # "9/9 xã": the counted noun of a figure, not a reference
        level = LEVEL_BEFORE_RE.search(folded[max(0, ts - 8):ts])
        if level and not (m["more"] and level.group().startswith("khối")):
            continue  # "cấp xã", "khối huyện": a level of government ("khối xã, phường": those units together)
        utype = TYPE_CANON.get(m["type"], m["type"])
        end = m.end()
        if m["more"] and not _types_listed(folded, ts, end, covered):
            end = te  # "của UBND quận, quận đã kiểm tra", "khối quận, quận Long Biên dẫn đầu": no list of types
        if m["plural"] or end > te:
            refs.append(UnitRef(m.start(), end, None, text[ts:end].strip()))
            continue
        # after the 2025 merger a generic reference is to a unit that exists, not to one merged
        # into it ("xã An Nghĩa được thành lập từ xã Phú Thành, xã Phú Nghĩa ... xã đã đạt 15/19")
        prior = (_last_named(named, current_of_type, utype, ts, anywhere=False)
                 or _last_named(named, named_of_type, utype, ts, anywhere=False)
                 or _last_named(named, current_of_type, utype, ts)
                 or _last_named(named, named_of_type, utype, ts))
        if prior is not None:
            refs.append(UnitRef(ts, te, prior["id"], None, in_title))
            generic.append(ts)
    refs.sort(key=lambda r: r.start)
    if generic:
        _own_unit_over_listed(article, refs, set(generic))
    # the unit in a system's name ("qua Cổng dịch vụ công tỉnh Nghệ An", "Cổng dịch vụ công trực
    # tuyến của tỉnh") owns the system, not the figures counted on it
    return [r for r in refs if not SYSTEM_OWNER_BEFORE_RE.search(folded, max(0, r.start - SYSTEM_REACH), r.start)]


LISTED_TYPE_RE = compile_pattern(TYPE_WORDS)


def _types_listed(folded: str, start: int, end: int, covered: SpanSet) -> bool:
    """Whether the unit types in folded[start:end] are a list of types ("quận, huyện, thị xã"): each
    named once, none of them opening a unit's name."""
    types = [t.group() for t in LISTED_TYPE_RE.finditer(folded, start, end)]
    return len(set(types)) == len(types) and not covered.overlaps(start, end)


def _own_unit_over_listed(article: Article, refs: list[UnitRef], generic_starts: set[int]) -> None:
    """A generic reference whose unit was last named in a list of several, after the article's
    own unit of that type (named in its headline or lead) and in another sentence than both,
    refers to the own unit, not to the list's last item: "So với các phường lân cận, phường
    Trường Vinh và Vinh Hưng lần lượt tiếp nhận ...", then "phường đang triển khai"; "Hai đặc khu
    còn lại ... là Kiên Hải và Thổ Châu", then "Công an đặc khu". `refs` is changed in place."""
    types = article.cache[UNIT_TYPES]
    last_named: dict[str, UnitRef] = {}
    for k, r in enumerate(refs):
        if r.unit_id is None:
            continue
        if r.start not in generic_starts:
            last_named[r.unit_id] = r
            continue
        named = last_named.get(r.unit_id)
        own = main_unit(article, refs) if named is not None else None
        # (the cheap tests first: a list and sentences need the paragraphs split into sentences)
        if (own is not None and own.unit_id != r.unit_id and types.get(own.unit_id) == types.get(r.unit_id)
                and own.start < named.start and in_a_list(article, refs, named)
                and article.sentence_of(named.start) not in (article.sentence_of(r.start), article.sentence_of(own.start))):
            refs[k] = r._replace(unit_id=own.unit_id)


def _positions_by_type(named: list[tuple[int, int, dict]], keep=lambda u: True) -> dict[str, tuple[list[int], list[int]]]:
    """Unit type -> (starts, indexes into `named`) of the named mentions of units of that type
    (of the units `keep` accepts)."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    for i, (s, _, u) in enumerate(named):
        if not keep(u):
            continue
        starts, indexes = out.setdefault(u["type"], ([], []))
        starts.append(s)
        indexes.append(i)
    return out


def _last_named(named, of_type, utype: str, ts: int, anywhere: bool = True) -> dict | None:
    """The unit of the last mention in `named` of a unit of `utype`'s level starting before
    `ts`, else (if `anywhere`) of the last such mention anywhere; bisected per type, not
    scanned per reference."""
    before = last_anywhere = -1
    for t, (starts, indexes) in of_type.items():
        if _same_level(t, utype):
            k = bisect.bisect_left(starts, ts)
            if k:
                before = max(before, indexes[k - 1])
            last_anywhere = max(last_anywhere, indexes[-1])
    last = before if before >= 0 or not anywhere else last_anywhere
    return named[last][2] if last >= 0 else None


UNIT_TYPES = "unit_types"  # article.cache key: unit id -> type, set by extract_figures
UNITS_BY_ID = "units_by_id"  # article.cache key: unit id -> unit, set by extract_figures
NEXT_WORD_RE = compile_pattern(r"[ \u00a0]+(\p{L}+)")
NEXT_TWO_WORDS_RE = compile_pattern(r"[ \u00a0]+(\p{L}+)[ \u00a0]+(\p{L}+)")


def _person_after(folded: str, pos: int) -> bool:
    """Whether a person's name follows: "Phó Chủ tịch UBND tỉnh Trần Quang Lâm" refers to the
    province and names its official."""
    m = NEXT_TWO_WORDS_RE.match(folded, pos)
    return bool(m) and starts_person_name(m[1], m[2])


def _common_noun_after(folded: str, pos: int) -> bool:
    """Whether the word after a type word makes it a common noun: "xã hội", "xã viên"."""
    m = NEXT_WORD_RE.match(folded, pos)
    return bool(m) and m[1] in common_noun_words()


LEVEL_RANK = {"tỉnh": 0, "thành phố": 1, "huyện": 2, "quận": 2, "thị xã": 2, "đặc khu": 3,
              "phường": 3, "xã": 3, "thị trấn": 3}


def in_a_list(article: Article, refs: list[UnitRef], ref: UnitRef, within: Span | None = None) -> bool:
    """Whether `ref` is one of several units its sentence (or the span `within`: its
    paragraph) names (a ranking list, examples)."""
    ss, se = within or article.sentence_of(ref.start)
    i = bisect.bisect_left(refs, (ss,))
    j = bisect.bisect_left(refs, (se,))
    return len({r.unit_id for r in refs[i:j] if r.unit_id is not None and not r.in_title}) >= 2


def _same_level(a: str, b: str) -> bool:
    return a == b


LOCATOR_OPEN_RE = compile_pattern(r"\s*\(\s*")
LOCATOR_CLOSE_RE = compile_pattern(r"\s*\)")
APPOSED_LOCATOR_OPEN_RE = compile_pattern(r"\s*,\s*(?:thuộc|nằm\s+trên|trên)(?:\s+địa\s+bàn)?\s+")
APPOSED_LOCATOR_CLOSE_RE = compile_pattern(r"(?:\s*\(\s*(?:cũ|mới)\s*\))?\s*,")


def main_unit(article: Article, refs: list[UnitRef]) -> UnitRef | None:
    """The unit the article is about: of the units its headline names, else its lead, the one
    of the highest level (a province over its districts, the earliest of equals), never a
    bracketed locator."""
    key_ = ("main_unit", id(refs))
    if key_ not in article.cache:
        # not a bracketed locator: "phường Cái Khế (TP Cần Thơ)" is about the ward
        lead = [r for k, r in enumerate(refs) if r.unit_id is not None and r.start < article.lead_end
                and not locates(article, refs, k)]
        headline_end = article.paragraphs[0][1] if article.paragraphs else 0
        headline = [r for r in lead if r.start < headline_end]
        types = article.cache[UNIT_TYPES]
        rank = lambda r: LEVEL_RANK.get(types.get(r.unit_id), 9)
        named = headline or lead  # the headline's units first: the lead may name the province around them
        article.cache[key_] = min(named, key=rank) if named else None
    return article.cache[key_]


def locates(article: Article, refs: list[UnitRef], k: int) -> bool:
    """Whether refs[k] only places the unit named right before it: "Xã Tân Hưng (Hải Phòng)",
    "Phường Mũi Né, thuộc địa bàn tỉnh Bình Thuận (cũ), đạt 92,3 điểm"."""
    if k == 0 or refs[k - 1].unit_id is None:
        return False
    folded = article.folded
    return bool((LOCATOR_OPEN_RE.fullmatch(folded, refs[k - 1].end, refs[k].start)
                 and LOCATOR_CLOSE_RE.match(folded, refs[k].end))
                or (APPOSED_LOCATOR_OPEN_RE.fullmatch(folded, refs[k - 1].end, refs[k].start)
                    and APPOSED_LOCATOR_CLOSE_RE.match(folded, refs[k].end)))
