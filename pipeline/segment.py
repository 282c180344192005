"""Segmentation: paragraphs and sentences, as offsets into `text` (words, where a stage needs
them, come from `pos_tags`).

underthesea returns strings; `align` finds each piece back in the text in order, so every
segment is a `(start, end)` pair with `text[start:end]` equal to the piece (modulo the
whitespace underthesea may normalise inside it).
"""
from __future__ import annotations

import bisect
import functools
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .pattern_cache import compile_pattern
from .textkeys import fold

PARAGRAPH_RE = compile_pattern(r"[^\n]+")
Span = tuple[int, int]

LEAD_PARAGRAPHS = 3  # the headline, the sapo and the opening paragraph of the story


@dataclass
class Article:
    """The shared, read-only context every extractor receives."""

    text: str
    body: Span
    folded: str = ""  # fold(text): same length, lower case, one tone placement
    paragraphs: list[Span] = field(default_factory=list)  # non-empty lines inside body
    published: str | None = None  # ISO date of the article, for inferring omitted years
    title: str | None = None
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # per-article indexes

    @property
    def lead_end(self) -> int:
        """End of the lead: the first LEAD_PARAGRAPHS paragraphs (0 when there are none)."""
        return self.paragraphs[min(LEAD_PARAGRAPHS, len(self.paragraphs)) - 1][1] if self.paragraphs else 0

    def sentences_in(self, paragraph: Span) -> list[Span]:
        """The sentences of one of `paragraphs`, which they tile (but for the spaces between
        them). Split when first asked for: the extractors need those of a few paragraphs only,
        and sentence splitting is slow."""
        key = ("sentences", paragraph)
        if key not in self.cache:
            self.cache[key] = split_sentences(self.text, [paragraph])
        return self.cache[key]

    @property
    def sentences(self) -> list[Span]:
        """All sentences inside the body, in order."""
        return [s for p in self.paragraphs for s in self.sentences_in(p)]

    def sentence_of(self, pos: int) -> Span:
        """The sentence containing offset `pos` (or the paragraph, or the body)."""
        paragraph = _containing(self.paragraphs, pos)
        if paragraph is None:
            return self.body
        return _containing(self.sentences_in(paragraph), pos) or paragraph

    def sentence_start(self, pos: int) -> int:
        """Where the last sentence starting at or before `pos` starts (0 if none does): the
        paragraph's first sentence starts where the paragraph does."""
        i = bisect.bisect_right(self.paragraphs, (pos, float("inf"))) - 1
        if i < 0:
            return 0
        starts = [s for s, _ in self.sentences_in(self.paragraphs[i])]
        return starts[bisect.bisect_right(starts, pos) - 1]

    def paragraph_of(self, pos: int) -> Span:
        return _containing(self.paragraphs, pos) or self.body


def _containing(spans: list[Span], pos: int) -> Span | None:
    """The span of sorted, non-overlapping `spans` that contains `pos` (binary search)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def align(text: str, pieces: list[str], start: int = 0) -> list[Span]:
    """Offsets of `pieces` found in order in `text` from `start`.

    Whitespace inside a piece may differ from the text (underthesea collapses runs), so the
    search compares the pieces with whitespace removed."""
    spans: list[Span] = []
    pos = start
    for piece in pieces:
        core = "".join(piece.split())
        if not core:
            continue
        # skip whitespace, then consume characters of `core` in order, ignoring whitespace
        while pos < len(text) and text[pos].isspace():
            pos += 1
        s = text.find(core[0], pos)
        if s < 0:
            break
        if not piece[-1].isspace() and text.startswith(piece, s):  # as written: the usual case
            spans.append((s, s + len(piece)))
            pos = s + len(piece)
            continue
        i, j = s, 0
        while i < len(text) and j < len(core):
            if text[i] == core[j]:
                j += 1
            elif not text[i].isspace():
                break
            i += 1
        if j < len(core):  # could not align: fall back to a plain find of the piece's first word
            s2 = text.find(piece.split()[0], pos)
            if s2 < 0:
                break
            s, i = s2, s2 + len(piece.split()[0])
        spans.append((s, i))
        pos = i
    return spans


def split_paragraphs(text: str, body: Span, skip: list[Span] = ()) -> list[Span]:
    """Non-blank lines inside `body`, trimmed, leaving out the `skip` spans (page metadata)."""
    s0, e0 = body
    out = []
    for m in PARAGRAPH_RE.finditer(text, s0, e0):
        s, e = m.span()
        if any(ks <= s < ke or s <= ks < e for ks, ke in skip):
            continue
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@functools.cache
def underthesea_sent_tokenize():
    """underthesea's `sent_tokenize`, loaded on first use. Its module (pure Python, plus a JSON
    of abbreviations) is loaded by path, without running `underthesea/__init__.py`, which
    imports numpy, joblib and requests for the word tokenizer and classifiers: 0.25 s of a
    0.6 s `cchc check`. The normal import when that layout is not there."""
    if "underthesea" not in sys.modules:
        spec = importlib.util.find_spec("underthesea")
        roots = list(spec.submodule_search_locations or []) if spec else []
        path = Path(roots[0], "pipeline", "sent_tokenize", "__init__.py") if roots else None
        if path is not None and path.is_file():
            module_spec = importlib.util.spec_from_file_location("_cchc_underthesea_sent_tokenize", path)
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            if callable(getattr(module, "sent_tokenize", None)):
                return module.sent_tokenize
    from underthesea import sent_tokenize

    return sent_tokenize


SENT_END_RE = re.compile(r"[.?!]")


@functools.cache
def _boundary_test():
    """underthesea's own test of a sentence end (`_is_sentence_boundary`, with its
    abbreviations), or None if its tokenizer is not the one `_sentence_spans` mirrors.

    underthesea's `sent_tokenize` steps through the text one character at a time in Python,
    and nothing happens between two of ".?!": `_sentence_spans` jumps from one to the next with
    a regex and judges each with this test, so the sentences are the same."""
    namespace = getattr(underthesea_sent_tokenize(), "__globals__", {})
    try:
        namespace["_load_model"]()
        tokenizer = namespace["sentence_tokenizer"]
        is_boundary = tokenizer._is_sentence_boundary
    except (KeyError, AttributeError, TypeError):
        return None
    return is_boundary if getattr(tokenizer, "SENT_END_CHARS", None) == frozenset(".?!") else None


def _sentence_spans(text: str, is_boundary) -> list[Span]:
    """Where the sentences of underthesea's `PunktSentenceTokenizer.sentences_from_text` are in
    `text` (each stripped of surrounding whitespace, as it strips them), jumping from one ".?!"
    to the next instead of stepping over every character."""
    if not text or not text.strip():
        return []
    spans: list[Span] = []

    def add(a: int, b: int) -> None:  # text[a:b].strip(), if not empty
        piece = text[a:b]
        stripped = piece.lstrip()
        if stripped:
            a += len(piece) - len(stripped)
            spans.append((a, a + len(stripped.rstrip())))

    start = i = 0
    n = len(text)
    search = SENT_END_RE.search
    while True:
        m = search(text, i)
        if m is None:
            break
        i = m.start()
        if text[i] == ".":
            dot_end = i
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:  # an ellipsis: an end before an upper-case letter or the end
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    add(start, dot_end)
                    while dot_end < n and text[dot_end] in " \t\n\r":
                        dot_end += 1
                    start = dot_end
                i = dot_end
                continue
        if is_boundary(text, i):
            end = i + 1
            while end < n and text[end] in ".?!":
                end += 1
            add(start, end)
            while end < n and text[end] in " \t\n\r":
                end += 1
            start = i = end
            continue
        i += 1
    add(start, n)
    return spans


def split_sentences(text: str, paragraphs: list[Span]) -> list[Span]:
    """Sentences via underthesea's sent_tokenize, paragraph by paragraph (their offsets straight
    from `_sentence_spans`: `align` of its pieces finds them there)."""
    is_boundary = _boundary_test()
    out: list[Span] = []
    for ps, pe in paragraphs:
        para = text[ps:pe]
        if is_boundary is not None:
            spans = _sentence_spans(para, is_boundary)
        else:
            spans = align(para, underthesea_sent_tokenize()(para))
        if not spans:
            out.append((ps, pe))
            continue
        # make sentences tile the paragraph so no character is left outside a sentence
        for k, (s, e) in enumerate(spans):
            s = 0 if k == 0 else s
            e = len(para) if k == len(spans) - 1 else spans[k + 1][0]
            while e > s and para[e - 1].isspace():
                e -= 1
            out.append((ps + s, ps + e))
    return out


def segment(text: str, body: Span, published: str | None = None, title: str | None = None,
            skip: list[Span] = (), folded: str | None = None) -> Article:
    """The article's context; `folded`: `fold(text)`, if the caller has it."""
    return Article(
        text=text,
        body=body,
        folded=fold(text) if folded is None else folded,
        paragraphs=split_paragraphs(text, body, skip),
        published=published,
        title=title,
    )


def enclosing_bracket(text: str, lo: int, pos: int, reach: int) -> int | None:
    """The offset of the "(" that encloses `pos` (looking back no further than `lo` or `reach`
    characters), or None."""
    opening = text.rfind("(", max(lo, pos - reach), pos)
    if opening < 0 or text.find(")", opening, pos) >= 0:
        return None
    return opening
