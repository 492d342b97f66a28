"""Fixtures for the chat parser tests: the shared contract samples and our own labelled ones."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# The contract's samples, copied in so a clone without ../shared still checks them;
# test_samples.py fails if the copy and the original drift apart.
SHARED_SAMPLES = HERE / "contract_samples.jsonl"
CONTRACT_ORIGINAL = HERE.parents[2] / "shared" / "nlp" / "samples.jsonl"
SHARED_SAMPLES_V2 = HERE / "contract_samples_v2.jsonl"
CONTRACT_ORIGINAL_V2 = HERE.parents[2] / "shared" / "nlp" / "samples_v2.jsonl"
EXTRA_SAMPLES = HERE / "samples_extra.jsonl"
# Real-style messages written and labelled before the parser saw them (see BENCHMARKS.md): a regression set.
RECALL_SAMPLES = HERE / "recall_v2.jsonl"
HELDOUT_SAMPLES = HERE / "heldout_v2.jsonl"
DEV_SAMPLES = HERE / "dev_v2.jsonl"
# The third round (issues 12-14): a batch tuned on, and one scored once without tuning.
RECALL_V3_SAMPLES = HERE / "recall_v3.jsonl"
HELDOUT_V3_SAMPLES = HERE / "heldout_v3.jsonl"
NOW = datetime.fromisoformat("2026-11-25T09:00:00+08:00")  # a Wednesday


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_params(path: Path) -> list:
    return [pytest.param(s, id=f"{i + 1}:{s['intent']}:{s['text'][:24]}") for i, s in enumerate(load(path))]


@pytest.fixture
def now() -> datetime:
    return NOW
