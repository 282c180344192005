"""Check messages, one sentence each, in Vietnamese and English.

Figures are quoted as written in the article ("91,16%"); computed values are written in the
reader's convention: Vietnamese "91,67 %" and "1.234", English "91.67 %" and "1,234".
"""
from __future__ import annotations

LANGS = ("vi", "en")

TEMPLATES: dict[str, dict[str, str]] = {
    "ratio_percent_mismatch": {
        "en": "{ratio} is {computed} %, but the article states {stated}.",
        "vi": "{ratio} là {computed} %, nhưng bài viết ghi {stated}.",
    },
    "count_percent_mismatch": {
        "en": "{part} of {total} is {computed} %, but the article states {stated}.",
        "vi": "{part} trên tổng số {total} là {computed} %, nhưng bài viết ghi {stated}.",
    },
    "all_on_time_but_overdue": {
        "en": "{stated} of dossiers are said to be on time, yet {part} overdue dossiers are reported.",
        "vi": "Bài viết ghi {stated} hồ sơ đúng hạn, nhưng lại nêu {part} hồ sơ quá hạn.",
    },
    "parts_vs_total": {
        "en": "The parts {parts} add up to {computed}, but the stated total is {stated}.",
        "vi": "Các phần {parts} cộng lại được {computed}, nhưng tổng số được nêu là {stated}.",
    },
    "shares_over_100": {
        "en": "The shares {parts} of one whole add up to {computed} %, more than 100 %.",
        "vi": "Các tỷ lệ {parts} của cùng một tổng cộng lại được {computed} %, vượt quá 100 %.",
    },
    "shares_under_100": {
        "en": "The shares {parts} cover the whole but add up to only {computed} %.",
        "vi": "Các tỷ lệ {parts} bao trùm toàn bộ nhưng cộng lại chỉ được {computed} %.",
    },
    "part_exceeds_total": {
        "en": "The part {part} is larger than its total {total}.",
        "vi": "Phần {part} lớn hơn tổng số {total} của nó.",
    },
    "count_list_mismatch": {
        "en": "The article counts {stated} {noun} but names {computed}.",
        "vi": "Bài viết nêu {stated} {noun} nhưng liệt kê {computed}.",
    },
    "values_list_mismatch": {
        "en": "{computed} names are given {stated} values respectively.",
        "vi": "{computed} tên được gán lần lượt {stated} giá trị.",
    },
    "conflicting_values": {
        "en": "The same figure is given as {first} and as {second}.",
        "vi": "Cùng một số liệu được nêu là {first} và {second}.",
    },
    "rise_contradicted": {
        "en": "The figure is said to rise from {first} to {second}, but {second} is lower.",
        "vi": "Số liệu được nói là tăng từ {first} lên {second}, nhưng {second} lại thấp hơn.",
    },
    "fall_contradicted": {
        "en": "The figure is said to fall from {first} to {second}, but {second} is higher.",
        "vi": "Số liệu được nói là giảm từ {first} xuống {second}, nhưng {second} lại cao hơn.",
    },
    "share_above_100": {
        "en": "{stated} is not a possible share (above 100 %).",
        "vi": "{stated} không thể là một tỷ lệ (vượt quá 100 %).",
    },
    "rank_beyond_field": {
        "en": "Rank {stated} is beyond the field of {field} ranked.",
        "vi": "Thứ hạng {stated} vượt quá số {field} đơn vị được xếp hạng.",
    },
}

LINKED = {
    "en": " (this links figures across sentences)",
    "vi": " (phép kiểm tra này liên kết số liệu giữa các câu)",
}


def number(x: float, lang: str) -> str:
    """1234.5 -> "1.234,5" (vi) or "1,234.5" (en); at most two decimals."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def render(template: str, lang: str, linked: bool = False, **params) -> str:
    """The message for `template` in `lang`; numbers in `params` are written in its convention,
    strings (surfaces as written) are kept."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGS)}")
    values = {k: number(v, lang) if isinstance(v, (int, float)) else v for k, v in params.items()}
    message = TEMPLATES[template][lang].format(**values)
    if linked:
        message = message[:-1] + LINKED[lang] + "."
    return message
