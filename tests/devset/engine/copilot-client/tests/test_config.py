from __future__ import annotations

from datetime import timedelta

from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from mcp.client.stdio import StdioServerParameters

from copilot.config import ConfigError, load_config

CONFIG = """
{
  "defaults": {"timeoutSeconds": 20, "readTimeoutSeconds": 90},
  "servers": {
    "git": {"command": "uvx", "args": ["mcp-server-git", "--repository", "."], "env": {"GIT_PAGER": "cat"}},
    "issues": {"url": "https://issues.acme.test/mcp", "headers": {"X-Org": "acme"}, "sseReadTimeoutSeconds": 600},
    "legacy": {"url": "http://localhost:9000/sse", "transport": "sse", "enabled": false, "timeoutSeconds": 5}
  }
}
"""


def test_load_config_builds_sdk_parameters() -> None:
    config = load_config(CONFIG)
    assert [e.name for e in config.enabled()] == ["git", "issues"]

    git = config.servers["git"]
    assert isinstance(git.params, StdioServerParameters)
    assert git.params.args == ["mcp-server-git", "--repository", "."]
    assert git.transport == "stdio" and git.read_timeout == timedelta(seconds=90)

    issues = config.servers["issues"].params
    assert isinstance(issues, StreamableHttpParameters)
    assert issues.timeout == timedelta(seconds=20)
    assert issues.sse_read_timeout == timedelta(minutes=10)
    assert issues.headers == {"X-Org": "acme"}

    legacy = config.servers["legacy"]
    assert isinstance(legacy.params, SseServerParameters)
    assert legacy.params.timeout == 5.0 and not legacy.enabled

    for bad in ('{"servers": {"x": {}}}', '{"servers": {"x": {"command": "a", "timeoutSeconds": -1}}}'):
        try:
            load_config(bad)
        except ConfigError:
            pass
        else:
            raise AssertionError(bad)
