"""The agent console at GET /: one self-contained page (inline CSS and JS, nothing fetched but the API).

An agent pastes a link, a number or account, or a conversation (one message a line; "agent:" /
"客服:" lines are the agent's own, outgoing; "customer:" / "客户:" lines and unmarked ones are
incoming) and sees each verdict with its reasons, advice and the brand's official channels, in
Chinese or English.

Pasted text and results are put in the page with textContent only, never parsed as markup; the
Content-Security-Policy allows exactly this page's script and style (by hash), requests to its own
origin, and enforces Trusted Types, so an HTML sink assignment would throw instead of running.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root { color-scheme: light; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC",
  "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; background: #f5f6f8; }
body { margin: 0; }
header { display: flex; align-items: center; justify-content: space-between; gap: 1em;
  padding: .7em 1.2em; background: #16324f; color: #fff; }
header h1 { font-size: 1.15em; margin: 0; font-weight: 600; }
header button { background: transparent; color: #fff; border: 1px solid #fff8; border-radius: 4px;
  padding: .25em .8em; cursor: pointer; font: inherit; }
main { max-width: 60em; margin: 0 auto; padding: 1em 1.2em 3em; }
.intro { color: #444; margin: .2em 0 .8em; }
textarea { box-sizing: border-box; width: 100%; min-height: 9em; padding: .6em; font: inherit;
  border: 1px solid #b8bec8; border-radius: 6px; resize: vertical; background: #fff; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .6em; margin: .6em 0 1em; }
.controls select, .controls button { font: inherit; padding: .35em .8em; border-radius: 5px;
  border: 1px solid #9aa3af; background: #fff; cursor: pointer; }
.controls button.primary { background: #16324f; color: #fff; border-color: #16324f; }
.controls .hint { color: #666; font-size: .9em; }
.busy { color: #555; }
.card { background: #fff; border: 1px solid #d5d9e0; border-left: 6px solid #9aa3af;
  border-radius: 6px; padding: .7em 1em; margin: 0 0 .8em; }
.card[data-level="danger"] { border-left-color: #c62828; }
.card[data-level="caution"] { border-left-color: #d98b00; }
.card[data-level="verified"] { border-left-color: #2e7d32; }
.card[data-level="error"] { border-left-color: #6a1b9a; }
.head { display: flex; align-items: baseline; gap: .7em; flex-wrap: wrap; }
.subject { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all;
  white-space: pre-wrap; }
.badge { display: inline-block; min-width: 4.5em; text-align: center; font-weight: 600;
  border-radius: 4px; padding: .05em .6em; background: #eceff3; color: #333; }
.badge.danger { background: #fde4e4; color: #a31515; }
.badge.caution { background: #fff1cc; color: #7a4d00; }
.badge.verified { background: #e2f4e4; color: #1b5e20; }
.badge.error { background: #f1e4f6; color: #5a1780; }
h3 { font-size: .95em; margin: .7em 0 .2em; color: #444; }
ul { margin: .2em 0; padding-left: 1.3em; }
.brand, .memory { background: #f3f7fb; border-radius: 5px; padding: .3em .8em .5em; margin-top: .6em; }
.memory li[data-standing="dangerous"], .memory li[data-standing="not_official"] { color: #8a1c1c; }
.brand p { margin: .2em 0; }
.channel { font-family: ui-monospace, Menlo, Consolas, monospace; background: #fff; border: 1px solid #d5dde8;
  border-radius: 3px; padding: 0 .35em; margin-right: .35em; white-space: nowrap; }
ol.messages { list-style: none; padding: 0; margin: .8em 0 0; }
ol.messages > li { border-top: 1px solid #e3e6eb; padding: .5em 0; }
.who { color: #555; font-size: .9em; min-width: 4.5em; }
.message-text { white-space: pre-wrap; word-break: break-word; }
.note { color: #7a4d00; }
footer { color: #666; font-size: .85em; margin-top: 2em; }
"""

SCRIPT = r"""
(() => {
  'use strict';
  const T = {
    en: {
      title: 'kefu-guard agent console',
      intro: 'Paste a link, a phone number or an account (qq:12345, wechat:abc), or a whole conversation, ' +
        'one message a line. Lines starting with "agent:" or "客服:" are your side (outgoing); ' +
        '"customer:" or "客户:" lines, and unmarked ones, are the customer\'s (incoming).',
      placeholder: 'https://taobao-kefu.com/\n\ncustomer: 你好，我是淘宝客服，你的订单异常需要退款\n' +
        'agent: 请通过淘宝App联系官方客服',
      mode_auto: 'Detect automatically', mode_link: 'Links (one a line)',
      mode_contact: 'Numbers or accounts (one a line)',
      mode_chat: 'Conversation (one message a line)',
      check: 'Check', clear: 'Clear', hint: 'Ctrl+Enter checks',
      checking: 'Checking…', empty: 'Paste something to check first.',
      level_danger: 'Danger', level_caution: 'Caution', level_verified: 'Official', level_none: 'Nothing known',
      why: 'Why', advice: 'What to do', official: 'Official channels of {name}', sites: 'Sites',
      phones: 'Phone numbers', conversation: 'Whole conversation', agent: 'Agent', customer: 'Customer',
      error: 'Error', network: 'The service did not answer.', stale: 'The list is past its expiry date: ' +
        'its answers may be out of date.',
      list: 'List version {version}', list_stale: 'List version {version} (expired)', lang: '中文',
      footer: 'Results come from the signed list of official channels. Nothing you paste is stored.',
      token: 'Access token', needs_token: 'This service needs its access token: enter it and check again.',
      memory: 'In this conversation', claimed: 'Says it is {name} (message {n})',
      mentioned: 'Mentions {name} (message {n})', standing_official: 'official',
      standing_not_official: 'not official', standing_dangerous: 'dangerous',
      channel_line: '{channel}: {standing} (message {n})', channel_official: 'official: {official}'
    },
    zh: {
      title: '客服卫士 · 坐席查询台',
      intro: '粘贴链接、电话号码或账号（qq:12345、wechat:abc），或整段对话（每行一条消息）。' +
        '以“客服:”或“agent:”开头的行是您这一方（发出）；以“客户:”或“customer:”开头的行和没有标记的行是客户的（收到）。',
      placeholder: 'https://taobao-kefu.com/\n\n客户: 你好，我是淘宝客服，你的订单异常需要退款\n' +
        '客服: 请通过淘宝App联系官方客服',
      mode_auto: '自动识别', mode_link: '链接（每行一个）', mode_contact: '号码或账号（每行一个）',
      mode_chat: '对话（每行一条消息）',
      check: '检查', clear: '清空', hint: 'Ctrl+Enter 快速检查',
      checking: '正在检查…', empty: '请先粘贴要检查的内容。',
      level_danger: '危险', level_caution: '注意', level_verified: '官方', level_none: '未发现问题',
      why: '原因', advice: '建议', official: '{name}的官方渠道', sites: '网站', phones: '电话',
      conversation: '整段对话', agent: '客服', customer: '客户',
      error: '出错', network: '服务没有响应。', stale: '名单已过期：结果可能不是最新的。',
      list: '名单版本 {version}', list_stale: '名单版本 {version}（已过期）', lang: 'English',
      footer: '结果依据经签名的官方渠道名单。粘贴的内容不会被保存。',
      token: '访问令牌', needs_token: '此服务需要访问令牌：请输入后再查询。',
      memory: '这段对话中', claimed: '自称是{name}（第 {n} 条）', mentioned: '提到{name}（第 {n} 条）',
      standing_official: '官方', standing_not_official: '非官方', standing_dangerous: '危险',
      channel_line: '{channel}：{standing}（第 {n} 条）', channel_official: '官方：{official}'
    }
  };
  const $ = (id) => document.getElementById(id);
  const stored = (() => { try { return localStorage.getItem('kefuguard.lang'); } catch (e) { return null; } })();
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  let lang = stored === 'zh' || stored === 'en' ? stored : (/^zh\b/i.test(preferred) ? 'zh' : 'en');
  let last = null;
  let listInfo = null;

  const t = (key, values) => {
    let s = T[lang][key];
    for (const [k, v] of Object.entries(values || {})) s = s.split('{' + k + '}').join(String(v));
    return s;
  };
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const PLATFORM = /^(qq|wechat|weixin|微信|whatsapp|telegram|line|weibo|douyin)\s*[:：]/i;
  const isContact = (s) => PLATFORM.test(s) || (/^\+?[\d\s()-]+$/.test(s) && s.replace(/\D/g, '').length >= 3);
  const isLink = (s) => !/\s/.test(s) && !isContact(s) &&
    (/^https?:\/\//i.test(s) || /^[^\s/@:]+\.[^\s/@:.]{2,}(:\d+)?([/?#]\S*)?$/u.test(s));
  const PREFIX = /^(agent|客服|customer|客户)\s*[:：]\s*/i;
  function parseLine(line) {
    const m = PREFIX.exec(line);
    if (!m) return { text: line, direction: 'incoming' };
    const who = m[1].toLowerCase();
    return { text: line.slice(m[0].length), direction: who === 'agent' || who === '客服' ? 'outgoing' : 'incoming' };
  }

  // the token (when the service has one) stays in this tab only: sessionStorage, never a cookie
  function authHeaders() {
    let token = '';
    try { token = sessionStorage.getItem('kefuguard.token') || ''; } catch (e) { /* storage off */ }
    return token ? { Authorization: 'Bearer ' + token } : {};
  }
  function askForToken() {
    $('token-row').hidden = false;
    $('token').focus();
  }

  async function post(path, body) {
    try {
      const response = await fetch(path, {
        method: 'POST', headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body),
        credentials: 'same-origin', cache: 'no-store'
      });
      if (response.status === 401) {
        askForToken();
        return { error: { code: 'unauthorized', message: T.en.needs_token, message_zh: T.zh.needs_token } };
      }
      const data = await response.json();
      if (!response.ok || data.error) return { error: data.error || { code: String(response.status), message: '' } };
      return data;
    } catch (e) {
      return { error: { code: 'network', message: T.en.network, message_zh: T.zh.network } };
    }
  }

  async function check() {
    const lines = $('input').value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    const mode = $('mode').value;
    if (!lines.length) { $('busy').textContent = t('empty'); return; }
    $('busy').textContent = t('checking');
    $('check').disabled = true;
    const items = [];
    try {
      let kind = mode;
      if (mode === 'auto') {
        if (lines.every(isLink)) kind = 'link';
        else if (lines.length === 1) kind = isContact(lines[0]) ? 'contact' : 'text';
        else kind = 'chat';
      }
      if (kind === 'link') {
        const urls = lines.slice(0, 1000);
        const data = await post('/v1/check/url', { urls });
        if (data.error) items.push({ subject: urls.join(' '), error: data.error });
        else data.results.forEach((r, i) => items.push({ subject: urls[i], error: r.error, result: r }));
      } else if (kind === 'contact') {
        for (const line of lines.slice(0, 100)) {
          const data = await post('/v1/check/contact', { contact: line });
          items.push({ subject: line, error: data.error, result: data.result });
        }
      } else if (kind === 'text') {
        const message = parseLine(lines[0]);
        const data = await post('/v1/check/text', message);
        items.push({ subject: lines[0], error: data.error, result: data.result });
      } else {
        const messages = lines.map(parseLine).filter((m) => m.text);
        const data = await post('/v1/check/text', { messages });
        items.push({ subject: t('conversation'), error: data.error, chat: true, messages, result: data.result });
      }
    } finally {
      $('check').disabled = false;
      $('busy').textContent = '';
    }
    last = items;
    render();
  }

  function textList(card, heading, texts) {
    if (!texts || !texts.length) return;
    card.append(el('h3', null, t(heading)));
    const ul = el('ul', heading);
    for (const s of texts) ul.append(el('li', null, s));
    card.append(ul);
  }
  const inLanguage = (en, zh) => (lang === 'zh' ? zh || en : en || zh);
  const reasonTexts = (r) => (r.reasons || []).map((x) => inLanguage(x.message, x.message_zh));
  const adviceTexts = (r) => (lang === 'zh' ? r.advice_zh : r.advice) || [];

  function brandCard(card, bc) {
    if (!bc) return;
    const box = el('div', 'brand');
    const name = inLanguage(bc.name, bc.name_zh) || bc.id;
    box.append(el('h3', null, t('official', { name })));
    for (const [key, values] of [['sites', bc.domains], ['phones', bc.phones]]) {
      if (!values || !values.length) continue;
      const p = el('p', key);
      p.append(el('span', 'label', t(key) + ': '));
      for (const v of values) p.append(el('span', 'channel', v), document.createTextNode(' '));
      box.append(p);
    }
    card.append(box);
  }

  function errorCard(subject, error) {
    const card = el('section', 'card');
    card.dataset.level = 'error';
    const head = el('div', 'head');
    head.append(el('span', 'badge error', t('error')), el('span', 'subject', subject));
    card.append(head);
    const message = inLanguage(error.message, error.message_zh);
    card.append(el('p', 'error-message', (message || '') + ' (' + (error.code || '?') + ')'));
    return card;
  }

  function resultCard(subject, r) {
    const card = el('section', 'card');
    card.dataset.level = r.level;
    const head = el('div', 'head');
    head.append(el('span', 'badge ' + r.level, t('level_' + r.level)), el('span', 'subject', subject));
    card.append(head);
    textList(card, 'why', reasonTexts(r));
    textList(card, 'advice', adviceTexts(r));
    brandCard(card, r.brand_card);
    if (r.list_stale) card.append(el('p', 'note', t('stale')));
    return card;
  }

  // who the other side claimed to be and every link and number it offered, across the conversation
  function memoryBox(card, memory) {
    if (!memory || (!memory.brands.length && !memory.channels.length)) return;
    const box = el('div', 'memory');
    box.append(el('h3', null, t('memory')));
    const ul = el('ul', null);
    for (const b of memory.brands) {
      const name = inLanguage(b.name, b.name_zh) || b.id;
      ul.append(el('li', 'claim', t(b.claimed ? 'claimed' : 'mentioned', { name, n: b.message + 1 })));
    }
    for (const c of memory.channels) {
      const line = t('channel_line', { channel: c.channel, standing: t('standing_' + c.standing), n: c.message + 1 });
      const official = c.official ? ' · ' + t('channel_official', { official: c.official }) : '';
      const li = el('li', 'offered', line + official);
      li.dataset.standing = c.standing;
      ul.append(li);
    }
    box.append(ul);
    card.append(box);
  }

  function chatCard(item) {
    const card = resultCard(t('conversation'), item.result);
    card.classList.add('chat');
    memoryBox(card, item.result.conversation);
    const ol = el('ol', 'messages');
    const results = item.result.messages || [];
    item.messages.forEach((m, i) => {
      const r = results[i] || { level: 'none', reasons: [] };
      const li = el('li', 'message');
      li.dataset.level = r.level;
      const head = el('div', 'head');
      head.append(
        el('span', 'badge ' + r.level, t('level_' + r.level)),
        el('span', 'who', t(m.direction === 'outgoing' ? 'agent' : 'customer')),
        el('span', 'message-text', m.text)
      );
      li.append(head);
      const reasons = reasonTexts(r);
      if (reasons.length) {
        const ul = el('ul', 'why');
        for (const s of reasons) ul.append(el('li', null, s));
        li.append(ul);
      }
      ol.append(li);
    });
    card.append(ol);
    return card;
  }

  function render() {
    const out = $('results');
    out.replaceChildren();
    for (const item of last || []) {
      if (item.error) out.append(errorCard(item.subject, item.error));
      else if (item.chat) out.append(chatCard(item));
      else out.append(resultCard(item.subject, item.result));
    }
    $('list').textContent = listInfo && listInfo.version !== null && listInfo.version !== undefined
      ? t(listInfo.stale ? 'list_stale' : 'list', { version: listInfo.version }) : '';
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
    $('input').placeholder = t('placeholder');
    $('lang').textContent = t('lang');
    render();
  }

  $('check').addEventListener('click', check);
  $('clear').addEventListener('click', () => { $('input').value = ''; last = null; render(); $('input').focus(); });
  $('input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    try { localStorage.setItem('kefuguard.lang', lang); } catch (e) { /* private mode */ }
    applyLanguage();
  });
  applyLanguage();
  $('token').addEventListener('change', () => {
    try { sessionStorage.setItem('kefuguard.token', $('token').value.trim()); } catch (e) { /* storage off */ }
  });
  fetch('/v1/status', { cache: 'no-store', credentials: 'same-origin', headers: authHeaders() })
    .then((r) => { if (r.status === 401) askForToken(); return r.ok ? r.json() : null; })
    .then((s) => { if (s) { listInfo = { version: s.version, stale: s.stale }; render(); } })
    .catch(() => {});
})();
"""

BODY = """
<header><h1 data-t="title"></h1><button type="button" id="lang"></button></header>
<main>
<p class="intro" data-t="intro"></p>
<textarea id="input" spellcheck="false" autofocus></textarea>
<div class="controls">
<select id="mode">
<option value="auto" data-t="mode_auto"></option>
<option value="link" data-t="mode_link"></option>
<option value="contact" data-t="mode_contact"></option>
<option value="chat" data-t="mode_chat"></option>
</select>
<button type="button" id="check" class="primary" data-t="check"></button>
<button type="button" id="clear" data-t="clear"></button>
<span class="hint" data-t="hint"></span>
<span id="busy" class="busy" role="status"></span>
</div>
<p id="token-row" hidden><label><span data-t="token"></span>
<input type="password" id="token" autocomplete="off"></label></p>
<div id="results" aria-live="polite"></div>
<footer><span id="list"></span> · <span data-t="footer"></span></footer>
</main>
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CONSOLE_HTML = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>kefu-guard</title>\n"
    f"<style>{STYLE}</style>\n</head>\n<body>{BODY}<script>{SCRIPT}</script>\n</body>\n</html>\n"
).encode()

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        f"script-src {_hash(SCRIPT)}",
        f"style-src {_hash(STYLE)}",
        "connect-src 'self'",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    )
)

CONSOLE_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
