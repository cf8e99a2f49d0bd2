"""HTTP client construction for MCP transports."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

import httpx

from mcp.client.streamable_http import MCP_SESSION_ID
from mcp.shared._httpx_utils import (
    MCP_DEFAULT_SSE_READ_TIMEOUT,
    MCP_DEFAULT_TIMEOUT,
    McpHttpClientFactory,
    create_mcp_http_client,
)

from . import __version__

logger = logging.getLogger(__name__)

DEFAULT_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=5, keepalive_expiry=30.0)


def default_timeout(connect: float = MCP_DEFAULT_TIMEOUT, read: float = MCP_DEFAULT_SSE_READ_TIMEOUT) -> httpx.Timeout:
    return httpx.Timeout(connect, read=read)


@dataclass
class TrafficStats:
    statuses: Counter[int] = field(default_factory=lambda: Counter[int]())
    session_ids: list[str] = field(default_factory=lambda: list[str]())

    @property
    def last_session_id(self) -> str | None:
        return self.session_ids[-1] if self.session_ids else None


class PooledClientFactory:
    """An ``httpx_client_factory`` sharing connection limits and a user agent.

    ``transport`` is injectable so that tests (and the offline ``--replay``
    mode of the CLI) can route everything through ``httpx.MockTransport``.
    """

    def __init__(
        self,
        *,
        user_agent: str = f"oauthgate/{__version__}",
        limits: httpx.Limits = DEFAULT_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
    ):
        self.user_agent = user_agent
        self.limits = limits
        self.transport = transport
        self.verify = verify
        self.stats = TrafficStats()
        self.created = 0

    def __call__(
        self,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        self.created += 1
        merged = {"User-Agent": self.user_agent}
        merged.update(headers or {})
        return httpx.AsyncClient(
            headers=merged,
            timeout=timeout or default_timeout(),
            auth=auth,
            limits=self.limits,
            transport=self.transport,
            verify=self.verify,
            follow_redirects=True,
            event_hooks={"response": [self._observe]},
        )

    async def _observe(self, response: httpx.Response) -> None:
        self.stats.statuses[response.status_code] += 1
        session_id = response.headers.get(MCP_SESSION_ID)
        if session_id and session_id != self.stats.last_session_id:
            self.stats.session_ids.append(session_id)


def resolve_factory(factory: PooledClientFactory | None) -> McpHttpClientFactory:
    if factory is None:
        return create_mcp_http_client
    return factory


def quiet_http_logging(level: int = logging.WARNING) -> None:
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(level)


def describe_http_failure(exc: BaseException) -> str | None:
    """Turn transport-level failures into one-line explanations for the CLI."""
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            found = describe_http_failure(inner)
            if found:
                return found
        return None
    if isinstance(exc, httpx.HTTPStatusError):
        return f"server answered HTTP {exc.response.status_code} for {exc.request.url}"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {exc}"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out talking to the server"
    return None
