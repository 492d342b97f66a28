"""Every labelled sample parses to exactly its intent and slots (CONTRACT.md); `content` is compared loosely."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import nlp
from nlp.__main__ import same_value

from .conftest import (
    CONTRACT_ORIGINAL,
    CONTRACT_ORIGINAL_V2,
    DEV_SAMPLES,
    EXTRA_SAMPLES,
    HELDOUT_SAMPLES,
    HELDOUT_V3_SAMPLES,
    RECALL_SAMPLES,
    RECALL_V3_SAMPLES,
    SHARED_SAMPLES,
    SHARED_SAMPLES_V2,
    load,
    sample_params,
)

UNSCORED = {"content"}


def check(sample: dict) -> None:
    result = nlp.parse(sample["text"], datetime.fromisoformat(sample["now"])).to_json()
    assert result["intent"] == sample["intent"], sample["text"]
    want = {k: v for k, v in sample["slots"].items() if k not in UNSCORED}
    got = {k: v for k, v in result["slots"].items() if k not in UNSCORED}
    assert set(got) == set(want), f"{sample['text']}: {got} != {want}"
    for key, value in want.items():
        assert same_value(value, got[key]), f"{sample['text']}: {key} {got[key]!r} != {value!r}"
    if "content" in result["slots"]:
        assert sample["intent"] in ("log_followup", "reply_visitor")


@pytest.mark.parametrize("sample", sample_params(SHARED_SAMPLES))
def test_shared_sample(sample: dict) -> None:
    check(sample)


@pytest.mark.parametrize("sample", sample_params(SHARED_SAMPLES_V2))
def test_shared_sample_v2(sample: dict) -> None:
    check(sample)


def test_the_copied_contract_samples_match_the_original_when_it_is_beside_the_project() -> None:
    if CONTRACT_ORIGINAL.exists():
        assert load(SHARED_SAMPLES) == load(CONTRACT_ORIGINAL), "copy ../shared/nlp/samples.jsonl into tests/nlp"
    if CONTRACT_ORIGINAL_V2.exists():
        assert load(SHARED_SAMPLES_V2) == load(CONTRACT_ORIGINAL_V2), (
            "copy ../shared/nlp/samples_v2.jsonl into tests/nlp/contract_samples_v2.jsonl"
        )
    assert len(load(SHARED_SAMPLES)) >= 45 and len(load(SHARED_SAMPLES_V2)) >= 25


@pytest.mark.parametrize(
    "sample",
    sample_params(RECALL_SAMPLES)
    + sample_params(HELDOUT_SAMPLES)
    + sample_params(DEV_SAMPLES)
    + sample_params(RECALL_V3_SAMPLES)
    + sample_params(HELDOUT_V3_SAMPLES),
)
def test_real_style_message(sample: dict) -> None:
    check(sample)


def test_real_style_messages_cover_every_intent() -> None:
    samples = load(RECALL_SAMPLES)
    assert len(samples) >= 300
    assert {s["intent"] for s in samples} == set(nlp.INTENTS)


@pytest.mark.parametrize("sample", sample_params(EXTRA_SAMPLES))
def test_extra_sample(sample: dict) -> None:
    check(sample)


def test_extra_samples_cover_every_intent() -> None:
    samples = load(EXTRA_SAMPLES)
    assert len(samples) >= 150
    counts = {}
    for s in samples:
        counts[s["intent"]] = counts.get(s["intent"], 0) + 1
    intents = {
        "new_client",
        "new_listing",
        "log_followup",
        "search_listings",
        "match_client",
        "client_info",
        "update_stage",
        "listing_status",
        "agenda",
        "poster",
        "referral_code",
        "help",
        "unknown",
    }
    assert set(counts) == intents
    assert min(counts.values()) >= 5, counts


CONTRACT_SLOTS = {
    "client",
    "company",
    "contact_name",
    "phone",
    "wechat_id",
    "industry",
    "source",
    "region",
    "deal_type",
    "property_type",
    "single_storey",
    "area_min",
    "area_max",
    "area",
    "ceiling_height_min",
    "ceiling_height",
    "floor_load_min",
    "floor_load",
    "power_kva_min",
    "power_kva",
    "rent_max",
    "rent",
    "budget_month_max",
    "sale_price_max",
    "sale_price",
    "sale_total_max",
    "features",
    "listing",
    "listing_status",
    "stage",
    "next_at",
    "content",
    "day",
    # version 2
    "until",
    "annual_rent",
    "monthly_rent_total",
    "sale_total",
    "rent_free_months",
    "lease_years",
    "coupon",
    "amount",
    "remind_before_min",
}
OWN_SLOTS = {"regions", "happened_at", "period", "staff", "visitor", "reason", "again", "lease_start"}
"""Slots beyond the contract, documented in nlp/README.md."""


def test_samples_use_only_documented_slots() -> None:
    for s in (
        load(EXTRA_SAMPLES)
        + load(SHARED_SAMPLES)
        + load(SHARED_SAMPLES_V2)
        + load(RECALL_SAMPLES)
        + load(HELDOUT_SAMPLES)
        + load(DEV_SAMPLES)
        + load(RECALL_V3_SAMPLES)
        + load(HELDOUT_V3_SAMPLES)
    ):
        assert set(s["slots"]) <= CONTRACT_SLOTS | OWN_SLOTS, s["text"]
        assert all(v not in (None, "", []) for v in s["slots"].values()), s["text"]


def test_the_readme_documents_every_own_intent_and_slot() -> None:
    readme = (Path(nlp.__file__).parent / "README.md").read_text(encoding="utf-8")
    contract = {
        "new_client",
        "new_listing",
        "log_followup",
        "search_listings",
        "match_client",
        "client_info",
        "update_stage",
        "listing_status",
        "agenda",
        "poster",
        "referral_code",
        "help",
        "unknown",
        "cancel_followup",
        "undo",
        "record_deal",
        "my_commission",
        "withdraw",
        "listing_stats",
        "login",
        "share_text",
    }
    for name in (set(nlp.INTENTS) - contract) | OWN_SLOTS:
        assert f"`{name}`" in readme, name
