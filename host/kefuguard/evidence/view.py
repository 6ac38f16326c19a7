"""The `view` part: what the other parts say, as a page a person reads, in Chinese and English.

Plain HTML with every value escaped as text (format.escape), inline CSS in the head, nothing that
runs and nothing fetched. It never holds a <main> of its own (the view is the text between
<main id="kefuguard-view"> and the first </main>).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kefuguard.evidence.format import escape

LEVEL_LABEL = {"verified": "官方 VERIFIED", "none": "未知 NONE", "caution": "注意 CAUTION", "danger": "危险 DANGER"}
DIRECTION_LABEL = {"incoming": "对方 them", "outgoing": "我 me"}
MAX_ADVICE = 6  # advice lines gathered from the warnings, each once

STYLE = """
body{margin:0;background:#f4f4f5;color:#18181b;font:15px/1.55 system-ui,-apple-system,"Segoe UI",
"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
#kefuguard-view{display:block;max-width:60rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #d4d4d8}
section{background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:.25rem 1rem 1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}dt{color:#52525b}
dd{margin:0;overflow-wrap:anywhere}.en{color:#52525b}.url,code{font-family:ui-monospace,Consolas,monospace;
overflow-wrap:anywhere}.level{display:inline-block;padding:0 .5rem;border-radius:4px;font-weight:600;
font-size:.85rem}.level-danger{background:#b91c1c;color:#fff}.level-caution{background:#f59e0b;color:#18181b}
.level-verified{background:#15803d;color:#fff}.level-none{background:#e4e4e7;color:#18181b}
ol.chat{list-style:none;padding:0;margin:0}ol.chat>li{border:1px solid #e4e4e7;border-radius:8px;
padding:.5rem .75rem;margin:.5rem 0;max-width:85%}ol.chat>li.outgoing{margin-left:auto;background:#eff6ff}
ol.chat>li.flagged{border:2px solid #b91c1c;background:#fef2f2}.meta{font-size:.8rem;color:#52525b}
.text{white-space:pre-wrap;overflow-wrap:anywhere}.flag{color:#b91c1c;font-weight:700}
ul.reasons{margin:.25rem 0;padding-left:1.25rem}.note{background:#fffbeb;border-color:#f59e0b}
table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{border:1px solid #e4e4e7;padding:.2rem .4rem;
text-align:left;vertical-align:top}td.hash{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
img[data-part]{display:block;max-width:60rem;width:calc(100% - 2rem);margin:0 auto 2rem;border:1px solid #a1a1aa}
""".strip()


@dataclass
class ViewMessage:
    direction: str
    text: str  # masked if outgoing
    result: dict[str, Any]  # its check result (masked likewise)
    cut: bool = False  # the text was cut to the length kept


@dataclass
class ViewData:
    page: dict[str, Any]
    url_result: dict[str, Any]
    messages: list[ViewMessage] | None  # None: no chat part
    channels: dict[str, list[str]]
    screenshot_bytes: int | None
    listings: list[dict[str, Any]]  # the other parts, as the manifest lists them
    made_by: str
    notes: list[tuple[str, str]] = field(default_factory=list)  # (English, Chinese): what was left out


def _both(zh: str, en: str) -> str:
    return f'{escape(zh)} <span class="en">{escape(en)}</span>'


def _level(level: str) -> str:
    return f'<span class="level level-{escape(level)}">{escape(LEVEL_LABEL.get(level, level))}</span>'


def _reasons(result: dict[str, Any]) -> str:
    items = [
        f'<li>{escape(r.get("message_zh", ""))}<br><span class="en">{escape(r.get("message", ""))}</span></li>'
        for r in result.get("reasons", [])
        if isinstance(r, dict)
    ]
    return f'<ul class="reasons">{"".join(items)}</ul>' if items else ""


def _flagged(result: dict[str, Any]) -> bool:
    return result.get("level") in ("caution", "danger")


def _page(data: ViewData) -> str:
    page = data.page
    rows = [
        (_both("网址", "URL"), f'<span class="url">{escape(page.get("url") or "")}</span>'),
        (_both("标题", "Title"), escape(page.get("title") or "—")),
        (_both("时间（UTC）", "Time (UTC)"), escape(page.get("captured_utc") or "")),
        (
            _both("当地时间", "Local time"),
            f"{escape(page.get('captured_local') or '')} ({escape(page.get('timezone') or '')})",
        ),
    ]
    if page.get("browser"):
        rows.append((_both("浏览器", "Browser"), escape(page["browser"])))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f"<section><h2>{_both('页面', 'Page')}</h2><dl>{body}</dl></section>"


def _verdicts(data: ViewData) -> str:
    r = data.url_result
    brand = f" · {escape(r['brand'])}" if r.get("brand") else ""
    parts = [
        f"<section><h2>{_both('检查结果', 'Verdicts')}</h2>",
        f"<p>{_both('网址', 'The page address')}: {_level(str(r.get('level')))}{brand}</p>",
        _reasons(r),
    ]
    if data.messages is not None:
        flagged = [m for m in data.messages if _flagged(m.result)]
        worst = max((m.result.get("level", "none") for m in flagged), key=("caution", "danger").index, default=None)
        parts.append(
            f"<p>{_both('聊天', 'The chat')}: {len(data.messages)} 条消息 messages, "
            f"{len(flagged)} 条被标记 flagged{' · ' + _level(worst) if worst else ''}</p>"
        )
    advice: dict[tuple[str, str], None] = {}
    for result in [r] + [m.result for m in data.messages or [] if _flagged(m.result)]:
        for en, zh in zip(result.get("advice", []), result.get("advice_zh", []), strict=False):
            if len(advice) < MAX_ADVICE:
                advice.setdefault((str(en), str(zh)), None)
    if advice:
        items = "".join(f'<li>{escape(zh)}<br><span class="en">{escape(en)}</span></li>' for en, zh in advice)
        parts.append(f"<h3>{_both('建议', 'Advice')}</h3><ul>{items}</ul>")
    list_version = r.get("list_version")
    parts.append(
        f'<p class="en">名单 list: {escape(r.get("publisher") or "")} {escape(list_version or "")}'
        f"{' (已过期 expired)' if r.get('list_stale') else ''}</p></section>"
    )
    return "".join(parts)


def _chat(messages: list[ViewMessage]) -> str:
    items = []
    for m in messages:
        flagged = _flagged(m.result)
        classes = f"{escape(m.direction)}{' flagged' if flagged else ''}"
        meta = [escape(DIRECTION_LABEL.get(m.direction, m.direction)), _level(str(m.result.get("level", "none")))]
        if flagged:
            meta.append('<span class="flag">⚑ 已标记 flagged</span>')
        if m.cut:
            meta.append(_both("已截断", "cut"))
        reasons = _reasons(m.result) if flagged else ""
        items.append(
            f'<li class="{classes}"><div class="meta">{" · ".join(meta)}</div>'
            f'<div class="text">{escape(m.text)}</div>{reasons}</li>'
        )
    empty = f"<p>{_both('（没有消息）', '(no messages)')}</p>" if not messages else ""
    return f'<section><h2>{_both("聊天记录", "Chat")}</h2>{empty}<ol class="chat">{"".join(items)}</ol></section>'


def _channels(channels: dict[str, list[str]]) -> str:
    rows = []
    for key, zh, en in (
        ("phones", "电话号码", "Phone numbers"),
        ("accounts", "账号", "Accounts"),
        ("links", "链接", "Links"),
    ):
        values = channels.get(key) or []
        shown = "<br>".join(f'<span class="url">{escape(v)}</span>' for v in values) or "—"
        rows.append(f"<dt>{_both(zh, en)}</dt><dd>{shown}</dd>")
    return f"<section><h2>{_both('找到的联系方式', 'Channels found')}</h2><dl>{''.join(rows)}</dl></section>"


def _screenshot(size: int | None) -> str:
    if size is None:
        said = _both("没有截图。", "No screenshot.")
    else:
        said = _both(
            f"截图在本页下方（PNG，{size:,} 字节）。", f"The screenshot is below this view (PNG, {size:,} bytes)."
        )
    return f"<section><h2>{_both('截图', 'Screenshot')}</h2><p>{said}</p></section>"


def _notes(notes: list[tuple[str, str]], has_outgoing: bool) -> str:
    items = [f'<li>{escape(zh)}<br><span class="en">{escape(en)}</span></li>' for en, zh in notes]
    if has_outgoing:
        items.append(
            "<li>"
            + _both(
                "“我”发出的消息中的验证码和银行卡号已遮盖（只留最后 2 位或 4 位）；对方的消息保持原样。",
                "Codes and card numbers in the user's own messages are masked (all but the last 2 or 4 digits); "
                "incoming messages are kept as received.",
            )
            + "</li>"
        )
    if not items:
        return ""
    return f'<section class="note"><h2>{_both("说明", "Notes")}</h2><ul>{"".join(items)}</ul></section>'


def _parts(data: ViewData) -> str:
    rows = [
        f"<tr><td>{escape(p['name'])}</td><td>{escape(p['media_type'])}</td><td>{p['bytes']:,}</td>"
        f'<td class="hash">{escape(p["sha256"])}</td></tr>'
        for p in data.listings
    ]
    this_view = _both("本页；其 SHA-256 记在清单中", "this page; its SHA-256 is in the manifest")
    rows.insert(0, f'<tr><td>view</td><td>text/html</td><td colspan="2">{this_view}</td></tr>')
    how = _both(
        "文件中每个部分都列在清单里并附 SHA-256。清单的 SHA-256 就是文件的“指纹”，不写在文件里：保存时会显示，"
        "请当时记下或发给自己、发给警方，日后可证明文件就是当时保存的那一份。检查：kefuguard evidence verify 文件名",
        "Every part of this file is listed with its SHA-256 in the manifest. The manifest's own SHA-256 is the "
        "file's fingerprint, which is not written inside the file: it was shown when the file was saved; written "
        "down or sent at the time, it shows later that this is the file saved then. Check: "
        "kefuguard evidence verify FILE",
    )
    head = "<tr><th>part</th><th>media type</th><th>bytes</th><th>SHA-256</th></tr>"
    return (
        f"<section><h2>{_both('文件清单', 'Parts of this file')}</h2><p>{how}</p>"
        f'<table>{head}{"".join(rows)}</table><p class="en">{_both("保存者", "Made by")}: '
        f"{escape(data.made_by)}</p></section>"
    )


def render_view(data: ViewData) -> str:
    has_outgoing = any(m.direction == "outgoing" for m in data.messages or [])
    sections = [
        '<h1>kefu-guard 证据 <span class="en">Evidence</span></h1>',
        "<p>"
        + _both(
            "这是 kefu-guard 保存的证据文件，可离线打开，不会运行任何脚本。",
            "An evidence file saved by kefu-guard: it opens offline and runs no script.",
        )
        + "</p>",
        _page(data),
        _verdicts(data),
        _chat(data.messages) if data.messages is not None else "",
        _channels(data.channels),
        _screenshot(data.screenshot_bytes),
        _notes(data.notes, has_outgoing),
        _parts(data),
    ]
    return "\n" + "\n".join(s for s in sections if s) + "\n"
