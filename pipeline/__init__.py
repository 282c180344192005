"""cchc-metrics: source-grounded facts from Vietnamese news on administrative reform.

    import pipeline
    record = pipeline.extract_text("Năm 2023, UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ.")
    record.figures[0].value, record.to_dict()

`extract_text`, `extract_html`, `extract_file` and `extract_many` give `Record` dataclasses
(`.to_dict()` is the JSON record of docs/SCHEMA.md); `to_html` renders the report page;
`load` gives the tables as pandas DataFrames; `to_spacy` a spaCy Doc.
"""
__version__ = "0.2.0"

from .api import (  # noqa: E402  (after __version__, which the modules below read)
    Check, Document, ExtractError, Figure, Official, Period, Record, Role, Subject, Unit,
    extract_file, extract_html, extract_many, extract_text, to_html)


def load(path) -> dict:
    """pandas DataFrames (articles, figures, units, officials, roles, documents, checks) for a
    records.jsonl or a directory holding one; see `export.load`."""
    from .export import load as _load

    return _load(path)


def to_spacy(record):
    """A spaCy `Doc` of the record's text (a `Record` or its dict) with its facts in
    `doc.spans`; see `spacy_doc.to_spacy`."""
    from .spacy_doc import to_spacy as _to_spacy

    return _to_spacy(record.to_dict() if isinstance(record, Record) else record)


__all__ = ["__version__", "Record", "Figure", "Unit", "Official", "Role", "Document", "Check",
           "Subject", "Period", "ExtractError", "extract_text", "extract_html", "extract_file",
           "extract_many", "to_html", "load", "to_spacy"]
