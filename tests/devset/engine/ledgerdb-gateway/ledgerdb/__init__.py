"""ledgerdb-gateway: expose a double-entry ledger database over the Model Context Protocol."""

__version__ = "0.9.2"

SERVER_NAME = "ledgerdb-gateway"

__all__ = ["SERVER_NAME", "__version__"]
