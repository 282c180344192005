"""Officials: people named in the article body with a public role, and every mention of them.

A person is found by one of these cues, read left to right over the tokens of each paragraph:
1. a role title before the name: "Chủ tịch UBND huyện Phú Xuyên Lê Văn Bính", "Thủ tướng
   Nguyễn Xuân Phúc", a rank ("Thiếu tướng Trần Đức Tài"); roles chained just before it count
   too ("Ủy viên BTV Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn A");
2. "ông", "bà", "đồng chí", "anh", "chị", "TS" ... before the name, or before a list of names
   ("các ông, bà A, B và C");
3. a separator and a role after the name: "Huỳnh Văn Nhã - Phó Bí thư Huyện ủy, Chủ tịch UBND
   huyện Tân Hồng"; "... làm trưởng đoàn" adds one more, and so does a post given later in the
   sentence ("được Bộ Chính trị chỉ định làm Bí thư Tỉnh ủy B"), to every name of a list;
4. roles after a short form of a name ("TS Cung - viện trưởng Viện ..."), for the one person
   the article names in full with those syllables.
A role is a title (resources/titles.yml, longest match, abbreviations allowed: "UV BTV";
"nguyên Bộ trưởng" a former post; "Bộ trưởng, Chủ nhiệm" one post) and the organisation that
follows it ("Phó Chủ tịch" + "HĐND huyện"; "Chủ tịch phường 15" is of "UBND phường 15"; low
posts such as "công chức văn phòng" only with their organisation). A name is a capitalised
run of 2-4 syllables starting with a family name (resources/surnames.yml), or a foreign name
after a title ("Tổng thống Hàn Quốc Yoon Suk Yeol"). Right after a unit word a name needs a
middle name ("huyện Nguyễn Văn Cừ"), except after "tỉnh"/"TP", whose every unit the register
lists: a run the register holds no province or city of is a person ("UBND tỉnh Hoàng Giang").

One Official per name (tone- and case-folded), its roles merged across mentions; people with
no role are kept only when the text calls them "đồng chí". A role chained before a name
("của Bí thư Thành ủy, Phó Chủ tịch UBND TP X") that another person of the article holds is
that person's. An organisation ending in a bare unit word or party committee ("HĐND TP",
"Huyện ủy") is completed with the unit's name where the article gives it ("HĐND TP Hà Nội"),
else with the one province or district all the article's units lie in; one named by its head
only ("Chủ tịch hội đồng") takes the one full name the article gives such a body.
Mentions are every occurrence of the full name in the body, plus an honorific or a title
followed by the last syllables of a known name ("bà Châu", "đồng chí Hậu"). Only
`article.body` is read: bylines and related-article lists are outside it. A paragraph is
tokenized only if its folded text holds a title or a cue (or, later, a known name or a unit
word), and scanned for people only if it may name one (`prefilter`: an honorific before a
capitalised word, a capitalised family name, a foreign word): most hold none, and tokenizing
is most of the work.

Modules: `lexicon` (the YAML lexicons as token phrases), `reader` (a paragraph's tokens and
the name tests), `prefilter` (whether a paragraph may name a person), `parser` (roles, people
and places of one paragraph), `linking` (across the article: merging, completion, mentions),
`extractor` (`extract_officials`).
"""
from .extractor import extract_officials
from .lexicon import Lexicon, expand, lexicon

__all__ = ["Lexicon", "expand", "extract_officials", "lexicon"]
