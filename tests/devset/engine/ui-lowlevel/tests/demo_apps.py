"""Apps and server fixtures shared by the test modules."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import uvicorn
from starlette.applications import Starlette

from appdeck import JSON, App, Dropdown, Image, ImageData, Number, Progress, RequestInfo, Slider, Textbox
from appdeck.components import solid_png
from appdeck.config import ServerSettings

COLORS = {"red": (220, 40, 40), "green": (40, 180, 60), "blue": (40, 80, 220), "black": (0, 0, 0)}

STATS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "words": {"type": "integer"},
        "chars": {"type": "integer"},
        "longest": {"type": "string"},
    },
    "required": ["words", "chars"],
}


def build_demo_app(settings: ServerSettings | None = None) -> App:
    app = App("Text Toolkit", description="Small utilities for text", version="1.4.0", settings=settings)

    @app.fn(
        inputs=[Textbox("text"), Number("times", minimum=1, maximum=5, precision=0, value=2)],
        outputs=[Textbox("result")],
        title="Repeat text",
        read_only=True,
    )
    def repeat(text: str, times: int) -> str:
        """Repeat a piece of text a number of times."""
        return " ".join([text] * times)

    @app.fn(inputs=[Textbox("text")], outputs=[JSON("stats", schema=STATS_SCHEMA)], read_only=True)
    def word_stats(text: str) -> dict[str, Any]:
        """Count words and characters."""
        words = text.split()
        return {"words": len(words), "chars": len(text), "longest": max(words, key=len) if words else ""}

    @app.fn(inputs=[Textbox("text")], outputs=[JSON("broken", schema=STATS_SCHEMA)])
    def broken_stats(text: str) -> dict[str, Any]:
        """Returns output that does not match its declared schema."""
        return {"words": "many"}

    @app.fn(inputs=[Textbox("text")], outputs=[Textbox("shouted")])
    def shout(text: str) -> str:
        """Upper-case the text."""
        if not text.strip():
            raise ValueError("nothing to shout")
        return text.upper() + "!"

    @app.fn(inputs=[Slider("steps", 1, 5)], outputs=[Textbox("log")])
    async def slow_count(steps: int, progress: Progress) -> str:
        """Count slowly, reporting progress."""
        for i in range(steps):
            await anyio.sleep(0.01)
            await progress((i + 1) / steps, desc=f"step {i + 1}")
        return f"counted to {steps}"

    @app.fn(
        inputs=[Number("size", precision=0, minimum=1, maximum=16), Dropdown("color", choices=list(COLORS))],
        outputs=[Image("swatch"), Textbox("caption")],
        read_only=True,
    )
    def swatch(size: int, color: str) -> tuple[ImageData, str]:
        """Render a solid colour swatch."""
        return ImageData(solid_png(size, size, COLORS[color]), alt=color), f"{size}px {color}"

    @app.fn(inputs=[], outputs=[Textbox("user")], read_only=True)
    def whoami(request: RequestInfo) -> str:
        """Echo the caller's identity headers."""
        return f"{request.username or 'anonymous'} via {request.client}"

    @app.fn(inputs=[Number("seconds")], outputs=[Textbox("done")])
    async def nap(seconds: float) -> str:
        """Sleep for a while."""
        await anyio.sleep(seconds)
        return "rested"

    @app.fn(inputs=[Textbox("note")], outputs=[Textbox("saved")], destructive=True)
    async def save_note(note: str) -> str:
        """Append to notes.txt."""
        current = app.assets["notes.txt"].content
        assert isinstance(current, str)
        await app.write_asset("notes.txt", current + note + "\n")
        return f"{len(note)} characters saved"

    @app.fn(inputs=[Textbox("name")], outputs=[Textbox("status")], mutates_api=True)
    def add_greeter(name: str) -> str:
        """Create a new greet_<name> endpoint."""

        def greet(punctuation: str) -> str:
            return f"Hello from {name}{punctuation}"

        app.fn(inputs=[Textbox("punctuation", value="!")], outputs=[Textbox("greeting")], name=f"greet_{name}")(greet)
        return f"greet_{name} added"

    @app.fn(inputs=[], outputs=[JSON("history")], visibility="private")
    def audit_log() -> dict[str, Any]:
        """Internal: recent calls."""
        return {"calls": app.history[-20:]}

    app.add_asset("readme.md", "# Text Toolkit\n\nTiny text helpers.\n", "text/markdown", "About this app")
    app.add_asset("logo.png", solid_png(4, 4, COLORS["blue"]), "image/png", "App logo")
    app.add_asset("notes.txt", "", "text/plain", "Shared scratch notes")
    for i in range(4):
        app.add_asset(f"sample-{i}.txt", f"sample text number {i}", "text/plain")

    app.add_prompt(
        "summarize",
        "Summarize the following text in a {style} style:\n\n{text}",
        description="Ask the model for a summary",
        choices={"style": ["bullet points", "brief", "formal", "friendly", "pirate"]},
    )
    return app


@asynccontextmanager
async def running_server(asgi: Starlette) -> AsyncIterator[str]:
    """Serve ``asgi`` with uvicorn on an ephemeral loopback port; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(asgi, log_level="warning", lifespan="on", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve, [sock])
        with anyio.fail_after(10):
            while not server.started:
                await anyio.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
    sock.close()
