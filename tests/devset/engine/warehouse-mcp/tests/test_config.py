from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

from warehouse.config import SchemaAllowList, WarehouseConfig  # noqa: E402
from warehouse.pool import is_read_only, page  # noqa: E402


def test_config_reads_camel_case_deployment_files() -> None:
    document = {
        "warehouse": {
            "name": "wh-prod",
            "transport": "streamable-http",
            "host": "0.0.0.0",
            "port": 8443,
            "streamableHttpPath": "/api/mcp",
            "jsonResponse": True,
            "logLevel": "warning",
            "allowedHosts": ["wh.example.com"],
            "schemas": ["Sales", "sales", " finance "],
            "unknownKey": 1,
        }
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wh.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        config = WarehouseConfig.from_file(path)
    env = WarehouseConfig.from_env({"WAREHOUSE_PORT": "9001", "WAREHOUSE_STATELESS_HTTP": "yes", "WAREHOUSE_HOST": "::1"})

    assert config.streamable_http_path == "/api/mcp" and config.json_response and not config.stateless_http
    assert config.log_level == "WARNING" and config.allowed_hosts == ("wh.example.com",)
    assert config.schemas.root == ["finance", "sales"]
    assert config.schemas.permits("SALES") and not config.schemas.permits("hr")
    assert config.to_public_dict()["streamableHttpPath"] == "/api/mcp" and "dsn" not in config.to_public_dict()
    assert env.port == 9001 and env.stateless_http is True and env.bind_address == "[::1]:9001"
    assert SchemaAllowList([]).permits("anything")


def test_catalog_paging_and_sql_guard() -> None:
    items = [f"t{i}" for i in range(7)]
    first = page(items, None, 3)
    last = page(items, page(items, first["nextCursor"], 3)["nextCursor"], 3)

    assert first == {"items": ["t0", "t1", "t2"], "nextCursor": "3"}
    assert last == {"items": ["t6"], "nextCursor": None}
    assert page(items, "abc", 3)["isError"] is True
    assert is_read_only("  select 1") and is_read_only("WITH x AS (SELECT 1) SELECT * FROM x;")
    assert not is_read_only("DROP TABLE orders") and not is_read_only("SELECT 1; DELETE FROM orders")
