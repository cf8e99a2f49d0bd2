"""Calculator server exposed over the legacy SSE transport for older clients."""

from __future__ import annotations

import math
import statistics
from pathlib import Path
from typing import TypedDict

from mcp.server.fastmcp import FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import BaseModel, Field

CHART_DIR = Path(__file__).parent / "charts"

calc = FastMCP(
    "calc",
    instructions="Exact arithmetic and basic statistics.",
    sse_path="/sse",
    message_path="/messages/",
    mount_path="/calc",
    warn_on_duplicate_tools=False,
)


class Stats(BaseModel):
    count: int
    mean: float
    median: float
    stdev: float | None = Field(default=None, description="Sample standard deviation, if n > 1")


class Division(TypedDict):
    quotient: int
    remainder: int


@calc.tool()
def evaluate(expression: str) -> float:
    """Evaluate a math expression using functions from the math module."""
    allowed = {name: getattr(math, name) for name in dir(math) if not name.startswith("_")}
    try:
        return float(eval(expression, {"__builtins__": {}}, allowed))  # noqa: S307
    except Exception as exc:  # pragma: no cover - user input
        raise ToolError(f"could not evaluate {expression!r}: {exc}") from exc


@calc.tool()
def describe(values: list[float]) -> Stats:
    """Summary statistics for a list of numbers."""
    if not values:
        raise ToolError("values must not be empty")
    return Stats(
        count=len(values),
        mean=statistics.fmean(values),
        median=statistics.median(values),
        stdev=statistics.stdev(values) if len(values) > 1 else None,
    )


@calc.tool()
def divmod_int(a: int, b: int) -> Division:
    """Integer division with remainder."""
    if b == 0:
        raise ToolError("division by zero")
    q, r = divmod(a, b)
    return {"quotient": q, "remainder": r}


@calc.tool()
def chart(name: str) -> Image:
    """Return one of the pre-rendered reference charts (e.g. `normal`, `poisson`)."""
    path = CHART_DIR / f"{name}.png"
    if not path.is_file():
        raise ToolError(f"no chart named {name!r}")
    return Image(path=path)
