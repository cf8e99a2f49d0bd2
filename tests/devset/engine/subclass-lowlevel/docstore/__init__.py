"""docstore: a document store served over MCP."""

from docstore.settings import ServerSettings
from docstore.storage import Document, DocumentStore

__version__ = "0.6.2"

__all__ = ["Document", "DocumentStore", "ServerSettings", "__version__"]
