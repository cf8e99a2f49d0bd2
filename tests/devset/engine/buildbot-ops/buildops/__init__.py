"""buildops: build-operations assistant for the internal CI fleet.

Exposes pipelines, builds, logs and artifacts of the CI system to MCP
clients (IDE agents, the ops chat bot, on-call tooling).
"""

__version__ = "0.9.3"

__all__ = ["__version__"]
