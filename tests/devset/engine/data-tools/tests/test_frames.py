from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import support  # noqa: E402,F401  (puts the project root on sys.path)

from datatools.charts import bar_chart, png_size  # noqa: E402
from datatools.config import ServerConfig  # noqa: E402
from datatools.frames import AllOf, Condition, Frame, FrameError, paginate, parse_query  # noqa: E402

CSV = "name,score,passed,team\nann,91.5,true,red\nbob,72,false,blue\ncy,,true,red\ndee,88,true,\n"


def test_csv_roundtrip_and_describe() -> None:
    frame = Frame.from_csv(CSV)
    assert frame.num_rows == 4
    assert frame.dtypes() == {"name": "str", "score": "float", "passed": "bool", "team": "str"}
    stats = frame.describe()
    assert stats["score"]["nulls"] == 1 and stats["score"]["max"] == 91.5
    assert stats["team"]["top"] == "red"
    assert Frame.from_csv(frame.to_csv()).to_records() == frame.to_records()
    try:
        Frame.from_csv("a,b\n1,2,3\n")
    except FrameError as exc:
        assert "line 2" in str(exc)
    else:
        raise AssertionError("ragged CSV should fail")


def test_query_root_pagination_and_chart() -> None:
    frame = Frame.from_csv(CSV)
    single = parse_query("score >= 80")
    assert isinstance(single.root, Condition) and single.root.value == 80
    both = parse_query("score >= 80 & team == red")
    assert isinstance(both.root, AllOf)
    assert both.apply(frame).to_records() == [{"name": "ann", "score": 91.5, "passed": True, "team": "red"}]

    assert paginate(list(range(7)), None, 3) == {"items": [0, 1, 2], "nextCursor": "3"}
    assert paginate(list(range(7)), "6", 3)["nextCursor"] is None
    counts, edges = frame.histogram("score", bins=4)
    assert sum(counts) == 3 and len(edges) == 5
    assert png_size(bar_chart(counts, width=40, height=20)) == (40, 20)


def test_config_from_env() -> None:
    config = ServerConfig.from_env(
        {
            "DATATOOLS_HOST": "0.0.0.0",
            "DATATOOLS_PORT": "9100",
            "DATATOOLS_TRANSPORT": "http",
            "DATATOOLS_STATELESS": "yes",
            "DATATOOLS_ALLOWED_HOSTS": "data.example.org, localhost:9100",
            "DATATOOLS_LOG_LEVEL": "debug",
        }
    )
    assert config.transport == "streamable-http" and config.port == 9100 and not config.is_local
    assert config.stateless_http and not config.json_response and config.log_level == "DEBUG"
    assert config.allowed_hosts == ("data.example.org", "localhost:9100")
    assert config.client_config()["mcpServers"]["data-tools"]["url"] == "http://0.0.0.0:9100/mcp"
    assert ServerConfig().client_config()["mcpServers"]["data-tools"]["command"] == "python"
