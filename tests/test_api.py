"""The typed public API: Record dataclasses with the same JSON as `cchc extract`, the four
extract functions, `to_html`, keyword arguments in signatures, py.typed, `cchc --version`."""
import inspect
import json
import re
from pathlib import Path

import pytest

import pipeline
from conftest import ROOT, read_jsonl
from pipeline.manifest import pipeline_version
from test_cli import cchc

SEED = ROOT / "corpus" / "002_7d7845850110665b.txt"
SENTENCE = "Năm 2023, UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ, đạt 100% đúng hạn."


@pytest.fixture(scope="module")
def extracted():
    """doc_id -> the JSON record in extracted/records.jsonl (made by `cchc extract corpus`)."""
    return {r["doc_id"]: r for r in read_jsonl(ROOT / "extracted" / "records.jsonl")}


def test_record_fields_are_typed_attributes():
    record = pipeline.extract_text(SENTENCE)
    assert isinstance(record, pipeline.Record)
    [received, on_time] = record.figures
    assert (received.surface, received.value, received.aspect) == ("2.065", 2065, "received")
    assert record.text[slice(*received.span)] == "2.065"
    assert record.unit(received.subject.unit).name == "Tân Hồng"
    assert (on_time.kind, on_time.period.start) == ("percent", "2023-01-01")


def test_extract_file_gives_the_json_cchc_extract_writes(extracted):
    record = pipeline.extract_file(SEED)
    want = extracted[SEED.stem]
    # the CLI's source is the path as given on its command line
    assert json.dumps({**record.to_dict(), "source": want["source"]}, ensure_ascii=False) == \
        json.dumps(want, ensure_ascii=False)


def test_from_dict_round_trips_unknown_and_missing_fields(extracted):
    data = {**extracted[SEED.stem], "future_field": {"a": 1}}
    data["figures"][0] = {**data["figures"][0], "index": None, "target": False}
    record = pipeline.Record.from_dict(data)
    assert record.to_dict() == data and list(record.to_dict()) == list(data)
    assert record.extra == {"future_field": {"a": 1}}
    assert record.figures[0].target is False


def test_extract_html_reads_the_page_and_keeps_the_url():
    html = (f"<html><head><title>Tân Hồng cải cách hành chính</title></head><body><article>"
            f"<h1>Tân Hồng cải cách hành chính</h1><p>{SENTENCE}</p></article></body></html>")
    record = pipeline.extract_html(html, url="https://example.vn/a.html")
    assert record.url == "https://example.vn/a.html"
    assert [f.surface for f in record.figures] == ["2.065", "100%"]
    with pytest.raises(pipeline.ExtractError, match="no article text"):
        pipeline.extract_html("<html><body></body></html>")


def test_extract_file_errors_are_one_line(tmp_path):
    with pytest.raises(pipeline.ExtractError) as e:
        pipeline.extract_file(tmp_path / "missing.txt")
    assert "\n" not in str(e.value) and "missing.txt" in str(e.value)
    two = tmp_path / "two.jsonl"
    two.write_text('{"id": "a", "text": "một"}\n{"id": "b", "text": "hai"}\n', encoding="utf-8")
    with pytest.raises(pipeline.ExtractError, match="holds 2 articles; use extract_many"):
        pipeline.extract_file(two)


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_keeps_order_across_workers(workers, extracted):
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    items = [*seeds, SENTENCE, {"id": "x", "text": SENTENCE, "published": "2024-01-05"}]
    records = list(pipeline.extract_many(items, workers=workers))
    assert [r.doc_id for r in records] == [p.stem for p in seeds] + ["text-6", "x"]
    assert [len(r.figures) for r in records[:5]] == [len(extracted[p.stem]["figures"]) for p in seeds]
    assert records[-1].published == "2024-01-05"


def test_extract_many_bad_input_raises_or_is_skipped(tmp_path):
    items = [SENTENCE, tmp_path / "missing.txt", SENTENCE]
    with pytest.raises(pipeline.ExtractError):
        list(pipeline.extract_many(items))
    assert len(list(pipeline.extract_many(items, on_error="skip"))) == 2
    with pytest.raises(TypeError, match="not int"):
        list(pipeline.extract_many([3]))


def test_no_text_records_have_excerpts():
    record = pipeline.extract_text(SENTENCE, include_text=False)
    assert record.text is pipeline.api.MISSING and "text" not in record.to_dict()
    assert record.excerpts[f"{record.figures[0].sentence[0]}:{record.figures[0].sentence[1]}"] == SENTENCE


def test_to_html_takes_a_record_or_its_dict():
    record = pipeline.extract_text(SENTENCE)
    page = pipeline.to_html(record)
    assert page == pipeline.to_html(record.to_dict()) and "2.065" in page and page.startswith("<!DOCTYPE")


def test_keyword_arguments_are_visible_in_signatures():
    params = {name: inspect.signature(getattr(pipeline, name)).parameters
              for name in ("extract_text", "extract_html", "extract_file", "extract_many")}
    assert params["extract_html"]["url"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["extract_many"]["workers"].kind is inspect.Parameter.KEYWORD_ONLY
    assert {"title", "published", "url"} <= set(params["extract_text"])
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for ps in params.values() for p in ps.values())


def test_package_is_typed():
    assert (Path(pipeline.__file__).parent / "py.typed").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"py.typed"' in pyproject and '"schema/*.yml"' in pyproject


def test_version_prints_the_pipeline_version_hash():
    res = cchc("--version")
    assert res.returncode == 0
    out = res.stdout.decode().strip()
    assert out == f"cchc {pipeline.__version__} (pipeline {pipeline_version()})"
    assert re.fullmatch(r"cchc 0\.2\.0 \(pipeline 0\.2\.0\+[0-9a-f]{16}\)", out)
    assert f'version = "{pipeline.__version__}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f"## {pipeline.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
