from __future__ import annotations

from datetime import timedelta

from opsdeck.config import DeckSettings
from opsdeck.inventory import LabelSet, PodList, decode_cursor, demo_inventory, encode_cursor, paginate


def test_pod_list_root_model() -> None:
    inventory = demo_inventory()
    pods = inventory.pods_for("payments")
    assert isinstance(pods, PodList)
    assert len(pods.root) == 5
    assert [p.name for p in pods.by_phase("CrashLoopBackOff")] == ["fraud-scorer-7d9f1"]
    raw = pods.model_dump_json()
    again = PodList.model_validate_json(raw)
    assert again.names() == pods.names()
    labels = inventory.deployment("payments", "ledger-api").labels
    assert labels.root == {"app": "ledger-api", "tier": "backend"}
    assert labels.matches({"tier": "backend"}) and not LabelSet({"tier": "edge"}).matches({"tier": "backend"})


def test_sidecar_pages_and_k8s_shapes() -> None:
    inventory = demo_inventory("prod-us2")
    first = inventory.page_pods("payments", None, 4)
    assert len(first["items"]) == 4 and first["nextCursor"] == encode_cursor(4)
    second = inventory.page_pods("payments", first["nextCursor"], 4)
    assert [p["name"] for p in second["items"]] == ["fraud-scorer-7d9f1"] and second["nextCursor"] is None
    assert decode_cursor(None) == 0
    assert paginate([1, 2, 3], encode_cursor(2), 5) == ([3], None)
    try:
        decode_cursor("bm9wZQ==")
    except ValueError as exc:
        assert "malformed cursor" in str(exc)
    else:
        raise AssertionError("expected ValueError")

    manifest = inventory.deployment("platform", "ingress-gateway").to_k8s()
    assert manifest["status"] == {"replicas": 2, "readyReplicas": 2, "observedGeneration": 1}
    inventory.scale("platform", "ingress-gateway", 1)
    assert inventory.deployment("platform", "ingress-gateway").to_k8s()["status"]["observedGeneration"] == 2
    alert = inventory.silence("ALRT-1043", 10)
    assert alert.silenced_until == inventory.clock + timedelta(minutes=10)
    summary = inventory.summary()
    assert summary["cluster"] == "prod-us2" and summary["activeAlerts"] == 1 and summary["isDegraded"]


def test_settings_dict_uses_dashboard_keys() -> None:
    settings = DeckSettings.from_env({"OPSDECK_PORT": "8001", "OPSDECK_HTTP_PATH": "/rpc"})
    shown = settings.as_dict()
    assert shown["port"] == 8001 and shown["host"] == "127.0.0.1"
    assert shown["streamableHttpPath"] == "/rpc" and shown["jsonResponse"] is False
    assert shown["logLevel"] == "info" and shown["allowedHosts"] == []
    try:
        DeckSettings.from_env({"OPSDECK_TRANSPORT": "websocket"})
    except ValueError as exc:
        assert "websocket" in str(exc)
    else:
        raise AssertionError("expected ValueError")
