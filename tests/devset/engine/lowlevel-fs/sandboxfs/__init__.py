"""sandboxfs: an MCP server that exposes a sandboxed set of directories."""

__version__ = "0.6.2"

from .config import SandboxSettings  # noqa: E402
from .server import SandboxServer, SandboxState, build_server, initialization_options  # noqa: E402

__all__ = ["SandboxServer", "SandboxSettings", "SandboxState", "build_server", "initialization_options", "__version__"]
