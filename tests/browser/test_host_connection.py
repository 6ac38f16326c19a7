"""The background's native-port logic (background/host-connection.js) against a scripted fake port,
run inside the real service worker: timeouts, a hung host, exits and a missing host."""

from __future__ import annotations

import pytest

FAKE_RUNTIME = """
  const HostConnection = globalThis.kefuguardBackground.host.constructor;
  const ports = [];
  const runtime = {
    lastError: undefined,
    connectNative(name) {
      const port = {
        name, posted: [], disconnected: false,
        msgListeners: [], discListeners: [],
        onMessage: { addListener: (f) => port.msgListeners.push(f) },
        onDisconnect: { addListener: (f) => port.discListeners.push(f) },
        postMessage(m) { if (port.disconnected) throw new Error("disconnected port"); port.posted.push(m); },
        disconnect() { port.disconnected = true; },
        reply(m) { port.msgListeners.forEach((f) => f(m)); },
        die(message) {
          port.disconnected = true;
          runtime.lastError = { message };
          port.discListeners.forEach((f) => f(port));
          runtime.lastError = undefined;
        },
      };
      ports.push(port);
      return port;
    },
  };
  const states = [];
  const conn = new HostConnection(runtime, (state) => states.push(state));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const settle = (p) => p.then((v) => ({ ok: true, v }), (e) => ({ ok: false, code: e.code }));
"""


def run(browser, body: str):
    return browser.worker.evaluate(f"async () => {{ {FAKE_RUNTIME} {body} }}")


def test_requests_are_pipelined_on_one_port_and_matched_by_id(browser):
    out = run(
        browser,
        """
        const a = settle(conn.request({type: "check_url", url: "https://a.example/"}));
        const b = settle(conn.request({type: "check_url", url: "https://b.example/"}));
        const [p] = ports;
        const [ma, mb] = p.posted;
        p.reply({id: mb.id, ok: true, result: {level: "none", reasons: []}});
        p.reply({id: ma.id, ok: false, error: {code: "bad_url", message: "no"}});
        return {ports: ports.length, a: await a, b: await b, ids: [ma.id, mb.id], state: conn.state};
        """,
    )
    assert out["ports"] == 1
    assert out["ids"][0] != out["ids"][1]
    assert out["a"] == {"ok": False, "code": "bad_url"}
    assert out["b"]["ok"] is True
    assert out["state"] == "connected"


def test_a_request_times_out_and_a_hung_host_is_restarted(browser):
    out = run(
        browser,
        """
        const results = [];
        for (let i = 0; i < 3; i++) results.push(await settle(conn.request({type: "status"}, 30)));
        const first = ports[0];
        const next = settle(conn.request({type: "status"}, 2000));
        await sleep(300);  // a host that never answered is started again after a backoff
        const second = ports[ports.length - 1];
        second.reply({id: second.posted[0].id, ok: true, result: {ok: true}});
        return {results, firstDisconnected: first.disconnected, ports: ports.length, next: await next};
        """,
    )
    assert [r["code"] for r in out["results"]] == ["timeout", "timeout", "timeout"]
    assert out["firstDisconnected"] is True
    assert out["ports"] == 2
    assert out["next"]["ok"] is True


def test_an_exited_host_is_started_again_and_pending_checks_are_resent(browser):
    out = run(
        browser,
        """
        const answered = settle(conn.request({type: "status"}));
        ports[0].reply({id: ports[0].posted[0].id, ok: true, result: {ok: true}});
        await answered;
        const pending = settle(conn.request({type: "check_url", url: "https://a.example/"}));
        ports[0].reply({id: -1, ok: true, result: {}});  // an unknown id is ignored
        ports[0].die("Native host has exited.");  // a host that was answering: started again at once
        await sleep(20);
        const again = ports[1];
        again.reply({id: again.posted[0].id, ok: true, result: {level: "danger", reasons: []}});
        return {pending: await pending, ports: ports.length, states};
        """,
    )
    assert out["pending"]["ok"] is True
    assert out["ports"] == 2
    assert "exited" in out["states"]


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("Specified native messaging host not found.", "host_missing"),
        ("Access to the specified native messaging host is forbidden.", "host_forbidden"),
        ("Failed to start native messaging host.", "host_failed"),
        ("No such native application org.kefuguard.host", "host_missing"),
    ],
)
def test_a_host_that_cannot_run_fails_fast_until_retried(browser, message, code):
    out = run(
        browser,
        f"""
        const first = settle(conn.request({{type: "status"}}));
        ports[0].die({message!r});
        const firstResult = await first;
        const quick = await settle(conn.request({{type: "status"}}));
        const portsBeforeRetry = ports.length;
        conn.retryNow();
        return {{firstResult, quick, portsBeforeRetry, portsAfterRetry: ports.length, detail: conn.detail}};
        """,
    )
    assert out["firstResult"] == {"ok": False, "code": code}
    assert out["quick"] == {"ok": False, "code": code}
    assert out["portsBeforeRetry"] == 1
    assert out["portsAfterRetry"] == 2
    assert out["detail"] == ""  # a fresh attempt is under way
