"""A list switched away from is freed a piece at a time on a thread of its own.

Its indexes are hundreds of thousands of objects (~150 ms to free at once with 10,000 brands and
the chat index): freed by the last reference dropped on the loop, that was one long wait for the
check that made the switch. Here a thread takes them apart one object at a time, so the
interpreter passes between it and the loop every few milliseconds. Only what this thread holds the
last reference to is taken apart; anything still used elsewhere (a brand the new list's caches
name, a module's constant) is only let go. A root still held elsewhere (the URL index a read of
frames kept until its end) is looked at again a little later, so its last reference is this
thread's, not the loop's.
"""

from __future__ import annotations

import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ROOT_TRIES = 100  # x PAUSE: a root still held elsewhere after 5 s is let go
PAUSE = 0.05
SMALL = 256  # entries of a container taken apart in one go


def _alone(obj: Any) -> bool:
    """Is the caller's local name the only reference to `obj`? (Its count then is 3: that name,
    this function's argument and getrefcount's own.)"""
    return sys.getrefcount(obj) <= 3


def take_apart(roots: list[Any]) -> int:
    """Free `roots` (a list only the caller holds; emptied here) and everything only they hold,
    one object per step; returns how many objects were taken apart."""
    taken = 0
    for _ in range(ROOT_TRIES):
        held: list[Any] = []
        while roots:
            root = roots.pop()
            if not _alone(root):
                held.append(root)
                del root
                continue
            stack = [root]
            del root
            while stack:
                obj = stack.pop()
                if not _alone(obj):
                    continue  # used elsewhere: let go of it, not taken apart
                kind = type(obj)
                if (kind is dict or kind is list or kind is set) and len(obj) > SMALL:
                    # a big one a few entries at a time: clear() would free all its keys in one call
                    pop = obj.popitem if kind is dict else obj.pop
                    while obj:
                        for _ in range(min(SMALL, len(obj))):
                            stack.append(pop())
                        time.sleep(0)  # let the loop in between
                elif kind is dict:
                    stack.extend(obj.values())
                    obj.clear()
                elif kind is list or kind is set:
                    stack.extend(obj)
                    obj.clear()
                elif kind is tuple or kind is frozenset:
                    stack.extend(obj)
                else:
                    own = getattr(obj, "__dict__", None)
                    if type(own) is dict:
                        stack.extend(own.values())
                        own.clear()
                    del own
                taken += 1
        if not held:
            break
        roots = held
        del held
        time.sleep(PAUSE)
    return taken


def release_in_background(roots: list[Any]) -> None:
    """take_apart(roots) on a daemon thread; the caller drops its own references after."""
    import threading

    threading.Thread(target=_release, args=(roots,), name="kefuguard-release", daemon=True).start()


def _release(roots: list[Any]) -> None:
    from kefuguard.service.short_turns import in_short_turns  # the loop's replies first

    in_short_turns(lambda: take_apart(roots))
