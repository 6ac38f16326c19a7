"""bench_serve's list-swap row: a new signed list installed while clients keep sending requests.

The service under test runs on a home of its own whose installed list is the embedded list's content
re-signed, as version V+1, by a throwaway key that only that home trusts (the key lives in this
process's memory, nowhere else). Mixed load at concurrency 32 (16 URL + 16 text connections) runs
for a few seconds, then version V+2 is installed (written beside it and renamed over it, as
`kefuguard update` does) and the load goes on until every connection has seen V+2 answers for a
while. A request is lost when it failed or was not answered 200; a reply from the old list after
one from the new list on the same connection counts as going back.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SWAP_AFTER = 3.0  # seconds of load before the new list is installed
AFTER_SWAP = 3.0  # seconds of load once every connection has seen the new list
SWAP_DEADLINE = 60.0  # the new list must be in use within this


@dataclass
class SwapResult:
    old_version: int
    new_version: int
    requests: int = 0
    lost: list[str] = field(default_factory=list)  # failed requests and non-200 replies
    went_back: int = 0  # replies from the old list after the new one, on one connection
    switched_after: float | None = None  # seconds from the install to the first new-list reply
    all_switched: bool = False  # every connection ended on the new list
    longest_before: float = 0.0  # the longest reply before the install (seconds)
    longest_during: float = 0.0  # the longest reply from the install to the last connection's switch


def signed_pair(embedded_signed: dict[str, Any]) -> tuple[bytes, bytes, str, int]:
    """The embedded list's content as versions V+1 and V+2, signed by a throwaway key; its public
    half (hex) and V+1."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from kefuguard.lists.publish import bundle_bytes, public_hex_of, sign_signed

    key = Ed25519PrivateKey.generate()
    old = embedded_signed["version"] + 1
    first = dict(embedded_signed, version=old)
    second = dict(embedded_signed, version=old + 1)
    return bundle_bytes(sign_signed(first, [key])), bundle_bytes(sign_signed(second, [key])), public_hex_of(key), old


def make_swap_home(home: Path, first: bytes, public_hex: str) -> Path:
    """A KEFUGUARD_HOME trusting the throwaway key, with the first version installed; returns the
    path the second is to be installed at."""
    from kefuguard.lists.store import MAIN_LIST

    (home / "lists").mkdir(parents=True)
    (home / "config.toml").write_text(f'[trust]\nkeys = ["{public_hex}"]\n')
    (home / "lists" / MAIN_LIST).write_bytes(first)
    return home / "lists" / MAIN_LIST


def install(path: Path, bundle: bytes) -> None:
    tmp = path.with_name(path.name + ".new")
    tmp.write_bytes(bundle)
    os.replace(tmp, path)


async def swap_under_load(
    base: str,
    bodies: dict[str, list[bytes]],
    install_new: Callable[[], None],
    old_version: int,
    per_path: int = 16,
) -> SwapResult:
    import aiohttp

    new_version = old_version + 1
    result = SwapResult(old_version, new_version)
    loop = asyncio.get_running_loop()
    installed_at: float | None = None
    switched_at: dict[int, float] = {}  # connection -> first new-list reply
    stop = asyncio.Event()
    connections = per_path * len(bodies)
    headers = {"Content-Type": "application/json"}

    async def connection(cid: int, session: aiohttp.ClientSession, path: str, mine: list[bytes]) -> None:
        i = cid
        while not stop.is_set():
            t0 = loop.time()
            try:
                async with session.post(base + path, data=mine[i % len(mine)], headers=headers) as response:
                    body = await response.read()
                    status = response.status
            except Exception as e:  # noqa: BLE001 - a lost request, reported
                result.lost.append(f"{path}: {type(e).__name__}: {e}")
                continue
            finally:
                i += connections
            took = loop.time() - t0
            result.requests += 1
            if status != 200:
                result.lost.append(f"{path}: HTTP {status}")
                continue
            version = json.loads(body)["result"]["list_version"]
            if installed_at is None or t0 < installed_at:
                result.longest_before = max(result.longest_before, took)
            elif len(switched_at) < connections:
                result.longest_during = max(result.longest_during, took)
            if version == new_version:
                switched_at.setdefault(cid, loop.time())
            elif cid in switched_at:
                result.went_back += 1

    async def conductor() -> None:
        nonlocal installed_at
        await asyncio.sleep(SWAP_AFTER)
        installed_at = loop.time()
        install_new()
        deadline = installed_at + SWAP_DEADLINE
        while len(switched_at) < connections and loop.time() < deadline:
            await asyncio.sleep(0.05)
        result.all_switched = len(switched_at) == connections
        if switched_at:
            result.switched_after = min(switched_at.values()) - installed_at
        await asyncio.sleep(AFTER_SWAP)
        stop.set()

    connector = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:
        tasks = [
            connection(k * per_path + j, session, path, mine)
            for k, (path, mine) in enumerate(bodies.items())
            for j in range(per_path)
        ]
        await asyncio.gather(conductor(), *tasks)
    return result


def run_swap(base: str, bodies: dict[str, list[bytes]], path: Path, second: bytes, old_version: int) -> SwapResult:
    return asyncio.run(swap_under_load(base, bodies, lambda: install(path, second), old_version))
