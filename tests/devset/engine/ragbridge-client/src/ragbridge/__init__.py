"""ragbridge: use MCP servers as retrieval backends for RAG pipelines."""

from ragbridge.documents import Document
from ragbridge.retriever import McpRetriever, RetrieverConfig
from ragbridge.session import TracingClientSession

__all__ = ["Document", "McpRetriever", "RetrieverConfig", "TracingClientSession"]
