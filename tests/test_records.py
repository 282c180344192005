"""Records against the JSON Schema and SCHEMA.md's invariants; extracted/ is up to date."""
import json
from importlib import resources

import jsonschema
import pytest

from conftest import ROOT, SHARED, assert_spans, read_jsonl
from pipeline.batch import process
from pipeline.ingest import iter_articles


@pytest.fixture(scope="session")
def validator():
    schema = json.loads(resources.files("pipeline").joinpath("schema/record.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def corpus_records():
    return [obj for kind, obj in map(process, iter_articles([str(ROOT / "corpus")])) if kind == "record"]


@pytest.fixture(scope="session")
def dev_records(shared_dir):
    return [obj for kind, obj in map(process, iter_articles([str(shared_dir / "corpus-real" / "dev.jsonl")]))
            if kind == "record"]


def test_corpus_gives_five_valid_records(corpus_records, validator):
    assert len(corpus_records) == 5
    for rec in corpus_records:
        validator.validate(rec)
        assert_spans(rec)


def test_dev_records_valid(dev_records, validator):
    assert len(dev_records) == 108
    for rec in dev_records:
        validator.validate(rec)
        assert_spans(rec)
        assert [f["id"] for f in rec["figures"]] == [f"f{i}" for i in range(1, len(rec["figures"]) + 1)]
        unit_ids = {u["id"] for u in rec["units"]}
        for f in rec["figures"]:
            assert f["subject"]["unit"] is None or f["subject"]["unit"] in unit_ids
        bs, be = rec["body"]
        for f in rec["figures"]:
            assert bs <= f["span"][0] and f["span"][1] <= be


def test_extracted_matches_a_fresh_run(tmp_path):
    """The README's run command regenerates extracted/ byte for byte."""
    from test_cli import cchc

    res = cchc("extract", "corpus", "-o", str(tmp_path))
    assert res.returncode == 0, res.stderr
    fresh = (tmp_path / "records.jsonl").read_bytes()
    assert fresh == (ROOT / "extracted" / "records.jsonl").read_bytes(), \
        "extracted/records.jsonl is stale: rerun `cchc extract corpus -o extracted`"


def test_extracted_tables_match_the_records(tmp_path):
    """extracted/tables/*.parquet are the export of extracted/records.jsonl, table for table."""
    import pandas as pd

    from test_cli import cchc

    res = cchc("export", str(ROOT / "extracted"), "--to", "parquet", "-o", str(tmp_path))
    assert res.returncode == 0, res.stderr
    committed = sorted(p.name for p in (ROOT / "extracted" / "tables").glob("*.parquet"))
    assert committed == sorted(p.name for p in tmp_path.glob("*.parquet"))
    for name in committed:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / name),
                                      pd.read_parquet(ROOT / "extracted" / "tables" / name))


def test_readme_worked_example_is_real_output():
    """The README's worked example is the figure extracted/records.jsonl holds, field for field."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Worked example"):]
    shown = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S).group(1))
    source = re.search(r"from `corpus/([^`]+)\.txt`", section).group(1)
    [record] = [r for r in read_jsonl(ROOT / "extracted" / "records.jsonl") if r["doc_id"] == source]
    [figure] = [f for f in record["figures"] if f["id"] == shown["id"]]
    assert figure == shown
    assert record["text"][slice(*figure["span"])] == figure["surface"]
