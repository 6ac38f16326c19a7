"""The commands behind `kefuguard`. Output: JSON lines with --json, short readable blocks without."""

from __future__ import annotations

import json
import sys
from typing import Any

from kefuguard.cli.batch_io import answer_batches, argument_batches, emit, error_obj, json_line, stdin_batches
from kefuguard.cli.exit_codes import EXIT_ALREADY_CURRENT, EXIT_INPUT_ERRORS, EXIT_NO_LIST, EXIT_OK
from kefuguard.cli.render import UpdateProgress, result_block, status_text
from kefuguard.errors import InputError, KefuguardError, NoUsableListError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing's names at run time
if TYPE_CHECKING:
    from kefuguard.service.engine import Engine


ECHO_CHARS = 200  # an input echoed in an error line: enough to find it, never megabytes


def echo(value: str | None) -> str | None:
    """The input as an error line repeats it: a bounded prefix of a huge one, with its length."""
    if value is None or len(value) <= ECHO_CHARS:
        return value
    return f"{value[:ECHO_CHARS]}... ({len(value):,} characters)"


def cmd_check_url(args: Any, engine: Engine) -> int:
    def answer(url: str) -> str:
        if args.json:  # the host's encoder: the result encoded once per host, reused for its links
            return engine.check_url_json(url) + "\n"
        return result_block(url, engine.check_url(url))

    def answer_error(url: str | None, e: KefuguardError) -> str:
        shown = echo(url)
        return json_line(error_obj(e, input=shown)) if args.json else f"{shown}\n  error: {e.message}\n\n"

    batches = stdin_batches() if args.urls == ["-"] else argument_batches(args.urls)
    return EXIT_INPUT_ERRORS if answer_batches(batches, answer, answer_error) else EXIT_OK


def _text_requests(args: Any, batches: Any, json_in: bool) -> Any:
    """JSON lines from stdin with --json; otherwise each line or TEXT argument is a plain text."""
    for batch in batches:
        requests: list[tuple[Any, KefuguardError | None]] = []
        for line, problem in batch:
            if problem is not None:
                requests.append((None, problem))
            elif json_in:
                try:
                    requests.append((json.loads(line or ""), None))
                except (ValueError, RecursionError):
                    requests.append((None, InputError("line is not valid JSON", code="bad_json")))
            else:
                requests.append(({"text": line, "url": args.url, "direction": args.direction}, None))
        yield requests


def cmd_check_text(args: Any, engine: Engine) -> int:
    def answer(request: Any) -> str:
        result = engine.check_text(request)
        if args.json:
            return json_line(result)
        text = request.get("text", "")
        return result_block(text[:80] + ("…" if len(text) > 80 else ""), result)

    def answer_error(request: Any, e: KefuguardError) -> str:
        return json_line(error_obj(e)) if args.json else f"error: {e.message}\n\n"

    from_stdin = args.texts == ["-"]
    lines = stdin_batches() if from_stdin else argument_batches(args.texts)
    failed = answer_batches(_text_requests(args, lines, from_stdin and args.json), answer, answer_error)
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_status(args: Any, engine: Engine) -> int:
    status = engine.status()
    if args.json:
        emit(status)
    else:
        sys.stdout.write(status_text(status))
    return EXIT_OK if status["ok"] else EXIT_NO_LIST


def cmd_update(args: Any, engine: Engine) -> int:
    """0: updated or already current; 1: failed, the last good list is still in use (the message
    says which and how old); 3: failed and no list at all. With --detailed-exit-codes an update
    that found the list already current exits 4, so `kefuguard update --detailed-exit-codes && X`
    runs X only after an actual update."""
    import asyncio
    import logging

    from kefuguard.service.updates import update_lists

    logging.getLogger("kefuguard").addHandler(logging.NullHandler())  # the outcome says it all, once
    progress = UpdateProgress() if sys.stderr.isatty() and not args.json else None
    report = asyncio.run(update_lists(engine, args.url, args.force, progress=progress))
    if progress is not None:
        progress.clear()
    result = report.to_dict()
    if args.json:
        emit(result)
    elif report.status == "failed":
        print(f"kefuguard update: failed: {result['message']}", file=sys.stderr)
    elif sys.stdout.isatty():
        print(f"{report.status}: {result['message']}")
    # else: success under cron or a timer says nothing (cron mails any output)
    if report.status == "failed":
        return EXIT_INPUT_ERRORS if report.serving else EXIT_NO_LIST
    if report.status == "current" and getattr(args, "detailed_exit_codes", False):
        return EXIT_ALREADY_CURRENT
    return EXIT_OK


def run(args: Any) -> int:
    if args.command in ("install", "uninstall", "doctor"):
        from kefuguard.install import console

        return console.run(args)
    try:
        if args.command == "list":
            from kefuguard.cli.list_commands import cmd_list

            return cmd_list(args)
        from kefuguard.service.engine import Engine

        # a long stdin batch sees an installed update within a second, as the host does, without a
        # stat of the list file per line
        engine = Engine(recheck_seconds=1.0)
        handler = {
            "check-url": cmd_check_url,
            "check-text": cmd_check_text,
            "status": cmd_status,
            "update": cmd_update,
        }[args.command]
        return handler(args, engine)
    except NoUsableListError as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        print(f"kefuguard: {e.message}", file=sys.stderr)
        return EXIT_NO_LIST
    except KefuguardError as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        print(f"kefuguard: {e.code}: {e.message}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
