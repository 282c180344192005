"""Counts of ordinary nouns: "29 sinh viên", "14 thẻ xanh", "2 khâu đột phá".

The counted nouns of `resources/figures.yml` name what reform reports count (hồ sơ, thủ tục,
xã ...); a count of any other noun is still a figure, with object `other`. Its head noun is read
from underthesea's part-of-speech tags (`pos_tags`) of a short window after the number, tagged
only where a bare number is followed by a word (tagging costs about a millisecond), unless the
noun measures, locates or names rather than counts (`resources/open_nouns.yml`: đại biểu, con,
yếu tố ...)."""
from __future__ import annotations

import functools

from .pattern_cache import compile_pattern
from .pos_tags import tagged_words
from .resources import load_yaml
from .segment import Article
from .textkeys import key

Span = tuple[int, int]
NOUN_TAGS = frozenset({"N", "Nc"})  # common nouns and classifiers ("cặp", "suất")
PREFIX_TAGS = frozenset({"Z"})  # "Phó" in "4 Phó Bí thư"
MAX_NOUN_WORDS = 3
# a capitalised word right before the number makes it part of a name: "Vùng 4", "Lữ đoàn 146"
NAME_BEFORE_RE = compile_pattern(r"(?<![.!?\n]\s*)(?<=\S\s+)\p{Lu}[\p{L}.]*\s*$")
PER_BEFORE_RE = compile_pattern(r"/\s*$")  # "thuê bao / 100 dân": a rate's base, not a count


@functools.cache
def _not_counted() -> tuple[str, ...]:
    return tuple(sorted((key(w) for w in load_yaml("open_nouns.yml")["not_counted"]), key=len, reverse=True))


WINDOW = 60  # characters after the number that are tagged: the noun phrase right after it
WORD_AFTER_RE = compile_pattern(r"[ \u00a0]+\p{L}")
# taggings per article at most, in proportion to its length (at least TAGGING_FLOOR): a page of
# ten thousand bare numbers costs seconds, not minutes, and a long article keeps the same
# cost per character as a short one
TAGGING_FLOOR = 400
TAGGING_PER_CHARACTERS = 1000


def _window_tags(article: Article, sent: Span, num_start: int, num_end: int) -> list[tuple[int, int, str]] | None:
    """The tagged words from the number to a few words after it (None once the article's
    tagging budget is spent)."""
    spent = article.cache.get("open_noun_taggings", 0)
    if spent >= max(TAGGING_FLOOR, (article.body[1] - article.body[0]) // TAGGING_PER_CHARACTERS):
        return None
    article.cache["open_noun_taggings"] = spent + 1
    end = min(sent[1], num_end + WINDOW)
    if end < sent[1]:  # end on a word boundary
        space = article.text.rfind(" ", num_end, end)
        end = space if space > num_end else end
    return tagged_words(article.text, (num_start, end))


@functools.cache
def _noun_objects() -> dict[str, str]:
    return {key(w): obj for obj, words in load_yaml("open_nouns.yml")["objects"].items() for w in words}


def noun_object(noun: str) -> str:
    """The object a count of the ordinary noun `noun` counts (`other` unless open_nouns.yml maps
    the noun, or its first words, to one)."""
    words = key(noun).split()
    objects = _noun_objects()
    return next((objects[" ".join(words[:n])] for n in range(len(words), 0, -1) if " ".join(words[:n]) in objects),
                "other")


def is_not_counted(noun: str) -> bool:
    k = key(noun)
    return any(k == w or k.startswith(w + " ") for w in _not_counted())


def open_noun_after(article: Article, sent: Span, num_start: int, num_end: int) -> tuple[str, str, Span] | None:
    """(object, noun as written, span) for an ordinary noun counted by the number ending at
    `num_end` (object `other` unless `noun_object` maps it), or None."""
    before = (max(sent[0], num_start - 30), num_start)
    if NAME_BEFORE_RE.search(article.text, *before) or PER_BEFORE_RE.search(article.text, *before):
        return None
    if not WORD_AFTER_RE.match(article.text, num_end, sent[1]):
        return None
    tags = _window_tags(article, sent, num_start, num_end)
    words = [w for w in tags or () if w[0] >= num_end]
    if not words or article.text[num_end:words[0][0]].strip():
        return None  # something other than space between the number and the next word
    head = words
    if head[0][2] in PREFIX_TAGS:
        head = head[1:]
    nouns = []
    for w in head[:MAX_NOUN_WORDS]:
        if w[2] not in NOUN_TAGS:
            break
        nouns.append(w)
    if not nouns:
        return None
    start, end = words[0][0], nouns[-1][1]
    noun = article.text[start:end]
    if is_not_counted(noun) or not noun[:1].isalpha():
        return None
    return noun_object(noun), noun, (start, end)
