"""mcpcli — a command line MCP client."""

from .connection import ServerCommand, build_parameters, open_session
from .llm import FakeLLM, make_sampling_callback
from .roots import RootsProvider

__all__ = ["FakeLLM", "RootsProvider", "ServerCommand", "build_parameters", "make_sampling_callback", "open_session"]
__version__ = "0.9.2"
