from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import FakeModel, LogSink, ScriptedUser, connect, make_server, structured  # noqa: E402

from mcp.types import TextContent  # noqa: E402


async def test_summarize_asks_client_model() -> None:
    model = FakeModel()
    async with connect(model=model) as conn:
        result = await conn.session.call_tool("summarize", {"dataset": "sales", "focus": "returns"})
        assert not result.isError
        assert result.structuredContent == {
            "dataset": "sales",
            "summary": model.reply,
            "model": "fake-analyst-1",
            "stop_reason": "endTurn",
        }
    [request] = model.requests
    assert request.maxTokens == 300
    assert request.systemPrompt is not None and request.systemPrompt.startswith("You are a careful data analyst")
    assert request.includeContext == "thisServer"
    first = request.messages[0].content
    assert isinstance(first, TextContent)
    assert "Pay particular attention to: returns" in first.text


async def test_summarize_without_sampling_support_fails_cleanly() -> None:
    async with connect() as conn:
        result = await conn.session.call_tool("summarize", {"dataset": "sales"})
        assert result.isError
        text = result.content[0]
        assert isinstance(text, TextContent) and "Sampling not supported" in text.text


async def test_drop_dataset_requires_confirmation() -> None:
    server = make_server()
    declined = ScriptedUser(action="decline")
    async with connect(server, user=declined) as conn:
        kept = await conn.session.call_tool("drop_dataset", {"dataset": "sales"})
        assert kept.structuredContent == {"dataset": "sales", "dropped": False, "reason": "declined"}
        assert conn.notifications.list_changed == 0
    assert declined.prompts == ["Delete dataset 'sales' (8 rows)? This cannot be undone."]
    assert declined.schemas[0]["properties"]["confirm"]["type"] == "boolean"

    unsure = ScriptedUser(content={"confirm": False})
    async with connect(server, user=unsure) as conn:
        kept = structured(await conn.session.call_tool("drop_dataset", {"dataset": "sales"}))
        assert kept["reason"] == "not confirmed"

    sure = ScriptedUser(content={"confirm": True, "reason": "stale copy"})
    async with connect(server, user=sure) as conn:
        dropped = await conn.session.call_tool("drop_dataset", {"dataset": "sales"})
        assert dropped.structuredContent == {"dataset": "sales", "dropped": True, "reason": "stale copy"}
        assert conn.notifications.list_changed == 1
        again = await conn.session.call_tool("describe", {"dataset": "sales"})
        assert again.isError


async def test_correlations_report_progress() -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with connect() as conn:
        result = await conn.session.call_tool(
            "correlations", {"dataset": "penguins"}, progress_callback=on_progress
        )
        rows = structured(result)["result"]
        assert len(rows) == 6
        flipper_mass = next(r for r in rows if (r["left"], r["right"]) == ("flipper_length_mm", "body_mass_g"))
        assert flipper_mass["pearson"] > 0.9
    assert [u[0] for u in updates] == [1, 2, 3, 4, 5, 6]
    assert {u[1] for u in updates} == {6}
    assert updates[0][2] == "bill_length_mm ~ bill_depth_mm"


async def test_profile_columns_progress_accumulates() -> None:
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    async with connect() as conn:
        tracked = await conn.session.call_tool("profile_columns", {"dataset": "sales"}, progress_callback=on_progress)
        untracked = await conn.session.call_tool("profile_columns", {"dataset": "sales"})
        assert structured(tracked) == structured(untracked)
        assert structured(tracked)["result"][0] == {
            "column": "region",
            "dtype": "str",
            "nulls": 0,
            "distinct": 4,
        }
    assert seen == [1.0, 2.0, 3.0, 4.0, 5.0]


async def test_log_level_filters_server_messages() -> None:
    logs = LogSink()
    async with connect(logs=logs) as conn:
        await conn.session.set_logging_level("debug")
        await conn.session.call_tool("describe", {"dataset": "sales"})
        await conn.session.set_logging_level("warning")
        await conn.session.call_tool("correlations", {"dataset": "sales"})
        status = structured(await conn.session.call_tool("server_status", {}))
        assert status["logLevel"] == "warning"
    assert logs.messages() == ["described 5 columns of sales"]
    assert logs.records[0].level == "debug"
    assert logs.records[0].logger == "datatools"
