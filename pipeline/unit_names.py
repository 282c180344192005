"""Names of administrative units as written after their type word: the capitalised (or
numbered) words that follow it, and how many of them make the name, read against both
registers (pipeline/gazetteer.py). Used by pipeline/unit_mentions.py."""
from __future__ import annotations

import functools

from dataclasses import dataclass
from typing import NamedTuple

import regex

from .gazetteer import REGISTERS, TYPE_LEVEL, Entry, former, lookup, name_key
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import fold, normalize_tones

SP = r"[ \t\u00a0]"
TOKEN_RE = compile_pattern(r"\p{L}+(?:['\u2019]\p{L}+)*|\d+")
SEP_RE = compile_pattern(rf"{SP}*[-\u2013]{SP}*|{SP}+")
CAPS_NAME_MIN = 2  # an all-caps token of this length or more is an acronym ("UBND") in running text
FREE_NAME_MAX = 3  # an unregistered commune name runs at most this many syllables


@dataclass
class Token:
    start: int
    end: int
    kind: str  # "title" ("Chuyên"), "caps" ("UBND", "HỒNG"), "num" ("12")
    dash_before: bool = False



def token_kind(tok: str) -> str | None:
    if tok.isdigit():
        return "num"
    if not tok[0].isupper():
        return None
    letters = [c for c in tok if c.isalpha()]
    return "caps" if len(letters) >= CAPS_NAME_MIN and tok == tok.upper() else "title"


def name_tokens(text: str, pos: int, limit: int, max_n: int = 6) -> list[Token]:
    """The capitalised (or numeric) words from `pos`, joined by blanks or dashes."""
    out: list[Token] = []
    dash = False
    while len(out) < max_n:
        m = TOKEN_RE.match(text, pos, limit)
        if not m:
            break
        kind = token_kind(m.group())
        if kind is None:
            break
        out.append(Token(m.start(), m.end(), kind, dash))
        sep = SEP_RE.match(text, m.end(), limit)
        if not sep:
            break
        dash = not sep.group().isspace()
        pos = sep.end()
    return out


def _register_level(name: str, levels: tuple[str, ...]) -> tuple[str, Entry | None] | None:
    """The first of `levels` where a register knows `name` (pre-2025 province entries
    returned)."""
    for level in levels:
        for register in REGISTERS:
            found = lookup(level, name, register)
            if found:
                old = lookup(level, name) if level == "province" else []
                return level, (old or [None])[0]
    return None


def _levels_for(utype: str, name: str) -> tuple[str, ...]:
    if utype == "thành phố":
        prov = lookup("province", name)
        if prov and prov[0].type == "thành phố":
            return ("province",)  # the five centrally-run cities (and Huế)
        return ("district", "province")
    return (TYPE_LEVEL[utype],)


# after the number of a numbered ward or district, what makes it a quantity instead: more digits
# ("cấp quận 21.310 hồ sơ") or a noun it counts ("phường 10 tháng qua tiếp nhận ...")
NOT_A_UNIT_NUMBER_RE = compile_pattern(r"[.,]\d|\s*%|\s+(?:tháng|năm|ngày|tuần|quý|hồ\s+sơ|thủ\s+tục|TTHC|nhiệm\s+vụ|lượt)(?!\p{L})",
                                     regex.IGNORECASE)


def read_name(text: str, tokens: list[Token], utype: str, free: bool):
    """(number of tokens, level, province entry) of the name the tokens start with, or None.

    The longest prefix the register knows wins ("Phú Xuyên" in "huyện Phú Xuyên Lê Văn
    Bính"), then a former name the register records; for communes, a capitalised name the
    register does not know (merged before 2025) is accepted as it is written."""
    numbered = tokens[0].kind == "num"
    if numbered and (utype not in ("quận", "phường") or NOT_A_UNIT_NUMBER_RE.match(text, tokens[0].end, tokens[0].end + 20)):
        return None
    free = free and TYPE_LEVEL[utype] == "commune"
    n = 0  # capitalised syllables of a name written as such
    for tok in tokens:
        if tok.kind != "title" or tok.dash_before:
            break
        n += 1
    for k in range(1 if numbered else len(tokens), 0, -1):
        name = text[tokens[0].start:tokens[k - 1].end]
        levels = _levels_for(utype, name)
        hit = _register_level(name, levels)
        if hit and k < len(tokens) and _joined_part(text, tokens, k):
            # "phường Văn Miếu - Quốc Tử Giám": "Văn Miếu" alone is a ward elsewhere
            return (dash_run(tokens, k), TYPE_LEVEL[utype], None) if free else None
        if hit and free and n == k + 1:
            return n, "commune", None  # "xã Vạn Phúc Thượng" is not "xã Vạn Phúc"
        if hit and k < n and _person_name(text, tokens):
            return None  # "Chủ tịch UBND xã Hoàng Văn Thịnh": a person, though a commune is called Hoàng
        if hit:
            return k, hit[0], hit[1]
        if len(name_key(name)) >= 4 and not ((k > 1 or k < n) and _person_name(text, tokens)) \
                and any(former(level, name) for level in levels):
            return k, levels[0], None
    if numbered and utype == "quận":
        return 1, "district", None  # "Quận 2", merged into TP Thủ Đức in 2021: not in the register
    if not free:
        return None
    if numbered:
        return 1, "commune", None
    if n < 2 or _person_name(text, tokens):
        return None  # "Chủ tịch UBND phường Đặng Thị Hường": the chairwoman, no ward of that name
    # a longer run is a name followed by a person's: "xã Thụy Phú Nguyễn Văn A"
    return (n if n <= FREE_NAME_MAX else 2), "commune", None


class PersonNameWords(NamedTuple):
    common: frozenset[str]  # the most frequent family names (folded)
    surnames: frozenset[str]  # every family name surnames.yml lists
    middles: frozenset[str]


@functools.cache
def person_name_words() -> PersonNameWords:
    """surnames.yml's family and middle names, folded, for telling a person from a unit."""
    names = load_yaml("surnames.yml")
    folded = lambda words: frozenset(fold(w) for w in words)
    return PersonNameWords(folded(names["common"]), folded(names["common"] + names["other"]),
                           folded(names["middle_names"]))


def _person_name(text: str, tokens: list[Token]) -> bool:
    """Whether a name the register does not know starts as a person's does: a family name,
    then a middle name ("Hà Văn", "Nguyễn Thị")."""
    return starts_person_name(*(fold(text[t.start:t.end]) for t in tokens[:2]))


def starts_person_name(first: str, second: str) -> bool:
    """Whether two folded words open a person's name: a family name, then a middle name."""
    _, surnames, middles = person_name_words()
    return first in surnames and second in middles


@functools.cache
def common_noun_words() -> frozenset[str]:
    """unit_types.yml `not_after_type`, folded: a type word followed by one is a common noun
    ("xã hội", "xã viên"), no unit."""
    return frozenset(fold(w) for w in load_yaml("unit_types.yml")["not_after_type"])


def _joined_part(text: str, tokens: list[Token], k: int) -> bool:
    """Whether token `k` starts a second part of a hyphenated name ("Vĩnh Thịnh - An Tường"):
    after a dash, two title-case words at least, not a province ("xã Tân Hưng - Hải Phòng")."""
    if not tokens[k].dash_before:
        return False
    rest = dash_run(tokens, k) - k
    if rest < 2 or any(t.kind != "title" for t in tokens[k:k + rest]):
        return False
    part = text[tokens[k].start:tokens[k + rest - 1].end]
    return not any(lookup("province", part, r) for r in REGISTERS)


def dash_run(tokens: list[Token], k: int) -> int:
    """The end of the run of title-case words from token `k`, joined by blanks (one dash at
    `k` allowed)."""
    end = k + 1
    while end < len(tokens) and tokens[end].kind == "title" and not tokens[end].dash_before:
        end += 1
    return end


@functools.lru_cache(maxsize=16384)
def canonical(name: str) -> str:
    """Tone placement normalised, each syllable capitalised ("THỤY PHÚ" -> "Thụy Phú")."""
    name = normalize_tones(" ".join(name.split()))
    return regex.sub(r"\p{L}+", lambda m: m.group()[0].upper() + m.group()[1:].lower()
                     if not regex.fullmatch(r"[IVX]+", m.group()) else m.group(), name)
