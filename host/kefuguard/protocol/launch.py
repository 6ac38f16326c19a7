"""Entry of `kefuguard host`: protect stdout, answer a first `status` fast and the page's first
`check_url` before the event loop, then run the full host.

The launcher starts Python with `-S` (install/launcher.py): `site` is loaded here, after the first
replies, or as soon as anything imports a module the launcher's folders and the standard library
do not hold (_SiteOnDemand), so a first check does not pay for the environment's .pth files."""

from __future__ import annotations

import gc
import os
import sys

from kefuguard import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

HOST_HELP = """usage: kefuguard host [ORIGIN]

The native-messaging host: a browser starts it (through the manifest `kefuguard install` wrote)
and talks to it on stdin/stdout in length-prefixed JSON frames (docs/protocol.md). It is not
for typing into. To try the checks yourself:

  kefuguard check-url https://taobao-kefu.com/        a link
  kefuguard check-text "请加我QQ办理退款"              a chat message
  kefuguard doctor                                    can each browser reach this host?

Exit codes: 0 the browser closed the connection (or --help); 2 started from a terminal.
"""


class _SiteOnDemand:
    """Last on sys.meta_path while `site` is not loaded: a module no other finder found is looked
    for again with it. The standard library's own probes for other platforms' modules (nt, msvcrt,
    and Jython's org.python in copy and pickle) are left to fail as they do."""

    folders = ""  # the launcher's, which site.main() would have added in its own order

    @classmethod
    def find_spec(
        cls, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if path is not None or name in sys.stdlib_module_names or name == "org":
            return None
        load_site()
        from kefuguard.top_level_spec import find_top_level_spec

        return find_top_level_spec(name)


def load_site() -> None:
    """What `python` without -S does at start: the environment's site-packages and .pth files,
    with the launcher's folders where site puts them. Once; nothing when it ran at start."""
    if _SiteOnDemand not in sys.meta_path:
        return
    sys.meta_path.remove(_SiteOnDemand)
    added = [f for f in _SiteOnDemand.folders.split(os.pathsep) if f]
    if added and sys.path[-len(added) :] == added:  # the launcher's, appended last
        del sys.path[-len(added) :]
    import site

    site.main()
    sys.path += [f for f in added if f not in sys.path]


def run_host(argv: list[str], folders: str | None = None) -> int:
    """`folders`: what the launcher added to sys.path for a start without site (install/launcher.py)."""
    if folders is not None and sys.flags.no_site and _SiteOnDemand not in sys.meta_path:
        _SiteOnDemand.folders = folders
        sys.meta_path.append(_SiteOnDemand)
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
        load_site()  # the full host runs in the environment a plain start has

        import asyncio

        from kefuguard.protocol.host import serve_stdio

        return asyncio.run(serve_stdio(argv, in_fd, out_fd, prefix, engine, checked))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0  # the browser went away while we answered
