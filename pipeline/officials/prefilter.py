"""`may_name`: a test on a paragraph's text, without tokenizing it, that every paragraph in
which `ParagraphParser.scan` finds a person passes (over half the cued paragraphs name an
office and no person; on the real corpora two thirds of those fail it).

Every occurrence the scan reports has a capitalised token (kind "cap") that is one of:
- the first after an honorific ("ông", "đồng chí", "đ/c"), names and short names alike;
- a family name (surnames.yml, `with_middle_name` ones too) with another capitalised token
  right after it, or "Thị": `name_score`, which every other name passes, gives 0 to a run of
  capitalised words without either;
- a run of ASCII letters that is not a Vietnamese syllable: a foreign name after a title.
So the test reads the paragraph's capitalised tokens only (their first letter is one that is
not lower case), and the folded text (whose letters and offsets are the text's) for the words.
"""
from __future__ import annotations

import functools
import re
import sys

import regex

from ..pattern_cache import compile_re
from ..textkeys import BEYOND_BMP_RE, bmp_classes, class_ranges
from .lexicon import lexicon
from .reader import VIET_SYLLABLE_RE


@functools.cache
def _not_lower_letters() -> str:
    """The inside of a `re` character class of the BMP letters a "cap" token may start with:
    \\p{L} (as the tokenizer reads it) and not lower case."""
    from ..startup_cache import load_or_build, stable_key

    return load_or_build("not-lower-letters", stable_key("not-lower-ranges", regex.__version__, sys.version),
                         _build_not_lower_letters)


def _build_not_lower_letters() -> str:
    letter, = bmp_classes((r"\p{L}",))
    return class_ranges([ord(c) for c in re.findall(f"[{letter}]", "".join(map(chr, range(0x10000)))) if not c.islower()])


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """`re` patterns of a capitalised token, of a letter, of the gap between two tokens."""
    letter, mark, space = bmp_classes((r"\p{L}", r"\p{M}", r"\s"))
    return (compile_re(f"[{_not_lower_letters()}][{letter}{mark}]*"), compile_re(f"[{letter}]"),
            compile_re(f"[{space}{mark}]*"))


@functools.cache
def _words() -> tuple[frozenset, frozenset, tuple[int, ...]]:
    """(family names, the last words of honorifics, the lengths of those), folded."""
    lex = lexicon()
    honorifics = frozenset(w[-1] for w in lex.honorifics.items)
    return (frozenset({*lex.surnames, *lex.surnames_with_middle}), honorifics,
            tuple(sorted({len(h) for h in honorifics})))


def may_name(text: str, folded: str, start: int, end: int) -> bool:
    """False only if no person can be read in text[start:end] (`folded` the folded text)."""
    if BEYOND_BMP_RE.search(text, start, end):
        return True  # the `re` classes stop at the BMP: parse it
    cap_re, letter_re, gap_re = _patterns()
    names, honorifics, lengths = _words()
    for m in cap_re.finditer(text, start, end):
        s, e = m.span()
        if s > start and letter_re.match(text, s - 1):
            continue  # inside a token
        word = folded[s:e]
        if word == "thị":
            return True
        if word in names and (g := gap_re.match(text, e, end).end()) < end and cap_re.match(text, g):
            return True
        if word.isascii() and (e - s == 1 or text[s + 1:e].islower()) and not VIET_SYLLABLE_RE.fullmatch(word):
            return True
        g = s  # the honorific before: its last word, then the gap
        while g > start and gap_re.match(text, g - 1, g).end() == g:
            g -= 1
        if g < s and any(folded[g - n:g] in honorifics and (g - n == start or not letter_re.match(text, g - n - 1))
                         for n in lengths if g - n >= start):
            return True
    return False
