"""The merged, namespaced view of every upstream's tools, resources and prompts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from mcp import types
from mcpbridge.naming import qualify, wrap_uri
from mcpbridge.upstream import Upstream

T = TypeVar("T")


@dataclass
class Catalog:
    tools: list[types.Tool] = field(default_factory=list)
    resources: list[types.Resource] = field(default_factory=list)
    prompts: list[types.Prompt] = field(default_factory=list)
    tool_routes: dict[str, tuple[str, str]] = field(default_factory=dict)
    prompt_routes: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, upstreams: Iterable[Upstream], local_tools: Sequence[types.Tool] = ()) -> Catalog:
        catalog = cls(tools=list(local_tools))
        for upstream in upstreams:
            prefix = upstream.prefix
            for tool in upstream.tools:
                catalog.tools.append(namespaced_tool(upstream, tool))
                catalog.tool_routes[qualify(prefix, tool.name)] = (prefix, tool.name)
            for resource in upstream.resources:
                catalog.resources.append(
                    resource.model_copy(update={"uri": wrap_uri(prefix, resource.uri), "name": qualify(prefix, resource.name)})
                )
            for prompt in upstream.prompts:
                catalog.prompts.append(prompt.model_copy(update={"name": qualify(prefix, prompt.name)}))
                catalog.prompt_routes[qualify(prefix, prompt.name)] = (prefix, prompt.name)
        return catalog

    def tool(self, name: str) -> types.Tool | None:
        return next((tool for tool in self.tools if tool.name == name), None)


def namespaced_tool(upstream: Upstream, tool: types.Tool) -> types.Tool:
    title = tool.annotations.title if tool.annotations and tool.annotations.title else tool.title or tool.name
    update = {
        "name": qualify(upstream.prefix, tool.name),
        "title": f"{title} ({upstream.label})",
        "execution": types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
        "meta": {**(tool.meta or {}), "bridge/upstream": upstream.prefix},
    }
    return tool.model_copy(update=update)


def paginate(items: Sequence[T], cursor: types.Cursor | None, page_size: int) -> tuple[list[T], types.Cursor | None]:
    start = int(cursor.removeprefix("o:")) if cursor and cursor.startswith("o:") else 0
    end = start + page_size
    return list(items[start:end]), (f"o:{end}" if end < len(items) else None)
