"""Django-style settings module for the MCP task runner (override via env)."""

from __future__ import annotations

import os
import time
from collections.abc import Generator
from datetime import timedelta

import httpx

from mcp.types import INTERNAL_ERROR

MCP_WORKER_URL = os.environ.get("MCP_WORKER_URL", "http://localhost:9000/mcp")
MCP_CONNECT_TIMEOUT = timedelta(seconds=float(os.environ.get("MCP_CONNECT_TIMEOUT", "10")))
MCP_SSE_READ_TIMEOUT = timedelta(minutes=5)
MCP_REQUEST_TIMEOUT = timedelta(seconds=30)
MCP_TOOL_TIMEOUTS: dict[str, timedelta] = {
    "render_report": timedelta(minutes=5),
    "lookup_contact": timedelta(seconds=15),
}
MCP_HEADERS = {"X-Tenant": os.environ.get("TENANT", "default"), "X-Client": "task-runner"}

MCP_RETRY_ATTEMPTS = 3
MCP_RETRY_BACKOFF_SECONDS = 0.5
# 408 = request timeout (raised client-side), 32600 = streamable HTTP session expired.
MCP_RETRYABLE_CODES = {int(httpx.codes.REQUEST_TIMEOUT), 32600, INTERNAL_ERROR}
MCP_CACHE_TTL_SECONDS = 300

WORKER_HOST = os.environ.get("WORKER_HOST", "0.0.0.0")
WORKER_PORT = int(os.environ.get("WORKER_PORT", "9000"))
WORKER_DB_PATH = os.environ.get("WORKER_DB_PATH", ":memory:")


class BearerTokenAuth(httpx.Auth):
    """Adds a bearer token; re-reads it from the token file once on a 401."""

    requires_response_body = False

    def __init__(self, token_file: str | None = None) -> None:
        self.token_file = token_file or os.environ.get("MCP_TOKEN_FILE", "/run/secrets/mcp-token")
        self._token: str | None = None
        self._loaded_at = 0.0

    def _read_token(self) -> str:
        if self._token is None or time.monotonic() - self._loaded_at > 600:
            try:
                with open(self.token_file) as fh:
                    self._token = fh.read().strip()
            except FileNotFoundError:
                self._token = os.environ.get("MCP_TOKEN", "")
            self._loaded_at = time.monotonic()
        return self._token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._read_token()}"
        response = yield request
        if response.status_code == 401:
            self._token = None
            request.headers["Authorization"] = f"Bearer {self._read_token()}"
            yield request
