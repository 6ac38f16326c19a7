"""One exception hierarchy; every error carries a stable `code` that reaches JSON replies.

Split by who is at fault: the caller sent bad input (InputError / ProtocolError), a list is
bad (ListError), the transport failed (DownloadError), the local setup is wrong (ConfigError).
"""

from __future__ import annotations


class KefuguardError(Exception):
    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class InputError(KefuguardError):
    """A request or command-line value is not usable (bad URL, wrong field type...)."""

    code = "bad_request"


class ProtocolError(KefuguardError):
    """The browser side sent a frame we cannot accept."""

    code = "protocol_error"


class ConfigError(KefuguardError):
    code = "config_error"


class DownloadError(KefuguardError):
    """The transport failed: the mirror, the network or what it sent, before any trust decision."""

    code = "download_failed"


class DownloadHTTPError(DownloadError):
    code = "download.http_status"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class DownloadTimeoutError(DownloadError):
    code = "download.timeout"


class DownloadTooLargeError(DownloadError):
    code = "download.too_large"


class DownloadIncompleteError(DownloadError):
    """The connection closed before the body was complete (reset, or a Content-Length that lied)."""

    code = "download.incomplete"


class DownloadConnectionError(DownloadError):
    code = "download.connection"


class RedirectRefusedError(DownloadError):
    code = "download.redirect_refused"


class ListError(KefuguardError):
    """A list bundle was refused. Each subclass is one reason, with its own code."""

    code = "list.invalid"


class MalformedBundleError(ListError):
    code = "list.malformed"


class DuplicateKeyError(ListError):
    code = "list.duplicate_key"


class WrongTypeError(ListError):
    code = "list.wrong_type"


class UnsupportedSpecError(ListError):
    code = "list.unsupported_spec"


class SchemaError(ListError):
    code = "list.schema"


class MissingSignatureError(ListError):
    code = "list.signature_missing"


class UnknownKeyError(ListError):
    code = "list.unknown_key"


class BadSignatureError(ListError):
    code = "list.bad_signature"


class ThresholdNotMetError(ListError):
    code = "list.threshold"


class RollbackError(ListError):
    code = "list.rollback"


class VersionConflictError(ListError):
    code = "list.version_conflict"


class ExpiredError(ListError):
    code = "list.expired"


class TooLargeError(ListError):
    code = "list.too_large"


class NoUsableListError(ListError):
    code = "list.none_usable"
