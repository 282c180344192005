"""cchc-metrics: source-grounded facts from Vietnamese news on administrative reform."""
__version__ = "0.1.0"


def extract_text(text: str, doc_id: str = "text", **meta) -> dict:
    """The record (SCHEMA.md) for one article given as a string; see `extract.extract_text`."""
    from .extract import extract_text as _extract_text

    return _extract_text(text, doc_id, **meta)
