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


# Chinese for errors that carry none of their own (CheckInputError has message_zh), by code, then by
# the code's family; the English message beside it says the details
_ERRORS_ZH = {
    "bad_url": "不是可检查的网址：只检查 http 和 https 网址",
    "bad_request": "请求格式不对",
    "bad_json": "该行不是有效的 JSON",
    "bad_utf8": "该行不是有效的 UTF-8 文本",
    "line_too_long": "该行过长，已跳过",
    "list.none_usable": "没有可用的名单：没有一份名单通过验证，无法检查",
    "list.unreadable": "无法读取名单文件",
    "key.no_passphrase": "环境变量中没有口令",
    "key.unreadable": "无法读取私钥（口令不对或文件损坏）",
    "config_error": "配置有误",
    "install.unknown_browser": "不认识的浏览器名称",
    "install.bad_option": "选项组合不对",
    "install.bad_extension_id": "扩展 ID 格式不对",
    "install.no_extension_id": "不知道 Chromium 扩展的 ID：请用 --extension-id 指定",
    "install.no_browser": "本机没有找到支持的浏览器：请先安装浏览器，或用 --browser 指定",
    "install.permission": "没有写入权限（为所有用户安装需要管理员权限）",
    "install.io": "无法写入文件",
    "install.no_python": "找不到运行本程序的 Python",
    "install.record": "安装记录无法读取或写入",
}
_ERROR_FAMILIES_ZH = {
    "list.": "名单无效或无法使用",
    "key.": "密钥无法使用",
    "download": "下载失败",
    "update.": "更新失败",
    "install.": "安装出错",
}


def error_zh(e: KefuguardError) -> str:
    """The Chinese text of an error: its own, or what its code means."""
    own = getattr(e, "message_zh", None)
    if isinstance(own, str) and own:
        return own
    if e.code in _ERRORS_ZH:
        return _ERRORS_ZH[e.code]
    family = next((zh for k, zh in _ERROR_FAMILIES_ZH.items() if e.code.startswith(k)), "出错")
    return f"{family}（{e.code}）"
