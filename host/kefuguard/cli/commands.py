"""The commands behind `kefuguard`. Output: JSON lines with --json, short readable blocks without."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import Any

from kefuguard.cli.batch_io import answer_batches, argument_batches, emit, error_obj, json_line, stdin_batches
from kefuguard.exit_codes import EXIT_ALREADY_CURRENT, EXIT_FLAGGED, EXIT_INPUT_ERRORS, EXIT_NO_LIST, EXIT_OK
from kefuguard.cli.render import UpdateProgress, error_block, error_lines, error_zh, result_block, status_text
from kefuguard.detect.result import LEVEL_RANK, CheckInputError
from kefuguard.errors import KefuguardError, NoUsableListError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing's names at run time
if TYPE_CHECKING:
    from kefuguard.service.engine import Engine


ECHO_CHARS = 200  # an input echoed in an error line: enough to find it, never megabytes
SUBJECT_CHARS = 80  # a text's first characters head its readable block


def echo(value: str | None) -> str | None:
    """The input as an error line repeats it: a bounded prefix of a huge one, with its length."""
    if value is None or len(value) <= ECHO_CHARS:
        return value
    return f"{value[:ECHO_CHARS]}... ({len(value):,} characters)"


def _subject(text: str | None) -> str | None:
    if text is None:
        return None
    return text[:SUBJECT_CHARS] + ("…" if len(text) > SUBJECT_CHARS else "")


class _Outcome:
    """Whether any input reached the --fail-on level; the exit code of a check command."""

    def __init__(self, fail_on: str | None) -> None:
        self.fail_rank = LEVEL_RANK[fail_on] if fail_on else None
        self.flagged = False

    def saw(self, level: str) -> None:
        if self.fail_rank is not None and LEVEL_RANK.get(level, 0) >= self.fail_rank:
            self.flagged = True

    def exit_code(self, failed: bool) -> int:
        if self.flagged:
            return EXIT_FLAGGED  # a script asked about the level: that answer wins over a bad line
        return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_check_url(args: Any, engine: Engine) -> int:
    outcome = _Outcome(getattr(args, "fail_on", None))

    def answer(url: str) -> str:
        if args.json:  # the host's encoder: the result encoded once per host, reused for its links
            line = engine.check_url_json(url) + "\n"
            if outcome.fail_rank is not None:
                outcome.saw(json.loads(line)["level"])
            return line
        result = engine.check_url(url)
        outcome.saw(result["level"])
        return result_block(url, result)

    return _answer_each(args, args.urls, answer, outcome)


def _answer_each(args: Any, inputs: list[str], answer: Any, outcome: _Outcome) -> int:
    """One answer per input (an argument, or each stdin line for '-'), a bad one as an error in its place."""

    def answer_error(given: str | None, e: KefuguardError) -> str:
        return json_line(error_obj(e, input=echo(given))) if args.json else error_block(echo(given), e)

    batches = stdin_batches() if inputs == ["-"] else argument_batches(inputs)
    return outcome.exit_code(answer_batches(batches, answer, answer_error))


def cmd_check_contact(args: Any, engine: Engine) -> int:
    outcome = _Outcome(getattr(args, "fail_on", None))

    def answer(contact: str) -> str:
        result = engine.check_contact(contact)
        outcome.saw(result["level"])
        return json_line(result) if args.json else result_block(contact, result)

    return _answer_each(args, args.contacts, answer, outcome)


def cmd_check_page(args: Any, engine: Engine) -> int:
    """A page's address and what it shows of itself: the options, or with '-' JSON lines
    {"url", "page": {"title", "site_name", "headings", "logos", "fields"}} on stdin."""
    outcome = _Outcome(getattr(args, "fail_on", None))
    facts: dict[str, Any] = {"title": args.title, "site_name": args.site_name, "fields": args.field or []}
    if args.heading:
        facts["headings"] = args.heading
    if args.logo:
        facts["logos"] = args.logo

    def answer(given: str) -> str:
        if args.urls == ["-"]:
            try:
                request = json.loads(given)
            except ValueError:
                raise CheckInputError("not a JSON object", "不是 JSON 对象") from None
            if not isinstance(request, dict):
                raise CheckInputError("not a JSON object", "不是 JSON 对象")
            url, page = request.get("url"), request.get("page")
        else:
            url, page = given, facts
        result = engine.check_page(url, page)
        outcome.saw(result["level"])
        return json_line(result) if args.json else result_block(str(url), result)

    return _answer_each(args, args.urls, answer, outcome)


# Checked once before bulk input is spread over forked workers, so that the chat rules' modules
# and what they build on first use are loaded once in the parent and shared, not again in every
# worker (~550M instructions each): the index of brands' domains a link is compared with too.
# Not a look-alike link: its scorer (rapidfuzz, ~0.15 s) stays
# lazy, as most batches never need it
WARM_TEXTS = (
    "您好，我是淘宝客服，您的订单异常，需要给您双倍退款，请加QQ 2839475610",
    "您好，我是淘宝客服，您的订单异常，请登录 www.example.com 办理退款",
)


def _warm_text(engine: Engine) -> None:
    for text in WARM_TEXTS:
        engine.check_text({"text": text})


def _text_request(line: str, json_in: bool, args: Any) -> Any:
    """A stdin JSON line with --json; otherwise the line or TEXT argument is a plain text. Parsed
    where it is checked (in a worker for bulk input): the parent passes the line on as it came."""
    if not json_in:
        return {"text": line, "url": args.url, "direction": args.direction}
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        raise CheckInputError("line is not valid JSON", "该行不是有效的 JSON", code="bad_json") from None


def cmd_check_text(args: Any, engine: Engine) -> int:
    outcome = _Outcome(getattr(args, "fail_on", None))
    if getattr(args, "conversation", False):
        from kefuguard.cli.conversation import cmd_check_conversation

        return cmd_check_conversation(args, engine, outcome)
    from_stdin = args.texts == ["-"]
    json_in = from_stdin and args.json

    def check(line: str) -> tuple[str, str]:
        request = _text_request(line, json_in, args)
        if args.json:  # json_line(engine.check_text(request)), without the dict
            level, text = engine.check_text_json(request)
            return text + "\n", level
        result = engine.check_text(request)
        return result_block(_subject(request.get("text", "")) or "", result), result["level"]

    def answer_error(given: str | None, e: KefuguardError) -> str:
        return json_line(error_obj(e, input=echo(given))) if args.json else error_block(_subject(given), e)

    lines = stdin_batches() if from_stdin else argument_batches(args.texts)
    if from_stdin:
        from kefuguard.cli.parallel_batches import answer_on_cores

        failed = answer_on_cores(lines, check, answer_error, outcome.saw, lambda: _warm_text(engine))
        return outcome.exit_code(failed)

    def answer(line: str) -> str:
        text, level = check(line)
        outcome.saw(level)
        return text

    return outcome.exit_code(answer_batches(lines, answer, answer_error))


def cmd_status(args: Any, engine: Engine) -> int:
    status = engine.status()
    if args.json:
        emit(status)
    else:
        sys.stdout.write(status_text(status))
    return EXIT_OK if status["ok"] else EXIT_NO_LIST


UPDATE_NICENESS = 10  # POSIX: 0 is normal, 19 the lowest


def yield_cpu() -> None:
    """An update verifies and compiles a list for seconds of CPU. On a busy machine the checks a
    host or a service answers meanwhile (with the old list) should win the CPU, so the update
    lowers its own priority; on an idle machine this costs it nothing. Called by the process's
    entry (cli/main.py), not cmd_update: a caller in the same process keeps its priority.
    (Windows: the host starts its updater child below normal priority; service/schedule.py.)"""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(UPDATE_NICENESS)


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
        zh = error_zh(KefuguardError(result["message"], code=result.get("code") or "update.failed"))
        zh = zh if zh.startswith("更新失败") else f"更新失败：{zh}"
        print(f"kefuguard update: failed: {result['message']} / {zh}", file=sys.stderr)  # one line: cron mails it
    elif sys.stdout.isatty():
        print(f"{report.status}: {result['message']}")
    # else: success under cron or a timer says nothing (cron mails any output)
    if report.status == "failed":
        return EXIT_INPUT_ERRORS if report.serving else EXIT_NO_LIST
    if report.status == "current" and getattr(args, "detailed_exit_codes", False):
        return EXIT_ALREADY_CURRENT
    return EXIT_OK


def run(args: Any) -> int:
    if args.command == "serve":  # each worker process makes its own engine
        from kefuguard.serve.run import run_serve

        return run_serve(args)
    if args.command in ("install", "uninstall", "doctor"):
        from kefuguard.install import console

        return console.run(args)
    try:
        if args.command == "list":
            from kefuguard.cli.list_commands import cmd_list

            return cmd_list(args)
        if args.command == "evidence":
            from kefuguard.cli.evidence_commands import cmd_evidence

            return cmd_evidence(args)
        from kefuguard.service.engine import Engine

        # a long stdin batch sees an installed update within a second, as the host does, without a
        # stat of the list file per line
        engine = Engine(recheck_seconds=1.0)
        handler = {
            "check-url": cmd_check_url,
            "check-contact": cmd_check_contact,
            "check-page": cmd_check_page,
            "check-text": cmd_check_text,
            "status": cmd_status,
            "update": cmd_update,
        }[args.command]
        return handler(args, engine)
    except NoUsableListError as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        sys.stderr.write(error_lines("kefuguard", e))
        return EXIT_NO_LIST
    except KefuguardError as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        sys.stderr.write(error_lines("kefuguard", e))
        return EXIT_INPUT_ERRORS
