// Evidence files (docs/evidence.md, the contract): one self-contained HTML file holding what
// kefu-guard saw on a page — the page, every verdict, the chat, the phone numbers, accounts and
// links found, a screenshot — each part listed with its SHA-256 in an embedded manifest, and a
// readable view in Chinese and English. No script in the file runs: the parts are
// <script type="application/json"> (with <, > and & written as \u003c, \u003e, \u0026) and one
// <img> data URL; the view is HTML written here with every value escaped as text, so nothing from
// the page (its title, a chat message) can become markup in the file. The user's own verification
// codes and card numbers are masked. Built by the report page (an extension page), never by a page.
// Classic script that also loads as an ES module; sets globalThis.KefuGuard.evidence.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.evidence) {
    return;
  }

  const FORMAT = "kefuguard-evidence";
  const VERSION = 1;
  const RANK = { verified: 0, none: 0, caution: 1, danger: 2 };

  // --- escaping --------------------------------------------------------------------------------

  const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const JSON_ESCAPES = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026" };

  /** Text as HTML text or attribute value: & < > " ' escaped. */
  function escapeHtml(value) {
    return String(value === undefined || value === null ? "" : value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
  }

  /** JSON for a <script type="application/json"> part: no text can close the element early. */
  function jsonText(value) {
    return JSON.stringify(value).replace(/[<>&]/g, (c) => JSON_ESCAPES[c]);
  }

  // --- masking the user's own codes and card numbers ------------------------------------------
  // The same rules as the kefuguard program's (`kefuguard evidence make`): codes are 4-8 digits
  // within 12 characters of a code word, or alone in the message; a card number is the longest run
  // of whole digit groups with 13-19 digits passing the Luhn check; spaces and dashes between
  // groups stay, and the text keeps its length.

  const CODE_WORDS = [
    "验证码", "校验码", "动态码", "code", "otp", "passcode", "pin", "短信码", "短信验证码", "动态密码",
    "确认码", "授权码", "安全码", "yzm", "verification", "one-time", "sms code",
  ].sort((a, b) => b.length - a.length);
  const CODE_WORD = new RegExp(
    CODE_WORDS.map((w) => (/^[\x00-\x7f]+$/.test(w) ? `(?<![a-z0-9])${w.replace(/[-]/g, "\\-")}(?![a-z0-9])` : w)).join("|"),
    "g",
  );
  const DIGIT = "0-9\uff10-\uff19"; // ASCII and full-width digits
  const RUN = new RegExp(`(?<![${DIGIT}])[${DIGIT}]+(?:[ \\-][${DIGIT}]+)*(?![${DIGIT}])`, "g");
  const GROUP = new RegExp(`[${DIGIT}]+`, "g");
  const CODE_DIGITS = [4, 8];
  const CARD_DIGITS = [13, 19];
  const CODE_WINDOW = 12;
  const MAX_GROUPS = 12;

  /** Lower case, full-width letters and digits as ASCII: one character for one (positions stay). */
  function fold(text) {
    return Array.from(text, (c) => {
      const n = c.normalize("NFKC").toLowerCase();
      return n.length === c.length ? n : c;
    }).join("");
  }

  const asciiDigits = (digits) => digits.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

  function luhn(digits) {
    let total = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2) {
        d = d > 4 ? d * 2 - 9 : d * 2;
      }
      total += d;
    }
    return total % 10 === 0;
  }

  /** The longest run of whole digit groups that is a card number, as [start, end], or null. */
  function cardSpan(groups) {
    const some = groups.slice(0, MAX_GROUPS);
    let best = null;
    for (let i = 0; i < some.length; i++) {
      let digits = "";
      for (let j = i; j < some.length; j++) {
        digits += some[j][0];
        if (digits.length > CARD_DIGITS[1]) {
          break;
        }
        if (digits.length >= CARD_DIGITS[0] && luhn(asciiDigits(digits))) {
          const span = [some[i].index, some[j].index + some[j][0].length];
          if (!best || span[1] - span[0] > best[1] - best[0]) {
            best = span;
          }
        }
      }
    }
    return best;
  }

  /**
   * An outgoing message with its verification codes (all but the last 2 digits) and card numbers
   * (all but the last 4) masked. {text, secrets: [[as written, masked], ...]}: what was masked, to
   * mask the same in the message's result (a reason's `matched` quotes it).
   */
  function maskOutgoing(text) {
    text = String(text);
    if (!/[0-9\uff10-\uff19]/.test(text)) {
      return { text, secrets: [] };
    }
    const chars = text.split(""); // UTF-16 units, as the match indices count (a digit is never half of a pair)
    const words = [...fold(text).matchAll(CODE_WORD)].map((m) => [m.index, m.index + m[0].length]);
    const near = (start, end) => words.some(([ws, we]) => (start - we >= 0 && start - we <= CODE_WINDOW) || (ws - end >= 0 && ws - end <= CODE_WINDOW));
    const alnum = /[\p{L}\p{N}]/u;
    const alone = (start, end) => !alnum.test(text.slice(0, start)) && !alnum.test(text.slice(end));
    const spans = [];
    const mask = (start, end, keep) => {
      const positions = [];
      for (let i = start; i < end; i++) {
        if (chars[i] !== " " && chars[i] !== "-") {
          positions.push(i);
        }
      }
      for (const i of positions.slice(0, Math.max(0, positions.length - keep))) {
        chars[i] = "*";
      }
      spans.push([start, end]);
    };
    for (const run of text.matchAll(RUN)) {
      const groups = [...run[0].matchAll(GROUP)].map((g) => Object.assign([g[0]], { index: run.index + g.index }));
      const card = cardSpan(groups);
      if (card) {
        mask(card[0], card[1], 4);
        continue;
      }
      const n = groups.reduce((sum, g) => sum + g[0].length, 0);
      const candidates = n >= CODE_DIGITS[0] && n <= CODE_DIGITS[1]
        ? [[run.index, run.index + run[0].length]]
        : groups.filter((g) => g[0].length >= CODE_DIGITS[0] && g[0].length <= CODE_DIGITS[1]).map((g) => [g.index, g.index + g[0].length]);
      for (const [start, end] of candidates) {
        if (alone(start, end) || near(start, end)) {
          mask(start, end, 2);
        }
      }
    }
    const masked = chars.join("");
    const secrets = [];
    for (const [start, end] of spans) {
      const written = text.slice(start, end);
      const hidden = masked.slice(start, end);
      secrets.push([written, hidden]);
      const digits = written.replace(/[ -]/g, "");
      if (digits !== written) {
        secrets.push([digits, hidden.replace(/[ -]/g, "")]); // the host may quote the digits alone
      }
    }
    secrets.sort((a, b) => b[0].length - a[0].length);
    return { text: masked, secrets };
  }

  const KEPT_FIELDS = new Set(["code", "level", "direction", "brand", "publisher", "list_version"]);

  /** A copy of `value` with every secret replaced in its strings (an outgoing message's result). */
  function maskIn(value, secrets, key) {
    if (!secrets.length) {
      return value;
    }
    if (typeof value === "string") {
      return KEPT_FIELDS.has(key) ? value : secrets.reduce((s, [written, masked]) => s.split(written).join(masked), value);
    }
    if (Array.isArray(value)) {
      return value.map((v) => maskIn(v, secrets, key));
    }
    if (value && typeof value === "object") {
      const out = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = maskIn(v, secrets, k);
      }
      return out;
    }
    return value;
  }

  // --- phone numbers, IM accounts and links in text -------------------------------------------

  const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'，。、）)】」\u3000-\u9fff\uff00-\uffef]{1,2048}/gi;
  const NUMBER_RE = /(?<![\d*])(\+\s?)?\(?\d[\d ()-]{3,22}\d(?![\d*])/g;
  const QQ_RE = /(?:qq|扣扣|企鹅)\s*号?\s*[:：是为=]?\s*(\d{5,11})(?!\d)/gi;
  const WECHAT_RE = /(?:微信|weixin|wechat|v信|薇信|vx|wx)\s*号?\s*[:：是为=]?\s*([a-z][a-z0-9_-]{5,19})/gi;
  const WHATSAPP_RE = /whats\s?app\s*[:：]?\s*(\+?\d[\d -]{5,18}\d)|wa\.me\/(\d{6,15})/gi;

  /** Whether a run of digits (as written) is a phone number worth listing. */
  function isPhone(written, digits) {
    const n = digits.length;
    const groups = written.replace(/^\+/, "").trim().split(/[\s()-]+/).filter(Boolean).map((g) => g.length).join(",");
    if (written.trim().startsWith("+")) {
      return n >= 7 && n <= 15;
    }
    return (
      (n === 11 && /^1[3-9]/.test(digits)) || // Chinese mobile
      (n === 10 && /^(400|800)/.test(digits)) || // Chinese 400/800 numbers
      (n >= 10 && n <= 12 && /^0[1-9]/.test(digits)) || // Chinese landline with area code
      (n >= 5 && n <= 8 && /^9[56]/.test(digits)) || // Chinese service numbers (95xxx, 96xxx)
      groups === "3,3,4" || groups === "1,3,3,4" // North American, (856) 633-1822
    );
  }

  /**
   * {phones, accounts, links} found in `texts`, each once, in the order found, written as the
   * kefuguard program writes them: a phone number as its digits ("+" and the digits for one written
   * with a country code), accounts as qq:NUMBER, wechat:ID, whatsapp:DIGITS, links with a scheme.
   */
  function findChannels(texts) {
    const phones = new Map(); // digits -> as listed
    const accounts = new Set();
    const links = new Set();
    for (const raw of texts) {
      if (typeof raw !== "string" || !raw) {
        continue;
      }
      let text = raw;
      for (const m of raw.matchAll(URL_RE)) {
        const link = m[0].replace(/[.,;:!?]+$/, "");
        links.add(/^www\./i.test(link) ? "http://" + link : link);
        text = text.split(m[0]).join(" ".repeat(m[0].length)); // its digits are no phone numbers
      }
      for (const m of text.matchAll(QQ_RE)) {
        accounts.add("qq:" + m[1]);
      }
      for (const m of text.matchAll(WECHAT_RE)) {
        accounts.add("wechat:" + m[1].toLowerCase());
      }
      for (const m of text.matchAll(WHATSAPP_RE)) {
        accounts.add("whatsapp:" + (m[1] || m[2]).replace(/\D/g, "").replace(/^00/, ""));
      }
      const qqNumbers = new Set([...accounts].filter((a) => a.startsWith("qq:")).map((a) => a.slice(3)));
      for (const m of text.matchAll(NUMBER_RE)) {
        const written = m[0].replace(/\s+/g, " ").trim();
        const digits = written.replace(/\D/g, "");
        if (!qqNumbers.has(digits) && !phones.has(digits) && isPhone(written, digits)) {
          phones.set(digits, written.startsWith("+") ? "+" + digits : digits);
        }
      }
    }
    return { phones: [...phones.values()], accounts: [...accounts], links: [...links] };
  }

  // --- times ------------------------------------------------------------------------------------

  const pad = (n, w = 2) => String(n).padStart(w, "0");

  /** 2026-12-03T21:00:05Z */
  function utcText(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** 2026-12-04T05:00:05+08:00: the machine's local time with its offset. */
  function localText(ms) {
    const d = new Date(ms);
    const offset = -d.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    return `${date}T${time}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }

  function timezoneName(ms) {
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone) {
        return zone;
      }
    } catch (e) {
      // no Intl time zone data: the offset says it
    }
    return "UTC" + localText(ms).slice(-6);
  }

  // --- bytes and hashes -------------------------------------------------------------------------

  const utf8 = (text) => new TextEncoder().encode(text);

  function base64Bytes(b64) {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  async function sha256Hex(bytes) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // --- the parts ----------------------------------------------------------------------------------

  const isWarning = (result) => Boolean(result) && (RANK[result.level] || 0) > 0;

  /**
   * What the file says, from what the extension collected (`data`, see background/evidence.js):
   * the user's outgoing messages (and their results) masked, the parts' values in file order.
   */
  function contents(data) {
    const captured = Number.isFinite(data.captured_at) ? data.captured_at : Date.now();
    const page = {
      url: String(data.page.url),
      title: typeof data.page.title === "string" ? data.page.title : null,
      captured_utc: utcText(captured),
      captured_local: localText(captured),
      timezone: timezoneName(captured),
    };
    if (typeof data.browser === "string" && data.browser) {
      page.browser = data.browser;
    }
    // each result once (a link can be the page, or be held and seen on hover), in this order:
    // the page, the held link, the links warned about, then the chat's messages
    const verdicts = [];
    const views = []; // [{kind, subject, result}] for the readable view
    const seen = new Set();
    const addVerdict = (kind, subject, result) => {
      const key = JSON.stringify(result);
      if (seen.has(key)) {
        return;
      }
      seen.add(key);
      verdicts.push(result);
      views.push({ kind, subject, result });
    };
    if (data.page_result) {
      addVerdict("page", page.url, data.page_result);
    }
    if (data.held_link) {
      addVerdict("link", data.held_link.url || "", data.held_link);
    }
    for (const link of data.links || []) {
      addVerdict("link", link.url || "", link);
    }
    const chat = [];
    const texts = [page.url];
    for (const m of data.chat || []) {
      let text = m.text;
      let result = m.result || null;
      if (m.direction === "outgoing") {
        const masked = maskOutgoing(text);
        text = masked.text;
        result = result ? maskIn(result, masked.secrets) : null;
      }
      const entry = { direction: m.direction === "outgoing" ? "outgoing" : "incoming" };
      if (typeof m.sender === "string" && m.sender) {
        entry.sender = m.sender;
      }
      if (typeof m.time === "string" && m.time) {
        entry.time = m.time;
      }
      entry.text = text;
      if (result) {
        entry.level = result.level;
      }
      entry.flagged = isWarning(result);
      chat.push(entry);
      texts.push(text);
      if (result) {
        addVerdict(entry.direction === "outgoing" ? "outgoing" : "message", text, { ...result, text });
      }
    }
    for (const v of verdicts) {
      if (typeof v.url === "string") {
        texts.push(v.url);
      }
      for (const r of v.reasons || []) {
        if (typeof r.matched === "string") {
          texts.push(r.matched);
        }
      }
    }
    return { page, verdicts, views, chat, channels: findChannels(texts) };
  }

  // --- the readable view --------------------------------------------------------------------------

  const CSS = [
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;color:#1d2939;max-width:980px;margin:0 auto;padding:20px}",
    "h1{font-size:24px;margin:0 0 6px}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #eaecf0;padding-bottom:4px}",
    ".en{color:#475467}.small{font-size:13px;color:#475467}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}",
    "table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #eaecf0;padding:4px 8px;text-align:left;vertical-align:top}",
    "th{background:#f9fafb;white-space:nowrap}td.text{white-space:pre-wrap;word-break:break-word}",
    ".verdict{border-left:5px solid #98a2b3;padding:4px 12px;margin:10px 0}.verdict.danger{border-color:#c62828}.verdict.caution{border-color:#b54708}.verdict.verified{border-color:#1a7f37}",
    ".level{font-weight:700}.danger .level,tr.flagged .level{color:#c62828}.caution .level{color:#b54708}",
    "tr.flagged td{background:#fef3f2}tr.outgoing td.who{color:#175cd3}",
    "img[data-part=screenshot]{display:block;max-width:100%;margin:16px auto;border:1px solid #d0d5dd}",
  ].join("\n");

  /**
   * The view: HTML built here from constant markup and values escaped with escapeHtml(); `tr`
   * gives a string of both languages (Chinese, then English), already escaped.
   */
  function viewHtml(c, data, tr, levelText) {
    const t = (key, ...subs) => tr(key, subs);
    const row = (label, value, cls = "") => `<tr><th>${label}</th><td${cls ? ` class="${cls}"` : ""}>${escapeHtml(value)}</td></tr>`;
    const out = [];
    out.push(`<h1>${t("evidence_heading")}</h1>`);
    out.push(`<p>${t("evidence_intro")}</p>`);

    out.push(`<h2>${t("evidence_page")}</h2><table>`);
    out.push(row(t("evidence_url"), c.page.url, "mono"));
    out.push(row(t("evidence_page_title"), c.page.title === null ? "" : c.page.title));
    out.push(row(t("evidence_time_utc"), c.page.captured_utc));
    out.push(row(t("evidence_time_local"), `${c.page.captured_local} (${c.page.timezone})`));
    if (c.page.browser) {
      out.push(row(t("evidence_browser"), c.page.browser, "small"));
    }
    if (data.list && (data.list.publisher || data.list.version)) {
      out.push(row(t("evidence_list"), `${data.list.publisher || ""} ${data.list.version ?? ""}`.trim()));
    }
    out.push(`</table>`);

    out.push(`<h2>${t("evidence_verdicts")}</h2>`);
    const shown = c.views.filter((v) => v.result.level !== "none");
    if (!shown.length) {
      out.push(`<p>${t("evidence_no_verdicts")}</p>`);
    }
    for (const { kind, subject, result } of shown) {
      const level = ["danger", "caution", "verified"].includes(result.level) ? result.level : "none";
      out.push(`<div class="verdict ${level}">`);
      out.push(`<p><span class="level">${levelText(level)}</span> · ${t("evidence_kind_" + kind)}: <span class="mono">${escapeHtml(subject)}</span></p>`);
      const reasons = (result.reasons || []).map((r) => {
        const extra = [];
        if (r.matched) {
          extra.push(`${t("evidence_matched")}: <span class="mono">${escapeHtml(r.matched)}</span>`);
        }
        if (r.official) {
          extra.push(`${t("evidence_official")}: <span class="mono">${escapeHtml(r.official)}</span>`);
        }
        const zh = escapeHtml(r.message_zh || r.message || r.code);
        const en = escapeHtml(r.message || r.message_zh || r.code);
        return `<li>${zh}<br><span class="en">${en}</span>${extra.length ? `<br><span class="small">${extra.join(" · ")}</span>` : ""}</li>`;
      });
      if (reasons.length) {
        out.push(`<ul>${reasons.join("")}</ul>`);
      }
      const advice = [...(result.advice_zh || []), ...(result.advice || [])].filter((a) => typeof a === "string");
      if (advice.length) {
        out.push(`<p class="small">${t("evidence_advice")}</p><ul class="small">${advice.map((a) => `<li>${escapeHtml(a)}</li>`).join("")}</ul>`);
      }
      const list = [result.publisher, result.list_version].filter((v) => v !== undefined && v !== null && v !== "");
      if (list.length) {
        out.push(`<p class="small">${t("evidence_list")}: ${escapeHtml(list.join(" "))}</p>`);
      }
      out.push(`</div>`);
    }
    const quiet = c.views.length - shown.length;
    if (quiet > 0) {
      out.push(`<p class="small">${t("evidence_quiet_results", quiet)}</p>`);
    }

    if (c.chat.length) {
      out.push(`<h2>${t("evidence_chat")}</h2>`);
      out.push(`<table><tr><th>${t("evidence_chat_time")}</th><th>${t("evidence_chat_who")}</th><th>${t("evidence_chat_text")}</th><th>${t("evidence_chat_level")}</th></tr>`);
      for (const m of c.chat) {
        const who = m.direction === "outgoing" ? t("evidence_me") : t("evidence_them");
        const sender = m.sender ? `<br><span class="small">${escapeHtml(m.sender)}</span>` : "";
        const level = m.level ? levelText(m.level) : "";
        const cls = [m.direction, m.flagged ? "flagged" : ""].filter(Boolean).join(" ");
        out.push(
          `<tr class="${cls}"><td class="small mono">${escapeHtml(m.time || "")}</td><td class="who">${who}${sender}</td>` +
            `<td class="text">${escapeHtml(m.text)}</td><td><span class="level">${m.flagged ? "\u26a0 " : ""}${level}</span></td></tr>`,
        );
      }
      out.push(`</table>`);
      out.push(`<p class="small">${t("evidence_chat_note")}</p>`);
    }

    out.push(`<h2>${t("evidence_channels")}</h2><table>`);
    out.push(row(t("evidence_phones"), c.channels.phones.join("\n") || "—", "text mono"));
    out.push(row(t("evidence_accounts"), c.channels.accounts.join("\n") || "—", "text mono"));
    out.push(row(t("evidence_links"), c.channels.links.join("\n") || "—", "text mono"));
    out.push(`</table>`);

    out.push(`<h2>${t("evidence_screenshot")}</h2>`);
    out.push(`<p>${data.screenshot ? t("evidence_screenshot_below") : t("evidence_screenshot_none", data.screenshot_error || "")}</p>`);

    out.push(`<h2>${t("evidence_check")}</h2>`);
    out.push(`<p>${t("evidence_check_text")}</p>`);
    out.push(`<p class="mono small">kefuguard evidence verify FILE</p>`);
    return "\n" + out.join("\n") + "\n";
  }

  /** The file's name: kefuguard-evidence-<host>-<UTC time>.html */
  function fileName(url, ms) {
    let host = "page";
    try {
      host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, "_").slice(0, 80) || "page";
    } catch (e) {
      // not a URL: the generic name
    }
    return `kefuguard-evidence-${host}-${utcText(ms).replace(/[-:]/g, "").replace("T", "-")}.html`;
  }

  /**
   * The evidence file for `data` (what background/evidence.js collected). `strings` = {zh_CN, en}:
   * the compiled _locales dictionaries (both languages are in the view), `format` = i18n.format.
   * Returns {html, fingerprint, filename, manifest, contents}.
   */
  async function build(data, strings, format) {
    const c = contents(data);
    const both = (key, subs = []) => {
      const zh = escapeHtml(format(strings.zh_CN, key, subs));
      const en = escapeHtml(format(strings.en, key, subs));
      return zh === en ? zh : `${zh} <span class="en">${en}</span>`;
    };
    const levelText = (level) => both("level_" + level);
    const view = viewHtml(c, data, both, levelText);
    if (/<\/?main\b/i.test(view)) {
      throw new Error("the view may not hold <main> or </main>"); // cannot happen: values are escaped
    }
    const parts = [{ name: "view", media_type: "text/html", text: view }];
    parts.push({ name: "page", media_type: "application/json", text: jsonText(c.page) });
    parts.push({ name: "verdicts", media_type: "application/json", text: jsonText(c.verdicts) });
    if (c.chat.length) {
      parts.push({ name: "chat", media_type: "application/json", text: jsonText(c.chat) });
    }
    parts.push({ name: "channels", media_type: "application/json", text: jsonText(c.channels) });
    const png = typeof data.screenshot === "string" ? /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(data.screenshot) : null;
    if (png) {
      parts.push({ name: "screenshot", media_type: "image/png", base64: png[1] });
    }
    const listed = [];
    for (const part of parts) {
      const bytes = part.base64 !== undefined ? base64Bytes(part.base64) : utf8(part.text);
      listed.push({ name: part.name, media_type: part.media_type, bytes: bytes.length, sha256: await sha256Hex(bytes) });
    }
    const created = Date.now();
    const manifest = {
      format: FORMAT,
      version: VERSION,
      made_by: String(data.made_by || "kefu-guard extension"),
      created_utc: utcText(created),
      parts: listed,
    };
    const manifestText = jsonText(manifest);
    const fingerprint = await sha256Hex(utf8(manifestText));

    let host = c.page.url;
    try {
      host = new URL(c.page.url).hostname;
    } catch (e) {
      // the address as it is
    }
    const captured = c.page.captured_utc.replace("T", " ").replace(/:\d\dZ$/, " UTC");
    const lines = [
      "<!doctype html>",
      '<html lang="zh-CN">',
      "<head>",
      '<meta charset="utf-8">',
      `<meta name="generator" content="kefu-guard evidence ${VERSION}">`,
      `<title>kefu-guard 证据 evidence: ${escapeHtml(host)} ${escapeHtml(captured)}</title>`,
      `<style>${CSS}</style>`,
      "</head>",
      "<body>",
    ];
    for (const part of parts) {
      if (part.name === "view") {
        lines.push(`<main id="kefuguard-view">${part.text}</main>`);
      } else if (part.base64 !== undefined) {
        lines.push(`<img data-part="${part.name}" alt="screenshot" src="data:${part.media_type};base64,${part.base64}">`);
      } else {
        lines.push(`<script type="application/json" data-part="${part.name}">${part.text}</script>`);
      }
    }
    lines.push(`<script type="application/json" id="kefuguard-evidence">${manifestText}</script>`);
    lines.push("</body>", "</html>", "");
    return {
      html: lines.join("\n"),
      fingerprint,
      filename: fileName(c.page.url, data.captured_at || created),
      manifest,
      contents: c,
    };
  }

  ns.evidence = Object.freeze({
    FORMAT,
    VERSION,
    escapeHtml,
    jsonText,
    luhn,
    maskOutgoing,
    maskIn,
    findChannels,
    contents,
    build,
    fileName,
  });
})(globalThis);
