from __future__ import annotations

from hearthvault.devices import Device, DeviceHub
from hearthvault.main import build_http_app
from hearthvault.app import HearthServer


def test_hub_rules_are_enforced_without_mcp() -> None:
    hub = DeviceHub.demo()
    assert hub.rooms() == ["garage", "hall", "kitchen", "living"]
    hub.add(Device("attic-light", "attic", "light", {"on": False}))
    assert hub.set_light("attic-light", True, 250).state == {"on": True, "brightness": 100}
    try:
        hub.set_temperature("attic-light", 20)
    except ValueError as exc:
        assert "not a thermostat" in str(exc)
    else:
        raise AssertionError("expected ValueError")


def test_http_app_mounts_session_manager() -> None:
    app = build_http_app(HearthServer(), stateless=True, json_response=True)
    paths = [getattr(r, "path", None) for r in app.routes]
    assert "/mcp" in paths
