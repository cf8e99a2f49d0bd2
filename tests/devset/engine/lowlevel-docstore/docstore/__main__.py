"""``python -m docstore [stdio|http] [--host H] [--port P] [--seed]``; other settings come from DOCSTORE_*."""

import argparse
import logging
import sys

import anyio

from docstore.config import DocstoreSettings
from docstore.seed import seed_store
from docstore.server import build_server
from docstore.storage import DocumentStore
from docstore.transport import run_stdio, serve_http

parser = argparse.ArgumentParser(prog="docstore")
parser.add_argument("transport", nargs="?", choices=["stdio", "http"])
parser.add_argument("--host")
parser.add_argument("--port", type=int)
parser.add_argument("--seed", action="store_true", help="load the demo documents")
args = parser.parse_args()

settings = DocstoreSettings.from_env()
if args.transport:
    settings.transport = "streamable-http" if args.transport == "http" else "stdio"
settings.http.host = args.host or settings.http.host
settings.http.port = args.port or settings.http.port
settings.validate()

logging.basicConfig(level=logging.INFO, stream=sys.stderr)
store = DocumentStore(max_document_bytes=settings.max_document_bytes)
server = build_server(seed_store(store) if args.seed else store, settings)
if settings.transport == "stdio":
    anyio.run(run_stdio, server)
else:
    serve_http(server, settings)
