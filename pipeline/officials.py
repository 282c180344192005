"""Officials: people named in the article body with a public role, and every mention of them.

A person is found by one of three cues, read left to right over the tokens of each paragraph:
1. a role title before the name: "Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính", "Thủ tướng
   Nguyễn Xuân Phúc"; roles chained just before it count too ("Ủy viên BTV Tỉnh ủy, Chủ tịch
   UBND tỉnh Nguyễn Văn A");
2. "ông", "bà", "đồng chí" before the name;
3. a separator and a role after the name: "Huỳnh Văn Nhã - Phó Bí thư Huyện ủy, Chủ tịch UBND
   huyện Tân Hồng"; "... làm trưởng đoàn" adds one more.
A role is a title (resources/titles.yml, longest match, abbreviations allowed: "UV BTV") and
the organisation that follows it ("Phó Chủ tịch" + "HĐND huyện"). A name is a capitalised run
of 2-4 syllables starting with a family name (resources/surnames.yml), or a foreign name
after a title ("Tổng thống Hàn Quốc Yoon Suk Yeol").

One Official per name (tone- and case-folded), its roles merged across mentions; people with
no role are kept only when the text calls them "đồng chí". A role chained before a name
("của Bí thư Thành ủy, Phó Chủ tịch UBND TP X") that another person of the article holds is
that person's. An organisation ending in a bare unit word or party committee ("HĐND TP",
"Huyện ủy") is completed with the unit's name where the article gives it ("HĐND TP Hà Nội").
Mentions are every occurrence of the full name in the body, plus "ông/bà/đồng chí/anh/chị" or
a title followed by the last syllables of a known name ("bà Châu", "đồng chí Hậu"). Only
`article.body` is read: bylines and related-article lists are outside it. A paragraph is
tokenized only if its folded text holds a title or a cue (or, later, a known name or a unit
word): most hold none, and tokenizing is most of the work.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

import regex

from .resources import load_yaml
from .segment import Article, Span
from .textkeys import PhraseFinder, fold, key, normalize_tones, phrase_alternation

TOKEN_RE = regex.compile(r"\p{L}[\p{L}\p{M}]*|\d+|[^\s\p{L}\p{M}\d]")
LINE_RE = regex.compile(r"[^\n]+")
ROLE_SEPARATORS = {",", "-", "–", "—", "(", ";"}
ORG_INNER_PUNCT = {"-", "–", "&"}  # "Kinh tế - xã hội", "NN&PTNT"
DOTTED = {"tp", "tx"}  # "TP. HCM"
SENTENCE_PUNCT = {".", ":", "!", "?", "“", "\"", "(", "…"}
MAX_ORG_TOKENS = 16
MAX_RUN = 12  # a longer run of capitalised words is neither a name nor a place
MAX_CONTEXT = 40  # tokens looked back for the group a "trưởng đoàn" heads
# a syllable Vietnamese could write (tones removed): onset, vowels, final consonant
VIET_SYLLABLE_RE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
ASCII_WORD_RE = regex.compile(r"[A-Za-z]+")
NOT_KEY_RE = regex.compile(r"[^\p{L}\d]+")  # what comparing titles and organisations ignores


# --------------------------------------------------------------------------- lexicons


def _words(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a lexicon phrase, as the text's tokens are compared."""
    return tuple(TOKEN_RE.findall(fold(phrase)))


class Phrases:
    """Phrases as tuples of folded tokens, with the longest phrase per first token."""

    def __init__(self, items):
        self.items = items if isinstance(items, dict) else frozenset(items)
        self.longest: dict[str, int] = {}
        for p in self.items:
            self.longest[p[0]] = max(self.longest.get(p[0], 0), len(p))

    def get(self, words: tuple):
        return self.items.get(words) if isinstance(self.items, dict) else None


@dataclass(frozen=True)
class Title:
    title: str
    complement: bool = False
    org_head: str | None = None  # the organisation's first word when the text leaves it out


@dataclass(frozen=True)
class Lexicon:
    titles: Phrases  # -> Title
    heads: Phrases  # first words of organisations
    stops: Phrases
    honorifics: Phrases
    comrades: Phrases  # party members: officials even without a role
    coref_cues: Phrases
    links: Phrases
    joiners: frozenset
    unit_words: Phrases  # -> unit type ("tp" -> "thành phố")
    not_units: Phrases
    surnames: dict  # folded syllable -> 2 (common) or 1 (other)
    middles: frozenset
    places: Phrases  # place names a person's name cannot start inside
    organs: Phrases  # -> unit type ("huyện ủy" -> "huyện")
    group_heads: dict  # folded title -> (group words, purpose tuples)
    abbreviations: dict  # abbreviation as written -> expansion
    abbr_re: regex.Pattern
    # over a paragraph's folded text: where a title or a coreference cue (an honorific among
    # them) may be; a paragraph without a match holds no official and no short mention
    cue_re: PhraseFinder
    cue_words: frozenset  # the first words of titles and coreference cues
    unit_re: regex.Pattern  # likewise for unit words and party committees (places)


def _title_forms(title: str, abbreviations: dict) -> set[str]:
    """`title` and its spellings with abbreviations for the words they stand for ("Ủy viên Ban
    Thường vụ" -> "UV BTV", "Ủy viên BTV", ...; "Huyện ủy viên" -> "HUV")."""
    forms = {title}
    for abbr, full in abbreviations.items():
        pattern = regex.compile(rf"(?<!\p{{L}}){regex.escape(fold(full))}(?!\p{{L}})")
        for form in list(forms):
            if pattern.search(fold(form)):
                forms.add(pattern.sub(abbr, fold(form)))
    return forms


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
    return regex.compile("|".join(f"{before[b]}(?:{phrase_alternation(g, TOKEN_GAP)}){after[a]}"
                                  for (b, a), g in groups.items()))


@functools.cache
def lexicon() -> Lexicon:
    t = load_yaml("titles.yml")
    a = load_yaml("org_abbreviations.yml")["abbreviations"]
    s = load_yaml("surnames.yml")
    titles = {}
    for row in t["titles"]:
        entry = Title(row["title"], bool(row.get("complement")), row.get("org_head"))
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
    }
    cues = [*titles, *tables["coref_cues"].items]
    return Lexicon(
        titles=Phrases(titles),
        joiners=frozenset(fold(w) for w in t["org_joiners"]),
        unit_words=Phrases({_words(w): utype for w, utype in t["unit_words"].items()}),
        not_units=Phrases(_words(w) for w in t["not_unit_words"]),
        surnames={**{fold(w): 1 for w in s["other"]}, **{fold(w): 2 for w in s["common"]}},
        middles=frozenset(fold(w) for w in s["middle_names"]),
        places=Phrases(_words(p) for p in s["place_names"]),
        organs=Phrases({_words(w): utype for w, utype in t["organ_words"].items()}),
        group_heads={fold(k): (frozenset(fold(g) for g in v["groups"]), tuple(_words(p) for p in v["purposes"]))
                     for k, v in t["group_heads"].items()},
        abbreviations=a,
        abbr_re=regex.compile(
            rf"(?<![\p{{L}}\d])(?P<abbr>{abbr_alt})(?P<dot>\.(?=\s*\p{{L}}))?(?(dot)|(?![\p{{L}}\d]))"),
        cue_re=PhraseFinder(_phrases_re(cues), cues),
        cue_words=frozenset(p[0] for p in cues),
        unit_re=_phrases_re([*t["unit_words"], *t["organ_words"]]),
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


# --------------------------------------------------------------------------- tokens


@dataclass
class Tokens:
    """A paragraph's tokens as parallel lists, a token being an index into them: cheaper to
    build than an object per token, and most tokens are looked at once or never."""

    s: list[int]  # text offsets
    e: list[int]
    texts: list[str]
    folds: list[str]
    kinds: list[str]  # "cap" (Nguyễn, A), "upper" (HĐND), "lower", "mixed" (TTg), "num", "punct"
    spaced: list[bool]  # whitespace (not nothing) before it


@functools.lru_cache(maxsize=65536)  # the same words recur across paragraphs and articles
def _kind(w: str) -> str:
    if w[0].isdigit():
        return "num"
    if not w[0].isalpha():
        return "punct"
    if w.islower():
        return "lower"
    if len(w) == 1 or (w[0].isupper() and w[1:].islower()):
        return "cap"
    return "upper" if w.isupper() else "mixed"


def tokenize(article: Article, span: Span) -> Tokens:
    s0, e0 = span
    text, folded = article.text, article.folded
    spans = [m.span() for m in TOKEN_RE.finditer(text, s0, e0)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    texts = [text[s:e] for s, e in spans]
    return Tokens(starts, ends, texts, [folded[s:e] for s, e in spans], list(map(_kind, texts)),
                  [s > prev_end for s, prev_end in zip(starts, [s0, *ends])])


class Reader:
    """Phrase and name tests over the tokens of one paragraph."""

    def __init__(self, toks: Tokens, lex: Lexicon):
        self.s, self.e, self.texts = toks.s, toks.e, toks.texts
        self.folds, self.kinds, self.spaced = toks.folds, toks.kinds, toks.spaced
        self.lex = lex
        self.n = len(toks.s)

    def starting(self, first_words) -> list[int]:
        """The tokens that are one of `first_words` (of the phrases of a table), in order: where
        `phrase` may find something."""
        return [i for i, w in enumerate(self.folds) if w in first_words]

    def words(self, a: int, b: int) -> tuple[str, ...]:
        """The folded tokens a..b-1, as lexicon phrases are keyed."""
        return tuple(self.folds[a:b])

    def phrase(self, i: int, table: Phrases) -> int:
        """Length (in tokens) of the longest phrase of `table` starting at token i, or 0."""
        longest = table.longest.get(self.folds[i]) if i < self.n else None
        if longest is None:
            return 0
        best = 0
        for n in range(1, min(longest, self.n - i) + 1):
            if tuple(self.folds[i:i + n]) in table.items:
                best = n
        return best

    def title(self, i: int) -> tuple[Title | None, int]:
        n = self.phrase(i, self.lex.titles)
        if not n:
            return None, i
        return self.lex.titles.items[self.words(i, i + n)], i + n

    def is_name_word(self, k: int) -> bool:
        return self.kinds[k] == "cap" and not self.phrase(k, self.lex.titles)

    def cap_run(self, i: int) -> int:
        """End of the run of capitalised words from i (spaces between, no title inside)."""
        k = i
        while k < self.n and k - i <= MAX_RUN and self.is_name_word(k) and (k == i or self.spaced[k]):
            k += 1
        return k

    def unit_at(self, k: int) -> tuple[int, str | None]:
        """(length, unit type) of the unit word at token k ("huyện", "thành phố", "TP"), or (0, None)."""
        n = self.phrase(k, self.lex.unit_words)
        if not n or self.phrase(k, self.lex.not_units) or self.phrase(k, self.lex.organs):
            return 0, None
        return n, self.lex.unit_words.get(self.words(k, k + n))

    def unit_word_before(self, k: int) -> str | None:
        """Unit type of the unit word ending right before token k."""
        for n in (2, 1):
            if k - n >= 0 and self.unit_at(k - n)[0] == n:
                return self.unit_at(k - n)[1]
        return None

    def in_place(self, k: int) -> bool:
        """Whether token k starts or continues a place name ("Hà Nội", "Bình Dương")."""
        for j in range(max(0, k - 3), k + 1):
            n = self.phrase(j, self.lex.places)
            if n > k - j:
                return True
        return False

    # ------------------------------------------------------------------ names

    def name_score(self, k: int, b: int) -> int:
        """How likely tokens k..b-1 are a Vietnamese personal name; 0: they are not one."""
        words = self.folds[k:b]
        if not 2 <= len(words) <= 4 or self.in_place(k):
            return 0
        tier = self.lex.surnames.get(words[0], 0)
        if words[1] == "thị":
            tier = max(tier, 1)
        if not tier:
            return 0
        middle = len(words) >= 3 and words[1] in self.lex.middles
        if self.unit_word_before(k) and not middle:
            return 0  # "huyện Lâm Hà": the unit's own name
        return 2 * tier + middle

    def foreign_name(self, a: int, b: int) -> int | None:
        """Start of a foreign name ending the run ("Hàn Quốc Yoon Suk Yeol" -> "Yoon Suk Yeol")."""
        k = b
        while k > a and b - k < 4 and ASCII_WORD_RE.fullmatch(self.texts[k - 1]):
            k -= 1
        if b - k < 2:
            return None
        if any(not VIET_SYLLABLE_RE.fullmatch(w) for w in self.folds[k:b]):
            return k
        return None

    def best_name(self, a: int, b: int) -> int | None:
        """Start of the likeliest name ending the run of tokens a..b-1 (place or organisation words may
        come first: "Phú Xuyên Lê Văn Bính")."""
        if b - a > MAX_RUN:
            return None
        scored = [(self.name_score(k, b), b - k, k) for k in range(max(a, b - 4), b - 1)]
        score, _, k = max(scored, default=(0, 0, 0))
        return k if score else None


# --------------------------------------------------------------------------- roles and people


@dataclass
class Role:
    title: str
    org: Span | None  # text offsets
    title_pos: int  # text offset of the title
    chained: bool = False  # listed before another role, separated by a comma: may be another's
    # an organisation ending in a bare unit word ("HĐND TP") or party committee ("Huyện ủy"):
    bare_unit: str | None = None  # the unit's type
    organ: bool = False  # a party committee ("Thành ủy" + "TP. HCM" as written after it elsewhere)
    prefix: str = ""  # folded words the unit's name follows ("hđnd tp", "huyện ủy")
    completion: Place | None = None  # the unit named elsewhere in the article
    completion_text: str = ""  # what the organisation is completed with
    org_head: str | None = None  # "Bộ" for "Thứ trưởng Nội vụ": the word the text leaves out


@dataclass(frozen=True)
class Place:
    """A unit named in the paragraph: a unit word and a name ("TP Hà Nội", "TP. HCM"), or a
    party committee and a name ("Huyện ủy Tân Hồng")."""
    type: str
    name: str  # as written
    key: str
    surface: str  # "TP. HCM" (unit word and name); "Tân Hồng" after a committee
    span: Span
    before: str  # folded words of the paragraph before the name (and its unit word)


@dataclass
class Occurrence:
    name: Span
    key: str
    roles: list[Role]
    comrade: bool  # called "đồng chí"


@dataclass
class Person:
    name: str
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    comrade: bool = False


class ParagraphParser(Reader):
    def __init__(self, toks: Tokens, lex: Lexicon, article: Article):
        super().__init__(toks, lex)
        self.article = article

    def org(self, j: int, complement: bool) -> tuple[int, int | None]:
        """Parse the organisation after a title ending at token j. Returns (end of the
        organisation, start of the person's name that ends it, or None); the name, if any, runs
        to the end of its capitalised run.

        Lower-case words continue a name begun by one capitalised word ("Sở Tư pháp", "Bộ Nông
        nghiệp và Phát triển nông thôn") until a stop word; after a unit ("UBND huyện Tân Hồng")
        or a proper name of several capitalised words ("Cục Hàng hải Việt Nam") they end it."""
        kinds, texts, lex = self.kinds, self.texts, self.lex
        if j >= self.n or kinds[j] in ("punct", "num"):
            return j, None
        if kinds[j] == "lower" and not (complement or self.phrase(j, lex.heads) or self.unit_at(j)[0]):
            return j, None
        k = end = j
        lower_ok = complement
        in_place = False  # after a unit word: only the unit's name may follow
        while k < self.n and k - j < MAX_ORG_TOKENS:
            kind = kinds[k]
            n = self.unit_at(k)[0] or self.phrase(k, lex.organs)
            if n:
                k = end = k + n
                lower_ok, in_place = False, True
                continue
            if kind == "cap":
                n = self.phrase(k, lex.heads)
                if n > 1:  # "Ban chỉ đạo", "Văn phòng", "Trung tâm"
                    k = end = k + n
                    lower_ok = not in_place
                    continue
                b = self.cap_run(k)
                if b == k:  # a title inside: "... HĐND huyện Chủ tịch ..." (no separator)
                    break
                start = self.best_name(k, b)
                if start is None and k == j:
                    start = self.foreign_name(k, b)
                if start is not None:
                    return start, start
                words = b - k - (1 if n else 0)  # "Sở Tư" is a head and one word
                lower_ok = words <= 1 and not in_place
                k = end = b
                continue
            if kind in ("upper", "mixed"):
                k = end = k + 1
                lower_ok = False
                continue
            if kind == "num":
                if self.unit_word_before(k):  # "Quận 1"
                    k = end = k + 1
                    continue
                break
            if kind == "lower":
                n = self.phrase(k, lex.heads)
                if n and k == j:  # "ủy ban nhân dân", "hội đồng"
                    k = end = k + n
                    lower_ok = True
                    continue
                if self.phrase(k, lex.stops) or not lower_ok:
                    break
                if self.folds[k] in lex.joiners:
                    if k + 1 < self.n and kinds[k + 1] == "cap" and not self.title(k + 1)[0]:
                        k += 1
                        continue
                    break
                k = end = k + 1
                continue
            # punctuation
            next_kind = kinds[k + 1] if k + 1 < self.n else None
            if next_kind is None or next_kind == "punct":
                break
            if texts[k] in ORG_INNER_PUNCT and end > j and not self.title(k + 1)[0] \
                    and not self.phrase(k + 1, lex.stops):
                k += 1  # "Kinh tế - xã hội", "Thừa Thiên - Huế"
                continue
            if texts[k] == "." and not self.spaced[k] and self.folds[k - 1] in DOTTED \
                    and next_kind in ("cap", "upper"):
                k += 1
                continue
            break
        return end, None

    def role(self, i: int) -> tuple[Role, int, tuple[int, int] | None]:
        """The role whose title starts at token i: (role, end token, the tokens of the person's
        name that follows, or None)."""
        entry, j = self.title(i)
        end, name_start = self.org(j, entry.complement)
        name = None
        if name_start is not None:
            name = (name_start, self.cap_run(name_start))
            end = name[1]
        title = entry.title
        org_a, org_b = j, (name_start if name_start is not None else end)
        while org_b > org_a and self.kinds[org_b - 1] == "punct":
            org_b -= 1
        if entry.complement and org_b > org_a:
            head = next((k for k in range(org_a + 1, org_b)
                         if self.kinds[k] != "lower" and self.phrase(k, self.lex.heads)), None)
            if head is None:  # "Trưởng phòng Tư pháp | thị xã Dĩ An"
                head = next((k for k in range(org_a + 1, org_b) if self.unit_at(k)[0]), None)
            comp_end = head if head is not None else org_b
            title += " " + normalize_tones(self.article.text[self.s[org_a]:self.e[comp_end - 1]])
            org_a = comp_end
        if (org_b > org_a and name_start is None and end + 2 < self.n and self.texts[end] == "("
                and self.kinds[end + 1] == "upper" and self.texts[end + 2] == ")"):
            # "Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng (CECODES)": the body's acronym
            org_b = end = end + 3
        if org_b <= org_a and name_start is None and end < self.n - 1 and self.folds[end] == "của" \
                and self.kinds[end + 1] in ("cap", "upper"):
            # "Trưởng ban Chỉ đạo cải cách hành chính của Chính phủ"
            of_end, of_name = self.org(end + 1, False)
            if of_name is None and of_end > end + 1:
                org_a, org_b = end + 1, of_end
                end = of_end
        org = (self.s[org_a], self.e[org_b - 1]) if org_b > org_a else None
        title = self.qualified(title, i)
        role = Role(title, org, self.s[i])
        if org is not None and entry.org_head and self.folds[org_a] != fold(entry.org_head):
            role.org_head = entry.org_head
        for n in (2, 1):
            if org is None or org_b - n < org_a:
                continue
            words = self.words(org_b - n, org_b)
            if self.unit_at(org_b - n)[0] == n:
                role.bare_unit = self.lex.unit_words.get(words)
                role.prefix = " ".join(self.folds[org_a:org_b - n])
            elif self.phrase(org_b - n, self.lex.organs) == n:
                role.bare_unit, role.organ = self.lex.organs.get(words), True
                role.prefix = " ".join(self.folds[org_a:org_b])
            if role.bare_unit:
                break
        return role, end, name

    def qualified(self, title: str, i: int) -> str:
        """A bare "Trưởng đoàn" takes the purpose of the group its sentence names."""
        rule = self.lex.group_heads.get(fold(title))
        if rule is None:
            return title
        groups, purposes = rule
        s0 = self.article.sentence_start(self.s[i])
        before = [w for w, s in zip(self.folds[max(0, i - MAX_CONTEXT):i], self.s[max(0, i - MAX_CONTEXT):i])
                  if s >= s0]
        for k, w in enumerate(before):
            if w in groups:
                for p in purposes:
                    if tuple(before[k + 1:k + 1 + len(p)]) == p:
                        return f"{title} {' '.join(p)}"
        return title

    def roles_after(self, j: int) -> tuple[list[Role], int]:
        """Roles listed after a name: ", Uỷ viên ..., Chủ tịch ...", " – HUV – ...", then
        "làm trưởng đoàn"."""
        roles = []
        while j < self.n:
            k = j
            if self.texts[k] in ROLE_SEPARATORS:
                k += 1
            n = self.phrase(k, self.lex.links) if k < self.n else 0
            k += n
            if k == j or k >= self.n or not self.title(k)[0]:
                break
            role, end, name = self.role(k)
            if name is not None:  # the title introduces the next person
                break
            roles.append(role)
            j = end
            if j < self.n and self.texts[j] == ")":
                j += 1
        return roles, j

    def name_at(self, a: int, strict: bool) -> tuple[int, int] | None:
        """The name that the capitalised run at token a is: the whole run; with `strict` (no
        honorific before it) a likely name only, maybe after a sentence's first word ("Theo
        Nguyễn Văn A, Giám đốc ...")."""
        b = self.cap_run(a)
        score = self.name_score(a, b)
        if score and (not strict or score >= 3):
            return a, b
        sentence_start = a == 0 or self.texts[a - 1] in SENTENCE_PUNCT
        if strict and sentence_start and b - a >= 3 and self.name_score(a + 1, b) >= 3:
            return a + 1, b
        return None

    def scan(self) -> list[Occurrence]:
        kinds, texts, folds, lex = self.kinds, self.texts, self.folds, self.lex
        found: list[Occurrence] = []
        pending: list[Role] = []  # roles without a name, chained right before token i
        comrade = False
        i = 0
        while i < self.n:
            if kinds[i] != "cap" and folds[i] not in lex.cue_words:  # neither a cue nor a name
                i += 1
                if texts[i - 1] not in ROLE_SEPARATORS:
                    pending, comrade = [], False
                continue
            h = self.phrase(i, lex.honorifics)
            if h:
                comrade = self.words(i, i + h) in lex.comrades.items
                i += h
                if i < self.n and not self.title(i)[0] and kinds[i] == "cap":
                    span = self.name_at(i, strict=False)
                    if span:
                        roles, j = self.roles_after(span[1])
                        found.append(self.occurrence(span, _chained(pending) + roles, comrade))
                        i = j
                    else:
                        i = self.cap_run(i) or i + 1
                    pending, comrade = [], False
                continue
            if self.title(i)[0]:
                role, end, name = self.role(i)
                if name is not None:
                    roles, j = self.roles_after(end)
                    found.append(self.occurrence(name, _chained(pending) + [role] + roles, comrade))
                    pending, comrade = [], False
                    i = j
                    continue
                pending.append(role)
                i = end
                if i < self.n and (texts[i] in ROLE_SEPARATORS or self.phrase(i, lex.links)):
                    i += 1
                else:
                    pending, comrade = [], False
                continue
            if kinds[i] == "cap":
                span = self.name_at(i, strict=True)
                if span:
                    roles, j = self.roles_after(span[1])
                    if roles:
                        found.append(self.occurrence(span, roles, False))
                        i = j
                        continue
                i = max(self.cap_run(i), i + 1)
            else:
                i += 1
            if texts[i - 1] not in ROLE_SEPARATORS:
                pending, comrade = [], False
        return found

    def places(self) -> list[Place]:
        """Every unit named in the paragraph ("TP Hà Nội", "TP. HCM", "Huyện ủy Tân Hồng"); the
        name stops before a person's name ("huyện Phú Xuyên Lê Văn Bính")."""
        out = []
        for k in range(self.n):
            n, utype = self.unit_at(k)
            organ = not n
            if organ:
                n = self.phrase(k, self.lex.organs)
                utype = self.lex.organs.get(self.words(k, k + n)) if n else None
                if n and k + n < self.n and self.unit_at(k + n)[0]:
                    continue  # "Thành ủy TP. HCM": the unit word's place
            a = k + n
            if not n or a >= self.n:
                continue
            if self.texts[a] == "." and not self.spaced[a] and self.folds[k] in DOTTED \
                    and a + 1 < self.n:
                a += 1  # "TP. HCM"
            if self.kinds[a] == "upper" and len(self.texts[a]) <= 6:
                b = a + 1  # "TP HCM"
            else:
                b = self.cap_run(a)
                person = self.best_name(a, b)
                b = person if person is not None else b
            if not a < b <= a + 4:
                continue
            text = self.article.text
            start = a if organ else k
            name = text[self.s[a]:self.e[b - 1]]
            span = (self.s[start], self.e[b - 1])
            before = " ".join(self.folds[max(0, start - MAX_ORG_TOKENS):start])
            out.append(Place(utype, name, key(expand(name)), text[span[0]:span[1]], span, before))
        return out

    def occurrence(self, tok_span: tuple[int, int], roles: list[Role], comrade: bool) -> Occurrence:
        a, b = tok_span
        name = (self.s[a], self.e[b - 1])
        return Occurrence(name, " ".join(self.folds[a:b]), roles, comrade)


def _chained(roles: list[Role]) -> list[Role]:
    for r in roles:
        r.chained = True
    return roles


# --------------------------------------------------------------------------- merging


def _compact(s: str | None) -> str:
    return NOT_KEY_RE.sub("", fold(s or ""))


def _post(role: Role, text: str) -> tuple[str, str]:
    return _compact(role.title), _compact(text[role.org[0]:role.org[1]] if role.org else "")


def _drop_borrowed(people: dict[str, Person], text: str) -> None:
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


def _merge_roles(roles: list[Role], text: str) -> list[Role]:
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


def _complete(role: Role, index: PlaceIndex) -> None:
    """Name the unit of an organisation that ends in a bare unit word or party committee ("HĐND
    TP" -> "HĐND TP Hà Nội"): the same organisation with a name elsewhere in the article, else
    the one name the article gives units of that type."""
    if role.bare_unit is None:
        return
    same_org = index.after.get((role.bare_unit, role.prefix)) if role.prefix else None
    if same_org:
        role.completion = same_org
        role.completion_text = same_org.surface if role.organ else same_org.name
    elif len(index.names[role.bare_unit]) == 1:
        role.completion = index.first[role.bare_unit]
        role.completion_text = role.completion.name


def _paragraphs(article: Article) -> list[Span]:
    s0, e0 = article.body
    paras = [(s, e) for s, e in article.paragraphs if s0 <= s and e <= e0]
    if not paras and e0 > s0:
        paras = [m.span() for m in LINE_RE.finditer(article.text, s0, e0)]
    return paras


class Paragraphs:
    """The body's paragraphs, each tokenized and parsed only when an extractor needs it: most
    hold no title, no cue and no name, and tokenizing them would be wasted."""

    def __init__(self, article: Article, lex: Lexicon):
        self.article, self.lex = article, lex
        self.spans = _paragraphs(article)
        self.parsers: dict[int, ParagraphParser] = {}

    def parser(self, k: int) -> ParagraphParser:
        if k not in self.parsers:
            toks = tokenize(self.article, self.spans[k])
            self.parsers[k] = ParagraphParser(toks, self.lex, self.article)
        return self.parsers[k]

    def matching(self, test: Callable[[str], object]) -> Iterator[ParagraphParser]:
        """Parsers of the paragraphs, in order, whose folded text passes `test`: a prefilter
        that never fails a paragraph the parser would find something in."""
        folded = self.article.folded
        for k, (s, e) in enumerate(self.spans):
            if test(folded[s:e]):
                yield self.parser(k)


def _names_test(people: dict[str, Person]) -> Callable[[str], bool]:
    """Whether a folded paragraph may name one of `people` in full: it holds every syllable."""
    names = [k.split() for k in people]
    return lambda folded: any(all(w in folded for w in words) for words in names)


def _full_mentions(parsers: Iterable[ParagraphParser], people: dict[str, Person]) -> None:
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


def _short_mentions(parsers: Iterable[ParagraphParser], people: dict[str, Person]) -> None:
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

    for parser in parsers:
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


def extract_officials(article: Article, units: Sequence[dict] = ()) -> list[dict]:
    """Officials named in `article.body`, in order of first mention (SCHEMA.md `Official`);
    `units` (SCHEMA.md `Unit`) only fill each role's `unit`."""
    lex = lexicon()
    text = article.text
    if len(article.folded) != len(text):
        article = dataclasses.replace(article, folded=fold(text))
    paragraphs = Paragraphs(article, lex)
    people: dict[str, Person] = {}
    cued = list(paragraphs.matching(lex.cue_re.search))  # a title or another cue
    for parser in cued:
        for occ in parser.scan():
            person = people.setdefault(occ.key, Person(text[occ.name[0]:occ.name[1]]))
            person.roles.extend(occ.roles)
            person.comrade |= occ.comrade
    _drop_borrowed(people, text)
    people = {k: p for k, p in people.items() if p.roles or p.comrade}
    if not people:
        return []
    bare = [role for person in people.values() for role in person.roles if role.bare_unit is not None]
    if bare:
        places = [place for parser in paragraphs.matching(lex.unit_re.search) for place in parser.places()]
        index = PlaceIndex(places)
        for role in bare:
            _complete(role, index)
    _full_mentions(paragraphs.matching(_names_test(people)), people)
    _short_mentions(cued, people)
    # a person whose every occurrence was taken by a longer name (or lies past the body's end)
    # has nothing to ground it: leave it out rather than emit an official without a span
    ordered = sorted((p for p in people.values() if p.mentions), key=lambda p: min(p.mentions))
    return [{"id": f"p{n}",
             "name": person.name,
             "roles": [_role_dict(r, text, units) for r in _merge_roles(person.roles, text)],
             "mentions": [list(m) for m in sorted(set(person.mentions))]}
            for n, person in enumerate(ordered, 1)]


BRACKET_SPACE_RE = regex.compile(r"(?<=\()\s+|\s+(?=\))")  # spaces just inside brackets


def _role_dict(role: Role, text: str, units: Sequence[dict]) -> dict:
    org = normalize_tones(text[role.org[0]:role.org[1]]) if role.org else None
    if org:
        org = BRACKET_SPACE_RE.sub("", org)  # a crawl's "( CECODES )" -> "(CECODES)"
    if org and role.org_head:
        org = f"{role.org_head} {org}"
    where = [role.org] if role.org else []
    if role.completion is not None:
        org += " " + expand(role.completion_text)
        where.append(role.completion.span)
    unit = next((u["id"] for a, b in where for u in units for s, e in u.get("mentions", ())
                 if a <= s and e <= b), None)
    return {"title": role.title, "org": org, "org_expanded": expand(org), "unit": unit}
