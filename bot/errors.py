"""Chat wording of the services' typed errors (``services.errors``), by code.

An error without chat wording here gets a generic sentence with its code, so a new error is never a crash;
``tests/bot/test_errors.py`` checks that every error class the services define is worded.
"""
from __future__ import annotations

from collections.abc import Callable

from bot import format as fmt
from services import errors as e

ACTIONS = {"reassign_client": "转交客户", "review_listing": "审核房源"}


def _held(exc: e.ListingHeld) -> str:
    owner = exc.holder.owner_name or "无人"
    return (f"{exc.listing.code}已被{owner}的客户{exc.holder.client.display_name}占用"
            f"（{fmt.STATUS_NAMES[exc.listing.status.value]}），不能再记给其他客户。"
            f"如情况有变，请{owner}或经理先改状态。")


def _holder_only(exc: e.HolderOnly) -> str:
    owner = exc.holder.owner_name or "无人"
    return (f"{exc.listing.code}正由{owner}的客户{exc.holder.client.display_name}"
            f"{fmt.STATUS_NAMES[exc.listing.status.value]}，只有{owner}或经理能改")


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


WORDING: dict[type[e.AppError], Callable] = {
    e.InvalidField: lambda exc: f"{fmt.FIELD_NAMES.get(exc.field, exc.field)}太长或格式不对，请改短后再发",
    e.TooManyBindAttempts: lambda exc: "绑定尝试次数过多，请一小时后再试",
    e.BindCodeInvalid: lambda exc: "绑定码无效或已过期，请向管理员重新获取",
    e.AccountNotFound: lambda exc: f"没有名为{exc.name}的账号",
    e.ManagersOnly: lambda exc: f"只有经理或管理员可以{ACTIONS.get(exc.action, exc.action)}",
    e.ClientUnnamed: lambda exc: "请至少写公司名、联系人或电话，例如「新客户 华兴精密 张总 13812345678」",
    e.DuplicateClient: lambda exc: "已有相同客户",
    e.ClientNotFound: lambda exc: "没有找到这个客户",
    e.NotADuplicate: lambda exc: f"{exc.client.display_name}没有待确认的重复，无需合并",
    e.NotYourClient: lambda exc: f"{exc.client.display_name}不是你的客户，不能修改",
    e.ChangedMeanwhile: lambda exc: f"{'客户' if exc.entity == 'client' else '房源'}刚被别人修改，请再发一次",
    e.ListingNotFound: lambda exc: f"没有房源{exc.ref}，请核对编号",
    e.ListingIncomplete: lambda exc: f"缺少{fmt.fields(exc.missing)}",
    e.AlreadyReviewed: lambda exc: f"{exc.listing.code}{fmt.REVIEW_NAMES[exc.listing.review_status.value]}，无需再审",
    e.ReasonRequired: lambda exc: f"请写明驳回理由，例如「驳回 {exc.listing.code} 产证不全」",
    e.NotApproved: lambda exc: (f"{exc.listing.code}还没通过审核（{fmt.REVIEW_NAMES[exc.listing.review_status.value]}），"
                                "不能改状态"),
    e.OwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能暂停或重新上架",
    e.ListingHeld: _held,
    e.HolderOnly: _holder_only,
    e.MediaOwnerOnly: lambda exc: f"只有{exc.listing.code}的负责人或经理能修改它的照片和视频",
    e.GalleryFull: lambda exc: f"{exc.listing.code}已有{exc.limit}个照片和视频，请先删除一些",
    e.MediaItemNotFound: _item_not_found,
    e.MediaKindMismatch: _kind_mismatch,
    e.InvalidTourUrl: lambda exc: "VR链接需要是完整的 http(s):// 网址",
    e.InvalidMedia: _invalid_media,
    e.WeChatMediaGone: lambda exc: "微信已取不到这个文件（可能已超过3天），请重发",
    e.WeChatMediaUnavailable: lambda exc: "微信暂时取不到这个文件，请稍后重发",
    e.PosterUnavailable: lambda exc: "海报暂时无法生成：服务器缺少中文字体，请联系管理员安装（make install）。",
}


def chat_text(exc: e.AppError) -> str:
    """What the chat answers when a service refused."""
    word = WORDING.get(type(exc))
    if word is not None:
        return word(exc)
    return f"没有办成（{exc.code}），请稍后再试或找管理员。"
