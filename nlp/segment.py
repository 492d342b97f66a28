"""jieba behind one function, with the trade words in its dictionary and its cache kept in the project."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba

from . import lexicon as lx
from .places import PLACES

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"
_tokenizer: jieba.Tokenizer | None = None


def _build(extra_words: list[str]) -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    try:
        CACHE_DIR.mkdir(exist_ok=True)
        tokenizer.tmp_dir = str(CACHE_DIR)
    except OSError:
        pass  # read-only checkout: jieba falls back to rebuilding its dictionary in memory
    tokenizer.cache_file = "jieba.cache"
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
