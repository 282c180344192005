"""One field's dossiers (land, civil status ...) above the total stated before them: the field
singled out by its name or by "lĩnh vực" (procedure_fields.yml). Used by the part-above-total
check (`parts.py`)."""
from __future__ import annotations

import functools

import regex

from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from .base import Article, Finding, exact, part_above, result_count, same_period, same_subject
from .ratios import CARRY_OVER_RE
from .tolerance import exceeds


# a field's share of the dossiers received: "Lĩnh vực đất đai chiếm nhiều nhất với 1.315 hồ sơ"
# ("Riêng lĩnh vực này, trong quý, ...": one field singled out)
# (after a short opening phrase: "Trong quý I, lĩnh vực có nhiều hồ sơ nhất là đất đai với 4.105 hồ sơ")
FIELD_PART_RE = compile_pattern(r"(?:[^,.;]{0,25},\s*)?(?:(?:riêng|đối với)\s+)?(?<!\p{L})lĩnh vực(?!\p{L})[^\d.;]{0,80}$",
                                regex.IGNORECASE)
# "Xét theo lĩnh vực, hồ sơ chứng thực chiếm nhiều nhất với 2.930 hồ sơ": a sentence taking the
# fields in turn, its first count one field's
BY_FIELD_OPENER_RE = compile_pattern(r"\s*(?:xét|phân|chia|tính)\s+theo\s+(?:từng\s+)?lĩnh\s+vực\s*[,:][^\d.;]{0,80}$",
                                     regex.IGNORECASE)


def _field_names() -> str:
    names = sorted(load_yaml("procedure_fields.yml"), key=len, reverse=True)
    return "|".join(r"\s+".join(map(regex.escape, name.split())) for name in names)


@functools.cache
def field_after_noun_re() -> regex.Pattern:
    """A field named right after a count's noun: "41.260 hồ sơ đất đai", "hồ sơ thuộc lĩnh vực
    hộ tịch" (procedure_fields.yml)."""
    return compile_pattern(rf"\s+(?:thuộc\s+)?(?:(?:các\s+)?lĩnh\s+vực\s+)?(?:{_field_names()})(?!\p{{L}})",
                           regex.IGNORECASE)


@functools.cache
def field_singled_out_re() -> regex.Pattern:
    """A sentence singling out a field by name: "Riêng chứng thực bản sao ..., xã đã tiếp nhận"."""
    return compile_pattern(rf"(?:riêng|đối\s+với)\s+(?:(?:các\s+)?lĩnh\s+vực\s+)?(?:{_field_names()})(?!\p{{L}})"
                           r"[^\d.;]{0,80}$", regex.IGNORECASE)


def one_field(article: Article, part: dict) -> bool:
    """Whether a count of dossiers is one field's: its sentence opens with the field ("Lĩnh vực
    đất đai chiếm nhiều nhất với 1.315 hồ sơ", "Riêng lĩnh vực này, ... 5.210 hồ sơ", "Xét theo
    lĩnh vực, hồ sơ chứng thực chiếm nhiều nhất với 2.930 hồ sơ", "Riêng
    chứng thực ..., xã đã tiếp nhận và giải quyết 1.184 hồ sơ") or its noun is followed by one
    ("41.260 hồ sơ đất đai")."""
    text = article.text
    clause = text.rfind(";", part["sentence"][0], part["span"][0]) + 1  # "...; riêng lĩnh vực này có 3.460 hồ sơ"
    for start in {part["sentence"][0], *([regex.match(r"\s*", text[clause:]).end() + clause] if clause else [])}:
        if (FIELD_PART_RE.match(text, start, part["span"][0]) or field_singled_out_re().match(text, start, part["span"][0])
                or BY_FIELD_OPENER_RE.match(text, start, part["span"][0])):
            return True
    noun = regex.match(r"\s*" + r"\s+".join(map(regex.escape, (part.get("noun") or "hồ sơ").split())),
                       text[part["span"][1]:part["span"][1] + 40], regex.IGNORECASE)
    return noun is not None and field_after_noun_re().match(text, part["span"][1] + noun.end()) is not None


def _among_other_units(article: Article, f: dict) -> bool:
    """Whether a count's sentence gives the same measure for another unit too ("Phú Thọ tiếp nhận
    612.400 hồ sơ; Lai Châu tiếp nhận ít nhất với 98.750 hồ sơ"): units compared, none the whole."""
    unit = (f.get("subject") or {}).get("unit")
    return any(g is not f and g["kind"] == "count" and g["aspect"] == f["aspect"] and g["object"] == f["object"]
               and (g.get("subject") or {}).get("unit") not in (None, unit)
               for g in article.figures_in(f["sentence"]))


def field_above_total(article: Article, flagged: set, counts: list[dict]) -> list[Finding]:
    """The dossiers of one field above the total stated before it (received, for those received or
    resolved; else of the field's own measure), of the same unit and period, in its paragraph or an
    earlier one: "huyện tiếp nhận 1.240 hồ sơ, ... Lĩnh vực đất đai ... với 1.315 hồ sơ"; "Quý
    III/2025, trung tâm tiếp nhận 4.870 hồ sơ ... Riêng lĩnh vực này, trong quý, trung tâm đã tiếp
    nhận 5.210 hồ sơ"; "còn 3.218 hồ sơ quá hạn ... riêng lĩnh vực này có 3.460 hồ sơ quá hạn"."""
    out = []
    for part in article.figures:
        if (not result_count(part) or not exact(part) or part["object"] != "dossier" or part["aspect"] == "other"
                or part["id"] in flagged or not part.get("sentence") or not one_field(article, part)):
            continue
        sentence_start = part["sentence"][0]
        wholes = ("received",) if part["aspect"] in ("received", "resolved") else (part["aspect"],)
        totals = [f for f in counts if f["aspect"] in wholes and f.get("sentence") and f["sentence"][1] <= sentence_start
                  and f["object"] == part["object"] and same_subject(f, part)
                  and (same_period(f, part) or not f.get("period") and not part.get("period")
                       and article.paragraph(f["span"][0]) == article.paragraph(part["span"][0]))
                  and not one_field(article, f) and not _among_other_units(article, f)]
        total = max(totals, key=lambda f: f["value"], default=None)  # the whole, not a channel's part
        if (total is not None and exceeds(part, total)
                and not article.paragraph_matches(CARRY_OVER_RE, total["span"][0])):
            flagged.add(part["id"])
            out.append(part_above(total, part))
    return out
