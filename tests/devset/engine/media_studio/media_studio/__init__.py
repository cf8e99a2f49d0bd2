"""Media studio MCP server: thumbnails, waveforms and asset bundles."""
