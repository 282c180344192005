"""Matching keys for Vietnamese text that fold case and tone placement.

Vietnamese writes the tone mark of a syllable such as "hoa" + sắc either on the first vowel
("hóa", the traditional placement used by the official unit register) or on the second
("hoá", the "new" placement); likewise "Thụy"/"Thuỵ", "Ủy"/"Uỷ". Both are common in news text.
`fold` maps every syllable to one placement and lower case *without changing the length of
the string*, so a regex run over `fold(text)` yields offsets that are valid in `text`.
"""
from __future__ import annotations

import functools
import unicodedata

import regex

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# Base vowels (after removing the tone mark); the vowels that carry their own diacritic
# (â ă ê ô ơ ư) always take the tone.
VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
WORD_RE = regex.compile(r"\p{L}+")


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


def normalize_tones(text: str) -> str:
    """`text` with every syllable in traditional tone placement ("Thuỵ" -> "Thụy"); same length
    for NFC input."""
    return WORD_RE.sub(lambda m: normalize_word(m.group()), text)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # a few characters ("İ") grow when lowered; fold them one by one
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str) -> str:
    """Lower case + traditional tone placement; `len(fold(t)) == len(t)` for NFC `t`."""
    folded = _lower_same_length(normalize_tones(text))
    return folded if len(folded) == len(text) else _lower_same_length(text)


def key(text: str) -> str:
    """A comparison key: NFC, folded, whitespace collapsed (not length-preserving)."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())
