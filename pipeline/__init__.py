"""cchc-metrics: source-grounded facts from Vietnamese news on administrative reform."""
__version__ = "0.2.0"


def extract_text(text: str, doc_id: str = "text", **meta) -> dict:
    """The record (SCHEMA.md) for one article given as a string; see `extract.extract_text`."""
    from .extract import extract_text as _extract_text

    return _extract_text(text, doc_id, **meta)


def load(path) -> dict:
    """pandas DataFrames (articles, figures, units, officials, roles, documents, checks) for a
    records.jsonl or a directory holding one; see `export.load`."""
    from .export import load as _load

    return _load(path)


def to_spacy(record: dict):
    """A spaCy `Doc` of the record's text with its facts in `doc.spans`; see `spacy_doc.to_spacy`."""
    from .spacy_doc import to_spacy as _to_spacy

    return _to_spacy(record)
