"""A real aiohttp server on 127.0.0.1 standing in for a security team's report endpoint (HTTPS
with `ssl_context`, e.g. from `self_signed`).

Routes (each POST is recorded in `received`: path, headers, body):

  /evidence          200 (or `status`, when set)
  /status/{code}     that status
  /slow              waits `slow_seconds` before answering 200
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from aiohttp import web


class ReportServer:
    def __init__(self, ssl_context: Any = None) -> None:
        self.ssl_context = ssl_context
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.slow_seconds = 2.0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = 0

    def url(self, path: str = "/evidence") -> str:
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    async def _record(self, request: web.Request) -> None:
        body = await request.read()
        self.received.append({"path": request.path, "headers": dict(request.headers), "body": body})

    async def _evidence(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        return web.Response(status=self.status, text="thanks")

    async def _status(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        return web.Response(status=int(request.match_info["code"]))

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        await asyncio.sleep(self.slow_seconds)
        return web.Response(status=200)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application(client_max_size=300 << 20)
        app.router.add_post("/evidence", self._evidence)
        app.router.add_post("/status/{code}", self._status)
        app.router.add_post("/slow", self._slow)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=3)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self.ssl_context)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> ReportServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (and its key), valid for a day: (cert.pem, key.pem)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def server_context(cert: Path, key: Path) -> Any:
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context
