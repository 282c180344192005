"""`cchc eval GOLD OUTDIR`: reading the gold and the records, and the text report.

The scoring itself is `pipeline.evaluate`; this module turns unreadable inputs into one-line
errors and prints the result as text (measures, confusion tables, then the error lists) or JSON.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .evaluate import as_json, evaluate
from .jsonlines_file import json_lines


# --------------------------------------------------------------------------- text report

def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _format_measure(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _format_support(counts: dict | None) -> str:
    if not counts:
        return ""
    if "n" in counts:
        return f"{counts['ok']}/{counts['n']}"
    return f"tp {counts['tp']}, fp {counts['fp']}, fn {counts['fn']}"


def format_confusion(label: str, table: dict) -> list[str]:
    """One row per gold label: how many, how many predicted the same, and what else was."""
    lines = [f"{label} (gold label: n, correct, predicted instead)"]
    width = max((len(g) for g in table), default=0)
    for gold_label, row in table.items():
        n = sum(row.values())
        instead = ", ".join(f"{p} {k}" for p, k in sorted(row.items(), key=lambda kv: -kv[1]) if p != gold_label)
        lines.append(f"  {gold_label:<{width}} {n:5d} {row.get(gold_label, 0):5d}  {instead}".rstrip())
    return lines


def short_sentence(sentence: str | None, surface: str | None, limit: int = 160) -> str:
    """The sentence on one line, cut to about `limit` characters around the figure."""
    if not sentence:
        return "(no text in the record)"
    flat = " ".join(sentence.split())
    if len(flat) <= limit:
        return flat
    at = flat.find(surface) if surface else -1
    start = max(0, min(at - limit // 2, len(flat) - limit)) if at >= 0 else 0
    return ("…" if start else "") + flat[start:start + limit] + ("…" if start + limit < len(flat) else "")


def format_figure_line(entry: dict) -> list[str]:
    value = _number(entry["value"])
    if entry.get("denominator") is not None:
        value += f"/{_number(entry['denominator'])}"
    flag = "  [marked not a figure]" if entry.get("not_figure") else ""
    labels = " ".join(str(entry.get(k)) for k in ("kind", "object", "aspect"))
    return [f"  {entry['doc_id']} {entry['span']} {entry['surface']!r} = {value} ({labels}){flag}",
            f"      {short_sentence(entry.get('sentence'), entry.get('surface'))}"]


def format_text(result: dict) -> str:
    lines = ["Measures"]
    for name, value in result["measures"].items():
        lines.append(f"  {name:18s} {_format_measure(value):>5}  {_format_support(result['support'].get(name))}".rstrip())
    counts = result["counts"]["figures"]
    lines.append(f"  figures: {counts['gold']} gold, {counts['predicted']} predicted, {counts['matched']} matched")
    lines.append("")
    lines.append("Confusion of matched figures")
    for label, table in result["confusion"].items():
        lines += format_confusion(label, table)
    lines.append("")
    lines.append(f"Missed figures ({len(result['misses'])})")
    for entry in result["misses"]:
        lines += format_figure_line(entry)
    lines.append("")
    lines.append(f"False positive figures ({len(result['false_positives'])})")
    for entry in result["false_positives"]:
        lines += format_figure_line(entry)
    for kind, errors in result["names"].items():
        lines.append("")
        lines.append(f"{kind.capitalize()}: {len(errors['missed'])} missed, {len(errors['false'])} false")
        for tag, entries in (("missed", errors["missed"]), ("false", errors["false"])):
            for entry in entries:
                flag = "  [marked not an official]" if entry.get("not_official") else ""
                lines.append(f"  {tag:6s} {entry['doc_id']} {entry['name']}{flag}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- files

class EvalInputError(ValueError):
    """A gold or records input that cannot be read."""


def read_jsonl_objects(path: Path, what: str, entry_keys: dict) -> list[dict]:
    """The JSON objects of a JSONL file, each with a string doc_id, a list of figures, and
    lists of entries with the keys `entry_keys` asks for (list name -> keys)."""
    objects = []
    for n, obj in json_lines(path, EvalInputError):
        if not (isinstance(obj, dict) and isinstance(obj.get("doc_id"), str)
                and isinstance(obj.get("figures"), list)):
            raise EvalInputError(f"{path}, line {n}: not {what} (needs doc_id and figures)")
        problem = entries_problem(obj, entry_keys)
        if problem:
            raise EvalInputError(f"{path}, line {n} ({obj['doc_id']}): {problem}")
        objects.append(obj)
    return objects


# The keys every entry of a list needs for scoring ("officials.roles": the roles of an official).
GOLD_ENTRY_KEYS = {"figures": ("span", "value", "kind", "object", "aspect"), "not_figures": ("span",),
                   "units": (), "officials": ("name", "roles"), "officials.roles": ("title",),
                   "documents": ("type", "number"), "checks": ("surfaces",)}
RECORD_ENTRY_KEYS = {"figures": (), "units": (), "officials": (), "officials.roles": (), "documents": (),
                     "checks": ()}


def entries_problem(obj: dict, entry_keys: dict) -> str | None:
    """What makes an article unscorable (a list that is not a list of objects with the needed
    keys, a span that is not [start, end]), or None."""
    for name, keys in entry_keys.items():
        outer, _, inner = name.partition(".")
        owners = [obj] if not inner else [e for e in obj.get(outer, [])]
        for owner in owners:
            entries = owner.get(inner or outer, [])
            if not isinstance(entries, list):
                return f"{name} is not a list"
            for entry in entries:
                if not isinstance(entry, dict):
                    return f"an entry of {name} is not an object"
                missing = [k for k in keys if k not in entry]
                if missing:
                    return f"an entry of {name} lacks {', '.join(missing)}"
                span = entry.get("span")
                if span is not None and not (isinstance(span, list) and len(span) == 2
                                             and all(isinstance(x, int) for x in span)):
                    return f"an entry of {name} has a span that is not [start, end]"
    return None


def read_gold(path) -> list[dict]:
    """Gold articles from a JSONL file, or from every *.jsonl in a directory (sorted)."""
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    if not files:
        raise EvalInputError(f"{p}: no .jsonl gold files in this directory")
    return [g for f in files for g in read_jsonl_objects(f, "a gold annotation (ANNOTATION.md)", GOLD_ENTRY_KEYS)]


def read_records(path) -> dict[str, dict]:
    """Records by doc_id from a records.jsonl or a directory holding one."""
    p = Path(path)
    p = p / "records.jsonl" if p.is_dir() else p
    records = read_jsonl_objects(p, "a cchc record (the records.jsonl of `cchc extract`)", RECORD_ENTRY_KEYS)
    return {r["doc_id"]: r for r in records}


def cmd_eval(args) -> int:
    try:
        gold = read_gold(args.gold)
        records = read_records(args.outdir)
    except EvalInputError as e:
        print(f"cchc eval: {e}", file=sys.stderr)
        return 1
    result = as_json(evaluate(gold, records))
    print(json.dumps(result, ensure_ascii=False) if args.json else format_text(result))
    return 0
