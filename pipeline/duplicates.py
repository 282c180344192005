"""Duplicate articles in an archive: the same story arriving twice (a re-post, a syndicated copy
with another headline and a source footer).

A body's fingerprint is the sha256 of its normalised words (exact duplicates) and a MinHash of
its word shingles (near duplicates). `DuplicateIndex` finds, for a new body, the earliest article
in the archive with the same sha256 or an estimated Jaccard similarity of at least `THRESHOLD`,
through MinHash LSH: a lookup costs the same however large the archive is.

The MinHash and the LSH banding are datasketch's (scheme "affine32", its permutations for SEED,
its optimal bands for THRESHOLD), written out here over numpy: importing datasketch pulls in
scipy, a third of a second of every run's start-up in the main process, for one band-parameter
optimisation. tests/test_fast_paths.py checks both against datasketch itself.

The threshold was picked on the dev corpora (benchmarks/duplicate_threshold.py, 155 articles):
between distinct articles the highest shingle Jaccard similarity is 0.22 (0.17 for two that
share a 70-word standard paragraph), six standard errors of the estimate below 0.5; a copy with
a new headline and a source footer has a median of 0.92 and 99% of copies reach 0.5 (98% with
the last sentence cut). Short notices are the copies that fall below: their headline and
footer weigh more against a few sentences. A higher threshold would lose those; a lower one
would come within reach of distinct reports on the same office.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from .pattern_cache import compile_pattern
from .textkeys import BEYOND_BMP_RE, bmp_classes

SHINGLE_WORDS = 5  # words per shingle: long enough that shared phrases rarely make two stories alike
NUM_PERM = 128  # MinHash permutations: the estimate's standard error is about 0.04
THRESHOLD = 0.5  # estimated Jaccard similarity from which two bodies are one story
SEED = 1  # seed and scheme fixed: fingerprints stored in an archive stay comparable across runs
SCHEME = "affine32"
# datasketch MinHashLSH's bands for THRESHOLD and NUM_PERM (false positives and negatives weighed
# alike): two bodies are candidates when the ROWS values of one band are all equal
BANDS, ROWS = 25, 5
MAX_HASH = np.uint32(0xFFFFFFFF)
FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))

_WORD_RE = compile_pattern(r"[\p{L}\p{N}]+")


@dataclass(frozen=True)
class Fingerprint:
    sha256: str  # of the normalised words: equal for the same text however it is spaced
    minhash: np.ndarray  # NUM_PERM unsigned hash values

    def encode(self) -> dict:
        return {"body_sha256": self.sha256,
                "minhash": base64.b64encode(self.minhash.astype("<u4").tobytes()).decode("ascii")}

    @classmethod
    def decode(cls, obj: dict) -> "Fingerprint | None":
        try:
            values = np.frombuffer(base64.b64decode(obj["minhash"]), dtype="<u4").astype(np.uint32)
            if len(values) != NUM_PERM:
                return None
            return cls(obj["body_sha256"], values)
        except (KeyError, TypeError, ValueError):
            return None


def words(text: str) -> list[str]:
    """The body's words, case-folded, without punctuation: what two copies of a story share."""
    folded = unicodedata.normalize("NFC", text).casefold()
    if BEYOND_BMP_RE.search(folded):
        return _WORD_RE.findall(folded)
    return _bmp_word_re().findall(folded)  # the same words, found twice as fast


@functools.cache
def _bmp_word_re() -> re.Pattern:
    """_WORD_RE as a standard `re` pattern, exact on text within the Basic Multilingual Plane."""
    letter, number = bmp_classes((r"\p{L}", r"\p{N}"))
    return re.compile(f"[{letter}{number}]+")


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The runs of `size` words, UTF-8, space-separated."""
    return encoded_shingles([t.encode("utf-8") for t in tokens], size)


def encoded_shingles(encoded: list[bytes], size: int = SHINGLE_WORDS) -> set[bytes]:
    """`shingles` of words already encoded (each word encoded once: the main process shingles
    every article)."""
    if len(encoded) < size:
        return {b" ".join(encoded)} if encoded else set()
    return set(map(b" ".join, zip(*(encoded[i:] for i in range(size)))))


def sha1_hash32(data: bytes) -> int:
    """datasketch's default hash (`hashfunc.sha1_hash32`: the first 4 bytes of the SHA-1, little
    endian), without its struct layer: the main process hashes every shingle of every article."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


_SHA1_DIGEST = type(hashlib.sha1()).digest


def sha1_hashes32(grams) -> list[int]:
    """`sha1_hash32` of each of `grams`, with the loop in C: the digests joined, and the first 4
    bytes (little endian) of each 20-byte digest read as one array."""
    digests = b"".join(map(_SHA1_DIGEST, map(hashlib.sha1, grams)))
    return np.frombuffer(digests, dtype="<u4")[::5].tolist()


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a * h + b (mod 2^32) for SEED: `a` odd, so each
    is a bijection; drawn once."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (datasketch mixes every hash with it before permuting)."""
    s1, m1, s2, m2, s3 = FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def minhash(hashes: list[int]) -> np.ndarray:
    """The NUM_PERM minimum permuted values of `hashes` (32-bit hashes of the shingles);
    all MAX_HASH for none."""
    if not hashes:
        return np.full(NUM_PERM, MAX_HASH, dtype=np.uint32)
    a, b = _permutations()
    permuted = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1)) * a
    permuted += b  # in place: one array of len(hashes) x NUM_PERM the fewer
    return permuted.min(axis=0)


def fingerprint(text: str) -> Fingerprint:
    joined = " ".join(words(text)).encode("utf-8")  # a word holds no space: split back, they are the words
    sha = hashlib.sha256(joined).hexdigest()
    return Fingerprint(sha, minhash(sha1_hashes32(encoded_shingles(joined.split(b" ") if joined else []))))


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """MinHash estimate of the shingle Jaccard similarity of two bodies."""
    return float(np.count_nonzero(a.minhash == b.minhash)) / NUM_PERM


def record_body(record: dict, text: str | None = None) -> str | None:
    """The body text of a record (its `body` span of `text`), or None without text."""
    text = record.get("text", text)
    if not isinstance(text, str):
        return None
    body = record.get("body")
    if isinstance(body, list) and len(body) == 2 and body[1] > body[0]:
        return text[body[0]:body[1]]
    return text


class DuplicateIndex:
    """Fingerprints of an archive's articles by doc_id, with their position in the archive and
    the article each duplicates (None for the first of its story)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.by_sha: dict[str, set[str]] = {}
        self.entries: dict[str, tuple[int, Fingerprint, str | None]] = {}
        self.bands: list[dict[bytes, set[str]]] = [{} for _ in range(BANDS)]  # LSH: band values -> doc_ids

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.entries

    def add(self, doc_id: str, position: int, fp: Fingerprint, duplicate_of: str | None) -> None:
        if doc_id in self.entries:
            self.remove(doc_id)
        self.entries[doc_id] = (position, fp, duplicate_of)
        self.by_sha.setdefault(fp.sha256, set()).add(doc_id)
        for table, band in zip(self.bands, _bands(fp)):
            table.setdefault(band, set()).add(doc_id)

    def remove(self, doc_id: str) -> None:
        entry = self.entries.pop(doc_id, None)
        if entry is None:
            return
        self.by_sha[entry[1].sha256].discard(doc_id)
        for table, band in zip(self.bands, _bands(entry[1])):
            table[band].discard(doc_id)
            if not table[band]:
                del table[band]

    def candidates(self, fp: Fingerprint) -> set[str]:
        """The doc_ids that share at least one band with `fp` (datasketch's `MinHashLSH.query`)."""
        found: set[str] = set()
        for table, band in zip(self.bands, _bands(fp)):
            found |= table.get(band, set())
        return found

    def find(self, fp: Fingerprint, position: int, doc_id: str | None = None) -> str | None:
        """The doc_id of the story `fp` repeats: the earliest article before `position` (other
        than `doc_id` itself) with the same words, or else with a similarity of at least the
        threshold; None if it is the first of its story."""
        first = self._earliest(self.by_sha.get(fp.sha256, ()), position, doc_id)
        if first is None:
            near = [c for c in self.candidates(fp) if c != doc_id and self.entries[c][0] < position]
            first = self._earliest([c for c in near if jaccard(fp, self.entries[c][1]) >= self.threshold],
                                   position, doc_id)
        if first is None:
            return None
        return self.entries[first][2] or first  # a duplicate's own original, so chains collapse

    def _earliest(self, candidates, position: int, doc_id: str | None) -> str | None:
        earlier = [(self.entries[c][0], c) for c in candidates if c != doc_id and self.entries[c][0] < position]
        return min(earlier)[1] if earlier else None


def _bands(fp: Fingerprint) -> list[bytes]:
    values = fp.minhash.astype("<u4").tobytes()
    return [values[4 * ROWS * i:4 * ROWS * (i + 1)] for i in range(BANDS)]
