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
    code = "download_failed"


class ListError(KefuguardError):
    """A list bundle was refused. Each subclass is one reason, with its own code."""

    code = "list.invalid"


class MalformedBundle(ListError):
    code = "list.malformed"


class DuplicateKey(ListError):
    code = "list.duplicate_key"


class WrongType(ListError):
    code = "list.wrong_type"


class UnsupportedSpec(ListError):
    code = "list.unsupported_spec"


class SchemaError(ListError):
    code = "list.schema"


class MissingSignature(ListError):
    code = "list.signature_missing"


class UnknownKey(ListError):
    code = "list.unknown_key"


class BadSignature(ListError):
    code = "list.bad_signature"


class ThresholdNotMet(ListError):
    code = "list.threshold"


class Rollback(ListError):
    code = "list.rollback"


class VersionConflict(ListError):
    code = "list.version_conflict"


class Expired(ListError):
    code = "list.expired"


class TooLarge(ListError):
    code = "list.too_large"


class NoUsableList(ListError):
    code = "list.none_usable"
