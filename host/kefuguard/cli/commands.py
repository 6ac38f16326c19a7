"""The commands behind `kefuguard`. Output: JSON lines with --json, short readable blocks without."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kefuguard.cli.main import EXIT_INPUT_ERRORS, EXIT_NO_LIST, EXIT_OK, EXIT_USAGE
from kefuguard.errors import InputError, KefuguardError, NoUsableList

LEVEL_LABEL = {"verified": "VERIFIED 官方", "none": "NONE 未知", "caution": "CAUTION 注意", "danger": "DANGER 危险"}


def emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def error_obj(e: KefuguardError, **extra: Any) -> dict[str, Any]:
    return {"error": e.to_dict(), **extra}


def stdin_lines() -> Iterator[tuple[str | None, KefuguardError | None]]:
    """Lines of stdin as text; a line that is not UTF-8 yields an error in its place."""
    for raw in sys.stdin.buffer:
        line = raw.rstrip(b"\r\n")
        try:
            yield line.decode("utf-8"), None
        except UnicodeDecodeError:
            yield None, InputError("line is not valid UTF-8", code="bad_utf8")


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


def cmd_check_url(args: Any, engine: Any) -> int:
    failed = False
    inputs: Iterator[tuple[str | None, KefuguardError | None]]
    if args.urls == ["-"]:
        inputs = stdin_lines()
    else:
        inputs = ((u, None) for u in args.urls)
    for url, problem in inputs:
        try:
            if problem is not None:
                raise problem
            result = engine.check_url(url)
        except NoUsableList:
            raise
        except KefuguardError as e:
            failed = True
            if args.json:
                emit(error_obj(e, input=url))
            else:
                print(f"{url}\n  error: {e.message}\n", file=sys.stdout)
            continue
        if args.json:
            emit(result)
        else:
            print_block(url or "", result)
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_check_text(args: Any, engine: Any) -> int:
    failed = False
    if args.texts == ["-"]:

        def requests() -> Iterator[tuple[Any, KefuguardError | None]]:
            for line, problem in stdin_lines():
                if problem is not None:
                    yield None, problem
                    continue
                if args.json:
                    try:
                        yield json.loads(line or ""), None
                    except (ValueError, RecursionError):
                        yield None, InputError("line is not valid JSON", code="bad_json")
                else:
                    yield {"text": line, "url": args.url, "direction": args.direction}, None

        inputs = requests()
    else:
        inputs = (({"text": t, "url": args.url, "direction": args.direction}, None) for t in args.texts)
    for request, problem in inputs:
        try:
            if problem is not None:
                raise problem
            result = engine.check_text(request)
        except NoUsableList:
            raise
        except KefuguardError as e:
            failed = True
            emit(error_obj(e)) if args.json else print(f"error: {e.message}\n")
            continue
        if args.json:
            emit(result)
        else:
            text = request.get("text", "") if isinstance(request, dict) else ""
            print_block(text[:80] + ("…" if len(text) > 80 else ""), result)
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def cmd_status(args: Any, engine: Any) -> int:
    status = engine.status()
    if args.json:
        emit(status)
    else:
        if status["ok"]:
            main = status["lists"][0]
            print(f"list: {main['publisher']} version {main['version']} ({main['origin']})")
            print(
                f"  issued {main['issued']}, expires {main['expires']}"
                + ("  STALE: update it" if main["stale"] else "")
            )
            print(f"  {main['counts'].get('brands', 0)} brands, {main['counts'].get('scam_domains', 0)} scam domains")
            print(f"  path: {status['path']}")
        else:
            print("no usable list")
        for p in status["problems"]:
            print(f"problem: {p['origin']} {p['path']}: {p['code']}: {p['message']}")
        for p in status["config"]["problems"]:
            print(f"config: {p}")
        if status["config"]["managed"]:
            print("managed settings: " + ", ".join(status["config"]["managed"]))
        print(f"host version {status['host_version']}, data in {status['data_dir']}")
    return EXIT_OK if status["ok"] else EXIT_NO_LIST


def cmd_update(args: Any, engine: Any) -> int:
    import asyncio

    from kefuguard.lists.update import update_main_list

    outcome = asyncio.run(update_main_list(engine, args.url, args.force))
    if args.json:
        emit(outcome.to_dict())
    else:
        print(f"{outcome.status}: {outcome.message}")
    return EXIT_OK if outcome.status in ("updated", "current") else EXIT_INPUT_ERRORS


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
        print(f"kefuguard {args.command} is not available yet; see README 'Install for browsers'.", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "list":
            return cmd_list(args)
        from kefuguard.engine import Engine

        engine = Engine()
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
