"""Bounded work instead of wall-clock limits: how many function calls a piece of mbc makes.

A time limit fails on a busy machine and passes on a fast one; a count of calls is the same on both.
A slip into quadratic work on hostile input (a 10,000-character term, an alias bomb) multiplies the
count a thousandfold, far past any budget here, while the linear work of a long input stays under it.
"""

from __future__ import annotations

import cProfile
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def calls_made(call: Callable[[], T]) -> tuple[T, int]:
    """The call's result, and how many Python and built-in functions it called (its exceptions pass through).

    Counted by cProfile, whose hook is C: a third of the cost of a Python-level `sys.setprofile` counter.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        result = call()
    finally:
        profiler.disable()
    return result, sum(entry.callcount for entry in profiler.getstats())


def within(budget: int, call: Callable[[], T]) -> T:
    """The call's result; the test fails if it made more than `budget` calls."""
    result, count = calls_made(call)
    assert count <= budget, f"made {count:,} calls (budget {budget:,})"
    return result
