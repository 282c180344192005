"""Checks: the inconsistencies between an article's figures that a careful reader flags.

A registry of kinds (`CHECKS`, the names of the contract's Check.kind), one small function
each over the article's figures and text; the tolerance rule in one place (`tolerance.py`);
messages in Vietnamese and English (`messages.py`). `run_checks` returns the contract's
Check dicts: kind, figures (ids), computed, stated, message.
"""
from __future__ import annotations

from typing import Callable

from .base import Article, Finding
from .conflicts import conflicting_values
from .lists import count_list_mismatch
from .messages import LANGS, render
from .ranges import value_out_of_range
from .ratios import count_percent_mismatch, ratio_percent_mismatch
from .tolerance import agrees, decimals, figure_range, tolerance
from .totals import part_exceeds_total, sum_mismatch

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


def run_checks(figures: list[dict], text: str, lang: str = "en") -> list[dict]:
    """All checks over one article's figures (`text` is the record's text, for the words between
    and around figures), in the order of the registry, each figure set reported once."""
    article = Article(sorted(figures, key=lambda f: f["span"][0]), text)
    out, seen = [], set()
    for kind, fn in CHECKS.items():
        for finding in fn(article):
            key = (kind, tuple(f["id"] for f in finding.figures))
            if key not in seen:
                seen.add(key)
                out.append(to_check(finding, lang))
    return out
