"""Part-of-speech tags as `underthesea.pos_tag` gives them, faster: the same word segmentation
and the same CRF model, fed the same feature strings, built in one pass over the words rather
than by parsing the 22 feature templates again for every word (which is most of
`pos_tag`'s time). `features` must equal underthesea's own `word2features` for the model's
template (tests/test_pos_tags.py compares them); the words and the model come from
`word_segment`, without importing underthesea; where underthesea's internals are not the ones
this was written against, `pos_tag` itself is used."""
from __future__ import annotations

from .segment import align
from .word_segment import pos_model, word_tokenize

# the CRF model's template (underthesea/pipeline/pos_tag/model_crf.py)
TEMPLATE = (
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]",
    "T[-3,-2][1]", "T[-2,-1][1]",
)
PLACEHOLDER = "X"  # the second column underthesea fills every word's row with


def _istitle(word: str) -> bool:
    """underthesea's `text_istitle`: every space-separated piece starts with a title-case letter
    (False for an empty word or an empty piece)."""
    if not word:
        return False
    pieces = word.split(" ")
    return all(p and p[0].istitle() for p in pieces)


def _shifted(values: list[str], k: int, name: str) -> list[str]:
    """Per word i, the feature `name` of word i + k (BOS/EOS past either end)."""
    n = len(values)
    return [f"{name}=BOS" if i + k < 0 else f"{name}=EOS" if i + k >= n else f"{name}={values[i + k]}"
            for i in range(n)]


def _joined(words: list[str], a: int, b: int, name: str) -> list[str]:
    """Per word i, the feature `name` of words i + a .. i + b joined by a space."""
    n = len(words)
    return [f"{name}=BOS" if i + a < 0 else f"{name}=EOS" if i + a >= n or i + b >= n
            else f"{name}={' '.join(words[i + a:i + b + 1])}" for i in range(n)]


def _placeholder(n: int, a: int, b: int, name: str) -> list[str]:
    """Per word i, the feature `name` of the placeholder column over words i + a .. i + b."""
    value = " ".join([PLACEHOLDER] * (b - a + 1))
    return [f"{name}=BOS" if i + a < 0 else f"{name}={value}" for i in range(n)]


def features(words: list[str]) -> list[list[str]]:
    """Per word, the feature strings of TEMPLATE, in its order (built a template at a time)."""
    n = len(words)
    lowered = [w.lower() for w in words]
    titles = [str(_istitle(w)) for w in words]
    columns = [_shifted(lowered, k, f"T[{k}].lower") for k in (-2, -1, 0, 1, 2)]
    columns += [_shifted(titles, k, f"T[{k}].istitle") for k in (0, -1, 1)]
    columns += [_shifted(words, k, f"T[{k}]") for k in (-2, -1, 0, 1, 2)]
    columns += [_joined(words, a, b, f"T[{a},{b}]") for a, b in ((-2, -1), (-1, 0), (0, 1), (1, 2))]
    columns += [_placeholder(n, k, k, f"T[{k}][1]") for k in (-3, -2, -1)]
    columns += [_placeholder(n, a, b, f"T[{a},{b}][1]") for a, b in ((-3, -2), (-2, -1))]
    return [list(row) for row in zip(*columns)]


def _model():
    """underthesea's POS CRF tagger, or None where its template is not TEMPLATE."""
    return pos_model(TEMPLATE)


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """(word, tag) pairs, as `underthesea.pos_tag(sentence)`."""
    model = _model()
    if model is None:
        from underthesea import pos_tag as underthesea_pos_tag

        return underthesea_pos_tag(sentence)
    words = word_tokenize(sentence)
    return list(zip(words, model.tag(features(words))))


def tagged_words(text: str, span: tuple[int, int]) -> list[tuple[int, int, str]]:
    """(start, end, part-of-speech tag) of the words inside `span`, found back in `text` by
    `segment.align`."""
    s0, e0 = span
    tagged = pos_tag(text[s0:e0])
    spans = align(text[s0:e0], [w for w, _ in tagged])
    return [(s0 + s, s0 + e, tag) for (s, e), (_, tag) in zip(spans, tagged)]
