"""underthesea's word segmentation (`word_tokenize`) and its part-of-speech model, loaded without
running `underthesea/__init__.py`. That import pulls in numpy, joblib and requests and every
model's module (about 0.25 s, a third of a batch run's start-up) for the two things the pipeline
uses: the rule tokenizer with its normalisation tables and two CRF models of `underthesea_core`.

Here the tokenizer's module is loaded by its path, its two imports from underthesea's text
normaliser answered by `token_normalize` and `normalize_characters` below (the same rules, read
from the same data file through the start-up cache), and the models are loaded with
`underthesea_core` directly. Where underthesea's files are not laid out as this was written
against, or underthesea is imported already, underthesea's own modules are used: the words are
underthesea's either way (tests/test_word_segment.py compares them)."""
from __future__ import annotations

import ast
import functools
import importlib.util
import sys
import types
import unicodedata
from pathlib import Path

from .startup_cache import load_or_build, stable_key

WORD_SEGMENTER = "ws_crf_vlsp2013_20230727"  # the model underthesea's word_tokenize loads
NORMALIZER_RULES = "tn_rules_2023_07_14.bin"  # the tables underthesea's text normaliser loads
SHORT_TOKEN = 6  # underthesea normalises tokens up to this length only


@functools.cache
def package_dir() -> Path | None:
    """underthesea's installed directory, found without importing it."""
    try:
        spec = importlib.util.find_spec("underthesea")
    except (ImportError, ValueError):
        return None
    roots = list(spec.submodule_search_locations or []) if spec else []
    return Path(roots[0]) if roots else None


def _file_key(files: list[Path]) -> str:
    """Keyed by the files and Python alone (not the pipeline version): every version shares it."""
    return stable_key(sys.version, *(f"{f}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files))


# --------------------------------------------------------------------------- text normaliser

def _normalizer_file() -> Path | None:
    root = package_dir()
    path = root / "pipeline" / "text_normalize" / NORMALIZER_RULES if root else None
    return path if path is not None and path.is_file() else None


@functools.cache
def _normalizer_maps() -> tuple[dict[str, str], dict[str, str]]:
    """(character map, token map) of underthesea's text normaliser."""
    path = _normalizer_file()

    def build():
        import joblib

        data = joblib.load(path)
        return dict(data["character"]), dict(data["token"])

    return load_or_build("text-normalizer", _file_key([path]), build)


def normalize_characters(text: str) -> str:
    """underthesea's `normalize_characters_in_text`: NFC, then its character map in its order."""
    text = unicodedata.normalize("NFC", text)
    for nonstandard, standard in _normalizer_maps()[0].items():
        text = text.replace(nonstandard, standard)
    return text


def token_normalize(token: str, use_character_normalize: bool = True) -> str:
    """underthesea's `token_normalize`: a short token's characters, then its spelling."""
    if len(token) > SHORT_TOKEN:
        return token
    if use_character_normalize:
        token = normalize_characters(token)
    return _normalizer_maps()[1].get(token, token)


# --------------------------------------------------------------------------- tokenizer

STAND_INS = ("underthesea.pipeline.text_normalize", "underthesea.pipeline.text_normalize.character_normalize")


def _load_regex_tokenize(path: Path) -> types.ModuleType:
    """underthesea's regex_tokenize.py as a private module, its imports from the text normaliser
    answered by this module's functions (put in `sys.modules` for the load only)."""
    stand_in = types.ModuleType(STAND_INS[0])
    stand_in.token_normalize = token_normalize
    stand_in.normalize_characters_in_text = normalize_characters
    saved = {name: sys.modules.get(name) for name in STAND_INS}
    sys.modules.update({name: stand_in for name in STAND_INS})
    try:
        spec = importlib.util.spec_from_file_location("_cchc_underthesea_regex_tokenize", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old
    return module


@functools.cache
def _tokenize():
    """underthesea's rule tokenizer (`regex_tokenize.tokenize`)."""
    root = package_dir()
    path = root / "pipeline" / "word_tokenize" / "regex_tokenize.py" if root else None
    if "underthesea" not in sys.modules and path is not None and path.is_file() and _normalizer_file():
        try:
            return _load_regex_tokenize(path).tokenize
        except Exception:  # another layout than this was written against: underthesea's own
            pass
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return tokenize


# --------------------------------------------------------------------------- models

def _segmenter_files() -> list[Path] | None:
    """The segmentation model's files, if underthesea's word_tokenize still loads that model."""
    root = package_dir()
    if root is None:
        return None
    module = root / "pipeline" / "word_tokenize" / "__init__.py"
    base = root / "pipeline" / "word_tokenize" / "models" / WORD_SEGMENTER
    files = [base / "features.bin", base / "dictionary.bin", base / "models.bin"]
    try:
        names_it = WORD_SEGMENTER in module.read_text(encoding="utf-8")
    except OSError:
        return None
    return files if names_it and all(f.is_file() for f in files) else None


def segmenter_data(files: list[Path]) -> tuple:
    """The segmentation model's feature templates and word dictionary, as underthesea reads them."""
    import joblib

    return joblib.load(files[0]), joblib.load(files[1])


@functools.cache
def _segmenter():
    """(featurizer, tagger) of underthesea's word segmentation model, or None."""
    files = _segmenter_files()
    if files is None:
        return None
    try:
        from underthesea_core import CRFFeaturizer, CRFTagger

        features, dictionary = load_or_build("word-segmenter", _file_key(files), lambda: segmenter_data(files))
        tagger = CRFTagger()
        tagger.load(str(files[2]))
        return CRFFeaturizer(features, dictionary), tagger
    except Exception:  # anything unexpected: underthesea's word_tokenize loads its own
        return None


def word_tokenize(sentence: str) -> list[str]:
    """`underthesea.word_tokenize(sentence)`: the rule tokens, joined into words where the
    segmentation model tags a token as inside a word."""
    model = _segmenter()
    if model is None:
        from underthesea import word_tokenize as underthesea_word_tokenize

        return underthesea_word_tokenize(sentence)
    featurizer, tagger = model
    tokens = _tokenize()(sentence)
    tags = tagger.tag(featurizer.process([[[token] for token in tokens]])[0])
    words: list[str] = []
    for tag, token in zip(tags, tokens):
        if tag == "I-W" and words:
            words[-1] = f"{words[-1]} {token}"
        else:
            words.append(token)
    return words


def _pos_model_spec() -> tuple[Path, tuple[str, ...]] | None:
    """(model file, feature template) of underthesea's CRF part-of-speech tagger, read from the
    source of its module (model_crf.py) without running it; None where it is not laid out so."""
    root = package_dir()
    source = root / "pipeline" / "pos_tag" / "model_crf.py" if root else None
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (AttributeError, OSError, SyntaxError, ValueError):
        return None
    models = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
              and n.value.endswith(".bin")}
    templates = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "template" for t in n.targets)]
    if len(models) != 1 or len(templates) != 1:
        return None
    try:
        template = tuple(ast.literal_eval(templates[0]))
    except ValueError:
        return None
    path = source.parent / models.pop()
    return (path, template) if path.is_file() else None


@functools.cache
def pos_model(template: tuple[str, ...]):
    """underthesea's CRF part-of-speech tagger (`underthesea_core.CRFTagger`), if its feature
    template is `template`; else None."""
    spec = _pos_model_spec()
    if spec is None or spec[1] != template:
        return None
    try:
        from underthesea_core import CRFTagger

        tagger = CRFTagger()
        tagger.load(str(spec[0]))
    except Exception:
        return None
    return tagger
