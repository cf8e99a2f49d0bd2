"""plugin-host: an MCP server assembled from plugins."""

from plugin_host.registry import PluginManifest, PluginRegistry

__all__ = ["PluginManifest", "PluginRegistry", "__version__"]
__version__ = "0.6.2"
