"""stdout for the CLI: a write that fails (a full disk, an I/O error) ends the command with one line
on stderr, not a traceback; a reader that went away (`| head`) ends it quietly (main.py)."""

from __future__ import annotations

from typing import Any


class OutputFailedError(Exception):
    pass


class GuardedOutput:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailedError(e.strerror or str(e)) from e

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailedError(e.strerror or str(e)) from e

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
