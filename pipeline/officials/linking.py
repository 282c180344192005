"""Linking across the article: roles merged per person, chained roles that belong to another,
organisations completed with the unit the article names, and every mention of a known name."""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from typing import Callable, Iterable, Sequence

from ..pattern_cache import compile_pattern, compile_re
from ..segment import Span
from ..textkeys import BEYOND_BMP_RE, bmp_classes, fold
from .lexicon import Phrases
from .parser import ParagraphParser
from .roles import Person, Place, Role

NOT_KEY_RE = compile_pattern(r"[^\p{L}\d]+")  # what comparing titles and organisations ignores
LETTER_TOKEN_RE = compile_pattern(r"\p{L}[\p{L}\p{M}]*")  # a word token of TOKEN_RE (lexicon.py)

# --------------------------------------------------------------------------- merging


def _compact(s: str | None) -> str:
    return NOT_KEY_RE.sub("", fold(s or ""))


def _post(role: Role, text: str) -> tuple[str, str]:
    return _compact(role.title), _compact(text[role.org[0]:role.org[1]] if role.org else "")


def drop_borrowed(people: dict[str, Person], text: str) -> None:
    """"của Bí thư Thành ủy, Phó Chủ tịch UBND TP Trần Vĩnh Tuyến": a chained role that another
    person of the article holds is that person's, not a second post of this one."""
    held: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # title -> org -> people
    for k, p in people.items():
        for r in p.roles:
            if not r.chained:
                title, org = _post(r, text)
                held[title][org].add(k)
    sorted_orgs = {title: sorted(orgs) for title, orgs in held.items()}

    def borrowed(k: str, r: Role) -> bool:
        title, org = _post(r, text)
        orgs = held.get(title)
        if not orgs:
            return False
        if any(orgs.get(org[:n], set()) - {k} for n in range(len(org) + 1)):
            return True  # another holds it with the same or a shorter organisation
        keys = sorted_orgs[title]
        for other in itertools.islice(keys, bisect.bisect_left(keys, org), None):
            if not other.startswith(org):
                break
            if orgs[other] - {k}:
                return True
        return False

    for k, p in people.items():
        p.roles = [r for r in p.roles if not (r.chained and borrowed(k, r))]


def merge_roles(roles: list[Role], text: str) -> list[Role]:
    """One role per (title, organisation); an organisation-less role gives way to the same title
    with one, a shorter organisation to a longer one that starts with it."""
    def keys(r: Role) -> tuple[str, str]:
        return _compact(r.title), _compact(text[r.org[0]:r.org[1]] if r.org else "")

    out: list[Role] = []
    for r in roles:
        t, o = keys(r)
        if any(keys(x) == (t, o) for x in out):
            continue
        better = [x for x in out if keys(x)[0] == t and keys(x)[1].startswith(o) and keys(x)[1] != o]
        if better:
            continue
        out = [x for x in out if not (keys(x)[0] == t and o.startswith(keys(x)[1]))]
        out.append(r)
    return sorted(out, key=lambda r: r.title_pos)


class PlaceIndex:
    """The units an article names, for completing organisations that end in a bare unit word."""

    def __init__(self, places: list[Place]):
        self.first: dict[str, Place] = {}  # type -> first place of that type
        self.names: dict[str, set[str]] = defaultdict(set)  # type -> distinct names
        self.after: dict[tuple[str, str], Place] = {}  # (type, words before it) -> first place
        for p in places:
            self.first.setdefault(p.type, p)
            self.names[p.type].add(p.key)
            words = p.before.split()
            for n in range(1, len(words) + 1):
                self.after.setdefault((p.type, " ".join(words[-n:])), p)


def complete_org(role: Role, index: PlaceIndex, regions: dict[str, str]) -> None:
    """Name the unit of an organisation that ends in a bare unit word or party committee ("HĐND
    TP" -> "HĐND TP Hà Nội"): the same organisation with a name elsewhere in the article, else
    the one name the article gives units of that type, else, when it names none, the one unit
    of that type all its units lie in (`regions`, from `unit_regions`)."""
    if role.bare_unit is None:
        return
    same_org = index.after.get((role.bare_unit, role.prefix)) if role.prefix else None
    if same_org:
        role.completion = same_org
        role.completion_text = same_org.surface if role.organ else same_org.name
    elif len(index.names[role.bare_unit]) == 1:
        role.completion = index.first[role.bare_unit]
        role.completion_text = role.completion.name
    elif not index.names[role.bare_unit] and role.bare_unit in regions:
        role.completion_text = regions[role.bare_unit]  # "Tỉnh ủy" of an article on xã Đak Pơ


REGION_FIELDS = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district"}


def unit_regions(units: Sequence[dict]) -> dict[str, str]:
    """Unit type -> the one unit of that type that all the article's units lie in or are
    ("tỉnh" -> "Gia Lai" when every commune named is in Gia Lai), for the types the unit
    records name (SCHEMA.md `Unit`: `province`, `district`)."""
    out = {}
    for utype, region_field in REGION_FIELDS.items():
        names = {u.get(region_field) or (u.get("name") if u.get("type") == utype else None) for u in units}
        if len(names) == 1 and None not in names:
            out[utype] = names.pop()
    return out


SUBSTRING_TEST_NAMES = 12  # names up to which `names_test` first tries plain substring tests


def _letter_tokens(folded: str) -> list[str]:
    """LETTER_TOKEN_RE's matches, by a standard `re` scan where that is exact (twice as fast)."""
    if BEYOND_BMP_RE.search(folded):
        return LETTER_TOKEN_RE.findall(folded)
    return _bmp_letter_token_re().findall(folded)


@functools.cache
def _bmp_letter_token_re() -> re.Pattern:
    letter, mark = bmp_classes((r"\p{L}", r"\p{M}"))
    return compile_re(f"[{letter}][{letter}{mark}]*")


def names_test(people: dict[str, Person]) -> Callable[[str], bool]:
    """Whether a folded paragraph may name one of `people` in full: every syllable of the name
    is a word of the paragraph (a name is found as tokens, and a letter token is a whole
    word). The names are indexed by first syllable, so the test costs the paragraph's length,
    not its length times the number of people (quadratic on a long article)."""
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    other: list[list[str]] = []  # a syllable that is not one letter token: a substring test
    for k in people:
        words = k.split()
        if all(LETTER_TOKEN_RE.fullmatch(w) for w in words):
            by_first[words[0]].append(words)
        else:
            other.append(words)

    # with a few names, a paragraph that lacks a syllable of each even as a substring (most
    # do) fails without being split into words; the cost stays linear in its length
    few = sum(map(len, by_first.values())) <= SUBSTRING_TEST_NAMES

    def test(folded: str) -> bool:
        if any(all(w in folded for w in words) for words in other):
            return True
        if few and not any(all(w in folded for w in words) for group in by_first.values() for words in group):
            return False
        present = set(_letter_tokens(folded))
        return any(all(w in present for w in words)
                   for first in present.intersection(by_first) for words in by_first[first])

    return test


def full_mentions(parsers: Iterable[ParagraphParser], people: dict[str, Person]) -> None:
    """Every occurrence of a known full name in the body."""
    names = Phrases(tuple(k.split()) for k in people)
    for parser in parsers:
        free = 0  # the first token after the last name found
        for i in parser.starting(names.longest):
            n = parser.phrase(i, names) if i >= free else 0
            if n:
                key = " ".join(parser.folds[i:i + n])
                people[key].mentions.append((parser.s[i], parser.e[i + n - 1]))
                free = i + n


def short_form_test(people: dict[str, Person]) -> Callable[[str], bool]:
    """A prefilter for `short_mentions` on a paragraph's folded text: a short form ends with
    the last syllable of a name of several, so it holds one of those."""
    lasts = {k.split()[-1] for k in people if len(k.split()) > 1}
    return lambda folded: any(w in folded for w in lasts)


def short_mentions(parsers: Iterable[ParagraphParser], people: dict[str, Person]) -> None:
    """"bà Châu", "đồng chí Hậu", "Thứ trưởng Tuấn": a cue, then the last one or two syllables
    of a known name; of several people with those syllables, the one named last before."""
    owners: dict[tuple, list[str]] = defaultdict(list)
    for k in people:
        words = tuple(k.split())
        for n in (1, 2):
            if len(words) > n:
                owners[words[-n:]].append(k)
    starts = {k: sorted(s for s, _ in p.mentions) for k, p in people.items()}
    full = sorted(m for p in people.values() for m in p.mentions)

    def last_before(k: str, pos: int) -> int:
        i = bisect.bisect_left(starts[k], pos)
        return starts[k][i - 1] if i else -1

    def inside_full(span: Span) -> bool:
        i = bisect.bisect_right(full, (span[0], len(full) + 10**9)) - 1
        return i >= 0 and full[i][0] <= span[0] < full[i][1]

    lasts = {words[-1] for words in owners}  # a short form ends with one of these syllables
    for parser in parsers:
        if lasts.isdisjoint(parser.folds):
            continue  # (most paragraphs): no short form here
        lex = parser.lex
        for i in parser.starting(lex.cue_words):
            n = parser.phrase(i, lex.coref_cues) or parser.phrase(i, lex.titles)
            a = i + n
            if not n or a >= parser.n or parser.kinds[a] != "cap":
                continue
            b = parser.cap_run(a)
            cands = owners.get(parser.words(a, b)) if 1 <= b - a <= 2 else None
            span = (parser.s[a], parser.e[b - 1])
            if cands and not inside_full(span):
                people[max(cands, key=lambda k: last_before(k, span[0]))].mentions.append(span)


def name_bare_heads(roles: list[Role], parsers: Iterable[ParagraphParser]) -> None:
    """"Chủ tịch hội đồng" where the article names the council in full elsewhere ("Hội đồng tư
    vấn cải cách thủ tục hành chính"): the organisation is that, when the article names one
    such organisation only."""
    wanted = {r.bare_head for r in roles}
    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for parser in parsers:
        for head in wanted:
            found[head].update(parser.named_heads(head))
    for role in roles:
        name = _one_name(found[role.bare_head], len(role.bare_head))
        if name is not None:
            role.named_org = name


def _one_name(names: set[str], head_words: int) -> str | None:
    """The one organisation `names` (each a head and the words after it) stand for: the proper
    names among them when there are any ("Trung tâm Phục vụ hành chính công tỉnh", not "Trung
    tâm chuyển sang ..."), and of those the shortest when every other one only extends it
    ("... công tỉnh Bình Dương"); None when they name several."""
    def proper(name: str) -> bool:
        words = name.split()
        return len(words) > head_words and words[head_words][:1].isupper()
    by_key = {fold(n): n for n in names}
    if any(proper(n) for n in by_key.values()):
        by_key = {k: n for k, n in by_key.items() if proper(n)}
    if not by_key:
        return None
    shortest = min(by_key, key=len)
    if all(k == shortest or k.startswith(shortest + " ") for k in by_key):
        return by_key[shortest]
    return None


def short_name_owner(short: str, people: dict[str, Person]) -> Person | None:
    """The one person whose full name ends with the folded syllables `short` ("cung" -> Nguyễn
    Đình Cung), or None when no one or several do."""
    words = short.split()
    owners = [p for k, p in people.items() if len(k.split()) > len(words) and k.split()[-len(words):] == words]
    return owners[0] if len(owners) == 1 else None
