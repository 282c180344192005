"""The same quantity reported twice with different values."""
from __future__ import annotations

import regex

from ..pattern_cache import compile_pattern
from .base import SUBSET_RE, Article, Finding, exact, is_change, is_target

# index values, scores and ranks come in league tables, one per body, and national averages
# beside local ones: their subjects are too uncertain to call two of them the same figure
UNCOMPARABLE_ASPECTS = ("other", "par_index", "satisfaction", "planned")
# counts of bodies or places are counts of those meeting a threshold ("5 xã đạt trên 90%")
COMPARABLE_OBJECTS = ("dossier", "procedure", "document", "task")
# a sentence about the nation, an average, a running total or a threshold band is another quantity
OTHER_QUANTITY_RE = compile_pattern(
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


TAIL_REACH = 200  # characters: a figure's qualifying words are sought this far after it
CLAUSE_END_RE = compile_pattern(r"[,.;:()\n]")


def _tail(f: dict, text: str) -> str:
    """The words after a figure and its noun, to the end of its clause: what qualifies it."""
    end = min(f["sentence"][1], f["span"][1] + TAIL_REACH)
    rest = text[f["span"][1]:end]
    m = CLAUSE_END_RE.search(rest)
    words = (rest[:m.start()] if m else rest).lower().split()
    noun = (f.get("noun") or "").lower().split()
    return " ".join(words[len(noun):] if words[:len(noun)] == noun else words)


def own_period(f: dict) -> bool:
    """Whether the figure's period is stated in its own sentence, not inherited from an
    earlier sentence, the headline or the lead."""
    return not (f.get("period") or {}).get("inherited")


def _plain_statement(f: dict, article: Article) -> bool:
    """Whether a figure's sentence states the quantity as a whole, with no narrowing words."""
    return not article.sentence_matches(OTHER_QUANTITY_RE, f) and not article.sentence_matches(SUBSET_RE, f)


def conflicting_values(article: Article) -> list[Finding]:
    """The same unit, metric, noun and period given two values in two sentences (headline and
    body, lead and detail), each stated plainly with the same qualifying words after it. Two
    values in one sentence are parts of a breakdown; a sentence naming a field, a level, a body
    or a channel narrows the quantity to a part."""
    out = []
    seen: dict[tuple, dict] = {}
    for f in article.figures:
        k = _key(f)
        if k is None or not _plain_statement(f, article):
            continue
        k = (*k, _tail(f, article.text))  # "hồ sơ" and "hồ sơ qua dịch vụ bưu chính" are two quantities
        first = seen.setdefault(k, f)
        if (first is not f and first["value"] != f["value"] and first.get("sentence") != f.get("sentence")
                and (own_period(first) or own_period(f))):
            out.append(Finding("conflicting_values", [first, f], None, f["value"], "conflicting_values",
                               dict(first=first["surface"], second=f["surface"])))
    return out
