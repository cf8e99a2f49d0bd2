"""Look inside a built server: what FastMCP made of each function, and what clients will see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.tools.base import Tool
from mcp.types import Prompt as MCPPrompt
from mcp.types import Resource as MCPResource
from mcp.types import ResourceTemplate as MCPResourceTemplate
from mcp.types import Tool as MCPTool


@dataclass(frozen=True)
class ToolReport:
    name: str
    is_async: bool
    context_kwarg: str | None
    arguments: tuple[str, ...]
    required: tuple[str, ...]
    structured: bool
    wraps_output: bool

    def summary(self) -> str:
        args = ", ".join(a + ("" if a in self.required else "?") for a in self.arguments)
        kind = "async" if self.is_async else "sync"
        ctx = f" ctx={self.context_kwarg}" if self.context_kwarg else ""
        return f"{self.name}({args}) [{kind}{ctx}{' structured' if self.structured else ''}]"


def describe_tool(tool: Tool) -> ToolReport:
    """Summarise the internals FastMCP derived from a tool function."""
    meta = tool.fn_metadata
    fields = meta.arg_model.model_fields
    arguments = tuple(f.alias or name for name, f in fields.items())
    required = tuple(f.alias or name for name, f in fields.items() if f.is_required())
    structured = tool.output_schema is not None
    return ToolReport(tool.name, tool.is_async, tool.context_kwarg, arguments, required, structured, meta.wrap_output)


def schema_drift(tool: Tool, advertised: MCPTool) -> list[str]:
    """Differences between the internal parameter schema and the advertised one."""
    ours = set(tool.parameters.get("properties", {}))
    theirs = set(advertised.inputSchema.get("properties", {}))
    problems = [f"missing on wire: {sorted(ours - theirs)}"] if ours - theirs else []
    problems += [f"unexpected on wire: {sorted(theirs - ours)}"] if theirs - ours else []
    if (tool.output_schema is None) != (advertised.outputSchema is None):
        problems.append("output schema mismatch")
    return problems


def tool_entry(tool: MCPTool) -> dict[str, Any]:
    hints = tool.annotations
    return {
        "name": tool.name,
        "title": tool.title,
        "args": sorted(tool.inputSchema.get("properties", {})),
        "required": sorted(tool.inputSchema.get("required", [])),
        "structured": tool.outputSchema is not None,
        "readOnly": bool(hints.readOnlyHint) if hints else False,
        "destructive": bool(hints.destructiveHint) if hints else None,
        "icons": [i.mimeType for i in tool.icons or []],
    }


def resource_entry(resource: MCPResource) -> dict[str, Any]:
    return {
        "uri": str(resource.uri),
        "scheme": resource.uri.scheme,
        "host": resource.uri.host,
        "path": resource.uri.path,
        "mimeType": resource.mimeType,
        "name": resource.name,
    }


def template_entry(template: MCPResourceTemplate) -> dict[str, Any]:
    return {"uriTemplate": template.uriTemplate, "mimeType": template.mimeType, "name": template.name}


def prompt_entry(prompt: MCPPrompt) -> dict[str, Any]:
    args = prompt.arguments or []
    return {"name": prompt.name, "args": [a.name for a in args], "required": [a.name for a in args if a.required]}


async def catalog(mcp: FastMCP[Any]) -> dict[str, Any]:
    """What a client would see from list_* calls, computed without a session."""
    tools: list[MCPTool] = await mcp.list_tools()
    resources: list[MCPResource] = await mcp.list_resources()
    templates: list[MCPResourceTemplate] = await mcp.list_resource_templates()
    prompts: list[MCPPrompt] = await mcp.list_prompts()
    return {
        "server": mcp.name,
        "tools": [tool_entry(t) for t in tools],
        "resources": [resource_entry(r) for r in resources],
        "resourceTemplates": [template_entry(t) for t in templates],
        "prompts": [prompt_entry(p) for p in prompts],
    }


async def drift_report(mcp: FastMCP[Any]) -> dict[str, list[str]]:
    advertised = {t.name: t for t in await mcp.list_tools()}
    report = {
        t.name: schema_drift(t, advertised[t.name]) if t.name in advertised else ["not advertised"]
        for t in mcp._tool_manager.list_tools()
    }
    return {name: problems for name, problems in report.items() if problems}
