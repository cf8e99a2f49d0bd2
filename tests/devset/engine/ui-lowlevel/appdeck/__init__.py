"""appdeck: build small web apps out of Python functions.

MCP support is optional; install ``appdeck[mcp]`` and call ``app.launch(mcp_server=True)``.
"""

from appdeck.app import App, Endpoint, Progress, PromptTemplate, RequestInfo
from appdeck.components import JSON, Component, Dropdown, Image, ImageData, Layout, Number, Slider, Textbox
from appdeck.config import ServerSettings

__version__ = "0.9.2"

__all__ = [
    "App", "Component", "Dropdown", "Endpoint", "Image", "ImageData", "JSON", "Layout", "Number",
    "Progress", "PromptTemplate", "RequestInfo", "ServerSettings", "Slider", "Textbox", "__version__",
]
