"""Nothing lost, whatever arrives (issue 10): each kind of hostile input, written the way it
arrives (raw bytes, raw U+2028, a real non-UTF-8 file name, a real XHTML declaration), fed to
the CLI in a subprocess. Every good article is written, a bad one is exactly one error line
(in errors.jsonl and on stderr), and no traceback reaches stderr."""
from __future__ import annotations

import json
import os
import re

import pytest

import pipeline
from conftest import assert_spans
from pipeline.ingest import MAX_INPUT_BYTES, iter_articles
from robust import SEEDS, VI, allow, cchc, deny, jsonl, line, no_traceback

MB = 1_000_000


def run(inputs, out, *extra, **kw):
    args = [os.fsencode(p) if isinstance(p, (bytes, os.PathLike)) else p for p in inputs]
    return cchc("extract", *args, "-o", str(out), "--workers", "2", *extra, **kw)


def stderr_errors(err: str) -> list[str]:
    """The error lines on stderr (all but the summary line)."""
    return [ln for ln in err.splitlines() if ln and not re.match(r"cchc: [\d,]+ new, ", ln)]


def check_run(res, out, ids: list[str], errors: list[tuple[str, str]], rc: int | None = None):
    """records.jsonl holds exactly `ids` in order, errors.jsonl exactly `errors` (source suffix,
    error class), one stderr line per error, no traceback."""
    err = no_traceback(res)
    assert res.returncode == (rc if rc is not None else (1 if errors else 0)), err
    records = jsonl(out / "records.jsonl")
    assert [r["doc_id"] for r in records] == ids
    for r in records:
        assert_spans(r)
    got = jsonl(out / "errors.jsonl")
    assert len(got) == len(errors), got
    for e, (suffix, kind) in zip(got, errors):
        assert e["source"].endswith(suffix) and e["error"] == kind, (e, suffix, kind)
    assert len(stderr_errors(err)) == len(errors), err
    return records, got


# --------------------------------------------------------------------------- lone surrogates

def test_lone_surrogates_in_text_and_title_are_replaced_and_warned(tmp_path):
    src = tmp_path / "in.jsonl"
    # "\ud83d": the first half of an emoji, cut off; valid JSON, not encodable as UTF-8
    src.write_bytes(line({"id": "a", "text": VI})
                    + b'{"id": "s", "title": "Tin vui \\ud83d", "url": "http://x/\\udc00", "text": "'
                    + VI.encode() + b' \\ud83d\\ude00 ok \\ud83d"}\n'
                    + line({"id": "c", "text": VI}))
    out = tmp_path / "out"
    records, _ = check_run(run([src], out), out, ["a", "s", "c"], [])
    s = records[1]
    assert s["text"] == VI + " \U0001F600 ok \ufffd"  # a whole pair stays the emoji it is
    assert s["title"] == "Tin vui \ufffd" and s["url"] == "http://x/\ufffd"
    assert any("lone surrogate" in w and "title" in w for w in s["warnings"])
    assert any("lone surrogate" in w and "text" in w for w in s["warnings"])
    assert len(s["figures"]) == len(records[0]["figures"]) > 0
    # and the next run (resume) reads its manifest and journal back without a crash
    again = run([src], out)
    last = no_traceback(again).splitlines()[-1]
    assert " 0 failed (3 articles read, 3 reused" in last, last


def test_lone_surrogate_in_a_json_file_title(tmp_path):
    (tmp_path / "a.json").write_bytes(b'{"id": "t", "title": "\\udc80\\ud83d", "text": "' + VI.encode() + b'"}')
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    records, _ = check_run(run([tmp_path], out), out, ["t", "b"], [])
    assert records[0]["title"] == "\ufffd\ufffd"


# --------------------------------------------------------------------------- JSONL lines

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"])
def test_jsonl_is_split_on_newline_only(tmp_path, separator):
    src = tmp_path / "in.jsonl"
    # written raw (ensure_ascii=False keeps U+2028 as its three UTF-8 bytes; JSON escapes C0)
    src.write_bytes(line({"id": "a", "text": VI}) + line({"id": "b", "text": f"Dòng một{separator}{VI}"})
                    + line({"id": "c", "text": VI}))
    out = tmp_path / "out"
    records, _ = check_run(run([src], out), out, ["a", "b", "c"], [])
    assert [r["source"] for r in records] == [f"{src}#1", f"{src}#2", f"{src}#3"]


def test_own_output_with_raw_u2028_reads_back(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(line({"id": "a", "text": f"Tiêu đề\u2028{VI}"}) + line({"id": "b", "text": VI}))
    out = tmp_path / "out"
    check_run(run([src], out), out, ["a", "b"], [])
    assert "\u2028".encode() in (out / "records.jsonl").read_bytes()  # the writer's raw U+2028
    again = tmp_path / "again"
    records, _ = check_run(run([out / "records.jsonl"], again), again, ["a", "b"], [])
    assert [r["source"].rsplit("#", 1)[1] for r in records] == ["1", "2"]


def test_bad_lines_are_one_error_each_and_the_others_go_on(tmp_path):
    src = tmp_path / "in.jsonl"
    whole = line({"id": "cut", "text": VI})
    cut_line = whole[:whole.rindex("ạ".encode()) + 2]  # the file ends inside a character
    src.write_bytes(line({"id": "a", "text": VI})
                    + b'{"id": "x", "text": "h\xff\xfe\xfd s\xc6"}\n'  # undecodable bytes
                    + line({"id": "b", "text": VI})
                    + b"{not json}\n"
                    + b"\n"  # blank lines are skipped, but counted
                    + line({"id": "c", "text": VI})
                    + cut_line)
    out = tmp_path / "out"
    _, errors = check_run(run([src], out), out, ["a", "b", "c"],
                          [("#2", "DecodeError"), ("#4", "MalformedJSON"), ("#7", "DecodeError")])


def test_jsonl_larger_than_one_article_limit_is_streamed(tmp_path):
    """The size limit is per article: a 12 MB file of four articles is read, and one line over
    the limit is one error, not read into memory."""
    src = tmp_path / "big.jsonl"
    padding = "x" * (3 * MB)  # a field the pipeline does not read
    with open(src, "wb") as fh:
        for i in range(4):
            fh.write(line({"id": f"p{i}", "text": VI, "raw_html_dump": padding}))
        fh.write(b'{"id": "huge", "text": "' + b"a " * (MAX_INPUT_BYTES // 2 + 10) + b'"}\n')
        fh.write(line({"id": "after", "text": VI}))
    assert src.stat().st_size > MAX_INPUT_BYTES
    out = tmp_path / "out"
    _, errors = check_run(run([src], out), out, ["p0", "p1", "p2", "p3", "after"], [("#5", "InputTooLarge")])
    assert f"{MAX_INPUT_BYTES:,}" in errors[0]["message"]


def test_oversized_line_is_skipped_without_reading_it_whole(tmp_path, monkeypatch):
    import pipeline.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(ingest, "READ_CHUNK", 64)
    src = tmp_path / "in.jsonl"
    src.write_bytes(line({"id": "a", "text": VI}) + line({"id": "b", "text": "x" * 5000})
                    + line({"id": "c", "text": VI}) + b'{"id": "d", "text": "' + b"y" * 3000)
    got = list(iter_articles([str(src)]))
    assert [(type(g).__name__, getattr(g, "doc_id", None) or g.error) for g in got] == [
        ("RawArticle", "a"), ("InputError", "InputTooLarge"), ("RawArticle", "c"), ("InputError", "InputTooLarge")]
    assert got[1].source.endswith("#2") and got[3].source.endswith("#4")


def test_binary_file_named_jsonl_is_one_error(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(bytes(range(256)) * 100)
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    check_run(run([tmp_path], out), out, ["b"], [("a.jsonl", "BinaryInput")])


def test_utf16_jsonl(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_bytes((json.dumps({"id": "u", "text": VI + "\u2028"}, ensure_ascii=False) + "\n"
                     + json.dumps({"id": "v", "text": VI}) + "\n").encode("utf-16"))
    out = tmp_path / "out"
    records, _ = check_run(run([src], out), out, ["u", "v"], [])
    assert "decoded as utf-16" in records[0]["warnings"]


# --------------------------------------------------------------------------- standard input

def test_stdin_jsonl_follows_the_same_rules(tmp_path):
    data = (line({"id": "a", "text": f"Một\u2028{VI}"}) + b"{broken\n"
            + b'{"id": "s", "text": "' + VI.encode() + b'\\ud83d"}\n' + line({"id": "c", "text": VI}))
    out = tmp_path / "out"
    records, errors = check_run(run(["-"], out, stdin=data), out, ["a", "s", "c"], [("-#2", "MalformedJSON")])
    assert [r["source"] for r in records] == ["-#1", "-#3", "-#4"]


def test_stdin_single_article_over_the_limit_is_refused_early(tmp_path):
    data = VI.encode() * (MAX_INPUT_BYTES // len(VI.encode()) + 100)
    out = tmp_path / "out"
    res = run(["-"], out, stdin=data)
    _, errors = check_run(res, out, [], [("-", "InputTooLarge")])
    assert "standard input" in errors[0]["message"]


def test_stdin_jsonl_over_the_limit_in_total_is_read(tmp_path):
    pad = "x" * (3 * MB)
    data = b"".join(line({"id": f"p{i}", "text": VI, "pad": pad}) for i in range(4))
    assert len(data) > MAX_INPUT_BYTES
    out = tmp_path / "out"
    check_run(run(["-"], out, stdin=data), out, ["p0", "p1", "p2", "p3"], [])


# --------------------------------------------------------------------------- file names, folders

def test_file_name_that_is_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name in (b"a.txt", b"b_caf\xe9.txt", b"c_\xff\xfe.txt", b"d.txt"):  # Latin-1 and junk bytes
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(VI.encode())
    out = tmp_path / "out"
    records, _ = check_run(run([folder], out), out, ["a", "b_caf\\xe9", "c_\\xff\\xfe", "d"], [])
    assert records[1]["source"].endswith("b_caf\\xe9.txt")
    assert any("not UTF-8" in w for w in records[1]["warnings"])
    assert records[0]["warnings"] == []
    # a non-UTF-8 name given on the command line, and again (resume) without a crash
    one = tmp_path / "one"
    check_run(run([os.path.join(folder, b"b_caf\xe9.txt")], one), one, ["b_caf\\xe9"], [])
    again = run([folder], out)
    last = no_traceback(again).splitlines()[-1]
    assert " 0 failed (4 articles read, 4 reused" in last, last


def test_cchcignore_with_a_non_utf8_byte(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / ".cchcignore").write_bytes(b"# b\xe0i b\xe1o c\xfc\nskip\xe9*\ngold/\n")
    for name in (b"a.txt", b"skip\xe91.txt", b"z.txt"):
        with open(os.path.join(os.fsencode(src), name), "wb") as fh:
            fh.write(VI.encode())
    (src / "gold").mkdir()
    (src / "gold" / "g.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    check_run(run([src], out), out, ["a", "z"], [])


def test_unreadable_inputs_are_one_error_each(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "hidden_article.txt").write_text(VI, encoding="utf-8")
    (src / "a.txt").write_text(VI, encoding="utf-8")
    (src / "b_locked.txt").write_text(VI, encoding="utf-8")
    (src / "c.txt").write_text(VI, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "o.txt").write_text(VI, encoding="utf-8")
    locked_file = tmp_path / "locked.txt"
    locked_file.write_text(VI, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(VI, encoding="utf-8")
    denied = [src / "sub", src / "b_locked.txt", other, locked_file]
    patch = deny(denied)
    out = tmp_path / "out"
    try:
        res = run([src, other, locked_file, good], out, patch=patch)
    finally:
        allow(denied)
    _, errors = check_run(res, out, ["a", "c", "good"], [
        ("in/b_locked.txt", "PermissionError"), ("in/sub", "PermissionError"), ("other", "PermissionError"),
        ("locked.txt", "PermissionError")])
    assert "folder" in errors[1]["message"]


def test_outdir_that_is_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "taken").write_text("x")
    res = cchc("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "taken"))
    err = no_traceback(res)
    assert res.returncode == 2 and len(err.strip().splitlines()) == 1 and "not a directory" in err
    assert (tmp_path / "taken").read_text() == "x"


# --------------------------------------------------------------------------- HTML

XHTML = ('<?xml version="1.0" encoding="{enc}"?>\n'
         '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
         '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>UBND</title></head>'
         '<body><div>UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ.</div></body></html>')


@pytest.mark.parametrize("enc", ["utf-8", "UTF-8", "windows-1258"])
def test_xhtml_with_an_xml_declaration(tmp_path, enc):
    page = XHTML.format(enc=enc)
    (tmp_path / "a.xhtml").write_text(page, encoding="utf-8")
    (tmp_path / "b.html").write_text(page.split("\n", 1)[1], encoding="utf-8")  # the same, undeclared
    out = tmp_path / "out"
    records, _ = check_run(run([tmp_path], out), out, ["a", "b"], [])
    assert records[0]["text"] == records[1]["text"]
    assert "2.065 hồ sơ" in records[0]["text"] and [f["surface"] for f in records[0]["figures"]] == ["2.065"]


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_html_keeps_its_text(tmp_path, depth):
    body = f"<p>{VI}</p><p>{VI}</p>"
    (tmp_path / "deep.html").write_text(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>",
                                        encoding="utf-8")
    out = tmp_path / "out"
    records, _ = check_run(run([tmp_path], out), out, ["deep"], [])
    assert VI in records[0]["text"] and len(records[0]["figures"]) >= 2


def test_page_of_only_scripts_is_empty_not_javascript(tmp_path):
    (tmp_path / "a.html").write_text("<html><head><script>var hs = '2.065 hồ sơ';</script><style>p{}</style>"
                                     "</head><body><script>document.write(hs)</script></body></html>",
                                     encoding="utf-8")
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    check_run(run([tmp_path], out), out, ["b"], [("a.html", "EmptyInput")])


# --------------------------------------------------------------------------- invisible characters

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u2066", "\u2069"]


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_lose_no_fact(tmp_path, char):
    seed = SEEDS[2].read_text(encoding="utf-8")
    clean = pipeline.extract_text(seed).to_dict()
    # inside words and numbers: "2.0\u200b65", "h\u200bồ s\u200bơ"
    dirty = re.sub(r"(\w)(?=\w)", lambda m: m.group(1) + char, seed)
    (tmp_path / "a.txt").write_text(dirty, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b", "text": dirty, "title": f"Tin{char}"}), encoding="utf-8")
    out = tmp_path / "out"
    records, _ = check_run(run([tmp_path], out), out, ["a", "b"], [])
    for record in records:
        assert record["text"] == clean["text"]  # the returned text: the invisible characters removed
        assert [(f["span"], f["surface"], f["value"]) for f in record["figures"]] == [
            (f["span"], f["surface"], f["value"]) for f in clean["figures"]]
        assert any(f"U+{ord(char):04X}" in w and "invisible" in w for w in record["warnings"])
    assert records[1]["title"] == "Tin"


def test_invisible_characters_through_the_python_api():
    record = pipeline.extract_text("UBND huyện Tân Hồng tiếp nhận 2.0\u200b65 h\u200cồ sơ\u200f.").to_dict()
    assert [f["surface"] for f in record["figures"]] == ["2.065"]
    assert_spans(record)
    assert record["warnings"] == ["removed 3 invisible characters from the text (U+200B, U+200C, U+200F)"]


# --------------------------------------------------------------------------- duplicate ids

def test_duplicate_ids_are_errors_and_the_first_is_kept(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(line({"id": "x", "text": VI}) + line({"id": "y", "text": VI})
                                       + line({"id": "x", "text": VI + " Khác."}))
    (tmp_path / "b.json").write_text(json.dumps({"id": "y", "text": VI}), encoding="utf-8")
    (tmp_path / "c.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    _, errors = check_run(run([tmp_path], out), out, ["x", "y", "c"],
                          [("a.jsonl#3", "DuplicateId"), ("b.json", "DuplicateId")])
    assert "'x'" in errors[0]["message"]


# --------------------------------------------------------------------------- terminal injection

def test_control_characters_in_names_are_escaped_on_stderr(tmp_path):
    evil = tmp_path / "evil\x1b]0;owned\x07\x1b[31m\u202e.txt"
    evil.write_bytes(b"")  # an error, so its name is printed
    (tmp_path / "good.txt").write_text(VI, encoding="utf-8")
    out = tmp_path / "out"
    res = run([tmp_path], out)
    _, errors = check_run(res, out, ["good"], [(".txt", "EmptyInput")])
    err = res.stderr.decode()
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "evil\\x1b]0;owned\\x07\\x1b[31m\\u202e.txt" in err
    assert errors[0]["source"] == str(evil)  # the record keeps the name as it is (JSON-escaped)


def test_check_escapes_control_characters_in_names(tmp_path):
    evil = tmp_path / "bad\x1b[2Jname.txt"
    evil.write_text(VI, encoding="utf-8")
    res = cchc("check", str(evil))
    out = res.stdout.decode()
    assert res.returncode == 0 and "\x1b" not in out and "bad\\x1b[2Jname.txt" in out
    empty = tmp_path / "e\x1b[2J.txt"
    empty.write_bytes(b"")
    res = cchc("check", str(empty))
    assert res.returncode == 1 and "\x1b" not in no_traceback(res) and "e\\x1b[2J.txt" in res.stderr.decode()
