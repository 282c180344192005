"""Unit mentions named with their type: a type word and a capitalised name ("xã Chuyên Mỹ",
"TP.HCM", "Quận 1", "HUYỆN TÂN HỒNG"); names after the same type word that follow by
coordination keep the type ("xã Chuyên Mỹ và Thụy Phú"); a higher-level unit right after, as in
"xã An Phước (huyện Tân Hồng)", "xã X, huyện Y" or "xã X tỉnh Y", is the explicit parent; organs
("Huyện ủy Tân Hồng") mention their unit; names listed in parentheses after counted types ("4 xã,
thị trấn (A, B, C và D)") and the names a ranking goes on with. Names are read by
pipeline/unit_names.py; `units.py` adds the bare mentions and makes the units."""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from .gazetteer import REGISTERS, TYPE_LEVEL, Entry, former, gazetteer, lookup, name_key
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .segment import Span
from .textkeys import FewNamesFinder, PhraseFinder, fold, folded_alternation, phrase_alternation
from .unit_link import RANK
from .unit_names import Token, common_noun_words, dash_run, name_tokens, read_name

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
def lexicon() -> dict:
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
def province_finder() -> PhraseFinder:
    """Every province name and alias that may stand alone as a place."""
    names = gazetteer().province_names() - lexicon()["not_bare"]
    # a word trie (the regex module searches it several times faster than a flat list); a
    # hyphen is a word of its own, so "Bà Rịa - Vũng Tàu" and "Bà Rịa-Vũng Tàu" both match
    words = [tuple(w for w in regex.split(r" |(-)", k) if w) for k in names]
    alternation = phrase_alternation(words, f"{SP}*", lambda w: "[-\u2013]" if w == "-" else regex.escape(w))
    pattern = compile_pattern(rf"(?<![\p{{L}}\d])(?:{alternation})(?![\p{{L}}\d])")
    # tried only where a fast `re` scan finds the names' words (hyphens aside)
    return PhraseFinder(pattern, [tuple(w for w in ws if w != "-") for ws in words])


@functools.cache
def after_change_province_finder() -> FewNamesFinder | PhraseFinder:
    """The province names that stand alone as the province on the 2025 map only ("Huế")."""
    return known_names_finder(tuple(sorted(fold(n) for n in lexicon()["bare_after_change"])))


def unit_key(level: str, name: str, entry: Entry | None, utype: str | None = None) -> str:
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


def known_names_finder(names: tuple[str, ...]) -> FewNamesFinder | PhraseFinder:
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


# --------------------------------------------------------------------------- typed mentions


def typed_mentions(text: str, folded: str, ps: int, pe: int, groups: list[int]) -> list[Mention]:
    out: list[Mention] = []
    cursor = ps
    tail: list[Mention] = []  # the last group of same-level mentions, which a parent may follow
    for m in lexicon()["type_finder"].finditer(folded, ps, pe):
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
    lex = lexicon()
    if m.group("typed"):
        utype = lex["typed"][_blank_key(m.group("typed"))]
        entry = lookup("province", m.group("typed"))[0]
        return [Mention(m.start(), m.end(), "province", unit_key("province", "", entry),
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
    first = Mention(ns if name_only else m.start(), ne, level, unit_key(level, name, entry, utype),
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
    lex = lexicon()
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
        out.append(Mention(ns, ne, level, unit_key(level, name, None, utype), name, utype))
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


def inside_each(mentions: list[Mention], spans: list[Span]) -> list[list[Mention]]:
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


def ranking_followers(text: str, folded: str, typed: list[Mention], ps: int, pe: int) -> list[Mention]:
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
        if not c or lexicon()["type_re"].match(folded, c.end(), pe):
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
        head = lexicon()["org_head_re"].match(folded, ns, pe)
        if head and head.end() > ne:
            break  # "xã Lai Hòa, Trung tâm PVHCC ...": an organisation, not a sibling "Trung"
        name = text[ns:ne]
        # a name of either map: "các phường Xuân Hương - Đà Lạt, Phan Thiết và Bắc Gia Nghĩa" (2025 only)
        weak = not any(lookup(level, name, r) for r in REGISTERS) and not former(level, name)
        prev = Mention(ns, ne, level, unit_key(level, name, entry, first.type), name, first.type,
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
                                   unit_key("district", name, None, d.type), name, None)
        for p in lookup("province", name):
            if any(kid.province_code == p.code for kid in kids):
                return Mention(tokens[0].start, tokens[k - 1].end, "province",
                               unit_key("province", name, p), name, None, p)
    return None
