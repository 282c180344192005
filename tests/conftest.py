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


SHARED_REASON = (f"needs the shared corpus at {SHARED} (contributors only: see README.md, "
                 "'Contributing: the shared corpus')")


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: needs ../shared (the shared corpus, gold and scorer); "
                            "skipped when it is absent")


def needs_shared(item) -> bool:
    """Marked `shared`, or using the `shared_dir` fixture (directly or through another fixture)."""
    return item.get_closest_marker("shared") is not None or "shared_dir" in item.fixturenames


def pytest_collection_modifyitems(config, items):
    if SHARED.is_dir():
        return
    for item in items:
        if needs_shared(item):
            item.add_marker(pytest.mark.skip(reason=SHARED_REASON))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Every test skipped for want of ../shared reports this one location, so `-ra` folds them
    into ONE summary line ("SKIPPED [N] tests/conftest.py: needs the shared corpus ...")."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and report.longrepr[2].endswith(SHARED_REASON):
        report.longrepr = (__file__, None, f"Skipped: {SHARED_REASON}")


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected at {SHARED}; mark the test `shared`")
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
