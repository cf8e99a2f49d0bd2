"""Runtime configuration, read from the environment once at import time."""

from __future__ import annotations

import os

HOST = os.environ.get("ISSUEDESK_HOST", "127.0.0.1")
PORT = int(os.environ.get("ISSUEDESK_PORT", "8765"))
JSON_RESPONSE = os.environ.get("ISSUEDESK_JSON_RESPONSE", "0") == "1"
STATELESS = os.environ.get("ISSUEDESK_STATELESS", "0") == "1"
DEFAULT_PROJECT = os.environ.get("ISSUEDESK_PROJECT", "CORE")
ALLOWED_HOSTS = [h for h in os.environ.get("ISSUEDESK_ALLOWED_HOSTS", "").split(",") if h]
PAGE_SIZE = 5
