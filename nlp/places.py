"""Place names of the industrial belts, and picking the most specific one named."""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

CACHE_FILE = Path(__file__).resolve().parent.parent / ".cache" / "jionlp_places.json"

# Level 1 city, 2 district or county-level city, 3 town or park.
_BUILTIN = {
    1: "苏州 无锡 常州 南通 嘉兴 湖州 绍兴 上海 杭州 宁波 南京 镇江 扬州 泰州 合肥 芜湖 东莞 深圳 惠州 佛山 广州 中山 珠海 江门 肇庆 清远 盐城 宿迁",
    2: "昆山 太仓 常熟 张家港 吴江 吴中 相城 苏州工业园 新吴 江阴 宜兴 锡山 惠山 滨湖 武进 新北 金坛 溧阳 嘉善 平湖 海宁 桐乡 海盐 南湖 秀洲 "
    "松江 嘉定 青浦 宝山 金山 奉贤 闵行 浦东 临港 崇明 萧山 余杭 临平 钱塘 富阳 北仑 鄞州 慈溪 余姚 镇海 海门 通州 如皋 启东 崇川 "
    "宝安 龙岗 光明 坪山 龙华 南山 惠阳 惠城 博罗 仲恺 大亚湾 顺德 南海 禅城 三水 高明 番禺 增城 花都 从化 白云 黄埔 南沙 "
    "新会 鹤山 开平 台山 斗门 金湾 香洲 江北 江宁 浦口 六合",
    3: "花桥 陆家 张浦 周市 千灯 巴城 玉山 淀山湖 锦溪 周庄 陆家浜 城厢 浏河 沙溪 璜泾 双凤 支塘 辛庄 梅李 海虞 古里 虞山 "
    "盛泽 汾湖 黎里 平望 震泽 七都 松陵 同里 甪直 胥口 木渎 郭巷 临湖 横泾 黄桥 渭塘 望亭 北桥 太平 "
    "唯亭 娄葑 胜浦 斜塘 通安 浒墅关 东港 硕放 梅村 鸿山 旺庄 洛社 前洲 玉祁 华士 新桥 徐霞客 湖塘 横林 横山桥 雪堰 "
    "魏塘 姚庄 西塘 大云 干窑 独山港 新仓 乍浦 当湖 许村 长安 虎门 松山湖 塘厦 凤岗 清溪 樟木头 大朗 大岭山 寮步 常平 "
    "黄江 厚街 沙田 麻涌 石碣 石龙 茶山 横沥 东坑 企石 桥头 谢岗 道滘 洪梅 望牛墩 中堂 高埗 石排 "
    "沙井 松岗 福永 西乡 石岩 观澜 坪地 横岗 公明 新湖 坪山 大鹏 "
    "新塘 永和 石楼 狮山 里水 九江 西樵 大良 容桂 伦教 北滘 陈村 乐从 龙江 勒流 杏坛 均安 小榄 古镇 火炬 坦洲 三角 南头 黄圃 "
    "泗泾 九亭 车墩 洞泾 石湖荡 小昆山 南翔 安亭 马陆 外冈 华亭 徐行 白鹤 练塘 朱家角 华新 赵巷 罗店 月浦 顾村 "
    "枫泾 亭林 朱泾 金山卫 庄行 南桥 青村 奉城 柘林 马桥 颛桥 莘庄 康桥 张江 周浦 航头 惠南 祝桥 "
    "瓜沥 义蓬 大江东 良渚 仁和",
}

_SUFFIXES = ("工业园区", "街道", "市", "区", "县", "镇")
# jionlp short names that are mostly ordinary words in a chat (`新建厂房`, `合作`, `通道`), never taken as places.
_NOT_PLACES = set(
    "合作 和平 武功 平原 比如 南部 解放 东方 前进 港口 中原 公安 友好 通道 示范区 方正 长子 同心 大方 共和 城中 古城 城区 "
    "友谊 平安 中方 凤凰 安定 商城 延长 新兴 运河 东风 红旗 工农 新建 新城 富裕 清水 前锋 复兴 宏伟 温泉 向阳 郊区 三元 "
    "振兴 永安 新河 互助 新华 天桥 建平 工业园 莲花 大堂 沙河 大城 桃园 建华 永和 河东 河西 江城 二七 产业园 江海 双桥 "
    "高新区 高新 城东 城西 城南 城北 文峰 九龙 上街 兴隆 元宝 宝塔 青山 万安 平江 灯塔 大关 天涯 七星 海棠 博爱 回民 同仁 "
    "山城 长寿 龙门 矿区 市中 东区 西区 南区 北区 新区 开发区 经开区 航空港 西城 东城 南城 上城 下城 白玉 清新 太和 "
    "金台 天山 石门 西山 名山 黄龙 大观 建安 台前 花山 双湖 北湖 月湖 银海 上海港 小店 平房 满城 青龙 盘龙 钟楼 "
    "物流 安居 高台 站前 铁东 铁西 立山 千山 明山 细河 红山 长安区 向阳区 永定 新市 城关 东昌 新罗 安源 兴宁 长宁 普陀 徐汇".split()
)
# Kinds of area rather than places: an agency's region tree may list `开发区` or `高新` under a city, but in a
# chat they are ordinary words (`昆山开发区` names 昆山), so a configured name made only of these is not a place.
GENERIC_AREAS = set(
    "开发区 经开区 经济开发区 技术开发区 高新区 高新技术开发区 高新 高新园 工业园 工业园区 工业区 园区 产业园 科技园 "
    "物流园 保税区 综保区 综合保税区 自贸区 新区 城区 市区 主城区 老城区 镇区 郊区 市中心 中心 片区 板块 周边 "
    "其他 其它 全部 不限 开发 工业 科技 物流 新城 老城 城东 城西 城南 城北 东区 西区 南区 北区".split()
)


def is_generic_area(name: str) -> bool:
    """`开发区`, `高新`, `工业园区`: a kind of area, not a place's name."""
    name = str(name).strip()
    return not name or name in GENERIC_AREAS or normalize_place(name) in GENERIC_AREAS or name in _NOT_PLACES


def flatten_regions(tree, level: int = 1) -> list[tuple[str, int]]:
    """(name, level) of every name in a region tree: city > district > [towns], as config.yaml `regions`.

    Accepts a mapping (keys are names, values their children), a list or tuple, or one name; level 1 is a
    city, 2 a district, 3 (and deeper) a town.
    """
    found: list[tuple[str, int]] = []
    if tree is None:
        return found
    if isinstance(tree, (str, int)):
        return [(str(tree), min(level, 3))]
    if isinstance(tree, dict):
        for name, children in tree.items():
            if name is not None and str(name).strip():
                found.append((str(name), min(level, 3)))
            found.extend(flatten_regions(children, level + 1))
        return found
    try:
        for item in tree:
            found.extend(flatten_regions(item, level))
    except TypeError:
        pass
    return found


def normalize_place(name: str) -> str:
    """`苏州工业园区` -> `苏州工业园`; otherwise drop one trailing 市/区/县/镇/街道."""
    name = name.strip()
    if name.endswith("工业园区"):
        return name[:-1]
    for suffix in ("街道", "市", "区", "县", "镇"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def jionlp_regions() -> dict[str, int]:
    """Provinces (0), cities (1) and districts/counties (2) of all China, short names, from jionlp.

    jionlp's dictionary takes most of a second to load, so its names are cached in `.cache/`; the
    cache is rebuilt when missing or written by another jionlp version. Swap this function out (see
    `PlaceIndex(source=...)`) to use another gazetteer.
    """
    version = _installed_version("jionlp")
    if version is None:  # jionlp absent: the built-in list still works
        return {}
    try:
        cached = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
        if cached.get("version") == version:
            return cached["levels"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    levels = _load_jionlp()
    try:
        CACHE_FILE.parent.mkdir(exist_ok=True)
        CACHE_FILE.write_text(json.dumps({"version": version, "levels": levels}, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # read-only checkout: rebuilt in memory next time
    return levels


def _installed_version(package: str) -> str | None:
    """Where the package is installed and when it was written: changes with every install, and unlike
    importlib.metadata (a tenth of a second to import) costs nothing at start-up."""
    try:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            return None
        return f"{spec.origin}@{os.stat(spec.origin).st_mtime_ns}"
    except (ImportError, ValueError, OSError):
        return None


def _load_jionlp() -> dict[str, int]:
    try:
        import jionlp

        tree = jionlp.china_location_loader()
    except Exception:
        return {}
    levels: dict[str, int] = {}

    def add(names, level: int) -> None:
        for name in names if isinstance(names, list) else [names]:
            if isinstance(name, str) and len(name) >= 2:
                levels.setdefault(name, level)

    for province, cities in tree.items():
        if province.startswith("_") or not isinstance(cities, dict):
            continue
        add(cities.get("_alias"), 0)
        for city, counties in cities.items():
            if city.startswith("_") or not isinstance(counties, dict):
                continue
            add(counties.get("_alias"), 1)
            for county, info in counties.items():
                if not county.startswith("_") and isinstance(info, dict):
                    add(info.get("_alias"), 2)
    return levels


class PlaceIndex:
    """Known place names with their level; one alternation regex, longest first."""

    def __init__(self, source: Callable[[], dict[str, int]] | None = jionlp_regions) -> None:
        self.levels: dict[str, int] = {}
        for level, names in _BUILTIN.items():
            for name in names.split():
                self.levels.setdefault(normalize_place(name), level)
        for name, level in (source() if source else {}).items():
            name = normalize_place(name)
            if name not in _NOT_PLACES:
                self.levels.setdefault(name, level)
        self._build()

    def extend(self, names: Iterable[str] | Iterable[tuple[str, int]]) -> list[str]:
        """Add an agency's regions, skipping generic area words (`开发区`, `高新`); returns the names added.

        Plain names not known are taken as towns (most specific); (name, level) pairs keep their level.
        Names already known keep theirs, so configuring twice changes nothing.
        """
        added = []
        for item in names:
            raw, level = item if isinstance(item, tuple) else (item, 3)
            if is_generic_area(raw):
                continue
            name = normalize_place(str(raw))
            if len(name) >= 2 and not is_generic_area(name):
                self.levels.setdefault(name, level)
                added.append(name)
        self._build()
        return added

    def _build(self) -> None:
        self._lengths = sorted({len(n) for n in self.levels}, reverse=True)

    def find(self, text: str) -> list[tuple[int, str]]:
        """(position, name) of every place named, longest name first at each position, without overlaps.

        A dictionary probe per position and length: thousands of names cost no more than a few.
        """
        found = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths:
                name = text[i : i + length]
                if len(name) == length and name in self.levels:
                    found.append((i, name))
                    i += length
                    for suffix in _SUFFIXES:
                        if text.startswith(suffix, i):
                            i += len(suffix)
                            break
                    break
            else:
                i += 1
        return found

    def most_specific(self, text: str) -> str | None:
        """The most specific place named; on a tie, the last one (Chinese goes general to specific)."""
        best: tuple[int, int] | None = None
        best_name = None
        for start, name in self.find(text):
            key = (self.levels[name], start)
            if best is None or key > best:
                best, best_name = key, name
        return best_name


PLACES = PlaceIndex()
