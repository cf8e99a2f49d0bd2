"""Pure unit tests: no MCP session involved."""

import os
from unittest import mock

from toolguard.cache import ResultCache
from toolguard.identity import Caller
from toolguard.ratelimit import TokenBucket
from toolguard.settings import get_settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills() -> None:
    clock = FakeClock()
    bucket = TokenBucket(per_minute=2, clock=clock)
    assert bucket.try_acquire("a", "t")[0]
    assert bucket.try_acquire("a", "t")[0]
    allowed, retry = bucket.try_acquire("a", "t")
    assert not allowed and 29.0 < retry <= 30.0
    assert bucket.try_acquire("b", "t")[0], "buckets are per caller"
    clock.now += 30
    assert bucket.try_acquire("a", "t")[0]


def test_result_cache_expiry_and_eviction() -> None:
    clock = FakeClock()
    cache = ResultCache(max_entries=2, clock=clock)
    k1 = ResultCache.key_for("t", "a", {"x": 1})
    cache.put(k1, "one", ttl=10)
    assert cache.get(k1) == (True, "one")
    clock.now += 11
    assert cache.get(k1) == (False, None)
    for i in range(3):
        cache.put(ResultCache.key_for("t", "a", {"x": i}), i, ttl=10)
    assert cache.stats.evictions == 1
    assert cache.stats.hits == 1 and cache.stats.misses == 1


def test_caller_wildcard_scopes() -> None:
    caller = Caller("ops", frozenset({"billing:*"}))
    assert caller.has("billing:write")
    assert not caller.has("crm:read")
    assert Caller("root", frozenset({"*"})).has("anything:at_all")


def test_settings_from_environment() -> None:
    get_settings.cache_clear()
    env = {"TOOLGUARD_DEFAULT_PER_MINUTE": "5", "TOOLGUARD_ADMIN_CLIENTS": '["ops-bot"]'}
    with mock.patch.dict(os.environ, env):
        settings = get_settings()
        assert settings.default_per_minute == 5
        assert settings.admin_clients == ["ops-bot"]
    get_settings.cache_clear()
