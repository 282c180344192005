"""Checks: internal inconsistencies of an article's figures, as a careful reader flags them.

Each check is a small pure function over the figure list; `CHECKS` registers them in one place.
A check fires only on exact figures ("gần 2.100" is not held to arithmetic) and allows for the
rounding of the stated precision: "91,16%" promises two decimals, "92%" none.
"""
from __future__ import annotations

from typing import Callable

import regex

PART_ASPECTS = ("resolved", "on_time", "online", "overdue", "interlinked")
RATE_ASPECTS = ("received", "resolved", "on_time", "online", "overdue", "interlinked", "published",
                "completed", "satisfaction", "one_stop", "inspected")
NEAR = 80  # characters: a percentage this close after a ratio or count may restate it
RESTATE_RE = regex.compile(r"(?:\(|\bđạt\b|\bchiếm\b|\bbằng\b|\btương đương\b|\btỷ lệ\b|\btỉ lệ\b|,\s*$)",
                           regex.IGNORECASE)


def decimals(surface: str) -> int:
    digits = surface.rstrip("% ").replace(" ", "")
    return len(digits.split(",", 1)[1]) if "," in digits else 0


def tolerance(surface: str) -> float:
    """How far a stated percentage may be from the computed one: one unit of its last digit
    (covers both rounding and truncation)."""
    return 10 ** -decimals(surface) + 1e-9


def same_subject(a: dict, b: dict) -> bool:
    sa, sb = a.get("subject") or {}, b.get("subject") or {}
    return (sa.get("unit"), sa.get("aggregate")) == (sb.get("unit"), sb.get("aggregate"))


def exact(f: dict) -> bool:
    return f.get("approx", "exact") == "exact"


def same_sentence(a: dict, b: dict) -> bool:
    return a["sentence"] == b["sentence"]


def fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".").replace(",", " ")


def check(kind: str, figs: list[dict], computed, stated, message: str) -> dict:
    return {"kind": kind, "figures": [f["id"] for f in figs],
            "computed": None if computed is None else round(computed, 2),
            "stated": stated, "message": message}


# --------------------------------------------------------------------------- the checks

def ratio_percent_mismatch(figures: list[dict], text: str) -> list[dict]:
    """"22/24 nhiệm vụ (đạt 91,16%)": 22/24 = 91.67 %."""
    out = []
    for i, r in enumerate(figures):
        if r["kind"] != "ratio" or not r.get("denominator") or not exact(r):
            continue
        pct = next((p for p in figures[i + 1:i + 2] if p["kind"] == "percent" and same_sentence(r, p)
                    and p["span"][0] - r["span"][1] <= NEAR and exact(p) and not p.get("change")), None)
        if pct is None or pct["object"] != r["object"] or not restates(r, pct, text):
            continue
        computed = 100 * r["value"] / r["denominator"]
        if abs(computed - pct["value"]) > tolerance(pct["surface"]):
            out.append(check("ratio_percent_mismatch", [r, pct], computed, pct["value"],
                             f"{r['surface']} is {fmt(computed)} %, but the article states {pct['surface']}."))
    return out


def restates(first: dict, pct: dict, text: str) -> bool:
    """Whether the percentage is stated as the share of the figure before it: "22/24 nhiệm vụ
    (đạt 91,16%)", "450 hồ sơ, chiếm 90%", not a new statement after ";"."""
    between = text[first["span"][1]:pct["span"][0]]
    return ";" not in between and bool(RESTATE_RE.search(between))


def _total_for(part: dict, figures: list[dict]) -> dict | None:
    """The received-dossier count that `part` is a share of: same subject, same object, before
    it in the same paragraph-sized stretch of text, and the largest of them, since a total is
    often followed by its breakdown ("tiếp nhận 36.999 hồ sơ, trong đó A tiếp nhận 18.843 ...")."""
    best = None
    for f in figures:
        if f is part or f["kind"] != "count" or f["aspect"] != "received" or not exact(f):
            continue
        if f["object"] != part["object"] or not same_subject(f, part):
            continue
        if f["span"][1] <= part["span"][0] and part["span"][0] - f["span"][1] <= 600:
            if best is None or f["value"] >= best["value"]:
                best = f
    return best


def part_exceeds_total(figures: list[dict], text: str) -> list[dict]:
    """Resolved, online, on-time or overdue dossiers above those received."""
    out = []
    for f in figures:
        if f["kind"] != "count" or f["aspect"] not in PART_ASPECTS or not exact(f):
            continue
        total = _total_for(f, figures)
        if total is not None and f["value"] > total["value"]:
            out.append(check("part_exceeds_total", [total, f], f["value"] - total["value"], f["value"],
                             f"{f['surface']} {f['noun'] or ''} {f['aspect'].replace('_', ' ')} exceeds the "
                             f"{total['surface']} received."))
    return out


def count_percent_mismatch(figures: list[dict], text: str) -> list[dict]:
    """A percentage that restates a count of the same total wrongly ("tiếp nhận 500 hồ sơ, giải
    quyết 450 hồ sơ, đạt 95%"), or "100% đúng hạn" beside overdue dossiers."""
    out = []
    for i, p in enumerate(figures):
        if p["kind"] != "percent" or p["aspect"] not in PART_ASPECTS or not exact(p) or p.get("change"):
            continue
        prev = figures[i - 1] if i else None
        if (prev is not None and prev["kind"] == "count" and prev["aspect"] == p["aspect"] and exact(prev)
                and same_sentence(prev, p) and p["span"][0] - prev["span"][1] <= NEAR
                and restates(prev, p, text)):
            total = _total_for(prev, figures)
            if total is not None and total["value"] and same_sentence(total, prev):
                computed = 100 * prev["value"] / total["value"]
                if abs(computed - p["value"]) > tolerance(p["surface"]):
                    out.append(check("count_percent_mismatch", [total, prev, p], computed, p["value"],
                                     f"{prev['surface']} of {total['surface']} is {fmt(computed)} %, but the "
                                     f"article states {p['surface']}."))
        if p["aspect"] == "on_time" and p["value"] == 100:
            overdue = [f for f in figures if f["kind"] == "count" and f["aspect"] == "overdue"
                       and f["value"] > 0 and same_subject(f, p) and same_sentence(f, p)]
            for f in overdue:
                out.append(check("count_percent_mismatch", [p, f], None, p["value"],
                                 f"{p['surface']} on time, yet {f['surface']} overdue dossiers are reported."))
    return out


def percent_out_of_range(figures: list[dict], text: str) -> list[dict]:
    return [check("percent_out_of_range", [f], None, f["value"],
                  f"{f['surface']} is not a possible share (outside 0–100 %).")
            for f in figures
            if f["kind"] == "percent" and f["aspect"] in RATE_ASPECTS and not f.get("change")
            and not 0 <= f["value"] <= 100]


def rank_above_field(figures: list[dict], text: str) -> list[dict]:
    """"đứng 31/30": a rank beyond the number of those ranked."""
    return [check("rank_above_field", [f], None, f["value"],
                  f"Rank {fmt(f['value'])} is beyond the field of {fmt(f['denominator'])} ranked.")
            for f in figures
            if f["kind"] == "rank" and f.get("denominator") and f["value"] > f["denominator"]]


def conflicting_values(figures: list[dict], text: str) -> list[dict]:
    """The same unit, metric and period given two different values in one article. A
    restatement sits in another sentence (headline and body, lead and detail); two values in
    one sentence are parts of a breakdown ("61.276 hồ sơ ... và 7.005 hồ sơ")."""
    out = []
    seen: dict[tuple, dict] = {}
    for f in figures:
        subj = f.get("subject") or {}
        period = f.get("period") or {}
        # scores and ranks come in league tables, one per body: their subjects are too
        # uncertain to call two of them the same figure
        if (f["aspect"] == "other" or f["kind"] in ("score", "rank") or not exact(f) or f.get("change")
                or subj.get("unit") is None
                or not period.get("start") or not period.get("end")):
            continue
        k = (subj["unit"], f["aspect"], f["object"], f["kind"], f.get("denominator"),
             (f.get("noun") or "").lower(), period["start"], period["end"])
        first = seen.setdefault(k, f)
        if first is not f and first["value"] != f["value"] and first.get("sentence") != f.get("sentence"):
            out.append(check("conflicting_values", [first, f], None, f["value"],
                             f"The same figure is given as {first['surface']} and as {f['surface']}."))
    return out


CHECKS: list[Callable[[list[dict], str], list[dict]]] = [
    ratio_percent_mismatch, part_exceeds_total, count_percent_mismatch, percent_out_of_range,
    rank_above_field, conflicting_values,
]


def run_checks(figures: list[dict], text: str) -> list[dict]:
    """All checks over one article's figures (`text` is the record's text, for the words
    between two figures)."""
    out = []
    for fn in CHECKS:
        out.extend(fn(figures, text))
    return out
