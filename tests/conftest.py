import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def grouped_cases(groups: dict) -> list:
    """pytest params of named Example groups, with ids "group-index"."""
    return [pytest.param(ex, id=f"{group}-{i}") for group, examples in groups.items()
            for i, ex in enumerate(examples)]


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected at {SHARED}")
    return SHARED


def assert_spans(record):
    """Every span of a record indexes its text: text[s:e] == surface."""
    text = record["text"]
    for f in record["figures"]:
        s, e = f["span"]
        assert text[s:e] == f["surface"], f
        ss, se = f["sentence"]
        assert ss <= s and e <= se
    for u in record["units"]:
        for s, e in u["mentions"]:
            assert 0 <= s < e <= len(text)
    for o in record["officials"]:
        for s, e in o["mentions"]:
            assert 0 <= s < e <= len(text)
    for d in record["documents"]:
        s, e = d["span"]
        assert 0 <= s < e <= len(text)
    bs, be = record["body"]
    assert 0 <= bs <= be <= len(text)
