"""formflow - interactive forms and wizards served over MCP."""

__version__ = "0.6.2"
