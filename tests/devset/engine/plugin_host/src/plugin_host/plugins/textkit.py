"""Text utilities: counting, slugs, a summarising prompt."""

import json
import re
from pathlib import Path

from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData

from plugin_host.registry import PluginRegistry

_WORD = re.compile(r"[A-Za-z0-9']+")
_STOPWORDS_FILE = Path(__file__).with_name("stopwords.json")


def _stopwords() -> set[str]:
    return set(json.loads(_STOPWORDS_FILE.read_text(encoding="utf-8")))


def register(registry: PluginRegistry) -> None:
    kit = registry.plugin("textkit", version="1.3.0")

    @kit.tool(read_only=True, title="Word statistics")
    def word_count(text: str, skip_stopwords: bool = False) -> dict[str, int]:
        """Count words, unique words and characters in a text."""
        words = [w.lower() for w in _WORD.findall(text)]
        if skip_stopwords:
            stop = _stopwords()
            words = [w for w in words if w not in stop]
        return {"words": len(words), "unique": len(set(words)), "chars": len(text)}

    @kit.tool(read_only=True)
    def slugify(title: str, max_length: int = 48) -> str:
        """Turn a title into a URL-safe slug."""
        slug = "-".join(w.lower() for w in _WORD.findall(title))
        if not slug:
            raise McpError(ErrorData(code=INVALID_PARAMS, message="title has no usable characters"))
        return slug[:max_length].rstrip("-")

    kit.file("textkit://stopwords", _STOPWORDS_FILE, mime_type="application/json")
    kit.text(
        "textkit://about",
        "textkit: word counts, slugs and a summarising prompt.",
        name="about-textkit",
    )

    @kit.prompt(name="summarize", description="Ask the model for a short summary")
    def summarize(text: str, sentences: str = "3") -> list[Message]:
        return [
            UserMessage(f"Summarise the following in {sentences} sentences:\n\n{text}"),
            AssistantMessage("Understood. Here is the summary:"),
        ]
