from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext

from crawldoc.callbacks import ClientCallbacks, extractive_summary
from crawldoc.targets import Target
from crawldoc.transports import open_streams


def _context() -> RequestContext[ClientSession, Any]:
    return RequestContext(request_id=7, meta=None, session=mock.MagicMock(spec=ClientSession), lifespan_context=None)


def test_extractive_summary_respects_budget() -> None:
    text = "# Title\nFirst sentence here. Second sentence is longer than the first. Third."
    assert anyio.run(extractive_summary, text, 5) == "First sentence here."
    assert anyio.run(extractive_summary, text, 100).endswith("Third.")


def test_sampling_rejects_images() -> None:
    params = types.CreateMessageRequestParams(
        messages=[
            types.SamplingMessage(
                role="user", content=types.ImageContent(type="image", data="AAAA", mimeType="image/png")
            )
        ],
        maxTokens=10,
    )
    result = anyio.run(ClientCallbacks().sampling, _context(), params)
    assert isinstance(result, types.ErrorData)
    assert result.code == types.INVALID_PARAMS


def test_elicitation_uses_answers_and_defaults() -> None:
    callbacks = ClientCallbacks(answers={"audience": "developers"})
    params = types.ElicitRequestFormParams(
        message="Who is this mirror for?",
        requestedSchema={
            "type": "object",
            "properties": {
                "audience": {"type": "string"},
                "include_drafts": {"type": "boolean", "default": False},
            },
            "required": ["audience"],
        },
    )
    result = anyio.run(callbacks.elicitation, _context(), params)
    assert isinstance(result, types.ElicitResult)
    assert result.action == "accept"
    assert result.content == {"audience": "developers", "include_drafts": False}

    unanswerable = params.model_copy(update={"requestedSchema": {"type": "object", "properties": {"token": {"type": "string"}}, "required": ["token"]}})
    declined = anyio.run(ClientCallbacks().elicitation, _context(), unanswerable)
    assert isinstance(declined, types.ElicitResult) and declined.action == "decline"


def test_url_elicitation_is_declined() -> None:
    params = types.ElicitRequestURLParams(
        message="Log in", url="https://auth.example.com/device", elicitationId="el-1"
    )
    result = anyio.run(ClientCallbacks().elicitation, _context(), params)
    assert isinstance(result, types.ElicitResult) and result.action == "decline"


def test_roots_are_file_urls() -> None:
    tmp = Path("/tmp/crawldoc-mirror")
    result = anyio.run(ClientCallbacks(roots=[tmp]).list_roots, _context())
    assert isinstance(result, types.ListRootsResult)
    root = result.roots[0]
    assert root.uri.scheme == "file"
    assert root.uri.path == "/tmp/crawldoc-mirror"
    assert root.name == "crawldoc-mirror"


def test_notifications_mark_state() -> None:
    callbacks = ClientCallbacks()
    anyio.run(callbacks.on_message, types.ServerNotification(types.ResourceListChangedNotification()))
    updated = types.ServerNotification(
        types.ResourceUpdatedNotification(
            params=types.ResourceUpdatedNotificationParams(uri=AnyUrl("docs://guide/intro"))
        )
    )
    anyio.run(callbacks.on_message, updated)
    assert callbacks.resources_dirty
    assert callbacks.updated_uris == {"docs://guide/intro"}


def test_http_target_uses_streamable_http() -> None:
    target = Target(
        name="handbook",
        kind="http",
        url="https://docs.example.com/mcp",
        headers={"Authorization": "Bearer t0ken"},
        connect_timeout=timedelta(seconds=10),
    )
    read, write = mock.MagicMock(), mock.MagicMock()

    @mock.patch("crawldoc.transports.streamablehttp_client")
    async def run(fake_client: mock.MagicMock) -> None:
        fake_client.return_value.__aenter__.return_value = (read, write, lambda: "sess-42")
        async with open_streams(target) as streams:
            assert streams.read is read
            assert streams.session_id() == "sess-42"
        fake_client.assert_called_once_with(
            "https://docs.example.com/mcp",
            headers={"Authorization": "Bearer t0ken"},
            timeout=timedelta(seconds=10),
            sse_read_timeout=timedelta(minutes=5),
        )

    anyio.run(run)
