"""Documents: type, number, date, issuer and span of every cited document (price-parser style).

Each `Example` lists the documents the text cites, one per (type, number), in order of first
citation, with the surface of its span (`text[s:e]`)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st

from conftest import grouped_cases
from pipeline.documents import extract_documents
from pipeline.resources import load_yaml
from pipeline.segment import segment

LEXICON = load_yaml("document_types.yml")


@dataclass
class D:
    type: str
    number: str | None
    date: str | None
    issuer: str | None
    surface: str


@dataclass
class Example:
    text: str
    documents: list[D]
    published: str | None = "2024-10-16"
    body_end: int | None = None
    unnumbered: bool = False


def extract(text: str, published: str | None = "2024-10-16", body_end: int | None = None,
            unnumbered: bool = False):
    text = unicodedata.normalize("NFC", text)
    article = segment(text, (0, len(text) if body_end is None else body_end), published)
    return text, extract_documents(article, unnumbered=unnumbered)


def check(ex: Example) -> None:
    text, got = extract(ex.text, ex.published, ex.body_end, ex.unnumbered)
    assert [(d["type"], d["number"], d["date"], d["issuer"], text[d["span"][0]:d["span"][1]]) for d in got] \
        == [(d.type, d.number, d.date, d.issuer, d.surface) for d in ex.documents]
    for d in got:
        assert set(d) == {"type", "number", "date", "issuer", "span"}


GROUPS: dict[str, list[Example]] = {
    "numbered": [
        Example("và Kế hoạch số 249/KH-UBND ngày 29/12/2021 của UBND tỉnh về CCHC Nhà nước",
                [D("Kế hoạch", "249/KH-UBND", "2021-12-29", "UBND tỉnh",
                   "Kế hoạch số 249/KH-UBND ngày 29/12/2021 của UBND tỉnh")]),
        Example("thực hiện Nghị quyết 60-NQ/TU ngày 15/12/2021 của Ban Thường vụ Tỉnh uỷ về đẩy mạnh CCHC",
                [D("Nghị quyết", "60-NQ/TU", "2021-12-15", "Ban Thường vụ Tỉnh ủy",
                   "Nghị quyết 60-NQ/TU ngày 15/12/2021 của Ban Thường vụ Tỉnh uỷ")]),
        Example("tích cực triển khai Công văn số 1203 ngày 20/2/2024 của Ban Thường vụ Huyện ủy Tân Hồng về một số "
                "nội dung",
                [D("Công văn", "1203", "2024-02-20", "Ban Thường vụ Huyện ủy Tân Hồng",
                   "Công văn số 1203 ngày 20/2/2024 của Ban Thường vụ Huyện ủy Tân Hồng")]),
        Example("Thực hiện Nghị quyết số 30c/NQ-CP của Chính phủ",
                [D("Nghị quyết", "30c/NQ-CP", None, "Chính phủ", "Nghị quyết số 30c/NQ-CP của Chính phủ")]),
        Example("theo Nghị quyết 30c/NQ-CP, các bộ phải rà soát",
                [D("Nghị quyết", "30c/NQ-CP", None, None, "Nghị quyết 30c/NQ-CP")]),
        Example("quy định tại Nghị định 61/2018/NĐ-CP về thực hiện cơ chế một cửa",
                [D("Nghị định", "61/2018/NĐ-CP", None, None, "Nghị định 61/2018/NĐ-CP")]),
        Example("Quyết định số 985/QĐ-TTg của Thủ tướng Chính phủ chỉ mới tập trung vào",
                [D("Quyết định", "985/QĐ-TTg", None, "Thủ tướng Chính phủ",
                   "Quyết định số 985/QĐ-TTg của Thủ tướng Chính phủ")]),
        Example("Chỉ thị số 09/2005 về tiếp tục đẩy mạnh", [D("Chỉ thị", "09/2005", None, None, "Chỉ thị số 09/2005")]),
        Example("Nghị định số 136/2018/NĐ-CP và Thông tư số 03/2018/TT-BTNMT , Chính phủ đã sửa đổi",
                [D("Nghị định", "136/2018/NĐ-CP", None, None, "Nghị định số 136/2018/NĐ-CP"),
                 D("Thông tư", "03/2018/TT-BTNMT", None, None, "Thông tư số 03/2018/TT-BTNMT")]),
        Example("Thông tư liên tịch số 12/2015/TTLT-BTP-BNV hướng dẫn",
                [D("Thông tư liên tịch", "12/2015/TTLT-BTP-BNV", None, None,
                   "Thông tư liên tịch số 12/2015/TTLT-BTP-BNV")]),
    ],
    "word_segmented_text": [
        Example("Quyết định 1408 / QĐ - BCT do Bộ Trưởng Trần Tuấn Anh ký đơn giản hoá thủ tục",
                [D("Quyết định", "1408/QĐ-BCT", None, "Bộ Trưởng Trần Tuấn Anh",
                   "Quyết định 1408 / QĐ - BCT do Bộ Trưởng Trần Tuấn Anh")]),
        Example("Nghị quyết số 01 - NQ / CP ngày 01/01/2018 của Chính phủ về nhiệm vụ",
                [D("Nghị quyết", "01-NQ/CP", "2018-01-01", "Chính phủ",
                   "Nghị quyết số 01 - NQ / CP ngày 01/01/2018 của Chính phủ")]),
        Example("Văn bản số 3276 / UBND – KSTTCNC gửi các sở ngành",
                [D("Văn bản", "3276/UBND-KSTTCNC", None, None, "Văn bản số 3276 / UBND – KSTTCNC")]),
        Example("thông tư số 80/2004/ TT- BTC của Bộ tài chính",
                [D("Thông tư", "80/2004/TT-BTC", None, "Bộ tài chính", "thông tư số 80/2004/ TT- BTC của Bộ tài chính")]),
    ],
    "dates": [
        Example("Kế hoạch số 249/KH-UBND ngày 29-12-2021 của UBND tỉnh",
                [D("Kế hoạch", "249/KH-UBND", "2021-12-29", "UBND tỉnh",
                   "Kế hoạch số 249/KH-UBND ngày 29-12-2021 của UBND tỉnh")]),
        Example("Quyết định số 985/QĐ-TTg ngày 29 tháng 12 năm 2021 của Thủ tướng",
                [D("Quyết định", "985/QĐ-TTg", "2021-12-29", "Thủ tướng",
                   "Quyết định số 985/QĐ-TTg ngày 29 tháng 12 năm 2021 của Thủ tướng")]),
        Example("Quyết định số 985/QĐ-TTg, ban hành ngày 29.12.2021",
                [D("Quyết định", "985/QĐ-TTg", "2021-12-29", None, "Quyết định số 985/QĐ-TTg, ban hành ngày 29.12.2021")]),
        # no year: the article's
        Example("Kế hoạch số 12 ngày 16/4 của UBND huyện",
                [D("Kế hoạch", "12", "2024-04-16", "UBND huyện", "Kế hoạch số 12 ngày 16/4 của UBND huyện")]),
        # ... or the year in the document's number
        Example("Nghị định số 136/2018/NĐ-CP ngày 5/10",
                [D("Nghị định", "136/2018/NĐ-CP", "2018-10-05", None, "Nghị định số 136/2018/NĐ-CP ngày 5/10")]),
        Example("Kế hoạch số 12 ngày 16/4", [D("Kế hoạch", "12", None, None, "Kế hoạch số 12 ngày 16/4")],
                published=None),
        Example("Công điện số 5 ngày 31/2/2024", [D("Công điện", "5", None, None, "Công điện số 5 ngày 31/2/2024")]),
        Example("Nghị quyết 19/NQ-CP năm 2017 của Chính phủ",
                [D("Nghị quyết", "19/NQ-CP", None, None, "Nghị quyết 19/NQ-CP")]),
    ],
    "issuer_from_the_sentence": [
        Example("Thực hiện chỉ đạo của tỉnh, UBND huyện Tân Hồng đã xây dựng Kế hoạch số 143 ngày 16/4/2024 về "
                "khắc phục những hạn chế",
                [D("Kế hoạch", "143", "2024-04-16", "UBND huyện Tân Hồng", "Kế hoạch số 143 ngày 16/4/2024")]),
        Example("Gần đây nhất, ngày 27/11/2024, UBND tỉnh ban hành Kế hoạch số 222 về nâng cao chất lượng",
                [D("Kế hoạch", "222", "2024-11-27", "UBND tỉnh", "Kế hoạch số 222")]),
        Example(". Ngày 14-1-2005, Chính phủ ban hành Nghị quyết số 01/2005/NQ-CP về một số giải pháp",
                [D("Nghị quyết", "01/2005/NQ-CP", "2005-01-14", "Chính phủ", "Nghị quyết số 01/2005/NQ-CP")]),
        Example("Bộ trưởng bộ Tài nguyên và Môi trường Trần Hồng Hà cũng đã ký ban hành Thông tư số "
                "03/2018/TT-BTNMT sửa đổi",
                [D("Thông tư", "03/2018/TT-BTNMT", None, "Bộ trưởng bộ Tài nguyên và Môi trường Trần Hồng Hà",
                   "Thông tư số 03/2018/TT-BTNMT")]),
        # "có" issues, but the clause's date is not the document's
        Example("Ngày 3/5, Văn phòng Chính phủ tiếp tục có công văn 1994/VPCP-CCHC về việc rà soát",
                [D("Công văn", "1994/VPCP-CCHC", None, "Văn phòng Chính phủ", "công văn 1994/VPCP-CCHC")]),
        # no organisation before the verb
        Example("Huyện đã xây dựng Kế hoạch số 143 về khắc phục",
                [D("Kế hoạch", "143", None, None, "Kế hoạch số 143")]),
    ],
    "cited_twice": [
        Example("Công văn số 1203 ngày 20/2/2024 của Ban Thường vụ Huyện ủy Tân Hồng về CCHC. Thực hiện Công văn "
                "số 1203 ngày 20/2/2024 của Ban Thường vụ Huyện ủy về một số nội dung",
                [D("Công văn", "1203", "2024-02-20", "Ban Thường vụ Huyện ủy Tân Hồng",
                   "Công văn số 1203 ngày 20/2/2024 của Ban Thường vụ Huyện ủy Tân Hồng")]),
        # the fullest date and issuer of any citation, the first span
        Example("Theo Kế hoạch 222, các sở rà soát. Kế hoạch số 222 ngày 27/11/2024 của UBND tỉnh đặt ra yêu cầu",
                [D("Kế hoạch", "222", "2024-11-27", "UBND tỉnh", "Kế hoạch 222")]),
        Example("Kế hoạch số 143 của UBND huyện. Kế hoạch số 143 của UBND huyện Tân Hồng",
                [D("Kế hoạch", "143", None, "UBND huyện Tân Hồng", "Kế hoạch số 143 của UBND huyện")]),
    ],
    "bare_numbers": [
        Example("triển khai Kế hoạch 222 đặt ra yêu cầu", [D("Kế hoạch", "222", None, None, "Kế hoạch 222")]),
        Example("Cung cấp 76/76 dịch vụ công thiết yếu theo Đề án 06. - Hoàn thành",
                [D("Đề án", "06", None, None, "Đề án 06")]),
        Example("Nghị quyết 36a về Chính phủ điện tử", [D("Nghị quyết", "36a", None, None, "Nghị quyết 36a")]),
        Example("Quyết định 54 của Thủ tướng và khai trương dịch vụ",
                [D("Quyết định", "54", None, "Thủ tướng", "Quyết định 54 của Thủ tướng")]),
        # lower case and bare: only with an issuer or a date after it
        Example("thực hiện nghị quyết 54 của Quốc hội về cơ chế đặc thù",
                [D("Nghị quyết", "54", None, "Quốc hội", "nghị quyết 54 của Quốc hội")]),
        Example("kế hoạch 222 đặt ra yêu cầu", []),
    ],
    "not_documents": [
        Example("Theo Kế hoạch CCHC năm 2024, UBND huyện đề ra 24 nhiệm vụ", []),
        Example("Thực hiện nghị quyết của Ban Thường vụ Tỉnh uỷ và kế hoạch của UBND tỉnh", []),
        Example("cơ chế một cửa, Chương trình 1 cửa quốc gia", []),
        Example("xây dựng kế hoạch 5 năm", []),
        Example("Kế hoạch 2024 của huyện đã hoàn thành", []),
        Example("Kế hoạch 2.000 hồ sơ được tiếp nhận", []),
        Example("Chỉ số CCHC của huyện năm 2024 tăng 3 bậc", []),
        Example("áp dụng tiêu chuẩn ISO 9001:2008 trong quy trình", []),
        Example("phù hợp với các luật, nghị định mới ban hành", []),
        Example("phù hợp với quy định của Luật Tổ chức chính quyền địa phương.", []),
        Example("Giấy phép xuất bản số 68/GP-BTTTT do Bộ Thông tin - Truyền thông cấp ngày 16/2/2017", []),
    ],
    "cited_by_name": [
        Example("phù hợp với quy định của Luật Tổ chức chính quyền địa phương.",
                [D("Luật", None, None, None, "Luật Tổ chức chính quyền địa phương")], unnumbered=True),
        Example("quy định tại Phụ lục 4 của Luật Đầu tư , Bộ Công Thương",
                [D("Luật", None, None, None, "Luật Đầu tư")], unnumbered=True),
        Example("theo Bộ luật Hàng hải Việt Nam năm 2015 và Luật số 77/2015/QH13",
                [D("Bộ luật", None, None, None, "Bộ luật Hàng hải Việt Nam"),
                 D("Luật", "77/2015/QH13", None, None, "Luật số 77/2015/QH13")], unnumbered=True),
        Example("Trao đổi với Pháp Luật TP.HCM, bà Hoa cho biết; Trường Đại học Luật Hà Nội", [], unnumbered=True),
    ],
    "standards": [
        # the code in a parenthesis after the standard's name
        Example("Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch (QCVN 01-1:2018/BYT) được áp dụng",
                [D("Quy chuẩn kỹ thuật quốc gia", "QCVN 01-1:2018/BYT", None, None,
                   "Quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch (QCVN 01-1:2018/BYT)")]),
        Example("Theo tiêu chuẩn quốc gia ( TCVN 5574:2018 ), bê tông phải đạt",
                [D("Tiêu chuẩn quốc gia", "TCVN 5574:2018", None, None, "tiêu chuẩn quốc gia ( TCVN 5574:2018 )")]),
        # the code alone
        Example("Áp dụng QCVN 01:2009/BYT về chất lượng nước ăn uống",
                [D("Quy chuẩn kỹ thuật quốc gia", "QCVN 01:2009/BYT", None, None, "QCVN 01:2009/BYT")]),
        Example("mã số QCVN 01-1:2018/BYT và QCVN 01-1 : 2018/BYT",
                [D("Quy chuẩn kỹ thuật quốc gia", "QCVN 01-1:2018/BYT", None, None, "QCVN 01-1:2018/BYT")]),
    ],
    "documents_of_2025": [
        Example("Thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học",
                [D("Nghị quyết", "57-NQ/TW", None, "Bộ Chính trị", "Nghị quyết 57-NQ/TW của Bộ Chính trị")]),
        Example("Theo Quyết định 766/QĐ-TTg ngày 23/6/2025 của Thủ tướng Chính phủ",
                [D("Quyết định", "766/QĐ-TTg", "2025-06-23", "Thủ tướng Chính phủ",
                   "Quyết định 766/QĐ-TTg ngày 23/6/2025 của Thủ tướng Chính phủ")]),
        Example("Nghị định 118/2025/NĐ-CP ngày 9/6/2025 của Chính phủ quy định",
                [D("Nghị định", "118/2025/NĐ-CP", "2025-06-09", "Chính phủ",
                   "Nghị định 118/2025/NĐ-CP ngày 9/6/2025 của Chính phủ")]),
        Example("Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội",
                [D("Nghị quyết", "1656/NQ-UBTVQH15", "2025-06-16", "Ủy ban Thường vụ Quốc hội",
                   "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội")]),
    ],
    "short_references": [
        # a later bare number is the document cited in full before (or after)
        Example("căn cứ Quyết định số 3203/2025 của UBND TP, hồ sơ được tiếp nhận. Với Quyết định 3203, UBND TP",
                [D("Quyết định", "3203/2025", None, "UBND TP", "Quyết định số 3203/2025 của UBND TP")]),
        Example("Nghị định 61 và Nghị định 61/2018/NĐ-CP", [D("Nghị định", "61/2018/NĐ-CP", None, None,
                                                             "Nghị định 61/2018/NĐ-CP")]),
        # a number that only starts like another's is another document
        Example("Quyết định 32 và Quyết định 3203/2025 của UBND TP",
                [D("Quyết định", "32", None, None, "Quyết định 32"),
                 D("Quyết định", "3203/2025", None, "UBND TP", "Quyết định 3203/2025 của UBND TP")]),
    ],
    "only_the_body": [
        Example("Huyện rà soát thủ tục.\nTTTĐ - Văn phòng Chính phủ ban hành Thông báo 288/TB-VPCP ngày 29/6/2024",
                [], body_end=22),
    ],
}

CASES = grouped_cases(GROUPS)


@pytest.mark.parametrize("ex", CASES)
def test_documents(ex):
    check(ex)


KNOWN_FAILURES = [
    # a document named by its subject only, without type and number, is not read
    Example("Nghị quyết về chương trình giám sát năm 2025 được thông qua",
            [D("Nghị quyết", None, None, None, "Nghị quyết về chương trình giám sát năm 2025")]),
    # the issuer of a sentence's second document is not read from its shared actor
    Example("UBND tỉnh ban hành Kế hoạch số 5 và Quyết định số 7/QĐ-UBND về CCHC",
            [D("Kế hoạch", "5", None, "UBND tỉnh", "Kế hoạch số 5"),
             D("Quyết định", "7/QĐ-UBND", None, "UBND tỉnh", "Quyết định số 7/QĐ-UBND")]),
]


def test_issuer_code_after_a_lost_hyphen():
    # a crawl wrote "1140 / BC VPCP" for "1140/BC-VPCP"
    check(Example("qua Báo cáo số 1140 / BC VPCP ngày 13/2/2019 của Văn phòng Chính phủ về kết quả",
                  [D("Báo cáo", "1140/BC-VPCP", "2019-02-13", "Văn phòng Chính phủ",
                     "Báo cáo số 1140 / BC VPCP ngày 13/2/2019 của Văn phòng Chính phủ")]))


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("ex", KNOWN_FAILURES)
def test_known_failures(ex):
    check(ex)


# --------------------------------------------------------------------------- lexicon coverage


@pytest.mark.parametrize("code,doc_type", LEXICON["standards"].items())
def test_every_standard_code(code, doc_type):
    _, got = extract(f"Áp dụng {code} 02:2020/BXD về an toàn")
    assert [(d["type"], d["number"]) for d in got] == [(doc_type, f"{code} 02:2020/BXD")]


@pytest.mark.parametrize("name", LEXICON["standard_names"])
def test_every_standard_name(name):
    text, got = extract(f"Theo {name} về nước sạch (QCVN 01-1:2018/BYT), các xã")
    assert [text[slice(*d["span"])] for d in got] == [f"{name} về nước sạch (QCVN 01-1:2018/BYT)"]


@pytest.mark.parametrize("doc_type", LEXICON["types"])
def test_every_type(doc_type):
    for written in (doc_type, doc_type.lower()):
        text, got = extract(f"Thực hiện {written} số 12/KH-UBND ngày 1/2/2024 của UBND tỉnh về CCHC")
        assert [(d["type"], d["number"], d["date"], d["issuer"]) for d in got] \
            == [(doc_type, "12/KH-UBND", "2024-02-01", "UBND tỉnh")], written


@pytest.mark.parametrize("doc_type", LEXICON["named_types"])
def test_every_named_type(doc_type):
    text, got = extract(f"theo quy định của {doc_type} Tổ chức chính quyền địa phương, huyện", unnumbered=True)
    assert [(d["type"], d["number"], text[slice(*d["span"])]) for d in got] \
        == [(doc_type, None, f"{doc_type} Tổ chức chính quyền địa phương")]


@pytest.mark.parametrize("word", LEXICON["not_before_named"])
def test_every_word_before_a_name_that_is_not_a_document(word):
    assert extract(f"Hôm qua, {word} Luật Hà Nội cho biết", unnumbered=True)[1] == []


@pytest.mark.parametrize("noun", LEXICON["bare_number_blockers"])
def test_every_bare_number_blocker(noun):
    assert extract(f"Chương trình 3 {noun} đã hoàn thành")[1] == []
    assert extract(f"Chương trình số 3 {noun} đã hoàn thành")[1][0]["number"] == "3"


@pytest.mark.parametrize("stop", LEXICON["issuer_stop_words"])
def test_every_issuer_stop_word(stop):
    _, got = extract(f"Kế hoạch số 5 của Sở Nội vụ {stop} việc này")
    assert got[0]["issuer"] == "Sở Nội vụ"


@pytest.mark.parametrize("end", LEXICON["closed_issuer_ends"])
def test_every_closed_issuer_end(end):
    _, got = extract(f"Kế hoạch số 5 của {end} bàn việc này")
    assert got[0]["issuer"] == end


@pytest.mark.parametrize("joiner", LEXICON["issuer_joiners"])
def test_every_issuer_joiner(joiner):
    _, got = extract(f"Thông tư số 5 của Bộ Lao động - Thương binh {joiner} Xã hội về việc này")
    assert got[0]["issuer"] == f"Bộ Lao động - Thương binh {joiner} Xã hội"
    _, got = extract(f"Thông tư số 5 của Bộ Nội vụ {joiner} các địa phương")
    assert got[0]["issuer"] == "Bộ Nội vụ"


@pytest.mark.parametrize("head", LEXICON["actor_heads"])
def test_every_actor_head(head):
    _, got = extract(f"Năm nay, {head} Tân An ban hành Kế hoạch số 5 về CCHC")
    assert got[0]["issuer"] == f"{head} Tân An"


@pytest.mark.parametrize("verb", LEXICON["issue_verbs"])
def test_every_issue_verb(verb):
    _, got = extract(f"Ngày 3/5, UBND tỉnh {verb} Kế hoạch số 5 về CCHC")
    assert got[0]["issuer"] == "UBND tỉnh"
    assert got[0]["date"] == ("2024-05-03" if verb in LEXICON["dating_verbs"] else None)


@pytest.mark.parametrize("adverb", LEXICON["issue_adverbs"])
def test_every_issue_adverb(adverb):
    _, got = extract(f"UBND tỉnh {adverb} ban hành Kế hoạch số 5 về CCHC")
    assert got[0]["issuer"] == "UBND tỉnh"


def test_nfd_input():
    text, got = extract(unicodedata.normalize("NFD", "Nghị quyết 60-NQ/TU ngày 15/12/2021 của Ban Thường vụ Tỉnh uỷ"))
    assert (got[0]["number"], got[0]["issuer"]) == ("60-NQ/TU", "Ban Thường vụ Tỉnh ủy")


# --------------------------------------------------------------------------- properties

FRAGMENTS = ["Kế hoạch", "số", "249", "/KH-UBND", "ngày", "29/12/2021", "16/4", "của", "UBND tỉnh", "về",
             "Luật", "Đầu tư", "do", "ký", "ban hành", "đã", "Nghị quyết", "60-NQ/TU", "\n", ", ", ". ",
             "năm", "2024", "tháng", "12", "Thủ tướng", "Chính phủ", "và", " / ", " - ", "cửa"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join), st.integers(0, 400), st.booleans())
def test_citations_lie_inside_the_body(text, body_end, unnumbered):
    text, got = extract(text, body_end=min(body_end, len(text)), unnumbered=unnumbered)
    keys = [(d["type"], d["number"]) for d in got if d["number"]]
    assert len(keys) == len(set(keys))
    for d in got:
        s, e = d["span"]
        assert 0 <= s < e <= min(body_end, len(text))
        assert d["date"] is None or len(d["date"]) == 10
