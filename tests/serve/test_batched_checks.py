"""BatchedChecks: requests that arrive together are checked back to back, each gets its own answer."""

from __future__ import annotations

import asyncio

import pytest

from kefuguard.serve.batched_checks import BatchedChecks


def test_requests_of_one_turn_are_checked_in_one_batch_each_getting_its_own_result() -> None:
    calls: list[str] = []

    def check(text: str) -> str:
        calls.append(text)
        return text.upper()

    async def main() -> tuple[list[str], list[list[str]]]:
        checks = BatchedChecks(check)
        batches: list[list[str]] = []
        original = checks._run

        def run() -> None:
            calls.clear()
            original()
            batches.append(list(calls))

        checks._run = run  # type: ignore[method-assign]
        first = await asyncio.gather(*(checks.check(t) for t in ("a", "b", "c")))
        second = await checks.check("d")
        return [*first, second], batches

    results, batches = asyncio.run(main())
    assert results == ["A", "B", "C", "D"]
    assert batches == [["a", "b", "c"], ["d"]]


def test_an_exception_goes_to_its_own_request_only() -> None:
    def check(text: str) -> str:
        if text == "bad":
            raise ValueError("bad input")
        return text

    async def main() -> list[object]:
        checks = BatchedChecks(check)
        return await asyncio.gather(*(checks.check(t) for t in ("ok", "bad", "fine")), return_exceptions=True)

    ok, bad, fine = asyncio.run(main())
    assert (ok, fine) == ("ok", "fine")
    assert isinstance(bad, ValueError)


def test_a_cancelled_request_is_not_checked() -> None:
    calls: list[str] = []

    async def main() -> str:
        checks = BatchedChecks(lambda t: calls.append(t) or t)
        gone = asyncio.ensure_future(checks.check("gone"))
        kept = asyncio.ensure_future(checks.check("kept"))
        await asyncio.sleep(0)  # both queued
        gone.cancel()
        with pytest.raises(asyncio.CancelledError):
            await gone
        return await kept

    assert asyncio.run(main()) == "kept"
    assert calls == ["kept"]


def test_a_queue_left_by_a_stopped_loop_does_not_stall_the_next_one() -> None:
    checks = BatchedChecks(str.upper)
    stopped = asyncio.new_event_loop()
    try:  # a request queued on a loop that stopped before its batch ran
        checks._queued.append(("gone", stopped.create_future()))
        checks._loop = stopped
    finally:
        stopped.close()
    assert asyncio.run(checks.check("next")) == "NEXT"
