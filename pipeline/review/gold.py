"""`cchc review OUTDIR --export-gold FILE`: the reviewed articles as gold, in ANNOTATION.md's form.

A reviewed article's record, with its corrections applied, is what the reviewer accepted as
right; written in the gold vocabulary (subject as "type name", period as its phrase, deleted
figures as `not_figures`), `cchc eval FILE OUTDIR` (or ../shared/tools/score.py) measures
the pipeline on the user's own corpus.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..corrections import Applied, apply_to_records, read_corrections
from .store import records_path, scan


def _subject(fig: dict, units: dict):
    subject = fig.get("subject") or {}
    unit = units.get(subject.get("unit"))
    if unit is not None:
        return f"{unit.get('type')} {unit.get('name')}"
    if subject.get("aggregate"):
        return {"aggregate": subject["aggregate"], "parent": None}
    return None


def _figure(fig: dict, units: dict) -> dict:
    period = fig.get("period")
    return {"span": list(fig["span"]), "surface": fig.get("surface"), "value": fig.get("value"),
            "kind": fig.get("kind"), "object": fig.get("object"), "aspect": fig.get("aspect"),
            "subject": _subject(fig, units), "approx": fig.get("approx") or "exact",
            "denominator": fig.get("denominator"),
            "period": period.get("text") if isinstance(period, dict) else None,
            "alt_aspects": [], "index": fig.get("index"), "target": bool(fig.get("target"))}


def gold_entry(applied: Applied, deleted: list[list[int]]) -> dict:
    rec = applied.record
    text = rec.get("text") or ""
    units = {u["id"]: u for u in rec.get("units") or []}
    figures = {f["id"]: f for f in rec.get("figures") or []}
    kept = {tuple(f["span"]) for f in rec.get("figures") or []}
    return {
        "doc_id": rec["doc_id"], "sha256": rec.get("sha256"), "title": rec.get("title"),
        "published": rec.get("published"), "authors": list(rec.get("authors") or []),
        "units": [{k: u.get(k) for k in ("type", "name", "code", "district", "province", "code_2025")}
                  for u in rec.get("units") or []],
        "officials": [{"name": o.get("name"),
                       "roles": [{"title": r.get("title"), "org": r.get("org")} for r in o.get("roles") or []]}
                      for o in rec.get("officials") or []],
        "documents": [{k: d.get(k) for k in ("type", "number", "date", "issuer")}
                      for d in rec.get("documents") or []],
        "figures": [_figure(f, units) for f in rec.get("figures") or []],
        "not_figures": [{"span": list(s), "surface": text[s[0]:s[1]]} for s in deleted
                        if tuple(s) not in kept],
        "checks": [{"kind": c.get("kind"), "surfaces": [figures[i].get("surface") for i in c.get("figures") or []
                                                        if i in figures],
                    "computed": c.get("computed"), "stated": c.get("stated")}
                   for c in rec.get("checks") or []],
        "body_end": (rec.get("body") or [None, None])[1],
    }


def export_gold(outdir, out_path) -> tuple[int, int]:
    """Write the reviewed articles of OUTDIR as gold JSONL to `out_path` (atomically).
    Returns (articles written, corrections that no longer apply)."""
    outdir = Path(outdir)
    corrections = read_corrections(outdir)
    reviewed_ids = {c["doc_id"] for c in corrections if c["action"] == "reviewed"}
    records = [rec for _, rec in scan(records_path(outdir)) if rec["doc_id"] in reviewed_ids]
    applied, stale = apply_to_records(records, [c for c in corrections if c["doc_id"] in reviewed_ids])
    entries = []
    for a in applied:
        if not a.reviewed:
            continue
        deleted = [c["span"] for c in corrections if c["doc_id"] == a.record["doc_id"]
                   and c["action"] == "delete" and c.get("kind") == "figure" and c.get("span")
                   and c.get("sha256") == a.record.get("sha256")]
        entries.append(gold_entry(a, deleted))
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            for e in entries:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(entries), len(stale)
