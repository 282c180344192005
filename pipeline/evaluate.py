"""`cchc eval GOLD OUTDIR`: score pipeline records against gold annotations (ANNOTATION.md form).

The matching rules and measures are those of the project's reference scorer: a predicted figure
matches a gold one when their spans overlap and their values (and denominators, where the gold
has one) are equal, gold figures taking the first such unused prediction in record order; names
(units "type name", officials, documents "type number", authors) are compared as keys that fold
case, tone placement and spacing. On top of the shared measures this module reports `index_acc`
and `target_acc` (over gold figures that carry the key), a gold × predicted confusion table of
the aspect, object, kind and approx labels of matched figures, and the misses and false
positives themselves, with the sentence they sit in.

Pure functions over dicts (gold articles and records as parsed from JSON); reading the files
and the command's text report are in `eval_command`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- comparison keys

TONE_DIGITS = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
SYLLABLE_SEPARATORS = re.compile(r"(\s+|[-–—,.;:()/])")
# Abbreviations (regexes over keys, longest first) written out before role titles and
# organisations are compared.
ROLE_ABBREVIATIONS = [
    (r"hđnd", "hội đồng nhân dân"), (r"ubnd", "ủy ban nhân dân"),
    (r"ub mttq", "ủy ban mặt trận tổ quốc"), (r"mttq", "mặt trận tổ quốc"),
    (r"btv", "ban thường vụ"), (r"huv", "huyện ủy viên"), (r"tuv", "tỉnh ủy viên"),
    (r"tp\.?", "thành phố"), (r"tt", "thường trực"),
]
# A gold organisation "UBND huyện X" also matches a predicted "UBND huyện": its head is what
# comes before the first of these unit words.
ORG_TAIL_UNITS = ("huyện", "tỉnh", "thành phố", "quận", "thị xã", "xã", "phường")
FIGURE_LABELS = ("aspect", "object", "kind", "approx")


def _syllable_key(syllable: str) -> str:
    """A decomposed, lower-case syllable with its tone marks moved to the end as digits."""
    tones = "".join(TONE_DIGITS[c] for c in syllable if c in TONE_DIGITS)
    base = "".join(c for c in syllable if c not in TONE_DIGITS)
    return unicodedata.normalize("NFC", base) + tones


def name_key(value) -> str:
    """Case- and tone-placement-independent key ("Thuỵ" and "Thụy" have the same); None -> ""."""
    if value is None:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value).lower())
    keyed = "".join(_syllable_key(piece) for piece in SYLLABLE_SEPARATORS.split(decomposed))
    return re.sub(r"\s+", " ", keyed).strip()


_ABBREVIATION_PATTERNS = [(re.compile(rf"\b{short}\b"), name_key(long)) for short, long in ROLE_ABBREVIATIONS]
_ORG_TAILS = [" " + name_key(word) for word in ORG_TAIL_UNITS]


def expanded_key(value) -> str:
    """`name_key` with the usual abbreviations of titles and organisations written out."""
    text = name_key(value)
    for pattern, long in _ABBREVIATION_PATTERNS:
        text = pattern.sub(long, text)
    return text


def unit_key(unit: dict) -> str:
    return name_key(f"{unit.get('type', '')} {unit.get('name', '')}")


def document_key(doc: dict) -> tuple[str, str]:
    return name_key(doc.get("type")), name_key(doc.get("number"))


def period_key(period) -> str:
    """A period as comparable text: gold writes the phrase, records {text, start, end, ...}."""
    if isinstance(period, dict):
        period = period.get("text")
    return re.sub(r"[,.;:]", "", name_key(period)).strip()


def same_period(predicted, gold) -> bool:
    """Loose phrase match: equal keys, or one inside the other; both absent also matches."""
    g, p = period_key(gold), period_key(predicted)
    if not g or not p:
        return g == p
    return g in p or p in g


def same_value(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def spans_overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect, as in the reference scorer."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------- figures

def figure_matches(gold_figure: dict, predicted: dict) -> bool:
    span = predicted.get("span")
    if not span or not spans_overlap(span, gold_figure["span"]):
        return False
    if not same_value(predicted.get("value"), gold_figure["value"]):
        return False
    return gold_figure.get("denominator") is None or same_value(predicted.get("denominator"),
                                                                  gold_figure["denominator"])


def match_figures(gold_figures: list[dict], predicted: list[dict]) -> list[tuple[int, int | None]]:
    """(gold index, predicted index or None) for every gold figure, in gold order; each gold
    figure takes the first predicted figure not taken yet that matches it."""
    taken: set[int] = set()
    pairs = []
    for gi, gold_figure in enumerate(gold_figures):
        hit = next((pi for pi, p in enumerate(predicted) if pi not in taken and figure_matches(gold_figure, p)),
                   None)
        if hit is not None:
            taken.add(hit)
        pairs.append((gi, hit))
    return pairs


def label_pair(label: str, gold_figure: dict, predicted: dict) -> tuple[str | None, str | None]:
    """(gold label, predicted label) of a matched figure for the confusion table. A predicted
    aspect the gold accepts in `alt_aspects` counts as the gold's reading of it."""
    if label == "approx":
        return gold_figure.get("approx", "exact"), predicted.get("approx") or "exact"
    gold_label, predicted_label = gold_figure.get(label), predicted.get(label)
    if label == "aspect" and predicted_label in gold_figure.get("alt_aspects", []):
        gold_label = predicted_label
    return gold_label, predicted_label


def subject_label(predicted: dict, units_by_id: dict) -> str | None:
    """The key of the unit a predicted figure's subject points to, if any."""
    subject = predicted.get("subject")
    unit = units_by_id.get(subject.get("unit")) if isinstance(subject, dict) else None
    return unit_key(unit) if unit is not None else None


def text_slice(text: str | None, span) -> str | None:
    if text is None or not span:
        return None
    return text[span[0]:span[1]]


def enclosing_line(text: str | None, span) -> tuple[list[int] | None, str | None]:
    """The line of `text` (between newlines) holding the start of `span`."""
    if text is None or not span:
        return None, None
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[0])
    end = len(text) if end < 0 else end
    return [start, end], text[start:end]


def describe_figure(doc_id: str, figure: dict) -> dict:
    keys = ("span", "surface", "value", "denominator", "kind", "object", "aspect", "approx")
    return {"doc_id": doc_id, **{k: figure.get(k) for k in keys}}


# --------------------------------------------------------------------------- one article

@dataclass
class Evaluation:
    """Counts over all articles, the confusion tables and the error lists."""
    counts: Counter = field(default_factory=Counter)
    confusion: dict = field(default_factory=lambda: {label: Counter() for label in FIGURE_LABELS})
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)
    names: dict = field(default_factory=lambda: {kind: {"missed": [], "false": []}
                                                 for kind in ("units", "officials", "documents", "authors")})


def score_figures(ev: Evaluation, doc_id: str, gold: dict, record: dict) -> None:
    """Match one article's figures; count, list and label-check the outcome."""
    text = record.get("text")
    predicted = list(record.get("figures", []))
    units_by_id = {u.get("id"): u for u in record.get("units", [])}
    ev.counts["span_bad"] += sum(text is not None and text_slice(text, p.get("span") or [0, 0]) != p.get("surface")
                                 for p in predicted)
    pairs = match_figures(gold["figures"], predicted)
    for gi, pi in pairs:
        gold_figure = gold["figures"][gi]
        if pi is None:
            ev.counts["fig_fn"] += 1
            line_span, line = enclosing_line(text, gold_figure["span"])
            ev.misses.append({**describe_figure(doc_id, gold_figure), "sentence_span": line_span, "sentence": line})
        else:
            ev.counts["fig_tp"] += 1
            score_matched_figure(ev, gold_figure, predicted[pi], units_by_id)
    matched = {pi for _, pi in pairs if pi is not None}
    for pi, p in enumerate(predicted):
        if pi not in matched:
            ev.counts["fig_fp"] += 1
            hits_negative = any(p.get("span") and spans_overlap(p["span"], n["span"])
                                for n in gold.get("not_figures", []))
            ev.counts["fig_neg_hit"] += hits_negative
            ev.false_positives.append({**describe_figure(doc_id, p), "not_figure": bool(hits_negative),
                                       "sentence_span": p.get("sentence"),
                                       "sentence": text_slice(text, p.get("sentence"))})


def score_matched_figure(ev: Evaluation, gold_figure: dict, predicted: dict, units_by_id: dict) -> None:
    """The labels of a matched figure: accuracies and confusion tables. `index` (compared as a
    name key) and `target` only where the gold figure has them."""
    c = ev.counts
    c["kind_ok"] += predicted.get("kind") == gold_figure["kind"]
    c["object_ok"] += predicted.get("object") == gold_figure["object"]
    c["aspect_ok"] += predicted.get("aspect") in [gold_figure["aspect"], *gold_figure.get("alt_aspects", [])]
    c["approx_ok"] += (predicted.get("approx") or "exact") == gold_figure.get("approx", "exact")
    c["period_ok"] += same_period(predicted.get("period"), gold_figure.get("period"))
    if isinstance(gold_figure.get("subject"), str):
        c["subj_n"] += 1
        c["subj_ok"] += subject_label(predicted, units_by_id) == name_key(gold_figure["subject"])
    if "index" in gold_figure:
        c["index_n"] += 1
        c["index_ok"] += name_key(predicted.get("index")) == name_key(gold_figure["index"])
    if "target" in gold_figure:
        c["target_n"] += 1
        c["target_ok"] += bool(predicted.get("target")) == bool(gold_figure["target"])
    for label in FIGURE_LABELS:
        ev.confusion[label][label_pair(label, gold_figure, predicted)] += 1


def compare_names(ev: Evaluation, kind: str, doc_id: str, gold: dict, predicted: dict) -> set:
    """True/false positives and misses of one kind of name (dicts key -> shown name); returns
    the keys found in both."""
    c = ev.counts
    prefix = {"units": "unit", "officials": "off", "documents": "doc", "authors": "auth"}[kind]
    both = gold.keys() & predicted.keys()
    c[f"{prefix}_tp"] += len(both)
    c[f"{prefix}_fp"] += len(predicted.keys() - gold.keys())
    c[f"{prefix}_fn"] += len(gold.keys() - predicted.keys())
    ev.names[kind]["missed"] += [{"doc_id": doc_id, "name": name} for k, name in gold.items() if k not in predicted]
    ev.names[kind]["false"] += [{"doc_id": doc_id, "name": name} for k, name in predicted.items() if k not in gold]
    return both


def _shown(*parts) -> str:
    return " ".join(str(p) for p in parts if p)


def score_units(ev: Evaluation, doc_id: str, gold: dict, record: dict) -> None:
    c = ev.counts
    gold_units = {unit_key(u): u for u in gold.get("units", [])}
    predicted_units = {unit_key(u): u for u in record.get("units", [])}
    both = compare_names(ev, "units", doc_id,
                         {k: _shown(u.get("type"), u.get("name")) for k, u in gold_units.items()},
                         {k: _shown(u.get("type"), u.get("name")) for k, u in predicted_units.items()})
    for k in both:
        g, p = gold_units[k], predicted_units[k]
        if g.get("code"):
            c["code_n"] += 1
            c["code_ok"] += str(p.get("code")) == str(g["code"])
        if g.get("code_2025"):
            c["code25_n"] += 1
            c["code25_ok"] += str(p.get("code_2025")) == str(g["code_2025"])
        if g.get("register"):
            c["reg_n"] += 1
            c["reg_ok"] += p.get("register") == g["register"]


def org_head(org_key: str) -> str:
    for tail in _ORG_TAILS:
        org_key = org_key.split(tail)[0]
    return org_key


def role_found(role: dict, predicted_roles: list[tuple[str, str]]) -> bool:
    """A gold role is found when a predicted title contains its title and, if it names an
    organisation, the predicted organisation or title contains the organisation's head."""
    title, org = expanded_key(role["title"]), expanded_key(role.get("org") or "")
    head = org_head(org)
    return any(title in p_title and (not org or head in p_org or head in p_title)
               for p_title, p_org in predicted_roles)


def score_officials(ev: Evaluation, doc_id: str, gold: dict, record: dict) -> None:
    c = ev.counts
    gold_officials = {name_key(o["name"]): o for o in gold.get("officials", [])}
    predicted_officials = {name_key(o.get("name")): o for o in record.get("officials", [])}
    both = compare_names(ev, "officials", doc_id,
                         {k: o["name"] for k, o in gold_officials.items()},
                         {k: o.get("name") for k, o in predicted_officials.items()})
    not_officials = {name_key(n) for n in gold.get("not_officials", [])}
    c["not_off_hit"] += len(predicted_officials.keys() & not_officials)
    for entry in ev.names["officials"]["false"]:
        if entry["doc_id"] == doc_id and name_key(entry["name"]) in not_officials:
            entry["not_official"] = True
    for k in both:
        predicted_roles = [(expanded_key(r.get("title")), expanded_key(r.get("org") or ""))
                           for r in predicted_officials[k].get("roles", [])]
        for role in gold_officials[k]["roles"]:
            c["role_n"] += 1
            c["role_ok"] += role_found(role, predicted_roles)


def score_documents(ev: Evaluation, doc_id: str, gold: dict, record: dict) -> None:
    gold_docs = {document_key(d): d for d in gold.get("documents", [])}
    predicted_docs = {document_key(d): d for d in record.get("documents", [])}
    both = compare_names(ev, "documents", doc_id,
                         {k: _shown(d.get("type"), d.get("number")) for k, d in gold_docs.items()},
                         {k: _shown(d.get("type"), d.get("number")) for k, d in predicted_docs.items()})
    ev.counts["date_ok"] += sum(predicted_docs[k].get("date") == gold_docs[k].get("date") for k in both)


def score_checks(ev: Evaluation, gold: dict, record: dict) -> None:
    c = ev.counts
    predicted_checks = record.get("checks", [])
    surface_by_id = {p.get("id"): p.get("surface") for p in record.get("figures", [])}
    gold_checks = gold.get("checks", [])
    for gold_check in gold_checks:
        c["chk_n"] += 1
        wanted = set(gold_check["surfaces"])
        c["chk_found"] += any(wanted <= {surface_by_id.get(f) for f in pc.get("figures", [])}
                              for pc in predicted_checks)
    if not gold_checks:
        c["chk_false"] += len(predicted_checks)


def score_missing_record(ev: Evaluation, gold: dict) -> None:
    """A gold article with no record: everything in it is missed."""
    c = ev.counts
    doc_id = gold["doc_id"]
    c["missing"] += 1
    c["fig_fn"] += len(gold["figures"])
    ev.misses += [{**describe_figure(doc_id, f), "sentence_span": None, "sentence": None}
                  for f in gold["figures"]]
    for kind, prefix in (("units", "unit"), ("officials", "off"), ("documents", "doc"), ("authors", "auth")):
        c[f"{prefix}_fn"] += len(gold.get(kind, []))
    ev.names["units"]["missed"] += [{"doc_id": doc_id, "name": _shown(u.get("type"), u.get("name"))}
                                    for u in gold.get("units", [])]
    ev.names["officials"]["missed"] += [{"doc_id": doc_id, "name": o["name"]} for o in gold.get("officials", [])]
    ev.names["documents"]["missed"] += [{"doc_id": doc_id, "name": _shown(d.get("type"), d.get("number"))}
                                        for d in gold.get("documents", [])]
    ev.names["authors"]["missed"] += [{"doc_id": doc_id, "name": a} for a in gold.get("authors", [])]
    c["pub_n"] += "published" in gold


def evaluate(gold_docs: list[dict], records: dict[str, dict]) -> Evaluation:
    """Score `records` (by doc_id) against `gold_docs`; records without gold are not scored."""
    ev = Evaluation()
    for gold in gold_docs:
        doc_id = gold["doc_id"]
        record = records.get(doc_id)
        if record is None:
            score_missing_record(ev, gold)
            continue
        score_figures(ev, doc_id, gold, record)
        score_units(ev, doc_id, gold, record)
        score_officials(ev, doc_id, gold, record)
        score_documents(ev, doc_id, gold, record)
        gold_authors = {name_key(a): a for a in gold.get("authors", [])}
        compare_names(ev, "authors", doc_id, gold_authors,
                      {name_key(a): a for a in record.get("authors", [])})
        if "published" in gold:
            ev.counts["pub_n"] += 1
            ev.counts["pub_ok"] += record.get("published") == gold["published"]
        score_checks(ev, gold, record)
    return ev


# --------------------------------------------------------------------------- measures

# Every measure, in the reference scorer's order, then index_acc and target_acc: an F1, precision
# or recall over the counts "<prefix>_tp/_fp/_fn", a ratio of two counts (None when the second
# is 0: nothing in the gold to measure it on), or a plain count.
MEASURE_SPECS = [
    ("figures_f1", "f1", "fig"), ("figures_p", "p", "fig"), ("figures_r", "r", "fig"),
    ("aspect_acc", "ratio", ("aspect_ok", "fig_tp")), ("object_acc", "ratio", ("object_ok", "fig_tp")),
    ("kind_acc", "ratio", ("kind_ok", "fig_tp")), ("approx_acc", "ratio", ("approx_ok", "fig_tp")),
    ("period_acc", "ratio", ("period_ok", "fig_tp")), ("subject_acc", "ratio", ("subj_ok", "subj_n")),
    ("units_f1", "f1", "unit"), ("unit_code_acc", "ratio", ("code_ok", "code_n")),
    ("unit_code2025_acc", "ratio", ("code25_ok", "code25_n")), ("register_acc", "ratio", ("reg_ok", "reg_n")),
    ("officials_f1", "f1", "off"), ("role_acc", "ratio", ("role_ok", "role_n")),
    ("documents_f1", "f1", "doc"), ("doc_date_acc", "ratio", ("date_ok", "doc_tp")),
    ("authors_f1", "f1", "auth"), ("published_acc", "ratio", ("pub_ok", "pub_n")),
    ("checks_recall", "ratio", ("chk_found", "chk_n")), ("checks_false", "count", "chk_false"),
    ("negatives_hit", "count", "fig_neg_hit"), ("not_officials_hit", "count", "not_off_hit"),
    ("bad_spans", "count", "span_bad"), ("missing_docs", "count", "missing"),
    ("index_acc", "ratio", ("index_ok", "index_n")), ("target_acc", "ratio", ("target_ok", "target_n")),
]
PRF_PART = {"p": 0, "r": 1, "f1": 2}


def measures(ev: Evaluation) -> dict:
    """{measure: value} for `MEASURE_SPECS`."""
    c = ev.counts
    out = {}
    for name, how, counts in MEASURE_SPECS:
        if how in PRF_PART:
            out[name] = prf(c[f"{counts}_tp"], c[f"{counts}_fp"], c[f"{counts}_fn"])[PRF_PART[how]]
        elif how == "ratio":
            ok, n = counts
            out[name] = c[ok] / c[n] if c[n] else None
        else:
            out[name] = c[counts]
    return out


def support(ev: Evaluation) -> dict:
    """What each F1 and ratio is computed from: {"tp", "fp", "fn"} or {"ok", "n"}."""
    c = ev.counts
    out = {}
    for name, how, counts in MEASURE_SPECS:
        if how in PRF_PART:
            out[name] = {"tp": c[f"{counts}_tp"], "fp": c[f"{counts}_fp"], "fn": c[f"{counts}_fn"]}
        elif how == "ratio":
            out[name] = {"ok": c[counts[0]], "n": c[counts[1]]}
    return out


def confusion_table(pairs: Counter) -> dict:
    """{gold label: {predicted label: n}}; an absent label is written "(none)"."""
    table: dict = {}
    for (gold_label, predicted_label), n in sorted(pairs.items(), key=lambda kv: (str(kv[0][0]), -kv[1])):
        table.setdefault(_label(gold_label), {})[_label(predicted_label)] = n
    return table


def _label(value) -> str:
    return "(none)" if value is None else str(value)


def as_json(ev: Evaluation) -> dict:
    c = ev.counts
    return {
        "measures": measures(ev),
        "support": support(ev),
        "counts": {"figures": {"gold": c["fig_tp"] + c["fig_fn"], "predicted": c["fig_tp"] + c["fig_fp"],
                               "matched": c["fig_tp"]}},
        "confusion": {label: confusion_table(ev.confusion[label]) for label in FIGURE_LABELS},
        "misses": ev.misses,
        "false_positives": ev.false_positives,
        "names": ev.names,
    }
