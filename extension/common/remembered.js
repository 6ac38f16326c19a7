// The remembered danger hosts as storage.session holds them, for the background (which writes
// them) and the content script (which reads the one entry of its own page, so the warning for a
// site judged dangerous earlier in this browser session goes up without waiting for a stopped
// service worker to start). storage.session is memory only and gone when the browser closes; the
// background opens it to content scripts, so nothing in it names a site: an entry's key is a hash
// of the host name and its verdict is scrambled with a key stream drawn from the host name. Only
// a script that already knows a host can read that host's entry (a guess can still be tested:
// this keeps a list of visited hosts from being read, it does not make one unguessable). A page's
// own scripts cannot read extension storage at all.
// Classic script that also loads as an ES module; sets globalThis.KefuGuard.remembered.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.remembered) {
    return;
  }

  const ENTRY_PREFIX = "kefuguard.danger.";
  // what the content script needs to show the warning on its own: the settings that decide
  // whether it shows (page check on, minimum level, trusted sites), the language and its strings
  const PREFS_KEY = "kefuguard.pagePrefs";
  const TTL_MS = 12 * 60 * 60 * 1000; // an entry older than this is not used (and is dropped)

  /** 53 bits of a string (cyrb53): enough that two hosts of one session never share a key. */
  function hash53(text, seed) {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }

  /** The storage key of a host's entry. */
  function keyOf(host) {
    return ENTRY_PREFIX + hash53(host.toLowerCase(), 1).toString(36);
  }

  /** `bytes` XORed with a key stream seeded from `host` (xorshift32): its own inverse. */
  function scramble(host, bytes) {
    let state = hash53(host.toLowerCase(), 2) % 4294967291 || 1;
    const out = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out[i] = bytes[i] ^ (state & 0xff);
    }
    return out;
  }

  /** The stored form of `value` (JSON) for `host`: base64 of its scrambled UTF-8 bytes. */
  function seal(host, value) {
    const bytes = scramble(host, new TextEncoder().encode(JSON.stringify(value)));
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  /** The value sealed for `host`; null when it is not one (another host's, or damaged). */
  function open(host, sealed) {
    try {
      const binary = atob(sealed);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(scramble(host, bytes)));
    } catch (e) {
      return null;
    }
  }

  /** An entry as stored: {v: sealed {host, result}, at, list_version}. */
  function entry(host, result, now) {
    return { v: seal(host, { host: host.toLowerCase(), result }), at: now, list_version: result.list_version ?? null };
  }

  /** The danger result of a stored entry for `host`, or null (none, expired, another host's, not danger). */
  function resultOf(host, stored, now) {
    if (!stored || typeof stored.v !== "string" || !(now - stored.at < TTL_MS)) {
      return null;
    }
    const value = open(host, stored.v);
    if (!value || value.host !== host.toLowerCase() || !value.result || value.result.level !== "danger") {
      return null;
    }
    return value.result;
  }

  ns.remembered = Object.freeze({ ENTRY_PREFIX, PREFS_KEY, TTL_MS, keyOf, seal, open, entry, resultOf });
})(globalThis);
