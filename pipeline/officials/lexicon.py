"""The officials lexicon: titles, organisation words, honorifics, family names and unit words
(resources/titles.yml, org_abbreviations.yml, surnames.yml) as phrases of folded tokens, and
`expand` for spelling out an organisation's abbreviations."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import regex

from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from ..textkeys import PhraseFinder, fold, normalize_tones, phrase_alternation

TOKEN_RE = compile_pattern(r"\p{L}[\p{L}\p{M}]*|\d+|[^\s\p{L}\p{M}\d]")

# --------------------------------------------------------------------------- lexicons


def _words(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a lexicon phrase, as the text's tokens are compared."""
    return tuple(TOKEN_RE.findall(fold(phrase)))


class Phrases:
    """Phrases as tuples of folded tokens, with the longest phrase per first token."""

    def __init__(self, items):
        self.items = items if isinstance(items, dict) else frozenset(items)
        self.longest: dict[str, int] = {}
        lengths: dict[str, set[int]] = defaultdict(set)
        for p in self.items:
            self.longest[p[0]] = max(self.longest.get(p[0], 0), len(p))
            lengths[p[0]].add(len(p))
        # per first token, the lengths its phrases have, longest first: the only ones worth trying
        self.lengths: dict[str, tuple[int, ...]] = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    def get(self, words: tuple):
        return self.items.get(words) if isinstance(self.items, dict) else None


@dataclass(frozen=True)
class Title:
    title: str
    complement: bool = False
    org_head: str | None = None  # the organisation's first word when the text leaves it out
    unit_org_head: str | None = None  # the organisation before a bare unit ("Chủ tịch phường 15": UBND)
    party: bool = False  # a party post: "Bí thư tỉnh X" is of the unit's party committee ("Tỉnh ủy X")
    needs_org: bool = False  # a post only with its organisation ("cán bộ trẻ" is no role)
    joins_next: bool = False  # with no organisation, one post with the next title ("Bộ trưởng, Chủ nhiệm")
    implied_org: str | None = None  # the organisation the post always belongs to ("Thủ tướng": Chính phủ)


@dataclass(frozen=True)
class Lexicon:
    titles: Phrases  # -> Title
    heads: Phrases  # first words of organisations
    stops: Phrases
    honorifics: Phrases
    comrades: Phrases  # party members: officials even without a role
    coref_cues: Phrases
    links: Phrases
    appointments: Phrases  # "chỉ định làm", "đảm nhận cương vị": a post given later in the sentence
    shared_intros: Phrases  # "gồm", "có" after a post: its holders follow
    joiners: frozenset
    stops_in_names: frozenset  # stop words that may be inside a name a person's name follows ("Bộ Ngoại giao")
    inner_linkers: frozenset  # stop words that go on an organisation's name before a capitalised word
    title_qualifiers: frozenset  # words before a title that stay in it ("nguyên" Bộ trưởng: former)
    not_after_joiner: frozenset  # lower-case words after a joiner that start a new phrase
    unit_words: Phrases  # -> unit type ("tp" -> "thành phố")
    not_units: Phrases
    surnames: dict  # folded syllable -> 2 (common) or 1 (other)
    surnames_with_middle: frozenset  # family names only before a middle name ("Sơn Minh Khiêm")
    middles: frozenset
    places: Phrases  # place names a person's name cannot start inside
    organs: Phrases  # -> unit type ("huyện ủy" -> "huyện")
    national_bodies: Phrases  # full names of ministries read whole ("Bộ Giao thông vận tải")
    committees: dict  # unit type -> its party committee ("tỉnh" -> "Tỉnh ủy", "xã" -> "Đảng ủy xã")
    group_heads: dict  # folded title -> (group words, purpose tuples)
    abbreviations: dict  # abbreviation as written -> expansion
    abbr_re: regex.Pattern
    # over a paragraph's folded text: where a title or a coreference cue (an honorific among
    # them) may be; a paragraph without a match holds no official and no short mention
    cue_re: PhraseFinder
    cue_words: frozenset  # the first words of titles and coreference cues
    unit_re: regex.Pattern  # likewise for unit words and party committees (places)
    register_units: frozenset  # unit types the register lists every unit of


def _title_forms(title: str, abbreviations: dict) -> set[str]:
    """`title` and its spellings with abbreviations for the words they stand for ("Ủy viên Ban
    Thường vụ" -> "UV BTV", "Ủy viên BTV", ...; "Huyện ủy viên" -> "HUV")."""
    forms = {title}
    for abbr, pattern in _abbreviation_patterns(tuple(abbreviations.items())):
        for form in list(forms):
            if pattern.search(fold(form)):
                forms.add(pattern.sub(abbr, fold(form)))
    return forms


@functools.lru_cache(maxsize=4)
def _abbreviation_patterns(abbreviations: tuple[tuple[str, str], ...]) -> list[tuple[str, regex.Pattern]]:
    """(abbreviation, pattern of the folded words it stands for), compiled once for all titles
    (looking each up in the regex module's cache, a title at a time, was most of the lexicon's
    start-up)."""
    return [(abbr, compile_pattern(rf"(?<!\p{{L}}){regex.escape(fold(full))}(?!\p{{L}})"))
            for abbr, full in abbreviations]


TOKEN_GAP = r"[\s\p{M}]*"  # what may separate two tokens of a phrase in the text (or nothing)


def _phrases_re(phrases) -> regex.Pattern:
    """A cheap test for the paragraphs where any of `phrases` (strings, or tuples of folded
    tokens) may occur, run over the folded text: it matches wherever the tokens would (a letter
    token begins after no letter and ends before no letter or mark), and maybe elsewhere."""
    def kind(w: str) -> str:
        return "letter" if w[0].isalpha() else "digit" if w[0].isdigit() else "punct"

    before = {"letter": r"(?<!\p{L})", "digit": r"(?<!\d)", "punct": ""}
    after = {"letter": r"(?![\p{L}\p{M}])", "digit": r"(?!\d)", "punct": ""}
    groups: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for p in phrases:
        words = p if isinstance(p, tuple) else _words(p)
        groups[kind(words[0]), kind(words[-1])].append(words)
    return compile_pattern("|".join(f"{before[b]}(?:{phrase_alternation(g, TOKEN_GAP)}){after[a]}"
                                  for (b, a), g in groups.items()))


@functools.cache
def lexicon() -> Lexicon:
    t = load_yaml("titles.yml")
    a = load_yaml("org_abbreviations.yml")["abbreviations"]
    s = load_yaml("surnames.yml")
    titles = {}
    for row in t["titles"]:
        entry = Title(row["title"], bool(row.get("complement")), row.get("org_head"), row.get("unit_org_head"),
                      bool(row.get("party")), bool(row.get("needs_org")), bool(row.get("joins_next")),
                      row.get("implied_org"))
        for form in _title_forms(row["title"], a):
            titles.setdefault(_words(form), entry)
        titles[_words(row["title"])] = entry
    abbr_alt = "|".join(regex.escape(k) for k in sorted(a, key=len, reverse=True))
    tables = {
        "heads": Phrases(_words(h) for h in t["org_heads"]),
        "stops": Phrases(_words(w) for w in t["org_stop_words"]),
        "honorifics": Phrases(_words(w) for w in t["honorifics"]),
        "comrades": Phrases(_words(w) for w in t["comrade_honorifics"]),
        "coref_cues": Phrases(_words(w) for w in t["honorifics"] + t["coreference_cues"]),
        "links": Phrases(_words(w) for w in t["role_links"]),
        "appointments": Phrases(_words(w) for w in t["appointment_links"]),
        "shared_intros": Phrases(_words(w) for w in t["shared_post_intros"]),
    }
    cues = [*titles, *tables["coref_cues"].items]
    return Lexicon(
        titles=Phrases(titles),
        joiners=frozenset(fold(w) for w in t["org_joiners"]),
        stops_in_names=frozenset(fold(w) for w in t["org_stop_words_in_names"]),
        inner_linkers=frozenset(fold(w) for w in t["org_inner_linkers"]),
        title_qualifiers=frozenset(fold(w) for w in t["title_qualifiers"]),
        not_after_joiner=frozenset(fold(w) for w in t["org_joiner_not_before"]),
        unit_words=Phrases({_words(w): utype for w, utype in t["unit_words"].items()}),
        not_units=Phrases(_words(w) for w in t["not_unit_words"]),
        surnames={**{fold(w): 1 for w in s["other"]}, **{fold(w): 2 for w in s["common"]}},
        surnames_with_middle=frozenset(fold(w) for w in s["with_middle_name"]),
        middles=frozenset(fold(w) for w in s["middle_names"]),
        places=Phrases(_words(p) for p in s["place_names"]),
        organs=Phrases({_words(w): utype for w, utype in t["organ_words"].items()}),
        national_bodies=Phrases(_words(w) for w in t["national_bodies"]),
        committees=dict(t["unit_committees"]),
        group_heads={fold(k): (frozenset(fold(g) for g in v["groups"]), tuple(_words(p) for p in v["purposes"]))
                     for k, v in t["group_heads"].items()},
        abbreviations=a,
        abbr_re=compile_pattern(
            rf"(?<![\p{{L}}\d])(?P<abbr>{abbr_alt})(?P<dot>\.(?=\s*\p{{L}}))?(?(dot)|(?![\p{{L}}\d]))"),
        cue_re=PhraseFinder(_phrases_re(cues), cues),
        # "nguyên" too: the scan must stop on it to read "nguyên Bộ trưởng" as one title
        cue_words=frozenset([*(p[0] for p in cues), *(fold(w) for w in t["title_qualifiers"])]),
        unit_re=_phrases_re([*t["unit_words"], *t["organ_words"]]),
        register_units=frozenset(t["register_checked_unit_types"]),
        **tables,
    )


def expand(org: str | None) -> str | None:
    """`org` with its abbreviations spelt out ("UB MTTQ huyện" -> "Ủy ban Mặt trận Tổ quốc huyện")."""
    if not org:
        return None
    lex = lexicon()

    def sub(m: regex.Match) -> str:
        full = lex.abbreviations[m["abbr"]]
        glued = m["dot"] and m.end() < len(org) and not org[m.end()].isspace()
        return full + (" " if glued else "")

    return normalize_tones(lex.abbr_re.sub(sub, org))
