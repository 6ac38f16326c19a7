"""The checking service behind every front end (host, CLI): loaded list + detectors + status.

It holds the active list, notices when the installed list file changes (an update by another
process) and reloads it on the next request, so a running host never needs a restart.
"""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kefuguard import __version__
from kefuguard.config import Settings, load_settings
from kefuguard.detect import advice
from kefuguard.detect.channels import Channels
from kefuguard.detect.result import LEVEL_RANK, Result, higher
from kefuguard.detect.text_check import ChatMessage, check_text
from kefuguard.detect.url_check import check_url
from kefuguard.errors import InputError, NoUsableList
from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.model import format_time
from kefuguard.lists.store import LAST_GOOD, MAIN_LIST, LoadResult, embedded_bundle_path, load_main_list
from kefuguard.lists.trust import TrustedKeys
from kefuguard.paths import Places
from kefuguard.protocol.fast_start import SNAPSHOT, identities

MAX_CHAT_MESSAGES = 200


def _file_identity(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


class Engine:
    def __init__(
        self,
        places: Places | None = None,
        settings: Settings | None = None,
        embedded: Path | None = None,
        recheck_seconds: float = 0.0,
    ) -> None:
        self.places = places or Places.from_environment()
        # how often to look at the installed list file for a change (a long-running host need not
        # stat it for every one of thousands of pipelined checks)
        self.recheck_seconds = recheck_seconds
        self._next_check = 0.0
        self._main_path = str(self.places.lists_dir / MAIN_LIST)
        self.generation = 0  # bumped on every reload: caches of results key on it
        # identities of the files a status depends on, taken before reading them (fast_start)
        self._config_ids = (
            None if settings else identities([str(self.places.config_file), str(self.places.managed_config)])
        )
        self._list_ids: dict[str, list[int] | None] | None = None
        self._snapshot_written: object = None
        self.settings = settings or load_settings(self.places)
        self.embedded = embedded
        self._loaded: LoadResult | None = None
        self._channels: Channels | None = None
        self._installed_identity: tuple[int, int, int] | None = None

    @property
    def trust(self) -> TrustedKeys:
        return TrustedKeys.for_main_list(self.settings.trust_keys, self.settings.trust_threshold)

    def reload(self) -> LoadResult:
        self.generation += 1
        self._installed_identity = _file_identity(self._main_path)
        previous = self._loaded.active if self._loaded is not None else None
        self._list_ids = identities(
            [
                str(self.places.lists_dir / MAIN_LIST),
                str(self.places.lists_dir / LAST_GOOD),
                str(self.embedded or embedded_bundle_path()),
                str(self.places.state_file),
            ]
        )
        loaded = load_main_list(self.places, self.trust, self.embedded)
        if (
            previous is not None
            and loaded.problems
            and self.trust.satisfied_by(previous.keyids)
            and (
                loaded.active is None
                or (
                    previous.header.publisher == loaded.active.header.publisher
                    and previous.header.version > loaded.active.header.version
                )
            )
        ):
            loaded.active = previous  # the file went bad under us: keep serving the last good list
            self._list_ids = None  # a fresh process would not have `previous`: no snapshot of this
        self._loaded = loaded
        self._channels = None
        return loaded

    def loaded(self) -> LoadResult:
        if self._loaded is None:
            self.reload()
        elif self.recheck_seconds <= 0 or time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + self.recheck_seconds
            if _file_identity(self._main_path) != self._installed_identity:
                self.reload()
        assert self._loaded is not None
        return self._loaded

    def channels(self) -> Channels:
        loaded = self.loaded()
        if loaded.active is None:
            detail = "; ".join(f"{p.origin}: {p.code}" for p in loaded.problems)
            raise NoUsableList(f"no usable list ({detail})")
        if self._channels is None or self._channels.compiled is not loaded.active:
            self._channels = Channels(loaded.active, stale=loaded.active.header.is_stale())
        elif not self._channels.stale and loaded.active.header.is_stale():
            self._channels.stale = True  # a long-running host crossing the expiry time
        return self._channels

    # --- checks -----------------------------------------------------------------------------

    def check_url(self, url: Any, tab_url: Any = None) -> dict[str, Any]:
        if tab_url is not None and not isinstance(tab_url, str):
            raise InputError("'tab_url' must be a string")
        return check_url(url, self.channels()).to_dict()

    def check_text(self, raw: Any) -> dict[str, Any]:
        message = ChatMessage.from_dict(raw)
        return check_text(message, self.channels()).to_dict()

    def check_chat(self, page_url: Any, messages: Any) -> dict[str, Any]:
        if page_url is not None and not isinstance(page_url, str):
            raise InputError("'url' must be a string")
        if not isinstance(messages, list) or not messages:
            raise InputError("'messages' must be a non-empty list")
        if len(messages) > MAX_CHAT_MESSAGES:
            raise InputError(f"at most {MAX_CHAT_MESSAGES} messages per request")
        parsed = [ChatMessage.from_dict(m) for m in messages]
        channels = self.channels()
        results: list[Result] = []
        for i, m in enumerate(parsed):
            results.append(check_text(m, channels, context=parsed[max(0, i - 5) : i]))
        level = "none"
        for r in results:
            level = higher(level, r.level)
        worst = max(results, key=lambda r: LEVEL_RANK[r.level])
        summary = Result(
            level=level,
            reasons=worst.reasons if level != "none" else worst.reasons[:1],
            advice=worst.advice if level != "none" else [advice.NOTHING_FOUND_IN_TEXT],
            brand=worst.brand,
            list_version=channels.version,
            list_stale=channels.stale,
            publisher=channels.publisher,
        )
        summary.extra["messages"] = [r.to_dict() for r in results]
        return summary.to_dict()

    # --- status -----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        status = self._compute_status()
        self._write_snapshot(status)
        return status

    def _write_snapshot(self, status: dict[str, Any]) -> None:
        """Leave the status for the next host's first reply (protocol/fast_start.py)."""
        if self._config_ids is None or self._list_ids is None or self._snapshot_written is self._loaded:
            return
        snapshot = {"host_version": __version__, "inputs": {**self._config_ids, **self._list_ids}, "status": status}
        try:
            write_atomic(self.places.index_dir / SNAPSHOT, json.dumps(snapshot, ensure_ascii=False).encode("utf-8"))
            self._snapshot_written = self._loaded
        except OSError:
            pass  # only a start-up shortcut

    def _compute_status(self) -> dict[str, Any]:
        loaded = self.loaded()
        now = datetime.now(UTC)
        lists = []
        if loaded.active is not None:
            c = loaded.active
            h = c.header
            lists.append(
                {
                    "role": "main",
                    "publisher": h.publisher,
                    "version": h.version,
                    "issued": format_time(h.issued),
                    "expires": format_time(h.expires),
                    "stale": h.is_stale(now),
                    "age_days": round((now - h.issued).total_seconds() / 86400, 2),
                    "origin": c.origin,
                    "digest": c.digest,
                    "keyids": list(c.keyids),
                    "counts": c.counts,
                }
            )
        main = lists[0] if lists else {}
        s = self.settings
        return {
            "host_version": __version__,
            "ok": bool(lists),
            "publisher": main.get("publisher"),
            "version": main.get("version"),
            "issued": main.get("issued"),
            "expires": main.get("expires"),
            "stale": main.get("stale", True),
            "path": self._path_of(main.get("origin")),
            "lists": lists,
            "problems": [p.to_dict() for p in loaded.problems],
            "config": {
                "sources": list(s.sources),
                "managed": sorted(s.managed),
                "locked": sorted(s.locked),
                "problems": list(s.problems),
                "update_urls": list(s.update_urls),
                "update_interval_hours": s.update_interval_hours,
                "trust_threshold": s.trust_threshold,
            },
            "data_dir": str(self.places.data_dir),
        }

    def _path_of(self, origin: str | None) -> str | None:
        if self._loaded is None or self._loaded.active is None:
            return None
        from kefuguard.lists.store import LAST_GOOD, embedded_bundle_path

        return str(
            {
                "installed": self.places.lists_dir / MAIN_LIST,
                "last-known-good": self.places.lists_dir / LAST_GOOD,
                "embedded": self.embedded or embedded_bundle_path(),
            }.get(origin or "", "")
        )
