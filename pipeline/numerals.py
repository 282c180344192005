"""Vietnamese numerals: how numbers are written (digits with "." thousands and "," decimals,
spaced groups, number words), what they are worth, and the phrase lexicon the number readers
share (`numbers.py` finds them, `number_exclusions.py` says which are not figures)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import key

# A number as written: "42.503", "2.065", "0,58", "91,16", "42 503", "2065", "1,5".
NUMERAL = r"""(?:\d{1,3}(?:\.\d{3})+(?:,\d+)? | \d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,]\d) | \d+(?:,\d+)?
             | \d{1,3}\.\d{1,2}(?=[ \u00a0]?%))"""  # last: "54.9%", a decimal point only before "%"
NUMBER_RE = compile_pattern(
    rf"""(?<![\p{{L}}\d.,/\-:]|\d[.,])                      # not inside a word, code or version
    (?P<num>{NUMERAL})
    (?:
        (?<=(?<![\d.,])\d{{1,3}})(?P<spaced_dec>[ ]+,[ ]+(?P<frac>\d{{1,3}})[ ]?%)  # "31 , 2 %": a tokenizer's 31,2%
      | (?P<pct_range>\s?%\s?[-–]\s?)(?P<num3>{NUMERAL})\s?%      # 12%-15%
      | (?P<pct>\s?(?:%|phần\s+trăm))                       # 91,16%  99,5 %  50 phần trăm
      | \s?/\s?(?P<den>{NUMERAL})(?![\d/]|[.,]\d|\s?/)    # 22/24  235/264  88,35/100
        (?P<den_pct>\s?%)?
      | (?P<range>\s?[-–]\s?)(?P<num2>{NUMERAL})(?P<pct2>\s?%)?  # 95-98%, 65.000-70.000 hồ sơ
    )?
    (?![\d\p{{L}}]|[.,]\d|/\p{{L}}|-\p{{L}})                # not "2.0", "500kV", "249/KH", "60-NQ"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
FRACTION_OF_RE = compile_pattern(r"(?:tổng[ \u00a0]+)?số[ \u00a0]+")
ROUND_THE_CLOCK = {(24, 24), (24, 7)}  # hours a day, days a week
DATE_AFTER_RE = compile_pattern(r"^\s?[/.\-]\s?\d{1,2}(?:\s?[/.\-]\s?\d{2,4})?")


@dataclass
class NumberMatch:
    start: int
    end: int
    surface: str
    value: float
    denominator: float | None = None
    form: str = "number"  # number | percent | ratio | words | zero | ordinal
    approx: str | None = None  # set for range ends ("at_least"/"at_most")
    excluded: str | None = None  # why this is not a figure, or None for a candidate
    # a count in words whose next word is not a counted noun ("bốn thẻ hồng"): a figure only
    # beside other figures of its sentence, with an ordinary noun after it (figures.py)
    open_noun: bool = False


# --------------------------------------------------------------------------- parsing

def parse_numeral(s: str) -> float:
    """Vietnamese numeral -> number: "2.065" = 2065, "0,58" = 0.58, "42 503" = 42503; a dot
    followed by one or two digits is a decimal point ("54.9" = 54.9: only before "%")."""
    s = s.replace("\u00a0", " ").replace(" ", "")
    if DOT_DECIMAL_RE.fullmatch(s):
        return float(s)
    if "," in s:
        whole, frac = s.rsplit(",", 1)
        return float(whole.replace(".", "") + "." + frac)
    return float(s.replace(".", ""))


def as_number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


@functools.cache
def _number_words() -> dict:
    data = load_yaml("figures.yml")["number_words"]
    return {
        "digits": {key(k): v for k, v in data["digits"].items()},
        "ten": {key(w) for w in data["ten"]},
        "tens": {key(w) for w in data["tens_marker"]},
        "mult": {key(k): v for k, v in data["multipliers"].items()},
        "point": {key(w) for w in data["decimal_point"]},
        "vague": Phrases(key(w) for w in data["vague_before"]),
        "ordinals": {key(k): v for k, v in data["ordinals"].items()},
        "single_word_figures": frozenset(key(w) for w in data["single_word_figures"]),
        "one_counts_after": Phrases(key(w) for w in data["one_counts_after"]),
        "five_counts_after": tuple(key(w) for w in data["five_counts_after"]),
        "have_not_counting_after": Phrases(key(w) for w in data["have_not_counting_after"]),
    }


@functools.cache
def scale_words() -> dict[str, float]:
    """The scale words written after digits ("1,87 triệu", "325 nghìn"), folded, and what they
    multiply by."""
    return {w: v for w, v in _number_words()["mult"].items() if v >= 1000}


def parse_number_words(words: list[str]) -> float | None:
    """Vietnamese number words -> value: ["hai", "mươi", "mốt", "nghìn", "không", "trăm",
    "mười", "một"] = 21011; "mười hai phẩy năm" = 12.5. None when the words are not one number."""
    lex = _number_words()
    words = [key(w) for w in words]
    if not words:
        return None
    if any(w in lex["point"] for w in words):
        i = next(i for i, w in enumerate(words) if w in lex["point"])
        whole = parse_number_words(words[:i])
        digits = [lex["digits"].get(w) for w in words[i + 1:]]
        if whole is None or not digits or None in digits:
            return None
        return float(f"{int(whole)}.{''.join(str(d) for d in digits)}")
    total = 0  # completed groups (thousands, millions ...)
    group = 0  # the current group below the multiplier
    current = None  # the digit or tens value being built
    seen = False
    for w in words:
        if w in lex["digits"]:
            d = lex["digits"][w]
            if current is None or current == 0:  # "linh năm", "lẻ một": the zero tens
                current = d
            elif current % 10 == 0 and current >= 10:
                current += d  # "hai mươi mốt" = 20 + 1, "mười một" = 10 + 1
            else:
                return None
        elif w in lex["ten"]:
            current = 10 if current is None else (current + 10 if current == 0 else None)
            if current is None:
                return None
        elif w in lex["tens"]:
            if current is None or not 1 <= current <= 9:
                return None
            current *= 10
        elif w in lex["mult"]:
            m = lex["mult"][w]
            base = 1 if current is None and not seen else (current or 0)
            if m == 100:
                group += base * 100
            else:
                total += (group + base) * m
                group = 0
            current = None
        else:
            return None
        seen = True
    return float(total + group + (current or 0))


# --------------------------------------------------------------------------- lexicon

@functools.cache
def lexicon() -> dict:
    data = load_yaml("figures.yml")
    after = {}
    for reason, words in data["not_figure_nouns"].items():
        for w in words:
            after[key(w)] = reason
    counted = {}
    for obj, words in data["objects"].items():
        for w in words:
            counted.setdefault(key(w), obj)
    before = Phrases(key(w) for w in data["not_figure_before"]["level"])
    zero = data["zero_phrase"]
    return {"after": PhraseMap(after), "before": before, "counted": PhraseMap(counted),
            "verbs_before": Phrases(key(w) for w in data["not_figure_before"]["verbs"]),
            "quantity_before": Phrases(key(w) for w in data["not_figure_before"]["quantity"]
                                       + data["not_figure_before"]["compounds"]),
            "scale_before": Phrases(key(w) for w in data["not_figure_before"]["scale"]),
            "context_before": Phrases(key(w) for w in data["not_figure_before"]["context"]),
            "qualifiers": Phrases(key(w) for ws in data["qualifiers"].values() for w in ws),
            "negation_re": compile_pattern(
                r"(?<!\p{L})(?:" + "|".join(regex.escape(key(w)) for w in zero["negations"]) + r")[ \u00a0]+"),
            "zero_nouns": Phrases(key(w) for w in zero["nouns"]),
            "zero_nouns_with_nao": Phrases(key(w) for w in zero["nouns_with_nao"])}


def _lengths_by(phrases, pick, shortest: int = 1) -> dict[str, list[int]]:
    """Phrase lengths, longest first, grouped by a piece of the phrase (its first two characters,
    its last one), for the phrases of at least `shortest` characters."""
    out: dict[str, set[int]] = {}
    for p in phrases:
        if len(p) >= shortest:
            out.setdefault(pick(p), set()).add(len(p))
    return {c: sorted(ls, reverse=True) for c, ls in out.items()}


def _spaced(phrase: str) -> str:
    """The phrase as tokenized crawls write it, with a space before commas: "bộ , cơ quan"."""
    return phrase.replace(", ", " , ")


class Phrases(frozenset):
    """A set of folded phrases that also knows their lengths by first and by last character,
    so that a match at a position costs a few set lookups instead of a pass over the lexicon.
    Phrases with a comma also match as tokenized crawls write them ("xã , phường")."""

    def __new__(cls, phrases=()):
        phrases = set(phrases)
        self = super().__new__(cls, phrases | {_spaced(p) for p in phrases if isinstance(p, str)})
        self.starting = _lengths_by(self, lambda p: p[:2], shortest=2)  # a first letter alone leaves dozens
        self.ending = _lengths_by(self, lambda p: p[-1])
        return self


class PhraseMap(dict):
    """phrase -> label, indexed like `Phrases` (build it once, do not mutate it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for phrase, label in list(self.items()):
            self.setdefault(_spaced(phrase), label)
        self.starting = _lengths_by(self, lambda p: p[:2], shortest=2)  # a first letter alone leaves dozens
        self.ending = _lengths_by(self, lambda p: p[-1])


def phrase_at(folded: str, pos: int, phrases) -> str | None:
    """The longest phrase of `phrases` (folded keys) that starts at `pos` and ends on a word
    boundary."""
    if pos >= len(folded):
        return None
    if not isinstance(phrases, (Phrases, PhraseMap)):  # (inline: called a hundred times an article)
        phrases = Phrases(phrases)
    size = len(folded)
    for n in phrases.starting.get(folded[pos:pos + 2], ()):  # the phrases of two characters or more
        end = pos + n
        if end <= size and folded[pos:end] in phrases and (end == size or not folded[end].isalnum()):
            return folded[pos:end]
    if folded[pos] in phrases and (pos + 1 == size or not folded[pos + 1].isalnum()):
        return folded[pos]  # a phrase of one character
    return None


def phrase_before(folded: str, pos: int, phrases) -> str | None:
    """The longest phrase of `phrases` that ends right before `pos` (whitespace between)."""
    if not isinstance(phrases, (Phrases, PhraseMap)):  # (inline: called a hundred times an article)
        phrases = Phrases(phrases)
    end = pos
    while end > 0 and folded[end - 1] in " \u00a0":
        end -= 1
    if end == 0:
        return None
    for n in phrases.ending.get(folded[end - 1], ()):
        s = end - n
        if s >= 0 and folded[s:end] in phrases and (s == 0 or not folded[s - 1].isalnum()):
            return folded[s:end]
    return None


DOT_DECIMAL_RE = compile_pattern(r"\d{1,3}\.\d{1,2}")
NON_DIGIT_RE = compile_pattern(r"\D")
SCORE_OR_PERCENT_RE = compile_pattern(r"\s*(điểm|%)")
YEAR_RANGE_AFTER_RE = compile_pattern(r"[ \u00a0]*[-–][ \u00a0]*(19|20)\d\d")
PERCENT_WORDS_RE = compile_pattern(r"[ \u00a0]*phần[ \u00a0]+trăm")
NAO_RE = compile_pattern(r"[ \u00a0]+nào(?!\p{L})")
WORDS_AFTER_RE = compile_pattern(r"[ \u00a0]*([\p{L}\p{N}]+(?:[ \u00a0]+[\p{L}]+){0,3})")


@functools.lru_cache(maxsize=4096)  # asked again for the same number by exclusions and figures
def word_after(folded: str, pos: int) -> str:
    """Up to four words after `pos` (the first may be a number)."""
    m = WORDS_AFTER_RE.match(folded, pos, pos + 60)
    return m.group(1) if m else ""
