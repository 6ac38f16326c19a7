"""Baseline for bench_host.py: the least a Python native-messaging host can do.

Same framing as kefuguard (4-byte native-order length, then UTF-8 JSON), blocking I/O on
sys.stdin.buffer / sys.stdout.buffer, no asyncio, no imports beyond json and struct.
Every frame is decoded and answered with {"id": <its id>, "ok": true, "result": {}}.
"""

import json
import struct
import sys

HEADER = struct.Struct("=I")


def main() -> int:
    rd, wr = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = rd.read(HEADER.size)
        if len(header) < HEADER.size:
            return 0 if not header else 1
        (length,) = HEADER.unpack(header)
        body = rd.read(length)
        if len(body) < length:
            return 1
        request = json.loads(body)
        rid = request.get("id") if isinstance(request, dict) else None
        out = json.dumps({"id": rid, "ok": True, "result": {}}).encode("utf-8")
        wr.write(HEADER.pack(len(out)) + out)
        wr.flush()


if __name__ == "__main__":
    sys.exit(main())
