"""A small conformance suite that any MCP server should pass."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from mcpcheck.assertions import AssertionFailed, collect_prompts, collect_resources, collect_tools, text_blocks

CheckFn = Callable[[ClientSession], Awaitable[str | None]]

PROBE_URI = "mcpcheck://probe/subscription"


@dataclass
class CheckOutcome:
    name: str
    passed: bool
    detail: str = ""
    seconds: float = 0.0


@dataclass
class SuiteReport:
    server: str
    outcomes: list[CheckOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.passed for o in self.outcomes)

    @property
    def failed(self) -> list[CheckOutcome]:
        return [o for o in self.outcomes if not o.passed]

    def render(self) -> str:
        lines = [f"mcpcheck report for {self.server}"]
        for o in self.outcomes:
            mark = "PASS" if o.passed else "FAIL"
            suffix = f" - {o.detail}" if o.detail else ""
            lines.append(f"  [{mark}] {o.name} ({o.seconds * 1000:.0f} ms){suffix}")
        lines.append(f"{len(self.outcomes) - len(self.failed)}/{len(self.outcomes)} checks passed")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "ok": self.ok,
            "checks": [{"name": o.name, "passed": o.passed, "detail": o.detail} for o in self.outcomes],
        }


class CheckSuite:
    def __init__(self) -> None:
        self._checks: list[tuple[str, CheckFn]] = []

    def check(self, name: str) -> Callable[[CheckFn], CheckFn]:
        def register(fn: CheckFn) -> CheckFn:
            self._checks.append((name, fn))
            return fn

        return register

    async def run(self, session: ClientSession, *, server: str = "server") -> SuiteReport:
        report = SuiteReport(server=server)
        for name, fn in self._checks:
            started = time.perf_counter()
            try:
                detail = await fn(session)
            except (AssertionFailed, McpError) as exc:
                report.outcomes.append(CheckOutcome(name, False, str(exc), time.perf_counter() - started))
            else:
                report.outcomes.append(CheckOutcome(name, True, detail or "", time.perf_counter() - started))
        return report


def default_suite(
    *,
    expect_tools: Sequence[str] = (),
    sample_arguments: Mapping[str, dict[str, Any]] | None = None,
) -> CheckSuite:
    samples = dict(sample_arguments or {})
    suite = CheckSuite()

    @suite.check("ping")
    async def ping(session: ClientSession) -> str | None:
        await session.send_ping()
        return None

    @suite.check("tools are listed")
    async def tools_listed(session: ClientSession) -> str | None:
        names = [t.name for t in await collect_tools(session)]
        missing = [n for n in expect_tools if n not in names]
        if missing:
            raise AssertionFailed(f"missing tools: {missing}")
        return f"{len(names)} tools"

    @suite.check("input schemas are objects")
    async def schemas(session: ClientSession) -> str | None:
        bad = [t.name for t in await collect_tools(session) if t.inputSchema.get("type") != "object"]
        if bad:
            raise AssertionFailed(f"non-object inputSchema: {bad}")
        return None

    @suite.check("read-only tools succeed")
    async def read_only(session: ClientSession) -> str | None:
        called = 0
        for tool in await collect_tools(session):
            if not (tool.annotations and tool.annotations.readOnlyHint):
                continue
            if tool.inputSchema.get("required") and tool.name not in samples:
                continue
            result = await session.call_tool(tool.name, samples.get(tool.name, {}))
            if result.isError:
                raise AssertionFailed(f"{tool.name} failed: {' '.join(text_blocks(result.content))}")
            if tool.outputSchema is not None and result.structuredContent is None:
                raise AssertionFailed(f"{tool.name} declares outputSchema but returned no structuredContent")
            called += 1
        return f"{called} called"

    @suite.check("unknown tool is rejected")
    async def unknown_tool(session: ClientSession) -> str | None:
        try:
            result = await session.call_tool("__mcpcheck_missing__", {})
        except McpError as exc:
            return f"protocol error {exc.error.code}"
        if not result.isError:
            raise AssertionFailed("calling an unknown tool succeeded")
        return "error result"

    @suite.check("resources are readable")
    async def resources(session: ClientSession) -> str | None:
        caps = session.get_server_capabilities()
        if caps is None or caps.resources is None:
            return "no resources capability"
        listed = await collect_resources(session)
        for resource in listed:
            result = await session.read_resource(resource.uri)
            if not result.contents:
                raise AssertionFailed(f"{resource.uri} returned no contents")
            declared, served = resource.mimeType, result.contents[0].mimeType
            if declared and served and declared != served:
                raise AssertionFailed(f"{resource.uri}: listed as {declared}, served as {served}")
        return f"{len(listed)} read"

    @suite.check("argument-free prompts render")
    async def prompts(session: ClientSession) -> str | None:
        caps = session.get_server_capabilities()
        if caps is None or caps.prompts is None:
            return "no prompts capability"
        rendered = 0
        for prompt in await collect_prompts(session):
            if any(arg.required for arg in prompt.arguments or []):
                continue
            result = await session.get_prompt(prompt.name)
            if not result.messages:
                raise AssertionFailed(f"prompt {prompt.name} rendered no messages")
            rendered += 1
        return f"{rendered} rendered"

    @suite.check("subscribe without capability is refused")
    async def subscribe_refused(session: ClientSession) -> str | None:
        caps = session.get_server_capabilities()
        if caps and caps.resources and caps.resources.subscribe:
            return "server supports subscriptions"
        try:
            await session.subscribe_resource(AnyUrl(PROBE_URI))
        except McpError as exc:
            if exc.error.code != types.METHOD_NOT_FOUND:
                raise AssertionFailed(f"expected METHOD_NOT_FOUND, got {exc.error.code}") from exc
            return None
        raise AssertionFailed("resources/subscribe accepted although not advertised")

    return suite
