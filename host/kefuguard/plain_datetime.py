"""datetime's classes without importing the `datetime` module (~1 ms of a host's start to its first
URL check: that module defines its whole pure-Python version before replacing it with its C
accelerator's). `_datetime` is that accelerator: its classes are the very objects `datetime`
exports, so every parse, comparison and format (a list's issue and expiry times) is datetime's
own. A module of that path imports them from here, and type checkers see datetime's.
tests/test_plain_typing.py checks they are datetime's.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import UTC, datetime
else:
    try:
        from _datetime import UTC, datetime
    except ImportError:  # an interpreter without the accelerator
        from datetime import UTC, datetime

__all__ = ["UTC", "datetime"]
