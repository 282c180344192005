"""Administrative units named in an article, linked to the register (pipeline/gazetteer.py).

Mentions, in the order they are looked for:
1. typed: a type word and a capitalised name ("xã Chuyên Mỹ", "TP.HCM", "Quận 1", "HUYỆN TÂN
   HỒNG"); names after the same type word that follow by coordination keep the type ("xã
   Chuyên Mỹ và Thụy Phú"); a higher-level unit right after, as in "xã An Phước (huyện Tân
   Hồng)", "xã X, huyện Y" or "xã X tỉnh Y", is the explicit parent; organs ("Huyện ủy Tân
   Hồng") mention their unit; names listed in parentheses after counted types ("4 xã, thị
   trấn (A, B, C và D)"). Names are read by pipeline/unit_names.py.
2. bare: a province name standing alone as a place ("Đà Nẵng dẫn đầu"), and a name already
   typed elsewhere in the article ("Thụy Phú" after "xã Thụy Phú"), unless it is part of a
   person's or an organisation's name.
Then one unit per distinct unit (same level and name), given its register (the pre-2025 map
or the 2025 one: pipeline/unit_register.py) and linked to one entry of that register by the
context of the article (pipeline/unit_link.py).
"""
from __future__ import annotations

import bisect
import dataclasses

import functools
from dataclasses import dataclass

import regex

from .gazetteer import PRE_2025, REG_2025, REGISTERS, TYPE_LEVEL, Entry, former, gazetteer, lookup, name_key, y_i_variants
from .resources import load_yaml
from .segment import Article, Span
from .spans import SpanSet
from .textkeys import FewNamesFinder, PhraseFinder, fold, folded_alternation, phrase_alternation
from .unit_implied import implied_province
from .unit_link import RANK, Unit, assign_registers, link, name_votes
from .unit_names import (Token, canonical, common_noun_words, dash_run, name_tokens, person_name_words, read_name,
                         token_kind)
from .pattern_cache import compile_pattern
from .unit_register import listed_as_former, marked, register_of_date, text_evidence
SP = r"[ \t\u00a0]"
NOT_LETTER_RE = compile_pattern(r"\P{L}")
# "xã A, B và C"; also past a short bracketed aside: "huyện A (hơn 81%); B (hơn 80%) và C"
COORD_RE = compile_pattern(rf"(?:{SP}*\([^()\n]{{0,40}}\))?(?:{SP}*[,;]{SP}*(?:và{SP}+)?|{SP}+(?:và|hoặc|cùng){SP}+)")
PARENT_GAP_RE = compile_pattern(rf"{SP}*(?:[,(\-\u2013]|thuộc|của)?{SP}*")  # "xã X tỉnh Y" too
NEXT_WORD_RE = compile_pattern(rf"{SP}+(\p{{L}}+|\d+)")
GAP_RE = compile_pattern(rf"{SP}*:?{SP}*")  # between a type word and its name
CLAUSE_END_RE = compile_pattern(rf"[.!?:;\"\u201c\u201d(\[\-\u2013\u2014\u2022*…]{SP}*$")
ONE_MAP_TYPES = ("thị trấn", "đặc khu")  # no thị trấn after 1 July 2025, no đặc khu before


@dataclass
class Mention:
    start: int
    end: int
    level: str
    key: str  # unit identity within the level: name_key, or "#code" for a province
    name: str  # the name as written
    type: str | None  # None for a bare mention
    entry: Entry | None = None  # a province resolved by name or alias
    parent: tuple[str, str] | None = None
    group: int | None = None  # coordination group
    weak: bool = False  # a coordinated name only kept if typed elsewhere in the article


# --------------------------------------------------------------------------- lexicons


@functools.cache
def _lexicon() -> dict:
    types = load_yaml("unit_types.yml")
    context = load_yaml("unit_context.yml")
    aliases = load_yaml("province_aliases.yml")
    word_end = r"(?![\p{L}\d])"
    all_types = {**types["types"], **types["abbreviations"]}
    dotted = [w for w in all_types if w.endswith(".")]
    plain = [w for w in all_types if not w.endswith(".")]
    not_place_before = context["org_heads"] + context["person_before"] + context["street_words"]
    type_re = compile_pattern(
        rf"(?<![\p{{L}}\d])(?:(?P<organ>{folded_alternation(types['organs'])}){word_end}"
        rf"|(?P<typed>{folded_alternation(aliases['typed'])}){word_end}"
        rf"|(?P<type>{folded_alternation(dotted)}|(?:{folded_alternation(plain)}){word_end}))")
    type_phrases = [fold(w).split() for w in [*types["organs"], *aliases["typed"], *dotted, *plain]]
    return {
        "type_re": type_re,
        "type_finder": PhraseFinder(type_re, type_phrases, open_end=True),  # type_re's matches, found faster
        "types": {fold(k): v for k, v in all_types.items()},
        "abbreviations": {fold(k) for k in types["abbreviations"]},
        "organs": {_blank_key(k): v for k, v in types["organs"].items()},
        "typed": {_blank_key(k): v for k, v in aliases["typed"].items()},
        "not_after": common_noun_words(),
        "not_before_re": compile_pattern(
            rf"(?<![\p{{L}}])(?:{folded_alternation(types['not_before_type'])}){SP}+$"),
        "before_re": compile_pattern(rf"(?<![\p{{L}}])(?:{folded_alternation(not_place_before)}){SP}+$"),
        "org_head_re": compile_pattern(rf"(?<![\p{{L}}])(?:{folded_alternation(context['org_heads'])})(?![\p{{L}}])"),
        "place_words": {fold(w) for w in context["place_words"]},
        "title_before_re": compile_pattern(rf"(?<![\p{{L}}])(?:{folded_alternation(context['title_before_name'])}){SP}+$"),
        "not_bare": {name_key(n) for n in aliases["not_bare"]},
        "bare_after_change": tuple(aliases["bare_after_change"]),
    }


def _blank_key(s: str) -> str:
    return " ".join(fold(s).split())


@functools.cache
def _province_re() -> PhraseFinder:
    """Every province name and alias that may stand alone as a place."""
    names = gazetteer().province_names() - _lexicon()["not_bare"]
    # a word trie (the regex module searches it several times faster than a flat list); a
    # hyphen is a word of its own, so "Bà Rịa - Vũng Tàu" and "Bà Rịa-Vũng Tàu" both match
    words = [tuple(w for w in regex.split(r" |(-)", k) if w) for k in names]
    alternation = phrase_alternation(words, f"{SP}*", lambda w: "[-\u2013]" if w == "-" else regex.escape(w))
    pattern = compile_pattern(rf"(?<![\p{{L}}\d])(?:{alternation})(?![\p{{L}}\d])")
    # tried only where a fast `re` scan finds the names' words (hyphens aside)
    return PhraseFinder(pattern, [tuple(w for w in ws if w != "-") for ws in words])


@functools.cache
def _after_change_province_re() -> FewNamesFinder | PhraseFinder:
    """The province names that stand alone as the province on the 2025 map only ("Huế")."""
    return _known_names_finder(tuple(sorted(fold(n) for n in _lexicon()["bare_after_change"])))


def _unit_key(level: str, name: str, entry: Entry | None, utype: str | None = None) -> str:
    """Identity of a unit within its level: the province code, else the name, plus the type
    when the register has two units of that name at the level ("huyện Hồng Ngự" and "thành
    phố Hồng Ngự"). One type alone is not split: "huyện Kim Bảng" is "Thị xã Kim Bảng". A
    type of one map only is always kept apart: "thị trấn Đak Pơ" merged into "xã Đak Pơ"."""
    if level == "province" and entry:
        return f"#{entry.code}"
    k = name_key(name)
    if utype in ONE_MAP_TYPES:
        return f"{k}|{utype}"
    if utype:
        types = {e.type for e in lookup(level, name)}
        if utype in types and len(types) > 1:
            return f"{k}|{utype}"
    return k


# --------------------------------------------------------------------------- typed mentions


def _typed_mentions(text: str, folded: str, ps: int, pe: int, groups: list[int]) -> list[Mention]:
    out: list[Mention] = []
    cursor = ps
    tail: list[Mention] = []  # the last group of same-level mentions, which a parent may follow
    for m in _lexicon()["type_finder"].finditer(folded, ps, pe):
        if m.start() < cursor:
            continue
        made = _typed_at(text, folded, m, pe, groups)
        if not made:
            continue
        # "xã X (huyện Y)", "xã X, huyện Y", "xã X thuộc huyện Y": Y is the parent of the group
        first = made[0]
        if (tail and RANK[first.level] > RANK[tail[0].level]
                and PARENT_GAP_RE.fullmatch(folded, tail[-1].end, first.start)):
            for child in tail:
                child.parent = child.parent or (first.level, first.key)
        out.extend(made)
        tail = [x for x in made if x.level == made[-1].level]
        cursor = made[-1].end
    return out


def _typed_at(text: str, folded: str, m, pe: int, groups: list[int]) -> list[Mention]:
    """The mention(s) a type-word match starts: the typed one and its coordinated siblings."""
    lex = _lexicon()
    if m.group("typed"):
        utype = lex["typed"][_blank_key(m.group("typed"))]
        entry = lookup("province", m.group("typed"))[0]
        return [Mention(m.start(), m.end(), "province", _unit_key("province", "", entry),
                        entry.name, utype, entry)]
    if m.group("organ"):
        utype, name_only = lex["organs"][_blank_key(m.group("organ"))], True
    else:
        utype, name_only = lex["types"][" ".join(m.group("type").split())], False
        if lex["not_before_re"].search(folded, max(0, m.start() - 20), m.start()):
            return []
        listed = _enumeration(text, folded, m, pe, groups)
        if listed:
            return listed
    gap = GAP_RE.match(text, m.end(), pe)
    if gap.end() == m.end() and not m.group().endswith("."):
        return []  # "xã," "huyện." : no name
    tokens = name_tokens(text, gap.end(), pe)
    if not tokens or (utype == "xã" and fold(text[tokens[0].start:tokens[0].end]) in lex["not_after"]):
        return []  # "xã hội", "xã viên": common nouns (not "thành phố Hội An")
    # an all-caps type word ("XÃ") means a headline: only names the register knows
    letters = NOT_LETTER_RE.sub("", text[m.start():m.end()])
    headline = len(letters) >= 2 and letters.isupper()
    abbreviated = m.group("type") is not None and _blank_key(m.group("type")) in lex["abbreviations"]
    read = read_name(text, tokens, utype, free=not (headline or abbreviated))
    if read is None:
        return []
    k, level, entry = read
    ns, ne = tokens[0].start, tokens[k - 1].end
    name = text[ns:ne]
    if abbreviated and len(name) < 2 and not name.isdigit():
        return []  # "P.V": an initial; "P. 4" is a ward
    groups[0] += 1
    first = Mention(ns if name_only else m.start(), ne, level, _unit_key(level, name, entry, utype),
                    name, utype, entry, group=groups[0])
    return [first, *_coordinated(text, folded, first, pe, headline)]


COUNT_BEFORE_RE = compile_pattern(rf"(?<![\p{{L}}\d])(?:\d+|các|những|nhiều|một{SP}+số|một{SP}+vài|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười){SP}+$")
ENUM_ITEM_SEP_RE = compile_pattern(rf"{SP}*(?:,{SP}*(?:và{SP}+)?|{SP}và{SP}+){SP}*")
LIST_SEP_RE = compile_pattern(rf"{SP}*,{SP}*")
LIST_OPENING_RE = compile_pattern(rf"{SP}*(?:\(|:|{SP}như(?![\p{{L}}\d])){SP}*")
# "các xã vùng cao như Sìn Hồ, Than Uyên": a few words about the units, then "như" (names the
# register knows, as after "gồm")
SUCH_AS_RE = compile_pattern(rf"(?:{SP}+\p{{Ll}}+){{1,6}}{SP}+như(?![\p{{L}}\d]){SP}*")
# "5 xã vùng cao, gồm A, B và C", "3 xã gồm: A, B", "5 phường đạt tỷ lệ 100% hồ sơ giải quyết đúng
# hạn, gồm: A, B": a few words about the units (a rate among them), then "gồm"
INCLUDING_RE = compile_pattern(rf"(?:{SP}+(?:\p{{Ll}}+|\d+(?:[,.]\d+)?{SP}?%)){{0,12}}{SP}*,?{SP}*(?:gồm{SP}+có|bao{SP}+gồm|gồm|là)(?![\p{{L}}\d]){SP}*:?{SP}*")
CLAUSE_STOP_RE = compile_pattern(r"[.;!?\n()…]")
SENTENCE_PART_STOP_RE = compile_pattern(r"[.;!?\n…]")
# a value in brackets after a listed name: "các xã lân cận là Phượng Dực (79,3%) và Đại Xuyên (76,8%)"
ITEM_ASIDE_RE = compile_pattern(rf"{SP}*\([^()\n]{{1,40}}\)")
BLANKS_RE = compile_pattern(rf"{SP}*")


def _enumeration(text: str, folded: str, m, pe: int, groups: list[int]) -> list[Mention]:
    """Names listed after counted types: "4 xã, thị trấn (Vĩnh Ninh, Võ Ninh, Hàm Ninh và
    Quán Hàu)", "các xã, phường: A, B", "các xã như A, B và C", "5 xã vùng cao, gồm A, B và C".
    Each name takes the listed type the registers give it. In parentheses every item must be a
    name; after ":" or "như" the list runs to the first item that is not; after "gồm", to the
    first the register does not know."""
    lex = _lexicon()
    if not COUNT_BEFORE_RE.search(folded, max(0, m.start() - 12), m.start()):
        return []
    types = [lex["types"][" ".join(m.group("type").split())]]
    pos = m.end()
    while True:  # "xã, thị trấn", "xã, phường"
        sep = LIST_SEP_RE.match(folded, pos, pe)
        nxt = sep and lex["type_re"].match(folded, sep.end(), pe)
        if not nxt or not nxt.group("type"):
            break
        types.append(lex["types"][" ".join(nxt.group("type").split())])
        pos = nxt.end()
    opening = LIST_OPENING_RE.match(folded, pos, pe)
    including = opening is None and (INCLUDING_RE.match(folded, pos, pe) or SUCH_AS_RE.match(folded, pos, pe))
    opening = opening or including
    if not opening or len({TYPE_LEVEL[t] for t in types}) != 1:
        return []
    level = TYPE_LEVEL[types[0]]
    in_parentheses = opening.group().strip().startswith("(")
    if in_parentheses:
        close = text.find(")", opening.end(), pe)
    elif including:  # names the register knows, each maybe with a value in brackets
        m_end = SENTENCE_PART_STOP_RE.search(text, opening.end(), pe)
        close = m_end.start() if m_end else pe
    else:
        close = _clause_end(text, opening.end(), pe)
    if close < 0:
        return []
    out = _listed_names(text, opening.end(), close, level, types, in_parentheses, bool(including))
    groups[0] += 1
    for x in out:
        x.group = groups[0]
    return out


def _listed_names(text: str, pos: int, close: int, level: str, types: list[str], in_parentheses: bool,
                  known_only: bool) -> list[Mention]:
    """The names listed from `pos` to `close`, of `level` and one of `types`: in parentheses
    every item must be a name (else none is taken); with `known_only`, the list runs to the
    first name the register does not know, each name maybe with a value in brackets."""
    out: list[Mention] = []
    while pos < close:
        tokens = name_tokens(text, pos, close)
        end = dash_run(tokens, 0) if tokens else 0
        if not end or any(t.kind != "title" for t in tokens[:end]):
            if in_parentheses or not out:
                return []  # not a list of names: "(chiếm 20%)"
            break
        ns, ne = tokens[0].start, tokens[end - 1].end
        name = text[ns:ne]
        found = [e for r in REGISTERS for e in lookup(level, name, r) if e.type in types]
        if known_only and not found:
            break  # after "gồm" only names the register knows are taken for the units'
        utype = found[0].type if found and len({e.type for e in found}) == 1 else types[0]
        out.append(Mention(ns, ne, level, _unit_key(level, name, None, utype), name, utype))
        if known_only and (aside := ITEM_ASIDE_RE.match(text, ne, close)):
            ne = aside.end()
        sep = ENUM_ITEM_SEP_RE.match(text, ne, close)
        if sep is None:
            if in_parentheses and BLANKS_RE.match(text, ne, close).end() != close:
                return []
            break
        pos = sep.end()
    return out


# a ranking going on after a typed unit: "phường Thạch Thang dẫn đầu với 91,35 điểm, tiếp đến là
# Phước Ninh (90,82 điểm) và Hòa Cường Bắc (89,96 điểm)"
RANKING_GOES_ON_RE = compile_pattern(
    rf"(?<![\p{{L}}\d])(?:tiếp{SP}+(?:đến|theo|sau)|kế{SP}+(?:đến|tiếp)|xếp{SP}+sau|đứng{SP}+sau|sau{SP}+đó)"
    rf"(?:{SP}+lần{SP}+lượt)?{SP}+là{SP}*:?{SP}*")
RANKING_REACH = 200  # characters back from "tiếp đến là" to the ranked unit named with its type


def _inside_each(mentions: list[Mention], spans: list[Span]) -> list[list[Mention]]:
    """Per span, the mentions that lie inside it, in list order: each mention placed by bisection
    over the spans' starts (sorted, not overlapping), not tested against every span."""
    starts = [s for s, _ in spans]
    if any(b[0] < a[1] for a, b in zip(spans, spans[1:])):  # not sorted and apart: test every pair
        return [[x for x in mentions if s <= x.start and x.end <= e] for s, e in spans]
    inside: list[list[Mention]] = [[] for _ in spans]
    for x in mentions:
        if x.start == x.end:  # (none is empty; one would be inside both spans meeting there)
            for k, (s, e) in enumerate(spans):
                if s <= x.start <= e:
                    inside[k].append(x)
            continue
        k = bisect.bisect_right(starts, x.start) - 1
        if k >= 0 and x.end <= spans[k][1]:
            inside[k].append(x)
    return inside


def _ranking_followers(text: str, folded: str, typed: list[Mention], ps: int, pe: int) -> list[Mention]:
    """The names a ranking goes on with, after a unit named with its type in the same sentence
    (`typed`: the typed mentions inside text[ps:pe]): of that unit's level and type, the names
    the register knows."""
    out: list[Mention] = []
    ranked = [x for x in typed if x.type and x.level in ("commune", "district")]
    if not ranked:
        return out  # (most paragraphs: no scan)
    for m in RANKING_GOES_ON_RE.finditer(folded, min(x.end for x in ranked), pe):
        before = [x for x in ranked if m.start() - RANKING_REACH <= x.end <= m.start()
                  and not SENTENCE_PART_STOP_RE.search(text, x.end, m.start())]
        if not before:
            continue
        last = before[-1]
        stop = SENTENCE_PART_STOP_RE.search(text, m.end(), pe)
        out += _listed_names(text, m.end(), stop.start() if stop else pe, last.level, [last.type], False, True)
    return out


def _clause_end(text: str, pos: int, pe: int) -> int:
    m = CLAUSE_STOP_RE.search(text, pos, pe)
    return m.start() if m else pe


# "xã Vĩnh Điều, Giang Thành và Sơn Hải": a name the list goes on after is a sibling, not the
# first one's district ("xã An Phước, Tân Thành" names its district)
LIST_GOES_ON_RE = compile_pattern(rf"{SP}+và{SP}+\p{{Lu}}")


def _coordinated(text: str, folded: str, first: Mention, pe: int, headline: bool) -> list[Mention]:
    """Names after "xã A" joined by "," / "và" that keep its type: "xã A, B và C"."""
    out: list[Mention] = []
    prev = first
    while True:
        c = COORD_RE.match(folded, prev.end, pe)
        if not c or _lexicon()["type_re"].match(folded, c.end(), pe):
            break
        tokens = name_tokens(text, c.end(), pe)
        if not tokens:
            break
        parent = _bare_parent(text, tokens, first)
        if parent is not None and "," in c.group() and not LIST_GOES_ON_RE.match(text, parent.end, pe):
            first_parent = (parent.level, parent.key)
            for x in [first, *out]:
                x.parent = x.parent or first_parent
            out.append(parent)
            break
        read = read_name(text, tokens, first.type, free=not headline)
        if read is None:
            break
        k, level, entry = read
        if level != first.level:
            break
        ns, ne = tokens[0].start, tokens[k - 1].end
        head = _lexicon()["org_head_re"].match(folded, ns, pe)
        if head and head.end() > ne:
            break  # "xã Lai Hòa, Trung tâm PVHCC ...": an organisation, not a sibling "Trung"
        name = text[ns:ne]
        # a name of either map: "các phường Xuân Hương - Đà Lạt, Phan Thiết và Bắc Gia Nghĩa" (2025 only)
        weak = not any(lookup(level, name, r) for r in REGISTERS) and not former(level, name)
        prev = Mention(ns, ne, level, _unit_key(level, name, entry, first.type), name, first.type,
                       entry, group=first.group, weak=weak)
        out.append(prev)
    return out


def _bare_parent(text: str, tokens: list[Token], child: Mention) -> Mention | None:
    """"xã An Phước, Tân Hồng": a name after a comma that is the district (or province) of one
    of the child's candidates is its parent, not a sibling."""
    kids = lookup(child.level, child.name)
    for k in range(len(tokens), 0, -1):
        name = text[tokens[0].start:tokens[k - 1].end]
        if RANK[child.level] < RANK["district"]:
            for d in lookup("district", name):
                if any(kid.district_code == d.code for kid in kids):
                    return Mention(tokens[0].start, tokens[k - 1].end, "district",
                                   _unit_key("district", name, None, d.type), name, None)
        for p in lookup("province", name):
            if any(kid.province_code == p.code for kid in kids):
                return Mention(tokens[0].start, tokens[k - 1].end, "province",
                               _unit_key("province", name, p), name, None, p)
    return None


# --------------------------------------------------------------------------- bare mentions

PREV_WORD_RE = compile_pattern(rf"(\p{{L}}+(?:['\u2019]\p{{L}}+)*|\d+){SP}+$")
CLAUSE_BREAK_RE = compile_pattern(r"[^\p{L}\d \t\u00a0'\u2019&]")
NON_BLANK_RE = compile_pattern(r"\S+")
LETTERS_RE = compile_pattern(r"\p{L}+")


def _prev_token(text: str, start: int, ps: int) -> tuple[int, int] | None:
    """The word right before `start` when only blanks separate them."""
    m = PREV_WORD_RE.search(text[max(ps, start - 40):start])
    if not m:
        return None
    off = max(ps, start - 40)
    return off + m.start(1), off + m.end(1)


def _inside_org(text: str, folded: str, s: int, ps: int, max_words: int = 6) -> bool:
    """A capitalised organisation head a few words before `s` in the same clause, with no place
    word between: "Sở Giao thông vận tải [Hà Nội]"."""
    lex = _lexicon()
    start = max(ps, s - 80)
    clause = CLAUSE_BREAK_RE.split(folded[start:s])[-1]
    offset = s - len(clause)
    words = list(NON_BLANK_RE.finditer(clause))[-max_words:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].group() in lex["place_words"]:
            words = words[i + 1:]
            break
    if not words:
        return False
    for m in lex["org_head_re"].finditer(folded, offset + words[0].start(), s):
        if text[m.start()].isupper():
            return True
    return False


# a person's full name: a family name and one to three more capitalised syllables, then no
# further capitalised word
PERSON_AFTER_RE = compile_pattern(r"[ \u00a0]+\p{Lu}\p{Ll}*(?:[ \u00a0]+\p{Lu}\p{Ll}*){1,3}(?![ \u00a0]*\p{Lu})(?!\p{L})")


def _is_bare_place(text: str, folded: str, s: int, e: int, ps: int, pe: int) -> bool:
    """A capitalised name standing alone: not all caps, not inside a run of capitalised words
    (a person, "Thái Bình Dương"), not after an organisation head or a person's title."""
    words = LETTERS_RE.findall(text[s:e])
    if not all(w[0].isupper() for w in words) or all(w.isupper() for w in words):
        return False
    nxt = NEXT_WORD_RE.match(text, e, pe)
    prev = _prev_token(text, s, ps)
    if nxt and token_kind(nxt.group(1)) in ("title", "caps") and not (
            PERSON_AFTER_RE.match(text, e, pe) and fold(nxt.group(1)) in person_name_words().common
            and _lexicon()["title_before_re"].search(folded, max(ps, s - 20), s)):
        # a capitalised word after the name continues it ("Thái Bình Dương"), unless the name
        # sits between a title and a person's full name: "Bí thư Hà Nội Hoàng Trung Hải"
        return False
    if _lexicon()["before_re"].search(folded, max(ps, s - 40), s) or _inside_org(text, folded, s, ps):
        return False
    if prev and token_kind(text[prev[0]:prev[1]]) in ("title", "caps"):
        # "Tại Đà Nẵng" is fine; "Cục Thuế Hà Nội", "Nguyễn Thái Bình" are not
        before = text[ps:prev[0]]
        return not before.strip() or bool(CLAUSE_END_RE.search(before))
    return True


# a district and the town at its seat (a thị trấn: the pre-2025 map), of one name; on the 2025 map
# an abolished district's name lives on as a commune's, and said alone means the commune
SEAT_LEVELS = {"district", "commune"}
SEAT_KEY_END = "|thị trấn"


def _bare_mentions(text: str, folded: str, spans: list[Span], typed: list[Mention],
                   after_change: bool = False) -> list[Mention]:
    lex = _lexicon()
    taken = sorted((m.start, m.end) for m in typed)
    by_name: dict[str, set[tuple[str, str]]] = {}
    names: dict[tuple[str, str], str] = {}
    for m in typed:
        if m.weak or m.level == "province":
            continue
        k = name_key(m.name)
        if len(k.split()) >= 2 and k not in lex["not_bare"]:
            by_name.setdefault(k, set()).add((m.level, m.key))
            names[(m.level, m.key)] = m.name
    # sought as written (folded) as well as by key: a key spells a final "y" as "i" ("Tam Kỳ" is
    # keyed "tam kì"), the text need not
    known = _known_names_finder(tuple(sorted(set(by_name) | {fold(n) for n in names.values()}))) if by_name else None
    taken = SpanSet(taken)
    out: list[Mention] = []
    for ps, pe in spans:
        found = [(x.start(), x.end(), "province") for x in _province_re().finditer(folded, ps, pe)]
        if after_change:
            found += [(s, e, "province") for s, e in _after_change_province_re().spans(folded, ps, pe)]
        if known:
            found += [(s, e, "known") for s, e in known.spans(folded, ps, pe)]
        for s, e, how in sorted(found, key=lambda f: (f[0], -f[1])):
            if taken.overlaps(s, e):
                continue
            if not _is_bare_place(text, folded, s, e, ps, pe):
                continue
            name = text[s:e]
            if how == "province":
                entry = lookup("province", name)[0]
                mention = Mention(s, e, "province", _unit_key("province", name, entry), name,
                                  None, entry)
            else:
                owners = by_name.get(name_key(name), set())
                if (len(owners) == 2 and {level for level, _ in owners} == SEAT_LEVELS
                        and any(level == "commune" and ukey.endswith(SEAT_KEY_END) for level, ukey in owners)):
                    # "Đăk Hà: ..." beside "huyện Đăk Hà" and "thị trấn Đăk Hà": said alone, the district
                    owners = {o for o in owners if o[0] == "district"}
                if len(owners) != 1:
                    continue  # the same name at two levels: no way to tell which
                level, ukey = next(iter(owners))
                mention = Mention(s, e, level, ukey, names[(level, ukey)], None)
            out.append(mention)
            taken.add(s, e)
    return out


def _known_names_finder(names: tuple[str, ...]) -> FewNamesFinder | PhraseFinder:
    """The bare-name finder of `names`: most articles name a few, found without compiling."""
    return FewNamesFinder(names) if FewNamesFinder.usable(names) else _known_names_re(names)


@functools.lru_cache(maxsize=1024)
def _known_names_re(names: tuple[str, ...]) -> PhraseFinder:
    """The article's typed unit names (folded keys) as a bare-name pattern, tried only where a
    name starts (a long article names hundreds: a flat alternation of them all, tried at every
    character, made the cost per character grow with the article); articles of one source
    repeat the same sets of names."""
    # the article's own names: not for the pattern cache (pattern_cache.py)
    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?:{folded_alternation(names)})(?![\p{{L}}\d])")
    return PhraseFinder(pattern, (fold(n).split() for n in names))


# --------------------------------------------------------------------------- main


def _units_of(mentions: list[Mention]) -> dict[tuple[str, str], Unit]:
    strong = {(m.level, m.key) for m in mentions if not m.weak}
    units: dict[tuple[str, str], Unit] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        uid = (m.level, m.key)
        if m.weak and uid not in strong:
            continue
        u = units.get(uid)
        if u is None:
            name = canonical(m.name)
            u = units[uid] = Unit(m.level, name, entry=m.entry)
        if u.type is None and m.type is not None:
            u.type = m.type
        u.mentions.append((m.start, m.end))
        if m.parent:
            u.parents.add(m.parent)
        if m.group is not None:
            u.groups.add(m.group)
    for u in units.values():
        if u.level == "province" and u.entry:
            u.type = u.entry.type  # "ba tỉnh Đắk Nông, Hưng Yên và Hải Phòng": a city all the same
        if u.type is None:
            found = u.entry and [u.entry] or lookup(u.level, u.name)
            u.type = found[0].type if found else ("tỉnh" if u.level == "province" else None)
    return units


NUMBERED_NAME_RE = compile_pattern(r"(?:Quận|Phường)\s+(\d+)")


def _record(i: int, u: Unit) -> dict:
    e = u.entry
    name = e.name if e else u.name
    if e and y_i_variants(name, u.name):
        name = u.name  # "Phú Quý" as the article writes it, where the register writes "Phú Quí"
    numbered = NUMBERED_NAME_RE.fullmatch(name)
    if numbered:  # the register's "Quận 1" is type "quận", name "1", as "xã Chuyên Mỹ" is "Chuyên Mỹ"
        name = numbered.group(1)
    district = e.district if e else u.district
    province = e.province if e else u.province
    if u.level == "province":
        district = province = None
    elif u.level == "district" or u.register == REG_2025:
        district = None
    return {
        "id": f"u{i}",
        "type": u.type,
        "name": name,
        "code": e.code if e else None,
        "district": district,
        "province": province,
        "code_2025": e.code_2025 if e else None,
        "mentions": [list(s) for s in sorted(set(u.mentions))],
        "register": u.register,
        "predecessors": list(e.predecessors) if e else [],
    }


PAST_KEY_SUFFIX = " (cũ)"  # the key of a unit as it was, beside the same name as it is


def _era(article: Article, folded: str, units: dict[tuple[str, str], Unit]) -> str:
    """The map the article is written on: its date, else its reported dates, its 2025-only
    phrases and its names (pipeline/unit_register.py)."""
    era = register_of_date(article.published)
    if era is None:
        start, end = article.body
        era = REG_2025 if text_evidence(folded, start, end) + name_votes(units) > 0 else PRE_2025
    return era


def extract_units(article: Article) -> tuple[list[dict], list[str]]:
    """(units, warnings) of the article's body; see SCHEMA.md `Unit`."""
    text, folded = article.text, article.folded or fold(article.text)
    spans = article.paragraphs or [article.body]
    groups = [0]  # coordination group counter, shared by the paragraphs
    typed: list[Mention] = []
    for ps, pe in spans:
        typed += _typed_mentions(text, folded, ps, pe, groups)
    followers: list[Mention] = []
    for (ps, pe), inside in zip(spans, _inside_each(typed, spans)):
        inside += [x for x in followers if ps <= x.start and x.end <= pe]
        followers += _ranking_followers(text, folded, inside, ps, pe)
    typed += followers
    mentions = typed + _bare_mentions(text, folded, spans, typed, register_of_date(article.published) == REG_2025)
    units = _units_of(mentions)
    era = _era(article, folded, units)
    for uid, u in list(units.items()):
        pasts = [marked(folded, e, "past_after") or listed_as_former(folded, s, article.paragraph_of(s)[0])
                 for s, e in u.mentions]
        u.new = any(marked(folded, e, "new_after") for _, e in u.mentions)
        if era == REG_2025 and not u.new and any(pasts) and not all(pasts):
            # "Tỉnh Quảng Trị tổng kết năm 2025 ... tỉnh Quảng Trị (cũ) xếp thứ 39/63": the
            # province of today and the one it was, two units
            units[(uid[0], uid[1] + PAST_KEY_SUFFIX)] = dataclasses.replace(
                u, mentions=[m for m, p in zip(u.mentions, pasts) if p], parents=set(u.parents),
                groups=set(u.groups), past=True)
            u.mentions = [m for m, p in zip(u.mentions, pasts) if not p]
            continue
        # "tỉnh Quảng Trị (cũ)" beside "tỉnh Quảng Trị (mới)": the unit the article names is
        # the one most mentions mean
        past = sum(pasts)
        u.past = not u.new and past > 0 and 2 * past >= len(u.mentions)
    assign_registers(units, era)
    warnings = link(units)
    implied = implied_province(text, folded, article.body, article.lead_end, list(units.values()))
    if implied is not None:
        units[("province", _unit_key("province", implied.name, implied.entry))] = implied
    ordered = sorted(units.values(), key=lambda u: min(u.mentions))
    return [_record(i, u) for i, u in enumerate(ordered, 1)], warnings
