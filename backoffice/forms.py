"""Reading submitted forms: text, numbers, choices and checkboxes, with the field that was wrong named."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class FormError(Exception):
    """A field's value cannot be read; ``field`` names it, ``message`` says what is expected."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class Form:
    def __init__(self, values: dict[str, list[str]]) -> None:
        self.values = values
        self.errors: dict[str, str] = {}

    def text(self, name: str, *, limit: int = 128) -> str | None:
        """The field stripped, None when empty; longer than ``limit`` is an error."""
        value = (self.values.get(name) or [""])[0].strip()
        if len(value) > limit:
            self.errors[name] = f"最多{limit}个字"
            return None
        return value or None

    def number(self, name: str, *, low: Decimal = Decimal(0), high: Decimal = Decimal("1e12")) -> Decimal | None:
        value = self.text(name, limit=32)
        if value is None:
            return None
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            self.errors[name] = "请填数字"
            return None
        if not number.is_finite() or not low <= number <= high:
            self.errors[name] = f"应在{low}到{high}之间"
            return None
        return number

    def integer(self, name: str, *, low: int = 0, high: int = 10_000) -> int | None:
        number = self.number(name, low=Decimal(low), high=Decimal(high))
        if number is not None and number != number.to_integral_value():
            self.errors[name] = "请填整数"
            return None
        return int(number) if number is not None else None

    def choice(self, name: str, enum: type[E]) -> E | None:
        value = self.text(name, limit=32)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            self.errors[name] = "请从列表中选择"
            return None

    def flag(self, name: str) -> bool:
        """A checkbox: ticked or not."""
        return bool(self.values.get(name))

    def maybe(self, name: str) -> bool | None:
        """A yes/no/unknown select: ``1``, ``0`` or empty."""
        value = self.text(name, limit=1)
        return {"1": True, "0": False}.get(value or "")

    def many(self, name: str, allowed: dict[str, str]) -> list[str]:
        return sorted(v for v in self.values.get(name, []) if v in allowed)

    def ids(self, name: str) -> list[int]:
        return [int(v) for v in self.values.get(name, []) if v.isdigit() and len(v) < 10]
