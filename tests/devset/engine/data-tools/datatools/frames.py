"""A deliberately small column-oriented table used by the data tools.

We only need a handful of dataframe operations (parse CSV, describe, filter,
histogram, correlation) and do not want pandas in the server image.
"""

from __future__ import annotations

import csv
import io
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast

Scalar = int | float | str | bool | None
DType = Literal["int", "float", "bool", "str"]
Operator = Literal["==", "!=", ">", ">=", "<", "<="]

_NULLS = {"", "na", "n/a", "null", "none", "nan"}
_BOOLS = {"true": True, "false": False}
_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, ">": operator.gt,
    ">=": operator.ge, "<": operator.lt, "<=": operator.le,
}


class FrameError(ValueError):
    """Raised for invalid operations on a frame (unknown column, bad type...)."""


def parse_cell(raw: str) -> Scalar:
    text = raw.strip()
    if text.lower() in _NULLS:
        return None
    if text.lower() in _BOOLS:
        return _BOOLS[text.lower()]
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return text


def _dtype(values: Sequence[Scalar]) -> DType:
    seen = {type(v) for v in values if v is not None}
    if seen == {bool}:
        return "bool"
    if seen and seen <= {int}:
        return "int"
    if seen and seen <= {int, float}:
        return "float"
    return "str"


@dataclass
class Frame:
    columns: dict[str, list[Scalar]] = field(default_factory=dict)

    @classmethod
    def from_csv(cls, text: str) -> Frame:
        reader = csv.reader(io.StringIO(text.strip()))
        header = [h.strip() for h in next(reader, [])]
        if not header:
            raise FrameError("CSV input is empty")
        columns: dict[str, list[Scalar]] = {name: [] for name in header}
        for lineno, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                raise FrameError(f"line {lineno}: expected {len(header)} fields, got {len(row)}")
            for name, cell in zip(header, row):
                columns[name].append(parse_cell(cell))
        return cls(columns)

    @property
    def column_names(self) -> list[str]:
        return list(self.columns)

    @property
    def num_rows(self) -> int:
        return len(next(iter(self.columns.values()), []))

    def dtypes(self) -> dict[str, DType]:
        return {name: _dtype(values) for name, values in self.columns.items()}

    def column(self, name: str) -> list[Scalar]:
        if name not in self.columns:
            raise FrameError(f"unknown column '{name}' (have: {', '.join(self.columns)})")
        return self.columns[name]

    def numeric(self, name: str) -> list[float]:
        values = self.column(name)
        if _dtype(values) not in ("int", "float"):
            raise FrameError(f"column '{name}' is not numeric")
        return [float(v) for v in values if isinstance(v, int | float)]

    def numeric_columns(self) -> list[str]:
        return [n for n, t in self.dtypes().items() if t in ("int", "float")]

    def rows(self) -> Iterator[dict[str, Scalar]]:
        for i in range(self.num_rows):
            yield {n: values[i] for n, values in self.columns.items()}

    def to_records(self) -> list[dict[str, Scalar]]:
        return list(self.rows())

    def head(self, n: int = 5) -> Frame:
        return Frame({k: v[:n] for k, v in self.columns.items()})

    def append(self, records: Sequence[Mapping[str, Any]]) -> Frame:
        unknown = {key for rec in records for key in rec} - set(self.columns)
        if unknown:
            raise FrameError(f"unknown columns in new rows: {sorted(unknown)}")
        merged = {k: list(v) for k, v in self.columns.items()}
        for rec in records:
            for name, values in merged.items():
                value = rec.get(name)
                values.append(parse_cell(value) if isinstance(value, str) else value)
        return Frame(merged)

    def filter(self, column: str, op: Operator, value: Scalar) -> Frame:
        if isinstance(value, str) and isinstance(parsed := parse_cell(value), int | float):
            value = parsed
        keep: list[int] = []
        for i, cell in enumerate(self.column(column)):
            try:
                if cell is not None and _OPS[op](cell, value):
                    keep.append(i)
            except TypeError:
                raise FrameError(f"cannot compare {cell!r} {op} {value!r}") from None
        return Frame({k: [v[i] for i in keep] for k, v in self.columns.items()})

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(self.column_names)
        for row in self.rows():
            writer.writerow(["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row.values()])
        return buf.getvalue()

    def describe(self, names: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for name in names or self.column_names:
            present = [v for v in self.column(name) if v is not None]
            stats: dict[str, Any] = {
                "dtype": self.dtypes()[name],
                "count": len(present),
                "nulls": len(self.columns[name]) - len(present),
                "unique": len(set(present)),
            }
            if stats["dtype"] in ("int", "float") and present:
                nums = self.numeric(name)
                mean = sum(nums) / len(nums)
                var = sum((x - mean) ** 2 for x in nums) / (len(nums) - 1) if len(nums) > 1 else None
                stats.update(mean=mean, std=None if var is None else math.sqrt(var), min=min(nums), max=max(nums))
            elif present:
                stats["top"] = str(Counter(present).most_common(1)[0][0])
            out[name] = stats
        return out

    def histogram(self, name: str, bins: int = 10) -> tuple[list[int], list[float]]:
        nums = self.numeric(name)
        if bins < 1 or not nums:
            raise FrameError("need at least one bin and one value")
        lo, hi = min(nums), max(nums)
        width = (hi - lo) / bins or 1.0
        counts = [0] * bins
        for x in nums:
            counts[min(int((x - lo) / width), bins - 1)] += 1
        return counts, [lo + i * width for i in range(bins + 1)]

    def correlation(self, a: str, b: str) -> float | None:
        pairs = [(float(x), float(y)) for x, y in zip(self.column(a), self.column(b))
                 if isinstance(x, int | float) and isinstance(y, int | float)]
        if len(pairs) < 2:
            return None
        mx = sum(x for x, _ in pairs) / len(pairs)
        my = sum(y for _, y in pairs) / len(pairs)
        cov = sum((x - mx) * (y - my) for x, y in pairs)
        sx = math.sqrt(sum((x - mx) ** 2 for x, _ in pairs))
        sy = math.sqrt(sum((y - my) ** 2 for _, y in pairs))
        return None if sx == 0 or sy == 0 else cov / (sx * sy)


# --- tiny query language: "units > 100 & region != south" -------------------

_CLAUSE = re.compile(r"^\s*(?P<col>[A-Za-z_]\w*)\s*(?P<op>==|!=|>=|<=|>|<)\s*(?P<val>.+?)\s*$")


@dataclass(frozen=True)
class Condition:
    column: str
    op: Operator
    value: Scalar


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class Query:
    """Parsed query; ``root`` is either a single condition or a conjunction."""

    root: Condition | AllOf
    source: str

    def conditions(self) -> tuple[Condition, ...]:
        return self.root.parts if isinstance(self.root, AllOf) else (self.root,)

    def apply(self, frame: Frame) -> Frame:
        for cond in self.conditions():
            frame = frame.filter(cond.column, cond.op, cond.value)
        return frame


def parse_query(text: str) -> Query:
    clauses: list[Condition] = []
    for chunk in text.split("&"):
        if not (m := _CLAUSE.match(chunk)):
            raise FrameError(f"cannot parse query clause: {chunk.strip()!r}")
        clauses.append(Condition(m["col"], cast(Operator, m["op"]), parse_cell(m["val"].strip("'\""))))
    return Query(root=clauses[0] if len(clauses) == 1 else AllOf(tuple(clauses)), source=text)


def paginate(items: Sequence[Any], cursor: str | None, page_size: int) -> dict[str, Any]:
    """Offset pagination with string cursors, in the shape listing endpoints return."""
    start = int(cursor) if cursor else 0
    nxt = start + page_size
    return {"items": list(items[start:nxt]), "nextCursor": str(nxt) if nxt < len(items) else None}
