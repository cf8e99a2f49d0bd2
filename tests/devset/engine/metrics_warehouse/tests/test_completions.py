from __future__ import annotations

import os

os.environ.setdefault("MW_DATABASE_PATH", ":memory:")

import anyio

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import PromptReference, ResourceTemplateReference

from metrics_warehouse.server import mcp

DAILY = ResourceTemplateReference(type="ref/resource", uri="warehouse://metrics/{metric}/daily/{day}")


async def _complete_metric() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        caps = session.get_server_capabilities()
        assert caps is not None and caps.completions is not None

        result = await session.complete(DAILY, {"name": "metric", "value": "re"})
        assert result.completion.values == ["revenue"]
        assert result.completion.hasMore is False


def test_complete_metric() -> None:
    anyio.run(_complete_metric)


async def _complete_day_uses_context() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        without = await session.complete(DAILY, {"name": "day", "value": "2024-06"})
        assert without.completion.values == []

        days = await session.complete(DAILY, {"name": "day", "value": "2024-06-2"}, context_arguments={"metric": "revenue"})
        assert days.completion.values[0] == "2024-06-29"
        assert days.completion.total == 10


def test_complete_day_uses_context() -> None:
    anyio.run(_complete_day_uses_context)


async def _complete_prompt_owner() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        ref = PromptReference(type="ref/prompt", name="weekly_review")
        result = await session.complete(ref, {"name": "owner", "value": "s"})
        assert result.completion.values == ["sre"]

        other = await session.complete(ref, {"name": "focus", "value": ""})
        assert other.completion.values == []


def test_complete_prompt_owner() -> None:
    anyio.run(_complete_prompt_owner)
