"""A stated count against the list it names ("có 4 xã ... là xã A, xã B, xã C, xã D và xã E"),
and names against the values given to them "lần lượt" (respectively)."""
from __future__ import annotations

import functools

import regex

from ..pattern_cache import compile_pattern
from ..resources import load_yaml
from ..list_items import items_after, names_one
from .base import Article, Finding, exact, is_change

# what opens the list a count names: "là", "gồm", "bao gồm", "gồm có", ":"
INTRO_RE = compile_pattern(r"(?:(?<!\p{L})(?:là|gồm có|bao gồm|gồm)(?!\p{L})\s*:?|:)\s*", regex.IGNORECASE)
# (lower case only: "Đạt" of "xã Hoằng Đạt" is a name, no verb)
LIST_END_RE = compile_pattern(r"[;(.!?\n]|(?<!\p{L})(?:đạt|được|đã|có|với|lần lượt|nhằm|để|trong đó)(?!\p{L})")
RESPECTIVELY_RE = compile_pattern(r"(?<!\p{L})lần lượt(?:\s+(?:là|đạt|có|được))?(?!\p{L})", regex.IGNORECASE)
VALUE_GAP_RE = compile_pattern(r"^\s*(?:%|điểm)?\s*(?:[,;]|và|;\s*và|,\s*và)\s*$", regex.IGNORECASE)
MAX_COUNT = 30  # larger counts are not spelt out as lists
MAX_ITEMS_VALUES = 120  # figures after a count among which its bulleted items' values are sought
# "Phường 10", "phường Hà Giang 1": a name with a number
NUMBERED_UNIT_RE = compile_pattern(r"(?:phường|quận|xã)(?:\s+\p{L}+){0,3}\s*\d{1,2}", regex.IGNORECASE)
BRACKETED_RE = compile_pattern(r"\s*\([^()\n]{0,40}\)")
DIGIT_RE = compile_pattern(r"\d")
JOINED_PART_RE = compile_pattern(r"[^\d;.]{0,60}\s(?:và|,)\s*")
INTRO_REACH = 80  # characters from a count to the word that opens its list
COLON_INTRO_REACH = 160  # ... to one ending in a colon ("gồm:"), which opens a list whatever the words before it
NAMES_REACH = 400  # characters before "lần lượt" where the names it pairs with are read
# the type words of unit_types.yml, longest first, each with the blank that ends it
UNIT_TYPES = tuple(f"{t} " for t in sorted(load_yaml("unit_types.yml")["types"], key=len, reverse=True))
UNIT_TYPE_AT_RE = compile_pattern(rf"^(?:{'|'.join(regex.escape(t.strip()) for t in UNIT_TYPES)})\s+", regex.IGNORECASE)
# "các" before a unit type inside a list: "thị trấn Chư Sê và các xã Ia Tiêm, Dun", "thị trấn Hát
# Lót, các xã Cò Nòi, Chiềng Mung" name the type once
PLURAL_BEFORE_TYPE_RE = compile_pattern(rf"(?<=(?:^|\s)và\s+|,\s*)các\s+(?=(?:{'|'.join(regex.escape(t.strip()) for t in UNIT_TYPES)})\s)",
                                        regex.IGNORECASE)
COMPONENT_NOUNS = {"chỉ"}  # "chỉ số": an index's components, named with capitals
COMPONENT_NAME_WORDS = 6  # "Chi phí gia nhập thị trường"
UNIT_NOUNS = {"xã", "phường", "huyện", "quận", "tỉnh", "thị", "đặc", "địa", "đơn"}  # first words of unit nouns


@functools.cache
def _heads() -> tuple[str, ...]:
    return tuple(sorted(load_yaml("list_heads.yml"), key=len, reverse=True))


def _starts_with_head(item: str, extra: tuple[str, ...] = ()) -> bool:
    low = item.strip().lower()
    return any(low == h or low.startswith(h + " ") for h in (*extra, *_heads()))


@functools.lru_cache(maxsize=256)
def _and_before_head_re(extra: tuple[str, ...]) -> regex.Pattern:
    """"và" before a head word (of `extra` or list_heads.yml): where a list piece splits."""
    heads = "|".join(regex.escape(h) for h in (*extra, *_heads()))
    # `extra` holds an article's words: not for the pattern cache (pattern_cache.py)
    return regex.compile(rf"\s+và\s+(?=(?:{heads})(?!\p{{L}}))", flags=regex.IGNORECASE)


def list_items(segment: str, extra: tuple[str, ...] = (), keep_type: bool = True) -> list[str] | None:
    """The items of "xã A, xã B và xã C" (split on commas, and on "và" before a head word), or
    None when a piece does not open with a head word (not a list of names); with `keep_type`,
    names after a unit's type are units of it ("phường A, B và xã C": three)."""
    items = []
    segment = PLURAL_BEFORE_TYPE_RE.sub("", segment)  # "và các xã A, B": "và xã A, B"
    for piece in segment.split(","):
        piece = piece.strip()
        if not piece:
            return None
        sub = _and_before_head_re(extra).split(piece)
        items += [s.strip() for s in sub]
    if not items:
        return None
    if all(_is_item(i, extra) for i in items) and not (keep_type and any(_coordinated_units(i) for i in items)):
        return items
    return _names_keeping_their_type(items) if keep_type else None


def _coordinated_units(item: str) -> bool:
    """"xã Tân Lễ và Canh Tân": names coordinated after one unit type (no unit's name holds "và")."""
    return item.lower().startswith(UNIT_TYPES) and LAST_NAME_JOINT_RE.search(item) is not None


def _is_item(item: str, extra: tuple[str, ...] = ()) -> bool:
    return _starts_with_head(item, extra) and (not DIGIT_RE.search(item) or NUMBERED_UNIT_RE.fullmatch(item) is not None)


def _names_keeping_their_type(pieces: list[str]) -> list[str] | None:
    """The units of "phường Phú Lâm, Phú Đông, Phú Thạnh và xã Bình Kiến": a name after a unit's
    type keeps the type (ANNOTATION.md), so every capitalised name is one unit; None unless the
    list opens with a unit type and every piece is a typed unit or such names. (Units only: a
    department's name may hold commas, "Sở Văn hóa, Thể thao và Du lịch".)"""
    if not pieces[0].lower().startswith(UNIT_TYPES):
        return None
    out = []
    for piece in pieces:
        typed = piece.lower().startswith(UNIT_TYPES) and _is_item(piece)
        rest = UNIT_TYPE_AT_RE.sub("", piece, count=1) if typed else piece
        names = LAST_NAME_JOINT_RE.split(rest)
        if not all(_is_name(n) for n in names):
            return None
        out += names
    return out


def _bare_names(segment: str, heads: tuple[str, ...]) -> list[str] | None:
    """The names of "các xã: An Bình, Tân Lập và Hòa Phú" (the head said once, before a colon or
    after "các"), or None."""
    if not heads:
        return None
    m = regex.match(rf"\s*(?:các\s+)?{regex.escape(heads[0])}\s*:?\s*", segment, flags=regex.IGNORECASE)
    if m is None or not m.group().strip():
        return None
    return _capitalised_names(segment[m.end():])


def _names_after_intro(segment: str, max_words: int = 4) -> list[str] | None:
    """The names right after "gồm:" when the count counts units ("5 huyện ... gồm: Đức Hòa, Bến
    Lức, Cần Giuộc và Châu Thành") or an index's components ("4 chỉ số là Chi phí gia nhập thị
    trường, Tiếp cận đất đai, ..."): two or more, or None."""
    names = _capitalised_names(segment, max_words)
    return names if names and len(names) >= 2 else None


def _capitalised_names(segment: str, max_words: int = 4) -> list[str] | None:
    """The parts of "A, B và C" when every one is a capitalised name of at most `max_words` words
    with no digit, else None."""
    names = [n.strip() for n in regex.split(r",|\s+và\s+", segment)]
    return names if all(_is_name(n, max_words) for n in names) else None


def _is_name(words: str, max_words: int = 4) -> bool:
    """Whether `words` are a capitalised name of at most `max_words` words with no digit."""
    return bool(words) and words[0].isupper() and len(words.split()) <= max_words and not DIGIT_RE.search(words)


SEMICOLON_ITEM_WORDS = 15
LAST_NAME_JOINT_RE = compile_pattern(r"\s+và\s+(?=\p{Lu})")  # "và" before a capitalised name joins two last items


def _semicolon_items(segment: str) -> list[str] | None:
    """The items of a list after "gồm:" that ";" separates up to its sentence's end ("5 TTHC, gồm:
    cấp giấy phép xây dựng; đăng ký biến động đất đai; ..."): two or more, each a phrase of words
    without a number; else None."""
    if ";" not in segment:
        return None
    items = [i.strip() for i in segment.rstrip().rstrip(".").split(";")]
    if len(items) < 2 or not all(i and len(i.split()) <= SEMICOLON_ITEM_WORDS and not DIGIT_RE.search(i) for i in items):
        return None
    return items


def _noun_head(figure: dict) -> tuple[str, ...]:
    noun = (figure.get("noun") or "").strip().lower()
    return (noun.split(" ")[0],) if noun else ()


def count_list_mismatch(article: Article) -> list[Finding]:
    return _count_against_list(article) + _names_against_values(article)


def _count_against_list(article: Article) -> list[Finding]:
    """"có 4 xã đạt chuẩn là xã A, xã B, xã C, xã D và xã E": 5 named."""
    out = []
    text, figures = article.text, article.figures
    for i, f in enumerate(figures):
        if (f["kind"] != "count" or not exact(f) or is_change(f) or not f.get("noun")
                or not 2 <= f["value"] <= MAX_COUNT or not float(f["value"]).is_integer()):
            continue
        if i and figures[i - 1]["kind"] == "count" and figures[i - 1]["sentence"] == f["sentence"] \
                and JOINED_PART_RE.fullmatch(text, figures[i - 1]["span"][1], f["span"][0]):
            continue  # "3 thành phố ... và 7 tỉnh ... gồm: <10 names>": the list names the parts together
        sentence_end = f["sentence"][1]
        j = i + 1  # past a rate or band in the count's own words: "5 huyện có tỷ lệ ... trên 90% gồm: ...",
        # "5 địa phương đạt trên 90 điểm gồm ..."
        # "4 xã, phường không có hồ sơ quá hạn, gồm ...": past a zero in them too
        while (j < len(figures) and (figures[j]["kind"] in ("percent", "score") or figures[j]["value"] == 0)
               and figures[j]["span"][0] < sentence_end and figures[j]["span"][0] - f["span"][1] <= INTRO_REACH):
            j += 1
        following = figures[j]["span"][0] if j < len(figures) else sentence_end
        next_start = min(following, sentence_end)
        window = text[f["span"][1]:next_start]
        intro = INTRO_RE.search(window)
        if intro is None or intro.start() > (COLON_INTRO_REACH if intro.group().rstrip().endswith(":") else INTRO_REACH):
            continue
        lead_in = _past_noun(window[:intro.start()], f.get("noun") or "")  # (the noun's own comma: "bốn bộ, cơ quan ngang bộ")
        if intro.group().lstrip().lower().startswith("là") and ("," in lead_in or ";" in lead_in):
            # "tại 5 xã vùng cao, tiên phong là xã A và xã B", "22 đơn vị dưới 80 điểm; thấp nhất
            # là xã A, xã B và xã C": some of them, after the count's clause ended
            continue
        rest = window[intro.end():]
        if intro.group().rstrip().endswith(":") and not text[f["span"][1] + intro.end():sentence_end].strip():
            bullets = items_after(text, sentence_end)  # "bốn xã ... gồm:" then "- Xã A: 164 hồ sơ;" lines
            if len(bullets) >= 2 and all(names_one(text, b) for b in bullets):
                if len(bullets) != f["value"]:
                    out.append(_count_finding(f, len(bullets), _first_values(figures[i + 1:i + 1 + MAX_ITEMS_VALUES], bullets)))
                continue
        items = _semicolon_items(text[f["span"][1] + intro.end():sentence_end]) if intro.group().rstrip().endswith(":") else None
        if items is not None:
            # a "và" before a capitalised word may join two last items ("...; Cung ứng dịch vụ công và
            # Quản trị điện tử") or stand inside a name ("Bộ Kế hoạch và Đầu tư"): either reading may hold
            joined = len(LAST_NAME_JOINT_RE.split(items[-1])) - 1
            if f["value"] not in (len(items), len(items) + joined):
                out.append(_count_finding(f, len(items)))
            continue
        end = LIST_END_RE.search(rest)
        if (end is None and following < sentence_end) or (end is not None and rest[end.start()] == "("):
            # names with their values in brackets: "gồm Quảng Ninh (93,46 điểm), Hà Nội (92,18) và ..."
            rest = BRACKETED_RE.sub("", text[f["span"][1] + intro.end():sentence_end])
            end = LIST_END_RE.search(rest)
        if end is None and following < sentence_end and DIGIT_RE.search(rest):
            continue  # the list runs on into another figure: "gồm thành phố A, thị xã B và 7 huyện"
        segment = (rest[:end.start()] if end else rest).rstrip(" ,\u00a0")  # "... và xã D, với số điểm ..."
        head = _noun_head(f)
        items = list_items(segment, head)
        if items is None or len(items) < 2:  # "gồm xã Tả Van và Bản Hồ": the head said once
            items = (_bare_names(segment, head)
                     or (_names_after_intro(segment) if head and head[0] in UNIT_NOUNS else None)
                     or (_names_after_intro(segment, COMPONENT_NAME_WORDS) if head and head[0] in COMPONENT_NOUNS else None)
                     or items)
        if items is None or len(items) < 2 or len(items) == f["value"]:
            continue
        # the values given to the items named ("gồm: phường A (94,12 điểm), ...", "..., với số
        # điểm lần lượt là 93,15; ...") are involved too
        values = [g for g in figures[i + 1:i + 1 + MAX_COUNT] if g["span"][0] < sentence_end
                  and g["span"][0] >= f["span"][1] + intro.end() and g["kind"] in ("score", "percent")]
        out.append(_count_finding(f, len(items), values))
    return out


def _first_values(figures: list[dict], items: list[tuple[int, int]]) -> list[dict]:
    """The first figure of each item (the value a listed unit is given), in order."""
    out = []
    for start, end in items:
        first = next((g for g in figures if start <= g["span"][0] < end), None)
        if first is not None:
            out.append(first)
    return out


def _past_noun(words: str, noun: str) -> str:
    """`words` without the counted noun they open with."""
    stripped = words.lstrip()
    if noun and stripped.lower().startswith(noun.lower()):
        return stripped[len(noun):]
    return words


def _count_finding(f: dict, named: int, values: list[dict] = ()) -> Finding:
    return Finding("count_list_mismatch", [f, *values], named, f["value"], "count_list_mismatch",
                   dict(stated=f["surface"], noun=f["noun"], computed=named))


def _names_against_values(article: Article) -> list[Finding]:
    """"bao gồm Bộ A, Bộ B, Bộ C, với giá trị lần lượt 82,04; 82,19; 82,21 và 82,27": three
    names, four values."""
    out = []
    text = article.text
    for m in RESPECTIVELY_RE.finditer(text):
        values = [f for f in article.after(m.end(), MAX_COUNT) if f["sentence"][0] <= m.start() < f["sentence"][1]]
        run = values[:1]
        for a, b in zip(values, values[1:]):
            if not VALUE_GAP_RE.match(text[a["span"][1]:b["span"][0]]):
                break
            run.append(b)
        if len(run) < 2 or text[m.end():run[0]["span"][0]].strip(" :"):
            continue
        sentence_start = max(run[0]["sentence"][0], m.start() - NAMES_REACH)  # bounded: a sentence may be huge
        head = text[sentence_start:m.start()]
        intros = list(INTRO_RE.finditer(head))
        if not intros:
            continue
        segment = head[intros[-1].end():]
        if ";" in segment:
            continue  # "... là xã A, B và C; các xã D, E, F lần lượt đạt ...": the names it pairs with are not listed after an intro
        end = LIST_END_RE.search(segment)
        segment = (segment[:end.start()] if end else segment).rstrip(" ,")
        items = list_items(segment)
        if items is None or len(items) < 2 or len(items) == len(run):
            continue
        out.append(Finding("count_list_mismatch", run, len(items), len(run), "values_list_mismatch",
                           dict(computed=len(items), stated=len(run))))
    return out
