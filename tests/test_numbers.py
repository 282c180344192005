"""Vietnamese numerals: value, span and exclusion of each number form (price-parser style)."""
from dataclasses import dataclass

import pytest

from pipeline.numbers import context_words, find_numbers, parse_number_words, parse_numeral
from pipeline.resources import load_yaml
from pipeline.textkeys import fold
from pipeline.figures import extract_figures
from pipeline.segment import segment


@dataclass
class Example:
    text: str
    surface: str
    value: float
    form: str = "number"
    denominator: float | None = None


def candidates(text):
    return [n for n in find_numbers(text, fold(text), 0, len(text)) if n.excluded is None]


def only(text):
    found = candidates(text)
    assert len(found) == 1, [(n.surface, n.excluded) for n in find_numbers(text, fold(text), 0, len(text))]
    n = found[0]
    assert text[n.start:n.end] == n.surface
    return n


NUMERALS = [
    ("2.065", 2065), ("42.503", 42503), ("1.140", 1140), ("0,58", 0.58), ("91,16", 91.16),
    ("42 503", 42503), ("2065", 2065), ("1.234.567", 1234567), ("12,5", 12.5), ("1.000,25", 1000.25),
]


@pytest.mark.parametrize("s,value", NUMERALS)
def test_parse_numeral(s, value):
    assert parse_numeral(s) == pytest.approx(value)


FORMS = {
    "thousands_dot": [
        Example("đã tiếp nhận 2.065 hồ sơ", "2.065", 2065),
        Example("giải quyết 42.503 hồ sơ của công dân", "42.503", 42503),
    ],
    "decimal_comma": [
        Example("chỉ có 0,58% hồ sơ", "0,58%", 0.58, "percent"),
        Example("đạt 91,16%.", "91,16%", 91.16, "percent"),
        # a tokenizer's spaced decimal comma before a percent sign
        Example("đã chiếm 31 , 2 % tổng số", "31 , 2 %", 31.2, "percent"),
    ],
    "spaced_groups": [Example("tiếp nhận 42 503 hồ sơ", "42 503", 42503)],
    "plain": [Example("là: 2065 hồ sơ", "2065", 2065), Example("ban hành 52 quy trình", "52", 52)],
    "percent": [
        Example("đạt 100%", "100%", 100, "percent"),
        Example("đạt 99,5 %", "99,5 %", 99.5, "percent"),
        Example("đạt 80 phần trăm", "80 phần trăm", 80, "percent"),
    ],
    "ratio": [
        Example("hoàn thành 22/24 nhiệm vụ", "22/24", 22, "ratio", 24),
        Example("kiểm tra 9/9 xã", "9/9", 9, "ratio", 9),
        Example("là 235/264 TTHC", "235/264", 235, "ratio", 264),
    ],
    "rank": [
        Example("đứng 30/30 trong năm", "30/30", 30, "ratio", 30),
        Example("xếp thứ 3/63 tỉnh", "3/63", 3, "ratio", 63),
        # the year named after a rank is its year, not years it lasts
        Example("từ vị trí 52/63 năm 2016", "52/63", 52, "ratio", 63),
        Example("xếp thứ 27 năm 2019", "27", 27, "number"),
    ],
    "fraction": [
        # a share before a small fraction: no day and month
        Example("thành phố chiếm gần 1/3.", "1/3", 1, "ratio", 3),
        Example("khoảng 1/4 được giải quyết.", "1/4", 1, "ratio", 4),
    ],
    "words": [
        Example("tiếp nhận hai nghìn hồ sơ", "hai nghìn", 2000, "words"),
        Example("có một trăm hồ sơ", "một trăm", 100, "words"),
        Example("đạt hai mươi mốt nghìn không trăm mười một hồ sơ", "hai mươi mốt nghìn không trăm mười một", 21011, "words"),
    ],
    "zero": [
        Example("không có hồ sơ nào quá hạn", "không có hồ sơ nào", 0, "zero"),
        Example("không có hồ sơ trễ hẹn", "không có hồ sơ", 0, "zero"),
    ],
    # points with a decimal part after a name ending in an identifier's word ("phòng")
    "decimal_points": [Example("và Hải Phòng 82,03 điểm.", "82,03", 82.03)],
}


@pytest.mark.parametrize("ex", [e for group in FORMS.values() for e in group],
                         ids=[f"{g}:{e.surface}" for g, group in FORMS.items() for e in group])
def test_number_forms(ex):
    n = only(ex.text)
    assert n.surface == ex.surface
    assert n.value == pytest.approx(ex.value)
    assert n.form == ex.form
    assert n.denominator == ex.denominator


def test_range_dash_gives_two_percents():
    text = "tỷ lệ đạt 95-98% hồ sơ"
    found = candidates(text)
    assert [(n.surface, n.value, n.approx) for n in found] == [("95", 95, "at_least"), ("98%", 98, "at_most")]


NOT_FIGURES = {
    "date": ["Sáng ngày 11/9, đoàn làm việc", "ngày 20/2/2024 của", "Sáng 9/3, Đoàn giám sát", "Ngày 15-3 , HĐND",
             "hết tháng 6/2019", "ngày 29-12-2021"],
    "year": ["trong năm 2018 có", "năm 2020, huyện", "giai đoạn 2021-2030 trên", "giai đoạn 2021 - 2030"],
    "period": ["6 tháng đầu năm", "trong 3 năm qua"],
    "document": ["Kế hoạch số 143 ngày", "Nghị quyết 60-NQ/TU ngày", "Kế hoạch số 249/KH-UBND",
                 "Công văn số 1203 ngày", "Nghị định 61/2018/NĐ-CP"],
    "service_level": ["dịch vụ công mức độ 3, 4", "trực tuyến mức độ 3,4", "mức 3, 4 được"],
    "standard": ["tiêu chuẩn ISO 9001:2008 trong"],
    "team_session": ["Tổ giám sát số 1 của", "Kỳ họp thứ 17, hôm nay"],
    "descriptor": ["liên thông 4 cấp trên trục", "dùng chung 3 cấp của", "cơ chế 1 cửa, 1 cửa liên thông"],
    "phone": ["Điện thoại: (0226) 3852.773 - 3853.342"],
    "money": ["đạt 100 tỷ USD vào", "thu 5 triệu đồng"],
    "duration": ["giảm 5 ngày làm thủ tục", "trong vòng 2 giờ"],
    "multiplier": ["gấp 1,44 lần"],
    "vague_words": ["hàng trăm ngàn hồ sơ", "một số thủ tục", "cơ chế một cửa"],
    "code_version": ["phiên bản 2.0", "đường dây 500kV mạch 3", "COVID-19", "Quận 3 có"],
    "ordinal": ["Đây là năm thứ ba tỉnh dẫn đầu.", "Đây là lần thứ hai huyện tổ chức hội nghị."],
    "house_number": ["Trụ sở tại số 1/18 đường Lê Lợi."],
    "context_with_verb": ["Bình quân mỗi năm, tỷ lệ hộ nghèo giảm 2,97%.", "Lãi suất chỉ ở mức 2-3%."],
    "context_with_place": ["Dân số TP. HCM gần 10 triệu người.", "Dân số tỉnh Lâm Đồng khoảng 3 triệu người."],
}


@pytest.mark.parametrize("text", [t for group in NOT_FIGURES.values() for t in group],
                         ids=[f"{g}:{t}" for g, group in NOT_FIGURES.items() for t in group])
def test_not_figures(text):
    article = segment(text, (0, len(text)))
    assert [f["surface"] for f in extract_figures(article, [])] == []


WORDS = [
    (["hai", "nghìn"], 2000), (["một", "trăm"], 100), (["mười", "hai"], 12), (["hai", "mươi", "mốt"], 21),
    (["hai", "mươi", "mốt", "nghìn", "không", "trăm", "mười", "một"], 21011), (["ba", "trăm", "linh", "năm"], 305),
    (["mười", "hai", "phẩy", "năm"], 12.5), (["năm", "mươi", "lăm"], 55), (["một", "triệu", "hai", "trăm", "nghìn"], 1200000),
    (["bốn", "mươi", "tư"], 44),
]


@pytest.mark.parametrize("words,value", WORDS, ids=[" ".join(w) for w, _ in WORDS])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == pytest.approx(value)


@pytest.mark.parametrize("words", [["hồ", "sơ"], ["mươi"], ["hai", "ba"]])
def test_parse_number_words_rejects(words):
    assert parse_number_words(words) is None


# --------------------------------------------------------------------------- lexicon entries


def _figures(text):
    return extract_figures(segment(text, (0, len(text)), published="2024-10-16"), [])


@pytest.mark.parametrize("phrase", load_yaml("figures.yml")["number_context"]["rank_before"])
def test_every_rank_phrase_makes_a_rank(phrase):
    text = f"Năm nay tỉnh {phrase} 5/63 tỉnh, thành phố về chỉ số cải cách hành chính."
    [fig] = _figures(text)
    assert (fig["surface"], fig["kind"], fig["value"], fig["denominator"]) == ("5/63", "rank", 5, 63)


@pytest.mark.parametrize("phrase", load_yaml("figures.yml")["number_context"]["date_before"])
def test_every_date_cue_makes_a_date(phrase):
    assert _figures(f"Huyện họp {phrase} 12/3 để bàn giải pháp.") == []


@pytest.mark.parametrize("phrase", load_yaml("figures.yml")["number_context"]["year_before"])
def test_every_year_cue_makes_a_year(phrase):
    assert _figures(f"Huyện đã triển khai {phrase} 2023 nhiều hoạt động cải cách.") == []


def test_context_words_are_folded_keys():
    assert "xếp thứ" in context_words()["rank_before"] and "khóa" in context_words()["year_before"]


@pytest.mark.parametrize("phrase", load_yaml("figures.yml")["not_figure_before"]["context"])
def test_every_context_phrase_makes_a_non_figure(phrase):
    assert _figures(f"Theo báo cáo, {phrase} 300 hồ sơ.") == []
    assert _figures(f"Theo báo cáo, {phrase} hơn 95%.") == []


@pytest.mark.parametrize("noun", load_yaml("figures.yml")["not_figure_nouns"]["party"])
def test_party_counts_are_not_figures(noun):
    assert _figures(f"Xã có 300 {noun}.") == []
    assert _figures(f"Số đại biểu này tương ứng 20,8% tổng số {noun} của xã.") == []


@pytest.mark.parametrize("noun", load_yaml("figures.yml")["not_figure_nouns"]["index_structure"])
def test_parts_of_an_index_are_not_figures(noun):
    assert _figures(f"Bộ chỉ số gồm 5 {noun}.") == []
    # a part over its whole is a result
    [fig] = _figures(f"Tỉnh đạt 14/15 {noun} năm nay.")
    assert (fig["surface"], fig["kind"]) == ("14/15", "ratio")


@pytest.mark.parametrize("text,surfaces", [
    # what an assessment is made of, named as such
    ("Năm 2023, trong 8 lĩnh vực được đánh giá, tỉnh có 5 lĩnh vực đạt trên 90% số điểm.", ["5", "90%"]),
    ("Chỉ số năm 2022 được đánh giá trên 8 lĩnh vực.", []),
    ("Chỉ số năm 2022 được đánh giá trên 8 lĩnh vực và 30 tiêu chí.", []),
    # an index's fields and criteria counted side by side
    ("Bộ chỉ số ban hành kèm Quyết định số 1150/QĐ-BNV, với 9 lĩnh vực, 44 tiêu chí đối với bộ.", []),
    # ... not a part of a whole, nor criteria alone
    ("Năm 2023, tỉnh đạt điểm tối đa ở 5/8 lĩnh vực, 20 tiêu chí.", ["5/8", "20"]),
    ("Năm 2023, tỉnh đạt điểm tối đa ở 5 lĩnh vực, 20 tiêu chí.", ["5", "20"]),
    ("Năm 2023, xã đạt 19 tiêu chí nông thôn mới.", ["19"]),
    ("Bộ chỉ số đánh giá theo 6 nội dung, trong đó tỉnh đạt 5/6 nội dung.", ["5/6"]),
    # ... not parts rated so, a result
    ("Năm 2023, có 5 lĩnh vực được đánh giá cao.", ["5"]),
    ("Năm 2023, tỉnh có 4 chỉ số được đánh giá tốt.", ["4"]),
])
def test_the_parts_an_assessment_is_made_of_are_not_figures(text, surfaces):
    assert [f["surface"] for f in _figures(text)] == surfaces


@pytest.mark.parametrize("text,surfaces", [
    # the level's count after "quận"/"phường", not a numbered unit
    ("Năm 2019, quận tiếp nhận 58.426 hồ sơ (cấp quận 21.310 hồ sơ, cấp phường 36.916 hồ sơ).",
     ["58.426", "21.310", "36.916"]),
    # ... a numbered unit, not a count
    ("Năm 2019, Quận 3 tiếp nhận 300 hồ sơ; phường 10 tháng qua tiếp nhận 90 hồ sơ.", ["300", "90"]),
    ("Ngày 12/3, UBND phường Tân Định, Quận 1 tổ chức hội nghị.", []),
])
def test_a_count_after_a_numbered_unit_word(text, surfaces):
    assert [f["surface"] for f in _figures(text)] == surfaces


@pytest.mark.parametrize("text", [
    "Lượng hồ sơ tăng mạnh sau khi hợp nhất ba địa phương.",
    "Khác biệt lớn nhất giữa ba tỉnh trước sáp nhập nằm ở hạ tầng số.",
    "Năm 2024, hai tỉnh Hưng Yên và Thái Bình trước khi hợp nhất đều đạt chuẩn.",
])
def test_the_units_a_merger_joined_are_not_figures(text):
    assert _figures(text) == []


def test_a_count_of_units_merged_as_a_result_stays_a_figure():
    # a merger as the work done, not a time clause nor what was before it
    assert [f["surface"] for f in _figures("Năm 2024, huyện đã sáp nhập hai xã đạt chuẩn.")] == ["hai"]
    assert [f["surface"] for f in _figures("Năm 2024, tỉnh sáp nhập 26 đơn vị hành chính cấp xã.")] == ["26"]


@pytest.mark.parametrize("noun", load_yaml("figures.yml")["not_figure_nouns"]["users"])
def test_users_of_a_service_are_not_figures(noun):
    assert _figures(f"Ứng dụng hiện có hơn 70 triệu {noun}.") == []


@pytest.mark.parametrize("phrase", load_yaml("figures.yml")["not_figure_before"]["quantity"]
                         + load_yaml("figures.yml")["not_figure_before"]["compounds"])
def test_longer_phrases_ending_in_an_identifier_word_take_a_count(phrase):
    # "chỉ số", "tổng số" end in "số", "trực tuyến" in "tuyến": no "số 1", "tuyến 3" here
    assert [f["surface"] for f in _figures(f"Trong năm 2024, {phrase} 1.245 hồ sơ.")] == ["1.245"]


COUNTS_PER_PERIOD = [
    # a number no day, month or quarter can take
    ("Hằng tháng 1.200 hồ sơ được tiếp nhận.", "1.200"),
    ("Trong quý 1.300 hồ sơ được giải quyết.", "1.300"),
    # after "mỗi", "hằng", "bình quân": a count in each day or month
    ("Bình quân mỗi ngày 30 hồ sơ được giải quyết.", "30"),
    ("Hằng tháng 12 hồ sơ bị trả lại.", "12"),
]


@pytest.mark.parametrize("text,surface", COUNTS_PER_PERIOD)
def test_counts_per_day_or_month_are_not_dates(text, surface):
    assert [f["surface"] for f in _figures(text)] == [surface]


@pytest.mark.parametrize("text", ["Tháng 12 có nhiều hồ sơ.", "Sáng ngày 15, xã họp.", "Trong quý 3 xã họp."])
def test_a_day_or_month_number_stays_a_date(text):
    assert _figures(text) == []


ZERO = load_yaml("figures.yml")["zero_phrase"]


@pytest.mark.parametrize("noun", ZERO["nouns"] + ZERO["nouns_with_nao"])
def test_every_zero_noun_makes_a_zero_count(noun):
    text = f"Năm 2025, không có {noun} nào quá hạn."
    n = only(text)
    assert (n.surface, n.value, n.form) == (f"không có {noun} nào", 0, "zero")


@pytest.mark.parametrize("noun", ZERO["nouns_with_nao"])
def test_a_zero_noun_that_needs_nao_is_no_count_without_it(noun):
    assert candidates(f"Năm 2025, không có {noun} quá hạn.") == []
