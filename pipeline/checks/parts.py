"""A part larger than its whole: "5.320/5.120 hồ sơ"; "tiếp nhận 1.200 hồ sơ, trong đó 1.350 ...";
more dossiers resolved (online, on time ...) than received; a field's, a level's or a named base's
count above its total."""
from __future__ import annotations

import regex

from ..pattern_cache import compile_pattern
from .base import (BASE_BEFORE_RE, RECEIVED_BASE_RE, SUBSET_RE, Article, Finding, closed_own_period, exact, is_change,
                   is_target, of_the_received, part_above, result_count, same_period, same_sentence, same_subject)
from .distributed import level_above_its_whole
from .fields import field_above_total
from .ratios import CARRY_OVER_RE, PART_OF, _totals
from .tolerance import UPPER_BOUNDS, exceeds
from .totals import counts_like, whereof

RESOLVED_REACH = 600  # characters: dossiers received this close before those resolved are their total


def _plain_totals(article: Article) -> list[dict]:
    """The article's exact counts, not a change or a goal: the totals a part may exceed (looked
    up once per article, not once per part)."""
    return [f for f in article.figures if result_count(f) and exact(f)]




# "Trong số hồ sơ đã giải quyết ở cấp tỉnh, 47.210 hồ sơ được trả kết quả trước và đúng hạn": of the resolved
RESOLVED_BASE_RE = compile_pattern(r"(?<!\p{L})trong[ \u00a0]+(?:tổng[ \u00a0]+)?số[ \u00a0]+hồ[ \u00a0]+sơ[ \u00a0]+(?:đã[ \u00a0]+)?"
                                   r"(?:được[ \u00a0]+)?giải[ \u00a0]+quyết(?!\p{L})", regex.IGNORECASE)


def _of_the_resolved(article: Article, part: dict) -> bool:
    """Whether a count of dossiers on time or overdue names its base as those resolved, before it."""
    return (part["aspect"] in ("on_time", "overdue")
            and RESOLVED_BASE_RE.search(article.text, part["sentence"][0], part["span"][0]) is not None)


# "Riêng hồ sơ trực tuyến toàn trình là 13.105 hồ sơ": some of the dossiers, of the same body
DOSSIERS_SINGLED_OUT_RE = compile_pattern(r"(?<!\p{L})riêng[ \u00a0]+(?:số[ \u00a0]+)?hồ[ \u00a0]+sơ(?!\p{L})", regex.IGNORECASE)


def _narrowed(article: Article, f: dict) -> bool:
    """Whether the words of the figure's sentence before it narrow it to a subset (a field, a
    level, a body ...): what follows it ("...; trong đó 624 hồ sơ trực tuyến") breaks it down.
    The dossiers named as the base, or singled out ("Riêng hồ sơ ..."), are no other body's."""
    start = f["sentence"][0]
    words = article.text[start:f["span"][0]]
    for known in (RECEIVED_BASE_RE, DOSSIERS_SINGLED_OUT_RE):
        words = known.sub(lambda m: " " * len(m.group()), words)
    return SUBSET_RE.search(words) is not None


def _earlier_totals(part: dict, article: Article, received: list[dict]) -> list[dict]:
    """The counts received, before the part's paragraph, for the part's own unit and period: the
    headline's or lead's ("Từ ngày 1/7 đến ngày 31/8/2025, Trung tâm ... đã tiếp nhận 4.236 hồ sơ"
    and, paragraphs later, the dossiers of those two months submitted online), or any whose
    sentence states the same dates as the part's ("từ đầu tháng 7 đến hết tháng 10")."""
    paragraph = article.paragraph(part["span"][0])
    return [t for t in received if t["span"][0] < part["span"][0]
            and article.paragraph(t["span"][0]) != paragraph
            and (article.paragraph(t["span"][0]) in article.opening or closed_own_period(t) and closed_own_period(part))
            and t["object"] == part["object"] and same_subject(t, part) and same_period(t, part)]


# a part said to be of a total stated before, with no number: "đã cung cấp 1.902 TTHC trực tuyến mức độ
# 3, 4 trong tổng số TTHC của tỉnh"
OF_THE_TOTAL_AFTER_RE = compile_pattern(r"[^.;]{0,60}?(?<!\p{L})trong[ \u00a0]+tổng[ \u00a0]+số[ \u00a0]+(?:các[ \u00a0]+)?"
                                        r"(?:tthc|thủ[ \u00a0]+tục|hồ[ \u00a0]+sơ|nhiệm[ \u00a0]+vụ)(?![\p{L}\d])(?![ \u00a0]*\d)",
                                        regex.IGNORECASE)


# ... or, before it, to be of the total stated above: "trong tổng số TTHC nêu trên, tỉnh đã cung cấp
# 1.912 TTHC dưới hình thức dịch vụ công trực tuyến"
OF_THE_TOTAL_ABOVE_BEFORE_RE = compile_pattern(r"(?<!\p{L})trong[ \u00a0]+tổng[ \u00a0]+số[ \u00a0]+(?:các[ \u00a0]+)?"
                                               r"(?:tthc|thủ[ \u00a0]+tục(?:[ \u00a0]+hành[ \u00a0]+chính)?|hồ[ \u00a0]+sơ|nhiệm[ \u00a0]+vụ)"
                                               r"[ \u00a0]+(?:nêu|kể|nói)[ \u00a0]+(?:ở[ \u00a0]+)?trên(?!\p{L})[^\d.;]{0,120}$",
                                               regex.IGNORECASE)


def _above_the_total_named(article: Article, counts: list[dict], flagged: set) -> list[Finding]:
    """A count said to be "trong tổng số TTHC (của tỉnh)" (or, before it, of "tổng số TTHC nêu
    trên") above every count of its object the article gave its unit before it: the total it
    names is none of them."""
    out = []
    for part in counts:
        if part["id"] in flagged or not part.get("sentence"):
            continue
        named = OF_THE_TOTAL_AFTER_RE.match(article.text, part["span"][1], part["sentence"][1])
        if named is None:
            if not OF_THE_TOTAL_ABOVE_BEFORE_RE.search(article.text, part["sentence"][0], part["span"][0]):
                continue
        else:
            following = article.after(part["span"][1], 1)
            if following and following[0]["span"][0] < named.end():
                continue  # (the words are another figure's: "1.902 TTHC, 412 thủ tục trong tổng số ...")
        earlier = [t for t in counts if t["span"][1] <= part["span"][0] and t["object"] == part["object"]
                   and same_subject(t, part) and not same_sentence(t, part)]
        total = max(earlier, key=lambda t: t["value"], default=None)
        if total is not None and exceeds(part, total):
            flagged.add(part["id"])
            out.append(part_above(total, part))
    return out


def _above_its_named_base(article: Article, flagged: set) -> list[Finding]:
    """"Trong tổng số 2.318 hồ sơ tiếp nhận, hồ sơ nộp trực tuyến là 2.381 hồ sơ": the first count
    after a base its sentence names, of the same object, above it."""
    out = []
    figures, text = article.figures, article.text
    for base, part in zip(figures, figures[1:]):
        if (base["kind"] == "count" and part["kind"] == "count" and exact(base) and exact(part)
                and not is_change(base) and not is_change(part) and same_sentence(base, part)
                and base["object"] == part["object"] and part["id"] not in flagged
                and BASE_BEFORE_RE.search(text, max(0, base["span"][0] - 26), base["span"][0])
                and exceeds(part, base)):
            flagged.add(part["id"])
            out.append(part_above(base, part))
    return out


def part_exceeds_total(article: Article) -> list[Finding]:
    """A part above its whole: "5.320/5.120 hồ sơ"; "tiếp nhận 1.200 hồ sơ, trong đó 1.350 ...";
    more dossiers resolved (online, on time ...) than received, with no backlog mentioned."""
    out = []
    figures, text = article.figures, article.text
    for f in figures:
        if (f["kind"] == "ratio" and f.get("denominator") and exact(f) and not is_change(f)
                and f["value"] > f["denominator"]):
            out.append(Finding("part_exceeds_total", [f], f["value"], f["denominator"], "part_exceeds_total",
                               dict(part=f["surface"].split("/")[0], total=f["surface"].split("/")[-1])))
    flagged: set[str] = set()
    for total, part in zip(figures, figures[1:]):
        if (total["kind"] == "count" and counts_like(total, part) and exact(total) and exact(part)
                and not is_change(total) and same_sentence(total, part)
                and whereof(text[total["span"][1]:part["span"][0]], total) and exceeds(part, total)):
            flagged.add(part["id"])
            out.append(part_above(total, part))
    out.extend(_above_its_named_base(article, flagged))
    out.extend(level_above_its_whole(article, flagged))
    counts = _plain_totals(article)
    received = [f for f in article.figures if result_count(f) and f["aspect"] == "received"
                and (exact(f) or f.get("approx") in UPPER_BOUNDS)]
    resolved = [f for f in counts if f["aspect"] == "resolved"]
    out.extend(field_above_total(article, flagged, counts))
    out.extend(_above_the_total_named(article, counts, flagged))
    for part in figures:
        if (part["kind"] != "count" or part["aspect"] not in PART_OF or not exact(part) or is_change(part)
                or is_target(part) or part["id"] in flagged):
            continue
        of_the_resolved = _of_the_resolved(article, part)
        if of_the_resolved:  # the resolved total stated before, whatever its sentence's words
            near, totals = [], _earlier_totals(part, article, resolved)
        else:
            near = [t for t in _totals(part, article) if t["aspect"] == "received"
                    and article.paragraph(t["span"][0]) == article.paragraph(part["span"][0])
                    and part["span"][0] - t["span"][1] <= RESOLVED_REACH]
            totals = near or _earlier_totals(part, article, received)
        if not totals or not all(exact(t) or t.get("approx") in UPPER_BOUNDS for t in totals):
            continue  # (a total "gần 12,5 nghìn" is at most that: a part above it exceeds it)
        total = max(totals, key=lambda t: t["value"])
        # (an earlier total names the body that received the whole: "Trung tâm ... đã tiếp nhận")
        judged = (total, part) if near else (part,)
        if (exceeds(part, total)
                and not article.paragraph_matches(CARRY_OVER_RE, total["span"][0])
                and (of_the_received(article, part) or of_the_resolved
                     or not any(_narrowed(article, f) for f in judged))):
            out.append(part_above(total, part))
    return out
