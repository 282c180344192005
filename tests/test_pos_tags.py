"""pipeline.pos_tags: the same tags as underthesea.pos_tag, from the same model and the same
feature strings built faster."""
import pytest
from underthesea import pos_tag as underthesea_pos_tag, word_tokenize
from underthesea.pipeline.pos_tag.tagged_feature import word2features

from pipeline import pos_tags
from pipeline.segment import align

SENTENCES = [
    "Năm 2024, tỉnh đã tiếp nhận 29 sinh viên và 14 thẻ xanh.",
    "UBND TP Hà Nội giao 4 Phó Bí thư phụ trách 2 khâu đột phá",
    "Có 1,6 triệu thửa đất được cấp giấy chứng nhận",
    "ĐẠI HỘI  ĐẢNG BỘ",  # a double space: an empty piece in the title-case test
    "x",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_features_are_underthesea_s(sentence):
    words = word_tokenize(sentence)
    rows = [(w, "X") for w in words]
    assert pos_tags.features(words) == [word2features(rows, i, list(pos_tags.TEMPLATE)) for i in range(len(words))]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tags_are_underthesea_s(sentence):
    assert pos_tags.pos_tag(sentence) == underthesea_pos_tag(sentence)


def test_the_model_read_is_underthesea_s_own():
    assert pos_tags._model() is not None  # else every call falls back to underthesea.pos_tag


def test_istitle_edge_cases():
    assert pos_tags._istitle("Hà Nội") and not pos_tags._istitle("Hà nội")
    assert not pos_tags._istitle("") and not pos_tags._istitle("Hà  Nội")


def test_tagged_words_are_underthesea_s_tags_at_their_offsets():
    text = "Trong năm, huyện có 29 sinh viên nhận 14 thẻ xanh."
    span = (text.index("29"), len(text))
    tagged = underthesea_pos_tag(text[span[0]:])
    expected = [(span[0] + s, span[0] + e, tag) for (s, e), (_, tag) in zip(align(text[span[0]:], [w for w, _ in tagged]), tagged)]
    got = pos_tags.tagged_words(text, span)
    assert got == expected
    assert [text[s:e] for s, e, _ in got][:3] == ["29", "sinh viên", "nhận"]


def test_falls_back_to_underthesea_when_its_internals_differ(monkeypatch):
    monkeypatch.setattr(pos_tags, "_model", lambda: None)
    assert pos_tags.pos_tag(SENTENCES[0]) == underthesea_pos_tag(SENTENCES[0])
