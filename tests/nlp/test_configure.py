"""`nlp.configure(settings.regions)`: the agency's region tree adds its towns as places, never its generic
area words (`开发区`, `高新`), and every labelled sample still parses the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nlp
from nlp.places import PLACES, flatten_regions, is_generic_area

from .conftest import EXTRA_SAMPLES, NOW, SHARED_SAMPLES, load
from .test_samples import check

CONFIG = Path(__file__).resolve().parents[2] / "config.yaml"


def config_regions() -> dict:
    try:
        from core.config import load_settings

        return load_settings(CONFIG).regions
    except Exception:  # the app's settings need something this checkout lacks: read the file itself
        return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["regions"]


@pytest.fixture(scope="module")
def configured() -> dict:
    regions = config_regions()
    nlp.configure(regions)
    nlp.configure(regions)  # twice, as a restarted app would: no change
    return regions


def test_flatten_keeps_levels() -> None:
    pairs = dict(flatten_regions({"惠州": {"仲恺": ["陈江"], "博罗": []}}))
    assert pairs == {"惠州": 1, "仲恺": 2, "陈江": 3, "博罗": 2}
    assert dict(flatten_regions(["陈江", "花桥"], 3)) == {"陈江": 3, "花桥": 3}


@pytest.mark.parametrize("name", ["开发区", "高新", "工业园", "园区", "高新区", "经开区", "工业园区"])
def test_generic_area_words_are_not_places(name: str) -> None:
    assert is_generic_area(name)


def test_configured_towns_resolve(configured: dict) -> None:
    for text, town in [
        ("陈江有没有厂房", "陈江"),
        ("花桥 仓库 3000平", "花桥"),
        ("找张浦的厂房", "张浦"),
        ("惠州仲恺陈江 单层厂房 2000平", "陈江"),
        ("相城黄埭 厂房", "黄埭"),
    ]:
        parsed = nlp.parse(text, NOW)
        assert parsed.intent == "search_listings", text
        assert parsed.slots.get("region") == town, text
    for generic in ("开发", "开发区", "高新", "园区"):
        assert generic not in PLACES.levels
    assert nlp.parse("找一下昆山开发区的研发楼", NOW).slots.get("region") == "昆山"


def test_configure_accepts_nothing_and_flat_lists() -> None:
    nlp.configure(None)
    nlp.configure({})
    nlp.configure(["开发区"])
    assert "开发" not in PLACES.levels


@pytest.mark.parametrize("sample", load(SHARED_SAMPLES) + load(EXTRA_SAMPLES), ids=lambda s: s["text"][:20])
def test_samples_pass_once_configured(configured: dict, sample: dict) -> None:
    check(sample)
