"""Bounded work instead of wall-clock limits: how many function calls a piece of mbc makes.

A time limit fails on a busy machine and passes on a fast one; a count of calls is the same on both.
A slip into quadratic work on hostile input (a 10,000-character term, an alias bomb) multiplies the
count a thousandfold, far past any budget here, while the linear work of a long input stays under it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import TypeVar

T = TypeVar("T")


def calls_made(call: Callable[[], T]) -> tuple[T, int]:
    """The call's result, and how many Python and built-in functions it called (its exceptions pass through)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        result = call()
    finally:
        sys.setprofile(previous)
    return result, count


def within(budget: int, call: Callable[[], T]) -> T:
    """The call's result; the test fails if it made more than `budget` calls."""
    result, count = calls_made(call)
    assert count <= budget, f"made {count:,} calls (budget {budget:,})"
    return result
