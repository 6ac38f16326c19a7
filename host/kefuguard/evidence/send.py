"""Sending an evidence file to the organisation's security team: one HTTPS POST to the endpoint the
managed config names (`[report] endpoint`), only when someone asks for it (the `send_evidence` request,
`kefuguard evidence send`), never while checking.

Only an intact evidence file is sent: it is verified first, and a file that is not evidence or not
intact never leaves the machine (no connection is opened). The body is the file's bytes as they are,
`Content-Type: text/html; charset=utf-8`, with the fingerprint in `X-Kefuguard-Fingerprint` so the
receiving side can file it before reading it. Every failure is a `ReportError` with a stable code.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from kefuguard import __version__
from kefuguard.errors import KefuguardError
from kefuguard.lists.fetcher import check_transport, proxy_for

USER_AGENT = f"kefuguard/{__version__}"
MAX_REPLY_BYTES = 64 << 10  # of the endpoint's reply body read (and thrown away)


class ReportError(KefuguardError):
    """Sending failed or was refused; said in Chinese too (`message_zh`)."""

    code = "report.error"

    def __init__(self, message: str, message_zh: str, *, code: str, http_status: int | None = None) -> None:
        super().__init__(message, code=code)
        self.message_zh = message_zh
        self.http_status = http_status


@dataclass(frozen=True)
class SendTimeouts:
    connect: float = 10.0
    total: float = 60.0


DEFAULT_SEND_TIMEOUTS = SendTimeouts()


def checked_file(data: bytes, max_bytes: int) -> str:
    """The fingerprint of an intact evidence file no bigger than `max_bytes`; else a ReportError."""
    from kefuguard.evidence.format import NotEvidenceError
    from kefuguard.evidence.verify import MAX_FILE_BYTES, verify_bytes

    if len(data) > max_bytes:
        raise ReportError(
            f"the file has {len(data):,} bytes, more than the {max_bytes:,} the report endpoint takes",
            f"文件有 {len(data):,} 字节，超过报告地址接受的 {max_bytes:,} 字节",
            code="report.too_large",
        )
    if len(data) > MAX_FILE_BYTES:
        raise ReportError("not an evidence file (too large)", "不是证据文件（过大）", code="report.not_evidence")
    try:
        report = verify_bytes(data)
    except NotEvidenceError as e:
        raise ReportError(
            f"not an evidence file: {e.message}", f"不是证据文件：{e.message_zh}", code="report.not_evidence"
        ) from None
    if not report.intact:
        names = ", ".join(p.name for p in report.problems) or "something outside the parts"
        raise ReportError(
            f"the evidence file is not intact ({names}); only an intact file is sent",
            "证据文件已被改动，不完整；只发送完整的证据文件",
            code="report.not_intact",
        )
    return report.fingerprint


async def send_evidence(
    data: bytes,
    endpoint: str | None,
    *,
    max_bytes: int = 20 << 20,
    timeouts: SendTimeouts = DEFAULT_SEND_TIMEOUTS,
) -> dict[str, Any]:
    """Verify `data`, then POST it to `endpoint`. {"status": "sent", "http_status", "endpoint",
    "fingerprint", "bytes"}, or a ReportError."""
    if not endpoint:
        raise ReportError(
            "no report endpoint is configured: your organisation's managed config sets [report] endpoint",
            "未配置报告地址：由所在单位的托管配置 [report] endpoint 设置",
            code="report.not_configured",
        )
    try:
        check_transport(endpoint, allow_plain_http=False)
    except KefuguardError:
        raise ReportError(
            f"the report endpoint must be https (plain http only to loopback): {endpoint}",
            f"报告地址必须是 https（明文 http 只允许本机）：{endpoint}",
            code="report.not_configured",
        ) from None
    # on a thread: a host keeps answering checks while a large file is verified
    fingerprint = await asyncio.to_thread(checked_file, data, max_bytes)
    return await _post(data, endpoint, fingerprint, timeouts)


async def _post(data: bytes, endpoint: str, fingerprint: str, timeouts: SendTimeouts) -> dict[str, Any]:
    import ssl

    import aiohttp

    headers = {
        "Content-Type": "text/html; charset=utf-8",
        "X-Kefuguard-Fingerprint": fingerprint,
        "X-Kefuguard-Version": __version__,
        "User-Agent": USER_AGENT,
    }
    timeout = aiohttp.ClientTimeout(total=timeouts.total, sock_connect=timeouts.connect)
    try:
        # trust_env=False: proxies come from proxy_for(), which never proxies loopback
        async with aiohttp.ClientSession(timeout=timeout, trust_env=False) as session:
            async with session.post(
                endpoint, data=data, headers=headers, allow_redirects=False, proxy=proxy_for(endpoint)
            ) as resp:
                await resp.content.read(MAX_REPLY_BYTES)
                status = resp.status
    except TimeoutError:
        raise ReportError(
            f"{endpoint}: no answer within the time allowed ({timeouts.connect:g} s to connect, "
            f"{timeouts.total:g} s in all)",
            f"{endpoint}：在限定时间内没有回应",
            code="report.timeout",
        ) from None
    except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError, ssl.SSLError) as e:
        raise ReportError(
            f"{endpoint}: the TLS connection failed ({_cause(e)})",
            f"{endpoint}：TLS 加密连接失败（证书或协议问题）",
            code="report.tls",
        ) from None
    except (aiohttp.ClientError, OSError) as e:
        raise ReportError(
            f"{endpoint}: cannot reach it ({_cause(e)})", f"{endpoint}：无法连接", code="report.unreachable"
        ) from None
    if not 200 <= status < 300:
        raise ReportError(
            f"{endpoint}: the server answered HTTP {status}; the file was not accepted",
            f"{endpoint}：服务器返回 HTTP {status}，文件未被接收",
            code="report.http_status",
            http_status=status,
        )
    return {
        "status": "sent",
        "http_status": status,
        "endpoint": endpoint,
        "fingerprint": fingerprint,
        "bytes": len(data),
    }


def _cause(e: BaseException) -> str:
    text = str(e).strip()
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
