"""Chat wording of the services' typed errors (``services.errors``), by code.

An error without chat wording here gets a generic sentence with its code, so a new error is never a crash;
``tests/bot/test_errors.py`` checks that every error class the services define is worded.
"""

from __future__ import annotations

from collections.abc import Callable

from bot import format as fmt
from services import errors as e
from services.commissions import yuan

ACTIONS = {
    "manage_staff": "管理员工",
    "view_team": "查看同事的客户、跟进和业绩",
    "reassign_client": "转交客户",
    "review_listing": "审核房源",
    "review_withdrawal": "审核提现",
}
ADMIN_ACTIONS = {
    "edit_commission_rules": "修改佣金规则",
    "record_manual_payout": "登记线下打款",
    "change_role": "修改角色和所属经理",
    "create_staff": "创建经理、管理员或合作伙伴账号",
    "change_settings": "修改系统设置",
}
NO_BACK_OFFICE = {
    "unbound": "这个微信还没有绑定员工账号，不能登录后台。请向管理员索取绑定码，在公众号发「绑定 123456」",
    "partner": "合作伙伴请使用小程序查看推荐和佣金，后台只对员工开放",
    "inactive": "这个账号已停用，不能登录后台",
}
ENTITIES = {"client": "客户", "listing": "房源", "deal": "成交", "wallet": "余额", "commission_rule": "佣金规则"}
NOT_UNDONE = {
    "listing.status": "改房源状态",
    "client.stage": "改房源状态（客户阶段随之变化）",
    "listing.create": "录入房源",
    "listing.resubmit": "重新提交房源",
    "listing.approve": "审核房源",
    "listing.reject": "驳回房源",
    "followup.cancel": "取消提醒",
    "client.reassign": "转交客户",
    "client.merge": "合并客户",
    "client.merge_lead": "合并重复客户",
    "client.distinct": "确认不是重复客户",
    "deal.create": "录入成交",
    "deal.end": "结束成交",
    "withdrawal.request": "申请提现",
}
"""What 撤销 does not take back, as the reply names the last thing done."""
DEAL_TERMS = {
    "rent_free_months": "免租期应在0到24个月之间",
    "lease_years": "租期应在0到70年之间",
    "lease_start": "起租日期不对，例如「2027年1月1日起租」",
}


def _held(exc: e.ListingHeld) -> str:
    owner = exc.holder.owner_name or "无人"
    return (
        f"{exc.listing.code}已被{owner}的客户{exc.holder.client.display_name}占用"
        f"（{fmt.STATUS_NAMES[exc.listing.status.value]}），不能再记给其他客户。"
        f"如情况有变，请{owner}或经理先改状态。"
    )


def _holder_only(exc: e.HolderOnly) -> str:
    owner = exc.holder.owner_name or "无人"
    return (
        f"{exc.listing.code}正由{owner}的客户{exc.holder.client.display_name}"
        f"{fmt.STATUS_NAMES[exc.listing.status.value]}，只有{owner}或经理能改"
    )


INVALID_MEDIA = {
    "image_too_large": lambda f: f"图片太大（{fmt.size(f['size'])}，上限{fmt.size(f['limit'])}）",
    "too_many_pixels": lambda f: f"图片像素太多（上限{f['limit'] // 1_000_000}百万像素）",
    "not_an_image": lambda f: "这不是能识别的图片，请发JPG或PNG照片",
    "unsupported_image": lambda f: f"不支持{f.get('format')}格式的图片，请发JPG或PNG",
    "corrupt_image": lambda f: "图片已损坏或不完整，请重新发送",
    "video_too_large": lambda f: f"视频太大（{fmt.size(f['size'])}，上限{fmt.size(f['limit'])}）",
    "not_a_video": lambda f: "这不是能识别的视频，请发MP4视频",
    "not_media": lambda f: "只能添加照片（JPG、PNG、WebP）或视频（MP4）",
    "image_as": lambda f: f"这是图片，不能作为{fmt.media_kind(f['kind'])}",
    "video_as": lambda f: f"这是视频，不能作为{fmt.media_kind(f['kind'])}",
}


def _invalid_media(exc: e.InvalidMedia) -> str:
    word = INVALID_MEDIA.get(exc.reason)
    return word(exc.facts) if word else f"文件不能添加（{exc.reason}）"


def _item_not_found(exc: e.MediaItemNotFound) -> str:
    if not exc.count:
        return f"{exc.listing.code}还没有照片或视频"
    return f"{exc.listing.code}没有第{exc.number}个（共{exc.count}个）"


def _kind_mismatch(exc: e.MediaKindMismatch) -> str:
    if exc.wanted == "cover":
        return f"第{exc.number}个是{fmt.media_kind(exc.kind)}，没有可作封面的图片"
    return f"第{exc.number}个是{fmt.media_kind(exc.kind)}，不能标成{fmt.media_kind(exc.wanted)}"


WITHDRAWAL_STATUS = {
    "reviewing": "待审核",
    "paying": "付款中",
    "confirming": "待对方确认收款",
    "paid": "已到账",
    "rejected": "已驳回",
    "failed": "未完成，已退回",
}


def _withdrawal_limit(exc: e.WithdrawalLimit) -> str:
    if exc.limit == "minimum":
        return f"单次提现至少{yuan(exc.limit_fen)}元"
    if exc.limit == "maximum":
        return f"单次提现最多{yuan(exc.limit_fen)}元"
    if exc.limit == "daily":
        return f"每天最多提现{yuan(exc.limit_fen)}元，今天已申请{yuan(exc.used_fen)}元"
    return "扣除手续费后金额为0，请提高提现金额"


WORDING: dict[type[e.AppError], Callable] = {
    e.InvalidRequest: lambda exc: f"内容有误（{fmt.fields(exc.fields or ())}），请检查后再发",
    e.InvalidPhone: lambda exc: "手机号不对，请写11位手机号",
    e.WeChatUnavailable: lambda exc: "微信暂时没有响应，请稍后再试",
    e.NoVisitor: lambda exc: "页面已过期，请重新打开",
    e.TokenRequired: lambda exc: "请先登录",
    e.TokenInvalid: lambda exc: "登录状态无效，请重新登录",
    e.TokenExpired: lambda exc: "登录已过期，请重新登录",
    e.LoginCodeInvalid: lambda exc: "登录没有成功，请重试",
    e.StaffOnly: lambda exc: "只有本公司员工可以查看",
    e.StaffNotFound: lambda exc: "没有找到这位同事",
    e.ViewingInPast: lambda exc: "看房时间已经过去，请选以后的时间",
    e.ViewingTooFarAhead: lambda exc: f"只能预约{exc.days}天内的看房",
    e.TooManyViewings: lambda exc: f"最多同时预约{exc.limit}次看房，请先取消一个",
    e.SlotTaken: lambda exc: "这个时间已被预约，请换一个时间",
    e.OutsideViewingHours: lambda exc: f"看房时间为每天{exc.opens:%H:%M}至{exc.closes:%H:%M}",
    e.ContactRequired: lambda exc: "首次预约请填写姓名和手机号",
    e.ViewingNotFound: lambda exc: "没有找到这个预约",
    e.ViewingNotBooked: lambda exc: "这个预约已取消或已结束",
    e.ViewingStarted: lambda exc: "看房时间已到，不能再取消",
    e.InvalidField: lambda exc: f"{fmt.FIELD_NAMES.get(exc.field, exc.field)}太长或格式不对，请改短后再发",
    e.TooManyBindAttempts: lambda exc: "绑定尝试次数过多，请一小时后再试",
    e.BindCodeInvalid: lambda exc: "绑定码无效或已过期，请向管理员重新获取",
    e.AccountNotFound: lambda exc: f"没有名为{exc.name}的账号",
    e.SignInLinkInvalid: lambda exc: "登录链接无效、已用过或已过期，请在公众号发「登录后台」重新获取",
    e.NoBackOffice: lambda exc: NO_BACK_OFFICE[exc.reason],
    e.InvalidSetting: lambda exc: f"{exc.label}应为{exc.expected}",
    e.ClientsToReassign: lambda exc: f"{exc.account.name}还有{exc.count}个客户，请选择转给谁后再停用",
    e.NotYourStaff: lambda exc: f"{exc.account.name}不在你的团队",
    e.ManagersOnly: lambda exc: f"只有经理或管理员可以{ACTIONS.get(exc.action, exc.action)}",
    e.ClientUnnamed: lambda exc: "请至少写公司名、联系人或电话，例如「新客户 华兴精密 张总 13812345678」",
    e.DuplicateClient: lambda exc: "已有相同客户",
    e.ClientNotFound: lambda exc: "没有找到这个客户",
    e.NotADuplicate: lambda exc: f"{exc.client.display_name}没有待确认的重复，无需合并",
    e.NotYourClient: lambda exc: f"{exc.client.display_name}不是你的客户，不能修改",
    e.NotInYourTeam: lambda exc: f"{exc.account.name}不在你的团队，不能把客户转给他",
    e.OutsideYourTeam: lambda exc: f"{exc.account.name}不在你的团队，只能查看自己团队的客户、跟进和业绩",
    e.ChangedMeanwhile: lambda exc: f"{ENTITIES.get(exc.entity, exc.entity)}刚被别人修改，请再发一次",
    e.ListingNotFound: lambda exc: f"没有房源{exc.ref}，请核对编号",
    e.ListingIncomplete: lambda exc: f"缺少{fmt.fields(exc.missing)}",
    e.AlreadyReviewed: lambda exc: f"{exc.listing.code}{fmt.REVIEW_NAMES[exc.listing.review_status.value]}，无需再审",
    e.ReasonRequired: lambda exc: f"请写明驳回理由，例如「驳回 {exc.listing.code} 产证不全」",
    e.NotApproved: lambda exc: (
        f"{exc.listing.code}还没通过审核（{fmt.REVIEW_NAMES[exc.listing.review_status.value]}），不能改状态"
    ),
    e.OwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能暂停或重新上架",
    e.ContactTaken: lambda exc: (
        f"这个电话或微信已是{exc.other.owner.name if exc.other.owner else '他人'}的客户{exc.other.display_name}"
        f"（{fmt.masked_phone(exc.other.phone)}），没有修改；是同一客户请合并，不要重复"
    ),
    e.CannotUndoWon: lambda exc: (
        f"{exc.client.display_name}已成交，成交不能撤销；确实没成交就发「{exc.client.display_name}改为谈判」"
    ),
    e.NothingToUndo: lambda exc: f"最近{exc.minutes}分钟内你没有可撤销的记录",
    e.CannotUndo: lambda exc: (
        f"你最近的一条操作是{NOT_UNDONE.get(exc.action, '这项操作')}，「撤销」不能取消它；请直接发新的指令改回"
        "（例如「A12空置」「华兴精密改为谈判中」）"
    ),
    e.EditOwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能修改或重新提交它",
    e.NotRejected: lambda exc: (
        f"{exc.listing.code}{fmt.REVIEW_NAMES[exc.listing.review_status.value]}，只有被驳回的房源需要重新提交"
    ),
    e.CloseOwnerOnly: lambda exc: (
        f"只有{exc.listing.code}的负责人或经理能不记客户直接标为已租/售；"
        f"是你的成交就写上客户，例如「{exc.listing.code}租给华兴精密了」"
    ),
    e.ListingHeld: _held,
    e.HolderOnly: _holder_only,
    e.LocationOwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能设置它的位置",
    e.MediaOwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能修改它的照片和视频",
    e.GalleryFull: lambda exc: f"{exc.listing.code}已有{exc.limit}个照片和视频，请先删除一些",
    e.MediaItemNotFound: _item_not_found,
    e.MediaKindMismatch: _kind_mismatch,
    e.InvalidTourUrl: lambda exc: "VR链接需要是完整的 http(s):// 网址",
    e.InvalidMedia: _invalid_media,
    e.WeChatMediaGone: lambda exc: "微信已取不到这个文件（可能已超过3天），请重发",
    e.WeChatMediaUnavailable: lambda exc: "微信暂时取不到这个文件，请稍后重发",
    e.PosterUnavailable: lambda exc: "海报暂时无法生成：服务器缺少中文字体，请联系管理员安装（make install）。",
    e.InvalidAmount: lambda exc: "金额应为元，最多两位小数，例如「提现 500」",
    e.InvalidRule: lambda exc: f"佣金规则有误：{exc.message}",
    e.AdminsOnly: lambda exc: f"只有管理员可以{ADMIN_ACTIONS.get(exc.action, exc.action)}",
    e.DealAmountMissing: lambda exc: (
        "租赁成交请写租金，例如「华兴精密成交 年租金120万 免租3个月」"
        if exc.deal_type == "rent"
        else "出售成交请写成交总价，例如「华兴精密成交 总价2250万」"
    ),
    e.InvalidDealTerm: lambda exc: DEAL_TERMS.get(exc.term, exc.message),
    e.DealExists: lambda exc: (
        f"{exc.client.display_name}已有一笔成交记录；如需更正请先发「取消成交 {exc.client.display_name} 原因」"
    ),
    e.DealNotFound: lambda exc: "没有找到这笔成交",
    e.DealEnded: lambda exc: "这笔成交已经取消或终止",
    e.WithdrawalLimit: _withdrawal_limit,
    e.RealNameRequired: lambda exc: f"提现{yuan(exc.from_fen)}元及以上需要与微信实名一致的姓名",
    e.InsufficientBalance: lambda exc: f"可提现余额不足：当前可提现{yuan(exc.available_fen)}元",
    e.WithdrawalNotFound: lambda exc: f"没有找到提现单{exc.ref}",
    e.InvalidWithdrawalCode: lambda exc: f"提现单号应为W加数字，例如W12，而不是「{exc.ref}」",
    e.OwnWithdrawal: lambda exc: "不能审核自己的提现",
    e.WithdrawalSettled: lambda exc: f"{exc.withdrawal.code}已处理（{WITHDRAWAL_STATUS[exc.withdrawal.status.value]}）",
    e.SecondApproverRequired: lambda exc: f"{exc.withdrawal.code}超过{yuan(exc.above_fen)}元，需要另一位经理复核",
    e.ReferenceRequired: lambda exc: "请写上银行转账流水号，例如「线下打款 W12 ICBC2026120100001」",
    e.NotManualPayout: lambda exc: f"{exc.withdrawal.code}不是待线下打款的提现",
    e.InvalidDate: lambda exc: "日期不对，例如「2027年1月1日起租」",
    e.FiguresOutOfReach: lambda exc: "你不能查看这些数据",
    e.SpendNotFound: lambda exc: "没有找到这笔投放记录",
    e.RatingLinkInvalid: lambda exc: "评分链接无效",
    e.AlreadyRated: lambda exc: "这次看房已经评过分了",
    e.ViewingNotOver: lambda exc: "看房结束后才能评分",
    e.RatingClosed: lambda exc: "这次看房已不能评分",
    e.CampaignNotFound: lambda exc: "没有找到这个活动",
    e.NoConversation: lambda exc: "这个客户没有在公众号留言，不能在这里回复，请电话联系",
}


def chat_text(exc: e.AppError) -> str:
    """What the chat answers when a service refused."""
    word = WORDING.get(type(exc))
    if word is not None:
        return word(exc)
    return f"没有办成（{exc.code}），请稍后再试或找管理员。"
