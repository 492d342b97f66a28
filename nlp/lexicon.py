"""The trade vocabulary as data tables: extend these, not the code.

Every table maps a normalized value to the surface words that express it.
Longer words are always tried before shorter ones, so `重新上架` beats `上架`.
"""

# Intent cues: (intent, priority, cue words). The highest-priority intent whose
# cue appears wins. Commands that open a record (new_client, new_listing) beat
# everything, because their notes freely mention stages, times and places.
# update_stage and search_listings are decided in intents.py, since they depend
# on what else the message says.
INTENT_CUES = [
    ("help", 100, ["帮助", "菜单", "怎么用", "使用说明", "使用帮助", "能做什么", "功能列表", "有什么功能", "有啥功能", "什么功能",
                  "能干嘛", "能干什么", "会什么", "指令", "命令", "help"]),
    ("referral_code", 95, ["推广码", "邀请码", "推荐码", "二维码", "我的码", "名片码"]),
    ("poster", 90, ["海报"]),
    ("new_client", 85, ["新客户", "录入客户", "登记客户", "新增客户", "添加客户", "加个客户", "新客源", "客户录入", "客户登记"]),
    ("new_listing", 85, ["新房源", "录入房源", "新增房源", "登记房源", "添加房源", "房源录入", "房源登记", "新盘源", "加个房源"]),
    ("agenda", 80, ["跟进谁", "联系谁", "回访谁", "拜访谁", "打给谁", "待办", "提醒", "日程", "要跟进的", "待跟进", "该跟进",
                    "跟进计划", "跟进列表", "跟进哪些", "跟进哪几个", "联系哪些", "回访哪些", "今天安排", "明天安排",
                    "什么安排", "啥安排", "工作安排", "我的任务"]),
    ("match_client", 75, ["匹配", "找房", "找下房", "找找房", "找个房", "找一下房", "找些房", "适合哪些", "适合什么",
                          "合适的房", "配房", "有合适的", "有没有合适的"]),
    ("client_info", 70, ["查客户", "查一下客户", "查下客户", "查查客户", "看下客户", "看看客户", "看一下客户", "客户详情",
                         "客户资料", "客户信息", "客户档案", "详细资料", "的详情", "详细信息", "什么情况", "的情况", "怎么样了", "的资料", "啥情况",
                         "进展如何", "进度如何", "什么进度", "啥进度", "进展怎么样", "到哪一步了"]),
    ("log_followup", 60, ["跟进", "回访", "记录", "记一下", "联系了", "沟通了", "沟通", "电话了", "打电话", "聊了", "见了", "见面", "带看了", "看过房", "看了", "再联系", "再约", "再跟", "再打", "回电", "拜访了",
                          "去拜访", "微信聊", "电话没接", "没接电话"]),
]

# Words before a client that only introduce it: `帮王总找房`, `把华南模具改成流失`.
CLIENT_PREPOSITIONS = ["帮我给", "帮我把", "帮我", "帮忙给", "帮", "给", "为", "替", "把", "将", "客户"]
# Words that open a follow-up note and come before the client: `今天联系了德信钱总`, `带看了 优品冷链`.
FOLLOWUP_OPENERS = ["跟进一下", "跟进", "回访", "记录一下", "记录", "记一下", "电话联系了", "联系了", "拜访了", "去拜访了",
                    "带看了", "见了", "约了"]
FOLLOWUP_OPENER_TIMES = ["今天", "今日", "刚才", "刚刚", "上午", "下午", "早上", "晚上", "中午", "昨天"]

# A help request is a short message; longer ones only mention the words.
HELP_MAX_CHARS = 12

# Words that make a message a search when it also names a property or condition.
SEARCH_CUES = ["找", "查", "有没有", "有无", "推荐", "搜", "看看", "需要", "要", "求租", "求购", "想租", "想买",
               "租", "买", "哪里有", "哪有", "帮我", "筛选", "列出", "有啥", "有什么"]
# Listings in general, of no particular type: with a search word they make a search (`找房源`, `有什么房子`).
PROPERTY_NOUNS = ["房源", "盘源", "房子", "楼盘", "物业", "场地", "空房", "好房"]
# A new-listing word after one of these asks for listings rather than registering one (`最近有什么新房源`).
LISTING_QUERIES = ["有什么", "有没有", "有啥", "有哪些", "哪些", "看看", "看下", "看一下", "查", "找", "推荐", "最近", "发我",
                   "发几个", "多少"]
# Never a client's name, whatever else the message says: the trade's generic nouns, people in general, fillers.
NOT_CLIENT_NAMES = ["客户", "客源", "客人", "房东", "业主", "我们", "他们", "你们", "大家", "有人", "别人", "一下", "几个",
                    "一些", "几套", "这个", "那个", "哪些", "哪个", "什么", "最近", "现在", "所有", "全部", "新的",
                    "合适", "附近", "周边", "空的"]
# What is left of a listing_status message besides the listing, the status and the client.
LISTING_STATUS_FILLERS = ["客户", "房源", "状态", "改为", "改成", "设为", "标记为", "标记", "已经", "一下", "有人", "先",
                          "了", "啦", "的", "给", "被", "和", "跟", "与", "把", "中", "由", "是", "已"]

# A chat that mentions a property but is plainly not a request.
CHAT_MARKERS = ["好热", "好冷", "下雨", "吃饭", "哈哈", "辛苦", "谢谢", "收到", "晚安", "早安", "天气", "好累", "加班",
                "放假", "开会", "打卡", "好难", "难租", "难卖", "太难", "不好租", "不好卖", "行情"]

STAGES = {
    "intent": ["初步意向", "有意向", "有点意向", "意向客户", "感兴趣", "有兴趣", "考虑一下", "在考虑"],
    "viewing": ["带看", "看过房", "看了房", "看过", "看了", "约看", "看房", "实地看", "看场地", "看厂", "去看", "现场看",
                "看仓库", "看研发楼", "看地块", "看房子", "看现场"],
    "negotiating": ["谈判", "议价", "谈价格", "谈价", "砍价", "还价", "在谈", "谈条件", "谈合同"],
    "won": ["成交", "签约", "签了", "签合同", "合同已签", "已签", "签好了", "签下来", "签下了", "定了", "付定金", "交定金", "下定", "付了定金", "拿下"],
    "lost": ["流失", "放弃", "不租了", "不买了", "选了别家", "租了别家", "买了别家", "不考虑了", "黄了", "不要了", "没戏", "丢了"],
}
# When several stage words appear, the outcome wins (看过房 ... 不租了 -> lost).
STAGE_PRECEDENCE = ["won", "lost", "negotiating", "viewing", "intent"]

LISTING_STATUSES = {
    "vacant": ["重新上架", "恢复推广", "空置", "可租", "可售", "上架", "空出来", "腾空", "又空了"],
    "viewing": ["带看预约", "预约看房", "约看", "有人约看"],
    "negotiating": ["谈判中", "洽谈中", "在谈"],
    "closed": ["已经租出去", "已经卖出去", "租出去了", "卖出去", "租给", "卖给", "售给", "签给", "已租", "已售", "已成交", "已出租", "已出售", "已经出租", "已经租", "已经售", "已经卖", "售出", "租出去", "租掉", "卖掉", "卖出", "已签约", "出租了", "卖了", "租了"],
    "paused": ["暂停推广", "暂停", "下架", "停止推广", "不推了", "先别推"],
}

SOURCES = {
    "douyin": ["抖音"],
    "referral": ["老客户介绍", "转介绍", "朋友介绍", "客户介绍", "熟人介绍", "同行介绍", "介绍来的", "介绍的", "老客户推荐", "朋友推荐"],
    "visit": ["线下拜访", "陌拜", "扫街", "上门拜访", "地推", "陌生拜访", "拜访来的"],
    "official_account": ["公众号"],
    "channels": ["视频号"],
    "moments_ad": ["朋友圈广告", "朋友圈"],
    "other": ["58同城", "安居客", "百度", "其他渠道", "其它渠道", "电话咨询", "路过", "贴广告", "网上"],
}

PROPERTY_TYPES = {
    "factory": ["标准厂房", "厂房", "车间", "工厂", "钢结构"],
    "warehouse": ["物流库", "仓库", "仓储", "库房", "冷库", "物流园"],
    "office": ["研发楼", "办公楼", "写字楼", "研发办公", "办公"],
    "land": ["工业用地", "工业土地", "土地", "地块", "用地", "拿地", "买地", "购地", "工业地", "卖地"],
}

FEATURES = {
    "crane": ["行车", "吊车", "天车", "航吊", "龙门吊", "桥吊"],
    "eia": ["环评"],
    "sewage": ["排污", "排水证"],
    "property_cert": ["产证", "独立产权", "红本", "房产证", "不动产证"],
    "standalone": ["独门独院", "独栋", "独院"],
    "dock": ["卸货平台", "装卸平台", "月台", "登车桥"],
    "dangerous_goods": ["危化", "甲类", "乙类", "危险品", "危险化学品"],
    "office_included": ["带办公", "配办公", "含办公", "有办公", "办公室", "配套办公"],
    "dormitory": ["宿舍"],
    "canteen": ["食堂"],
}
# A feature word right after one of these is a refusal, not a wish.
NEGATIONS = ["不要", "不需要", "不用", "没有", "无", "不带", "不含", "不能"]

# A floor named (`多层厂房 一楼`) says more than the building type, so these are tried first.
FLOORS = {
    True: ["一楼", "1楼", "首层", "底楼"],
    False: ["二楼", "三楼", "四楼", "五楼", "六楼", "2楼", "3楼", "4楼", "5楼", "6楼", "楼上", "二楼以上"],
}
SINGLE_STOREY = {
    True: ["单层", "一楼", "1楼", "首层", "一层", "底层"],
    False: ["多层", "楼上", "二层", "两层", "三层", "四层", "二楼", "三楼", "四楼", "五楼", "2楼", "3楼", "4楼", "5楼", "二层以上", "楼层", "高层"],
}

DEAL_TYPES = {"rent": ["租"], "sale": ["买", "购", "售"]}

# Person titles: `张总` is a person called 张.
TITLES = ["总经理", "经理", "老板", "先生", "女士", "小姐", "主任", "厂长", "老师", "师傅", "董事长", "总监", "总", "工", "董", "姐", "哥"]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
            "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
            "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
            "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
            "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "令狐", "慕容", "夏侯"]

# Characters that make a short name a business, not a person: `华兴`, `宏达` stay companies.
BUSINESS_CHARS = set("华兴达盛通源鑫泰丰恒宏隆昌祥瑞鼎诚信利福发旺佳美汇聚宝金鸿创科技电子机械物流实业集团公司厂"
                     "行业贸易工业精密模具五金化工食品纺织塑胶包装印刷材料能源环保医疗制造")
COMMON_GIVEN_NAME_MAX = 3

# Words that follow a company name and so end it, besides person titles.
NAME_STOP_WORDS = ["今天", "明天", "后天", "昨天", "刚才", "刚刚", "上午", "下午", "晚上", "中午", "早上", "那边", "这边",
                   "电话", "微信", "手机", "做", "要", "想", "找", "求", "需要", "客户", "对方", "说", "已经", "已", "进入",
                   "在", "有", "还", "的", "看", "带看", "约", "再", "签", "跟进", "回访", "沟通", "聊", "联系",
                   "现在", "目前", "最近", "这个", "那个", "改成", "改为", "改到", "标记", "设为", "设置", "转为", "转入",
                   "转", "阶段", "状态", "匹配", "适合", "合适", "推荐", "进展", "进度", "怎么", "什么", "啥"]

# Words that open an industry description: `做精密机械的`, `新能源电池行业`.
INDUSTRY_OPENERS = ["做", "从事", "主营", "搞"]
INDUSTRY_CLOSERS = ["行业", "的", "生意", "这块", "这一块", "方面", "企业", "工厂"]

WECHAT_CUES = ["微信号", "微信", "vx", "wx", "v信", "威信", "薇信"]
SAME_AS_PHONE = ["微信同号", "微信同手机", "同微信", "手机同微信", "vx同号", "wx同号"]

# Units.
AREA_UNITS = ["平方米", "平米", "平方", "平", "m2", "方", "亩"]
MU_IN_M2 = 666.67
HEIGHT_KEYS = ["层高", "净高", "檐高", "滴水", "高度"]
LOAD_KEYS = ["承重", "荷载", "载重"]
POWER_KEYS = ["配电", "电量", "变压器", "用电", "电力", "电容"]
POWER_UNITS = ["千伏安", "kva", "千瓦", "kw", "千伏"]

# Area qualifiers, before or after the number.
AT_LEAST = ["以上", "起", "不低于", "至少", "最少", "起码", "大于", "超过", "不小于", "+", "多于"]
AT_MOST = ["以内", "以下", "之内", "不超过", "最多", "小于", "低于", "不到", "最大", "内", "不大于", "封顶"]
ABOUT = ["左右", "上下", "大概", "大约", "差不多", "约", "估计", "附近", "差不多在"]
# Of those, the words that only ever follow a number (`2000平以上`), so never qualify the number after them.
SUFFIX_ONLY = ["以上", "起", "+", "以内", "以下", "之内", "内", "左右", "上下", "附近"]

# Part-of-day words and the hour they mean without an explicit time.
DAY_PARTS = {"上午": 9, "早上": 9, "早晨": 9, "上班": 9, "中午": 12, "下午": 14, "傍晚": 19, "晚上": 19, "今晚": 19}
RELATIVE_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "明早": 1, "后天": 2, "大后天": 3}
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "末": 6}

# Trade words jieba must keep whole.
TRADE_WORDS = ["厂房", "单层", "多层", "层高", "净高", "檐高", "承重", "配电", "行车", "环评", "产证", "红本", "独门独院",
               "卸货平台", "月台", "研发楼", "物流库", "工业用地", "带看", "陌拜", "扫街", "转介绍", "视频号", "公众号",
               "朋友圈广告", "千伏安", "流失", "签约", "谈价格", "看过房", "不租了", "选了别家", "初步意向", "推广码",
               "邀请码", "重新上架", "暂停推广", "已租", "已售", "微信同号", "再联系", "再约", "再跟"]
