"""The paragraph parser: roles (a title and its organisation), the people they name, and the
places a paragraph names, read left to right over the paragraph's tokens."""
from __future__ import annotations

import bisect
import dataclasses
from typing import Iterator

from .. import gazetteer
from ..segment import Article
from ..textkeys import fold, key, normalize_tones
from .lexicon import Lexicon, expand
from .reader import Reader, Tokens
from .roles import Occurrence, Place, Role, chained, holding, joined

ROLE_SEPARATORS = {",", "-", "–", "—", "(", ";"}
ORG_INNER_PUNCT = {"-", "–", "&"}  # "Kinh tế - xã hội", "NN&PTNT"
DOTTED = {"tp", "tx"}  # "TP. HCM"
SENTENCE_PUNCT = {".", ":", "!", "?", "“", "\"", "(", "…"}
MAX_ORG_TOKENS = 16
MAX_APPOINTMENT_GAP = 16  # tokens between a person's roles and "chỉ định làm" + a post
CLAUSE_END = {".", "!", "?", ";", "…", ":"}
SENTENCE_END = {".", "!", "?", "…"}
MAX_ASIDE = 10  # tokens of a bracket between an organisation and a name
STEERING = ["chỉ", "đạo"]
STEERING_COMMITTEE = ("ban", "chỉ", "đạo")  # "Ban Chỉ đạo": a steering committee, named by its unit
COMMITTEE_HEADS = {fold(t) for t in ("Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Ban")}
MAX_CONTEXT = 40  # tokens looked back for the group a "trưởng đoàn" heads

class ParagraphParser(Reader):
    def __init__(self, toks: Tokens, lex: Lexicon, article: Article):
        super().__init__(toks, lex)
        self.article = article

    def org(self, j: int, complement: bool) -> tuple[int, int | None]:
        """Parse the organisation after a title ending at token j. Returns (end of the
        organisation, start of the person's name that ends it, or None); the name, if any, runs
        to the end of its capitalised run.

        Lower-case words continue a name begun by one capitalised word ("Sở Tư pháp", "Bộ Nông
        nghiệp và Phát triển nông thôn") until a stop word; after a unit ("UBND huyện Tân Hồng")
        or a proper name of several capitalised words ("Cục Hàng hải Việt Nam") they end it."""
        kinds, texts, lex = self.kinds, self.texts, self.lex
        if j >= self.n or kinds[j] in ("punct", "num"):
            return j, None
        if kinds[j] == "lower" and not (complement or self.phrase(j, lex.heads) or self.unit_at(j)[0]):
            return j, None
        k = end = j
        lower_ok = complement
        in_place = False  # after a unit word: only the unit's name may follow
        while k < self.n and k - j < MAX_ORG_TOKENS:
            kind = kinds[k]
            n = self.unit_at(k)[0] or self.phrase(k, lex.organs) or self.phrase(k, lex.national_bodies)
            if n:
                k = end = k + n
                lower_ok, in_place = False, True
                continue
            if kind == "cap":
                n = self.phrase(k, lex.heads)
                if n > 1:  # "Ban chỉ đạo", "Văn phòng", "Trung tâm"
                    k = end = k + n
                    lower_ok = not in_place
                    continue
                b = self.cap_run(k)
                if b == k:  # a title inside: "... HĐND huyện Chủ tịch ..." (no separator)
                    break
                start = self.best_name(k, b)
                if start is None and k == j:
                    start = self.foreign_name(k, b)
                if start is not None:
                    return start, start
                words = b - k - (1 if n else 0)  # "Sở Tư" is a head and one word
                lower_ok = words <= 1 and not in_place
                k = end = b
                continue
            if kind in ("upper", "mixed"):
                k = end = k + 1
                lower_ok = False
                continue
            if kind == "num":
                if self.unit_word_before(k):  # "Quận 1"
                    k = end = k + 1
                    continue
                if k > j and kinds[k - 1] != "punct" and (k + 1 >= self.n or kinds[k + 1] != "num"):
                    k = end = k + 1  # a body named by its number: "Lữ đoàn 146", "Ủy ban 1899"
                    continue
                break
            if kind == "lower":
                if (k > j and kinds[k - 1] == "upper" and self.folds[k] in lex.joiners and k + 1 < self.n
                        and kinds[k + 1] == "upper"):
                    k += 1  # "Văn phòng HĐND và UBND thị xã Giá Rai": one office of two bodies
                    continue
                n = self.phrase(k, lex.heads)
                if n and k == j:  # "ủy ban nhân dân", "hội đồng"
                    k = end = k + n
                    lower_ok = True
                    continue
                stop = self.phrase(k, lex.stops)
                if stop == 1 and lower_ok and self.folds[k] in lex.stops_in_names and self.name_starts(k + 1):
                    k = end = k + 1  # "Bộ Ngoại giao Phạm Bình Minh": the name ends the organisation
                    continue
                if stop == 1 and lower_ok and self.folds[k] in lex.inner_linkers and self.title_case_continues(k + 1):
                    k += 1  # "Hội đồng Quốc gia về Phát triển bền vững ..."
                    continue
                if stop or not lower_ok:
                    break
                if self.folds[k] in lex.joiners:
                    if k + 1 < self.n and kinds[k + 1] == "cap" and not self.title(k + 1)[0]:
                        k += 1
                        continue
                    if k + 1 < self.n and kinds[k + 1] == "lower" and self.org_word(k + 1):
                        k += 1  # "Sở Thông tin và truyền thông"
                        continue
                    break
                k = end = k + 1
                continue
            # punctuation
            next_kind = kinds[k + 1] if k + 1 < self.n else None
            if next_kind is None or next_kind == "punct":
                break
            if texts[k] in ORG_INNER_PUNCT and end > j and not self.title(k + 1)[0] \
                    and not self.phrase(k + 1, lex.stops):
                k += 1  # "Kinh tế - xã hội", "Thừa Thiên - Huế"
                continue
            if texts[k] == "." and not self.spaced[k] and self.folds[k - 1] in DOTTED \
                    and next_kind in ("cap", "upper"):
                k += 1
                continue
            break
        return end, None

    def named_heads(self, head: tuple[str, ...]) -> Iterator[str]:
        """The organisations the paragraph names that start with `head` and go on ("Hội đồng tư
        vấn cải cách thủ tục hành chính" for "hội đồng"), as written."""
        for i in self.starting({head[0]}):
            if self.words(i, i + len(head)) != head:
                continue
            end, name = self.org(i, False)
            if name is None and end > i + len(head):
                if end + 1 < self.n and self.folds[end] == "của" and self.kinds[end + 1] in ("cap", "upper"):
                    of_end, of_name = self.org(end + 1, False)  # "... cải cách hành chính | của Chính phủ"
                    end = of_end if of_name is None and of_end > end + 1 else end
                yield normalize_tones(self.article.text[self.s[i]:self.e[end - 1]])

    def of_title(self, k: int) -> int:
        """End of "của" + a title (and its organisation) at token k that an organisation belongs
        to ("Tổ công tác | của Thủ tướng Chính phủ", "Hội đồng tư vấn | của Thủ tướng"), or k."""
        if k + 1 >= self.n or self.folds[k] != "của":
            return k
        entry, j = self.title(k + 1)
        if entry is None or self.kinds[k + 1] == "lower":
            return k
        of_end, of_name = self.org(j, False)
        if of_name is not None:
            return k  # "... của Thủ tướng Nguyễn Xuân Phúc": a person's post, not part of the name
        return max(j, of_end)

    def aside_end(self, k: int) -> int | None:
        """The token after the ")" that closes a short bracket opening at token k, or None."""
        if k >= self.n or self.texts[k] != "(":
            return None
        for m in range(k + 1, min(self.n, k + MAX_ASIDE)):
            if self.texts[m] in "()":
                return m + 1 if self.texts[m] == ")" and m > k + 1 else None
        return None

    def body_at(self, k: int) -> bool:
        """Whether an organisation's name starts at token k ("Bộ Nội vụ", "Văn phòng Chính phủ",
        "UBND tỉnh")."""
        return k < self.n and self.kinds[k] in ("cap", "upper") and bool(
            self.phrase(k, self.lex.heads) or self.phrase(k, self.lex.organs)
            or self.phrase(k, self.lex.national_bodies) or self.unit_at(k)[0])

    def title_case_continues(self, k: int) -> bool:
        """Whether a capitalised word at token k goes on an organisation's name after an inner
        word ("về"): neither a title, a person's name nor a place ("về Hà Nội", "về Đà Nẵng")."""
        if k >= self.n or self.kinds[k] != "cap" or self.title(k)[0] or self.name_starts(k):
            return False
        b = self.cap_run(k)
        run = " ".join(self.texts[k:b])
        return not (self.in_place(k) or any(gazetteer.lookup(level, run) for level in gazetteer.LEVELS))

    def name_starts(self, k: int) -> bool:
        """Whether a likely personal name starts at token k ("Phạm Bình Minh")."""
        if k >= self.n or self.kinds[k] != "cap":
            return False
        b = self.cap_run(k)
        return self.best_name(k, b) == k and self.name_score(k, b) >= 3

    def org_word(self, k: int) -> bool:
        """Whether the lower-case word at token k may go on an organisation's name after a
        joiner: not a stop word, a title or a word that starts a new phrase ("các")."""
        return not (self.phrase(k, self.lex.stops) or self.title(k)[0]
                    or self.folds[k] in self.lex.not_after_joiner)

    def role(self, i: int) -> tuple[Role, int, tuple[int, int] | None]:
        """The role whose title starts at token i: (role, end token, the tokens of the person's
        name that follows, or None)."""
        entry, j = self.title(i)
        end, name_start = self.org(j, entry.complement)
        name = None
        if name_start is not None:
            name = (name_start, self.cap_run(name_start))
            end = name[1]
        title = entry.title
        org_a, org_b = j, (name_start if name_start is not None else end)
        while org_b > org_a and self.kinds[org_b - 1] == "punct":
            org_b -= 1
        if entry.complement and org_b > org_a:
            # a post's complement has a word at least, unless the post needs an organisation
            # ("cán bộ | Sở Nội vụ")
            first = org_a if entry.needs_org else org_a + 1
            head = next((k for k in range(first, org_b)
                         if self.kinds[k] != "lower" and self.phrase(k, self.lex.heads)
                         or self.phrase(k, self.lex.organs)), None)  # "... và Dân vận tỉnh ủy"
            if head is None:  # "Trưởng phòng Tư pháp | thị xã Dĩ An"
                head = next((k for k in range(org_a + 1, org_b) if self.unit_at(k)[0]), None)
            comp_end = head if head is not None else org_b
            named_by_unit = (head is not None and self.folds[org_a:org_a + 2] == STEERING
                             and self.unit_at(head)[0] == org_b - head and fold(entry.title) in COMMITTEE_HEADS)
            if comp_end > org_a:
                # "Trưởng Ban Chỉ đạo CCHC tỉnh": the unit word is part of the committee's name, and
                # (completed) the organisation too
                title_end = org_b if named_by_unit else comp_end
                title += " " + normalize_tones(self.article.text[self.s[org_a]:self.e[title_end - 1]])
            org_a = comp_end
        if (org_b > org_a and name_start is None and end + 2 < self.n and self.texts[end] == "("
                and self.kinds[end + 1] == "upper" and self.texts[end + 2] == ")"):
            # "Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng (CECODES)": the body's acronym
            org_b = end = end + 3
        aside = self.aside_end(end) if org_b > org_a and name_start is None else None
        if aside is not None and self.name_starts(aside):
            # "Vụ trưởng Vụ Cải cách hành chính (Bộ Nội vụ) Phạm Minh Hùng": the parent body in
            # brackets stays with the organisation, the name follows
            org_b = name_start = aside
            name = (name_start, self.cap_run(name_start))
            end = name[1]
        elif aside is not None and self.body_at(end + 1):
            org_b = end = aside  # "bà X, Vụ trưởng Vụ Cải cách hành chính (Bộ Nội vụ), cho biết"
        if org_b <= org_a and name_start is None and end < self.n - 1 and self.folds[end] == "của" \
                and self.kinds[end + 1] in ("cap", "upper"):
            # "Trưởng ban Chỉ đạo cải cách hành chính của Chính phủ"
            of_end, of_name = self.org(end + 1, False)
            if of_name is None and of_end > end + 1:
                org_a, org_b = end + 1, of_end
                end = of_end
        if org_b <= org_a and name_start is None and end + 1 < self.n and self.texts[end] == "," \
                and self.body_at(end + 1):
            # "Trưởng phòng Cải cách hành chính, Sở Nội vụ": the body after a comma
            of_end, of_name = self.org(end + 1, False)
            if of_name is None and of_end > end + 1:
                org_a, org_b = end + 1, of_end
                end = of_end
        if org_b > org_a and name_start is None and org_b == end:
            end = org_b = self.of_title(end)  # "Tổ công tác của Thủ tướng Chính phủ"
        org = (self.s[org_a], self.e[org_b - 1]) if org_b > org_a else None
        title = self.qualified(title, i)
        role = Role(title, org, self.s[i], self.e[j - 1])
        if org is not None and entry.org_head and self.folds[org_a] != fold(entry.org_head):
            role.org_head = entry.org_head
        elif org is not None and entry.unit_org_head and self.unit_at(org_a)[0]:
            role.org_head = entry.unit_org_head  # "Chủ tịch phường 15": of its People's Committee
            if fold(title).endswith(fold(entry.unit_org_head)):
                n = self.unit_at(org_a)[0]  # "Trưởng Công an xã": the post names its level
                role.title = f"{title} {self.article.text[self.s[org_a]:self.e[org_a + n - 1]]}"
        elif org is not None and entry.party and self.unit_at(org_a)[1] in self.lex.committees:
            n, utype = self.unit_at(org_a)  # "Bí thư tỉnh Thừa Thiên Huế": of the Tỉnh ủy
            role.org_head = self.lex.committees[utype]
            role.org_skip = self.e[org_a + n - 1] - self.s[org_a]
        role.needs_org, role.joins_next = entry.needs_org, entry.joins_next
        if org is None and entry.implied_org:
            role.named_org = entry.implied_org  # "Phó Thủ tướng Lê Văn Quang": of the Government
        if org is not None and self.phrase(org_a, self.lex.heads) == org_b - org_a:
            role.bare_head = self.words(org_a, org_b)  # "Chủ tịch hội đồng": which council, said elsewhere
        elif org is None and tuple(fold(title).split()[-len(STEERING_COMMITTEE):]) == STEERING_COMMITTEE:
            role.bare_head = STEERING_COMMITTEE  # "Trưởng Ban Chỉ đạo": the committee the article names
        for n in (2, 1):
            if org is None or org_b - n < org_a:
                continue
            words = self.words(org_b - n, org_b)
            if self.unit_at(org_b - n)[0] == n:
                role.bare_unit = self.lex.unit_words.get(words)
                role.prefix = " ".join(self.folds[org_a:org_b - n])
            elif self.phrase(org_b - n, self.lex.organs) == n:
                role.bare_unit, role.organ = self.lex.organs.get(words), True
                role.prefix = " ".join(self.folds[org_a:org_b])
            if role.bare_unit:
                break
        return role, end, name

    def qualified(self, title: str, i: int) -> str:
        """A bare "Trưởng đoàn" takes the purpose of the group its sentence names."""
        rule = self.lex.group_heads.get(fold(title))
        if rule is None:
            return title
        groups, purposes = rule
        s0 = self.article.sentence_start(self.s[i])
        before = [w for w, s in zip(self.folds[max(0, i - MAX_CONTEXT):i], self.s[max(0, i - MAX_CONTEXT):i])
                  if s >= s0]
        for k, w in enumerate(before):
            if w in groups:
                for p in purposes:
                    if tuple(before[k + 1:k + 1 + len(p)]) == p:
                        return f"{title} {' '.join(p)}"
        return title

    def roles_after(self, j: int) -> tuple[list[Role], int]:
        """Roles listed after a name: ", Uỷ viên ..., Chủ tịch ...", " – HUV – ...", then
        "làm trưởng đoàn"."""
        roles = []
        while j < self.n:
            k = j
            if self.texts[k] == ";":
                break  # "A, Bí thư ...; Phó Chủ tịch ... B": the next person's list item
            if self.texts[k] in ROLE_SEPARATORS:
                k += 1
            n = self.phrase(k, self.lex.links) if k < self.n else 0
            k += n
            if k == j or k >= self.n or not self.title(k)[0]:
                break
            role, end, name = self.role(k)
            if name is not None:  # the title introduces the next person
                break
            roles.append(role)
            j = end
            if j < self.n and self.texts[j] == ")":
                j += 1
        appointed = self.appointed_role(j)
        if appointed is not None:
            appointed.appointed = True
            roles.append(appointed)
        return roles, j

    def name_list(self, j: int) -> list[tuple[int, int]]:
        """The likely names listed after a name ending at token j: ", B, C và D"."""
        out = []
        while j + 1 < self.n and (self.texts[j] == "," or self.folds[j] in self.lex.joiners):
            span = self.name_at(j + 1, strict=True) if self.kinds[j + 1] == "cap" else None
            if span is None:
                break
            out.append(span)
            j = span[1]
        return out

    def appointed_role(self, j: int) -> Role | None:
        """The post a person is given later in the sentence: "ông X, Bí thư Tỉnh ủy A, được Bộ
        Chính trị chỉ định làm Bí thư Tỉnh ủy B", "... đồng thời đảm nhận cương vị Bí thư". Not
        past another person (an honorific or a likely name) or the sentence's end."""
        lex = self.lex
        honorifics, appointments = lex.honorifics.longest, lex.appointments.longest  # first words
        for k in range(j, min(self.n, j + MAX_APPOINTMENT_GAP)):
            word = self.folds[k]  # the first-word tests spare most calls of `phrase`
            if self.texts[k] in CLAUSE_END or (word in honorifics and self.phrase(k, lex.honorifics)) \
                    or self.name_starts(k):
                return None
            n = self.phrase(k, lex.appointments) if word in appointments else 0
            if n and k + n < self.n and self.title(k + n)[0]:
                role, _, name = self.role(k + n)
                return role if name is None else None
        return None

    def name_at(self, a: int, strict: bool) -> tuple[int, int] | None:
        """The name that the capitalised run at token a is: the whole run; with `strict` (no
        honorific before it) a likely name only, maybe after a sentence's first word ("Theo
        Nguyễn Văn A, Giám đốc ...")."""
        b = self.cap_run(a)
        score = self.name_score(a, b)
        if score and (not strict or score >= 3):
            return a, b
        sentence_start = a == 0 or self.texts[a - 1] in SENTENCE_PUNCT
        if strict and sentence_start and b - a >= 3 and self.name_score(a + 1, b) >= 3:
            return a + 1, b
        return None

    def scan(self) -> list[Occurrence]:
        kinds, texts, folds, lex = self.kinds, self.texts, self.folds, self.lex
        found: list[Occurrence] = []
        pending: list[Role] = []  # roles without a name, chained right before token i
        comrade = False
        shared: list[Role] = []  # a post whose holders the sentence lists ("... gồm: ông A, bà B")
        shared_until = 0  # token where that sentence ends
        cue_words = lex.cue_words
        # the tokens that are a cue or a name's word: with nothing pending, the scan jumps to the next
        starts = [k for k, (kind, word) in enumerate(zip(kinds, folds)) if kind == "cap" or word in cue_words]
        i = 0
        while i < self.n:
            if kinds[i] != "cap" and folds[i] not in cue_words:  # neither a cue nor a name
                if not pending and not comrade:
                    k = bisect.bisect_left(starts, i)
                    i = starts[k] if k < len(starts) else self.n
                    continue
                i += 1
                if texts[i - 1] not in ROLE_SEPARATORS:
                    pending, comrade = [], False
                continue
            h = self.phrase(i, lex.honorifics) if folds[i] in lex.honorifics.longest else 0
            if h:
                comrade = self.words(i, i + h) in lex.comrades.items
                i += h
                if i < self.n and not self.title(i)[0] and kinds[i] == "cap":
                    span = self.name_at(i, strict=False)
                    if span:
                        listed = self.name_list(span[1])  # "các ông, bà A, B và C được chỉ định làm ..."
                        last = listed[-1] if listed else span
                        roles, j = self.roles_after(last[1])
                        appointed = [r for r in roles if r.appointed]
                        post = shared if i < shared_until else []
                        for other in [span, *listed[:-1]] if listed else []:
                            found.append(self.occurrence(other, holding(post, [dataclasses.replace(r) for r in appointed]),
                                                         comrade))
                        found.append(self.occurrence(last, holding(post, (chained(pending) if not listed else []) + roles),
                                                     comrade))
                        i = j
                    else:
                        b = self.cap_run(i)
                        roles, j = self.roles_after(b) if 1 <= b - i <= 2 else ([], b)
                        if roles:  # "TS Cung - viện trưởng Viện ...": the roles of a person named in full elsewhere
                            found.append(dataclasses.replace(self.occurrence((i, b), roles, comrade), short=True))
                        i = max(j, i + 1)
                    pending, comrade = [], False
                continue
            if self.title(i)[0]:
                role, end, name = self.role(i)
                if name is not None:
                    roles, j = self.roles_after(end)
                    found.append(self.occurrence(name, chained(pending) + [role] + roles, comrade))
                    pending, comrade = [], False
                    i = j
                    continue
                pending.append(role)
                i = end
                if i < self.n and (texts[i] in ROLE_SEPARATORS or self.phrase(i, lex.links)):
                    i += 1
                else:
                    listed_from = self.holders_listed(i)
                    if listed_from is not None:
                        shared, shared_until = pending, self.sentence_end(i)
                        i = listed_from
                    pending, comrade = [], False
                continue
            if kinds[i] == "cap":
                span = self.name_at(i, strict=True)
                if span:
                    roles, j = self.roles_after(span[1])
                    if i < shared_until:
                        roles = holding(shared, roles)
                    if roles:
                        found.append(self.occurrence(span, roles, False))
                        i = j
                        continue
                i = max(self.cap_run(i), i + 1)
            else:
                i += 1
            if texts[i - 1] not in ROLE_SEPARATORS:
                pending, comrade = [], False
        return found

    def holders_listed(self, j: int) -> int | None:
        """Where the holders of the post ending at token j are listed ("gồm: ông A, bà B"), or
        None: an intro word, then a colon or a person's honorific."""
        n = self.phrase(j, self.lex.shared_intros)
        k = j + n
        if not n or k >= self.n:
            return None
        if self.texts[k] == ":":
            return k + 1
        return k if self.folds[k] in self.lex.honorifics.longest and self.phrase(k, self.lex.honorifics) else None

    def sentence_end(self, j: int) -> int:
        return next((k for k in range(j, self.n) if self.texts[k] in SENTENCE_END), self.n)

    def places(self) -> list[Place]:
        """Every unit named in the paragraph ("TP Hà Nội", "TP. HCM", "Huyện ủy Tân Hồng"); the
        name stops before a person's name ("huyện Phú Xuyên Lê Văn Bính")."""
        out = []
        unit_words, organs = self.lex.unit_words.longest, self.lex.organs.longest  # first words
        for k in range(self.n):
            if self.folds[k] not in unit_words and self.folds[k] not in organs:
                continue  # neither a unit word nor a committee starts here: most tokens
            n, utype = self.unit_at(k)
            organ = not n
            if organ:
                n = self.phrase(k, self.lex.organs)
                utype = self.lex.organs.get(self.words(k, k + n)) if n else None
                if n and k + n < self.n and self.unit_at(k + n)[0]:
                    continue  # "Thành ủy TP. HCM": the unit word's place
            a = k + n
            if not n or a >= self.n:
                continue
            if self.texts[a] == "." and not self.spaced[a] and self.folds[k] in DOTTED \
                    and a + 1 < self.n:
                a += 1  # "TP. HCM"
            if self.kinds[a] == "upper" and len(self.texts[a]) <= 6:
                b = a + 1  # "TP HCM"
            else:
                b = self.cap_run(a)
                person = self.best_name(a, b)
                b = person if person is not None else b
            if not a < b <= a + 4:
                continue
            text = self.article.text
            start = a if organ else k
            name = text[self.s[a]:self.e[b - 1]]
            span = (self.s[start], self.e[b - 1])
            before = " ".join(self.folds[max(0, start - MAX_ORG_TOKENS):start])
            out.append(Place(utype, name, key(expand(name)), text[span[0]:span[1]], span, before))
        return out

    def occurrence(self, tok_span: tuple[int, int], roles: list[Role], comrade: bool) -> Occurrence:
        a, b = tok_span
        name = (self.s[a], self.e[b - 1])
        roles = joined(self.article.text, [r for r in roles if r.org or not r.needs_org])
        return Occurrence(name, " ".join(self.folds[a:b]), roles, comrade)
