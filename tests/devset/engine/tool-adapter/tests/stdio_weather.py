"""Runs the weather fixture server over stdio (spawned by test_transports)."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from servers import build_weather_server

if __name__ == "__main__":
    build_weather_server().run()
