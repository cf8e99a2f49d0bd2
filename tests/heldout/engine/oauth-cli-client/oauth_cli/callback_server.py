"""A one-shot local HTTP server that captures the OAuth redirect.

Standard library only; runs in a background thread.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

SUCCESS_PAGE = b"<html><body><h1>Authorization complete</h1>You can close this window.</body></html>"


class _CallbackState:
    def __init__(self) -> None:
        self.code: str | None = None
        self.state: str | None = None
        self.error: str | None = None


def _make_handler(state: _CallbackState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            query = parse_qs(urlparse(self.path).query)
            if "code" in query:
                state.code = query["code"][0]
                state.state = query.get("state", [None])[0]
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(SUCCESS_PAGE)
            else:
                state.error = query.get("error", ["unknown_error"])[0]
                self.send_response(400)
                self.end_headers()
                self.wfile.write(f"Authorization failed: {state.error}".encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class CallbackServer:
    def __init__(self, port: int = 3030) -> None:
        self.port = port
        self._state = _CallbackState()
        self._server: HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def redirect_uri(self) -> str:
        return f"http://localhost:{self.port}/callback"

    def start(self) -> None:
        self._server = HTTPServer(("localhost", self.port), _make_handler(self._state))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def wait_for_code(self, timeout: float = 300.0) -> tuple[str, str | None]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._state.code is not None:
                return self._state.code, self._state.state
            if self._state.error is not None:
                raise RuntimeError(f"OAuth error: {self._state.error}")
            time.sleep(0.1)
        raise TimeoutError("timed out waiting for OAuth callback")
