"""How a host name is shown to a person: the Unicode form the user saw, each look-alike character
in brackets, then the punycode it really is ('[ạ]lipay.com (xn--lipay-3ve.com)').

Host names are kept in punycode everywhere else (comparison, `host`, `matched`); this is for the
texts of reasons only, and for the `host_unicode` / `domain_unicode` fields of a URL result.
"""

from __future__ import annotations

from kefuguard.detect.url.skeleton import reads_as_latin

MARK_OPEN, MARK_CLOSE = "[", "]"  # a host name can hold neither, so a mark is never part of a name


def unicode_label(label: str) -> str:
    """The Unicode form of a punycode label ('xn--...'); any other label as it is."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label


def _shown_label(label: str) -> str:
    """unicode_label for display: a label that does not decode to printable text that encodes back
    to itself ('xn--bad') stays in punycode."""
    text = unicode_label(label)
    if text is label or not text.isprintable():
        return label
    try:
        again = "xn--" + text.encode("punycode").decode("ascii")
    except UnicodeError:
        return label
    return text if again == label else label


def unicode_host(host: str) -> str:
    """'xn--lipay-3ve.com' -> 'ạlipay.com'; a host without punycode labels as it is."""
    if "xn--" not in host:
        return host
    return ".".join(_shown_label(label) for label in host.split("."))


def marked_label(label: str) -> str:
    """Each character of a Unicode label that reads as a Latin letter or digit it is not, in brackets."""
    return "".join(f"{MARK_OPEN}{ch}{MARK_CLOSE}" if not ch.isascii() and reads_as_latin(ch) else ch for ch in label)


def shown_host(host: str, *, mark: bool = True) -> tuple[str, bool]:
    """The host as a reason shows it, and whether a look-alike character was marked. A host with
    punycode labels is 'Unicode form (punycode)', its look-alike characters marked unless `mark` is
    off (an official site's own name imitates nothing); any other host as it is."""
    if "xn--" not in host:
        return host, False
    labels = [_shown_label(label) for label in host.split(".")]
    shown = ".".join(marked_label(label) if mark else label for label in labels)
    if shown == host:
        return host, False  # no label decoded
    return f"{shown} ({host})", MARK_OPEN in shown
