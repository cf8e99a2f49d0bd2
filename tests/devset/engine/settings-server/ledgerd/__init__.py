"""ledgerd: a double-entry ledger served over the Model Context Protocol."""

__version__ = "0.9.2"
