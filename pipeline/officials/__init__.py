"""Officials: people named in the article body with a public role, and every mention of them.

A person is found by one of three cues, read left to right over the tokens of each paragraph:
1. a role title before the name: "Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính", "Thủ tướng
   Nguyễn Xuân Phúc"; roles chained just before it count too ("Ủy viên BTV Tỉnh ủy, Chủ tịch
   UBND tỉnh Nguyễn Văn A");
2. "ông", "bà", "đồng chí" before the name;
3. a separator and a role after the name: "Huỳnh Văn Nhã - Phó Bí thư Huyện ủy, Chủ tịch UBND
   huyện Tân Hồng"; "... làm trưởng đoàn" adds one more.
A role is a title (resources/titles.yml, longest match, abbreviations allowed: "UV BTV") and
the organisation that follows it ("Phó Chủ tịch" + "HĐND huyện"). A name is a capitalised run
of 2-4 syllables starting with a family name (resources/surnames.yml), or a foreign name
after a title ("Tổng thống Hàn Quốc Yoon Suk Yeol").

One Official per name (tone- and case-folded), its roles merged across mentions; people with
no role are kept only when the text calls them "đồng chí". A role chained before a name
("của Bí thư Thành ủy, Phó Chủ tịch UBND TP X") that another person of the article holds is
that person's. An organisation ending in a bare unit word or party committee ("HĐND TP",
"Huyện ủy") is completed with the unit's name where the article gives it ("HĐND TP Hà Nội").
Mentions are every occurrence of the full name in the body, plus "ông/bà/đồng chí/anh/chị" or
a title followed by the last syllables of a known name ("bà Châu", "đồng chí Hậu"). Only
`article.body` is read: bylines and related-article lists are outside it. A paragraph is
tokenized only if its folded text holds a title or a cue (or, later, a known name or a unit
word): most hold none, and tokenizing is most of the work.
"""
from .extractor import extract_officials
from .lexicon import Lexicon, expand, lexicon

__all__ = ["Lexicon", "expand", "extract_officials", "lexicon"]
