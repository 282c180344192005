"""The CLI end to end: outputs, exit statuses, bad inputs, spans under NFD and CRLF."""
import codecs
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, assert_spans, read_jsonl

SEED = (ROOT / "corpus" / "002_7d7845850110665b.txt").read_text(encoding="utf-8")


def cchc(*args, stdin=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=300)


def test_mixed_good_and_bad_inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_good.txt").write_text(SEED, encoding="utf-8")
    (src / "b_empty.txt").write_bytes(b"")
    (src / "c_binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "d_invalid_utf8.txt").write_bytes(b"abc \xff\xfe\xfd \x81\x8d garbage \xc3\x28")
    (src / "e_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + SEED.encode("utf-16-le"))
    (src / "f_good.txt").write_text(SEED.replace("Tân Hồng", "Hồng Ngự"), encoding="utf-8")
    (src / "g_broken.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    res = cchc("extract", str(src), str(tmp_path / "missing.txt"), "-o", str(out))
    assert res.returncode == 1
    assert b"Traceback" not in res.stderr
    records = read_jsonl(out / "records.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    assert [r["doc_id"] for r in records] == ["a_good", "e_utf16", "f_good"]
    assert records[1]["warnings"] == ["decoded as utf-16"]
    assert records[1]["text"] == records[0]["text"]
    assert {Path(e["source"]).name: e["error"] for e in errors} == {
        "b_empty.txt": "EmptyInput", "c_binary.txt": "BinaryInput", "d_invalid_utf8.txt": "DecodeError",
        "g_broken.json": "MalformedJSON", "missing.txt": "FileNotFoundError"}
    for e in errors:
        assert e["message"] and e["source"].encode() in res.stderr
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_all_good_exit_zero_and_stdout(tmp_path):
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    res = cchc("extract", str(tmp_path / "a.txt"), "-o", "-")
    assert res.returncode == 0, res.stderr
    [rec] = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert rec["doc_id"] == "a" and rec["figures"]


def test_stdin_input():
    res = cchc("extract", "-", "-o", "-", stdin=SEED.encode("utf-8"))
    assert res.returncode == 0
    [rec] = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert rec["source"] == "-" and rec["text"] == SEED.strip("\n") or rec["text"] == SEED


@pytest.mark.parametrize("args", [[], ["extract"], ["extract", "x.txt"], ["bogus"]])
def test_usage_errors_exit_two(args):
    assert cchc(*args).returncode == 2


@pytest.mark.parametrize("transform", [
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace("\n", "\r\n"),
    lambda t: unicodedata.normalize("NFD", t).replace("\n", "\r\n"),
], ids=["nfd", "crlf", "nfd+crlf"])
def test_spans_hold_for_nfd_and_crlf(tmp_path, transform):
    (tmp_path / "plain.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "variant.txt").write_bytes(transform(SEED).encode("utf-8"))
    res = cchc("extract", str(tmp_path), "-o", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    plain, variant = read_jsonl(tmp_path / "out" / "records.jsonl")
    assert variant["text"] == unicodedata.normalize("NFC", variant["text"])
    assert_spans(variant)
    assert [(f["surface"], f["value"]) for f in variant["figures"]] == [(f["surface"], f["value"]) for f in plain["figures"]]
