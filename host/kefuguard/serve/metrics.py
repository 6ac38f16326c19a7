"""The service's counters, written in the Prometheus text exposition format (version 0.0.4).

Plain dicts, no client library: one process, one event loop, so nothing here needs a lock. With
`--workers N` each process counts its own requests and a scrape is answered by whichever worker
the kernel hands the connection to (docs/serve.md says how to scrape such a service).
"""

from __future__ import annotations

import math
import os
import time
from bisect import bisect_left
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from kefuguard import __version__

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# seconds; a check takes well under a millisecond, a 1,000-URL batch or a long chat tens of ms
BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items()) + "}"


def _number(x: float) -> str:
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    return repr(float(x)) if not float(x).is_integer() else str(int(x))


class Histogram:
    __slots__ = ("counts", "total", "n")

    def __init__(self) -> None:
        self.counts = [0] * (len(BUCKETS) + 1)  # per bucket, not cumulative; the last is +Inf
        self.total = 0.0
        self.n = 0

    def observe(self, seconds: float) -> None:
        self.counts[bisect_left(BUCKETS, seconds)] += 1
        self.total += seconds
        self.n += 1


class Metrics:
    def __init__(self) -> None:
        self.started = time.time()
        self.requests: dict[tuple[str, str, str], int] = {}  # (endpoint, method, status) -> count
        self.latency: dict[str, Histogram] = {}  # endpoint -> histogram
        self.verdicts: dict[tuple[str, str], int] = {}  # (check, level) -> count
        self.in_flight = 0

    def request(self, endpoint: str, method: str, status: int, seconds: float) -> None:
        key = (endpoint, method, str(status))
        self.requests[key] = self.requests.get(key, 0) + 1
        histogram = self.latency.get(endpoint)
        if histogram is None:
            histogram = self.latency[endpoint] = Histogram()
        histogram.observe(seconds)

    def verdict(self, check: str, level: str) -> None:
        key = (check, level)
        self.verdicts[key] = self.verdicts.get(key, 0) + 1

    def render(self, list_info: dict[str, Any] | None, now: datetime | None = None) -> str:
        """The exposition text. `list_info`: version, issued, stale of the main list in use (None: no list)."""
        out: list[str] = []

        def family(name: str, kind: str, help_text: str, samples: Iterable[tuple[str, float]]) -> None:
            out.append(f"# HELP {name} {help_text}")
            out.append(f"# TYPE {name} {kind}")
            out.extend(f"{name}{labels} {_number(value)}" for labels, value in samples)

        family(
            "kefuguard_build_info",
            "gauge",
            "The running kefuguard version (always 1).",
            [(_labels(version=__version__), 1)],
        )
        family(
            "kefuguard_process_start_time_seconds",
            "gauge",
            "When this worker process started, seconds since the Unix epoch.",
            [(_labels(pid=str(os.getpid())), self.started)],
        )
        family(
            "kefuguard_http_requests_total",
            "counter",
            "HTTP requests answered, by endpoint, method and status code.",
            [(_labels(endpoint=e, method=m, status=s), n) for (e, m, s), n in sorted(self.requests.items())],
        )
        family("kefuguard_http_requests_in_flight", "gauge", "Requests being handled now.", [("", self.in_flight)])
        out.append("# HELP kefuguard_http_request_duration_seconds Time from the request's start to its response.")
        out.append("# TYPE kefuguard_http_request_duration_seconds histogram")
        for endpoint, h in sorted(self.latency.items()):
            running = 0
            for bound, count in zip((*BUCKETS, math.inf), h.counts, strict=True):
                running += count
                out.append(
                    f"kefuguard_http_request_duration_seconds_bucket{_labels(endpoint=endpoint, le=_number(bound))}"
                    f" {running}"
                )
            out.append(f"kefuguard_http_request_duration_seconds_sum{_labels(endpoint=endpoint)} {_number(h.total)}")
            out.append(f"kefuguard_http_request_duration_seconds_count{_labels(endpoint=endpoint)} {h.n}")
        family(
            "kefuguard_verdicts_total",
            "counter",
            "Verdicts given, by check (url, text, chat, contact) and level (none, verified, caution, danger).",
            [(_labels(check=c, level=lv), n) for (c, lv), n in sorted(self.verdicts.items())],
        )
        usable = list_info is not None
        family("kefuguard_list_usable", "gauge", "1 when a verified list is in use, else 0.", [("", int(usable))])
        if list_info is not None:
            now = now or datetime.now(UTC)
            issued: datetime = list_info["issued"]
            family("kefuguard_list_version", "gauge", "Version of the main list in use.", [("", list_info["version"])])
            family(
                "kefuguard_list_age_seconds",
                "gauge",
                "Seconds since the main list in use was issued.",
                [("", max(0.0, (now - issued).total_seconds()))],
            )
            family(
                "kefuguard_list_stale",
                "gauge",
                "1 when the main list in use is past its expiry time.",
                [("", int(bool(list_info["stale"])))],
            )
        return "\n".join(out) + "\n"
