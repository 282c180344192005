"""Layout: title, published date, bylines and the body span of an article's plain text.

The body is the article proper: headline, lead, paragraphs and photo captions, without the
site's section labels, the date line, bylines, related-article lists, comment boxes and
footers. Lines inside the body that only carry page metadata (the date line under the
headline) are returned as `meta_lines` so the extractors can skip them.

Bylines are the short name lines that end the body ("Dũng Chinh"), maybe after a prefix
("Bài, ảnh: Hữu Công", "Ảnh: Sỹ Đông", "Theo Thanh Hà"; resources/boilerplate.yml), with two
pen names side by side ("Lan Hương - Trường Thịnh (tổng hợp)"); else a name glued after the
last sentence ("... kiểm tra. T.L", "... trực tuyến./. Thanh Hà", "... nhiều. Quốc Phong ----
[1] notes"). Page chrome ("TIN KHÁC CÙNG CHUYÊN MỤC", "Số lượt xem") is never an author.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

import regex

from .dates import DMY_RE, parse_date
from .pattern_cache import compile_pattern
from .resources import load_yaml
from .textkeys import fold, key

Span = tuple[int, int]

LINE_RE = compile_pattern(r"[^\n]*")
# A line that is (mostly) a publication date: "Publish date 12/09/2019 | 10:22 | View count: 2644",
# "Cập nhật ngày: 16/10/2024 13:01:49", "Thứ hai, 04/12/2023", "Tin tức 23/04/2024 20:28",
# "Thứ Năm, 12/9/2019, 10:22 (GMT+7)", "Ngày đăng: 12/09/2019".
DATE_LINE_RE = compile_pattern(
    r"""^\W*
        (?:(?:publish(?:ed)?\s*(?:date|on)?|cập\s*nhật(?:\s*ngày|\s*lúc)?|ngày\s*đăng|đăng\s*(?:ngày|lúc)
           |ngày|thứ\s*\w+|chủ\s*nhật|tin\s*tức|thời\s*sự|posted|date|\w+\s*\|)\W*)*
        \d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}
        (?:[\s,|\-–]*(?:lúc\s*)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?)?
        (?:\s*\(?GMT\s*[+\-]\s*\d+\)?)?
        (?:\s*\|.*)?$""",
    regex.IGNORECASE | regex.VERBOSE,
)
MAX_DATE_LINE = 90
# "Dũng Chinh", "THANH HUYỀN", "T.L", "N.H.Anh": capitalised words or initials
_NAME_WORD = r"(?:\p{Lu}\.)*\p{Lu}[\p{Ll}\p{Lu}]*\.?"
BYLINE_NAME_RE = compile_pattern(rf"^{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,4}}$")


# "... kiểm tra. T.L", "... vật chất). Công Thành", "... ch. Chu Thanh Vân (TTXVN)",
# "... phẩm. Hải An - Ngọc An": a byline glued after the last sentence of the last line
TRAILING_BYLINE_RE = compile_pattern(
    rf"""(?<=[\p{{Ll}}\d)”"][.!?…]|[.!?…][”"]|\./\.)[ \u00a0]+
    (?P<name>{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,4}}(?:[ \u00a0]+[-–][ \u00a0]+{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,4}})*)
    (?:[ \u00a0]*\([^()\n]{{1,30}}\))?[ \u00a0]*[-–]?[ \u00a0]*$""",
    regex.VERBOSE,
)
# "... nhiều. Quốc Phong ---- [1] Hoàn thành ...": a rule, then the article's notes
NOTES_RULE_RE = compile_pattern(r"(?<![ \u00a0])[ \u00a0]+-{3,}(?=[ \u00a0]|$)")
# "... các Sở GTVT.C.N.Q": initials glued to the last full stop without a space
GLUED_INITIALS_RE = compile_pattern(r"(?<=[\p{L}\d)”\"][.!?…])(?P<name>(?:\p{Lu}\.){1,4}\p{Lu}\.?)[ \u00a0]*$")


@dataclass
class Layout:
    title: str | None
    published: str | None
    authors: list[str]
    body: Span
    meta_lines: list[Span] = field(default_factory=list)  # inside body, not article prose
    warnings: list[str] = field(default_factory=list)


def _prefix_re(prefixes: list[str]) -> regex.Pattern:
    """"Bài, ảnh:", "Theo": over a line's folded text; spaces (any number) may stand around the
    colon and the comma, and a prefix without a colon needs a space after it."""
    def pattern(prefix: str) -> str:
        words = [regex.escape(w) for w in regex.split(r"\s+", fold(prefix.rstrip(":")).strip())]
        body = r"\s*".join(w.replace(",", r"\s*,") for w in words)
        return body + (r"\s*:\s*" if prefix.endswith(":") else r"\s+")
    alternation = "|".join(pattern(p) for p in sorted(prefixes, key=len, reverse=True))
    return compile_pattern(rf"^(?:{alternation})")


@functools.cache
def _lexicon() -> dict:
    data = load_yaml("boilerplate.yml")
    return {
        "end": {key(x) for x in data["end_markers"]},
        "footer": tuple(key(x) for x in data["footer_prefixes"]),  # a tuple: one str.startswith tests them all
        "end_words": max(len(key(x).split()) for x in data["end_markers"]),
        "footer_words": max(len(key(x).split()) for x in data["footer_prefixes"]),
        "section": {key(x) for x in data["section_labels"]},
        "site_info_re": compile_pattern(r"(?:^|[-–|.©][ \u00a0]*)(?:" + "|".join(regex.escape(x) for x in data["site_info_labels"]) + ")"),
        "separators": data["byline_separators"],
        "name_separators": data["byline_name_separators"],
        "prefix_re": _prefix_re(data["byline_prefixes"]),
        "not_bylines": {key(x) for x in data["not_bylines"]},
        "seam_before": {key(x) for x in data["teaser_seam_not_after"]},
        "org_heads": {key(x) for x in data["organisation_heads"]},
        "affiliation_re": _prefix_re(data["byline_affiliations"]),
        "office_name_words": {w for phrase in data["office_name_words"] for w in phrase.split()},
    }


# "... trong cải cách hành chính Cải cách hành chính, tạo lập ...": a lower-case word, then a
# capitalised word starting a new headline
SEAM_RE = compile_pattern(r"(?<=(?<!\S)\p{Ll}+ \p{Ll}+ (\p{Ll}+)) (\p{Lu}\p{Ll}* \p{Ll}+)")
TERMINAL_PUNCT_RE = compile_pattern(r"[.!?:;…\"”’)\]]\s*$")
TEASER_ZONE = 6  # lines after the headline where crawled pages put related-article links


# a photo caption's credit after its last sentence: "... đạt 100%. Ảnh: Bùi Giang – TTXVN"
CREDIT_TAIL_RE = compile_pattern(r"[.!?…]\s*\(?\s*Ảnh\s*:?[^.!?()]{1,60}\)?\s*$")


def _may_be_teaser(line: str) -> bool:
    """The cheap half of `is_teaser_line`: no closing punctuation (a caption's credit is none),
    12 to 60 words."""
    return not (TERMINAL_PUNCT_RE.search(line) or CREDIT_TAIL_RE.search(line)) and 12 <= len(line.split()) <= 60


def is_teaser_line(line: str, folded_text: str) -> bool:
    """Related-article headlines run together on one line ("Tăng cường ... cải cách hành chính
    Cải cách hành chính, tạo lập ..."): no closing punctuation, and a seam where a lower-case
    content word is followed by a capitalised common phrase, one the article also writes in
    lower case (a proper name, "Hà Nội", never is), after three lower-case words (so not inside
    a name such as "Bộ phận Một cửa")."""
    if not _may_be_teaser(line):
        return False
    for m in SEAM_RE.finditer(line):
        if key(m.group(1)) in _lexicon()["seam_before"] or key(m.group(2).split()[0]) in _lexicon()["org_heads"]:
            continue
        phrase = key(m.group(2))
        if f" {phrase} " in folded_text:
            return True
    return False


def lines_of(text: str) -> list[Span]:
    """Spans of the non-blank lines, trimmed of surrounding whitespace."""
    out = []
    for m in LINE_RE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_date_line(line: str) -> bool:
    return len(line) <= MAX_DATE_LINE and bool(DATE_LINE_RE.match(line.strip()))


def is_section_label(line: str) -> bool:
    words = line.split()
    if key(line) in _lexicon()["section"]:
        return True
    # "KINH TẾ - CHÍNH TRỊ": a short all-capitals label above the headline
    letters = [c for c in line if c.isalpha()]
    return len(words) <= 5 and bool(letters) and all(c.isupper() for c in letters)


MENU_ITEM_WORDS = 4


def is_menu_line(line: str) -> bool:
    """"Trang chủ | Thời sự | Chính trị | Kinh tế": three or more short items between bars, no digit."""
    items = [x.strip() for x in line.split("|")]
    return (len(items) >= 3 and all(0 < len(x.split()) <= MENU_ITEM_WORDS for x in items)
            and not any(c.isdigit() for c in line))


def _key(text: str, folded: str | None) -> str:
    """`key(text)`; from `folded`, `fold(text)` of NFC text, if the caller has it."""
    return key(text) if folded is None else " ".join(folded.split())


def is_end_marker(line: str, folded: str | None = None) -> bool:
    """`folded`: `fold(line)` of an NFC line, if the caller has it."""
    # a line of more words than any marker (one more: a last word of colons is stripped) is
    # prose; most lines are, and keying them all is a good share of the layout's time
    if len(line.split(None, _lexicon()["end_words"] + 1)) > _lexicon()["end_words"] + 1:
        return False
    k = _key(line, folded).rstrip(":").strip()
    return k in _lexicon()["end"]


def is_footer(line: str, folded: str | None = None) -> bool:
    """`folded`: `fold(line)` of an NFC line, if the caller has it."""
    # the key of the first words is the start of the line's key, and no prefix has more words
    words = _lexicon()["footer_words"] + 1
    if folded is None:
        k = key(" ".join(line.split(None, words)[:words]))
    else:
        k = " ".join(folded.split(None, words)[:words])
    return k.startswith(_lexicon()["footer"])


MAX_BYLINE = 80  # characters: a prefix and two pen names
OFFICE_BYLINE_WORDS = 10


def _strip_byline_prefix(line: str) -> tuple[str, bool]:
    """`line` without a leading "Bài, ảnh:" or "Theo", and whether it had one."""
    m = _lexicon()["prefix_re"].match(fold(line))
    return (line[m.end():].strip(), True) if m else (line, False)


def _is_pen_name(name: str | None, prefixed: bool) -> bool:
    """Whether `name`, a byline's name, names a person: after a prefix or beside another name, a
    single capitalised word without dots is an agency ("Ảnh: VGP", "Minh Anh - TTXVN")."""
    return bool(name) and (not prefixed or len(name.split()) > 1 or "." in name)


MAX_AFFILIATION_WORDS = 14


def is_affiliation(line: str) -> bool:
    """A short line naming an office, under a byline: "Trung tâm Văn hóa - Thông tin xã"."""
    line = line.strip()
    return (0 < len(line.split()) <= MAX_AFFILIATION_WORDS and not TERMINAL_PUNCT_RE.search(line)
            and bool(_lexicon()["affiliation_re"].match(fold(line))))


def is_office_byline(text: str, lines: list[Span], k: int) -> bool:
    """Whether line `k`, the last of the body, is an office signing the article ("Văn phòng HĐND
    và UBND xã", "Trung tâm PVHCC phường"): an office's name alone on its line, after a blank line
    or, as the text's last line, one made of name words only (no caption's verbs)."""
    line = text[slice(*lines[k])]
    if not is_affiliation(line) or len(line.split()) > OFFICE_BYLINE_WORDS:
        return False
    if "\n\n" in text[lines[k - 1][1]:lines[k][0]].replace(" ", "").replace("\t", ""):
        return True
    return k == len(lines) - 1 and _office_name_only(line)


def _office_name_only(line: str) -> bool:
    """"Văn phòng HĐND - UBND xã Vũ Hội", "Ban Biên tập", not "UBND xã tổ chức hội nghị": past the
    office's head, only capitalised words (with the lower-case words of a name begun by one:
    "Vụ Cải cách hành chính"), abbreviations, dashes and office_name_words."""
    line = line.strip()
    head = _lexicon()["affiliation_re"].match(fold(line))
    office_words = _lexicon()["office_name_words"]
    in_name = False  # after a capitalised (not all upper-case) word: its name's lower-case words follow
    for w in line[head.end() if head else 0:].split():
        if w[0].isupper():
            in_name = not w.isupper()
        elif w in ("-", "–") or w in office_words:
            in_name = False
        elif not in_name:
            return False
    return True


SOURCE_RE = compile_pattern(r"[ \t]*Theo[ \t]+(?P<source>[^\d\n]{2,70}?)[ \t]*$")
AGENCY_RE = compile_pattern(r"(?:Tin[ \t]+tức|Thông[ \t]+tấn|Tạp[ \t]+chí)(?!\p{L})|\p{Lu}{3,}(?:[ \t]|$)")


def source_byline(line: str) -> str | None:
    """The source a last line credits ("Theo Báo Chính phủ", "Theo Cổng TTĐT tỉnh Lâm Đồng", "Theo
    TTXVN"): an office, a paper or an agency after "Theo", as written; else None ("Theo Thanh Hà"
    names a person: `byline_names`)."""
    m = SOURCE_RE.fullmatch(line)
    if m is None or m["source"].endswith((".", ":", ";")):
        return None
    source = m["source"]
    return source if is_affiliation(source) or AGENCY_RE.match(source) else None


AGENCY_AFTER_SLASH_RE = compile_pattern(r"[ \t]*/[ \t]*\p{Lu}{2,}[\p{Lu}\d&]*[ \t]*$")


def byline_names(line: str) -> list[str]:
    """The authors if `line` is a byline ("Dũng Chinh", "Bài, ảnh: Hữu Công", "Theo Thanh Hà",
    "Lan Hương - Trường Thịnh (tổng hợp)": two pen names), else []."""
    if len(line) > MAX_BYLINE:
        return []
    rest, prefixed = _strip_byline_prefix(line.strip())
    rest = AGENCY_AFTER_SLASH_RE.sub("", rest)  # "Minh Quyết/TTXVN": the author, then the agency
    parts = regex.split("|".join(map(regex.escape, _lexicon()["name_separators"])), rest)
    first = byline_name(parts[0])
    if byline_name(rest.replace(" / ", " - ")) != first or not _is_pen_name(first, prefixed):
        # the whole line passes a byline's tests (no digits, no closing stop), not just its first part
        return []
    names = [first]
    for part in parts[1:]:
        part = regex.sub(r"\s*\([^()]*\)\s*$", "", part).strip()  # "(tổng hợp)", "(TTXVN)"
        if is_affiliation(part):
            break  # "Hồng Nhung - Báo Đắk Lắk": the author's paper
        name = byline_name(part)
        if name != part or not _is_pen_name(name, True):
            break  # "Thanh Xuân – TTVHTT&TT huyện": the author's organisation
        names.append(name)
    return names


def byline_name(line: str) -> str | None:
    """The author's name if `line` is a byline ("Dũng Chinh", "THANH HUYỀN",
    "Thanh Xuân – TTVHTT&TT huyện"), else None."""
    line = line.strip()
    if not line or len(line) > 60 or line[-1] in ".!?:;”\"" or any(c.isdigit() for c in line):
        return None
    name = line
    for sep in _lexicon()["separators"]:
        if sep in name:
            name = name.split(sep, 1)[0].strip()
    if key(name) in _lexicon()["not_bylines"] or key(name) in _lexicon()["end"]:
        return None
    words = name.split()
    if not 1 <= len(words) <= 5 or not BYLINE_NAME_RE.match(name):
        return None
    if len(words) == 1 and not ("." in name or name.isupper()):
        return None  # a single capitalised word is more often a label than a name
    return name


# a page's share buttons: "Chia sẻ: Facebook | Zalo | Twitter | In bài", "Share: Facebook, Email"
SHARE_LINE_RE = compile_pattern(r"[ \t]*(?:chia[ \t]+sẻ|share)[ \t]*:?[ \t]*(?:facebook|zalo|twitter|email|in[ \t]+bài)(?![\p{L}])",
                              regex.IGNORECASE)


PROSE_BEFORE_SHARE = 3  # long lines before a share line that ends the body (under the headline it is furniture)
PROSE_LINE = 80  # characters


def _prose_lines(text: str, lines: list[Span], lo: int, hi: int) -> int:
    """How many of lines lo..hi-1 are prose (long), up to PROSE_BEFORE_SHARE."""
    n = 0
    for k in range(lo, hi):
        if lines[k][1] - lines[k][0] > PROSE_LINE:
            n += 1
            if n >= PROSE_BEFORE_SHARE:
                break
    return n


SITE_INFO_TAIL = 3  # lines at the end of a text where a site's information line is sought


def is_site_info(line: str) -> bool:
    """A line of the site's information (licence, owner, address, phone): a page footer."""
    return _lexicon()["site_info_re"].search(unicodedata.normalize("NFC", line).strip()) is not None


def footer_start(text: str, lines: list[Span], first: int, end: int) -> int:
    """Where the site's information lines at the very end of the body start (`end` if none):
    each of the last few lines that is one, and whatever follows it."""
    start = end
    for i in range(end - 1, max(first, end - SITE_INFO_TAIL) - 1, -1):
        if i > first and is_site_info(text[slice(*lines[i])]):
            start = i
    return start


def find_body_end(text: str, lines: list[Span], first: int, folded: str | None = None) -> int:
    """Index into `lines` of the first line after the body (end marker or footer); `folded`:
    `fold(text)` of an NFC text, if the caller has it."""
    for i in range(first + 1, len(lines)):
        line = text[slice(*lines[i])]
        folded_line = folded[slice(*lines[i])] if folded is not None else None
        if is_end_marker(line, folded_line) or is_footer(line, folded_line) or (
                SHARE_LINE_RE.match(line) and _prose_lines(text, lines, first + 1, i) >= PROSE_BEFORE_SHARE):
            return i
    return len(lines)


TITLE_SEARCH_LINES = 8  # lines from the top where a crawled page's headline is looked for


def _title_line(text: str, lines: list[Span], title: str, first: int) -> int:
    """The line that is the given headline, when it stands a few lines below `first` (under a
    site's name and menu lines); else `first`."""
    wanted = key(title)
    if not wanted or key(text[slice(*lines[first])]) == wanted:
        return first
    for i in range(first + 1, min(len(lines) - 1, first + TITLE_SEARCH_LINES)):
        if key(text[slice(*lines[i])]) == wanted:
            return i
    return first


def analyse(text: str, given_title: str | None = None, given_published: str | None = None,
            folded: str | None = None) -> Layout:
    """The layout of `text`; `folded`: `fold(text)`, if the caller has it."""
    if folded is not None and not unicodedata.is_normalized("NFC", text):
        folded = None  # the keys fold NFC text
    lines = lines_of(text)
    warnings: list[str] = []
    if not lines:
        return Layout(given_title, parse_date(given_published or ""), [], (0, 0), [], ["no body found"])

    # the headline: the first line that is neither a section label nor a date line
    first = 0
    while first < len(lines) - 1 and (is_section_label(text[slice(*lines[first])])
                                      or is_date_line(text[slice(*lines[first])])):
        first += 1
    if given_title:
        # a crawled page: the site's name, menu and breadcrumb above the given headline are the page's
        first = _title_line(text, lines, given_title, first)
    title = given_title or text[slice(*lines[first])]

    end = find_body_end(text, lines, first, folded)
    end = footer_start(text, lines, first, end)

    # date lines near the top belong to the page, not to the prose
    published = parse_date(given_published) if given_published else None
    meta_lines: list[Span] = []
    for i in range(0, min(end, first + 6)):
        line = text[slice(*lines[i])]
        if is_date_line(line):
            if published is None:
                published = parse_date(DMY_RE.search(line).group())
            if i >= first:
                meta_lines.append(lines[i])
        elif first < i and (is_menu_line(line) or key(line) in _lexicon()["section"]):
            meta_lines.append(lines[i])  # a crawled page's menu and section under its headline

    folded_text = None  # keyed only for a line that may be a teaser: most articles have none
    for i in range(first + 1, min(end, first + 1 + TEASER_ZONE)):
        line = text[slice(*lines[i])]
        if not _may_be_teaser(line):
            continue
        folded_text = _key(text, folded) if folded_text is None else folded_text
        if is_teaser_line(line, folded_text):
            meta_lines.append(lines[i])

    # bylines: consecutive short name lines at the end of the body, maybe over their office
    authors: list[str] = []
    last = end
    if last - 2 > first and is_affiliation(text[slice(*lines[last - 1])]) and byline_names(text[slice(*lines[last - 2])]):
        last -= 1
    while last - 1 > first:
        names = byline_names(text[slice(*lines[last - 1])])
        if not names:
            break
        authors[:0] = names
        last -= 1
    if not authors and last - 2 > first and is_office_byline(text, lines, last - 1):
        authors = [text[slice(*lines[last - 1])].strip()]  # "Văn phòng HĐND và UBND xã": an office signs it
        last -= 1
    if not authors and last - 2 > first and (source := source_byline(text[slice(*lines[last - 1])])):
        authors = [source]  # "Theo Báo Chính phủ", "Theo TTXVN": the source the article is taken from
        last -= 1
    if last <= first:
        warnings.append("no body found")
    body = (lines[first][0], lines[max(first, last - 1)][1])
    if not authors and last - 1 > first:
        # some crawls glue the byline to the last paragraph: "... kiểm tra. T.L"
        last_line = text.rfind("\n", body[0], body[1]) + 1 or body[0]  # neither pattern spans lines
        notes = NOTES_RULE_RE.search(text, last_line, body[1])
        line_end = notes.start() if notes else body[1]
        trailing = (TRAILING_BYLINE_RE.search(text, last_line, line_end)
                    or GLUED_INITIALS_RE.search(text, last_line, line_end))
        names = [byline_name(n) for n in regex.split(r"[ \u00a0]+[-–][ \u00a0]+", trailing["name"])] if trailing else []
        if names and all(n and len(n) >= 3 for n in names):
            authors = names
            body = (body[0], trailing.start("name"))
            while body[1] > body[0] and text[body[1] - 1].isspace():
                body = (body[0], body[1] - 1)
    if not authors:
        byline = byline_before_captions(text, lines, first, last)
        if byline is None:
            byline = byline_under_headline(text, lines, first, last)
        if byline is not None:
            line = text[slice(*lines[byline])]
            dated = BYLINE_THEN_DATE_RE.match(line)
            authors = byline_names(dated["names"] if dated else line)
            meta_lines.append(lines[byline])  # the captions after it stay in the body
    return Layout(title, published, authors, body, meta_lines, warnings)


# a byline and the page's date on one line: "Thành Duy - Phương Thúy • 09/07/2026 16:20"
BYLINE_THEN_DATE_RE = compile_pattern(r"(?P<names>[^\d•|]{3,80}?)[ \u00a0]*[•|·][ \u00a0]*(?:\p{L}+[ \u00a0]*\p{L}*,[ \u00a0]*)?"
                                    r"\d{1,2}/\d{1,2}/\d{4}(?:[ \u00a0,-]+\d{1,2}:\d{2})?[ \u00a0]*$")


def _names_a_province(name: str) -> bool:
    """"Hà Nội • 10/07/2026": a dateline's place, not an author."""
    from .gazetteer import lookup  # the register only for such a line
    return bool(lookup("province", name.strip()))


def byline_under_headline(text: str, lines: list[Span], first: int, last: int) -> int | None:
    """The index of a byline line right under the headline: prefixed ("Bài, ảnh: Hữu Công"), or
    a name beside the page's date line ("Headline\nPhạm Bằng\n12/03/2026 09:30\n..."); a name
    alone there may be the first words of the story."""
    for i in (first + 1, first + 2):
        if i + 1 >= min(last, len(lines)):
            break
        line = text[slice(*lines[i])]
        dated = BYLINE_THEN_DATE_RE.match(line)
        if dated and byline_names(dated["names"]) and not _names_a_province(dated["names"]):
            return i  # "Thành Duy - Phương Thúy • 09/07/2026 16:20": the names and the date on one line
        if not byline_names(line):
            continue
        neighbours = [lines[i + 1]] + ([lines[i - 1]] if i - 1 > first else [])
        if (i == first + 1 and _strip_byline_prefix(line.strip())[1]) or any(
                is_date_line(text[slice(*n)]) for n in neighbours):
            return i
    return None


MAX_CAPTIONS = 4  # photo captions a page may print after the byline
MAX_CAPTION_WORDS = 45


def byline_before_captions(text: str, lines: list[Span], first: int, last: int) -> int | None:
    """The index of a byline line followed, after a blank-line gap, by nothing but a few photo
    captions ("... thực thi pháp luật .\nVõ Hải\n\n\nDịch vụ ... bức xúc .\nẢnh : Võ Hải .")."""
    for i in range(max(first + 1, last - 1 - MAX_CAPTIONS), last - 1):
        s, e = lines[i]
        if not byline_names(text[s:e]) or text.count("\n", e, lines[i + 1][0]) < 3:
            continue
        if all(len(text[slice(*lines[k])].split()) <= MAX_CAPTION_WORDS for k in range(i + 1, last)):
            return i
    return None
