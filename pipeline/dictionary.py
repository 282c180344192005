"""The data dictionary (`schema/dictionary.yml`): descriptions of every record field, label
value and table column, and the files made from it.

    python -m pipeline.dictionary          rewrite schema/record.schema.json's descriptions and
                                           docs/data-dictionary.md from the dictionary
    python -m pipeline.dictionary --check  exit 1 (listing what) when either is stale or
                                           something is undocumented

`cchc export` writes the table and column descriptions into DuckDB files (`COMMENT ON`).
"""
from __future__ import annotations

import copy
import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

# where each described object sits in the JSON Schema
SECTIONS = {
    "record": "",
    "figure": "/$defs/figure",
    "subject": "/$defs/figure/properties/subject",
    "period": "/$defs/figure/properties/period/oneOf/1",
    "unit": "/$defs/unit",
    "official": "/$defs/official",
    "role": "/$defs/official/properties/roles/items",
    "document": "/$defs/document",
    "check": "/$defs/check",
}
SECTION_TITLES = {"record": "Record", "figure": "Figure", "subject": "Figure subject",
                  "period": "Figure period", "unit": "Unit", "official": "Official",
                  "role": "Official role", "document": "Document", "check": "Check"}
UNDOCUMENTED = "(undocumented)"
DOCS_MARKDOWN = "docs/data-dictionary.md"


@lru_cache(maxsize=1)
def load() -> dict:
    text = resources.files("pipeline").joinpath("schema/dictionary.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def load_schema() -> dict:
    text = resources.files("pipeline").joinpath("schema/record.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def field_description(section: str, field: str) -> str | None:
    return load()["fields"].get(section, {}).get(field)


def _resolve(text: str | None) -> str | None:
    """A description, with "=section.field" replaced by that field's description."""
    if text and text.startswith("="):
        section, field = text[1:].split(".", 1)
        return field_description(section, field)
    return text


def table_description(table: str) -> str:
    return load()["tables"].get(table, {}).get("description") or UNDOCUMENTED


def column_description(table: str, column: str) -> str:
    columns = load()["tables"].get(table, {}).get("columns") or {}
    return _resolve(columns.get(column)) or UNDOCUMENTED


def labels(field: str) -> dict[str, tuple[str, str]]:
    """label value -> (meaning, Vietnamese example) for a labelled field ("figure.aspect")."""
    return {str(k): tuple(v) for k, v in (load()["labels"].get(field) or {}).items()}


# --------------------------------------------------------------------------- the JSON Schema

def _node(schema: dict, pointer: str) -> dict:
    node = schema
    for part in filter(None, pointer.split("/")):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def object_pointers(schema: dict, pointer: str = "") -> list[str]:
    """JSON pointers of every object schema with `properties` (the record and its parts)."""
    found = []
    node = _node(schema, pointer)
    if isinstance(node, dict):
        if "properties" in node:
            found.append(pointer)
        for key, child in node.items():
            if isinstance(child, dict):
                found += object_pointers(schema, f"{pointer}/{key}")
            elif isinstance(child, list):
                found += [p for i, c in enumerate(child) if isinstance(c, dict)
                          for p in object_pointers(schema, f"{pointer}/{key}/{i}")]
    return found


def _enum_values(prop: dict) -> list | None:
    return prop.get("enum")


def _enum_text(meanings: dict[str, tuple[str, str]]) -> str:
    return "; ".join(f"{value}: {meaning} (\"{example}\")" for value, (meaning, example) in meanings.items())


def problems(schema: dict) -> list[str]:
    """What the dictionary lacks (or has in excess) for `schema` and the export tables."""
    from .export import SCHEMAS

    out = []
    pointers = {p: s for s, p in SECTIONS.items()}
    for pointer in object_pointers(schema):
        if pointer not in pointers:
            out.append(f"object {pointer or '/'} of the JSON Schema has no section in dictionary.py SECTIONS")
    for section, pointer in SECTIONS.items():
        props = _node(schema, pointer).get("properties", {})
        documented = load()["fields"].get(section, {})
        out += [f"field {section}.{name} is undocumented" for name in props if not documented.get(name)]
        out += [f"field {section}.{name} is documented but not in the JSON Schema"
                for name in documented if name not in props]
        for name, prop in props.items():
            values = _enum_values(prop)
            if values is None:
                continue
            meanings = labels(f"{section}.{name}")
            out += [f"label {section}.{name} = {v!r} needs a meaning and a Vietnamese example"
                    for v in values if len(meanings.get(str(v), ())) != 2 or not all(meanings[str(v)])]
            out += [f"label {section}.{name} = {v!r} is documented but not in the JSON Schema"
                    for v in meanings if v not in map(str, values)]
    for table, arrow_schema in SCHEMAS.items():
        if table_description(table) == UNDOCUMENTED:
            out.append(f"table {table} is undocumented")
        out += [f"column {table}.{c} is undocumented" for c in arrow_schema.names
                if column_description(table, c) == UNDOCUMENTED]
        documented = load()["tables"].get(table, {}).get("columns") or {}
        out += [f"column {table}.{c} is documented but not in the table" for c in documented
                if c not in arrow_schema.names]
    return out


def described_schema(schema: dict) -> dict:
    """`schema` with the dictionary's description on every property; an enum's description
    also lists each value's meaning and example, and `x-enum-descriptions` maps value ->
    meaning for tools."""
    schema = copy.deepcopy(schema)
    for section, pointer in SECTIONS.items():
        for name, prop in _node(schema, pointer).get("properties", {}).items():
            text = field_description(section, name)
            if not text:
                continue
            meanings = labels(f"{section}.{name}")
            if _enum_values(prop) is not None and meanings:
                prop["description"] = f"{text} {_enum_text(meanings)}"
                prop["x-enum-descriptions"] = {v: m for v, (m, _) in meanings.items()}
            else:
                prop["description"] = text
    return schema


def schema_json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


# --------------------------------------------------------------------------- markdown

def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(schema: dict) -> str:
    from .export import SCHEMAS

    lines = ["# Data dictionary", "",
             "Generated from `pipeline/schema/dictionary.yml` by `python -m pipeline.dictionary`; "
             "do not edit by hand. The record contract is [SCHEMA.md](SCHEMA.md); the same "
             "descriptions are in the JSON Schema (`pipeline/schema/record.schema.json`) and, as "
             "`COMMENT ON`, in every DuckDB file `cchc export` writes "
             "(`SELECT table_name, column_name, comment FROM duckdb_columns()`).", "",
             "Offsets are `[start, end)` Python `str` indices into the article's `text`. "
             "List columns are real lists in Parquet and DuckDB; CSV, Excel and SQLite hold each "
             "list as JSON array text (`[\"f2\",\"f3\"]`). Dates are DATE columns (ISO text in "
             "CSV, Excel and SQLite).", "", "## Record fields", ""]
    for section, pointer in SECTIONS.items():
        props = _node(schema, pointer).get("properties", {})
        required = set(_node(schema, pointer).get("required", []))
        lines += [f"### {SECTION_TITLES[section]}", "", "| field | required | description |", "|---|---|---|"]
        lines += [f"| `{name}` | {'yes' if name in required else 'no'} | "
                  f"{_cell(field_description(section, name) or UNDOCUMENTED)} |" for name in props]
        lines.append("")
    lines += ["## Labels", "", "Each value with its meaning and a Vietnamese phrase it is given to "
              "(the labelled number in [ ]).", ""]
    for field in load()["labels"]:
        lines += [f"### `{field}`", "", "| value | meaning | example |", "|---|---|---|"]
        lines += [f"| `{v}` | {_cell(m)} | {_cell(e)} |" for v, (m, e) in labels(field).items()]
        lines.append("")
    lines += ["## Tables", "", "`cchc export` and `pipeline.load` give seven tables; every row has "
              "the article's `doc_id`.", ""]
    for table, arrow_schema in SCHEMAS.items():
        lines += [f"### `{table}`", "", table_description(table), "", "| column | type | description |",
                  "|---|---|---|"]
        lines += [f"| `{f.name}` | {_type_name(f.type)} | {_cell(column_description(table, f.name))} |"
                  for f in arrow_schema]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _type_name(arrow_type) -> str:
    names = {"string": "text", "int64": "integer", "double": "number", "bool": "boolean",
             "date32[day]": "date", "list<item: string>": "list of text"}
    return names.get(str(arrow_type), str(arrow_type))


# --------------------------------------------------------------------------- command

def _paths() -> tuple[Path, Path]:
    package = Path(__file__).resolve().parent
    return package / "schema" / "record.schema.json", package.parent / DOCS_MARKDOWN


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    schema_path, docs_path = _paths()
    schema = load_schema()
    missing = problems(schema)
    for p in missing:
        print(f"dictionary: {p}", file=sys.stderr)
    wanted = {schema_path: schema_json(described_schema(schema)), docs_path: render_markdown(schema)}
    if "--check" in argv:
        stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"dictionary: {p} is stale: run python -m pipeline.dictionary", file=sys.stderr)
        return 1 if missing or stale else 0
    for p, text in wanted.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
