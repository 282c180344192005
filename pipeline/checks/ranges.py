"""Values outside what they can be: a share above 100 %, a rank beyond its field."""
from __future__ import annotations

from .base import Article, Finding, is_change, is_target
from .ratios import AGAINST_RE

# aspects whose percentage is a share of a whole, never above 100 %
# ("resolved" is not: with a backlog more dossiers are resolved than received in a period)
SHARE_ASPECTS = ("on_time", "online", "overdue", "interlinked", "published", "satisfaction",
                 "one_stop", "digitized", "paid_online")


def value_out_of_range(article: Article) -> list[Finding]:
    """"tỷ lệ đúng hạn đạt 102,5%" (not "tăng 120%", not "đạt 105% kế hoạch"); "xếp thứ 36/34"."""
    out = []
    text = article.text
    for f in article.figures:
        if (f["kind"] == "percent" and f["aspect"] in SHARE_ASPECTS and not is_change(f) and not is_target(f)
                and f["value"] > 100 and (f.get("approx") or "exact") in ("exact", "about", "over", "at_least")
                and not AGAINST_RE.match(text, f["span"][1])):
            out.append(Finding("value_out_of_range", [f], None, f["value"], "share_above_100",
                               dict(stated=f["surface"])))
        elif f["kind"] == "rank" and f.get("denominator") and f["value"] > f["denominator"]:
            field = f["denominator"]
            out.append(Finding("value_out_of_range", [f], field, f["value"], "rank_beyond_field",
                               dict(stated=f["surface"], field=field)))
    return out
