"""``nlp.parse_visitor``: a visitor's own words -> their need and how to reach them."""

import pytest

import nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "你好，我想在昆山租个2000平左右的厂房，我姓赵，电话18662345678",
            {
                "phone": "18662345678",
                "contact_name": "赵",
                "region": "昆山",
                "deal_type": "rent",
                "property_type": "factory",
                "area_min": 1800.0,
                "area_max": 2200.0,
            },
        ),
        (
            "有没有花桥3000平的仓库",
            {"region": "花桥", "property_type": "warehouse", "area_min": 2700.0, "area_max": 3300.0},
        ),
        (
            "昆山 单层 层高8米 2000平左右",
            {
                "region": "昆山",
                "single_storey": True,
                "ceiling_height_min": 8.0,
                "area_min": 1800.0,
                "area_max": 2200.0,
            },
        ),
        (
            "我是华兴精密的李经理，需要一个仓库",
            {"company": "华兴精密", "contact_name": "李", "property_type": "warehouse"},
        ),
        (
            "我们公司苏州恒通物流，找个5000平的仓库，联系人王总 13900002222",
            {
                "company": "苏州恒通物流",
                "contact_name": "王",
                "phone": "13900002222",
                "property_type": "warehouse",
                "area_min": 4500.0,
                "area_max": 5500.0,
            },
        ),
        ("赵先生 13800001111", {"contact_name": "赵", "phone": "13800001111"}),
        ("我叫赵明，微信zhaoming88", {"contact_name": "赵", "wechat_id": "zhaoming88"}),
        ("A12 还在吗", {"listing": "A12"}),
        ("你好", {}),
        ("在吗", {}),
    ],
)
def test_a_visitors_need_and_contact(text, expected):
    assert nlp.parse_visitor(text).to_json()["slots"] == expected


def test_a_need_reads_as_a_search_and_a_hello_does_not():
    assert nlp.parse_visitor("花桥有仓库吗").intent == "search_listings"
    assert nlp.parse_visitor("你好").intent == "unknown"


def test_what_is_not_a_company_is_not_taken_for_one():
    assert "company" not in nlp.parse_visitor("我是做机械的，想找个厂房").slots
    assert "company" not in nlp.parse_visitor("我在昆山，想租厂房").slots


@pytest.mark.parametrize("text", ["", "\x00" * 50, "回复" * 400, "]]>", "📦" * 10])
def test_it_never_raises(text):
    assert isinstance(nlp.parse_visitor(text), nlp.Parsed)
