"""What was worked out from a parsed object, kept for as long as that object is.

The live preview's next build reuses the objects parsed from files that did not change (tree.py
hands them on), so what was worked out from them last time holds: their schema problems, their
lines, their inline-Markdown values. Treat what comes back as read-only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")
KEEP = 50_000  # entries before the cache starts again: a few edits' worth at 1,000 lessons


def per_object(function: Callable[..., Result]) -> Callable[..., Result]:
    """`function(data, *hashable)` once per `data` object (by identity) and arguments."""
    cache: dict[tuple, tuple[Any, Result]] = {}

    @functools.wraps(function)
    def cached(data: Any, *args: Any) -> Result:
        key = (id(data), *args)
        hit = cache.get(key)
        if hit is not None and hit[0] is data:
            return hit[1]
        if len(cache) > KEEP:
            cache.clear()
        result = function(data, *args)
        cache[key] = (data, result)  # holding `data` keeps its id from being reused
        return result

    return cached
