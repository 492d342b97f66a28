"""jieba behind one function, with the trade words in its dictionary and its caches kept in the project.

Only company names are cut with it (where a name ends and the note begins), which needs the common words,
not jieba's 350,000: the dictionary is jieba's own without its rare words (`MIN_FREQ`), written once to
`.cache/`. Loading it takes a fifth of the time of the full one, the largest part of a cold start.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import jieba

from . import lexicon as lx
from .places import PLACES

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"
MIN_FREQ = 20
"""Words of jieba's dictionary rarer than this are left out: unknown words go to its HMM as before."""
_tokenizer: jieba.Tokenizer | None = None


def _common_words() -> str | None:
    """jieba's dictionary without its rare words, written to the cache directory once per jieba version;
    None (the full dictionary) when the checkout is read-only."""
    source = Path(jieba.__file__).parent / "dict.txt"
    target = CACHE_DIR / f"jieba-{jieba.__version__}-common{MIN_FREQ}.txt"
    if target.exists():
        return str(target)
    try:
        CACHE_DIR.mkdir(exist_ok=True)
        with source.open(encoding="utf-8") as full:
            kept = [line for line in full if len(parts := line.split()) >= 2 and int(parts[1]) >= MIN_FREQ]
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("".join(kept), encoding="utf-8")
        partial.replace(target)  # atomic: a concurrent process reads the whole file or none
    except (OSError, ValueError):
        return None
    return str(target)


def _build(extra_words: list[str]) -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    dictionary = _common_words()
    tokenizer = jieba.Tokenizer(dictionary) if dictionary else jieba.Tokenizer()
    try:
        CACHE_DIR.mkdir(exist_ok=True)
        tokenizer.tmp_dir = str(CACHE_DIR)
    except OSError:
        pass  # read-only checkout: jieba falls back to rebuilding its dictionary in memory
    tokenizer.cache_file = f"jieba-common{MIN_FREQ}.cache" if dictionary else "jieba.cache"
    tokenizer.initialize()
    for word in extra_words:
        tokenizer.add_word(word, freq=200000)
    return tokenizer


def trade_words() -> list[str]:
    words = set(lx.TRADE_WORDS)
    for table in (lx.STAGES, lx.LISTING_STATUSES, lx.FEATURES, lx.PROPERTY_TYPES, lx.SOURCES):
        for synonyms in table.values():
            words.update(synonyms)
    return sorted(words)


def tokens(text: str) -> list[str]:
    """Words of `text`; the dictionary is loaded on first use, once."""
    global _tokenizer
    if _tokenizer is None:
        _tokenizer = _build(trade_words() + list(PLACES.levels))
    return _tokenizer.lcut(text)


def add_words(words: list[str]) -> None:
    if _tokenizer is not None:
        for word in words:
            _tokenizer.add_word(word, freq=200000)
