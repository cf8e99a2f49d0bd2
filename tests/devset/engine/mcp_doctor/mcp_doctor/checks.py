"""The individual checks. Each takes a ProbeContext and returns CheckResults."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import Any

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION,
    InitializeResult,
    Prompt,
    Resource,
    ResourceTemplate,
    Tool,
)

from mcp_doctor.connect import Inbox

TOOL_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
REQUEST_TIMEOUT = 408


class Status(str, Enum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


@dataclass
class CheckResult:
    check: str
    status: Status
    summary: str
    details: list[str] = field(default_factory=list)
    elapsed_ms: float | None = None


@dataclass
class ProbeContext:
    session: ClientSession
    init: InitializeResult
    inbox: Inbox
    call_timeout: float = 5.0
    call_safe_tools: bool = True
    tools: list[Tool] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    templates: list[ResourceTemplate] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)


CheckFn = Callable[[ProbeContext], Awaitable[CheckResult]]
REGISTRY: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = fn
        return fn

    return register


@check("handshake")
async def check_handshake(ctx: ProbeContext) -> CheckResult:
    version = str(ctx.init.protocolVersion)
    if version not in SUPPORTED_PROTOCOL_VERSIONS:
        return CheckResult("handshake", Status.FAIL, f"unsupported protocol version {version}")
    if version != LATEST_PROTOCOL_VERSION:
        return CheckResult("handshake", Status.WARN, f"server negotiated {version}, latest is {LATEST_PROTOCOL_VERSION}")
    return CheckResult("handshake", Status.OK, f"protocol {version}")


@check("identity")
async def check_identity(ctx: ProbeContext) -> CheckResult:
    info = ctx.init.serverInfo
    details: list[str] = []
    status = Status.OK
    if not info.version or info.version in ("0.0.0", "unknown"):
        status = Status.WARN
        details.append("serverInfo.version is not set")
    if not ctx.init.instructions:
        details.append("no instructions for the model")
    if info.title:
        details.append(f"title: {info.title}")
    return CheckResult("identity", status, f"{info.name} {info.version}", details)


@check("capabilities")
async def check_capabilities(ctx: ProbeContext) -> CheckResult:
    caps = ctx.session.get_server_capabilities()
    if caps is None:
        return CheckResult("capabilities", Status.FAIL, "no capabilities after initialize")
    declared = [name for name in ("tools", "resources", "prompts", "logging", "completions") if getattr(caps, name)]
    details = []
    if caps.tools and caps.tools.listChanged:
        details.append("tools.listChanged")
    if caps.resources and caps.resources.subscribe:
        details.append("resources.subscribe")
    if not declared:
        return CheckResult("capabilities", Status.WARN, "server declares no features", details)
    return CheckResult("capabilities", Status.OK, ", ".join(declared), details)


@check("ping")
async def check_ping(ctx: ProbeContext) -> CheckResult:
    samples: list[float] = []
    for _ in range(3):
        started = time.perf_counter()
        await ctx.session.send_ping()
        samples.append((time.perf_counter() - started) * 1000)
    best = min(samples)
    status = Status.OK if best < 250 else Status.WARN
    return CheckResult("ping", status, f"{best:.1f} ms (best of 3)", [f"{s:.1f} ms" for s in samples], best)


@check("tools")
async def check_tools(ctx: ProbeContext) -> CheckResult:
    caps = ctx.session.get_server_capabilities()
    if caps is None or caps.tools is None:
        return CheckResult("tools", Status.SKIP, "no tools capability")
    problems: list[str] = []
    warnings: list[str] = []
    for tool in ctx.tools:
        if not TOOL_NAME.match(tool.name):
            problems.append(f"{tool.name!r}: invalid tool name")
        if tool.inputSchema.get("type") != "object":
            problems.append(f"{tool.name}: inputSchema must have type 'object'")
        if not tool.description:
            warnings.append(f"{tool.name}: no description")
        ann = tool.annotations
        if ann is not None and ann.readOnlyHint and ann.destructiveHint:
            problems.append(f"{tool.name}: readOnlyHint and destructiveHint both set")
        if tool.outputSchema is not None and tool.outputSchema.get("type") != "object":
            problems.append(f"{tool.name}: outputSchema must be an object schema")
    status = Status.FAIL if problems else Status.WARN if warnings else Status.OK
    return CheckResult("tools", status, f"{len(ctx.tools)} tool(s)", problems + warnings)


@check("pagination")
async def check_pagination(ctx: ProbeContext) -> CheckResult:
    seen: set[str] = set()
    pages = 0
    cursor: str | None = None
    while True:
        page = await ctx.session.list_tools(cursor=cursor)
        pages += 1
        cursor = page.nextCursor
        if cursor is None:
            break
        if cursor in seen or pages > 50:
            return CheckResult("pagination", Status.FAIL, f"tools/list cursor loops after {pages} page(s)")
        seen.add(cursor)
    return CheckResult("pagination", Status.OK, f"tools/list: {pages} page(s)")


@check("resources")
async def check_resources(ctx: ProbeContext) -> CheckResult:
    caps = ctx.session.get_server_capabilities()
    if caps is None or caps.resources is None:
        return CheckResult("resources", Status.SKIP, "no resources capability")
    details: list[str] = []
    status = Status.OK
    for res in ctx.resources:
        if res.mimeType is None:
            details.append(f"{res.uri}: no mimeType")
            status = Status.WARN
        if res.uri.scheme in ("http", "https"):
            details.append(f"{res.uri}: remote URI, clients may fetch it directly")
    elapsed = None
    if ctx.resources:
        first = ctx.resources[0]
        started = time.perf_counter()
        try:
            read = await ctx.session.read_resource(first.uri)
        except McpError as exc:
            return CheckResult("resources", Status.FAIL, f"reading {first.uri} failed: {exc.error.message}", details)
        elapsed = (time.perf_counter() - started) * 1000
        details.append(f"read {first.uri}: {len(read.contents)} part(s) in {elapsed:.1f} ms")
    return CheckResult("resources", status, f"{len(ctx.resources)} resource(s)", details, elapsed)


@check("templates")
async def check_templates(ctx: ProbeContext) -> CheckResult:
    if not ctx.templates:
        return CheckResult("templates", Status.SKIP, "no resource templates")
    bad = [t.uriTemplate for t in ctx.templates if "{" not in t.uriTemplate]
    if bad:
        return CheckResult("templates", Status.WARN, "templates without variables", bad)
    return CheckResult("templates", Status.OK, f"{len(ctx.templates)} template(s)")


@check("prompts")
async def check_prompts(ctx: ProbeContext) -> CheckResult:
    if not ctx.prompts:
        return CheckResult("prompts", Status.SKIP, "no prompts")
    details: list[str] = []
    for prompt in ctx.prompts:
        required = [a.name for a in prompt.arguments or [] if a.required]
        if not required:
            result = await ctx.session.get_prompt(prompt.name)
            details.append(f"{prompt.name}: {len(result.messages)} message(s)")
        else:
            details.append(f"{prompt.name}: requires {', '.join(required)}")
    return CheckResult("prompts", Status.OK, f"{len(ctx.prompts)} prompt(s)", details)


def _safe_to_call(tool: Tool) -> bool:
    ann = tool.annotations
    if ann is None or not ann.readOnlyHint or ann.openWorldHint or ann.destructiveHint:
        return False
    return not tool.inputSchema.get("required")


@check("safe_calls")
async def check_safe_calls(ctx: ProbeContext) -> CheckResult:
    candidates = [t for t in ctx.tools if _safe_to_call(t)]
    if not ctx.call_safe_tools or not candidates:
        return CheckResult("safe_calls", Status.SKIP, "no read-only tools without required arguments")
    details: list[str] = []
    status = Status.OK
    for tool in candidates:
        started = time.perf_counter()
        try:
            result = await ctx.session.call_tool(
                tool.name, {}, read_timeout_seconds=timedelta(seconds=ctx.call_timeout)
            )
        except McpError as exc:
            if exc.error.code == REQUEST_TIMEOUT:
                status = Status.WARN if status is Status.OK else status
                details.append(f"{tool.name}: no answer within {ctx.call_timeout:g}s")
            else:
                status = Status.FAIL
                details.append(f"{tool.name}: protocol error {exc.error.code} {exc.error.message}")
            continue
        ms = (time.perf_counter() - started) * 1000
        if result.isError:
            status = Status.FAIL
            details.append(f"{tool.name}: returned isError ({ms:.0f} ms)")
        else:
            kind = "structured" if result.structuredContent is not None else "unstructured"
            details.append(f"{tool.name}: ok, {kind}, {ms:.0f} ms")
    return CheckResult("safe_calls", status, f"called {len(candidates)} tool(s)", details)


@check("logging")
async def check_logging(ctx: ProbeContext) -> CheckResult:
    caps = ctx.session.get_server_capabilities()
    if caps is None or caps.logging is None:
        return CheckResult("logging", Status.SKIP, "no logging capability")
    await ctx.session.set_logging_level("debug")
    return CheckResult("logging", Status.OK, f"accepted logging/setLevel; {len(ctx.inbox.logs)} log message(s) so far")
