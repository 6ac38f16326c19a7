"""`kefuguard evidence make|verify`: evidence files (docs/evidence.md). The work is in kefuguard.evidence;
here: the arguments, the output and the exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kefuguard.cli.batch_io import emit, error_obj
from kefuguard.exit_codes import EXIT_INPUT_ERRORS, EXIT_NOT_EVIDENCE, EXIT_NOT_INTACT, EXIT_OK, EXIT_USAGE
from kefuguard.cli.render import error_lines

STATUS_ZH = {"changed": "已改动", "missing": "缺失", "unlisted": "未列出"}


def shown(value: Any) -> str:
    """A value from a file as one terminal line: control and format characters escaped, so a hostile
    file cannot move the cursor, recolour the terminal or turn text around."""
    text = "?" if value is None else str(value)
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def cmd_evidence(args: Any) -> int:
    if args.evidence_command == "verify":
        return _verify(args)
    if args.evidence_command == "send":
        return _send(args)
    return _make(args)


def _make(args: Any) -> int:
    from kefuguard.evidence.make import make_evidence
    from kefuguard.service.engine import Engine

    made = make_evidence(
        Engine(),
        args.url,
        Path(args.out),
        text_file=Path(args.text_file) if args.text_file else None,
        screenshot=Path(args.screenshot) if args.screenshot else None,
    )
    if args.json:
        emit({"out": str(made.out), "fingerprint": made.fingerprint, "parts": made.parts})
        return EXIT_OK
    print(
        f"wrote {made.out}: {len(made.parts)} parts, {made.size:,} bytes; the page is {made.level}\n"
        f"fingerprint {made.fingerprint}\n"
        "  已保存证据文件。请现在把指纹抄下或发给自己（或警方）：日后凭它可证明文件就是此时保存的那一份。\n"
        "  Write the fingerprint down or send it to yourself now: it shows later that the file is the one saved now."
    )
    return EXIT_OK


def _verify(args: Any) -> int:
    from kefuguard.evidence.format import NotEvidenceError
    from kefuguard.evidence.verify import verify_file

    path = Path(args.file)
    try:
        report = verify_file(path)
    except NotEvidenceError as e:
        e.args = (f"{args.file}: {e.message}",)
        e.message_zh = f"{args.file}：{e.message_zh}"
        if args.json:
            emit({"file": args.file, "status": "not_evidence", **error_obj(e)})
        sys.stderr.write(error_lines("kefuguard", e))
        return EXIT_NOT_EVIDENCE
    made = f"made {shown(report.manifest.get('created_utc'))} by {shown(report.manifest.get('made_by'))}"
    if args.json:
        emit({"file": args.file, **report.to_dict()})
    elif report.intact:
        page = shown(report.page_url)
        print(f"intact: {len(report.parts)} parts, fingerprint {report.fingerprint}, {made}, page {page}")
    else:
        print(_not_intact(report, made))
    return EXIT_OK if report.intact else EXIT_NOT_INTACT


def _not_intact(report: Any, made: str) -> str:
    counts: dict[str, int] = {}
    for p in report.problems:
        counts[p.status] = counts.get(p.status, 0) + 1
    if report.outside:
        counts["unlisted"] = counts.get("unlisted", 0) + len(report.outside)
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    listed = len(report.manifest.get("parts", []))
    lines = [
        f"not intact: {summary} (the manifest lists {listed} parts); fingerprint {report.fingerprint}, {made}, "
        f"page {shown(report.page_url)}"
    ]
    for p in report.problems:
        at = f" (line {p.line})" if p.line is not None else ""
        lines.append(f"  {p.status}: {shown(p.name)}{at}: {p.detail}")
        lines.append(f"    {STATUS_ZH[p.status]}：{shown(p.name)}：{p.detail_zh}")
    for o in report.outside:
        lines.append(f"  unlisted: line {o.line}: {shown(o.what)}, outside the parts")
        lines.append(f"    未列出：第 {o.line} 行：{shown(o.what_zh)}，在各部分之外")
    lines.append("  证据文件与其清单不符：上面列出的部分被改动、缺失或未列入清单。")
    return "\n".join(lines)


SEND_SETUP_CODES = {"report.not_configured", "report.not_evidence"}  # exit 2: nothing could be tried


def _send(args: Any) -> int:
    """POST an intact evidence file to the managed config's report endpoint (evidence/send.py)."""
    import asyncio

    from kefuguard.config import load_settings
    from kefuguard.evidence.format import NotEvidenceError
    from kefuguard.evidence.send import ReportError, send_evidence
    from kefuguard.evidence.verify import read_evidence_file
    from kefuguard.paths import Places

    settings = load_settings(Places.from_environment())
    try:
        try:
            data = read_evidence_file(Path(args.file))
        except NotEvidenceError as e:
            raise ReportError(e.message, e.message_zh, code="report.not_evidence") from None
        sent = asyncio.run(send_evidence(data, settings.report_endpoint, max_bytes=settings.report_max_bytes))
    except ReportError as e:
        e.args = (f"{args.file}: {e.message}",)
        if args.json:
            extra = {"http_status": e.http_status} if e.http_status is not None else {}
            emit({"file": args.file, "status": "failed", **error_obj(e, **extra)})
        sys.stderr.write(error_lines("kefuguard", e))
        return EXIT_USAGE if e.code in SEND_SETUP_CODES else EXIT_INPUT_ERRORS
    if args.json:
        emit({"file": args.file, **sent})
        return EXIT_OK
    print(
        f"sent {args.file} to {sent['endpoint']}: HTTP {sent['http_status']}, {sent['bytes']:,} bytes\n"
        f"fingerprint {sent['fingerprint']}\n"
        "  证据文件已发送给所在单位的安全团队。"
    )
    return EXIT_OK
