"""A total stated once and its parts stated in turn in later sentences or paragraphs, each named
by what part of the whole it is: a level of the administration ("ở cấp tỉnh ... 85.320 hồ sơ.
Các huyện ... 201.117 hồ sơ. UBND các xã ... 318.905 hồ sơ") or a month of the total's period
("Quý I/2021 ... 9.846 hồ sơ ... tháng 1 ... 3.215 hồ sơ; tháng 2 ... 2.480 hồ sơ; sang tháng
3 ... 4.051 hồ sơ"). Used by the sum check (`totals.py`); a level singled out of the whole
("Riêng khối xã, phường có ...") by the part-above-total check (`parts.py`)."""
from __future__ import annotations

import datetime as dt
import functools

import regex

from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from ..unit_register import CHANGE as TWO_LEVELS_FROM
from .base import LEAD_FIGURES, Article, Finding, exact, part_above, result_count, same_period, sum_finding
from .fields import one_field
from .partitions import classes_in, covers_the_unit
from .ratios import OWN_SHARE_AFTER_RE
from .tolerance import BOUNDS, exceeds, parts_add_up


def _plain_count(f: dict) -> bool:
    return result_count(f) and exact(f)


def _bound_stated_alone(total: dict, opening: list[dict], parts: list[dict]) -> bool:
    """A bound ("hơn 1,26 triệu hồ sơ": no 1.221.470 in all) stands as the total of `parts` where
    the headline and lead give no exact count of its measure, unit and period besides the parts
    (the parts are set against that) and no bound of it before (the headline's, restated)."""
    def same(f: dict) -> bool:
        return (f["object"] == total["object"] and f["aspect"] == total["aspect"] and same_period(total, f)
                and _unit(f) == _unit(total))

    return (not any(same(f) and _plain_count(f) and f not in parts for f in opening)
            and not any(same(f) and result_count(f) and f.get("approx") in BOUNDS
                        for f in opening if f["span"][0] < total["span"][0]))


def _same_measure(total: dict, f: dict) -> bool:
    return _plain_count(f) and f["object"] == total["object"] and f["aspect"] == total["aspect"]


def _unit(f: dict) -> str | None:
    return (f.get("subject") or {}).get("unit")


@functools.cache
def _aggregate_levels() -> dict[str, str]:
    """The type a subject aggregate begins with -> the level it names (check_partitions.yml)."""
    spec = load_yaml("check_partitions.yml")["level"].get("aggregates", {})
    return {t: level for level, types in spec.items() for t in types}


@functools.cache
def _named_levels_re() -> regex.Pattern:
    """The province's bodies named with no proper name after them, and "các <type>": the level a
    part is of, in the words before it (check_partitions.yml `province_bodies`, `aggregates`)."""
    spec = load_yaml("check_partitions.yml")["level"]
    bodies = "|".join(r"\s+".join(map(regex.escape, b.split()))
                      for b in sorted(spec.get("province_bodies", ()), key=len, reverse=True))
    types = "|".join(r"\s+".join(map(regex.escape, t.split())) for t in _aggregate_levels())
    # (case-blind but for the capital that starts a proper name after a body)
    return compile_pattern(rf"(?<!\p{{L}})(?:(?P<province>(?i:{bodies}))(?![\p{{L}}])(?!\s+\p{{Lu}})|(?i:các)\s+(?P<type>(?i:{types}))(?!\p{{L}}))")


def level_of(f: dict, previous_end: int, article: Article) -> str | None:
    """The one level of the administration named before a figure in its sentence (since the
    figure before it: "ở cấp tỉnh, ... tiếp nhận 85.320"; "Trung tâm Phục vụ hành chính công các
    xã, phường, đặc khu tiếp nhận 109.870"), else by the places its subject aggregates ("Các
    huyện, thị xã, thành phố tiếp nhận 201.117")."""
    start = max(previous_end, (f.get("sentence") or f["span"])[0])
    window = article.text[start:f["span"][0]]
    levels = classes_in(window).get("level", frozenset())
    if len(levels) == 1:
        return next(iter(levels))
    if levels:
        return None
    # the part's own clause: "...; Trung tâm ... các xã, phường tiếp nhận", "..., trong đó cơ sở 1 ... tiếp nhận"
    named_window = window[max(window.rfind(";") + 1, window.rfind("trong đó") + 1):]
    named = {"province" if m["province"] else _aggregate_levels()[regex.sub(r"\s+", " ", m["type"].lower())]
             for m in _named_levels_re().finditer(named_window)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    aggregate = ((f.get("subject") or {}).get("aggregate") or "").lower()
    first = aggregate.split(",")[0].strip().removeprefix("các ").strip()
    return _aggregate_levels().get(first)


CHANGE = "{:04d}-{:02d}-{:02d}".format(*TWO_LEVELS_FROM)  # the two-level local government, as a period's start
MAX_MONTHS = 12  # a span's months read one by one: up to a year


def whole_covered(levels: frozenset, total: dict, article: Article) -> bool:
    """Whether the levels cover the administration the total counts: every level of the map (a
    district's own and its communes' for a district), or under the two-level government (a period
    from 1 July 2025 on) the province's and the communes'."""
    if covers_the_unit("level", levels, total, article):
        return True
    start = (total.get("period") or {}).get("start") or ""
    return start >= CHANGE and "district" not in levels and any(
        frozenset(c) <= levels for c in load_yaml("check_partitions.yml")["level"].get("complete_from_2025", ()))


def levels_in_turn(article: Article) -> list[Finding]:
    """A total the headline or lead states, and after it, for the same measure, period and unit,
    one count for each level of the administration (named as `level_of` reads them) that
    together cover the whole: the levels' counts add up to the total."""
    out = []
    figures = article.figures
    opening = [f for f in figures[:LEAD_FIGURES] if article.paragraph(f["span"][0]) in article.opening]
    for i, total in enumerate(figures[:LEAD_FIGURES]):  # (the headline's and lead's come first)
        bound = result_count(total) and total.get("approx") in BOUNDS  # (a bound may be the total: _bound_stated_alone)
        if not (_plain_count(total) or bound) or article.paragraph(total["span"][0]) not in article.opening \
                or _unit(total) is None:
            continue
        if i and figures[i - 1]["kind"] == "count" and figures[i - 1].get("sentence") == total.get("sentence"):
            continue  # a whole is its sentence's first count, not a part listed after another
        parts: dict[str, dict] = {}
        for k in range(i + 1, len(figures)):
            f = figures[k]
            if not (_same_measure(total, f) and same_period(total, f) and _unit(f) in (None, _unit(total))):
                continue
            if f["value"] == total["value"]:
                continue  # the total restated ("Trong quý, ... huyện và cấp xã đã tiếp nhận 4.286 hồ sơ"), no level's part
            level = level_of(f, figures[k - 1]["span"][1], article)
            if level is None:
                continue
            if level in parts:
                break  # a level stated again: another breakdown (of a part, or of another total)
            parts[level] = f
        if len(parts) >= 2 and whole_covered(frozenset(parts), total, article):
            in_order = sorted(parts.values(), key=lambda f: f["span"][0])
            if bound and not _bound_stated_alone(total, opening, in_order):
                continue
            if any(g is not total and _plain_count(g) and g["value"] == total["value"]
                   for g in article.figures_in(in_order[0]["sentence"])):
                continue  # the parts' own sentence restates the total: the check of that sentence is the one
            if not parts_add_up(total, in_order):
                out.append(sum_finding(total, in_order, across=True))
    return out


def _months(period: dict) -> list[tuple[int, int]] | None:
    """The calendar months a closed period spans, when it runs from a month's first day to a
    month's last; None otherwise."""
    try:
        start, end = dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1 or end < start:
        return None
    return [(y, m) for n in range(start.year * 12 + start.month - 1, end.year * 12 + end.month)
            for y, m in [divmod(n, 12)] for m in [m + 1]]


def months_of_a_total(article: Article) -> list[Finding]:
    """A count for a span of months ("Quý I/2021 ... tiếp nhận 9.846 hồ sơ") and counts of the
    same measure and unit for each of its months, one a month: the months add up to the span.
    The span's total is the first exact count of its measure with those dates, else the first
    rounded one ("hơn 9.800 hồ sơ"), never one field's ("lĩnh vực ... đất đai với 4.105 hồ sơ"); a
    month counted twice (a month's total and its part) leaves the months unread."""
    out = []
    # the counts of one month, by measure and unit: looked up, not scanned, for each span's total
    monthly: dict[tuple, list[dict]] = {}
    for f in article.figures:
        if _plain_count(f) and _unit(f) is not None:
            own = _months(f.get("period") or {})
            if own and len(own) == 1:
                monthly.setdefault((f["object"], f["aspect"], _unit(f), own[0]), []).append(f)
    if not monthly:
        return out
    seen: set[tuple] = set()
    counts = [f for f in article.figures if result_count(f) and _unit(f) is not None]
    for total in sorted(counts, key=lambda f: not exact(f)):  # (stable: exact ones first, each in text order)
        months = _months(total.get("period") or {})
        key = (total["object"], total["aspect"], _unit(total), tuple(months or ()))
        if not months or not 2 <= len(months) <= MAX_MONTHS or key in seen or one_field(article, total):
            continue
        seen.add(key)
        measure = (total["object"], total["aspect"], _unit(total))
        by_month = {m: monthly[(*measure, m)] for m in months if (*measure, m) in monthly}
        if set(by_month) != set(months) or any(len(fs) != 1 for fs in by_month.values()):
            continue
        parts = sorted((fs[0] for fs in by_month.values()), key=lambda f: f["span"][0])
        if exact(total) and total["value"] < max(p["value"] for p in parts):
            seen.discard(key)  # below one of its months: a part of the span's total, not the total
            continue
        if not parts_add_up(total, parts):
            out.append(sum_finding(total, parts, across=True))
    return out


# one level of the administration singled out of the whole: "Riêng khối xã, phường có 1.340 hồ sơ
# quá hạn", "riêng cấp xã tiếp nhận ...", "riêng các sở, ngành ..."
LEVEL_SINGLED_OUT_RE = compile_pattern(
    r"(?<!\p{L})riêng[ \u00a0]+(?:(?:khối|các|ở|tại)[ \u00a0]+)*(?:cấp[ \u00a0]+(?:tỉnh|huyện|xã)|xã|phường|huyện|quận"
    r"|thị[ \u00a0]+xã|đặc[ \u00a0]+khu|sở)(?!\p{L})", regex.IGNORECASE)
MAX_BACK = 40  # figures back where that whole is sought
SINGLED_OUT_REACH = 120  # characters before a part where "riêng ..." is sought
WHOLE_REACH = 1200  # characters back where the whole a level is singled out of is sought


def level_above_its_whole(article: Article, flagged: set) -> list[Finding]:
    """A level singled out of the whole ("Toàn tỉnh có 1.260 hồ sơ quá hạn ... Riêng khối xã,
    phường có 1.340 hồ sơ quá hạn") with more than the whole of its measure and period: the
    nearest exact count of the measure before it, of a unit, within WHOLE_REACH characters."""
    out = []
    figures = article.figures
    for k, part in enumerate(figures):
        if (_unit(part) is not None or part["id"] in flagged or not part.get("sentence") or not _plain_count(part)
                or not LEVEL_SINGLED_OUT_RE.search(article.text, max(part["sentence"][0], part["span"][0] - SINGLED_OUT_REACH),
                                                   part["span"][0])):
            continue
        whole = next((t for t in reversed(figures[max(0, k - MAX_BACK):k])
                      if _same_measure(part, t) and _unit(t) is not None and same_period(t, part)), None)
        if (whole is not None and part["span"][0] - whole["span"][1] <= WHOLE_REACH
                and exceeds(part, whole) and not OWN_SHARE_AFTER_RE.match(article.text, part["span"][1])):
            # (a part stated with its share, "121.505 hồ sơ, chiếm 56,3% tổng số hồ sơ toàn tỉnh", is of the whole its share names)
            flagged.add(part["id"])
            out.append(part_above(whole, part))
    return out
