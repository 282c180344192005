"""Tests needing ../shared are skipped on a clone without it, reported in ONE summary line."""
import shutil
import subprocess
import sys

from conftest import ROOT

SAMPLE = '''
import pytest

@pytest.mark.shared
def test_marked():
    assert False

def test_through_the_fixture(shared_dir):
    assert False

@pytest.mark.parametrize("n", [1, 2])
def test_parametrized_fixture_user(shared_dir, n):
    assert False

def test_plain():
    assert True
'''


def test_shared_tests_skip_with_one_summary_line(tmp_path):
    clone = tmp_path / "clone"  # tmp_path/shared does not exist
    (clone / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "conftest.py", clone / "tests" / "conftest.py")
    (clone / "tests" / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider", "tests"],
                         cwd=clone, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout
    skipped = [line for line in res.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1, res.stdout
    assert skipped[0].startswith("SKIPPED [4] tests/conftest.py: needs the shared corpus at")
    assert "1 passed, 4 skipped" in res.stdout
