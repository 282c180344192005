"""Figure labels `index` (which named index) and `target` (a goal, not a result).

Every entry of `resources/indexes.yml` is a test: a rank in a sentence naming the index takes
it; every goal cue makes a figure a target; results are not targets.
"""
import pytest

from pipeline.figures import extract_figures
from pipeline.resources import load_yaml
from pipeline.segment import segment

LEXICON = load_yaml("indexes.yml")


def figures(text, published="2024-10-16"):
    article = segment(text, (0, len(text)), published=published)
    figs = extract_figures(article, [])
    for f in figs:
        assert text[f["span"][0]:f["span"][1]] == f["surface"]
    return {f["surface"]: f for f in figs}


@pytest.mark.parametrize("name,phrase", [(n, p) for n, ps in LEXICON["indexes"].items() for p in ps])
def test_index_phrase(name, phrase):
    f = figures(f"Tỉnh xếp thứ 5/63 về {phrase} năm 2024.")["5/63"]
    assert f["kind"] == "rank" and f["index"] == name


INDEX_CASES = [
    # the index named last earlier in the passage covers the ranks and scores after it
    ("Bộ Nội vụ công bố PAPI 2023.\n\nTỉnh đạt 45,2 điểm, xếp thứ 3.", {"45,2": "PAPI", "3": "PAPI"}),
    # a figure of no index
    ("Huyện tiếp nhận 300 hồ sơ.", {"300": None}),
    # a satisfaction rate takes SIPAS from its passage, but not another index
    ("Kết quả SIPAS 2023 được công bố. Mức độ hài lòng đạt 85%.", {"85%": "SIPAS"}),
    ("Kết quả PCI 2023 được công bố. Mức độ hài lòng đạt 85%.", {"85%": None}),
    # a share of the people asked takes the survey index of its passage, not another index
    ("Kết quả SIPAS 2023 được công bố. Có 20% số người được hỏi phải đi lại nhiều lần.", {"20%": "SIPAS"}),
    ("Kết quả PAR INDEX 2023 được công bố. Có 20% số người được hỏi phải đi lại nhiều lần.", {"20%": None}),
    ("Kết quả SIPAS 2023 được công bố. Tỉnh tiếp nhận 300 hồ sơ.", {"300": None}),
    # of two indexes announced together, the ranks and scores after them are the first's
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2022. Với 86,21 điểm, tỉnh "
     "đứng thứ 12.", {"86,21": "PAR INDEX", "12": "PAR INDEX"}),
    # ... their edition years between them too
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX 2025) và Chỉ số hài lòng (SIPAS 2025). Theo đó, tỉnh đạt "
     "91,26%, xếp thứ 4/34 tỉnh, thành phố.", {"91,26%": "PAR INDEX", "4/34": "PAR INDEX"}),
    # ... each named in full and again in brackets: the pair is the two namings
    ("Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2025 (PAR INDEX 2025) và Chỉ số hài lòng của người dân, "
     "tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2025 (SIPAS 2025). Theo đó, tỉnh đạt 88,74%, "
     "xếp thứ 11/34 tỉnh, thành phố.", {"88,74%": "PAR INDEX", "11/34": "PAR INDEX"}),
    # ... not an index named again in a later sentence
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và SIPAS năm 2022.\nTheo bà Hà, kết quả SIPAS của tỉnh giảm. "
     "Năm 2020, tỉnh đạt 83,02%, xếp thứ 39/63.", {"83,02%": "SIPAS", "39/63": "SIPAS"}),
    # ... but a satisfaction rate is still the survey's
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2022. Mức độ hài lòng "
     "đạt 85%.", {"85%": "SIPAS"}),
    # ... and in their own sentence, until the second is restated with its own value
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2025, tỉnh đạt 89,45 điểm, xếp "
     "thứ 4/34 tỉnh, thành phố; Chỉ số SIPAS đạt 88,12%.", {"89,45": "PAR INDEX", "4/34": "PAR INDEX", "88,12%": "SIPAS"}),
    ("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2025, tỉnh đạt 89,45 điểm, xếp "
     "thứ 4/34 tỉnh, thành phố.", {"89,45": "SIPAS", "4/34": "SIPAS"}),
    # two indexes in two sentences: the last named
    ("Bộ Nội vụ công bố PAR INDEX 2022. Bộ cũng công bố SIPAS 2022. Với 86,21 điểm, tỉnh đứng thứ 12.",
     {"86,21": "SIPAS"}),
]


@pytest.mark.parametrize("text,expected", INDEX_CASES)
def test_index_from_context(text, expected):
    got = figures(text)
    for surface, want in expected.items():
        assert got[surface]["index"] == want, (surface, got[surface])


def test_the_index_named_in_the_figures_own_part_gives_its_aspect():
    got = figures("Năm 2022, Chỉ số CCHC của tỉnh xếp thứ 9/63, Chỉ số SIPAS xếp thứ 11/63; Chỉ số PAPI năm 2022 "
                  "đạt 43,26 điểm.")
    assert [(got[s]["index"], got[s]["aspect"]) for s in ("9/63", "11/63", "43,26")] == [
        ("PAR INDEX", "par_index"), ("SIPAS", "satisfaction"), ("PAPI", "par_index")]


def test_the_index_named_right_after_a_rank_gives_its_aspect():
    got = figures("Năm 2023, Long An xếp thứ 14/63 về Chỉ số SIPAS và thứ 20/63 về Chỉ số cải cách hành chính "
                  "(PAR INDEX).")
    assert [(got[s]["index"], got[s]["aspect"]) for s in ("14/63", "20/63")] == [
        ("SIPAS", "satisfaction"), ("PAR INDEX", "par_index")]


def test_an_index_opening_its_own_clause_after_và_is_not_the_figures_before():
    """"... đạt trên 90% và SIPAS đạt trên 85%": SIPAS has its own value; the 90% is PAR INDEX's."""
    got = figures("Phấn đấu năm 2026 giá trị trung bình PAR INDEX của các tỉnh, thành phố đạt trên 90% và SIPAS "
                  "đạt trên 85%.")
    assert [(got[s]["index"], got[s]["aspect"]) for s in ("90%", "85%")] == [
        ("PAR INDEX", "par_index"), ("SIPAS", "satisfaction")]
    got = figures("Kết quả CCHC\n\nTỉnh làm tốt.\n\nNội dung.\n\nNăm 2024, thành phố phấn đấu có 100% quận, huyện đạt "
                  "từ 85 điểm trở lên và chỉ số SIPAS đạt trên 90%.")
    assert [(got[s]["index"], got[s]["aspect"]) for s in ("100%", "90%")] == [(None, "par_index"), ("SIPAS", "satisfaction")]


def test_the_first_of_a_restated_pair_gives_its_aspect():
    got = figures("Bộ Nội vụ công bố Chỉ số CCHC (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2025, tỉnh đạt 89,45 "
                  "điểm, xếp thứ 4/34 tỉnh, thành phố; Chỉ số SIPAS đạt 88,12%.", "2026-05-20")
    assert [got[s]["aspect"] for s in ("89,45", "4/34", "88,12%")] == ["par_index", "par_index", "satisfaction"]


@pytest.mark.parametrize("cue", LEXICON["target_cues"])
def test_target_cue(cue):
    f = figures(f"Năm 2024, tỉnh {cue} 98% hồ sơ được giải quyết đúng hạn.")["98%"]
    assert f["target"] is True


@pytest.mark.parametrize("phrase", LEXICON["not_target_phrases"])
def test_indicator_phrases_are_no_goals(phrase):
    f = figures(f"Năm 2024, {phrase} Công khai, minh bạch đạt 17,5/18 điểm.")["17,5/18"]
    assert f["target"] is False


COMPONENT_CASES = [
    # components listed before "lần lượt" pair in order with their points
    ("Bộ chỉ số 766 của tỉnh đạt 88,2 điểm, trong đó nhóm chỉ tiêu số hóa hồ sơ và nhóm thanh toán trực tuyến lần "
     "lượt đạt 17,5/18 điểm và 9,2/10 điểm.", {"88,2": "par_index", "17,5/18": "digitized", "9,2/10": "paid_online"}),
    # a component of the service index: its points take its aspect (ANNOTATION.md)
    ("Thanh toán trực tuyến đạt 4,5/10 điểm; số hóa hồ sơ đạt 8/10 điểm.",
     {"4,5/10": "paid_online", "8/10": "digitized"}),
    # the index total keeps par_index, however its components are named after it
    ("Tỉnh đạt 85,12/100 điểm Bộ chỉ số 766; trong đó Dịch vụ trực tuyến đạt 10/12 điểm, "
     "Mức độ hài lòng đạt 17/18 điểm.", {"85,12/100": "par_index", "10/12": "online", "17/18": "satisfaction"}),
    # a rank stays the index's
    ("Về tỷ lệ hồ sơ trực tuyến, tỉnh xếp thứ 5 cả nước.", {"5": "par_index"}),
    # ... or named right after its points
    ("Xét theo từng nhóm, tỉnh đạt 17,2/18 điểm ở nhóm công khai, minh bạch; 19,35/20 điểm về tiến độ giải "
     "quyết; 9,1/12 điểm về cung cấp dịch vụ trực tuyến; 12,1/22 điểm về số hóa hồ sơ.",
     {"17,2/18": "published", "19,35/20": "on_time", "9,1/12": "online", "12,1/22": "digitized"}),
    ("Nhóm chỉ số mức độ hài lòng đạt 17,6/18 điểm; nhóm chỉ số tiến độ giải quyết đạt 19,4/20 điểm.",
     {"17,6/18": "satisfaction", "19,4/20": "on_time"}),
]


@pytest.mark.parametrize("text,expected", COMPONENT_CASES)
def test_component_points_take_the_components_aspect(text, expected):
    got = figures(text)
    assert {s: got[s]["aspect"] for s in expected} == expected


TARGET_CASES = [
    ("Năm 2023, tỉnh giải quyết 98% hồ sơ đúng hạn.", False),
    # a period that ends after the article was written is a goal
    ("Đến năm 2030, 100% hồ sơ được số hóa.", True),
    # a goal cue in another clause does not reach the figure
    ("Tỉnh đề ra nhiều giải pháp; năm 2023 đã giải quyết 98% hồ sơ đúng hạn.", False),
]


@pytest.mark.parametrize("text,expected", TARGET_CASES)
def test_target(text, expected):
    (f,) = figures(text).values()
    assert f["target"] is expected


INDEX_CHANGE_CASES = [
    # a named index that falls has not cut anything
    ("Năm 2023, chỉ số PAR INDEX của tỉnh giảm 2%.", "2%", "par_index"),
    ("Chỉ số SIPAS của tỉnh giảm 1,5% so với năm trước.", "1,5%", "satisfaction"),
    # a cut of counted procedures stays a cut, an index named or not
    ("Năm 2023, tỉnh cắt giảm 20% thủ tục.", "20%", "cut"),
    ("Để nâng chỉ số PAR INDEX, tỉnh đã cắt giảm 20% thủ tục.", "20%", "cut"),
]


@pytest.mark.parametrize("text,surface,aspect", INDEX_CHANGE_CASES)
def test_change_of_a_named_index(text, surface, aspect):
    assert figures(text)[surface]["aspect"] == aspect


INDEX_ASPECTS = load_yaml("indexes.yml")["index_aspects"]


@pytest.mark.parametrize("index,aspect", INDEX_ASPECTS.items())
def test_an_index_of_its_own_aspect(index, aspect):
    """An index narrower than administrative performance gives its ranks, scores and
    component percentages its own aspect; PAR INDEX keeps par_index."""
    text = (f"Kết quả {index} năm 2023 được công bố.\n\nXét theo các chỉ số thành phần, chỉ số về công chức "
            f"đạt 89,54%. Tỉnh đứng thứ 5/63.")
    got = figures(text)
    assert (got["89,54%"]["index"], got["89,54%"]["aspect"]) == (index, aspect)
    assert (got["5/63"]["index"], got["5/63"]["aspect"]) == (index, aspect)
    got = figures(text.replace(index, "PAR INDEX"))
    assert (got["5/63"]["index"], got["5/63"]["aspect"]) == ("PAR INDEX", "par_index")
