"""textkeys: tone folding and the fast phrase search, against their plain definitions."""
import regex
from hypothesis import given, settings, strategies as st

from pipeline import documents, officials
from pipeline.textkeys import WORD_RE, fold, normalize_tones, normalize_word

# pieces of Vietnamese news text, with the spacing and punctuation around words that matter
WORDS = ["Hóa", "hoá", "Thuỵ", "thụy", "Uỷ", "ủy", "quá", "giá", "Nguyễn", "hoàng", "TP.", "HCM", "(UBND)",
         "thông", "tư", "Thông tư", "báo", "kế", "hoạch", "chủ", "tịch", "Phó Chủ tịch", "ông", "không", "bà",
         "đ/c", "đồng chí", "Chủ tịch UBND", "quyết định", "nghị", "định", "2023", "số", "x", "İ", "ΑΣ"]
SEPARATORS = [" ", "  ", "\u00a0", "\t", ", ", ".", "-", "\n", "", "\u0301", "/"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_normalize_tones_is_the_word_by_word_substitution(text):
    assert normalize_tones(text) == WORD_RE.sub(lambda m: normalize_word(m.group()), text)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 5))
def test_phrase_finders_find_what_their_patterns_do(text, pos):
    folded = fold(text)
    for finder in (officials.lexicon().cue_re, documents.lexicon().types):
        assert [m.span() for m in finder.finditer(folded, pos)] == \
               [m.span() for m in finder.pattern.finditer(folded, pos)]
        exact = finder.pattern.search(folded, pos)
        assert (finder.search(folded, pos) or regex.match("", "")).span() == (exact or regex.match("", "")).span()
