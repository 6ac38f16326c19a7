"""`kefuguard serve`: check the options, then run one serving process or N workers on one port.

Refusals are one line on stderr (English / Chinese) and exit 2, before anything listens: a host
other than loopback without --token-file, a token file that is unreadable or holds a weak token,
--workers > 1 where the kernel cannot share a port (SO_REUSEPORT load-balancing is Linux's).

With --workers N the parent forks N workers that each bind the port with SO_REUSEPORT (the kernel
spreads connections over them) and waits; SIGTERM or SIGINT is passed on to every worker, each
drains its in-flight requests and exits 0. A worker that dies otherwise stops the others and the
parent exits 1, for the supervisor (systemd, the container runtime) to restart the service.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kefuguard.exit_codes import EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE

log = logging.getLogger("kefuguard.serve")

MIN_TOKEN_CHARS = 32
MAX_WORKERS = 64
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


class Refused(Exception):
    """A start refused for its options: one line, English / Chinese."""

    def __init__(self, english: str, chinese: str) -> None:
        super().__init__(f"{english} / {chinese}")


@dataclass(frozen=True)
class Plan:
    host: str
    port: int
    workers: int
    token: str | None
    cors_origins: tuple[str, ...]


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name (or "" = every interface): it may resolve to anything


def reuse_port_supported() -> bool:
    """SO_REUSEPORT with load-balancing across the sockets: Linux (BSD and macOS let a port be
    shared, but do not spread connections over the sockets)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def read_token(path: str) -> str:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise Refused(f"cannot read the token file {path}: {reason}", f"无法读取令牌文件 {path}") from None
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(lines) != 1 or any(c.isspace() for c in lines[0]):
        raise Refused(
            f"the token file {path} must hold one line: the token, without spaces",
            f"令牌文件 {path} 必须只有一行：令牌本身，不含空格",
        )
    token = lines[0]
    if len(token) < MIN_TOKEN_CHARS:
        raise Refused(
            f"the token in {path} has {len(token)} characters; at least {MIN_TOKEN_CHARS} are needed"
            f" (make one with: openssl rand -hex 32 > {path})",
            f"令牌太短（{len(token)} 个字符），至少需要 {MIN_TOKEN_CHARS} 个",
        )
    # container secrets (/run/secrets, 0444 in a one-user container) and systemd credentials are
    # handed over read-only on purpose; a plain file readable by everyone is worth a warning
    handed_over = (Path("/run/secrets"), *(Path(d) for d in [os.environ.get("CREDENTIALS_DIRECTORY")] if d))
    if os.name == "posix" and not any(Path(path).absolute().is_relative_to(d) for d in handed_over):
        try:
            if Path(path).stat().st_mode & 0o007:
                log.warning("the token file %s is readable by every user on this machine (chmod 600 it)", path)
        except OSError:
            pass
    return token


def plan(args: Any) -> Plan:
    host, port, workers = args.host, args.port, args.workers
    if not 0 <= port <= 65535:
        raise Refused(f"--port {port} is not a TCP port (0-65535)", f"--port {port} 不是有效端口（0-65535）")
    if not 1 <= workers <= MAX_WORKERS:
        raise Refused(f"--workers must be 1 to {MAX_WORKERS}", f"--workers 必须在 1 到 {MAX_WORKERS} 之间")
    if args.token_file is None and not is_loopback(host):
        raise Refused(
            f"refusing to listen on {host or 'every interface'} without --token-file: anyone who can reach it"
            " could use the service (give a token file, or listen on 127.0.0.1)",
            f"拒绝在 {host or '所有网络接口'} 上无令牌监听：请用 --token-file 指定令牌，或只监听 127.0.0.1",
        )
    if workers > 1 and not reuse_port_supported():
        raise Refused(
            f"--workers {workers} needs SO_REUSEPORT load-balancing, which only Linux has here: run one worker"
            " per port behind a load balancer instead",
            "--workers 大于 1 需要 Linux 的 SO_REUSEPORT：请每个端口只运行一个进程",
        )
    if workers > 1 and port == 0:
        raise Refused("--workers > 1 needs a fixed --port (not 0)", "--workers 大于 1 时必须指定固定端口")
    token = read_token(args.token_file) if args.token_file is not None else None
    origins = tuple(dict.fromkeys(o.rstrip("/") for o in (args.cors_origin or [])))
    for origin in origins:
        if not origin.startswith(("http://", "https://")) or origin.count("/") != 2:
            raise Refused(
                f"--cors-origin {origin!r} is not an origin like https://agent.example.com",
                f"--cors-origin {origin!r} 不是有效的来源（例如 https://agent.example.com）",
            )
    return Plan(host, port, workers, token, origins)


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    for name, level in (("kefuguard", logging.INFO), ("aiohttp", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)


def url_of(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host or '0.0.0.0'}:{port}/"


async def serve(the_plan: Plan, worker: int = 0) -> int:
    from kefuguard.serve.app import Options
    from kefuguard.serve.server import Server

    options = Options(
        token=the_plan.token,
        cors_origins=the_plan.cors_origins,
        loopback_hosts_only=the_plan.token is None,  # no token: answer only requests addressed to loopback
    )
    server = Server(
        None,
        options,
        the_plan.host,
        the_plan.port,
        reuse_port=the_plan.workers > 1,
        run_updates=worker == 0,  # one schedule; the other workers see the installed file change
    )
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C cancels this task instead
            pass
    try:
        await server.start()
    except OSError as e:
        why = e.strerror or str(e)
        print(
            f"kefuguard serve: cannot listen on {the_plan.host}:{the_plan.port}: {why}"
            f" / 无法监听 {the_plan.host}:{the_plan.port}",
            file=sys.stderr,
            flush=True,
        )
        return EXIT_INPUT_ERRORS
    assert server.port is not None
    try:
        version = server.engine.loaded().active
        list_text = f"list {version.header.version}" if version is not None else "no usable list"
    except Exception:  # noqa: BLE001 - only for the start line
        list_text = "no usable list"
    log.info(
        "listening on %s (%s; %s; worker %d of %d)",
        url_of(the_plan.host, server.port),
        "token required" if the_plan.token else "no token: loopback only",
        list_text,
        worker + 1,
        the_plan.workers,
    )
    try:
        await stop.wait()
        log.info(
            "stopping: no new connections; requests in flight get up to %g s",
            options.limits.shutdown_timeout,
        )
    finally:
        await server.stop()
    log.info("stopped")
    return EXIT_OK


def _worker(the_plan: Plan, worker: int) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's forwarding handlers, until the loop's own
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(asyncio.run(serve(the_plan, worker)))


def run_workers(the_plan: Plan) -> int:
    import multiprocessing
    import multiprocessing.connection

    ctx = multiprocessing.get_context("fork")  # before any thread or event loop in this process
    procs = [
        ctx.Process(target=_worker, args=(the_plan, i), name=f"kefuguard-serve-{i + 1}")
        for i in range(the_plan.workers)
    ]
    stopping = False

    def stop_all(signum: int = signal.SIGTERM, frame: Any = None) -> None:
        nonlocal stopping
        stopping = True
        for p in procs:
            if p.pid is not None and p.exitcode is None:
                try:
                    os.kill(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass

    signal.signal(signal.SIGTERM, stop_all)
    signal.signal(signal.SIGINT, stop_all)
    for p in procs:
        p.start()
    code = EXIT_OK
    running = list(procs)
    while running:
        multiprocessing.connection.wait([p.sentinel for p in running])
        for p in [p for p in running if not p.is_alive()]:
            p.join()
            running.remove(p)
            if p.exitcode != 0 or not stopping:
                code = EXIT_INPUT_ERRORS
                if not stopping:
                    log.error("worker %s (pid %s) exited with %s; stopping the others", p.name, p.pid, p.exitcode)
                    stop_all()
    return code


def run_serve(args: Any) -> int:
    setup_logging()
    try:
        the_plan = plan(args)
    except Refused as e:
        print(f"kefuguard serve: {e}", file=sys.stderr)
        return EXIT_USAGE
    if the_plan.workers == 1:
        return asyncio.run(serve(the_plan))
    return run_workers(the_plan)
