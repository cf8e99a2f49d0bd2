"""docsearch: documentation search exposed over MCP for the Acme docs site."""

__version__ = "2.1.0"
