"""Fixed reply texts, in one place so they read consistently."""

STAFF_HELP = """你可以直接发这些（不用格式，像说话一样）：
· 新客户 华兴精密 张总 13812345678 要2000平单层厂房 昆山
· 跟进 华兴精密 今天带看了花桥那套 下周三下午3点再约
· 找 昆山 2000平 层高8米 厂房
· 给华兴精密匹配
· 查客户 华兴精密
· 华兴精密进入谈判
· A12（看房源详情）／ A12已租
· 新房源 花桥 单层厂房 3000平 层高9米 租金28元
· 今天跟进谁
· 生成海报 A12 ／ 我的推广码
· 发A12后直接发照片、视频 → 加入A12相册（A12 相册 查看和调整）
· 华兴精密成交 年租金120万 免租3个月（先显示推荐佣金，回复「确认」记录）
· 回复 赵 好的，明天上午带您看（回公众号上联系你的客户，48小时内）
· 在房源现场：发A12后发送位置 → 记为A12的位置
结果多时发「更多」翻页；有编号选项时回复序号，「取消」放弃。
小程序线索可能重复时：合并 华兴精密 ／ 不是重复 华兴精密
经理：通过 A12 ／ 驳回 A12 产证不全 ／ 把华兴精密转给李四
提现：提现审核 ／ 通过提现 W12 ／ 驳回提现 W12 原因
发「帮助」随时看这份清单。"""

VISITOR_WELCOME = """您好，欢迎关注！我们专注厂房、仓库的出租与出售。直接发消息就行，例如：
· 有没有花桥3000平的仓库
· 昆山 单层 层高8米 2000平左右
· 发送「位置」→ 看附近的房源
· 留下称呼和电话（如「我姓赵 电话138…」），顾问会尽快联系您
也可以打开小程序浏览房源、预约看房。
同事请发送「绑定 6位绑定码」完成绑定。"""

VISITOR_UNSUPPORTED = "暂时只能看懂文字、语音和位置。请用文字说说您的需求，例如「有没有花桥3000平的仓库」。"

VISITOR_LEAD = "收到！已请{who}为您服务，会尽快和您联系。"

VISITOR_ASK_PHONE = "方便的话留个称呼和电话，顾问可以直接打给您。"

VISITOR_PASSED_ON = "收到，已转告{who}。"

VISITOR_NO_LISTINGS = "暂时没有完全符合的房源（{conditions}）。顾问会按您的需求继续帮您找，有合适的会第一时间联系您。"

VISITOR_NO_SUCH_LISTING = "没有找到可看的房源{code}（可能已租出或暂停推广）。说说您的需求，我们帮您找类似的。"

VISITOR_TOO_LONG = "消息有点长，请精简到{limit}字以内再发，或分几条发。"

VISITOR_SLOW_DOWN = "消息太频繁了，请稍等一分钟再发。"

LOCATION_FOUND = "离{place}最近的房源："

LOCATION_NONE = "附近暂时没有在租售的房源。说说您想要的区域和面积，例如「昆山 2000平 厂房」。"

LOCATION_SET = "已记下{code}的位置：房源页的地图导航、客户发位置找附近房源都会用它。"

LOCATION_UNREADABLE = "没能读出这个位置，请重新发送一次位置。"

RELAY = "【公众号客户】{name}{phone}：\n{words}{need}\n直接回复：回复 {reply_to} 您要说的话"

REPLY_HOWTO = "请写上客户和要说的话，例如「回复 赵 好的，明天上午带您看」。"

REPLY_NO_CONVERSATION = "没有找到在公众号上联系过你的客户「{name}」。电话联系或先查客户：查客户 {name}"

REPLY_WINDOW_CLOSED = "{name}超过48小时没有在公众号发消息，微信不允许再主动发给TA，请电话联系：{phone}"

REPLY_SENT = "已发给{name}（公众号消息），并记入跟进记录。"

PARTNER_LEAD = "收到，已登记客户{client}，由{who}跟进，进展会通知您。发「我的客户」查看进度。"

VOICE_VISITOR = "抱歉，暂时听不懂语音。请打字告诉我们您的需求，例如「有没有花桥3000平的仓库」。"

VOICE_STAFF = (
    "语音需要公众号后台开启「接收语音识别结果」（设置与开发 → 接口权限）才能识别。请先发文字，或请管理员开启。"
)

BOUND = "绑定成功：{name}\n\n" + STAFF_HELP

BUSY = "系统繁忙，请稍后再发一次。"

UNSUPPORTED = "暂时只能处理文字、照片和视频。"

MEDIA_WHICH_LISTING = (
    "这张发给哪个房源？请先发房源编号（如「A12」），再发照片或视频；之后30分钟内发的都会加入它的相册。"
)

MEDIA_RECEIVING = "收到，{what}正在加入{code}的相册，全部处理完会告诉你结果。"

MEDIA_EMPTY = "{code}还没有照片或视频。现在直接发给我就会加入{code}的相册；全景图发「{code} 全景」后再发。"

MEDIA_SEND_KIND = "好的，接下来发的图会作为{code}的{what}加入相册。"

MEDIA_HOWTO = "调整：「{code} 封面第2张」「{code} 删除第3张」「{code} 第5张移到第1」「{code} 第3张是全景」「{code} 第2张说明 外立面」"

UNKNOWN_HINT = """没太明白。可以这样说：
· 新客户 华兴精密 张总 13812345678 2000平 昆山 厂房
· 跟进 华兴精密 明天下午3点再约
· 找 昆山 2000平 单层厂房
· 今天跟进谁
发「帮助」看全部用法。"""

REFERRAL_CODE_COMING = (
    "您的专属推广码正在生成，稍后以图片发给您。客户扫码关注、或从您分享的小程序进入，都会记在您名下。"
)

REFERRAL_STATS = (
    "推广数据：扫码 {scans} 次，新关注 {follows} 人，留资 {leads} 个，成交 {deals} 单，扫码转化率 {conversion:.1%}。"
)

POSTER_COMING = (
    "{code}的分享海报（{style}样式）正在生成，稍后以图片发给您。客户扫码打开的房源页、留下的咨询都记在您名下。\n"
    "换样式：{others}"
)

POSTER_NOT_SENT = "微信暂时无法发送图片，海报在这里，可打开后长按保存：{url}"

POSTER_REFUSED = "微信拒绝了海报图片（错误{errcode}），可打开后长按保存：{url}"

CODE_NOT_SENT = "微信暂时无法发送推广码图片（已重试3次），请过几分钟再发「我的推广码」。"

CODE_REFUSED = "微信拒绝了推广码图片（错误{errcode}），请稍后再发「我的推广码」；一直不行请告诉管理员。"

POSTER_WHICH = "请带上房源编号，例如：生成海报 A12"

POSTER_NO_LISTING = "没有找到可分享的房源{code}，无法生成海报（房源需已审核且未暂停、未成交）。"

PARTNER_HELP = """您好，合作伙伴！可以发：
· 我的推广码 —— 获取专属二维码，分享给客户
· 我的数据 —— 看扫码、关注、留资、成交
· 我的客户 —— 看您推荐的客户进展
· 我的佣金 —— 看可提现、冻结中、已提现的佣金
· 提现 500 —— 申请提现，审核后在小程序确认收款
· 帮助 —— 再看这份说明
客户通过您的码来访并留资、成交时，我们会通知您。"""

PARTNER_NO_REFERRALS = "还没有通过您的推广码留资的客户。发「我的推广码」获取二维码分享给客户。"

CANCELLED = "已取消。"

NO_OPEN_CHOICE = "没有待选择的问题（可能已过期）。请重新发一次原来的消息。"

CHOICE_OUT_OF_RANGE = "请回复1到{count}之间的序号，或发「取消」。"

LOGIN_CONFIRM = (
    "确认登录后台？\n{name}，点下面的「确认登录」即可在电脑上进入后台；不是你本人扫的码请忽略。\n\n"
    '<a href="weixin://bizmsgmenu?msgmenucontent=确认登录&msgmenuid=1">确认登录</a>'
)
LOGIN_CONFIRMED = "已确认，后台页面正在登录。用完请在页面右上角点「退出」。"
LOGIN_LINK = "后台登录链接（{minutes}分钟内有效，只能用一次，请勿转发）：\n{url}"

NOT_BUILT = "明白，你想{what}。这个功能还没有上线，暂时不能在聊天里办理，请先找经理或在后台处理。"

INTENT_NAMES = {
    "share_text": "生成房源文案",
    "send_listing": "把房源发给客户",
    "reply_visitor": "回复访客",
}
"""What a parser intent asks for, in the words of the reply that says it is not built yet."""
