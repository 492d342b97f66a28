"""Command line: parse one message, a JSON-lines batch, score a labelled file, or benchmark.

python -m nlp "文本" [--now ISO8601]
python -m nlp --jsonl < in.jsonl > out.jsonl
python -m nlp --score FILE.jsonl [--verbose]
python -m nlp --bench
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

from . import parse

REPO = Path(__file__).resolve().parent.parent
SAMPLE_FILES = [
    REPO / "tests" / "nlp" / name
    for name in (
        "contract_samples.jsonl",
        "contract_samples_v2.jsonl",
        "samples_extra.jsonl",
        "recall_v2.jsonl",
        "heldout_v2.jsonl",
        "dev_v2.jsonl",
        "recall_v3.jsonl",
        "heldout_v3.jsonl",
    )
]
UNSCORED = {"content"}
FLOAT_TOLERANCE = 0.01


def _now(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _as_json(text: str, now: str | None) -> str:
    return json.dumps(parse(text, _now(now)).to_json(), ensure_ascii=False)


def load_samples(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def same_value(expected, actual) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return abs(float(expected) - float(actual)) <= FLOAT_TOLERANCE
        except (TypeError, ValueError):
            return False
    return expected == actual


def score(samples: list[dict], verbose: bool = False) -> dict:
    """Intent accuracy, slot micro precision/recall/F1 over (slot, value) pairs except `content`, and per intent
    its recall, precision and confusion row (`as`: what messages of that intent were taken for)."""
    intents_right = true_pos = predicted = expected = 0
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for sample in samples:
        result = parse(sample["text"], _now(sample.get("now"))).to_json()
        confusion[sample["intent"]][result["intent"]] += 1
        gold = {k: v for k, v in sample["slots"].items() if k not in UNSCORED}
        got = {k: v for k, v in result["slots"].items() if k not in UNSCORED}
        intents_right += result["intent"] == sample["intent"]
        hits = sum(1 for k, v in gold.items() if k in got and same_value(v, got[k]))
        true_pos, predicted, expected = true_pos + hits, predicted + len(got), expected + len(gold)
        if verbose and (result["intent"] != sample["intent"] or hits != len(gold) or len(got) != len(gold)):
            print(
                f"- {sample['text']}\n  want {sample['intent']} {json.dumps(gold, ensure_ascii=False)}"
                f"\n  got  {result['intent']} {json.dumps(got, ensure_ascii=False)}"
            )
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "messages": len(samples),
        "intent_accuracy": round(intents_right / max(len(samples), 1), 4),
        "slot_precision": round(precision, 4),
        "slot_recall": round(recall, 4),
        "slot_micro_f1": round(f1, 4),
        "per_intent": _per_intent(confusion),
    }


def _per_intent(confusion: dict[str, Counter[str]]) -> dict:
    taken_as: Counter[str] = Counter()
    for row in confusion.values():
        taken_as.update(row)
    report = {}
    for intent in sorted(set(confusion) | set(taken_as)):
        row = confusion.get(intent, Counter())
        right = row[intent]
        report[intent] = {
            "messages": sum(row.values()),
            "recall": round(right / sum(row.values()), 4) if row else None,
            "precision": round(right / taken_as[intent], 4) if taken_as[intent] else None,
            "as": {other: n for other, n in row.most_common() if other != intent},
        }
    return report


def bench() -> dict:
    samples = [s for path in SAMPLE_FILES if path.exists() for s in load_samples(path)]
    cold_code = (
        "import time; t = time.perf_counter(); import nlp; nlp.parse('跟进 华兴精密 张总 明天下午3点再约'); "
        "print(time.perf_counter() - t)"
    )
    # The first run may build the jieba and place caches; the figure is the median of the runs after it.
    colds = sorted(
        float(
            subprocess.run([sys.executable, "-c", cold_code], cwd=REPO, capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(4)
    )
    cold = colds[len(colds) // 2]
    pairs = [(s["text"], _now(s.get("now"))) for s in samples]
    for text, now in pairs:
        parse(text, now)
    rounds = max(1, 20000 // len(pairs))
    start = time.perf_counter()
    for _ in range(rounds):
        for text, now in pairs:
            parse(text, now)
    warm_ms = (time.perf_counter() - start) * 1000 / (rounds * len(pairs))
    print(f"{len(pairs)} messages x {rounds} rounds, Python {sys.version.split()[0]}")
    return {
        "messages": len(pairs),
        "warm_ms_per_msg": round(warm_ms, 4),
        "cold_first_parse_s": round(cold, 3),
        "cold_runs_s": [round(c, 3) for c in colds],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", help="one message")
    parser.add_argument("--now", help="ISO 8601 time the message was sent (default: now, Asia/Shanghai)")
    parser.add_argument("--jsonl", action="store_true", help='read {"text","now"} lines on stdin')
    parser.add_argument("--score", metavar="FILE", help="labelled JSON lines to score")
    parser.add_argument("--verbose", action="store_true", help="with --score, list the misses")
    parser.add_argument("--bench", action="store_true", help="time warm parsing and cold import")
    args = parser.parse_args(argv)

    if args.score:
        print(json.dumps(score(load_samples(Path(args.score)), args.verbose), ensure_ascii=False))
    elif args.bench:
        print(json.dumps(bench()))
    elif args.jsonl:
        for line in sys.stdin:
            if line.strip():
                try:
                    item = json.loads(line)
                    print(_as_json(str(item.get("text", "")), item.get("now")), flush=False)
                except (ValueError, AttributeError):
                    print(json.dumps({"intent": "unknown", "slots": {}}))
        sys.stdout.flush()
    elif args.text is not None:
        print(_as_json(args.text, args.now))
    else:
        parser.print_help()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
