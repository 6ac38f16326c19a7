"""Every endpoint of `kefuguard serve` and every error it answers, against a real server on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import logging
import re
import socket
import threading
import time

import pytest

from kefuguard.serve.app import MAX_REMEMBERED_HOSTS, Limits, Options
from kefuguard.serve.console import SCRIPT, STYLE
from tests.serve.conftest import TOKEN, engine_for

# --- checks ---------------------------------------------------------------------------------------


def test_one_url_gets_the_result_object_of_the_cli_and_the_host(api):
    reply = api.call("POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    result = reply.json()["result"]
    assert set(reply.json()) == {"result"}
    assert (result["level"], result["brand"], result["url"]) == ("danger", "taobao", "https://taobao-kefu.com/")
    assert result["reasons"] and result["advice"] and result["advice_zh"]
    assert "taobao.com" in result["brand_card"]["domains"]
    assert result == api.server.engine.check_url("https://taobao-kefu.com/")


def test_a_batch_answers_in_order_with_a_bad_url_as_an_error_in_its_place(api):
    urls = ["https://www.taobao.com/", "ftp://x.example/", 42, "https://example.org/"]
    reply = api.call("POST", "/v1/check/url", {"urls": urls})
    assert reply.status == 200
    results = reply.json()["results"]
    assert len(results) == 4
    assert (results[0]["level"], results[0]["brand"]) == ("verified", "taobao")
    assert results[1]["error"]["code"] == "bad_url" and results[1]["input"] == "ftp://x.example/"
    assert results[1]["error"]["message_zh"]
    assert results[2]["error"]["code"] == "bad_url" and results[2]["input"] is None
    assert results[3]["level"] == "none"
    assert api.call("POST", "/v1/check/url", {"urls": []}).json() == {"results": []}


def test_text_requests_sent_together_each_get_the_check_of_their_own_message(api):
    """They are checked back to back in one callback (serve/batched_checks.py): each reply is still
    its own message's result, and a malformed one fails alone."""
    texts = [
        "我是淘宝客服，请加我QQ 123456 办理退款",
        "亲，这款衣服有货的，今天下单明天发货哦。",
        "【顺丰速运】您的快件已由快递员派送，请保持电话畅通。",
        "Your Amazon account is locked, verify at http://amaz0n-verify.top now",
    ] * 4
    bodies = [{"text": t, "direction": "outgoing" if i % 5 == 4 else "incoming"} for i, t in enumerate(texts)]
    bodies.insert(7, {"text": "hi", "direction": "sideways"})
    replies = {}
    start = threading.Barrier(len(bodies))

    def send(i: int) -> None:
        start.wait()
        replies[i] = api.call("POST", "/v1/check/text", bodies[i])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, body in enumerate(bodies):
        if body["direction"] == "sideways":
            assert replies[i].status == 400 and replies[i].json()["error"]["code"] == "bad_request"
        else:
            assert replies[i].status == 200
            assert replies[i].json() == {"result": api.server.engine.check_text(body)}


def test_a_batch_of_1001_urls_is_refused_and_1000_is_answered(api):
    ok = api.call("POST", "/v1/check/url", {"urls": [f"https://h{i}.example/" for i in range(1000)]})
    assert ok.status == 200 and len(ok.json()["results"]) == 1000
    refused = api.call("POST", "/v1/check/url", {"urls": [f"https://h{i}.example/" for i in range(1001)]})
    assert refused.status == 400
    assert refused.json()["error"]["code"] == "batch_too_large"
    assert "1,000" in refused.json()["error"]["message"]


def test_one_message_and_a_conversation(api):
    one = api.call("POST", "/v1/check/text", {"text": "我是淘宝客服，请加我QQ 123456 办理退款"})
    assert one.status == 200
    result = one.json()["result"]
    assert result["level"] == "danger" and result["brand"] == "taobao"
    assert result["brand_card"]["name_zh"] == "淘宝"
    chat = api.call(
        "POST",
        "/v1/check/text",
        {
            "url": "https://example.org/chat",
            "messages": [
                {"text": "您好，我是淘宝客服，您的订单异常需要退款", "direction": "incoming"},
                {"text": "好的，怎么操作", "direction": "outgoing"},
                {"text": "请加我QQ 123456，把验证码发给我"},
            ],
        },
    )
    assert chat.status == 200
    verdict = chat.json()["result"]
    assert verdict["level"] == "danger"
    assert [m["direction"] for m in verdict["messages"]] == ["incoming", "outgoing", "incoming"]
    assert verdict["conversation"]["brands"][0]["id"] == "taobao" and verdict["conversation"]["brands"][0]["claimed"]
    assert verdict["messages"][2]["level"] == "danger"


def test_a_contact(api):
    reply = api.call("POST", "/v1/check/contact", {"contact": "+86 95188"})
    assert reply.status == 200
    result = reply.json()["result"]
    assert (result["level"], result["brand"], result["contact"]["kind"]) == ("verified", "alipay", "phone")
    assert api.call("POST", "/v1/check/contact", {"contact": "qq:1"}).json()["result"]["level"] == "none"


def test_a_page_and_what_it_shows(api):
    page = {"title": "中国工商银行个人网上银行", "fields": ["password"]}
    reply = api.call("POST", "/v1/check/page", {"url": "https://xk2j9.top/login", "page": page})
    assert reply.status == 200
    result = reply.json()["result"]
    assert (result["level"], result["brand"], result["official_site"]) == ("danger", "icbc", "icbc.com.cn")


def test_status_and_healthz(api):
    status = api.call("GET", "/v1/status")
    assert status.status == 200 and status.json()["ok"] is True
    assert status.json()["version"] == api.server.engine.status()["version"]
    health = api.call("GET", "/healthz")
    assert (health.status, health.json()) == (200, {"ok": True})


def test_without_a_usable_list_healthz_is_503_and_checks_say_why(serve, home, tmp_path):
    broken = serve(engine=engine_for(home, embedded=tmp_path / "missing.json"))
    health = broken.call("GET", "/healthz")
    assert (health.status, health.json()) == (503, {"ok": False})
    reply = broken.call("POST", "/v1/check/url", {"url": "https://www.taobao.com/"})
    assert reply.status == 503 and reply.json()["error"]["code"] == "list.none_usable"


# --- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/v1/check/url", b"{not json", "bad_json"),
        ("/v1/check/url", b"\xff\xfe{}", "bad_json"),
        ("/v1/check/url", b"", "bad_json"),
        ("/v1/check/url", b"[1, 2]", "bad_request"),
        ("/v1/check/url", b'{"url": 5}', "bad_url"),
        ("/v1/check/url", b'{"url": "javascript:alert(1)"}', "bad_url"),
        ("/v1/check/url", b'{"urls": "https://a.example/"}', "bad_request"),
        ("/v1/check/url", b'{"url": "https://a.example/", "urls": []}', "bad_request"),
        ("/v1/check/url", b"{}", "bad_request"),
        ("/v1/check/text", b'{"text": 5}', "bad_request"),
        ("/v1/check/text", b'{"text": "hi", "direction": "sideways"}', "bad_request"),
        ("/v1/check/text", b'{"messages": "hi"}', "bad_request"),
        ("/v1/check/text", b'{"messages": []}', "bad_request"),
        ("/v1/check/text", b'{"text": "hi", "messages": [{"text": "hi"}]}', "bad_request"),
        ("/v1/check/contact", b'{"contact": ""}', "bad_contact"),
        ("/v1/check/contact", b'{"contact": ["qq:1"]}', "bad_contact"),
        ("/v1/check/contact", b"{}", "bad_request"),
        ("/v1/check/page", b'{"url": "https://a.example/"}', "bad_request"),
        ("/v1/check/page", b'{"url": "https://a.example/", "page": {"fields": ["pin"]}}', "bad_request"),
        ("/v1/check/page", b'{"url": 5, "page": {}}', "bad_url"),
    ],
)
def test_bad_requests_are_400_with_a_json_error(api, path, body, code):
    reply = api.call("POST", path, raw=body)
    assert reply.status == 400, reply.body
    error = reply.json()["error"]
    assert error["code"] == code
    assert error["message"] and error["message_zh"]


def test_unknown_paths_and_methods(api):
    missing = api.call("GET", "/v2/check")
    assert (missing.status, missing.json()["error"]["code"]) == (404, "not_found")
    wrong = api.call("GET", "/v1/check/url")
    assert (wrong.status, wrong.json()["error"]["code"]) == (405, "method_not_allowed")
    assert wrong.headers["Allow"] == "POST"
    assert api.call("DELETE", "/healthz").status == 405


def test_a_body_over_the_limit_is_413(api):
    big = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    declared = api.call("POST", "/v1/check/text", raw=big)
    assert (declared.status, declared.json()["error"]["code"]) == (413, "too_large")
    # chunked, no Content-Length: refused while reading

    def chunks():
        for _ in range(40):
            yield b"a" * 65536

    conn = http.client.HTTPConnection("127.0.0.1", api.port, timeout=30)
    try:
        conn.request("POST", "/v1/check/text", body=chunks(), encode_chunked=True)
        response = conn.getresponse()
        assert response.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("the server dropped the connection instead of answering 413")
    finally:
        conn.close()
    assert api.call("GET", "/healthz").status == 200  # still serving


def test_every_response_carries_the_common_headers(api):
    batch = {"urls": [f"https://h{i}.example/{'p' * 100}" for i in range(1000)]}  # a reply over 64 KiB
    replies = {
        "text": api.call("POST", "/v1/check/text", {"text": "我是淘宝客服，请加我QQ 123456 办理退款"}),
        "batch": api.call("POST", "/v1/check/url", batch),
        "bad json": api.call("POST", "/v1/check/url", raw=b"{"),
        "not found": api.call("GET", "/v2/check"),
        "wrong method": api.call("GET", "/v1/check/url"),
        "console": api.call("GET", "/"),
        "metrics": api.call("GET", "/metrics"),
    }
    assert len(replies["batch"].body) > 65536
    for name, reply in replies.items():
        assert reply.headers["Server"] == "kefuguard", name
        assert reply.headers["X-Content-Type-Options"] == "nosniff", name
        assert reply.headers["Cache-Control"] == "no-store", name


def _raw_request(port: int, head: bytes, parts: list[bytes], pause: float) -> tuple[int, bytes]:
    sock = socket.create_connection(("127.0.0.1", port))
    try:
        sock.sendall(head)
        for part in parts:
            time.sleep(pause)
            sock.sendall(part)
        sock.settimeout(10)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, response.read()
    finally:
        sock.close()


def test_a_body_that_arrives_in_pieces_is_read_whole(api):
    body = json.dumps({"text": "我是淘宝客服，请加我QQ 123456 办理退款"}, ensure_ascii=False).encode()
    head = b"POST /v1/check/text HTTP/1.1\r\nHost: 127.0.0.1\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode()
    status, slow = _raw_request(api.port, head, [body[:7], body[7:20], body[20:]], pause=0.2)
    assert status == 200
    whole = api.call("POST", "/v1/check/text", raw=body)
    assert json.loads(slow) == whole.json() and whole.json()["result"]["level"] == "danger"


def test_host_names_beyond_those_remembered_are_still_judged(serve):
    local = serve(Options(loopback_hosts_only=True))
    for i in range(MAX_REMEMBERED_HOSTS + 8):
        assert local.call("GET", "/v1/status", headers={"Host": f"rebound{i}.example"}).status == 403
    for host, status in (
        ("late.localhost:8765", 200),
        ("127.0.0.2:1", 200),
        ("rebound0.example", 403),  # remembered
        (f"rebound{MAX_REMEMBERED_HOSTS + 4}.example", 403),  # judged again
        (f"rebound{MAX_REMEMBERED_HOSTS + 99}.example", 403),
    ):
        assert local.call("GET", "/v1/status", headers={"Host": host}).status == status, host


def test_a_lone_surrogate_is_answered_escaped(api):
    reply = api.call("POST", "/v1/check/url", raw=b'{"url": "https://a.example/\\ud800"}')
    assert reply.status == 200
    assert "\\ud800" in reply.text


def test_an_unexpected_exception_is_a_500_without_its_traceback(api, monkeypatch, caplog):
    def broken(url):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(api.server.engine, "check_url_json", broken)
    with caplog.at_level(logging.ERROR, logger="kefuguard.serve"):
        reply = api.call("POST", "/v1/check/url", {"url": "https://a.example/"})
    assert reply.status == 500
    assert reply.json()["error"]["code"] == "internal_error"
    assert "secret" not in reply.text and "Traceback" not in reply.text
    assert any("secret internal detail" in (r.exc_text or "") for r in caplog.records)


# --- token, CORS, Host ----------------------------------------------------------------------------


def test_with_a_token_every_request_but_healthz_and_the_console_page_needs_it(serve):
    guarded = serve(Options(token=TOKEN))
    for method, path, body in (
        ("POST", "/v1/check/url", {"url": "https://a.example/"}),
        ("GET", "/v1/status", None),
        ("GET", "/metrics", None),
        ("POST", "/", {}),
        ("GET", "/no-such-path", None),
    ):
        missing = guarded.call(method, path, body)
        assert missing.status == 401, path
        assert missing.json()["error"]["code"] == "unauthorized"
        assert missing.headers["WWW-Authenticate"].startswith("Bearer")
        wrong = guarded.call(method, path, body, token=TOKEN[:-1] + "y")
        assert wrong.status == 401 and "wrong token" in wrong.json()["error"]["message"]
        assert guarded.call(method, path, body, headers={"Authorization": f"Basic {TOKEN}"}).status == 401
    assert guarded.call("POST", "/v1/check/url", {"url": "https://a.example/"}, token=TOKEN).status == 200
    assert guarded.call("GET", "/", token=TOKEN).status == 200
    # the console page itself holds no data: it loads without the token and asks for it
    page = guarded.call("GET", "/")
    assert page.status == 200 and 'id="token"' in page.text
    assert guarded.call("GET", "/no-such-path", token=TOKEN).status == 404
    assert guarded.call("GET", "/healthz").status == 200


def test_without_a_token_only_loopback_host_names_are_answered(serve):
    local = serve(Options(loopback_hosts_only=True))
    for host in ("127.0.0.1", "localhost:8765", "[::1]:8765", "127.0.0.1:1"):
        assert local.call("GET", "/healthz", headers={"Host": host}).status == 200, host
    rebound = local.call("GET", "/v1/status", headers={"Host": "attacker.example:8765"})
    assert (rebound.status, rebound.json()["error"]["code"]) == (403, "host_not_allowed")


def test_no_cors_headers_unless_an_origin_is_configured(serve):
    plain = serve()
    reply = plain.call("POST", "/v1/check/url", {"url": "https://a.example/"}, headers={"Origin": "https://x.example"})
    assert "Access-Control-Allow-Origin" not in reply.headers
    assert plain.call("OPTIONS", "/v1/check/url", headers={"Origin": "https://x.example"}).status == 405

    cors = serve(Options(token=TOKEN, cors_origins=("https://agents.example",)))
    preflight = cors.call(
        "OPTIONS",
        "/v1/check/url",
        headers={"Origin": "https://agents.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 204  # no token on a preflight: browsers send none
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://agents.example"
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    allowed = cors.call(
        "POST",
        "/v1/check/url",
        {"url": "https://a.example/"},
        token=TOKEN,
        headers={"Origin": "https://agents.example"},
    )
    assert allowed.status == 200 and allowed.headers["Access-Control-Allow-Origin"] == "https://agents.example"
    other = cors.call(
        "POST", "/v1/check/url", {"url": "https://a.example/"}, token=TOKEN, headers={"Origin": "https://evil.example"}
    )
    assert "Access-Control-Allow-Origin" not in other.headers


# --- the console ----------------------------------------------------------------------------------


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_the_console_is_one_page_with_a_strict_content_security_policy(api):
    reply = api.call("GET", "/")
    assert reply.status == 200 and reply.headers["Content-Type"] == "text/html; charset=utf-8"
    csp = dict(part.strip().split(" ", 1) for part in reply.headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == _sha256(SCRIPT) and csp["style-src"] == _sha256(STYLE)
    assert csp["connect-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["require-trusted-types-for"] == "'script'"
    assert reply.headers["X-Frame-Options"] == "DENY"
    page = reply.text
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page
    assert not re.search(r"\b(src|href)=", page), "no external assets"
    assert "innerHTML" not in SCRIPT and "insertAdjacentHTML" not in SCRIPT and "document.write" not in SCRIPT


# --- metrics --------------------------------------------------------------------------------------

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)$')


def parse_metrics(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """A strict reader of the Prometheus text format: every line a HELP, a TYPE or a sample whose
    family was declared, every value a float."""
    assert text.endswith("\n")
    families: dict[str, str] = {}
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram") and name not in families
            families[name] = kind
            continue
        m = SAMPLE.match(line)
        assert m, f"not a sample line: {line!r}"
        name, labels, value = m.group(1), m.group(2) or "", m.group(3)
        base = re.sub(r"_(bucket|sum|count)$", "", name)
        assert name in families or (families.get(base) == "histogram"), f"undeclared: {name}"
        parsed = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', labels))
        samples.setdefault(name, []).append((parsed, float(value)))
    return samples


def _value(samples, name, **labels):
    return sum(v for lab, v in samples.get(name, []) if all(lab.get(k) == x for k, x in labels.items()))


def test_metrics_parse_as_prometheus_text_and_count_requests(api):
    api.call("POST", "/v1/check/url", {"url": "https://taobao-kefu.com/"})
    api.call("POST", "/v1/check/url", {"urls": ["https://www.taobao.com/", "https://taobao-kefu.com/", "ftp://x"]})
    api.call("POST", "/v1/check/url", raw=b"{")
    api.call("GET", "/nowhere")
    for method in ("PROPFIND", "MKCOL", "LOCK"):  # unusual paths and methods share one series
        api.call(method, f"/dav/{method}")
    reply = api.call("GET", "/metrics")
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    samples = parse_metrics(reply.text)
    requests = "kefuguard_http_requests_total"
    assert _value(samples, requests, endpoint="/v1/check/url", method="POST", status="200") == 2
    assert _value(samples, requests, endpoint="/v1/check/url", status="400") == 1
    assert _value(samples, requests, endpoint="other", method="GET", status="404") == 1
    assert [(lab, n) for lab, n in samples[requests] if lab["method"] not in ("GET", "POST")] == [
        ({"endpoint": "other", "method": "other", "status": "404"}, 3)
    ]
    assert _value(samples, "kefuguard_verdicts_total", check="url", level="danger") == 2
    assert _value(samples, "kefuguard_verdicts_total", check="url", level="verified") == 1
    buckets = [
        v for lab, v in samples["kefuguard_http_request_duration_seconds_bucket"] if lab["endpoint"] == "/v1/check/url"
    ]
    assert buckets == sorted(buckets) and buckets[-1] == 3
    assert _value(samples, "kefuguard_http_request_duration_seconds_count", endpoint="/v1/check/url") == 3
    version = api.server.engine.status()["version"]
    assert _value(samples, "kefuguard_list_version") == version
    assert _value(samples, "kefuguard_list_usable") == 1
    assert 0 < _value(samples, "kefuguard_list_age_seconds") < 400 * 86400
    again = parse_metrics(api.call("GET", "/metrics").text)
    assert _value(again, requests, endpoint="/metrics", status="200") == 1  # the first scrape is counted


# --- slow clients ---------------------------------------------------------------------------------

QUICK = Limits(keepalive_timeout=0.5, body_timeout=0.5, write_timeout=1.0, shutdown_timeout=5.0, lingering_time=0.2)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        while sock.recv(65536):
            pass
        return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_idle_and_trickling_connections_are_closed(serve):
    quick = serve(Options(limits=QUICK))
    idle = socket.create_connection(("127.0.0.1", quick.port))
    trickle = socket.create_connection(("127.0.0.1", quick.port))
    try:
        trickle.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
        started = time.monotonic()
        assert _closed_within(idle, 10) and _closed_within(trickle, 10)
        assert time.monotonic() - started < 8
    finally:
        idle.close()
        trickle.close()


def test_a_body_that_does_not_arrive_is_408(serve):
    quick = serve(Options(limits=QUICK))
    sock = socket.create_connection(("127.0.0.1", quick.port))
    try:
        sock.sendall(
            b"POST /v1/check/url HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"url": '
        )
        sock.settimeout(10)
        head = sock.recv(65536)
        assert head.startswith(b"HTTP/1.1 408"), head
        assert b'"code":"timeout"' in head
    finally:
        sock.close()


def test_a_client_that_does_not_read_its_responses_is_dropped(serve, caplog):
    quick = serve(Options(limits=QUICK))
    urls = [f"https://h{i}.example/{'p' * 1800}" for i in range(1000)]
    body = json.dumps({"urls": urls}).encode()  # its reply is about 2.5 MB
    request = b"POST /v1/check/url HTTP/1.1\r\nHost: 127.0.0.1\r\n" + f"Content-Length: {len(body)}\r\n\r\n".encode()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connecting: a small window
    sock.connect(("127.0.0.1", quick.port))

    def send() -> None:  # three pipelined batches: more reply than the kernel's buffers hold
        try:
            for _ in range(3):
                sock.sendall(request + body)
        except OSError:
            pass  # dropped by the server: what this test waits for

    sender = threading.Thread(target=send, daemon=True)
    try:
        with caplog.at_level(logging.WARNING, logger="kefuguard.serve"):
            sender.start()
            deadline = time.monotonic() + 20
            while not any("did not read its response" in r.getMessage() for r in caplog.records):
                assert time.monotonic() < deadline, "the write was not timed out"
                time.sleep(0.05)
        assert _closed_within(sock, 10)  # what was sent, then the end
    finally:
        sock.close()
        sender.join(10)
    assert quick.call("GET", "/healthz").status == 200


def test_a_text_reply_with_a_lone_surrogate_is_sent_escaped(api):
    # the page address is quoted back as it came (a look-alike page): JSON with \ud800, not bad UTF-8
    reply = api.call(
        "POST", "/v1/check/text", raw=b'{"text": "\\u4f60\\u597d", "url": "http://taobao-kefu.top/\\ud800"}'
    )
    assert reply.status == 200
    assert reply.json()["result"]["reasons"][0]["matched"] == "http://taobao-kefu.top/\ud800"
    assert "\\ud800" in reply.text
