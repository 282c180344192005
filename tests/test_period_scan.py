"""The period scan's prefilter (`periods.PERIOD_START_RE` over the lowered text) only skips
places where no period phrase can start: `find_periods` finds the same phrases as the full
pattern tried at every word that may open one, caselessly."""
import re

import pytest

from pipeline.periods import find_periods, period_re

# every first word a phrase of `period_re` may open with, and any digit: the places the full
# pattern is worth trying at, without the prefilter's narrowing
EVERY_START_RE = re.compile(
    r"(?<![^\W_])(?:từ|kể|giai|thời|nhiệm|năm|tính|đến|tới|trong|riêng|chỉ|sau|hơn|gần|quý|tháng|"
    r"hiện|những|ngày|par|sipas|papi|pci|dti|apci|ddci|egdi|ict|hai|ba|bốn|sáu|bảy|tám|chín|mười|\d)",
    re.IGNORECASE)


def unfiltered(text: str) -> list[tuple[int, int]]:
    out, free = [], 0
    for c in EVERY_START_RE.finditer(text):
        m = period_re().match(text, c.start()) if c.start() >= free else None
        if m:
            out.append(m.span("y24") if m["edition"] else m.span())  # an edition's period is its year
            free = m.end()
    return out


TEXTS = [
    "Quý 2 năm nay, tỉnh nhận 300 hồ sơ; quý III/2024 nhận 200.",  # a start right after a number
    "Giai đoạn 2021-2025 và 2016 – 2020, trong 6 tháng đầu năm 2024 và 5 năm qua.",
    "Sau 3 tháng vận hành, 10 ngày sau khi sáp nhập, 12 TUẦN đầu sau khi sáp nhập.",
    "Chính quyền chỉ đạo ban hành 2.000 văn bản; chín xã, ba huyện, Năm 2023 và NĂM NAY.",
    "PARINDEX 2023, PAR-INDEX 2022, SIPAS 2021 và ICT Index 2020 đều tăng.",
    "Từ ngày 15/12/2023 - 15/9/2024, từ tháng 7-2018 đến nay, tính đến hết năm 2019.",
    "Hiện nay có 25 xã; hiện có 30 phường; những năm qua; 9 tháng năm nay.",
    "ſau 3 tháng vận hành, Kết quả năm 2020 của İstanbul: năm 2021.",  # letters lowering does not pair
    "Đến 17 h 30 ngày 1/7/2025, 1.234 hồ sơ; 2023 hồ sơ; 20 năm 2024.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_keeps_every_phrase(text):
    found = [(p.start_pos, p.end_pos) for p in find_periods(text, 0, len(text), "2024-10-16")]
    assert found == unfiltered(text)
    assert found  # each text holds periods: the comparison is not between two empty lists


def test_phrase_right_after_a_number_is_found():
    text = "Quý 2 năm nay, tỉnh nhận 300 hồ sơ."
    spans = [text[p.start_pos:p.end_pos] for p in find_periods(text, 0, len(text), "2024-10-16")]
    assert spans == ["Quý 2", "năm nay"]


def test_text_with_special_case_letters_is_scanned_caselessly():
    text = "ſau 3 tháng, İ NĂM 2020 có 3 xã."
    found = find_periods(text, 0, len(text), "2024-10-16")
    assert [text[p.start_pos:p.end_pos] for p in found] == ["NĂM 2020"]
