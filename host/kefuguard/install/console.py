"""What `kefuguard install`, `uninstall` and `doctor` print: arguments in, reports out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kefuguard.errors import error_zh
from kefuguard.install import InstallError
from kefuguard.install.browsers import Browser, parse_browsers
from kefuguard.install.context import SYSTEM, USER, InstallContext
from kefuguard.install.discover import find_browser
from kefuguard.install.doctor import DoctorReport, run_doctor
from kefuguard.install.extension_ids import resolve_ids
from kefuguard.install.installer import InstallReport, install, uninstall

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _user_data_dir(args: Any) -> Path | None:
    raw = getattr(args, "user_data_dir", None)
    return Path(raw).expanduser().absolute() if raw else None


def run(args: Any, ctx: InstallContext | None = None) -> int:
    ctx = ctx or InstallContext.current()
    try:
        if args.command == "doctor":
            return _doctor(args, ctx)
        return _install_or_uninstall(args, ctx)
    except InstallError as e:
        if args.json:
            _emit({"ok": False, "error": {**e.to_dict(), "message_zh": error_zh(e)}})
        print(f"kefuguard {args.command}: {e.message}\n  {error_zh(e)}", file=sys.stderr)
        return EXIT_USAGE if e.code in ("install.bad_option", "install.unknown_browser") else EXIT_PROBLEMS


def _install_or_uninstall(args: Any, ctx: InstallContext) -> int:
    scope = SYSTEM if args.system else USER
    udd = _user_data_dir(args)
    if args.command == "install":
        if udd is not None and not args.browser:
            args.browser = ["chromium"]
        browsers, skipped = parse_browsers(args.browser), list[Browser]()
        if not args.browser:  # all of them: only those this machine has
            browsers, skipped = _present(ctx, browsers)
        report = install(
            ctx,
            scope,
            browsers,
            resolve_ids(args.extension_id, ctx.extension_manifest),
            user_data_dir=udd,
            flatpak=args.flatpak,
        )
        report.skipped = [b.key for b in skipped]
    else:
        if udd is not None and not args.browser:
            args.browser = ["chromium"]
        report = uninstall(ctx, scope, parse_browsers(args.browser) if args.browser else None, udd)
    if args.json:
        _emit(report.to_dict())
    else:
        _print_install(report)
    return EXIT_OK


def _present(ctx: InstallContext, browsers: list[Browser]) -> tuple[list[Browser], list[Browser]]:
    """The browsers found installed, and the others; none found is an error that says what to do."""
    present = [b for b in browsers if find_browser(ctx, b)]
    if not present:
        raise InstallError(
            "no supported browser was found on this machine (looked for "
            + ", ".join(b.key for b in browsers)
            + "): install one and run `kefuguard install` again, or name it: kefuguard install --browser chrome",
            code="install.no_browser",
        )
    return present, [b for b in browsers if b not in present]


def _print_install(r: InstallReport) -> None:
    print(f"kefuguard {r.command}: {r.scope} scope, {r.platform}, browsers: {', '.join(r.browsers) or 'none'}")
    for a in r.actions:
        role = f" ({a.role})" if a.role else ""
        note = f"  [{a.note}]" if a.note else ""
        print(f"  {a.action:9} {a.where}{role}{note}")
    if r.command == "install":
        if r.extension_ids is not None:
            print("  lets in: " + ", ".join([*r.extension_ids.origins, *r.extension_ids.firefox]))
        for k, v in r.baked_env.items():
            print(f"  the launcher sets {k}={v}")
    print(f"  record: {r.record}")
    if r.skipped:
        print(
            f"  skipped, not found on this machine: {', '.join(r.skipped)} "
            "(install one later and run `kefuguard install` again, or `--browser B` to write its manifest anyway)"
        )
    for n in r.notes:
        print(f"note ({n.browser}, {n.kind}): {n.message}")
    for w in r.warnings:
        print(f"warning: {w}")
    if r.command == "install":
        print("Next: install the extension in the browser, then check everything with `kefuguard doctor`.")


def _doctor(args: Any, ctx: InstallContext) -> int:
    udd = _user_data_dir(args)
    browsers = parse_browsers(args.browser) if args.browser else None
    if udd is not None and (browsers is None or len(browsers) != 1):
        raise InstallError("--user-data-dir needs exactly one --browser", code="install.bad_option")
    report = run_doctor(ctx, resolve_ids(args.extension_id, ctx.extension_manifest), browsers, udd, args.timeout)
    if args.json:
        _emit(report.to_dict())
    else:
        _print_doctor(report)
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _print_doctor(r: DoctorReport) -> None:
    print(f"kefuguard doctor ({r.platform})")
    for b in r.browsers:
        state = "ok  " if not b.findings else "FAIL"
        found = b.found or ("not found installed, but has a manifest" if b.manifest else "not found installed")
        print(f"  {b.browser:9} {state} {found}")
        if b.manifest:
            via = f" via {b.registry}" if b.registry else ""
            print(f"            manifest {b.manifest} ({b.scope}{via})")
        if b.host and b.host.get("answered"):
            print(f"            host {b.host.get('host_version')} answered status in {b.host['seconds']:.2f} s")
    s = r.list_status or {}
    if s.get("ok"):
        fresh = "EXPIRED" if s.get("stale") else "fresh"
        print(
            f"  list      {s.get('publisher')} version {s.get('version')}, expires {s.get('expires')} ({fresh}; "
            f"as seen by {s.get('source')})"
        )
    c = r.config
    if c:
        present = "present" if c.get("managed_config_present") else "not present"
        print(f"  config    managed config {c['managed_config']}: {present}")
        if c.get("managed"):
            print(f"            managed: {', '.join(c['managed'])}")
        if c.get("locked"):
            print(f"            locked: {', '.join(c['locked'])}")
        if c.get("report_endpoint"):
            print(f"            evidence is sent (on the user's click) to {c['report_endpoint']}")
    for n in r.notes:
        print(f"note ({n.browser}, {n.kind}): {n.message}")
    for remark in r.remarks:
        print(f"note: {remark}")
    if r.ok:
        print("All good.")
        return
    print(f"{len(r.findings)} problem(s):")
    for f in r.findings:
        print(f"  {f.line()}")
