"""Checks: the inconsistencies between an article's figures that a careful reader flags.

A registry of kinds (`CHECKS`, named as the contract's Check.kind), one small function each
over the article's figures and text:

- ratio_percent_mismatch: "22/24 nhiệm vụ (đạt 91,16%)" (91,67 %); also "65% (9.000/15.000)".
- count_percent_mismatch: a count over its total, in the same sentence or linked from earlier
  in the paragraph or the lead, against the percentage stated beside the count ("tiếp nhận
  48.500 hồ sơ. Trong đó, 40.200 hồ sơ trực tuyến, chiếm 88,5%"); a part over its base ("4.512
  hồ sơ trên tổng số 5.860 hồ sơ, đạt 79,6%"); a field's share of all received ("đất đai
  285.740 hồ sơ, chiếm 25,2%"); a rate stated sentences after its count ("Tỷ lệ hồ sơ trực
  tuyến ... đạt 75,2%"); "100% đúng hạn" beside overdue dossiers.
- sum_mismatch: parts against their total ("gồm", "(", list items, items after ";" in a "gồm:"
  list; after "trong đó" only parts named as classes of one partition, or ending in "the rest":
  "các lĩnh vực khác 203 hồ sơ"); shares of one whole (trước hạn / đúng hạn / quá
  hạn) over 100 %, or under it when every class is named; a total and its parts stated in turn
  in later sentences, one for each level or each month of its period (`distributed.py`).
- part_exceeds_total: "tiếp nhận 1.200 hồ sơ, trong đó 1.350 ..."; "5.320/5.120"; more
  resolved than received with no backlog mentioned.
- count_list_mismatch: "có 4 xã ... là xã A, xã B, xã C, xã D và xã E"; names against the
  values given to them "lần lượt".
- conflicting_values: one unit, aspect, noun and period, stated plainly twice with two values;
  a qualified count ("hơn 1,1 triệu") that the exact whole stated elsewhere falls outside of; a
  unit's place, score or index percentage in one ranking given in the headline or lead and again,
  a few places or points off, later ("xếp thứ 14/34" ... "đứng thứ 16 cả nước").
- value_out_of_range: a share above 100 % that is no change or plan ratio; a rank beyond its field.

The tolerance rule lives in one place (`tolerance.py`): a stated value agrees when it equals
the computed one rounded or truncated to its decimals, or when its qualifier allows it.
Messages are in Vietnamese and English (`messages.py`); a check that links figures of
different sentences says so. `run_checks` returns the contract's Check dicts: kind, figures
(ids, in text order), computed, stated, message.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .base import Article, Finding, unit_levels
from .conflicts import conflicting_values
from .lists import count_list_mismatch
from .messages import LANGS, render
from .ranges import value_out_of_range
from .ratios import count_percent_mismatch, ratio_percent_mismatch
from .tolerance import agrees, decimals, figure_range, tolerance
from .parts import part_exceeds_total
from .totals import sum_mismatch

CHECKS: dict[str, Callable[[Article], list[Finding]]] = {
    "ratio_percent_mismatch": ratio_percent_mismatch,
    "count_percent_mismatch": count_percent_mismatch,
    "sum_mismatch": sum_mismatch,
    "part_exceeds_total": part_exceeds_total,
    "count_list_mismatch": count_list_mismatch,
    "conflicting_values": conflicting_values,
    "value_out_of_range": value_out_of_range,
}

__all__ = ["CHECKS", "LANGS", "agrees", "decimals", "figure_range", "run_checks", "to_check", "tolerance"]


def to_check(finding: Finding, lang: str = "en") -> dict:
    """The contract's Check dict of a finding (its figures in text order), its message in `lang`."""
    figures = sorted(finding.figures, key=lambda f: f["span"][0])
    return {"kind": finding.kind, "figures": [f["id"] for f in figures],
            "computed": None if finding.computed is None else round(finding.computed, 2),
            "stated": finding.stated,
            "message": render(finding.template, lang, finding.linked, **finding.params)}


def run_checks(figures: list[dict], text: str, lang: str = "en", units: Iterable[dict] = ()) -> list[dict]:
    """All checks over one article's figures (`text` is the record's text, for the words between
    and around figures; `units` the record's units, whose levels tell which levels make up a
    unit's whole), in the order of the registry, each figure set reported once."""
    article = Article(sorted(figures, key=lambda f: f["span"][0]), text, levels=unit_levels(units))
    out, seen = [], set()
    for kind, fn in CHECKS.items():
        for finding in fn(article):
            key = (kind, tuple(f["id"] for f in finding.figures))
            if key not in seen:
                seen.add(key)
                out.append(to_check(finding, lang))
    return out
