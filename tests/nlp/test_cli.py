"""`python -m nlp`: one message, a JSON-lines batch, scoring a labelled file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nlp.__main__ import main, score

from .conftest import EXTRA_SAMPLES, load

REPO = Path(__file__).resolve().parents[2]


def test_single_message(capsys):
    assert main(["A12已租", "--now", "2026-11-25T09:00:00+08:00"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "intent": "listing_status",
        "slots": {"listing": "A12", "listing_status": "closed"},
    }


def test_jsonl_batch_keeps_order_and_survives_bad_lines():
    lines = [
        {"text": "明天待办", "now": "2026-11-29T10:00:00+08:00"},
        {"text": "帮助"},
        "not json",
        {"text": "我的推广码", "now": "2026-11-25T09:00:00+08:00"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    out = subprocess.run(
        [sys.executable, "-m", "nlp", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    assert [json.loads(line) for line in out] == [
        {"intent": "agenda", "slots": {"day": "2026-11-30"}},
        {"intent": "help", "slots": {}},
        {"intent": "unknown", "slots": {}},
        {"intent": "referral_code", "slots": {}},
    ]


def test_score_figures(capsys):
    assert main(["--score", str(EXTRA_SAMPLES)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["messages"] == len(load(EXTRA_SAMPLES))
    assert figures["intent_accuracy"] >= 0.95 and figures["slot_micro_f1"] >= 0.92


def test_score_counts_misses():
    samples = [{"text": "A12已租", "intent": "poster", "slots": {"listing": "A12", "listing_status": "vacant"}}]
    figures = score(samples)
    assert figures["intent_accuracy"] == 0.0
    assert figures["slot_precision"] == 0.5 and figures["slot_recall"] == 0.5
