"""Ingest: formats, decodings, bad inputs (each reported, none stopping the batch)."""
import codecs
import json
import unicodedata

import pytest

from pipeline.ingest import InputError, RawArticle, decode_bytes, IngestError, iter_articles

TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text):
    """Windows-1258 keeps the tone marks as combining characters after precomposed bases."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


VI = "Bộ phận tiếp nhận và trả kết quả của xã Thụy Phú đã tiếp nhận 1.140 hồ sơ, 100% đúng hạn."


def read_all(paths):
    return list(iter_articles([str(p) for p in paths]))


@pytest.mark.parametrize("data,warning", [
    (VI.encode("utf-8"), None),
    (codecs.BOM_UTF8 + VI.encode("utf-8"), None),
    (codecs.BOM_UTF16_LE + VI.encode("utf-16-le"), "decoded as utf-16"),
    (codecs.BOM_UTF16_BE + VI.encode("utf-16-be"), "decoded as utf-16"),
    (to_cp1258(VI), "decoded as windows-1258"),
    (unicodedata.normalize("NFD", VI).encode("utf-8"), None),
])
def test_decodings_give_nfc_text(data, warning):
    text, warnings = decode_bytes(data)
    assert text == unicodedata.normalize("NFC", VI)
    assert warnings == ([warning] if warning else [])


@pytest.mark.parametrize("data,kind", [
    (b"", "EmptyInput"),
    (b"   \n\n", "EmptyInput"),
    (bytes(range(256)) * 4, "BinaryInput"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "BinaryInput"),
    (b"abc \xff\xfe\xfd \x81\x8d garbage \xc3\x28", "DecodeError"),
])
def test_bad_bytes_raise_clear_errors(data, kind):
    with pytest.raises(IngestError) as exc:
        decode_bytes(data)
    assert exc.value.kind == kind
    assert str(exc.value)


def test_formats(tmp_path):
    (tmp_path / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "art-b", "text": VI, "title": "T", "published": "2024-01-02"}), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": VI}) + "\n" + "{broken\n" + json.dumps({"id": "c3", "html": f"<html><body><article><p>{VI}</p></article></body></html>"}) + "\n",
        encoding="utf-8")
    (tmp_path / "d.html").write_text(f"<html><head><title>Tiêu đề</title></head><body><article><h1>Tiêu đề</h1><p>{VI}</p><p>{VI}</p></article></body></html>", encoding="utf-8")
    items = read_all([tmp_path])
    ok = [i for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.doc_id for a in ok] == ["a", "art-b", "c1", "c3", "d"]
    assert [a.source for a in ok][2:4] == [f"{tmp_path}/c.jsonl#1", f"{tmp_path}/c.jsonl#3"]
    assert ok[1].title == "T" and ok[1].published == "2024-01-02"
    assert "1.140 hồ sơ" in ok[3].text and "1.140 hồ sơ" in ok[4].text and "<p>" not in ok[4].text
    assert [(b.source, b.error) for b in bad] == [(f"{tmp_path}/c.jsonl#2", "MalformedJSON")]


def test_directory_order_and_ignore_file(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "gold/g.jsonl", ".hidden.txt", "notes.csv"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(VI, encoding="utf-8")
    (tmp_path / ".cchcignore").write_text("gold/\n", encoding="utf-8")
    assert [a.doc_id for a in read_all([tmp_path])] == ["a", "b", "c"]


def test_missing_path_is_an_error():
    [err] = read_all(["/nonexistent/file.txt"])
    assert isinstance(err, InputError) and err.error == "FileNotFoundError"


def test_too_large_file_rejected(tmp_path, monkeypatch):
    import pipeline.ingest as ingest
    monkeypatch.setattr(ingest, "MAX_INPUT_BYTES", 100)
    (tmp_path / "big.txt").write_text(VI * 10, encoding="utf-8")
    [err] = read_all([tmp_path / "big.txt"])
    assert err.error == "InputTooLarge" and "limit" in err.message


def test_crlf_becomes_lf(tmp_path):
    (tmp_path / "x.txt").write_bytes(("Tiêu đề\r\n\r\n" + VI + "\r\n").encode("utf-8"))
    [a] = read_all([tmp_path / "x.txt"])
    assert "\r" not in a.text


def test_html_metadata_date_and_title(tmp_path):
    html = ('<html><head><title>Huyện X cải cách</title>'
            '<meta property="article:published_time" content="2024-03-05T10:00:00+07:00"></head>'
            '<body><nav>Trang chủ | Tin tức</nav><article><h1>Huyện X cải cách</h1>'
            f'<p>{VI}</p><p>{VI}</p></article><footer>Giấy phép xuất bản số 1</footer></body></html>')
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [a] = read_all([tmp_path / "p.html"])
    assert a.title == "Huyện X cải cách" and a.published == "2024-03-05"
    assert a.text.startswith("Huyện X cải cách") and "Trang chủ" not in a.text and "Giấy phép" not in a.text
