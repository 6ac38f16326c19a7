"""How `kefuguard` says things (issue items 10-12), run as a real process: errors in both languages
like results, one JSON style for results and errors (an error carries its input), --help with
examples and exit codes, --fail-on for scripts, look-alike hosts as the user saw them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import json_lines, kefuguard
from tests.conftest import REPO, subprocess_env

EXIT_INPUT_ERRORS, EXIT_NO_LIST, EXIT_FLAGGED = 1, 3, 5


def compact(line: str) -> bool:
    return line == json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":"))


def test_a_bad_url_is_an_error_block_in_both_languages_that_names_the_input(home):
    proc = kefuguard(home, "check-url", "1ftp://x", "https://www.taobao.com/")
    text = proc.stdout.decode()
    assert proc.returncode == EXIT_INPUT_ERRORS
    block = text.split("\n\n")[0].splitlines()
    assert block == [
        "1ftp://x",
        "  ERROR 错误  bad_url",
        '  - only http and https URLs are checked: "1ftp://x" is not one',
        "    只检查 http 和 https 网址：“1ftp://x” 不是这样的网址",
    ]
    assert "VERIFIED 官方" in text  # the next input is still answered


def test_check_text_errors_show_their_input_in_both_languages(home):
    proc = kefuguard(home, "check-text", "--json", "-", stdin=b'{"text": 5}\n{oops\n\xff\n')
    assert proc.returncode == EXIT_INPUT_ERRORS
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "error": {"code": "bad_request", "message": "'text' must be a string", "message_zh": "'text' 必须是字符串"},
            "input": '{"text": 5}',
        },
        {
            "error": {"code": "bad_json", "message": "line is not valid JSON", "message_zh": "该行不是有效的 JSON"},
            "input": "{oops",
        },
        {
            "error": {
                "code": "bad_utf8",
                "message": "line is not valid UTF-8",
                "message_zh": "该行不是有效的 UTF-8 文本",
            },
            "input": None,
        },
    ]


def test_results_and_errors_share_one_compact_json_style_in_both_commands(home):
    urls = kefuguard(home, "check-url", "--json", "-", stdin=b"https://www.taobao.com/\nftp://x\n")
    texts = kefuguard(home, "check-text", "--json", "-", stdin='{"text": "加我微信领取退款"}\n[1]\n'.encode())
    for proc in (urls, texts):
        result, error = proc.stdout.decode().splitlines()
        assert compact(result) and compact(error), (result, error)
        assert "level" in json.loads(result)
        assert set(json.loads(error)) == {"error", "input"}
        assert set(json.loads(error)["error"]) == {"code", "message", "message_zh"}
    assert json.loads(urls.stdout.decode().splitlines()[1])["input"] == "ftp://x"
    assert json.loads(texts.stdout.decode().splitlines()[1])["input"] == "[1]"


def test_an_over_long_input_is_bounded_in_a_check_text_error_too(home):
    line = '["' + "x" * 300_000 + '"]'
    proc = kefuguard(home, "check-text", "--json", "-", stdin=line.encode() + b"\n")
    (error,) = json_lines(proc.stdout)
    assert error["error"]["code"] == "bad_request"
    assert error["input"] == line[:200] + "... (300,004 characters)"


def test_without_a_list_the_error_is_said_in_both_languages(home):
    (home / "config.toml").write_text("[trust]\nthreshold = 5\n")  # no list can verify
    proc = kefuguard(home, "check-url", "https://www.taobao.com/")
    assert proc.returncode == EXIT_NO_LIST
    assert proc.stderr.decode().splitlines() == [
        "kefuguard: list.none_usable: no usable list (embedded: list.threshold)",
        "  没有可用的名单：没有一份名单通过验证，无法检查",
    ]
    as_json = kefuguard(home, "check-text", "--json", "hello")
    assert json_lines(as_json.stdout)[0]["error"]["message_zh"].startswith("没有可用的名单")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check-url", "--fail-on", "danger", "https://taobao-kefu.com/"], EXIT_FLAGGED),
        (["check-url", "--fail-on", "danger", "https://www.taobao.com/", "https://example.org/"], 0),
        (["check-url", "--fail-on", "caution", "https://amazon.jobs.example/"], EXIT_FLAGGED),  # a caution
        (["check-url", "--fail-on", "danger", "https://amazon.jobs.example/"], 0),
        (["check-url", "--json", "--fail-on", "danger", "ftp://x", "https://taobao-kefu.com/"], EXIT_FLAGGED),
        (["check-url", "ftp://x", "https://taobao-kefu.com/"], EXIT_INPUT_ERRORS),  # no --fail-on: as before
        (["check-url", "https://taobao-kefu.com/"], 0),
        (["check-text", "--fail-on", "caution", "加我微信领取退款"], EXIT_FLAGGED),
        (["check-text", "--fail-on", "danger", "加我微信领取退款"], 0),  # a caution only
        (["check-text", "--json", "--fail-on", "caution", "你好", "我是淘宝客服，请把验证码发给我"], EXIT_FLAGGED),
    ],
)
def test_fail_on_exits_5_when_an_input_reaches_the_level(home, args, code):
    proc = kefuguard(home, *args)
    assert proc.returncode == code, (proc.stdout, proc.stderr)


def test_fail_on_reads_stdin_batches_too(home):
    proc = kefuguard(home, "check-text", "--fail-on", "caution", "-", stdin="你好\n加我微信领取退款\n".encode())
    assert proc.returncode == EXIT_FLAGGED
    assert proc.stdout.decode().count("\n\n") == 2  # both answered


def test_fail_on_takes_only_a_level(home):
    proc = kefuguard(home, "check-url", "--fail-on", "verified", "https://www.taobao.com/")
    assert proc.returncode == 2 and b"--fail-on" in proc.stderr


COMMANDS = ["check-url", "check-text", "status", "update", "list", "install", "uninstall", "doctor"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command_gives_examples_and_exit_codes(home, command):
    proc = kefuguard(home, command, "--help")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "examples:\n  kefuguard " + command in text
    codes = text.split("exit codes:\n", 1)[1]
    assert re.search(r"^  0  ", codes, re.M) and re.search(r"^  2  usage", codes, re.M)


def _examples(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.startswith("  kefuguard check-")]


def _run_documented(home: Path, tmp_path: Path, command: str) -> subprocess.CompletedProcess[bytes]:
    (tmp_path / "urls.txt").write_text("https://www.taobao.com/\nhttps://example.org/\n")
    (tmp_path / "messages.txt").write_text("你好\n加我微信领取退款\n")
    (tmp_path / "chat.txt").write_text("你好\n请问还有货吗\n加我微信领取退款\n")
    (tmp_path / "messages.jsonl").write_text('{"text": "加我QQ办理退款"}\n{"text": "你好", "direction": "outgoing"}\n')
    bin_dir = str(Path(sys.executable).parent)  # where the installed `kefuguard` script is
    env = subprocess_env(home, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    return subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, timeout=120)


def test_every_example_in_the_check_commands_help_works(home, tmp_path):
    examples = []
    for command in ("check-url", "check-text"):
        examples += _examples(kefuguard(home, command, "--help").stdout.decode())
    assert len(examples) >= 9
    for example in examples:
        proc = _run_documented(home, tmp_path, example)
        assert proc.returncode == 0, (example, proc.stderr)
        out = proc.stdout.decode()
        assert out and "Traceback" not in proc.stderr.decode(), example
        if "||" in example:  # '--fail-on ... || echo "..."': the level was reached, as the example says
            assert example.rsplit('"', 2)[1] in out, (example, out)


def test_every_check_command_in_the_readme_works(home, tmp_path):
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Using the command line", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    checks = [c for c in commands if c.startswith(("kefuguard check-", "kefuguard status"))]
    assert len(checks) >= 8
    for command in checks:
        proc = _run_documented(home, tmp_path, command)
        expected = EXIT_FLAGGED if "--fail-on" in command else 0
        assert proc.returncode == expected, (command, proc.stdout[-500:], proc.stderr)


def test_a_look_alike_host_is_shown_as_the_user_saw_it(home):
    text = kefuguard(home, "check-url", "https://xn--lipay-3ve.com/").stdout.decode()
    assert "  - [\u0430]lipay.com (xn--lipay-3ve.com) uses look-alike characters" in text
    assert "    [\u0430]lipay.com (xn--lipay-3ve.com) 用外形相似的字符冒充" in text
    assert "Characters in [ ] only look like the letters they imitate." in text
    (result,) = json_lines(kefuguard(home, "check-url", "--json", "https://\u0430lipay.com/").stdout)
    assert (result["host"], result["host_unicode"]) == ("xn--lipay-3ve.com", "\u0430lipay.com")


def test_usage_and_install_errors_are_said_in_chinese_too(home):
    usage = kefuguard(home, "check-url")
    assert usage.returncode == 2
    err = usage.stderr.decode()
    assert "the following arguments are required: URL" in err and "用法错误" in err
    unknown = kefuguard(home, "install", "--browser", "netscape")
    assert unknown.returncode == 2
    err = unknown.stderr.decode()
    assert "unknown browser netscape" in err and "不认识的浏览器名称" in err


def test_check_contact_answers_each_input_in_order_with_errors_in_place(home):
    proc = kefuguard(home, "check-contact", "--json", "+86 95188", "hello", "qq:1")
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert proc.returncode == 1
    assert (lines[0]["level"], lines[0]["brand"]) == ("verified", "alipay")
    assert lines[1]["error"]["code"] == "bad_contact" and lines[1]["input"] == "hello"
    assert "电话号码" in lines[1]["error"]["message_zh"]
    assert lines[2]["level"] == "none"
    # the embedded list's scam number, written another way
    flagged = kefuguard(home, "check-contact", "--fail-on", "danger", "95188", "+1 (844) 735-4595")
    assert flagged.returncode == 5 and "DANGER" in flagged.stdout.decode()


def test_check_page_names_the_brand_the_page_claims_and_answers_json_lines_in_order(home):
    proc = kefuguard(home, "check-page", "--fail-on", "danger", "https://xk2j9.top/login", "--title", "中国工商银行个人网上银行", "--field", "password")
    assert proc.returncode == 5 and "icbc.com.cn" in proc.stdout.decode()
    lines = (
        '{"url": "https://a1b2.top/", "page": {"title": "PayPal: Log in", "fields": ["password"]}}\n'
        "not json\n"
        '{"url": "https://a1b2.top/", "page": {"title": "My recipes", "fields": ["password"]}}\n'
    )
    batch = kefuguard(home, "check-page", "--json", "-", stdin=lines.encode())
    out = [json.loads(line) for line in batch.stdout.decode().splitlines()]
    assert batch.returncode == 1
    assert [o.get("level") or o["error"]["code"] for o in out] == ["danger", "bad_request", "none"]


def test_status_and_doctor_name_the_managed_report_endpoint(home, tmp_path):
    managed = tmp_path / "managed.toml"
    managed.write_text('[report]\nendpoint = "https://security.example.com/kefuguard/evidence"\n')
    env = subprocess_env(home, KEFUGUARD_MANAGED_CONFIG=str(managed))
    status = subprocess.run([sys.executable, "-m", "kefuguard", "status"], capture_output=True, env=env, timeout=60)
    assert "evidence report endpoint (sent on the user's click): https://security.example.com/kefuguard/evidence" in (
        status.stdout.decode()
    )
    doctor = subprocess.run(
        [sys.executable, "-m", "kefuguard", "doctor", "--browser", "chromium", "--json", "--timeout", "10"],
        capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    assert json.loads(doctor.stdout)["config"]["report_endpoint"] == "https://security.example.com/kefuguard/evidence"
