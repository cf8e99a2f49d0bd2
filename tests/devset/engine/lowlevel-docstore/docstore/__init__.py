"""docstore: a document store exposed over the Model Context Protocol."""

__version__ = "0.7.2"

__all__ = ["__version__"]
