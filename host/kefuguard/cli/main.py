"""`kefuguard` entry point. Each command imports what it needs, so `kefuguard host` starts fast."""

from __future__ import annotations

import sys

from kefuguard import __version__
from kefuguard.exit_codes import EXIT_INPUT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (host start time)
if TYPE_CHECKING:
    import argparse
    from typing import Any, NoReturn


CHECK_URL_EPILOG = """\
examples:
  kefuguard check-url https://www.taobao.com/ https://taobao-kefu.com/
  kefuguard check-url --json https://xn--lipay-3ve.com/
  kefuguard check-url --json - < urls.txt     one URL per line in, one JSON object per line out
  kefuguard check-url --fail-on danger https://taobao-kefu.com/ || echo "do not open it"

A bad input gets an error in its place (--json: {"error": {"code", "message", "message_zh"},
"input"}) and the others are still answered.

exit codes:
  0  every input checked (with --fail-on: and none reached LEVEL)
  1  some input was an error
  2  usage: unknown option, no URL
  3  no list verifies: nothing was checked
  5  --fail-on LEVEL: some input reached LEVEL (also when another input was an error)
"""

CHECK_TEXT_EPILOG = """\
examples:
  kefuguard check-text "我是淘宝客服，请把验证码发给我"
  kefuguard check-text --direction outgoing "验证码 123456"
  kefuguard check-text --url https://weibo.com/ "Add my WhatsApp to get your refund"
  echo '{"text": "加我QQ办理退款", "sender": "淘宝官方客服"}' | kefuguard check-text --json -
  kefuguard check-text - < messages.txt       one plain message per line
  kefuguard check-text --fail-on caution "加我微信领取退款" || echo "looks like a scam"
  kefuguard check-text --conversation - < chat.txt   # one conversation, a message a line; me: marks yours

A bad input gets an error in its place (--json: {"error": {"code", "message", "message_zh"},
"input"}) and the others are still answered.

exit codes:
  0  every input checked (with --fail-on: and none reached LEVEL)
  1  some input was an error (not JSON, not a message object...)
  2  usage: unknown option, no TEXT
  3  no list verifies: nothing was checked
  5  --fail-on LEVEL: some input reached LEVEL (also when another input was an error)
"""

CHECK_PAGE_EPILOG = """\
examples:
  kefuguard check-page https://xk2j9.top/login --title "中国工商银行个人网上银行" --field password
  kefuguard check-page --json - < pages.jsonl   {"url": ..., "page": {"title": ..., "fields": ["card", "otp"]}} a line

danger: the title, site name or a logo is a listed brand's name (plus only login or service
words), the page asks for a password, a card, a security code or a one-time code, and the
site is neither the brand's nor a popular one; caution: a refund, subsidy or account-problem
theme asking for a card or a code. Otherwise the address's own verdict (check-url).

exit codes:
  0  every input checked (with --fail-on: and none reached LEVEL)
  1  some input was an error (bad_url, bad_request)
  2  usage
  3  no list verifies: nothing was checked
  5  --fail-on LEVEL: some input reached LEVEL (also when another input was an error)
"""

CHECK_CONTACT_EPILOG = """\
examples:
  kefuguard check-contact 95188 "+86 95188" qq:123456789 wechat:some_id "whatsapp:+44 7700 900123"
  kefuguard check-contact --json - < contacts.txt     one per line in, one JSON object per line out
  kefuguard check-contact --fail-on danger "400-123-4567" || echo "a known scam number"

A contact is a phone number (any common way of writing it, +country code or not) or
PLATFORM:ACCOUNT with PLATFORM one of qq, wechat (or weixin, 微信), whatsapp, telegram, line,
weibo, douyin. verified: an official channel of a listed brand (named, with its listed form);
danger: a known scam channel of the list; none: not known either way.

exit codes:
  0  every input checked (with --fail-on: and none reached LEVEL)
  1  some input was an error (bad_contact)
  2  usage
  3  no list verifies: nothing was checked
  5  --fail-on LEVEL: some input reached LEVEL
"""

STATUS_EPILOG = """\
examples:
  kefuguard status
  kefuguard status --json

exit codes:
  0  a list is loaded (an expired one too: it says so)
  2  usage
  3  no list verifies
"""

UPDATE_EPILOG = """\
examples:
  kefuguard update
  kefuguard update --json --force
  kefuguard update --detailed-exit-codes && echo "a new list was installed"

exit codes:
  0  updated, or already current
  1  failed; the last good list is still in use (the message names it and its age)
  2  usage
  3  failed, and no usable list
  4  already current, with --detailed-exit-codes only
"""

LIST_EPILOG = """\
examples:
  kefuguard list keygen --out keys/
  kefuguard list sign source.toml --key keys/KEYID.key --out channels.json
  kefuguard list verify channels.json --trust PUBLIC_KEY_HEX
  kefuguard list inspect channels.json
  kefuguard list diff old.json channels.json
  kefuguard list candidates received/ --out candidates.toml

candidates: reads every evidence file (*.html) in FOLDER, verifies each (a file that is not intact is
skipped and named), and writes candidate scam entries (domains, phones, accounts; official ones,
public suffixes, popular sites and entries already listed left out), each with the files it came
from, for review before anything is added to the supplementary list's source.

exit codes:
  0  done (verify: the bundle verifies; candidates: written, skipped files named on stderr)
  1  failed, or verify refused the bundle (the reason is printed)
  2  usage
"""

EVIDENCE_EPILOG = """\
examples:
  kefuguard evidence make --url https://taobao-kefu.com/ --out evidence.html
  kefuguard evidence make --url https://taobao-kefu.com/ --text-file chat.txt --screenshot tab.png --out evidence.html
  kefuguard evidence make --json --url https://taobao-kefu.com/ --out evidence.html    {"out", "fingerprint", "parts"}
  kefuguard evidence verify evidence.html
  kefuguard evidence verify --json evidence.html
  kefuguard evidence send evidence.html       (to the managed config's [report] endpoint)
  kefuguard evidence send --json evidence.html    {"status": "sent", "http_status", "endpoint", "fingerprint", "bytes"}

chat.txt: one message a line; "me:", "我:" or "我：" starts your own (outgoing) message, whose
verification codes and card numbers are masked in the file; "them:", "对方:" or nothing, an incoming one.

exit codes (make):
  0  written; it prints the fingerprint: write it down or send it to yourself
  1  nothing written: FILE exists, a bad URL, a --screenshot that is not a PNG, an unreadable file
  2  usage: unknown option, no --url or --out
  3  no list verifies: nothing was checked
exit codes (verify):
  0  intact: every part has the SHA-256 its manifest lists (one line: parts, fingerprint, made, page)
  1  not intact: names each part that changed, is missing or is unlisted
  2  FILE is not an evidence file (no manifest, not kefuguard-evidence version 1, unreadable); usage
exit codes (send):
  0  sent: the endpoint answered 2xx
  1  not sent: the file is not intact (report.not_intact), larger than [report] max_bytes
     (report.too_large), or the endpoint failed (report.http_status, .unreachable, .timeout, .tls)
  2  not sent, nothing tried: no [report] endpoint in the managed config (report.not_configured),
     FILE is not an evidence file (report.not_evidence); usage
"""

INSTALL_EPILOGS = {
    "install": """\
examples:
  kefuguard install
  kefuguard install --browser firefox --browser chrome
  kefuguard install --system --json

exit codes:
  0  installed
  1  a problem (printed)
  2  usage: unknown option or browser
""",
    "uninstall": """\
examples:
  kefuguard uninstall
  kefuguard uninstall --browser firefox

exit codes:
  0  removed what install wrote
  1  a problem (printed)
  2  usage: unknown option or browser
""",
    "doctor": """\
examples:
  kefuguard doctor
  kefuguard doctor --json

exit codes:
  0  all good
  1  problems (one line each, with the fix)
  2  usage
""",
}


SERVE_EPILOG = """\
examples:
  kefuguard serve                      console at http://127.0.0.1:8765/, API under /v1/
  kefuguard serve --port 9000 --workers 4
  kefuguard serve --host 0.0.0.0 --token-file /run/secrets/kefuguard-token
  curl -s localhost:8765/v1/check/url -d '{"url": "https://taobao-kefu.com/"}'

Anything but loopback needs --token-file (one line, at least 32 characters); then every request
but /healthz sends "Authorization: Bearer TOKEN". SIGTERM or Ctrl+C: stop accepting, let requests
in flight finish (up to 20 s), exit 0. Endpoints, limits and deployment: docs/serve.md.

exit codes:
  0  stopped by SIGTERM or Ctrl+C, requests in flight answered
  1  could not listen (address in use, no permission), or a worker failed
  2  usage: a bad option, a non-loopback --host without --token-file, a weak or unreadable
     token file, --workers > 1 where SO_REUSEPORT is missing
"""


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not at module level: `kefuguard host` never needs it

    class Parser(argparse.ArgumentParser):
        """argparse's usage error, said in Chinese too, like every other error of ours."""

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: error: {message}\n  用法错误：运行 {self.prog} --help 查看用法和示例\n")

    p = Parser(
        prog="kefuguard",
        description="kefu-guard: checks links and chats against "
        "a signed list of brands' official customer-service channels.",
        epilog="Each command has its examples and exit codes: kefuguard COMMAND --help",
    )
    p.add_argument("--version", action="version", version=f"kefuguard {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    _add_check_commands(sub)
    _add_list_commands(sub)
    _add_evidence_commands(sub)
    _add_install_commands(sub)
    return p


def _add_fail_on(parser: Any) -> None:
    parser.add_argument(
        "--fail-on",
        choices=("caution", "danger"),
        metavar="LEVEL",
        help="exit 5 when any input's level is LEVEL or worse: caution (any warning) or danger",
    )


def _add_check_commands(sub: Any) -> None:
    """check-url, check-text, status, update, host: what users and browsers run."""
    import argparse

    c = sub.add_parser(
        "check-url",
        help="check URLs (use - to read one per line from stdin)",
        description="Check URLs against the list: an official site of a listed brand, a known scam site,\n"
        "a lookalike, or nothing known. Readable blocks, or one JSON object per line with --json,\n"
        "in input order.",
        epilog=CHECK_URL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("urls", nargs="+", metavar="URL", help="URLs to check; - reads one per line from stdin")
    c.add_argument("--json", action="store_true", help="one JSON object per line (results and errors)")
    _add_fail_on(c)

    t = sub.add_parser(
        "check-text",
        help="check chat text: JSON lines on stdin with '-', or TEXT arguments",
        description="Check chat messages for fake customer-service scripts and against the list's\n"
        "official channels. Each TEXT is one message; with - each stdin line is one (with --json:\n"
        "a JSON object). Readable blocks, or one JSON object per line with --json, in input order.",
        epilog=CHECK_TEXT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    t.add_argument("texts", nargs="+", metavar="TEXT", help="messages to check; - reads one per line from stdin")
    t.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line out; with -, JSON lines in: {"text", "url"?, "direction"?, "sender"?}',
    )
    t.add_argument("--url", help="page the text was shown on (TEXT arguments and plain stdin lines)")
    t.add_argument("--direction", choices=("incoming", "outgoing"), default="incoming")
    t.add_argument(
        "--conversation",
        action="store_true",
        help="the inputs are one conversation, in order: each message judged with the ones before it; "
        "prints the conversation's verdict (who the sender claimed to be, every link and number it offered) "
        "then each message. Plain lines: 'me:' / '我：' marks your own messages",
    )
    _add_fail_on(t)

    k = sub.add_parser(
        "check-contact",
        help="is a phone number or chat account a brand's official one, a known scam one, or unknown",
        description="Check phone numbers and chat accounts against the list's official channels and\n"
        "known scam channels. Readable blocks, or one JSON object per line with --json, in input order.",
        epilog=CHECK_CONTACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    k.add_argument("contacts", nargs="+", metavar="CONTACT", help="numbers or PLATFORM:ACCOUNT; - reads stdin")
    k.add_argument("--json", action="store_true", help="one JSON object per line (results and errors)")
    _add_fail_on(k)

    g = sub.add_parser(
        "check-page",
        help="does a page present itself as a listed brand it is not, asking for a password or a card",
        description="Check a page's address together with what it shows of itself: its title, site name,\n"
        "headings, logos' text and the kinds of sensitive fields it asks for (what the extension sends).",
        epilog=CHECK_PAGE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    g.add_argument("urls", nargs="+", metavar="URL", help="the page's address; - reads JSON lines {url, page} from stdin")
    g.add_argument("--title", default="", help="the page's title")
    g.add_argument("--site-name", default="", help="its og:site_name or application-name")
    g.add_argument("--heading", action="append", help="a h1/h2 heading (repeat)")
    g.add_argument("--logo", action="append", help="a logo image's alt text (repeat)")
    g.add_argument(
        "--field", action="append", choices=("password", "card", "cvv", "otp", "id_number"), help="a field it asks for (repeat)"
    )
    g.add_argument("--json", action="store_true", help="one JSON object per line (results and errors)")
    _add_fail_on(g)

    s = sub.add_parser(
        "status",
        help="which list is loaded, its version and freshness",
        epilog=STATUS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("--json", action="store_true")

    u = sub.add_parser(
        "update",
        help="fetch, verify and install a newer list",
        epilog=UPDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    u.add_argument("--url", action="append", help="mirror URL (instead of the configured ones)")
    u.add_argument("--force", action="store_true", help="ignore ETags and reinstall the same version")
    u.add_argument("--json", action="store_true")
    u.add_argument(
        "--detailed-exit-codes", action="store_true", help="exit 4 (not 0) when the lists were already current"
    )

    h = sub.add_parser("host", help="the native-messaging host (browsers start this)")
    h.add_argument(
        "launch_args", nargs=argparse.REMAINDER, help="what the browser passes (origin, or manifest + add-on id)"
    )

    sv = sub.add_parser(
        "serve",
        help="the checks as an HTTP JSON API with an agent console (customer-service teams, platforms)",
        description="Serve the checks over HTTP: POST /v1/check/url, /v1/check/text, /v1/check/contact,\n"
        "GET /v1/status, /healthz, /metrics, and an agent console at /. Same results as check-url.",
        epilog=SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8765, help="TCP port (default 8765; 0: any free port)")
    sv.add_argument("--token-file", metavar="FILE", help="file holding the token clients must send")
    sv.add_argument("--workers", type=int, default=1, metavar="N", help="N processes on one port (Linux)")
    sv.add_argument("--cors-origin", action="append", metavar="ORIGIN", help="let pages of ORIGIN call the API")


def _add_list_commands(sub: Any) -> None:
    """`kefuguard list ...`: the publisher's tools."""
    import argparse

    lst = sub.add_parser(
        "list",
        help="publisher tools: keygen, build, sign, verify, inspect, diff, candidates",
        epilog=LIST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lsub = lst.add_subparsers(dest="list_command", metavar="ACTION", required=True)
    kg = lsub.add_parser("keygen", help="make an Ed25519 key pair: DIR/<keyid>.key (0600) and DIR/<keyid>.pub")
    kg.add_argument("--out", required=True, metavar="DIR")
    kg.add_argument("--passphrase-env", metavar="VAR", help="encrypt the private key with the passphrase in $VAR")
    sg = lsub.add_parser("sign", help="build a signed bundle from a list source")
    sg.add_argument("source", metavar="SOURCE")
    sg.add_argument("--key", action="append", required=True, metavar="KEYFILE")
    sg.add_argument("--passphrase-env", metavar="VAR")
    sg.add_argument("--version", type=int, dest="list_version", help="default: UTC time as YYYYMMDDHHMM")
    sg.add_argument("--expires-days", type=float, default=30.0)
    sg.add_argument("--publisher")
    sg.add_argument(
        "--announce-keys",
        action="store_true",
        help="name the signing keys in the list, so clients that verify it learn them (key rotation)",
    )
    sg.add_argument("--out", required=True, metavar="BUNDLE")
    vf = lsub.add_parser("verify", help="exit 0 if the bundle verifies, 1 with the reason if not")
    vf.add_argument("bundle", metavar="BUNDLE")
    vf.add_argument(
        "--trust", action="append", default=[], metavar="HEX", help="trusted public key (default: configured keys)"
    )
    vf.add_argument("--threshold", type=int, default=None)
    vf.add_argument("--json", action="store_true")
    ins = lsub.add_parser("inspect", help="pretty-print a bundle's header and counts (no trust decision)")
    ins.add_argument("bundle", metavar="BUNDLE")
    bd = lsub.add_parser("build", help="merge the curated list source with feeds of scam domains (then: list sign)")
    bd.add_argument("source", metavar="SOURCE", help="the curated list source (TOML or JSON)")
    bd.add_argument("--feeds", required=True, metavar="FEEDS.toml", help="[[feed]] name, url or path, format, licence")
    bd.add_argument("--out", required=True, metavar="OUT", help="the merged source: .toml, or .json")
    bd.add_argument("--previous", metavar="OUT", help="the previous build's output: first-seen days, size checks")
    bd.add_argument("--removals", metavar="REMOVALS.toml", help="reviewed removals ([[remove]] value, reason)")
    bd.add_argument("--max-domains", type=int, default=500_000, help="refuse a list with more scam domains (500,000)")
    bd.add_argument("--max-change", type=float, default=2.0, help="hold back a feed that grew or shrank more (x2)")
    bd.add_argument("--accept-change", action="append", default=[], metavar="FEED", help="take FEED's change anyway")
    cd = lsub.add_parser("candidates", help="candidate scam entries from a folder of evidence files, for review (TOML)")
    cd.add_argument("folder", metavar="FOLDER", help="a folder of evidence files (*.html)")
    cd.add_argument("--out", metavar="candidates.toml", help="write the review file here (default: stdout)")
    df = lsub.add_parser("diff", help="what changed between two lists (bundles or sources)")
    df.add_argument("old", metavar="OLD")
    df.add_argument("new", metavar="NEW")
    df.add_argument("--json", action="store_true")


def _add_evidence_commands(sub: Any) -> None:
    """`kefuguard evidence ...`: the proof of a scam in one offline HTML file (docs/evidence.md)."""
    import argparse

    ev = sub.add_parser(
        "evidence",
        help="make or verify an evidence file: one offline HTML file, every part listed with its SHA-256",
        description="Keep the proof of a scam in one HTML file, readable offline in any browser, every part\n"
        "listed with its SHA-256 in an embedded manifest; check later that nothing in it changed.\n"
        "Nothing is sent anywhere, unless you run `evidence send` (an endpoint your organisation configured).",
        epilog=EVIDENCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    esub = ev.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    mk = esub.add_parser(
        "make",
        help="check a page (and a chat) and write the evidence file",
        epilog=EVIDENCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mk.add_argument("--url", required=True, help="the page the evidence is about")
    mk.add_argument("--text-file", metavar="F", help="the chat: one message a line (me:/我: for your own)")
    mk.add_argument("--screenshot", metavar="PNG", help="a PNG screenshot of the page")
    mk.add_argument("--out", required=True, metavar="FILE", help="the evidence file to write (never overwritten)")
    mk.add_argument("--json", action="store_true", help='print {"out", "fingerprint", "parts"}')
    vf = esub.add_parser(
        "verify",
        help="check that every part of an evidence file has the SHA-256 its manifest lists",
        epilog=EVIDENCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    vf.add_argument("file", metavar="FILE")
    vf.add_argument("--json", action="store_true", help="one JSON object: status, fingerprint, each part's check")
    sd = esub.add_parser(
        "send",
        help="send an intact evidence file to your organisation's security team (managed config [report] endpoint)",
        epilog=EVIDENCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sd.add_argument("file", metavar="FILE")
    sd.add_argument("--json", action="store_true", help='one JSON object: {"status": "sent", ...} or the error')


def _add_install_commands(sub: Any) -> None:
    """install, uninstall, doctor: the host's registration with each browser."""
    import argparse

    browsers = "chrome|chromium|edge|brave|vivaldi|opera|firefox|all (repeat, or comma-separated; default all)"
    for name, what in (
        ("install", "write the browsers' host manifests (and Windows registry keys) and the launcher"),
        ("uninstall", "remove exactly what install wrote"),
        ("doctor", "check each browser's path to the host, the list and the config; say what to fix"),
    ):
        x = sub.add_parser(
            name, help=what, epilog=INSTALL_EPILOGS[name], formatter_class=argparse.RawDescriptionHelpFormatter
        )
        x.add_argument("--browser", action="append", metavar="B", help=browsers)
        x.add_argument("--extension-id", action="append", metavar="ID", help="extra extension id (repeatable)")
        x.add_argument("--user-data-dir", metavar="DIR", help="a Chromium browser started with --user-data-dir=DIR")
        x.add_argument("--json", action="store_true")
        if name != "doctor":
            x.add_argument("--system", action="store_true", help="for every user (needs administrator rights)")
        if name == "install":
            x.add_argument("--flatpak", action="store_true", help="also inside Flatpak browsers' sandboxes")
        if name == "doctor":
            x.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a host's reply")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["host"]:  # the browser's path: skip argparse's view of launch arguments entirely
        from kefuguard.protocol.launch import run_host

        return run_host(argv[1:])
    if argv and (argv[0].startswith("chrome-extension://") or argv[0].endswith(".json")):
        from kefuguard.protocol.launch import run_host  # launched directly by a manifest

        return run_host(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    import os

    from kefuguard.cli import commands
    from kefuguard.cli.output import GuardedOutput, OutputFailedError

    if sys.stdout is None:  # started with stdout closed: check, and say nothing
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stdout = GuardedOutput(sys.stdout)
    if args.command == "update":
        commands.yield_cpu()
    try:
        return commands.run(args)
    except BrokenPipeError:
        return EXIT_OK  # `kefuguard ... | head`
    except OutputFailedError as e:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - or the exit flush fails again
        print(f"kefuguard: cannot write the output: {e}\n  无法写出结果：{e}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
