"""Cost per character of `extract_article` against article size, 1k to 1M characters.

    .venv/bin/python benchmarks/scaling.py [--sizes 1000 10000 100000 1000000] [--profile SIZE]

Input: the bodies of the articles of ../shared/corpus-real/dev.jsonl,
../shared/corpus-2025/dev2025.jsonl and corpus/ joined paragraph by paragraph into one long text (repeated as often as the largest
size needs), cut into articles of about SIZE characters at paragraph ends. For each size it
runs `extract_article` in this process over consecutive articles until at least
`--chars` characters (and at least one article) are done, and prints the CPU time per 1,000
characters of body and its ratio to the smallest size's: a flat cost reads 1.00 down the column
(target: within 1.10). `--profile SIZE` prints the cProfile of one article of that size.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_article  # noqa: E402
from pipeline.ingest import RawArticle, iter_articles  # noqa: E402


def paragraphs(shared: Path) -> list[str]:
    inputs = [shared / "corpus-real" / "dev.jsonl", shared / "corpus-2025" / "dev2025.jsonl", ROOT / "corpus"]
    arts = [a for a in iter_articles([str(p) for p in inputs if p.exists()]) if isinstance(a, RawArticle)]
    bodies = []
    for a in arts:  # the body of each (no headline, byline or footer to end a long body early)
        start, end = extract_article(a)["body"]
        bodies.append(a.text[start:end])
    return [p for body in bodies for p in body.split("\n") if p.strip()]


def articles_of(paras: list[str], size: int, total: int) -> list[str]:
    """Consecutive articles of about `size` characters (whole paragraphs, at least one), in
    all about `total` characters, the paragraphs cycled as often as needed."""
    out, current, length, i = [], [], 0, 0
    done = 0
    while done < total:
        p = paras[i % len(paras)]
        i += 1
        current.append(p)
        length += len(p) + 1
        if length >= size:
            out.append("\n".join(current))
            done += length
            current, length = [], 0
    return out


def measure(texts: list[str]) -> tuple[float, int]:
    """(CPU milliseconds per 1,000 characters of body, body characters) over `texts`: the
    layout stage may end a body early (at a line that reads as the end of an article), and
    the extractors run over the body only."""
    body_chars = 0
    start = time.process_time()
    for n, text in enumerate(texts):
        record = extract_article(RawArticle(doc_id=f"scale-{n}", source="scaling", text=text))
        body_chars += record["body"][1] - record["body"][0]
    return 1e6 * (time.process_time() - start) / body_chars, body_chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--chars", type=int, default=1_000_000, help="characters run per size")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the ../shared directory")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="profile one article of SIZE characters")
    args = parser.parse_args(argv)

    paras = paragraphs(args.shared)
    extract_article(RawArticle(doc_id="warm-up", source="scaling", text="\n".join(paras[:40])))  # lexicons
    if args.profile:
        [text] = articles_of(paras, args.profile, 1)[:1]
        prof = cProfile.Profile()
        prof.enable()
        extract_article(RawArticle(doc_id="profile", source="scaling", text=text))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return 0

    head = (f"{'article size':>12} {'articles':>8} {'characters':>10} {'of body':>10} "
            f"{'CPU ms / 1k body chars':>22} {'÷ smallest':>10}")
    print(head)
    print("-" * len(head))
    base = None
    for size in args.sizes:
        texts = articles_of(paras, size, max(args.chars, size))
        cost, body_chars = measure(texts)
        base = base or cost
        print(f"{size:>12,} {len(texts):>8} {sum(map(len, texts)):>10,} {body_chars:>10,} {cost:>22.3f} "
              f"{cost / base:>10.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
