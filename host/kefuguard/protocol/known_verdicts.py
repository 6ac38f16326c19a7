"""The URL verdicts a host gave, kept for the next host's first replies.

A woken service worker starts a new host and at once asks `check_url` for the page being loaded,
most often a site the user has been to before. Importing the URL detectors and building the list's
index costs several times Python's own start, so a host leaves, when it exits, the encoded results
it gave per `scheme://host` (the engine's own per-host reuse, detect/url/check.check_url_json, with
the pattern that decides which URLs may reuse one) and the identity of every file they depend on:
the list and config files (as in the status snapshot), the detectors' code and data, the public
suffix rules. The next host answers a `check_url` from it only when all of them are unchanged, the
list has not expired since, and there is no managed config (where IT may lock the trusted keys,
nothing but a verified list decides a verdict). Anything else goes to the engine as before.

`read_known_verdicts` and `known_reply` run before the heavy imports: they use only what the
interpreter and fast_start have loaded. `save_known_verdicts` runs at the host's exit.
"""

from __future__ import annotations

import json
import os
import re
import struct

import kefuguard
from kefuguard.file_identity import identities
from kefuguard.plain_datetime import UTC, datetime

TYPE_CHECKING = False  # without importing typing: the reader runs before the first reply
if TYPE_CHECKING:
    from typing import Any

    from kefuguard.paths import Places
    from kefuguard.service.engine import Engine

MAX_ENTRIES = 200  # hosts kept across runs, most recent last (~1 ms to read at start)
MAX_ID_CHARS = 256  # as protocol/dispatch.py
_HEADER = struct.Struct("=I")  # as protocol/framing.py


def code_files() -> list[str]:
    """The files a URL verdict is computed from besides the lists and config: the detectors and
    their data (a reinstall or an edit replaces them, and their identity with them)."""
    root = os.path.dirname(kefuguard.__file__)
    found = []
    for sub in ("detect", "data"):
        for folder, dirs, files in os.walk(os.path.join(root, sub)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += [os.path.join(folder, f) for f in sorted(files) if f.endswith((".py", ".json", ".txt"))]
    return found


class KnownVerdicts:
    """A snapshot that still holds: the patterns of reusable URLs and the result tails per host."""

    def __init__(self, pattern: re.Pattern[str], sign_in: re.Pattern[str], tails: dict[str, str]) -> None:
        self.pattern = pattern
        self.sign_in = sign_in
        self.tails = tails

    def reply(self, request: dict[str, Any]) -> bytes | None:
        """The reply frame the engine would give to this `check_url`, or None to ask the engine."""
        rid = request.get("id")
        if isinstance(rid, bool) or not (rid is None or isinstance(rid, int) or isinstance(rid, str)):
            return None
        if isinstance(rid, str) and len(rid) > MAX_ID_CHARS:
            return None
        url, tab_url = request.get("url"), request.get("tab_url")
        if not isinstance(url, str) or not (tab_url is None or isinstance(tab_url, str)):
            return None
        # the same test as check_url_json's reuse of a host's result (check.host_alone_key; the
        # patterns are the engine's, saved with the tails)
        if not (url.isascii() and url.isprintable() and '"' not in url and "\\" not in url):
            return None
        simple = self.pattern.fullmatch(url)
        if simple is None:
            return None
        rest = (simple.group(3) or "").split("#", 1)[0]
        if "." in rest or self.sign_in.search(rest) is not None:
            return None
        tail = self.tails.get(simple.group(2))
        if tail is None:
            return None
        encoded_id = (
            "null" if rid is None else str(rid) if isinstance(rid, int) else json.dumps(rid, ensure_ascii=False)
        )
        body = '{"id":' + encoded_id + ',"ok":true,"result":{"url":"' + url + '",' + tail[1:] + "}"
        data = body.encode("utf-8")
        return _HEADER.pack(len(data)) + data


def read_known_verdicts(places: Places, version: str, now: datetime | None = None) -> KnownVerdicts | None:
    try:
        if os.path.exists(places.managed_config_str):
            return None
        with open(places.known_verdicts_str, "rb") as f:
            snap = json.loads(f.read())
        if snap.get("host_version") != version or not snap["tails"]:
            return None
        inputs = snap["inputs"]
        if not inputs or identities(list(inputs)) != inputs:
            return None
        fresh_until = snap["fresh_until"]
        if fresh_until is not None:
            expires = datetime.fromisoformat(fresh_until.replace("Z", "+00:00"))
            if (now or datetime.now(UTC)) >= expires:
                return None  # the list went stale since: results would say so
        sign_in = re.compile(snap["sign_in_pattern"], snap["sign_in_flags"])
        return KnownVerdicts(re.compile(snap["pattern"], snap["flags"]), sign_in, dict(snap["tails"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error):
        return None


def save_known_verdicts(engine: Engine, urls: list[str]) -> None:
    """Add the results the engine holds for `urls` (checked by this host) to the snapshot."""
    from kefuguard.detect.url.parse import SIMPLE_URL
    from kefuguard.detect.url.shape import PATH_TO_READ
    from kefuguard.lists.atomic import write_atomic
    from kefuguard.lists.model import format_time
    from kefuguard.suffix_list import CACHE_FILE

    places = engine.places
    base = engine.snapshot_inputs()
    if base is None or os.path.exists(places.managed_config):
        return
    index = engine.url_index()
    header = index.channels.compiled.header
    inputs = {
        **base,
        **identities([str(places.index_dir / CACHE_FILE), *code_files()]),
    }
    version = kefuguard.__version__
    tails: dict[str, str] = {}
    try:
        with open(places.known_verdicts, "rb") as f:
            old = json.loads(f.read())
        if old.get("host_version") == version and old.get("inputs") == inputs:
            tails.update(old["tails"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    for url in urls:
        simple = SIMPLE_URL.fullmatch(url)
        if simple is None:
            continue
        tail = index.encoded_raw.get(simple.group(2))  # set only where the host alone decides
        if tail is not None:
            tails.pop(simple.group(2), None)
            tails[simple.group(2)] = "{" + tail.decode("utf-8")
    if not tails:
        return
    snapshot = {
        "host_version": version,
        "inputs": inputs,
        "fresh_until": None if index.channels.stale else format_time(header.expires),
        "pattern": SIMPLE_URL.pattern,
        "flags": SIMPLE_URL.flags,
        "sign_in_pattern": PATH_TO_READ.pattern,
        "sign_in_flags": PATH_TO_READ.flags,
        "tails": dict(list(tails.items())[-MAX_ENTRIES:]),
    }
    try:
        # the user's own (the names of sites they opened or pointed at), in a folder only they can read
        write_atomic(places.known_verdicts, json.dumps(snapshot, ensure_ascii=False).encode("utf-8"), mode=0o600)
    except OSError:
        pass  # only a start-up shortcut
