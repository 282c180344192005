"""Administrative units named in an article, linked to the register (pipeline/gazetteer.py).

Mentions, in the order they are looked for:
1. typed (pipeline/unit_mentions.py): a type word and a capitalised name ("xã Chuyên Mỹ", "TP.HCM", "Quận 1", "HUYỆN TÂN
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

import dataclasses

from .gazetteer import PRE_2025, REG_2025, lookup, name_key, y_i_variants
from .pattern_cache import compile_pattern
from .segment import Article, Span
from .spans import SpanSet
from .textkeys import fold
from .unit_implied import implied_province
from .unit_link import Unit, assign_registers, link, name_votes
from .unit_names import canonical, person_name_words, token_kind
from .unit_register import listed_as_former, marked, register_of_date, text_evidence
from .unit_mentions import (CLAUSE_END_RE, NEXT_WORD_RE, SP, Mention, after_change_province_finder, inside_each, known_names_finder,
                            lexicon, province_finder, ranking_followers, typed_mentions, unit_key)


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
    lex = lexicon()
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
            and lexicon()["title_before_re"].search(folded, max(ps, s - 20), s)):
        # a capitalised word after the name continues it ("Thái Bình Dương"), unless the name
        # sits between a title and a person's full name: "Bí thư Hà Nội Hoàng Trung Hải"
        return False
    if lexicon()["before_re"].search(folded, max(ps, s - 40), s) or _inside_org(text, folded, s, ps):
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
    lex = lexicon()
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
    known = known_names_finder(tuple(sorted(set(by_name) | {fold(n) for n in names.values()}))) if by_name else None
    taken = SpanSet(taken)
    out: list[Mention] = []
    for ps, pe in spans:
        found = [(x.start(), x.end(), "province") for x in province_finder().finditer(folded, ps, pe)]
        if after_change:
            found += [(s, e, "province") for s, e in after_change_province_finder().spans(folded, ps, pe)]
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
                mention = Mention(s, e, "province", unit_key("province", name, entry), name,
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
        typed += typed_mentions(text, folded, ps, pe, groups)
    followers: list[Mention] = []
    for (ps, pe), inside in zip(spans, inside_each(typed, spans)):
        inside += [x for x in followers if ps <= x.start and x.end <= pe]
        followers += ranking_followers(text, folded, inside, ps, pe)
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
        units[("province", unit_key("province", implied.name, implied.entry))] = implied
    ordered = sorted(units.values(), key=lambda u: min(u.mentions))
    return [_record(i, u) for i, u in enumerate(ordered, 1)], warnings
