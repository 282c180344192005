"""Hardening: pathological 1 MB lines finish within a bound, arbitrary Unicode never makes the
extractor raise or emit a bad span, and an oversized input is rejected with a clear error."""
import os
import subprocess
import sys
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import pipeline
from conftest import ROOT, assert_spans, read_jsonl
from pipeline.batch import ArticleTimeout, time_budget
from pipeline.extract import extract_text
from pipeline.ingest import MAX_INPUT_BYTES, clean_text

LINE_BUDGET = 60.0  # seconds at least for one 1 MB line: linear work takes 10-60 (more on a slow machine), quadratic work hours
# the budget scales with the machine: a 1 MB line may take this many times a tenth of it (linear
# work about 10 times, quadratic work about 100)
GROWTH_BOUND = 20
MB = 1_000_000


def repeat_to(unit: str, size: int) -> str:
    return unit * (size // len(unit))


PATHOLOGICAL_LINES = {
    "dotted-digits": repeat_to("1.", MB),  # 1.1.1.1...
    "tu": repeat_to("từ ", MB),
    "slashes": repeat_to("9/", MB),
    "numbers-with-separators": repeat_to("123.456,78 ", MB),
    "digit-run": "0" * MB,
    "khong-co": repeat_to("không có ", MB),
    "a-run": "a" * 500_000,
    "percents": repeat_to("9% ", MB),  # a third of a million figures in one sentence
    "counts": repeat_to("hồ sơ 1 ", MB),
    "citations": repeat_to("Kế hoạch số 1/KH-UBND ", MB),
    "periods": repeat_to("năm 2023 có 3 hồ sơ, ", MB),  # a period before every figure of one sentence
    "bullets": "Số hồ sơ tiếp nhận gồm:\n" + repeat_to("- Xã A: 1 hồ sơ;\n", MB),  # a list's items under one header
    # (a fifth of a megabyte: each figure of these asks more; the budget's growth bound still
    # tells linear work from quadratic)
    "ranks": repeat_to("xếp thứ 2 và thứ 3, ", MB // 5),  # runs of ranks, never a "lần lượt là" after them
    "open-totals": repeat_to("hơn 800 hồ sơ, 3 hồ sơ, chiếm 9%, ", MB // 5),  # open totals, shares of each
    "named-totals": repeat_to("Trong tổng số hồ sơ tiếp nhận, có 3 hồ sơ và 4 hồ sơ. ", MB // 5),
}


@pytest.mark.parametrize("line", PATHOLOGICAL_LINES.values(), ids=PATHOLOGICAL_LINES.keys())
def test_pathological_line_finishes_within_budget(line):
    started = time.perf_counter()
    extract_text(f"Báo cáo cải cách hành chính\n\n{line[:len(line) // 10]}\n")
    budget = max(LINE_BUDGET, GROWTH_BOUND * (time.perf_counter() - started))
    text = f"Báo cáo cải cách hành chính\n\n{line}\n"
    with time_budget(budget):  # raises ArticleTimeout: the test fails instead of hanging
        record = extract_text(text)  # the dict-level entry point the batch workers run under the budget
    assert record["text"] == clean_text(text)
    assert_spans(record)


# Vietnamese report vocabulary, so that random texts reach the extractors' deeper rules
FRAGMENTS = [
    "hồ sơ", "TTHC", "thủ tục hành chính", "2.065", "91,16%", "0,58%", "22/24", "đứng 30/30",
    "thứ 3 trên tổng số 19", "đạt", "100%", "gần", "trên", "UBND", "huyện", "xã", "phường",
    "Tân Hồng", "Thụy Phú", "UBND huyện Tân Hồng", "xã Thụy Phú", "Chủ tịch", "Phó Chủ tịch", "ông", "bà", "Nguyễn Văn Hội",
    "Kế hoạch số 249/KH-UBND", "Nghị quyết 60-NQ/TU", "ngày 15/12/2023", "năm 2023", "quý I",
    "6 tháng đầu năm", "không có hồ sơ nào", "trực tuyến", "đúng hạn", "trễ hạn", "tiếp nhận",
    "giải quyết", "PAR INDEX", "94,696 điểm", "trong đó", "Từ", "đến", " ", " ", "\n", "\n\n",
    ".", ",", ";", ":", "(", ")", "-", "–", "%", "/", "\u00a0", "\t", "\r\n",
]
pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=80)
article_texts = st.one_of(
    st.text(max_size=400),
    st.tuples(st.sampled_from([" ", "", "\n", ", "]), pieces).map(lambda sep_pieces: sep_pieces[0].join(sep_pieces[1])),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_texts)
@example("\U000116d0")  # a digit the regex module knows and Python's float() does not
@example("\U000116d0 hồ sơ, 12\U000116d1 hồ sơ và 12 hồ sơ")
def test_extractor_never_raises_and_spans_hold(text):
    record = pipeline.extract_text(text).to_dict()
    assert record["text"] == clean_text(unicodedata.normalize("NFC", text))
    assert_spans(record)
    for figure in record["figures"]:
        sentence_start, sentence_end = figure["sentence"]
        assert 0 <= sentence_start <= sentence_end <= len(record["text"])
    for document in record["documents"]:
        start, end = document["span"]
        assert start < end


def test_oversized_article_is_rejected_and_others_still_processed(tmp_path):
    seed = (ROOT / "corpus" / "002_7d7845850110665b.txt").read_bytes()
    (tmp_path / "a_good.txt").write_bytes(seed)
    huge = tmp_path / "b_huge.txt"
    with open(huge, "wb") as fh:  # 20 MB of real article text
        for _ in range(20 * MB // len(seed) + 1):
            fh.write(seed)
    assert os.path.getsize(huge) > 2 * MAX_INPUT_BYTES
    (tmp_path / "c_good.txt").write_bytes(seed)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path), "-o", str(out)],
                         capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert res.returncode == 1
    assert b"Traceback" not in res.stderr
    [error] = read_jsonl(out / "errors.jsonl")
    assert error["source"] == str(huge) and error["error"] == "InputTooLarge"
    assert f"{MAX_INPUT_BYTES:,}" in error["message"]
    assert [r["doc_id"] for r in read_jsonl(out / "records.jsonl")] == ["a_good", "c_good"]
    assert res.stderr.decode().splitlines()[-1].startswith("cchc: 2 new, 0 updated, 0 kept, 1 failed")
