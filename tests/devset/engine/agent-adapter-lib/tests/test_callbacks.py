from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from mcp import ClientSession, types
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from agentwire.cache import ToolListCache
from agentwire.callbacks import AgentCallbacks, SamplingPolicy
from agentwire.messages import EchoModel


def _context(progress_token: str | None = None) -> RequestContext[ClientSession, Any]:
    meta = types.RequestParams.Meta(progressToken=progress_token) if progress_token else None
    return RequestContext(request_id=7, meta=meta, session=mock.AsyncMock(spec=ClientSession), lifespan_context=None)


def _sampling_params(text: str, **extra: Any) -> types.CreateMessageRequestParams:
    return types.CreateMessageRequestParams(
        messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
        maxTokens=100,
        **extra,
    )


async def test_sampling_uses_agent_model_and_policy() -> None:
    model = EchoModel("echo-9")
    cbs = AgentCallbacks("notes", model=model, policy=SamplingPolicy(max_tokens_cap=3, allowed_models=("tiny",)))
    params = _sampling_params(
        "one two three four",
        systemPrompt="Summarise.",
        modelPreferences=types.ModelPreferences(hints=[types.ModelHint(name="huge"), types.ModelHint(name="tiny")]),
    )

    result = await cbs.sampling(_context("tok-1"), params)

    assert isinstance(result, types.CreateMessageResult)
    assert result.model == "tiny"
    assert result.stopReason == "maxTokens"
    assert isinstance(result.content, types.TextContent) and result.content.text == "echo: one two"
    assert model.calls[0][0].text == "Summarise."
    assert cbs.events[-1] == ("sampling", {"request_id": 7, "progress_token": "tok-1"})

    refused = await cbs.sampling(_context(), params.model_copy(update={"includeContext": "allServers"}))
    assert isinstance(refused, types.ErrorData) and refused.code == types.INVALID_PARAMS


async def test_sampling_without_model_or_with_speed_preference() -> None:
    ctx = mock.MagicMock(spec=RequestContext)
    ctx.request_id = "req-9"
    ctx.meta = None
    disabled = await AgentCallbacks("x").sampling(ctx, _sampling_params("hi"))
    assert isinstance(disabled, types.ErrorData) and disabled.code == types.INVALID_REQUEST

    cbs = AgentCallbacks("x", model=EchoModel(), policy=SamplingPolicy(fast_model="flash", smart_model="deep"))
    prefs = types.ModelPreferences.model_validate({"speedPriority": 0.8, "intelligencePriority": 0.2, "costPriority": 0.5})
    fast = await cbs.sampling(ctx, _sampling_params("hi", modelPreferences=prefs, stopSequences=["hi"]))
    assert isinstance(fast, types.CreateMessageResult)
    assert fast.model == "flash" and fast.stopReason == "stopSequence"
    assert cbs.events == [("sampling", {"request_id": "req-9", "progress_token": None})]


async def test_form_and_url_elicitation() -> None:
    handler = mock.AsyncMock(return_value={"confirm": "yes", "keep_days": "7"})
    approver = mock.AsyncMock(return_value=False)
    cbs = AgentCallbacks("notes", elicitation_handler=handler, url_approver=approver)
    schema = {
        "type": "object",
        "properties": {
            "confirm": {"type": "boolean"},
            "reason": {"type": "string", "default": "cleanup"},
            "keep_days": {"type": "integer"},
        },
        "required": ["confirm"],
    }
    form = types.ElicitRequestFormParams.model_validate({"message": "Archive?", "requestedSchema": schema})

    accepted = await cbs.elicitation(_context(), form)
    assert isinstance(accepted, types.ElicitResult) and accepted.action == "accept"
    assert accepted.content == {"confirm": True, "reason": "cleanup", "keep_days": 7}
    handler.assert_awaited_once_with("Archive?", form.requestedSchema)

    handler.return_value = {"keep_days": 1}
    invalid = await cbs.elicitation(_context(), form)
    assert isinstance(invalid, types.ErrorData) and "confirm" in invalid.message

    url = types.ElicitRequestURLParams(message="Log in", url="https://idp.example.com/auth", elicitationId="el-1")
    declined = await cbs.elicitation(_context(), url)
    assert isinstance(declined, types.ElicitResult) and declined.action == "decline"
    approver.assert_awaited_once_with("https://idp.example.com/auth", "el-1")
    assert ("elicit_url", "el-1") in cbs.events


async def test_list_roots_exposes_workspace_as_file_urls() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "survey"
        project.mkdir()
        cbs = AgentCallbacks("notes", roots=[project])
        result = await cbs.list_roots(_context())
        assert isinstance(result, types.ListRootsResult)
        root = result.roots[0]
        assert root.name == "survey"
        assert root.uri.scheme == "file"
        assert root.uri.path is not None and root.uri.path.endswith("/survey")


async def test_message_handler_routes_notifications() -> None:
    cache = ToolListCache()
    cache.put("notes", [types.Tool.model_validate({"name": "a", "inputSchema": {"type": "object"}})])
    cbs = AgentCallbacks("notes", cache=cache)

    await cbs.message_handler(types.ServerNotification(types.ToolListChangedNotification()))
    assert cache.get("notes") is None

    updated = types.ResourceUpdatedNotification(
        params=types.ResourceUpdatedNotificationParams(uri=AnyUrl("notes://birds/today"))
    )
    await cbs.message_handler(types.ServerNotification(updated))
    assert cbs.updated_resources == ["notes://birds/today"]
    assert ("resource_updated", ("notes", "birds")) in cbs.events

    progress = types.ServerNotification.model_validate(
        {"method": "notifications/progress", "params": {"progressToken": "p", "progress": 0.5, "total": 1.0}}
    )
    assert isinstance(progress.root, types.ProgressNotification)
    await cbs.message_handler(progress)
    assert cbs.progress == {"p": [0.5]}

    responder = mock.MagicMock(spec=RequestResponder)
    responder.request = types.ServerRequest(types.ListRootsRequest())
    await cbs.message_handler(responder)
    await cbs.message_handler(RuntimeError("stream reset"))
    assert ("request", "roots/list") in cbs.events
    assert cbs.events[-1] == ("transport_error", "RuntimeError('stream reset')")


async def test_server_logs_are_forwarded_to_python_logging() -> None:
    cbs = AgentCallbacks("notes")
    with mock.patch.object(logging.Logger, "log", autospec=True) as log:
        await cbs.logging(types.LoggingMessageNotificationParams(level="notice", data="hello"))
        await cbs.logging(types.LoggingMessageNotificationParams(level="critical", logger="db", data={"x": 1}))
    assert [(c.args[0].name, c.args[1], c.args[3]) for c in log.call_args_list] == [
        ("agentwire.server.notes", logging.INFO, "hello"),
        ("agentwire.server.notes.db", logging.CRITICAL, {"x": 1}),
    ]
