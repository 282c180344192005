"""A share against the figures it is the share of: "22/24 (đạt 91,16%)", and a count over its
total, possibly sentences earlier, against the percentage stated beside the count."""
from __future__ import annotations

import bisect
import functools

import regex

from ..figure_cues import RATE_WORDS, respective_values
from .base import (BASE_BEFORE_RE, NEAR_TOTAL, UNIT_OBJECTS, Article, Finding, closed_own_period, exact, is_change,
                   is_target, of_the_received, result_count, same_period, same_sentence, same_subject)
from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from .tolerance import BOUNDS, agrees, figure_range, share_range

# a total linked from another sentence is trusted only when the share it gives is near the stated
# one: a misstatement is near, a share of some other base is anywhere
LINKED_GAP = 15.0  # percentage points
NAME_RE = compile_pattern(r"(?<!\p{L})\p{Lu}")  # a capitalised word: another body may be the subject
ON_TIME_REACH = 300  # characters either side of "100% đúng hạn" where overdue dossiers are sought
NEAR = 80  # characters: a percentage this close after a ratio or count may restate it
# what makes a percentage restate the figure before it as a share: "(", "chiếm", "bằng",
# "tương đương", or a comma then "đạt" / "là" / "tỷ lệ" ("450 hồ sơ, đạt 90%"); without the comma
# "45 TTHC đạt 100% trực tuyến" says what those things achieved
RESTATE_RE = compile_pattern(r"\(|(?<!\p{L})(?:chiếm|bằng|tương đương|tương ứng)(?!\p{L})"
                           r"|,\s*(?:đạt|là|với|(?:đạt\s+)?(?:tỷ lệ|tỉ lệ))(?!\p{L})|,\s*$", regex.IGNORECASE)
# a band's bound (tolerance.BOUNDS) between a ratio and its share: "đạt ... từ 95% trở lên, chiếm 94,1%"
SHARE_AFTER_BAND_RE = compile_pattern(r"[ \u00a0\p{L}]{0,15},[ \u00a0]*(?:chiếm|tương đương|tương ứng)[ \u00a0]*", regex.IGNORECASE)
# an aside in brackets that is closed: "(từ 90 điểm trở lên)"; not one still open ("(chiếm 65%")
ASIDE_RE = compile_pattern(r"\([^()]*\)")
ASIDE_ALLOWANCE = 60  # characters an aside may add to NEAR
CLAUSE_END_RE = compile_pattern(r"[;.:()]")
RATE_RE = compile_pattern(rf"(?<!\p{{L}}){RATE_WORDS}(?!\p{{L}})", regex.IGNORECASE)
MAX_BACK = 12  # figures: how far back the count a rate names is sought
# characters back, past its own paragraph, the count a rate names may stand, when the two state one
# period: "... giải quyết 181.305 hồ sơ, trong đó 179.874 hồ sơ trước và đúng hạn ... [two
# paragraphs on] Tính chung quý I/2026, tỷ lệ giải quyết hồ sơ trước và đúng hạn của toàn tỉnh đạt 98,1%"
NAMED_SHARE_REACH = 1500
# the aspects a count can be a part of, and what its total is: on-time and overdue dossiers are
# shares of the resolved ones as often as of the received ones
PART_OF = {"resolved": ("received",), "online": ("received",), "interlinked": ("received",),
           "on_time": ("received", "resolved"), "overdue": ("received", "resolved"),
           "completed": ("planned",)}  # tasks done of the tasks a plan set
# a backlog carried over makes "resolved" larger than "received" in the period, legitimately
CARRY_OVER_RE = compile_pattern(r"(?<!\p{L})(?:kỳ trước|tồn đọng|tồn chuyển|chuyển sang|chuyển qua|chuyển tiếp|"
                              r"năm trước chuyển|từ kỳ trước)(?!\p{L})", regex.IGNORECASE)


# counted things whose "đạt X%" is their share of a total ("giải quyết 450 hồ sơ, đạt 95%");
# for bodies and places "5 xã đạt 98%" is what they achieved, so only "chiếm", "(" and the like
# make the percentage their share
SHARE_OBJECTS = ("dossier", "procedure", "task", "document")
# a percentage in brackets after a ratio restates it whatever noun its own words name: "67/72
# nhiệm vụ trong Kế hoạch CCHC năm 2019 (đạt 94,4%)", "62/99 xã, phường (chiếm 65,6%)"
BRACKETED_RE = compile_pattern(r"\(\s*(?:(?:đạt|chiếm|bằng|tương đương|tương ứng|tỷ lệ|tỉ lệ)\s*)?$", regex.IGNORECASE)
# a bracket closing the ratio's clause restates it, however long the clause: "21/22 quận, huyện và TP
# Thủ Đức đã hoàn thành số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực (đạt 96,5%)"
BRACKETED_REACH = 160
CLAUSE_BREAK_RE = compile_pattern(r"[;:()]|\.(?!\d)|(?<!\p{L})(?:trong đó|còn lại|riêng)(?!\p{L})", regex.IGNORECASE)
SHARE_WORD_END_RE = compile_pattern(r"(?<!\p{L})(?:chiếm|tương đương|tương ứng)\s*$", regex.IGNORECASE)
SHARE_WORD_RE = compile_pattern(r"\(|(?<!\p{L})(?:chiếm|bằng|tương đương)(?!\p{L})", regex.IGNORECASE)

OWN_SHARE_AFTER_RE = compile_pattern(r"[ \u00a0]*[\p{L} ]{0,12}(?:\([ \u00a0]*(?:chiếm[ \u00a0]*)?|,[ \u00a0]*chiếm[ \u00a0]*)"
                                   r"\d[\d,.]*[ \u00a0]*%")
# "đạt 95% kế hoạch", "bằng 120% so với cùng kỳ": measured against a plan or another period
AGAINST_RE = compile_pattern(r"\s*(?:\S+\s+){0,3}?(?:kế hoạch|chỉ tiêu|dự toán|so với|cùng kỳ|năm trước|mục tiêu)",
                           regex.IGNORECASE)

# a percentage followed by the figures it is the share of: "đạt 65% (9.000/15.000 hồ sơ)"
RESTATED_BY_RE = compile_pattern(r"^[\s\p{L}]{0,25}?(?:\(|,?\s*(?:tương ứng|tương đương|với)(?:\s+với)?)\s*$",
                               regex.IGNORECASE)


def restated_pairs(figures: list[dict], text: str, first_kind: str):
    """(figure, percentage) pairs where the percentage restates the figure as a share: the
    figure of `first_kind` then its percentage ("22/24 (đạt 91,16%)"), or the percentage then
    the figure in parentheses ("đạt 65% (9.000/15.000 hồ sơ)"). A figure in an aside between
    the two is passed over: "23/124 đơn vị đạt mức Tốt (từ 90 điểm trở lên), chiếm 20,5%"."""
    for a, b in _neighbours(figures, text):
        if not same_sentence(a, b):
            continue
        if is_target(a) != is_target(b):  # a goal beside a result is no restatement of it
            continue
        if a["kind"] == first_kind and _share_of(b) and restates(a, b, text):
            if not AGAINST_RE.match(text, b["span"][1]) or _of_the_plan(a, b):
                yield a, b
        elif (_share_of(a) and b["kind"] == first_kind and b["span"][0] - a["span"][1] <= 30
              and RESTATED_BY_RE.match(text[a["span"][1]:b["span"][0]])):
            yield b, a


def _neighbours(figures: list[dict], text: str):
    """Each figure with the next one, and with the one after a figure that stands in an aside
    closed before it ("(từ 90 điểm trở lên)")."""
    for k, (a, b) in enumerate(zip(figures, figures[1:])):
        yield a, b
        if (k + 2 < len(figures) and b["kind"] == "percent" and b.get("approx") in BOUNDS
                and SHARE_AFTER_BAND_RE.fullmatch(text, b["span"][1], figures[k + 2]["span"][0])):
            yield a, figures[k + 2]  # "125/135 xã đạt ... từ 95% trở lên, chiếm 94,1%": past the band
        if k + 2 < len(figures) and b["kind"] != "percent":
            c = figures[k + 2]
            opened = text.rfind("(", a["span"][1], b["span"][0])
            if (opened >= 0 and ")" not in text[a["span"][1]:b["span"][0]]
                    and ")" in text[b["span"][1]:c["span"][0]] and "(" not in text[b["span"][1]:c["span"][0]]):
                yield a, c


@functools.cache
def _citation_re() -> regex.Pattern:
    """A numbered document the figure's words cite, up to the clause's comma: "41/48 nhiệm vụ
    theo Kế hoạch số 36/KH-UBND ngày 10/7/2025 về cải cách hành chính năm 2025, đạt 87,5%"
    (document types from document_types.yml)."""
    types = "|".join(regex.escape(t) for t in sorted(load_yaml("document_types.yml")["types"], key=len, reverse=True))
    return compile_pattern(rf"(?<!\p{{L}})theo\s+(?:{types})\s+số\s+[^,;()]{{0,120}}", regex.IGNORECASE)


def restates(first: dict, pct: dict, text: str) -> bool:
    """Whether the percentage is stated as the share of the figure right before it: "22/24
    nhiệm vụ (đạt 91,16%)", "450 hồ sơ, chiếm 90%", not a new statement after ";". An aside
    in brackets between them is left out: it names no share."""
    raw = text[first["span"][1]:pct["span"][0]]
    between = _citation_re().sub(" ", ASIDE_RE.sub(" ", raw))
    opened = raw.rfind("(")
    if (opened >= 0 and BRACKETED_RE.search(raw) and len(raw) <= BRACKETED_REACH
            and not CLAUSE_BREAK_RE.search(raw, 0, opened)):
        return True  # "21/22 quận, huyện ... đã hoàn thành số hóa hồ sơ, kết quả ... (đạt 96,5%)": its clause's close
    return (pct["span"][0] - first["span"][1] <= NEAR + ASIDE_ALLOWANCE and ";" not in between
            and len(between) <= NEAR and bool(RESTATE_RE.search(between)))


def noun_head(figure: dict) -> str:
    """The counted noun's first word, lowercase: "TTHC được cung cấp" -> "tthc"."""
    word = regex.match(r"[\p{L}\p{M}]+", (figure.get("noun") or "").strip().lower())
    return word.group() if word else ""


def _share_of(figure: dict) -> bool:
    """A percentage that may be a share: not a change. A goal may be one too ("phấn đấu hoàn
    thành 22/24 nhiệm vụ, đạt 91,67%"): its arithmetic must hold like a result's."""
    return figure["kind"] == "percent" and not is_change(figure)


def _of_the_plan(ratio: dict, pct: dict) -> bool:
    """"hoàn thành 18/20 nhiệm vụ, đạt 95% kế hoạch": a share of the plan is one of its tasks."""
    return ratio["object"] == "task" and (pct.get("noun") or "").strip().lower() == "kế hoạch"


def ratio_percent_mismatch(article: Article) -> list[Finding]:
    """"22/24 nhiệm vụ (đạt 91,16%)": 22/24 = 91.67 %."""
    out = []
    figures = article.figures
    for r, pct in restated_pairs(figures, article.text, "ratio"):
        if not r.get("denominator") or not exact(r) or is_change(r):
            continue
        between = article.between(r, pct)
        if pct["object"] != r["object"] and not (BRACKETED_RE.search(between) or SHARE_WORD_END_RE.search(between)
                                                 or _of_the_plan(r, pct)):
            continue  # a share of something else, unless in brackets or right after "chiếm"
        if r["object"] not in SHARE_OBJECTS and not SHARE_WORD_RE.search(between):
            continue  # "19/22 xã, đạt 100%": what those places achieved
        computed = share_range(figure_range(r, rounded=False), (r["denominator"], r["denominator"]))
        if not agrees(computed, pct):
            value = 100 * r["value"] / r["denominator"]
            out.append(Finding("ratio_percent_mismatch", [r, pct], value, pct["value"], "ratio_percent_mismatch",
                               dict(ratio=r["surface"], computed=value, stated=pct["surface"])))
    return out


def _totals(part: dict, article: Article, wanted: tuple[str, ...] | None = None) -> list[dict]:
    """The counts `part` may be a share of, nearest first: an earlier count of the same object
    and subject, in the same paragraph or the lead, of the aspect it is a part of (`wanted`, by
    default from PART_OF) or a plain count of the same noun ("tỉnh có 1.850 TTHC ... 1.200 TTHC
    trực tuyến")."""
    if wanted is None:
        wanted = PART_OF.get(part["aspect"], ())
    near = article.before(part["span"][0], NEAR_TOTAL)
    near_ids = {id(f) for f in near}
    candidates = near + [f for f in article.lead_figures if id(f) not in near_ids]
    out = [f for f in candidates
           if f["kind"] == "count" and f["object"] == part["object"]
           and (f["aspect"] in wanted or (f["aspect"] == "other" and noun_head(f) == noun_head(part)))
           and f["span"][1] <= part["span"][0] and same_subject(f, part) and article.in_scope(f, part)
           and not is_change(f) and (is_target(f) == is_target(part) or part["aspect"] == "completed")
           and f["value"] > 0 and not _respective_siblings(f, part, article)]  # tasks done of the tasks a plan set: the plan's figure may read as a goal
    return sorted(out, key=lambda f: -f["span"][0])


def _respective_siblings(a: dict, b: dict, article: Article) -> bool:
    """Whether two counts of a sentence both follow its last "lần lượt" before the later one
    ("lần lượt 27.642 hồ sơ (trực tuyến 81,4%) và 19.380 hồ sơ (trực tuyến 76,9%)"): parallel
    values, neither the other's total."""
    if a.get("sentence") != b.get("sentence") or not b.get("sentence"):
        return False
    found = respective_values(article.text, tuple(b["sentence"]), b["span"][0])
    return found is not None and found[0].end() <= a["span"][0]


ROUNDING_REACH = 0.1  # how far a "hơn 8.600" may lie from the exact count it rounds
SCALED_RE = compile_pattern(r"(?<!\p{L})(?:nghìn|ngàn|triệu|vạn)(?!\p{L})", regex.IGNORECASE)
ROUNDING_VIEW = 3000  # characters around an open total where the exact count it rounds is sought


def _rounds_an_exact_count(total: dict, article: Article, known: dict[int, bool]) -> bool:
    """Whether an open total ("hơn 8.600 hồ sơ" in a headline) rounds an exact count the article
    states of the same measure (8.642): not a base of its own, whose open end any share fits.
    `known`: the answers so far, by figure (a total is asked once per share it may be the base of)."""
    if total.get("approx") not in ("over", "under", "about") and not SCALED_RE.search(total["surface"]):
        return False  # (a count in scale words, "181 nghìn", rounds as "hơn" does)
    if id(total) not in known:
        known[id(total)] = _rounds_near(total, article)
    return known[id(total)]


def _rounds_near(total: dict, article: Article) -> bool:
    lo, hi = figure_range(total)
    near = article.figures[bisect.bisect_left(article.starts, total["span"][0] - ROUNDING_VIEW):
                           bisect.bisect_right(article.starts, total["span"][1] + ROUNDING_VIEW)]
    return any(f is not total and f["kind"] == "count" and f["aspect"] == total["aspect"]
               and f["object"] == total["object"] and lo <= f["value"] <= hi
               and abs(f["value"] - total["value"]) <= ROUNDING_REACH * total["value"] and exact(f) for f in near)


def count_percent_mismatch(article: Article) -> list[Finding]:
    """A percentage that restates a count as a share of its total wrongly ("tiếp nhận 48.500 hồ
    sơ. Trong đó, 40.200 hồ sơ trực tuyến, chiếm 88,5%": 82,89 %). Silent when any total in
    view agrees: the article may mean another base than the nearest."""
    out = []
    figures = article.figures
    pairs = list(restated_pairs(figures, article.text, "count"))
    restated = {id(f) for pair in pairs for f in pair}
    rounding: dict[int, bool] = {}
    for count, pct in pairs:
        part = _part_of_base(count, article)
        if part is not None:  # "4.512 hồ sơ trực tuyến trên tổng số 5.860 hồ sơ, đạt 79,6%"
            if not agrees(share_range(figure_range(part), figure_range(count)), pct):
                out.append(_count_percent(count, part, pct))
            continue
        # a bare "chiếm 65%" takes its object from the count it restates
        if not (count["aspect"] == pct["aspect"] and (count["object"] == pct["object"] or not pct.get("noun"))
                and not is_change(count)):
            continue
        named_a_share = bool(SHARE_WORD_RE.search(article.between(count, pct)))
        if count["object"] not in SHARE_OBJECTS and not named_a_share and not _named_part(count, article):
            continue  # "có 2 dịch vụ đạt 98%": what those bodies achieved, not their share
        # dossiers of one field or level "chiếm 25,2%" are a share of all those received
        wanted = None
        if count["aspect"] == "received":
            if not named_a_share:
                continue  # "tiếp nhận 450 hồ sơ, đạt 95%": of a plan, of another period ...
            wanted = ("received",)
        elif count["aspect"] not in PART_OF and of_the_received(article, count):
            wanted = ("received",)  # "trong số hồ sơ tiếp nhận nêu trên, đã số hóa 7.012 hồ sơ, tỷ lệ ... 96,3%"
        totals = [t for t in _totals(count, article, wanted) if t["value"] >= count["value"]
                  and not (wanted and OWN_SHARE_AFTER_RE.match(article.text, t["span"][1]))
                  and not _rounds_an_exact_count(t, article, rounding)]
        if not totals or any(agrees(share_range(figure_range(count), figure_range(t)), pct)
                             for t in totals + _resolved_by_deadline(count, article) + _exact_counts_of(totals, article)):
            continue
        # the nearest total that is not itself a part stated with its share ("cấp xã 510.000 hồ
        # sơ (45,3%)" is a part of the article's total)
        total = next((t for t in totals if not OWN_SHARE_AFTER_RE.match(article.text, t["span"][1])), totals[0])
        finding = _count_percent(total, count, pct)
        if not same_sentence(total, count) and abs(finding.computed - pct["value"]) > LINKED_GAP:
            continue  # far off: the article likely means another base than the one linked
        out.append(finding)
    # a rate after a count of another measure restates nothing ("tiếp nhận hơn 58 nghìn hồ sơ, tỷ lệ
    # hồ sơ nộp trực tuyến đạt 78%"): it is a named share like any other
    restating = {id(pct) for count, pct in pairs if count["aspect"] == pct["aspect"]}
    out += _named_shares(article, restated, restating)
    out += _all_on_time_but_overdue(article)
    return out


# "thu về 2.400 phiếu; trong đó 2.196 phiếu đánh giá hài lòng, đạt tỷ lệ 92,5%": a part named so
WHEREOF_GAP_RE = compile_pattern(r"[^\d;.]{0,40}?[,;:(]\s*trong\s+đó\s*[:,]?\s*(?:có\s+)?", regex.IGNORECASE)


def _named_part(count: dict, article: Article) -> bool:
    """Whether `count` follows "trong đó" right after a count of the same noun in its sentence:
    a part of it, so a percentage restating it is its share of that count."""
    k = bisect.bisect_left(article.starts, count["span"][0])
    if k == 0:
        return False
    total = article.figures[k - 1]
    return (total["kind"] == "count" and same_sentence(total, count) and noun_head(total) == noun_head(count) != ""
            and WHEREOF_GAP_RE.fullmatch(article.between(total, count)) is not None)


def _named_shares(article: Article, restated: set[int], restating: set[int]) -> list[Finding]:
    """A rate stated on its own, sentences after the count it is the share of: "tiếp nhận 1.284
    hồ sơ, trong đó hồ sơ trực tuyến 905 ... Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp
    nhận đạt 75,2%" (70,48 %). The count is the nearest one of the rate's aspect, object, unit
    and period in the paragraph (or a few before it, when the period is stated), with no other
    share of it between them; or, when none is, the one a sentence after the rate counts naming
    its base ("Trong số hồ sơ đã giải quyết, có 2.989 ..."); silent when any total
    in view agrees, or when the nearest is far off (another base)."""
    out = []
    figures, text = article.figures, article.text
    rounding: dict[int, bool] = {}
    for k, pct in enumerate(figures):
        if (not _share_of(pct) or id(pct) in restating or is_target(pct) or pct["aspect"] not in PART_OF
                or not RATE_RE.search(text, pct["sentence"][0], pct["span"][0])):
            continue
        earlier = figures[max(0, k - MAX_BACK):k]
        if any(f["object"] in UNIT_OBJECTS and f["kind"] in ("count", "ratio") and same_sentence(f, pct)
               for f in earlier):
            continue  # "Có bốn đơn vị đạt tỷ lệ hồ sơ trực tuyến 100%": the rate of those units
        paragraph = article.paragraph(pct["span"][0])
        count = None
        for f in reversed(earlier):
            away = paragraph != article.paragraph(f["span"][0])
            if away and pct["span"][0] - f["span"][1] > NAMED_SHARE_REACH * (2 if _names_its_base(f, article) else 1):
                break  # (twice as far for a count whose sentence names its base: "Trong tổng số hồ sơ đã giải quyết, có ...")
            if id(f) in restated:
                if away and f["aspect"] != pct["aspect"] or not same_subject(f, pct) or f["object"] != pct["object"]:
                    continue  # a paragraph before: another measure restated with its own share; another unit's or thing's
                break
            if (f["aspect"] == pct["aspect"] and f["kind"] == "percent" and f["object"] == pct["object"]
                    and same_subject(f, pct) and not is_change(f)):
                break  # another share of the same thing stands between (not another unit's, thing's, nor a change)
            if (f["kind"] == "count" and f["aspect"] == pct["aspect"] and f["object"] == pct["object"]
                    and same_subject(f, pct) and _same_period(f, pct, stated=away, article=article)
                    and exact(f) and not is_change(f) and not is_target(f)):
                count = f
                break
        if count is None and not any(f["kind"] == "count" and f["aspect"] == pct["aspect"]
                                     for f in earlier if same_sentence(f, pct)):
            count = _count_named_after(figures, k, pct, article)
        elif count is not None and (article.paragraph(count["span"][0]) != paragraph
                                    and _counts_of_its_measure(earlier, pct) > 1):
            continue  # from a paragraph before, only the one count of its measure there is: no choice to make
        if count is None:
            continue
        totals = [t for t in _totals(count, article) if t["value"] >= count["value"]
                  and not OWN_SHARE_AFTER_RE.match(text, t["span"][1]) and not _rounds_an_exact_count(t, article, rounding)]
        if not totals or any(agrees(share_range(figure_range(count), figure_range(t)), pct)
                             for t in totals + _resolved_by_deadline(count, article) + _exact_counts_of(totals, article)):
            continue
        finding = _count_percent(totals[0], count, pct)
        if abs(finding.computed - pct["value"]) <= LINKED_GAP:
            out.append(finding)
    return out


def _measure_key(f: dict) -> tuple:
    """What a count measures, for lookups: aspect, object, unit and period (its dates when closed,
    else its words), as `same_subject` and `same_period` compare them."""
    subj, period = f.get("subject") or {}, f.get("period") or {}
    closed = bool(period.get("start") and period.get("end"))
    return (f["aspect"], f["object"], subj.get("unit"), subj.get("aggregate"),
            (period["start"], period["end"]) if closed else (period.get("text") or "").casefold() or None)


EXACT_PER_MEASURE = 3  # exact counts kept per measure: any one agreeing silences a rate


def _exact_counts_of(totals: list[dict], article: Article) -> list[dict]:
    """The exact counts the article states anywhere of a rounded total's measure, unit and period
    ("hơn 1,3 triệu hồ sơ" in the lead, "toàn tỉnh tiếp nhận 1.263.512 hồ sơ" later): the base a
    rate may mean, whether or not the rounding holds (a conflict of its own). Indexed once per
    article."""
    rounded = [t for t in totals if not exact(t)]
    if not rounded:
        return []
    index = article._matches.get("exact_counts_by_measure")
    if index is None:
        index = {}
        for f in article.figures:
            if result_count(f) and exact(f):
                kept = index.setdefault(_measure_key(f), [])
                if len(kept) < EXACT_PER_MEASURE:
                    kept.append(f)
        article._matches["exact_counts_by_measure"] = index
    out: dict[int, dict] = {}
    for t in rounded:
        for f in index.get(_measure_key(t), ()):
            out[id(f)] = f
    return list(out.values())


def _resolved_by_deadline(count: dict, article: Article) -> list[dict]:
    """The dossiers resolved as the sum of those on time and those overdue when its sentence
    counts both and no resolved total ("Đã giải quyết đúng hạn 398.745 hồ sơ, trễ hạn 2.107 hồ
    sơ; tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,47%": of 400.852): a base the rate may mean."""
    if count["aspect"] != "on_time" or not exact(count):
        return []
    k = bisect.bisect_left(article.starts, count["span"][0])
    overdue = [f for f in article.figures[max(0, k - MAX_BACK):k + MAX_BACK]
               if f["kind"] == "count" and f["aspect"] == "overdue" and same_sentence(f, count)
               and f["object"] == count["object"] and exact(f) and not is_change(f)]
    if len(overdue) != 1:
        return []
    return [{"kind": "count", "value": count["value"] + overdue[0]["value"], "approx": "exact", "surface": ""}]


def _period_text(f: dict) -> str | None:
    return (f.get("period") or {}).get("text")


# the sentence that counts what a rate stated before it is the share of: "tỷ lệ hồ sơ giải quyết
# trước và đúng hạn đạt 99,2%. [...] Trong số hồ sơ đã giải quyết, có 2.989 hồ sơ giải quyết trước
# và đúng hạn" (98,0 %): it names its base after the rate
BASE_NAMED_RE = compile_pattern(r"(?<!\p{L})trong\s+(?:tổng\s+)?số\s+(?:hồ\s+sơ|thủ\s+tục|tthc)", regex.IGNORECASE)


def _names_its_base(count: dict, article: Article) -> bool:
    return count["kind"] == "count" and BASE_NAMED_RE.search(article.text, count["sentence"][0], count["span"][0]) is not None


def _count_named_after(figures: list[dict], k: int, pct: dict, article: Article) -> dict | None:
    """The count of the rate's measure after it, in a sentence naming its base, when it is the only
    such count within reach and no other share of the measure stands between."""
    found = []
    for f in figures[k + 1:k + 1 + MAX_BACK]:
        if f["span"][0] - pct["span"][1] > NAMED_SHARE_REACH:
            break
        if f["aspect"] == pct["aspect"] and f["kind"] == "percent" and not _other_dates(f, pct) and not is_target(f):
            break  # another share of the measure (not one of another month, "Riêng tháng 12/2025, ... 84,7%", nor its goal)
        if (f["kind"] == "count" and f["aspect"] == pct["aspect"] and f["object"] == pct["object"]
                and same_subject(f, pct) and _same_period(f, pct, stated=True) and exact(f)
                and not is_change(f) and not is_target(f)):
            found.append(f)
    if len(found) != 1 or not (BASE_NAMED_RE.search(article.text, found[0]["sentence"][0], found[0]["span"][0])
                               or len(PART_OF[pct["aspect"]]) == 1 and _own_dates_as(found[0], pct)):
        return None
    return found[0]


def _other_dates(a: dict, b: dict) -> bool:
    """Whether two figures have closed periods of different dates."""
    pa, pb = a.get("period") or {}, b.get("period") or {}
    return bool(pa.get("start") and pa.get("end") and pb.get("start") and pb.get("end")) and not same_period(a, b)


def _own_dates_as(count: dict, pct: dict) -> bool:
    """Whether the count's sentence states the closed period of the rate ("tỷ lệ hồ sơ nộp trực
    tuyến năm 2025 đạt 76,2% ... số hồ sơ nộp trực tuyến trong năm 2025 là 298.600 hồ sơ"): enough
    to link them when the rate has one base (not an on-time rate, of the received or the resolved)."""
    return closed_own_period(count) and same_period(count, pct)


def _counts_of_its_measure(earlier: list[dict], pct: dict) -> int:
    """How many counts of the rate's aspect, object and unit stand in the paragraphs a named share
    may reach back to (one count restated with its value, as a headline restates the body's, is one)."""
    return len({f["value"] for f in earlier if f["kind"] == "count" and f["aspect"] == pct["aspect"]
                and f["object"] == pct["object"] and same_subject(f, pct)
                and pct["span"][0] - f["span"][1] <= NAMED_SHARE_REACH})


def _same_period(a: dict, b: dict, stated: bool, article: Article | None = None) -> bool:
    """Whether two figures have one period (`stated`: one the article states, not none); with
    `article`, a cutoff is the span its paragraph reports (`_cutoff_of_its_span`)."""
    pa, pb = _period_text(a), _period_text(b)
    if pa is None and pb is None:
        return not stated
    return same_period(a, b) or (article is not None and (_cutoff_of_its_span(a, b, article)
                                                          or _cutoff_of_its_span(b, a, article)))


def _cutoff_of_its_span(cutoff: dict, spanned: dict, article: Article) -> bool:
    """Whether `cutoff` is dated by its end alone ("Tính đến ngày 30/9, đã giải quyết 2.734 hồ
    sơ") on the last day of the closed period of `spanned` ("trong quý III đạt 96,8%"), in a
    paragraph whose figures before it report that period ("Trong quý III/2025, ... tiếp nhận
    2.846 hồ sơ"): the state of that period's work at its end."""
    pc, ps = cutoff.get("period") or {}, spanned.get("period") or {}
    if pc.get("start") or not pc.get("end") or not (ps.get("start") and ps.get("end")) or pc["end"] != ps["end"]:
        return False
    paragraph = article.paragraph(cutoff["span"][0])
    k0 = bisect.bisect_left(article.starts, cutoff["span"][0])
    for k in range(k0 - 1, max(-1, k0 - 1 - MAX_BACK), -1):
        f = article.figures[k]
        if article.paragraph(f["span"][0]) != paragraph:
            return False
        if same_period(f, spanned):
            return True
    return False


def _count_percent(total: dict, count: dict, pct: dict) -> Finding:
    value = 100 * count["value"] / total["value"]
    return Finding("count_percent_mismatch", [total, count, pct], value, pct["value"], "count_percent_mismatch",
                   dict(part=count["surface"], total=total["surface"], computed=value, stated=pct["surface"]))


def _part_of_base(base: dict, article: Article) -> dict | None:
    """The count `base` is the base of, when the text says so: "4.512 hồ sơ trực tuyến trên
    tổng số 5.860 hồ sơ" (a count of the same object, the part, right before it in its clause)."""
    k = bisect.bisect_left(article.starts, base["span"][0])
    if k == 0 or not BASE_BEFORE_RE.search(article.text, max(0, base["span"][0] - 26), base["span"][0]):
        return None
    part = article.figures[k - 1]
    between = article.between(part, base)
    if (part["kind"] == "count" and part["object"] == base["object"] and same_sentence(part, base)
            and len(between) <= NEAR and not CLAUSE_END_RE.search(between) and not is_change(part)
            and exact(part) and exact(base) and 0 < part["value"] <= base["value"]):
        return part
    return None


def _all_on_time_but_overdue(article: Article) -> list[Finding]:
    """"100% hồ sơ đúng hạn" beside overdue dossiers in the same sentence."""
    out = []
    for p in article.figures:
        if not (_share_of(p) and p["aspect"] == "on_time" and p["value"] == 100 and exact(p)):
            continue
        for f in article.before(p["span"][1] + ON_TIME_REACH, 2 * ON_TIME_REACH):
            if (f["kind"] == "count" and f["aspect"] == "overdue" and f["value"] > 0 and exact(f)
                    and same_subject(f, p) and same_sentence(f, p)
                    and not NAME_RE.search(article.text, *sorted((p["span"][1], f["span"][0])))):
                out.append(Finding("count_percent_mismatch", [p, f], None, p["value"], "all_on_time_but_overdue",
                                   dict(stated=p["surface"], part=f["surface"])))
    return out
