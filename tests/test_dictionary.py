"""The data dictionary: every record field, label value and table column is described, and
the JSON Schema, docs/data-dictionary.md and DuckDB comments all carry the same text."""
import copy
import re

import duckdb
import pytest

from conftest import ROOT
from pipeline import dictionary
from pipeline.cli import main
from pipeline.export import SCHEMAS, TABLES
from test_export import dataset  # noqa: F401  (the fixture)


@pytest.fixture(scope="module")
def schema():
    return dictionary.load_schema()


def test_nothing_is_undocumented(schema):
    assert dictionary.problems(schema) == []


def test_an_undocumented_field_label_or_column_is_reported(schema, monkeypatch):
    changed = copy.deepcopy(schema)
    changed["$defs"]["figure"]["properties"]["new_field"] = {"type": "string"}
    changed["$defs"]["figure"]["properties"]["aspect"]["enum"].append("new_aspect")
    changed["$defs"]["extra"] = {"type": "object", "properties": {"x": {"type": "string"}}}
    import pyarrow as pa
    monkeypatch.setitem(SCHEMAS, "checks", SCHEMAS["checks"].append(pa.field("new_column", pa.string())))
    found = dictionary.problems(changed)
    assert "field figure.new_field is undocumented" in found
    assert "label figure.aspect = 'new_aspect' needs a meaning and a Vietnamese example" in found
    assert "column checks.new_column is undocumented" in found
    assert any(p.startswith("object /$defs/extra ") for p in found)


def test_every_label_has_a_vietnamese_example(schema):
    for field in ("figure.kind", "figure.approx", "figure.object", "figure.aspect", "unit.type", "unit.register"):
        section, name = field.split(".")
        node = dictionary._node(schema, dictionary.SECTIONS[section])["properties"][name]
        meanings = dictionary.labels(field)
        assert sorted(meanings) == sorted(map(str, node["enum"])), field
        for value, (meaning, example) in meanings.items():
            assert meaning and re.search(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]",
                                         example.lower()), (field, value, example)
    assert "đặc khu" in dictionary.labels("unit.type")
    assert {"digitized", "paid_online"} <= set(dictionary.labels("figure.aspect"))


def test_check_kinds_the_pipeline_emits_are_documented():
    from pipeline.checks import CHECKS

    assert CHECKS and set(CHECKS) == set(dictionary.labels("check.kind"))


def test_schema_file_carries_the_descriptions(schema):
    assert schema == dictionary.described_schema(schema), "run python -m pipeline.dictionary"
    aspect = schema["$defs"]["figure"]["properties"]["aspect"]
    assert aspect["x-enum-descriptions"]["one_stop"].startswith("Handled at a one-stop desk")
    assert "một cửa" in aspect["description"]


def test_markdown_is_generated_from_the_dictionary(schema):
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert text == dictionary.render_markdown(schema), "run python -m pipeline.dictionary"
    for table in TABLES:
        assert f"### `{table}`" in text
    assert "| `under` | Just below (gần, chưa đến, dưới). | gần [2.100] hồ sơ |" in text


def test_check_mode_fails_on_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "data-dictionary.md"
    stale.write_text("old\n", encoding="utf-8")
    schema_path = tmp_path / "record.schema.json"
    schema_path.write_text(dictionary.schema_json(dictionary.described_schema(dictionary.load_schema())),
                           encoding="utf-8")
    monkeypatch.setattr(dictionary, "_paths", lambda: (schema_path, stale))
    assert dictionary.main(["--check"]) == 1


def test_contract_ships_in_the_repository():
    shipped = (ROOT / "docs" / "SCHEMA.md").read_text(encoding="utf-8")
    assert shipped.startswith("# Output contract")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](../shared/" not in readme and "(docs/SCHEMA.md)" in readme


def test_duckdb_describes_tables_and_columns(dataset, tmp_path):  # noqa: F811
    out = tmp_path / "x.duckdb"
    assert main(["export", str(dataset), "-o", str(out)]) == 0
    with duckdb.connect(str(out), read_only=True) as con:
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        columns = {(t, c): text for t, c, text in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns()").fetchall()}
    assert tables["figures"] == dictionary.table_description("figures")
    assert all(columns[(t, c)] == dictionary.column_description(t, c) != dictionary.UNDOCUMENTED
               for t in TABLES for c in SCHEMAS[t].names)
    assert columns[("figures", "value")] == dictionary.field_description("figure", "value")
    assert "(a list; JSON array text" in columns[("checks", "figures")]


@pytest.mark.shared
def test_shipped_contract_is_the_shared_one(shared_dir):
    assert (ROOT / "docs" / "SCHEMA.md").read_bytes() == (shared_dir / "SCHEMA.md").read_bytes()
