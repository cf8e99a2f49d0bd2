from .mcp_app import PipelineMCPServer
from .store import RunStore

__all__ = ["PipelineMCPServer", "RunStore"]
