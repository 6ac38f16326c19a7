"""An old list's indexes are taken apart on a thread (service/gradual_release.py): what only they
hold is freed, what anything else still uses is left intact."""

from __future__ import annotations

import threading
import time
import weakref

from kefuguard.service import gradual_release
from kefuguard.service.gradual_release import release_in_background, take_apart


class Node:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_what_only_the_roots_hold_is_freed_and_shared_objects_stay_whole():
    shared = {"kept": [1, 2, 3]}
    inner = Node(name="inner")
    root = Node(table={i: [Node(i=i)] for i in range(1000)}, rows=(inner, [shared]), shared=shared)
    gone, inner_gone = weakref.ref(root), weakref.ref(inner)
    roots = [root]
    del root, inner
    assert take_apart(roots) > 2000
    assert gone() is None and inner_gone() is None and roots == []
    assert shared == {"kept": [1, 2, 3]}  # referenced from here: let go, not taken apart


def test_a_root_held_elsewhere_is_taken_apart_once_that_reference_goes(monkeypatch):
    monkeypatch.setattr(gradual_release, "PAUSE", 0.01)
    root = Node(table={i: Node(i=i) for i in range(100)})
    first = weakref.ref(root.table[0])
    holder = [root]  # as a read of frames keeps the URL index until its end
    done = threading.Event()
    seen: list[int] = []

    def run(roots):
        seen.append(take_apart(roots))
        done.set()

    roots = [root]
    del root
    threading.Thread(target=run, args=(roots,)).start()
    time.sleep(0.05)
    assert len(holder[0].table) == 100 and not done.is_set()  # still used: untouched, looked at again later
    holder.clear()  # the thread's reference is now the last: it takes the root apart
    assert done.wait(10) and seen[0] >= 100 and first() is None


def test_release_in_background_frees_on_its_own_thread():
    root = Node(data=[Node() for _ in range(100)])
    gone = weakref.ref(root)
    release_in_background([root])
    del root
    deadline = time.monotonic() + 10
    while gone() is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gone() is None
