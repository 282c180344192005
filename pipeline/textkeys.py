"""Matching keys for Vietnamese text that fold case and tone placement.

Vietnamese writes the tone mark of a syllable such as "hoa" + sắc either on the first vowel
("hóa", the traditional placement used by the official unit register) or on the second
("hoá", the "new" placement); likewise "Thụy"/"Thuỵ", "Ủy"/"Uỷ". Both are common in news text.
`fold` maps every syllable to one placement and lower case *without changing the length of
the string*, so a regex run over `fold(text)` yields offsets that are valid in `text`.
"""
from __future__ import annotations

import functools
import re
import sys
import unicodedata
from typing import Iterable, Iterator, Sequence

import regex
from .pattern_cache import compile_pattern, compile_re

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# Base vowels (after removing the tone mark); the vowels that carry their own diacritic
# (â ă ê ô ơ ư) always take the tone.
VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
WORD_RE = compile_pattern(r"\p{L}+")


def _split_tone(syllable: str) -> tuple[str, str]:
    """Return (syllable without its tone mark, NFC; the tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = ""
    kept = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tone = ch
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _tone_position(base: str) -> int | None:
    """Index in `base` (lower case, toneless) of the vowel that takes the tone, traditional style."""
    start = 0
    if base.startswith("qu") and len(base) > 2:
        start = 2
    elif base.startswith("gi") and len(base) > 2 and base[2] in VOWELS:
        start = 2
    vowel_idx = [i for i in range(start, len(base)) if base[i] in VOWELS]
    if not vowel_idx:
        vowel_idx = [i for i in range(len(base)) if base[i] in VOWELS]
        if not vowel_idx:
            return None
    # the vowel cluster is the first run of consecutive vowels
    cluster = [vowel_idx[0]]
    for i in vowel_idx[1:]:
        if i == cluster[-1] + 1:
            cluster.append(i)
        else:
            break
    marked = [i for i in cluster if base[i] in MARKED_VOWELS]
    if marked:
        return marked[-1]  # "ươ" -> ơ, "uyê" -> ê
    closed = cluster[-1] < len(base) - 1
    if len(cluster) == 1:
        return cluster[0]
    if closed:
        return cluster[-1]  # "hoàng", "thuyết"
    if len(cluster) == 3:
        return cluster[1]  # "oai", "uây"
    return cluster[0]  # open two-vowel syllable: "hóa", "thụy", "mái"


def _retone(word: str) -> str:
    base, tone = _split_tone(word)
    if not tone or len(base) != len(word):
        return word  # no tone, or not a plain Vietnamese syllable: leave it
    lower = base.lower()
    pos = _tone_position(lower)
    if pos is None:
        return word
    out = base[:pos] + unicodedata.normalize("NFC", base[pos] + tone) + base[pos + 1:]
    return out if len(out) == len(word) else word


@functools.lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """One syllable (or word without spaces) in NFC with traditional tone placement, case kept."""
    return _retone(unicodedata.normalize("NFC", word))


def _normalize_match(m: regex.Match) -> str:
    return normalize_word(m.group())


@functools.lru_cache(maxsize=65536)
def _normalize_piece(piece: str) -> str:
    """`normalize_tones` of a piece of text without spaces: most pieces are one plain word (or
    ASCII, which has no tones), and the same few thousand recur in every article."""
    if piece.isascii():
        return piece
    if piece.isalpha():
        return normalize_word(piece)
    return WORD_RE.sub(_normalize_match, piece)


def normalize_tones(text: str) -> str:
    """`text` with every syllable in traditional tone placement ("Thuỵ" -> "Thụy"); same length
    for NFC input. A syllable never spans a space, so the text is normalised space-separated
    piece by piece (several times faster than one regex substitution over all of it)."""
    return " ".join(map(_normalize_piece, text.split(" ")))


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters ("İ") grow when lowered; fold them one by one
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


SHORT_TEXT = 64  # below this length `fold` results are cached: words and phrases recur in every article


def _fold(text: str) -> str:
    folded = _lower_same_length(normalize_tones(text))
    return folded if len(folded) == len(text) else _lower_same_length(text)


_fold_short = functools.lru_cache(maxsize=65536)(_fold)


def fold(text: str) -> str:
    """Lower case + traditional tone placement; `len(fold(t)) == len(t)` for NFC `t`."""
    return _fold_short(text) if len(text) < SHORT_TEXT else _fold(text)


@functools.lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A comparison key: NFC, folded, whitespace collapsed (not length-preserving)."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


def folded_alternation(phrases) -> str:
    """Folded phrases as a regex alternation, longest first, a space matching any run of blanks
    (space, tab, no-break space): for patterns run over `fold(text)`."""
    keys = sorted({fold(p) for p in phrases}, key=lambda k: (-len(k), k))  # the same text every run
    return "|".join(regex.escape(k).replace(r"\ ", r"[ \t\u00a0]+") for k in keys)


def phrase_alternation(phrases, gap: str, escape=regex.escape) -> str:
    """A regex alternation of `phrases` (sequences of words, each escaped with `escape`) with the
    words of a phrase separated by `gap` and shared first words factored out ("thông(?:GAP(?:tư
    |báo))"): the `regex` module searches it several times faster than a flat alternation. A
    longer word, and a phrase continuing another, is tried first, so a match is the longest
    one, as with a flat alternation sorted longest first."""
    trie: dict = {}
    for words in phrases:
        node = trie
        for w in words:
            node = node.setdefault(w, {})
        node[""] = {}  # a phrase ends here

    def alternation(node: dict) -> str:
        branches = []
        for w in sorted(node, key=lambda w: (-len(w), w)):  # the same text every run (pattern_cache.py)
            if w:
                rest = alternation(node[w])
                optional = "?" if "" in node[w] else ""
                branches.append(escape(w) + (f"(?:{gap}(?:{rest})){optional}" if rest else ""))
        return "|".join(branches)

    return alternation(trie)


_GAP, _END = object(), object()  # trie keys: the gap between two words, the end of a phrase


def char_trie_alternation(phrases: Iterable[Sequence[str]], gap: str) -> str:
    """A `re` alternation matching where one of `phrases` (sequences of words) starts, its words
    separated by `gap`, factored character by character ("t(?:ăng|ỷ lệ)"): `re` tries the
    branches of an alternation one by one, so a character trie, which leaves a handful at each
    step, scans several times faster than a word trie whose first level holds every first word.
    A shorter phrase is tried after a longer one it begins, so a match is one of the phrases
    whatever follows it must be."""
    trie: dict = {}
    for words in phrases:
        node = trie
        for k, word in enumerate(words):
            if k:
                node = node.setdefault(_GAP, {})
            for ch in word:
                node = node.setdefault(ch, {})
        if node is not trie:
            node[_END] = {}

    def branches(node: dict) -> list[str]:
        chars = sorted(k for k in node if isinstance(k, str))
        out = [re.escape(ch) + rest(node[ch]) for ch in chars]
        if _GAP in node:
            out.append(gap + rest(node[_GAP]))
        return out

    def rest(node: dict) -> str:
        kids = branches(node)
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else f"(?:{'|'.join(kids)})"
        return f"(?:{body})?" if _END in node else body

    return "|".join(branches(trie))


BEYOND_BMP_RE = re.compile("[\U00010000-\U0010ffff]")  # where `bmp_classes` do not reach


BMP_PROPERTIES = (r"\p{L}", r"\p{M}", r"\p{N}", r"\d", r"\s")  # the classes `bmp_classes` knows


def bmp_classes(props: tuple[str, ...]) -> tuple[str, ...]:
    r"""For each `regex` property class in `props` (among BMP_PROPERTIES), the characters of the
    Basic Multilingual Plane it matches, written as the inside of a standard `re` character class
    (ranges of the characters themselves). A `re` pattern built from them matches exactly as the
    `regex` one on text without characters beyond U+FFFF (test with `BEYOND_BMP_RE`), and scans
    several times faster. Built from the `regex` module's own tables on first use (about 10 ms a
    class), then kept in the start-up cache."""
    classes = _all_bmp_classes()
    return tuple(classes[p] for p in props)


@functools.cache
def _all_bmp_classes() -> dict[str, str]:
    from .startup_cache import load_or_build, stable_key

    # keyed by what they are built from alone (not the pipeline version): every version shares them
    key = stable_key(regex.__version__, sys.version, *BMP_PROPERTIES)
    return load_or_build("bmp-classes", key, lambda: dict(zip(BMP_PROPERTIES, _bmp_classes(BMP_PROPERTIES))))


def _bmp_classes(props: tuple[str, ...]) -> tuple[str, ...]:
    bmp = "".join(map(chr, range(0x10000)))
    return tuple(class_ranges([ord(c) for c in regex.findall(prop, bmp)]) for prop in props)


def class_ranges(points: Sequence[int]) -> str:
    """The inside of a character class of the sorted code `points`, runs of consecutive ones as
    ranges (a short class compiles fast)."""
    ranges, k = [], 0
    while k < len(points):
        j = k
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        a, b = _class_char(points[k]), _class_char(points[j])
        ranges.append(a if k == j else f"{a}-{b}")
        k = j + 1
    return "".join(ranges)


def _class_char(point: int) -> str:
    """A character as written inside a `re` character class: itself (a short pattern compiles
    fast), escaped if the class syntax gives it a meaning."""
    ch = chr(point)
    return "\\" + ch if ch in "\\]^-[&~|" else ch


LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"  # all of them \p{L}
# the same letters as a set: a membership test is several times cheaper than a regex match
_LATIN_LETTER_SET = frozenset(re.findall(f"[{LATIN_LETTERS}]", "".join(map(chr, range(0x1f00)))))


class PhraseFinder:
    """`finditer` and `search` of `pattern`, a `regex` pattern over folded text whose matches
    are one of `phrases` (sequences of words) with no letter before or after it and spaces (or
    marks) between its words, sped up: `pattern` is tried only where a standard `re` pattern,
    several times faster at scanning, finds one of the phrases with anything but a letter
    between the words and no Latin letter around it. That is everywhere `pattern` can match,
    so the matches are exactly those of `pattern`.

    The pre-scan starts with the phrases' words themselves (no look-behind first), so that `re`
    skips ahead to the characters a phrase can start with; the letter before a candidate is
    tested here, and the scan goes on one character further when a candidate fails."""

    def __init__(self, pattern: regex.Pattern, phrases: Iterable[Sequence[str]], open_end: bool = False):
        """`open_end`: `pattern` may match a phrase that runs on into letters ("tp." of "tp.hcm"),
        so the pre-scan does not ask for a non-letter after it."""
        alternation = char_trie_alternation(phrases, r"\W*")
        self.pattern = pattern
        self.candidates = compile_re(f"(?:{alternation})" if open_end else rf"(?:{alternation})(?![{LATIN_LETTERS}])")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        endpos = len(text) if endpos is None else endpos
        search, match, latin = self.candidates.search, self.pattern.match, _LATIN_LETTER_SET
        while True:
            c = search(text, pos, endpos)
            if c is None:
                return
            start = c.start()
            m = None if start and text[start - 1] in latin else match(text, start, endpos)
            if m:
                pos = m.end()  # matches do not overlap
                yield m
            else:
                pos = start + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        return [m.span() for m in self.finditer(text, pos, endpos)]


_WORD_CHAR_RE = compile_pattern(r"[\p{L}\d]")
_BLANKS = " \t\u00a0"


class FewNamesFinder:
    r"""The spans of `(?<![\p{L}\d])(?:folded_alternation(names))(?![\p{L}\d])` (the names'
    folded keys, a space matching any run of blanks), found without compiling a pattern (about
    0.4 ms an article): each key's first word is found with `str.find`, and the keys starting
    there are tried longest first, as the alternation is. For a few names of single-spaced words
    (`usable`); a paragraph is scanned once for each distinct first word."""

    def __init__(self, names: Iterable[str]):
        keys = sorted({fold(n) for n in names}, key=len, reverse=True)
        self.keys = [tuple(k.split(" ")) for k in keys]  # longest first
        self.by_first: dict[str, list[int]] = {}  # first word -> indexes in `keys`
        for i, words in enumerate(self.keys):
            self.by_first.setdefault(words[0], []).append(i)

    @staticmethod
    def usable(names: Sequence[str], limit: int = 16) -> bool:
        keys = {fold(n) for n in names}
        return len(keys) <= limit and all(k and k == " ".join(k.split()) for k in keys)

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        endpos = len(text) if endpos is None else endpos
        starts: dict[int, list[int]] = {}
        for first, indexes in self.by_first.items():
            at = text.find(first, pos, endpos)
            while at >= 0:
                starts.setdefault(at, []).extend(indexes)
                at = text.find(first, at + 1, endpos)
        out, resume = [], pos
        for start in sorted(starts):
            if start < resume or (start and _WORD_CHAR_RE.match(text, start - 1)):
                continue
            for i in sorted(starts[start]):
                end = self._end_of(self.keys[i], text, start, endpos)
                if end is not None:
                    out.append((start, end))
                    resume = end
                    break
        return out

    @staticmethod
    def _end_of(words: tuple[str, ...], text: str, start: int, endpos: int) -> int | None:
        """Where `words` end when they start at `start` (blanks between them) and no letter or
        digit follows them before `endpos`; None if they do not."""
        at = start
        for n, word in enumerate(words):
            if n:
                blank = at
                while at < endpos and text[at] in _BLANKS:
                    at += 1
                if at == blank:
                    return None
            if not text.startswith(word, at, endpos):
                return None
            at += len(word)
        return None if at < endpos and _WORD_CHAR_RE.match(text, at) else at
