"""Remote health probe: connect to a running buildops (or any MCP) endpoint and report on it.

Used by ``python -m buildops probe URL`` from the deploy pipeline and by the
on-call dashboard.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    CONNECTION_CLOSED,
    ClientRequest,
    Cursor,
    EmptyResult,
    InitializeResult,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    PingRequest,
)
from pydantic import ValidationError

from buildops import __version__


class StaticTokenAuth(httpx.Auth):
    """Bearer token taken from the deploy secret store."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


@dataclass
class ProbeReport:
    server_name: str
    server_version: str
    protocol_version: str
    supported_protocol: bool
    instructions: str | None
    tools: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    logging: bool = False
    session_id: str | None = None
    latency_ms: float = 0.0
    warnings: list[str] = field(default_factory=list)


async def collect_report(session: ClientSession, get_session_id: GetSessionIdCallback | None = None) -> ProbeReport:
    """Initialise a fresh client session and interrogate the server behind it."""
    started = time.perf_counter()
    init: InitializeResult = await session.initialize()

    report = ProbeReport(
        server_name=init.serverInfo.name,
        server_version=init.serverInfo.version,
        protocol_version=str(init.protocolVersion),
        supported_protocol=init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS,
        instructions=init.instructions,
    )
    if not report.supported_protocol:
        report.warnings.append(f"server negotiated unknown protocol {init.protocolVersion}")

    caps = session.get_server_capabilities()
    if caps is not None:
        report.logging = caps.logging is not None
        if caps.tools is not None and caps.tools.listChanged:
            report.warnings.append("tool list may change at runtime")

    cursor: Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        report.tools.extend(tool.name for tool in page.tools)
        cursor = page.nextCursor
        if cursor is None:
            break

    if caps is not None and caps.resources is not None:
        listing = await session.list_resources()
        report.resources = sorted(str(r.uri) for r in listing.resources)

    await session.send_request(ClientRequest(PingRequest(method="ping")), EmptyResult)
    report.latency_ms = round((time.perf_counter() - started) * 1000, 2)
    if get_session_id is not None:
        report.session_id = get_session_id()
    return report


async def probe_streamable_http(url: str, *, token: str | None = None, timeout: float = 10.0) -> ProbeReport:
    auth = StaticTokenAuth(token) if token else None
    async with streamablehttp_client(
        url,
        headers={"User-Agent": f"buildops-probe/{__version__}"},
        timeout=timedelta(seconds=timeout),
        sse_read_timeout=timedelta(minutes=2),
        auth=auth,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(read_stream, write_stream, read_timeout_seconds=timedelta(seconds=timeout)) as session:
            return await collect_report(session, get_session_id=get_session_id)


async def probe_sse(url: str, *, token: str | None = None, timeout: float = 10.0) -> ProbeReport:
    auth = StaticTokenAuth(token) if token else None
    async with sse_client(url, headers={"User-Agent": f"buildops-probe/{__version__}"}, timeout=timeout, auth=auth) as (
        read_stream,
        write_stream,
    ):
        async with ClientSession(read_stream, write_stream, read_timeout_seconds=timedelta(seconds=timeout)) as session:
            return await collect_report(session)


def classify_failure(exc: BaseException) -> str:
    """Map a probe failure onto the alert categories the dashboard understands."""
    if isinstance(exc, BaseExceptionGroup):
        return classify_failure(exc.exceptions[0]) if exc.exceptions else "unknown"
    if isinstance(exc, McpError):
        if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
            return "timeout"
        if exc.error.code == 32600:
            return "session-expired"
        if exc.error.code == CONNECTION_CLOSED:
            return "disconnected"
        return f"protocol-error:{exc.error.code}"
    if isinstance(exc, httpx.HTTPStatusError):
        return f"http-{exc.response.status_code}"
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
        return "unreachable"
    return "unknown"


def summarise_capture(lines: Iterable[str]) -> dict[str, list[Any]]:
    """Summarise a captured JSON-lines transcript of MCP traffic (from the stdio tap)."""
    summary: dict[str, list[Any]] = {"requests": [], "notifications": [], "responses": [], "errors": [], "malformed": []}
    for line in filter(None, (raw.strip() for raw in lines)):
        try:
            message = JSONRPCMessage.model_validate_json(line).root
        except ValidationError:
            summary["malformed"].append(line)
            continue
        if isinstance(message, JSONRPCRequest | JSONRPCNotification):
            summary["requests" if isinstance(message, JSONRPCRequest) else "notifications"].append(message.method)
        elif isinstance(message, JSONRPCResponse):
            summary["responses"].append(message.id)
        else:
            summary["errors"].append(message.error.code)
    return summary
