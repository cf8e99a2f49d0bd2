"""flowhooks provider for Model Context Protocol servers."""

from flowhooks_mcp.connection import McpConnection
from flowhooks_mcp.hooks import McpHook, McpHookError, McpHookTimeout
from flowhooks_mcp.operators import McpPromptOperator, McpToolOperator
from flowhooks_mcp.sensors import McpResourceSensor, McpToolAvailableSensor

__version__ = "0.7.2"

__all__ = [
    "McpConnection",
    "McpHook",
    "McpHookError",
    "McpHookTimeout",
    "McpPromptOperator",
    "McpToolOperator",
    "McpResourceSensor",
    "McpToolAvailableSensor",
    "get_provider_info",
]


def get_provider_info() -> dict[str, object]:
    return {
        "package-name": "flowhooks-provider-mcp",
        "name": "Model Context Protocol",
        "versions": [__version__],
        "connection-types": [
            {"connection-type": "mcp", "hook-class-name": "flowhooks_mcp.hooks.McpHook"},
        ],
        "operators": ["flowhooks_mcp.operators.McpToolOperator", "flowhooks_mcp.operators.McpPromptOperator"],
        "sensors": ["flowhooks_mcp.sensors.McpResourceSensor", "flowhooks_mcp.sensors.McpToolAvailableSensor"],
    }
