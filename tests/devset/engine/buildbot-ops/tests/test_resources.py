from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

from mcp.types import (
    BlobResourceContents,
    PromptReference,
    ResourceListChangedNotification,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
    TextResourceContents,
)
from pydantic import AnyUrl

from buildops import subscriptions
from buildops.artifacts import describe_uri, publish_artifacts
from tests.support import Inbox, connect, reset_state, seed_builds


async def test_listing_and_reading_build_resources() -> None:
    reset_state()
    [build_id] = seed_builds("web-frontend", 1, fail_every=1)
    async with connect() as session:
        resources = await session.list_resources()
        templates = await session.list_resource_templates()
        log = await session.read_resource(AnyUrl(f"buildops://builds/{build_id}/log"))
        summary = await session.read_resource(AnyUrl(f"buildops://builds/{build_id}/summary"))

    runbook = next(r for r in resources.resources if r.name == "runbook")
    assert runbook.mimeType == "text/markdown"
    assert runbook.annotations is not None and runbook.annotations.priority == 0.9
    assert (runbook.uri.scheme, runbook.uri.host, runbook.uri.path) == ("buildops", "docs", "/runbook")
    assert sorted(t.uriTemplate for t in templates.resourceTemplates) == [
        "buildops://builds/{build_id}/log",
        "buildops://builds/{build_id}/summary",
    ]
    assert templates.nextCursor is None

    [log_contents] = log.contents
    assert isinstance(log_contents, TextResourceContents)
    assert log_contents.mimeType == "text/plain"
    assert log_contents.uri == AnyUrl("buildops://builds/web-frontend-1/log")
    assert "==> test [failed]" in log_contents.text
    assert describe_uri(log_contents.uri) == {"scheme": "buildops", "kind": "builds", "parts": [build_id, "log"]}
    [summary_contents] = summary.contents
    assert isinstance(summary_contents, TextResourceContents)
    assert json.loads(summary_contents.text)["isError"] is True


async def test_artifacts_are_published_as_file_resources() -> None:
    reset_state()
    inbox = Inbox()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "gateway-1.4.0-py3-none-any.whl").write_bytes(b"PK\x03\x04wheel")
        (root / "manifest.json").write_text(json.dumps({"build": "api-gateway-7", "files": 1}))
        (root / "NOTES.txt").write_text("built on runner-12\n")

        async with connect(inbox=inbox) as session:
            await session.subscribe_resource(AnyUrl("buildops://builds/api-gateway-7/log"))
            uris = await publish_artifacts("api-gateway-7", root)
            listing = await session.list_resources()
            manifest = await session.read_resource(AnyUrl((root / "manifest.json").resolve().as_uri()))
            notes = await session.read_resource(AnyUrl((root / "NOTES.txt").resolve().as_uri()))

    assert len(uris) == 3
    wheel = next(r for r in listing.resources if r.name == "api-gateway-7/gateway-1.4.0-py3-none-any.whl")
    assert wheel.mimeType == "application/zip" and wheel.uri.scheme == "file"
    [manifest_contents] = manifest.contents
    assert isinstance(manifest_contents, BlobResourceContents)
    assert manifest_contents.mimeType == "application/json"
    assert json.loads(base64.b64decode(manifest_contents.blob)) == {"build": "api-gateway-7", "files": 1}
    [notes_contents] = notes.contents
    assert isinstance(notes_contents, TextResourceContents) and notes_contents.text == "built on runner-12\n"
    assert len(inbox.of_type(ResourceListChangedNotification)) == 1


async def test_subscriptions_receive_build_updates() -> None:
    reset_state()
    inbox = Inbox()
    log_uri = AnyUrl("buildops://builds/api-gateway-1/log")
    async with connect(inbox=inbox) as session:
        await session.set_logging_level("debug")
        await session.subscribe_resource(log_uri)
        await session.subscribe_resource(AnyUrl("https://example.com/elsewhere"))
        assert subscriptions.subscriber_count(log_uri) == 1
        assert subscriptions.subscriber_count("https://example.com/elsewhere") == 0

        await session.call_tool("trigger_build", {"pipeline": "api-gateway"})
        await session.unsubscribe_resource(log_uri)
        await session.call_tool("trigger_build", {"pipeline": "api-gateway"})

    [update] = inbox.of_type(ResourceUpdatedNotification)
    assert update.params.uri == log_uri and update.params.uri.host == "builds"
    assert subscriptions.supports_subscriptions()
    assert inbox.errors == []


async def test_argument_completion() -> None:
    reset_state()
    seed_builds("api-gateway", 2)
    seed_builds("billing", 1)
    async with connect() as session:
        by_prefix = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="buildops://builds/{build_id}/log"),
            {"name": "build_id", "value": "api"},
        )
        by_context = await session.complete(
            PromptReference(type="ref/prompt", name="triage_build"),
            {"name": "build_id", "value": ""},
            context_arguments={"pipeline": "billing"},
        )
        audience = await session.complete(
            PromptReference(type="ref/prompt", name="release_notes"), {"name": "audience", "value": "r"}
        )

    assert by_prefix.completion.values == ["api-gateway-1", "api-gateway-2"]
    assert by_prefix.completion.total == 2 and by_prefix.completion.hasMore is False
    assert by_context.completion.values == ["billing-1"]
    assert audience.completion.values == ["release-managers"] and audience.completion.hasMore is None
