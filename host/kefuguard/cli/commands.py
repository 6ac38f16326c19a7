"""The commands behind `kefuguard`. Output: JSON lines with --json, short readable blocks without."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kefuguard.cli.main import EXIT_INPUT_ERRORS, EXIT_NO_LIST, EXIT_OK
from kefuguard.errors import InputError, KefuguardError, NoUsableList

LEVEL_LABEL = {"verified": "VERIFIED 官方", "none": "NONE 未知", "caution": "CAUTION 注意", "danger": "DANGER 危险"}


MAX_LINE_BYTES = 16 << 20  # a longer stdin line is answered with an error, not held in memory
READ_SIZE = 1 << 16


def _write(text: str) -> None:
    if text:
        sys.stdout.write(text)
    sys.stdout.flush()


def emit(obj: Any) -> None:
    _write(_json_line(obj))


def error_obj(e: KefuguardError, **extra: Any) -> dict[str, Any]:
    return {"error": e.to_dict(), **extra}


Line = tuple[str | None, KefuguardError | None]


def _decoded(raw: bytes) -> Line:
    line = raw[:-1] if raw.endswith(b"\r") else raw
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, InputError("line is not valid UTF-8", code="bad_utf8")


def stdin_batches(stream: Any = None, max_line: int = MAX_LINE_BYTES) -> Iterator[list[Line]]:
    """Lines of stdin as text, in batches of what has arrived so far: a pipe fed all at once is
    answered in large writes, one fed line by line is answered line by line (read1 returns what
    is there without waiting for more). A line that is not UTF-8, or longer than max_line bytes,
    yields an error in its place; an over-long line is skipped, never held in memory."""
    stream = stream if stream is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed: no lines
        return
    pending = bytearray()
    too_long = False  # inside a line already answered as too long: drop up to its newline
    while True:
        chunk = stream.read1(READ_SIZE)
        if not chunk:
            break
        batch: list[Line] = []
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not too_long:
                if len(pending) + len(piece) > max_line:
                    batch.append((None, InputError(f"line is longer than {max_line} bytes", code="line_too_long")))
                    too_long = True
                    pending.clear()
                else:
                    pending += piece
            if end < 0:
                break
            if too_long:
                too_long = False
            else:
                batch.append(_decoded(bytes(pending)))
                pending.clear()
            start = end + 1
        if batch:
            yield batch
    if pending and not too_long:
        yield [_decoded(bytes(pending))]


def argument_batches(values: list[str]) -> Iterator[list[Line]]:
    yield [(v, None) for v in values]


def print_block(subject: str, result: dict[str, Any]) -> None:
    print(subject)
    brand = f"  brand: {result['brand']}" if result.get("brand") else ""
    stale = "  (list expired: update it)" if result.get("list_stale") else ""
    print(f"  {LEVEL_LABEL.get(result['level'], result['level'])}{brand}{stale}")
    for r in result["reasons"]:
        print(f"  - {r['message']}\n    {r['message_zh']}")
    for en, zh in zip(result.get("advice", []), result.get("advice_zh", []), strict=False):
        print(f"  > {en}\n    {zh}")
    print()


def _write_batch(out: list[str]) -> None:
    """One write and one flush per batch: a JSON line per input, in input order (human-readable
    blocks were printed already: flushed too, for a reader waiting on them)."""
    _write("".join(out))
    out.clear()


def _json_line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def cmd_check_url(args: Any, engine: Any) -> int:
    from kefuguard.detect.url_check import check_url_json

    failed = False
    batches = stdin_batches() if args.urls == ["-"] else argument_batches(args.urls)
    for batch in batches:
        out: list[str] = []
        try:
            for url, problem in batch:
                try:
                    if problem is not None:
                        raise problem
                    if args.json:
                        assert url is not None
                        # the host's encoder: the result encoded once per host, reused for its links
                        out.append(check_url_json(url, engine.channels()) + "\n")
                        continue
                    result = engine.check_url(url)
                except NoUsableList:
                    raise
                except KefuguardError as e:
                    failed = True
                    if args.json:
                        out.append(_json_line(error_obj(e, input=url)))
                    else:
                        print(f"{url}\n  error: {e.message}\n", file=sys.stdout)
                    continue
                print_block(url or "", result)
        finally:
            _write_batch(out)  # what was answered before a fatal error still goes out, in order
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def _text_requests(args: Any, batch: list[Line], json_in: bool) -> Iterator[tuple[Any, KefuguardError | None]]:
    """JSON lines from stdin with --json; otherwise each line or TEXT argument is a plain text."""
    for line, problem in batch:
        if problem is not None:
            yield None, problem
        elif json_in:
            try:
                yield json.loads(line or ""), None
            except (ValueError, RecursionError):
                yield None, InputError("line is not valid JSON", code="bad_json")
        else:
            yield {"text": line, "url": args.url, "direction": args.direction}, None


def cmd_check_text(args: Any, engine: Any) -> int:
    failed = False
    from_stdin = args.texts == ["-"]
    batches = stdin_batches() if from_stdin else argument_batches(args.texts)
    for batch in batches:
        out: list[str] = []
        try:
            for request, problem in _text_requests(args, batch, from_stdin and args.json):
                try:
                    if problem is not None:
                        raise problem
                    result = engine.check_text(request)
                except NoUsableList:
                    raise
                except KefuguardError as e:
                    failed = True
                    if args.json:
                        out.append(_json_line(error_obj(e)))
                    else:
                        print(f"error: {e.message}\n")
                    continue
                if args.json:
                    out.append(_json_line(result))
                else:
                    text = request.get("text", "") if isinstance(request, dict) else ""
                    print_block(text[:80] + ("…" if len(text) > 80 else ""), result)
        finally:
            _write_batch(out)
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_status(args: Any, engine: Any) -> int:
    status = engine.status()
    if args.json:
        emit(status)
    else:
        if status["ok"]:
            for entry in status["lists"]:
                role = "list" if entry["role"] == "main" else f"supplementary list {entry['url']}"
                print(f"{role}: {entry['publisher']} version {entry['version']} ({entry['origin']})")
                print(
                    f"  issued {entry['issued']}, expires {entry['expires']}"
                    + ("  STALE: update it" if entry["stale"] else "")
                )
                counts = entry["counts"]
                added = f" ({len(entry['brands_added'])} added)" if "brands_added" in entry else ""
                print(f"  {counts.get('brands', 0)} brands{added}, {counts.get('scam_domains', 0)} scam domains")
            print(f"  path: {status['path']}")
        else:
            print("no usable list")
        updates = status.get("updates") or {}
        success, failure = updates.get("last_success"), updates.get("last_failure")
        if success:
            print(f"last successful update: {success['time']} ({success['status']}, version {success.get('version')})")
        if failure:
            print(f"last failed update: {failure['time']}: {failure['message']}")
        if updates.get("next_due"):
            print(f"next update due: {updates['next_due']}")
        for url, rec in (updates.get("supplementary") or {}).items():
            failed = rec.get("last_failure")
            if failed:
                print(f"supplementary list {url}: last failed update {failed['time']}: {failed['message']}")
        for p in status["problems"]:
            print(f"problem: {p['origin']} {p['path']}: {p['code']}: {p['message']}")
        for p in status["config"]["problems"]:
            print(f"config: {p}")
        if status["config"]["managed"]:
            print("managed settings: " + ", ".join(status["config"]["managed"]))
        if status["config"]["locked"]:
            print("locked settings: " + ", ".join(status["config"]["locked"]))
        print(f"host version {status['host_version']}, data in {status['data_dir']}")
    return EXIT_OK if status["ok"] else EXIT_NO_LIST


def cmd_update(args: Any, engine: Any) -> int:
    """0: updated or already current; 1: failed, the last good list is still in use (the message
    says which and how old); 3: failed and no list at all. With --detailed-exit-codes an update
    that found the list already current exits 4, so `kefuguard update --detailed-exit-codes && X`
    runs X only after an actual update."""
    import asyncio
    import logging
    import time

    from kefuguard.lists.update import update_lists

    logging.getLogger("kefuguard").addHandler(logging.NullHandler())  # the outcome says it all, once

    interactive = sys.stderr.isatty() and not args.json
    shown = {"at": 0.0, "width": 0}

    def progress(event: str, info: dict[str, Any]) -> None:
        """One line on a terminal, rewritten in place; nothing under cron."""
        now = time.monotonic()
        if event == "bytes":
            if now - shown["at"] < 0.1:
                return
            total = f" of {info['total'] / 1e6:.1f}" if info.get("total") else ""
            line = f"downloading {info['url']}: {info['received'] / 1e6:.1f}{total} MB"
        elif event == "mirror":
            line = f"asking {info['url']} ({info['role']} list, round {info['round']})"
        elif event == "verify":
            line = f"verifying {info['bytes'] / 1e6:.1f} MB from {info['url']}"
        elif event == "wait":
            line = f"retrying in {info['seconds']:.1f} s"
        elif event == "error":
            line = f"{info['url']}: {info['code']}"
        else:
            return
        shown["at"] = now
        sys.stderr.write("\r" + line[:119].ljust(shown["width"]))
        shown["width"] = min(119, len(line))
        sys.stderr.flush()

    report = asyncio.run(update_lists(engine, args.url, args.force, progress=progress if interactive else None))
    if interactive and shown["width"]:
        sys.stderr.write("\r" + " " * shown["width"] + "\r")
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
        return 4
    return EXIT_OK


def _passphrase(var: str | None) -> bytes | None:
    if not var:
        return None
    value = os.environ.get(var)
    if not value:
        raise InputError(f"environment variable {var} is empty or unset", code="key.no_passphrase")
    return value.encode("utf-8")


def cmd_list(args: Any) -> int:
    from kefuguard.lists import publish

    if args.list_command == "keygen":
        keyid, key_path, pub_path = publish.generate_key(Path(args.out), _passphrase(args.passphrase_env))
        print(
            f"keyid {keyid}\nprivate key {key_path} (mode 0600: keep it offline, never commit it)\n"
            f"public key {pub_path}"
        )
        return EXIT_OK
    if args.list_command == "sign":
        from kefuguard.lists.source import build_signed, read_source

        now = datetime.now(UTC).replace(microsecond=0)
        version = args.list_version if args.list_version is not None else int(now.strftime("%Y%m%d%H%M"))
        signed = build_signed(
            read_source(Path(args.source)),
            version=version,
            issued=now,
            expires_days=args.expires_days,
            publisher=args.publisher,
        )
        keys = [publish.load_private_key(Path(k), _passphrase(args.passphrase_env)) for k in args.key]
        if args.announce_keys:
            signed["keys"] = [publish.public_hex_of(k) for k in keys]
        from kefuguard.lists.atomic import write_atomic

        write_atomic(Path(args.out), publish.bundle_bytes(publish.sign_signed(signed, keys)))
        print(
            f"signed {signed['publisher']} version {version} ({len(signed['brands'])} brands) "
            f"with {len(keys)} key(s) -> {args.out}"
        )
        return EXIT_OK
    if args.list_command == "verify":
        return _verify(args)
    return _inspect(args)


def _verify(args: Any) -> int:
    from kefuguard.lists.trust import TrustedKeys
    from kefuguard.lists.verify import verify_bundle

    if args.trust:
        trust = TrustedKeys.of(args.trust, args.threshold or 1)
    else:
        from kefuguard.config import load_settings
        from kefuguard.paths import Places

        settings = load_settings(Places.from_environment())
        trust = TrustedKeys.for_main_list(settings.trust_keys, args.threshold or settings.trust_threshold)
    try:
        verified = verify_bundle(Path(args.bundle).read_bytes(), trust)
    except OSError as e:
        raise InputError(f"{args.bundle}: {e.strerror}", code="list.unreadable") from e
    except KefuguardError as e:
        if args.json:
            emit({"valid": False, "error": e.to_dict()})
        else:
            print(f"INVALID {args.bundle}: {e.code}: {e.message}")
        return EXIT_INPUT_ERRORS
    h = verified.header
    info = {
        "valid": True,
        "publisher": h.publisher,
        "version": h.version,
        "stale": h.is_stale(),
        "expires": verified.signed["expires"],
        "keyids": list(verified.keyids),
        "digest": verified.digest,
    }
    if args.json:
        emit(info)
    else:
        print(
            f"VALID {args.bundle}: {h.publisher} version {h.version}, signed by {len(verified.keyids)} trusted key(s)"
            + (", EXPIRED" if info["stale"] else "")
        )
    return EXIT_OK


def _inspect(args: Any) -> int:
    from kefuguard.lists.canonical import parse_strict

    try:
        doc = parse_strict(Path(args.bundle).read_bytes())
    except OSError as e:
        raise InputError(f"{args.bundle}: {e.strerror}", code="list.unreadable") from e
    signed = doc.get("signed", {}) if isinstance(doc, dict) else {}
    summary = {k: signed.get(k) for k in ("type", "spec", "publisher", "version", "issued", "expires")}
    summary["brands"] = [b.get("id") for b in signed.get("brands", []) if isinstance(b, dict)]
    summary["scam"] = {k: len(v) for k, v in signed.get("scam", {}).items() if isinstance(v, list)}
    summary["signatures"] = [s.get("keyid") for s in doc.get("signatures", []) if isinstance(s, dict)]
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return EXIT_OK


def run(args: Any) -> int:
    if args.command in ("install", "uninstall", "doctor"):
        from kefuguard.install import console

        return console.run(args)
    try:
        if args.command == "list":
            return cmd_list(args)
        from kefuguard.engine import Engine

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
    except NoUsableList as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        print(f"kefuguard: {e.message}", file=sys.stderr)
        return EXIT_NO_LIST
    except KefuguardError as e:
        if getattr(args, "json", False):
            emit(error_obj(e))
        print(f"kefuguard: {e.code}: {e.message}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
