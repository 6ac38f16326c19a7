// What the top page shows of who it is, sent once it asks for a password, a card or a code: the
// host compares the brand named in its title, site name or logo with the site's address
// (host/kefuguard/detect/page_claim.py). A phishing page on a name that says nothing
// ('xk2j9.top') gives the address check nothing to go on; its title saying 中国工商银行 and its
// password field do. Only these few strings and the kinds of fields leave the page, never what
// is typed in them, and only to the local host.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.pageFacts) {
    return;
  }

  const MAX_CHARS = 200;
  const MAX_ITEMS = 3;
  const MAX_INPUTS = 300; // a page with more fields than this is no login form
  const MAX_SENDS = 4; // per page: a form that grows its fields step by step
  const SETTLE_MS = 300;
  const WATCH_MS = 60 * 1000; // a sign-in form comes with the page or soon after; then stop watching

  // field kinds by the words a form uses for them (name, id, placeholder, label, autocomplete)
  const KINDS = [
    ["cvv", /cc-csc|\bcvv2?\b|\bcvc\b|\bcsc\b|\bcvn\b|security.?code|安全码|cvv码|背面.{0,4}三位/i],
    ["card", /cc-number|card.?(?:no|num)|cardnumber|卡号|银行卡|信用卡号|储蓄卡/i],
    ["otp", /one-time-code|\botp\b|验证码|动态码|校验码|短信码|one.?time|verification.?code|sms.?code|passcode/i],
    ["id_number", /身份证|id.?card|idcard|id.?number|\bssn\b|social.?security/i],
  ];
  const ORDER = ["password", "card", "cvv", "otp", "id_number"];

  const short = (text) => (text || "").replace(/\s+/g, " ").trim().slice(0, MAX_CHARS);

  function describe(input) {
    const label = input.labels && input.labels.length ? input.labels[0].textContent : "";
    return [input.name, input.id, input.placeholder, input.autocomplete, input.getAttribute("aria-label"), label].join(" ");
  }

  /** The kinds of sensitive fields on the page, in a fixed order. */
  function fieldKinds(doc) {
    const found = new Set();
    const inputs = doc.getElementsByTagName("input");
    for (let i = 0; i < inputs.length && i < MAX_INPUTS; i++) {
      const input = inputs[i];
      const type = (input.type || "").toLowerCase();
      if (type === "hidden" || input.disabled) {
        continue;
      }
      if (type === "password") {
        found.add("password");
        continue;
      }
      if (!["text", "tel", "number", "email", ""].includes(type)) {
        continue;
      }
      const words = describe(input);
      for (const [kind, pattern] of KINDS) {
        if (pattern.test(words)) {
          found.add(kind);
          break;
        }
      }
    }
    return ORDER.filter((k) => found.has(k));
  }

  function metaContent(doc, selector) {
    const meta = doc.querySelector(selector);
    return meta ? short(meta.getAttribute("content")) : "";
  }

  /** The facts check_page_claim carries (common/vocabulary.js isPageFacts), or null with no sensitive field. */
  function collect(doc) {
    const fields = fieldKinds(doc);
    if (!fields.length) {
      return null;
    }
    const facts = { title: short(doc.title), fields };
    // the name a page gives itself for sharing; a kit copies it from the page it imitates
    const site =
      metaContent(doc, 'meta[property="og:site_name"]') ||
      metaContent(doc, 'meta[name="application-name"]') ||
      metaContent(doc, 'meta[property="og:title"]');
    if (site) {
      facts.site_name = site;
    }
    const headings = Array.from(doc.querySelectorAll("h1, h2"), (h) => short(h.textContent)).filter(Boolean);
    if (headings.length) {
      facts.headings = headings.slice(0, MAX_ITEMS);
    }
    const logos = [];
    for (const img of doc.querySelectorAll("img[alt], img[title]")) {
      const where = `${img.getAttribute("src") || ""} ${img.className || ""} ${img.id || ""} ${img.alt || ""}`;
      const said = short(img.alt || img.title);
      if (said && /logo|标志|标识/i.test(where) && !logos.includes(said)) {
        logos.push(said);
        if (logos.length >= MAX_ITEMS) {
          break;
        }
      }
    }
    if (logos.length) {
      facts.logos = logos;
    }
    return facts;
  }

  /**
   * Send the page's facts when it first shows a sensitive field, and again when it adds a kind of
   * field it had not shown (a two-step form: the card page after the password page); `onVerdict`
   * gets each reply's result.
   */
  function watch(doc, send, onVerdict) {
    let sent = 0;
    let lastFields = "";
    let timer = 0;
    const check = () => {
      timer = 0;
      const facts = collect(doc);
      if (!facts || facts.fields.join() === lastFields || sent >= MAX_SENDS) {
        return;
      }
      lastFields = facts.fields.join();
      sent++;
      send(facts).then(onVerdict, () => {});
      if (sent >= MAX_SENDS) {
        observer.disconnect();
      }
    };
    const later = () => {
      if (!timer) {
        timer = setTimeout(check, SETTLE_MS);
      }
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType === 1 && (node.tagName === "INPUT" || node.getElementsByTagName("input").length)) {
            later();
            return;
          }
        }
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), WATCH_MS);
    check();
    return observer;
  }

  ns.pageFacts = Object.freeze({ collect, fieldKinds, watch });
})(globalThis);
