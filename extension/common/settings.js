// Settings: defaults, the user's choices (storage.local "settings") and enterprise values
// (storage.managed, managed_schema.json), in that order of rising precedence. A value the
// organisation sets is locked. Pure functions; the callers do the storage I/O.
// Classic script that also loads as an ES module; sets globalThis.KefuGuard.settings.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.settings) {
    return;
  }

  const FEATURES = ["page_check", "link_check", "chat_check", "send_warning"];
  const MIN_LEVELS = ["caution", "danger"];
  const LANGUAGES = ["auto", "zh_CN", "en"];
  // where to report a scam (ui/report.*): auto follows the browser's locale
  const REGIONS = ["auto", "CN", "US", "GB", "other"];
  const STORAGE_KEY = "settings";
  // the last storage.managed values the background read, in storage.local: Chrome's first
  // storage.managed read after a browser start can take seconds, and nobody waits longer than
  // MANAGED_WAIT_MS for it (the cached values are used until it answers)
  const MANAGED_CACHE_KEY = "managed_cache";
  const MANAGED_WAIT_MS = 300;
  const MAX_TRUSTED = 200;

  function defaults() {
    return {
      features: { page_check: true, link_check: true, chat_check: true, send_warning: true },
      min_level: "caution",
      language: "auto",
      region: "auto",
      trusted_domains: [],
    };
  }

  /** A lower-case host name such as example.com, or null. */
  function normalizeDomain(value) {
    if (typeof value !== "string") {
      return null;
    }
    let d = value.trim().toLowerCase();
    d = d.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[/?#:].*$/, "").replace(/^\*\./, "").replace(/\.$/, "");
    if (d.length === 0 || d.length > 253 || !/^[a-z0-9\u00a1-\uffff-]+(\.[a-z0-9\u00a1-\uffff-]+)+$/.test(d)) {
      return null;
    }
    return d;
  }

  function domainList(value) {
    if (!Array.isArray(value)) {
      return [];
    }
    const out = [];
    for (const item of value) {
      const d = normalizeDomain(item);
      if (d && !out.includes(d)) {
        out.push(d);
      }
      if (out.length >= MAX_TRUSTED) {
        break;
      }
    }
    return out;
  }

  /** The valid part of a stored or managed settings object; unknown or mistyped values are dropped. */
  function sanitize(raw) {
    const out = {};
    if (raw === null || typeof raw !== "object") {
      return out;
    }
    if (raw.features && typeof raw.features === "object") {
      for (const f of FEATURES) {
        if (typeof raw.features[f] === "boolean") {
          (out.features || (out.features = {}))[f] = raw.features[f];
        }
      }
    }
    if (MIN_LEVELS.includes(raw.min_level)) {
      out.min_level = raw.min_level;
    }
    if (LANGUAGES.includes(raw.language)) {
      out.language = raw.language;
    }
    if (REGIONS.includes(raw.region)) {
      out.region = raw.region;
    }
    if (Array.isArray(raw.trusted_domains)) {
      out.trusted_domains = domainList(raw.trusted_domains);
    }
    return out;
  }

  /**
   * CN, US, GB or other: the `region` setting, or for auto the region of the first locale tag
   * that names one ("zh-CN", "en-GB"); a Chinese tag without a region ("zh", "zh-Hans") is CN.
   */
  function resolveRegion(setting, locales) {
    if (REGIONS.includes(setting) && setting !== "auto") {
      return setting;
    }
    for (const tag of locales || []) {
      const m = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_]|$)/i.exec(typeof tag === "string" ? tag : "");
      if (!m) {
        continue;
      }
      const region = (m[3] || "").toUpperCase();
      if (region) {
        return region === "UK" ? "GB" : ["CN", "US", "GB"].includes(region) ? region : "other";
      }
      if (m[1].toLowerCase() === "zh" && (!m[2] || m[2].toLowerCase() === "hans")) {
        return "CN";
      }
    }
    return "other";
  }

  // the settings an organisation can set (managed_schema.json's properties)
  const MANAGED_KEYS = [
    "features",
    "min_level",
    "language",
    "trusted_domains",
    "host_update_urls",
    "host_supplementary_lists",
    "support_contact",
  ];

  function jsonType(value) {
    if (value === null) {
      return "null";
    }
    if (Array.isArray(value)) {
      return "array";
    }
    return typeof value === "number" ? "number" : typeof value;
  }

  /**
   * The organisation's values this extension cannot use, as [{path, why, got, wanted}] (why:
   * "type", "choice" or "unknown"), by the same rules as `kefuguard doctor`'s
   * policy.setting_ignored. Chromium drops such values before storage.managed (a whole top-level
   * setting when a part of it has the wrong type); Firefox passes them on and sanitize() skips them.
   */
  function ignoredManaged(raw) {
    const out = [];
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      return out;
    }
    const wrong = (path, value, wanted) => out.push({ path, why: "type", got: jsonType(value), wanted });
    const strings = (path, value) => {
      if (!Array.isArray(value)) {
        return wrong(path, value, "array");
      }
      value.forEach((v, i) => typeof v !== "string" && wrong(`${path}[${i}]`, v, "string"));
    };
    for (const [key, value] of Object.entries(raw)) {
      if (key === "features") {
        if (jsonType(value) !== "object") {
          wrong(key, value, "object");
          continue;
        }
        for (const [f, v] of Object.entries(value)) {
          if (!FEATURES.includes(f)) {
            out.push({ path: `features.${f}`, why: "unknown" });
          } else if (typeof v !== "boolean") {
            wrong(`features.${f}`, v, "boolean");
          }
        }
      } else if (key === "min_level" || key === "language") {
        const choices = key === "min_level" ? MIN_LEVELS : LANGUAGES;
        if (typeof value !== "string") {
          wrong(key, value, "string");
        } else if (!choices.includes(value)) {
          out.push({ path: key, why: "choice", got: JSON.stringify(value), wanted: choices.join(", ") });
        }
      } else if (key === "trusted_domains" || key === "host_update_urls") {
        strings(key, value);
      } else if (key === "host_supplementary_lists") {
        if (!Array.isArray(value)) {
          wrong(key, value, "array");
          continue;
        }
        value.forEach((item, i) => {
          if (jsonType(item) !== "object") {
            return wrong(`${key}[${i}]`, item, "object");
          }
          for (const [k, v] of Object.entries(item)) {
            if (k !== "url" && k !== "name") {
              out.push({ path: `${key}[${i}].${k}`, why: "unknown" });
            } else if (typeof v !== "string") {
              wrong(`${key}[${i}].${k}`, v, "string");
            }
          }
        });
      } else if (key === "support_contact") {
        if (typeof value !== "string") {
          wrong(key, value, "string");
        }
      } else {
        out.push({ path: key, why: "unknown" });
      }
    }
    return out;
  }

  /**
   * Display-only values the organisation set for the host side (the host reads its own
   * managed.toml), whether it sets any of our settings at all (`managed`: the popup says so), and
   * what of its values cannot be used (`ignored`).
   */
  function managedInfo(managed) {
    const m = managed && typeof managed === "object" ? managed : {};
    const urls = Array.isArray(m.host_update_urls) ? m.host_update_urls.filter((u) => typeof u === "string") : [];
    const lists = Array.isArray(m.host_supplementary_lists)
      ? m.host_supplementary_lists
          .filter((l) => l && typeof l === "object" && typeof l.url === "string")
          .map((l) => ({ url: l.url, name: typeof l.name === "string" ? l.name : "" }))
      : [];
    return {
      host_update_urls: urls.slice(0, 20),
      host_supplementary_lists: lists.slice(0, 20),
      support_contact: typeof m.support_contact === "string" ? m.support_contact.slice(0, 300) : "",
      managed: MANAGED_KEYS.some((k) => k in m),
      ignored: ignoredManaged(m).slice(0, 50),
    };
  }

  /**
   * Effective settings and what is locked. Managed values override the user's; managed trusted
   * domains are added to the user's (the organisation's entries are locked, the user may add more).
   */
  function merge(userRaw, managedRaw) {
    const user = sanitize(userRaw);
    const managed = sanitize(managedRaw);
    const effective = defaults();
    const locked = [];
    Object.assign(effective.features, user.features || {});
    for (const [f, v] of Object.entries(managed.features || {})) {
      effective.features[f] = v;
      locked.push("features." + f);
    }
    for (const key of ["min_level", "language"]) {
      if (user[key] !== undefined) {
        effective[key] = user[key];
      }
      if (managed[key] !== undefined) {
        effective[key] = managed[key];
        locked.push(key);
      }
    }
    if (user.region !== undefined) {
      effective.region = user.region; // the user's own: not an organisation setting (managed_schema.json)
    }
    const managedDomains = managed.trusted_domains || [];
    const userDomains = (user.trusted_domains || []).filter((d) => !managedDomains.includes(d));
    effective.trusted_domains = managedDomains.concat(userDomains).slice(0, MAX_TRUSTED);
    return {
      effective,
      locked,
      user,
      managed_trusted_domains: managedDomains,
      managed_info: managedInfo(managedRaw),
    };
  }

  /** Whether `host` is one of `domains` or under one of them. */
  function isTrustedHost(host, domains) {
    const h = (host || "").toLowerCase().replace(/\.$/, "");
    return domains.some((d) => h === d || h.endsWith("." + d));
  }

  ns.settings = Object.freeze({
    FEATURES,
    MIN_LEVELS,
    LANGUAGES,
    REGIONS,
    MANAGED_KEYS,
    STORAGE_KEY,
    MANAGED_CACHE_KEY,
    MANAGED_WAIT_MS,
    defaults,
    normalizeDomain,
    sanitize,
    merge,
    managedInfo,
    ignoredManaged,
    isTrustedHost,
    resolveRegion,
  });
})(globalThis);
