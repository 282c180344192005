"""Human corrections of extracted records: `OUTDIR/corrections.jsonl`, read, appended, applied.

Each line is one reviewer action, never an edit of records.jsonl:

    {"time": "2026-12-05T21:40:00+00:00", "doc_id": "...", "sha256": "<article text sha256>",
     "action": "set" | "delete" | "add" | "accept" | "reviewed",
     "kind": "figure" | "unit" | "official" | "document" | "article",
     "fact_id": "f3", "span": [s, e], "field": "aspect", "before": ..., "after": ...}

A correction applies to a record with the same `doc_id` and the same `sha256` (the same
article text). Facts are found by their span (and kind), so a re-extraction that renumbers the
facts keeps the corrections; a `set` applies while the fact still holds its `before` value (or
already holds `after`); everything else is reported as no longer applying, with the reason.
Appends take an exclusive lock and write one line in one `write`, so two writers never
interleave or lose a line.
"""
from __future__ import annotations

import copy
import datetime as dt
import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .jsonlines_file import json_lines

CORRECTIONS_FILE = "corrections.jsonl"
ACTIONS = ("set", "delete", "add", "accept", "reviewed")
FACT_KINDS = {"figure": "figures", "unit": "units", "official": "officials", "document": "documents"}
# the label fields of a figure a reviewer may change
FIGURE_FIELDS = ("aspect", "object", "kind", "approx", "subject", "period", "index", "target",
                 "value", "denominator")
ID_PREFIX = {"figure": "f", "unit": "u", "official": "p", "document": "d"}


class CorrectionsError(ValueError):
    """corrections.jsonl cannot be read, or a correction is malformed."""


@dataclass
class Applied:
    """A record with its corrections applied, and the corrections that no longer apply."""
    record: dict
    reviewed: bool = False
    corrected: set = field(default_factory=set)      # (kind, fact id) of corrected or added facts
    stale: list = field(default_factory=list)        # (correction, reason)
    changed: bool = False                            # some set, delete or add applied


# --------------------------------------------------------------------------- file

def corrections_path(outdir) -> Path:
    return Path(outdir) / CORRECTIONS_FILE


def read_corrections(outdir) -> list[dict]:
    """All corrections of OUTDIR, in the order they were made ([] when there are none)."""
    path = corrections_path(outdir)
    out = []
    for n, obj in json_lines(path, CorrectionsError, missing_ok=True):
        if not (isinstance(obj, dict) and isinstance(obj.get("doc_id"), str)
                and obj.get("action") in ACTIONS):
            raise CorrectionsError(f"{path}, line {n}: not a correction (needs doc_id and action)")
        out.append(obj)
    return out


def by_doc_id(corrections: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for c in corrections:
        grouped.setdefault(c["doc_id"], []).append(c)
    return grouped


def append_correction(outdir, correction: dict) -> dict:
    """Append one correction (stamped with the time) as one line, under an exclusive lock."""
    line = {"time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **correction}
    data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(corrections_path(outdir), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(f"short write to {CORRECTIONS_FILE}")
        os.fsync(fd)
    finally:
        os.close(fd)  # closing releases the lock
    return line


# --------------------------------------------------------------------------- applying

def fact_span(kind: str, fact: dict) -> list | None:
    """The span a fact is known by: its own, or its first mention."""
    if fact.get("span"):
        return list(fact["span"])
    mentions = fact.get("mentions") or []
    return list(min(mentions)) if mentions else None


def document_ids(record: dict) -> None:
    """Documents carry no id in the schema: give them "d1", "d2" ... by position."""
    for n, d in enumerate(record.get("documents") or [], 1):
        d.setdefault("id", f"d{n}")


def find_fact(record: dict, kind: str, fact_id: str | None, span) -> dict | None:
    """The fact of `kind` at `span` (ids may change between extractions), else by id."""
    facts = record.get(FACT_KINDS[kind]) or []
    if span is not None:
        for f in facts:
            if fact_span(kind, f) == list(span):
                return f
        return None
    return next((f for f in facts if f.get("id") == fact_id), None)


def next_id(record: dict, kind: str) -> str:
    """The id an added fact gets: one past the highest id of its kind ("f12" after "f11")."""
    prefix = ID_PREFIX[kind]
    numbers = [int(f["id"][len(prefix):]) for f in record.get(FACT_KINDS[kind]) or []
               if str(f.get("id", "")).startswith(prefix) and str(f["id"])[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _stale(result: Applied, c: dict, reason: str) -> None:
    result.stale.append((c, reason))


def _apply_set(result: Applied, c: dict) -> None:
    rec = result.record
    fact = find_fact(rec, "figure", c.get("fact_id"), c.get("span"))
    if fact is None:
        return _stale(result, c, "the figure is no longer extracted")
    name = c.get("field")
    if name not in FIGURE_FIELDS:
        return _stale(result, c, f"unknown field {name!r}")
    current = fact.get(name)
    if current != c.get("after") and current != c.get("before"):
        return _stale(result, c, f"{name} is now {current!r}, neither {c.get('before')!r} nor "
                                 f"{c.get('after')!r}")
    fact[name] = copy.deepcopy(c.get("after"))
    result.corrected.add(("figure", fact["id"]))
    result.changed = True


def _apply_delete(result: Applied, c: dict) -> None:
    kind = c.get("kind")
    if kind not in FACT_KINDS:
        return _stale(result, c, f"unknown kind {kind!r}")
    rec = result.record
    fact = find_fact(rec, kind, c.get("fact_id"), c.get("span"))
    if fact is None:
        return _stale(result, c, f"the {kind} is no longer extracted")
    rec[FACT_KINDS[kind]] = [f for f in rec[FACT_KINDS[kind]] if f is not fact]
    result.corrected.discard((kind, fact.get("id")))
    result.changed = True
    if kind == "figure":  # checks on a deleted figure no longer hold
        rec["checks"] = [k for k in rec.get("checks") or [] if fact["id"] not in (k.get("figures") or [])]


def _apply_add(result: Applied, c: dict) -> None:
    kind, after = c.get("kind"), c.get("after")
    if kind not in FACT_KINDS or not isinstance(after, dict):
        return _stale(result, c, "malformed addition")
    rec, text = result.record, result.record.get("text") or ""
    span = fact_span(kind, after)
    if not span or text[span[0]:span[1]] != after.get("surface"):
        return _stale(result, c, "the selected text is not at its span")
    if find_fact(rec, kind, None, span) is not None:
        return _stale(result, c, f"the {kind} is now extracted")
    fact = copy.deepcopy(after)
    if kind != "figure" and kind != "document":
        fact.pop("surface", None)
    fact["id"] = next_id(rec, kind)
    rec.setdefault(FACT_KINDS[kind], []).append(fact)
    result.corrected.add((kind, fact["id"]))
    result.changed = True


def apply_corrections(record: dict, corrections: list[dict]) -> Applied:
    """`record` (left untouched) with the corrections of its article applied, in order."""
    result = Applied(record=copy.deepcopy(record))
    document_ids(result.record)
    for c in corrections:
        if c.get("doc_id") != record.get("doc_id"):
            continue
        if c.get("sha256") != record.get("sha256"):
            _stale(result, c, "the article text has changed")
        elif c["action"] == "reviewed":
            result.reviewed = bool(c.get("after"))
        elif c["action"] == "set":
            _apply_set(result, c)
        elif c["action"] == "delete":
            _apply_delete(result, c)
        elif c["action"] == "add":
            _apply_add(result, c)
        elif c["action"] == "accept":
            if c.get("kind") in FACT_KINDS and find_fact(result.record, c["kind"], c.get("fact_id"),
                                                         c.get("span")) is None:
                _stale(result, c, f"the {c['kind']} is no longer extracted")
    return result


def apply_to_records(records: list[dict], corrections: list[dict]) -> tuple[list[Applied], list]:
    """Every record with its corrections; and (correction, reason) of those that no longer
    apply, including corrections of articles no longer in the records."""
    grouped = by_doc_id(corrections)
    applied = [apply_corrections(r, grouped.get(r["doc_id"], [])) for r in records]
    stale = [s for a in applied for s in a.stale]
    known = {r["doc_id"] for r in records}
    stale += [(c, "the article is no longer in the records")
              for doc_id, cs in grouped.items() if doc_id not in known for c in cs]
    return applied, stale


def corrected_flags(applied: list[Applied], kind: str) -> list[bool]:
    """For each fact of `kind`, record by record in order: was it corrected or added?"""
    return [(kind, f.get("id")) in a.corrected
            for a in applied for f in a.record.get(FACT_KINDS[kind]) or []]


def describe_stale(stale: list) -> str:
    """One line per correction that no longer applies."""
    return "\n".join(f"{c.get('doc_id')} {c.get('action')} {c.get('kind') or ''} "
                     f"{c.get('fact_id') or ''} {c.get('field') or ''}: {reason}".replace("  ", " ")
                     for c, reason in stale)
