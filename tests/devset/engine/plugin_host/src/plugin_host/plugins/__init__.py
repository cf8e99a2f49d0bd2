"""Plugins bundled with the host. Third-party plugins use the entry-point group."""
