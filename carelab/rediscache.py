"""Django's Redis cache backend, with one redis.Redis client per connection pool.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call, and
redis-py (5 and later) fills a table of about 170 response callbacks in each:
that cost more than the round trip to Redis itself (about 0.1 ms a call, and
a logged-in page makes four). A `redis.Redis` holds no connection of its own
(its pool does) and is safe to share between threads, so one per pool serves
every call. Everything else is Django's backend unchanged.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class EenClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class GedeeldeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = EenClientPerPool
