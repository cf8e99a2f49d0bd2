from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_AMOUNT = re.compile(r"^\s*(?P<sign>[-+])?\s*(?P<num>[\d,]+(?:\.\d{1,2})?)\s*(?P<cur>[A-Z]{3})?\s*$")

MINOR_UNITS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "CHF": 2}


@dataclass(frozen=True, order=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        places = Decimal(1).scaleb(-MINOR_UNITS.get(self.currency, 2))
        object.__setattr__(self, "amount", self.amount.quantize(places, rounding=ROUND_HALF_EVEN))

    def __add__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def _check(self, other: "Money") -> None:
        if other.currency != self.currency:
            raise ValueError(f"currency mismatch: {self.currency} vs {other.currency}")

    def format(self) -> str:
        return f"{self.amount:,.{MINOR_UNITS.get(self.currency, 2)}f} {self.currency}"


def parse_amount(text: str, default_currency: str = "EUR") -> Money:
    """Parse "-1,234.50 USD" / "12.5" into Money (comma as thousands separator)."""
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    value = Decimal(match.group("num").replace(",", ""))
    return Money(-value if match.group("sign") == "-" else value, match.group("cur") or default_currency)
