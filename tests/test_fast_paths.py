"""The speed-ups are the slow definitions they replace: each fast path against the plain loop
it stands for, on random inputs (records byte for byte the same is the end-to-end check:
test_records.test_extracted_matches_a_fresh_run and benchmarks/scaling.py)."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.officials.linking import names_test
from pipeline.segment import underthesea_sent_tokenize
from pipeline.spans import SpanSet
from pipeline.unit_refs import _last_named, _positions_by_type
from pipeline.textkeys import fold, key

span = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=25), st.lists(span, max_size=10), span)
def test_span_set_overlap_is_any_overlap(initial, added, query):
    spans = SpanSet(initial)
    for s, e in added:
        spans.add(s, e)
    every = initial + added
    assert spans.overlaps(*query) == any(ts < query[1] and query[0] < te for ts, te in every)
    assert len(spans) == len(every)


def test_span_set_examples():
    spans = SpanSet([(10, 20)])
    assert spans.overlaps(19, 25) and spans.overlaps(0, 11) and spans.overlaps(12, 13)
    assert not spans.overlaps(20, 30) and not spans.overlaps(0, 10)
    spans.add(100, 200)  # a long span later: found from a start far before the query
    assert spans.overlaps(190, 191) and not spans.overlaps(200, 201)


TYPES = ["xã", "huyện", "tỉnh", None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 80), st.sampled_from(TYPES)), max_size=15, unique_by=lambda t: t[0]),
       st.sampled_from(TYPES[:3]), st.integers(0, 90))
def test_last_named_is_the_last_of_the_filtered_lists(mentions, utype, ts):
    named = sorted((s, s + 3, {"id": f"u{s}", "type": t}) for s, t in mentions)
    prior = before = [u for s, e, u in named if s < ts and u["type"] == utype]
    if not prior:
        prior = [u for s, e, u in named if u["type"] == utype]
    expected = prior[-1] if prior else None
    assert _last_named(named, _positions_by_type(named), utype, ts) is expected
    assert _last_named(named, _positions_by_type(named), utype, ts, anywhere=False) is (before[-1] if before else None)
    # only the units a filter keeps (the subjects' units that exist after the 2025 merger)
    kept = [u for s, e, u in named if s % 2 == 0 and s < ts and u["type"] == utype]
    by_type = _positions_by_type(named, lambda u: int(u["id"][1:]) % 2 == 0)
    assert _last_named(named, by_type, utype, ts, anywhere=False) is (kept[-1] if kept else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(span, max_size=20), st.lists(st.integers(0, 12), max_size=8), st.integers(0, 5), st.booleans())
@example([(5, 5), (3, 5), (5, 6)], [5, 0, 5], 0, True)  # an empty mention where paragraphs meet
def test_mentions_inside_each_paragraph_are_the_plain_filter_s(mention_spans, lengths, gap, apart):
    """unit_mentions.inside_each (bisection over the paragraphs' starts) keeps, per paragraph, the
    mentions inside it in list order, as testing every mention against every paragraph does;
    paragraphs out of order or overlapping fall back to that test."""
    from pipeline.unit_mentions import Mention, inside_each

    mentions = [Mention(s, e, "commune", f"k{s}", "x", "xã") for s, e in mention_spans]
    paragraphs, pos = [], 0
    for n in lengths:
        paragraphs.append((pos, pos + n))
        pos += n + (gap if apart else -min(gap, n))
    plain = [[x for x in mentions if s <= x.start and x.end <= e] for s, e in paragraphs]
    assert inside_each(mentions, paragraphs) == plain


def _substring_test(names):
    return lambda folded: any(all(w in folded for w in k.split()) for k in names)


WORDS = ["nguyễn", "văn", "an", "lan", "hoàng", "minh", "anh", "tuấn"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join), max_size=5),
       st.lists(st.sampled_from(WORDS + ["ông", ",", "bà", "2024", "khánh"]), max_size=12))
def test_names_test_passes_every_paragraph_naming_someone_in_full(names, words):
    """The word test passes no paragraph the substring test fails, and every paragraph where a
    name occurs as whole words (where full_mentions can find it)."""
    folded = " ".join(words)
    fast, slow = names_test(dict.fromkeys(names)), _substring_test(names)
    if fast(folded):
        assert slow(folded)
    tokens = folded.split()
    if any(all(w in tokens for w in name.split()) for name in names):
        assert fast(folded)


def test_names_test_examples():
    test = names_test(dict.fromkeys(["nguyễn văn an", "lê thị 3a"]))
    assert test("ông nguyễn văn an, chủ tịch")
    assert not test("ông nguyễn văn lan")  # "an" inside "lan" is not the word "an"
    assert test("lê thị 3a")  # a syllable that is not a letter token: the substring test


def test_cached_fold_and_key_equal_the_uncached():
    from pipeline.textkeys import SHORT_TEXT, _fold

    for text in ["Thuỵ Khuê", "ỦY BAN", "xã Hoà Bình", "A" * (SHORT_TEXT + 5) + " Hoá"]:
        assert fold(text) == _fold(text) and len(fold(text)) == len(text)
    assert key("  Ủy   ban\tnhân dân ") == "ủy ban nhân dân"
    assert fold("İ") == _fold("İ")


def test_sentence_splitter_is_underthesea_s():
    """Loaded without underthesea's package import, it is the same function's code."""
    import underthesea.pipeline.sent_tokenize as module

    split = underthesea_sent_tokenize()
    assert split.__code__.co_code == module.sent_tokenize.__code__.co_code
    text = "Năm 2024, TP. Hồ Chí Minh giảm 1.500 thủ tục. Tỉnh đạt 95,5%! Ông A nói..."
    assert split(text) == module.sent_tokenize(text)


SENTENCE_PIECES = ["a", "A", "Ông", "tp", "TP", "1", "5", ".", ".", "...", "?", "!", " ", " ", "\t", "\n", "…",
                   "e.g", "é", "Đ", "\r"]


def _fast_sentences(text: str) -> list[str]:
    from pipeline.segment import _boundary_test, _sentence_spans

    return [text[s:e] for s, e in _sentence_spans(text, _boundary_test())]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=40))
def test_fast_sentence_splitter_is_underthesea_s(pieces):
    """Jumping from one ".?!" to the next splits as underthesea's character-by-character loop."""
    import underthesea.pipeline.sent_tokenize as module

    text = "".join(pieces)
    assert _fast_sentences(text) == module.sent_tokenize(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES + ["\u00a0", "\u2003"]), max_size=40))
def test_sentence_spans_are_where_align_finds_underthesea_s_sentences(pieces):
    import underthesea.pipeline.sent_tokenize as module

    from pipeline.segment import _boundary_test, _sentence_spans, align

    text = "".join(pieces)
    assert _sentence_spans(text, _boundary_test()) == align(text, module.sent_tokenize(text))


def test_fast_sentence_splitter_examples():
    import underthesea.pipeline.sent_tokenize as module

    from pipeline.segment import _boundary_test

    assert _boundary_test() is not None  # the fast path is taken with this underthesea
    for text in ["Năm 2024, TP. Hồ Chí Minh giảm 1.500 thủ tục. Tỉnh đạt 95,5%! Ông A nói... Xong",
                 "Kết quả... tốt. Vì sao?! Bởi e.g. vậy", "", "   ", "không có dấu chấm"]:
        assert _fast_sentences(text) == module.sent_tokenize(text)
    assert _fast_sentences("Ông A nói... Xong. TP. HCM") == ["Ông A nói...", "Xong.", "TP. HCM"]


def test_startup_cache_builds_once_per_key(tmp_path, monkeypatch):
    from pipeline import startup_cache

    monkeypatch.setenv(startup_cache.CACHE_ENV, str(tmp_path))
    built = []

    def build():
        built.append(1)
        return {"entries": [1, 2, 3]}

    assert startup_cache.load_or_build("thing", "k1", build) == {"entries": [1, 2, 3]}
    assert startup_cache.load_or_build("thing", "k1", build) == {"entries": [1, 2, 3]}
    assert len(built) == 1  # the second came from the file
    startup_cache.load_or_build("thing", "k2", build)  # another version: built, stored beside the first
    assert len(built) == 2 and sorted(p.name for p in tmp_path.glob("thing-*")) == ["thing-k1.pickle", "thing-k2.pickle"]
    (tmp_path / "thing-k2.pickle").write_bytes(b"not a pickle")
    assert startup_cache.load_or_build("thing", "k2", build) == {"entries": [1, 2, 3]} and len(built) == 3
    assert startup_cache.load_or_build("thing", "k1", build) and len(built) == 3  # versions in turn: no rebuild


def test_startup_cache_keeps_the_values_used_last(tmp_path, monkeypatch):
    import os

    from pipeline import startup_cache

    monkeypatch.setenv(startup_cache.CACHE_ENV, str(tmp_path))
    keys = [f"k{n}" for n in range(startup_cache.KEEP + 1)]
    for n, key in enumerate(keys[:-1]):
        startup_cache.load_or_build("thing", key, lambda: 1)
        os.utime(tmp_path / f"thing-{key}.pickle", ns=(n * 10**9, n * 10**9))  # used in this order
    startup_cache.load_or_build("thing", keys[0], lambda: 2)  # used again: now the most recent
    startup_cache.load_or_build("thing", keys[-1], lambda: 3)  # one more version: the least recent goes
    assert sorted(p.name for p in tmp_path.glob("thing-*")) == sorted(f"thing-{k}.pickle" for k in keys if k != "k1")


def test_startup_cache_off_or_unwritable_builds_every_time(tmp_path, monkeypatch):
    from pipeline import startup_cache

    monkeypatch.setenv(startup_cache.CACHE_ENV, "off")
    assert startup_cache.load_or_build("thing", "k", lambda: 7) == 7
    assert not list(tmp_path.iterdir())
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setenv(startup_cache.CACHE_ENV, str(blocked / "cache"))
    assert startup_cache.load_or_build("thing", "k", lambda: 8) == 8


def test_startup_cache_key_follows_the_data_files(tmp_path):
    import os

    from pipeline.startup_cache import cache_key

    data = tmp_path / "data.db"
    data.write_bytes(b"one")
    first = cache_key([data])
    assert cache_key([data]) == first
    data.write_bytes(b"two!")
    os.utime(data, ns=(1, 1))
    assert cache_key([data]) != first


def test_cached_register_is_the_built_one(tmp_path, monkeypatch):
    from pipeline import gazetteer as gz
    from pipeline.startup_cache import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    built = gz.Gazetteer(gz._package_data())
    gz.gazetteer.cache_clear()
    try:
        first = gz.gazetteer()  # built and stored
        second_process = (gz.gazetteer.cache_clear(), gz.gazetteer())[1]  # read from the file
    finally:
        gz.gazetteer.cache_clear()
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    for g in (first, second_process):
        assert g._by_name == built._by_name and g._by_code == built._by_code
        assert g._former == built._former and g._province_alias == built._province_alias
    assert second_process.lookup("district", "Tân Hồng") == built.lookup("district", "Tân Hồng")


def test_fingerprint_is_datasketch_minhash_with_its_defaults():
    """The MinHash written out over numpy (cached permutations, SHA-1s hashed in one go) gives
    datasketch's own MinHash values."""
    import numpy as np
    from datasketch import MinHash

    from pipeline import duplicates

    reference_perms = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, scheme=duplicates.SCHEME).permutations
    assert all(np.array_equal(ours, theirs) for ours, theirs in zip(duplicates._permutations(), reference_perms))
    for text in ["", "một", "Năm 2024 tỉnh giảm 1.500 thủ tục hành chính, đạt 95% kế hoạch.",
                 " ".join(f"từ{i}" for i in range(200))]:
        tokens = duplicates.words(text)
        reference = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, scheme=duplicates.SCHEME)
        grams = duplicates.shingles(tokens)
        if grams:
            reference.update_batch(sorted(grams))
            assert duplicates.sha1_hashes32(sorted(grams)) == [duplicates.sha1_hash32(g) for g in sorted(grams)]
        assert np.array_equal(duplicates.fingerprint(text).minhash, reference.hashvalues.astype(np.uint32))
    tokens = "a b c d e f g".split()
    assert duplicates.shingles(tokens) == {" ".join(tokens[i:i + 5]).encode() for i in range(3)}
    assert duplicates.shingles(tokens[:3]) == {b"a b c"}


def test_duplicate_candidates_are_datasketch_lsh_s():
    """The banding is datasketch MinHashLSH's: its bands for the threshold, and the same
    candidates for every query, as articles are added and removed."""
    import random

    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH
    from datasketch.lsh import _optimal_param

    from pipeline import duplicates

    assert _optimal_param(duplicates.THRESHOLD, duplicates.NUM_PERM, 0.5, 0.5) == (duplicates.BANDS, duplicates.ROWS)
    rng = random.Random(3)
    base = [" ".join(f"w{rng.randrange(60)}" for _ in range(40)) for _ in range(6)]
    texts = [" ".join(w for w in rng.choice(base).split() if rng.random() < 0.9) for _ in range(60)]
    index, lsh = duplicates.DuplicateIndex(), MinHashLSH(threshold=duplicates.THRESHOLD, num_perm=duplicates.NUM_PERM)
    fps = [duplicates.fingerprint(t) for t in texts]

    def lean(fp):
        return LeanMinHash(seed=duplicates.SEED, hashvalues=fp.minhash, scheme=duplicates.SCHEME)

    found = 0
    for i, fp in enumerate(fps):
        assert index.candidates(fp) == set(lsh.query(lean(fp)))
        found += len(index.candidates(fp))
        index.add(f"d{i}", i, fp, None)
        lsh.insert(f"d{i}", lean(fp), check_duplication=False)
        if i % 7 == 6:
            index.remove(f"d{i - 3}")
            lsh.remove(f"d{i - 3}")
    assert found > 0
    assert all(index.candidates(fp) == set(lsh.query(lean(fp))) for fp in fps)


PHRASES = [("xã",), ("xã", "an"), ("an", "phú"), ("phú",), ("tỉnh",), ("sáp", "nhập", "tỉnh"), ("34", "tỉnh,", "thành")]
PIECES = ["xã", "an", "phú", "tỉnh", "sáp", "nhập", "34", "thành", "x", "é", "1", " ", "  ", ",", "-", "\u00a0", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 80), st.integers(0, 80))
def test_phrase_finder_finds_what_its_pattern_finds(pieces, pos, endpos):
    """The pre-scanned search yields exactly the pattern's own non-overlapping matches, inside
    any window (a letter just outside the window still counts before a phrase)."""
    import regex

    from pipeline.textkeys import PhraseFinder, folded_alternation

    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?:{folded_alternation(' '.join(p) for p in PHRASES)})(?![\p{{L}}\d])")
    finder = PhraseFinder(pattern, PHRASES)
    text = "".join(pieces)
    pos, endpos = min(pos, len(text)), min(max(pos, endpos), len(text))
    assert [m.span() for m in finder.finditer(text, pos, endpos)] == \
        [m.span() for m in pattern.finditer(text, pos, endpos)]
    found, first = finder.search(text, pos, endpos), pattern.search(text, pos, endpos)
    assert (found and found.span()) == (first and first.span())


def test_phrase_finder_examples():
    import regex

    from pipeline.textkeys import PhraseFinder

    pattern = regex.compile(r"(?<![\p{L}\d])(?:xã[ \t\u00a0]+an|xã)(?![\p{L}\d])")
    finder = PhraseFinder(pattern, [("xã", "an"), ("xã",)])
    text = "bxã an, xã an1 và xã  an"
    assert [m.group() for m in finder.finditer(text)] == ["xã", "xã  an"] == [m.group() for m in pattern.finditer(text)]
    assert [m.span() for m in finder.finditer("xã xã", 1)] == [(3, 5)]  # "ã" before pos 1 is a letter
    # a candidate the pattern refuses ("an-phú" is no phrase, "1an" has a digit before it) still
    # leaves a phrase inside it to be found
    pattern = regex.compile(r"(?<![\p{L}\d])(?:an[ \t\u00a0]+phú|phú)(?![\p{L}\d])")
    finder = PhraseFinder(pattern, [("an", "phú"), ("phú",)])
    for text in ("an-phú", "1an phú", "an phú"):
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.group() for m in finder.finditer("1an phú")] == ["phú"]
    # a pattern whose phrases may run on into letters ("tp." of "tp.hcm") needs `open_end`
    pattern = regex.compile(r"(?<![\p{L}\d])(?:tp\.|tp(?![\p{L}\d]))")
    text = "tp.hcm, tp hà nội, atp."
    assert [m.group() for m in PhraseFinder(pattern, [("tp.",), ("tp",)], open_end=True).finditer(text)] == \
        ["tp.", "tp"] == [m.group() for m in pattern.finditer(text)]


def test_caseless_only_characters_of_the_partition_phrases():
    """CASELESS_ONLY_RE holds every character that the caseless pattern pairs with a letter of
    a partition phrase though it does not lower to it (over all code points)."""
    import regex

    from pipeline.checks import partitions

    _, owner = partitions.class_finder()
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    odd = {c for p in set("".join(owner)) for c in regex.findall(regex.escape(p), chars, regex.IGNORECASE)
           if c.lower() != p}
    assert odd == set(partitions.CASELESS_ONLY_RE.pattern.strip("[]"))


PARTITION_PIECES = ["đúng hạn", "ĐÚNG HẠN", "Trễ Hạn", "qua mạng", "qua bưu điện", "bưu chính", "cấp xã", "hạn",
                    "Đúng", " ", "a", "1", "ſ", "İ", "ı", ","]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PARTITION_PIECES), max_size=12))
def test_partition_hits_are_the_caseless_pattern_s(pieces):
    from pipeline.checks import partitions

    text = "".join(pieces)
    pattern, _ = partitions.class_finder()
    assert partitions.partition_hits(text) == [m.start() for m in pattern.finditer(text)]


def test_period_start_followers_are_safe_on_lowered_text():
    """The followers run on lowered text with `re`: its \\s holds all of the regex module's,
    and every character the caseless period pattern pairs with their letters lowers to that
    letter, or is one of SPECIAL_CASE_RE's (whose texts are scanned caselessly, unfiltered)."""
    import re

    import regex

    from pipeline import periods

    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert set(regex.findall(r"\s", chars)) <= set(re.findall(r"\s", chars))
    letters = {c for follower in periods.START_FOLLOWERS.values() for c in regex.sub(r"\\s|[^\w]", "", follower.pattern)}
    odd = {c for p in letters for c in regex.findall(regex.escape(p), chars, regex.IGNORECASE) if c.lower() != p}
    assert odd <= set(periods.SPECIAL_CASE_RE.pattern.strip("[]"))
    assert all(periods.PERIOD_START_RE.fullmatch(word) for word in periods.START_FOLLOWERS)


PERIOD_PIECES = ["trong", "Trong", "TRONG", "chỉ", "Chỉ", "riêng", "hiện", "Hiện", "những", "Những", "thời", "THỜI",
                 "ngày", "tháng", "tuần", "quý", "nay", "tại", "có", "bố trí", "năm", "qua", "vừa", "kỳ", "gian",
                 "1/7/2025", "2021-2025", "2024", "I", " ", "  ", "\u00a0", ",", ".", "sau", "hơn", "Gần", "hai", "ba",
                 "đến", "Tới", "tính", "nhiệm", "hết", "cuối", "thời điểm này", "3", "khoảng", "vận hành thử nghiệm"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=14))
def test_period_start_followers_skip_only_starts_the_pattern_refuses(pieces):
    from pipeline import periods

    text = "".join(pieces)
    saved = dict(periods.START_FOLLOWERS)
    try:
        periods.START_FOLLOWERS.clear()
        plain = periods.find_periods(text, 0, len(text), "2025-09-01")
    finally:
        periods.START_FOLLOWERS.update(saved)
    assert periods.find_periods(text, 0, len(text), "2025-09-01") == plain


# a period, its restatement in brackets and the same dates again ("9 tháng đầu năm 2024 (từ 1/1
# đến 30/9/2024), từ 1/1 đến 30/9/2024"): phrases merged with the one before them
RESTATED_PIECES = ["9 tháng đầu năm 2024", " (từ 1/1 đến 30/9/2024)", ", từ 1/1 đến 30/9/2024", " năm 2023", ". ",
                   "\n", "trong", " ", "tháng", "hiện nay"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RESTATED_PIECES), max_size=10), st.floats(0, 1))
def test_period_scan_to_a_stop_finds_the_same_phrases_before_it(pieces, where):
    from pipeline import periods

    text = "".join(pieces)
    stop = int(where * len(text))
    before = lambda found: [p for p in found if p.start_pos < stop]
    assert before(periods.find_periods(text, 0, len(text), "2025-09-01", stop)) == \
        before(periods.find_periods(text, 0, len(text), "2025-09-01"))


def test_period_scan_to_a_stop_keeps_a_restatement_after_it():
    from pipeline import periods

    text = "Sau 3 tháng vận hành chính quyền địa phương 2 cấp (từ ngày 1/7 đến 30/9/2025), năm 2024. Quý I/2023"
    whole = periods.find_periods(text, 0, len(text), "2025-10-01")
    cut = periods.find_periods(text, 0, len(text), "2025-10-01", stop=text.index("(") + 1)
    # the phrase before the stop runs on over its restatement; the scan ends at the next one
    assert cut[0] == whole[0] and cut[0].text.endswith("2025)") and cut == whole[:2] and len(whole) == 3


def test_period_start_followers_examples():
    from pipeline import periods

    text = "Trong ngày 1/7/2025, hiện có 5 xã; những năm qua và thời gian qua, chỉ trong ngày 2/9/2025. Hiện nay"
    found = [p.text for p in periods.find_periods(text, 0, len(text), "2025-09-01")]
    assert found == ["Trong ngày 1/7/2025", "hiện", "những năm qua", "thời gian qua", "chỉ trong ngày 2/9/2025",
                     "Hiện nay"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.integers(0, 50), st.integers(0, 50), st.one_of(st.none(), st.text(max_size=12)),
       st.dictionaries(st.sampled_from(["body", "duplicate_of", "x"]), st.one_of(st.none(), st.text(max_size=5)),
                       max_size=3))
def test_record_line_read_without_parsing_is_the_parsed_one(text, s, e, duplicate_of, meta):
    """The archive reads a worker's record line (body span, last member "duplicate_of": null)
    without decoding it: the same body, and the same line with duplicate_of set, as decoding
    and encoding it again; any other line is left to the parser."""
    import json

    from pipeline.duplicates import record_body
    from pipeline.manifest import _fresh_record, _with_duplicate_of
    from pipeline.writer import encode_line

    record = {"doc_id": "d\"1", "source": "\"body\":[1,2]", "text": text, "title": None,
              "authors": ["body"], "body": [s, e], "figures": [], "meta": meta, "duplicate_of": None}
    line = encode_line(record)
    assert _fresh_record(line, text) == record_body(json.loads(line), text)
    parsed = json.loads(line)
    parsed["duplicate_of"] = duplicate_of
    assert _with_duplicate_of(line, duplicate_of) == encode_line(parsed)
    assert _fresh_record(encode_line(parsed), text) is None or duplicate_of is None
    assert _fresh_record(line, None) is None
    assert _fresh_record(encode_line({**record, "excerpts": {}}), text) is None  # --no-text: parse it


rank_pieces = st.lists(st.sampled_from(["xếp", "đứng", "giữ", "vị trí", "hạng", "thứ", "số", "ba", "nhất", "12",
                                        "và", ",", ";", " ", "về", "PCI", "tỉnh", "năm", "cuối", "(", "lên",
                                        "mười", "bốn", "là"]), max_size=14)


@settings(max_examples=400, deadline=None)
@given(rank_pieces, st.integers(0, 80))
def test_rank_prefilters_skip_only_texts_the_patterns_refuse(pieces, cut):
    """The substring tests before the rank patterns never hide a match."""
    from pipeline import number_exclusions as ne
    from pipeline import numbers

    folded = " ".join(pieces)
    s = min(cut, len(folded))
    plain = bool(ne.ELLIPTIC_RANK_RE.search(folded, max(0, s - 90), s)) or bool(
        ne.PLACE_THEN_THU_RE.search(folded, max(0, s - 40), s)) or (
        bool(ne.BRACKET_THU_RE.search(folded, max(0, s - 12), s)) and bool(ne.RANKING_CONTEXT_RE.search(folded, max(0, s - 160), s))) or (
        bool(ne.ORDINAL_THU_BEFORE_RE.search(folded, max(0, s - 6), s))
        and bool(ne.RANK_LIST_RE.search(folded, max(0, s - 240), s)))
    assert ne.elliptic_rank(folded, s) == plain
    expected = [(n.start, n.end) for n in numbers._read_ordinal_ranks(folded, folded, 0, s)]
    assert [(n.start, n.end) for n in numbers._ordinal_ranks(folded, folded, 0, s)] == expected


def test_bmp_classes_are_the_regex_module_s():
    """Every character of the Basic Multilingual Plane is in a `bmp_classes` class exactly when
    the `regex` property matches it."""
    import re

    import regex

    from pipeline.textkeys import BMP_PROPERTIES, bmp_classes

    props = BMP_PROPERTIES
    bmp = "".join(map(chr, range(0x10000)))
    for prop, chars in zip(props, bmp_classes(props)):
        assert re.findall(f"[{chars}]", bmp) == regex.findall(prop, bmp), prop


token_text = st.text(alphabet=st.sampled_from(list(
    "aĐđÀỳẠ AZ09\u0660\u0669\u0301\u0323\u00a0\t\n\u2028\u0085,.()-–&^[]\\|~\"'\u200b\U0001d400\U00020000ℕ²")),
    max_size=40)


@settings(max_examples=400, deadline=None)
@given(token_text, st.integers(0, 5), st.integers(0, 5))
def test_officials_tokens_are_token_re_s(text, cut_start, cut_end):
    """The paragraph tokens read by the `re` scan are TOKEN_RE's matches, with the same
    offsets, words and spacing (beyond the Basic Multilingual Plane TOKEN_RE itself is used)."""
    from types import SimpleNamespace

    from pipeline.officials.lexicon import TOKEN_RE
    from pipeline.officials.reader import tokenize

    s0, e0 = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    toks = tokenize(SimpleNamespace(text=text, folded=fold(text) if len(fold(text)) == len(text) else text), (s0, e0))
    spans = [m.span() for m in TOKEN_RE.finditer(text, s0, e0)]
    assert list(zip(toks.s, toks.e)) == spans
    assert toks.texts == [text[s:e] for s, e in spans]
    assert toks.spaced == [s > prev for s, prev in zip([s for s, _ in spans], [s0, *[e for _, e in spans]])]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aĐđẠ Z09\u0660\u2163²\u0301 \u00a0\n,.-_ß\u0130ﬁ\U0001d400\U00020000")),
               max_size=40))
def test_duplicate_words_are_the_word_pattern_s(text):
    """The words the fingerprint shingles, found by the `re` scan, are _WORD_RE's."""
    import unicodedata

    from pipeline import duplicates

    assert duplicates.words(text) == duplicates._WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["một", "hai", "ba", "bảy", "năm", "nhăm", "mười", "mươi", "tư", "đầu", "thai", "x",
                                 "_", "2", "²", " ", ",", "\u0301", "không", "khôngx"]), max_size=12),
       st.integers(0, 6), st.integers(0, 6))
def test_word_number_starts_are_the_look_behind_pattern_s(pieces, cut_start, cut_end):
    """The number-word starts found without a look-behind are those of the pattern with it."""
    import re

    from pipeline import numbers

    folded = "".join(pieces)
    start, end = min(cut_start, len(folded)), max(min(cut_start, len(folded)), len(folded) - cut_end)
    plain = re.compile(rf"(?<![^\W_])(?:{numbers.NUMBER_WORDS})(?![^\W_])")
    assert list(numbers._word_number_starts(folded, start, end)) == [
        m.start() for m in plain.finditer(folded, start, end)]



@settings(max_examples=300, deadline=None)
@given(token_text)
def test_letter_tokens_are_the_letter_pattern_s(text):
    from pipeline.officials.linking import LETTER_TOKEN_RE, _letter_tokens

    assert _letter_tokens(text) == LETTER_TOKEN_RE.findall(text)


def test_latin_letter_set_is_the_class():
    import re

    from pipeline.textkeys import _LATIN_LETTER_SET, LATIN_LETTERS

    pattern = re.compile(f"[{LATIN_LETTERS}]")
    assert {chr(i) for i in range(0x110000) if pattern.fullmatch(chr(i))} == _LATIN_LETTER_SET


phrase_words = st.sampled_from(["hồ", "sơ", "hồ sơ", "h", "ồ", "thủ tục", "thủ", "%", "xã , phường", "xã, phường", "a"])


@settings(max_examples=400, deadline=None)
@given(st.lists(phrase_words, min_size=1, max_size=6), st.lists(st.sampled_from(["hồ", "sơ", " ", "thủ", "tục", "h",
                                                                             "%", ",", "xã", "phường", "a", "1"]),
                                                           max_size=10), st.integers(0, 30))
def test_phrase_at_and_before_are_the_longest_phrase_there(phrases, pieces, pos):
    """The indexed look-ups find what a pass over every phrase finds: the longest phrase that
    starts (ends) there on a word boundary."""
    from pipeline.numerals import Phrases, phrase_at, phrase_before

    table, folded = Phrases(phrases), "".join(pieces)
    pos = min(pos, len(folded))
    at = [p for p in table if folded.startswith(p, pos) and (pos + len(p) == len(folded)
                                                             or not folded[pos + len(p)].isalnum())]
    assert phrase_at(folded, pos, table) == (max(at, key=len) if at and pos < len(folded) else None)
    end = len(folded[:pos].rstrip(" \u00a0"))
    before = [p for p in table if end and folded[:end].endswith(p) and (end == len(p)
                                                                        or not folded[end - len(p) - 1].isalnum())]
    assert phrase_before(folded, pos, table) == (max(before, key=len) if before else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["dân số", "TP. HCM", "Hà Nội", "tỉnh", "gần", "lãi suất", "ở mức", "hồ sơ", " ",
                                 "Số lượt xem:", "x", "Ư", "giảm", "tăng lên", "đạt", "\u00a0", "A.", "vẫn"]), max_size=8))
def test_context_prefilters_skip_only_windows_without_a_match(pieces):
    """The tests of how a window ends, before CONTEXT_VERB_RE and PLACE_GAP_RE, change no
    context decision."""
    import regex

    from pipeline import number_exclusions as ne
    from pipeline.textkeys import fold

    text = " ".join(pieces) + " 12"
    folded, s = fold(text), len(text) - 2
    fast = ne._context_before(folded, s, text)
    saved = ne.PLACE_END_RE, ne.CONTEXT_VERB_ENDS
    try:
        ne.PLACE_END_RE, ne.CONTEXT_VERB_ENDS = regex.compile(""), ("",)  # tests that always pass
        assert ne._context_before(folded, s, text) == fast
    finally:
        ne.PLACE_END_RE, ne.CONTEXT_VERB_ENDS = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["trong đó", "Trong đó", "nên", "nhưng", "song", "do đó", "vì vậy", "vì thế", "3.5",
                                 "TP.", "tp.", "x.", "(", ";", "\n", " ", "hồ sơ", "songs", "ngân", "2"]), max_size=10),
       st.integers(0, 60), st.integers(0, 60))
def test_post_break_is_the_pattern_s_search(pieces, pos, end):
    from pipeline.figure_cues import POST_BREAK_RE, post_break

    text = "".join(pieces)
    pos, end = min(pos, len(text)), min(end, len(text))
    found, expected = post_break(text, pos, end), POST_BREAK_RE.search(text, pos, end)
    assert (found and found.span()) == (expected and expected.span())


def test_gap_pattern_prefilters_pass_every_gap_the_patterns_match():
    """The tests of how a gap ends (starts) before LIST_GAP_RE, RESTATEMENT_GAP_RE and
    PARALLEL_GAP_RE pass whatever the patterns match."""
    import random

    from pipeline import figure_metrics as fg

    words = ["hồ sơ", "và", ",", " , ", "(", "chiếm", "đạt", "tương ứng", "còn", ";", ")", "xã", "9/9", " ", "\u00a0"]
    rng = random.Random(0)
    for _ in range(3000):
        gap = " ".join(rng.choice(words) for _ in range(rng.randint(0, 7))) + rng.choice(["", " "])
        tail, head = gap.rstrip(" \u00a0"), gap.lstrip(" \u00a0")
        head = head[1:].lstrip(" \u00a0") if head.startswith(")") else head
        if fg.LIST_GAP_RE.fullmatch(gap):
            assert tail.endswith(fg.LIST_GAP_TAILS)
        if fg.RESTATEMENT_GAP_RE.fullmatch(gap):
            assert tail.endswith(fg.RESTATEMENT_GAP_TAILS)
        if fg.PARALLEL_GAP_RE.fullmatch(gap):
            assert head.startswith(fg.PARALLEL_GAP_HEADS)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["hồ sơ", "và", "còn", ",", ";", "(", ")", "cũ", "x-y", "9/9", "A&B", " ", "\u00a0", "đạt"]),
                max_size=10))
def test_parallel_gap_possessive_words_match_the_plain_pattern(pieces):
    """PARALLEL_GAP_RE, taking each word whole, matches the gaps its backtracking form matched."""
    import regex

    from pipeline.figure_metrics import PARALLEL_GAP_RE

    plain = regex.compile(r"[ \u00a0]*\)?[ \u00a0]*(?:[,;]|(?<!\p{L})(?:còn|và)(?!\p{L}))[ \u00a0]*"
                          r"(?:[\p{L}\d&/-]+[ \u00a0]*,?[ \u00a0]*){0,12}\(?[ \u00a0]*")
    gap = "".join(pieces)
    assert bool(PARALLEL_GAP_RE.fullmatch(gap)) == bool(plain.fullmatch(gap))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Đoạn văn.", "- Mục một.", "Hỏi gì?", "Trong đó, tiếp.", "+ Mục hai", "1. Ý",
                                 "Câu thường"]), min_size=1, max_size=12),
       st.lists(st.sampled_from(["\n", "\n\n", "\n \n"]), min_size=12, max_size=12), st.randoms())
def test_scope_starts_remembered_are_the_walk_s(lines, breaks, rnd):
    """`scope_start` with the starts it has filled in is `scope_start` without them, whatever
    order the paragraphs are asked for in."""
    from pipeline.period_scope import scope_start

    text, paragraphs = "", []
    for line, brk in zip(lines, breaks):
        paragraphs.append((len(text), len(text) + len(line)))
        text += line + brk
    order = list(range(len(paragraphs)))
    rnd.shuffle(order)
    known: dict[int, int] = {}
    for i in order:
        assert scope_start(text, paragraphs, i, known=known) == scope_start(text, paragraphs, i)


NAME_WORDS = ["hà", "hàm", "yên", "a", "aa", "lạng", "giang", "5", "-", "x.y"]
NAME_TEXT = NAME_WORDS + [" ", "  ", "\t", "\u00a0", ",", "b", "\n", "2"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5),
       st.lists(st.sampled_from(NAME_TEXT), max_size=25).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_few_names_finder_is_the_alternation_s_finditer(names, text, pos, endpos):
    """FewNamesFinder's spans are those of the bare-name alternation it stands for."""
    import regex

    from pipeline.textkeys import FewNamesFinder, folded_alternation

    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?:{folded_alternation(names)})(?![\p{{L}}\d])")
    pos, endpos = min(pos, len(text)), min(max(pos, endpos), len(text))
    expected = [m.span() for m in pattern.finditer(text, pos, endpos)]
    assert FewNamesFinder.usable(names)
    assert FewNamesFinder(names).spans(text, pos, endpos) == expected


NAME_PIECES = ["ông", "Ông", "bà", "đồng chí", "đ/c", "PGS.TS", "anh", "Nguyễn", "NGUYỄN", "Văn", "Thị", "thị", "Lê",
               "Hồ", "A", "Y", "Sơn", "Minh", "Bình", "An", "Yoon", "Suk", "Yeol", "Giám đốc", "Chủ tịch", "Bộ trưởng",
               "UBND", "tỉnh", "Hà Nội", "Sở Nội vụ", "cho biết", "(", ")", ",", "-", ":", ".", "\u0301", "\u00a0",
               "x", "Ê", "中", "\U0001d400"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from(["", " ", "  ", ", "])), max_size=14),
       st.integers(0, 3))
def test_may_name_passes_every_paragraph_the_scan_names_someone_in(pieces, cut):
    """The officials' prefilter is a necessary condition: a paragraph it fails is one where
    the scan finds no one."""
    from types import SimpleNamespace

    from pipeline.officials.lexicon import lexicon
    from pipeline.officials.parser import ParagraphParser
    from pipeline.officials.prefilter import may_name
    from pipeline.officials.reader import tokenize

    text = "x" * cut + "".join(p + gap for p, gap in pieces)
    folded = fold(text)
    if len(folded) != len(text):
        return  # extract_officials folds such text otherwise; not what is tested here
    article = SimpleNamespace(text=text, folded=folded)
    start = min(cut, len(text))
    if ParagraphParser(tokenize(article, (start, len(text))), lexicon(), article).scan():
        assert may_name(text, folded, start, len(text))


def test_may_name_examples():
    from pipeline.officials.prefilter import may_name

    def passes(text: str) -> bool:
        return may_name(text, fold(text), 0, len(text))

    assert passes("Ông Nguyễn Văn A, Giám đốc Sở") and passes("bà Châu cho biết") and passes("Đ/c Hậu phát biểu")
    assert passes("Tổng thống Hàn Quốc Yoon Suk Yeol") and passes("Lò Thị Mai, Chủ tịch UBND xã")
    assert not passes("Giám đốc Sở Nội vụ cho biết, tỉnh đã giải quyết 1.200 hồ sơ.")
    assert not passes("Chủ tịch UBND tỉnh chỉ đạo các sở, ngành không để hồ sơ trễ hạn; Hồ sơ trễ hạn giảm.")


@pytest.fixture
def fresh_pattern_cache(tmp_path, monkeypatch):
    """pipeline.pattern_cache as in a new process, its file under tmp_path."""
    from pipeline import pattern_cache, startup_cache

    monkeypatch.setenv(startup_cache.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_known", None)
    monkeypatch.setattr(pattern_cache, "_new", {})
    return pattern_cache


def _next_process(pattern_cache, monkeypatch):
    pattern_cache.save()  # what the first process does at exit
    monkeypatch.setattr(pattern_cache, "_known", None)
    monkeypatch.setattr(pattern_cache, "_new", {})


def test_pattern_cache_gives_the_compiled_pattern_to_the_next_process(fresh_pattern_cache, monkeypatch, tmp_path):
    import regex

    cache = fresh_pattern_cache
    source, flags = r"(?<!\p{L})(?P<n>\d+)[ \u00a0]+hồ[ \u00a0]+sơ", regex.IGNORECASE
    first = cache.compile_pattern(source, flags)
    assert first.search("Tiếp nhận 1234 HỒ SƠ").group("n") == "1234"
    _next_process(cache, monkeypatch)
    assert len(list(tmp_path.glob(f"{cache.CACHE_NAME}-*.pickle"))) == 1

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", no_compiling)
    again = cache.compile_pattern(source, flags)  # from the file
    assert again is not first and (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    text = "Năm 2024: 15 hồ sơ, 7 HỒ SƠ trễ hạn, x9 hồ sơ"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] == [(10, 18), (20, 27)]
    assert [text[s:e] for s, e in [(10, 18), (20, 27)]] == ["15 hồ sơ", "7 HỒ SƠ"]  # not x9: a letter before
    with pytest.raises(AssertionError):
        cache.compile_pattern(r"\d+ thủ tục", flags)  # a pattern the file lacks is compiled


def test_standard_re_patterns_come_back_from_the_cache_equal(fresh_pattern_cache, monkeypatch, tmp_path):
    """A `re` pattern kept as its program: rebuilt in the next process without parsing, equal
    to `re.compile`'s (program, flags, groups) and matching as it does."""
    import re

    from pipeline.officials.reader import _gap_token_re

    cache = fresh_pattern_cache
    sources = [(r"(?P<n>\d[\d.]*)\s+(hồ sơ|thủ tục)(?![^\W\d_])", re.IGNORECASE),
               (r"(?<![^\W_])(?:quý|tháng)\s+(\d{1,2})", 0), (_gap_token_re().pattern, 0)]
    first = [cache.compile_re(p, f) for p, f in sources]
    _next_process(cache, monkeypatch)
    parsed = []
    monkeypatch.setattr(cache._re_parser, "parse", lambda *a, **k: parsed.append(a) or None)
    again = [cache.compile_re(p, f) for p, f in sources]
    assert parsed == []  # none parsed again: all from the file
    text = "Tháng 10, xã nhận 1.204 HỒ SƠ và 37 thủ tục; quý 3 có 5 hồ sơx."
    for (p, f), a, b in zip(sources, first, again):
        assert a is not b and a == b == re.compile(p, f)
        assert (b.flags, b.groups, b.groupindex) == (a.flags, a.groups, a.groupindex)
        assert [m.span() + m.groups() for m in b.finditer(text)] == [m.span() + m.groups() for m in a.finditer(text)]
    assert [m.group("n") for m in again[0].finditer(text)] == ["1.204", "37"]  # not "5": a letter after


def test_pattern_cache_unreadable_or_off_compiles_as_before(fresh_pattern_cache, monkeypatch, tmp_path):
    from pipeline import startup_cache

    cache = fresh_pattern_cache
    cache.compile_pattern(r"\d+")
    _next_process(cache, monkeypatch)
    [stored] = tmp_path.glob(f"{cache.CACHE_NAME}-*.pickle")
    stored.write_bytes(b"\x80\x05 truncated")
    assert cache.compile_pattern(r"\d+").findall("a 12 b 345") == ["12", "345"]
    _next_process(cache, monkeypatch)  # written whole again
    assert cache.compile_pattern(r"\d+") is cache._known[(r"\d+", 0)]

    off = tmp_path / "elsewhere"
    monkeypatch.setenv(startup_cache.CACHE_ENV, "off")
    monkeypatch.setattr(cache, "_known", None)
    assert cache.compile_pattern(r"[a-z]+", 0).findall("ab 1 cd") == ["ab", "cd"]
    cache.save()
    assert not off.exists() and len(list(tmp_path.glob(f"{cache.CACHE_NAME}-*.pickle"))) == 1


def test_alternations_are_the_same_text_whatever_the_order_of_their_phrases():
    """A set's order changes from run to run; the pattern built from it must not, or the pattern
    cache would miss (and grow) every run."""
    from pipeline.textkeys import folded_alternation, phrase_alternation

    phrases = ["thủ tục", "thông tư", "thông báo", "hồ sơ", "tờ trình", "hồ sơ trễ hạn"]
    words = [tuple(p.split()) for p in phrases]
    assert phrase_alternation(words, " ") == phrase_alternation(list(reversed(words)), " ")
    assert folded_alternation(phrases) == folded_alternation(reversed(phrases))
    assert folded_alternation(["ab", "cd", "abc"]).startswith("abc|ab|cd")


def test_a_required_string_without_fixed_offset_is_dropped_and_only_that():
    import regex

    from pipeline.pattern_cache import without_floating_required_string

    floating = regex.compile(r"[ \u00a0]*(?:trên[ \u00a0]+)?tổng")  # "tổng" after a start of any length
    assert floating._pickled_data[7:9] == (-1, tuple(map(ord, "tổng")))
    dropped = without_floating_required_string(floating)
    assert dropped._pickled_data[7:9] == (0, ())
    assert (dropped.pattern, dropped.flags, dropped.groupindex) == (floating.pattern, floating.flags, floating.groupindex)
    fixed = regex.compile(r"tổng[ \u00a0]+số")  # at offset 0: checked in place, kept
    assert without_floating_required_string(fixed) is fixed
    plain = regex.compile(r"\d+")
    assert without_floating_required_string(plain) is plain


MATCH_TEXTS = [
    "Năm 2024, UBND huyện Tân Hồng tiếp nhận 2.065 hồ sơ, trong đó 1.980 hồ sơ trực tuyến (đạt 95,88%); "
    "xếp thứ 3/10 trên tổng số 10 đơn vị, đạt 91,16 điểm. Ông Nguyễn Văn Hội, Chủ tịch UBND huyện, ký "
    "Kế hoạch số 249/KH-UBND ngày 15/12/2023 về cải cách hành chính.\n(Ảnh: Thu Hà)",
    "hồ sơ 1 hồ sơ 2 hồ sơ 3, tỷ lệ 9% và 10 %, từ 80 đến 85 điểm; 22/24 nhiệm vụ, trong tổng số 24 nhiệm vụ",
]


@pytest.mark.parametrize("text", MATCH_TEXTS)
def test_the_pipeline_patterns_match_as_compiled_by_regex(text):
    """Every pattern an article makes the pipeline compile (from the cache or not, its required
    string dropped or not) finds what `regex.compile` of its source finds, anchored and not."""
    import regex

    from pipeline import pattern_cache
    from pipeline.extract import extract_text

    extract_text(MATCH_TEXTS[0])
    stored = {**(pattern_cache._known or {}), **pattern_cache._new}
    patterns = {key: ours for key, ours in stored.items() if key[0] != "re"}
    assert len(patterns) > 300
    # the standard `re` ones, kept as programs: rebuilt, each is the pattern `re.compile` makes
    programs = {key[1:]: program for key, program in stored.items() if key[0] == "re"}
    assert len(programs) >= 5
    for (source, flags), program in programs.items():
        assert pattern_cache._sre.compile(*program) == __import__("re").compile(source, flags), source
    folded = text.lower()
    for (source, flags), ours in patterns.items():
        theirs = regex.compile(source, flags)
        for subject in (text, folded):
            for pos in range(0, len(subject), 5):
                a, b = ours.match(subject, pos), theirs.match(subject, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (source, pos)
            a, b = ours.search(subject, 3), theirs.search(subject, 3)
            assert (a and a.span()) == (b and b.span()), source
