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
}


def chat_text(exc: e.AppError) -> str:
    """What the chat answers when a service refused."""
    word = WORDING.get(type(exc))
    if word is not None:
        return word(exc)
    return f"没有办成（{exc.code}），请稍后再试或找管理员。"
