"""Batch: run `extract_article` over many inputs and write records and errors in input order."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from .extract import extract_article
from .ingest import InputError, RawArticle, iter_articles
from .writer import AtomicWriter, dumps


@dataclass
class Summary:
    articles: int = 0
    failed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return f"cchc: {self.articles} articles, {self.failed} failed, {rate:.1f} articles/s"


def process(item: RawArticle | InputError, include_text: bool = True) -> tuple[str, dict]:
    """("record", record) or ("error", error line) for one input; never raises."""
    if isinstance(item, InputError):
        return "error", {"source": item.source, "error": item.error, "message": item.message}
    try:
        return "record", extract_article(item, include_text=include_text)
    except Exception as exc:  # one article's bug must not stop the batch
        return "error", {"source": item.source, "error": type(exc).__name__,
                         "message": f"extraction failed: {exc}"}


def report_error(err: dict) -> None:
    print(f"cchc: {err['source']}: {err['error']}: {err['message']}", file=sys.stderr)


def run_extract(inputs: list[str], out: str, include_text: bool = True, workers: int = 1,
                force: bool = False, engine: str = "local", scheduler: str | None = None) -> Summary:
    start = time.perf_counter()
    summary = Summary()
    to_stdout = out == "-"
    records = errors = None
    if not to_stdout:
        records = AtomicWriter(f"{out}/records.jsonl")
        errors = AtomicWriter(f"{out}/errors.jsonl")
    try:
        for item in iter_articles(inputs):
            kind, obj = process(item, include_text)
            if kind == "record":
                summary.articles += 1
                if to_stdout:
                    sys.stdout.write(dumps(obj) + "\n")
                else:
                    records.write_line(obj)
            else:
                summary.failed += 1
                report_error(obj)
                if errors is not None:
                    errors.write_line(obj)
        if not to_stdout:
            records.commit()
            errors.commit()
    finally:
        for w in (records, errors):
            if w is not None:
                w.abort()
    summary.seconds = time.perf_counter() - start
    print(summary.line(), file=sys.stderr)
    return summary
