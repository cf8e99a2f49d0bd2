from __future__ import annotations

from kvstore.store import KVStore


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_versions_ttl_scan_and_incr() -> None:
    clock = FakeClock()
    store = KVStore(clock)
    assert store.set("sessions", "s1", "token-a", ttl=30).version == 1
    assert store.set("sessions", "s1", "token-b", ttl=30).version == 2
    store.set("sessions", "s2", "token-c")
    assert [k for k, _ in store.scan("sessions")] == ["s1", "s2"]
    clock.now += 31
    assert store.get("sessions", "s1") is None
    assert [k for k, _ in store.scan("sessions", "s")] == ["s2"]
    assert store.incr("counters", "hits") == 1
    assert store.incr("counters", "hits", by=41) == 42
    try:
        store.incr("sessions", "s2")
    except ValueError as exc:
        assert "does not hold an integer" in str(exc)
    else:
        raise AssertionError("non-integer incremented")
    seeded = KVStore.seeded()
    assert seeded.namespaces() == ["blobs", "config", "users"]
    favicon = seeded.get("blobs", "favicon")
    assert favicon is not None and favicon.is_binary
    assert seeded.drop("users") == 3 and not seeded.has_namespace("users")


def test_main_parses_flags_and_starts_the_stdio_server() -> None:
    from unittest import mock

    from kvstore.__main__ import main

    with mock.patch("kvstore.__main__.anyio.run") as run:
        assert main(["--stateless", "--verbose"]) == 0
    (entry,) = run.call_args.args
    assert callable(entry)
