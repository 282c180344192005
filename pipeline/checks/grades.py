"""Units counted by grade against the units graded: "đánh giá Chỉ số CCHC của 20 sở, ban, ngành;
kết quả có 6 đơn vị đạt loại tốt, 11 đơn vị loại khá và 4 đơn vị loại trung bình" (21 of 20),
"38/95 xã, phường đạt trên 90 điểm; 51 đơn vị đạt từ 80 đến dưới 90 điểm; 4 đơn vị dưới 80
điểm" (93 of 95). Each unit gets one grade or score band, so the counts cannot add up to more
than the units graded, nor to fewer when the grades or bands named cover every class."""
from __future__ import annotations

import functools
import math

import regex

from ..figure_metrics import INDEX_POPULATION_BEFORE_RE, INDEX_POPULATION_REACH
from ..pattern_cache import compile_pattern
from .base import UNIT_OBJECTS, Article, Finding, exact, is_change, is_target, same_sentence
from .partitions import covers_the_whole, partitions
from .tolerance import EPS, figure_range, sum_range

NUMBER = r"(\d+(?:[.,]\d+)?)"
UNIT = r"(?:\s*(?:điểm|%))?"
# a score band: "từ 80 đến dưới 90 điểm", "từ 90 điểm trở lên", "trên 90 điểm", "dưới 80 điểm"
BAND_RE = compile_pattern(
    rf"(?<!\p{{L}})(?:từ\s+{NUMBER}{UNIT}\s*(?:đến|-|–)\s*(?:dưới\s+)?{NUMBER}"
    rf"|(?:từ|trên)\s+{NUMBER}{UNIT}(?:\s+trở\s+lên)?|dưới\s+{NUMBER})(?!\d)", regex.IGNORECASE)
GRADE_WORDS = r"(?:xếp\s+)?loại|(?:đạt\s+)?mức|đạt"  # before a grade: "đạt loại tốt", "xếp loại Khá"
LABEL_END_RE = compile_pattern(r"[;(]|\s(?:và|còn)\s")  # not ",": "38/95 xã, phường đạt trên 90 điểm"
# between the units graded and the first graded count: their words, then "kết quả (có)", "có"
GRADED_GAP_RE = compile_pattern(r"[^\d;.]{0,60}?(?:[;,:]\s*(?:(?:kết\s+quả|trong\s+đó)\s*[:,]?\s*)?(?:có\s+)?"
                              r"|\s+(?:được\s+đánh\s+giá\s+)?có\s+)$",
                              regex.IGNORECASE)
MAX_GRADED = 8


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text.replace(".", ""))


@functools.cache
def _grades() -> tuple[regex.Pattern, dict[str, str]]:
    """The pattern of a grade after its words, and phrase -> grade (the `grade` partition)."""
    grade_of = next(phrases for name, _, phrases in partitions() if name == "grade")  # longest first
    alternation = "|".join(regex.escape(p) for p in grade_of)
    return compile_pattern(rf"(?<!\p{{L}})(?:{GRADE_WORDS})\s+({alternation})(?!\p{{L}})", regex.IGNORECASE), grade_of


def _label(text: str) -> tuple[str, object] | None:
    """The grade ("grade", class) or score band ("band", (low, high)) named in a graded count's
    clause, or None."""
    pattern, grade_of = _grades()
    if (g := pattern.search(text)) is not None:
        return "grade", grade_of[g.group(1).lower()]
    if (b := BAND_RE.search(text)) is None:
        return None
    low, high, at_least, under = b.group(1), b.group(2), b.group(3), b.group(4)
    if low is not None:
        return "band", (_number(low), _number(high))
    if at_least is not None:
        return "band", (_number(at_least), math.inf)
    return "band", (-math.inf, _number(under))


def _disjoint(kinds: set, labels: list) -> bool:
    """Whether no unit can fall in two of the grades or bands: "trên 80 điểm; trong đó 12 đơn vị
    từ 90 điểm trở lên" names a band inside another."""
    if kinds != {"band"}:
        return True
    bands = sorted(labels)
    return all(lower[1] <= upper[0] + EPS for lower, upper in zip(bands, bands[1:]))


def _covers_all(kind: str, labels: list) -> bool:
    """Whether the grades or bands named leave no unit out: every grade, or bands that chain
    from an open top to an open bottom."""
    if kind == "grade":
        return covers_the_whole("grade", frozenset(labels))
    bands = sorted(labels, key=lambda b: -b[1])
    if bands[0][1] != math.inf or bands[-1][0] != -math.inf:
        return False
    return all(abs(lower[1] - upper[0]) < EPS for upper, lower in zip(bands, bands[1:]))


def _graded_run(first: int, article: Article) -> list[tuple[dict, tuple]]:
    """The counts of units from figure `first` on, in its sentence, each with its grade or band;
    the bounds of a band (scores, percentages) are passed over."""
    figures, text = article.figures, article.text
    run: list[tuple[dict, tuple]] = []
    for k in range(first, min(len(figures), first + 3 * MAX_GRADED)):
        f = figures[k]
        if not same_sentence(f, figures[first]):
            break
        if run and f["kind"] in ("score", "percent"):
            continue  # a band's bound: "từ 80 đến dưới 90 điểm"
        if f["object"] not in UNIT_OBJECTS or is_change(f) or is_target(f) or not (
                f["kind"] == "count" or (not run and f["kind"] == "ratio" and f.get("denominator"))):
            break
        end = next((g["span"][0] for g in figures[k + 1:] if g["kind"] not in ("score", "percent")),
                   (f.get("sentence") or f["span"])[1])
        clause = text[f["span"][1]:end]
        cut = LABEL_END_RE.search(clause)
        label = _label(clause[:cut.start()] if cut else clause)
        if label is None:
            break
        run.append((f, label))
    return run


def _one_grading(run: list[tuple[dict, tuple]]) -> bool:
    """Whether a run of graded counts is one grading: two or more, all grades or all bands, each
    named once, no unit in two of them."""
    kinds = {kind for _, (kind, _) in run}
    labels = [label for _, (_, label) in run]
    return len(run) >= 2 and len(kinds) == 1 and len(set(labels)) == len(labels) and _disjoint(kinds, labels)


def _covered_units(article: Article, f: dict) -> bool:
    """Whether `f` counts the units an index covers ("Chỉ số CCHC ... của 130 xã, phường")."""
    return (f["kind"] == "count" and f["object"] in UNIT_OBJECTS and exact(f)
            and not is_change(f) and not is_target(f)
            and INDEX_POPULATION_BEFORE_RE.search(
                article.text[max(0, f["span"][0] - INDEX_POPULATION_REACH):f["span"][0]].lower()) is not None)


HEAD_PARAGRAPHS = 2  # the headline and the lead: where an article states what its index covers


def _in_headline_or_lead(article: Article, f: dict) -> bool:
    """Whether `f` stands in the article's first two non-empty lines (its headline and lead)."""
    return article.paragraph(f["span"][0]) in article.opening[:HEAD_PARAGRAPHS]


def _index_population(article: Article, before: int) -> dict | None:
    """The units an index covers, counted in the headline or lead ("công bố Bộ chỉ số ... tháng
    10/2025 của 130 xã, phường"): the whole the article's graded units come from (further on an
    article may count the units of several levels, any of which its grades may be of). Where that
    sentence counts several ("của 20 sở và 10 huyện"), the largest."""
    last = next((f for f in reversed(article.figures[:before])
                 if _in_headline_or_lead(article, f) and _covered_units(article, f)), None)
    if last is None:
        return None
    return max((f for f in article.figures[:before] if same_sentence(f, last) and _covered_units(article, f)),
               key=lambda f: f["value"])


def _more_than_the_population(article: Article, i: int) -> Finding | None:
    """Graded counts opening a sentence of their own ("Toàn tỉnh có 18 xã đạt loại Tốt, 74 đơn vị
    đạt loại Khá và 39 đơn vị đạt loại Trung bình") that add up to more than the units the index
    covers, stated before them (130): each unit gets one grade."""
    run = _graded_run(i, article)
    if not _one_grading(run):
        return None
    whole = _index_population(article, i)
    if whole is None:
        return None
    counts = [figure_range(g, rounded=False) for g, _ in run]
    low, _ = sum_range(counts)
    if low <= figure_range(whole, rounded=False)[1]:
        return None
    parts = [g for g, _ in run]
    computed = sum(c[0] for c in counts)
    return Finding("sum_mismatch", [whole, *parts], computed, whole["value"], "parts_vs_total",
                   dict(parts=" + ".join(g["surface"] for g in parts), computed=computed, stated=whole["surface"]),
                   across=True)


def graded_units(article: Article) -> list[Finding]:
    out = []
    figures, text = article.figures, article.text
    if "điểm" not in text and "loại" not in text and "mức" not in text:
        return out
    for i, f in enumerate(figures):
        if f["object"] not in UNIT_OBJECTS or is_change(f) or is_target(f):
            continue
        if f["kind"] == "ratio" and f.get("denominator"):
            # "38/95 xã, phường đạt trên 90 điểm; 51 đơn vị ...": the first grade's count of the 95
            run, graded, stated = _graded_run(i, article), f, f["denominator"]
            whole = (stated, stated)
        elif (f["kind"] == "count" and i + 1 < len(figures) and same_sentence(f, figures[i + 1])
              and GRADED_GAP_RE.fullmatch(gap := article.between(f, figures[i + 1])) and _label(gap) is None):
            run, graded, stated = _graded_run(i + 1, article), f, f["value"]
            whole = figure_range(f, rounded=False)
        else:
            # the first count of units of its sentence: graded counts against the index's units
            if f["kind"] == "count" and not any(same_sentence(g, f) and g["object"] in UNIT_OBJECTS
                                                for g in figures[max(0, i - 3):i]):
                found = _more_than_the_population(article, i)
                if found is not None:
                    out.append(found)
            continue
        if not _one_grading(run):
            continue
        kinds = {kind for _, (kind, _) in run}
        labels = [label for _, (_, label) in run]
        if run[0][0] is graded:  # the ratio: its numerator is the first grade's count
            counts = [(graded["value"], graded["value"])] + [figure_range(g, rounded=False) for g, _ in run[1:]]
        else:
            counts = [figure_range(g, rounded=False) for g, _ in run]
        low, high = sum_range(counts)
        if low > whole[1] or (_covers_all(kinds.pop(), labels) and high < whole[0]):
            parts = [g for g, _ in run]
            computed = sum(c[0] for c in counts)
            named = [graded["surface"].split("/")[0] if g is graded else g["surface"] for g in parts]
            members = parts if run[0][0] is graded else [graded, *parts]
            out.append(Finding("sum_mismatch", members, computed, stated, "parts_vs_total",
                               dict(parts=" + ".join(named), computed=computed,
                                    stated=graded["surface"].split("/")[-1])))
    return out
