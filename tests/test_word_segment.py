"""pipeline.word_segment: underthesea's word segmentation and POS model, loaded without running
underthesea/__init__.py, give underthesea's own words and tags."""
import os
import subprocess
import sys
import unicodedata

import pytest
from underthesea import pos_tag as underthesea_pos_tag, word_tokenize as underthesea_word_tokenize
from underthesea.pipeline.text_normalize import token_normalize as underthesea_token_normalize
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize as underthesea_tokenize

from conftest import ROOT
from pipeline import pos_tags, word_segment

ODD_SENTENCES = [
    "",
    "   ",
    "x",
    "TP.HCM tiếp nhận 2.065 hồ sơ (đạt 98,5%) ngày 01/7/2025.",
    "Xem https://dichvucong.gov.vn hoặc gửi thư tới abc@hanoi.gov.vn!",
    unicodedata.normalize("NFD", "Thủy lợi hoà bình, Khánh Hoà, thuở ấy"),  # NFD, old tone placement
    "ĐẠI HỘI  ĐẢNG BỘ\u00a0TỈNH",
    "Điểm số 𝟗𝟎 và 😀 ngoài BMP; 3-4 tháng; 1.234.567 đồng; 12h30",
]


def corpus_sentences() -> list[str]:
    """Every line of the project's own corpus articles, and its sentences: ordinary text."""
    lines = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(line)
                lines.extend(s for s in line.split(". ") if s.strip())
    return lines


def test_corpus_sentences_are_there():
    assert len(corpus_sentences()) > 100


@pytest.mark.parametrize("sentence", ODD_SENTENCES)
def test_words_are_underthesea_s_on_odd_text(sentence):
    assert word_segment.word_tokenize(sentence) == underthesea_word_tokenize(sentence)


def test_words_are_underthesea_s_on_the_corpus():
    for sentence in corpus_sentences():
        assert word_segment.word_tokenize(sentence) == underthesea_word_tokenize(sentence), sentence


def test_tokenizer_loaded_by_path_is_underthesea_s():
    """The rule tokenizer loaded from its file with the stand-in normaliser cuts and normalises
    as underthesea's module does, and the stand-ins are gone from sys.modules afterwards."""
    before = {name: sys.modules.get(name) for name in word_segment.STAND_INS}
    path = word_segment.package_dir() / "pipeline" / "word_tokenize" / "regex_tokenize.py"
    tokenize = word_segment._load_regex_tokenize(path).tokenize
    assert {name: sys.modules.get(name) for name in word_segment.STAND_INS} == before
    for sentence in ODD_SENTENCES + corpus_sentences():
        assert tokenize(sentence) == underthesea_tokenize(sentence), sentence


def test_normaliser_is_underthesea_s():
    assert character_map and token_map
    for text in [*character_map, *token_map, "Hoà Bình", unicodedata.normalize("NFD", "Thuỷ"), ""]:
        assert word_segment.normalize_characters(text) == normalize_characters_in_text(text), text
        assert word_segment.token_normalize(text) == underthesea_token_normalize(text), text
        assert (word_segment.token_normalize(text, use_character_normalize=False)
                == underthesea_token_normalize(text, use_character_normalize=False)), text


def test_pos_tags_are_underthesea_s_on_the_corpus():
    for sentence in corpus_sentences()[:60]:
        assert pos_tags.pos_tag(sentence) == underthesea_pos_tag(sentence), sentence


def test_pos_model_is_read_from_underthesea_s_module():
    path, template = word_segment._pos_model_spec()
    assert path.name.endswith(".bin") and path.is_file()
    assert template == pos_tags.TEMPLATE
    assert word_segment.pos_model(template) is not None
    assert word_segment.pos_model(template[1:]) is None  # another template: not this model


def test_other_layouts_fall_back_to_underthesea(monkeypatch):
    """Without underthesea's files where this was written against them, underthesea's own
    functions run: the same words and tags."""
    for cached in (word_segment.package_dir, word_segment._segmenter, word_segment.pos_model):
        cached.cache_clear()
    monkeypatch.setattr(word_segment, "package_dir", lambda: None)
    try:
        assert word_segment._segmenter() is None and pos_tags._model() is None
        sentence = ODD_SENTENCES[3]
        assert word_segment.word_tokenize(sentence) == underthesea_word_tokenize(sentence)
        assert pos_tags.pos_tag(sentence) == underthesea_pos_tag(sentence)
    finally:
        monkeypatch.undo()
        for cached in (word_segment.package_dir, word_segment._segmenter, word_segment.pos_model):
            cached.cache_clear()


def test_a_renamed_model_is_left_to_underthesea(monkeypatch):
    monkeypatch.setattr(word_segment, "WORD_SEGMENTER", "no-such-model")
    assert word_segment._segmenter_files() is None


def test_tagging_runs_without_importing_underthesea():
    """In a fresh process the pipeline's tags come without underthesea/__init__.py (numpy,
    joblib, requests and every model's module) and are underthesea's."""
    sentence = "UBND tỉnh đã tiếp nhận 29 hồ sơ trực tuyến và trả kết quả đúng hạn."
    code = ("import sys, json\n"
            "from pipeline.pos_tags import pos_tag\n"
            f"tags = pos_tag({sentence!r})\n"
            "assert 'underthesea' not in sys.modules, 'underthesea/__init__.py ran'\n"
            "print(json.dumps(tags, ensure_ascii=False))\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 0, res.stderr[-2000:]
    import json

    assert [tuple(pair) for pair in json.loads(res.stdout)] == underthesea_pos_tag(sentence)
