"""toolforge: build FastMCP servers from plugins and test them from the inside."""

from toolforge.forge import ServerForge, apply_serve_options, asgi_app
from toolforge.harness import ForgeHarness, ToolOutcome, connect, mock_session
from toolforge.introspect import ToolReport, catalog, describe_tool
from toolforge.manifest import ManifestError, PluginManifest, ServeOptions
from toolforge.middleware import apply, audited, guarded, progress, with_context
from toolforge.plugins import InstallReport, Plugin, default_icon, plugin_from_manifest
from toolforge.state import AuditRecord, ForgeState, make_lifespan

__version__ = "0.6.2"
