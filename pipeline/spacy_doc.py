"""`to_spacy`: a record as a spaCy `Doc` whose `doc.spans` hold the extracted facts.

No language model is needed: the text is cut into tokens here (numbers such as "2.065" or
"91,16" stay whole) and additionally at every fact boundary, so each fact is exactly a run of
tokens and `span.start_char, span.end_char` give back the record's offsets.
"""
from __future__ import annotations

import functools
import re

from .pattern_cache import compile_pattern

_CHUNK = re.compile(r"\S+")  # str.isspace() whitespace, as spaCy's alignment uses
_TOKEN = compile_pattern(r"\d+(?:[.,]\d+)*|\w+|.")


@functools.lru_cache(maxsize=1)
def _vocab():
    import spacy

    return spacy.blank("xx").vocab  # multi-language: spaCy's "vi" wants pyvi for its tokenizer


def _fact_spans(record: dict) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """(start, end, label, id, kb_id) for each fact, by `doc.spans` key."""
    figures = [(*f["span"], f"{f['kind']}:{f['aspect']}", f["id"], "") for f in record.get("figures") or []]
    units = [(s, e, u["type"], u["id"], u.get("code") or "")
             for u in record.get("units") or [] for s, e in u.get("mentions") or []]
    officials = [(s, e, "official", o["id"], o.get("name") or "")
                 for o in record.get("officials") or [] for s, e in o.get("mentions") or []]
    documents = [(*d["span"], d.get("type") or "document", f"d{n}", d.get("number") or "")
                 for n, d in enumerate(record.get("documents") or [], 1)]
    return {"figures": figures, "units": units, "officials": officials, "documents": documents}


def _tokens(text: str, cuts: set[int]) -> list[str]:
    """Non-space tokens of `text`, also cut at every offset in `cuts`."""
    words = []
    for chunk in _CHUNK.finditer(text):
        for m in _TOKEN.finditer(text, chunk.start(), chunk.end()):
            start, end = m.span()
            bounds = [start, *sorted(c for c in cuts if start < c < end), end]
            words += [text[a:b] for a, b in zip(bounds, bounds[1:])]
    return words


def to_spacy(record: dict):
    """A `spacy.tokens.Doc` of the record's text with doc.spans["figures"] (label
    "kind:aspect", e.g. "percent:on_time"), ["units"] (label: unit type, kb_id: register
    code), ["officials"] (label "official") and ["documents"] (label: document type); each
    span's `id_` is the fact id ("f3", "u1", "p2", "d1"). `doc.user_data` keeps doc_id, title,
    published and source."""
    from spacy.tokens import Doc
    from spacy.util import get_words_and_spaces

    text = record.get("text")
    if text is None:
        raise ValueError(f"record {record.get('doc_id')!r} has no text (extracted with --no-text)")
    facts = _fact_spans(record)
    cuts = {offset for spans in facts.values() for s, e, *_ in spans for offset in (s, e)}
    words, spaces = get_words_and_spaces(_tokens(text, cuts), text)
    doc = Doc(_vocab(), words=words, spaces=spaces)
    for key, spans in facts.items():
        doc.spans[key] = [_span(doc, *fact) for fact in spans]
    doc.user_data.update({k: record.get(k) for k in ("doc_id", "title", "published", "source")})
    return doc


def _span(doc, start: int, end: int, label: str, fact_id: str, kb_id: str):
    # "expand" only matters for a span that starts or ends in whitespace, which the
    # extractors do not produce; every other boundary is a token boundary by construction.
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is None:
        raise ValueError(f"{fact_id}: span [{start}, {end}) is outside the text")
    span.id_ = fact_id
    return span
