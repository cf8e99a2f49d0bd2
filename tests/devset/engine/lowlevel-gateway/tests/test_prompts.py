from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import config_tree, open_gateway  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402


async def test_prompts_listing_and_rendering() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            listing = await h.session.list_prompts()
            assert [p.name for p in listing.prompts] == ["explain-key", "oncall-brief"]
            oncall_args = listing.prompts[1].arguments or []
            assert [(a.name, a.required) for a in oncall_args] == [("service", True), ("env", False)]

            explained = await h.session.get_prompt("explain-key", {"path": "app.json", "key": "service.port"})
            question, attachment = explained.messages
            assert isinstance(question.content, types.TextContent) and "8080" in question.content.text
            assert isinstance(attachment.content, types.EmbeddedResource)
            assert str(attachment.content.resource.uri) == "config://files/app.json"
            assert attachment.content.resource.mimeType == "application/json"

            brief = await h.session.get_prompt("oncall-brief", {"service": "billing", "env": "prod"})
            assert brief.messages[0].content == types.TextContent(type="text", text="You are on call for billing in prod.")

            for name, args in [("explain-key", {"path": "app.json"}), ("oncall-brief", {}), ("nope", None)]:
                try:
                    await h.session.get_prompt(name, args)
                except McpError as exc:
                    assert exc.error.code == types.INVALID_PARAMS, (name, exc.error)
                else:
                    raise AssertionError(f"{name} accepted {args}")


async def test_completions() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            env_ref = types.ResourceTemplateReference(type="ref/resource", uri="config://env/{env}/{name}")
            envs = await h.session.complete(env_ref, {"name": "env", "value": "p"})
            assert (envs.completion.values, envs.completion.hasMore) == (["prod"], False)
            names = await h.session.complete(env_ref, {"name": "name", "value": "d"}, context_arguments={"env": "prod"})
            assert names.completion.values == ["database.toml"]

            files_ref = types.ResourceTemplateReference(type="ref/resource", uri="config://files/{path}")
            assert (await h.session.complete(files_ref, {"name": "path", "value": "envs/"})).completion.total == 3

            prompt_ref = types.PromptReference(type="ref/prompt", name="explain-key")
            keys = await h.session.complete(prompt_ref, {"name": "key", "value": "service."}, {"path": "app.json"})
            assert keys.completion.values == ["service.name", "service.port"]
            unknown = await h.session.complete(prompt_ref, {"name": "whatever", "value": "x"})
            assert unknown.completion.values == []
