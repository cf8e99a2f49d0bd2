from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class AppConfig:
    name: str = "notesvc"
    instructions: str = "Use the notes tools to record and find team notes. Prefer search before add."
    db_path: str = ":memory:"
    host: str = "127.0.0.1"
    port: int = 8700
    json_response: bool = False
    stateless: bool = False
    max_note_chars: int = 4000
    debug: bool = False

    @classmethod
    def from_env(cls) -> AppConfig:
        return cls(
            db_path=os.environ.get("NOTESVC_DB", ":memory:"),
            host=os.environ.get("NOTESVC_HOST", "127.0.0.1"),
            port=int(os.environ.get("NOTESVC_PORT", "8700")),
            stateless=os.environ.get("NOTESVC_STATELESS") == "1",
            debug=os.environ.get("NOTESVC_DEBUG") == "1",
        )
