"""Settings, export format and the ASGI wrapper."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from formflow.exports import SubmissionBatch, SubmissionRecord, export_document, load_batch, page
from formflow.settings import ServerSettings


def test_settings_from_env() -> None:
    cfg = ServerSettings.from_env(
        {
            "FORMFLOW_HOST": "0.0.0.0",
            "FORMFLOW_PORT": "9100",
            "FORMFLOW_TRANSPORT": "sse",
            "FORMFLOW_MOUNT_PATH": "/forms/",
            "FORMFLOW_JSON_RESPONSE": "yes",
            "FORMFLOW_LOG_LEVEL": "debug",
            "FORMFLOW_ALLOWED_ORIGINS": "https://a.example, https://b.example",
        }
    )
    assert (cfg.host, cfg.port, cfg.transport) == ("0.0.0.0", 9100, "sse")
    assert cfg.json_response is True and cfg.stateless_http is False
    assert cfg.log_level == "DEBUG"
    assert cfg.public_host
    assert cfg.allowed_origins == ("https://a.example", "https://b.example")
    assert cfg.base_url() == "http://0.0.0.0:9100/forms/sse"
    assert ServerSettings(port=1234).base_url() == "http://127.0.0.1:1234/mcp"
    for bad in ({"FORMFLOW_TRANSPORT": "websocket"}, {"FORMFLOW_LOG_LEVEL": "loud"}):
        try:
            ServerSettings.from_env(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"accepted {bad}")


def test_export_pages_and_batches() -> None:
    records = [
        SubmissionRecord(submissionId=f"sub-{i:04d}", formId="signup" if i % 2 else "feedback", answers={"x": {"n": i}})
        for i in range(1, 8)
    ]
    batch = SubmissionBatch(records)
    first = page(batch, page_size=3)
    assert [item["submissionId"] for item in first["items"]] == ["sub-0001", "sub-0002", "sub-0003"]
    assert first["nextCursor"] is not None and first["total"] == 7
    last = page(batch, cursor=page(batch, first["nextCursor"], 3)["nextCursor"], page_size=3)
    assert [item["submissionId"] for item in last["items"]] == ["sub-0007"]
    assert last["nextCursor"] is None
    assert len(batch.by_form("signup")) == 4
    assert batch.root[0].flat_answers() == {"x.n": 1}

    doc = export_document(records)
    assert doc["mimeType"] == "application/json" and doc["isError"] is False
    assert doc["structuredContent"] == {"count": 7, "forms": ["feedback", "signup"]}
    restored = load_batch(doc["text"])
    assert restored.ids() == batch.ids()
    assert load_batch(json.dumps(first)).root[2].submission_id == "sub-0003"
    try:
        page(batch, cursor="not-a-cursor")
    except ValueError as exc:
        assert "malformed cursor" in str(exc)
    else:
        raise AssertionError("bad cursor accepted")


def test_asgi_app_serves_health_routes() -> None:
    from formflow.asgi import build_app

    app = build_app()
    with TestClient(app) as http:
        version = http.get("/version")
        health = http.get("/forms/healthz")

    assert version.status_code == 200 and version.text.startswith("formflow ")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "server": "formflow", "transport": "stdio", "path": "/mcp"}
