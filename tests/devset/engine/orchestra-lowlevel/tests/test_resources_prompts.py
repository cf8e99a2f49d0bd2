from __future__ import annotations

import base64
import json

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from orchestra.resources import SUBSCRIPTIONS
from orchestra.testing import call_json, connect, wait_for


async def test_resources_list_and_read() -> None:
    async with connect() as session:
        run = await call_json(session, "run_workflow", {"workflow": "nightly-build", "params": {"branch": "main"}})
        listed = await session.list_resources()
        uris = [str(r.uri) for r in listed.resources]
        assert uris[:3] == [
            "orchestra://workflows/nightly-build",
            "orchestra://workflows/deploy-service",
            "orchestra://workflows/rotate-keys",
        ]
        assert f"orchestra://runs/{run['run_id']}" in uris
        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates][0] == "orchestra://runs/{run_id}"

        workflow = await session.read_resource(AnyUrl("orchestra://workflows/rotate-keys"))
        wf = workflow.contents[0]
        assert isinstance(wf, types.TextResourceContents) and wf.mimeType == "application/json"
        assert json.loads(wf.text)["steps"][1] == {"name": "upload", "action": "fail", "retries": 1}

        log = await session.read_resource(AnyUrl(f"orchestra://runs/{run['run_id']}/log"))
        log_text = log.contents[0]
        assert isinstance(log_text, types.TextResourceContents) and log_text.text.startswith("checkout: checked out main")

        artifact = await session.read_resource(AnyUrl(f"orchestra://runs/{run['run_id']}/artifact"))
        blob = artifact.contents[0]
        assert isinstance(blob, types.BlobResourceContents)
        assert blob.mimeType == "application/octet-stream" and len(base64.b64decode(blob.blob)) == 32


async def test_unknown_resources_raise_protocol_errors() -> None:
    async with connect() as session:
        for uri in ("orchestra://runs/run-nope", "file:///etc/passwd"):
            try:
                await session.read_resource(AnyUrl(uri))
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
                assert exc.error.data == {"uri": uri}
            else:
                raise AssertionError(f"{uri} was readable")


async def test_subscriptions_receive_updates() -> None:
    updated: list[str] = []
    list_changes = 0

    async def on_message(
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        nonlocal list_changes
        if isinstance(message, types.ServerNotification):
            if isinstance(message.root, types.ResourceUpdatedNotification):
                updated.append(str(message.root.params.uri))
            elif isinstance(message.root, types.ResourceListChangedNotification):
                list_changes += 1

    async with connect(message_handler=on_message) as session:
        run = await call_json(session, "run_workflow", {"workflow": "nightly-build", "params": {"branch": "dev"}})
        uri = AnyUrl(f"orchestra://runs/{run['run_id']}")
        await session.subscribe_resource(uri)
        await session.call_tool("cancel_run", {"run_id": run["run_id"]})
        await wait_for(lambda: len(updated) == 1 and list_changes == 2)
        await session.unsubscribe_resource(uri)
        await session.call_tool("cancel_run", {"run_id": run["run_id"]})
        await wait_for(lambda: list_changes == 3)
    assert updated == [str(uri)]
    assert SUBSCRIPTIONS[str(uri)] == set()


async def test_prompts_and_completions() -> None:
    async with connect() as session:
        prompts = await session.list_prompts()
        assert [p.name for p in prompts.prompts] == ["plan-workflow", "postmortem"]
        plan = await session.get_prompt("plan-workflow", {"goal": "ship v2", "workflow": "deploy-service"})
        first = plan.messages[0].content
        assert isinstance(first, types.TextContent) and "Start by considering 'deploy-service'" in first.text

        run = await session.call_tool("run_workflow", {"workflow": "rotate-keys"})
        assert run.isError
        run_ids = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="orchestra://runs/{run_id}"),
            {"name": "run_id", "value": "run-"},
        )
        assert len(run_ids.completion.values) == 1
        postmortem = await session.get_prompt("postmortem", {"run_id": run_ids.completion.values[0]})
        embedded = postmortem.messages[1].content
        assert isinstance(embedded, types.EmbeddedResource)
        assert isinstance(embedded.resource, types.TextResourceContents)
        assert embedded.resource.uri.path is not None and embedded.resource.uri.path.endswith("/log")
        assert "HSM unavailable" in embedded.resource.text

        names = await session.complete(types.PromptReference(type="ref/prompt", name="plan-workflow"), {"name": "workflow", "value": "n"})
        assert names.completion.values == ["nightly-build"]
        try:
            await session.get_prompt("postmortem", {"run_id": "nope"})
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
        else:
            raise AssertionError("expected McpError")
