"""What mini-program users (and H5 pages' visitors) read when a request is refused: Chinese wording by error code.

Services raise typed errors (``services.errors``) whose ``message`` is English for logs; the app's one error handler
(``app.factory``) answers ``/api/mp`` and ``/h5`` requests with ``to_json``: the stable ``code`` the mini-program
branches on, the sentence from here that it shows as is, and the ``fields`` it may highlight. Every code a request
can meet has wording (``tests/miniapp_api/test_errors.py``); an unknown one still gets a polite sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from services.commissions import yuan
from services.errors import AppError

FIELD_NAMES = {
    "phone": "手机号",
    "name": "姓名",
    "contact_name": "联系人",
    "company": "公司名称",
    "need": "需求",
    "notes": "备注",
    "start_at": "看房时间",
    "listing_id": "房源",
    "amount": "金额",
    "real_name": "真实姓名",
    "code": "登录码",
    "scene": "来源",
    "cursor": "翻页位置",
    "limit": "数量",
    "q": "关键词",
    "features": "配套要求",
    "region": "区域",
    "deal_type": "租售类型",
    "property_type": "房源类型",
    "area_min": "最小面积",
    "area_max": "最大面积",
    "rent_max": "租金上限",
    "ceiling_height_min": "层高",
    "url": "网址",
    "body": "提交的内容",
    "form": "表单",
    "file": "文件",
    "template": "海报样式",
}

GENERIC = "请求没有成功，请稍后再试"


def _fields(names: Mapping[str, str] | None) -> str:
    words = dict.fromkeys(FIELD_NAMES.get(str(name), "其他内容") for name in names or ())
    return "、".join(words) or "填写的内容"


def _withdrawal_limit(exc: Any) -> str:
    if exc.limit == "minimum":
        return f"单次提现至少{yuan(exc.limit_fen)}元"
    if exc.limit == "maximum":
        return f"单次提现最多{yuan(exc.limit_fen)}元"
    if exc.limit == "daily":
        return f"每天最多提现{yuan(exc.limit_fen)}元，今天已申请{yuan(exc.used_fen)}元"
    return "扣除手续费后金额为0，请提高提现金额"


MESSAGES: dict[str, str | Callable[[Any], str]] = {
    # any request (the last three also come from the web server itself: unknown path, wrong method, huge body)
    "bad_request": "请求格式不正确，请更新小程序后再试",
    "not_found": "找不到您要的内容",
    "method_not_allowed": "不支持这种请求方式，请更新小程序后再试",
    "too_large": "提交的内容太大",
    "error": GENERIC,
    "internal": "服务暂时出了点问题，请稍后再试",
    "unauthorized": "请先登录",
    "forbidden": "您没有权限进行这个操作",
    "conflict": "操作和当前状态冲突，请刷新后再试",
    "rate_limited": "操作太频繁，请稍后再试",
    "invalid_request": lambda exc: f"请检查{_fields(exc.fields)}",
    "invalid_field": lambda exc: f"{_fields({exc.field: ''})}太长或格式不对",
    "invalid_phone": "请填写正确的手机号",
    "wechat_unavailable": "微信暂时没有响应，请稍后再试",
    "no_visitor": "页面已过期，请重新打开后再试",
    # logging in
    "token_required": "请先登录",
    "invalid_token": "登录状态无效，请重新登录",
    "token_expired": "登录已过期，请重新登录",
    "invalid_code": "登录没有成功，请重新打开小程序",
    # accounts
    "bind_attempts": "尝试次数过多，请一小时后再试",
    "bind_code_invalid": "绑定码无效或已过期",
    "account_not_found": "没有找到这个账号",
    "managers_only": "只有经理或管理员可以进行这个操作",
    "admins_only": "只有管理员可以进行这个操作",
    "staff_only": "只有本公司员工可以查看",
    "staff_not_found": "这位顾问的主页已不存在",
    # clients
    "client_unnamed": "请至少填写公司名称、联系人或手机号",
    "duplicate_client": "已有相同的客户",
    "client_not_found": "没有找到这个客户",
    "not_a_duplicate": "这个客户没有待确认的重复",
    "not_your_client": "这不是您的客户",
    "not_in_your_team": "对方不在您的团队",
    "changed_meanwhile": "内容刚被别人修改，请刷新后再试",
    "cannot_undo_won": "已成交的客户不能撤销",
    "nothing_to_undo": lambda exc: f"最近{exc.minutes}分钟没有可撤销的记录",
    # listings
    "listing_not_found": "房源不存在或已下架",
    "listing_incomplete": lambda exc: f"房源信息不完整：请填写{_fields(exc.fields)}",
    "already_reviewed": "这个房源已经审核过了",
    "reason_required": "请填写驳回理由",
    "listing_not_approved": "房源还没有通过审核",
    "listing_owner_only": "只有房源负责人或经理可以进行这个操作",
    "listing_close_owner_only": "只有房源负责人或经理可以进行这个操作",
    "listing_held": "这个房源已被其他客户预定",
    "listing_not_rejected": "只有被驳回的房源可以重新提交",
    "listing_edit_owner_only": "只有房源负责人或经理可以修改",
    "listing_holder_only": "这个房源正由其他顾问的客户洽谈",
    # viewings
    "viewing_in_past": "这个时间已经过去，请选择以后的时间",
    "viewing_too_far_ahead": lambda exc: f"只能预约{exc.days}天内的看房",
    "too_many_viewings": lambda exc: f"最多同时预约{exc.limit}次看房，请先取消一个",
    "slot_taken": "这个时间已被预约，请换一个时间",
    "outside_viewing_hours": lambda exc: f"看房时间为每天{exc.opens:%H:%M}至{exc.closes:%H:%M}",
    "contact_required": "首次预约请填写姓名和手机号",
    "viewing_not_found": "没有找到这个预约",
    "not_booked": "这个预约已取消或已结束",
    "already_started": "看房时间已到，不能再取消",
    # photos, videos, posters
    "media_owner_only": "只有房源负责人或经理可以修改照片和视频",
    "gallery_full": lambda exc: f"最多{exc.limit}个照片和视频，请先删除一些",
    "media_item_not_found": "没有找到这个照片或视频",
    "media_kind_mismatch": "文件类型不符",
    "invalid_tour_url": "VR链接需要是完整的网址",
    "invalid_media": "文件无法使用，请上传JPG、PNG照片或MP4视频",
    "wechat_media_gone": "微信已取不到这个文件，请重新发送",
    "wechat_media_unavailable": "微信暂时取不到这个文件，请稍后再试",
    "poster_unavailable": "海报暂时无法生成，请稍后再试",
    # commissions and withdrawals
    "invalid_amount": "金额以元为单位，最多两位小数",
    "invalid_rule": "佣金规则有误",
    "deal_amount_missing": "请填写成交金额",
    "invalid_deal_term": "成交条款有误",
    "deal_exists": "这个客户已有成交记录",
    "deal_not_found": "没有找到这笔成交",
    "deal_ended": "这笔成交已经取消或终止",
    "withdrawal_limit": _withdrawal_limit,
    "real_name_required": lambda exc: f"提现{yuan(exc.from_fen)}元及以上需要填写与微信实名一致的姓名",
    "insufficient_balance": lambda exc: f"可提现余额不足，当前可提现{yuan(exc.available_fen)}元",
    "withdrawal_not_found": "没有找到这笔提现",
    "invalid_withdrawal_code": "提现单号不正确",
    "own_withdrawal": "不能审核自己的提现",
    "withdrawal_settled": "这笔提现已经处理",
    "second_approver_required": "需要另一位经理复核",
    "reference_required": "请填写银行转账流水号",
    "not_manual_payout": "这笔提现不在等待线下打款",
    "invalid_date": "日期不正确",
    # back office
    "sign_in_link_invalid": "登录链接无效、已使用或已过期，请在公众号重新获取",
    "no_back_office": "这个微信号没有后台权限",
    "clients_to_reassign": "请先把此人的客户转给其他同事",
    "not_your_staff": "对方不在您的团队",
    "outside_your_team": "只能查看您自己团队的数据",
    "invalid_setting": "设置的值不正确",
    "cannot_undo": "这条记录不能撤销",
    "contact_taken": "这个手机号或微信号已属于另一个客户",
    "location_owner_only": "只有房源负责人或经理可以修改位置",
    "no_conversation": "这个客户没有在公众号留言，无法回复",
    # back office figures, ad spend, viewing ratings
    "figures_out_of_reach": "您不能查看这些数据",
    "spend_not_found": "没有找到这笔投放记录",
    "campaign_not_found": "没有找到这个活动",
    "rating_link_invalid": "评分链接无效或已过期",
    "already_rated": "这次看房已经评过分了，谢谢",
    "viewing_not_over": "看房结束后才能评分",
    "rating_closed": "这次看房已不能评分（已取消或已超过30天）",
}


def message(exc: AppError) -> str:
    """The sentence a user reads for ``exc``."""
    word = MESSAGES.get(exc.code)
    if word is None:
        return GENERIC
    return word if isinstance(word, str) else word(exc)


def to_json(exc: AppError) -> dict[str, Any]:
    """``{"error": {"code", "message", "fields"?}}`` with the user's wording."""
    return body(exc.code, message(exc), exc.fields)


def body(code: str, text: str | None = None, fields: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An error body by code alone (the web server's own refusals: unknown path, wrong method)."""
    if text is None:
        word = MESSAGES.get(code, GENERIC)
        text = word if isinstance(word, str) else GENERIC
    error: dict[str, Any] = {"code": code, "message": text}
    if fields:
        error["fields"] = dict(fields)
    return {"error": error}
