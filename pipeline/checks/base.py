"""What every check kind shares: the article in view (`Article`) and a finding (`Finding`)."""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

import regex

from ..gazetteer import TYPE_LEVEL
from ..pattern_cache import compile_pattern
from .tolerance import is_exact

# a sentence that narrows a quantity to a part: a field, a level, a body, a channel (not the
# places a superlative compares it with: "cao nhất trong các xã")
SUBSET_RE = compile_pattern(
    r"(?<!\p{L})(?:riêng|trong đó|trong số|lĩnh vực|thuộc|thẩm quyền|bộ phận|trung tâm|cấp tỉnh|cấp huyện|"
    r"cấp xã|bưu chính|đối với|từng|(?<!nhất\s+(?:trong|của|giữa)\s+)(?:các xã|các phường|các sở|các cơ quan)|nhóm|loại)(?!\p{L})",
    regex.IGNORECASE)
# "trong tổng số 12.846 hồ sơ tiếp nhận có 7.905 ...", "4.512 hồ sơ trên tổng số 5.860 hồ sơ": a base
BASE_BEFORE_RE = compile_pattern(r"(?<!\p{L})(?:trong|trên)\s+(?:tổng\s+)?số\s*(?:(?:hơn|gần|khoảng|trên)\s+)?$", regex.IGNORECASE)
# "Trong số hồ sơ tiếp nhận, đã giải quyết 1.586 hồ sơ": the received total itself, no subset
RECEIVED_BASE_RE = compile_pattern(r"(?<!\p{L})trong[ \u00a0]+số[ \u00a0]+hồ[ \u00a0]+sơ[ \u00a0]+(?:đã[ \u00a0]+)?(?:được[ \u00a0]+)?tiếp[ \u00a0]+nhận(?!\p{L})",
                                   regex.IGNORECASE)
UNIT_OBJECTS = ("admin_unit", "agency")  # what is graded, ranked and given rates: places and bodies
NEAR_TOTAL = 2000  # characters: how far before a part its total is looked for (besides the lead)
LEAD_FIGURES = 40


@dataclass
class Finding:
    """One inconsistency: its kind, the figures involved, the computed and stated values, and the
    message template with its parameters (rendered in the reader's language by `run_checks`)."""
    kind: str
    figures: list[dict]
    computed: float | None
    stated: float | None
    template: str
    params: dict = field(default_factory=dict)
    across: bool | None = None  # set by checks whose figures are linked otherwise than by sentence

    @property
    def linked(self) -> bool:
        """Whether the check links figures of different sentences (a list after ":" is not)."""
        if self.across is not None:
            return self.across
        return len({tuple(f.get("sentence") or f["span"]) for f in self.figures}) > 1


def sum_finding(total: dict, parts: list[dict], across: bool | None = None) -> Finding:
    """Parts that do not add up to their total."""
    computed = sum(p["value"] for p in parts)
    return Finding("sum_mismatch", [total, *parts], computed, total["value"], "parts_vs_total",
                   dict(parts=" + ".join(p["surface"] for p in parts), computed=computed, stated=total["surface"]),
                   across=across)


def part_above(total: dict, part: dict) -> Finding:
    return Finding("part_exceeds_total", [total, part], part["value"], total["value"], "part_exceeds_total",
                   dict(part=part["surface"], total=total["surface"]))


def unit_levels(units) -> dict[str, str]:
    """The level of each unit of a record (SCHEMA.md `Unit`), by id: "province", "district" or
    "commune" (a "thành phố" with a two-digit code is a province, else a provincial city)."""
    out = {}
    for u in units:
        level = TYPE_LEVEL.get(u.get("type") or "")
        if u.get("type") == "thành phố" and len(u.get("code") or "") == 2:
            level = "province"
        if level is not None and u.get("id"):
            out[u["id"]] = level
    return out


@dataclass
class Article:
    """An article's figures and text, with the paragraph layout the checks need, and the level
    of each unit a figure's subject may name (`unit_levels`; empty when the units are not known)."""
    figures: list[dict]
    text: str
    _matches: dict = field(default_factory=dict, repr=False)
    levels: dict = field(default_factory=dict, repr=False)

    def level_of_subject(self, f: dict) -> str | None:
        """The administrative level of the unit a figure is about, when known."""
        return self.levels.get((f.get("subject") or {}).get("unit"))

    @functools.cached_property
    def paragraph_starts(self) -> list[int]:
        return [0, *(m.end() for m in regex.finditer(r"\n", self.text))]

    def paragraph(self, pos: int) -> int:
        """The number of the line (paragraph) holding offset `pos`."""
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    @functools.cached_property
    def lead(self) -> int | None:
        """The paragraph number of the lead: the first non-empty paragraph that holds a figure,
        when it is among the first three (the headline counts: it states totals too)."""
        figure_paragraphs = {self.paragraph(f["span"][0]) for f in self.figures[:LEAD_FIGURES]}
        return next((n for n in self.opening if n in figure_paragraphs), None)

    @functools.cached_property
    def opening(self) -> tuple[int, ...]:
        """The paragraph numbers of the first three non-empty paragraphs, in order: the headline,
        the lead and the one after (where `lead` looks for the first holding a figure)."""
        out = []
        for n, start in enumerate(self.paragraph_starts):
            end = self.paragraph_starts[n + 1] if n + 1 < len(self.paragraph_starts) else len(self.text)
            if self.text[start:end].strip():
                out.append(n)
                if len(out) == 3:
                    break
        return tuple(out)

    @functools.cached_property
    def leads(self) -> tuple[int, ...]:
        """The paragraphs whose totals later ones may break down: the lead and, when the lead is
        the headline, the first paragraph after it that holds a figure too (the body's lead)."""
        if self.lead is None:
            return ()
        if self.lead != self.opening[0]:
            return (self.lead,)
        figure_paragraphs = {self.paragraph(f["span"][0]) for f in self.figures[:LEAD_FIGURES]}
        return (self.lead, *[n for n in self.opening[1:] if n in figure_paragraphs][:1])

    def in_scope(self, earlier: dict, later: dict) -> bool:
        """Whether `earlier` may be restated or broken down by `later`: same paragraph, or
        `earlier` in the lead (`leads`)."""
        p = self.paragraph(earlier["span"][0])
        return p == self.paragraph(later["span"][0]) or p in self.leads

    @functools.cached_property
    def starts(self) -> list[int]:
        """The figures' start offsets, in order (the figures are sorted by start)."""
        return [f["span"][0] for f in self.figures]

    def before(self, pos: int, chars: int) -> list[dict]:
        """The figures starting in the `chars` characters before `pos`, nearest last."""
        return self.figures[bisect.bisect_left(self.starts, pos - chars):bisect.bisect_left(self.starts, pos)]

    def after(self, pos: int, limit: int) -> list[dict]:
        """At most `limit` figures starting at or after `pos`."""
        k = bisect.bisect_left(self.starts, pos)
        return self.figures[k:k + limit]

    def figures_in(self, span: tuple[int, int]) -> list[dict]:
        """The figures starting inside `span` (a sentence), in order."""
        return self.figures[bisect.bisect_left(self.starts, span[0]):bisect.bisect_left(self.starts, span[1])]

    @functools.cached_property
    def lead_figures(self) -> list[dict]:
        """The first figures of the lead paragraphs (`leads`; a bounded number)."""
        if self.lead is None:
            return []
        return [f for f in self.figures[:200] if self.paragraph(f["span"][0]) in self.leads][:LEAD_FIGURES]

    def sentence_text(self, f: dict) -> str:
        s, e = f.get("sentence") or f["span"]
        return self.text[s:e]

    def sentence_matches(self, pattern: regex.Pattern, f: dict) -> bool:
        """Whether `pattern` occurs in the figure's sentence (once per sentence and pattern)."""
        key = (pattern.pattern, tuple(f.get("sentence") or f["span"]))
        if key not in self._matches:
            self._matches[key] = pattern.search(self.sentence_text(f)) is not None
        return self._matches[key]

    def paragraph_matches(self, pattern: regex.Pattern, pos: int) -> bool:
        """Whether `pattern` occurs in the paragraph holding `pos` (once per paragraph and pattern)."""
        key = (pattern.pattern, self.paragraph(pos))
        if key not in self._matches:
            self._matches[key] = pattern.search(self.paragraph_text(pos)) is not None
        return self._matches[key]

    def paragraph_text(self, pos: int) -> str:
        n = self.paragraph(pos)
        starts = self.paragraph_starts
        return self.text[starts[n]:starts[n + 1] if n + 1 < len(starts) else len(self.text)]

    def between(self, a: dict, b: dict) -> str:
        return self.text[a["span"][1]:b["span"][0]]


def exact(f: dict) -> bool:
    return is_exact(f)


def same_sentence(a: dict, b: dict) -> bool:
    return a.get("sentence") == b.get("sentence")


def same_period(a: dict, b: dict) -> bool:
    """Whether two figures have one period: the same dates where both periods are closed ("tháng
    10" read in 2025 and "tháng 10/2025"), else the same words; never when neither states one."""
    pa, pb = a.get("period") or {}, b.get("period") or {}
    if pa.get("start") and pa.get("end") and pb.get("start") and pb.get("end"):
        return (pa["start"], pa["end"]) == (pb["start"], pb["end"])
    return bool(pa.get("text")) and (pa.get("text") or "").casefold() == (pb.get("text") or "").casefold()


def same_subject(a: dict, b: dict) -> bool:
    sa, sb = a.get("subject") or {}, b.get("subject") or {}
    return (sa.get("unit"), sa.get("aggregate")) == (sb.get("unit"), sb.get("aggregate"))


def is_change(f: dict) -> bool:
    return bool(f.get("change"))


def is_target(f: dict) -> bool:
    return bool(f.get("target"))


def result_count(f: dict) -> bool:
    """A count of a result, exact or not: no change, no goal."""
    return f["kind"] == "count" and not is_change(f) and not is_target(f)


def closed_own_period(f: dict) -> bool:
    """Whether the figure's sentence states its period, with both its dates."""
    period = f.get("period") or {}
    return bool(period.get("start") and period.get("end") and not period.get("inherited"))


def of_the_received(article: "Article", part: dict) -> bool:
    """Whether the part's sentence names its base as the dossiers received, before it."""
    return RECEIVED_BASE_RE.search(article.text, part["sentence"][0], part["span"][0]) is not None
