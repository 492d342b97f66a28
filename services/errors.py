"""Domain errors: services raise them, the API answers them as JSON, the bot as a chat reply."""
from __future__ import annotations


class AppError(Exception):
    """An expected failure with its HTTP status and a stable machine code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, fields: dict[str, str] | None = None, status: int | None = None,
                 code: str | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields
        self.headers = headers or {}
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    def to_json(self) -> dict:
        error: dict = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        return {"error": error}


class NotFound(AppError):
    status, code = 404, "not_found"


class Forbidden(AppError):
    status, code = 403, "forbidden"


class Conflict(AppError):
    status, code = 409, "conflict"


class Unauthorized(AppError):
    status, code = 401, "unauthorized"


class RateLimited(AppError):
    status, code = 429, "rate_limited"


FIELD_LABELS = {"company": "公司名", "contact_name": "联系人", "industry": "行业", "region": "区域", "title": "标题",
                "address": "地址", "note": "备注", "name": "名称", "source_detail": "来源说明", "landlord_name": "房东"}


def from_validation(exc: Exception) -> AppError:
    """A model's refusal of a value (too long, out of range) as a clear 400 naming the field, not its value."""
    field = str(exc).split(":", 1)[0].strip()
    label = FIELD_LABELS.get(field, field)
    return AppError(f"{label}太长或格式不对，请改短后再发", fields={field: "invalid"}, code="invalid_field")
