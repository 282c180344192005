"""segment: sentences split on demand are those of the whole body."""
from hypothesis import given, settings, strategies as st

from pipeline.segment import align, segment, split_paragraphs, split_sentences

SENTENCES = ["Ông Nguyễn Văn A, Chủ tịch UBND tỉnh, phát biểu.", "Năm 2023 đạt 1.500 hồ sơ!", "Vì sao?",
             "TP. HCM và Q. 1 đạt kết quả tốt...", "Tăng 5,5%", "Kế hoạch số 249/KH-UBND", "  ", "a. b. c"]
texts = st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join), max_size=6).map(
    "\n".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentences_on_demand(text):
    article = segment(text, (0, len(text)))
    whole = split_sentences(text, split_paragraphs(text, (0, len(text))))
    assert article.sentences == whole
    starts = [s for s, _ in whole]
    for pos in range(len(text) + 1):
        before = [s for s in starts if s <= pos]
        assert article.sentence_start(pos) == (before[-1] if before else 0)
        inside = [(s, e) for s, e in whole if s <= pos < e]
        para = [(s, e) for s, e in article.paragraphs if s <= pos < e]
        assert article.sentence_of(pos) == (inside or para or [article.body])[0]


def test_align_finds_pieces_as_written_and_with_other_spacing():
    text = "Một câu.  Hai   câu nữa. Ba"
    assert align(text, ["Một câu.", "Hai câu nữa.", "Ba"]) == [(0, 8), (10, 24), (25, 27)]
    assert align(text, ["Một câu.", "Hai   câu nữa.", "Ba"]) == [(0, 8), (10, 24), (25, 27)]
