"""The `regex` patterns of the pipeline, compiled once and kept between runs.

Parsing and compiling them is most of start-up: about 520 patterns, 0.47 s of a 0.8 s `cchc
check` on this machine, against 10 ms to load them compiled. The `regex` module pickles a
compiled pattern as its compiled program (its own `copyreg` reducer), so the cache stores the
compiled `Pattern` objects themselves, keyed by source text and flags, in one file per pipeline
version and `regex` version (pipeline/startup_cache.py: where, how many versions are kept,
`CCHC_CACHE_DIR=off`). A process that compiled patterns the file lacks writes the file again when
it exits; a missing or unreadable file only means compiling as before.

`compile_pattern` stands in for `regex.compile` where the source is fixed by the code and the
lexicons; a pattern made from an article's own words is compiled with `regex.compile`, so that
the cache does not grow with every article read.

It also drops a pattern's "required string" when that string stands at no fixed offset (a
literal after a variable-length start: "[ \u00a0]*," needs a ","). The `regex` module looks for
such a string from the position to the end of the text before every attempt, `match` included,
so each of the pipeline's many anchored tests after a figure ("is a comma next?") read the rest
of the article: cost per character grew with the article's length (a 200,000-character line
took 2.3 times a 100,000-character one) and where the string was rare, each test read far. The
string is only a shortcut: the same program without it finds the same matches (the tests
compare them), and on ordinary articles the pipeline runs about 4 % faster without it.
"""
from __future__ import annotations

import atexit
import copy
import re
import sys

import regex

try:  # the compiled-program constructor that unpickling calls; a `regex` without it: no dropping
    from regex import _regex
except ImportError:  # pragma: no cover
    _regex = None
try:  # CPython's `re` internals: parsing and code generation, and the compiled-program constructor
    import _sre
    from re import _compiler as _re_compiler, _parser as _re_parser
except ImportError:  # pragma: no cover (another Python, or before 3.11): `re.compile` as it is
    _sre = None

from .startup_cache import cache_dir, cache_key, read, write

CACHE_NAME = "regex-patterns"
# a process that compiled more than this (a caller making patterns in a loop) keeps them to itself
MAX_STORED = 20_000

_known: dict[tuple[str, int], regex.Pattern] | None = None  # loaded from the cache on first use
_new: dict[tuple[str, int], regex.Pattern] = {}  # compiled here, not yet stored


def _cache_key() -> str:
    return cache_key((), CACHE_NAME, regex.__version__, str(regex.DEFAULT_VERSION))


def _load() -> dict[tuple[str, int], regex.Pattern]:
    if cache_dir() is None:
        return {}
    stored = read(CACHE_NAME, _cache_key())
    return stored if isinstance(stored, dict) else {}


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, from the cache when an earlier run compiled it."""
    global _known
    if _known is None:
        _known = _load()
    key = (pattern, flags)
    compiled = _known.get(key) or _new.get(key)
    if compiled is None:
        compiled = _new[key] = without_floating_required_string(regex.compile(pattern, flags))
    return compiled


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the cache when an earlier run compiled it. A standard
    `re` pattern pickles as its source, so the cache keeps its program instead: the arguments
    `re` gives `_sre.compile` (CPython's own code, keyed by its version with everything else
    in the cache file); the pattern rebuilt from them equals the one `re.compile` returns (it
    is checked so before it is stored). Parsing the pipeline's large letter classes and phrase
    tries is about a fifth of a `cchc check`'s start-up."""
    global _known
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    if _known is None:
        _known = _load()
    key = ("re", pattern, int(flags))
    program = _known.get(key) or _new.get(key)
    if program is not None:
        return _sre.compile(*program)
    compiled = re.compile(pattern, flags)
    try:
        program = _re_program(pattern, int(flags))
        if _sre.compile(*program) == compiled:
            _new[key] = program
    except Exception:  # noqa: BLE001 (internals that changed: the pattern is not cached, nothing else)
        pass
    return compiled


def _re_program(pattern: str, flags: int) -> tuple:
    """The arguments `re._compiler.compile` gives `_sre.compile` for `pattern`."""
    parsed = _re_parser.parse(pattern, flags)
    code = [int(c) for c in _re_compiler._code(parsed, flags)]  # (its opcodes are named ints that refuse pickling)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def without_floating_required_string(compiled: regex.Pattern) -> regex.Pattern:
    """`compiled` without its required string when that string has no fixed offset (see the
    module's docstring); any other pattern, or a `regex` whose compiled form is not the one
    known here, as it is."""
    data = getattr(compiled, "_pickled_data", None)  # the arguments of _regex.compile, as pickled
    if _regex is None or not (isinstance(data, tuple) and len(data) == 11 and data[7] == -1 and data[8]):
        return compiled
    # built from fresh copies of the program's parts, as unpickling builds a pattern: the new
    # pattern shares no object with `compiled` (which the regex module's own cache keeps)
    return _regex.compile(*copy.deepcopy((*data[:7], 0, (), 0, data[10])))  # no required offset, characters, flags


def save() -> None:
    """Store the patterns compiled in this process beside those loaded (at exit, or earlier)."""
    global _known
    if not _new or _known is None:
        return
    merged = {**_known, **_new}
    if len(merged) <= MAX_STORED:
        write(CACHE_NAME, _cache_key(), merged)
    _known = merged
    _new.clear()


def _save_at_exit() -> None:
    try:
        save()
    except Exception as exc:  # a convenience: never the reason a run fails
        print(f"cchc: the pattern cache was not written ({exc})", file=sys.stderr)


atexit.register(_save_at_exit)
