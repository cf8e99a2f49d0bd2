"""probe-inspector: inspect MCP servers from the terminal."""

__version__ = "0.6.2"

from probe_inspector.callbacks import ClientCallbacks, ProgressRecorder  # noqa: E402
from probe_inspector.inspector import Catalog, Inspector, InspectorError, ServerSummary  # noqa: E402

__all__ = [
    "Catalog",
    "ClientCallbacks",
    "Inspector",
    "InspectorError",
    "ProgressRecorder",
    "ServerSummary",
    "__version__",
]
