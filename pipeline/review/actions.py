"""A reviewer's request (the JSON a POST carries) -> one checked correction line.

Requests name facts by the ids of the corrected record the page shows; the correction
records the fact's span, so it still finds the fact after a re-extraction renumbers it.
Label values are checked against the record contract (the packaged JSON Schema).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..corrections import FACT_KINDS, FIGURE_FIELDS, fact_span, find_fact
from ..numbers import as_number, parse_numeral

_NUMERAL = re.compile(r"\d[\d.,\u00a0 ]*")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


class ActionError(ValueError):
    """The request is not a correction the article can take."""


@lru_cache(maxsize=1)
def figure_enums() -> dict[str, list[str]]:
    """The allowed values of the figure's closed label fields, from the record JSON Schema."""
    schema = json.loads(resources.files("pipeline").joinpath("schema/record.schema.json").read_text("utf-8"))
    props = schema["$defs"]["figure"]["properties"]
    return {name: list(props[name]["enum"]) for name in ("kind", "approx", "object", "aspect")}


def _check_value(name: str, value):
    enums = figure_enums()
    if name in enums:
        if value not in enums[name]:
            raise ActionError(f"{name} must be one of {', '.join(enums[name])}")
        return value
    if name == "index":
        if value is None or isinstance(value, str):
            return (value or "").strip() or None
        _bad(name)
    if name == "target":
        return value if isinstance(value, bool) else _bad(name)
    if name == "value":
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else _bad(name)
    if name == "denominator":
        return value if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)) else _bad(name)
    if name == "subject":
        return _subject(value)
    if name == "period":
        return _period(value)
    raise ActionError(f"unknown field {name!r}: one of {', '.join(FIGURE_FIELDS)}")


def _bad(name: str):
    raise ActionError(f"{name}: wrong type of value")


def _subject(value) -> dict:
    if not isinstance(value, dict):
        _bad("subject")
    out = {k: value.get(k) for k in ("unit", "aggregate", "text")}
    if not all(v is None or isinstance(v, str) for v in out.values()):
        _bad("subject")
    return out


def _period(value) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"].strip():
        raise ActionError("period: needs a text (or null for no period)")
    out = {"text": value["text"].strip()}
    for k in ("start", "end"):
        v = value.get(k) or None
        if v is not None and not (isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)):
            raise ActionError(f"period {k}: a date YYYY-MM-DD or empty")
        out[k] = v
    return out


def _fact(record: dict, kind, fact_id) -> dict:
    if kind not in FACT_KINDS:
        raise ActionError(f"kind must be one of {', '.join(FACT_KINDS)}")
    fact = find_fact(record, kind, fact_id, None) if isinstance(fact_id, str) else None
    if fact is None:
        raise ActionError(f"no {kind} {fact_id!r} in this article")
    return fact


def sentence_around(text: str, start: int, end: int) -> list[int]:
    """The sentence holding text[start:end]: from after the last sentence end before it to the
    next one after it."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    s = before[-1] if before else 0
    e = after.start() + 1 if after else len(text)
    while s < start and text[s].isspace():
        s += 1
    return [s, max(e, end)]


def _guess_figure(text: str, span: list[int], surface: str) -> dict:
    m = _NUMERAL.search(surface)
    try:
        value = as_number(parse_numeral(m.group().strip(" ,.\u00a0"))) if m else 0
    except ValueError:
        value = 0
    kind = "percent" if "%" in surface else "ratio" if "/" in surface else "count"
    return {"value": value, "denominator": None, "kind": kind, "approx": "exact", "object": "other",
            "aspect": "other", "noun": None, "change": False,
            "subject": {"unit": None, "aggregate": None, "text": None}, "period": None,
            "index": None, "target": False, "sentence": sentence_around(text, *span)}


def _added_fact(record: dict, kind: str, body: dict) -> dict:
    text = record.get("text") or ""
    span, surface = body.get("span"), body.get("surface")
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span)
            and 0 <= span[0] < span[1] <= len(text)):
        raise ActionError("span must be [start, end] inside the article text")
    if text[span[0]:span[1]] != surface:
        raise ActionError("the selected text is not at that span (text[start:end] != surface)")
    if surface != surface.strip():
        raise ActionError("the selection starts or ends with a space")
    labels = body.get("labels") if isinstance(body.get("labels"), dict) else {}
    if find_fact(record, kind, None, span) is not None:
        raise ActionError(f"a {kind} is already at that span")
    if kind == "figure":
        fact = {"span": span, "surface": surface, **_guess_figure(text, span, surface)}
        for name, value in labels.items():
            fact[name] = _check_value(name, value)
        return fact
    if kind == "unit":
        utype = labels.get("type")
        name = labels.get("name") or surface
        if not isinstance(utype, str) or not utype.strip():
            raise ActionError("a unit needs its type (xã, huyện, tỉnh ...)")
        return {"surface": surface, "type": utype.strip(), "name": str(name).strip(), "code": None,
                "district": None, "province": labels.get("province") or None, "code_2025": None,
                "mentions": [span]}
    if kind == "official":
        role = {"title": labels.get("title") or None, "org": labels.get("org") or None,
                "org_expanded": None, "unit": None}
        return {"surface": surface, "name": str(labels.get("name") or surface).strip(),
                "roles": [role] if role["title"] else [], "mentions": [span]}
    dtype = labels.get("type")
    if not isinstance(dtype, str) or not dtype.strip():
        raise ActionError("a document needs its type (Kế hoạch, Quyết định ...)")
    return {"surface": surface, "type": dtype.strip(), "number": labels.get("number") or None,
            "date": None, "issuer": labels.get("issuer") or None, "span": span}


def build_correction(record: dict, body) -> dict:
    """The correction line (without its time) for request `body` on the corrected `record`."""
    if not isinstance(body, dict):
        raise ActionError("the request body must be a JSON object")
    action = body.get("action")
    base = {"doc_id": record["doc_id"], "sha256": record.get("sha256"), "action": action}
    if action == "reviewed":
        if not isinstance(body.get("after", True), bool):
            _bad("reviewed")
        return {**base, "kind": "article", "after": body.get("after", True)}
    kind = body.get("kind")
    if action == "add":
        if kind not in FACT_KINDS:
            raise ActionError(f"kind must be one of {', '.join(FACT_KINDS)}")
        return {**base, "kind": kind, "after": _added_fact(record, kind, body)}
    if action in ("accept", "delete"):
        fact = _fact(record, kind, body.get("fact_id"))
        return {**base, "kind": kind, "fact_id": fact["id"], "span": fact_span(kind, fact),
                "before": fact.get("surface") or fact.get("name") or fact.get("number")}
    if action == "set":
        fact = _fact(record, "figure", body.get("fact_id"))
        name = body.get("field")
        if name not in FIGURE_FIELDS:
            raise ActionError(f"field must be one of {', '.join(FIGURE_FIELDS)}")
        after = _check_value(name, body.get("after"))
        if name == "subject" and after["unit"] is not None and \
                find_fact(record, "unit", after["unit"], None) is None:
            raise ActionError(f"no unit {after['unit']!r} in this article")
        return {**base, "kind": "figure", "fact_id": fact["id"], "span": fact_span("figure", fact),
                "field": name, "before": fact.get(name), "after": after}
    raise ActionError("action must be one of accept, set, delete, add, reviewed")
