"""The benchmark of issue 7: a synthetic dataset at scale and the page timings.

Never part of the production site: the app is only installed by its own
settings module (`bench.settings`), which also adds the floor URL.
"""
