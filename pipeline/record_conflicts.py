"""`cchc conflicts`: figures about the same unit, metric and period whose values differ
between records, from the tables `export.load` builds."""
from __future__ import annotations

import datetime as dt
import itertools
import sys

from .export import RecordsError, load

CONFLICT_KEY = ["unit_key", "aspect", "object", "kind", "change", "period_start", "period_end"]


def _unit_key(row) -> str | None:
    if isinstance(row.unit_code, str):
        return f"code {row.unit_code}"
    if isinstance(row.unit_name, str):
        # without a code, the same name may be a different unit in another province
        province = row.unit_province if isinstance(row.unit_province, str) else "?"
        return f"{row.unit_type} {row.unit_name}, {province}"
    return None


def _differs_across_records(group) -> bool:
    """Two records of the group report different values: the sets of values each record gives
    differ (two records that both list "6 cơ quan, 2 đơn vị" agree)."""
    by_record: dict = {}
    for rec, val in zip(zip(group.doc_id, group.source), zip(group.value, group.denominator.fillna(-1))):
        by_record.setdefault(rec, set()).add(val)
    return any(a != b for a, b in itertools.combinations(by_record.values(), 2))


def find_conflicts(figures):
    """Figures about the same unit, metric and period whose values differ between records.

    The metric is (aspect, object, kind, change); the unit is its register code, or its type,
    name and province when the code is unknown. Figures without a unit, a dated period or a
    known aspect are left out: they cannot be compared. Returns the rows of `figures` in
    conflicting groups, numbered by a `conflict` column."""
    import pandas as pd

    rows = figures.copy()
    rows["unit_key"] = [_unit_key(r) for r in rows.itertuples()]
    dated = rows.period_start.notna() | rows.period_end.notna()
    rows = rows[rows.unit_key.notna() & dated & (rows.aspect != "other")]
    rows = rows.assign(change=rows["change"].fillna(False))
    groups = [g for _, g in rows.groupby(CONFLICT_KEY, dropna=False, sort=True)
              if _differs_across_records(g)]
    if not groups:
        return rows.iloc[0:0].assign(conflict=pd.Series(dtype="int64"))
    return pd.concat([g.sort_values(["value", "doc_id"]).assign(conflict=n)
                      for n, g in enumerate(groups, 1)], ignore_index=True)


def without_duplicates(rows, articles):
    """`rows` of articles that are not a copy of an earlier one (`duplicate_of` is null), so
    that one story is not counted twice."""
    copies = set(articles.loc[articles.duplicate_of.notna(), "doc_id"])
    return rows[~rows.doc_id.isin(copies)] if copies else rows


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _date_text(d) -> str:
    return d.strftime("%Y-%m-%d") if isinstance(d, (dt.date, dt.datetime)) and d == d else "?"


def _period(row) -> str:
    return f"{_date_text(row.period_start)}..{_date_text(row.period_end)}"


def _excerpt(row, width: int = 70) -> str:
    """The figure in its sentence, cut to `width` characters either side."""
    if not isinstance(row.quote, str):
        return ""
    at = int(row.span_start - row.sentence_start)
    before, after = row.quote[:at], row.quote[at + len(row.surface):]
    before = ("…" + before[-width:]) if len(before) > width else before
    after = (after[:width] + "…") if len(after) > width else after
    return " ".join(f"{before}[{row.surface}]{after}".split())


def format_conflicts(conflicts) -> str:
    lines = []
    for _, group in conflicts.groupby("conflict", sort=True):
        first = group.iloc[0]
        unit = f"{first.unit_type} {first.unit_name}"
        code = first.unit_code if isinstance(first.unit_code, str) else "no code"
        place = f", {first.unit_province}" if isinstance(first.unit_province, str) else ""
        metric = f"{first.kind} {first.aspect} {first.object}" + (" (change)" if first.change else "")
        lines.append(f"{unit} ({code}{place}) · {metric} · {_period(first)}")
        for row in group.itertuples():
            value = _number(row.value)
            if row.denominator == row.denominator:  # not NaN
                value += f"/{_number(row.denominator)}"
            lines.append(f"  {value:>10} {row.approx:<8} {row.doc_id} {row.figure_id}  {row.source}")
            lines.append(f"  {'':>10} {_excerpt(row)}")
        lines.append("")
    return "\n".join(lines)


def cmd_conflicts(args) -> int:
    try:
        tables = load(args.outdir)
    except RecordsError as e:
        print(f"cchc conflicts: {e}", file=sys.stderr)
        return 1
    conflicts = find_conflicts(without_duplicates(tables["figures"], tables["articles"]))
    n_groups = conflicts["conflict"].nunique()
    if n_groups:
        print(format_conflicts(conflicts))
    n_records = len(tables["articles"])
    print(f"{n_groups} conflict{'s' * (n_groups != 1)} across {n_records} record{'s' * (n_records != 1)}")
    return 0
