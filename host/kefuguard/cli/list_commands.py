"""`kefuguard list ...`: the publisher's tools (keygen, build, sign, verify, inspect, diff). docs/releasing.md."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kefuguard.cli.batch_io import emit
from kefuguard.exit_codes import EXIT_INPUT_ERRORS, EXIT_OK
from kefuguard.errors import InputError, KefuguardError


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
    if args.list_command == "build":
        return _build(args)
    if args.list_command == "candidates":
        return _candidates(args)
    if args.list_command == "diff":
        from kefuguard.publisher.diff import diff_files

        print(diff_files(Path(args.old), Path(args.new), args.json))
        return EXIT_OK
    return _inspect(args)


def _build(args: Any) -> int:
    from kefuguard.lists.atomic import write_atomic
    from kefuguard.lists.source import read_source
    from kefuguard.publisher.build import build_list, load_removals
    from kefuguard.publisher.feeds import load_feed_specs, read_feeds
    from kefuguard.publisher.toml_writer import dumps

    source = read_source(Path(args.source))
    feeds = read_feeds(load_feed_specs(Path(args.feeds)))
    previous = read_source(Path(args.previous)) if args.previous else None
    merged, report = build_list(
        source,
        feeds,
        previous=previous,
        removals=load_removals(Path(args.removals) if args.removals else None),
        max_domains=args.max_domains,
        max_change=args.max_change,
        accept_change=args.accept_change,
    )
    out = Path(args.out)
    if out.suffix == ".toml":
        header = f"# Built by `kefuguard list build` from {Path(args.source).name} and {Path(args.feeds).name}.\n"
        data = dumps(merged, header).encode("utf-8")
    else:
        data = (json.dumps(merged, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_atomic(out, data)
    for line in report.lines():
        print(line)
    print(f"wrote {out}: sign it with `kefuguard list sign {out} --key ... --out BUNDLE`")
    return EXIT_OK


def _candidates(args: Any) -> int:
    import sys

    from kefuguard.lists.atomic import write_atomic
    from kefuguard.publisher.candidates import candidates_toml, harvest
    from kefuguard.service.engine import Engine

    folder = Path(args.folder)
    if not folder.is_dir():
        raise InputError(f"{args.folder}: not a folder", code="candidates.no_folder")
    found = harvest(folder, Engine().channels())
    text = candidates_toml(found, folder.name)
    for s in found.skipped:
        sys.stderr.write(f"skipped {s['file']}: {s['reason']}\n  已跳过 {s['file']}：不是完整的证据文件\n")
    left = ", ".join(f"{n} {r}" for r, n in sorted(found.left_out.items())) or "nothing"
    summary = (
        f"{len(found.files)} intact evidence files read, {len(found.skipped)} skipped; "
        f"{len(found.candidates)} candidates; left out: {left}"
    )
    if args.out:
        write_atomic(Path(args.out), text.encode("utf-8"))
        print(f"{summary}\nwrote {args.out}: review every entry before adding it to the supplementary list's source")
    else:
        sys.stdout.write(text)
        sys.stderr.write(summary + "\n")
    return EXIT_OK


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
