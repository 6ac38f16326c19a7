"""The checking service behind every front end (host, CLI): loaded list + detectors + status.

It holds the active list, notices when the installed list file changes (an update by another
process) and reloads it on the next request, so a running host never needs a restart.
"""

from __future__ import annotations

import json
import os
import time

from kefuguard import __version__
from kefuguard.config import Settings, load_settings
from kefuguard.detect.channels import Channels
from kefuguard.detect.url import public_suffix, site_names
from kefuguard.detect.url.check import check_url, check_url_json
from kefuguard.detect.url.index import UrlIndex, url_index
from kefuguard.detect.url.label_screen import load_edit_distance
from kefuguard.errors import InputError, NoUsableListError
from kefuguard.file_identity import file_identity, identities
from kefuguard.lists.atomic import write_atomic
from kefuguard.lists.key_rotation import learned_keys
from kefuguard.lists.store import EMBEDDED_BUNDLE, LAST_GOOD, MAIN_LIST, LoadResult, load_main_list
from kefuguard.lists.trust import TrustedKeys
from kefuguard.paths import Places
from kefuguard.plain_datetime import UTC, datetime
from kefuguard.suffix_list import suffix_rules

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    import logging
    import threading
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any, TypeVar

    T = TypeVar("T")

    from kefuguard.detect.text.index import TextIndex

# The chat detectors (detect/text) are imported on the first text check: a host the browser starts
# for a page's URL check should not pay their import (~35 ms) before its first reply.


# Supplementary lists (managed config only), the status and logging are imported where they are
# used: a host's first URL check on a new site waits for everything imported at the top.


def _log() -> logging.Logger:
    import logging

    return logging.getLogger("kefuguard.host")


def in_background(build: Callable[[], T]) -> T:
    """A list's indexes built on a thread: the cycle collector paused (quiet_collector), the
    interpreter passed to the loop's replies often (short_turns)."""
    from kefuguard.service.quiet_collector import without_collection
    from kefuguard.service.short_turns import in_short_turns

    return without_collection(lambda: in_short_turns(build))


# checked once to build a URL index's lazy parts (brands, lookalike screen, suffix and confusables
# tables): a name that passes every stage and can never be a real site
WARM_UP_URL = "https://warm-up.invalid/"


class _Prepared:
    """Lists read from disk (and, for a switch in the background, their indexes already built)."""

    def __init__(
        self,
        loaded: LoadResult,
        watched: list[str],
        identity: tuple[list[int] | None, ...],
        list_ids: dict[str, list[int] | None] | None,
    ) -> None:
        self.loaded = loaded
        self.watched = watched
        self.identity = identity
        self.list_ids = list_ids
        self.url_index: UrlIndex | None = None
        self.text_index: TextIndex | None = None


class Engine:
    def __init__(
        self,
        places: Places | None = None,
        settings: Settings | None = None,
        embedded: str | Path | None = None,
        recheck_seconds: float = 0.0,
        switch_in_background: bool = False,
    ) -> None:
        self.places = places or Places.from_environment()
        # how often to look at the installed list file for a change (a long-running host need not
        # stat it for every one of thousands of pipelined checks)
        self.recheck_seconds = recheck_seconds
        self._next_check = 0.0
        self._next_stale_check = 0.0
        self._main_path = os.path.join(self.places.lists_dir_str, MAIN_LIST)
        # identities of the files a status depends on, taken before reading them (fast_start)
        self._config_ids = (
            None if settings else identities([self.places.config_file_str, self.places.managed_config_str])
        )
        self._list_ids: dict[str, list[int] | None] | None = None
        self._snapshot_written: object = None
        self.settings = settings or load_settings(self.places)
        self.embedded = embedded
        self._loaded: LoadResult | None = None
        self._channels: Channels | None = None
        self._url_index: UrlIndex | None = None
        self._text_index: TextIndex | None = None
        self._installed_identity: tuple[list[int] | None, ...] | None = None
        self._watched = [self._main_path]  # list files whose change means a reload (+ supplementary)
        # a long-running host: a changed list is loaded and its indexes built on a thread while the
        # old list keeps answering, then swapped in (a 10,000-brand list takes seconds to index)
        self.switch_in_background = switch_in_background
        self._switch: threading.Thread | None = None
        self._switched: _Prepared | None = None
        self._text_warm: threading.Thread | None = None
        self._text_ready: TextIndex | None = None  # built by warm_text_in_background()
        self._check_text_dict: Callable[[Any, Callable[[], TextIndex]], dict[str, Any]] | None = None
        self._check_text_json: Callable[[Any, Callable[[], TextIndex]], tuple[str, str]] | None = None

    @classmethod
    def long_running(cls, places: Places | None = None) -> Engine:
        """The engine of a process that serves for long (the native host, `kefuguard serve`): it looks
        at the list files at most once a second and switches to a changed list in the background."""
        return cls(places, recheck_seconds=1.0, switch_in_background=True)

    @property
    def trust(self) -> TrustedKeys:
        if "trust.keys" in self.settings.locked:  # enterprise IT pinned the keys: lists cannot add any
            return TrustedKeys.for_main_list(self.settings.trust_keys, self.settings.trust_threshold, locked=True)
        extra = (*self.settings.trust_keys, *learned_keys(self.places.state_file_str))
        return TrustedKeys.for_main_list(extra, self.settings.trust_threshold)

    def _watched_identity(self) -> tuple[list[int] | None, ...]:
        return tuple(file_identity(p) for p in self._watched)

    def reload(self) -> LoadResult:
        return self._install(self._load())

    def _load(self) -> _Prepared:
        """Read and verify the lists as they are on disk now; changes nothing of the engine's."""
        supplementary_files: list[str] = []
        if self.settings.supplementary:
            from kefuguard.lists.supplementary import watched_paths

            supplementary_files = [str(p) for p in watched_paths(self.places, self.settings)]
        watched = [self._main_path, *supplementary_files]
        identity = tuple(file_identity(p) for p in watched)
        previous = self._loaded.active if self._loaded is not None else None
        previous = getattr(previous, "main", previous)  # the main list behind a merged view
        list_ids: dict[str, list[int] | None] | None = identities(
            [
                os.path.join(self.places.lists_dir_str, MAIN_LIST),
                os.path.join(self.places.lists_dir_str, LAST_GOOD),
                str(self.embedded or EMBEDDED_BUNDLE),
                self.places.state_file_str,
                *supplementary_files,
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
            list_ids = None  # a fresh process would not have `previous`: no snapshot of this
        if self.settings.supplementary:
            from kefuguard.lists.supplementary import with_supplementary

            loaded = with_supplementary(loaded, self.places, self.settings)  # adds, never overrides
        return _Prepared(loaded, watched, identity, list_ids)

    def _install(self, prepared: _Prepared) -> LoadResult:
        retired = [self._loaded, self._channels, self._url_index, self._text_index, self._text_ready]
        loaded = prepared.loaded
        self._watched, self._installed_identity, self._list_ids = prepared.watched, prepared.identity, prepared.list_ids
        old = self._loaded.active if self._loaded is not None else None
        new = loaded.active
        if old is not None and new is not None and (old.digest, old.origin) == (new.digest, new.origin):
            loaded.active = old  # the same lists: keep them, and the detectors' indexes built on them
        elif prepared.url_index is not None:
            self._channels, self._url_index = prepared.url_index.channels, prepared.url_index
            self._text_index = prepared.text_index
            # a chat index warmed for the old list and not asked for yet would keep the old list, its
            # URL index and its compiled scam set alive; the first chat check builds the new list's (as
            # it did: the warmed one was for the old list). Built beside both during the switch, it
            # raised the host's peak (327 vs 260 MiB at 10,000 brands); warmed again at once, its
            # build held the interpreter for up to 0.45 s of checks
            self._text_ready = None
        else:
            self._channels = self._url_index = self._text_index = self._text_ready = None
        # indexes built for the same lists as those kept (the file was rewritten, not changed)
        retired += [prepared.url_index, prepared.text_index]
        prepared.url_index = prepared.text_index = None
        self._loaded = loaded
        kept = (loaded, self._channels, self._url_index, self._text_index, self._text_ready)
        retired = [r for r in retired if r is not None and all(r is not k for k in kept)]
        if retired:  # the old list's indexes, taken apart on a thread, not freed at once on the loop
            from kefuguard.service.gradual_release import release_in_background

            release_in_background(retired)
        return loaded

    def _prepare_in_background(self) -> None:
        """Load the changed lists and build their indexes on a thread; loaded() swaps them in."""
        had_text = self._text_index is not None

        def build() -> None:
            try:
                prepared = self._load()
            except Exception:  # noqa: BLE001 - loaded() sees the thread end with nothing and tries again
                _log().exception("loading the changed list failed")
                return
            active = prepared.loaded.active
            try:
                load_edit_distance()  # here, not in the first check on the new list that needs it
                if active is not None:
                    urls = url_index(Channels(active, stale=active.header.is_stale()))
                    check_url(WARM_UP_URL, urls)
                    urls.brands.finish()
                    urls.brands.finish_rarely_used()
                    prepared.url_index = urls
                    if had_text:
                        from kefuguard.detect.text.index import text_index

                        prepared.text_index = text_index(urls)
            except Exception:  # noqa: BLE001 - the indexes are then built by the first check, as at start
                _log().exception("building the changed list's indexes failed")
            self._switched = prepared  # picked up by the next request

        import threading  # here: a host's first reply does not start threads (~0.6 ms to import)

        self._switch = threading.Thread(
            target=in_background, args=(build,), name="kefuguard-list-switch", daemon=True
        )
        self._switch.start()

    def start_switch(self) -> threading.Thread | None:
        """The lists changed (an update installed one): prepare them now, in the background when
        this engine switches so (returns the thread to wait on), else reload in place (None)."""
        if not self.switch_in_background or self._loaded is None:
            self.reload()
            return None
        if self._switch is None:
            self._switched = None
            self._prepare_in_background()
        return self._switch

    def warm_urls(self) -> None:
        """Load the list and build what a first URL check builds, before one comes, and what the
        first checks leave for later."""
        urls = self.url_index()
        check_url(WARM_UP_URL, urls)
        urls.brands.finish()
        public_suffix.load_sets()  # a first check searched the rules' text
        site_names.prepare()  # patterns a later check would compile in its own time

    def keep_url_index(self) -> None:
        """Leave the list's parsed brands and lookalike index for the next process (a host at its
        clean exit, after the replies are out: ~25 ms for the embedded list, seconds at 10,000
        brands); nothing when no check built them or they are kept already."""
        if self._url_index is not None:
            self._url_index.keep_brands()

    def warm_text_in_background(self) -> None:
        """Build the chat checks' index on a thread (a 10,000-brand list takes a second), for the
        next text check to pick up; URL checks go on meanwhile."""
        urls = self._url_index
        if urls is None or self._text_index is not None or self._text_warm is not None:
            return

        def work() -> None:
            from kefuguard.detect.text.index import text_index

            try:
                ready = in_background(lambda: text_index(urls))
                if urls is self._url_index:  # not a list switched away from meanwhile
                    self._text_ready = ready
            except Exception:  # noqa: BLE001 - the first text check builds it and reports the problem
                _log().exception("building the chat checks' index failed")

        import threading

        self._text_warm = threading.Thread(target=work, name="kefuguard-text-index", daemon=True)
        self._text_warm.start()

    def wait_for_switch(self, timeout: float | None = None) -> None:
        """For tests and benchmarks: let a list switch under way finish."""
        if self._switch is not None:
            self._switch.join(timeout)

    def loaded(self) -> LoadResult:
        if self._loaded is None:
            self.reload()
        elif self._switched is not None:
            prepared, self._switched, self._switch = self._switched, None, None
            self._install(prepared)
        elif self._switch is not None and not self._switch.is_alive() and self._switched is None:
            self._switch = None  # it failed (logged): the next look at the files tries again
        elif self.recheck_seconds <= 0 or time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + self.recheck_seconds
            if self._switch is None and self._watched_identity() != self._installed_identity:
                if self.switch_in_background:
                    self._prepare_in_background()  # this request is answered from the list in use
                else:
                    self.reload()
        assert self._loaded is not None
        return self._loaded

    def channels(self) -> Channels:
        loaded = self.loaded()
        if loaded.active is None:
            detail = "; ".join(f"{p.origin}: {p.code}" for p in loaded.problems)
            raise NoUsableListError(f"no usable list ({detail})")
        if self._channels is None or self._channels.compiled is not loaded.active:
            self._channels = Channels(loaded.active, stale=loaded.active.header.is_stale())
        elif not self._channels.stale and time.monotonic() >= self._next_stale_check:
            # a long-running host crossing the expiry time; looked at once a second at most
            self._next_stale_check = time.monotonic() + max(self.recheck_seconds, 0.0)
            if loaded.active.header.is_stale():
                self._channels = Channels(loaded.active, stale=True)
        return self._channels

    def url_index(self) -> UrlIndex:
        """The URL checks' index of the list in use (built on first use, then kept with the list)."""
        if not public_suffix.rules_loaded():  # from our cached copy: no tldextract import per start
            public_suffix.use_rules(suffix_rules(self.places.index_dir_str), self.places.index_dir_str)
        channels = self.channels()
        if self._url_index is None or self._url_index.channels is not channels:
            self._url_index = url_index(channels, previous=self._url_index)
        return self._url_index

    def text_index(self) -> TextIndex:
        urls = self.url_index()
        if self._text_index is None or self._text_index.urls is not urls:
            from kefuguard.detect.text.index import text_index  # not per check: only to build one

            ready, self._text_ready = self._text_ready, None
            if ready is not None and ready.urls is urls:
                self._text_index = ready
            else:
                self._text_index = text_index(urls, previous=self._text_index)
        return self._text_index

    # --- checks -----------------------------------------------------------------------------

    def check_url(self, url: Any, tab_url: Any = None) -> dict[str, Any]:
        if tab_url is not None and not isinstance(tab_url, str):
            raise InputError("'tab_url' must be a string")
        return check_url(url, self.url_index()).to_dict()

    def check_url_json(self, url: Any) -> str:
        """check_url's result as compact JSON, encoded once per host (the host's and CLI's hot path)."""
        if not isinstance(url, str):
            raise InputError("url must be a string", code="bad_url")
        return check_url_json(url, self.url_index())

    def check_page(self, url: Any, page: Any) -> dict[str, Any]:
        """A page's verdict from its address and what it shows (detect/page_claim.py): a title or
        logo naming a listed brand, and a password or card field, on a site not the brand's."""
        from kefuguard.detect.page_claim import check_page_claim, parse_page_facts

        facts = parse_page_facts(page)
        if not isinstance(url, str):
            raise InputError("url must be a string", code="bad_url")
        return check_page_claim(url, check_url(url, self.url_index()), facts, self.text_index()).to_dict()

    def check_contact(self, contact: Any) -> dict[str, Any]:
        """A phone number or 'platform:account': official for a listed brand, a known scam, or unknown."""
        from kefuguard.detect.contact import check_contact

        return check_contact(contact, self.channels()).to_dict()

    def check_text(self, raw: Any) -> dict[str, Any]:
        """One message; its `url` (the page it is on) is part of the check."""
        check = self._check_text_dict
        if check is None:  # imported once: an import statement per check cost ~2 us of its ~150
            from kefuguard.detect.text.check import check_text_dict

            check = self._check_text_dict = check_text_dict
        return check(raw, self.text_index)

    def check_text_json(self, raw: Any) -> tuple[str, str]:
        """check_text's level, and its result as compact JSON (what the service and the CLI reply)."""
        check = self._check_text_json
        if check is None:
            from kefuguard.detect.text.check import check_text_json

            check = self._check_text_json = check_text_json
        return check(raw, self.text_index)

    def check_chat(self, page_url: Any, messages: Any) -> dict[str, Any]:
        """A conversation: summary plus one result per message (detect/text/chat.py)."""
        from kefuguard.detect.text.chat import chat_reply, parse_chat_request

        parsed = parse_chat_request(page_url, messages)
        return chat_reply(page_url, parsed, self.text_index())

    # --- status -----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        status = self._compute_status()
        self._write_snapshot(status)
        return status

    def snapshot_inputs(self) -> dict[str, list[int] | None] | None:
        """The identities of the config and list files the loaded lists were read from, taken before
        reading them; None when a snapshot of this engine's answers must not be left (see _load)."""
        if self._config_ids is None or self._list_ids is None:
            return None
        return {**self._config_ids, **self._list_ids}

    def _write_snapshot(self, status: dict[str, Any]) -> None:
        """Leave the status for the next host's first reply (protocol/fast_start.py)."""
        inputs = self.snapshot_inputs()
        if inputs is None or self._snapshot_written is self._loaded:
            return
        snapshot = {"host_version": __version__, "inputs": inputs, "status": status}
        try:
            write_atomic(self.places.status_snapshot_str, json.dumps(snapshot, ensure_ascii=False).encode("utf-8"))
            self._snapshot_written = self._loaded
        except OSError:
            pass  # only a start-up shortcut

    def _compute_status(self) -> dict[str, Any]:
        from kefuguard.service.status import build_status

        loaded = self.loaded()
        paths = {
            "installed": os.path.join(self.places.lists_dir_str, MAIN_LIST),
            "last-known-good": os.path.join(self.places.lists_dir_str, LAST_GOOD),
            "embedded": str(self.embedded or EMBEDDED_BUNDLE),
        }
        return build_status(self.places, self.settings, loaded, paths, datetime.now(UTC))
