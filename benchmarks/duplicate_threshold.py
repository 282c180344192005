"""Pick the near-duplicate threshold of pipeline/duplicates.py on the dev corpora.

For every pair of distinct articles: the shingle Jaccard similarity (exact, not estimated).
For every article: the similarity to its own copy as syndication changes it (another headline
and a source footer; a sentence cut; a paragraph added). The threshold must sit between the
two distributions with room for the MinHash estimate's error (about 0.04 at 128 permutations).

    python benchmarks/duplicate_threshold.py [corpus.jsonl ...]
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from pipeline.duplicates import THRESHOLD, shingles, words

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "../shared/corpus-real/dev.jsonl", ROOT / "../shared/corpus-2025/dev2025.jsonl"]
FOOTER = "Nguồn: Báo Điện tử Chính phủ. Bài viết được đăng lại với sự đồng ý của tòa soạn."
BOILERPLATE = ("Mọi thông tin chi tiết xin liên hệ Bộ phận tiếp nhận và trả kết quả giải quyết thủ "
               "tục hành chính, số điện thoại đường dây nóng được niêm yết công khai tại trụ sở; "
               "người dân, doanh nghiệp có thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công "
               "quốc gia hoặc ứng dụng VNeID, phản ánh kiến nghị qua hệ thống tiếp nhận trực tuyến.")


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def variants(text: str) -> dict[str, str]:
    sentences = [s for s in text.split(". ") if s]
    cut = ". ".join(sentences[:-1]) if len(sentences) > 3 else text
    return {"new headline + footer": "Tin mới: " + text.split("\n", 1)[-1] + "\n" + FOOTER,
            "last sentence cut": cut,
            "paragraph added": text + "\n" + BOILERPLATE}


def main(paths: list[str]) -> None:
    texts = []
    for path in paths or DEFAULT:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    grams = [shingles(words(t)) for t in texts]
    distinct = sorted((jaccard(a, b) for a, b in itertools.combinations(grams, 2)), reverse=True)
    shared = [jaccard(shingles(words(a + "\n" + BOILERPLATE)), shingles(words(b + "\n" + BOILERPLATE)))
              for a, b in zip(texts, texts[1:])]
    print(f"{len(texts)} articles, {len(distinct)} distinct pairs")
    print(f"distinct pairs: max {distinct[0]:.3f}, 2nd {distinct[1]:.3f}, 99.9th pct "
          f"{distinct[len(distinct) // 1000]:.3f}")
    print(f"distinct pairs sharing a {len(words(BOILERPLATE))}-word paragraph: max {max(shared):.3f}")
    for name in variants(texts[0]):
        sims = [jaccard(g, shingles(words(variants(t)[name]))) for t, g in zip(texts, grams)]
        caught = sum(s >= THRESHOLD for s in sims) / len(sims)
        print(f"copy, {name}: min {min(sims):.3f}, median {sorted(sims)[len(sims) // 2]:.3f}, "
              f"{caught:.0%} at or above the threshold")
    print(f"threshold in pipeline/duplicates.py: {THRESHOLD}")


if __name__ == "__main__":
    main(sys.argv[1:])
