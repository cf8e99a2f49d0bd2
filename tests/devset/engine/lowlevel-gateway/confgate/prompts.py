"""prompts/* handlers: a built-in prompt plus markdown prompts found under ``prompts/``."""

from __future__ import annotations

import json
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server

from .catalog import flatten
from .handlers import current_state, file_uri, load_or_error, rpc_error, text_block
from .state import GatewayState

EXPLAIN_KEY = types.Prompt(
    name="explain-key",
    title="Explain a configuration key",
    description="Explain what a key controls, with the file it lives in attached.",
    arguments=[
        types.PromptArgument(name="path", description="File relative to the config root", required=True),
        types.PromptArgument(name="key", description="Dotted key inside the file", required=True),
    ],
)


def explain_key(state: GatewayState, path: str, key: str) -> types.GetPromptResult:
    value = flatten(load_or_error(state, path)).get(key, "<not set>")
    attachment = types.TextResourceContents(
        uri=file_uri(path), text=state.catalog.read_text(path), mimeType=state.catalog.entry(path).mime_type
    )
    question = (
        f"In {path}, the key `{key}` is set to {json.dumps(value, default=str)}. "
        "Explain what it most likely controls and what would happen if it changed."
    )
    return types.GetPromptResult(
        description=f"Explain {key} in {path}",
        messages=[
            types.PromptMessage(role="user", content=text_block(question)),
            types.PromptMessage(role="user", content=types.EmbeddedResource(type="resource", resource=attachment)),
        ],
    )


def register_prompt_handlers(server: Server[GatewayState, Any]) -> None:
    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        prompts = [EXPLAIN_KEY]
        for spec in current_state().prompt_specs().values():
            arguments = [types.PromptArgument(name=arg, required=required) for arg, required in spec.arguments]
            prompts.append(types.Prompt(name=spec.name, description=spec.description or None, arguments=arguments))
        return prompts

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        state = current_state()
        values = dict(arguments or {})
        spec = state.prompt_specs().get(name)
        required = ["path", "key"] if name == EXPLAIN_KEY.name else spec.missing({}) if spec else None
        if required is None:
            raise rpc_error(types.INVALID_PARAMS, f"Unknown prompt: {name}", name=name)
        if missing := [arg for arg in required if not values.get(arg)]:
            raise rpc_error(types.INVALID_PARAMS, f"Missing required arguments: {', '.join(missing)}")
        if spec is None:
            return explain_key(state, values["path"], values["key"])
        return types.GetPromptResult(
            description=spec.description or None,
            messages=[types.PromptMessage(role="user", content=text_block(spec.render(values)))],
        )
