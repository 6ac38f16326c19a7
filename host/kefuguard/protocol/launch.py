"""Entry of `kefuguard host`: protect stdout, answer a first `status` fast and the page's first
`check_url` before the event loop, then run the full host."""

from __future__ import annotations

import gc
import os
import sys

from kefuguard import __version__

HOST_HELP = """usage: kefuguard host [ORIGIN]

The native-messaging host: a browser starts it (through the manifest `kefuguard install` wrote)
and talks to it on stdin/stdout in length-prefixed JSON frames (docs/protocol.md). It is not
for typing into. To try the checks yourself:

  kefuguard check-url https://taobao-kefu.com/        a link
  kefuguard check-text "请加我QQ办理退款"              a chat message
  kefuguard doctor                                    can each browser reach this host?

Exit codes: 0 the browser closed the connection (or --help); 2 started from a terminal.
"""


def run_host(argv: list[str]) -> int:
    # a person, not a browser: say what this is instead of waiting for frames that never come
    if argv[:1] in (["-h"], ["--help"]):
        sys.stdout.write(HOST_HELP)
        return 0
    if sys.stdin is not None and sys.stdin.isatty():
        sys.stderr.write("kefuguard host: started from a terminal; browsers start this command.\n\n" + HOST_HELP)
        return 2
    if sys.platform == "win32":
        import msvcrt

        msvcrt.setmode(sys.stdin.fileno(), os.O_BINARY)  # type: ignore[attr-defined]
        msvcrt.setmode(sys.stdout.fileno(), os.O_BINARY)  # type: ignore[attr-defined]
    sys.stdout.flush()
    # no cycle collection until the first replies are out: a start makes tens of thousands of
    # objects (modules, the list's index) and no garbage cycles, and the collector, started by
    # the count of new objects, went over them again and again (~5-20 ms of a ~60 ms start)
    gc.disable()
    in_fd, out_fd = os.dup(0), os.dup(1)
    os.dup2(2, 1)  # anything printed by mistake lands on stderr, never in the frame stream
    sys.stdout = sys.stderr
    try:
        from kefuguard.paths import Places
        from kefuguard.protocol.fast_start import answer_first_status

        places = Places.from_environment()
        prefix = answer_first_status(in_fd, out_fd, places.status_snapshot_str, __version__)
        from kefuguard.protocol.early_checks import answer_early_checks

        prefix, engine, checked = answer_early_checks(in_fd, out_fd, prefix, places)
        gc.enable()

        import asyncio

        from kefuguard.protocol.host import serve_stdio

        return asyncio.run(serve_stdio(argv, in_fd, out_fd, prefix, engine, checked))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0  # the browser went away while we answered
