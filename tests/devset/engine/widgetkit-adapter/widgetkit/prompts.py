"""Prompt templates registered with ``app.prompt(...)`` as MCP prompts."""

from __future__ import annotations

import mcp.types as types
from mcp.shared.exceptions import McpError

from widgetkit.app import WidgetApp, WidgetError
from widgetkit.resources import embedded_page


def list_prompt_models(app: WidgetApp) -> list[types.Prompt]:
    prompts: list[types.Prompt] = []
    for name, tpl in sorted(app.prompts.items()):
        prompts.append(
            types.Prompt(
                name=name,
                description=tpl.description or None,
                arguments=[types.PromptArgument(name=arg, required=True) for arg in tpl.arguments],
            )
        )
    return prompts


def render_prompt(app: WidgetApp, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    tpl = app.prompts.get(name)
    if tpl is None:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown prompt: {name}"))
    try:
        text = tpl.render(arguments or {})
    except WidgetError as exc:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))) from exc

    messages = [
        types.PromptMessage(role="user", content=types.TextContent(type="text", text=text)),
    ]
    if tpl.attach_page and tpl.attach_page in app.pages:
        messages.append(types.PromptMessage(role="user", content=embedded_page(app, tpl.attach_page)))
    return types.GetPromptResult(description=tpl.description or None, messages=messages)


def complete_argument(app: WidgetApp, prompt_name: str, argument: str, prefix: str) -> types.Completion:
    """Completions for prompt arguments: page slugs and endpoint names are the useful ones."""
    tpl = app.prompts.get(prompt_name)
    if tpl is None or argument not in tpl.arguments:
        return types.Completion(values=[], total=0, hasMore=False)
    if argument in ("page", "slug"):
        pool = sorted(app.pages)
    elif argument in ("endpoint", "tool"):
        pool = sorted(app.endpoints)
    else:
        pool = sorted(str(k) for k in app.state)
    matches = [v for v in pool if v.startswith(prefix)]
    return types.Completion(values=matches[:10], total=len(matches), hasMore=len(matches) > 10)
