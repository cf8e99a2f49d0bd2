from datetime import timedelta

import pytest

from gateway_proxy import load_config


def test_load_config(tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCH_TOKEN", "s3cret")
    path = tmp_path / "gateway.toml"
    path.write_text(
        """
[gateway]
name = "gw"

[[upstream]]
name = "fs"
command = "uvx"
args = ["mcp-server-filesystem", "/data"]

[[upstream]]
name = "search"
url = "http://localhost:9000/mcp"
headers = { Authorization = "Bearer $SEARCH_TOKEN" }
timeout_seconds = 5
"""
    )
    config = load_config(path)
    assert config.name == "gw"
    fs, search = config.upstreams
    assert fs.transport == "stdio"
    assert search.transport == "streamable-http"
    assert search.headers["Authorization"] == "Bearer s3cret"
    assert search.timeout == timedelta(seconds=5)


def test_duplicate_names(tmp_path):
    path = tmp_path / "gateway.toml"
    path.write_text('[[upstream]]\nname = "a"\ncommand = "x"\n[[upstream]]\nname = "a"\ncommand = "y"\n')
    with pytest.raises(ValueError):
        load_config(path)
