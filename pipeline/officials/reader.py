"""Tokens of one paragraph and the `Reader` over them: phrase look-ups in the lexicon, unit
words, place names and the tests for a personal name."""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from itertools import accumulate, chain

from .. import gazetteer
from ..pattern_cache import compile_pattern, compile_re
from ..segment import Article, Span
from ..textkeys import BEYOND_BMP_RE, bmp_classes
from .lexicon import TOKEN_RE, Lexicon, Phrases, Title

MAX_RUN = 12  # a longer run of capitalised words is neither a name nor a place
# a syllable Vietnamese could write (tones removed): onset, vowels, final consonant
VIET_SYLLABLE_RE = compile_pattern(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
ASCII_WORD_RE = compile_pattern(r"[A-Za-z]+")

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


@functools.cache
def _gap_token_re() -> re.Pattern:
    """TOKEN_RE with the gap before each token, as a standard `re` pattern (exact on text within
    the Basic Multilingual Plane): (gap, token) pairs. What is not a token's first character is
    a space or a mark, so the pairs run on from the paragraph's start without a skipped
    character, and the offsets are the running sums of their lengths."""
    letter, mark, digit, space = bmp_classes((r"\p{L}", r"\p{M}", r"\d", r"\s"))
    return compile_re(f"([{space}{mark}]*)([{letter}][{letter}{mark}]*|[{digit}]+|[^{space}{letter}{mark}{digit}])")


def tokenize(article: Article, span: Span) -> Tokens:
    s0, e0 = span
    text, folded = article.text, article.folded
    if BEYOND_BMP_RE.search(text, s0, e0):
        spans = [m.span() for m in TOKEN_RE.finditer(text, s0, e0)]
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        texts = [text[s:e] for s, e in spans]
        spaced = [s > prev_end for s, prev_end in zip(starts, [s0, *ends])]
    else:  # the common case, scanned by `re` (twice as fast as TOKEN_RE)
        pairs = _gap_token_re().findall(text, s0, e0)
        bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=s0))
        starts, ends = bounds[1::2], bounds[2::2]
        texts = [token for _, token in pairs]
        spaced = [gap != "" for gap, _ in pairs]
    return Tokens(starts, ends, texts, [folded[s:e] for s, e in zip(starts, ends)], list(map(_kind, texts)), spaced)


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
        if i >= self.n:
            return 0
        folds = self.folds
        lengths = table.lengths.get(folds[i])
        if lengths is None:
            return 0
        items, room = table.items, self.n - i
        for n in lengths:  # the longest first
            if n <= room and tuple(folds[i:i + n]) in items:
                return n
        return 0

    def title(self, i: int) -> tuple[Title | None, int]:
        n = self.phrase(i, self.lex.titles) if i < self.n and self.folds[i] in self.lex.titles.longest else 0
        if n:
            return self.lex.titles.items[self.words(i, i + n)], i + n
        if i + 1 < self.n and self.folds[i] in self.lex.title_qualifiers:
            entry, j = self.title(i + 1)  # "nguyên Bộ trưởng": a former post
            if entry is not None:
                return dataclasses.replace(entry, title=f"{self.folds[i]} {entry.title}"), j
        return None, i

    def is_name_word(self, k: int) -> bool:
        titles = self.lex.titles
        return self.kinds[k] == "cap" and (self.folds[k] not in titles.longest or not self.phrase(k, titles))

    def cap_run(self, i: int) -> int:
        """End of the run of capitalised words from i (spaces between, no title inside)."""
        k = i
        while k < self.n and k - i <= MAX_RUN and self.is_name_word(k) and (k == i or self.spaced[k]):
            k += 1
        return k

    def unit_at(self, k: int) -> tuple[int, str | None]:
        """(length, unit type) of the unit word at token k ("huyện", "thành phố", "TP"), or (0, None)."""
        if k >= self.n or self.folds[k] not in self.lex.unit_words.longest:
            return 0, None  # the common case, without the look-ups
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

    def in_place(self, k: int, b: int | None = None) -> bool:
        """Whether token k starts or continues a place name ("Hà Nội", "Bình Dương"); with `b`, a
        place that starts at k and ends before b does not count: "Đồng Văn Thanh" is a name
        longer than the place "Đồng Văn"."""
        first_words = self.lex.places.longest
        for j in range(max(0, k - 3), k + 1):
            if j < k and self.kinds[j] != "cap":
                continue  # a place is written capitalised: "quốc gia Lâm Thị Kim Oanh" holds no "Gia Lâm"
            n = self.phrase(j, self.lex.places) if j < self.n and self.folds[j] in first_words else 0
            if n > k - j and (j < k or b is None or j + n >= b):
                return True
        return False

    def unit_named(self, utype: str, k: int, b: int) -> bool:
        """Whether tokens k..b-1, after a unit word of type `utype`, may name that unit: for the
        types whose every unit the register lists (provinces), only a name it holds does
        ("tỉnh Hà Giang"; "UBND tỉnh Hoàng Giang" is a person)."""
        if utype not in self.lex.register_units:
            return True
        return bool(gazetteer.candidates(utype, " ".join(self.texts[k:b])))

    # ------------------------------------------------------------------ names

    def name_score(self, k: int, b: int) -> int:
        """How likely tokens k..b-1 are a Vietnamese personal name; 0: they are not one."""
        words = self.folds[k:b]
        if not 2 <= len(words) <= 4 or self.in_place(k, b):
            return 0
        tier = self.lex.surnames.get(words[0], 0)
        if words[1] == "thị" or (len(words) >= 3 and words[0] in self.lex.surnames_with_middle
                                 and words[1] in self.lex.middles):
            tier = max(tier, 1)
        if not tier:
            return 0
        middle = len(words) >= 3 and words[1] in self.lex.middles
        utype = self.unit_word_before(k)
        if utype and not middle and self.unit_named(utype, k, b):
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
