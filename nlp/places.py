"""Place names of the industrial belts, and picking the most specific one named."""
from __future__ import annotations

import re
from typing import Iterable

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

_SUFFIXES = ("街道", "工业园区", "市", "区", "县", "镇")


def normalize_place(name: str) -> str:
    """`苏州工业园区` -> `苏州工业园`; otherwise drop one trailing 市/区/县/镇/街道."""
    name = name.strip()
    if name.endswith("工业园区"):
        return name[:-1]
    for suffix in ("街道", "市", "区", "县", "镇"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


class PlaceIndex:
    """Known place names with their level; one alternation regex, longest first."""

    def __init__(self) -> None:
        self.levels: dict[str, int] = {}
        for level, names in _BUILTIN.items():
            for name in names.split():
                self.levels.setdefault(normalize_place(name), level)
        self._build()

    def extend(self, names: Iterable[str]) -> None:
        """Add an agency's regions; names not known are taken as towns (most specific)."""
        for raw in names:
            name = normalize_place(str(raw))
            if len(name) >= 2:
                self.levels.setdefault(name, 3)
        self._build()

    def _build(self) -> None:
        names = sorted(self.levels, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self._pattern = re.compile(f"(?:{alternation})(?:工业园区|街道|市|区|县|镇)?")

    def most_specific(self, text: str) -> str | None:
        """The most specific place named; on a tie, the last one (Chinese goes general to specific)."""
        best: tuple[int, int] | None = None
        best_name = None
        for match in self._pattern.finditer(text):
            name = normalize_place(match.group())
            level = self.levels.get(name, self.levels.get(name.rstrip("区"), 3))
            key = (level, match.start())
            if best is None or key > best:
                best, best_name = key, name
        return best_name


PLACES = PlaceIndex()
