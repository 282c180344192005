"""The same quantity reported twice with different values."""
from __future__ import annotations

import regex

from .base import Article, Finding, exact, is_change, is_target

# index values, scores and ranks come in league tables, one per body, and national averages
# beside local ones: their subjects are too uncertain to call two of them the same figure
UNCOMPARABLE_ASPECTS = ("other", "par_index", "satisfaction", "planned")
# counts of bodies or places are counts of those meeting a threshold ("5 xã đạt trên 90%")
COMPARABLE_OBJECTS = ("dossier", "procedure", "document", "task")
# a sentence about the nation, an average, a running total or a threshold band is another quantity
OTHER_QUANTITY_RE = regex.compile(
    r"(?<!\p{L})(?:cả nước|toàn quốc|bình quân|trung bình|lũy kế|luỹ kế|cộng dồn|tính từ|từ khi|từ năm|"
    r"(?:trên|dưới|hơn|từ)\s+\d|mỗi|một ngày|chưa)(?!\p{L})", regex.IGNORECASE)


def _key(f: dict) -> tuple | None:
    """What makes two figures the same quantity: unit, aspect, object, kind, denominator, noun
    and a closed period; None for figures that are never compared."""
    subj = f.get("subject") or {}
    period = f.get("period") or {}
    if (f["aspect"] in UNCOMPARABLE_ASPECTS or f["kind"] in ("score", "rank") or not exact(f)
            or f["object"] not in COMPARABLE_OBJECTS
            or is_change(f) or is_target(f) or f.get("index") or subj.get("unit") is None
            or not period.get("start") or not period.get("end")
            or not any(ch.isdigit() for ch in f.get("surface") or "")):  # "không có hồ sơ nào" is a subset
        return None
    return (subj["unit"], f["aspect"], f["object"], f["kind"], f.get("denominator"),
            (f.get("noun") or "").lower(), period["start"], period["end"])


def conflicting_values(article: Article) -> list[Finding]:
    """The same unit, metric, noun and period given two values in two sentences (headline and
    body, lead and detail). Two values in one sentence are parts of a breakdown."""
    out = []
    seen: dict[tuple, dict] = {}
    for f in article.figures:
        k = _key(f)
        if k is None or OTHER_QUANTITY_RE.search(article.text[f["sentence"][0]:f["sentence"][1]]):
            continue
        first = seen.setdefault(k, f)
        if first is not f and first["value"] != f["value"] and first.get("sentence") != f.get("sentence"):
            out.append(Finding("conflicting_values", [first, f], None, f["value"], "conflicting_values",
                               dict(first=first["surface"], second=f["surface"])))
    return out
