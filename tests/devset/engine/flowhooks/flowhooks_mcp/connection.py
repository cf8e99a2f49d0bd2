"""Connection records for MCP servers.

A connection is stored as a URI, e.g.::

    mcp+stdio:///usr/bin/python?arg=-m&arg=search_server&env.INDEX=/data
    mcp+http://search.internal:8000/mcp?timeout=30&header.Authorization=Bearer%20abc
    mcp+sse://legacy.internal:9000/sse
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

Transport = Literal["stdio", "sse", "http"]

_ENV_PREFIX = "FLOWHOOKS_CONN_"


class ConnectionNotFound(KeyError):
    pass


@dataclass
class McpConnection:
    conn_id: str
    transport: Transport
    url: str | None = None
    command: str | None = None
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    read_timeout: float = 300.0

    @classmethod
    def from_uri(cls, conn_id: str, uri: str) -> McpConnection:
        parts = urlsplit(uri)
        scheme = parts.scheme.lower()
        if not scheme.startswith("mcp+"):
            raise ValueError(f"{conn_id}: unsupported scheme {parts.scheme!r}")
        kind = scheme.removeprefix("mcp+")
        query = parse_qs(parts.query, keep_blank_values=True)
        timeout = float(query.get("timeout", ["30"])[0])
        read_timeout = float(query.get("read_timeout", ["300"])[0])
        headers = {k.removeprefix("header."): unquote(v[-1]) for k, v in query.items() if k.startswith("header.")}
        if kind == "stdio":
            env = {k.removeprefix("env."): v[-1] for k, v in query.items() if k.startswith("env.")}
            return cls(
                conn_id=conn_id,
                transport="stdio",
                command=unquote(parts.path),
                args=query.get("arg", []),
                env=env,
                timeout=timeout,
                read_timeout=read_timeout,
            )
        if kind in ("http", "https", "sse"):
            http_scheme = "https" if kind == "https" or query.get("tls", ["0"])[0] == "1" else "http"
            url = f"{http_scheme}://{parts.netloc}{parts.path or '/'}"
            return cls(
                conn_id=conn_id,
                transport="sse" if kind == "sse" else "http",
                url=url,
                headers=headers,
                timeout=timeout,
                read_timeout=read_timeout,
            )
        raise ValueError(f"{conn_id}: unknown MCP transport {kind!r}")

    @classmethod
    def from_env(cls, conn_id: str, environ: dict[str, str] | None = None) -> McpConnection:
        environ = dict(os.environ) if environ is None else environ
        key = _ENV_PREFIX + conn_id.upper()
        if key in environ:
            return cls.from_uri(conn_id, environ[key])
        command = environ.get(key + "_COMMAND")
        if command:
            argv = shlex.split(command)
            return cls(conn_id=conn_id, transport="stdio", command=argv[0], args=argv[1:])
        raise ConnectionNotFound(conn_id)

    def describe(self) -> str:
        if self.transport == "stdio":
            return f"{self.conn_id}: stdio {self.command} {' '.join(self.args)}".rstrip()
        return f"{self.conn_id}: {self.transport} {self.url}"
